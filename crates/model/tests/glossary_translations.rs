//! The glossary in other languages (`data/glossary.<stem>.json`, one per
//! language the app is translated into): each is `{ "<key>": { "term": …,
//! "meaning": … } }`, and the app shows its term beside the English one and
//! its meaning instead of the English meaning. Every term of `glossary.json`
//! has both, not empty, and no key is one the glossary lacks (a renamed or
//! removed term left behind).

use std::collections::BTreeMap;
use std::path::PathBuf;

use pathway_model::catalogue::Language;
use pathway_model::health::glossary::TERMS;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Own {
    term: String,
    meaning: String,
}

fn read(language: Language) -> BTreeMap<String, Own> {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join(format!("glossary.{}.json", language.file_stem()));
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", p.display()))
}

#[test]
fn every_term_has_a_name_and_meaning_in_each_language_and_no_key_is_unknown() {
    assert!(TERMS.len() > 100, "the glossary is read");
    let mut problems = Vec::new();
    for language in Language::ALL.into_iter().filter(|l| *l != Language::English) {
        let own = read(language);
        let stem = language.file_stem();
        let mut missing = 0;
        for term in TERMS.iter() {
            match own.get(term.key) {
                None => missing += 1,
                Some(o) => {
                    if o.term.trim().is_empty() {
                        problems.push(format!("glossary.{stem}.json: {}: no term", term.key));
                    }
                    if o.meaning.trim().is_empty() {
                        problems.push(format!("glossary.{stem}.json: {}: no meaning", term.key));
                    }
                }
            }
        }
        if missing > 0 {
            problems.push(format!("glossary.{stem}.json: {missing} of {} terms missing", TERMS.len()));
        }
        for key in own.keys().filter(|k| !TERMS.iter().any(|t| t.key == k.as_str())) {
            problems.push(format!("glossary.{stem}.json: {key}: not a term of glossary.json"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
