-- Every export of search results: who, when, which query and how many stories. Admins read it.
CREATE TABLE exports (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    format  TEXT NOT NULL CHECK (format IN ('csv', 'json')),
    query   TEXT NOT NULL,
    stories INTEGER NOT NULL
);

-- A name the journalist gives an API token, so a list of tokens says which is which.
ALTER TABLE sessions ADD COLUMN label TEXT NOT NULL DEFAULT '';
