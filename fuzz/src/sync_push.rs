//! `POST /sync/push`: the body as the server's `ApiJson<PushRequest>` reads
//! it (axum's `Json::from_bytes`), then each change decided by the model's
//! `decide` (permission, field rules, date rules, the field merge), as
//! every role, against no record, a live one and a deleted one.

use std::collections::BTreeMap;

use axum::Json;
use pathway_model::sync::merge::{FieldStamp, StoredRecord};
use pathway_model::sync::{Mutation, PushRequest, StoredAnswer, Writer, answer_again, decide};

use crate::common::{NOW_MS, ROLES, person};

pub fn run(data: &[u8]) {
    let Ok(Json(req)) = Json::<PushRequest>::from_bytes(data) else { return };
    // The server refuses more than MAX_BATCH before deciding any; a few
    // are enough to reach every rule, and keep each run fast.
    for m in req.mutations.iter().take(8) {
        decide_all_ways(m);
    }
}

fn decide_all_ways(m: &Mutation) {
    let owner = person(7);
    for role in ROLES {
        let writer = Writer { person_id: person(1), role };
        for owner_for_new in [Some(owner), None] {
            let d = decide(None, m, writer, owner_for_new, 10, NOW_MS);
            if let Some(w) = &d.write {
                assert_eq!(w.version, 10, "a new record takes the version it was given");
            }
        }
        for deleted in [false, true] {
            let stored = as_stored(m, deleted);
            let d = decide(Some(&stored), m, writer, Some(owner), stored.version + 1, NOW_MS);
            if let Some(w) = &d.write {
                assert_eq!(w.owner_id, stored.owner_id, "a change never moves a record to someone else");
            }
            let answer = StoredAnswer { person_id: person(1), result: d.result };
            let _ = answer_again(Some(&answer), writer);
        }
    }
}

/// The record as though it were stored already, its fields the change's
/// own, stamped half by this device at the base version and half by
/// another device after it, so the merge meets both conflicts and none.
fn as_stored(m: &Mutation, deleted: bool) -> StoredRecord {
    let base = m.base_version.unwrap_or(0);
    let stamps: BTreeMap<String, FieldStamp> = m
        .payload
        .keys()
        .enumerate()
        .map(|(i, k)| {
            let stamp = if i % 2 == 0 {
                FieldStamp { version: base, client_id: m.client_id }
            } else {
                FieldStamp { version: base.saturating_add(1), client_id: person(99) }
            };
            (k.clone(), stamp)
        })
        .collect();
    StoredRecord {
        entity: m.entity,
        id: m.record_id,
        owner_id: person(7),
        version: base.saturating_add(1),
        fields: m.payload.clone(),
        stamps,
        deleted,
        updated_at: NOW_MS,
    }
}
