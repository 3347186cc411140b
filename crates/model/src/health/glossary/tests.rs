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

#[test]
fn there_are_at_least_90_terms() {
    assert!(TERMS.len() >= 90, "only {} terms", TERMS.len());
}

#[test]
fn every_word_the_issue_names_is_found_in_a_sentence() {
    let cases = [
        ("MMR", "mmr"),
        ("HPV", "hpv"),
        ("HPV vaccine", "hpv-vaccine"),
        ("BCG", "bcg"),
        ("Td/IPV", "td-ipv"),
        ("3-in-1 teenage booster", "td-ipv"),
        ("MenACWY", "menacwy"),
        ("DTaP/IPV", "dtap-ipv"),
        ("4-in-1 pre-school booster", "dtap-ipv"),
        ("6-in-1 vaccine", "6-in-1-vaccine"),
        ("flu vaccine", "flu-vaccine"),
        ("COVID-19 vaccine", "covid-19-vaccine"),
        ("chickenpox", "chickenpox"),
        ("hepatitis B", "hepatitis-b"),
        ("asthma", "asthma"),
        ("inhaler", "inhaler"),
        ("preventer inhaler", "preventer-inhaler"),
        ("reliever inhaler", "reliever-inhaler"),
        ("eczema", "eczema"),
        ("hay fever", "hay-fever"),
        ("anaphylaxis", "anaphylaxis"),
        ("allergy", "allergy"),
        ("EpiPen", "epipen"),
        ("adrenaline auto-injector", "epipen"),
        ("epilepsy", "epilepsy"),
        ("diabetes", "diabetes"),
        ("type 1 diabetes", "type-1-diabetes"),
        ("type 2 diabetes", "type-2-diabetes"),
        ("ADHD", "adhd"),
        ("autism", "autism"),
        ("autism assessment", "autism-assessment"),
        ("dyslexia", "dyslexia"),
        ("learning disability", "learning-disability"),
        ("CAMHS", "camhs"),
        ("adult mental health services", "adult-mental-health-services"),
        ("anxiety", "anxiety"),
        ("depression", "depression"),
        ("PTSD", "ptsd"),
        ("self-harm", "self-harm"),
        ("eating disorder", "eating-disorder"),
        ("SSRIs", "ssris"),
        ("antidepressant", "antidepressant"),
        ("antibiotic", "antibiotic"),
        ("foetal alcohol spectrum disorder", "fasd"),
        ("FASD", "fasd"),
        ("neonatal abstinence syndrome", "nas"),
        ("Red Book", "red-book"),
        ("personal child health record", "red-book"),
        ("initial health assessment", "initial-health-assessment"),
        ("review health assessment", "review-health-assessment"),
        ("health passport", "health-passport"),
        ("GP", "gp"),
        ("dentist", "dentist"),
        ("optician", "optician"),
        ("eye test", "eye-test"),
        ("hearing test", "hearing-test"),
        ("health visitor", "health-visitor"),
        ("school nurse", "school-nurse"),
        ("looked-after children nurse", "looked-after-children-nurse"),
        ("prescription", "prescription"),
        ("repeat prescription", "repeat-prescription"),
        ("free prescriptions", "free-prescriptions"),
        ("HC2 certificate", "hc2-certificate"),
        ("NHS Low Income Scheme", "nhs-low-income-scheme"),
        ("NHS number", "nhs-number"),
        ("BMI", "bmi"),
        ("blood pressure", "blood-pressure"),
        ("referral", "referral"),
        ("waiting list", "waiting-list"),
        ("consent", "consent"),
        ("Gillick competence", "gillick-competence"),
        ("confidentiality", "confidentiality"),
        ("sexual health clinic", "sexual-health-clinic"),
        ("contraception", "contraception"),
        ("STI", "sti"),
        ("pregnancy test", "pregnancy-test"),
        ("midwife", "midwife"),
        ("dental check-up", "dental-check-up"),
        ("filling", "filling"),
        ("orthodontist", "orthodontist"),
        ("glasses", "glasses"),
        ("contact lenses", "contact-lenses"),
        ("physiotherapy", "physiotherapy"),
        ("speech and language therapy", "speech-and-language-therapy"),
        ("occupational therapy", "occupational-therapy"),
        ("paediatrician", "paediatrician"),
        ("psychologist", "psychologist"),
        ("psychiatrist", "psychiatrist"),
        ("counselling", "counselling"),
        ("talking therapy", "talking-therapy"),
        ("substance misuse service", "substance-misuse-service"),
        ("alcohol units", "alcohol-units"),
        ("smoking cessation", "stop-smoking-service"),
        ("stop smoking service", "stop-smoking-service"),
        ("birth weight", "birth-weight"),
        ("gestation", "gestation"),
        ("premature", "premature"),
        ("Apgar score", "apgar-score"),
        ("developmental delay", "developmental-delay"),
        ("family history", "family-history"),
        ("hereditary", "genetic-condition"),
        ("genetic condition", "genetic-condition"),
        ("sickle cell", "sickle-cell-disease"),
        ("cystic fibrosis", "cystic-fibrosis"),
        ("allergy to penicillin", "penicillin-allergy"),
        ("side effect", "side-effect"),
        ("dose", "dose"),
        ("over-the-counter medicine", "over-the-counter-medicine"),
        ("A&E", "a-and-e"),
        ("NHS 111", "nhs-111"),
        ("urgent treatment centre", "urgent-treatment-centre"),
        ("walk-in centre", "walk-in-centre"),
        ("care plan", "care-plan"),
        ("discharge letter", "discharge-letter"),
        ("diagnosis", "diagnosis"),
        ("chronic", "chronic"),
        ("acute", "acute"),
        ("immunisation", "immunisation"),
        ("vaccine", "vaccine"),
        ("booster", "booster"),
    ];
    for (words, key) in cases {
        let sentence = format!("Seen today: {words} talked about with her carer.");
        assert_eq!(keys(&terms_in(&sentence)), [key], "in {sentence:?}");
    }
}

