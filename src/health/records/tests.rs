//! Which entries each screen shows, and in what order.

use super::*;
use pathway_model::sync::Fields;
use serde_json::json;

fn record(id: u128, owner: Option<u128>, v: serde_json::Value) -> LocalRecord {
    LocalRecord {
        entity: EntityKind::HealthEntry,
        id: Uuid::from_u128(id),
        owner_id: owner.map(Uuid::from_u128),
        version: Some(1),
        fields: v.as_object().unwrap().clone(),
        pending: false,
    }
}

fn entry(kind: &str, title: &str, date: Option<&str>, vis: &str, passport: bool) -> serde_json::Value {
    json!({"kind": kind, "author": "professional", "title": title, "date": date, "recorded_by": "Sam Okafor (PA)",
           "visibility": vis, "in_passport": passport})
}

fn store(rs: Vec<LocalRecord>) -> BTreeMap<Uuid, LocalRecord> {
    rs.into_iter().map(|r| (r.id, r)).collect()
}

#[test]
fn entries_are_newest_first_with_undated_last_and_only_the_owners() {
    let mut topic = record(9, Some(7), json!({"text": "Bus pass"}));
    topic.entity = EntityKind::Topic;
    let rs = store(vec![
        record(1, Some(7), entry("immunisation", "MMR second dose", Some("2012-05-01"), "my_pa", false)),
        record(2, Some(7), entry("allergy", "Penicillin", Some("2024-03-14"), "my_pa", true)),
        record(3, Some(7), entry("note", "Ask about eyes", None, "me_only", false)),
        record(4, Some(8), entry("note", "Someone else's", Some("2025-01-01"), "my_pa", false)),
        record(5, Some(7), json!({"kind": "allergy"})),
        topic,
    ]);
    let titles = |o| items(&rs, o).into_iter().map(|i| i.entry.title).collect::<Vec<_>>();
    assert_eq!(titles(Some(Uuid::from_u128(7))), ["Penicillin", "MMR second dose", "Ask about eyes"]);
    assert_eq!(titles(None).len(), 4);
}

#[test]
fn the_passport_has_only_ticked_entries_never_only_me_and_allergies_first() {
    let rs = store(vec![
        record(1, None, entry("immunisation", "MMR", Some("2012-05-01"), "my_pa", true)),
        record(2, None, entry("medicine", "Inhaler", Some("2020-01-01"), "my_pa_and_health", true)),
        record(3, None, entry("allergy", "Penicillin", Some("2010-01-01"), "my_pa", true)),
        record(4, None, entry("family_history", "Heart disease", None, "me_only", true)),
        record(5, None, entry("allergy", "Nuts", None, "my_pa", false)),
    ]);
    let all = items(&rs, None);
    let printed: Vec<String> = passport(&all).into_iter().map(|i| i.entry.title).collect();
    assert_eq!(printed, ["Penicillin", "Inhaler", "MMR"]);
    assert_eq!(left_out_of_passport(&all), 1);
    assert_eq!(kinds_in(&passport(&all)), [HealthKind::Allergy, HealthKind::Medicine, HealthKind::Immunisation]);
}

#[test]
fn the_passport_order_is_the_models() {
    for (n, k) in PASSPORT_ORDER.iter().enumerate() {
        assert_eq!(k.passport_order() as usize, n);
    }
}

#[test]
fn words_for_dates_years_and_the_kinds_own_detail() {
    assert_eq!(date_words(Some("2024-03-14")).as_deref(), Some("14 March 2024"));
    assert_eq!(date_words(Some("14/03/2024")), None);
    assert_eq!(date_words(None), None);
    let mut f: Fields = entry("allergy", "Penicillin", Some("2024-03-14"), "my_pa", false).as_object().unwrap().clone();
    f.insert("severity".into(), json!("severe"));
    let e = HealthEntry::from_fields(&f).unwrap();
    assert_eq!(extra_words(&e).as_deref(), Some("Severe allergy"));
    assert_eq!(year_of(&e), "2024");
    assert_eq!(recorded_words(&e), "Recorded by Sam Okafor (PA)");
    let mut undated = e.clone();
    undated.date = None;
    assert_eq!(year_of(&undated), "No date");
    assert_eq!(capitalised("family health fact"), "Family health fact");
    assert_eq!(capitalised(""), "");
}

#[test]
fn the_kinds_and_who_sees_them_have_the_models_english() {
    for k in HealthKind::ALL {
        assert_eq!(kind_name(k), capitalised(k.singular()));
        assert_eq!(kind_heading(k), k.heading());
        assert_eq!(kind_empty(k), k.empty_hint());
        let article = if k.singular().starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        assert_eq!(kind_add(k), format!("Add {article} {}", k.singular()));
    }
    for v in Visibility::ALL {
        assert_eq!(visibility_words(v), v.label());
    }
    assert_eq!(severity_words("severe"), "Severe");
    assert_eq!(severity_words("awful"), "Awful");
}
