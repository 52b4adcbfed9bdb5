-- What remains of a withdrawn story: that it existed, and when it was withdrawn. Nothing else.
CREATE TABLE tombstones (
    id           TEXT PRIMARY KEY,
    withdrawn_at TEXT NOT NULL
);