#[test]
fn keys_are_unique_and_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for term in TERMS.iter() {
        assert!(seen.insert(term.key), "{} twice", term.key);
        let well_formed = !term.key.is_empty()
            && term
                .key
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        assert!(well_formed, "bad key {:?}", term.key);
        assert_eq!(find(term.key), Some(term));
    }
    assert_eq!(find("no-such-term"), None);
    assert_eq!(find("MMR"), None, "keys are not names");
}

#[test]
fn no_name_or_alias_belongs_to_two_terms() {
    let mut owner = std::collections::HashMap::new();
    for term in TERMS.iter() {
        for pattern in patterns(term) {
            let folded = pattern.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
            if let Some(other) = owner.insert(folded, term.key) {
                panic!("{pattern:?} belongs to both {other} and {}", term.key);
            }
        }
    }
}

#[test]
fn names_and_aliases_can_be_matched_as_whole_words() {
    for term in TERMS.iter() {
        for pattern in patterns(term) {
            assert!(pattern.is_ascii(), "{pattern:?} is not ASCII");
            let bytes = pattern.as_bytes();
            assert!(
                bytes.first().is_some_and(u8::is_ascii_alphanumeric)
                    && bytes.last().is_some_and(u8::is_ascii_alphanumeric),
                "{pattern:?} must start and end with a letter or digit"
            );
            assert!(!pattern.contains("  ") && !pattern.contains(['\t', '\n']), "{pattern:?} has odd spacing");
        }
    }
}

#[test]
fn terms_are_sorted_by_name_ignoring_case() {
    for pair in TERMS.windows(2) {
        let (a, b) = (pair[0].name.to_ascii_lowercase(), pair[1].name.to_ascii_lowercase());
        assert!(a < b, "{:?} should come after {:?}", pair[0].name, pair[1].name);
    }
}

