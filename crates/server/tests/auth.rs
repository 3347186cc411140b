//! Signing in and out, as a browser does it, over real HTTP.

mod common;

use common::{DEMO_PASSPHRASE, TestServer, error_code};
use pathway_server::auth::cookie::CookiePolicy;
use pathway_server::state::Config;
use serde_json::{Value, json};

#[tokio::test]
async fn a_young_person_signs_in_and_sees_themself() {
    let s = TestServer::start().await;
    let res = s.login(&s.client(), " Jade ", DEMO_PASSPHRASE).await;
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("pathway_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"));
    assert!(cookie.contains(&format!("Max-Age={}", 30 * 24 * 3600)), "30-day device session: {cookie}");
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["first_name"], "Jade");
    assert_eq!(me["role"], "young_person");
    assert_eq!(me["council"]["name"], "Liverpool");
    assert_eq!(me["council"]["sample_data"], true);
}

#[tokio::test]
async fn staff_get_a_browser_session_cookie_not_a_lasting_one() {
    let s = TestServer::start().await;
    let res = s.login(&s.client(), "pa.sam", DEMO_PASSPHRASE).await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(!cookie.contains("Max-Age"), "{cookie}");
}

#[tokio::test]
async fn with_an_https_public_url_the_cookie_is_secure_whatever_the_host_header() {
    // Issue 15: a proxy in front may send `Host: 127.0.0.1`; the cookie
    // follows the configured public address, not the request.
    let config =
        Config { cookies: CookiePolicy::from_public_url("https://pathway.example.org").unwrap(), ..Config::local() };
    let s = TestServer::start_with_config(config).await;
    let res = s
        .client()
        .post(s.url("/api/v1/auth/login"))
        .header("host", "127.0.0.1")
        .json(&json!({ "username": "jade", "passphrase": DEMO_PASSPHRASE }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-pathway_session=") && cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn a_wrong_passphrase_and_an_unknown_user_get_the_same_answer() {
    let s = TestServer::start().await;
    for (user, pass) in [("jade", "wrong"), ("nobody", DEMO_PASSPHRASE)] {
        let res = s.login(&s.client(), user, pass).await;
        assert_eq!(res.status(), 401);
        assert!(res.headers().get("set-cookie").is_none());
        assert_eq!(error_code(res).await, "invalid_credentials");
    }
}

#[tokio::test]
async fn without_a_session_the_api_answers_401_json() {
    let s = TestServer::start().await;
    for path in ["/api/v1/me", "/api/v1/people/my-pa", "/api/v1/caseload", "/api/v1/council/oversight"] {
        let res = s.client().get(s.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 401, "{path}");
        assert_eq!(error_code(res).await, "unauthenticated", "{path}");
    }
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server_at_once() {
    let s = TestServer::start().await;
    let res = s.login(&s.client(), "jade", DEMO_PASSPHRASE).await;
    let token = res.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    // Replaying the cookie by hand shows the server, not the browser, forgets it.
    let raw = reqwest::Client::new();
    let me = raw.get(s.url("/api/v1/me")).header("cookie", &token).send().await.unwrap();
    assert_eq!(me.status(), 200);
    let out = raw.post(s.url("/api/v1/auth/logout")).header("cookie", &token).send().await.unwrap();
    assert_eq!(out.status(), 204);
    assert!(out.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    let me = raw.get(s.url("/api/v1/me")).header("cookie", &token).send().await.unwrap();
    assert_eq!(me.status(), 401);
}

#[tokio::test]
async fn each_sign_in_gets_a_new_session_token() {
    let s = TestServer::start().await;
    let mut tokens = Vec::new();
    for _ in 0..2 {
        let res = s.login(&s.client(), "jade", DEMO_PASSPHRASE).await;
        tokens.push(res.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string());
    }
    assert_ne!(tokens[0], tokens[1]);
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions_at_once() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    assert_eq!(jade.get(s.url("/api/v1/me")).send().await.unwrap().status(), 200);
    let id = s.person_id("jade").await;
    pathway_server::db::people::set_disabled(&s.db, &id, Some(1)).await.unwrap();
    assert_eq!(jade.get(s.url("/api/v1/me")).send().await.unwrap().status(), 401);
    let again = s.login(&s.client(), "jade", DEMO_PASSPHRASE).await;
    assert_eq!(again.status(), 401);
}

#[tokio::test]
async fn repeated_wrong_passphrases_are_slowed_down() {
    let s = TestServer::start().await;
    let client = s.client();
    for _ in 0..10 {
        let res = s.login(&client, "tom", "guess").await;
        assert_eq!(res.status(), 401);
    }
    // Now even the right passphrase waits, so guessing cannot go on.
    let res = s.login(&client, "tom", DEMO_PASSPHRASE).await;
    assert_eq!(res.status(), 429);
    assert!(res.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() > 0);
    assert_eq!(error_code(res).await, "too_many_attempts");
    // Another account is not locked by Tom's.
    assert_eq!(s.signed_in("jade").await.get(s.url("/api/v1/me")).send().await.unwrap().status(), 200);
}
