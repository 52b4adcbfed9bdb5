-- The system of record. Raw submissions stay here, staff-only; the search index holds only
-- what a moderator published.

CREATE TABLE stories (
    id                TEXT PRIMARY KEY,
    status            TEXT NOT NULL CHECK (status IN ('submitted', 'published', 'rejected', 'unpublished')),
    receipt_hash      BLOB NOT NULL UNIQUE,
    language          TEXT NOT NULL,
    -- What the storyteller sent (title, body, private terms, pseudonym), sealed with a key
    -- of the story's own, which is stored wrapped by the master key kept outside the database.
    sealed            BLOB NOT NULL,
    wrapped_key       BLOB NOT NULL,
    origin_country    TEXT,
    transit_countries TEXT NOT NULL DEFAULT '[]',   -- JSON list
    residence_country TEXT,
    year              INTEGER,
    themes            TEXT NOT NULL DEFAULT '[]',   -- JSON list
    -- Consent as given, with the text version it was given on.
    visibility        TEXT NOT NULL CHECK (visibility IN ('public', 'press', 'private')),
    allow_quotes      INTEGER NOT NULL,
    allow_photo       INTEGER NOT NULL,
    allow_contact     INTEGER NOT NULL,
    age_confirmed     INTEGER NOT NULL,
    -- The teller marked the story as about a child: like an unconfirmed age, it needs two
    -- moderators; the first one's approval is kept here.
    about_minor       INTEGER NOT NULL DEFAULT 0,
    first_approval    TEXT,
    consent_version   TEXT NOT NULL,
    submitted_at      TEXT NOT NULL,
    decided_at        TEXT,
    -- A moderator's message to the storyteller (shown on the receipt page).
    message           TEXT,
    -- The redacted text, present once published.
    published_title   TEXT,
    published_body    TEXT,
    published_pseudonym TEXT,
    published_at      TEXT
);

CREATE INDEX stories_queue ON stories (status, submitted_at);

-- Every publication or removal, in order; the index follows this log.
CREATE TABLE changes (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id TEXT NOT NULL,
    at       TEXT NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('moderator', 'journalist', 'admin')),
    created_at    TEXT NOT NULL
);

-- Staff sessions (cookie) and API tokens (bearer), stored as hashes.
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('cookie', 'api')),
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Who did what, when; never story text.
CREATE TABLE audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    story_id TEXT,
    detail   TEXT NOT NULL DEFAULT ''
);
