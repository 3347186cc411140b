//! The app lock as the server holds it (issue 15, finding 1), over real
//! HTTP. While a device's session is locked, a typed API address in the
//! same browser gets 423 and nothing of hers; only her PIN (counted, ten
//! wrong in a row end the session) or signing out opens it.

mod common;

use std::time::Duration;

use common::{TestServer, error_code, push, put};
use pathway_server::state::Config;
use reqwest::Client;
use serde_json::{Value, json};

/// Words only Jade's own records and details hold.
const HER_WORDS: [&str; 3] = ["Panic attacks on the night bus", "Jade", "Thompson"];

async fn set_pin(s: &TestServer, c: &Client, pin: &str) -> reqwest::Response {
    c.put(s.url("/api/v1/auth/pin")).json(&json!({ "pin": pin })).send().await.unwrap()
}

async fn lock_at(base: &str, c: &Client) -> reqwest::Response {
    c.post(format!("{base}/api/v1/auth/lock")).send().await.unwrap()
}

async fn unlock_at(base: &str, c: &Client, pin: &str) -> reqwest::Response {
    c.post(format!("{base}/api/v1/auth/unlock")).json(&json!({ "pin": pin })).send().await.unwrap()
}

async fn status_of(s: &TestServer, c: &Client, path: &str) -> u16 {
    c.get(s.url(path)).send().await.unwrap().status().as_u16()
}

/// Jade, signed in, with a health entry only she may see and a PIN.
async fn jade_with_a_pin(s: &TestServer) -> Client {
    let jade = s.signed_in("jade").await;
    let note = json!({"kind": "note", "author": "me", "title": HER_WORDS[0], "recorded_by": "Jade",
        "visibility": "me_only"});
    let r = push(s, &jade, vec![put("health_entry", uuid::Uuid::now_v7(), note, None, None)]).await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");
    assert_eq!(set_pin(s, &jade, "2468").await.status(), 204);
    jade
}

fn pull_path() -> String {
    format!("/api/v1/sync/pull?client_id={}", uuid::Uuid::now_v7())
}

/// Every way in to her data a typed address could try.
fn her_data_paths() -> Vec<String> {
    let mut paths: Vec<String> = ["/api/v1/me", "/api/v1/people/mine", "/api/v1/people/my-pa", "/api/v1/me/export"]
        .into_iter()
        .map(String::from)
        .collect();
    paths.extend(
        ["/api/v1/me/export/page", "/api/v1/me/record-views", "/api/v1/offer", "/api/v1/auth/sessions"]
            .map(String::from),
    );
    paths.push(pull_path());
    paths
}

#[tokio::test]
async fn a_typed_api_address_on_a_locked_session_returns_no_personal_data() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    // Before the lock, the typed address gives everything: the test means something.
    let before = jade.get(s.url(&pull_path())).send().await.unwrap().text().await.unwrap();
    assert!(before.contains(HER_WORDS[0]), "{before}");

    assert_eq!(lock_at(&s.base, &jade).await.status(), 204);
    for path in her_data_paths() {
        let res = jade.get(s.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 423, "{path}");
        let body = res.text().await.unwrap();
        let parsed: Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: {body}"));
        assert_eq!(parsed["error"]["code"], "locked", "{path}");
        for words in HER_WORDS {
            assert!(!body.contains(words), "{path} gave away {words:?}: {body}");
        }
    }
    // Nor can a change be sent, or her PIN or sessions changed.
    let res = jade.post(s.url("/api/v1/sync/push")).json(&json!({"mutations": []})).send().await.unwrap();
    assert_eq!(res.status(), 423);
    assert_eq!(set_pin(&s, &jade, "1357").await.status(), 423);
    assert_eq!(jade.delete(s.url("/api/v1/auth/pin")).send().await.unwrap().status(), 423);
}

#[tokio::test]
async fn unlocking_with_the_right_pin_gives_her_data_again() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    assert_eq!(lock_at(&s.base, &jade).await.status(), 204);
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 204);
    let pulled = jade.get(s.url(&pull_path())).send().await.unwrap();
    assert_eq!(pulled.status(), 200);
    assert!(pulled.text().await.unwrap().contains(HER_WORDS[0]));
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 200);
    // The right PIN on a session that is not locked is fine too.
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 204);
}

