-- Each story's key (wrapped by the master key) moves out of this database into its own,
-- DATA/keys.db, attached as `keys` (table `keys.wrapped_keys`, created when the store
-- opens): the owner is the story id for its text and `ID/photo` for its photo original.
-- Withdrawal and retention delete the key there first, so a backup of this database taken
-- earlier can never be opened again for that story: keys.db is left out of backups.
-- The old columns are dropped by the next migration, once this copy is committed.
INSERT OR IGNORE INTO keys.wrapped_keys (owner, wrapped, created_at)
    SELECT id, wrapped_key, submitted_at FROM stories WHERE length(wrapped_key) > 0;
INSERT OR IGNORE INTO keys.wrapped_keys (owner, wrapped, created_at)
    SELECT photos.story_id || '/photo', photos.wrapped_key, stories.submitted_at
    FROM photos JOIN stories ON stories.id = photos.story_id WHERE length(photos.wrapped_key) > 0;
