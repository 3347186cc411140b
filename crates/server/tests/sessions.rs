//! Sessions over real HTTP (issue 13): changing a passphrase ends every
//! other session, a person sees and ends where they are signed in, and a
//! young person's token is replaced daily and ends 90 days after sign-in.

mod common;

use common::accounts::*;
use common::{DEMO_PASSPHRASE, TestServer, error_code};
use pathway_server::db::now_ms;
use reqwest::Client;
use serde_json::{Value, json};

#[tokio::test]
async fn changing_a_passphrase_needs_the_current_one_and_ends_every_other_session() {
    let s = TestServer::start().await;
    let (laptop, phone) = (s.signed_in("jade").await, s.signed_in("jade").await);
    let change = |current: &str, new: &str| json!({"current": current, "new": new});
    let res = post(&s, &laptop, "/auth/passphrase", change("not it", GOOD)).await;
    assert_eq!(error_code(res).await, "invalid_credentials");
    let res = post(&s, &laptop, "/auth/passphrase", change(DEMO_PASSPHRASE, "qwertyuiop")).await;
    assert_eq!(error_code(res).await, "weak_passphrase");
    assert_eq!(get(&s, &phone, "/me").await.status(), 200, "nothing changed yet");

    assert_eq!(post(&s, &laptop, "/auth/passphrase", change(DEMO_PASSPHRASE, GOOD)).await.status(), 204);
    assert_eq!(get(&s, &laptop, "/me").await.status(), 200, "this device stays signed in");
    assert_eq!(get(&s, &phone, "/me").await.status(), 401);
    assert_eq!(s.login(&s.client(), "jade", DEMO_PASSPHRASE).await.status(), 401);
    assert_eq!(s.login(&s.client(), "jade", GOOD).await.status(), 200);
    assert!(audit_actions(&s, &s.person_id("jade").await).await.contains(&"changed_passphrase".to_string()));
}

#[tokio::test]
async fn she_sees_where_she_is_signed_in_and_signs_a_device_out() {
    let s = TestServer::start().await;
    let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
    let phone = Client::builder().cookie_store(true).user_agent(android).build().unwrap();
    assert_eq!(s.login(&phone, "jade", DEMO_PASSPHRASE).await.status(), 200);
    let laptop = s.signed_in("jade").await;
    // Signing in again in the same browser ends the session it had.
    assert_eq!(s.login(&laptop, "jade", DEMO_PASSPHRASE).await.status(), 200);

    let list: Value = get(&s, &laptop, "/auth/sessions").await.json().await.unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    let this: Vec<&Value> = list.iter().filter(|x| x["this_device"] == true).collect();
    assert_eq!(this.len(), 1);
    let other = list.iter().find(|x| x["this_device"] == false).unwrap();
    assert_eq!(other["device"], "Chrome on Android");

    // Someone else's session is as good as none.
    let kai = s.signed_in("kai").await;
    let res = kai.delete(s.url(&format!("/api/v1/auth/sessions/{}", other["id"].as_str().unwrap()))).send().await;
    assert_eq!(res.unwrap().status(), 404);
    assert_eq!(get(&s, &phone, "/me").await.status(), 200);

    let res = laptop.delete(s.url(&format!("/api/v1/auth/sessions/{}", other["id"].as_str().unwrap()))).send().await;
    assert_eq!(res.unwrap().status(), 204);
    assert_eq!(get(&s, &phone, "/me").await.status(), 401);
    assert_eq!(get(&s, &laptop, "/me").await.status(), 200);
}

