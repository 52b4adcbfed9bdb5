-- The retention job looks for stories decided before a date, at start-up and every hour: with
-- an index it reads those rows only, not every story of the archive.
CREATE INDEX stories_decided_at ON stories (decided_at);
