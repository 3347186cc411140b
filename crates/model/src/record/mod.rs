//! Synced records as the model's features declare them: a leaf that every
//! feature uses and that imports no feature. Each kind (`topic`, `plan`, …)
//! lists its fields once with `record_kind!`, which gives it:
//!
//! - a table (`FieldSpec`: name, value check, who may write it, required),
//!   which the server and the app check every change against;
//! - a typed struct to read a record from its `Fields`;
//! - a typed change (a partial update: only the fields set are sent), which
//!   becomes `Fields` with `into_fields`.
//!
//! All three come from one list, so a field renamed in the model fails to
//! compile wherever the app or the server still uses the old name.
//!
//! `sync` dispatches on `EntityKind` to each feature's rules; features never
//! import `sync`.

pub mod check;
mod declare;
pub mod value;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub(crate) use declare::record_kind;

/// A record's fields: a JSON object. Each kind says which keys it has.
pub type Fields = serde_json::Map<String, serde_json::Value>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// The PA's record of one contact or missed attempt (`meeting::contact`).
    Contact,
    /// What was agreed at a meeting, who does it and by when (`meeting::action`).
    AgreedAction,
}

impl EntityKind {
    pub const ALL: [EntityKind; 10] = [
        EntityKind::Topic,
        EntityKind::Entitlement,
        EntityKind::HealthEntry,
        EntityKind::PlanSection,
        EntityKind::PlanComment,
        EntityKind::PlanReview,
        EntityKind::ContactRequest,
        EntityKind::UnsafeAlert,
        EntityKind::Contact,
        EntityKind::AgreedAction,
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
            EntityKind::Contact => "contact",
            EntityKind::AgreedAction => "agreed_action",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A typed read of one kind of record (made by `record_kind!`), for code
/// that works on any kind: `fn shown<R: Record>(..)`.
pub trait Record: Sized {
    const KIND: EntityKind;
    fn from_fields(fields: &Fields) -> Option<Self>;
}

/// A typed change to one kind of record (made by `record_kind!`); the
/// kind comes with it, so `Replica::put_change` cannot file it wrongly.
pub trait Change {
    const KIND: EntityKind;
    fn into_fields(self) -> Fields;
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
