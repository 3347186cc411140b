//! Share links for her health passport (issue 19) over real HTTP: she makes
//! one, a professional with no account opens it with the passcode and sees
//! her passport (never an "only me" entry), the opening shows in "Who
//! looked", she ends it; wrong passcodes are limited and slowed, and an
//! unknown, expired or ended link answers exactly alike.

mod common;

use std::time::{Duration, Instant};

use common::TestServer;
use common::health::{jades_health, make_link as make, token_of};
use pathway_server::state::Config;
use reqwest::Client;
use serde_json::{Value, json};

/// Wrong answers wait only a moment here, so the limits can be walked
/// through quickly; `wrong_answers_are_slowed` checks the real wait.
async fn quick_server() -> TestServer {
    TestServer::start_with_config(Config { share_wrong_wait: Duration::from_millis(1), ..Config::local() }).await
}

async fn open(s: &TestServer, token: &str, passcode: &str) -> (u16, Option<String>, String) {
    let res = Client::new()
        .post(s.url(&format!("/api/v1/shared/{token}")))
        .json(&json!({"passcode": passcode}))
        .send()
        .await
        .unwrap();
    let retry = res.headers().get("retry-after").map(|v| v.to_str().unwrap().to_string());
    (res.status().as_u16(), retry, res.text().await.unwrap())
}

async fn links(s: &TestServer, c: &Client) -> Vec<Value> {
    c.get(s.url("/api/v1/me/health/share-links")).send().await.unwrap().json().await.unwrap()
}

/// Another passcode than the right one.
fn wrong(passcode: &str) -> String {
    passcode.chars().map(|c| if c == '9' { '0' } else { char::from(c as u8 + 1) }).collect()
}

#[tokio::test]
async fn she_shares_her_passport_a_professional_opens_it_she_sees_who_and_ends_it() {
    let s = quick_server().await;
    let jade = jades_health(&s).await;
    for (body, field) in [(json!({"label": " ", "days": 3}), "label"), (json!({"label": "GP", "days": 8}), "days")] {
        let res = jade.post(s.url("/api/v1/me/health/share-links")).json(&body).send().await.unwrap();
        assert_eq!(res.status(), 422);
        let body: Value = res.json().await.unwrap();
        assert_eq!(
            (body["error"]["code"].as_str(), body["error"]["issues"][0]["field"].as_str()),
            (Some("validation_failed"), Some(field))
        );
    }
    let made = make(&s, &jade, "Dr Patel at Old Swan", 3).await;
    let passcode = made["passcode"].as_str().unwrap().to_string();
    assert!(passcode.len() == 6 && passcode.chars().all(|c| c.is_ascii_digit()), "{passcode}");
    assert_eq!(token_of(&made).len(), 43);
    let days = made["link"]["expires_at"].as_i64().unwrap() - made["link"]["made_at"].as_i64().unwrap();
    assert_eq!(days, 3 * 24 * 60 * 60 * 1000);
    // The server keeps neither the token nor the passcode.
    let stored: (String, String) =
        sqlx::query_as("SELECT token_hash, passcode_hash FROM share_links").fetch_one(s.db.pool()).await.unwrap();
    assert!(!stored.0.contains(&token_of(&made)) && !stored.1.contains(&passcode));

    // Read out over the phone with a space, it still opens.
    let spaced = format!("{} {}", &passcode[..3], &passcode[3..]);
    let (status, _, body) = open(&s, &token_of(&made), &spaced).await;
    assert_eq!(status, 200, "{body}");
    let passport: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((passport["first_name"].as_str(), passport["sample_data"].as_bool()), (Some("Jade"), Some(true)));
    let titles: Vec<&str> =
        passport["entries"].as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Penicillin"], "her ticked entry only: never 'only me', never one she left out");
    assert_eq!(passport["entries"][0]["by_her"], true);

    let listed = links(&s, &jade).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["label"], "Dr Patel at Old Swan");
    assert_eq!(listed[0]["openings"].as_array().unwrap().len(), 1);
    let views: Vec<Value> = jade.get(s.url("/api/v1/me/record-views")).send().await.unwrap().json().await.unwrap();
    let seen = views.iter().find(|v| v["who"] == "Dr Patel at Old Swan").expect("the opening in who looked");
    assert_eq!(seen["role"], "someone with your share link");
    assert_eq!(seen["did"], "opened your health passport");

    let id = made["link"]["id"].as_str().unwrap();
    let res = jade.delete(s.url(&format!("/api/v1/me/health/share-links/{id}"))).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(open(&s, &token_of(&made), &passcode).await.0, 404);
    let listed = links(&s, &jade).await;
    assert!(listed[0]["ended_at"].is_i64() && listed[0]["ended_by_wrong_passcodes"] == false);
}

