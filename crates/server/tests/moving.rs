//! Moving a young person to another PA (issue 13 item 8, decision 0006):
//! the old PA's devices forget her, the new PA's next pull brings her whole
//! visible history whatever its cursor, and no PA and no fresh device ever
//! hears of a record hidden from them, not even its id.

mod common;

use std::collections::BTreeSet;

use common::{TestServer, error_code, push, put};
use reqwest::Client;
use serde_json::{Value, json};
use uuid::Uuid;

/// Another PA of `council` who can sign in with the demo passphrase.
async fn add_pa(s: &TestServer, username: &str, council: &str) -> String {
    let id = Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO people (id, council_id, role, username, passphrase_hash, first_name, last_name, created_at,
                             passphrase_set_at, second_factor_optional)
         SELECT $1, $2, 'advisor', $3, passphrase_hash, 'Lee', 'Park', created_at, created_at, 1
         FROM people WHERE username = 'pa.sam'",
    )
    .bind(&id)
    .bind(council)
    .bind(username)
    .execute(s.db.writer())
    .await
    .unwrap();
    id
}

async fn move_to(s: &TestServer, manager: &Client, person: &str, advisor: Option<&str>) -> reqwest::Response {
    manager
        .put(s.url(&format!("/api/v1/council/young-people/{person}/advisor")))
        .json(&json!({ "advisor_id": advisor }))
        .send()
        .await
        .unwrap()
}

/// A pull as one device at `since`, following pages to the end.
async fn pull_all(s: &TestServer, c: &Client, since: i64) -> Value {
    let client_id = Uuid::now_v7();
    let mut since = since;
    let mut all = json!({"changes": [], "tombstones": [], "forget": []});
    loop {
        let url = s.url(&format!("/api/v1/sync/pull?since={since}&client_id={client_id}"));
        let res = c.get(url).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let page: Value = res.json().await.unwrap();
        for key in ["changes", "tombstones", "forget"] {
            let more = page[key].as_array().cloned().unwrap_or_default();
            all[key].as_array_mut().unwrap().extend(more);
        }
        since = page["cursor"].as_i64().unwrap();
        all["cursor"] = json!(since);
        if page["has_more"] != true {
            return all;
        }
    }
}

