//! What signing in and the account's own routes read and change about a
//! person: the passphrase, the second factor's state, closing.

use sqlx::AnyConnection;

use super::Db;

/// A person as sign-in sees them. Holds secrets: never sent anywhere.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Account {
    pub id: String,
    pub role: String,
    pub username: String,
    pub first_name: String,
    pub passphrase_hash: String,
    pub disabled_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub totp_secret: Option<String>,
    pub totp_pending: Option<String>,
    pub totp_last_step: Option<i64>,
    pub second_factor_optional: i64,
}

macro_rules! account_columns {
    () => {
        "id, role, username, first_name, passphrase_hash, disabled_at, closed_at, totp_secret, totp_pending, \
         totp_last_step, second_factor_optional"
    };
}

pub async fn by_username(db: &Db, username: &str) -> sqlx::Result<Option<Account>> {
    sqlx::query_as(concat!("SELECT ", account_columns!(), " FROM people WHERE username = $1"))
        .bind(username)
        .fetch_optional(db.pool())
        .await
}

pub async fn by_id(conn: &mut AnyConnection, id: &str) -> sqlx::Result<Option<Account>> {
    sqlx::query_as(concat!("SELECT ", account_columns!(), " FROM people WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn set_passphrase(conn: &mut AnyConnection, id: &str, hash: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE people SET passphrase_hash = $1, passphrase_set_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The language of Pathway's screens for this person (issue 17).
pub async fn set_language(db: &Db, id: &str, language: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE people SET language = $1 WHERE id = $2").bind(language).bind(id).execute(db.writer()).await?;
    Ok(())
}

/// A staff set-up code redeemed (a new member, or a lost phone): the second
/// factor is set up afresh.
pub async fn clear_second_factor(conn: &mut AnyConnection, id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE people SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM recovery_codes WHERE person_id = $1").bind(id).execute(conn).await?;
    Ok(())
}

/// Closes the account. False when it was already closed.
pub async fn close(conn: &mut AnyConnection, id: &str, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE people SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    // Her codes stop working too (find_live already refuses them; this
    // keeps the table telling the truth).
    sqlx::query(
        "UPDATE account_codes SET voided_at = $1 WHERE person_id = $2 AND used_at IS NULL AND voided_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What `GET /me` answers, in one query: `/me` is on every app start.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeRow {
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub username: String,
    pub second_factor_on: i64,
    pub second_factor_optional: i64,
    pub council_id: String,
    pub council_name: String,
    pub sample_data: i64,
    pub language: Option<String>,
}

pub async fn me(db: &Db, id: &str) -> sqlx::Result<Option<MeRow>> {
    sqlx::query_as(
        "SELECT p.first_name, p.last_name, p.role, p.username,
                CASE WHEN p.totp_secret IS NULL THEN 0 ELSE 1 END AS second_factor_on, p.second_factor_optional,
                c.id AS council_id, c.name AS council_name, c.sample_data, p.language
         FROM people p JOIN councils c ON c.id = p.council_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await
}
