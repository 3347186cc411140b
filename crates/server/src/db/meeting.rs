//! The records behind the contact rhythm and a manager's oversight, read
//! in one query for a whole caseload or council (never one per person).

use pathway_model::sync::merge::StoredRecord;
use uuid::Uuid;

use super::Db;
use super::sync::RecordRow;
use crate::error::ApiError;

/// Whose records: one young person, a PA's caseload (open accounts), or a
/// council's young people (open accounts).
#[derive(Debug, Clone, Copy)]
pub enum Whose<'a> {
    Person(Uuid),
    Caseload(Uuid),
    Council(&'a str),
}

/// Her live `contact` records and her `plan_review`: what `Rhythm` is
/// worked out from.
pub async fn rhythm_records(db: &Db, whose: Whose<'_>) -> Result<Vec<StoredRecord>, ApiError> {
    let rows: Vec<RecordRow> = match whose {
        Whose::Person(id) => {
            sqlx::query_as(concat!(
                "SELECT r.id, r.entity, r.owner_id, r.version, r.fields, r.stamps, r.deleted, r.updated_at",
                " FROM sync_records r WHERE r.owner_id = $1",
                " AND r.deleted = 0 AND r.entity IN ('contact', 'plan_review') ORDER BY r.version"
            ))
            .bind(id.to_string())
            .fetch_all(db.pool())
            .await?
        }
        Whose::Caseload(advisor) => {
            sqlx::query_as(concat!(
                "SELECT r.id, r.entity, r.owner_id, r.version, r.fields, r.stamps, r.deleted, r.updated_at",
                " FROM sync_records r JOIN people p ON p.id = r.owner_id",
                " WHERE p.advisor_id = $1 AND p.role = 'young_person' AND p.disabled_at IS NULL",
                " AND p.closed_at IS NULL",
                " AND r.deleted = 0 AND r.entity IN ('contact', 'plan_review') ORDER BY r.version"
            ))
            .bind(advisor.to_string())
            .fetch_all(db.pool())
            .await?
        }
        Whose::Council(council) => {
            sqlx::query_as(concat!(
                "SELECT r.id, r.entity, r.owner_id, r.version, r.fields, r.stamps, r.deleted, r.updated_at",
                " FROM sync_records r JOIN people p ON p.id = r.owner_id",
                " WHERE p.council_id = $1 AND p.role = 'young_person' AND p.disabled_at IS NULL",
                " AND p.closed_at IS NULL",
                " AND r.deleted = 0 AND r.entity IN ('contact', 'plan_review') ORDER BY r.version"
            ))
            .bind(council)
            .fetch_all(db.pool())
            .await?
        }
    };
    rows.into_iter().map(RecordRow::into_record).collect()
}

/// Everything a manager's oversight needs of a council's young people with
/// open accounts, in one query: contacts and plan reviews (the rhythm),
/// keep-in-touch requests, unsafe alerts, and health entries with a
/// correction asked for. Only the last are filtered in SQL, by the field's
/// name in the stored JSON, so a council's whole health history is never
/// read for a handful of corrections; the caller still checks each one.
pub async fn oversight_records(db: &Db, council_id: &str) -> Result<Vec<StoredRecord>, ApiError> {
    let rows: Vec<RecordRow> = sqlx::query_as(concat!(
        "SELECT r.id, r.entity, r.owner_id, r.version, r.fields, r.stamps, r.deleted, r.updated_at",
        " FROM sync_records r JOIN people p ON p.id = r.owner_id",
        " WHERE p.council_id = $1 AND p.role = 'young_person' AND p.disabled_at IS NULL AND p.closed_at IS NULL",
        " AND r.deleted = 0 AND (r.entity IN ('contact', 'plan_review', 'contact_request', 'unsafe_alert')",
        "   OR (r.entity = 'health_entry' AND r.visible_to_pa = 1 AND r.fields LIKE '%\"correction_at\":%'))",
        " ORDER BY r.version"
    ))
    .bind(council_id)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(RecordRow::into_record).collect()
}
