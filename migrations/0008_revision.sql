-- Counts the storyteller's edits, so a moderator's decision applies to the text they read.
ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
