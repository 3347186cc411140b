//! Wire types of the sync API.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{EntityKind, Fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Create the record, or set some of its fields.
    Put,
    /// Delete the record (the server keeps a tombstone).
    Delete,
}

/// One change made on a device, kept in its outbox until the server has
/// acknowledged it. `mutation_id` is the idempotency key: sending the same
/// mutation twice has the effect of sending it once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Mutation {
    pub mutation_id: Uuid,
    pub client_id: Uuid,
    /// Per-client counter, 1, 2, 3…: the pull answer says up to which one
    /// the server has applied, so the client can drop those from its outbox.
    pub seq: u64,
    pub entity: EntityKind,
    pub record_id: Uuid,
    pub op: Op,
    /// For `put`: only the fields this change sets. For `delete`: empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub payload: Fields,
    /// The record version this change was made on top of (`None`: a new
    /// record). A field someone else changed after this version is a conflict.
    pub base_version: Option<i64>,
    /// Whose record this is, for a new record made by staff for a young
    /// person. Ignored on existing records; a young person's own are theirs.
    #[serde(default)]
    pub owner_id: Option<Uuid>,
}

/// The most changes one push may carry (`limits::CHANGES_PER_PUSH`).
pub const MAX_BATCH: usize = super::limits::CHANGES_PER_PUSH;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    pub mutations: Vec<Mutation>,
}

/// A record as the server holds it, as sent to the clients that may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncRecord {
    pub entity: EntityKind,
    pub id: Uuid,
    pub owner_id: Uuid,
    pub version: i64,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fields: Fields,
    /// Unix milliseconds, for display only: order comes from `version`.
    pub updated_at: i64,
}

// Deserialize is written below by hand: the same JSON, read without
// serde's buffering for internally tagged enums.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum MutationResult {
    /// Applied now; the record is at `version`.
    Applied { version: i64 },
    /// This mutation id was applied before; nothing changed now.
    AlreadyApplied { version: i64 },
    /// Someone changed the same fields since `base_version`: nothing was
    /// applied. `record` is what the server has now; the person chooses.
    Conflict { record: SyncRecord, fields: Vec<String>, deleted: bool },
    /// Not allowed or not valid; will never apply as it is.
    Rejected { reason: String },
}

/// Reads `{"status": "...", ...}` as one flat struct. serde's derive for an
/// internally tagged enum first buffers the whole object (its `Content`
/// type) and then reads `SyncRecord` a second time from the buffer: about
/// 26 KB raw, 7.5 KB brotli of the young person's wasm, for the one such
/// enum in the model.
impl<'de> Deserialize<'de> for MutationResult {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;

        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Status {
            Applied,
            AlreadyApplied,
            Conflict,
            Rejected,
        }
        #[derive(Deserialize)]
        struct Flat {
            status: Status,
            version: Option<i64>,
            record: Option<SyncRecord>,
            fields: Option<Vec<String>>,
            deleted: Option<bool>,
            reason: Option<String>,
        }
        fn need<T, E: Error>(v: Option<T>, field: &'static str) -> Result<T, E> {
            v.ok_or_else(|| E::missing_field(field))
        }
        let f = Flat::deserialize(d)?;
        Ok(match f.status {
            Status::Applied => MutationResult::Applied { version: need(f.version, "version")? },
            Status::AlreadyApplied => MutationResult::AlreadyApplied { version: need(f.version, "version")? },
            Status::Conflict => MutationResult::Conflict {
                record: need(f.record, "record")?,
                fields: need(f.fields, "fields")?,
                deleted: need(f.deleted, "deleted")?,
            },
            Status::Rejected => MutationResult::Rejected { reason: need(f.reason, "reason")? },
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResultItem {
    pub mutation_id: Uuid,
    pub result: MutationResult,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResponse {
    pub results: Vec<PushResultItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tombstone {
    pub entity: EntityKind,
    pub id: Uuid,
    pub version: i64,
}

/// `GET /sync/pull?since=CURSOR&client_id=ID`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullResponse {
    /// Records created or changed since the cursor, that the caller may see.
    pub changes: Vec<SyncRecord>,
    /// Records deleted, or no longer visible to the caller, since the cursor.
    pub tombstones: Vec<Tombstone>,
    /// Pass as `since` next time.
    pub cursor: i64,
    /// The highest `seq` of this client the server has applied (0: none).
    pub last_seq: u64,
    /// More changes wait: pull again at once with the new cursor.
    pub has_more: bool,
    /// Young people who left this PA's caseload since the cursor: every
    /// record of theirs leaves the device. Applied before `changes`, which
    /// may bring some back (she came back to this PA). Only ids of people
    /// the PA had; never sent to a device pulling from the start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forget: Vec<Uuid>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn push_results_read_back_as_they_are_written() {
        let record = SyncRecord {
            entity: EntityKind::Topic,
            id: Uuid::nil(),
            owner_id: Uuid::nil(),
            version: 7,
            fields: json!({"text": "Money"}).as_object().unwrap().clone(),
            updated_at: 1,
        };
        for result in [
            MutationResult::Applied { version: 3 },
            MutationResult::AlreadyApplied { version: 4 },
            MutationResult::Conflict { record, fields: vec!["text".into()], deleted: false },
            MutationResult::Rejected { reason: "not yours".into() },
        ] {
            let text = serde_json::to_string(&result).unwrap();
            assert_eq!(serde_json::from_str::<MutationResult>(&text).unwrap(), result, "{text}");
        }
        let applied: MutationResult = serde_json::from_value(json!({"status": "applied", "version": 3})).unwrap();
        assert_eq!(applied, MutationResult::Applied { version: 3 });
    }

    #[test]
    fn a_push_result_missing_its_fields_or_status_is_refused() {
        assert!(serde_json::from_value::<MutationResult>(json!({"status": "applied"})).is_err());
        assert!(serde_json::from_value::<MutationResult>(json!({"status": "conflict", "fields": []})).is_err());
        assert!(serde_json::from_value::<MutationResult>(json!({"status": "maybe", "version": 1})).is_err());
        assert!(serde_json::from_value::<MutationResult>(json!({"version": 1})).is_err());
    }
}
