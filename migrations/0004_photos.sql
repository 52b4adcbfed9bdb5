-- A story's one photo. The original is sealed like the raw text (its own key, wrapped by the
-- master key) and emptied by retention; what readers see are two files re-made from pixels
-- under DATA/media/, named at random, present only while the story is published.
CREATE TABLE photos (
    story_id       TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    sealed         BLOB NOT NULL,
    wrapped_key    BLOB NOT NULL,
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    display_file   TEXT,
    thumbnail_file TEXT
);
