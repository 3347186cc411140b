//! The personal tracker on the local offer: for each item, whether the young
//! person has asked for it, got it, or decided it is not for them, with a
//! date and a note. Synced like every other record; the PA can read it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Role;
use crate::sync::{FieldRuleError, Fields};

pub const NOTE_MAX: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrackerStatus {
    NotAsked,
    Asked,
    /// "Got it".
    Claimed,
    NotForMe,
}

impl TrackerStatus {
    pub const ALL: [TrackerStatus; 4] =
        [TrackerStatus::NotAsked, TrackerStatus::Asked, TrackerStatus::Claimed, TrackerStatus::NotForMe];

    pub fn as_str(self) -> &'static str {
        match self {
            TrackerStatus::NotAsked => "not_asked",
            TrackerStatus::Asked => "asked",
            TrackerStatus::Claimed => "claimed",
            TrackerStatus::NotForMe => "not_for_me",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            TrackerStatus::NotAsked => "Not asked",
            TrackerStatus::Asked => "Asked",
            TrackerStatus::Claimed => "Got it",
            TrackerStatus::NotForMe => "Not for me",
        }
    }
}

/// The typed view of an entitlement record's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entitlement {
    pub council_id: String,
    pub item_id: String,
    pub status: TrackerStatus,
    /// When the status last changed, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Entitlement {
    pub fn from_fields(fields: &Fields) -> Option<Entitlement> {
        serde_json::from_value(serde_json::Value::Object(fields.clone())).ok()
    }
}

/// One record per young person and offer item, with the same id on every
/// device, so two phones tracking the same item merge instead of doubling.
pub fn record_id(person_id: Uuid, council_id: &str, item_id: &str) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x7a31_c0de_2e5b_4f0a_8d6e_91b4_c3f2_0a57);
    Uuid::new_v5(&NAMESPACE, format!("{person_id}\u{1f}{council_id}\u{1f}{item_id}").as_bytes())
}

fn invalid(field: &'static str, problem: &str) -> FieldRuleError {
    FieldRuleError::Invalid { field, problem: problem.into() }
}

fn short_text(v: &serde_json::Value, field: &'static str, max: usize) -> Result<(), FieldRuleError> {
    let s = v.as_str().ok_or_else(|| invalid(field, "must be text"))?;
    if s.trim().is_empty() || s.chars().count() > max {
        return Err(invalid(field, &format!("must be 1 to {max} characters")));
    }
    Ok(())
}

/// Only the young person writes their tracker; their PA reads it.
pub fn check_put(role: Role, fields: &Fields, creating: bool) -> Result<(), FieldRuleError> {
    for (key, value) in fields {
        match key.as_str() {
            "council_id" | "item_id" => short_text(value, if key == "item_id" { "item_id" } else { "council_id" }, 100)?,
            "status" => {
                if value.as_str().and_then(TrackerStatus::parse).is_none() {
                    return Err(invalid("status", "must be not_asked, asked, claimed or not_for_me"));
                }
            }
            "date" => {
                let ok = value.is_null()
                    || value.as_str().and_then(crate::sync::fields::parse_date).is_some();
                if !ok {
                    return Err(invalid("date", "must be a date like 2026-11-22"));
                }
            }
            "note" => {
                let ok = value.is_null() || value.as_str().is_some_and(|n| n.chars().count() <= NOTE_MAX);
                if !ok {
                    return Err(invalid("note", &format!("must be at most {NOTE_MAX} characters")));
                }
            }
            other => return Err(FieldRuleError::UnknownField(other.to_string())),
        }
        if role != Role::YoungPerson {
            return Err(FieldRuleError::NotYours(key.clone()));
        }
    }
    if creating {
        for required in ["council_id", "item_id", "status"] {
            if !fields.contains_key(required) {
                return Err(FieldRuleError::Missing(match required {
                    "council_id" => "council_id",
                    "item_id" => "item_id",
                    _ => "status",
                }));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: serde_json::Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn a_young_person_tracks_an_item_and_a_pa_cannot_change_it() {
        let f = fields(json!({"council_id": "liverpool", "item_id": "laptop-and-data", "status": "claimed", "date": "2026-11-22"}));
        assert_eq!(check_put(Role::YoungPerson, &f, true), Ok(()));
        assert_eq!(check_put(Role::Advisor, &fields(json!({"status": "asked"})), false), Err(FieldRuleError::NotYours("status".into())));
        let e = Entitlement::from_fields(&f).unwrap();
        assert_eq!(e.status, TrackerStatus::Claimed);
        assert_eq!(e.status.label(), "Got it");
    }

    #[test]
    fn bad_tracker_values_name_the_field() {
        for (v, field) in [
            (json!({"status": "maybe"}), "status"),
            (json!({"date": "22/11/2026"}), "date"),
            (json!({"note": "x".repeat(NOTE_MAX + 1)}), "note"),
            (json!({"item_id": ""}), "item_id"),
        ] {
            match check_put(Role::YoungPerson, &fields(v.clone()), false) {
                Err(FieldRuleError::Invalid { field: f, .. }) => assert_eq!(f, field, "{v}"),
                other => panic!("{v}: {other:?}"),
            }
        }
        assert_eq!(check_put(Role::YoungPerson, &fields(json!({"status": "asked"})), true), Err(FieldRuleError::Missing("council_id")));
    }

    #[test]
    fn the_same_person_and_item_give_the_same_record_on_every_device() {
        let p = Uuid::from_u128(1);
        assert_eq!(record_id(p, "liverpool", "laptop"), record_id(p, "liverpool", "laptop"));
        assert_ne!(record_id(p, "liverpool", "laptop"), record_id(Uuid::from_u128(2), "liverpool", "laptop"));
        assert_ne!(record_id(p, "liverpool", "laptop"), record_id(p, "knowsley", "laptop"));
    }
}
