//! Turns the English catalogue (locales/en/*.json) into Rust: a constant per
//! message, so a mistyped key fails to compile, and the English messages the
//! app starts with (src/i18n): one string and a u16 offset a message (2
//! bytes each, where a table of &str took 12). Another language is data the
//! app loads at start; its messages take their place by key order, so the
//! wasm carries no key names.
//!
//! Which files: every locales/en/*.json but login.json (the sign-in page is
//! plain HTML and script, public/login.*); locales/en/staff/*.json only in
//! the staff build, so a young person's wasm carries none of the staff
//! screens' words.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pathway_model::catalogue::{Catalogue, base_key, key_hash};

enum Message {
    Text(String),
    /// (category, message), as the files list them.
    Plural(Vec<(String, String)>),
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    println!("cargo::rerun-if-changed={}", dir.display());
    if !dir.exists() {
        return vec![];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.file_name().is_some_and(|n| n != "login.json"))
        .collect();
    files.sort();
    files
}

fn main() {
    let mut files = json_files(Path::new("locales/en"));
    if std::env::var_os("CARGO_FEATURE_STAFF").is_some() {
        files.extend(json_files(Path::new("locales/en/staff")));
    }
    // Every key of every file, sorted as a JSON object's keys are when the
    // app reads a loaded language (serde_json's map is sorted by key).
    let mut all: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        Catalogue::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let flat: BTreeMap<String, String> = serde_json::from_str(&text).expect("checked by Catalogue::from_json");
        for (key, message) in flat {
            if all.insert(key.clone(), message).is_some() {
                panic!("{key} is in two files");
            }
        }
    }
    // One message a base key, in the order its first key comes: a plural's
    // forms (`x_one`, `x_other`) sit side by side in that order, as long as
    // no other key starts with `x_`, which is refused. Another language's
    // extra forms (`x_few`) then fall in the same place, and the app places
    // a loaded file's messages by position (src/i18n/mod.rs `placed`),
    // checked by KEYS_CHECK: the wasm carries no key names and no hashes.
    let mut messages: Vec<(String, Message)> = vec![];
    for (key, message) in &all {
        let base = base_key(key);
        let category = (base != key).then(|| key[base.len() + 1..].to_string());
        match (messages.last_mut(), category) {
            (Some((last, Message::Plural(forms))), Some(category)) if last == base => {
                forms.push((category, message.clone()));
            }
            (_, Some(category)) => {
                messages.push((base.to_string(), Message::Plural(vec![(category, message.clone())])))
            }
            (_, None) => messages.push((key.clone(), Message::Text(message.clone()))),
        }
    }
    for (base, message) in &messages {
        if matches!(message, Message::Plural(_)) {
            let prefix = format!("{base}_");
            let forms = all.keys().filter(|k| k.starts_with(&prefix)).count();
            let Message::Plural(listed) = message else { unreachable!() };
            assert!(forms == listed.len(), "{base} is a plural, so no other key may start with {prefix}");
            assert!(!all.contains_key(base), "{base} is both a message and a plural");
        }
    }

    let mut out = String::new();
    let mut text = String::new();
    let mut at: Vec<usize> = vec![];
    let mut names = BTreeMap::new();
    for (index, (key, message)) in messages.iter().enumerate() {
        let name = key.to_uppercase().replace(['.', '-'], "_");
        if let Some(other) = names.insert(name.clone(), key.clone()) {
            panic!("{key} and {other} make one constant name {name}: rename one");
        }
        at.push(text.len());
        match message {
            Message::Text(words) => {
                let _ = writeln!(out, "/// {}\npub const {name}: Text = Text({index});", words.replace('\n', " "));
                text.push_str(words);
            }
            Message::Plural(forms) => {
                assert!(forms.iter().any(|(c, _)| c == "other"), "{key} has no _other form");
                let other = &forms.iter().find(|(c, _)| c == "other").expect("checked").1;
                let _ = writeln!(out, "/// {}\npub const {name}: Plural = Plural({index});", other.replace('\n', " "));
                text.push_str(&encode_plural(forms));
            }
        }
    }
    at.push(text.len());
    assert!(text.len() <= usize::from(u16::MAX), "the English messages outgrew u16 offsets: make ENGLISH_AT u32");
    let n = messages.len();
    let bases: Vec<&str> = messages.iter().map(|(k, _)| k.as_str()).collect();
    let _ = writeln!(out, "pub(super) const KEYS_CHECK: u32 = {};", key_hash(&bases.join("\n")));
    let _ = writeln!(out, "pub(super) const COUNT: usize = {n};");
    let _ = writeln!(out, "pub(super) static ENGLISH_TEXT: &str = {text:?};");
    let offsets: Vec<String> = at.iter().map(ToString::to_string).collect();
    let _ = writeln!(out, "pub(super) static ENGLISH_AT: [u16; {}] = [{}];", n + 1, offsets.join(","));
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

/// A plural message as one string, as src/i18n/mod.rs reads it:
/// `category US words RS category US words ...` (ASCII unit and record
/// separators, which no message contains).
fn encode_plural(forms: &[(String, String)]) -> String {
    forms.iter().map(|(c, w)| format!("{c}\u{1f}{w}")).collect::<Vec<_>>().join("\u{1e}")
}
