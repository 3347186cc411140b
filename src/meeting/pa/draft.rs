//! What the PA typed, checked with the model's own rules (the ones the
//! server runs) and worded for a PA, then turned into the records a
//! contact or a meeting writes. Pure, so the checks are tested natively.

use chrono::NaiveDate;
use pathway_model::meeting::action::{self, ActionOwner, AgreedActionChange};
use pathway_model::meeting::contact::{self, ContactChange, ContactHow};
use pathway_model::record::{FieldRuleError, Fields};
use pathway_model::role::Role;
use uuid::Uuid;

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The contact's fields as typed (dates as the date box gives them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub date: String,
    pub how: String,
    pub place: String,
    pub present: String,
    pub summary: String,
    pub her_words: String,
    pub next_due: String,
}

/// Each contact field's problem, in a PA's words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContactProblems {
    pub date: Option<&'static str>,
    pub how: Option<&'static str>,
    pub text: Option<&'static str>,
    pub next_due: Option<&'static str>,
}

impl ContactProblems {
    pub fn all(&self) -> Vec<&'static str> {
        [self.date, self.how, self.text, self.next_due].into_iter().flatten().collect()
    }
}

/// The contact record to write, or what to fix. `discussed`: the agenda
/// items talked about, one a line (a meeting's; none for a call).
pub fn contact_fields(
    d: &ContactDraft,
    discussed: Option<String>,
    today: NaiveDate,
) -> Result<Fields, ContactProblems> {
    let mut p = ContactProblems::default();
    let day = pathway_model::date::parse(d.date.trim());
    match day {
        None if d.date.trim().is_empty() => p.date = Some("Enter the date you were in touch."),
        None => p.date = Some("Enter a real date, like 1 12 2026."),
        Some(day) if day > today => p.date = Some("The date can't be after today."),
        Some(_) => {}
    }
    let how = ContactHow::parse(&d.how);
    if how.is_none() {
        p.how = Some("Choose how you were in touch.");
    }
    if let Some(next) = optional(&d.next_due) {
        match pathway_model::date::parse(&next) {
            None => p.next_due = Some("Enter a real date for the next contact, or leave it empty."),
            Some(n) if day.is_some_and(|day| n <= day) => p.next_due = Some("The next contact must be after this one."),
            Some(_) => {}
        }
    }
    let change = ContactChange {
        date: Some(d.date.trim().to_string()),
        how,
        place: Some(optional(&d.place)),
        present: Some(optional(&d.present)),
        summary: Some(optional(&d.summary)),
        her_words: Some(optional(&d.her_words)),
        discussed: Some(discussed.and_then(|s| optional(&s))),
        next_due: Some(optional(&d.next_due)),
    };
    if p != ContactProblems::default() {
        return Err(p);
    }
    let fields = change.into_fields();
    // The model's own rules last: the server refuses what they refuse.
    let checked =
        contact::check_put(Role::Advisor, &fields, None).and_then(|()| ContactChange::KIND.check_dates(&fields, today));
    match checked {
        Ok(()) => Ok(fields),
        Err(e) => Err(contact_rule_words(&e)),
    }
}

fn contact_rule_words(e: &FieldRuleError) -> ContactProblems {
    let field = match e {
        FieldRuleError::Invalid { field, .. } | FieldRuleError::Missing(field) => *field,
        _ => "",
    };
    match field {
        "date" => ContactProblems { date: Some("Check the date: it can't be after today."), ..Default::default() },
        "next_due" => ContactProblems { next_due: Some("Check the date of the next contact."), ..Default::default() },
        "how" => ContactProblems { how: Some("Choose how you were in touch."), ..Default::default() },
        "discussed" => {
            ContactProblems { text: Some("The notes on the agenda are too long: shorten some."), ..Default::default() }
        }
        _ => ContactProblems { text: Some("Some of the writing is too long: shorten it."), ..Default::default() },
    }
}

/// One agreed action as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionDraft {
    pub what: String,
    pub owner: String,
    pub owner_name: String,
    pub by_when: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionProblems {
    pub what: Option<&'static str>,
    pub owner: Option<&'static str>,
    pub owner_name: Option<&'static str>,
    pub by_when: Option<&'static str>,
}

impl ActionProblems {
    pub fn all(&self) -> Vec<&'static str> {
        [self.what, self.owner, self.owner_name, self.by_when].into_iter().flatten().collect()
    }
}

