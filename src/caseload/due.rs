//! The contact rhythm in a PA's words: "Contact overdue by 12 days",
//! "Contact due 3 Feb", "Review asked for". Pure, so the caseload and the
//! person page only show what these decide.

use chrono::{Datelike, NaiveDate};
use pathway_model::meeting::Rhythm;
use pathway_model::meeting::contact::Contact;
use pathway_model::plan::PlanReview;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "3 Feb"; "3 Feb 2027" when it is not this year.
pub fn short_date(d: NaiveDate, today: NaiveDate) -> String {
    let day_month = format!("{} {}", d.day(), MONTHS[d.month0() as usize]);
    if d.year() == today.year() { day_month } else { format!("{day_month} {}", d.year()) }
}

fn days(n: i64) -> String {
    if n == 1 { "1 day".into() } else { format!("{n} days") }
}

/// A line and whether it is late (the page marks late lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub words: String,
    pub late: bool,
}

pub fn contact(r: &Rhythm, today: NaiveDate) -> Due {
    let late = r.contact_overdue_days(today);
    if late > 0 {
        Due { words: format!("Contact overdue by {}", days(late)), late: true }
    } else if late == 0 {
        Due { words: "Contact due today".into(), late: false }
    } else {
        Due { words: format!("Contact due {}", short_date(r.contact_due, today)), late: false }
    }
}

pub fn review(r: &Rhythm, today: NaiveDate) -> Due {
    let late = r.review_overdue_days(today);
    if r.review_asked {
        Due { words: "Review asked for".into(), late: true }
    } else if late > 0 {
        Due { words: format!("Review overdue by {}", days(late)), late: true }
    } else {
        Due { words: format!("Review due {}", short_date(r.review_due, today)), late: false }
    }
}

/// "3 Nov", or "Never"; with a missed attempt after it: "3 Nov (tried 30 Nov)".
pub fn last_contact(r: &Rhythm, today: NaiveDate) -> String {
    let last = r.last_contact.map_or_else(|| "Never".to_string(), |d| short_date(d, today));
    match r.last_attempt {
        Some(a) => format!("{last} (tried {})", short_date(a, today)),
        None => last,
    }
}

/// "Every 8 weeks", "Every week".
pub fn interval(weeks: i64) -> String {
    if weeks == 1 { "Every week".into() } else { format!("Every {weeks} weeks") }
}

/// The rhythm as this laptop knows it: the server's, brought up to date
/// with the contacts and review record on this laptop (a meeting saved
/// offline moves "due" at once, before the server has it).
pub fn with_local(server: &Rhythm, contacts: &[Contact], review: Option<&PlanReview>) -> Rhythm {
    // The day she became known only matters when there is no contact or no
    // review date; then the server's own answer stands.
    let local = Rhythm::work_out(contacts, review, server.contact_due);
    let mut out = server.clone();
    if local.last_contact.is_some() && local.last_contact >= server.last_contact {
        out.last_contact = local.last_contact;
        out.last_attempt = local.last_attempt;
        out.contact_due = local.contact_due;
    } else if local.last_attempt > server.last_attempt {
        out.last_attempt = local.last_attempt;
    }
    if let Some(r) = review {
        out.contact_weeks = local.contact_weeks;
        if r.last_review.is_some() || r.next_review.is_some() {
            out.review_due = local.review_due;
        }
        out.review_asked = r.request_open();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pathway_model::meeting::ContactHow;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rhythm() -> Rhythm {
        Rhythm {
            last_contact: Some(d(2026, 10, 1)),
            last_attempt: None,
            contact_due: d(2026, 11, 19),
            contact_weeks: 8,
            review_due: d(2027, 2, 3),
            review_asked: false,
        }
    }

    #[test]
    fn contact_and_review_lines_say_how_late_or_when() {
        let today = d(2026, 12, 1);
        assert_eq!(contact(&rhythm(), today), Due { words: "Contact overdue by 12 days".into(), late: true });
        assert_eq!(contact(&rhythm(), d(2026, 11, 20)).words, "Contact overdue by 1 day");
        assert_eq!(contact(&rhythm(), d(2026, 11, 19)).words, "Contact due today");
        assert_eq!(contact(&rhythm(), d(2026, 11, 1)).words, "Contact due 19 Nov");
        assert_eq!(review(&rhythm(), today), Due { words: "Review due 3 Feb 2027".into(), late: false });
        let asked = Rhythm { review_asked: true, ..rhythm() };
        assert_eq!(review(&asked, today).words, "Review asked for");
        assert_eq!(review(&rhythm(), d(2027, 2, 13)).words, "Review overdue by 10 days");
    }

    #[test]
    fn last_contact_says_never_and_a_later_missed_attempt() {
        let today = d(2026, 12, 1);
        assert_eq!(last_contact(&rhythm(), today), "1 Oct");
        let tried = Rhythm { last_attempt: Some(d(2026, 11, 30)), ..rhythm() };
        assert_eq!(last_contact(&tried, today), "1 Oct (tried 30 Nov)");
        assert_eq!(last_contact(&Rhythm { last_contact: None, ..rhythm() }, today), "Never");
        assert_eq!((interval(8).as_str(), interval(1).as_str()), ("Every 8 weeks", "Every week"));
    }

    #[test]
    fn a_contact_saved_on_this_laptop_moves_due_at_once() {
        let met = Contact {
            date: "2026-11-30".into(),
            how: ContactHow::InPerson,
            place: None,
            present: None,
            summary: None,
            her_words: None,
            discussed: None,
            next_due: None,
        };
        let r = with_local(&rhythm(), std::slice::from_ref(&met), None);
        assert_eq!((r.last_contact, r.contact_due), (Some(d(2026, 11, 30)), d(2027, 1, 25)));
        assert_eq!(r.review_due, d(2027, 2, 3), "no review record here: the server's date stands");
        let four =
            PlanReview { contact_weeks: Some(4), contact_weeks_reason: Some("New baby".into()), ..Default::default() };
        let r = with_local(&rhythm(), &[met], Some(&four));
        assert_eq!((r.contact_weeks, r.contact_due), (4, d(2026, 12, 28)));
        assert_eq!(with_local(&rhythm(), &[], None), rhythm());
    }
}
