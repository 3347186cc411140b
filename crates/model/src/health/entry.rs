//! A health entry: one fact in a young person's health history, with who
//! recorded it, from what, and who may see it.
//!
//! Two kinds of author: a professional (the PA, writing up a health
//! assessment) and the young person. The young person controls who sees
//! every entry and what goes in their passport, adds their own notes, and
//! asks for a correction of a professional entry; they never edit its words.

use serde::{Deserialize, Serialize};

pub use super::kind::{Author, HealthKind, Visibility};

use crate::auth::Role;
use crate::sync::fields::{Check, FieldSpec, check_fields, field, require, str_of};
use crate::sync::{FieldRuleError, Fields};

pub const TITLE_MAX: usize = 120;
pub const DETAILS_MAX: usize = 2000;
pub const SOURCE_MAX: usize = 200;
pub const NOTE_MAX: usize = 1000;

const SEVERITIES: &[&str] = &["mild", "moderate", "severe"];

/// The words of the entry: written by its author only.
const CONTENT: &[FieldSpec] = &[
    field("title", Check::Text(TITLE_MAX)),
    field("date", Check::OptDate),
    field("details", Check::OptText(DETAILS_MAX)),
    // What it came from: "health assessment, March 2024".
    field("source", Check::OptText(SOURCE_MAX)),
    // Who recorded it: "Sam Okafor (PA)".
    field("recorded_by", Check::Text(100)),
    // Allergies only.
    field("severity", Check::OptOneOf(SEVERITIES)),
    // Medicines only: "one tablet twice a day".
    field("dose", Check::OptText(100)),
    // Practitioners only.
    field("phone", Check::OptPhone),
    // Family history only: "birth mother".
    field("relation", Check::OptText(60)),
];

/// Set once, when the entry is made.
const FIXED: &[FieldSpec] =
    &[field("kind", Check::OneOf(HealthKind::WORDS)), field("author", Check::OneOf(&["professional", "me"]))];

/// The young person's, on every entry.
const YOUNG_PERSONS: &[FieldSpec] = &[
    field("visibility", Check::OneOf(Visibility::WORDS)),
    field("in_passport", Check::Bool),
    field("my_note", Check::OptText(NOTE_MAX)),
    // A request to correct a professional entry, and when it was made.
    field("correction", Check::OptText(NOTE_MAX)),
    field("correction_at", Check::OptMillis),
];

/// The PA's answer to a correction request.
const PAS: &[FieldSpec] =
    &[field("correction_reply", Check::OptText(NOTE_MAX)), field("correction_reply_at", Check::OptMillis)];

fn all_specs() -> impl Iterator<Item = FieldSpec> {
    CONTENT.iter().chain(FIXED).chain(YOUNG_PERSONS).chain(PAS).copied()
}

/// Fields that only make sense for one kind.
fn kind_of_field(name: &str) -> Option<HealthKind> {
    match name {
        "severity" => Some(HealthKind::Allergy),
        "dose" => Some(HealthKind::Medicine),
        "phone" => Some(HealthKind::Practitioner),
        "relation" => Some(HealthKind::FamilyHistory),
        _ => None,
    }
}

