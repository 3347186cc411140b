//! The contact rhythm: when the next contact and the next review are due.
//! One rule for the PA's caseload, a manager's oversight and her Home.
//!
//! - A contact is due `contact_weeks` (8 unless the PA recorded another)
//!   after the last contact, or on the day the PA wrote as "next due".
//!   A missed attempt does not move it. Never contacted: due from the day
//!   she was known to the service.
//! - A review is due 6 months after the last (or sooner, if the PA set a
//!   date), and at once when she has asked for one.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::contact::Contact;
use crate::plan::PlanReview;
pub use crate::plan::{CONTACT_WEEKS_MAX, CONTACT_WEEKS_MIN, DEFAULT_CONTACT_WEEKS};

pub const REVIEW_MONTHS: u32 = 6;
/// Not in touch for this many days or more: a manager sees her name.
pub const OUT_OF_TOUCH_DAYS: i64 = 90;

/// Where one young person's contacts and review stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rhythm {
    /// The last day the PA reached her (not a missed attempt).
    #[serde(default, deserialize_with = "crate::date::de_option")]
    pub last_contact: Option<NaiveDate>,
    /// The last missed attempt after that contact, if any.
    #[serde(default, deserialize_with = "crate::date::de_option")]
    pub last_attempt: Option<NaiveDate>,
    #[serde(deserialize_with = "crate::date::de")]
    pub contact_due: NaiveDate,
    pub contact_weeks: i64,
    #[serde(deserialize_with = "crate::date::de")]
    pub review_due: NaiveDate,
    /// She asked for a review and the PA has not answered yet.
    pub review_asked: bool,
}

impl Rhythm {
    /// `known_since`: the day she joined the service (or this caseload),
    /// from which a first contact and a first review are counted.
    pub fn work_out(contacts: &[Contact], review: Option<&PlanReview>, known_since: NaiveDate) -> Rhythm {
        let weeks = review
            .and_then(|r| r.contact_weeks)
            .filter(|w| (CONTACT_WEEKS_MIN..=CONTACT_WEEKS_MAX).contains(w))
            .unwrap_or(DEFAULT_CONTACT_WEEKS);
        let last =
            contacts.iter().filter(|c| c.how.reached()).filter_map(|c| c.day().map(|d| (d, c))).max_by_key(|(d, _)| *d);
        let last_contact = last.map(|(d, _)| d);
        let last_attempt = contacts
            .iter()
            .filter(|c| !c.how.reached())
            .filter_map(Contact::day)
            .filter(|d| last_contact.is_none_or(|l| *d > l))
            .max();
        let contact_due = match last {
            Some((day, c)) => c.next_due_day().unwrap_or(day + Days::new(weeks as u64 * 7)),
            None => known_since,
        };
        let (review_due, review_asked) = review_due(review, known_since);
        Rhythm { last_contact, last_attempt, contact_due, contact_weeks: weeks, review_due, review_asked }
    }

    /// Days past the contact's due day: 0 or less is not overdue.
    pub fn contact_overdue_days(&self, today: NaiveDate) -> i64 {
        (today - self.contact_due).num_days()
    }

    pub fn contact_overdue(&self, today: NaiveDate) -> bool {
        self.contact_overdue_days(today) > 0
    }

    pub fn review_overdue_days(&self, today: NaiveDate) -> i64 {
        (today - self.review_due).num_days()
    }

    /// Overdue, or asked for by her.
    pub fn review_overdue(&self, today: NaiveDate) -> bool {
        self.review_asked || self.review_overdue_days(today) > 0
    }

    /// No contact for `OUT_OF_TOUCH_DAYS` or more, or none ever.
    pub fn out_of_touch(&self, today: NaiveDate) -> bool {
        self.last_contact.is_none_or(|d| (today - d).num_days() >= OUT_OF_TOUCH_DAYS)
    }

