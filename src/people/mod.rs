//! The people around a young person: their PA card on Home, and My people
//! (everyone they can turn to, "I feel unsafe", keep in touch, helplines,
//! and who does what at each stage).

mod contacts;
mod helplines;
pub mod keep_in_touch;
mod my_pa;
mod pa_card;
#[cfg(feature = "staff")]
mod pa_view;
mod people_page;
pub mod stages;
mod unsafe_alert;
mod who_does_what;

pub use my_pa::MyPaSection;
pub use pa_card::PaCard;
#[cfg(feature = "staff")]
pub use pa_view::{PaAlerts, PaRequests};
pub use people_page::PeoplePage;

/// A message split at its `{{name}}` placeholder: the words before and
/// after, for a sentence whose placeholder is drawn as more than text (a
/// link, a number in its own span, an address with a line break in it).
/// The language keeps its own word order; a message without the
/// placeholder is all "before".
pub fn around(message: &str, name: &str) -> (String, String) {
    let mark = format!("{{{{{name}}}}}");
    match message.split_once(&mark) {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (message.to_string(), String::new()),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::around;

    #[test]
    fn a_message_splits_at_its_placeholder_in_its_own_word_order() {
        assert_eq!(around("Call your PA {{number}}", "number"), ("Call your PA ".into(), String::new()));
        assert_eq!(around("اتصل بـ {{number}} الآن", "number"), ("اتصل بـ ".into(), " الآن".into()));
        assert_eq!(around("No place", "number"), ("No place".into(), String::new()));
    }
}
