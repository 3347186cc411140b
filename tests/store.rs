//! The phone's store, in a real browser's IndexedDB: what is saved loads
//! back the same in a new instance (as after closing and opening the app),
//! and wiping leaves nothing.
#![cfg(target_arch = "wasm32")]

use pathway::store::Store;
use pathway::store::changes::Changes;
use pathway::store::idb::delete_database;
use pathway_model::sync::{EntityKind, Fields, MutationResult, PullResponse, PushResultItem, Replica, SyncRecord};
use serde_json::json;
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fields(v: serde_json::Value) -> Fields {
    v.as_object().unwrap().clone()
}

/// A replica with a bit of everything: confirmed records, pending changes,
/// a conflict and a rejected change.
fn busy_replica(person: Uuid) -> Replica {
    let mut r = Replica::new(Uuid::now_v7());
    let records: Vec<SyncRecord> = (0..3)
        .map(|i| SyncRecord {
            entity: EntityKind::Topic,
            id: Uuid::now_v7(),
            owner_id: person,
            version: i + 1,
            fields: fields(json!({"text": format!("Topic {i}"), "done": false})),
            updated_at: 1_700_000_000_000,
        })
        .collect();
    r.apply_pull(&PullResponse {
        changes: records.clone(),
        tombstones: vec![],
        cursor: 3,
        last_seq: 0,
        has_more: false,
        forget: vec![],
    });
    r.put(EntityKind::Topic, Uuid::now_v7(), fields(json!({"text": "Bus pass"})));
    r.put(EntityKind::Topic, records[0].id, fields(json!({"done": true})));
    let clash = r.put(EntityKind::Topic, records[1].id, fields(json!({"text": "mine"})));
    let bad = r.put(EntityKind::Topic, Uuid::now_v7(), fields(json!({"text": "x"})));
    let mut theirs = records[1].clone();
    theirs.fields = fields(json!({"text": "theirs"}));
    theirs.version = 4;
    r.apply_push(&[
        PushResultItem {
            mutation_id: clash.mutation_id,
            result: MutationResult::Conflict { record: theirs, fields: vec!["text".into()], deleted: false },
        },
        PushResultItem { mutation_id: bad.mutation_id, result: MutationResult::Rejected { reason: "no".into() } },
    ]);
    r
}

