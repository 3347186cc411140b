//! What a person typed into a health form, made into the model's typed
//! change (`HealthEntryChange`) and checked by the same rules the server
//! uses (`health::entry::check_put`), with each problem put in plain words
//! next to the field it belongs to, before anything is saved.

use pathway_model::auth::Role;
use pathway_model::health::entry::{HealthEntryChange, check_put};
use pathway_model::health::{Author, HealthEntry, HealthKind, Visibility};
use pathway_model::sync::{FieldRuleError, Fields};
use serde_json::Value;

use super::records::kind_name;
use crate::i18n::{k, t};

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
        HealthKind::Allergy => Some(("severity", t(k::HEALTH_FORM_SEVERITY))),
        HealthKind::Medicine => Some(("dose", t(k::HEALTH_FORM_DOSE))),
        HealthKind::Practitioner => Some(("phone", t(k::HEALTH_FORM_PHONE))),
        HealthKind::FamilyHistory => Some(("relation", t(k::HEALTH_FORM_RELATION))),
        _ => None,
    }
}

/// The kind's own field as it is on an entry.
fn extra_of(e: &HealthEntry) -> Option<String> {
    match e.kind {
        HealthKind::Allergy => e.severity.clone(),
        HealthKind::Medicine => e.dose.clone(),
        HealthKind::Practitioner => e.phone.clone(),
        HealthKind::FamilyHistory => e.relation.clone(),
        _ => None,
    }
}

/// Puts `value` in the kind's own field of `change` (nothing for a kind
/// without one).
fn set_extra(change: &mut HealthEntryChange, kind: HealthKind, value: Option<String>) {
    let field = match kind {
        HealthKind::Allergy => &mut change.severity,
        HealthKind::Medicine => &mut change.dose,
        HealthKind::Practitioner => &mut change.phone,
        HealthKind::FamilyHistory => &mut change.relation,
        _ => return,
    };
    *field = Some(value);
}

/// The choices of "How bad is it?": the model's severities, and "Not sure"
/// (none).
pub fn severities() -> Vec<(&'static str, &'static str)> {
    vec![
        ("", t(k::HEALTH_FORM_SEVERITY_UNSURE)),
        ("mild", t(k::HEALTH_SEVERITY_MILD)),
        ("moderate", t(k::HEALTH_SEVERITY_MODERATE)),
        ("severe", t(k::HEALTH_FORM_SEVERITY_SEVERE)),
    ]
}

/// The choices of "What kind of thing is it?": "Choose one", then each
/// kind by its name (`records::kind_name`).
pub fn kind_choices() -> Vec<(&'static str, &'static str)> {
    let mut choices = vec![("", t(k::HEALTH_FORM_CHOOSE))];
    choices.extend(HealthKind::ALL.into_iter().map(|kind| (kind.as_str(), kind_name(kind))));
    choices
}

/// The words for a problem the rules found with `field`.
pub fn words(field: &str, problem: &str) -> &'static str {
    let empty = problem.contains("empty");
    t(match field {
        "kind" => k::HEALTH_PROBLEM_KIND,
        "title" if empty => k::HEALTH_PROBLEM_TITLE_EMPTY,
        "title" => k::HEALTH_PROBLEM_TITLE_LONG,
        "date" => k::HEALTH_PROBLEM_DATE,
        "details" => k::HEALTH_PROBLEM_DETAILS,
        "source" => k::HEALTH_PROBLEM_SOURCE,
        "severity" => k::HEALTH_PROBLEM_SEVERITY,
        "dose" => k::HEALTH_PROBLEM_DOSE,
        "phone" => k::HEALTH_PROBLEM_PHONE,
        "relation" => k::HEALTH_PROBLEM_RELATION,
        "my_note" | "correction" | "correction_reply" if empty => k::HEALTH_PROBLEM_NOTE_EMPTY,
        "my_note" | "correction" | "correction_reply" => k::HEALTH_PROBLEM_NOTE_LONG,
        "recorded_by" => k::HEALTH_PROBLEM_RECORDED_BY,
        "visibility" => k::HEALTH_PROBLEM_VISIBILITY,
        _ => k::HEALTH_PROBLEM_OTHER,
    })
}

