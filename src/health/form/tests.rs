//! The health form's checks, against the model's own rules.

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
    assert_eq!(problem_for(&problems, "title"), Some("Write a short title, like \"Penicillin\"."));
    assert!(problem_for(&problems, "date").unwrap().starts_with("Enter a real date"));
    assert!(problem_for(&problems, "details").unwrap().starts_with("Keep this to 2,000"));
    assert!(problem_for(&problems, "phone").unwrap().starts_with("Enter a UK phone number"));
    assert_eq!(problems.len(), 4);
    let order: Vec<&str> = problems.iter().map(|p| p.field).collect();
    assert_eq!(order, ["title", "date", "phone", "details"], "in the form's order");
    let none = Draft { kind: None, ..allergy() };
    assert_eq!(new_entry(&none, Role::YoungPerson, "Jade").unwrap_err()[0].field, "kind");
    let long = Draft { title: "x".repeat(121), ..allergy() };
    assert!(problem_for(&new_entry(&long, Role::Advisor, "Sam").unwrap_err(), "title").unwrap().starts_with("Keep"));
}

#[test]
fn a_pa_cannot_mark_an_entry_only_me() {
    let d = Draft { visibility: Some(Visibility::MeOnly), ..allergy() };
    assert_eq!(
        problem_for(&new_entry(&d, Role::Advisor, "Sam").unwrap_err(), "visibility"),
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
    assert_eq!(changed_fields(&same, Role::YoungPerson, &current), Ok(Fields::new()));
    let changed = Draft { title: " Blue inhaler ".into(), date: "2024-05-01".into(), ..same.clone() };
    let f = changed_fields(&changed, Role::YoungPerson, &current).unwrap();
    assert_eq!(f.len(), 2);
    assert_eq!(f["title"], json!("Blue inhaler"));
    assert_eq!(f["date"], json!("2024-05-01"));
    assert_eq!(check_put(Role::YoungPerson, &f, Some(&current)), Ok(()));
    let cleared = Draft { extra: " ".into(), ..same.clone() };
    assert_eq!(changed_fields(&cleared, Role::YoungPerson, &current).unwrap()["dose"], Value::Null);
    let bad = Draft { title: "".into(), date: "2024-02-30".into(), ..same };
    let fields: Vec<&str> =
        changed_fields(&bad, Role::YoungPerson, &current).unwrap_err().iter().map(|p| p.field).collect();
    assert_eq!(fields, ["title", "date"]);
    // A professional's words are not hers to change.
    let pa = new_entry(&allergy(), Role::Advisor, "Sam Okafor (PA)").unwrap();
    let theirs = Draft { title: "Amoxicillin".into(), ..draft_of(&HealthEntry::from_fields(&pa).unwrap()) };
    assert_eq!(changed_fields(&theirs, Role::YoungPerson, &pa).unwrap_err()[0].field, "form");
}

#[test]
fn changes_to_an_entry_follow_who_writes_what() {
    let current = new_entry(&allergy(), Role::Advisor, "Sam Okafor (PA)").unwrap();
    let note = |text: String| HealthEntryChange { my_note: Some(Some(text)), ..HealthEntryChange::default() };
    assert_eq!(
        checked(Role::YoungPerson, note("x".repeat(1001)), &current),
        Err("Keep this to 1,000 letters and spaces or fewer.")
    );
    let f = checked(Role::YoungPerson, note("Rash as a baby".into()), &current).unwrap();
    assert_eq!(f["my_note"], json!("Rash as a baby"));
    let title = HealthEntryChange { title: Some("Nothing".into()), ..HealthEntryChange::default() };
    assert_eq!(checked(Role::YoungPerson, title, &current), Err(words("form", "")));
    assert_eq!(written("  ", "Write it"), Err("Write it"));
    assert_eq!(written(" Hi ", "Write it"), Ok("Hi".to_string()));
}

#[test]
fn the_kind_choices_are_the_models_kinds_in_its_words() {
    let choices = kind_choices();
    assert_eq!(choices[0], ("", "Choose one"));
    assert_eq!(choices.len(), HealthKind::ALL.len() + 1);
    for (k, (value, words)) in HealthKind::ALL.iter().zip(&choices[1..]) {
        assert_eq!(*value, k.as_str());
        assert_eq!(*words, crate::health::records::capitalised(k.singular()));
    }
    let severities: Vec<&str> = severities().into_iter().map(|(v, _)| v).collect();
    assert_eq!(severities, ["", "mild", "moderate", "severe"]);
}
