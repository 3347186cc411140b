//! Message catalogues (issue 17): the words of the UI as data, one flat
//! JSON object per language, English the source.
//!
//! The shape is i18next's JSON v4, a format translators' tools already read:
//! keys are dotted names (`home.greeting`), a value is the message, and
//! `{{name}}` marks a placeholder. A message that changes with a number has
//! one key per CLDR plural category (`offer.count_one`, `offer.count_other`;
//! Arabic also `_zero`, `_two`, `_few`, `_many`); the category comes from the
//! browser's `Intl.PluralRules`, so no plural tables are compiled in.
//!
//! Fluent was the first choice and was measured (session 9): its crate alone
//! is 58.6 KB brotli in the wasm, more than the budget had room for. This
//! file is the whole of the lookup: a map, a placeholder scan and a check.
//!
//! The app compiles the English catalogue in (build.rs turns each key into
//! a constant) and loads another language's catalogue as data, placing each
//! message by its key's position and checking the whole file's keys with
//! one `key_hash`, so the wasm carries no key names.

use std::collections::{BTreeMap, BTreeSet};

mod language;
pub use language::Language;

/// The CLDR plural categories, as `Intl.PluralRules.select` names them.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogueError {
    #[error("the catalogue is not a JSON object of text: {0}")]
    NotFlatText(String),
    #[error("{key}: a placeholder is not closed with }}}}")]
    UnclosedPlaceholder { key: String },
    #[error("{key}: a placeholder has no name")]
    EmptyPlaceholder { key: String },
}

/// One language's messages, keyed by their dotted names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue {
    messages: BTreeMap<String, String>,
}

/// What a translation gets wrong against the English source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The source has it, the translation does not: the screen would fall
    /// back to English.
    Missing { key: String },
    /// The translation has a message the source does not: left over from a
    /// removed or renamed one.
    NotInSource { key: String },
    /// The same message names different placeholders: one would show as
    /// `{{name}}` or lose its value.
    PlaceholdersDiffer { key: String, source: BTreeSet<String>, translation: BTreeSet<String> },
}

impl Catalogue {
    /// Reads a catalogue, refusing anything but a flat object of strings and
    /// any message whose placeholders are not well formed.
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let messages: BTreeMap<String, String> =
            serde_json::from_str(text).map_err(|e| CatalogueError::NotFlatText(e.to_string()))?;
        for (key, message) in &messages {
            pieces(key, message)?;
        }
        Ok(Catalogue { messages })
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The message for `key` with each `{{name}}` replaced by its value in
    /// `args`; None when the catalogue has no such key (the caller falls
    /// back to English). A placeholder with no value is left as written, so
    /// a mistake shows on screen instead of silently dropping words.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> Option<String> {
        self.messages.get(key).map(|message| fill(message, args))
    }

    /// The message for `key` counted by `category` (what the browser's
    /// `Intl.PluralRules` says for the number): `key_<category>`, else
    /// `key_other`, as i18next does.
    pub fn format_plural(&self, key: &str, category: &str, args: &[(&str, &str)]) -> Option<String> {
        self.format(&format!("{key}_{category}"), args).or_else(|| self.format(&format!("{key}_other"), args))
    }

    /// Everything `translation` gets wrong against this catalogue as the
    /// source. Plural forms are compared by their base key: Arabic needs six
    /// forms where English has two, so forms are neither missing nor extra
    /// while the base key is on both sides, and every form of one message
    /// must name the same placeholders as the source's forms.
    pub fn problems_in(&self, translation: &Catalogue) -> Vec<Problem> {
        let source = grouped(self);
        let target = grouped(translation);
        let mut problems = vec![];
        for (key, names) in &source {
            match target.get(key) {
                None => problems.push(Problem::Missing { key: key.clone() }),
                Some(theirs) if theirs != names => problems.push(Problem::PlaceholdersDiffer {
                    key: key.clone(),
                    source: names.clone(),
                    translation: theirs.clone(),
                }),
                Some(_) => {}
            }
        }
        for key in target.keys().filter(|k| !source.contains_key(*k)) {
            problems.push(Problem::NotInSource { key: key.clone() });
        }
        problems
    }
}

/// `message` with each `{{name}}` replaced by its value in `args`. A
/// placeholder with no value, or a message that is not well formed, is left
/// as written, so a mistake shows on screen instead of silently dropping
/// words (the catalogue tests keep both from reaching a build).
pub fn fill(message: &str, args: &[(&str, &str)]) -> String {
    let Ok(pieces) = pieces("", message) else { return message.to_string() };
    let mut out = String::with_capacity(message.len());
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder { name, written } => {
                out.push_str(args.iter().find(|(n, _)| *n == name).map_or(written, |(_, value)| value))
            }
        }
    }
    out
}

/// The 32-bit FNV-1a hash of a text: the app's build hashes all its English
/// keys, in order, into one number, and a loaded catalogue whose keys hash
/// differently is not used (it was made for another build), without the
/// wasm carrying the key names.
pub fn key_hash(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// A key without its plural ending (`offer.count_one` -> `offer.count`).
pub fn base_key(key: &str) -> &str {
    PLURAL_CATEGORIES.iter().find_map(|c| key.strip_suffix(c).and_then(|k| k.strip_suffix('_'))).unwrap_or(key)
}

/// Each base key with the placeholders its forms name between them.
fn grouped(catalogue: &Catalogue) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (key, message) in &catalogue.messages {
        // from_json checked them: a catalogue holds only well-formed messages.
        let names = placeholders_of(key, message).unwrap_or_default();
        out.entry(base_key(key).to_string()).or_default().extend(names);
    }
    out
}

/// The placeholder names in `message`, or why they are not well formed.
fn placeholders_of(key: &str, message: &str) -> Result<BTreeSet<String>, CatalogueError> {
    Ok(pieces(key, message)?
        .into_iter()
        .filter_map(|p| match p {
            Piece::Placeholder { name, .. } => Some(name.to_string()),
            Piece::Text(_) => None,
        })
        .collect())
}

/// A message cut into its words and its placeholders.
enum Piece<'a> {
    Text(&'a str),
    /// `name` trimmed; `written` as it stands, braces and all.
    Placeholder {
        name: &'a str,
        written: &'a str,
    },
}

/// The one reading of `{{name}}`, for both checking and formatting.
fn pieces<'a>(key: &str, message: &'a str) -> Result<Vec<Piece<'a>>, CatalogueError> {
    let mut out = vec![];
    let mut rest = message;
    while let Some(start) = rest.find("{{") {
        out.push(Piece::Text(&rest[..start]));
        let len =
            rest[start + 2..].find("}}").ok_or_else(|| CatalogueError::UnclosedPlaceholder { key: key.to_string() })?;
        let written = &rest[start..start + 2 + len + 2];
        let name = written[2..written.len() - 2].trim();
        if name.is_empty() {
            return Err(CatalogueError::EmptyPlaceholder { key: key.to_string() });
        }
        out.push(Piece::Placeholder { name, written });
        rest = &rest[start + written.len()..];
    }
    out.push(Piece::Text(rest));
    Ok(out)
}

#[cfg(test)]
mod tests;
