//! What a person typed into a health form, checked by the same rules the
//! server uses (`health::entry::check_put`), with each problem put in plain
//! words next to the field it belongs to, before anything is saved.

use pathway_model::auth::Role;
use pathway_model::health::entry::check_put;
use pathway_model::health::{HealthEntry, HealthKind, Visibility};
use pathway_model::sync::{FieldRuleError, Fields};
use serde_json::Value;

/// A new entry as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub kind: Option<HealthKind>,
    pub title: String,
    pub date: String,
    pub details: String,
    pub source: String,
    /// The kind's own field (see `extra_field`).
    pub extra: String,
    pub visibility: Option<Visibility>,
}

/// A problem with one field: the field's name in the record, and the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub words: &'static str,
}

/// The field only this kind has, and its label.
pub fn extra_field(kind: HealthKind) -> Option<(&'static str, &'static str)> {
    match kind {
        HealthKind::Allergy => Some(("severity", "How bad is it?")),
        HealthKind::Medicine => Some(("dose", "How much, and how often (the dose)")),
        HealthKind::Practitioner => Some(("phone", "Phone number")),
        HealthKind::FamilyHistory => {
            Some(("relation", "Who in the family (for example, birth mother)"))
        }
        _ => None,
    }
}

pub const SEVERITIES: [(&str, &str); 4] = [
    ("", "Not sure"),
    ("mild", "Mild"),
    ("moderate", "Moderate"),
    ("severe", "Severe (can be dangerous)"),
];

/// The words for a problem the rules found with `field`.
pub fn words(field: &str, problem: &str) -> &'static str {
    let empty = problem.contains("empty");
    match field {
        "kind" => "Choose what kind of thing this is.",
        "title" if empty => "Write a short title, like \"Penicillin\".",
        "title" => "Keep the title to 120 letters and spaces or fewer.",
        "date" => "Enter a real date between 1900 and 2100, or leave it empty.",
        "details" => "Keep this to 2,000 letters and spaces or fewer.",
        "source" => "Keep this to 200 letters and spaces or fewer.",
        "severity" => "Choose how bad the allergy is.",
        "dose" => "Keep the dose to 100 letters and spaces or fewer.",
        "phone" => "Enter a UK phone number, like 0151 496 0100.",
        "relation" => "Keep this to 60 letters and spaces or fewer.",
        "my_note" | "correction" | "correction_reply" if empty => "Write something first.",
        "my_note" | "correction" | "correction_reply" => {
            "Keep this to 1,000 letters and spaces or fewer."
        }
        "recorded_by" => "We don't know your name yet. Try again in a moment.",
        "visibility" => "Choose who can see this.",
        _ => "Something here is not right. Check it and try again.",
    }
}

fn text_or_null(s: &str) -> Value {
    let s = s.trim();
    if s.is_empty() {
        Value::Null
    } else {
        Value::String(s.into())
    }
}

/// The fields of a new entry, or every problem with it. `role` writes it:
/// a young person's own entry, or a PA's professional one.
pub fn new_entry(draft: &Draft, role: Role, recorded_by: &str) -> Result<Fields, Vec<Problem>> {
    let Some(kind) = draft.kind else {
        return Err(vec![Problem {
            field: "kind",
            words: words("kind", ""),
        }]);
    };
    let mut f = Fields::new();
    f.insert("kind".into(), Value::String(kind.as_str().into()));
    let author = if role == Role::YoungPerson {
        "me"
    } else {
        "professional"
    };
    f.insert("author".into(), Value::String(author.into()));
    f.insert("title".into(), Value::String(draft.title.trim().into()));
    f.insert("date".into(), text_or_null(&draft.date));
    f.insert("details".into(), text_or_null(&draft.details));
    f.insert("source".into(), text_or_null(&draft.source));
    f.insert(
        "recorded_by".into(),
        Value::String(recorded_by.trim().into()),
    );
    let visibility = draft.visibility.unwrap_or(Visibility::MyPa);
    f.insert(
        "visibility".into(),
        Value::String(visibility.as_str().into()),
    );
    if let Some((name, _)) = extra_field(kind) {
        let extra = text_or_null(&draft.extra);
        if !extra.is_null() {
            f.insert(name.into(), extra);
        }
    }
    let problems = all_problems(role, &f, None);
    if problems.is_empty() {
        Ok(f)
    } else {
        Err(problems)
    }
}

/// An entry as it is now, as the form shows it to be changed.
pub fn draft_of(e: &HealthEntry) -> Draft {
    let extra = match e.kind {
        HealthKind::Allergy => e.severity.clone(),
        HealthKind::Medicine => e.dose.clone(),
        HealthKind::Practitioner => e.phone.clone(),
        HealthKind::FamilyHistory => e.relation.clone(),
        _ => None,
    };
    Draft {
        kind: Some(e.kind),
        title: e.title.clone(),
        date: e.date.clone().unwrap_or_default(),
        details: e.details.clone().unwrap_or_default(),
        source: e.source.clone().unwrap_or_default(),
        extra: extra.unwrap_or_default(),
        visibility: Some(e.visibility),
    }
}

