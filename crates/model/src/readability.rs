//! How hard a piece of English is to read, as a school grade (US grades:
//! grade 5 is about age 10, grade 8 about age 13).
//!
//! One rule for everyone who asks: the offer editor shows it while a
//! manager types a summary, and the reading-age test measures the UI and
//! the sample offer with it. The rule is Flesch-Kincaid's grade level:
//!
//!   0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
//!
//! Syllables are counted by rule, not from a dictionary (a dictionary would
//! cost the app far more than it is worth for a hint): each run of vowels is
//! one, a silent "e" at the end of a word is not, "-le" after a consonant
//! is, and every word has at least one. Numbers, amounts and web addresses
//! count as one short word each. The count is off by one now and then for
//! odd words; over a sentence the grade moves by a fraction.

/// Flesch-Kincaid's grade level for `text`, rounded to one decimal place,
/// or None when `text` has no words. Very short, plain text can come out
/// below zero: it is kept, so two easy texts can still be compared.
pub fn grade(text: &str) -> Option<f32> {
    let counts = count(text);
    if counts.words == 0 {
        return None;
    }
    let words = counts.words as f32;
    let sentences = counts.sentences.max(1) as f32;
    let syllables = counts.syllables as f32;
    let grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
    Some((grade * 10.0).round() / 10.0)
}

/// What `grade` is worked out from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub words: u32,
    pub sentences: u32,
    pub syllables: u32,
}

/// Words, sentences and syllables in `text`.
pub fn count(text: &str) -> Counts {
    let mut counts = Counts::default();
    let mut open_sentence = false;
    for token in text.split_whitespace() {
        let word: String = token.chars().filter(|c| c.is_alphabetic()).collect();
        if word.is_empty() && !token.chars().any(|c| c.is_ascii_digit()) {
            // A dash or a bullet on its own is not a word.
            continue;
        }
        counts.words += 1;
        counts.syllables += if word.is_empty() || token.contains("://") { 1 } else { syllables(&word) };
        open_sentence = true;
        if ends_sentence(token) {
            counts.sentences += 1;
            open_sentence = false;
        }
    }
    if open_sentence {
        counts.sentences += 1;
    }
    counts
}

/// "Call us.", "Why?", "Now!" and "it:" with a list after it end a sentence;
/// "£2.50" and "e.g." inside one do not end it at the dot.
fn ends_sentence(token: &str) -> bool {
    let trimmed = token.trim_end_matches(['"', '\'', ')', '”', '’']);
    match trimmed.chars().last() {
        Some('!' | '?' | ':' | ';') => true,
        Some('.') => {
            // "e.g." and "i.e.": a dot inside the word as well.
            let inner = &trimmed[..trimmed.len() - 1];
            !inner.contains('.')
        }
        _ => false,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Syllables in one word of letters, by the rule in the module's comment.
pub fn syllables(word: &str) -> u32 {
    let letters: Vec<char> = crate::fold::lower(word).chars().collect();
    let mut count = 0u32;
    let mut last_was_vowel = false;
    for (i, &c) in letters.iter().enumerate() {
        // "y" at the start of a word is a consonant ("you", "young").
        let vowel = is_vowel(c) && !(c == 'y' && i == 0);
        if vowel && !last_was_vowel {
            count += 1;
        }
        last_was_vowel = vowel;
    }
    let n = letters.len();
    if n >= 3 && letters[n - 1] == 'e' && !is_vowel(letters[n - 2]) && count > 1 {
        // A silent final "e" ("home", "care"), but "-le" after a consonant
        // is a syllable of its own ("bundle", "table").
        let le_syllable = letters[n - 2] == 'l' && !is_vowel(letters[n - 3]);
        if !le_syllable {
            count -= 1;
        }
    }
    if n >= 3 && letters[n - 1] == 'd' && letters[n - 2] == 'e' && !matches!(letters[n - 3], 't' | 'd') && count > 1 {
        // "-ed" is silent after most letters ("moved", "asked"), not after t or d ("started").
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_have_the_syllables_a_reader_hears() {
        for (word, expected) in [
            ("home", 1),
            ("care", 1),
            ("you", 1),
            ("young", 1),
            ("money", 2),
            ("table", 2),
            ("bundle", 2),
            ("moved", 1),
            ("started", 2),
            ("advisor", 3),
            ("university", 5),
            ("accommodation", 5),
            ("the", 1),
            ("a", 1),
            ("Council", 2),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn plain_words_score_low_and_officialese_scores_high() {
        let plain = grade("We can help you pay for a laptop. Ask your PA.").unwrap();
        let hard = grade(
            "Eligible care-experienced individuals may apply for discretionary financial assistance \
             towards the procurement of educational technology, subject to satisfactory verification.",
        )
        .unwrap();
        assert!(plain < 3.0, "plain text scored {plain}");
        assert!(hard > 16.0, "officialese scored {hard}");
    }

    #[test]
    fn sentences_end_at_full_stops_questions_and_colons_but_not_in_money() {
        let c = count("It pays £2.50 a week. Who can get it? You can: ask us");
        assert_eq!(c.sentences, 4);
        assert_eq!(c.words, 13);
        assert_eq!(count("Take ID, e.g. a passport.").sentences, 1);
    }

    #[test]
    fn no_words_has_no_grade() {
        assert_eq!(grade(""), None);
        assert_eq!(grade("  - • "), None);
        // A number alone is one word, one syllable.
        assert!(grade("2026").is_some());
    }

    #[test]
    fn a_worked_example_gives_the_formula_s_grade() {
        // Counted by hand: 21 words, 2 sentences, 22 syllables ("today" has
        // two). 0.39 × 10.5 + 11.8 × 22 ÷ 21 − 15.59 = 0.87.
        let text = "The cat sat on the mat by the door. The dog ran to the park to play with a ball today.";
        assert_eq!(count(text), Counts { words: 21, sentences: 2, syllables: 22 });
        assert_eq!(grade(text), Some(0.9));
    }
}
