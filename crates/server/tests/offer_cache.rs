//! The offer is kept in memory per council (db/offer_cache.rs). What a
//! person sees must not change for it: a newly published offer shows on the
//! very next read, whoever published it, and the answer is still exactly an
//! `OfferBook` of the items in the database.

mod common;

use common::TestServer;
use pathway_model::offer::{OfferBook, OfferItem, oruk};
use serde_json::{Value, json};

async fn book(s: &TestServer, c: &reqwest::Client) -> OfferBook {
    let res = c.get(s.url("/api/v1/offer")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    // Read as the app reads it, so a field the kept JSON lacks would fail here.
    res.json().await.expect("GET /offer is an OfferBook")
}

fn titles(items: &[OfferItem]) -> Vec<&str> {
    items.iter().map(|i| i.title.as_str()).collect()
}

/// The ORUK UK profile's own example service, renamed.
fn one_service(name: &str) -> Value {
    let mut example: Value =
        serde_json::from_str(include_str!("../../../data/oruk/service_full.example.json")).unwrap();
    example["name"] = json!(name);
    json!({ "contents": [example] })
}

#[tokio::test]
async fn a_published_offer_shows_at_once_to_someone_who_read_the_old_one() {
    let s = TestServer::start().await;
    let kai = s.signed_in("kai").await;
    let before = book(&s, &kai).await;
    assert_eq!(book(&s, &kai).await, before, "read twice, the second from memory");
    let stored = pathway_server::db::offer::items(&s.db, "knowsley").await.unwrap();
    assert_eq!(before.items, stored, "what is sent is what is stored");
    assert!(before.profile.is_some(), "a young person still gets their profile");

    let manager = s.signed_in("manager.knowsley").await;
    let res = manager.put(s.url("/api/v1/offer/items")).json(&one_service("Knowsley drop-in")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(titles(&book(&s, &kai).await.items), ["Knowsley drop-in"]);
    assert_eq!(titles(&book(&s, &manager).await.items), ["Knowsley drop-in"]);
    // Another council's kept offer is untouched.
    let jade = book(&s, &s.signed_in("jade").await).await;
    assert_eq!(jade.items, pathway_server::db::offer::items(&s.db, "liverpool").await.unwrap());
}

#[tokio::test]
async fn an_offer_imported_by_another_process_shows_at_once() {
    let s = TestServer::start().await;
    let sam = s.signed_in("pa.sam").await;
    let before = book(&s, &sam).await;
    assert!(before.items.len() >= 15);

    // As `pathway-server import-offer` does, on its own connection: this
    // server hears nothing of it but the council's new revision.
    let other = pathway_server::db::Db::connect(&s.database_url).await.unwrap();
    let items = oruk::import(&one_service("Liverpool night shelter"), "liverpool").unwrap();
    pathway_server::db::offer::replace(&other, "liverpool", &items, "Another replica").await.unwrap();
    other.close().await;

    let after = book(&s, &sam).await;
    assert_eq!(titles(&after.items), ["Liverpool night shelter"]);
    assert_eq!(after.council, before.council);
}
