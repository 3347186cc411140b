//! Plain words for values the server sends as codes or dates, in the page's
//! language. Pure functions with plain tests, so pages only render what
//! these decide.

use chrono::NaiveDate;
use pathway_model::age::Stage;

use crate::i18n::{self, k, t};

/// "3 March 2025": the day, the month in words (so nobody has to guess
/// whether 03/04 is March or April) and the year, as the page's language
/// writes them.
pub fn readable_date(date: NaiveDate) -> String {
    i18n::long_date(date)
}

/// "1 Dec": short, for a list of recent times.
pub fn short_date(date: NaiveDate) -> String {
    i18n::short_date(date)
}

/// The word that goes with a number: "young person" for 1, "young people"
/// for 0 or 2 and more. English only: screens in a catalogue use a plural
/// message (`i18n::tp`) instead.
pub fn noun<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "1 young person", "3 young people". English only, as `noun`.
pub fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The leaving-care stage, in words a PA would say out loud.
pub fn stage_label(stage: Stage) -> &'static str {
    t(match stage {
        Stage::BeforeLeavingCare => k::WORDS_STAGE_BEFORE_LEAVING_CARE,
        Stage::InCare16To17 => k::WORDS_STAGE_IN_CARE_16_TO_17,
        Stage::LeavingCare18To20 => k::WORDS_STAGE_LEAVING_CARE_18_TO_20,
        Stage::Support21To25 => k::WORDS_STAGE_SUPPORT_21_TO_25,
        Stage::After25 => k::WORDS_STAGE_AFTER_25,
    })
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
    fn counts_use_the_singular_only_for_one() {
        assert_eq!(count(0, "young person", "young people"), "0 young people");
        assert_eq!(count(1, "young person", "young people"), "1 young person");
        assert_eq!(count(2, "advisor", "advisors"), "2 advisors");
    }

    #[test]
    fn every_stage_has_words() {
        let stages = [
            Stage::BeforeLeavingCare,
            Stage::InCare16To17,
            Stage::LeavingCare18To20,
            Stage::Support21To25,
            Stage::After25,
        ];
        let mut all: Vec<&str> = stages.into_iter().map(stage_label).collect();
        assert!(all.iter().all(|w| !w.is_empty()));
        all.dedup();
        assert_eq!(all.len(), stages.len(), "each stage its own words");
        assert_eq!(stage_label(Stage::for_age(19)), "18 to 20: care leaver with a PA");
    }
}
