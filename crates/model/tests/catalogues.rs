//! The message catalogues (issue 17, items 1 and 6), read from the
//! workspace's locales/ as the app's build reads them:
//!
//! - every translation has every message of the English source, nothing
//!   left over, and the same placeholders (`Catalogue::problems_in`);
//! - every English message is used: its constant (`k::HOME_GREETING`, made
//!   by the app's build.rs) is named in src/, or a `login.*` key in the
//!   sign-in page's public/login.{html,js};
//! - each file holds only its own area's keys (`offer.json`: `offer.*`);
//! - the English is plain: the median message is at grade 5 or below
//!   (Flesch-Kincaid, the rule the offer editor shows managers); the ten
//!   hardest are printed.
//!
//! It reads the app's source (src/, public/) because the catalogues are the
//! app's: the model owns their format and its rules.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pathway_model::catalogue::{Catalogue, base_key};
use pathway_model::readability;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The catalogue files of one folder, by file name (not subfolders).
fn files(dir: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    // locales/en/staff/ has no files yet, and git keeps no empty folder.
    if !dir.exists() {
        return out;
    }
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            Catalogue::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            out.insert(name, serde_json::from_str(&text).unwrap());
        }
    }
    out
}

fn joined(files: &BTreeMap<String, BTreeMap<String, String>>) -> BTreeMap<String, String> {
    files.values().flat_map(|f| f.iter().map(|(k, v)| (k.clone(), v.clone()))).collect()
}

fn as_catalogue(messages: &BTreeMap<String, String>) -> Catalogue {
    Catalogue::from_json(&serde_json::to_string(messages).unwrap()).unwrap()
}

/// The young person's English: everything but the staff screens' words,
/// which stay English for now (issue 17 asks for her screens).
fn english() -> BTreeMap<String, BTreeMap<String, String>> {
    files(&root().join("locales/en"))
}

fn translations() -> Vec<String> {
    let mut langs: Vec<String> = std::fs::read_dir(root().join("locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|name| name != "en")
        .collect();
    langs.sort();
    langs
}

#[test]
fn there_are_two_translations_besides_english() {
    assert_eq!(translations(), ["ar", "sq"]);
}

#[test]
fn every_translation_has_every_message_with_the_same_placeholders() {
    let english = english();
    let source = as_catalogue(&joined(&english));
    assert!(source.len() > 100, "only {} English messages", source.len());
    let mut all = vec![];
    for lang in translations() {
        let theirs = files(&root().join("locales").join(&lang));
        let names: Vec<_> = theirs.keys().collect();
        assert_eq!(names, english.keys().collect::<Vec<_>>(), "{lang} has other files than en");
        for problem in source.problems_in(&as_catalogue(&joined(&theirs))) {
            all.push(format!("{lang}: {problem:?}"));
        }
    }
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}

#[test]
fn each_file_holds_only_its_own_areas_keys() {
    let mut english = english();
    english.append(&mut files(&root().join("locales/en/staff")));
    for (area, messages) in english {
        for key in messages.keys() {
            assert!(key.starts_with(&format!("{area}.")), "{key} is in {area}.json");
        }
    }
}

/// Every .rs file under `dir`, read.
fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
            out.push('\n');
        }
    }
}

/// Whether `word` stands on its own in `text` (not inside a longer name).
fn names(text: &str, word: &str) -> bool {
    let is_part = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word)
        .any(|(at, _)| !text[..at].ends_with(is_part) && !text[at + word.len()..].starts_with(is_part))
}

#[test]
fn every_english_message_is_used() {
    let mut code = String::new();
    sources(&root().join("src"), &mut code);
    let login =
        ["public/login.html", "public/login.js"].map(|f| std::fs::read_to_string(root().join(f)).unwrap()).join("\n");
    let mut english = joined(&english());
    english.append(&mut joined(&files(&root().join("locales/en/staff"))));
    let mut unused: Vec<String> = english
        .keys()
        .map(|key| base_key(key).to_string())
        .filter(|key| {
            if key.starts_with("login.") {
                !login.contains(&format!("\"{key}\""))
            } else {
                !names(&code, &key.to_uppercase().replace(['.', '-'], "_"))
            }
        })
        .collect();
    unused.dedup();
    assert!(unused.is_empty(), "{} messages nothing uses:\n{}", unused.len(), unused.join("\n"));
}

#[test]
fn the_median_english_message_reads_at_grade_5_or_below() {
    let english = joined(&english());
    let mut graded: Vec<(f32, &String, &String)> = english
        .iter()
        .filter_map(|(key, message)| {
            // Placeholders are names and numbers: read as one short word.
            let words = message.split("{{").map(|p| p.split_once("}}").map_or(p, |(_, rest)| rest)).collect::<Vec<_>>();
            readability::grade(&words.join("Jo")).map(|g| (g, key, message))
        })
        .collect();
    graded.sort_by(|a, b| b.0.total_cmp(&a.0));
    // A single long word ("Medicines") grades as a hard sentence; the list
    // to rewrite from is of sentences: six words or more.
    println!("the ten hardest English messages of six words or more (Flesch-Kincaid grade):");
    for (grade, key, message) in graded.iter().filter(|(_, _, m)| m.split_whitespace().count() >= 6).take(10) {
        println!("  {grade:>5.1}  {key}: {message}");
    }
    let median = graded[graded.len() / 2].0;
    println!("median grade {median:.1} over {} messages", graded.len());
    assert!(median <= 5.0, "the median English message is at grade {median:.1}, above 5");
}
