use chrono::NaiveDate;

use super::*;
use crate::offer::{AmountPeriod, Category, Eligibility, OfferContact};
use crate::profile::Circumstance;

fn day(s: &str) -> NaiveDate {
    crate::date::parse(s).unwrap()
}

fn item(id: &str, title: &str) -> OfferItem {
    OfferItem {
        id: id.into(),
        council_id: "knowsley".into(),
        category: Category::Money,
        title: title.into(),
        summary: "Money to help you.".into(),
        details: String::new(),
        eligibility: Eligibility::default(),
        how_to_claim: "Ask your PA.".into(),
        contact: OfferContact::default(),
        amount: Some(Amount { pence: 250_000, period: AmountPeriod::OneOff, up_to: false }),
        source: None,
        last_reviewed: day("2026-06-01"),
        sample: true,
    }
}

#[test]
fn an_item_unchecked_for_a_year_needs_checking_and_not_a_day_before() {
    let checked = day("2025-12-02");
    assert!(!needs_check(checked, day("2026-12-01")));
    assert!(needs_check(checked, day("2026-12-02")));
    assert!(needs_check(day("2020-01-31"), day("2026-12-01")));
    assert!(!needs_check(day("2026-11-30"), day("2026-12-01")));
}

#[test]
fn comparing_names_what_is_added_changed_and_retired() {
    let published =
        vec![item("grant", "Money for your first home"), item("laptop", "A laptop"), item("pass", "Leisure pass")];
    let mut grant = published[0].clone();
    grant.amount = Some(Amount { pence: 300_000, period: AmountPeriod::OneOff, up_to: true });
    grant.eligibility.circumstances = vec![Circumstance::YoungParent];
    let proposed = vec![grant.clone(), published[1].clone(), item("parents", "Young parents group")];

    let c = compare(&published, &proposed);
    assert_eq!(c.added.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["parents"]);
    assert_eq!(c.changed, vec![(grant, vec![ItemField::WhoFor, ItemField::Amount])]);
    assert_eq!(c.retired.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["pass"]);
    assert!(compare(&published, &published).is_empty());

    let listed = entries(&published, &proposed, day("2026-12-01"));
    let states: Vec<_> = listed.iter().map(|e| (e.item.id.as_str(), e.state)).collect();
    assert_eq!(
        states,
        [
            ("grant", ItemState::Changed),
            ("laptop", ItemState::Published),
            ("parents", ItemState::Added),
            ("pass", ItemState::Retired)
        ]
    );
}

#[test]
fn the_same_people_in_another_order_is_no_change() {
    use crate::profile::LegalStatus;
    let mut before = item("lessons", "Driving lessons");
    before.eligibility.statuses = vec![LegalStatus::FormerRelevant, LegalStatus::Relevant];
    let mut after = before.clone();
    after.eligibility.statuses = vec![LegalStatus::Relevant, LegalStatus::FormerRelevant];
    assert!(changed_fields(&before, &after).is_empty());
    after.eligibility.statuses.pop();
    assert_eq!(changed_fields(&before, &after), [ItemField::WhoFor]);
}

#[test]
fn every_field_rule_names_its_field() {
    let today = day("2026-12-01");
    assert!(check_item(0, &item("grant", "Money"), today).is_empty());

    let mut bad = item("no spaces please", " ");
    bad.summary = "x".repeat(SUMMARY_MAX + 1);
    bad.how_to_claim = String::new();
    bad.amount = Some(Amount { pence: 0, period: AmountPeriod::Weekly, up_to: false });
    bad.eligibility = Eligibility { min_age: Some(21), until_age: Some(18), ..Eligibility::default() };
    bad.contact = OfferContact { name: None, phone: Some("call us".into()), email: Some("not an address".into()) };
    bad.source = Some("x".repeat(SOURCE_MAX + 1));
    bad.last_reviewed = day("2027-01-01");
    let fields: Vec<String> = check_item(3, &bad, today)
        .into_iter()
        .map(|i| {
            assert_eq!(i.index, 3);
            i.field
        })
        .collect();
    assert_eq!(
        fields,
        [
            "id",
            "title",
            "summary",
            "how_to_claim",
            "until_age",
            "amount",
            "contact.phone",
            "contact.email",
            "source",
            "last_reviewed"
        ]
    );
}

#[test]
fn a_draft_with_a_repeated_id_or_no_items_cannot_be_published() {
    let today = day("2026-12-01");
    let twice = vec![item("grant", "One"), item("grant", "Two")];
    let issues = check_draft(&twice, today);
    assert_eq!(issues.len(), 1);
    assert_eq!((issues[0].index, issues[0].field.as_str()), (1, "id"));
    assert_eq!(check_draft(&[], today)[0].problem, "has no items");
}

#[test]
fn a_new_item_gets_a_readable_id_from_its_title() {
    assert_eq!(slug("Help with rent!"), "help-with-rent");
    assert_eq!(slug("  Young parents' group  "), "young-parents-group");
    assert_eq!(slug("£££"), "");
}