    /// For sorting a caseload: the most overdue (contact or review) first.
    pub fn most_overdue_days(&self, today: NaiveDate) -> i64 {
        self.contact_overdue_days(today).max(self.review_overdue_days(today))
    }
}

fn review_due(review: Option<&PlanReview>, known_since: NaiveDate) -> (NaiveDate, bool) {
    let after = |d: NaiveDate| d.checked_add_months(Months::new(REVIEW_MONTHS)).unwrap_or(d);
    let Some(r) = review else { return (after(known_since), false) };
    let day = |s: &Option<String>| s.as_deref().and_then(crate::record::check::parse_date);
    let six_months_on = after(day(&r.last_review).unwrap_or(known_since));
    let due = day(&r.next_review).map_or(six_months_on, |set| set.min(six_months_on));
    (due, r.request_open())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::contact::ContactHow;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn contact(date: &str, how: ContactHow, next_due: Option<&str>) -> Contact {
        Contact {
            date: date.into(),
            how,
            place: None,
            present: None,
            summary: None,
            her_words: None,
            discussed: None,
            next_due: next_due.map(str::to_string),
        }
    }

    #[test]
    fn the_next_contact_is_due_eight_weeks_after_the_last_and_a_missed_attempt_does_not_count() {
        let cs = [contact("2026-09-01", ContactHow::InPerson, None), contact("2026-10-30", ContactHow::Missed, None)];
        let r = Rhythm::work_out(&cs, None, d(2025, 1, 1));
        assert_eq!(r.last_contact, Some(d(2026, 9, 1)));
        assert_eq!(r.last_attempt, Some(d(2026, 10, 30)));
        assert_eq!(r.contact_due, d(2026, 10, 27));
        assert!(r.contact_overdue(d(2026, 12, 1)));
        assert_eq!(r.contact_overdue_days(d(2026, 12, 1)), 35);
        assert!(!r.out_of_touch(d(2026, 11, 29)));
        assert!(r.out_of_touch(d(2026, 11, 30)), "90 days after 1 September");
    }

    #[test]
    fn a_recorded_next_date_and_a_recorded_interval_win() {
        let cs = [contact("2026-11-01", ContactHow::Phone, Some("2026-11-15"))];
        assert_eq!(Rhythm::work_out(&cs, None, d(2025, 1, 1)).contact_due, d(2026, 11, 15));
        let review = PlanReview { contact_weeks: Some(4), ..Default::default() };
        let cs = [contact("2026-11-01", ContactHow::Phone, None)];
        let r = Rhythm::work_out(&cs, Some(&review), d(2025, 1, 1));
        assert_eq!((r.contact_weeks, r.contact_due), (4, d(2026, 11, 29)));
    }

    #[test]
    fn never_contacted_is_due_from_the_day_she_was_known_and_out_of_touch() {
        let r = Rhythm::work_out(&[], None, d(2026, 10, 1));
        assert_eq!(r.contact_due, d(2026, 10, 1));
        assert!(r.out_of_touch(d(2026, 10, 2)));
        assert_eq!(r.review_due, d(2027, 4, 1));
    }

    #[test]
    fn a_review_is_due_six_months_after_the_last_or_at_once_when_she_asks() {
        let mut review = PlanReview { last_review: Some("2026-05-10".into()), ..Default::default() };
        let r = Rhythm::work_out(&[], Some(&review), d(2025, 1, 1));
        assert_eq!(r.review_due, d(2026, 11, 10));
        assert!(r.review_overdue(d(2026, 12, 1)));
        review.next_review = Some("2026-08-01".into());
        assert_eq!(Rhythm::work_out(&[], Some(&review), d(2025, 1, 1)).review_due, d(2026, 8, 1));
        let asked = PlanReview {
            last_review: Some("2026-11-01".into()),
            asked_at: Some(1_790_000_000_000),
            ..Default::default()
        };
        let r = Rhythm::work_out(&[], Some(&asked), d(2025, 1, 1));
        assert!(r.review_asked && r.review_overdue(d(2026, 11, 2)));
    }
}
