//! Storage for sync: the change counter, records, stored mutation results
//! and devices. Every function that writes takes the open transaction, so a
//! change, its version and its stored answer commit together or not at all.

use pathway_model::sync::merge::StoredRecord;
use pathway_model::sync::{EntityKind, MutationResult, StoredAnswer};
use sqlx::{Any, AnyConnection, Transaction};
use uuid::Uuid;

use super::Db;
use crate::error::ApiError;

pub type Tx = Transaction<'static, Any>;

pub async fn begin(db: &Db) -> sqlx::Result<Tx> {
    db.writer().begin().await
}

/// Locks the change counter without taking a version, and answers the
/// version the next write will get. Called first when a change may turn out
/// to write nothing (a push: a refused change or a conflict must not use up
/// a version): it queues writers exactly as `next_version` does, and
/// `next_version` later in the same transaction answers this plus one.
pub async fn lock_counter(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    let head: i64 = sqlx::query_scalar("UPDATE change_counter SET value = value WHERE id = 1 RETURNING value")
        .fetch_one(conn)
        .await?;
    Ok(head + 1)
}

/// Takes the next version. Called first in every writing transaction: on
/// SQLite the UPDATE takes the write lock before anything is read (no stale
/// snapshot to upgrade), on PostgreSQL the row lock queues writers.
pub async fn next_version(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value").fetch_one(conn).await
}

/// The committed head of the change sequence, and the last change of this
/// device the server has applied (0 if none), read in one statement so
/// from one snapshot: every change up to that seq has a version up to that
/// head, so a pull that reads its records after this carries all of them.
pub async fn head_and_last_seq(conn: &mut AnyConnection, client_id: Uuid, person_id: Uuid) -> sqlx::Result<(i64, u64)> {
    let (head, seq): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT value FROM change_counter WHERE id = 1),
                COALESCE((SELECT last_seq FROM sync_clients WHERE client_id = $1 AND person_id = $2), 0)",
    )
    .bind(client_id.to_string())
    .bind(person_id.to_string())
    .fetch_one(conn)
    .await?;
    Ok((head, u64::try_from(seq).unwrap_or(0)))
}

/// What a change is checked against, read in one statement (each statement
/// is a round trip to SQLite's thread, or to PostgreSQL): the answer stored
/// when this mutation id was first seen, who the device belongs to, and the
/// record as it stands.
pub struct Lookup {
    pub stored: Option<StoredAnswer>,
    pub device_owner: Option<String>,
    pub current: Option<StoredRecord>,
}

#[derive(sqlx::FromRow)]
struct LookupRow {
    answer_person: Option<String>,
    answer: Option<String>,
    device_owner: Option<String>,
    id: Option<String>,
    entity: Option<String>,
    owner_id: Option<String>,
    version: Option<i64>,
    fields: Option<String>,
    stamps: Option<String>,
    deleted: Option<i64>,
    updated_at: Option<i64>,
}

pub async fn look_up(
    conn: &mut AnyConnection,
    mutation_id: Uuid,
    client_id: Uuid,
    record_id: Uuid,
) -> Result<Lookup, ApiError> {
    // One row always: each LEFT JOIN finds its row or gives NULLs.
    let row: LookupRow = sqlx::query_as(
        "SELECT m.person_id AS answer_person, m.result AS answer, c.person_id AS device_owner,
                r.id, r.entity, r.owner_id, r.version, r.fields, r.stamps, r.deleted, r.updated_at
         FROM (SELECT 1 AS one) AS q
         LEFT JOIN applied_mutations m ON m.mutation_id = $1
         LEFT JOIN sync_clients c ON c.client_id = $2
         LEFT JOIN sync_records r ON r.id = $3",
    )
    .bind(mutation_id.to_string())
    .bind(client_id.to_string())
    .bind(record_id.to_string())
    .fetch_one(conn)
    .await?;
    let bad = |e: &dyn std::fmt::Display| ApiError::Internal(format!("stored result: {e}"));
    let stored = match (row.answer_person, row.answer) {
        (Some(person_id), Some(json)) => Some(StoredAnswer {
            person_id: Uuid::parse_str(&person_id).map_err(|e| bad(&e))?,
            result: serde_json::from_str(&json).map_err(|e| bad(&e))?,
        }),
        _ => None,
    };
    // Every column of a stored record is NOT NULL, so all are there or none.
    let current =
        match (row.id, row.entity, row.owner_id, row.version, row.fields, row.stamps, row.deleted, row.updated_at) {
            (
                Some(id),
                Some(entity),
                Some(owner_id),
                Some(version),
                Some(fields),
                Some(stamps),
                Some(deleted),
                Some(updated_at),
            ) => Some(RecordRow { id, entity, owner_id, version, fields, stamps, deleted, updated_at }.into_record()?),
            _ => None,
        };
    Ok(Lookup { stored, device_owner: row.device_owner, current })
}

