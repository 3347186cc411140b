//! Does an offer item apply to this young person? A pure function of the
//! item, their profile and today's date, with the reason as facts (`Reason`):
//! the app words it in her language, `Reason::english` in English.
//!
//! Age and status come from the council's records and are firm: a mismatch
//! means "does not apply". Circumstances change (a course starts, a baby is
//! born) and our copy may be behind, so a missing circumstance means "might
//! apply: ask your PA", never a flat no.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::OfferItem;
use crate::age::age_on;
use crate::profile::{Circumstance, LegalStatus};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    #[serde(deserialize_with = "crate::date::de")]
    pub date_of_birth: NaiveDate,
    pub council_id: String,
    pub status: LegalStatus,
    pub circumstances: Vec<Circumstance>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Applies,
    Maybe,
    DoesNotApply,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub verdict: Verdict,
    pub reason: Reason,
}

/// Why an item applies or not: the facts the rule turned on, worded by
/// whoever shows them (the app in the page's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Another council's offer.
    OtherCouncil,
    /// Too young: it starts at `min`.
    StartsAt { min: u32, age: u32 },
    /// Too old: it stops at the `until` birthday.
    StopsAt { until: u32, age: u32 },
    /// For other legal statuses (firm: from the council's records).
    OnlyFor(Vec<LegalStatus>),
    /// For circumstances our copy does not show (might apply: ask).
    IfYouAre(Vec<Circumstance>),
    /// It applies: her age, and the circumstances it asks for that she has.
    Because { age: u32, circumstances: Vec<Circumstance> },
}

impl Reason {
    /// "Because you are 19 and in education or training."
    pub fn english(&self) -> String {
        match self {
            Reason::OtherCouncil => "This is another council's offer.".into(),
            Reason::StartsAt { min, age } => format!("This starts at {min}. You are {age}."),
            Reason::StopsAt { until, age } => {
                format!("This stops at your {until}{} birthday. You are {age}.", ordinal_suffix(*until))
            }
            Reason::OnlyFor(statuses) => {
                let list: Vec<&str> = statuses.iter().map(|s| status_words(*s)).collect();
                format!("This is for {}. Ask your PA if you think this is wrong.", join(&list, "or"))
            }
            Reason::IfYouAre(circumstances) => {
                let list: Vec<&str> = circumstances.iter().map(|c| c.phrase()).collect();
                format!("This is for you if you are {}. If that is you now, ask your PA.", join(&list, "or"))
            }
            Reason::Because { age, circumstances } if circumstances.is_empty() => format!("Because you are {age}."),
            Reason::Because { age, circumstances } => {
                let list: Vec<&str> = circumstances.iter().map(|c| c.phrase()).collect();
                format!("Because you are {age} and {}.", join(&list, "and"))
            }
        }
    }
}

fn status_words(s: LegalStatus) -> &'static str {
    match s {
        LegalStatus::Relevant => "relevant care leavers (16 or 17)",
        LegalStatus::FormerRelevant => "former relevant care leavers",
        LegalStatus::Qualifying => "qualifying care leavers",
    }
}

/// "a, b, or c" / "a and b": phrases may contain "or" themselves, so a
/// list of more than one is joined with a comma before the last word.
fn join(words: &[&str], last_word: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{}, {last_word} {last}", rest.join(", ")),
    }
}

