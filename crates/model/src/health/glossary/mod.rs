//! Plain-English meanings of words found in health records, kept on the phone
//! so they work offline.
//!
//! The glossary itself is `crates/model/data/glossary.json`, one term a
//! line, `[key, name, [other ways it is written], meaning]`, sorted by name
//! (the tests check). [`link_terms`] splits the text of a health entry so the
//! app can mark the words it can explain, [`terms_in`] lists those words, and
//! [`search`] backs the glossary's search box. Each takes the terms to use:
//! the app does not compile the file in (about 13 KB brotli a phone would
//! download before Home); Trunk copies it into the build and the app reads it
//! when a health page first needs it (the service worker keeps it for
//! offline use). [`TERMS`] is the same file read here, for the tests.
//!
//! Every meaning is written for a 12-year-old reader: one or two short
//! sentences in everyday words, with any harder word explained where it is
//! used. The tests hold each meaning to that (length, number of sentences,
//! words per sentence).
//!
//! Matching is by whole words, ignoring ASCII case, and the longest name or
//! alias wins. A space in a name matches any run of whitespace, so a phrase
//! broken over two lines is still found.

/// One word or phrase and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// Stable id, lowercase with hyphens: "mmr", "td-ipv", "epipen".
    pub key: &'static str,
    /// How it is shown: "MMR", "Td/IPV", "EpiPen".
    pub name: &'static str,
    /// Other ways it is written in records, matched like `name` (may be empty).
    pub also: &'static [&'static str],
    /// One or two short sentences.
    pub meaning: &'static str,
}

/// The glossary file, as written.
pub const GLOSSARY_JSON: &str = include_str!("../../../data/glossary.json");

/// The glossary, sorted alphabetically by name, ignoring case, read from
/// [`GLOSSARY_JSON`] once. Not used by the app, so not compiled into it.
pub static TERMS: std::sync::LazyLock<&'static [Term]> = std::sync::LazyLock::new(|| {
    let read: Vec<TermText> = serde_json::from_str(GLOSSARY_JSON).unwrap_or_default();
    Box::leak(read.into_iter().map(TermText::leak).collect::<Vec<_>>().into_boxed_slice())
});

/// A term as written in the glossary file: owned text, read at run time. An array `[key, name, [also…], meaning]` rather than an object:
/// 300 terms' field names cost a phone about 0.5 KB brotli for nothing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermText(pub String, pub String, pub Vec<String>, pub String);

impl TermText {
    pub fn of(term: &Term) -> TermText {
        TermText(
            term.key.into(),
            term.name.into(),
            term.also.iter().map(|a| a.to_string()).collect(),
            term.meaning.into(),
        )
    }

    /// A `Term` that lives as long as the program: the app reads the
    /// glossary once and keeps it until the page closes, so leaking it is
    /// what keeping it means.
    pub fn leak(self) -> Term {
        let text = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let TermText(key, name, also, meaning) = self;
        let also: Vec<&'static str> = also.into_iter().map(text).collect();
        Term { key: text(key), name: text(name), also: Box::leak(also.into_boxed_slice()), meaning: text(meaning) }
    }
}