pub struct NewResult<'a> {
    pub mutation_id: Uuid,
    pub person_id: Uuid,
    pub client_id: Uuid,
    pub seq: u64,
    pub result: &'a MutationResult,
    pub at: i64,
}

pub async fn store_result(conn: &mut AnyConnection, r: NewResult<'_>) -> Result<(), ApiError> {
    let json = serde_json::to_string(r.result).map_err(|e| ApiError::Internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO applied_mutations (mutation_id, person_id, client_id, seq, result, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(r.mutation_id.to_string())
    .bind(r.person_id.to_string())
    .bind(r.client_id.to_string())
    .bind(seq_i64(r.seq))
    .bind(json)
    .bind(r.at)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO sync_clients (client_id, person_id, last_seq) VALUES ($1, $2, $3)
         ON CONFLICT (client_id) DO UPDATE SET last_seq =
           CASE WHEN excluded.last_seq > sync_clients.last_seq THEN excluded.last_seq ELSE sync_clients.last_seq END",
    )
    .bind(r.client_id.to_string())
    .bind(r.person_id.to_string())
    .bind(seq_i64(r.seq))
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the stored answers given before `before` (Unix ms). Answers how
/// many went.
pub async fn prune_answers(db: &Db, before: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("DELETE FROM applied_mutations WHERE at < $1").bind(before).execute(db.writer()).await?;
    Ok(done.rows_affected())
}

fn seq_i64(seq: u64) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}

/// The columns of `RecordRow`, as a literal so queries stay static.
macro_rules! record_columns {
    () => {
        "id, entity, owner_id, version, fields, stamps, deleted, updated_at"
    };
}

#[derive(sqlx::FromRow)]
pub(crate) struct RecordRow {
    id: String,
    entity: String,
    owner_id: String,
    version: i64,
    fields: String,
    stamps: String,
    deleted: i64,
    updated_at: i64,
}

impl RecordRow {
    pub(crate) fn into_record(self) -> Result<StoredRecord, ApiError> {
        let bad =
            |what: &str, e: &dyn std::fmt::Display| ApiError::Internal(format!("record {}: {what}: {e}", self.id));
        Ok(StoredRecord {
            entity: EntityKind::parse(&self.entity).ok_or_else(|| bad("entity", &self.entity))?,
            id: Uuid::parse_str(&self.id).map_err(|e| bad("id", &e))?,
            owner_id: Uuid::parse_str(&self.owner_id).map_err(|e| bad("owner", &e))?,
            version: self.version,
            fields: serde_json::from_str(&self.fields).map_err(|e| bad("fields", &e))?,
            stamps: serde_json::from_str(&self.stamps).map_err(|e| bad("stamps", &e))?,
            deleted: self.deleted != 0,
            updated_at: self.updated_at,
        })
    }
}

pub async fn record(conn: &mut AnyConnection, id: Uuid) -> Result<Option<StoredRecord>, ApiError> {
    let row: Option<RecordRow> =
        sqlx::query_as(concat!("SELECT ", record_columns!(), " FROM sync_records WHERE id = $1"))
            .bind(id.to_string())
            .fetch_optional(conn)
            .await?;
    row.map(RecordRow::into_record).transpose()
}

/// Stores a record. Whether staff may see it is worked out here from its
/// fields (`EntityKind::visible_to_staff`), so no caller can forget it; a
/// deleted record keeps what it had, so its tombstone reaches exactly those
/// who saw it.
///
/// Who saw it (decision 0006): a record written visible is seen by the
/// owner's PA as she is now (`seen_by`), from this version on (`seen_from`)
/// unless that PA could already see it. A record written hidden or deleted
/// keeps both, so the tombstone goes to that PA's devices that had it.
pub async fn write_record(conn: &mut AnyConnection, r: &StoredRecord, by: Uuid) -> Result<(), ApiError> {
    let fields = serde_json::to_string(&r.fields).map_err(|e| ApiError::Internal(e.to_string()))?;
    let stamps = serde_json::to_string(&r.stamps).map_err(|e| ApiError::Internal(e.to_string()))?;
    let visible = !r.deleted && r.entity.visible_to_staff(&r.fields);
    sqlx::query(
        "INSERT INTO sync_records
           (id, entity, owner_id, version, fields, stamps, deleted, updated_at, updated_by, visible_to_pa,
            created_at, seen_by, seen_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $8,
           CASE WHEN $10 = 1 THEN (SELECT advisor_id FROM people WHERE id = $3) ELSE NULL END,
           CASE WHEN $10 = 1 THEN $4 ELSE NULL END)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, fields = excluded.fields,
           stamps = excluded.stamps, deleted = excluded.deleted, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by,
           visible_to_pa = CASE WHEN excluded.deleted = 1 THEN sync_records.visible_to_pa ELSE excluded.visible_to_pa END,
           seen_by = CASE WHEN excluded.visible_to_pa = 1 THEN excluded.seen_by ELSE sync_records.seen_by END,
           seen_from = CASE
             WHEN excluded.visible_to_pa = 0 THEN sync_records.seen_from
             WHEN sync_records.seen_by = excluded.seen_by AND sync_records.seen_from IS NOT NULL
               THEN sync_records.seen_from
             ELSE excluded.seen_from END",
    )
    .bind(r.id.to_string())
    .bind(r.entity.as_str())
    .bind(r.owner_id.to_string())
    .bind(r.version)
    .bind(fields)
    .bind(stamps)
    .bind(i64::from(r.deleted))
    .bind(r.updated_at)
    .bind(by.to_string())
    .bind(i64::from(visible))
    .execute(conn)
    .await?;
    Ok(())
}

/// Whose records a caller may sync: a young person their own, a PA those
/// of the young people on their caseload that are visible to a PA, or
/// that this PA's device had and may no longer see (as tombstones).
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    Own(Uuid),
    Caseload(Uuid),
}

