//! Counts of changes each person has pushed, in fixed windows (issue 15,
//! item 7; routes/sync.rs says what the figures are). Like the sign-in
//! counts (db/sign_in_limits.rs), every statement is one atomic step, so
//! replicas on one database share the counts and a burst cannot slip past.

use super::Db;

/// Counts `changes` more for `person` if they fit under `limit` in the
/// current window: `Ok(())` when counted, `Err(window_start)` when they do
/// not fit (then nothing is counted, so a refused push costs nothing). A
/// window that began at or before `window_began_after` starts again at
/// `now` with these changes. Runs on the writer: the conditional upsert
/// locks the row on PostgreSQL, and SQLite has one writer, so two pushes
/// can never both take the last places.
pub async fn take(
    db: &Db,
    person: &str,
    changes: i64,
    limit: i64,
    now: i64,
    window_began_after: i64,
) -> sqlx::Result<Result<(), i64>> {
    let counted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO sync_limits (person_id, window_start, changes) VALUES ($1, $2, $3)
         ON CONFLICT (person_id) DO UPDATE SET
           changes = CASE WHEN sync_limits.window_start <= $4 THEN excluded.changes
                          ELSE sync_limits.changes + excluded.changes END,
           window_start = CASE WHEN sync_limits.window_start <= $4 THEN excluded.window_start
                               ELSE sync_limits.window_start END
         WHERE sync_limits.window_start <= $4 OR sync_limits.changes + excluded.changes <= $5
         RETURNING changes",
    )
    .bind(person)
    .bind(now)
    .bind(changes)
    .bind(window_began_after)
    .bind(limit)
    .fetch_optional(db.writer())
    .await?;
    if counted.is_some() {
        return Ok(Ok(()));
    }
    // Over: when the window that refused them began, for Retry-After.
    let began: Option<i64> = sqlx::query_scalar("SELECT window_start FROM sync_limits WHERE person_id = $1")
        .bind(person)
        .fetch_optional(db.writer())
        .await?;
    Ok(Err(began.unwrap_or(now)))
}

/// Deletes the rows whose window began at or before `window_began_after`:
/// they no longer limit anything. Answers how many went.
pub async fn prune(db: &Db, window_began_after: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("DELETE FROM sync_limits WHERE window_start <= $1")
        .bind(window_began_after)
        .execute(db.writer())
        .await?;
    Ok(done.rows_affected())
}
