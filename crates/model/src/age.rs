//! Age in whole years and the leaving-care stage it puts a young person in.
//! Everything a care leaver is owed changes at 18, 21 and 25, so these rules
//! are worth getting exactly right at the edges.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Age in completed years on `today`. A person born on 29 February turns a
/// year older on 1 March in years without a 29 February, as in English law.
/// A date of birth after `today` gives 0.
pub fn age_on(date_of_birth: NaiveDate, today: NaiveDate) -> u32 {
    if today < date_of_birth {
        return 0;
    }
    let mut years = today.year() - date_of_birth.year();
    if (today.month(), today.day()) < (date_of_birth.month(), date_of_birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// The stage of leaving care, which decides who is responsible for what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Under 16: not yet in scope of leaving-care support.
    BeforeLeavingCare,
    /// 16 and 17: still in care, a PA is assigned and a pathway plan starts.
    InCare16To17,
    /// 18 to 20: a care leaver, with a PA by law.
    LeavingCare18To20,
    /// 21 to 24: support from a PA continues on request, up to 25.
    Support21To25,
    /// 25 and over: statutory leaving-care support has ended.
    After25,
}

impl Stage {
    pub fn for_age(age: u32) -> Self {
        match age {
            0..=15 => Stage::BeforeLeavingCare,
            16..=17 => Stage::InCare16To17,
            18..=20 => Stage::LeavingCare18To20,
            21..=24 => Stage::Support21To25,
            _ => Stage::After25,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn birthday_today_counts_the_new_year() {
        assert_eq!(age_on(d(2008, 11, 22), d(2026, 11, 22)), 18);
    }

    #[test]
    fn day_before_birthday_is_still_the_old_age() {
        assert_eq!(age_on(d(2008, 11, 22), d(2026, 11, 21)), 17);
    }

    #[test]
    fn leap_day_birthday_turns_on_first_of_march() {
        let born = d(2008, 2, 29);
        assert_eq!(age_on(born, d(2026, 2, 28)), 17);
        assert_eq!(age_on(born, d(2026, 3, 1)), 18);
        assert_eq!(age_on(born, d(2028, 2, 29)), 20);
    }

    #[test]
    fn a_date_of_birth_in_the_future_is_age_zero() {
        assert_eq!(age_on(d(2030, 1, 1), d(2026, 1, 1)), 0);
    }

    #[test]
    fn stages_change_on_the_16th_18th_21st_and_25th_birthdays() {
        assert_eq!(Stage::for_age(15), Stage::BeforeLeavingCare);
        assert_eq!(Stage::for_age(16), Stage::InCare16To17);
        assert_eq!(Stage::for_age(17), Stage::InCare16To17);
        assert_eq!(Stage::for_age(18), Stage::LeavingCare18To20);
        assert_eq!(Stage::for_age(20), Stage::LeavingCare18To20);
        assert_eq!(Stage::for_age(21), Stage::Support21To25);
        assert_eq!(Stage::for_age(24), Stage::Support21To25);
        assert_eq!(Stage::for_age(25), Stage::After25);
    }
}
