//! The young person's health entries as the screens list them: read from
//! the phone's store, put in order, and picked for each screen. Pure, so
//! the rules (what goes in the passport, what is newest) have plain tests.

use std::collections::BTreeMap;

use pathway_model::health::{HealthEntry, HealthKind, Visibility};
use pathway_model::sync::EntityKind;
use pathway_model::sync::replica::LocalRecord;
use uuid::Uuid;

use crate::words;

/// One entry on a screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: Uuid,
    pub entry: HealthEntry,
    /// Changed on this phone and not synced yet.
    pub pending: bool,
}

/// The health entries in the store, newest date first, undated last.
/// `owner`: only this young person's (a PA's device holds their whole
/// caseload); `None`: all of them (a young person's own phone).
pub fn items(records: &BTreeMap<Uuid, LocalRecord>, owner: Option<Uuid>) -> Vec<Item> {
    // Tens of entries: insertion, not a library sort (each sort of a new
    // type adds kilobytes of wasm).
    let mut list: Vec<Item> = Vec::new();
    for r in records.values() {
        if r.entity != EntityKind::HealthEntry || owner.is_some_and(|o| r.owner_id != Some(o)) {
            continue;
        }
        let Some(entry) = HealthEntry::from_fields(&r.fields) else {
            continue;
        };
        let item = Item { id: r.id, entry, pending: r.pending };
        let at = list.iter().position(|x| goes_before(&item, x)).unwrap_or(list.len());
        list.insert(at, item);
    }
    list
}

/// Newer dates first, undated last (`None < Some`), then by title.
fn goes_before(a: &Item, b: &Item) -> bool {
    (&a.entry.date, &b.entry.title) > (&b.entry.date, &a.entry.title)
}

/// The kinds in the passport's order: what matters most in an emergency
/// first (`HealthKind::passport_order`, as a list).
pub const PASSPORT_ORDER: [HealthKind; 9] = [
    HealthKind::Allergy,
    HealthKind::Medicine,
    HealthKind::Condition,
    HealthKind::Practitioner,
    HealthKind::Immunisation,
    HealthKind::Birth,
    HealthKind::FamilyHistory,
    HealthKind::Appointment,
    HealthKind::Note,
];

/// The entries of one kind, in the order given.
pub fn of_kind(items: &[Item], kind: HealthKind) -> Vec<Item> {
    items.iter().filter(|i| i.entry.kind == kind).cloned().collect()
}

/// What the passport prints: the entries the young person ticked, but
/// never one marked "only me" (a printed page can end up anywhere), with
/// allergies first, then medicines, then the rest.
pub fn passport(items: &[Item]) -> Vec<Item> {
    let printed = |i: &&Item| pathway_model::health::share::in_passport(&i.entry);
    // Kind by kind; within a kind, `items`' order (newest first).
    PASSPORT_ORDER
        .iter()
        .flat_map(|k| items.iter().filter(printed).filter(move |i| i.entry.kind == *k))
        .cloned()
        .collect()
}

/// Ticked for the passport but marked "only me", so left out of it.
pub fn left_out_of_passport(items: &[Item]) -> usize {
    items.iter().filter(|i| i.entry.in_passport && i.entry.visibility == Visibility::MeOnly).count()
}

/// Kinds with something in `items`, in the passport's order.
pub fn kinds_in(items: &[Item]) -> Vec<HealthKind> {
    let mut kinds: Vec<HealthKind> =
        HealthKind::ALL.into_iter().filter(|k| items.iter().any(|i| i.entry.kind == *k)).collect();
    pathway_model::order::sort_by_key(&mut kinds, |k| k.passport_order());
    kinds
}

/// Entries with a correction request the PA has not answered yet.
pub fn open_corrections(items: &[Item]) -> Vec<Item> {
    items.iter().filter(|i| i.entry.correction_open()).cloned().collect()
}

/// "14 March 2024", or `None` for no date (or one that isn't a date).
pub fn date_words(date: Option<&str>) -> Option<String> {
    date.and_then(pathway_model::date::parse).map(words::readable_date)
}

/// The year an entry belongs to on the timeline: "2024", or "No date".
pub fn year_of(entry: &HealthEntry) -> String {
    match entry.date.as_deref().and_then(|d| d.get(..4)) {
        Some(y) => y.to_string(),
        None => "No date".to_string(),
    }
}

/// The kind's own detail in a few words: "Severe", "One tablet a day".
pub fn extra_words(entry: &HealthEntry) -> Option<String> {
    match entry.kind {
        HealthKind::Allergy => entry.severity.as_deref().map(|s| format!("{} allergy", capitalised(s))),
        HealthKind::Medicine => entry.dose.clone().map(|d| format!("Dose: {d}")),
        HealthKind::FamilyHistory => entry.relation.clone().map(|r| format!("Who: {r}")),
        _ => None,
    }
}

/// The first letter in capitals. ASCII only: our own words ("severe",
/// "allergy"), and no Unicode case tables in the app.
pub fn capitalised(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Who wrote it, in words: "Recorded by Sam Okafor (PA)" or "Added by you".
pub fn recorded_words(entry: &HealthEntry) -> String {
    match entry.author {
        pathway_model::health::Author::Me => "Added by you".to_string(),
        pathway_model::health::Author::Professional => format!("Recorded by {}", entry.recorded_by),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
