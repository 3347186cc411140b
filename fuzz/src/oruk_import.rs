//! `POST /offer` (a manager's ORUK upload): the body as `ApiJson<Value>`
//! reads it, then `oruk::import`, as the handler does. What it accepts must
//! also survive the way back: exported as ORUK and imported again, each
//! item comes back as it was ("ours come back exactly"). Then what the
//! app does with a published offer: each item's eligibility for a young
//! person, its amount in words, and the offer's search box.

use axum::Json;
use pathway_model::offer::eligibility::{Profile, assess};
use pathway_model::offer::oruk;
use pathway_model::offer::search::SearchIndex;
use pathway_model::profile::{Circumstance, LegalStatus};
use serde_json::Value;

use crate::common::todays;

const COUNCIL: &str = "liverpool";

pub fn run(data: &[u8]) {
    let Ok(Json(upload)) = Json::<Value>::from_bytes(data) else { return };
    let Ok(items) = oruk::import(&upload, COUNCIL) else { return };
    for (i, item) in items.iter().enumerate() {
        let service = oruk::to_service(item, "Liverpool");
        let again = oruk::from_service(i, &service, COUNCIL);
        assert_eq!(again.as_ref(), Ok(item), "an imported item changed on its way out and back: {service}");
        if let Some(amount) = &item.amount {
            let _ = amount.describe();
        }
    }
    let young_person = |born: &str, status, circumstances| Profile {
        date_of_birth: pathway_model::date::parse(born).expect("a date"),
        council_id: COUNCIL.into(),
        status,
        circumstances,
    };
    let people = [
        young_person("2007-06-15", LegalStatus::FormerRelevant, vec![Circumstance::InEducation]),
        young_person("2009-02-28", LegalStatus::Relevant, vec![]),
    ];
    for item in &items {
        for who in &people {
            for today in todays() {
                let _ = assess(item, who, today);
            }
        }
    }
    let index = SearchIndex::new(&items);
    let _ = index.search(&items[0].title);
}
