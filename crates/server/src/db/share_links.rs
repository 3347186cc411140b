//! Her share links (issue 19) and their openings. The wrong-passcode counts
//! live in the link's row and change only by single atomic statements, so
//! replicas on one database share them and a burst cannot slip past.

use super::Db;

/// A new link as stored: hashes only, never the token or the passcode.
pub struct NewLink<'a> {
    pub id: &'a str,
    pub owner_id: &'a str,
    pub label: &'a str,
    pub token_hash: &'a str,
    pub passcode_salt: &'a str,
    pub passcode_hash: &'a str,
    pub made_at: i64,
    pub expires_at: i64,
}

pub async fn insert(db: &Db, l: &NewLink<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO share_links (id, owner_id, label, token_hash, passcode_salt, passcode_hash, made_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(l.id)
    .bind(l.owner_id)
    .bind(l.label)
    .bind(l.token_hash)
    .bind(l.passcode_salt)
    .bind(l.passcode_hash)
    .bind(l.made_at)
    .bind(l.expires_at)
    .execute(db.writer())
    .await?;
    Ok(())
}

/// One of her links, as her list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkRow {
    pub id: String,
    pub label: String,
    pub made_at: i64,
    pub expires_at: i64,
    pub ended_at: Option<i64>,
    pub ended_by_wrong_passcodes: i64,
}

/// Her links that are open or stopped working after `stopped_after`,
/// newest first.
pub async fn list(db: &Db, owner_id: &str, stopped_after: i64) -> sqlx::Result<Vec<LinkRow>> {
    sqlx::query_as(
        "SELECT id, label, made_at, expires_at, ended_at, ended_by_wrong_passcodes FROM share_links
         WHERE owner_id = $1 AND COALESCE(ended_at, expires_at) > $2 ORDER BY made_at DESC, id DESC",
    )
    .bind(owner_id)
    .bind(stopped_after)
    .fetch_all(db.pool())
    .await
}

/// (link id, opened at) for every opening of her links, newest first.
pub async fn openings(db: &Db, owner_id: &str) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT o.link_id, o.opened_at FROM share_link_openings o JOIN share_links l ON l.id = o.link_id
         WHERE l.owner_id = $1 ORDER BY o.opened_at DESC",
    )
    .bind(owner_id)
    .fetch_all(db.pool())
    .await
}

/// (label, opened at) of her links' newest `limit` openings, for "Who
/// looked at my record".
pub async fn opened_by_label(db: &Db, owner_id: &str, limit: i64) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT l.label, o.opened_at FROM share_link_openings o JOIN share_links l ON l.id = o.link_id
         WHERE l.owner_id = $1 ORDER BY o.opened_at DESC LIMIT $2",
    )
    .bind(owner_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await
}

/// Ends her link now (an ended one stays as it ended). False: no such link
/// of hers.
pub async fn end(db: &Db, owner_id: &str, id: &str, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE share_links SET ended_at = COALESCE(ended_at, $3) WHERE id = $1 AND owner_id = $2")
        .bind(id)
        .bind(owner_id)
        .bind(now)
        .execute(db.writer())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// A link found by its token, with what opening it needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Found {
    pub id: String,
    pub owner_id: String,
    pub passcode_salt: String,
    pub passcode_hash: String,
    pub expires_at: i64,
    pub ended_at: Option<i64>,
}

/// The link with this token hash, if its owner's account is not closed.
pub async fn by_token(db: &Db, token_hash: &str) -> sqlx::Result<Option<Found>> {
    sqlx::query_as(
        "SELECT l.id, l.owner_id, l.passcode_salt, l.passcode_hash, l.expires_at, l.ended_at
         FROM share_links l JOIN people p ON p.id = l.owner_id
         WHERE l.token_hash = $1 AND p.closed_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await
}

/// Counts one try at the link before its passcode is checked, in the window
/// that began after `window_began_after` (else a new one starting `now`):
/// answers (tries in this window, when it began).
pub async fn count_try(db: &Db, id: &str, now: i64, window_began_after: i64) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(
        "UPDATE share_links SET
           tries_in_window = CASE WHEN window_start <= $3 THEN 1 ELSE tries_in_window + 1 END,
           window_start = CASE WHEN window_start <= $3 THEN $2 ELSE window_start END
         WHERE id = $1 RETURNING tries_in_window, window_start",
    )
    .bind(id)
    .bind(now)
    .bind(window_began_after)
    .fetch_one(db.writer())
    .await
}

/// The try was right: it is given back, so someone who typed it right is
/// not held up by their own earlier slips.
pub async fn give_back(db: &Db, id: &str, window_start: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE share_links SET tries_in_window = tries_in_window - 1
         WHERE id = $1 AND window_start = $2 AND tries_in_window > 0",
    )
    .bind(id)
    .bind(window_start)
    .execute(db.writer())
    .await?;
    Ok(())
}

/// Counts a wrong passcode; the one that makes `ends_at` in all ends the
/// link. Answers whether the link has ended.
pub async fn count_wrong(db: &Db, id: &str, now: i64, ends_at: i64) -> sqlx::Result<bool> {
    let ended: (Option<i64>,) = sqlx::query_as(
        "UPDATE share_links SET
           wrong_in_all = wrong_in_all + 1,
           ended_by_wrong_passcodes = CASE WHEN ended_at IS NULL AND wrong_in_all + 1 >= $3 THEN 1
             ELSE ended_by_wrong_passcodes END,
           ended_at = CASE WHEN ended_at IS NULL AND wrong_in_all + 1 >= $3 THEN $2 ELSE ended_at END
         WHERE id = $1 RETURNING ended_at",
    )
    .bind(id)
    .bind(now)
    .bind(ends_at)
    .fetch_one(db.writer())
    .await?;
    Ok(ended.0.is_some())
}

pub async fn record_opening(db: &Db, id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO share_link_openings (link_id, opened_at) VALUES ($1, $2)")
        .bind(id)
        .bind(now)
        .execute(db.writer())
        .await?;
    Ok(())
}
