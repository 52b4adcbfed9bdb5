-- Rebuilding the index and exporting read the published stories in id order, a page at a
-- time. Without this index each page read every published story through the queue index
-- and sorted them: a rebuild of a million stories read the store a thousand times over.
CREATE INDEX stories_status_id ON stories (status, id);
