//! Turns the English catalogue (locales/en/*.json) into Rust: a constant per
//! message, so a mistyped key fails to compile, and the table of English
//! messages the app starts with (src/i18n). Another language is data the app
//! loads at start; its messages find their place by `key_hash`, so the wasm
//! carries no key names.
//!
//! Which files: every locales/en/*.json but login.json (the sign-in page is
//! plain HTML and script, public/login.*); locales/en/staff/*.json only in
//! the staff build, so a young person's wasm carries none of the staff
//! screens' words.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pathway_model::catalogue::{Catalogue, PLURAL_CATEGORIES, base_key, key_hash};

enum Message {
    Text(String),
    /// (category, message) in PLURAL_CATEGORIES order.
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
    let mut messages: BTreeMap<String, Message> = BTreeMap::new();
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        Catalogue::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let flat: BTreeMap<String, String> = serde_json::from_str(&text).expect("checked by Catalogue::from_json");
        for (key, message) in flat {
            let base = base_key(&key).to_string();
            let entry = messages.entry(base.clone());
            match (key == base, entry) {
                (true, std::collections::btree_map::Entry::Vacant(v)) => {
                    v.insert(Message::Text(message));
                }
                (false, e) => {
                    let category = key[base.len() + 1..].to_string();
                    match e.or_insert_with(|| Message::Plural(vec![])) {
                        Message::Plural(forms) => forms.push((category, message)),
                        Message::Text(_) => panic!("{key}: {base} is both a message and a plural"),
                    }
                }
                (true, _) => panic!("{key} is in two files, or is both a message and a plural"),
            }
        }
    }

    // Sorted by hash, so the app finds a loaded message's place by binary
    // search.
    let mut table: Vec<(u32, String, Message)> = messages.into_iter().map(|(k, m)| (key_hash(&k), k, m)).collect();
    table.sort_by_key(|(hash, ..)| *hash);
    let mut names = BTreeMap::new();
    for pair in table.windows(2) {
        assert!(pair[0].0 != pair[1].0, "{} and {} have one hash: rename one", pair[0].1, pair[1].1);
    }

    let mut out = String::new();
    let mut english = String::new();
    let mut hashes = String::new();
    for (index, (hash, key, message)) in table.iter().enumerate() {
        let name = key.to_uppercase().replace(['.', '-'], "_");
        if let Some(other) = names.insert(name.clone(), key.clone()) {
            panic!("{key} and {other} make one constant name {name}: rename one");
        }
        let _ = write!(hashes, "{hash},");
        match message {
            Message::Text(text) => {
                let _ = writeln!(out, "/// {}\npub const {name}: Text = Text({index});", text.replace('\n', " "));
                let _ = writeln!(english, "Entry::Text({text:?}),");
            }
            Message::Plural(forms) => {
                assert!(forms.iter().any(|(c, _)| c == "other"), "{key} has no _other form");
                let mut forms: Vec<_> = forms.iter().collect();
                forms.sort_by_key(|(c, _)| PLURAL_CATEGORIES.iter().position(|p| p == c));
                let first = &forms.last().expect("an _other form").1;
                let _ = writeln!(out, "/// {}\npub const {name}: Plural = Plural({index});", first.replace('\n', " "));
                let list: Vec<String> = forms.iter().map(|(c, m)| format!("({c:?}, {m:?})")).collect();
                let _ = writeln!(english, "Entry::Plural(&[{}]),", list.join(", "));
            }
        }
    }
    let n = table.len();
    let _ = writeln!(out, "pub(super) static HASHES: [u32; {n}] = [{hashes}];");
    let _ = writeln!(out, "pub(super) static ENGLISH: [Entry<'static>; {n}] = [\n{english}];");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
