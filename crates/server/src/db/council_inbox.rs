//! A council's inbox, filtered, ordered and paged in the database (issue
//! 15, finding 8): open keep-in-touch requests, oldest first, and unsafe
//! alerts not seen or seen lately, unseen first and newest first. Each row
//! comes with the young person's name and birth date and her PA's name,
//! from one query (no query per row).
//!
//! What decides "open" and "seen" lives in the record's JSON fields, which
//! the two databases read differently (decision 0002: such queries sit
//! behind one function with a text per backend). The rules are the model's
//! (`ContactRequest::is_open`, `UnsafeAlert::duty_seen_at`); the route
//! checks each row against them again.

use pathway_model::sync::merge::StoredRecord;

use super::sync::RecordRow;
use super::{Backend, Db};
use crate::error::ApiError;

/// A record of the inbox with who it is about.
pub struct InboxRow {
    pub record: StoredRecord,
    /// When it first reached the server (Unix ms).
    pub created_at: i64,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: Option<String>,
    /// Her PA's full name, if she has one.
    pub pa_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    row: RecordRow,
    created_at: Option<i64>,
    first_name: String,
    last_name: String,
    date_of_birth: Option<String>,
    pa_first: Option<String>,
    pa_last: Option<String>,
}

/// The columns and joins every inbox query shares, as a literal so the
/// queries stay static.
macro_rules! inbox_from {
    () => {
        "SELECT r.id, r.entity, r.owner_id, r.version, r.fields, r.stamps, r.deleted, r.updated_at, r.created_at,
                p.first_name, p.last_name, p.date_of_birth, pa.first_name AS pa_first, pa.last_name AS pa_last
         FROM sync_records r JOIN people p ON p.id = r.owner_id LEFT JOIN people pa ON pa.id = p.advisor_id
         WHERE p.council_id = $1 AND p.role = 'young_person' AND r.deleted = 0"
    };
}

/// Open keep-in-touch requests of `council_id`'s young people, oldest
/// asked first: `limit` of them after the first `offset`.
pub async fn open_requests(db: &Db, council_id: &str, limit: i64, offset: i64) -> Result<Vec<InboxRow>, ApiError> {
    let sql = match db.backend() {
        Backend::Sqlite => concat!(
            inbox_from!(),
            " AND r.entity = 'contact_request' AND COALESCE(json_extract(r.fields, '$.status'), '') <> 'done'",
            " ORDER BY json_extract(r.fields, '$.asked_at'), r.version LIMIT $2 OFFSET $3"
        ),
        Backend::Postgres => concat!(
            inbox_from!(),
            " AND r.entity = 'contact_request' AND COALESCE(r.fields::json ->> 'status', '') <> 'done'",
            " ORDER BY (r.fields::json ->> 'asked_at')::bigint, r.version LIMIT $2 OFFSET $3"
        ),
    };
    let rows: Vec<Row> = sqlx::query_as(sql).bind(council_id).bind(limit).bind(offset).fetch_all(db.pool()).await?;
    rows.into_iter().map(into_row).collect()
}

/// Unsafe alerts of `council_id`'s young people not yet seen by the duty
/// team, or seen at or after `seen_since` (Unix ms); unseen first, newest
/// raised first within each: `limit` of them after the first `offset`.
pub async fn recent_alerts(
    db: &Db,
    council_id: &str,
    seen_since: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<InboxRow>, ApiError> {
    let sql = match db.backend() {
        Backend::Sqlite => concat!(
            inbox_from!(),
            " AND r.entity = 'unsafe_alert'",
            " AND (json_extract(r.fields, '$.duty_seen_at') IS NULL OR json_extract(r.fields, '$.duty_seen_at') >= $2)",
            " ORDER BY json_extract(r.fields, '$.duty_seen_at') IS NOT NULL,",
            " json_extract(r.fields, '$.raised_at') DESC, r.version LIMIT $3 OFFSET $4"
        ),
        Backend::Postgres => concat!(
            inbox_from!(),
            " AND r.entity = 'unsafe_alert'",
            " AND (r.fields::json ->> 'duty_seen_at' IS NULL OR (r.fields::json ->> 'duty_seen_at')::bigint >= $2)",
            " ORDER BY r.fields::json ->> 'duty_seen_at' IS NOT NULL,",
            " (r.fields::json ->> 'raised_at')::bigint DESC, r.version LIMIT $3 OFFSET $4"
        ),
    };
    let rows: Vec<Row> =
        sqlx::query_as(sql).bind(council_id).bind(seen_since).bind(limit).bind(offset).fetch_all(db.pool()).await?;
    rows.into_iter().map(into_row).collect()
}

fn into_row(r: Row) -> Result<InboxRow, ApiError> {
    let record = r.row.into_record()?;
    let pa_name = match (r.pa_first, r.pa_last) {
        (Some(first), Some(last)) => Some(format!("{first} {last}")),
        _ => None,
    };
    Ok(InboxRow {
        created_at: r.created_at.unwrap_or(record.updated_at),
        record,
        first_name: r.first_name,
        last_name: r.last_name,
        date_of_birth: r.date_of_birth,
        pa_name,
    })
}