/// The action's record, or what to fix. `contact_id`: the meeting's
/// contact record.
pub fn action_fields(a: &ActionDraft, contact_id: Option<Uuid>, today: NaiveDate) -> Result<Fields, ActionProblems> {
    let mut p = ActionProblems::default();
    let what = a.what.trim();
    if what.is_empty() {
        p.what = Some("Write what needs doing.");
    } else if what.chars().count() > action::WHAT_MAX {
        p.what = Some("What needs doing can have up to 300 characters.");
    }
    let owner = ActionOwner::parse(&a.owner);
    let name = optional(&a.owner_name).filter(|_| owner == Some(ActionOwner::SomeoneElse));
    match owner {
        None => p.owner = Some("Choose who will do it."),
        Some(ActionOwner::SomeoneElse) if name.is_none() => p.owner_name = Some("Write the name of who will do it."),
        _ => {}
    }
    match pathway_model::date::parse(a.by_when.trim()) {
        None => p.by_when = Some("Enter the date it should be done by."),
        Some(d) if d < today => p.by_when = Some("The date can't be in the past."),
        Some(_) => {}
    }
    if p != ActionProblems::default() {
        return Err(p);
    }
    let fields = AgreedActionChange {
        what: Some(what.to_string()),
        owner,
        owner_name: Some(name),
        by_when: Some(a.by_when.trim().to_string()),
        contact_id: Some(contact_id.map(|id| id.to_string())),
        done: Some(false),
        progress: None,
    }
    .into_fields();
    match action::check_put(Role::Advisor, &fields, None) {
        Ok(()) => Ok(fields),
        Err(FieldRuleError::Invalid { field: "owner_name", .. }) => Err(ActionProblems {
            owner_name: Some("Write the name of who will do it (up to 100 characters)."),
            ..Default::default()
        }),
        Err(_) => Err(ActionProblems { what: Some("Check what needs doing and the date."), ..Default::default() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn draft() -> ContactDraft {
        ContactDraft {
            date: "2026-12-01".into(),
            how: "in_person".into(),
            place: " Costa on Bold Street ".into(),
            summary: "We looked at your money.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_contact_becomes_its_record_with_the_lines_talked_about() {
        let f = contact_fields(&draft(), Some("Money: has a budget".into()), today()).unwrap();
        assert_eq!(f["place"], "Costa on Bold Street");
        assert_eq!(f["discussed"], "Money: has a budget");
        assert_eq!(f["how"], "in_person");
        assert!(f["her_words"].is_null() && f["next_due"].is_null());
    }

    #[test]
    fn a_contact_after_today_or_with_no_how_is_refused_in_words() {
        let d = ContactDraft { date: "2026-12-02".into(), how: String::new(), ..draft() };
        let p = contact_fields(&d, None, today()).unwrap_err();
        assert_eq!(p.date, Some("The date can't be after today."));
        assert_eq!(p.how, Some("Choose how you were in touch."));
        let d = ContactDraft { next_due: "2026-11-30".into(), ..draft() };
        assert_eq!(
            contact_fields(&d, None, today()).unwrap_err().next_due,
            Some("The next contact must be after this one.")
        );
        let d = ContactDraft { summary: "x".repeat(contact::SUMMARY_MAX + 1), ..draft() };
        assert_eq!(
            contact_fields(&d, None, today()).unwrap_err().all(),
            ["Some of the writing is too long: shorten it."]
        );
    }

    #[test]
    fn a_missed_attempt_needs_no_summary() {
        let d = ContactDraft { how: "missed".into(), summary: String::new(), ..draft() };
        assert!(contact_fields(&d, None, today()).is_ok());
    }

    #[test]
    fn an_action_needs_what_who_and_a_date_and_a_name_for_someone_else() {
        let a = ActionDraft {
            what: "Bring payslips".into(),
            owner: "young_person".into(),
            by_when: "2026-12-15".into(),
            ..Default::default()
        };
        let meeting = Uuid::from_u128(7);
        let f = action_fields(&a, Some(meeting), today()).unwrap();
        assert_eq!((f["contact_id"].as_str(), f["done"].as_bool()), (Some(meeting.to_string().as_str()), Some(false)));
        assert!(f["owner_name"].is_null());
        let p = action_fields(&ActionDraft::default(), None, today()).unwrap_err();
        assert_eq!(p.all().len(), 3);
        let other = ActionDraft { owner: "someone_else".into(), owner_name: " ".into(), ..a.clone() };
        assert_eq!(
            action_fields(&other, None, today()).unwrap_err().owner_name,
            Some("Write the name of who will do it.")
        );
        let named = ActionDraft { owner_name: "Housing team".into(), ..other };
        assert_eq!(action_fields(&named, None, today()).unwrap()["owner_name"], "Housing team");
        let past = ActionDraft { by_when: "2026-11-30".into(), ..a };
        assert_eq!(action_fields(&past, None, today()).unwrap_err().by_when, Some("The date can't be in the past."));
    }
}