#[test]
fn every_name_and_alias_links_to_its_own_term() {
    for term in TERMS.iter() {
        for pattern in patterns(term) {
            assert_eq!(shown(pattern), [(pattern, term.key)]);
            let upper = pattern.to_ascii_uppercase();
            assert_eq!(shown(&upper), [(upper.as_str(), term.key)]);
            let sentence = format!("Letter (re: {pattern}), filed.");
            assert_eq!(
                shown(&sentence),
                [("Letter (re: ", ""), (pattern, term.key), ("), filed.", "")],
                "in {sentence:?}"
            );
        }
    }
}

/// A readability guard for the meanings: short, plain sentences.
#[test]
fn meanings_are_one_or_two_short_sentences() {
    for term in TERMS.iter() {
        let meaning = term.meaning;
        assert!(meaning.is_ascii(), "{}: keep to plain characters", term.key);
        assert!(meaning.chars().count() <= 220, "{}: meaning is {} characters", term.key, meaning.len());
        assert!(meaning.ends_with('.'), "{}: meaning must end with a full stop", term.key);
        assert!(!meaning.contains(['!', '?', '\n']) && !meaning.contains("  "), "{}: odd characters", term.key);
        let sentences: Vec<&str> = meaning.split(". ").collect();
        assert!(sentences.len() <= 2, "{}: {} sentences", term.key, sentences.len());
        for sentence in sentences {
            let words = sentence.split_whitespace().count();
            assert!(words <= 20, "{}: a sentence of {words} words: {sentence:?}", term.key);
            assert!(
                sentence.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()),
                "{}: sentence starts in lower case: {sentence:?}",
                term.key
            );
        }
    }
}

#[test]
fn only_whole_words_are_linked() {
    assert_eq!(shown("Uses GPS to find the surgery."), [("Uses GPS to find the surgery.", "")]);
    assert_eq!(shown("myGP app, GP2 and 2GP"), [("myGP app, GP2 and 2GP", "")]);
    assert_eq!(shown("asthmatics and asthma"), [("asthmatics and ", ""), ("asthma", "asthma")]);
    assert_eq!(shown("the GP's letter"), [("the ", ""), ("GP", "gp"), ("'s letter", "")]);
    assert_eq!(shown("GP-led clinic"), [("GP", "gp"), ("-led clinic", "")]);
    // Letters outside ASCII are still letters: no word boundary next to them.
    assert_eq!(shown("éGP and GPé"), [("éGP and GPé", "")]);
    assert_eq!(shown("(GP)"), [("(", ""), ("GP", "gp"), (")", "")]);
}

#[test]
fn the_longest_match_wins() {
    assert_eq!(
        shown("Review health assessment done."),
        [("Review health assessment", "review-health-assessment"), (" done.", "")]
    );
    assert_eq!(shown("A health assessment."), [("A ", ""), ("health assessment", "health-assessment"), (".", "")]);
    assert_eq!(shown("Type 2 diabetes"), [("Type 2 diabetes", "type-2-diabetes")]);
    assert_eq!(shown("MMRV, not MMR"), [("MMRV", "mmrv"), (", not ", ""), ("MMR", "mmr")]);
    assert_eq!(shown("allergic to penicillin"), [("allergic to penicillin", "penicillin-allergy")]);
    assert_eq!(shown("a flu jab"), [("a ", ""), ("flu jab", "flu-vaccine")]);
}

#[test]
fn every_occurrence_is_linked_with_its_casing_kept() {
    assert_eq!(
        shown("td/ipv given; TD/IPV due. Td/IPV!"),
        [("td/ipv", "td-ipv"), (" given; ", ""), ("TD/IPV", "td-ipv"), (" due. ", ""), ("Td/IPV", "td-ipv"), ("!", "")]
    );
    assert_eq!(term("td-ipv").name, "Td/IPV");
    assert_eq!(shown("Epipen"), [("Epipen", "epipen")]);
}

