-- Issue 15: sign-in limits kept in the database, so they hold across
-- replicas and restarts. One row per key ("a:<username>", "ip:<address>",
-- "code-from:<address>"): the tries counted in the window that began at
-- `window_start` (Unix ms). A try is counted by one upsert that answers the
-- new count, so concurrent tries at one key cannot all pass the check.
-- Rows whose window has ended are pruned by the server's periodic task.
-- Kept in step with the other dialect's 0010_sign_in_limits.sql.
CREATE TABLE sign_in_limits (
    limit_key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    tries BIGINT NOT NULL
);
CREATE INDEX sign_in_limits_by_window ON sign_in_limits (window_start);
