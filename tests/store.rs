//! The phone's store, in a real browser's IndexedDB: what is saved loads
//! back the same in a new instance (as after closing and opening the app),
//! and wiping leaves nothing.
#![cfg(target_arch = "wasm32")]

use pathway::idb::delete_database;
use pathway::store::Store;
use pathway::store::changes::Changes;
use pathway_model::sync::{EntityKind, Fields, MutationResult, PullResponse, PushResultItem, Replica, SyncRecord};
use serde_json::json;
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The store seals what it writes with the vault's key, so the vault opens
/// first (with no PIN: the device key), as the app does at start.
async fn open_store(name: &str) -> Store {
    pathway::vault::open_at_start().await.unwrap();
    Store::open(name).await.unwrap()
}

/// Every value in every object store of database `name`, as the browser
/// keeps it: what someone reading the phone's storage would see.
async fn raw_values(name: &str) -> Vec<wasm_bindgen::JsValue> {
    let db = pathway::idb::open(name, 1, &[]).await.unwrap();
    let mut out = Vec::new();
    for store in ["records", "outbox", "conflicts", "rejected", "meta"] {
        let tx = pathway::idb::transaction(&db, &[store], web_sys::IdbTransactionMode::Readonly, false).unwrap();
        let all =
            pathway::idb::request_done(&pathway::idb::store(&tx, store).unwrap().get_all().unwrap()).await.unwrap();
        out.extend(js_sys::Array::from(&all).iter());
    }
    db.close();
    out
}

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

    let store = open_store(&name).await;
    assert_eq!(store.load().await.unwrap(), None, "a new store is empty");
    store.replace(person, &replica).await.unwrap();
    store.close();

    let again = open_store(&name).await;
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
    let store = open_store(&name).await;
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

    let (_, loaded) = open_store(&name).await.load().await.unwrap().unwrap();
    assert_eq!(loaded, replica);
    assert!(loaded.conflicts.is_empty());
    assert_eq!(loaded.cursor, 5);
}

#[wasm_bindgen_test]
async fn wiping_empties_the_store() {
    let name = format!("pathway-test-{}", Uuid::now_v7());
    let person = Uuid::now_v7();
    let store = open_store(&name).await;
    store.replace(person, &busy_replica(person)).await.unwrap();
    assert!(store.load().await.unwrap().is_some());
    store.wipe().await.unwrap();
    assert_eq!(store.load().await.unwrap(), None);
    store.close();

    // A new instance agrees.
    let again = open_store(&name).await;
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
    let store = open_store(&name).await;
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
    let store = open_store(&name).await;
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

    let again = open_store(&name).await;
    let (_, loaded) = again.load().await.unwrap().expect("saved");
    assert_eq!(loaded.confirmed.len(), 500);
    assert_eq!(loaded.cursor, 500);
    assert_eq!(loaded.outbox, vec![mine]);
    assert_eq!(loaded, replica);
    again.close();
    delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn what_is_written_is_sealed_and_no_record_text_shows() {
    let name = format!("sealed-{}", Uuid::now_v7());
    let person = Uuid::now_v7();
    let mut r = busy_replica(person);
    r.put(EntityKind::Topic, Uuid::now_v7(), fields(json!({"text": "Appointment at the sexual health clinic"})));
    let store = open_store(&name).await;
    store.replace(person, &r).await.unwrap();
    store.close();
    let values = raw_values(&name).await;
    assert!(values.len() >= 6, "records, outbox, conflict, rejected and meta were written");
    for v in &values {
        assert!(v.as_string().is_none(), "a value was stored as text: {v:?}");
        let bytes = js_sys::Uint8Array::new(v).to_vec();
        let text = String::from_utf8_lossy(&bytes);
        for plain in ["sexual health", "Bus pass", "Topic 0", "theirs", &person.to_string()] {
            assert!(!text.contains(plain), "{plain:?} is readable at rest");
        }
    }
    let again = open_store(&name).await;
    let (owner, loaded) = again.load().await.unwrap().unwrap();
    again.close();
    assert_eq!(owner, person);
    assert_eq!(loaded.view(), r.view(), "and it opens back whole with the key");
}