#[tokio::test]
async fn a_wrong_pin_is_refused_and_says_how_many_tries_are_left() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    lock_at(&s.base, &jade).await;
    let res = unlock_at(&s.base, &jade, "1111").await;
    assert_eq!(res.status(), 403);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "wrong_pin");
    assert!(body["error"]["message"].as_str().unwrap().contains("9 tries left"), "{body}");
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 423, "still locked");
    // A right PIN forgets the wrong ones.
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 204);
    lock_at(&s.base, &jade).await;
    let body: Value = unlock_at(&s.base, &jade, "1111").await.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("9 tries left"), "{body}");
}

#[tokio::test]
async fn ten_wrong_pins_in_a_row_end_the_session_and_the_cookie_no_longer_works() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    lock_at(&s.base, &jade).await;
    for n in 1..10 {
        let res = unlock_at(&s.base, &jade, "0000").await;
        assert_eq!(res.status(), 403, "try {n}");
    }
    let body: Value = unlock_at(&s.base, &jade, "1111").await.json().await.unwrap();
    assert_eq!(body["error"]["code"], "pin_tries_used_up", "{body}");
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 401);
    assert_eq!(status_of(&s, &jade, &pull_path()).await, 401);
    // Not even the right PIN opens it now: only her passphrase.
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 401);
    let jade_id = s.person_id("jade").await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM auth_sessions WHERE person_id = $1")
        .bind(&jade_id)
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn wrong_pins_sent_at_once_all_count() {
    // A wait long enough that a slow machine never answers "busy" here.
    let s = TestServer::start_with_config(Config { hashing_wait: Duration::from_secs(60), ..Config::local() }).await;
    let jade = jade_with_a_pin(&s).await;
    lock_at(&s.base, &jade).await;
    let burst = |n: usize| {
        (0..n)
            .map(|i| {
                let (base, jade) = (s.base.clone(), jade.clone());
                tokio::spawn(async move { unlock_at(&base, &jade, &format!("{:04}", 1000 + i)).await.status() })
            })
            .collect::<Vec<_>>()
    };
    for t in burst(6) {
        assert_eq!(t.await.unwrap(), 403);
    }
    let body: Value = unlock_at(&s.base, &jade, "0000").await.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("3 tries left"), "{body}");
    // Seven counted; a burst of six more: two are checked and refused, the
    // third ends the session, and the rest find it gone.
    let mut statuses = Vec::new();
    for t in burst(6) {
        statuses.push(t.await.unwrap().as_u16());
    }
    statuses.sort();
    assert_eq!(statuses, [401, 401, 401, 401, 403, 403]);
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 401);
}

#[tokio::test]
async fn another_device_of_hers_is_not_locked() {
    let s = TestServer::start().await;
    let phone = jade_with_a_pin(&s).await;
    let laptop = s.signed_in("jade").await;
    assert_eq!(lock_at(&s.base, &phone).await.status(), 204);
    assert_eq!(status_of(&s, &phone, "/api/v1/me").await, 423);
    assert_eq!(status_of(&s, &laptop, "/api/v1/me").await, 200);
    assert_eq!(status_of(&s, &laptop, &pull_path()).await, 200);
    // The laptop has no PIN of its own: the phone's does not open it.
    assert_eq!(error_code(unlock_at(&s.base, &laptop, "2468").await).await, "conflict");
}

#[tokio::test]
async fn locking_without_a_pin_ends_the_session() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let res = lock_at(&s.base, &jade).await;
    assert_eq!(res.status(), 204);
    assert!(res.headers().get("clear-site-data").is_none(), "a lock never clears the site");
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 401);
    // A PIN set and then taken off: the same.
    let jade = jade_with_a_pin(&s).await;
    assert_eq!(jade.delete(s.url("/api/v1/auth/pin")).send().await.unwrap().status(), 204);
    assert_eq!(lock_at(&s.base, &jade).await.status(), 204);
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 401);
}

#[tokio::test]
async fn staff_have_no_app_lock() {
    let s = TestServer::start().await;
    let sam = s.signed_in("pa.sam").await;
    assert_eq!(error_code(set_pin(&s, &sam, "2468").await).await, "forbidden");
    assert_eq!(sam.delete(s.url("/api/v1/auth/pin")).send().await.unwrap().status(), 403);
    assert_eq!(lock_at(&s.base, &sam).await.status(), 403);
    assert_eq!(unlock_at(&s.base, &sam, "2468").await.status(), 403);
    assert_eq!(status_of(&s, &sam, "/api/v1/caseload").await, 200, "still signed in, not locked");
}

