-- The language of the consent text the storyteller read, kept with its version.
ALTER TABLE stories ADD COLUMN consent_language TEXT NOT NULL DEFAULT 'en';
