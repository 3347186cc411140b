//! Reading a `YYYY-MM-DD` date without chrono's format parser.
//!
//! `NaiveDate`'s `FromStr`, and its serde `Deserialize` that calls it, run
//! chrono's general format-string parser: about 11 KB of the app's wasm for
//! one fixed shape. `parse` accepts exactly what `FromStr` accepts (a proptest
//! holds them to each other) in a few lines of its own.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, de::Error};

/// The same as `s.parse::<NaiveDate>().ok()`: whitespace allowed around the
/// numbers and before each dash; a year of 1 to 4 digits, or signed with any
/// number; a month and a day of 1 or 2 digits.
pub fn parse(s: &str) -> Option<NaiveDate> {
    let s = s.trim_start();
    let (year, s) = match s.as_bytes().first()? {
        b'-' => number(&s[1..], usize::MAX).and_then(|(n, s)| Some((0i64.checked_sub(n)?, s)))?,
        b'+' => number(&s[1..], usize::MAX)?,
        _ => number(s, 4)?,
    };
    let s = s.trim_start().strip_prefix('-')?;
    let (month, s) = number(s.trim_start(), 2)?;
    let s = s.trim_start().strip_prefix('-')?;
    let (day, s) = number(s.trim_start(), 2)?;
    if !s.trim_start().is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// At least one and at most `max` ASCII digits, and what follows them.
fn number(s: &str, max: usize) -> Option<(i64, &str)> {
    let digits = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut n = 0i64;
    for b in s[..digits].bytes() {
        n = n.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some((n, &s[digits..]))
}

/// For `#[serde(deserialize_with = "crate::date::de")]` on a `NaiveDate`.
/// The UTC day of a time in Unix milliseconds (the server's "today").
pub fn utc_day(ms: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(ms).map_or(NaiveDate::MIN, |t| t.date_naive())
}

pub fn de<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| D::Error::custom(format_args!("not a date like 2026-03-01: {s:?}")))
}

/// The same for an `Option<NaiveDate>` (with `#[serde(default)]`, so a
/// missing field is still `None`).
pub fn de_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => {
            parse(&s).map(Some).ok_or_else(|| D::Error::custom(format_args!("not a date like 2026-03-01: {s:?}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono(s: &str) -> Option<NaiveDate> {
        s.parse::<NaiveDate>().ok()
    }

    #[test]
    fn reads_what_chrono_reads() {
        for s in [
            "2026-03-01",
            " 2026-3-1 ",
            "2024-02-29",
            "2023-02-29",
            "0-01-01",
            "-44-03-15",
            "+12026-01-01",
            "20260-01-01",
            "2026-13-01",
            "2026-00-10",
            "2026-01-32",
            "2026 - 01 - 02",
            "2026-01-02x",
            "2026-001-02",
            "",
            "-",
            "+",
            "2026-01",
            "２０２６-01-01",
            "9999999999999999999-01-01",
            "+9999999999999999999-01-01",
        ] {
            assert_eq!(parse(s), chrono(s), "{s:?}");
        }
    }

    #[test]
    fn serde_reads_dates_and_missing_options() {
        #[derive(Deserialize)]
        struct T {
            #[serde(deserialize_with = "de")]
            a: NaiveDate,
            #[serde(default, deserialize_with = "de_option")]
            b: Option<NaiveDate>,
            #[serde(default, deserialize_with = "de_option")]
            c: Option<NaiveDate>,
        }
        let t: T = serde_json::from_str(r#"{"a":"2026-03-01","b":null}"#).unwrap();
        assert_eq!((t.a, t.b, t.c), (NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), None, None));
        let t: T = serde_json::from_value(serde_json::json!({"a":"2026-03-01","c":"2020-1-2"})).unwrap();
        assert_eq!(t.c, NaiveDate::from_ymd_opt(2020, 1, 2));
        assert!(serde_json::from_str::<T>(r#"{"a":"1 March"}"#).is_err());
    }

    proptest! {
        #[test]
        fn same_as_chrono_on_any_mix_of_digits_signs_dashes_and_spaces(s in "[0-9 +\\-]{0,16}") {
            prop_assert_eq!(parse(&s), chrono(&s));
        }

        #[test]
        fn same_as_chrono_on_date_shapes(y in -20000i64..20000, m in 0u32..15, d in 0u32..34, pad in "[ ]{0,2}") {
            for s in [format!("{y}-{m}-{d}"), format!("{pad}{y:04}{pad}-{m:02}-{pad}{d:02}{pad}"), format!("+{y}-{m}-{d}")] {
                prop_assert_eq!(parse(&s), chrono(&s), "{:?}", s);
            }
        }
    }
}
