//! What to write to the phone's store after the replica changed: only the
//! entries that differ, so a sync of a thousand records does not rewrite
//! the thousand that stayed the same. Pure, so it is tested without a
//! browser.

use std::collections::BTreeMap;

use pathway_model::sync::Replica;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The small things kept beside the records: whose data this is, this
/// device's id, how far it has pulled and the next outbox number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub person_id: Uuid,
    pub client_id: Uuid,
    pub cursor: i64,
    pub next_seq: u64,
}

impl Meta {
    pub fn of(person_id: Uuid, r: &Replica) -> Meta {
        Meta { person_id, client_id: r.client_id, cursor: r.cursor, next_seq: r.next_seq }
    }
}

/// One entry to write: its key and its JSON text, or `None` to delete it.
pub type Write<K> = (K, Option<String>);

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub records: Vec<Write<Uuid>>,
    /// Keyed by `seq`, so the outbox loads back in the order it was made.
    pub outbox: Vec<Write<u64>>,
    /// Keyed by the id of my change that conflicted.
    pub conflicts: Vec<Write<Uuid>>,
    /// Keyed by the id of the change that was rejected.
    pub rejected: Vec<Write<Uuid>>,
    pub meta: Option<Meta>,
}

impl Changes {
    /// Everything that differs between `before` (nothing, when `None`) and
    /// `after`.
    pub fn between(person_id: Uuid, before: Option<&Replica>, after: &Replica) -> Changes {
        let empty = Replica::new(after.client_id);
        let b = before.unwrap_or(&empty);
        let meta = Meta::of(person_id, after);
        Changes {
            records: diff(
                keyed(b.confirmed.iter().map(|(k, v)| (*k, v))),
                keyed(after.confirmed.iter().map(|(k, v)| (*k, v))),
            ),
            outbox: diff(keyed(b.outbox.iter().map(|m| (m.seq, m))), keyed(after.outbox.iter().map(|m| (m.seq, m)))),
            conflicts: diff(
                keyed(b.conflicts.iter().map(|c| (c.mine.mutation_id, c))),
                keyed(after.conflicts.iter().map(|c| (c.mine.mutation_id, c))),
            ),
            rejected: diff(
                keyed(b.rejected.iter().map(|r| (r.mutation.mutation_id, r))),
                keyed(after.rejected.iter().map(|r| (r.mutation.mutation_id, r))),
            ),
            meta: (before.map(|b| Meta::of(person_id, b)).as_ref() != Some(&meta)).then_some(meta),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
            && self.outbox.is_empty()
            && self.conflicts.is_empty()
            && self.rejected.is_empty()
            && self.meta.is_none()
    }
}

/// A map by key, built by inserting (the last of equal keys wins, as with
/// `collect`). Not `collect()`: that sorts the pairs first with a stable sort,
/// and each of the eight collects here was its own copy of it (about 20 KB of
/// wasm in all).
fn keyed<'a, K: Ord, V>(pairs: impl Iterator<Item = (K, &'a V)>) -> BTreeMap<K, &'a V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

fn diff<K: Ord + Copy, V: PartialEq + Serialize>(before: BTreeMap<K, &V>, after: BTreeMap<K, &V>) -> Vec<Write<K>> {
    let mut out = Vec::new();
    for (k, v) in &after {
        if before.get(k) != Some(v) {
            // Our own types always serialise.
            out.push((*k, Some(serde_json::to_string(v).expect("serialisable"))));
        }
    }
    for k in before.keys() {
        if !after.contains_key(k) {
            out.push((*k, None));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::sync::{EntityKind, MutationResult, PullResponse, PushResultItem, SyncRecord};
    use serde_json::json;

    fn fields(v: serde_json::Value) -> pathway_model::sync::Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn a_fresh_store_gets_everything_and_an_unchanged_one_nothing() {
        let person = Uuid::from_u128(7);
        let mut r = Replica::new(Uuid::from_u128(1));
        r.put(EntityKind::Topic, Uuid::from_u128(10), fields(json!({"text": "Bus pass"})));
        let all = Changes::between(person, None, &r);
        assert_eq!(all.outbox.len(), 1);
        assert_eq!(all.meta.as_ref().unwrap().next_seq, 2);
        assert!(Changes::between(person, Some(&r), &r).is_empty());
    }

    #[test]
    fn a_push_and_pull_write_only_what_moved() {
        let person = Uuid::from_u128(7);
        let mut r = Replica::new(Uuid::from_u128(1));
        let id = Uuid::from_u128(10);
        let m = r.put(EntityKind::Topic, id, fields(json!({"text": "Bus pass"})));
        let keep = r.put(EntityKind::Topic, Uuid::from_u128(11), fields(json!({"text": "Rent"})));
        let before = r.clone();
        r.apply_push(&[PushResultItem { mutation_id: m.mutation_id, result: MutationResult::Applied { version: 3 } }]);
        let rec = SyncRecord {
            entity: EntityKind::Topic,
            id,
            owner_id: person,
            version: 3,
            fields: m.payload,
            updated_at: 0,
        };
        r.apply_pull(&PullResponse {
            changes: vec![rec],
            tombstones: vec![],
            cursor: 3,
            last_seq: 1,
            has_more: false,
            forget: vec![],
        });
        let c = Changes::between(person, Some(&before), &r);
        assert_eq!(c.outbox, vec![(m.seq, None)], "only the acknowledged change leaves; {} stays", keep.seq);
        assert_eq!(c.records.len(), 1);
        assert!(c.records[0].1.is_some());
        assert_eq!(c.meta.unwrap().cursor, 3);
    }
}