fn ids(p: &Value, key: &str) -> BTreeSet<String> {
    p[key].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

fn forget(p: &Value) -> Vec<String> {
    p["forget"].as_array().map(|f| f.iter().map(|v| v.as_str().unwrap().to_string()).collect()).unwrap_or_default()
}

fn owned_by(p: &Value, owner: &str) -> BTreeSet<String> {
    p["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["owner_id"] == owner)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn note(title: &str, visibility: &str) -> Value {
    json!({"kind": "note", "author": "me", "title": title, "recorded_by": "Jade", "visibility": visibility})
}

fn applied(r: &[Value]) -> i64 {
    assert_eq!(r[0]["status"], "applied", "{r:?}");
    r[0]["version"].as_i64().unwrap()
}

#[tokio::test]
async fn a_young_person_moves_with_her_history_and_her_private_entries_stay_private() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let lee_id = add_pa(&s, "pa.lee", "liverpool").await;
    let jade = s.signed_in("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let lee = s.signed_in("pa.lee").await;
    let manager = s.signed_in("manager.liverpool").await;

    // Her history: two topics, an entry shared with her PA, one that was
    // only ever hers, and an allergy Sam recorded.
    let (t1, t2, shared, secret, allergy) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    applied(&push(&s, &jade, vec![put("topic", t1, json!({"text": "Bus pass"}), None, None)]).await);
    applied(&push(&s, &jade, vec![put("topic", t2, json!({"text": "Laptop"}), None, None)]).await);
    let shared_v = applied(&push(&s, &jade, vec![put("health_entry", shared, note("Asthma", "my_pa"), None, None)]).await);
    applied(&push(&s, &jade, vec![put("health_entry", secret, note("Private worry", "me_only"), None, None)]).await);
    let allergy_fields = json!({"kind": "allergy", "author": "professional", "title": "Penicillin",
        "severity": "severe", "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa"});
    applied(&push(&s, &sam, vec![put("health_entry", allergy, allergy_fields, None, Some(&jade_id))]).await);

    // Sam's laptop has what he may see; Lee's has nothing of hers.
    let sam_before = pull_all(&s, &sam, 0).await;
    let seen: BTreeSet<String> = [t1, t2, shared, allergy].iter().map(Uuid::to_string).collect();
    assert_eq!(owned_by(&sam_before, &jade_id), seen);
    let sam_cursor = sam_before["cursor"].as_i64().unwrap();
    let lee_before = pull_all(&s, &lee, 0).await;
    assert!(lee_before["changes"].as_array().unwrap().is_empty(), "{lee_before}");
    // Another change, so Lee's cursor is not the start.
    applied(&push(&s, &s.signed_in("tom").await, vec![put("topic", Uuid::now_v7(), json!({"text": "Rent"}), None, None)]).await);
    let lee_cursor = pull_all(&s, &lee, lee_before["cursor"].as_i64().unwrap()).await["cursor"].as_i64().unwrap();
    assert!(lee_cursor > 0);

    // She hides the shared entry after Sam saw it.
    applied(&push(&s, &jade, vec![put("health_entry", shared, json!({"visibility": "me_only"}), Some(shared_v), None)]).await);
    let hidden: BTreeSet<String> = [shared, secret].iter().map(Uuid::to_string).collect();

    let res = move_to(&s, &manager, &jade_id, Some(&lee_id)).await;
    assert_eq!(res.status(), 204);
    let detail: String = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE subject_id = $1 AND action = 'moved_to_advisor' AND actor_id = $2",
    )
    .bind(&jade_id)
    .bind(s.person_id("manager.liverpool").await)
    .fetch_one(s.db.pool())
    .await
    .unwrap();
    assert_eq!(detail, lee_id);

    // Sam's laptop forgets her, once; nothing of hers comes again.
    let sam_after = pull_all(&s, &sam, sam_cursor).await;
    assert_eq!(forget(&sam_after), [jade_id.clone()]);
    assert!(owned_by(&sam_after, &jade_id).is_empty(), "{sam_after}");
    for id in seen.iter().chain(&hidden) {
        assert!(!sam_after["tombstones"].to_string().contains(id.as_str()), "{sam_after}");
    }
    let sam_next = pull_all(&s, &sam, sam_after["cursor"].as_i64().unwrap()).await;
    assert!(forget(&sam_next).is_empty() && owned_by(&sam_next, &jade_id).is_empty(), "{sam_next}");
    let sam_fresh = pull_all(&s, &sam, 0).await;
    assert!(forget(&sam_fresh).is_empty() && !sam_fresh.to_string().contains(&jade_id), "{sam_fresh}");

    // Lee's laptop, from where it was, gets her whole visible history, each
    // record at its own version; a fresh device of Lee's gets the same.
    let visible: BTreeSet<String> = [t1, t2, allergy].iter().map(Uuid::to_string).collect();
    for lee_pull in [pull_all(&s, &lee, lee_cursor).await, pull_all(&s, &lee, 0).await] {
        assert_eq!(owned_by(&lee_pull, &jade_id), visible, "{lee_pull}");
        let versions: Vec<i64> =
            lee_pull["changes"].as_array().unwrap().iter().map(|r| r["version"].as_i64().unwrap()).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "distinct, in order: {versions:?}");
        assert!(lee_pull["tombstones"].as_array().unwrap().is_empty(), "{lee_pull}");
        assert!(forget(&lee_pull).is_empty());
        let text = lee_pull.to_string();
        for id in &hidden {
            assert!(!text.contains(id.as_str()), "never the id of a hidden record: {text}");
        }
        assert!(!text.contains("Private worry") && !text.contains("Asthma"));
    }
    let lee_cursor = pull_all(&s, &lee, lee_cursor).await["cursor"].as_i64().unwrap();

    // What she keeps to herself after the move never reaches Lee either.
    let later = Uuid::now_v7();
    applied(&push(&s, &jade, vec![put("health_entry", later, note("New worry", "me_only"), None, None)]).await);
    let lee_later = pull_all(&s, &lee, lee_cursor).await;
    assert!(!lee_later.to_string().contains(&later.to_string()), "{lee_later}");
    // What she shares after the move does, and its hiding reaches Lee's
    // device that had it.
    let open = Uuid::now_v7();
    let open_v = applied(&push(&s, &jade, vec![put("health_entry", open, note("Hay fever", "my_pa"), None, None)]).await);
    let lee_open = pull_all(&s, &lee, lee_cursor).await;
    assert_eq!(owned_by(&lee_open, &jade_id), BTreeSet::from([open.to_string()]));
    applied(&push(&s, &jade, vec![put("health_entry", open, json!({"visibility": "me_only"}), Some(open_v), None)]).await);
    let lee_hidden = pull_all(&s, &lee, lee_open["cursor"].as_i64().unwrap()).await;
    assert_eq!(ids(&lee_hidden, "tombstones"), BTreeSet::from([open.to_string()]));

    // Her own phone still has everything of hers.
    let mine = pull_all(&s, &jade, 0).await;
    for id in seen.iter().chain(&hidden) {
        assert!(owned_by(&mine, &jade_id).contains(id), "{id}");
    }
    // Sam cannot write to her records any more.
    let r = push(&s, &sam, vec![put("topic", t1, json!({"talked_about": true}), None, None)]).await;
    assert_eq!(r[0]["status"], "rejected");
}

