//! The personal tracker on the local offer: for each item, whether the young
//! person has asked for it, got it, or decided it is not for them, with a
//! date and a note. Synced like every other record; the PA can read it.
//!
//! Two names on purpose: the record kind is `entitlement` (one thing the
//! council owes her, as the wire and the database call it); the screen that
//! shows and changes it is her *tracker* (`src/offer/tracker.rs`), the word
//! a young person uses.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::record::check::{Check, Who, check_change};
use crate::record::value::word_value;
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

pub const NOTE_MAX: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    const WORDS: &'static [&'static str] = &["not_asked", "asked", "claimed", "not_for_me"];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
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

word_value!(TrackerStatus);

/// Only the young person writes their tracker; their PA reads it.
const YOUNG_PERSON: Who = Who::Roles(Roles::YOUNG_PERSON);

record_kind! {
    /// The typed view of an entitlement record's fields.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Entitlement;
    /// A change to a tracker entry: only the fields set are sent.
    pub struct EntitlementChange;
    kind: Entitlement,
    table: FIELDS,
    fields {
        council_id: String = must, Check::Text(100), YOUNG_PERSON;
        item_id: String = must, Check::Text(100), YOUNG_PERSON;
        status: TrackerStatus = must, Check::OneOf(TrackerStatus::WORDS), YOUNG_PERSON;
        /// When the status last changed, `YYYY-MM-DD`.
        date: Option<String> = or_default, Check::OptDate, YOUNG_PERSON;
        note: Option<String> = or_default, Check::OptText(NOTE_MAX), YOUNG_PERSON;
    }
}

/// One record per young person and offer item, with the same id on every
/// device, so two phones tracking the same item merge instead of doubling.
pub fn record_id(person_id: Uuid, council_id: &str, item_id: &str) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x7a31_c0de_2e5b_4f0a_8d6e_91b4_c3f2_0a57);
    Uuid::new_v5(&NAMESPACE, format!("{person_id}\u{1f}{council_id}\u{1f}{item_id}").as_bytes())
}

pub fn check_put(role: Role, fields: &Fields, creating: bool) -> Result<(), FieldRuleError> {
    let stored = Fields::new();
    check_change(FIELDS, role, fields, (!creating).then_some(&stored), false)
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
        let f = fields(
            json!({"council_id": "liverpool", "item_id": "laptop-and-data", "status": "claimed", "date": "2026-11-22"}),
        );
        assert_eq!(check_put(Role::YoungPerson, &f, true), Ok(()));
        assert_eq!(
            check_put(Role::Advisor, &fields(json!({"status": "asked"})), false),
            Err(FieldRuleError::NotYours("status".into()))
        );
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
        assert_eq!(
            check_put(Role::YoungPerson, &fields(json!({"status": "asked"})), true),
            Err(FieldRuleError::Missing("council_id"))
        );
    }

    #[test]
    fn a_tracker_change_reads_back_as_the_same_entry() {
        let change = EntitlementChange {
            council_id: Some("liverpool".into()),
            item_id: Some("laptop".into()),
            status: Some(TrackerStatus::Asked),
            note: Some(Some("Asked Sam".into())),
            ..Default::default()
        };
        let f = change.into_fields();
        assert_eq!(check_put(Role::YoungPerson, &f, true), Ok(()));
        let e = Entitlement::from_fields(&f).unwrap();
        assert_eq!((e.status, e.date, e.note.as_deref()), (TrackerStatus::Asked, None, Some("Asked Sam")));
        // Clearing the note sends null rather than leaving it out.
        let clear = EntitlementChange { note: Some(None), ..Default::default() }.into_fields();
        assert_eq!(clear, fields(json!({"note": null})));
    }

    #[test]
    fn the_same_person_and_item_give_the_same_record_on_every_device() {
        let p = Uuid::from_u128(1);
        assert_eq!(record_id(p, "liverpool", "laptop"), record_id(p, "liverpool", "laptop"));
        assert_ne!(record_id(p, "liverpool", "laptop"), record_id(Uuid::from_u128(2), "liverpool", "laptop"));
        assert_ne!(record_id(p, "liverpool", "laptop"), record_id(p, "knowsley", "laptop"));
    }
}
