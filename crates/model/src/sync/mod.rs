//! The sync protocol (DESIGN §4): what a phone sends, what the server
//! answers, and the merge rules both sides follow. Pure functions only, so
//! the convergence property can be tested without a network or a database.
//!
//! - `protocol`: the wire types of `POST /sync/push` and `GET /sync/pull`.
//! - `merge`: how the server applies one mutation to one record.
//! - `replica`: how a client keeps its local view: server state + pending outbox.
//! - `entity`: which entities sync, and who may write which of their fields.
//! - `fields`: the value checks those rules share.

pub mod apply;
pub mod entity;
pub mod fields;
pub mod merge;
pub mod protocol;
pub mod replica;

pub use apply::{Decision, Writer, decide};
pub use entity::{EntityKind, FieldRuleError};
pub use merge::{MergeOutcome, StoredRecord, merge};
pub use protocol::*;
pub use replica::Replica;

/// A record's fields: a JSON object. Each entity says which keys it has.
pub type Fields = serde_json::Map<String, serde_json::Value>;
