//! The phone's clock: now, today, and times in words ("14:32", "22 November
//! 2026 at 14:32", "Waiting 3 days") in the page's language. Every feature
//! that needs the time asks here. The arithmetic is pure and tested; only
//! `parts`, `today` and `clock` ask the browser (for the local time zone,
//! and for the language's digits).

use chrono::NaiveDate;

use crate::i18n::{k, t, tf, tp};
use crate::words;

/// Today on this phone, in the person's own time zone: a birthday starts
/// at their midnight, not at UTC's.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(NaiveDate::MIN)
}

/// Now, as Unix milliseconds.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// (date, hour, minute) of `ms` in the phone's own time zone.
fn parts(ms: i64) -> (Option<NaiveDate>, u32, u32) {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let date = NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date());
    (date, d.get_hours(), d.get_minutes())
}

/// "09:05": the 24-hour clock, as phones in the UK show it.
pub fn clock_words(hour: u32, minute: u32) -> String {
    format!("{hour:02}:{minute:02}")
}

/// The time of `ms` on the 24-hour clock, in the language's digits (the
/// browser's Intl): "09:05" in English.
#[cfg(target_arch = "wasm32")]
pub fn clock(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (name, value) in [("hour", "2-digit"), ("minute", "2-digit"), ("hourCycle", "h23")] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    d.to_locale_time_string_with_options(crate::i18n::language().code(), &options).into()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn clock(ms: i64) -> String {
    let (_, h, m) = parts(ms);
    clock_words(h, m)
}

/// "22 November 2026 at 14:32".
pub fn day_and_clock(ms: i64) -> String {
    match parts(ms) {
        (Some(date), ..) => {
            tf(k::WORDS_CLOCK_DAY_AND_CLOCK, &[("date", &words::readable_date(date)), ("time", &clock(ms))])
        }
        (None, ..) => clock(ms),
    }
}

/// "1 Dec 14:05": a recent time in a list ("Who looked at my record").
pub fn short_day_and_clock(ms: i64) -> String {
    match parts(ms) {
        (Some(date), ..) => {
            tf(k::WORDS_CLOCK_SHORT_DAY_AND_CLOCK, &[("date", &words::short_date(date)), ("time", &clock(ms))])
        }
        (None, ..) => clock(ms),
    }
}

/// How long a request has waited, from whole hours: "Waiting less than an
/// hour", "Waiting 5 hours", "Waiting 3 days".
pub fn waiting_words(hours: i64) -> String {
    let whole = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    match hours {
        ..=0 => t(k::WORDS_CLOCK_WAITING_LESS_THAN_AN_HOUR).to_string(),
        1..=23 => tp(k::WORDS_CLOCK_WAITING_HOURS, whole(hours), &[]),
        _ => tp(k::WORDS_CLOCK_WAITING_DAYS, whole(hours / 24), &[]),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn clocks_have_two_digits() {
        assert_eq!(clock_words(9, 5), "09:05");
        assert_eq!(clock_words(14, 32), "14:32");
    }

    #[test]
    fn waiting_reads_in_hours_then_days() {
        assert_eq!(waiting_words(0), "Waiting less than an hour");
        assert_eq!(waiting_words(1), "Waiting 1 hour");
        assert_eq!(waiting_words(23), "Waiting 23 hours");
        assert_eq!(waiting_words(24), "Waiting 1 day");
        assert_eq!(waiting_words(47), "Waiting 1 day");
        assert_eq!(waiting_words(72), "Waiting 3 days");
        assert_eq!(waiting_words(400 * 24), "Waiting 400 days");
    }
}
