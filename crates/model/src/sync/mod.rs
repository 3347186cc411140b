//! The sync protocol (docs/architecture.md §4): what a phone sends, what the server
//! answers, and the merge rules both sides follow. Pure functions only, so
//! the convergence property can be tested without a network or a database.
//!
//! - `protocol`: the wire types of `POST /sync/push` and `GET /sync/pull`.
//! - `merge`: how the server applies one mutation to one record.
//! - `replica`: how a client keeps its local view: server state + pending outbox.
//! - `limits`: how many changes one push and one person per minute may carry.
//! - `entity`: each kind's rules (`check_put`, …), dispatched to the
//!   feature that declares the kind.
//! - `fields`: the field checks, which live in `crate::record` (a leaf the
//!   features use); re-exported here for the app's existing imports.

pub mod apply;
pub mod entity;
pub mod limits;
pub mod merge;
pub mod protocol;
pub mod replica;

pub use crate::record::check as fields;
pub use crate::record::{EntityKind, FieldRuleError, Fields};
pub use apply::{Decision, StoredAnswer, Writer, answer_again, decide};
pub use merge::{MergeOutcome, StoredRecord, merge};
pub use protocol::*;
pub use replica::Replica;
