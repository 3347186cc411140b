//! Counts of sign-in tries per key, in fixed windows (auth/limiter.rs says
//! what the keys are and why). Every statement here is one atomic step, so
//! replicas on one database share the counts and a burst cannot slip past.

use super::Db;

/// Counts one try at `key` and answers `(tries in this window, when the
/// window began)`. A window that ended before `window_began_after` starts
/// again at `now` with this try. Runs on the writer: on PostgreSQL the
/// upsert locks the row, on SQLite there is one writer, so two tries at one
/// key always see different counts.
pub async fn count_try(db: &Db, key: &str, now: i64, window_began_after: i64) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(
        "INSERT INTO sign_in_limits (limit_key, window_start, tries) VALUES ($1, $2, 1)
         ON CONFLICT (limit_key) DO UPDATE SET
           tries = CASE WHEN sign_in_limits.window_start <= $3 THEN 1 ELSE sign_in_limits.tries + 1 END,
           window_start = CASE WHEN sign_in_limits.window_start <= $3 THEN $2 ELSE sign_in_limits.window_start END
         RETURNING tries, window_start",
    )
    .bind(key)
    .bind(now)
    .bind(window_began_after)
    .fetch_one(db.writer())
    .await
}

/// Takes back one try counted at `key` in the window that began at
/// `window_start` (a try that turned out to be right).
pub async fn give_back(db: &Db, key: &str, window_start: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE sign_in_limits SET tries = tries - 1 WHERE limit_key = $1 AND window_start = $2 AND tries > 0")
        .bind(key)
        .bind(window_start)
        .execute(db.writer())
        .await?;
    Ok(())
}

/// Forgets every try at `key` (an account's after a right passphrase).
pub async fn reset(db: &Db, key: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sign_in_limits WHERE limit_key = $1").bind(key).execute(db.writer()).await?;
    Ok(())
}

/// Deletes the rows whose window began at or before `window_began_after`:
/// they no longer limit anything. Answers how many went.
pub async fn prune(db: &Db, window_began_after: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("DELETE FROM sign_in_limits WHERE window_start <= $1")
        .bind(window_began_after)
        .execute(db.writer())
        .await?;
    Ok(done.rows_affected())
}