#[tokio::test]
async fn five_wrong_passcodes_pause_the_link_even_for_the_right_one_until_the_window_passes() {
    let s = quick_server().await;
    let jade = jades_health(&s).await;
    let made = make(&s, &jade, "New GP", 1).await;
    let (token, passcode) = (token_of(&made), made["passcode"].as_str().unwrap().to_string());
    for n in 1..=pathway_model::health::share::TRIES_PER_WINDOW {
        let (status, _, body) = open(&s, &token, &wrong(&passcode)).await;
        assert_eq!(status, 401, "wrong try {n}");
        assert!(body.contains("invalid_credentials"), "{body}");
    }
    let (status, retry, body) = open(&s, &token, &passcode).await;
    assert_eq!(status, 429, "the right passcode is refused too: {body}");
    assert!(body.contains("too_many_attempts"));
    let retry: u64 = retry.expect("Retry-After").parse().unwrap();
    assert!((1..=15 * 60).contains(&retry), "{retry}");
    // Fifteen minutes later, the right passcode opens it.
    sqlx::query("UPDATE share_links SET window_start = window_start - 16 * 60 * 1000")
        .execute(s.db.writer())
        .await
        .unwrap();
    assert_eq!(open(&s, &token, &passcode).await.0, 200);
}

#[tokio::test]
async fn twenty_wrong_passcodes_end_the_link_for_good() {
    let s = quick_server().await;
    let jade = jades_health(&s).await;
    let made = make(&s, &jade, "Walk-in centre", 7).await;
    let (token, passcode) = (token_of(&made), made["passcode"].as_str().unwrap().to_string());
    for n in 1..=pathway_model::health::share::TRIES_IN_ALL {
        assert_eq!(open(&s, &token, &wrong(&passcode)).await.0, 401, "wrong try {n}");
        if n % 5 == 0 {
            // As if each five came in a new window.
            sqlx::query("UPDATE share_links SET window_start = 0").execute(s.db.writer()).await.unwrap();
        }
    }
    assert_eq!(open(&s, &token, &passcode).await.0, 404);
    let listed = links(&s, &jade).await;
    assert_eq!(listed[0]["ended_by_wrong_passcodes"], true);
    assert!(listed[0]["ended_at"].is_i64());
}

#[tokio::test]
async fn an_unknown_an_expired_and_an_ended_link_answer_exactly_alike() {
    let s = quick_server().await;
    let jade = jades_health(&s).await;
    let ended = make(&s, &jade, "Dentist", 2).await;
    let expired = make(&s, &jade, "Optician", 2).await;
    let id = ended["link"]["id"].as_str().unwrap();
    assert_eq!(jade.delete(s.url(&format!("/api/v1/me/health/share-links/{id}"))).send().await.unwrap().status(), 204);
    sqlx::query("UPDATE share_links SET expires_at = 1 WHERE id = $1")
        .bind(expired["link"]["id"].as_str().unwrap())
        .execute(s.db.writer())
        .await
        .unwrap();
    let unknown = "A".repeat(43);
    let mut answers = Vec::new();
    for (token, passcode) in [
        (token_of(&ended), ended["passcode"].as_str().unwrap()),
        (token_of(&expired), expired["passcode"].as_str().unwrap()),
        (unknown, "123456"),
        ("short".to_string(), "123456"),
    ] {
        answers.push(open(&s, &token, passcode).await);
    }
    assert_eq!(answers[0].0, 404);
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
}

#[tokio::test]
async fn another_young_person_can_neither_see_nor_end_her_links_and_staff_may_not_call_them() {
    let s = quick_server().await;
    let jade = jades_health(&s).await;
    let made = make(&s, &jade, "New GP", 3).await;
    let id = made["link"]["id"].as_str().unwrap();
    let kai = s.signed_in("kai").await;
    let res = kai.delete(s.url(&format!("/api/v1/me/health/share-links/{id}"))).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert!(links(&s, &kai).await.is_empty());
    assert_eq!(open(&s, &token_of(&made), made["passcode"].as_str().unwrap()).await.0, 200, "still open");
    for who in ["pa.sam", "manager.liverpool"] {
        let staff = s.signed_in(who).await;
        for res in [
            staff.get(s.url("/api/v1/me/health/fhir")).send().await.unwrap(),
            staff.get(s.url("/api/v1/me/health/share-links")).send().await.unwrap(),
            staff
                .post(s.url("/api/v1/me/health/share-links"))
                .json(&json!({"label": "x", "days": 1}))
                .send()
                .await
                .unwrap(),
            staff.delete(s.url(&format!("/api/v1/me/health/share-links/{id}"))).send().await.unwrap(),
        ] {
            assert_eq!(res.status(), 403, "{who}");
        }
    }
    let nobody = Client::new();
    assert_eq!(nobody.get(s.url("/api/v1/me/health/fhir")).send().await.unwrap().status(), 401);
}

#[tokio::test]
async fn wrong_answers_are_slowed() {
    let s = TestServer::start().await;
    let jade = jades_health(&s).await;
    let made = make(&s, &jade, "New GP", 3).await;
    let (token, passcode) = (token_of(&made), made["passcode"].as_str().unwrap().to_string());
    for (token, passcode, status) in [(token.clone(), wrong(&passcode), 401), ("B".repeat(43), passcode.clone(), 404)] {
        let started = Instant::now();
        assert_eq!(open(&s, &token, &passcode).await.0, status);
        assert!(started.elapsed() >= Duration::from_millis(900), "{status} after {:?}", started.elapsed());
    }
    let started = Instant::now();
    assert_eq!(open(&s, &token, &passcode).await.0, 200);
    assert!(started.elapsed() < Duration::from_millis(900), "the right passcode is not held up");
}