#[wasm_bindgen_test]
async fn a_saved_replica_loads_back_the_same_in_a_new_instance() {
    let name = format!("pathway-test-{}", Uuid::now_v7());
    let person = Uuid::now_v7();
    let replica = busy_replica(person);
    assert_eq!(replica.outbox.len(), 2);
    assert_eq!(replica.confirmed.len(), 3);
    assert_eq!(replica.conflicts.len(), 1);
    assert_eq!(replica.rejected.len(), 1);

    let store = Store::open(&name).await.unwrap();
    assert_eq!(store.load().await.unwrap(), None, "a new store is empty");
    store.replace(person, &replica).await.unwrap();
    store.close();

    let again = Store::open(&name).await.unwrap();
    let (owner, loaded) = again.load().await.unwrap().expect("saved");
    assert_eq!(owner, person);
    assert_eq!(loaded, replica);
    again.close();
    delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn only_what_changed_is_written_and_it_loads_back() {
    let name = format!("pathway-test-{}", Uuid::now_v7());
    let person = Uuid::now_v7();
    let mut replica = busy_replica(person);
    let store = Store::open(&name).await.unwrap();
    store.replace(person, &replica).await.unwrap();

    // The server takes the first pending change; a pull brings its record.
    let before = replica.clone();
    let first = replica.outbox[0].clone();
    replica.apply_push(&[PushResultItem {
        mutation_id: first.mutation_id,
        result: MutationResult::Applied { version: 5 },
    }]);
    let rec = SyncRecord {
        entity: EntityKind::Topic,
        id: first.record_id,
        owner_id: person,
        version: 5,
        fields: first.payload.clone(),
        updated_at: 0,
    };
    replica.apply_pull(&PullResponse {
        changes: vec![rec],
        tombstones: vec![],
        cursor: 5,
        last_seq: 1,
        has_more: false,
        forget: vec![],
    });
    let keep = replica.conflicts[0].mine.mutation_id;
    replica.keep_mine(keep);
    store.save(&Changes::between(person, Some(&before), &replica)).await.unwrap();

    let (_, loaded) = Store::open(&name).await.unwrap().load().await.unwrap().unwrap();
    assert_eq!(loaded, replica);
    assert!(loaded.conflicts.is_empty());
    assert_eq!(loaded.cursor, 5);
}

#[wasm_bindgen_test]
async fn wiping_empties_the_store() {
    let name = format!("pathway-test-{}", Uuid::now_v7());
    let person = Uuid::now_v7();
    let store = Store::open(&name).await.unwrap();
    store.replace(person, &busy_replica(person)).await.unwrap();
    assert!(store.load().await.unwrap().is_some());
    store.wipe().await.unwrap();
    assert_eq!(store.load().await.unwrap(), None);
    store.close();

    // A new instance agrees.
    let again = Store::open(&name).await.unwrap();
    assert_eq!(again.load().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn the_outbox_loads_back_in_the_order_it_was_made() {
    // 12 changes: as text, "10" would sort before "2"; seq keys are numbers.
    let name = format!("pathway-test-{}", Uuid::now_v7());
    let person = Uuid::now_v7();
    let mut r = Replica::new(Uuid::now_v7());
    for i in 0..12 {
        r.put(EntityKind::Topic, Uuid::now_v7(), fields(json!({"text": format!("Topic {i}")})));
    }
    let store = Store::open(&name).await.unwrap();
    store.replace(person, &r).await.unwrap();
    let (_, loaded) = store.load().await.unwrap().unwrap();
    let seqs: Vec<u64> = loaded.outbox.iter().map(|m| m.seq).collect();
    assert_eq!(seqs, (1..=12).collect::<Vec<_>>());
    store.close();
    delete_database(&name).await.unwrap();
}

/// Years of records: a pull of 500 is written a slice at a time and read
/// back a slice at a time, and none is lost, doubled or left behind by the
/// cursor, with the person's own pending change kept on top.
#[wasm_bindgen_test]
async fn years_of_records_save_and_load_back_whole() {
    let name = format!("pathway-test-{}", Uuid::now_v7());
    let person = Uuid::now_v7();
    let mut replica = Replica::new(Uuid::now_v7());
    let mine = replica.put(EntityKind::Topic, Uuid::now_v7(), fields(json!({"text": "Not sent yet"})));
    let store = Store::open(&name).await.unwrap();
    store.replace(person, &replica).await.unwrap();

    let before = replica.clone();
    let records: Vec<SyncRecord> = (0..500)
        .map(|i| SyncRecord {
            entity: EntityKind::Topic,
            id: Uuid::now_v7(),
            owner_id: person,
            version: i + 1,
            fields: fields(json!({"text": format!("Topic {i}"), "done": i % 2 == 0})),
            updated_at: 1_700_000_000_000,
        })
        .collect();
    replica.apply_pull(&PullResponse {
        changes: records,
        tombstones: vec![],
        cursor: 500,
        last_seq: 0,
        has_more: true,
        forget: vec![],
    });
    store.save(&Changes::between(person, Some(&before), &replica)).await.unwrap();
    store.close();

    let again = Store::open(&name).await.unwrap();
    let (_, loaded) = again.load().await.unwrap().expect("saved");
    assert_eq!(loaded.confirmed.len(), 500);
    assert_eq!(loaded.cursor, 500);
    assert_eq!(loaded.outbox, vec![mine]);
    assert_eq!(loaded, replica);
    again.close();
    delete_database(&name).await.unwrap();
}
