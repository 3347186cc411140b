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
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Topic => "topic",
            EntityKind::Entitlement => "entitlement",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "topic" => Some(EntityKind::Topic),
            "entitlement" => Some(EntityKind::Entitlement),
            _ => None,
        }
    }

    /// Checks a put's fields: every key known, every value valid, and the
    /// caller's role allowed to write it. `creating` is true for a new record.
    pub fn check_put(self, role: Role, fields: &Fields, creating: bool) -> Result<(), FieldRuleError> {
        match self {
            EntityKind::Topic => crate::topic::check_put(role, fields, creating),
            EntityKind::Entitlement => crate::entitlement::check_put(role, fields, creating),
        }
    }

    /// Whether this role may delete records of this kind.
    pub fn may_delete(self, role: Role) -> bool {
        match self {
            EntityKind::Topic | EntityKind::Entitlement => role == Role::YoungPerson,
        }
    }

    /// Whether this role may create records of this kind.
    pub fn may_create(self, role: Role) -> bool {
        match self {
            EntityKind::Topic | EntityKind::Entitlement => role == Role::YoungPerson,
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
