//! Numbers and dates in the page's language, by the browser's Intl: Arabic
//! gets its own digits and month names, English "3 March 2025".

use chrono::{Datelike, NaiveDate};

use super::language;

/// "3 March 2025" (day, month in words, year).
pub fn long_date(date: NaiveDate) -> String {
    in_words(date, &[("day", "numeric"), ("month", "long"), ("year", "numeric")])
}

/// "3 Mar": for a list of recent times.
pub fn short_date(date: NaiveDate) -> String {
    in_words(date, &[("day", "numeric"), ("month", "short")])
}

/// A count in the language's digits.
pub fn number(n: u32) -> String {
    if cfg!(target_arch = "wasm32") {
        js_sys::Number::from(f64::from(n)).to_locale_string(language().code()).into()
    } else {
        n.to_string()
    }
}

/// The app's plain tests run natively, where there is no Intl: English, as
/// en-GB's Intl writes it.
#[cfg(not(target_arch = "wasm32"))]
fn in_words(date: NaiveDate, parts: &[(&str, &str)]) -> String {
    let month = date.format("%B").to_string();
    match parts.iter().find(|(name, _)| *name == "month").map(|(_, v)| *v) {
        Some("short") => format!("{} {}", date.day(), &month[..3]),
        _ => format!("{} {} {}", date.day(), month, date.year()),
    }
}

#[cfg(target_arch = "wasm32")]
fn in_words(date: NaiveDate, parts: &[(&str, &str)]) -> String {
    let options = js_sys::Object::new();
    for (name, value) in parts {
        let _ = js_sys::Reflect::set(&options, &(*name).into(), &(*value).into());
    }
    // Local midnight of that day, formatted in local time: the same day.
    let day = js_sys::Date::new_with_year_month_day(date.year() as u32, date.month0() as i32, date.day() as i32);
    day.to_locale_date_string(language().code(), &options).into()
}
