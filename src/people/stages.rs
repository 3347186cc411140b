//! Who does what at each stage of leaving care, for one young person's
//! council and age. Pure, so the edges (16, 18, 21, 25) have plain tests;
//! the "Who does what" cards only render what these functions decide.

use chrono::NaiveDate;
use pathway_model::age::Stage;

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
pub const AREAS: [&str; 5] = ["Housing", "Money", "Education and work", "Health", "Your plan"];

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
            StageCard::InCare => "16 and 17: in care",
            StageCard::LeavingCare => "18 to 20: leaving care",
            StageCard::UpTo25 => "21 to 25: help when you want it",
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

    /// Who is responsible for each of `AREAS` at this stage, naming the
    /// young person's council.
    pub fn who(self, council: &str) -> [String; 5] {
        let team = format!("{council} leaving care team");
        match self {
            StageCard::InCare => [
                format!("Your social worker finds where you live, with {council} children's services."),
                "Your social worker and carers. Your PA helps you learn to manage money.".to_string(),
                format!("Your social worker, your school or college, and {council}'s Virtual School."),
                "Your social worker and carers. You have a health check every year.".to_string(),
                "Your social worker writes your pathway plan with you and your PA. Your IRO checks it.".to_string(),
            ],
            StageCard::LeavingCare => [
                format!("Your PA helps you find somewhere to live, with {council}'s housing team."),
                format!("Your PA helps with grants, benefits and bills. The {team} pays what you are owed."),
                "Your PA helps with college, university, training and jobs.".to_string(),
                "Your GP looks after your health. Your PA helps you find the right service.".to_string(),
                "Your PA writes and reviews your pathway plan with you, at least every 6 months.".to_string(),
            ],
            StageCard::UpTo25 => [
                format!("You, with help from your PA or the {team} if you ask."),
                "You, with advice from your PA if you want it.".to_string(),
                "Your PA, if you are in education or training, or if you ask.".to_string(),
                "Your GP. Your PA can help you find the right service.".to_string(),
                "You keep a pathway plan while you have a PA. You can ask for a PA again until you are 25.".to_string(),
            ],
        }
    }
}

/// "18th", "21st", "22nd", "23rd".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// What changes next, and when: for a 17-year-old, "At 18, your PA takes
/// over from your social worker." With the date of the birthday when it is
/// the next one. `None` from 25 (nothing more changes).
pub fn next_change(age: u32, next_birthday: Option<NaiveDate>) -> Option<String> {
    let (at, what) = match age {
        0..=15 => (16, "your pathway plan starts, and you get a personal advisor (PA)."),
        16..=17 => {
            (18, "your PA takes over from your social worker. You leave care, and your council must still help you.")
        }
        18..=20 => {
            (21, "you can keep your PA, or stop. If you stop, you can ask for a PA again at any time until you are 25.")
        }
        21..=24 => (25, "leaving care support ends. Your PA helps you plan for this before your birthday."),
        _ => return None,
    };
    let mut words = format!("At {at}, {what}");
    if age + 1 == at
        && let Some(day) = next_birthday
    {
        words.push_str(&format!(" Your {} birthday is on {}.", ordinal(at), words::readable_date(day)));
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
            let who = card.who("Liverpool");
            assert_eq!(who.len(), AREAS.len());
            assert!(who.iter().all(|w| !w.is_empty()));
            assert!(who.iter().any(|w| w.contains("Liverpool")), "{card:?}");
        }
    }

    #[test]
    fn ordinals_read_as_people_say_them() {
        assert_eq!(ordinal(18), "18th");
        assert_eq!(ordinal(21), "21st");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(23), "23rd");
        assert_eq!(ordinal(25), "25th");
        assert_eq!(ordinal(11), "11th");
    }
}
