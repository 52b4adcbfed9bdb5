-- A journalist's request to interview a storyteller, relayed by a moderator. The storyteller's
-- answer (how to reach them, in their own words) is sealed under a key of its own in the key
-- store (owner "<story>/contact/<request>"), destroyed with the story on withdrawal; the rows
-- go with the story.
CREATE TABLE contact_requests (
    id          TEXT PRIMARY KEY,
    story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    journalist  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message     TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'declined', 'relayed', 'accepted', 'refused')),
    reply       BLOB,
    created_at  TEXT NOT NULL,
    decided_at  TEXT,
    answered_at TEXT
);
CREATE INDEX contact_requests_story ON contact_requests (story_id);
