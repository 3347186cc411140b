//! The app lock as the server keeps it, on the session row (one row is one
//! device's sign-in; migration 0011). Each statement is one atomic step, so
//! two servers on one database, or two requests at once, agree: a wrong PIN
//! is counted by one UPDATE that answers the new count, before the PIN is
//! checked (as sign-in tries are, db/sign_in_limits.rs).

use super::Db;

/// Sets (or replaces) the session's PIN hash and forgets its wrong tries.
pub async fn set_pin(db: &Db, session_id: &str, pin_hash: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE auth_sessions SET pin_hash = $1, pin_wrong = 0 WHERE id = $2")
        .bind(pin_hash)
        .bind(session_id)
        .execute(db.writer())
        .await?;
    Ok(())
}

pub async fn remove_pin(db: &Db, session_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE auth_sessions SET pin_hash = NULL, pin_wrong = 0 WHERE id = $1")
        .bind(session_id)
        .execute(db.writer())
        .await?;
    Ok(())
}

/// Locks the session if it has a PIN. False when it has none (or is gone).
pub async fn lock(db: &Db, session_id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE auth_sessions SET locked = 1 WHERE id = $1 AND pin_hash IS NOT NULL")
        .bind(session_id)
        .execute(db.writer())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends the session if it has no PIN. False when it has one (set since the
/// caller looked) or is already gone.
pub async fn end_if_no_pin(db: &Db, session_id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM auth_sessions WHERE id = $1 AND pin_hash IS NULL")
        .bind(session_id)
        .execute(db.writer())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts one PIN try against the session, before it is checked, and
/// answers `(wrong tries in a row, counting this one; the PIN hash)`. None
/// when the session has no PIN or has ended. On PostgreSQL the UPDATE locks
/// the row and on SQLite there is one writer, so two tries at once always
/// get different counts.
pub async fn count_try(db: &Db, session_id: &str) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as(
        "UPDATE auth_sessions SET pin_wrong = pin_wrong + 1 WHERE id = $1 AND pin_hash IS NOT NULL
         RETURNING pin_wrong, pin_hash",
    )
    .bind(session_id)
    .fetch_optional(db.writer())
    .await
}

/// Takes back a try that was never checked (hashing was busy).
pub async fn give_back(db: &Db, session_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE auth_sessions SET pin_wrong = pin_wrong - 1 WHERE id = $1 AND pin_wrong > 0")
        .bind(session_id)
        .execute(db.writer())
        .await?;
    Ok(())
}

/// The right PIN: the session opens and its wrong tries are forgotten.
pub async fn unlock(db: &Db, session_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE auth_sessions SET locked = 0, pin_wrong = 0 WHERE id = $1")
        .bind(session_id)
        .execute(db.writer())
        .await?;
    Ok(())
}

/// Whether the session still exists (told apart from "has no PIN").
pub async fn exists(db: &Db, session_id: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM auth_sessions WHERE id = $1")
        .bind(session_id)
        .fetch_one(db.writer())
        .await?;
    Ok(n > 0)
}

/// Ends the session (the last wrong PIN).
pub async fn end(db: &Db, session_id: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM auth_sessions WHERE id = $1").bind(session_id).execute(db.writer()).await?;
    Ok(())
}
