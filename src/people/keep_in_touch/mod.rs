//! Keep in touch: the young person's request to be contacted (or to get
//! a PA back), checked with the model's own rule; the form is in `form`.

mod form;

pub use form::KeepInTouch;

use pathway_model::people::MyPeople;
use pathway_model::people::keep_in_touch::{self, ContactHow, ContactRequest, ContactRequestChange, RequestKind};
use pathway_model::record::{FieldRuleError, Fields};
use pathway_model::role::Role;

use crate::clock;
use crate::i18n::{k, t, tf};

/// Which request this young person can make: a PA again (21 to 25 with no
/// PA), or to be contacted.
pub fn request_kind(people: Option<&MyPeople>) -> RequestKind {
    match people {
        Some(p) if p.pa.is_none() && (21..25).contains(&p.age) => RequestKind::GetPaBack,
        _ => RequestKind::ContactMe,
    }
}

/// What is wrong with the form, field by field, in plain words.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems {
    pub reach_on: Option<&'static str>,
    pub best_time: Option<&'static str>,
    pub message: Option<&'static str>,
}

/// Builds the request's fields and checks them with the model's own rule
/// (the one the server runs), or says what to fix next to each field.
pub fn request_fields(
    kind: RequestKind,
    how: ContactHow,
    reach_on: &str,
    best_time: &str,
    message: &str,
    asked_at: i64,
) -> Result<Fields, Problems> {
    let text = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let f = ContactRequestChange {
        kind: Some(kind),
        how: Some(how),
        reach_on: Some(reach_on.trim().to_string()),
        best_time: Some(text(best_time)),
        message: Some(text(message)),
        asked_at: Some(asked_at),
        ..Default::default()
    }
    .into_fields();
    // Check each field on its own too, so every problem shows at once, not
    // one per press of the button.
    let mut problems = Problems::default();
    let reach_words = match how {
        ContactHow::Email => t(k::PEOPLE_KIT_PROBLEM_EMAIL),
        ContactHow::Call | ContactHow::Text => t(k::PEOPLE_KIT_PROBLEM_PHONE),
    };
    if let Err(e) = keep_in_touch::check_put(Role::YoungPerson, &f, None) {
        match e {
            FieldRuleError::Invalid { field: "best_time", .. } => {
                problems.best_time = Some(t(k::PEOPLE_KIT_PROBLEM_BEST_TIME))
            }
            FieldRuleError::Invalid { field: "message", .. } => {
                problems.message = Some(t(k::PEOPLE_KIT_PROBLEM_MESSAGE))
            }
            _ => problems.reach_on = Some(reach_words),
        }
    }
    if best_time.trim().chars().count() > 200 {
        problems.best_time = Some(t(k::PEOPLE_KIT_PROBLEM_BEST_TIME));
    }
    if message.trim().chars().count() > 500 {
        problems.message = Some(t(k::PEOPLE_KIT_PROBLEM_MESSAGE));
    }
    let reach = reach_on.trim();
    let reach_ok = match how {
        ContactHow::Email => keep_in_touch::looks_like_email(reach) && reach.chars().count() <= 100,
        _ => pathway_model::people::phone_problem(reach).is_none(),
    };
    if !reach_ok {
        problems.reach_on = Some(reach_words);
    }
    if problems == Problems::default() { Ok(f) } else { Err(problems) }
}

/// The status of a request, in words for the young person.
pub fn status_words(r: &ContactRequest, pending: bool) -> String {
    if pending {
        return t(k::PEOPLE_KIT_STATUS_WAITING).to_string();
    }
    if r.is_open() {
        return t(k::PEOPLE_KIT_STATUS_SENT).to_string();
    }
    match (&r.handled_by, r.handled_at) {
        (Some(by), Some(at)) => {
            tf(k::PEOPLE_KIT_STATUS_DONE_BY_ON, &[("name", by), ("when", &clock::day_and_clock(at))])
        }
        (Some(by), None) => tf(k::PEOPLE_KIT_STATUS_DONE_BY, &[("name", by)]),
        _ => t(k::PEOPLE_KIT_STATUS_DONE).to_string(),
    }
}

