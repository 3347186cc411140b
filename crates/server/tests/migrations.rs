//! The SQLite and PostgreSQL migrations are written twice, once per
//! dialect. This keeps the pair from drifting: the same files, and in each
//! the same statements (tables, columns, indexes, seed rows) in the same
//! order, once comments, spacing, case and the known dialect differences
//! are taken out. No database needed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Known dialect differences: each side's words for the same thing, read
/// as one neutral word before comparing. Longer phrases first.
const SQLITE: &[(&str, &str)] = &[
    ("integer primary key autoincrement", "<serial key>"),
    ("integer primary key", "<serial key>"),
    ("blob", "<bytes>"),
    ("real", "<float>"),
];
const POSTGRES: &[(&str, &str)] =
    &[("bigserial primary key", "<serial key>"), ("bytea", "<bytes>"), ("double precision", "<float>")];

fn dir(dialect: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(dialect)
}

fn files(dialect: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir(dialect))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect()
}

/// Words and punctuation, lower-case outside quotes, without comments.
fn tokens(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '-' if chars.peek() == Some(&'-') => while chars.next().is_some_and(|c| c != '\n') {},
            '\'' => {
                let mut s = String::from('\'');
                for c in chars.by_ref() {
                    s.push(c);
                    if c == '\'' {
                        break;
                    }
                }
                out.push(s);
            }
            c if c.is_alphanumeric() || c == '_' => {
                let mut w = c.to_lowercase().to_string();
                while let Some(&n) = chars.peek().filter(|n| n.is_alphanumeric() || **n == '_') {
                    w.extend(n.to_lowercase());
                    chars.next();
                }
                out.push(w);
            }
            c if c.is_whitespace() => {}
            c => out.push(c.to_string()),
        }
    }
    out
}

/// The statements of a file, each as one normalised line.
fn statements(sql: &str, dialect: &[(&str, &str)]) -> Vec<String> {
    let mut toks = tokens(sql);
    for (phrase, neutral) in dialect {
        let words: Vec<&str> = phrase.split(' ').collect();
        let mut i = 0;
        while i + words.len() <= toks.len() {
            if toks[i..i + words.len()].iter().zip(&words).all(|(a, b)| a == b) {
                toks.splice(i..i + words.len(), [neutral.to_string()]);
            }
            i += 1;
        }
    }
    toks.split(|t| t == ";").filter(|s| !s.is_empty()).map(|s| s.join(" ")).collect()
}

#[test]
fn both_dialects_have_the_same_migration_files() {
    assert_eq!(files("sqlite"), files("postgres"), "add or rename each migration in both folders");
}

#[test]
fn each_migration_says_the_same_in_both_dialects() {
    for name in files("sqlite").intersection(&files("postgres")) {
        let read = |d: &str| std::fs::read_to_string(dir(d).join(name)).unwrap();
        let (sqlite, postgres) = (statements(&read("sqlite"), SQLITE), statements(&read("postgres"), POSTGRES));
        for (i, pair) in sqlite.iter().zip(&postgres).enumerate() {
            assert_eq!(pair.0, pair.1, "{name}, statement {}: sqlite vs postgres", i + 1);
        }
        assert_eq!(sqlite.len(), postgres.len(), "{name}: a statement is in one dialect only");
    }
}

#[test]
fn dialect_words_are_forgiven_but_a_renamed_column_is_not() {
    let sqlite = "-- note\nCREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB, n BIGINT);";
    let postgres = "CREATE TABLE t (\n  id BIGSERIAL PRIMARY KEY, -- other note\n  data BYTEA,\n  n BIGINT\n);";
    assert_eq!(statements(sqlite, SQLITE), statements(postgres, POSTGRES));
    let renamed = postgres.replace("data", "body");
    assert_ne!(statements(sqlite, SQLITE), statements(&renamed, POSTGRES));
    // A value in quotes keeps its case: 'On' and 'on' are different rows.
    assert_ne!(
        statements("INSERT INTO t VALUES ('On');", SQLITE),
        statements("INSERT INTO t VALUES ('on');", POSTGRES)
    );
}