pub fn assess(item: &OfferItem, who: &Profile, today: NaiveDate) -> Assessment {
    let no = |reason: Reason| Assessment { verdict: Verdict::DoesNotApply, reason };
    if item.council_id != who.council_id {
        return no(Reason::OtherCouncil);
    }
    let age = age_on(who.date_of_birth, today);
    let e = &item.eligibility;
    if let Some(min) = e.min_age {
        if age < min {
            return no(Reason::StartsAt { min, age });
        }
    }
    if let Some(until) = e.until_age {
        if age >= until {
            return no(Reason::StopsAt { until, age });
        }
    }
    if !e.statuses.is_empty() && !e.statuses.contains(&who.status) {
        return no(Reason::OnlyFor(e.statuses.clone()));
    }
    let mut because = vec![];
    if !e.circumstances.is_empty() {
        let matching: Vec<Circumstance> =
            e.circumstances.iter().filter(|c| who.circumstances.contains(c)).copied().collect();
        if matching.is_empty() {
            return Assessment { verdict: Verdict::Maybe, reason: Reason::IfYouAre(e.circumstances.clone()) };
        }
        because = matching;
    }
    Assessment { verdict: Verdict::Applies, reason: Reason::Because { age, circumstances: because } }
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offer::{Category, Eligibility, OfferContact};
    use chrono::Months;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(e: Eligibility) -> OfferItem {
        OfferItem {
            id: "x".into(),
            council_id: "liverpool".into(),
            category: Category::EducationTraining,
            title: "Bursary".into(),
            summary: "s".into(),
            details: "d".into(),
            eligibility: e,
            how_to_claim: "h".into(),
            contact: OfferContact::default(),
            amount: None,
            source: None,
            last_reviewed: d("2026-09-01"),
            sample: true,
        }
    }

    /// Someone whose birthday in `years` years is exactly `today`.
    fn born_years_before(today: NaiveDate, years: u32) -> NaiveDate {
        today.checked_sub_months(Months::new(12 * years)).unwrap()
    }

    fn profile(dob: NaiveDate, circumstances: Vec<Circumstance>) -> Profile {
        Profile {
            date_of_birth: dob,
            council_id: "liverpool".into(),
            status: LegalStatus::FormerRelevant,
            circumstances,
        }
    }

    const TODAY: &str = "2026-11-22";

    #[test]
    fn a_student_of_19_gets_the_bursary_with_the_reason() {
        let today = d(TODAY);
        let e = Eligibility {
            min_age: Some(18),
            until_age: Some(25),
            circumstances: vec![Circumstance::InEducation],
            ..Default::default()
        };
        let a = assess(&item(e), &profile(d("2007-03-10"), vec![Circumstance::InEducation]), today);
        assert_eq!(a.verdict, Verdict::Applies);
        assert_eq!(a.reason.english(), "Because you are 19 and in education or training.");
    }

    #[test]
    fn without_the_circumstance_it_might_apply_not_never() {
        let e = Eligibility {
            circumstances: vec![Circumstance::InEducation, Circumstance::YoungParent],
            ..Default::default()
        };
        let a = assess(&item(e), &profile(d("2007-03-10"), vec![]), d(TODAY));
        assert_eq!(a.verdict, Verdict::Maybe);
        assert_eq!(
            a.reason.english(),
            "This is for you if you are in education or training, or a young parent. If that is you now, ask your PA."
        );
    }

    #[test]
    fn the_18th_birthday_is_the_first_day_of_an_18_plus_item() {
        let today = d(TODAY);
        let e = Eligibility { min_age: Some(18), ..Default::default() };
        assert_eq!(
            assess(&item(e.clone()), &profile(born_years_before(today, 18), vec![]), today).verdict,
            Verdict::Applies
        );
        let day_after = born_years_before(today, 18).succ_opt().unwrap();
        let a = assess(&item(e), &profile(day_after, vec![]), today);
        assert_eq!(a.verdict, Verdict::DoesNotApply);
        assert_eq!(a.reason.english(), "This starts at 18. You are 17.");
    }

    #[test]
    fn the_21st_and_25th_birthdays_end_items_on_the_day() {
        let today = d(TODAY);
        for until in [21, 25] {
            let e = Eligibility { until_age: Some(until), ..Default::default() };
            let on_birthday = assess(&item(e.clone()), &profile(born_years_before(today, until), vec![]), today);
            assert_eq!(on_birthday.verdict, Verdict::DoesNotApply, "{until}");
            assert_eq!(
                on_birthday.reason.english(),
                format!("This stops at your {until}{} birthday. You are {until}.", ordinal_suffix(until))
            );
            let day_before = born_years_before(today, until).succ_opt().unwrap();
            assert_eq!(assess(&item(e), &profile(day_before, vec![]), today).verdict, Verdict::Applies, "{until}");
        }
    }

    #[test]
    fn a_status_the_item_is_not_for_does_not_apply() {
        let e = Eligibility { statuses: vec![LegalStatus::Relevant], ..Default::default() };
        let a = assess(&item(e), &profile(d("2007-03-10"), vec![]), d(TODAY));
        assert_eq!(a.verdict, Verdict::DoesNotApply);
        assert!(a.reason.english().starts_with("This is for relevant care leavers"));
    }

    #[test]
    fn another_councils_items_never_apply() {
        let mut p = profile(d("2007-03-10"), vec![]);
        p.council_id = "knowsley".into();
        assert_eq!(assess(&item(Eligibility::default()), &p, d(TODAY)).verdict, Verdict::DoesNotApply);
    }

    #[test]
    fn several_matching_circumstances_are_all_named() {
        let e = Eligibility {
            circumstances: vec![Circumstance::InEducation, Circumstance::YoungParent],
            ..Default::default()
        };
        let p = profile(d("2007-03-10"), vec![Circumstance::YoungParent, Circumstance::InEducation]);
        assert_eq!(
            assess(&item(e), &p, d(TODAY)).reason.english(),
            "Because you are 19 and in education or training, and a young parent."
        );
    }

    #[test]
    fn an_item_for_anyone_applies_because_of_age_alone() {
        let a = assess(&item(Eligibility::default()), &profile(d("2010-01-01"), vec![]), d(TODAY));
        assert_eq!(
            a,
            Assessment { verdict: Verdict::Applies, reason: Reason::Because { age: 16, circumstances: vec![] } }
        );
        assert_eq!(a.reason.english(), "Because you are 16.");
    }
}
