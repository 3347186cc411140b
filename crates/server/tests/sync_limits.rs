//! Sync limits (issue 15, item 7): a person who sends more changes than
//! the per-minute figure is told to wait, and no one else is; a push over
//! the per-push figure is refused; a repeat, a refused change and a
//! conflict use up no version and store nothing; old stored answers go.

mod common;

use common::{TestServer, push};
use pathway_model::sync::limits::{CHANGES_PER_MINUTE, CHANGES_PER_PUSH, WINDOW_SECS};
use reqwest::Client;
use serde_json::{Value, json};
use uuid::Uuid;

fn topic(client_id: Uuid, seq: u64, record: Uuid, payload: Value, base: Option<i64>) -> Value {
    json!({
        "mutation_id": Uuid::now_v7(), "client_id": client_id, "seq": seq, "entity": "topic",
        "record_id": record, "op": "put", "payload": payload, "base_version": base
    })
}

/// `n` new topics from one device, numbered from `first_seq`.
fn topics(device: Uuid, first_seq: u64, n: usize) -> Vec<Value> {
    (0..n as u64)
        .map(|i| {
            topic(device, first_seq + i, Uuid::now_v7(), json!({"text": format!("Topic {}", first_seq + i)}), None)
        })
        .collect()
}

async fn push_to(base: &str, c: &Client, mutations: Vec<Value>) -> reqwest::Response {
    c.post(format!("{base}/api/v1/sync/push")).json(&json!({ "mutations": mutations })).send().await.unwrap()
}

async fn scalar(s: &TestServer, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(s.db.pool()).await.unwrap()
}

/// The change counter and the stored answers: what a push uses up.
async fn used(s: &TestServer) -> (i64, i64) {
    (
        scalar(s, "SELECT value FROM change_counter WHERE id = 1").await,
        scalar(s, "SELECT COUNT(*) FROM applied_mutations").await,
    )
}

#[tokio::test]
async fn over_the_figure_for_a_minute_she_is_told_to_wait_and_someone_else_is_not() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let device = Uuid::now_v7();
    let full_pushes = CHANGES_PER_MINUTE as usize / CHANGES_PER_PUSH;
    for p in 0..full_pushes {
        let results = push(&s, &jade, topics(device, 1 + (p * CHANGES_PER_PUSH) as u64, CHANGES_PER_PUSH)).await;
        assert!(results.iter().all(|r| r["status"] == "applied"), "push {p}");
    }
    let before = used(&s).await;
    let next = 1 + (full_pushes * CHANGES_PER_PUSH) as u64;
    let res = push_to(&s.base, &jade, topics(device, next, 1)).await;
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=u64::from(WINDOW_SECS)).contains(&wait), "Retry-After {wait}");
    assert_eq!(common::error_code(res).await, "too_many_changes");
    assert_eq!(used(&s).await, before, "nothing of the refused push was applied");

    // Her other phone is slowed too: the figure is per person.
    let res = push_to(&s.base, &jade, topics(Uuid::now_v7(), 1, 1)).await;
    assert_eq!(res.status(), 429);
    // Someone else syncs as usual.
    let tom = s.signed_in("tom").await;
    assert_eq!(push(&s, &tom, topics(Uuid::now_v7(), 1, 3)).await.len(), 3);
    // And a window that has ended lets her send again.
    sqlx::query("UPDATE sync_limits SET window_start = window_start - $1")
        .bind(i64::from(WINDOW_SECS) * 1000)
        .execute(s.db.writer())
        .await
        .unwrap();
    assert_eq!(push(&s, &jade, topics(device, next, 1)).await[0]["status"], "applied");
}

#[tokio::test]
async fn the_figure_holds_across_two_servers_on_one_database() {
    let s = TestServer::start().await;
    let other = s.replica(pathway_server::state::Config::local()).await;
    let jade = s.signed_in("jade").await;
    let device = Uuid::now_v7();
    let mut seq = 1;
    let base_of = |i: usize| if i % 2 == 0 { s.base.clone() } else { other.clone() };
    for i in 0..CHANGES_PER_MINUTE as usize / CHANGES_PER_PUSH {
        let res = push_to(&base_of(i), &jade, topics(device, seq, CHANGES_PER_PUSH)).await;
        assert_eq!(res.status(), 200, "push {i}");
        seq += CHANGES_PER_PUSH as u64;
    }
    for base in [s.base.clone(), other.clone()] {
        assert_eq!(push_to(&base, &jade, topics(device, seq, 1)).await.status(), 429, "{base}");
    }
}

