//! "Things to talk about": a young person's list of questions and topics
//! for their next PA session. The young person writes and ticks them; their
//! PA can mark one as talked about.

use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::sync::{FieldRuleError, Fields};

pub const TEXT_MAX: usize = 500;

/// The typed view of a topic's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub text: String,
    /// The young person ticked it off.
    #[serde(default)]
    pub done: bool,
    /// The PA marked it as talked about in a session.
    #[serde(default)]
    pub talked_about: bool,
}

impl Topic {
    pub fn from_fields(fields: &Fields) -> Option<Topic> {
        serde_json::from_value(serde_json::Value::Object(fields.clone())).ok()
    }
}

/// Who may write what: the young person owns the words and their tick; the
/// PA can only say it was talked about.
fn writable(role: Role, field: &str) -> bool {
    match (role, field) {
        (Role::YoungPerson, "text" | "done" | "talked_about") => true,
        (Role::Advisor, "talked_about") => true,
        _ => false,
    }
}

pub fn check_put(role: Role, fields: &Fields, creating: bool) -> Result<(), FieldRuleError> {
    for (key, value) in fields {
        match key.as_str() {
            "text" => {
                let text = value.as_str().ok_or(FieldRuleError::Invalid { field: "text", problem: "must be text".into() })?;
                if text.trim().is_empty() {
                    return Err(FieldRuleError::Invalid { field: "text", problem: "must not be empty".into() });
                }
                if text.chars().count() > TEXT_MAX {
                    return Err(FieldRuleError::Invalid {
                        field: "text",
                        problem: format!("must be at most {TEXT_MAX} characters"),
                    });
                }
            }
            "done" | "talked_about" => {
                if !value.is_boolean() {
                    let field = if key == "done" { "done" } else { "talked_about" };
                    return Err(FieldRuleError::Invalid { field, problem: "must be true or false".into() });
                }
            }
            other => return Err(FieldRuleError::UnknownField(other.to_string())),
        }
        if !writable(role, key) {
            return Err(FieldRuleError::NotYours(key.clone()));
        }
    }
    if creating && !fields.contains_key("text") {
        return Err(FieldRuleError::Missing("text"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: serde_json::Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn a_young_person_writes_a_topic_and_a_pa_can_only_mark_it_talked_about() {
        let new = fields(json!({"text": "Can I get help with a laptop?", "done": false}));
        assert_eq!(check_put(Role::YoungPerson, &new, true), Ok(()));
        assert_eq!(check_put(Role::Advisor, &fields(json!({"talked_about": true})), false), Ok(()));
        assert_eq!(
            check_put(Role::Advisor, &fields(json!({"text": "changed"})), false),
            Err(FieldRuleError::NotYours("text".into()))
        );
    }

    #[test]
    fn bad_topics_are_refused_with_the_field_named() {
        let cases = [
            (json!({"text": "  "}), "text"),
            (json!({"text": "a".repeat(TEXT_MAX + 1)}), "text"),
            (json!({"text": 7}), "text"),
            (json!({"text": "ok", "done": "yes"}), "done"),
        ];
        for (v, field) in cases {
            match check_put(Role::YoungPerson, &fields(v.clone()), true) {
                Err(FieldRuleError::Invalid { field: f, .. }) => assert_eq!(f, field, "{v}"),
                other => panic!("{v}: {other:?}"),
            }
        }
        assert_eq!(
            check_put(Role::YoungPerson, &fields(json!({"text": "ok", "colour": "red"})), true),
            Err(FieldRuleError::UnknownField("colour".into()))
        );
        assert_eq!(check_put(Role::YoungPerson, &fields(json!({"done": true})), true), Err(FieldRuleError::Missing("text")));
    }

    #[test]
    fn topic_fields_read_back_as_a_typed_topic() {
        let t = Topic::from_fields(&fields(json!({"text": "Housing", "done": true}))).unwrap();
        assert_eq!(t, Topic { text: "Housing".into(), done: true, talked_about: false });
    }
}
