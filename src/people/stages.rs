//! Who does what at each stage of leaving care, for one young person's
//! council and age. Pure, so the edges (16, 18, 21, 25) have plain tests;
//! the "Who does what" cards only render what these functions decide.

use chrono::NaiveDate;
use pathway_model::age::Stage;

use crate::i18n::{k, t, tf};
use crate::words;

/// The three stages a care leaver moves through, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageCard {
    /// 16 and 17: still in care.
    InCare,
    /// 18 to 20: a care leaver, with a PA.
    LeavingCare,
    /// 21 to 24: a PA on request, until 25.
    UpTo25,
}

/// The parts of life each card covers, in the order they show.
pub fn areas() -> [&'static str; 5] {
    [
        t(k::PEOPLE_STAGES_AREA_HOUSING),
        t(k::PEOPLE_STAGES_AREA_MONEY),
        t(k::PEOPLE_STAGES_AREA_EDUCATION_WORK),
        t(k::PEOPLE_STAGES_AREA_HEALTH),
        t(k::PEOPLE_STAGES_AREA_PLAN),
    ]
}

impl StageCard {
    pub const ALL: [StageCard; 3] = [StageCard::InCare, StageCard::LeavingCare, StageCard::UpTo25];

    /// The card for this age, or `None` before 16 and from 25.
    pub fn for_age(age: u32) -> Option<StageCard> {
        match Stage::for_age(age) {
            Stage::InCare16To17 => Some(StageCard::InCare),
            Stage::LeavingCare18To20 => Some(StageCard::LeavingCare),
            Stage::Support21To25 => Some(StageCard::UpTo25),
            Stage::BeforeLeavingCare | Stage::After25 => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            StageCard::InCare => t(k::PEOPLE_STAGES_IN_CARE_TITLE),
            StageCard::LeavingCare => t(k::PEOPLE_STAGES_LEAVING_CARE_TITLE),
            StageCard::UpTo25 => t(k::PEOPLE_STAGES_UP_TO_25_TITLE),
        }
    }

    /// A short id for headings and tests.
    pub fn key(self) -> &'static str {
        match self {
            StageCard::InCare => "in-care",
            StageCard::LeavingCare => "leaving-care",
            StageCard::UpTo25 => "up-to-25",
        }
    }

    /// Who is responsible for each of `areas()` at this stage, naming the
    /// young person's council when it is known (not offline before the
    /// first load).
    pub fn who(self, council: Option<&str>) -> [String; 5] {
        // A sentence that names the council, or its words for no name.
        let named = |with: crate::i18n::Text, without: crate::i18n::Text| match council {
            Some(c) => tf(with, &[("council", c)]),
            None => t(without).to_string(),
        };
        let plain = |words: crate::i18n::Text| t(words).to_string();
        match self {
            StageCard::InCare => [
                named(k::PEOPLE_STAGES_IN_CARE_HOUSING, k::PEOPLE_STAGES_IN_CARE_HOUSING_ANY_COUNCIL),
                plain(k::PEOPLE_STAGES_IN_CARE_MONEY),
                named(k::PEOPLE_STAGES_IN_CARE_EDUCATION, k::PEOPLE_STAGES_IN_CARE_EDUCATION_ANY_COUNCIL),
                plain(k::PEOPLE_STAGES_IN_CARE_HEALTH),
                plain(k::PEOPLE_STAGES_IN_CARE_PLAN),
            ],
            StageCard::LeavingCare => [
                named(k::PEOPLE_STAGES_LEAVING_CARE_HOUSING, k::PEOPLE_STAGES_LEAVING_CARE_HOUSING_ANY_COUNCIL),
                named(k::PEOPLE_STAGES_LEAVING_CARE_MONEY, k::PEOPLE_STAGES_LEAVING_CARE_MONEY_ANY_COUNCIL),
                plain(k::PEOPLE_STAGES_LEAVING_CARE_EDUCATION),
                plain(k::PEOPLE_STAGES_LEAVING_CARE_HEALTH),
                plain(k::PEOPLE_STAGES_LEAVING_CARE_PLAN),
            ],
            StageCard::UpTo25 => [
                named(k::PEOPLE_STAGES_UP_TO_25_HOUSING, k::PEOPLE_STAGES_UP_TO_25_HOUSING_ANY_COUNCIL),
                plain(k::PEOPLE_STAGES_UP_TO_25_MONEY),
                plain(k::PEOPLE_STAGES_UP_TO_25_EDUCATION),
                plain(k::PEOPLE_STAGES_UP_TO_25_HEALTH),
                plain(k::PEOPLE_STAGES_UP_TO_25_PLAN),
            ],
        }
    }
}

