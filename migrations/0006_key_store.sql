-- Each story's key (wrapped by the master key) moves out of this database into its own,
-- DATA/keys.db, attached as `keys` (table `keys.wrapped_keys`, created when the store
-- opens): owner is the story id for its text and `ID/photo` for its photo original.
-- Withdrawal and retention delete the key there, so a backup of this database taken
-- earlier can never be opened again for that story: keys.db is left out of backups.
INSERT OR IGNORE INTO keys.wrapped_keys (owner, wrapped)
    SELECT id, wrapped_key FROM stories WHERE length(wrapped_key) > 0;
INSERT OR IGNORE INTO keys.wrapped_keys (owner, wrapped)
    SELECT story_id || '/photo', wrapped_key FROM photos WHERE length(wrapped_key) > 0;
ALTER TABLE stories DROP COLUMN wrapped_key;
ALTER TABLE photos DROP COLUMN wrapped_key;
