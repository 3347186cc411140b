//! My health over real HTTP: a PA records entries for their own caseload
//! only, a young person never edits a professional's words, and an entry
//! marked "only me" never leaves the server for anyone else.

mod common;

use common::{TestServer, pull, push, put};
use serde_json::{Value, json};
use uuid::Uuid;

fn allergy() -> Value {
    json!({"kind": "allergy", "author": "professional", "title": "Penicillin", "severity": "severe",
           "source": "Health assessment, March 2024", "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa"})
}

fn family_history() -> Value {
    json!({"kind": "family_history", "author": "professional", "title": "Heart disease in birth family",
           "relation": "birth father", "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa_and_health"})
}

fn titles(p: &Value) -> Vec<String> {
    p["changes"].as_array().unwrap().iter().filter_map(|r| r["fields"]["title"].as_str().map(String::from)).collect()
}

/// The health entries in a pull (Jade's demo plan comes along too).
fn entries(p: &Value) -> Vec<Value> {
    p["changes"].as_array().unwrap().iter().filter(|r| r["entity"] == "health_entry").cloned().collect()
}

fn tombstones(p: &Value) -> Vec<String> {
    p["tombstones"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn an_entry_made_only_me_leaves_the_pas_device_and_never_leaves_the_server_again() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let jade = s.signed_in("jade").await;
    let entry = Uuid::now_v7();
    let r = push(&s, &sam, vec![put("health_entry", entry, family_history(), None, Some(&jade_id))]).await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");
    let version = r[0]["version"].as_i64().unwrap();

    let sam_before = pull(&s, &sam, 0).await;
    assert_eq!(titles(&sam_before), ["Heart disease in birth family"]);
    let sam_cursor = sam_before["cursor"].as_i64().unwrap();

    let r =
        push(&s, &jade, vec![put("health_entry", entry, json!({"visibility": "me_only"}), Some(version), None)]).await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");

    // Sam's next pull takes it off his laptop, without its words.
    let sam_after = pull(&s, &sam, sam_cursor).await;
    assert_eq!(tombstones(&sam_after), [entry.to_string()]);
    assert!(entries(&sam_after).is_empty());
    assert!(!sam_after.to_string().contains("Heart disease"), "{sam_after}");
    // A new device of Sam's, pulling from the start, gets nothing at all.
    let sam_fresh = pull(&s, &sam, 0).await;
    assert!(!sam_fresh.to_string().contains("Heart disease"), "{sam_fresh}");
    // Jade still has it, with her choice.
    let mine = pull(&s, &jade, 0).await;
    assert_eq!(entries(&mine)[0]["fields"]["visibility"], "me_only");
    // Nobody else ever sees it, before or after.
    for other in ["tom", "kai", "pa.priya", "pa.dan"] {
        let p = pull(&s, &s.signed_in(other).await, 0).await;
        assert!(entries(&p).is_empty() && tombstones(&p).is_empty(), "{other}: {p}");
    }
    let res = s
        .signed_in("manager.liverpool")
        .await
        .get(s.url(&format!("/api/v1/sync/pull?client_id={}", Uuid::now_v7())))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Sam cannot write to it any more: it is as if it did not exist.
    let r = push(&s, &sam, vec![put("health_entry", entry, json!({"title": "Changed"}), Some(version), None)]).await;
    assert_eq!(r[0]["status"], "rejected");
    // Shared again, it comes back to Sam in full.
    let latest = entries(&mine)[0]["version"].as_i64().unwrap();
    push(&s, &jade, vec![put("health_entry", entry, json!({"visibility": "my_pa"}), Some(latest), None)]).await;
    let again = pull(&s, &sam, sam_after["cursor"].as_i64().unwrap()).await;
    assert_eq!(titles(&again), ["Heart disease in birth family"]);
}

#[tokio::test]
async fn an_entry_made_only_me_by_the_young_person_is_never_mentioned_to_the_pa() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let secret = json!({"kind": "note", "author": "me", "title": "Private worry", "recorded_by": "Jade", "visibility": "me_only"});
    let id = Uuid::now_v7();
    let r = push(&s, &jade, vec![put("health_entry", id, secret, None, None)]).await;
    assert_eq!(r[0]["status"], "applied");
    let sam = s.signed_in("pa.sam").await;
    let p = pull(&s, &sam, 0).await;
    assert!(!p.to_string().contains(&id.to_string()), "not even its id: {p}");
    // Deleted later, still never mentioned.
    let del = json!({"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1, "entity": "health_entry",
                     "record_id": id, "op": "delete", "base_version": r[0]["version"]});
    assert_eq!(push(&s, &jade, vec![del]).await[0]["status"], "applied");
    assert!(!pull(&s, &sam, 0).await.to_string().contains(&id.to_string()));
}