#[tokio::test]
async fn moving_back_brings_her_back_to_a_device_that_forgot_her() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let sam_id = s.person_id("pa.sam").await;
    let lee_id = add_pa(&s, "pa.lee", "liverpool").await;
    let jade = s.signed_in("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let manager = s.signed_in("manager.liverpool").await;
    let topic = Uuid::now_v7();
    applied(&push(&s, &jade, vec![put("topic", topic, json!({"text": "Bus pass"}), None, None)]).await);
    let sam_cursor = pull_all(&s, &sam, 0).await["cursor"].as_i64().unwrap();

    assert_eq!(move_to(&s, &manager, &jade_id, Some(&lee_id)).await.status(), 204);
    assert_eq!(move_to(&s, &manager, &jade_id, Some(&sam_id)).await.status(), 204);
    // Forget first, then her records again: the device ends with them.
    let back = pull_all(&s, &sam, sam_cursor).await;
    assert_eq!(forget(&back), [jade_id.clone()]);
    assert_eq!(owned_by(&back, &jade_id), BTreeSet::from([topic.to_string()]));
    // Lee's device never had her: nothing to forget from the start.
    let lee = s.signed_in("pa.lee").await;
    let lee_pull = pull_all(&s, &lee, 0).await;
    assert!(forget(&lee_pull).is_empty() && !lee_pull.to_string().contains(&jade_id));

    // To nobody: Sam forgets her and no PA sees her records.
    let cursor = back["cursor"].as_i64().unwrap();
    assert_eq!(move_to(&s, &manager, &jade_id, None).await.status(), 204);
    let gone = pull_all(&s, &sam, cursor).await;
    assert_eq!(forget(&gone), [jade_id.clone()]);
    let detail: Vec<String> =
        sqlx::query_scalar("SELECT detail FROM audit_events WHERE subject_id = $1 AND action = 'moved_to_advisor'")
            .bind(&jade_id)
            .fetch_all(s.db.pool())
            .await
            .unwrap();
    assert_eq!(detail.len(), 3);
    assert!(detail.contains(&"none".to_string()));
    let advisor: Option<String> = sqlx::query_scalar("SELECT advisor_id FROM people WHERE id = $1")
        .bind(&jade_id)
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    assert_eq!(advisor, None);
}

