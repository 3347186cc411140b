//! One-time codes (set-up, invite, reset): issuing one voids the person's
//! earlier codes; using one marks it used. Both happen inside the caller's
//! transaction, with the change they go with.

use pathway_model::code::{CODE_LIFETIME_DAYS, CodePurpose};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::auth::one_time_code;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A code just made: the code itself (normalised) exists only here and in
/// the answer to whoever asked for it.
pub struct Issued {
    pub code: String,
    pub expires_at: i64,
}

/// Makes a new code for `person`, voiding any older code of theirs.
pub async fn issue(
    conn: &mut AnyConnection,
    person: Uuid,
    purpose: CodePurpose,
    created_by: Option<Uuid>,
    now: i64,
) -> sqlx::Result<Issued> {
    sqlx::query(
        "UPDATE account_codes SET voided_at = $1 WHERE person_id = $2 AND used_at IS NULL AND voided_at IS NULL",
    )
    .bind(now)
    .bind(person.to_string())
    .execute(&mut *conn)
    .await?;
    let code = one_time_code::new_code();
    let expires_at = now + CODE_LIFETIME_DAYS * DAY_MS;
    sqlx::query(
        "INSERT INTO account_codes (code_hash, person_id, purpose, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(one_time_code::hash(&code))
    .bind(person.to_string())
    .bind(purpose.as_str())
    .bind(created_by.map(|c| c.to_string()))
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(Issued { code, expires_at })
}

/// A code that may still be used: whose it is and what for.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiveCode {
    pub person_id: String,
    pub purpose: String,
}

/// The live code with this (normalised) text: not used, not voided, not
/// expired, and its person's account not closed. `None` for anything else:
/// the caller never learns which.
pub async fn find_live(conn: &mut AnyConnection, code: &str, now: i64) -> sqlx::Result<Option<LiveCode>> {
    sqlx::query_as(
        "SELECT c.person_id, c.purpose FROM account_codes c JOIN people p ON p.id = c.person_id
         WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.voided_at IS NULL AND c.expires_at > $2
           AND p.closed_at IS NULL",
    )
    .bind(one_time_code::hash(code))
    .bind(now)
    .fetch_optional(conn)
    .await
}

/// Marks a live code used. False when it was used or voided meanwhile (two
/// redeems racing): the second must then fail.
pub async fn mark_used(conn: &mut AnyConnection, code: &str, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE account_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL AND voided_at IS NULL",
    )
    .bind(now)
    .bind(one_time_code::hash(code))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