#[tokio::test]
async fn a_young_person_asks_for_a_correction_but_cannot_change_a_professional_entry() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let jade = s.signed_in("jade").await;
    let id = Uuid::now_v7();
    let v = push(&s, &sam, vec![put("health_entry", id, allergy(), None, Some(&jade_id))]).await[0]["version"]
        .as_i64()
        .unwrap();

    for change in [json!({"title": "Nothing"}), json!({"severity": "mild"}), json!({"author": "me"})] {
        let r = push(&s, &jade, vec![put("health_entry", id, change.clone(), Some(v), None)]).await;
        assert_eq!(r[0]["status"], "rejected", "{change}");
    }
    let del = json!({"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1, "entity": "health_entry",
                     "record_id": id, "op": "delete", "base_version": v});
    assert_eq!(push(&s, &jade, vec![del]).await[0]["status"], "rejected");

    let ask = json!({"correction": "It was amoxicillin, not penicillin", "correction_at": 1_790_000_000_000_i64});
    assert_eq!(push(&s, &jade, vec![put("health_entry", id, ask, Some(v), None)]).await[0]["status"], "applied");
    let seen = pull(&s, &sam, 0).await;
    let fields = &entries(&seen)[0]["fields"];
    assert_eq!(fields["title"], "Penicillin", "nothing silently overwritten");
    assert_eq!(fields["correction"], "It was amoxicillin, not penicillin");
}

#[tokio::test]
async fn a_pa_cannot_write_for_someone_off_their_caseload_and_bad_entries_change_nothing() {
    let s = TestServer::start().await;
    let kai_id = s.person_id("kai").await;
    let jade_id = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let r = push(&s, &sam, vec![put("health_entry", Uuid::now_v7(), allergy(), None, Some(&kai_id))]).await;
    assert_eq!(r[0]["status"], "rejected", "Kai is Priya's, not Sam's");
    assert!(entries(&pull(&s, &s.signed_in("kai").await, 0).await).is_empty());

    let with = |k: &str, v: Value| {
        let mut e = allergy();
        e[k] = v;
        e
    };
    let bad = [
        with("date", json!("2024-02-30")),
        with("date", json!("31/01/2024")),
        with("kind", json!("tattoo")),
        with("details", json!("x".repeat(2001))),
        with("visibility", json!("everyone")),
        with("dose", json!("twice a day")),
    ];
    for entry in bad {
        let r = push(&s, &sam, vec![put("health_entry", Uuid::now_v7(), entry.clone(), None, Some(&jade_id))]).await;
        assert_eq!(r[0]["status"], "rejected", "{entry}");
        assert!(!r[0]["reason"].as_str().unwrap().is_empty());
    }
    assert!(entries(&pull(&s, &s.signed_in("jade").await, 0).await).is_empty(), "nothing stored");
    // An unknown kind of record is bad input for the whole request.
    let res = sam
        .post(s.url("/api/v1/sync/push"))
        .json(&json!({"mutations": [put("x_ray", Uuid::now_v7(), json!({}), None, Some(&jade_id))]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
}
