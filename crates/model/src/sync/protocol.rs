//! Wire types of the sync API.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{EntityKind, Fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    pub payload: Fields,
    /// The record version this change was made on top of (`None`: a new
    /// record). A field someone else changed after this version is a conflict.
    pub base_version: Option<i64>,
    /// Whose record this is, for a new record made by staff for a young
    /// person. Ignored on existing records; a young person's own are theirs.
    #[serde(default)]
    pub owner_id: Option<Uuid>,
}

pub const MAX_BATCH: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    pub mutations: Vec<Mutation>,
}

/// A record as the server holds it, as sent to the clients that may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncRecord {
    pub entity: EntityKind,
    pub id: Uuid,
    pub owner_id: Uuid,
    pub version: i64,
    pub fields: Fields,
    /// Unix milliseconds, for display only: order comes from `version`.
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResultItem {
    pub mutation_id: Uuid,
    pub result: MutationResult,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResponse {
    pub results: Vec<PushResultItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tombstone {
    pub entity: EntityKind,
    pub id: Uuid,
    pub version: i64,
}

/// `GET /sync/pull?since=CURSOR&client_id=ID`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
