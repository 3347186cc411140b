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
use serde_json::Value;

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

/// Between a plural form's category and its words, and between forms:
/// a plural message is one string, `one US words RS other US words`.
const UNIT: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// The messages, one constant each, generated from locales/en/*.json by
/// build.rs; each constant's comment is its English.
#[allow(clippy::unreadable_literal)]
pub mod k {
    #[allow(unused_imports)]
    use super::{Plural, Text};
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// The language this page shows and its messages, once `load` has run;
/// until then (and always in English) the compiled-in English.
static LOADED: OnceLock<(Language, Vec<&'static str>)> = OnceLock::new();

fn message(i: usize) -> &'static str {
    match LOADED.get() {
        Some((_, table)) => table[i],
        None => &k::ENGLISH_TEXT[usize::from(k::ENGLISH_AT[i])..usize::from(k::ENGLISH_AT[i + 1])],
    }
}

/// The language of this page's words.
pub fn language() -> Language {
    LOADED.get().map_or(Language::English, |(l, _)| *l)
}

/// A message's words.
pub fn t(text: Text) -> &'static str {
    message(text.0)
}

/// A message with its `{{name}}` placeholders filled.
pub fn tf(text: Text, args: &[(&str, &str)]) -> String {
    fill(t(text), args)
}

/// A counted message: the form the language uses for `count`, with
/// `{{count}}` written in the language's digits.
pub fn tp(plural: Plural, count: u32, args: &[(&str, &str)]) -> String {
    let category = plural_category(count);
    let form = |wanted: &str| {
        message(plural.0).split(RECORD).find_map(|f| f.split_once(UNIT).filter(|(c, _)| *c == wanted).map(|(_, w)| w))
    };
    let words = form(&category).or_else(|| form("other")).unwrap_or("");
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
/// failure (offline with nothing kept, a broken file, a file for another
/// build) the page stays in English, which is better than no words at all.
pub async fn load(language: Language) {
    if language == Language::English {
        return;
    }
    let url = format!("/locales/{}.json", language.file_stem());
    let text = match gloo_net::http::Request::get(&url).send().await {
        Ok(answer) if answer.ok() => answer.text().await.ok(),
        _ => None,
    };
    // serde_json's own map of values: the app reads records with it already,
    // so reading a catalogue adds no new parsing code to the wasm.
    let table = match text.as_deref().map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Object(messages))) => placed(messages),
        _ => None,
    };
    match table {
        Some(table) => {
            let _ = LOADED.set((language, table));
        }
        None => leptos::logging::warn!("{url} is missing or not for this build: the page stays in English"),
    }
}

/// The loaded messages in the English table's order, or None when the
/// file's keys are not this build's (checked against `k::KEYS_CHECK`). The
/// map is sorted by key, which is the table's order (build.rs): one message
/// a base key, a plural's forms side by side. The sign-in page's `login.*`
/// messages share the file and are left out.
fn placed(messages: serde_json::Map<String, Value>) -> Option<Vec<&'static str>> {
    let mut merged: Vec<(String, String)> = Vec::with_capacity(k::COUNT);
    for (key, words) in messages {
        let Value::String(words) = words else { return None };
        if key.starts_with("login.") {
            continue;
        }
        let base = base_key(&key);
        if base == key {
            merged.push((key, words));
            continue;
        }
        let form = format!("{}{UNIT}{words}", &key[base.len() + 1..]);
        match merged.last_mut() {
            Some((last, forms)) if last == base => {
                forms.push(RECORD);
                forms.push_str(&form);
            }
            _ => merged.push((base.to_string(), form)),
        }
    }
    let keys: Vec<&str> = merged.iter().map(|(key, _)| key.as_str()).collect();
    if merged.len() != k::COUNT || key_hash(&keys.join("\n")) != k::KEYS_CHECK {
        return None;
    }
    // Kept for the page's life: the table hands out &'static str.
    Some(merged.into_iter().map(|(_, words)| &*Box::leak(words.into_boxed_str())).collect())
}
