//! The young person's health entries as the screens list them: read from
//! the phone's store, put in order, and picked for each screen. Pure, so
//! the rules (what goes in the passport, what is newest) have plain tests.

use std::collections::BTreeMap;

use pathway_model::health::{Author, HealthEntry, HealthKind, Visibility};
use pathway_model::sync::EntityKind;
use pathway_model::sync::replica::LocalRecord;
use uuid::Uuid;

use crate::i18n::{k, t, tf};
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
        None => t(k::HEALTH_TIMELINE_NO_DATE).to_string(),
    }
}

/// The kind's own detail in a few words: "Severe allergy", "Dose: One
/// tablet a day".
pub fn extra_words(entry: &HealthEntry) -> Option<String> {
    match entry.kind {
        HealthKind::Allergy => entry.severity.as_deref().map(|s| match s {
            "mild" => t(k::HEALTH_SEVERITY_MILD_ALLERGY).to_string(),
            "moderate" => t(k::HEALTH_SEVERITY_MODERATE_ALLERGY).to_string(),
            "severe" => t(k::HEALTH_SEVERITY_SEVERE_ALLERGY).to_string(),
            // The model's rules allow no other; shown as it is if one comes.
            other => capitalised(other),
        }),
        HealthKind::Medicine => entry.dose.as_deref().map(|d| tf(k::HEALTH_DETAIL_DOSE, &[("dose", d)])),
        HealthKind::FamilyHistory => entry.relation.as_deref().map(|r| tf(k::HEALTH_DETAIL_RELATION, &[("who", r)])),
        _ => None,
    }
}

/// How bad an allergy is, in a word: "Severe".
pub fn severity_words(severity: &str) -> String {
    match severity {
        "mild" => t(k::HEALTH_SEVERITY_MILD).to_string(),
        "moderate" => t(k::HEALTH_SEVERITY_MODERATE).to_string(),
        "severe" => t(k::HEALTH_SEVERITY_SEVERE).to_string(),
        other => capitalised(other),
    }
}

/// The first letter in capitals. ASCII only: a stored word the app has no
/// message for, and no Unicode case tables in the app.
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
        Author::Me => t(k::HEALTH_ADDED_BY_YOU).to_string(),
        Author::Professional => tf(k::HEALTH_RECORDED_BY, &[("name", &entry.recorded_by)]),
    }
}

/// A phone number as written, kept left to right inside a right-to-left
/// sentence (else "0151 496 0123" shows as "0123 496 0151").
pub fn phone_words(phone: &str) -> String {
    if crate::i18n::language().right_to_left() { format!("\u{2066}{phone}\u{2069}") } else { phone.to_string() }
}

/// One of a kind, as a label: "Allergy", "GP, dentist or optician".
pub fn kind_name(kind: HealthKind) -> &'static str {
    t(match kind {
        HealthKind::Birth => k::HEALTH_KIND_BIRTH_NAME,
        HealthKind::Immunisation => k::HEALTH_KIND_IMMUNISATION_NAME,
        HealthKind::Condition => k::HEALTH_KIND_CONDITION_NAME,
        HealthKind::Allergy => k::HEALTH_KIND_ALLERGY_NAME,
        HealthKind::Medicine => k::HEALTH_KIND_MEDICINE_NAME,
        HealthKind::Appointment => k::HEALTH_KIND_APPOINTMENT_NAME,
        HealthKind::Practitioner => k::HEALTH_KIND_PRACTITIONER_NAME,
        HealthKind::FamilyHistory => k::HEALTH_KIND_FAMILY_HISTORY_NAME,
        HealthKind::Note => k::HEALTH_KIND_NOTE_NAME,
    })
}

/// The heading of a list of one kind: "Allergies".
pub fn kind_heading(kind: HealthKind) -> &'static str {
    t(match kind {
        HealthKind::Birth => k::HEALTH_KIND_BIRTH_HEADING,
        HealthKind::Immunisation => k::HEALTH_KIND_IMMUNISATION_HEADING,
        HealthKind::Condition => k::HEALTH_KIND_CONDITION_HEADING,
        HealthKind::Allergy => k::HEALTH_KIND_ALLERGY_HEADING,
        HealthKind::Medicine => k::HEALTH_KIND_MEDICINE_HEADING,
        HealthKind::Appointment => k::HEALTH_KIND_APPOINTMENT_HEADING,
        HealthKind::Practitioner => k::HEALTH_KIND_PRACTITIONER_HEADING,
        HealthKind::FamilyHistory => k::HEALTH_KIND_FAMILY_HISTORY_HEADING,
        HealthKind::Note => k::HEALTH_KIND_NOTE_HEADING,
    })
}

/// The link that adds one of a kind: "Add an allergy".
pub fn kind_add(kind: HealthKind) -> &'static str {
    t(match kind {
        HealthKind::Birth => k::HEALTH_KIND_BIRTH_ADD,
        HealthKind::Immunisation => k::HEALTH_KIND_IMMUNISATION_ADD,
        HealthKind::Condition => k::HEALTH_KIND_CONDITION_ADD,
        HealthKind::Allergy => k::HEALTH_KIND_ALLERGY_ADD,
        HealthKind::Medicine => k::HEALTH_KIND_MEDICINE_ADD,
        HealthKind::Appointment => k::HEALTH_KIND_APPOINTMENT_ADD,
        HealthKind::Practitioner => k::HEALTH_KIND_PRACTITIONER_ADD,
        HealthKind::FamilyHistory => k::HEALTH_KIND_FAMILY_HISTORY_ADD,
        HealthKind::Note => k::HEALTH_KIND_NOTE_ADD,
    })
}

/// What to ask for, and whom, when there is nothing of a kind yet.
pub fn kind_empty(kind: HealthKind) -> &'static str {
    t(match kind {
        HealthKind::Birth => k::HEALTH_KIND_BIRTH_EMPTY,
        HealthKind::Immunisation => k::HEALTH_KIND_IMMUNISATION_EMPTY,
        HealthKind::Condition => k::HEALTH_KIND_CONDITION_EMPTY,
        HealthKind::Allergy => k::HEALTH_KIND_ALLERGY_EMPTY,
        HealthKind::Medicine => k::HEALTH_KIND_MEDICINE_EMPTY,
        HealthKind::Appointment => k::HEALTH_KIND_APPOINTMENT_EMPTY,
        HealthKind::Practitioner => k::HEALTH_KIND_PRACTITIONER_EMPTY,
        HealthKind::FamilyHistory => k::HEALTH_KIND_FAMILY_HISTORY_EMPTY,
        HealthKind::Note => k::HEALTH_KIND_NOTE_EMPTY,
    })
}

/// Who can see an entry, in the young person's words: "Me and my PA".
pub fn visibility_words(v: Visibility) -> &'static str {
    t(match v {
        Visibility::MeOnly => k::HEALTH_VISIBILITY_ME_ONLY,
        Visibility::MyPa => k::HEALTH_VISIBILITY_MY_PA,
        Visibility::MyPaAndHealth => k::HEALTH_VISIBILITY_MY_PA_AND_HEALTH,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