#[tokio::test]
async fn signing_out_clears_the_site_and_works_while_locked() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    assert_eq!(lock_at(&s.base, &jade).await.status(), 204);
    let res = jade.post(s.url("/api/v1/auth/logout")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(res.headers()["clear-site-data"], r#""cache", "storage""#);
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 401, "the session has ended");
    // A PA signing out on purpose: the same.
    let sam = s.signed_in("pa.sam").await;
    let res = sam.post(s.url("/api/v1/auth/logout")).send().await.unwrap();
    assert_eq!(res.headers()["clear-site-data"], r#""cache", "storage""#);
}

#[tokio::test]
async fn locking_a_locked_session_is_fine() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    assert_eq!(lock_at(&s.base, &jade).await.status(), 204);
    assert_eq!(lock_at(&s.base, &jade).await.status(), 204);
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 423);
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 204);
}

#[tokio::test]
async fn pins_of_the_wrong_shape_are_refused_in_plain_words() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    for pin in ["123", "1234567", "12a4", "", " 1234"] {
        let res = set_pin(&s, &jade, pin).await;
        assert_eq!(res.status(), 422, "{pin:?}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "validation_failed");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("a PIN is "), "{message}");
    }
    lock_at(&s.base, &jade).await;
    for _ in 0..12 {
        assert_eq!(unlock_at(&s.base, &jade, "12").await.status(), 422);
    }
    // None of those could ever be right, so none was counted.
    let body: Value = unlock_at(&s.base, &jade, "0000").await.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("9 tries left"), "{body}");
}

#[tokio::test]
async fn locking_works_with_no_body_or_any_content_type() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    // What `fetch(url, {method: "POST", keepalive: true, body: ""})` sends.
    let res = jade
        .post(s.url("/api/v1/auth/lock"))
        .header("content-type", "text/plain;charset=UTF-8")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 423);
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 204);
    let res = jade.post(s.url("/api/v1/auth/lock")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 423);
}

#[tokio::test]
async fn the_pin_is_kept_only_as_a_slow_hash_and_a_new_one_replaces_it() {
    let s = TestServer::start().await;
    let jade = jade_with_a_pin(&s).await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT pin_hash FROM auth_sessions WHERE pin_hash IS NOT NULL")
        .fetch_all(s.db.pool())
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].starts_with("$argon2id$") && !stored[0].contains("2468"), "{}", stored[0]);
    assert_eq!(set_pin(&s, &jade, "975310").await.status(), 204);
    lock_at(&s.base, &jade).await;
    assert_eq!(unlock_at(&s.base, &jade, "2468").await.status(), 403, "the old PIN");
    assert_eq!(unlock_at(&s.base, &jade, "975310").await.status(), 204);
}

#[tokio::test]
async fn two_servers_on_one_database_share_the_lock_and_the_count() {
    let s = TestServer::start().await;
    let replica = s.replica(Config::local()).await;
    let jade = jade_with_a_pin(&s).await;
    // Locked on one server: locked on the other (the cookie goes to both).
    assert_eq!(lock_at(&s.base, &jade).await.status(), 204);
    let res = jade.get(format!("{replica}{}", pull_path())).send().await.unwrap();
    assert_eq!(res.status(), 423);
    assert!(!res.text().await.unwrap().contains(HER_WORDS[0]));
    // Opened on the other: open on the first.
    assert_eq!(unlock_at(&replica, &jade, "2468").await.status(), 204);
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 200);
    // Five wrong on each make ten.
    lock_at(&replica, &jade).await;
    for _ in 0..4 {
        assert_eq!(unlock_at(&s.base, &jade, "0000").await.status(), 403);
        assert_eq!(unlock_at(&replica, &jade, "0000").await.status(), 403);
    }
    assert_eq!(unlock_at(&s.base, &jade, "0000").await.status(), 403);
    assert_eq!(error_code(unlock_at(&replica, &jade, "0000").await).await, "pin_tries_used_up");
    assert_eq!(status_of(&s, &jade, "/api/v1/me").await, 401);
}
