//! Open Referral UK (ORUK, the UK profile of HSDS 3.0): how an offer item
//! becomes an ORUK `service` and back, so a council can publish its offer
//! as open data and import one from any ORUK source.
//!
//! ORUK has no fields for our plain-English summary, how to claim, category,
//! statuses or circumstances, so they travel as `attributes` whose taxonomy
//! terms belong to our own taxonomy (`TAXONOMY`): the term's `name` is the
//! key (`summary`, `circumstance`, …) and its `description` the value. The
//! export stays valid ORUK, and export → import → export is identical.
//! Ids are UUIDs in ORUK: derived (v5) from the council and our slug, so
//! they are stable across exports.

use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::{Amount, AmountPeriod, Category, Eligibility, OfferContact, OfferItem};
use crate::profile::{Circumstance, LegalStatus};

pub const TAXONOMY: &str = "pathway-care-leaver-offer";

/// Our namespace for v5 ids (a fixed random UUID; never change it, or every
/// published id changes).
const NAMESPACE: Uuid = Uuid::from_u128(0x5c1e_7d2a_4b8f_4e61_9a3c_2f0d_8e7b_6a15);

fn id_for(parts: &[&str]) -> Uuid {
    Uuid::new_v5(&NAMESPACE, parts.join("\u{1f}").as_bytes())
}

pub fn council_org_id(council_id: &str) -> Uuid {
    id_for(&["council", council_id])
}

pub fn service_id(item: &OfferItem) -> Uuid {
    id_for(&["service", &item.council_id, &item.id])
}

fn period_word(p: AmountPeriod) -> &'static str {
    match p {
        AmountPeriod::OneOff => "one_off",
        AmountPeriod::Weekly => "weekly",
        AmountPeriod::Monthly => "monthly",
        AmountPeriod::Yearly => "yearly",
    }
}

fn parse_period(s: &str) -> Option<AmountPeriod> {
    [AmountPeriod::OneOff, AmountPeriod::Weekly, AmountPeriod::Monthly, AmountPeriod::Yearly]
        .into_iter()
        .find(|p| period_word(*p) == s)
}

fn attribute(owner: Uuid, link_type: &str, key: &str, value: &str) -> Value {
    let term_id = id_for(&["term", key, value]);
    json!({
        "id": id_for(&["attribute", &owner.to_string(), key, value]),
        "link_id": owner,
        "link_type": link_type,
        "taxonomy_term_id": term_id,
        "taxonomy_term": { "id": term_id, "name": key, "description": value, "taxonomy": TAXONOMY }
    })
}

/// The council as an ORUK organization.
pub fn organization(council_id: &str, council_name: &str) -> Value {
    json!({
        "id": council_org_id(council_id),
        "name": format!("{council_name} Council"),
        "description": format!("{council_name} Council's local offer for care leavers."),
    })
}

/// One offer item as a full ORUK service (as `/services/{id}` returns it).
pub fn to_service(item: &OfferItem, council_name: &str) -> Value {
    let id = service_id(item);
    let mut attributes = vec![
        attribute(id, "service", "item_id", &item.id),
        attribute(id, "service", "category", item.category.as_str()),
        attribute(id, "service", "summary", &item.summary),
        attribute(id, "service", "how_to_claim", &item.how_to_claim),
        attribute(id, "service", "sample", if item.sample { "true" } else { "false" }),
    ];
    attributes.extend(item.eligibility.statuses.iter().map(|s| attribute(id, "service", "status", s.as_str())));
    attributes
        .extend(item.eligibility.circumstances.iter().map(|c| attribute(id, "service", "circumstance", c.as_str())));

    let mut s = Map::new();
    s.insert("id".into(), json!(id));
    s.insert("organization_id".into(), json!(council_org_id(&item.council_id)));
    s.insert("name".into(), json!(item.title));
    s.insert("description".into(), json!(item.details));
    s.insert("status".into(), json!("active"));
    if let Some(email) = &item.contact.email {
        s.insert("email".into(), json!(email));
    }
    if let Some(min) = item.eligibility.min_age {
        s.insert("minimum_age".into(), json!(min));
    }
    if let Some(until) = item.eligibility.until_age {
        // ORUK's maximum is the oldest age that qualifies; ours is the
        // birthday it stops on.
        s.insert("maximum_age".into(), json!(until.saturating_sub(1)));
    }
    s.insert("assured_date".into(), json!(item.last_reviewed.to_string()));
    s.insert("organization".into(), organization(&item.council_id, council_name));
    if let Some(a) = &item.amount {
        s.insert(
            "cost_options".into(),
            json!([{
                "id": id_for(&["cost", &id.to_string()]),
                "service_id": id,
                "option": period_word(a.period),
                "amount": a.pence as f64 / 100.0,
                "amount_description": a.describe(),
            }]),
        );
    }
    if item.contact.name.is_some() || item.contact.phone.is_some() {
        let contact_id = id_for(&["contact", &id.to_string()]);
        let mut c = Map::new();
        c.insert("id".into(), json!(contact_id));
        c.insert("service_id".into(), json!(id));
        if let Some(name) = &item.contact.name {
            c.insert("name".into(), json!(name));
        }
        if let Some(phone) = &item.contact.phone {
            c.insert("attributes".into(), json!([attribute(contact_id, "contact", "phone", phone)]));
        }
        s.insert("contacts".into(), json!([Value::Object(c)]));
    }
    s.insert("attributes".into(), Value::Array(attributes));
    Value::Object(s)
}

