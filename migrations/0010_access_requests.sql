-- Journalists and researchers asking for access (/join). The chosen password is kept only as
-- an argon2id hash; an admin grants (the account is created with it) or refuses.
CREATE TABLE access_requests (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    name          TEXT NOT NULL,
    outlet        TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
    decided_by    TEXT,
    decided_at    TEXT
);