/// Typed words, trimmed; `None` when there are none (the field is cleared).
fn words_or_none(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The fields of a new entry, or every problem with it. `role` writes it:
/// a young person's own entry, or a PA's professional one.
pub fn new_entry(draft: &Draft, role: Role, recorded_by: &str) -> Result<Fields, Vec<Problem>> {
    let Some(kind) = draft.kind else {
        return Err(vec![Problem { field: "kind", words: words("kind", "") }]);
    };
    let author = if role == Role::YoungPerson { Author::Me } else { Author::Professional };
    let mut change = HealthEntryChange {
        kind: Some(kind),
        author: Some(author),
        title: Some(draft.title.trim().into()),
        date: Some(words_or_none(&draft.date)),
        details: Some(words_or_none(&draft.details)),
        source: Some(words_or_none(&draft.source)),
        recorded_by: Some(recorded_by.trim().into()),
        visibility: Some(draft.visibility.unwrap_or(Visibility::MyPa)),
        ..HealthEntryChange::default()
    };
    // A kind's own field is sent only when filled in.
    if let Some(extra) = words_or_none(&draft.extra) {
        set_extra(&mut change, kind, Some(extra));
    }
    let fields = change.into_fields();
    let problems = all_problems(role, &fields, None);
    if problems.is_empty() { Ok(fields) } else { Err(problems) }
}

/// An entry as it is now, as the form shows it to be changed.
pub fn draft_of(e: &HealthEntry) -> Draft {
    Draft {
        kind: Some(e.kind),
        title: e.title.clone(),
        date: e.date.clone().unwrap_or_default(),
        details: e.details.clone().unwrap_or_default(),
        source: e.source.clone().unwrap_or_default(),
        extra: extra_of(e).unwrap_or_default(),
        visibility: Some(e.visibility),
    }
}

/// `new` when it differs from `old`: a change sends only what changed.
fn if_changed<T: PartialEq>(new: T, old: &T) -> Option<T> {
    (new != *old).then_some(new)
}

/// Only the words that differ from `current` (empty: nothing changed),
/// checked by the rules, or every problem with them. Who sees it and the
/// passport are changed on their own, so they are not part of this.
pub fn changed_fields(draft: &Draft, role: Role, current: &Fields) -> Result<Fields, Vec<Problem>> {
    let Some(now) = HealthEntry::from_fields(current) else {
        return Err(vec![Problem { field: "form", words: words("form", "") }]);
    };
    let mut change = HealthEntryChange {
        title: if_changed(draft.title.trim().to_string(), &now.title),
        date: if_changed(words_or_none(&draft.date), &now.date),
        details: if_changed(words_or_none(&draft.details), &now.details),
        source: if_changed(words_or_none(&draft.source), &now.source),
        ..HealthEntryChange::default()
    };
    if let Some(extra) = if_changed(words_or_none(&draft.extra), &extra_of(&now)) {
        set_extra(&mut change, now.kind, extra);
    }
    let fields = change.into_fields();
    let problems = all_problems(role, &fields, Some(current));
    if problems.is_empty() { Ok(fields) } else { Err(problems) }
}

/// What was written in a box that must not be empty, trimmed, or `empty`
/// (the words to say when it is).
pub fn written(text: &str, empty: &'static str) -> Result<String, &'static str> {
    words_or_none(text).ok_or(empty)
}

/// `change` to an entry as fields, checked by the rules, or the words for
/// the first problem: what `Save::put` takes.
pub fn checked(role: Role, change: HealthEntryChange, current: &Fields) -> Result<Fields, &'static str> {
    let fields = change.into_fields();
    match all_problems(role, &fields, Some(current)).into_iter().next() {
        Some(p) => Err(p.words),
        None => Ok(fields),
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
                problems.push(Problem { field: "form", words: words("form", "") });
                break;
            }
        };
        problems.push(Problem { field, words: words(field, &problem) });
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
    let mut ordered: Vec<Problem> =
        ORDER.iter().flat_map(|f| problems.iter().filter(move |p| p.field == *f)).cloned().collect();
    ordered.extend(problems.into_iter().filter(|p| !ORDER.contains(&p.field)));
    ordered
}

const ORDER: [&str; 10] =
    ["kind", "title", "date", "severity", "dose", "phone", "relation", "details", "source", "visibility"];

/// The words for `field` among `problems`, if there are any.
pub fn problem_for(problems: &[Problem], field: &str) -> Option<&'static str> {
    problems.iter().find(|p| p.field == field).map(|p| p.words)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