/// What changes next, and when: for a 17-year-old, "At 18, your PA takes
/// over from your social worker." With the date of the birthday when it is
/// the next one. `None` from 25 (nothing more changes).
pub fn next_change(age: u32, next_birthday: Option<NaiveDate>) -> Option<String> {
    // The age is written in each message: the birthday's ordinal ("18th")
    // is a word of each language.
    let (at, what, birthday) = match age {
        0..=15 => (16, k::PEOPLE_STAGES_NEXT_AT_16, k::PEOPLE_STAGES_BIRTHDAY_16),
        16..=17 => (18, k::PEOPLE_STAGES_NEXT_AT_18, k::PEOPLE_STAGES_BIRTHDAY_18),
        18..=20 => (21, k::PEOPLE_STAGES_NEXT_AT_21, k::PEOPLE_STAGES_BIRTHDAY_21),
        21..=24 => (25, k::PEOPLE_STAGES_NEXT_AT_25, k::PEOPLE_STAGES_BIRTHDAY_25),
        _ => return None,
    };
    let mut words = t(what).to_string();
    if age + 1 == at
        && let Some(day) = next_birthday
    {
        words.push(' ');
        words.push_str(&tf(birthday, &[("date", &words::readable_date(day))]));
    }
    Some(words)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn each_age_has_the_card_of_its_stage() {
        assert_eq!(StageCard::for_age(15), None);
        assert_eq!(StageCard::for_age(16), Some(StageCard::InCare));
        assert_eq!(StageCard::for_age(17), Some(StageCard::InCare));
        assert_eq!(StageCard::for_age(18), Some(StageCard::LeavingCare));
        assert_eq!(StageCard::for_age(20), Some(StageCard::LeavingCare));
        assert_eq!(StageCard::for_age(21), Some(StageCard::UpTo25));
        assert_eq!(StageCard::for_age(24), Some(StageCard::UpTo25));
        assert_eq!(StageCard::for_age(25), None);
    }

    #[test]
    fn at_17_the_pa_takes_over_at_18_on_the_birthday() {
        let birthday = NaiveDate::from_ymd_opt(2027, 3, 3);
        let words = next_change(17, birthday).unwrap();
        assert!(words.starts_with("At 18, your PA takes over from your social worker."), "{words}");
        assert!(words.ends_with("Your 18th birthday is on 3 March 2027."), "{words}");
        // At 16 the change is two birthdays away: no date.
        let words = next_change(16, birthday).unwrap();
        assert!(words.starts_with("At 18, your PA takes over"), "{words}");
        assert!(!words.contains("birthday is on"), "{words}");
    }

    #[test]
    fn later_stages_say_what_changes_at_21_and_25() {
        assert!(next_change(18, None).unwrap().starts_with("At 21, you can keep your PA"));
        assert!(next_change(20, None).unwrap().starts_with("At 21,"));
        assert!(next_change(21, None).unwrap().starts_with("At 25, leaving care support ends."));
        let words = next_change(24, NaiveDate::from_ymd_opt(2027, 1, 1)).unwrap();
        assert!(words.ends_with("Your 25th birthday is on 1 January 2027."), "{words}");
        assert_eq!(next_change(25, None), None);
    }

    #[test]
    fn every_card_names_the_council_and_fills_every_area() {
        for card in StageCard::ALL {
            let who = card.who(Some("Liverpool"));
            assert_eq!(who.len(), areas().len());
            assert!(who.iter().all(|w| !w.is_empty()));
            assert!(who.iter().any(|w| w.contains("Liverpool")), "{card:?}");
            // With no council known (offline, nothing saved), whole
            // sentences still: no "the your council leaving care team".
            let anywhere = card.who(None);
            assert!(anywhere.iter().all(|w| !w.is_empty() && !w.contains("{{")), "{anywhere:?}");
            assert!(anywhere.iter().all(|w| !w.contains("the your")), "{anywhere:?}");
        }
    }

    #[test]
    fn the_birthday_reads_as_people_say_it() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 1);
        assert!(next_change(15, day).unwrap().ends_with("Your 16th birthday is on 1 January 2027."));
        assert!(next_change(20, day).unwrap().ends_with("Your 21st birthday is on 1 January 2027."));
    }
}