/// How they want to be contacted, as a choice ("Text message").
pub fn how_label(how: ContactHow) -> &'static str {
    match how {
        ContactHow::Call => t(k::PEOPLE_KIT_HOW_CALL),
        ContactHow::Text => t(k::PEOPLE_KIT_HOW_TEXT),
        ContactHow::Email => t(k::PEOPLE_KIT_HOW_EMAIL),
    }
}

/// A request in the list: "Wants a PA again, by text message".
pub fn request_words(kind: RequestKind, how: ContactHow) -> String {
    let by = match how {
        ContactHow::Call => t(k::PEOPLE_KIT_BY_CALL),
        ContactHow::Text => t(k::PEOPLE_KIT_BY_TEXT),
        ContactHow::Email => t(k::PEOPLE_KIT_BY_EMAIL),
    };
    let words = match kind {
        RequestKind::GetPaBack => k::PEOPLE_KIT_REQUEST_PA_BACK,
        RequestKind::ContactMe => k::PEOPLE_KIT_REQUEST_CONTACT_ME,
    };
    tf(words, &[("how", by)])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const AT: i64 = 1_790_000_000_000;

    #[test]
    fn a_good_request_passes_the_servers_own_check() {
        let f =
            request_fields(RequestKind::GetPaBack, ContactHow::Text, " 07700 900999 ", "After 5pm", "", AT).unwrap();
        assert_eq!(keep_in_touch::check_put(Role::YoungPerson, &f, None), Ok(()));
        let r = ContactRequest::from_fields(&f).unwrap();
        assert_eq!(r.reach_on, "07700 900999");
        assert_eq!(r.best_time.as_deref(), Some("After 5pm"));
        assert_eq!(r.message, None);
        assert_eq!(status_words(&r, true), "Waiting to send. It will go when you are back online.");
        assert_eq!(status_words(&r, false), "Sent. The leaving care team will get in touch.");
    }

    #[test]
    fn each_problem_shows_next_to_its_field() {
        let p = request_fields(RequestKind::ContactMe, ContactHow::Email, "07700 900999", "", "", AT).unwrap_err();
        assert_eq!(p.reach_on, Some("Enter your email address, like name@example.com"));
        let p =
            request_fields(RequestKind::ContactMe, ContactHow::Call, "soon", &"x".repeat(201), &"y".repeat(501), AT)
                .unwrap_err();
        assert_eq!(p.reach_on, Some("Enter a UK phone number, like 07700 900123"));
        assert!(p.best_time.is_some());
        assert!(p.message.is_some());
        assert!(request_fields(RequestKind::ContactMe, ContactHow::Email, "zara@mail.example", "", "", AT).is_ok());
    }

    #[test]
    fn only_21_to_24_year_olds_with_no_pa_ask_for_a_pa_back() {
        let mut p = MyPeople {
            pa: None,
            social_worker: None,
            iro: None,
            leaving_care_team: pathway_model::people::ContactCard {
                name: "Team".into(),
                role_label: String::new(),
                phone: None,
                email: None,
                text: None,
                hours: None,
            },
            duty_team: pathway_model::people::ContactCard {
                name: "Duty".into(),
                role_label: String::new(),
                phone: None,
                email: None,
                text: None,
                hours: None,
            },
            council_name: "Liverpool".into(),
            sample_data: true,
            age: 22,
            next_birthday: "2027-01-01".into(),
        };
        assert_eq!(request_kind(Some(&p)), RequestKind::GetPaBack);
        p.age = 25;
        assert_eq!(request_kind(Some(&p)), RequestKind::ContactMe);
        p.age = 20;
        assert_eq!(request_kind(Some(&p)), RequestKind::ContactMe);
        assert_eq!(request_kind(None), RequestKind::ContactMe);
    }

    #[test]
    fn a_done_request_says_who_did_it() {
        let mut r = ContactRequest::from_fields(
            &request_fields(RequestKind::ContactMe, ContactHow::Call, "0151 496 0100", "", "", AT).unwrap(),
        )
        .unwrap();
        r.status = Some("done".into());
        r.handled_by = Some("Liz Carter".into());
        assert_eq!(status_words(&r, false), "Done by Liz Carter.");
    }

    #[test]
    fn a_request_reads_as_one_sentence() {
        assert_eq!(request_words(RequestKind::ContactMe, ContactHow::Text), "Wants to be contacted, by text message");
        assert_eq!(request_words(RequestKind::GetPaBack, ContactHow::Call), "Wants a PA again, by phone call");
    }
}
