-- Identifies this archive, so a search index built from another one (or from a restored
-- backup) is recognised and rebuilt rather than trusted.
CREATE TABLE archive_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
