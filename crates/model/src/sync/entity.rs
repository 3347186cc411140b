//! Which entities sync, and the field rules each one has: the fields that
//! exist, their validation, and which role may write which field.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::Fields;
use crate::auth::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A "thing to talk about" at the next PA session.
    Topic,
    /// The young person's tracker on one offer item.
    Entitlement,
    /// One fact in the health history (`health::entry`).
    HealthEntry,
    /// One area of the pathway plan, written by the PA (`plan`).
    PlanSection,
    /// The young person's comment on an area of their plan.
    PlanComment,
    /// The next review date and a request for a review.
    PlanReview,
    /// "Please contact me" / "I'd like a PA again" (`people::keep_in_touch`).
    ContactRequest,
    /// "I feel unsafe" (`people::unsafe_alert`).
    UnsafeAlert,
}

impl EntityKind {
    pub const ALL: [EntityKind; 8] = [
        EntityKind::Topic,
        EntityKind::Entitlement,
        EntityKind::HealthEntry,
        EntityKind::PlanSection,
        EntityKind::PlanComment,
        EntityKind::PlanReview,
        EntityKind::ContactRequest,
        EntityKind::UnsafeAlert,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Topic => "topic",
            EntityKind::Entitlement => "entitlement",
            EntityKind::HealthEntry => "health_entry",
            EntityKind::PlanSection => "plan_section",
            EntityKind::PlanComment => "plan_comment",
            EntityKind::PlanReview => "plan_review",
            EntityKind::ContactRequest => "contact_request",
            EntityKind::UnsafeAlert => "unsafe_alert",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Checks a put's fields: every key known, every value valid, and the
    /// caller's role allowed to write it. `current` is the stored record's
    /// fields, `None` when this put creates the record.
    pub fn check_put(self, role: Role, fields: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
        let creating = current.is_none();
        match self {
            EntityKind::Topic => crate::topic::check_put(role, fields, creating),
            EntityKind::Entitlement => crate::entitlement::check_put(role, fields, creating),
            EntityKind::HealthEntry => crate::health::entry::check_put(role, fields, current),
            EntityKind::PlanSection => crate::plan::check_section(role, fields, current),
            EntityKind::PlanComment => crate::plan::check_comment(role, fields, current),
            EntityKind::PlanReview => crate::plan::check_review(role, fields, current),
            EntityKind::ContactRequest => crate::people::keep_in_touch::check_put(role, fields, current),
            EntityKind::UnsafeAlert => crate::people::unsafe_alert::check_put(role, fields, current),
        }
    }

    /// Whether this role may delete this record (`current`: its fields).
    pub fn may_delete(self, role: Role, current: Option<&Fields>) -> bool {
        match self {
            EntityKind::Topic | EntityKind::Entitlement | EntityKind::PlanComment | EntityKind::ContactRequest => {
                role == Role::YoungPerson
            }
            EntityKind::HealthEntry => crate::health::entry::may_delete(role, current),
            EntityKind::PlanSection => role == Role::Advisor,
            // A review record and an alert are history: nobody deletes them.
            EntityKind::PlanReview | EntityKind::UnsafeAlert => false,
        }
    }

    /// Whether this role may create records of this kind.
    pub fn may_create(self, role: Role) -> bool {
        match self {
            EntityKind::Topic
            | EntityKind::Entitlement
            | EntityKind::PlanComment
            | EntityKind::ContactRequest
            | EntityKind::UnsafeAlert => role == Role::YoungPerson,
            EntityKind::HealthEntry | EntityKind::PlanReview => role != Role::Manager,
            EntityKind::PlanSection => role == Role::Advisor,
        }
    }

    /// Whether staff (the PA, and the duty team for requests) may receive a
    /// record with these fields. Only a health entry marked "only me" is
    /// kept from them; the server never sends it to anyone but its owner.
    pub fn visible_to_staff(self, fields: &Fields) -> bool {
        match self {
            EntityKind::HealthEntry => crate::health::entry::visible_to_staff(fields),
            _ => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FieldRuleError {
    #[error("unknown field {0:?}")]
    UnknownField(String),
    #[error("{field}: {problem}")]
    Invalid { field: &'static str, problem: String },
    #[error("missing field {0:?}")]
    Missing(&'static str),
    #[error("your role cannot change {0:?}")]
    NotYours(String),
    #[error("your role cannot create or delete these")]
    NotAllowed,
}
