//! "Things to talk about": a young person's list for their next meeting
//! with their PA. They add, change, tick off and delete; their PA marks
//! what was talked about. Everything reads and writes the phone's store
//! only, so it is instant and works with no signal.

mod notices;
#[cfg(feature = "staff")]
mod pa_list;
mod slices;
mod young_person;

use pathway_model::auth::Role;
use pathway_model::record::FieldRuleError;
use pathway_model::sync::replica::LocalRecord;
use pathway_model::topic::{Topic, TopicChange};

use crate::i18n::{k, t};

pub use notices::SyncNotices;
#[cfg(feature = "staff")]
pub use pa_list::PaTopics;
pub use young_person::TopicsSection;

/// Checks what a young person typed, and gives it back trimmed, or says in
/// plain words what to fix.
pub fn check_text(text: &str) -> Result<String, &'static str> {
    let text = text.trim().to_string();
    let change = TopicChange { text: Some(text.clone()), ..Default::default() };
    match pathway_model::topic::check_put(Role::YoungPerson, &change.into_fields(), true) {
        Ok(()) => Ok(text),
        Err(FieldRuleError::Invalid { problem, .. }) if problem.contains("at most") => Err(t(k::TOPIC_CHECK_TOO_LONG)),
        Err(_) => Err(t(k::TOPIC_CHECK_EMPTY)),
    }
}

/// The topic in a local record, if it is one.
pub fn topic_of(record: &LocalRecord) -> Option<Topic> {
    (record.entity == Topic::KIND).then(|| Topic::from_fields(&record.fields)).flatten()
}

/// A new topic: its words, not yet ticked off.
fn new_topic(text: String) -> TopicChange {
    TopicChange { text: Some(text), done: Some(false), ..Default::default() }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn topic_text_is_trimmed_and_checked_in_plain_words() {
        assert_eq!(check_text("  Bus pass  "), Ok("Bus pass".to_string()));
        assert_eq!(check_text("   "), Err("Write something first."));
        assert!(check_text(&"a".repeat(501)).unwrap_err().starts_with("That's too long"));
        assert!(check_text(&"a".repeat(500)).is_ok());
    }
}
