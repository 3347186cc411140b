//! What the glossary file holds: enough terms, the words the issue names,
//! unique keys and names, sorted, with short plain meanings.

use super::*;

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
