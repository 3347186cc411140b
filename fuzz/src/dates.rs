//! Dates as typed or sent: `date::parse` (every `YYYY-MM-DD` the app and
//! the server read, and the serde reader `date::de` behind profiles and
//! rhythms), held to chrono's own reader as its comment promises; the
//! field rule's `parse_date`; a young person's age on it; and `utc_day` of
//! any time in milliseconds (the first 8 bytes).

use chrono::{Datelike, NaiveDate};
use pathway_model::age::{Stage, age_on};
use pathway_model::date;
use pathway_model::record::check::parse_date;
use serde::Deserialize;

use crate::common::todays;

#[derive(Deserialize)]
struct Born(#[serde(deserialize_with = "pathway_model::date::de")] NaiveDate);

pub fn run(data: &[u8]) {
    if let Some(ms) = data.get(..8) {
        let ms = i64::from_le_bytes(ms.try_into().expect("8 bytes"));
        let _ = date::utc_day(ms);
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = date::parse(text);
    assert_eq!(ours, text.parse::<NaiveDate>().ok(), "date::parse and chrono disagree on {text:?}");
    if let Some(born) = ours {
        for today in todays() {
            let _ = Stage::for_age(age_on(born, today));
        }
    }
    if let Some(d) = parse_date(text) {
        assert!((1900..=2100).contains(&d.year()), "a field date out of range: {d}");
        assert_eq!(Some(d), ours, "the field rule reads a date differently: {text:?}");
    }
    if let Ok(json) = serde_json::to_string(text) {
        let read = serde_json::from_str::<Born>(&json).ok().map(|Born(d)| d);
        assert_eq!(read, ours, "date::de and date::parse disagree on {text:?}");
    }
}
