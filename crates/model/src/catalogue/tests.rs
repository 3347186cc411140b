use super::*;

fn cat(json: &str) -> Catalogue {
    Catalogue::from_json(json).unwrap()
}

#[test]
fn a_message_gets_its_values_and_a_missing_one_shows_as_written() {
    let en = cat(r#"{"home.greeting": "Hi, {{name}}", "people.call": "Call {{ who }} on {{phone}}"}"#);
    assert_eq!(en.format("home.greeting", &[("name", "Jade")]).as_deref(), Some("Hi, Jade"));
    assert_eq!(
        en.format("people.call", &[("who", "Sam"), ("phone", "0151 496 0100")]).as_deref(),
        Some("Call Sam on 0151 496 0100")
    );
    assert_eq!(en.format("people.call", &[("who", "Sam")]).as_deref(), Some("Call Sam on {{phone}}"));
    assert_eq!(en.format("no.such.key", &[]), None);
}

#[test]
fn a_count_picks_its_plural_form_and_falls_back_to_other() {
    let ar =
        cat(r#"{"offer.count_zero": "لا شيء", "offer.count_two": "شيئان", "offer.count_other": "{{count}} أشياء"}"#);
    assert_eq!(ar.format_plural("offer.count", "two", &[]).as_deref(), Some("شيئان"));
    assert_eq!(ar.format_plural("offer.count", "few", &[("count", "3")]).as_deref(), Some("3 أشياء"));
    assert_eq!(ar.format_plural("missing", "one", &[]), None);
}

#[test]
fn only_a_flat_object_of_well_formed_messages_is_a_catalogue() {
    assert!(matches!(Catalogue::from_json(r#"{"a": {"b": "nested"}}"#), Err(CatalogueError::NotFlatText(_))));
    assert!(matches!(Catalogue::from_json(r#"["a list"]"#), Err(CatalogueError::NotFlatText(_))));
    assert_eq!(
        Catalogue::from_json(r#"{"a": "Hi {{name"}"#),
        Err(CatalogueError::UnclosedPlaceholder { key: "a".into() })
    );
    assert_eq!(Catalogue::from_json(r#"{"a": "Hi {{ }}"}"#), Err(CatalogueError::EmptyPlaceholder { key: "a".into() }));
    assert_eq!(cat("{}").len(), 0);
}

#[test]
fn plural_endings_come_off_and_other_words_keep_theirs() {
    assert_eq!(base_key("offer.count_one"), "offer.count");
    assert_eq!(base_key("offer.count_other"), "offer.count");
    assert_eq!(base_key("home.another"), "home.another");
    assert_eq!(base_key("health.none"), "health.none");
}

#[test]
fn a_translation_is_checked_for_missing_left_over_and_different_placeholders() {
    let en = cat(
        r#"{"home.greeting": "Hi, {{name}}", "offer.count_one": "{{count}} thing", "offer.count_other": "{{count}} things", "me.title": "Me"}"#,
    );
    // Arabic's six plural forms against English's two are fine.
    let ar = cat(
        r#"{"home.greeting": "مرحبا {{name}}", "offer.count_zero": "{{count}}", "offer.count_one": "{{count}}", "offer.count_two": "{{count}}", "offer.count_few": "{{count}}", "offer.count_many": "{{count}}", "offer.count_other": "{{count}}", "me.title": "أنا"}"#,
    );
    assert_eq!(en.problems_in(&ar), vec![]);

    let wrong =
        cat(r#"{"home.greeting": "Përshëndetje {{emri}}", "offer.count_other": "{{count}} gjëra", "old.key": "x"}"#);
    assert_eq!(
        en.problems_in(&wrong),
        vec![
            Problem::PlaceholdersDiffer {
                key: "home.greeting".into(),
                source: ["name".to_string()].into(),
                translation: ["emri".to_string()].into(),
            },
            Problem::Missing { key: "me.title".into() },
            Problem::NotInSource { key: "old.key".into() },
        ]
    );
}

#[test]
fn keys_hash_apart_and_the_same_every_time() {
    // FNV-1a's published value for "a", so a loaded catalogue and the app's
    // build agree on where each message goes.
    assert_eq!(key_hash("a"), 0xe40c_292c);
    assert_ne!(key_hash("home.greeting"), key_hash("home.greetings"));
    assert_eq!(fill("Hi, {{name}}", &[("name", "Jade")]), "Hi, Jade");
}
