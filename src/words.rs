//! Plain-English words for values the server sends as codes or dates. Pure
//! functions with plain tests, so pages only render what these decide.

use chrono::{Datelike, NaiveDate};
use pathway_model::age::Stage;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "3 March 2025": the day first, as people in England write it, with the
/// month in words so nobody has to guess whether 03/04 is March or April.
pub fn readable_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

/// "1 Dec": short, for a list of recent times.
pub fn short_date(date: NaiveDate) -> String {
    format!("{} {}", date.day(), &MONTHS[date.month0() as usize][..3])
}

pub fn last_contact(date: Option<NaiveDate>) -> String {
    date.map(readable_date).unwrap_or_else(|| "Never".to_string())
}

/// The word that goes with a number: "young person" for 1, "young people"
/// for 0 or 2 and more.
pub fn noun<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "1 young person", "3 young people".
pub fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The leaving-care stage, in words a PA would say out loud.
pub fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::BeforeLeavingCare => "Under 16",
        Stage::InCare16To17 => "16 or 17: pathway plan starts",
        Stage::LeavingCare18To20 => "18 to 20: care leaver with a PA",
        Stage::Support21To25 => "21 to 24: PA support on request",
        Stage::After25 => "25 or over: leaving-care support has ended",
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_read_day_month_year_with_the_month_in_words() {
        assert_eq!(readable_date(d(2025, 3, 3)), "3 March 2025");
        assert_eq!(readable_date(d(2024, 12, 31)), "31 December 2024");
        assert_eq!(readable_date(d(2024, 1, 1)), "1 January 2024");
    }

    #[test]
    fn short_dates_have_three_letter_months() {
        assert_eq!(short_date(d(2026, 12, 1)), "1 Dec");
        assert_eq!(short_date(d(2026, 9, 30)), "30 Sep");
    }

    #[test]
    fn no_contact_reads_never() {
        assert_eq!(last_contact(None), "Never");
        assert_eq!(last_contact(Some(d(2025, 6, 9))), "9 June 2025");
    }

    #[test]
    fn counts_use_the_singular_only_for_one() {
        assert_eq!(count(0, "young person", "young people"), "0 young people");
        assert_eq!(count(1, "young person", "young people"), "1 young person");
        assert_eq!(count(2, "advisor", "advisors"), "2 advisors");
    }

    #[test]
    fn every_stage_has_words() {
        for age in [10, 16, 18, 21, 25] {
            assert!(!stage_label(Stage::for_age(age)).is_empty());
        }
        assert_eq!(stage_label(Stage::for_age(19)), "18 to 20: care leaver with a PA");
    }
}