/// Only the words that differ from `current` (empty: nothing changed),
/// checked by the rules, or every problem with them. Who sees it and the
/// passport are changed on their own, so they are not part of this.
pub fn changed_fields(draft: &Draft, role: Role, current: &Fields) -> Result<Fields, Vec<Problem>> {
    let kind = current
        .get("kind")
        .and_then(Value::as_str)
        .and_then(HealthKind::parse);
    let mut typed = Fields::new();
    typed.insert("title".into(), Value::String(draft.title.trim().into()));
    typed.insert("date".into(), text_or_null(&draft.date));
    typed.insert("details".into(), text_or_null(&draft.details));
    typed.insert("source".into(), text_or_null(&draft.source));
    if let Some((name, _)) = kind.and_then(extra_field) {
        typed.insert(name.into(), text_or_null(&draft.extra));
    }
    let change: Fields = typed
        .into_iter()
        .filter(|(k, v)| current.get(k.as_str()).unwrap_or(&Value::Null) != v)
        .collect();
    let problems = all_problems(role, &change, Some(current));
    if problems.is_empty() {
        Ok(change)
    } else {
        Err(problems)
    }
}

/// Checks a change to an existing entry.
/// Words written at a moment: a correction request (`correction`,
/// `correction_at`) or the PA's answer (`correction_reply`, `..._at`).
/// `empty` is what to say when nothing was written.
pub fn dated_words(
    role: Role,
    field: &'static str,
    text: &str,
    now: i64,
    current: &Fields,
    empty: &'static str,
) -> Result<Fields, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem {
            field,
            words: empty,
        });
    }
    let mut f = Fields::new();
    f.insert(field.into(), Value::String(text.into()));
    f.insert(format!("{field}_at"), Value::from(now));
    check_change(role, &f, current)?;
    Ok(f)
}

pub fn check_change(role: Role, change: &Fields, current: &Fields) -> Result<(), Problem> {
    match all_problems(role, change, Some(current)).into_iter().next() {
        Some(p) => Err(p),
        None => Ok(()),
    }
}

/// `check_put` stops at the first problem; a form should show them all.
/// So each field it names is set aside (to a value that passes) and the
/// rest checked again.
fn all_problems(role: Role, fields: &Fields, current: Option<&Fields>) -> Vec<Problem> {
    let mut fields = fields.clone();
    let mut problems = Vec::new();
    for _ in 0..fields.len() + 1 {
        let (field, problem) = match check_put(role, &fields, current) {
            Ok(()) => break,
            Err(FieldRuleError::Invalid { field, problem }) => (field, problem),
            Err(FieldRuleError::Missing(field)) => (field, String::from("empty")),
            Err(_) => {
                problems.push(Problem {
                    field: "form",
                    words: words("form", ""),
                });
                break;
            }
        };
        problems.push(Problem {
            field,
            words: words(field, &problem),
        });
        match field {
            "title" | "recorded_by" => {
                fields.insert(field.into(), Value::String("x".into()));
            }
            _ => {
                if fields.remove(field).is_none() {
                    break;
                }
            }
        }
    }
    // In the order the form asks, not the order the rules found them.
    let mut ordered: Vec<Problem> = ORDER
        .iter()
        .flat_map(|f| problems.iter().filter(move |p| p.field == *f))
        .cloned()
        .collect();
    ordered.extend(problems.into_iter().filter(|p| !ORDER.contains(&p.field)));
    ordered
}

const ORDER: [&str; 10] = [
    "kind",
    "title",
    "date",
    "severity",
    "dose",
    "phone",
    "relation",
    "details",
    "source",
    "visibility",
];