/// Checks a change to a health entry. `current` is the stored entry's
/// fields, `None` when this change creates it.
pub fn check_put(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    let specs: Vec<FieldSpec> = all_specs().collect();
    let present = check_fields(&specs, change)?;
    let me = Author::of(role).ok_or(FieldRuleError::NotAllowed)?;
    let creating = current.is_none();
    let author = match str_of(change, current, "author") {
        Some("professional") => Author::Professional,
        Some("me") => Author::Me,
        _ => return Err(FieldRuleError::Missing("author")),
    };
    let kind = str_of(change, current, "kind").and_then(HealthKind::parse).ok_or(FieldRuleError::Missing("kind"))?;
    if creating && author != me {
        return Err(FieldRuleError::Invalid { field: "author", problem: "must be you".into() });
    }

    for spec in present {
        let name = spec.name;
        let allowed = if FIXED.iter().any(|s| s.name == name) {
            // Set on creation, by its author; a later change of the same
            // value is harmless, any other change is refused.
            creating || current.and_then(|c| c.get(name)) == change.get(name)
        } else if CONTENT.iter().any(|s| s.name == name) {
            author == me
        } else if YOUNG_PERSONS.iter().any(|s| s.name == name) {
            // A PA chooses who sees what they record, when they record it;
            // afterwards only the young person changes it.
            role == Role::YoungPerson || (creating && name == "visibility")
        } else {
            role == Role::Advisor
        };
        if !allowed {
            return Err(FieldRuleError::NotYours(name.to_string()));
        }
        if let Some(only) = kind_of_field(name) {
            if only != kind {
                return Err(FieldRuleError::Invalid {
                    field: spec.name,
                    problem: format!("is only for {}", only.singular()),
                });
            }
        }
    }
    if creating {
        require(change, &["kind", "author", "title", "recorded_by", "visibility"])?;
        if role == Role::Advisor && change.get("visibility").and_then(|v| v.as_str()) == Some("me_only") {
            // An entry the PA could not see would be lost to them at once.
            return Err(FieldRuleError::Invalid {
                field: "visibility",
                problem: "only the young person can choose only me".into(),
            });
        }
    }
    if change.contains_key("correction") && author != Author::Professional {
        return Err(FieldRuleError::Invalid {
            field: "correction",
            problem: "you can change your own entries yourself".into(),
        });
    }
    Ok(())
}

/// A young person deletes their own entries; a PA the professional ones. A
/// young person hides a professional entry ("only me") instead.
pub fn may_delete(role: Role, current: Option<&Fields>) -> bool {
    let author = current.and_then(|c| c.get("author")).and_then(|v| v.as_str());
    matches!((role, author), (Role::YoungPerson, Some("me")) | (Role::Advisor, Some("professional")) | (_, None))
        && role != Role::Manager
}

/// Whether anyone besides the young person may receive this entry.
pub fn visible_to_staff(fields: &Fields) -> bool {
    fields.get("visibility").and_then(|v| v.as_str()) != Some("me_only")
}

/// The typed view of an entry's fields, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthEntry {
    pub kind: HealthKind,
    pub author: Author,
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub details: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    pub recorded_by: String,
    pub visibility: Visibility,
    #[serde(default)]
    pub in_passport: bool,
    #[serde(default)]
    pub severity: Option<String>,
    #[serde(default)]
    pub dose: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub relation: Option<String>,
    #[serde(default)]
    pub my_note: Option<String>,
    #[serde(default)]
    pub correction: Option<String>,
    #[serde(default)]
    pub correction_at: Option<i64>,
    #[serde(default)]
    pub correction_reply: Option<String>,
    #[serde(default)]
    pub correction_reply_at: Option<i64>,
}

impl HealthEntry {
    pub fn from_fields(fields: &Fields) -> Option<HealthEntry> {
        serde_json::from_value(serde_json::Value::Object(fields.clone())).ok()
    }

