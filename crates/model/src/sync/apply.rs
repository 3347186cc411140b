//! The server's decision for one mutation, as pure functions: first
//! exactly-once (`answer_again`: a mutation id seen before gets its stored
//! answer and changes nothing), then permission, validation and the field
//! merge (`decide`). The server wraps them in a transaction with the change
//! counter and the stored answer; the convergence tests drive them directly.

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

/// The answer the server stored when it first saw a mutation id.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAnswer {
    /// Who sent it.
    pub person_id: Uuid,
    pub result: MutationResult,
}

/// Exactly once: for a mutation id answered before (`stored`), the answer
/// to send again without deciding anything: a phone that lost the answer,
/// or a batch delivered twice, must not apply its change a second time
/// (which could undo a newer edit or bring a deleted record back). `None`:
/// a new id; decide it. An id someone else used is refused, and their
/// answer not shown.
pub fn answer_again(stored: Option<&StoredAnswer>, writer: Writer) -> Option<MutationResult> {
    let stored = stored?;
    Some(if stored.person_id != writer.person_id {
        MutationResult::Rejected { reason: "that change id was used already".into() }
    } else {
        match &stored.result {
            MutationResult::Applied { version } => MutationResult::AlreadyApplied { version: *version },
            other => other.clone(),
        }
    })
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
            if let Err(e) = m.entity.check_dates(&m.payload, crate::date::utc_day(now)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_change_gets_its_first_answer_and_someone_elses_id_is_refused() {
        let jade = Writer { person_id: Uuid::from_u128(1), role: Role::YoungPerson };
        let sam = Writer { person_id: Uuid::from_u128(2), role: Role::Advisor };
        let stored = StoredAnswer { person_id: jade.person_id, result: MutationResult::Applied { version: 7 } };
        assert_eq!(answer_again(None, jade), None);
        assert_eq!(answer_again(Some(&stored), jade), Some(MutationResult::AlreadyApplied { version: 7 }));
        assert!(matches!(answer_again(Some(&stored), sam), Some(MutationResult::Rejected { .. })));
        let refused =
            StoredAnswer { person_id: jade.person_id, result: MutationResult::Rejected { reason: "no".into() } };
        assert_eq!(answer_again(Some(&refused), jade), Some(refused.result.clone()));
    }
}