#[tokio::test]
async fn a_young_persons_token_is_replaced_daily_and_the_old_one_works_a_minute_more() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let res = s.login(&bare(), "jade", DEMO_PASSPHRASE).await;
    let first = set_cookie_token(&res).unwrap();
    // Used within the day: the same token.
    let res = me_with(&s, &first).await;
    assert_eq!(res.status(), 200);
    assert_eq!(set_cookie_token(&res), None);

    exec(&s, "UPDATE auth_sessions SET rotated_at = $1 WHERE person_id = $2", now_ms() - 2 * DAY_MS, &jade_id).await;
    let res = me_with(&s, &first).await;
    assert_eq!(res.status(), 200);
    let second = set_cookie_token(&res).expect("a new token");
    assert_ne!(second, first);
    assert!(res.headers()["set-cookie"].to_str().unwrap().contains("HttpOnly"));
    // A request already in flight with the old one still works, and changes nothing.
    let res = me_with(&s, &first).await;
    assert_eq!(res.status(), 200);
    assert_eq!(set_cookie_token(&res), None);
    assert_eq!(me_with(&s, &second).await.status(), 200);
    // After the minute, only the new one.
    exec(&s, "UPDATE auth_sessions SET previous_until = $1 WHERE person_id = $2", now_ms() - 1, &jade_id).await;
    assert_eq!(me_with(&s, &first).await.status(), 401);
    assert_eq!(me_with(&s, &second).await.status(), 200);
    // Still one session in her list.
    let list: Value = bare()
        .get(s.url("/api/v1/auth/sessions"))
        .header("cookie", format!("pathway_session={second}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_young_persons_session_ends_90_days_after_she_signed_in_however_often_she_uses_it() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let phone = s.signed_in("jade").await;
    let now = now_ms();
    // Signed in 89 days ago and used every day: still alive, but renewal
    // never takes it past day 90.
    exec(
        &s,
        "UPDATE auth_sessions SET created_at = $1, rotated_at = created_at WHERE person_id = $2",
        now - 89 * DAY_MS,
        &jade_id,
    )
    .await;
    exec(&s, "UPDATE auth_sessions SET last_seen_at = $1 WHERE person_id = $2", now - 2 * 60_000, &jade_id).await;
    assert_eq!(get(&s, &phone, "/me").await.status(), 200);
    let expires = scalar_i64(&s, "SELECT expires_at FROM auth_sessions WHERE person_id = $1", &jade_id).await.unwrap();
    assert!(expires <= now - 89 * DAY_MS + 90 * DAY_MS, "capped at 90 days");
    // A day later she signs in again.
    exec(&s, "UPDATE auth_sessions SET created_at = $1 WHERE person_id = $2", now - 91 * DAY_MS, &jade_id).await;
    exec(&s, "UPDATE auth_sessions SET expires_at = $1 WHERE person_id = $2", now - 1, &jade_id).await;
    assert_eq!(error_code(get(&s, &phone, "/me").await).await, "unauthenticated");
}

#[tokio::test]
async fn expired_and_idle_staff_sessions_and_old_sign_in_counts_are_deleted_by_the_tidy_task() {
    // Issue 15, finding 8: a session past its expiry stayed in the table
    // until its token came back, which for a lost phone is never.
    let s = TestServer::start().await;
    let _jade = s.signed_in("jade").await;
    let jade_id = s.person_id("jade").await;
    let now = pathway_server::db::now_ms();
    let mut conn = s.db.writer().acquire().await.unwrap();
    pathway_server::db::auth_sessions::insert(&mut conn, "expired-hash", &jade_id, now - 10_000, now - 1, "old phone")
        .await
        .unwrap();
    // A PA's laptop closed 20 minutes ago: past the 15 idle minutes.
    let sam_id = s.person_id("pa.sam").await;
    let twenty_minutes = 20 * 60 * 1000;
    pathway_server::db::auth_sessions::insert(
        &mut conn,
        "idle-hash",
        &sam_id,
        now - twenty_minutes,
        now + 3_600_000,
        "laptop",
    )
    .await
    .unwrap();
    drop(conn);
    sqlx::query("INSERT INTO sign_in_limits (limit_key, window_start, tries) VALUES ('ip:192.0.2.1', $1, 3)")
        .bind(now - 16 * 60 * 1000)
        .execute(s.db.writer())
        .await
        .unwrap();
    let count = |sql: &'static str| {
        let db = s.db.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(db.pool()).await.unwrap() }
    };
    assert_eq!(count("SELECT COUNT(*) FROM auth_sessions").await, 3);
    let state = pathway_server::state(s.db.clone(), std::path::Path::new("dist"));
    let tidied = pathway_server::tidy(&state).await.unwrap();
    assert_eq!((tidied.sessions, tidied.counts), (2, 1));
    assert_eq!(count("SELECT COUNT(*) FROM auth_sessions WHERE token_hash IN ('expired-hash', 'idle-hash')").await, 0);
    assert_eq!(count("SELECT COUNT(*) FROM auth_sessions").await, 1, "Jade's live session stays");
    assert_eq!(count("SELECT COUNT(*) FROM sign_in_limits WHERE limit_key = 'ip:192.0.2.1'").await, 0);
}

#[tokio::test]
async fn the_language_she_chose_is_kept_with_her_account() {
    let s = TestServer::start().await;
    let phone = s.signed_in("jade").await;
    let me: Value = get(&s, &phone, "/me").await.json().await.unwrap();
    assert_eq!(me["language"], Value::Null, "nothing chosen yet");
    let put = |body: Value| phone.put(s.url("/api/v1/me/language")).json(&body).send();
    assert_eq!(put(json!({"language": "arabic"})).await.unwrap().status(), 204);
    // A new phone reads it.
    let new_phone = s.signed_in("jade").await;
    let me: Value = get(&s, &new_phone, "/me").await.json().await.unwrap();
    assert_eq!(me["language"], "arabic");
    // Only languages Pathway has; the kept one stays.
    for wrong in [json!({"language": "klingon"}), json!({"lang": "arabic"}), json!({"language": 7})] {
        let res = put(wrong).await.unwrap();
        // axum's reading: 400 for a wrong value, 422 for a missing field.
        assert!([400, 422].contains(&res.status().as_u16()), "{}", res.status());
        assert_eq!(error_code(res).await, "invalid_json");
    }
    let me: Value = get(&s, &new_phone, "/me").await.json().await.unwrap();
    assert_eq!(me["language"], "arabic");
    // Someone else's account is untouched.
    let kai: Value = get(&s, &s.signed_in("kai").await, "/me").await.json().await.unwrap();
    assert_eq!(kai["language"], Value::Null);
    let anon = s.client().put(s.url("/api/v1/me/language")).json(&json!({"language": "english"})).send().await;
    assert_eq!(anon.unwrap().status(), 401);
}
