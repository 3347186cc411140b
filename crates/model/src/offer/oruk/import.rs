//! ORUK services back into offer items: ours come back exactly, anyone
//! else's get sensible defaults, and every problem is reported.

use chrono::NaiveDate;
use serde_json::Value;
use uuid::Uuid;

use super::{TAXONOMY, parse_period};
use crate::offer::{Amount, AmountPeriod, Category, Eligibility, OfferContact, OfferItem};
use crate::profile::{Circumstance, LegalStatus};

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
    let has =
        |keys: &[&str]| keys.iter().any(|k| words.iter().any(|w| w.starts_with(k)) || (*k == "£" && t.contains('£')));
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
            Some(n) => {
                n.as_f64().filter(|a| *a >= 0.0 && *a <= 150.0 && a.fract() == 0.0).map(|a| Some(a as u32)).ok_or(())
            }
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
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| problem("assured_date", "must be a date like 2026-03-01"))
            .ok(),
        None => {
            problem("assured_date", "is missing: say when the information was last checked");
            None
        }
    };
    let amount = match v.get("cost_options").and_then(Value::as_array).and_then(|l| l.first()) {
        None => None,
        Some(c) => {
            let pounds = c.get("amount").and_then(Value::as_f64);
            let period =
                c.get("option").and_then(Value::as_str).map(|o| parse_period(o).unwrap_or(AmountPeriod::OneOff));
            match pounds {
                Some(p) if p >= 0.0 && p < 10_000_000.0 => Some(Amount {
                    pence: (p * 100.0).round() as u64,
                    period: period.unwrap_or(AmountPeriod::OneOff),
                    up_to: one("amount_up_to").as_deref() == Some("true"),
                }),
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
            source: one("source"),
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
            return Err(vec![ImportIssue {
                index: 0,
                field: "(body)".into(),
                problem: "must be a list of services".into(),
            }]);
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
                    issues.push(ImportIssue {
                        index: i,
                        field: "attributes.item_id".into(),
                        problem: "appears twice".into(),
                    });
                }
                items.push(item);
            }
            Err(mut e) => issues.append(&mut e),
        }
    }
    if issues.is_empty() { Ok(items) } else { Err(issues) }
}
