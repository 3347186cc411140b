//! Sync over real HTTP: exactly-once pushes, pulls that show each person
//! only what they may see, conflicts that keep both versions, bad input.

mod common;

use common::{TestServer, error_code, pull, push};
use serde_json::{Value, json};
use uuid::Uuid;

fn topic(client_id: Uuid, seq: u64, record: Uuid, payload: Value, base: Option<i64>) -> Value {
    json!({
        "mutation_id": Uuid::now_v7(), "client_id": client_id, "seq": seq, "entity": "topic",
        "record_id": record, "op": "put", "payload": payload, "base_version": base
    })
}

fn texts(pull: &Value) -> Vec<String> {
    pull["changes"].as_array().unwrap().iter().map(|r| r["fields"]["text"].as_str().unwrap_or("").to_string()).collect()
}

#[tokio::test]
async fn a_topic_reaches_the_server_once_however_often_it_is_sent() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let device = Uuid::now_v7();
    let m = topic(device, 1, Uuid::now_v7(), json!({"text": "Help with a laptop"}), None);
    let first = push(&s, &jade, vec![m.clone()]).await;
    assert_eq!(first[0]["status"], "applied");
    let version = first[0]["version"].as_i64().unwrap();
    for _ in 0..3 {
        let again = push(&s, &jade, vec![m.clone()]).await;
        assert_eq!(again[0], json!({"status": "already_applied", "version": version}));
    }
    let p = pull(&s, &jade, 0).await;
    assert_eq!(texts(&p), ["Help with a laptop"]);
    assert_eq!(p["changes"][0]["version"], version);
    assert_eq!(p["cursor"], version, "no other version was used by the repeats");
    // The device's last applied seq is reported back.
    let res: Value = jade
        .get(s.url(&format!("/api/v1/sync/pull?since=0&client_id={device}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(res["last_seq"], 1);
}

#[tokio::test]
async fn only_the_young_person_and_their_pa_ever_see_their_topics() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    push(&s, &jade, vec![topic(Uuid::now_v7(), 1, Uuid::now_v7(), json!({"text": "Jade's question"}), None)]).await;
    assert_eq!(texts(&pull(&s, &s.signed_in("pa.sam").await, 0).await), ["Jade's question"]);
    for other in ["tom", "kai", "pa.priya", "pa.dan"] {
        let p = pull(&s, &s.signed_in(other).await, 0).await;
        assert!(p["changes"].as_array().unwrap().is_empty(), "{other} saw {p}");
        assert!(p["tombstones"].as_array().unwrap().is_empty(), "{other}");
    }
    let res = s
        .signed_in("manager.liverpool")
        .await
        .get(s.url("/api/v1/sync/pull?client_id=0190c3f0-0000-7000-8000-000000000000"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_pa_can_mark_a_topic_talked_about_but_not_change_its_words() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let record = Uuid::now_v7();
    let v1 =
        push(&s, &jade, vec![topic(Uuid::now_v7(), 1, record, json!({"text": "Bus pass"}), None)]).await[0]["version"]
            .as_i64();
    let sam = s.signed_in("pa.sam").await;
    let pa_device = Uuid::now_v7();
    let r = push(
        &s,
        &sam,
        vec![
            topic(pa_device, 1, record, json!({"talked_about": true}), v1),
            topic(pa_device, 2, record, json!({"text": "Something else"}), v1),
            topic(pa_device, 3, Uuid::now_v7(), json!({"text": "New from PA"}), None),
        ],
    )
    .await;
    assert_eq!(r[0]["status"], "applied");
    assert_eq!(r[1]["status"], "rejected");
    assert!(r[1]["reason"].as_str().unwrap().contains("text"));
    assert_eq!(r[2]["status"], "rejected");
    let p = pull(&s, &jade, 0).await;
    assert_eq!(p["changes"][0]["fields"], json!({"text": "Bus pass", "talked_about": true}));
    // Another PA cannot touch it: the answer is the same as for no record.
    let r = push(
        &s,
        &s.signed_in("pa.priya").await,
        vec![topic(Uuid::now_v7(), 1, record, json!({"talked_about": false}), None)],
    )
    .await;
    assert_eq!(r[0], json!({"status": "rejected", "reason": "no such record"}));
    // The PA's change, and their device receiving Jade's topics, are in her audit trail.
    assert_eq!(texts(&pull(&s, &sam, 0).await), ["Bus pass"]);
    let trail =
        pathway_server::db::audit::for_subject(&s.db, s.person_id("jade").await.parse().unwrap()).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "changed_record"));
    assert!(trail.iter().any(|e| e.action == "synced_records"));
}

#[tokio::test]
async fn two_devices_changing_the_same_words_get_a_conflict_with_both_versions() {
    let s = TestServer::start().await;
    let phone = s.signed_in("jade").await;
    let tablet = s.signed_in("jade").await;
    let record = Uuid::now_v7();
    let v1 =
        push(&s, &phone, vec![topic(Uuid::now_v7(), 1, record, json!({"text": "Laptop"}), None)]).await[0]["version"]
            .as_i64();
    let r = push(&s, &tablet, vec![topic(Uuid::now_v7(), 1, record, json!({"text": "Laptop and phone"}), v1)]).await;
    assert_eq!(r[0]["status"], "applied");
    let r = push(&s, &phone, vec![topic(Uuid::now_v7(), 2, record, json!({"text": "A laptop for college"}), v1)]).await;
    assert_eq!(r[0]["status"], "conflict");
    assert_eq!(r[0]["record"]["fields"]["text"], "Laptop and phone");
    assert_eq!(r[0]["fields"], json!(["text"]));
    assert_eq!(texts(&pull(&s, &phone, 0).await), ["Laptop and phone"]);
}

#[tokio::test]
async fn deletes_reach_other_devices_as_tombstones() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let record = Uuid::now_v7();
    let device = Uuid::now_v7();
    let v1 = push(&s, &jade, vec![topic(device, 1, record, json!({"text": "Old question"}), None)]).await[0]["version"]
        .as_i64()
        .unwrap();
    let sam = s.signed_in("pa.sam").await;
    let before = pull(&s, &sam, 0).await;
    let cursor = before["cursor"].as_i64().unwrap();
    let del = json!({"mutation_id": Uuid::now_v7(), "client_id": device, "seq": 2, "entity": "topic",
        "record_id": record, "op": "delete", "base_version": v1});
    assert_eq!(push(&s, &jade, vec![del]).await[0]["status"], "applied");
    let after = pull(&s, &sam, cursor).await;
    assert!(after["changes"].as_array().unwrap().is_empty());
    assert_eq!(after["tombstones"][0]["id"], record.to_string());
}

