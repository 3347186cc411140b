use super::*;
use proptest::prelude::*;

// The tests read the glossary itself.
fn find(key: &str) -> Option<&'static Term> {
    super::find(*TERMS, key)
}
fn link_terms(text: &str) -> Vec<Segment<'_>> {
    super::link_terms(*TERMS, text)
}
fn terms_in(text: &str) -> Vec<&'static Term> {
    super::terms_in(*TERMS, text)
}
fn search(query: &str) -> Vec<&'static Term> {
    super::search(*TERMS, query)
}

/// The file reads, every term of it.
#[test]
fn the_glossary_file_reads() {
    let rows = GLOSSARY_JSON.lines().filter(|l| l.starts_with('[') && l.len() > 1).count();
    assert!(rows >= 90, "{rows} terms in the file");
    assert_eq!(TERMS.len(), rows);
}

fn term(key: &str) -> &'static Term {
    find(key).unwrap_or_else(|| panic!("no term {key:?}"))
}

fn keys(terms: &[&'static Term]) -> Vec<&'static str> {
    terms.iter().map(|term| term.key).collect()
}

/// The segments as (text, key of the term or "").
fn shown(text: &str) -> Vec<(&str, &'static str)> {
    link_terms(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => (text, ""),
            Segment::Term { text, term } => (text, term.key),
        })
        .collect()
}

fn joined(segments: &[Segment<'_>]) -> String {
    segments
        .iter()
        .map(|segment| match segment {
            Segment::Text(text) | Segment::Term { text, .. } => *text,
        })
        .collect()
}

/// What every split must keep: the text itself, no empty segments, no
/// two plain segments in a row, and only whole-word terms.
fn check_split(text: &str) {
    let segments = link_terms(text);
    assert_eq!(joined(&segments), text);
    let mut at = 0;
    for (i, segment) in segments.iter().enumerate() {
        match segment {
            Segment::Text(plain) => {
                assert!(!plain.is_empty(), "empty segment in {text:?}");
                assert!(
                    !matches!(segments.get(i + 1), Some(Segment::Text(_))),
                    "two plain segments in a row in {text:?}"
                );
                at += plain.len();
            }
            Segment::Term { text: found, term } => {
                assert!(!found.is_empty());
                assert!(
                    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()),
                    "{found:?} starts inside a word in {text:?}"
                );
                at += found.len();
                assert!(ends_word(text, at), "{found:?} ends inside a word in {text:?}");
                assert!(patterns(term).any(|pattern| match_len(found.as_bytes(), pattern) == Some(found.len())));
            }
        }
    }
}

// What the glossary file holds, then how text is split into terms and searched.
mod content;
mod linking;
