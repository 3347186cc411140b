//! The glossary's words on this device. They are not compiled into the app
//! (about 13 KB brotli a phone would download before Home): the first
//! health page that needs them reads `/glossary.json`, which the service
//! worker keeps with the app, so it works offline once installed.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::health::glossary::{Term, TermText};

use crate::api;

/// Where the glossary is on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Reading,
    Here(&'static [Term]),
    /// Not on this device and no signal to fetch it: asked again the next
    /// time a page needs it.
    NotHere,
}

thread_local! {
    // Reference-counted, not owned by the page that first asked: an owned
    // signal would be disposed with that page, and the next page reading it
    // would fail.
    static WORDS: ArcRwSignal<Words> = ArcRwSignal::new(Words::Reading);
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// The glossary, reading it the first time it is needed.
pub fn use_words() -> ArcReadSignal<Words> {
    let words = WORDS.with(|w| w.clone());
    let needed = !matches!(words.get_untracked(), Words::Here(_));
    if needed && !ASKED.with(|asked| asked.replace(true)) {
        let words = words.clone();
        spawn_local(async move {
            match api::glossary().await {
                Ok(list) => {
                    let terms: Vec<Term> = list.into_iter().map(TermText::leak).collect();
                    words.set(Words::Here(Box::leak(terms.into_boxed_slice())));
                }
                Err(e) => {
                    leptos::logging::warn!("glossary: {e}");
                    ASKED.with(|asked| asked.set(false));
                    words.set(Words::NotHere);
                }
            }
        });
    }
    words.read_only()
}

/// Puts these words on the device at once, as reading the file would: for
/// tests of the pages that show them.
pub fn set_words(terms: &'static [Term]) {
    ASKED.with(|asked| asked.set(true));
    WORDS.with(|w| w.set(Words::Here(terms)));
}
