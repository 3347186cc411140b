//! The words of the screens, in the language she chose (issue 17).
//!
//! Every piece of UI text is a message in a catalogue: locales/<lang>/*.json
//! (i18next JSON v4, read by `pathway_model::catalogue`), English the source.
//! build.rs turns the English catalogue into a constant per message (`k`),
//! so screens write `t(k::HOME_GREETING)` and a mistyped key fails to build.
//! English is compiled in; another language is a file the app fetches once
//! at start (`load`), which the service worker keeps for offline use, so a
//! new language adds no wasm. A message the file lacks stays English.
//!
//! The language is chosen once a page: changing it saves the choice and
//! reloads, so no screen needs to redraw its words (a closure around every
//! message would cost the wasm more than the whole lookup).

use std::sync::OnceLock;

use pathway_model::catalogue::{Language, base_key, fill, key_hash};

mod choice;
mod format;

pub use choice::{SAVED_LANGUAGE, chosen, mark_page, saved, set_language};
pub use format::{long_date, number, short_date};

/// A message that reads the same whatever the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(usize);

/// A message with a form per plural category (`_one`, `_other`, and in
/// Arabic `_zero`, `_two`, `_few`, `_many`), picked by the browser's
/// `Intl.PluralRules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural(usize);

/// One message of the table: its text, or its forms by plural category.
#[derive(Debug, Clone, Copy)]
enum Entry<'a> {
    Text(&'a str),
    Plural(&'a [(&'a str, &'a str)]),
}

/// The messages, one constant each, generated from locales/en/*.json by
/// build.rs; each constant's comment is its English.
#[allow(clippy::unreadable_literal)]
pub mod k {
    #[allow(unused_imports)]
    use super::{Entry, Plural, Text};
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// The language this page shows and its table, once `load` has run; until
/// then (and always in English) the compiled-in English.
static LOADED: OnceLock<(Language, Vec<Entry<'static>>)> = OnceLock::new();

fn table() -> &'static [Entry<'static>] {
    LOADED.get().map_or(&k::ENGLISH[..], |(_, t)| t.as_slice())
}

/// The language of this page's words.
pub fn language() -> Language {
    LOADED.get().map_or(Language::English, |(l, _)| *l)
}

/// A message's words.
pub fn t(text: Text) -> &'static str {
    match table()[text.0] {
        Entry::Text(words) => words,
        // build.rs gives every plural an `other` form, sorted last.
        Entry::Plural(forms) => forms.last().map_or("", |(_, words)| words),
    }
}

/// A message with its `{{name}}` placeholders filled.
pub fn tf(text: Text, args: &[(&str, &str)]) -> String {
    fill(t(text), args)
}

/// A counted message: the form the language uses for `count`, with
/// `{{count}}` written in the language's digits.
pub fn tp(plural: Plural, count: u32, args: &[(&str, &str)]) -> String {
    let Entry::Plural(forms) = table()[plural.0] else { return String::new() };
    let category = plural_category(count);
    let words = forms
        .iter()
        .find(|(c, _)| *c == category)
        .or_else(|| forms.iter().find(|(c, _)| *c == "other"))
        .map_or("", |(_, w)| w);
    let written = number(count);
    let mut all = vec![("count", written.as_str())];
    all.extend_from_slice(args);
    fill(words, &all)
}

#[cfg(not(target_arch = "wasm32"))]
fn plural_category(count: u32) -> String {
    // The app's plain tests run natively, where there is no Intl: English.
    if count == 1 { "one" } else { "other" }.to_string()
}

#[cfg(target_arch = "wasm32")]
fn plural_category(count: u32) -> String {
    let locales = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(language().code()));
    js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()).select(f64::from(count)).into()
}

/// Fetches `language`'s catalogue and makes it this page's words. On any
/// failure (offline with nothing kept, a broken file) the page stays in
/// English, which is better than no words at all.
pub async fn load(language: Language) {
    if language == Language::English {
        return;
    }
    let url = format!("/locales/{}.json", language.file_stem());
    let text = match gloo_net::http::Request::get(&url).send().await {
        Ok(answer) if answer.ok() => answer.text().await.ok(),
        _ => None,
    };
    let Some(text) = text else {
        leptos::logging::warn!("no {url}: the page stays in English");
        return;
    };
    match serde_json::from_str::<std::collections::BTreeMap<String, String>>(&text) {
        Ok(messages) => {
            let _ = LOADED.set((language, placed(messages)));
        }
        Err(e) => leptos::logging::warn!("{url}: {e}"),
    }
}

/// The loaded messages in the table's order; what the file lacks, English.
fn placed(messages: std::collections::BTreeMap<String, String>) -> Vec<Entry<'static>> {
    let mut table = k::ENGLISH.to_vec();
    let mut forms: Vec<Vec<(&'static str, &'static str)>> = vec![vec![]; table.len()];
    let place = |key: &str| k::HASHES.binary_search(&key_hash(key)).ok();
    for (key, words) in messages {
        // Kept for the page's life: the table hands out &'static str.
        let words: &'static str = Box::leak(words.into_boxed_str());
        if let Some(i) = place(&key).filter(|i| matches!(table[*i], Entry::Text(_))) {
            table[i] = Entry::Text(words);
        } else if let Some(i) = place(base_key(&key)).filter(|i| matches!(table[*i], Entry::Plural(_))) {
            let category: &'static str = Box::leak(key[base_key(&key).len() + 1..].to_string().into_boxed_str());
            forms[i].push((category, words));
        }
    }
    for (i, mut f) in forms.into_iter().enumerate() {
        if f.iter().any(|(c, _)| *c == "other") {
            // `other` last, as t() expects.
            f.sort_by_key(|(c, _)| *c == "other");
            table[i] = Entry::Plural(Box::leak(f.into_boxed_slice()));
        }
    }
    table
}
