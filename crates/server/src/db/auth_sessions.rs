//! Server-side sign-in sessions. The cookie holds a random token; the table
//! holds only its SHA-256, so ending a session is one DELETE and takes effect
//! on the very next request. Each session also has an `id` its person may see
//! (to sign it out from elsewhere) and the device it was made on. When a
//! token is replaced, the one before is kept as `previous_hash` for a minute.

use sqlx::AnyConnection;
use uuid::Uuid;

use super::Db;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub id: String,
    pub person_id: String,
    pub role: String,
    pub council_id: String,
    pub username: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub rotated_at: i64,
    pub disabled_at: Option<i64>,
    pub closed_at: Option<i64>,
    /// 1 when the person has a confirmed authenticator secret.
    pub second_factor_on: i64,
    pub second_factor_optional: i64,
    /// 1 when the request's token is the session's current one; 0 when it is
    /// the token before, still in its minute of grace.
    pub current: i64,
    /// 1 while the app lock is up on this device (db/device_lock.rs).
    pub locked: i64,
}

/// Starts a session; answers its id.
pub async fn insert(
    conn: &mut AnyConnection,
    token_hash: &str,
    person_id: &str,
    now: i64,
    expires_at: i64,
    device: &str,
) -> sqlx::Result<Uuid> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO auth_sessions (token_hash, person_id, created_at, last_seen_at, expires_at, id, device, rotated_at)
         VALUES ($1, $2, $3, $3, $4, $5, $6, $3)",
    )
    .bind(token_hash)
    .bind(person_id)
    .bind(now)
    .bind(expires_at)
    .bind(id.to_string())
    .bind(device)
    .execute(conn)
    .await?;
    Ok(id)
}

/// The session a token belongs to: its current token, or the one before it
/// during its grace minute.
pub async fn find(db: &Db, token_hash: &str, now: i64) -> sqlx::Result<Option<SessionRow>> {
    sqlx::query_as(
        "SELECT s.id, s.person_id, p.role, p.council_id, p.username, s.created_at, s.last_seen_at, s.expires_at,
                COALESCE(s.rotated_at, s.created_at) AS rotated_at, p.disabled_at, p.closed_at,
                CASE WHEN p.totp_secret IS NULL THEN 0 ELSE 1 END AS second_factor_on,
                p.second_factor_optional,
                CASE WHEN s.token_hash = $1 THEN 1 ELSE 0 END AS current, s.locked
         FROM auth_sessions s JOIN people p ON p.id = s.person_id
         WHERE s.token_hash = $1 OR (s.previous_hash = $1 AND s.previous_until > $2)",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db.pool())
    .await
}

pub async fn touch(db: &Db, id: &str, now: i64, expires_at: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE auth_sessions SET last_seen_at = $1, expires_at = $2 WHERE id = $3")
        .bind(now)
        .bind(expires_at)
        .bind(id)
        .execute(db.writer())
        .await?;
    Ok(())
}

/// Replaces the session's token, keeping the old one for `grace_ms`. False
/// when another request replaced it first (that one's cookie wins).
pub async fn rotate(db: &Db, id: &str, old_hash: &str, new_hash: &str, now: i64, grace_ms: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE auth_sessions SET token_hash = $1, previous_hash = $2, previous_until = $3, rotated_at = $4
         WHERE id = $5 AND token_hash = $2",
    )
    .bind(new_hash)
    .bind(old_hash)
    .bind(now + grace_ms)
    .bind(now)
    .bind(id)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends the session this token (current or just replaced) belongs to.
pub async fn delete(db: &Db, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM auth_sessions WHERE token_hash = $1 OR previous_hash = $1")
        .bind(token_hash)
        .execute(db.writer())
        .await?;
    Ok(())
}

pub async fn delete_by_id(conn: &mut AnyConnection, id: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM auth_sessions WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}

/// Used when an account is disabled or its passphrase changes.
pub async fn delete_for_person(db: &Db, person_id: &str) -> sqlx::Result<()> {
    let mut conn = db.writer().acquire().await?;
    delete_all_of(&mut conn, person_id, None).await
}

/// Ends every session of a person but `except` (a session id), inside the
/// caller's transaction.
pub async fn delete_all_of(conn: &mut AnyConnection, person_id: &str, except: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM auth_sessions WHERE person_id = $1 AND id <> $2")
        .bind(person_id)
        .bind(except.unwrap_or(""))
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends one of a person's own sessions. False when no session of theirs has
/// that id (someone else's is as good as none).
pub async fn delete_own(conn: &mut AnyConnection, person_id: &str, id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM auth_sessions WHERE person_id = $1 AND id = $2")
        .bind(person_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedSession {
    pub id: String,
    pub device: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// A person's sessions that have not ended, most recently used first.
pub async fn of_person(db: &Db, person_id: &str, now: i64) -> sqlx::Result<Vec<ListedSession>> {
    sqlx::query_as(
        "SELECT id, device, created_at, last_seen_at FROM auth_sessions
         WHERE person_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC, created_at DESC",
    )
    .bind(person_id)
    .bind(now)
    .fetch_all(db.pool())
    .await
}

/// Deletes every session that can no longer be used: past its expiry, or a
/// staff session idle for longer than `staff_idle_ms` (issue 15, finding 8:
/// they were only deleted when their token came back, which for a lost
/// phone or a closed laptop is never). Answers how many went.
pub async fn delete_expired(db: &Db, now: i64, staff_idle_ms: i64) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "DELETE FROM auth_sessions WHERE expires_at <= $1
            OR (last_seen_at < $2
                AND person_id IN (SELECT id FROM people WHERE role <> 'young_person'))",
    )
    .bind(now)
    .bind(now - staff_idle_ms)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected())
}
