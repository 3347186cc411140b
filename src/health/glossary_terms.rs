//! The glossary's words on this device. They are not compiled into the app
//! (about 13 KB brotli a phone would download before Home): the first
//! health page that needs them reads `/glossary.json`, which the service
//! worker keeps with the app, so it works offline once installed.
//!
//! On a page in another language the terms stay English (her records are
//! written in English, and the terms are found in them), and
//! `/glossary.<stem>.json` gives each its name and meaning in her language:
//! a term shows as "Hepatitis B (التهاب الكبد ب)" with the meaning in her
//! words. A term the file lacks, or no file at all, shows its English
//! meaning, never nothing.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::catalogue::Language;
use pathway_model::health::glossary::{self, Term, TermText};

use serde_json::{Map, Value};

use crate::api;
use crate::i18n;

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
    // The terms in her language (same keys, `also` empty), set before WORDS
    // turns `Here`; empty in English or when the file could not be read.
    static OWN: Cell<&'static [Term]> = const { Cell::new(&[]) };
}

/// The glossary, reading it the first time it is needed.
pub fn use_words() -> ArcReadSignal<Words> {
    let words = WORDS.with(|w| w.clone());
    let needed = !matches!(words.get_untracked(), Words::Here(_));
    if needed && !ASKED.with(|asked| asked.replace(true)) {
        let words = words.clone();
        spawn_local(async move {
            match api::glossary::<Vec<TermText>>("glossary.json").await {
                Ok(list) => {
                    let terms: Vec<Term> = list.into_iter().map(TermText::leak).collect();
                    let terms: &'static [Term] = Box::leak(terms.into_boxed_slice());
                    let own = own_terms(terms, read_own(i18n::language()).await);
                    OWN.with(|o| o.set(own));
                    words.set(Words::Here(terms));
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

/// Her language's names and meanings, if the page isn't English and the
/// file can be read: `{"<term key>": {"term": "...", "meaning": "..."}}`,
/// read as serde_json's own values (the app reads records with them
/// already, so no new parsing code goes into the wasm).
async fn read_own(language: Language) -> Map<String, Value> {
    if language == Language::English {
        return Map::new();
    }
    let file = format!("glossary.{}.json", language.file_stem());
    match api::glossary::<Value>(&file).await {
        Ok(Value::Object(own)) => own,
        Ok(_) => Map::new(),
        Err(e) => {
            leptos::logging::warn!("{file}: {e}: the glossary's meanings stay English");
            Map::new()
        }
    }
}

/// The terms in her language, in `terms`' order: each term `own` has, with
/// its name and meaning there (empty where `own` has none).
pub fn own_terms(terms: &'static [Term], own: Map<String, Value>) -> &'static [Term] {
    if own.is_empty() {
        return &[];
    }
    let text = |o: &Value, field: &str| -> &'static str {
        Box::leak(o.get(field).and_then(Value::as_str).unwrap_or_default().trim().to_string().into_boxed_str())
    };
    let list: Vec<Term> = terms
        .iter()
        .filter_map(|t| {
            let o = own.get(t.key)?;
            Some(Term { key: t.key, name: text(o, "term"), also: &[], meaning: text(o, "meaning") })
        })
        .collect();
    Box::leak(list.into_boxed_slice())
}

/// `term` in her language, if the page isn't English and the file has it.
fn own(term: &Term) -> Option<&'static Term> {
    glossary::find(OWN.with(Cell::get), term.key)
}

/// Whether the page's words are not English, so English shown on it is
/// marked as English (a screen reader then reads it with an English voice).
fn page_not_english() -> bool {
    i18n::language() != Language::English
}

/// A term's name: English, as in her records, then in brackets its name
/// in her language when that is different.
#[component]
pub fn TermName(term: &'static Term) -> impl IntoView {
    if !page_not_english() {
        return term.name.into_any();
    }
    let name = own(term).map(|o| o.name).filter(|n| !n.is_empty() && *n != term.name);
    view! {
        <bdi lang="en" dir="ltr">{term.name}</bdi>
        {name.map(|n| format!(" ({n})"))}
    }
    .into_any()
}

/// A term's meaning: in her language when the file has it, else English.
#[component]
pub fn TermMeaning(term: &'static Term) -> impl IntoView {
    match own(term).map(|o| o.meaning).filter(|m| !m.is_empty()) {
        Some(meaning) => meaning.into_any(),
        None if page_not_english() => view! { <span lang="en" dir="ltr">{term.meaning}</span> }.into_any(),
        None => term.meaning.into_any(),
    }
}

/// Terms whose English or own words match `query`, for the glossary's
/// search: English matches first (the words in her records), then those
/// found only through her language's words.
pub fn search(terms: &'static [Term], query: &str) -> Vec<&'static Term> {
    let mut found = glossary::search(terms, query);
    let own = OWN.with(Cell::get);
    if !own.is_empty() {
        let more: Vec<&'static Term> = glossary::search(own, query)
            .into_iter()
            .filter(|o| !found.iter().any(|t| t.key == o.key))
            .filter_map(|o| glossary::find(terms, o.key))
            .collect();
        found.extend(more);
    }
    found
}

/// Puts these words on the device at once, as reading the file would: for
/// tests of the pages that show them.
pub fn set_words(terms: &'static [Term]) {
    ASKED.with(|asked| asked.set(true));
    WORDS.with(|w| w.set(Words::Here(terms)));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn her_language_gives_each_term_it_has_a_name_and_meaning_in_glossary_order() {
        let terms = *glossary::TERMS;
        assert!(own_terms(terms, Map::new()).is_empty(), "English, or no file: nothing of her language");
        let own: Map<String, Value> = serde_json::from_str(
            r#"{"mmr": {"term": "MMR", "meaning": "Vaksinë."}, "epipen": {"term": " EpiPen ", "meaning": "Një stilolaps."},
                "no-such-term": {"term": "x", "meaning": "y"}, "acute": {"term": "Akut"}}"#,
        )
        .unwrap();
        let list = own_terms(terms, own);
        let keys: Vec<&str> = list.iter().map(|t| t.key).collect();
        assert_eq!(keys, ["acute", "epipen", "mmr"], "glossary order; unknown keys dropped");
        assert_eq!((list[1].name, list[1].meaning), ("EpiPen", "Një stilolaps."));
        assert_eq!(list[0].meaning, "", "no meaning: the English one is shown");
    }
}