/// The term with this key.
pub fn find(terms: &'static [Term], key: &str) -> Option<&'static Term> {
    terms.iter().find(|term| term.key == key)
}

/// A run of text split for display: plain text, or a term found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text with no term in it, exactly as written.
    Text(&'a str),
    /// A term's name or alias, exactly as written in the text (its casing
    /// kept), and the term it stands for.
    Term { text: &'a str, term: &'static Term },
}

/// Splits `text` into segments, linking every name or alias of a term found in
/// it. Matches are whole words (the characters either side are not letters or
/// digits), ignore ASCII case, and where two overlap the longer one wins:
/// "review health assessment" is one term, not "health assessment" after a
/// plain "review". The segments joined back together give `text` exactly; an
/// empty `text` gives no segments.
pub fn link_terms<'a>(terms: &'static [Term], text: &'a str) -> Vec<Segment<'a>> {
    let mut segments = Vec::new();
    // Where the plain text not yet pushed starts.
    let mut plain_from = 0;
    let mut at = 0;
    // Whether the character before `at` is a letter or digit, so no term may
    // start at `at`.
    let mut in_word = false;
    while let Some(c) = text[at..].chars().next() {
        // Every name and alias starts with an ASCII letter or digit (a test
        // checks), so other characters need no look-up.
        if !in_word
            && c.is_ascii_alphanumeric()
            && let Some((len, term)) = longest_at(terms, text, at)
        {
            if plain_from < at {
                segments.push(Segment::Text(&text[plain_from..at]));
            }
            segments.push(Segment::Term { text: &text[at..at + len], term });
            at += len;
            plain_from = at;
            in_word = true;
            continue;
        }
        in_word = c.is_alphanumeric();
        at += c.len_utf8();
    }
    if plain_from < text.len() {
        segments.push(Segment::Text(&text[plain_from..]));
    }
    segments
}

/// The distinct terms found in `text`, in order of first appearance.
pub fn terms_in(terms: &'static [Term], text: &str) -> Vec<&'static Term> {
    let mut found: Vec<&'static Term> = Vec::new();
    for segment in link_terms(terms, text) {
        if let Segment::Term { term, .. } = segment
            && !found.iter().any(|seen| seen.key == term.key)
        {
            found.push(term);
        }
    }
    found
}

/// Terms whose name, aliases or meaning contain all the words of `query`
/// (case-insensitive, word starts), for a glossary search box; empty query
/// gives all.
///
/// The words of `query` are its runs of letters and digits, and each must begin
/// a word somewhere in the term, so "adren" finds "EpiPen" through "adrenaline
/// auto-injector". Terms found by their name or aliases come first, and among
/// those, the ones whose name or an alias begins with the first word lead; then
/// come terms found only through their meaning. Each group keeps glossary
/// order.
pub fn search(terms: &'static [Term], query: &str) -> Vec<&'static Term> {
    let words: Vec<&str> = query.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).collect();
    let mut found: Vec<(u8, &'static Term)> = terms
        .iter()
        .filter_map(|term| {
            let in_names = |word: &str| patterns(term).any(|pattern| has_word_starting(pattern, word));
            if !words.iter().all(|word| in_names(word) || has_word_starting(term.meaning, word)) {
                return None;
            }
            let rank = if !words.iter().all(|word| in_names(word)) {
                2
            } else if words.first().is_none_or(|first| patterns(term).any(|pattern| starts_with(pattern, first))) {
                0
            } else {
                1
            };
            Some((rank, term))
        })
        .collect();
    // A stable sort, so each rank keeps glossary order.
    crate::order::sort_by_key(&mut found, |&(rank, _)| rank);
    found.into_iter().map(|(_, term)| term).collect()
}

/// A term's name, then its aliases.
fn patterns(term: &'static Term) -> impl Iterator<Item = &'static str> {
    std::iter::once(term.name).chain(term.also.iter().copied())
}

/// The longest name or alias of any term that starts at `text[at..]` and ends
/// a word, with its length in bytes. The caller checks that `at` starts a
/// word.
fn longest_at(terms: &'static [Term], text: &str, at: usize) -> Option<(usize, &'static Term)> {
    let rest = &text.as_bytes()[at..];
    let mut best: Option<(usize, &'static Term)> = None;
    for term in terms {
        for pattern in patterns(term) {
            if let Some(len) = match_len(rest, pattern)
                && best.is_none_or(|(best_len, _)| len > best_len)
                && ends_word(text, at + len)
            {
                best = Some((len, term));
            }
        }
    }
    best
}

/// How many bytes at the start of `text` match `pattern`, if they do: letters
/// in either ASCII case, a space as one or more ASCII whitespace characters,
/// anything else exactly. Patterns are ASCII (a test checks), so a match never
/// takes part of a multi-byte character and always ends on a character
/// boundary.
fn match_len(text: &[u8], pattern: &str) -> Option<usize> {
    let mut at = 0;
    for &want in pattern.as_bytes() {
        if want == b' ' {
            let spaces = text.get(at..)?.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if spaces == 0 {
                return None;
            }
            at += spaces;
        } else if text.get(at).is_some_and(|got| got.eq_ignore_ascii_case(&want)) {
            at += 1;
        } else {
            return None;
        }
    }
    Some(at)
}

/// Whether a word ends at `text[..end]`: nothing follows, or what follows is
/// not a letter or digit (in any script, so "GPé" is one word).
fn ends_word(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `word` begins a word somewhere in `hay`, ignoring ASCII case.
fn has_word_starting(hay: &str, word: &str) -> bool {
    let mut in_word = false;
    for (at, c) in hay.char_indices() {
        if !in_word && starts_with(&hay[at..], word) {
            return true;
        }
        in_word = c.is_alphanumeric();
    }
    false
}

/// Whether `hay` starts with `prefix`, ignoring ASCII case.
fn starts_with(hay: &str, prefix: &str) -> bool {
    hay.as_bytes().get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests;