/// Up to `limit` records changed after `since` that `scope` may see, in
/// version order (deleted ones included, as tombstones).
pub async fn changed_since(
    conn: &mut AnyConnection,
    scope: Scope,
    since: i64,
    limit: i64,
) -> Result<Vec<StoredRecord>, ApiError> {
    let rows: Vec<RecordRow> = match scope {
        // A device pulling from the start has nothing to delete: no
        // tombstones for it.
        Scope::Own(person) => {
            sqlx::query_as(concat!(
                "SELECT ",
                record_columns!(),
                " FROM sync_records",
                " WHERE owner_id = $1 AND version > $2 AND (deleted = 0 OR $2 > 0) ORDER BY version LIMIT $3"
            ))
            .bind(person.to_string())
            .bind(since)
            .bind(limit)
            .fetch_all(&mut *conn)
            .await?
        }
        // What the PA may see now, and tombstones for what this device had
        // from them: seen by this PA at or before its cursor, and hidden or
        // deleted since (decision 0006). A record this device never had is
        // never mentioned, so a device pulling from 0 gets no tombstones.
        Scope::Caseload(advisor) => sqlx::query_as(concat!(
            "SELECT r.id, r.entity, r.owner_id, r.version, r.fields, r.stamps, r.deleted, r.updated_at",
            " FROM sync_records r JOIN people p ON p.id = r.owner_id",
            " WHERE p.advisor_id = $1 AND p.role = 'young_person' AND p.disabled_at IS NULL AND p.closed_at IS NULL",
            " AND r.version > $2",
            " AND ((r.visible_to_pa = 1 AND r.deleted = 0) OR (r.seen_by = $1 AND r.seen_from <= $2))",
            " ORDER BY r.version LIMIT $3"
        ))
        .bind(advisor.to_string())
        .bind(since)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?,
    };

    rows.into_iter().map(RecordRow::into_record).collect()
}

/// Whether `advisor` is the PA of `young_person` (and may see their records).
pub async fn is_on_caseload(conn: &mut AnyConnection, advisor: Uuid, young_person: Uuid) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM people WHERE id = $1 AND advisor_id = $2 AND role = 'young_person'
           AND disabled_at IS NULL AND closed_at IS NULL",
    )
    .bind(young_person.to_string())
    .bind(advisor.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}