#[tokio::test]
async fn a_move_that_is_not_allowed_changes_nothing() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let kai_id = s.person_id("kai").await;
    let sam_id = s.person_id("pa.sam").await;
    let manager = s.signed_in("manager.liverpool").await;
    applied(&push(&s, &s.signed_in("jade").await, vec![put("topic", Uuid::now_v7(), json!({"text": "Rent"}), None, None)]).await);
    let disabled_pa = add_pa(&s, "pa.gone", "liverpool").await;
    sqlx::query("UPDATE people SET disabled_at = 1 WHERE id = $1").bind(&disabled_pa).execute(s.db.writer()).await.unwrap();

    let state = |s: &TestServer| {
        let pool = s.db.pool().clone();
        let jade_id = jade_id.clone();
        async move {
            let advisor: Option<String> =
                sqlx::query_scalar("SELECT advisor_id FROM people WHERE id = $1").bind(&jade_id).fetch_one(&pool).await.unwrap();
            let versions: Vec<i64> = sqlx::query_scalar("SELECT version FROM sync_records WHERE owner_id = $1 ORDER BY id")
                .bind(&jade_id)
                .fetch_all(&pool)
                .await
                .unwrap();
            let trail: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'moved_to_advisor'")
                .fetch_one(&pool)
                .await
                .unwrap();
            let departures: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM caseload_departures").fetch_one(&pool).await.unwrap();
            (advisor, versions, trail, departures)
        }
    };
    let before = state(&s).await;
    assert_eq!(before.0.as_deref(), Some(sam_id.as_str()));

    let priya = s.person_id("pa.priya").await;
    let manager_id = s.person_id("manager.liverpool").await;
    // Another council's PA, a manager, a disabled PA, nobody at all.
    for to in [priya.as_str(), manager_id.as_str(), disabled_pa.as_str(), "0190c3f0-0000-7000-8000-000000000000"] {
        let res = move_to(&s, &manager, &jade_id, Some(to)).await;
        assert_eq!(res.status(), 422, "to {to}");
        assert_eq!(error_code(res).await, "validation_failed");
    }
    // Another council's young person, or Jade by another council's manager.
    assert_eq!(move_to(&s, &manager, &kai_id, Some(&sam_id)).await.status(), 404);
    let knowsley = s.signed_in("manager.knowsley").await;
    assert_eq!(move_to(&s, &knowsley, &jade_id, Some(&priya)).await.status(), 404);
    assert_eq!(move_to(&s, &knowsley, &jade_id, None).await.status(), 404);
    // A PA cannot move anyone.
    assert_eq!(move_to(&s, &s.signed_in("pa.sam").await, &jade_id, None).await.status(), 403);
    assert_eq!(state(&s).await, before);

    // A closed account stays where it is.
    sqlx::query("UPDATE people SET closed_at = 1 WHERE id = $1").bind(&jade_id).execute(s.db.writer()).await.unwrap();
    let res = move_to(&s, &manager, &jade_id, None).await;
    assert_eq!(res.status(), 422);
    assert_eq!(state(&s).await, before);
}

#[tokio::test]
async fn a_long_history_reaches_the_new_pa_in_pages_each_record_once() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let lee_id = add_pa(&s, "pa.lee", "liverpool").await;
    let jade = s.signed_in("jade").await;
    let lee = s.signed_in("pa.lee").await;
    let lee_cursor = pull_all(&s, &lee, 0).await["cursor"].as_i64().unwrap();
    // More than one page (500) of topics.
    let mut made = BTreeSet::new();
    for _ in 0..3 {
        let batch: Vec<Value> = (0..200)
            .map(|i| {
                let id = Uuid::now_v7();
                made.insert(id.to_string());
                put("topic", id, json!({ "text": format!("Topic {i}") }), None, None)
            })
            .collect();
        let results = push(&s, &jade, batch).await;
        assert!(results.iter().all(|r| r["status"] == "applied"));
    }
    let manager = s.signed_in("manager.liverpool").await;
    assert_eq!(move_to(&s, &manager, &jade_id, Some(&lee_id)).await.status(), 204);

    let client_id = Uuid::now_v7();
    let (mut since, mut pages, mut got) = (lee_cursor, 0, Vec::new());
    loop {
        let url = s.url(&format!("/api/v1/sync/pull?since={since}&client_id={client_id}"));
        let page: Value = lee.get(url).send().await.unwrap().json().await.unwrap();
        pages += 1;
        for r in page["changes"].as_array().unwrap() {
            assert!(r["version"].as_i64().unwrap() > since);
            got.push(r["id"].as_str().unwrap().to_string());
        }
        since = page["cursor"].as_i64().unwrap();
        if page["has_more"] != true {
            break;
        }
    }
    assert!(pages >= 2, "{pages} pages");
    assert_eq!(got.len(), made.len(), "each record once");
    assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), made);
}
