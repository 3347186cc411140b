//! A health entry: one fact in a young person's health history, with who
//! recorded it, from what, and who may see it.
//!
//! Two kinds of author: a professional (the PA, writing up a health
//! assessment) and the young person. The young person controls who sees
//! every entry and what goes in their passport, adds their own notes, and
//! asks for a correction of a professional entry; they never edit its words.

pub use super::kind::{Author, HealthKind, Visibility};

use crate::record::check::{Check, Who, check_change, check_fields, str_of};
use crate::record::value::word_value;
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

pub const TITLE_MAX: usize = 120;
pub const DETAILS_MAX: usize = 2000;
pub const SOURCE_MAX: usize = 200;
pub const NOTE_MAX: usize = 1000;

const SEVERITIES: &[&str] = &["mild", "moderate", "severe"];

word_value!(HealthKind, Visibility, Author);

/// Set once, when the entry is made; re-sending the same value is harmless.
const FIXED: Who = Who::Fixed(Roles::ANYONE);
/// The words of the entry: written by its author only.
const AUTHOR: Who = Who::Author;
/// The young person's, on every entry.
const YOUNG_PERSON: Who = Who::Roles(Roles::YOUNG_PERSON);
/// The PA's answer to a correction request.
const ADVISOR: Who = Who::Roles(Roles::ADVISOR);

record_kind! {
    /// The typed view of an entry's fields, for display.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct HealthEntry;
    /// A change to an entry: only the fields set are sent.
    pub struct HealthEntryChange;
    kind: HealthEntry,
    table: FIELDS,
    fields {
        kind: HealthKind = must, Check::OneOf(HealthKind::WORDS), FIXED;
        author: Author = must, Check::OneOf(Author::WORDS), FIXED;
        title: String = must, Check::Text(TITLE_MAX), AUTHOR;
        date: Option<String> = or_default, Check::OptDate, AUTHOR;
        details: Option<String> = or_default, Check::OptText(DETAILS_MAX), AUTHOR;
        /// What it came from: "health assessment, March 2024".
        source: Option<String> = or_default, Check::OptText(SOURCE_MAX), AUTHOR;
        /// Who recorded it: "Sam Okafor (PA)".
        recorded_by: String = must, Check::Text(100), AUTHOR;
        /// Allergies only.
        severity: Option<String> = or_default, Check::OptOneOf(SEVERITIES), AUTHOR;
        /// Medicines only: "one tablet twice a day".
        dose: Option<String> = or_default, Check::OptText(100), AUTHOR;
        /// Practitioners only.
        phone: Option<String> = or_default, Check::OptPhone, AUTHOR;
        /// Family history only: "birth mother".
        relation: Option<String> = or_default, Check::OptText(60), AUTHOR;
        /// A PA chooses who sees what they record, when they record it;
        /// afterwards only the young person changes it.
        visibility: Visibility = must, Check::OneOf(Visibility::WORDS), Who::RolesOrCreator(Roles::YOUNG_PERSON);
        in_passport: bool = or_default, Check::Bool, YOUNG_PERSON;
        my_note: Option<String> = or_default, Check::OptText(NOTE_MAX), YOUNG_PERSON;
        /// A request to correct a professional entry, and when it was made.
        correction: Option<String> = or_default, Check::OptText(NOTE_MAX), YOUNG_PERSON;
        correction_at: Option<i64> = or_default, Check::OptMillis, YOUNG_PERSON;
        correction_reply: Option<String> = or_default, Check::OptText(NOTE_MAX), ADVISOR;
        correction_reply_at: Option<i64> = or_default, Check::OptMillis, ADVISOR;
    }
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
    // Values first, so a bad value is named before anything else.
    check_fields(FIELDS, change)?;
    let me = Author::of(role).ok_or(FieldRuleError::NotAllowed)?;
    let creating = current.is_none();
    let author = str_of(change, current, "author").and_then(Author::parse).ok_or(FieldRuleError::Missing("author"))?;
    let kind = str_of(change, current, "kind").and_then(HealthKind::parse).ok_or(FieldRuleError::Missing("kind"))?;
    if creating && author != me {
        return Err(FieldRuleError::Invalid { field: "author", problem: "must be you".into() });
    }
    check_change(FIELDS, role, change, current, author == me)?;
    for spec in FIELDS.iter().filter(|s| change.contains_key(s.name)) {
        if let Some(only) = kind_of_field(spec.name)
            && only != kind
        {
            return Err(FieldRuleError::Invalid {
                field: spec.name,
                problem: format!("is only for {}", only.singular()),
            });
        }
    }
    if creating && role == Role::Advisor && change.get("visibility").and_then(|v| v.as_str()) == Some("me_only") {
        // An entry the PA could not see would be lost to them at once.
        return Err(FieldRuleError::Invalid {
            field: "visibility",
            problem: "only the young person can choose only me".into(),
        });
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

impl HealthEntry {
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
    fn a_typed_entry_passes_the_rules_and_reads_back() {
        let new = HealthEntryChange {
            kind: Some(HealthKind::Medicine),
            author: Some(Author::Me),
            title: Some("Inhaler".into()),
            dose: Some(Some("Two puffs".into())),
            recorded_by: Some("Jade".into()),
            visibility: Some(Visibility::MyPa),
            ..Default::default()
        }
        .into_fields();
        assert_eq!(check_put(Role::YoungPerson, &new, None), Ok(()));
        let e = HealthEntry::from_fields(&new).unwrap();
        assert_eq!(
            (e.kind, e.author, e.dose.as_deref(), e.in_passport),
            (HealthKind::Medicine, Author::Me, Some("Two puffs"), false)
        );
        let hide = HealthEntryChange { visibility: Some(Visibility::MeOnly), ..Default::default() }.into_fields();
        assert_eq!(check_put(Role::YoungPerson, &hide, Some(&new)), Ok(()));
        assert!(!visible_to_staff(&hide));
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
