-- Issue 15, item 7: how many changes each person has sent through
-- POST /sync/push in the window that began at `window_start` (Unix ms).
-- A push is counted by one upsert that adds its changes only if they fit
-- (db/sync_limits.rs), so replicas on one database share the count and
-- concurrent pushes cannot all slip under it. Rows whose window has ended
-- are pruned by the server's periodic task.
-- Kept in step with the other dialect's 0012_sync_limits.sql.
CREATE TABLE sync_limits (
    person_id TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    changes BIGINT NOT NULL
);
CREATE INDEX sync_limits_by_window ON sync_limits (window_start);

-- Stored answers older than a set age are pruned by the same task
-- (routes/sync.rs, ANSWERS_KEPT_MS): this finds them without a full scan.
CREATE INDEX applied_mutations_by_at ON applied_mutations (at);