    /// A correction was asked for and the PA has not answered since.
    pub fn correction_open(&self) -> bool {
        let asked = self.correction.as_deref().is_some_and(|c| !c.trim().is_empty());
        asked && self.correction_reply_at.is_none_or(|r| self.correction_at.is_some_and(|a| a > r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn f(v: serde_json::Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    fn pa_allergy() -> Fields {
        f(json!({"kind": "allergy", "author": "professional", "title": "Penicillin", "severity": "severe",
                 "source": "health assessment, March 2024", "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa"}))
    }

    #[test]
    fn a_pa_records_an_allergy_and_the_young_person_cannot_change_its_words() {
        let entry = pa_allergy();
        assert_eq!(check_put(Role::Advisor, &entry, None), Ok(()));
        let edit = f(json!({"title": "Nothing"}));
        assert_eq!(check_put(Role::YoungPerson, &edit, Some(&entry)), Err(FieldRuleError::NotYours("title".into())));
        // …but they choose who sees it, note it, put it in the passport and ask for a correction.
        let mine = f(json!({"visibility": "me_only", "in_passport": true, "my_note": "Rash as a baby",
                            "correction": "It was amoxicillin", "correction_at": 1_790_000_000_000_i64}));
        assert_eq!(check_put(Role::YoungPerson, &mine, Some(&entry)), Ok(()));
        // The PA answers the correction but cannot hide or include entries for them.
        assert_eq!(
            check_put(
                Role::Advisor,
                &f(json!({"correction_reply": "Fixed", "correction_reply_at": 1_790_000_000_001_i64})),
                Some(&entry)
            ),
            Ok(())
        );
        assert_eq!(
            check_put(Role::Advisor, &f(json!({"visibility": "my_pa"})), Some(&entry)),
            Err(FieldRuleError::NotYours("visibility".into()))
        );
        assert!(!may_delete(Role::YoungPerson, Some(&entry)));
        assert!(may_delete(Role::Advisor, Some(&entry)));
    }

    #[test]
    fn a_young_persons_own_entry_is_theirs_alone_to_edit() {
        let mine = f(
            json!({"kind": "note", "author": "me", "title": "Ask about my eyes", "recorded_by": "Jade", "visibility": "me_only"}),
        );
        assert_eq!(check_put(Role::YoungPerson, &mine, None), Ok(()));
        assert_eq!(
            check_put(Role::Advisor, &f(json!({"title": "x"})), Some(&mine)),
            Err(FieldRuleError::NotYours("title".into()))
        );
        assert!(may_delete(Role::YoungPerson, Some(&mine)));
        assert!(!may_delete(Role::Advisor, Some(&mine)));
        assert!(!visible_to_staff(&mine));
        // Asking to correct your own words makes no sense: you edit them.
        assert!(check_put(Role::YoungPerson, &f(json!({"correction": "typo"})), Some(&mine)).is_err());
    }

    #[test]
    fn bad_entries_are_refused_with_the_field_named() {
        let base = pa_allergy();
        let with = |k: &str, v: serde_json::Value| {
            let mut e = base.clone();
            e.insert(k.into(), v);
            e
        };
        let field_of = |r: Result<(), FieldRuleError>| match r {
            Err(FieldRuleError::Invalid { field, .. }) => field.to_string(),
            Err(FieldRuleError::UnknownField(k)) => k,
            other => format!("{other:?}"),
        };
        assert_eq!(field_of(check_put(Role::Advisor, &with("date", json!("2024-02-30")), None)), "date");
        assert_eq!(field_of(check_put(Role::Advisor, &with("kind", json!("tattoo")), None)), "kind");
        assert_eq!(
            field_of(check_put(Role::Advisor, &with("details", json!("x".repeat(DETAILS_MAX + 1))), None)),
            "details"
        );
        assert_eq!(field_of(check_put(Role::Advisor, &with("dose", json!("1 a day")), None)), "dose");
        assert_eq!(field_of(check_put(Role::Advisor, &with("visibility", json!("me_only")), None)), "visibility");
        assert_eq!(field_of(check_put(Role::Advisor, &with("author", json!("me")), None)), "author");
        assert_eq!(field_of(check_put(Role::Advisor, &with("mood", json!("ok")), None)), "mood");
        assert_eq!(check_put(Role::Advisor, &f(json!({"kind": "allergy"})), Some(&base)), Ok(()));
        // "Not sure" how bad: the severity can be taken away again.
        assert_eq!(check_put(Role::Advisor, &f(json!({"severity": null})), Some(&base)), Ok(()));
        assert_eq!(field_of(check_put(Role::Advisor, &with("severity", json!("awful")), None)), "severity");
        assert_eq!(
            check_put(Role::Advisor, &f(json!({"kind": "medicine"})), Some(&base)),
            Err(FieldRuleError::NotYours("kind".into()))
        );
        assert_eq!(check_put(Role::Manager, &base, None), Err(FieldRuleError::NotAllowed));
    }

    #[test]
    fn a_correction_stays_open_until_the_pa_answers_after_it() {
        let mut e = HealthEntry::from_fields(&pa_allergy()).unwrap();
        assert!(!e.correction_open());
        e.correction = Some("Wrong year".into());
        e.correction_at = Some(10);
        assert!(e.correction_open());
        e.correction_reply_at = Some(11);
        assert!(!e.correction_open());
        e.correction_at = Some(12);
        assert!(e.correction_open());
    }
}
