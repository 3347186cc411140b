//! Keep in touch: a young person asks to be contacted (how and when suits
//! them), or, at 21 to 25, to get a PA back. The request is a synced record
//! so it can be made offline; the council's leaving-care team (managers)
//! sees it and marks it done, and the PA sees it too.

use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::sync::fields::{Check, FieldSpec, check_fields, field, require, str_of};
use crate::sync::{FieldRuleError, Fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// "I'd like a PA again" (21 to 25, by law on request).
    GetPaBack,
    /// "Please get in touch with me."
    ContactMe,
}

impl RequestKind {
    pub fn label(self) -> &'static str {
        match self {
            RequestKind::GetPaBack => "Wants a PA again",
            RequestKind::ContactMe => "Wants to be contacted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactHow {
    Call,
    Text,
    Email,
}

impl ContactHow {
    pub fn label(self) -> &'static str {
        match self {
            ContactHow::Call => "Phone call",
            ContactHow::Text => "Text message",
            ContactHow::Email => "Email",
        }
    }
}

const YOUNG_PERSONS: &[FieldSpec] = &[
    field("kind", Check::OneOf(&["get_pa_back", "contact_me"])),
    field("how", Check::OneOf(&["call", "text", "email"])),
    // The number or email address to use; checked against `how` below.
    field("reach_on", Check::Text(100)),
    // "Weekday afternoons", "after 6pm".
    field("best_time", Check::OptText(200)),
    field("message", Check::OptText(500)),
    field("asked_at", Check::Millis),
];

/// Written by whoever in the council picks it up.
const STAFFS: &[FieldSpec] = &[
    field("status", Check::OneOf(&["open", "done"])),
    field("handled_by", Check::OptText(100)),
    field("handled_at", Check::OptMillis),
];

pub fn check_put(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    let specs: Vec<FieldSpec> = YOUNG_PERSONS.iter().chain(STAFFS).copied().collect();
    for spec in check_fields(&specs, change)? {
        let young_persons = YOUNG_PERSONS.iter().any(|s| s.name == spec.name);
        let allowed = if young_persons { role == Role::YoungPerson } else { role.is_staff() || current.is_none() };
        if !allowed {
            return Err(FieldRuleError::NotYours(spec.name.to_string()));
        }
    }
    if current.is_none() {
        require(change, &["kind", "how", "reach_on", "asked_at"])?;
        if change.get("status").is_some_and(|s| s != "open") {
            return Err(FieldRuleError::Invalid { field: "status", problem: "a new request is open".into() });
        }
    }
    if change.contains_key("reach_on") || change.contains_key("how") {
        let how = str_of(change, current, "how").unwrap_or("call");
        let reach = str_of(change, current, "reach_on").unwrap_or("");
        if how == "email" {
            if !looks_like_email(reach) {
                return Err(FieldRuleError::Invalid { field: "reach_on", problem: "must be an email address".into() });
            }
        } else if let Some(problem) = crate::people::phone_problem(reach) {
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRequest {
    pub kind: RequestKind,
    pub how: ContactHow,
    pub reach_on: String,
    #[serde(default)]
    pub best_time: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    pub asked_at: i64,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub handled_by: Option<String>,
    #[serde(default)]
    pub handled_at: Option<i64>,
}

impl ContactRequest {
    pub fn from_fields(fields: &Fields) -> Option<Self> {
        serde_json::from_value(serde_json::Value::Object(fields.clone())).ok()
    }

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