#[tokio::test]
async fn a_push_over_the_figure_for_one_push_is_refused_whole_with_a_clear_error() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let before = used(&s).await;
    let res = push_to(&s.base, &jade, topics(Uuid::now_v7(), 1, CHANGES_PER_PUSH + 1)).await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "validation_failed");
    assert!(body["error"]["message"].as_str().unwrap().contains(&CHANGES_PER_PUSH.to_string()), "{body}");
    assert_eq!(used(&s).await, before);
    // Not counted either: a full minute's worth still goes through.
    assert_eq!(push(&s, &jade, topics(Uuid::now_v7(), 1, CHANGES_PER_PUSH)).await.len(), CHANGES_PER_PUSH);
}

#[tokio::test]
async fn a_repeat_a_refused_change_and_a_conflict_use_no_version_and_store_nothing() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let (phone, tablet) = (Uuid::now_v7(), Uuid::now_v7());
    let record = Uuid::now_v7();
    let first = topic(phone, 1, record, json!({"text": "Laptop"}), None);
    let start = used(&s).await;
    let v1 = push(&s, &jade, vec![first.clone()]).await[0]["version"].as_i64().unwrap();
    assert_eq!(used(&s).await, (start.0 + 1, start.1 + 1), "a change applied takes one version and one answer");
    assert_eq!(v1, start.0 + 1);

    let applied = used(&s).await;
    assert_eq!(push(&s, &jade, vec![first]).await[0], json!({"status": "already_applied", "version": v1}));
    assert_eq!(used(&s).await, applied, "a repeat");

    // Refused: a field topics do not have.
    let refused = topic(phone, 2, record, json!({"shoe_size": 5}), Some(v1));
    assert_eq!(push(&s, &jade, vec![refused.clone()]).await[0]["status"], "rejected");
    assert_eq!(push(&s, &jade, vec![refused]).await[0]["status"], "rejected", "sent again, refused again");
    assert_eq!(used(&s).await, applied, "a refused change");

    // A conflict: the tablet changed the words after the phone's base.
    let v2 = push(&s, &jade, vec![topic(tablet, 1, record, json!({"text": "Laptop and phone"}), Some(v1))]).await[0]
        ["version"]
        .as_i64()
        .unwrap();
    let after_tablet = used(&s).await;
    let clash = push(&s, &jade, vec![topic(phone, 3, record, json!({"text": "A laptop"}), Some(v1))]).await;
    assert_eq!(clash[0]["status"], "conflict");
    assert_eq!(clash[0]["record"]["version"], v2);
    assert_eq!(used(&s).await, after_tablet, "a conflict");

    // The next change applied gets the very next version: none were lost.
    let next = push(&s, &jade, vec![topic(phone, 4, Uuid::now_v7(), json!({"text": "Bus pass"}), None)]).await;
    assert_eq!(next[0]["version"], v2 + 1);
}

#[tokio::test]
async fn stored_answers_older_than_30_days_and_ended_counts_are_pruned_by_the_tidy_task() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let recent = topic(Uuid::now_v7(), 1, Uuid::now_v7(), json!({"text": "Recent"}), None);
    let old = topic(Uuid::now_v7(), 1, Uuid::now_v7(), json!({"text": "Old"}), None);
    let v_recent = push(&s, &jade, vec![recent.clone()]).await[0]["version"].clone();
    push(&s, &jade, vec![old.clone()]).await;
    let day = 24 * 60 * 60 * 1000_i64;
    sqlx::query("UPDATE applied_mutations SET at = at - $1 WHERE mutation_id = $2")
        .bind(31 * day)
        .bind(old["mutation_id"].as_str().unwrap())
        .execute(s.db.writer())
        .await
        .unwrap();
    sqlx::query("INSERT INTO sync_limits (person_id, window_start, changes) VALUES ($1, $2, 5)")
        .bind(s.person_id("tom").await)
        .bind(pathway_server::db::now_ms() - 2 * i64::from(WINDOW_SECS) * 1000)
        .execute(s.db.writer())
        .await
        .unwrap();
    let state = pathway_server::state(s.db.clone(), std::path::Path::new("dist"));
    let tidied = pathway_server::tidy(&state).await.unwrap();
    assert_eq!(tidied.answers, 1);
    assert_eq!(tidied.counts, 1, "Tom's ended window; Jade's is still running");
    assert_eq!(scalar(&s, "SELECT COUNT(*) FROM applied_mutations").await, 1);
    assert_eq!(scalar(&s, "SELECT COUNT(*) FROM sync_limits").await, 1);
    // The recent answer still stops a repeat from applying twice.
    assert_eq!(push(&s, &jade, vec![recent]).await[0], json!({"status": "already_applied", "version": v_recent}));
}
