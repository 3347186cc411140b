//! Conflicts and refused changes, as a person sees them: both versions in
//! words, nothing they wrote dropped without a word.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pathway::store::SyncState;
use pathway::topic::SyncNotices;
use pathway_model::sync::replica::{PendingConflict, RejectedChange};
use pathway_model::sync::{EntityKind, Fields, Mutation, Op, SyncRecord};
use serde_json::json;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fields(v: serde_json::Value) -> Fields {
    v.as_object().unwrap().clone()
}

fn my_change(op: Op, payload: Fields) -> Mutation {
    Mutation {
        mutation_id: Uuid::now_v7(),
        client_id: Uuid::now_v7(),
        seq: 1,
        entity: EntityKind::Topic,
        record_id: Uuid::from_u128(10),
        op,
        payload,
        base_version: Some(1),
        owner_id: None,
    }
}

fn theirs(text: &str) -> SyncRecord {
    SyncRecord {
        entity: EntityKind::Topic,
        id: Uuid::from_u128(10),
        owner_id: Uuid::from_u128(3),
        version: 2,
        fields: fields(json!({"text": text, "done": false})),
        updated_at: 0,
    }
}

async fn render(conflicts: Vec<PendingConflict>, rejected: Vec<RejectedChange>) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let sync = SyncState::new();
        sync.conflicts.set(conflicts);
        sync.rejected.set(rejected);
        provide_context(sync);
        view! { <SyncNotices owner=None/> }
    });
    std::mem::forget(handle);
    leptos::task::tick().await;
    host
}

fn buttons(el: &web_sys::HtmlElement) -> Vec<String> {
    let list = el.query_selector_all("button").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap().trim().to_string()).collect()
}

#[wasm_bindgen_test]
async fn a_conflict_shows_what_i_wrote_and_what_is_there_now() {
    let c = PendingConflict {
        mine: my_change(Op::Put, fields(json!({"text": "Driving lessons: how many?"}))),
        theirs: theirs("Driving lessons: who pays?"),
        fields: vec!["text".into()],
        deleted: false,
    };
    let host = render(vec![c], vec![]).await;
    let all = host.text_content().unwrap();
    assert!(all.contains("This changed on another device"), "{all}");
    assert!(all.contains("What you wrote"));
    assert!(all.contains("Driving lessons: how many?"));
    assert!(all.contains("What's there now"));
    assert!(all.contains("Driving lessons: who pays?"));
    assert_eq!(buttons(&host), ["Keep mine", "Keep theirs"]);
    let section = host.query_selector("section").unwrap().unwrap();
    let heading = host.query_selector("h3").unwrap().unwrap();
    assert_eq!(section.get_attribute("aria-labelledby"), Some(heading.id()));
    assert!(host.query_selector("[style]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_record_deleted_elsewhere_is_said_in_words() {
    let c = PendingConflict {
        mine: my_change(Op::Put, fields(json!({"text": "Still want to ask this"}))),
        theirs: theirs("old words"),
        fields: vec![],
        deleted: true,
    };
    let host = render(vec![c], vec![]).await;
    let all = host.text_content().unwrap();
    assert!(all.contains("Still want to ask this"));
    assert!(all.contains("It was deleted on another device."));
}

#[wasm_bindgen_test]
async fn a_refused_change_gives_the_reason_the_words_and_a_dismiss_button() {
    let r = RejectedChange {
        mutation: my_change(Op::Put, fields(json!({"text": "My words"}))),
        reason: "no such record".into(),
    };
    let host = render(vec![], vec![r]).await;
    let all = host.text_content().unwrap();
    assert!(all.contains("Pathway couldn't save a change."));
    assert!(all.contains("no such record"));
    assert!(all.contains("My words"));
    assert_eq!(buttons(&host), ["Dismiss"]);
}