#[test]
fn a_phrase_broken_over_lines_is_found() {
    assert_eq!(shown("initial health\n  assessment"), [("initial health\n  assessment", "initial-health-assessment")]);
    // But a space is needed where the name has one.
    assert_eq!(shown("bloodpressure"), [("bloodpressure", "")]);
}

#[test]
fn segments_join_back_into_the_text() {
    let samples = [
        "",
        " ",
        "GP",
        "Seen by the GP at the café on Tuesday; paid £4.50 for the bus.",
        "Asthma review 🙂 – reliever inhaler (blue) and preventer inhaler (brown).",
        "Naïve question: is the MMR the same as MMRV? Zoë's Red Book says “BCG given”.",
        "日本語のテキスト with ADHD and 自閉症 autism assessment",
        "A&E → NHS 111 → walk-in centre… then urgent treatment centre.",
        "Ends with a term: CAMHS",
        "\u{301}GP combining accent first, then GP\u{301}",
        "EpiPen®, EpiPen™ and Td/IPV/extra",
        "self-harm; self harm; SELF-HARM",
    ];
    for text in samples {
        check_split(text);
    }
    assert!(link_terms("").is_empty());
    assert_eq!(shown("Seen by the GP at the café"), [("Seen by the ", ""), ("GP", "gp"), (" at the café", "")]);
    assert_eq!(shown("£GP"), [("£", ""), ("GP", "gp")]);
}

#[test]
fn terms_in_lists_each_term_once_in_order_of_first_appearance() {
    let text = "Asthma: blue inhaler. GP says asthma is better. Flu jab given by the GP.";
    assert_eq!(keys(&terms_in(text)), ["asthma", "reliever-inhaler", "gp", "flu-vaccine"]);
    assert!(terms_in("Nothing to see here.").is_empty());
    assert!(terms_in("").is_empty());
}

#[test]
fn search_finds_terms_by_name_alias_or_meaning() {
    assert!(keys(&search("adrenaline")).contains(&"epipen"));
    assert!(keys(&search("measles")).contains(&"mmr"));
    assert!(keys(&search("MEASLES")).contains(&"mmr"));
    // Word starts, not the middle of a word.
    assert!(keys(&search("adren")).contains(&"epipen"));
    assert!(!keys(&search("drenaline")).contains(&"epipen"));
    // Every word must match.
    assert_eq!(keys(&search("teenage booster")).first(), Some(&"td-ipv"));
    assert!(!keys(&search("teenage zebra")).contains(&"td-ipv"));
    // Names come before meanings.
    assert_eq!(keys(&search("asthma")).first(), Some(&"asthma"));
    assert_eq!(keys(&search("td/ipv")), ["td-ipv"]);
    assert!(search("zzzz").is_empty());
}

#[test]
fn an_empty_search_gives_every_term() {
    assert_eq!(search("").len(), TERMS.len());
    assert_eq!(search("  - ").len(), TERMS.len());
    assert_eq!(search("")[0], &TERMS[0]);
}

#[test]
fn search_copes_with_any_characters() {
    assert!(search("café £ 🙂").is_empty());
    assert!(search("é").is_empty());
}

/// Text made of term names and aliases mixed with other pieces, so splits
/// land next to and inside terms.
fn mixed_text() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = TERMS.iter().flat_map(patterns).collect();
    let piece =
        prop_oneof![proptest::sample::select(names).prop_map(str::to_string), "[ a-zA-Z0-9/&'.,-]{0,6}", "\\PC{0,4}",];
    proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn any_text_splits_cleanly(text in "\\PC{0,80}") {
        check_split(&text);
        let _ = search(&text);
    }

    #[test]
    fn text_full_of_terms_splits_cleanly(text in mixed_text()) {
        check_split(&text);
        let mut first_seen: Vec<&'static str> = Vec::new();
        for segment in link_terms(&text) {
            if let Segment::Term { term, .. } = segment && !first_seen.contains(&term.key) {
                first_seen.push(term.key);
            }
        }
        prop_assert_eq!(keys(&terms_in(&text)), first_seen);
    }
}
