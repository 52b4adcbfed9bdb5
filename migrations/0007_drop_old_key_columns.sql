-- The keys now live in keys.db (migration 0006).
ALTER TABLE stories DROP COLUMN wrapped_key;
ALTER TABLE photos DROP COLUMN wrapped_key;
