//! The ORUK mapping's round trip, the UK profile's own example, and
//! import errors.

use serde_json::{Value, json};
use uuid::Uuid;

use super::*;
use crate::offer::{Amount, AmountPeriod, Category, Eligibility, OfferContact, OfferItem};
use crate::profile::{Circumstance, LegalStatus};

fn sample_item() -> OfferItem {
    OfferItem {
        id: "higher-education-bursary".into(),
        council_id: "liverpool".into(),
        category: Category::EducationTraining,
        title: "University bursary".into(),
        summary: "£2,000 to help you through university.".into(),
        details: "Paid in parts while you study.".into(),
        eligibility: Eligibility {
            min_age: Some(18),
            until_age: Some(25),
            statuses: vec![LegalStatus::FormerRelevant],
            circumstances: vec![Circumstance::InEducation],
        },
        how_to_claim: "Ask your PA.".into(),
        contact: OfferContact {
            name: Some("Leaving care team".into()),
            phone: Some("0151 496 0100".into()),
            email: Some("leaving.care@liverpool.example".into()),
        },
        amount: Some(Amount { pence: 200_000, period: AmountPeriod::OneOff, up_to: true }),
        source: Some("Liverpool's care leavers' local offer, 2026 leaflet".into()),
        last_reviewed: "2026-09-01".parse().unwrap(),
        sample: true,
    }
}

#[test]
fn export_then_import_gives_back_the_same_item_and_the_same_export() {
    let item = sample_item();
    let exported = to_service(&item, "Liverpool");
    let back = import(&json!([exported.clone()]), "liverpool").unwrap();
    assert_eq!(back, vec![item]);
    assert_eq!(to_service(&back[0], "Liverpool"), exported);
    assert_eq!(exported["maximum_age"], 24);
    assert_eq!(exported["cost_options"][0]["amount"], 2000.0);
}

#[test]
fn ids_are_stable_uuids() {
    let a = to_service(&sample_item(), "Liverpool");
    let b = to_service(&sample_item(), "Liverpool");
    assert_eq!(a["id"], b["id"]);
    assert!(Uuid::parse_str(a["id"].as_str().unwrap()).is_ok());
}

#[test]
fn the_uk_profiles_own_example_imports() {
    let example: Value =
        serde_json::from_str(include_str!("../../../../../data/oruk/service_full.example.json")).unwrap();
    let items = import(&json!([example]), "wirral").unwrap();
    assert_eq!(items[0].title, "Community Counselling");
    assert_eq!(items[0].category, Category::HealthWellbeing);
    assert_eq!(items[0].eligibility.min_age, Some(12));
    assert!(!items[0].sample);
}

#[test]
fn every_bad_field_is_reported_by_item_and_field_and_nothing_is_imported() {
    let good = to_service(&sample_item(), "Liverpool");
    let mut bad = good.clone();
    bad["name"] = json!("");
    bad["minimum_age"] = json!("eighteen");
    bad["attributes"][1]["taxonomy_term"]["description"] = json!("space travel");
    let mut worse = good.clone();
    worse.as_object_mut().unwrap().remove("assured_date");
    worse["attributes"][6]["taxonomy_term"]["description"] = json!("astronaut");
    let issues = import(&json!([good, bad, worse]), "liverpool").unwrap_err();
    let found: Vec<(usize, &str)> = issues.iter().map(|i| (i.index, i.field.as_str())).collect();
    assert_eq!(
        found,
        [
            (1, "name"),
            (1, "attributes.category"),
            (1, "minimum_age"),
            (2, "attributes.circumstance"),
            (2, "assured_date"),
        ]
    );
}

#[test]
fn a_page_of_services_imports_like_a_list_and_duplicates_are_refused() {
    let s = to_service(&sample_item(), "Liverpool");
    assert_eq!(import(&json!({"contents": [s.clone()]}), "liverpool").unwrap().len(), 1);
    let issues = import(&json!([s.clone(), s]), "liverpool").unwrap_err();
    assert_eq!(issues[0].index, 1);
    assert_eq!(issues[0].problem, "appears twice");
    assert!(import(&json!("nope"), "liverpool").is_err());
    assert_eq!(import(&json!([]), "liverpool").unwrap_err()[0].problem, "has no services");
}

#[test]
fn categories_are_guessed_for_services_from_elsewhere() {
    assert_eq!(guess_category("Community Counselling"), Category::HealthWellbeing);
    assert_eq!(guess_category("Setting up home grant"), Category::Money);
    assert_eq!(guess_category("Apprenticeship scheme"), Category::Employment);
    assert_eq!(guess_category("Something else"), Category::MovingOn);
}
