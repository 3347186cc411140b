//! The server's decision for one mutation, as a pure function: permission,
//! validation, then the field merge. The server wraps it in a transaction
//! with the change counter and the stored result; the convergence tests
//! drive it directly.

use uuid::Uuid;

use super::merge::{MergeOutcome, StoredRecord, merge};
use super::{Mutation, MutationResult, Op};
use crate::role::Role;

/// Who is writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Writer {
    pub person_id: Uuid,
    pub role: Role,
}

/// The result to answer, and the record to store (if any).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub result: MutationResult,
    pub write: Option<StoredRecord>,
}

fn rejected(reason: impl Into<String>) -> Decision {
    Decision { result: MutationResult::Rejected { reason: reason.into() }, write: None }
}

/// `owner_for_new` is whose record a new one becomes; the server decides it
/// (a young person's own id; for staff, a young person on their caseload).
/// Access to an existing record has been checked by the caller.
pub fn decide(
    current: Option<&StoredRecord>,
    m: &Mutation,
    writer: Writer,
    owner_for_new: Option<Uuid>,
    new_version: i64,
    now: i64,
) -> Decision {
    if let Some(cur) = current {
        if cur.entity != m.entity {
            return rejected("that id belongs to a different kind of record");
        }
    }
    let creating = current.is_none_or(|c| c.deleted);
    let live_fields = current.filter(|c| !c.deleted).map(|c| &c.fields);
    match m.op {
        Op::Put => {
            if creating && !m.entity.may_create(writer.role) {
                return rejected("your role cannot create these");
            }
            if let Err(e) = m.entity.check_put(writer.role, &m.payload, live_fields) {
                return rejected(e.to_string());
            }
        }
        Op::Delete => {
            if !m.payload.is_empty() {
                return rejected("a delete carries no fields");
            }
            if !m.entity.may_delete(writer.role, live_fields) {
                return rejected("your role cannot delete these");
            }
        }
    }
    let owner = match (current, owner_for_new) {
        (Some(c), _) => c.owner_id,
        (None, Some(o)) => o,
        (None, None) if m.op == Op::Delete => Uuid::nil(),
        (None, None) => return rejected("say whose record this is"),
    };
    match merge(current, m, owner, new_version, now) {
        MergeOutcome::Write(record) => {
            Decision { result: MutationResult::Applied { version: record.version }, write: Some(record) }
        }
        MergeOutcome::Unchanged => Decision {
            result: MutationResult::Applied { version: current.map(|c| c.version).unwrap_or(0) },
            write: None,
        },
        // `merge` only reports a conflict against an existing record.
        MergeOutcome::Conflict { fields, deleted } => match current {
            Some(cur) => Decision {
                result: MutationResult::Conflict { record: cur.to_sync_record(), fields, deleted },
                write: None,
            },
            None => rejected("conflict without a record"),
        },
    }
}
