//! The app's reading of what IndexedDB gives back (`src/store/local.rs`
//! `load`: `serde_json::from_str` of each opened value) and of the server's
//! sync answers, chosen by the first byte: the store's meta, a record, an
//! outbox change, a conflict, a refused change, a pull and a push answer.
//! Whatever reads must write back and read again the same (the store
//! rewrites what it loaded, and a value that then failed to read would
//! lose the whole store on the next start), and must go through the
//! replica and the screens' typed reads, rhythm included, without a panic.

use chrono::NaiveDate;
use pathway_model::meeting::contact::Contact;
use pathway_model::meeting::rhythm::Rhythm;
use pathway_model::plan::PlanReview;
use pathway_model::sync::replica::{PendingConflict, RejectedChange};
use pathway_model::sync::{EntityKind, Mutation, PullResponse, PushResponse, Replica, SyncRecord};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::common::{NOW_MS, person, read_typed};

/// `src/store/changes.rs`'s `Meta`, field for field: the app crate is a
/// wasm app with browser dependencies, so its four plain fields are
/// written here again rather than built into the fuzzer.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Meta {
    person_id: Uuid,
    client_id: Uuid,
    cursor: i64,
    next_seq: u64,
}

/// Read as the store reads, and held to reading back what it writes.
fn read<T: DeserializeOwned + Serialize>(text: &str) -> Option<T> {
    let value: T = serde_json::from_str(text).ok()?;
    let written = serde_json::to_string(&value).expect("a value read can be written");
    let again: T = serde_json::from_str(&written)
        .unwrap_or_else(|e| panic!("stored value does not read back ({e}): {written}"));
    let (a, b) = (serde_json::to_value(&value).expect("value"), serde_json::to_value(&again).expect("value"));
    assert!(same(&a, &b), "stored value changed on the way back: {written}");
    Some(value)
}

/// Equal, but for the last bit of a fraction: serde_json (without its
/// `float_roundtrip` feature, which the app's wasm does without) may read a
/// long fraction one unit in the last place off. No record holds one: every
/// number a field rule accepts is a whole number.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || (x - y).abs() <= x.abs().max(y.abs()) * 4.0 * f64::EPSILON
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

pub fn run(data: &[u8]) {
    let Some((which, bytes)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let mut replica = Replica::new(person(5));
    match which % 7 {
        0 => {
            let Some(meta) = read::<Meta>(text) else { return };
            replica = Replica::new(meta.client_id);
            replica.cursor = meta.cursor;
            replica.next_seq = meta.next_seq;
        }
        1 => {
            let Some(r) = read::<SyncRecord>(text) else { return };
            replica.confirmed.insert(r.id, r);
        }
        2 => {
            let Some(m) = read::<Mutation>(text) else { return };
            replica.outbox.push(m);
        }
        3 => {
            let Some(c) = read::<PendingConflict>(text) else { return };
            replica.conflicts.push(c);
        }
        4 => {
            let Some(r) = read::<RejectedChange>(text) else { return };
            replica.rejected.push(r);
        }
        5 => {
            let Some(pull) = read::<PullResponse>(text) else { return };
            replica.apply_pull(&pull);
        }
        _ => {
            let Some(push) = read::<PushResponse>(text) else { return };
            // One change in the outbox for each answer, so each is taken.
            for item in &push.results {
                replica.put(EntityKind::Topic, person(9), Default::default());
                replica.outbox.last_mut().expect("just queued").mutation_id = item.mutation_id;
            }
            replica.apply_push(&push.results);
        }
    }
    screens(&replica);
    let _ = replica.keep_mine(person(1));
    if let Some(c) = replica.conflicts.first().map(|c| c.mine.mutation_id) {
        let _ = replica.keep_mine(c);
    }
}

/// What the screens do with the replica: the view, each record's typed read,
/// and a PA's rhythm of contacts and reviews worked out from them.
fn screens(replica: &Replica) {
    let view = replica.view();
    let mut contacts = Vec::new();
    let mut review = None;
    for r in view.values() {
        read_typed(r.entity, &r.fields);
        match r.entity {
            EntityKind::Contact => contacts.extend(Contact::from_fields(&r.fields)),
            EntityKind::PlanReview => review = review.or(PlanReview::from_fields(&r.fields)),
            _ => {}
        }
    }
    let today = pathway_model::date::utc_day(NOW_MS);
    for known_since in [today, NaiveDate::MIN, NaiveDate::MAX] {
        let rhythm = Rhythm::work_out(&contacts, review.as_ref(), known_since);
        let _ = rhythm.most_overdue_days(today);
        let _ = rhythm.out_of_touch(today);
        let _ = rhythm.review_overdue(today);
    }
}
