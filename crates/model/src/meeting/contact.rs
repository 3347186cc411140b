//! The record of one contact between a PA and a young person: the PA
//! writes it (at the end of a meeting, or after a call or a missed visit);
//! she reads it. "Last contact" and "due" come from these records
//! (`super::rhythm`); a missed attempt is kept, but is not a contact.

use chrono::{Days, NaiveDate};

use crate::record::check::{Check, Who, check_change, parse_date};
use crate::record::value::word_value;
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

/// How the contact happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactHow {
    InPerson,
    Phone,
    Video,
    Message,
    /// The PA tried and did not reach her: an attempt, not a contact.
    Missed,
}

impl ContactHow {
    pub const ALL: [ContactHow; 5] =
        [ContactHow::InPerson, ContactHow::Phone, ContactHow::Video, ContactHow::Message, ContactHow::Missed];
    pub const WORDS: &'static [&'static str] = &["in_person", "phone", "video", "message", "missed"];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
    }

    /// For the young person and the PA alike.
    pub fn words(self) -> &'static str {
        match self {
            ContactHow::InPerson => "Met in person",
            ContactHow::Phone => "Phone call",
            ContactHow::Video => "Video call",
            ContactHow::Message => "Messages",
            ContactHow::Missed => "Tried to get in touch",
        }
    }

    /// Whether this counts as a contact (a missed attempt does not).
    pub fn reached(self) -> bool {
        self != ContactHow::Missed
    }
}

word_value!(ContactHow);

pub const PLACE_MAX: usize = 200;
pub const PRESENT_MAX: usize = 300;
pub const SUMMARY_MAX: usize = 4000;
pub const HER_WORDS_MAX: usize = 2000;
pub const DISCUSSED_MAX: usize = 4000;

const ADVISOR: Who = Who::Roles(Roles::ADVISOR);

record_kind! {
    /// One contact (or missed attempt), as the PA recorded it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Contact;
    /// A change to a contact record: only the fields set are sent.
    pub struct ContactChange;
    kind: Contact,
    table: FIELDS,
    // Every field is the PA's: it is their written record. She reads it;
    // what she wants to say goes in `her_words`, which the PA types with her.
    fields {
        /// The day it happened, `YYYY-MM-DD`; never after today.
        date: String = must, Check::Date, ADVISOR;
        how: ContactHow = must, Check::OneOf(ContactHow::WORDS), ADVISOR;
        /// Where: "Costa on Bold Street".
        place: Option<String> = or_default, Check::OptText(PLACE_MAX), ADVISOR;
        /// Who was there besides the two of them.
        present: Option<String> = or_default, Check::OptText(PRESENT_MAX), ADVISOR;
        /// What we talked about, written for her to read.
        summary: Option<String> = or_default, Check::OptText(SUMMARY_MAX), ADVISOR;
        /// Her own words, when she wants them recorded.
        her_words: Option<String> = or_default, Check::OptText(HER_WORDS_MAX), ADVISOR;
        /// The agenda items talked about, one a line: "Money: …".
        discussed: Option<String> = or_default, Check::OptText(DISCUSSED_MAX), ADVISOR;
        /// When the next contact is due; unset means the usual interval.
        next_due: Option<String> = or_default, Check::OptDate, ADVISOR;
    }
}

pub fn check_put(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    check_change(FIELDS, role, change, current, false)
}

/// A contact cannot be dated after today. `today` is the server's UTC
/// day; a day's grace covers a phone whose clock is a time zone ahead.
pub fn check_not_future(change: &Fields, today: NaiveDate) -> Result<(), FieldRuleError> {
    let Some(date) = change.get("date").and_then(|v| v.as_str()).and_then(parse_date) else {
        return Ok(());
    };
    if date > today + Days::new(1) {
        return Err(FieldRuleError::Invalid { field: "date", problem: "must not be in the future".into() });
    }
    Ok(())
}

impl Contact {
    pub fn day(&self) -> Option<NaiveDate> {
        parse_date(&self.date)
    }
    pub fn next_due_day(&self) -> Option<NaiveDate> {
        self.next_due.as_deref().and_then(parse_date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn f(v: serde_json::Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn a_pa_records_a_contact_and_she_cannot_change_it() {
        let c = f(
            json!({"date": "2026-11-20", "how": "in_person", "place": "Library", "summary": "We talked about money."}),
        );
        assert_eq!(check_put(Role::Advisor, &c, None), Ok(()));
        assert_eq!(
            check_put(Role::YoungPerson, &f(json!({"summary": "x"})), Some(&c)),
            Err(FieldRuleError::NotYours("summary".into()))
        );
        assert_eq!(check_put(Role::Advisor, &f(json!({"how": "phone"})), None), Err(FieldRuleError::Missing("date")));
        assert!(check_put(Role::Advisor, &f(json!({"date": "2026-11-20", "how": "carrier pigeon"})), None).is_err());
        assert!(check_put(Role::Advisor, &f(json!({"date": "2026-02-30", "how": "phone"})), None).is_err());
    }

    #[test]
    fn a_contact_dated_after_tomorrow_is_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(check_not_future(&f(json!({"date": "2026-12-02"})), today), Ok(()));
        assert!(check_not_future(&f(json!({"date": "2026-12-03"})), today).is_err());
        assert_eq!(check_not_future(&f(json!({"summary": "no date in this change"})), today), Ok(()));
    }

    #[test]
    fn a_missed_attempt_is_not_a_contact() {
        assert!(!ContactHow::Missed.reached());
        for how in ContactHow::ALL {
            assert_eq!(ContactHow::parse(how.as_str()), Some(how));
        }
        let c = Contact::from_fields(&f(json!({"date": "2026-11-20", "how": "missed"}))).unwrap();
        assert_eq!(c.how, ContactHow::Missed);
        assert_eq!(c.day(), NaiveDate::from_ymd_opt(2026, 11, 20));
    }
}