/// One thing wrong with one service in an import.
pub type ImportIssue = crate::error::FieldIssue;

/// The `(name, description)` pairs of our taxonomy's attributes.
fn our_attributes(v: &Value) -> Vec<(String, String)> {
    v.get("attributes")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| a.get("taxonomy_term"))
                .filter(|t| t.get("taxonomy").and_then(Value::as_str) == Some(TAXONOMY))
                .filter_map(|t| {
                    Some((t.get("name")?.as_str()?.to_string(), t.get("description")?.as_str()?.to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A category for a service that did not come from Pathway, guessed from
/// its words, so any ORUK source can be imported. A manager can correct it.
pub fn guess_category(text: &str) -> Category {
    let t = text.to_lowercase();
    // Whole words by their start, so "rent" does not match "apprentice".
    let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |keys: &[&str]| keys.iter().any(|k| words.iter().any(|w| w.starts_with(k)) || (*k == "£" && t.contains('£')));
    if has(&["counsel", "health", "mental", "doctor", "dentist", "wellbeing"]) {
        Category::HealthWellbeing
    } else if has(&["grant", "allowance", "bursary", "money", "£", "budget"]) {
        Category::Money
    } else if has(&["housing", "home", "rent", "tenancy", "lodging", "accommodation"]) {
        Category::Accommodation
    } else if has(&["college", "university", "course", "school", "training", "education"]) {
        Category::EducationTraining
    } else if has(&["job", "work", "apprentice", "employ", "career"]) {
        Category::Employment
    } else if has(&["family", "friend", "relationship", "mentor"]) {
        Category::Relationships
    } else if has(&["vote", "forum", "council", "volunteer", "leisure", "sport"]) {
        Category::Participation
    } else {
        Category::MovingOn
    }
}

fn first_sentences(text: &str) -> String {
    let mut out = String::new();
    for (i, sentence) in text.split_inclusive(". ").enumerate() {
        if i == 2 || out.len() + sentence.len() > 200 {
            break;
        }
        out.push_str(sentence);
    }
    if out.is_empty() { text.chars().take(200).collect() } else { out.trim().to_string() }
}

/// Reads one ORUK service as an offer item of `council_id`. Services from
/// Pathway come back exactly; others get a summary from their description,
/// a guessed category and "contact the service" as how to claim. Every
/// problem is reported, not only the first.
pub fn from_service(index: usize, v: &Value, council_id: &str) -> Result<OfferItem, Vec<ImportIssue>> {
    let mut issues = Vec::new();
    let mut problem = |field: &str, p: &str| issues.push(ImportIssue { index, field: field.into(), problem: p.into() });
    let text = |key: &str| v.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());

    let service_uuid = text("id");
    match service_uuid {
        None => problem("id", "is missing"),
        Some(id) if Uuid::parse_str(id).is_err() => problem("id", "must be a UUID"),
        _ => {}
    }
    let title = text("name");
    if title.is_none() {
        problem("name", "is missing");
    }
    match text("status") {
        None => problem("status", "is missing"),
        Some(s) if !["active", "inactive", "defunct", "temporarily closed"].contains(&s) => {
            problem("status", "must be active, inactive, defunct or temporarily closed")
        }
        _ => {}
    }
    let details = text("description").unwrap_or_default().to_string();
    let ours = our_attributes(v);
    let one = |key: &str| ours.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());

    let category = match one("category") {
        Some(word) => match Category::parse(&word) {
            Some(c) => Some(c),
            None => {
                problem("attributes.category", &format!("{word:?} is not a category"));
                None
            }
        },
        None => Some(guess_category(&format!("{} {details}", title.unwrap_or_default()))),
    };
    let mut statuses = Vec::new();
    let mut circumstances = Vec::new();
    for (key, value) in &ours {
        match key.as_str() {
            "status" => match LegalStatus::parse(value) {
                Some(s) => statuses.push(s),
                None => problem("attributes.status", &format!("{value:?} is not a care-leaver status")),
            },
            "circumstance" => match Circumstance::parse(value) {
                Some(c) => circumstances.push(c),
                None => problem("attributes.circumstance", &format!("{value:?} is not a circumstance we know")),
            },
            _ => {}
        }
    }
    let age = |key: &str| -> Result<Option<u32>, ()> {
        match v.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(n) => n.as_f64().filter(|a| *a >= 0.0 && *a <= 150.0 && a.fract() == 0.0).map(|a| Some(a as u32)).ok_or(()),
        }
    };
    let min_age = age("minimum_age").unwrap_or_else(|_| {
        problem("minimum_age", "must be a whole number of years");
        None
    });
    let until_age = age("maximum_age")
        .unwrap_or_else(|_| {
            problem("maximum_age", "must be a whole number of years");
            None
        })
        .map(|max| max + 1);
    if let (Some(min), Some(until)) = (min_age, until_age) {
        if min >= until {
            problem("maximum_age", "must not be below minimum_age");
        }
    }
    let last_reviewed = match text("assured_date") {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| problem("assured_date", "must be a date like 2026-03-01")).ok(),
        None => {
            problem("assured_date", "is missing: say when the information was last checked");
            None
        }
    };
    let amount = match v.get("cost_options").and_then(Value::as_array).and_then(|l| l.first()) {
        None => None,
        Some(c) => {
            let pounds = c.get("amount").and_then(Value::as_f64);
            let period = c.get("option").and_then(Value::as_str).map(|o| parse_period(o).unwrap_or(AmountPeriod::OneOff));
            match pounds {
                Some(p) if p >= 0.0 && p < 10_000_000.0 => {
                    Some(Amount { pence: (p * 100.0).round() as u64, period: period.unwrap_or(AmountPeriod::OneOff) })
                }
                Some(_) => {
                    problem("cost_options.amount", "must be an amount of pounds from 0");
                    None
                }
                None => None,
            }
        }
    };
    let contact = v.get("contacts").and_then(Value::as_array).and_then(|l| l.first());
    let contact = OfferContact {
        name: contact.and_then(|c| c.get("name")).and_then(Value::as_str).map(str::to_string),
        phone: contact.and_then(|c| our_attributes(c).into_iter().find(|(k, _)| k == "phone")).map(|(_, p)| p),
        email: text("email").map(str::to_string),
    };
    let summary = one("summary").unwrap_or_else(|| first_sentences(&details));
    let how_to_claim = one("how_to_claim").unwrap_or_else(|| match &contact.email {
        Some(e) => format!("Contact the service at {e}, or ask your PA."),
        None => "Ask your PA how to get this.".to_string(),
    });
    let id = one("item_id").or_else(|| service_uuid.map(str::to_string));
    if let Some(id) = &id {
        if id.len() > 100 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            problem("attributes.item_id", "must be letters, digits, - or _ (at most 100)");
        }
    }
    for (field, value, max) in [("name", title.unwrap_or_default(), 120), ("summary", summary.as_str(), 300)] {
        if value.chars().count() > max {
            problem(field, &format!("must be at most {max} characters"));
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    match (id, title, category, last_reviewed) {
        (Some(id), Some(title), Some(category), Some(last_reviewed)) => Ok(OfferItem {
            id,
            council_id: council_id.to_string(),
            category,
            title: title.to_string(),
            summary,
            details,
            eligibility: Eligibility { min_age, until_age, statuses, circumstances },
            how_to_claim,
            contact,
            amount,
            last_reviewed,
            sample: one("sample").as_deref() == Some("true"),
        }),
        _ => Err(vec![ImportIssue { index, field: "service".into(), problem: "is incomplete".into() }]),
    }
}

/// Reads an upload: a JSON array of services, or an ORUK page
/// (`{"contents": [...]}`). All or nothing: any issue in any item, and
/// nothing is returned but the full list of issues.
pub fn import(upload: &Value, council_id: &str) -> Result<Vec<OfferItem>, Vec<ImportIssue>> {
    let list = match upload {
        Value::Array(list) => list,
        Value::Object(o) => match o.get("contents").and_then(Value::as_array) {
            Some(list) => list,
            None => {
                return Err(vec![ImportIssue {
                    index: 0,
                    field: "contents".into(),
                    problem: "send a list of services, or a page with contents".into(),
                }]);
            }
        },
        _ => {
            return Err(vec![ImportIssue { index: 0, field: "(body)".into(), problem: "must be a list of services".into() }]);
        }
    };
    if list.is_empty() {
        // Publishing nothing would wipe a council's whole offer: surely a mistake.
        return Err(vec![ImportIssue { index: 0, field: "(body)".into(), problem: "has no services".into() }]);
    }
    let mut items = Vec::new();
    let mut issues = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, v) in list.iter().enumerate() {
        match from_service(i, v, council_id) {
            Ok(item) => {
                if !seen.insert(item.id.clone()) {
                    issues.push(ImportIssue { index: i, field: "attributes.item_id".into(), problem: "appears twice".into() });
                }
                items.push(item);
            }
            Err(mut e) => issues.append(&mut e),
        }
    }
    if issues.is_empty() { Ok(items) } else { Err(issues) }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            amount: Some(Amount { pence: 200_000, period: AmountPeriod::OneOff }),
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
        let example: Value = serde_json::from_str(include_str!("../../../../data/oruk/service_full.example.json")).unwrap();
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
}
