//! Server-side sign-in sessions. The cookie holds a random token; the table
//! holds only its SHA-256, so ending a session is one DELETE and takes effect
//! on the very next request.

use super::Db;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub person_id: String,
    pub role: String,
    pub council_id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub disabled_at: Option<i64>,
}

pub async fn insert(db: &Db, token_hash: &str, person_id: &str, now: i64, expires_at: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO auth_sessions (token_hash, person_id, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash)
    .bind(person_id)
    .bind(now)
    .bind(expires_at)
    .execute(db.writer())
    .await?;
    Ok(())
}

pub async fn find(db: &Db, token_hash: &str) -> sqlx::Result<Option<SessionRow>> {
    sqlx::query_as(
        "SELECT s.person_id, p.role, p.council_id, s.created_at, s.last_seen_at, s.expires_at, p.disabled_at
         FROM auth_sessions s JOIN people p ON p.id = s.person_id
         WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await
}

pub async fn touch(db: &Db, token_hash: &str, now: i64, expires_at: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE auth_sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
        .bind(now)
        .bind(expires_at)
        .bind(token_hash)
        .execute(db.writer())
        .await?;
    Ok(())
}

pub async fn delete(db: &Db, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM auth_sessions WHERE token_hash = $1").bind(token_hash).execute(db.writer()).await?;
    Ok(())
}

/// Used when an account is disabled or its passphrase changes.
pub async fn delete_for_person(db: &Db, person_id: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM auth_sessions WHERE person_id = $1").bind(person_id).execute(db.writer()).await?;
    Ok(())
}
