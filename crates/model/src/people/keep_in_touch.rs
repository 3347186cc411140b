//! Keep in touch: a young person asks to be contacted (how and when suits
//! them), or, at 21 to 25, to get a PA back. The request is a synced record
//! so it can be made offline; the council's leaving-care team (managers)
//! sees it and marks it done, and the PA sees it too.

use serde::{Deserialize, Serialize};

use crate::record::check::{Check, Who, check_change, str_of};
use crate::record::value::word_value;
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// "I'd like a PA again" (21 to 25, by law on request).
    GetPaBack,
    /// "Please get in touch with me."
    ContactMe,
}

impl RequestKind {
    pub const ALL: [RequestKind; 2] = [RequestKind::GetPaBack, RequestKind::ContactMe];
    const WORDS: &'static [&'static str] = &["get_pa_back", "contact_me"];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestKind::GetPaBack => "Wants a PA again",
            RequestKind::ContactMe => "Wants to be contacted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactHow {
    Call,
    Text,
    Email,
}

impl ContactHow {
    pub const ALL: [ContactHow; 3] = [ContactHow::Call, ContactHow::Text, ContactHow::Email];
    const WORDS: &'static [&'static str] = &["call", "text", "email"];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactHow::Call => "Phone call",
            ContactHow::Text => "Text message",
            ContactHow::Email => "Email",
        }
    }
}

word_value!(RequestKind, ContactHow);

const YOUNG_PERSON: Who = Who::Roles(Roles::YOUNG_PERSON);
/// Written by whoever in the council picks it up (and set to "open" by the
/// young person's phone when it makes the request).
const STAFF: Who = Who::RolesOrCreator(Roles::STAFF);

record_kind! {
    /// A request, as the council's inbox and the PA see it. Serde too: it
    /// travels inside `council::InboxRequest`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct ContactRequest;
    /// A change to a request: only the fields set are sent.
    pub struct ContactRequestChange;
    kind: ContactRequest,
    table: FIELDS,
    fields {
        kind: RequestKind = must, Check::OneOf(RequestKind::WORDS), YOUNG_PERSON;
        how: ContactHow = must, Check::OneOf(ContactHow::WORDS), YOUNG_PERSON;
        /// The number or email address to use; checked against `how`.
        reach_on: String = must, Check::Text(100), YOUNG_PERSON;
        /// "Weekday afternoons", "after 6pm".
        #[serde(default)]
        best_time: Option<String> = or_default, Check::OptText(200), YOUNG_PERSON;
        #[serde(default)]
        message: Option<String> = or_default, Check::OptText(500), YOUNG_PERSON;
        asked_at: i64 = must, Check::Millis, YOUNG_PERSON;
        /// "open" or "done"; requests from before it existed have none.
        #[serde(default)]
        status: Option<String> as String = or_default, Check::OneOf(&["open", "done"]), STAFF;
        #[serde(default)]
        handled_by: Option<String> = or_default, Check::OptText(100), STAFF;
        #[serde(default)]
        handled_at: Option<i64> = or_default, Check::OptMillis, STAFF;
    }
}

pub fn check_put(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    check_change(FIELDS, role, change, current, false)?;
    if current.is_none() && change.get("status").is_some_and(|s| s != "open") {
        return Err(FieldRuleError::Invalid { field: "status", problem: "a new request is open".into() });
    }
    if change.contains_key("reach_on") || change.contains_key("how") {
        let how = str_of(change, current, "how").unwrap_or("call");
        let reach = str_of(change, current, "reach_on").unwrap_or("");
        if how == "email" {
            if !looks_like_email(reach) {
                return Err(FieldRuleError::Invalid { field: "reach_on", problem: "must be an email address".into() });
            }
        } else if let Some(problem) = crate::phone::phone_problem(reach) {
            return Err(FieldRuleError::Invalid { field: "reach_on", problem: problem.into() });
        }
    }
    Ok(())
}

/// Enough to catch a phone number typed in the email box; the council
/// replies by hand, so a perfect check would buy nothing.
pub fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(' ')
        }
        None => false,
    }
}

impl ContactRequest {
    pub fn is_open(&self) -> bool {
        self.status.as_deref() != Some("done")
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
    fn a_young_person_asks_for_a_pa_back_and_the_council_marks_it_done() {
        let ask = f(
            json!({"kind": "get_pa_back", "how": "text", "reach_on": "07700 900999", "best_time": "After 5pm", "asked_at": 1_790_000_000_000_i64}),
        );
        assert_eq!(check_put(Role::YoungPerson, &ask, None), Ok(()));
        let done = f(json!({"status": "done", "handled_by": "Liz Carter", "handled_at": 1_790_000_100_000_i64}));
        assert_eq!(check_put(Role::Manager, &done, Some(&ask)), Ok(()));
        assert!(matches!(check_put(Role::YoungPerson, &done, Some(&ask)), Err(FieldRuleError::NotYours(_))));
        assert_eq!(
            check_put(Role::Manager, &f(json!({"message": "x"})), Some(&ask)),
            Err(FieldRuleError::NotYours("message".into()))
        );
        assert!(ContactRequest::from_fields(&ask).unwrap().is_open());
    }

    #[test]
    fn a_typed_request_passes_the_rules_and_the_council_closes_it() {
        let ask = ContactRequestChange {
            kind: Some(RequestKind::ContactMe),
            how: Some(ContactHow::Email),
            reach_on: Some("jade@mail.example".into()),
            asked_at: Some(1_790_000_000_000),
            status: Some("open".into()),
            ..Default::default()
        }
        .into_fields();
        assert_eq!(check_put(Role::YoungPerson, &ask, None), Ok(()));
        let done = ContactRequestChange { status: Some("done".into()), ..Default::default() }.into_fields();
        assert_eq!(check_put(Role::Manager, &done, Some(&ask)), Ok(()));
        let mut stored = ask.clone();
        stored.extend(done);
        assert!(!ContactRequest::from_fields(&stored).unwrap().is_open());
        // The wire form (inside the council's inbox) is the same record.
        let wire: ContactRequest = serde_json::from_value(serde_json::Value::Object(stored.clone())).unwrap();
        assert_eq!(Some(wire), ContactRequest::from_fields(&stored));
    }

    #[test]
    fn the_number_or_email_must_fit_how_they_want_to_be_reached() {
        let ask = |how: &str, reach: &str| {
            check_put(
                Role::YoungPerson,
                &f(json!({"kind": "contact_me", "how": how, "reach_on": reach, "asked_at": 1_790_000_000_000_i64})),
                None,
            )
        };
        assert_eq!(ask("email", "jade@mail.example"), Ok(()));
        assert_eq!(ask("call", "0151 496 0100"), Ok(()));
        assert!(ask("email", "07700 900999").is_err());
        assert!(ask("text", "jade@mail.example").is_err());
        assert!(ask("call", "soon").is_err());
    }
}
