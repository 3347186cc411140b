//! What a GP's system would read: her ticked entries, coded where we can,
//! never an "only me" one.

use pathway_model::health::{Author, HealthEntry, HealthEntryChange, HealthKind, Visibility};
use serde_json::Value;

use super::*;

fn entry(kind: HealthKind, title: &str, ticked: bool, visibility: Visibility) -> (Uuid, HealthEntry) {
    let fields = HealthEntryChange {
        kind: Some(kind),
        author: Some(Author::Professional),
        title: Some(title.into()),
        date: Some(Some("2020-05-01".into())),
        recorded_by: Some("Sam Okafor (PA)".into()),
        visibility: Some(visibility),
        in_passport: Some(ticked),
        severity: Some((kind == HealthKind::Allergy).then(|| "severe".into())),
        ..Default::default()
    }
    .into_fields();
    (Uuid::now_v7(), HealthEntry::from_fields(&fields).unwrap())
}

fn bundle_of(entries: &[(Uuid, HealthEntry)]) -> Value {
    let who = Subject { id: Uuid::nil(), first_name: "Jade", last_name: "Thompson", date_of_birth: Some("2007-08-01") };
    serde_json::to_value(passport_bundle(&who, entries, 1_790_000_000_000)).unwrap()
}

#[test]
fn the_bundle_holds_her_ticked_entries_coded_and_never_an_only_me_one() {
    let entries = vec![
        entry(HealthKind::Immunisation, "MMR vaccine (2nd dose)", true, Visibility::MyPa),
        entry(HealthKind::Allergy, "Penicillin", true, Visibility::MyPa),
        entry(HealthKind::Condition, "Counselling", true, Visibility::MeOnly),
        entry(HealthKind::Medicine, "Cetirizine", false, Visibility::MyPa),
        entry(HealthKind::Note, "Ask about my eyes", true, Visibility::MyPa),
    ];
    let b = bundle_of(&entries);
    assert_eq!((b["resourceType"].as_str(), b["type"].as_str()), (Some("Bundle"), Some("collection")));
    let resources: Vec<&Value> = b["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).collect();
    let types: Vec<&str> = resources.iter().map(|r| r["resourceType"].as_str().unwrap()).collect();
    // Her first, then the passport's order: allergies before jabs.
    assert_eq!(types, ["Patient", "AllergyIntolerance", "Immunization"]);
    let patient = resources[0];
    assert_eq!(patient["birthDate"], "2007-08-01");
    assert_eq!(patient["name"][0]["given"][0], "Jade");
    assert_eq!(patient["meta"]["profile"][0], "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
    let allergy = resources[1];
    assert_eq!(allergy["code"]["text"], "Penicillin");
    assert_eq!(allergy["code"]["coding"][0]["code"], "91936005");
    assert_eq!(allergy["criticality"], "high");
    assert_eq!(allergy["patient"]["reference"], b["entry"][0]["fullUrl"]);
    let jab = resources[2];
    assert_eq!(jab["vaccineCode"]["coding"][0]["code"], "871831003");
    assert_eq!(jab["occurrenceDateTime"], "2020-05-01");
    let text = b.to_string();
    assert!(!text.contains("Counselling") && !text.contains("Cetirizine"));
}

#[test]
fn an_entry_with_no_code_we_know_goes_with_its_words_only() {
    let b = bundle_of(&[entry(HealthKind::Allergy, "Sticking plasters", true, Visibility::MyPa)]);
    let code = &b["entry"][1]["resource"]["code"];
    assert_eq!(code["text"], "Sticking plasters");
    assert!(code.get("coding").is_none(), "no empty coding array: FHIR forbids it");
}
