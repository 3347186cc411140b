//! "Things to talk about": a young person's list of questions and topics
//! for their next PA session. The young person writes and ticks them; their
//! PA can mark one as talked about.

use crate::record::check::{Check, Who, check_change};
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

pub const TEXT_MAX: usize = 500;

const YOUNG_PERSON: Who = Who::Roles(Roles::YOUNG_PERSON);

record_kind! {
    /// The typed view of a topic's fields.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Topic;
    /// A change to a topic: only the fields set are sent.
    pub struct TopicChange;
    kind: Topic,
    table: FIELDS,
    // The young person owns the words and their tick; the PA can only say
    // it was talked about.
    fields {
        text: String = must, Check::Text(TEXT_MAX), YOUNG_PERSON;
        /// The young person ticked it off.
        done: bool = or_default, Check::Bool, YOUNG_PERSON;
        /// The PA marked it as talked about in a session.
        talked_about: bool = or_default, Check::Bool, Who::Roles(Roles::YOUNG_PERSON.or(Roles::ADVISOR));
    }
}

pub fn check_put(role: Role, fields: &Fields, creating: bool) -> Result<(), FieldRuleError> {
    let stored = Fields::new();
    check_change(FIELDS, role, fields, (!creating).then_some(&stored), false)
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
        assert_eq!(
            check_put(Role::YoungPerson, &fields(json!({"done": true})), true),
            Err(FieldRuleError::Missing("text"))
        );
    }

    #[test]
    fn topic_fields_read_back_as_a_typed_topic() {
        let t = Topic::from_fields(&fields(json!({"text": "Housing", "done": true}))).unwrap();
        assert_eq!(t, Topic { text: "Housing".into(), done: true, talked_about: false });
    }

    #[test]
    fn a_topic_change_sends_only_what_it_sets() {
        let tick = TopicChange { done: Some(true), ..Default::default() }.into_fields();
        assert_eq!(tick, fields(json!({"done": true})));
        assert_eq!(check_put(Role::YoungPerson, &tick, false), Ok(()));
        let new = TopicChange { text: Some("Money".into()), ..Default::default() }.into_fields();
        assert_eq!(Topic::from_fields(&new), Some(Topic { text: "Money".into(), done: false, talked_about: false }));
        // A record without its words is not a topic the app can show.
        assert_eq!(Topic::from_fields(&tick), None);
    }
}
