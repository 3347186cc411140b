//! How the server applies one mutation to one record: field by field, so
//! two people changing different fields both win, and a person's words are
//! never overwritten by someone who had not seen them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{EntityKind, Fields, Mutation, Op, SyncRecord};

/// Which change last wrote a field: its version and the device it came from.
/// The device matters: a phone's own queued edits, made one after another
/// on the same base, must not conflict with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldStamp {
    pub version: i64,
    pub client_id: Uuid,
}

/// The server's copy of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoredRecord {
    pub entity: EntityKind,
    pub id: Uuid,
    pub owner_id: Uuid,
    pub version: i64,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fields: Fields,
    pub stamps: BTreeMap<String, FieldStamp>,
    pub deleted: bool,
    pub updated_at: i64,
}

impl StoredRecord {
    pub fn to_sync_record(&self) -> SyncRecord {
        SyncRecord {
            entity: self.entity,
            id: self.id,
            owner_id: self.owner_id,
            version: self.version,
            fields: self.fields.clone(),
            updated_at: self.updated_at,
        }
    }

    /// Fields another device wrote after `base` (the version a change was
    /// made on), among `keys`.
    fn changed_by_others_since(&self, base: i64, client_id: Uuid, keys: impl Iterator<Item = String>) -> Vec<String> {
        keys.filter(|k| self.stamps.get(k).is_some_and(|s| s.version > base && s.client_id != client_id)).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum MergeOutcome {
    /// Store this record; it carries the new version.
    Write(StoredRecord),
    /// Nothing to change (same values, or deleting what is gone already).
    Unchanged,
    /// Someone else changed these fields since the base version (or deleted
    /// the record): apply nothing and show the person both.
    Conflict { fields: Vec<String>, deleted: bool },
}

/// Applies `m` to `current`. `owner_id` is used only when creating;
/// `new_version` is the next value of the change sequence. Field rules and
/// permissions are checked before this (see `EntityKind::check_put`).
pub fn merge(current: Option<&StoredRecord>, m: &Mutation, owner_id: Uuid, new_version: i64, now: i64) -> MergeOutcome {
    let base = m.base_version.unwrap_or(0);
    let stamp = FieldStamp { version: new_version, client_id: m.client_id };
    match (m.op, current) {
        (Op::Put, None) => MergeOutcome::Write(StoredRecord {
            entity: m.entity,
            id: m.record_id,
            owner_id,
            version: new_version,
            fields: m.payload.clone(),
            stamps: m.payload.keys().map(|k| (k.clone(), stamp)).collect(),
            deleted: false,
            updated_at: now,
        }),
        (Op::Put, Some(cur)) if cur.deleted => {
            if cur.version > base && !cur.stamps.values().all(|s| s.client_id == m.client_id) {
                return MergeOutcome::Conflict { fields: m.payload.keys().cloned().collect(), deleted: true };
            }
            // Deleted by this same device earlier, or after what this change
            // saw: the newer put brings it back.
            let mut revived = cur.clone();
            revived.deleted = false;
            revived.fields = m.payload.clone();
            revived.stamps = m.payload.keys().map(|k| (k.clone(), stamp)).collect();
            revived.version = new_version;
            revived.updated_at = now;
            MergeOutcome::Write(revived)
        }
        (Op::Put, Some(cur)) => {
            let differs = |k: &String| cur.fields.get(k) != m.payload.get(k);
            let conflicts: Vec<String> = cur
                .changed_by_others_since(base, m.client_id, m.payload.keys().cloned())
                .into_iter()
                .filter(differs)
                .collect();
            if !conflicts.is_empty() {
                return MergeOutcome::Conflict { fields: conflicts, deleted: false };
            }
            let changed: Vec<&String> = m.payload.keys().filter(|k| differs(k)).collect();
            if changed.is_empty() {
                return MergeOutcome::Unchanged;
            }
            let mut next = cur.clone();
            for k in changed {
                next.fields.insert(k.clone(), m.payload[k].clone());
                next.stamps.insert(k.clone(), stamp);
            }
            next.version = new_version;
            next.updated_at = now;
            MergeOutcome::Write(next)
        }
        (Op::Delete, None) => MergeOutcome::Unchanged,
        (Op::Delete, Some(cur)) if cur.deleted => MergeOutcome::Unchanged,
        (Op::Delete, Some(cur)) => {
            let changed = cur.changed_by_others_since(base, m.client_id, cur.fields.keys().cloned());
            if !changed.is_empty() {
                return MergeOutcome::Conflict { fields: changed, deleted: false };
            }
            let mut gone = cur.clone();
            gone.deleted = true;
            gone.fields = Fields::new();
            // The tombstone remembers who deleted it, for the revive rule above.
            gone.stamps = [("deleted".to_string(), stamp)].into_iter().collect();
            gone.version = new_version;
            gone.updated_at = now;
            MergeOutcome::Write(gone)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn put(client: u128, base: Option<i64>, payload: serde_json::Value) -> Mutation {
        Mutation {
            mutation_id: Uuid::now_v7(),
            client_id: Uuid::from_u128(client),
            seq: 1,
            entity: EntityKind::Topic,
            record_id: Uuid::from_u128(99),
            op: Op::Put,
            payload: payload.as_object().unwrap().clone(),
            base_version: base,
            owner_id: None,
        }
    }

    fn written(o: MergeOutcome) -> StoredRecord {
        match o {
            MergeOutcome::Write(r) => r,
            other => panic!("expected a write, got {other:?}"),
        }
    }

    const OWNER: Uuid = Uuid::from_u128(7);

    #[test]
    fn two_devices_changing_different_fields_both_win() {
        let r1 = written(merge(None, &put(1, None, json!({"text": "Laptop", "done": false})), OWNER, 1, 0));
        let r2 = written(merge(Some(&r1), &put(2, Some(1), json!({"talked_about": true})), OWNER, 2, 0));
        let r3 = written(merge(Some(&r2), &put(1, Some(1), json!({"done": true})), OWNER, 3, 0));
        assert_eq!(r3.fields, *json!({"text": "Laptop", "done": true, "talked_about": true}).as_object().unwrap());
        assert_eq!(r3.version, 3);
    }

    #[test]
    fn two_devices_changing_the_same_words_is_a_conflict_not_a_silent_loss() {
        let r1 = written(merge(None, &put(1, None, json!({"text": "Laptop"})), OWNER, 1, 0));
        let r2 = written(merge(Some(&r1), &put(2, Some(1), json!({"text": "Laptop and phone"})), OWNER, 2, 0));
        let out = merge(Some(&r2), &put(1, Some(1), json!({"text": "A laptop please"})), OWNER, 3, 0);
        assert_eq!(out, MergeOutcome::Conflict { fields: vec!["text".into()], deleted: false });
        // Having seen version 2, the same change applies ("keep mine").
        let r3 = written(merge(Some(&r2), &put(1, Some(2), json!({"text": "A laptop please"})), OWNER, 3, 0));
        assert_eq!(r3.fields["text"], "A laptop please");
    }

    #[test]
    fn a_devices_own_queued_edits_do_not_conflict_with_each_other() {
        let r1 = written(merge(None, &put(1, None, json!({"text": "a"})), OWNER, 1, 0));
        let r2 = written(merge(Some(&r1), &put(1, Some(1), json!({"text": "ab"})), OWNER, 2, 0));
        let r3 = written(merge(Some(&r2), &put(1, Some(1), json!({"text": "abc"})), OWNER, 3, 0));
        assert_eq!(r3.fields["text"], "abc");
    }

    #[test]
    fn writing_the_same_value_someone_else_wrote_is_not_a_conflict() {
        let r1 = written(merge(None, &put(1, None, json!({"text": "a", "done": false})), OWNER, 1, 0));
        let r2 = written(merge(Some(&r1), &put(2, Some(1), json!({"done": true})), OWNER, 2, 0));
        assert_eq!(merge(Some(&r2), &put(1, Some(1), json!({"done": true})), OWNER, 3, 0), MergeOutcome::Unchanged);
    }

    #[test]
    fn deleting_what_someone_else_just_changed_is_a_conflict() {
        let r1 = written(merge(None, &put(1, None, json!({"text": "a"})), OWNER, 1, 0));
        let r2 = written(merge(Some(&r1), &put(2, Some(1), json!({"text": "b"})), OWNER, 2, 0));
        let mut del = put(1, Some(1), json!({}));
        del.op = Op::Delete;
        assert!(matches!(merge(Some(&r2), &del, OWNER, 3, 0), MergeOutcome::Conflict { .. }));
        del.base_version = Some(2);
        let gone = written(merge(Some(&r2), &del, OWNER, 3, 0));
        assert!(gone.deleted && gone.fields.is_empty());
        // Editing what another device deleted is a conflict too.
        let out = merge(Some(&gone), &put(2, Some(2), json!({"text": "c"})), OWNER, 4, 0);
        assert_eq!(out, MergeOutcome::Conflict { fields: vec!["text".into()], deleted: true });
    }
}