#[tokio::test]
async fn a_long_history_comes_in_pages() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let device = Uuid::now_v7();
    let mut seq = 0;
    for _ in 0..3 {
        let batch: Vec<Value> = (0..200)
            .map(|i| {
                seq += 1;
                topic(device, seq, Uuid::now_v7(), json!({"text": format!("topic {i}")}), None)
            })
            .collect();
        push(&s, &jade, batch).await;
    }
    let first = pull(&s, &jade, 0).await;
    assert_eq!(first["changes"].as_array().unwrap().len(), 500);
    assert_eq!(first["has_more"], true);
    let second = pull(&s, &jade, first["cursor"].as_i64().unwrap()).await;
    assert_eq!(second["changes"].as_array().unwrap().len(), 100);
    assert_eq!(second["has_more"], false);
}

#[tokio::test]
async fn bad_sync_requests_get_clear_errors() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let bad_entity = json!({"mutations": [{"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1,
        "entity": "spaceship", "record_id": Uuid::now_v7(), "op": "put", "payload": {}, "base_version": null}]});
    let res = jade.post(s.url("/api/v1/sync/push")).json(&bad_entity).send().await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(error_code(res).await, "invalid_json");

    let too_many: Vec<Value> =
        (0..201).map(|i| topic(Uuid::now_v7(), i, Uuid::now_v7(), json!({"text": "x"}), None)).collect();
    let res = jade.post(s.url("/api/v1/sync/push")).json(&json!({"mutations": too_many})).send().await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(error_code(res).await, "validation_failed");

    for query in ["", "?since=0", "?since=abc&client_id=0190c3f0-0000-7000-8000-000000000000", "?client_id=nope"] {
        let res = jade.get(s.url(&format!("/api/v1/sync/pull{query}"))).send().await.unwrap();
        assert_eq!(res.status(), 400, "{query}");
        assert_eq!(error_code(res).await, "validation_failed");
    }
    let r =
        push(&s, &jade, vec![topic(Uuid::now_v7(), 1, Uuid::now_v7(), json!({"text": "x".repeat(501)}), None)]).await;
    assert_eq!(r[0]["status"], "rejected");
    assert!(r[0]["reason"].as_str().unwrap().contains("500"));
}

#[tokio::test]
async fn a_device_id_or_change_id_of_someone_else_is_refused() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let tom = s.signed_in("tom").await;
    let device = Uuid::now_v7();
    let m = topic(device, 1, Uuid::now_v7(), json!({"text": "Jade's"}), None);
    push(&s, &jade, vec![m.clone()]).await;
    // Tom replays Jade's exact change: he learns nothing about it.
    let r = push(&s, &tom, vec![m]).await;
    assert_eq!(r[0]["status"], "rejected");
    let r = push(&s, &tom, vec![topic(device, 2, Uuid::now_v7(), json!({"text": "Tom's"}), None)]).await;
    assert_eq!(r[0]["status"], "rejected");
    assert!(pull(&s, &tom, 0).await["changes"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_young_persons_tracker_syncs_and_their_pa_can_read_but_not_change_it() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let jade_id: Uuid = s.person_id("jade").await.parse().unwrap();
    let record = pathway_model::entitlement::record_id(jade_id, "liverpool", "laptop-and-data");
    let m = json!({"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1, "entity": "entitlement",
        "record_id": record, "op": "put", "base_version": null,
        "payload": {"council_id": "liverpool", "item_id": "laptop-and-data", "status": "claimed", "date": "2026-11-20"}});
    assert_eq!(push(&s, &jade, vec![m]).await[0]["status"], "applied");
    let sam = s.signed_in("pa.sam").await;
    let seen = pull(&s, &sam, 0).await;
    assert_eq!(seen["changes"][0]["entity"], "entitlement");
    assert_eq!(seen["changes"][0]["fields"]["status"], "claimed");
    let change = json!({"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1, "entity": "entitlement",
        "record_id": record, "op": "put", "base_version": seen["changes"][0]["version"], "payload": {"status": "asked"}});
    assert_eq!(push(&s, &sam, vec![change]).await[0]["status"], "rejected");
    assert!(pull(&s, &s.signed_in("pa.priya").await, 0).await["changes"].as_array().unwrap().is_empty());
}