/// The words for `field` among `problems`, if there are any.
pub fn problem_for(problems: &[Problem], field: &str) -> Option<&'static str> {
    problems.iter().find(|p| p.field == field).map(|p| p.words)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::health::entry::DETAILS_MAX;
    use serde_json::json;

    fn allergy() -> Draft {
        Draft {
            kind: Some(HealthKind::Allergy),
            title: " Penicillin ".into(),
            date: "2024-03-14".into(),
            source: "Health assessment, March 2024".into(),
            extra: "severe".into(),
            visibility: Some(Visibility::MyPa),
            ..Draft::default()
        }
    }

    #[test]
    fn a_pa_records_a_professional_allergy_the_server_accepts() {
        let f = new_entry(&allergy(), Role::Advisor, "Sam Okafor (PA)").unwrap();
        assert_eq!(check_put(Role::Advisor, &f, None), Ok(()));
        assert_eq!(f["author"], json!("professional"));
        assert_eq!(f["title"], json!("Penicillin"));
        assert_eq!(f["severity"], json!("severe"));
        assert_eq!(f["details"], Value::Null);
    }

    #[test]
    fn a_young_persons_own_entry_is_theirs_and_can_be_only_me() {
        let d = Draft {
            kind: Some(HealthKind::Note),
            title: "Ask about my eyes".into(),
            visibility: Some(Visibility::MeOnly),
            ..Draft::default()
        };
        let f = new_entry(&d, Role::YoungPerson, "Jade").unwrap();
        assert_eq!(f["author"], json!("me"));
        assert_eq!(f["visibility"], json!("me_only"));
        assert_eq!(check_put(Role::YoungPerson, &f, None), Ok(()));
    }

    #[test]
    fn every_problem_is_found_at_once_in_plain_words() {
        let d = Draft {
            kind: Some(HealthKind::Practitioner),
            title: "  ".into(),
            date: "2024-02-30".into(),
            details: "x".repeat(DETAILS_MAX + 1),
            extra: "call me".into(),
            ..Draft::default()
        };
        let problems = new_entry(&d, Role::YoungPerson, "Jade").unwrap_err();
        assert_eq!(
            problem_for(&problems, "title"),
            Some("Write a short title, like \"Penicillin\".")
        );
        assert!(
            problem_for(&problems, "date")
                .unwrap()
                .starts_with("Enter a real date")
        );
        assert!(
            problem_for(&problems, "details")
                .unwrap()
                .starts_with("Keep this to 2,000")
        );
        assert!(
            problem_for(&problems, "phone")
                .unwrap()
                .starts_with("Enter a UK phone number")
        );
        assert_eq!(problems.len(), 4);
        let order: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            order,
            ["title", "date", "phone", "details"],
            "in the form's order"
        );
        let none = Draft {
            kind: None,
            ..allergy()
        };
        assert_eq!(
            new_entry(&none, Role::YoungPerson, "Jade").unwrap_err()[0].field,
            "kind"
        );
        let long = Draft {
            title: "x".repeat(121),
            ..allergy()
        };
        assert!(
            problem_for(
                &new_entry(&long, Role::Advisor, "Sam").unwrap_err(),
                "title"
            )
            .unwrap()
            .starts_with("Keep")
        );
    }

    #[test]
    fn a_pa_cannot_mark_an_entry_only_me() {
        let d = Draft {
            visibility: Some(Visibility::MeOnly),
            ..allergy()
        };
        assert_eq!(
            problem_for(
                &new_entry(&d, Role::Advisor, "Sam").unwrap_err(),
                "visibility"
            ),
            Some("Choose who can see this.")
        );
    }

    #[test]
    fn a_change_to_her_own_entry_sends_only_what_she_changed() {
        let d = Draft {
            kind: Some(HealthKind::Medicine),
            title: "Inhaler".into(),
            extra: "Two puffs".into(),
            visibility: Some(Visibility::MyPa),
            ..Draft::default()
        };
        let current = new_entry(&d, Role::YoungPerson, "Jade").unwrap();
        let entry = HealthEntry::from_fields(&current).unwrap();
        let same = draft_of(&entry);
        assert_eq!(same.extra, "Two puffs");
        assert_eq!(
            changed_fields(&same, Role::YoungPerson, &current),
            Ok(Fields::new())
        );
        let changed = Draft {
            title: " Blue inhaler ".into(),
            date: "2024-05-01".into(),
            ..same.clone()
        };
        let f = changed_fields(&changed, Role::YoungPerson, &current).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f["title"], json!("Blue inhaler"));
        assert_eq!(f["date"], json!("2024-05-01"));
        assert_eq!(check_put(Role::YoungPerson, &f, Some(&current)), Ok(()));
        let cleared = Draft {
            extra: " ".into(),
            ..same.clone()
        };
        assert_eq!(
            changed_fields(&cleared, Role::YoungPerson, &current).unwrap()["dose"],
            Value::Null
        );
        let bad = Draft {
            title: "".into(),
            date: "2024-02-30".into(),
            ..same
        };
        let fields: Vec<&str> = changed_fields(&bad, Role::YoungPerson, &current)
            .unwrap_err()
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["title", "date"]);
        // A professional's words are not hers to change.
        let pa = new_entry(&allergy(), Role::Advisor, "Sam Okafor (PA)").unwrap();
        let theirs = Draft {
            title: "Amoxicillin".into(),
            ..draft_of(&HealthEntry::from_fields(&pa).unwrap())
        };
        assert_eq!(
            changed_fields(&theirs, Role::YoungPerson, &pa).unwrap_err()[0].field,
            "form"
        );
    }

    #[test]
    fn changes_to_an_entry_follow_who_writes_what() {
        let current = new_entry(&allergy(), Role::Advisor, "Sam Okafor (PA)").unwrap();
        let mut note = Fields::new();
        note.insert("my_note".into(), json!("x".repeat(1001)));
        assert_eq!(
            check_change(Role::YoungPerson, &note, &current)
                .unwrap_err()
                .field,
            "my_note"
        );
        note.insert("my_note".into(), json!("Rash as a baby"));
        assert_eq!(check_change(Role::YoungPerson, &note, &current), Ok(()));
        let mut title = Fields::new();
        title.insert("title".into(), json!("Nothing"));
        assert_eq!(
            check_change(Role::YoungPerson, &title, &current)
                .unwrap_err()
                .field,
            "form"
        );
    }
}
