//! The staff second factor's rows: the authenticator secret (pending while
//! being set up, then confirmed), the last time step used, and recovery codes.

use sqlx::AnyConnection;

use super::Db;

pub async fn set_pending(db: &Db, person_id: &str, secret: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE people SET totp_pending = $1 WHERE id = $2")
        .bind(secret)
        .bind(person_id)
        .execute(db.writer())
        .await?;
    Ok(())
}

/// Records that a code for `step` was used. False when that step (or a later
/// one) was already used: two sign-ins racing with one code, one wins.
pub async fn use_step(db: &Db, person_id: &str, step: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE people SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
    )
    .bind(step)
    .bind(person_id)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Uses a recovery code. False when it is not one of theirs or was used.
pub async fn use_recovery_code(db: &Db, person_id: &str, code_hash: &str, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 WHERE person_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(person_id)
    .bind(code_hash)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Switches the pending secret on, with the step its first code used and new
/// recovery codes (replacing any older ones). False when the pending secret
/// changed meanwhile (set-up started again in another tab).
pub async fn confirm(
    conn: &mut AnyConnection,
    person_id: &str,
    secret: &str,
    step: i64,
    recovery_hashes: &[String],
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE people SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $1
         WHERE id = $2 AND totp_pending = $3",
    )
    .bind(step)
    .bind(person_id)
    .bind(secret)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM recovery_codes WHERE person_id = $1").bind(person_id).execute(&mut *conn).await?;
    for hash in recovery_hashes {
        sqlx::query("INSERT INTO recovery_codes (person_id, code_hash) VALUES ($1, $2)")
            .bind(person_id)
            .bind(hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}
