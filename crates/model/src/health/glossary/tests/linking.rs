//! How text is split into linked terms, and how the glossary is searched.

use super::*;

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
