//! Steps the account tests share (issue 13): calls to the API, the
//! authenticator app's codes, and a manager made from the command line.

use pathway_model::code::CodePurpose;
use pathway_server::db::councils::CouncilRow;
use pathway_server::db::{codes, now_ms};
use pathway_server::setup;
use reqwest::Client;
use serde_json::{Value, json};
use totp_rs::{Algorithm, Secret, TOTP};
use uuid::Uuid;

use super::TestServer;

pub const GOOD: &str = "blue kettle on the stairs";
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub fn council(id: &str) -> CouncilRow {
    CouncilRow {
        id: id.into(),
        name: "Sefton Council".into(),
        team_phone: Some("0151 606 2000".into()),
        team_email: None,
        sample_data: 0,
        duty_phone: None,
        duty_hours: None,
    }
}

pub async fn post(s: &TestServer, c: &Client, path: &str, body: Value) -> reqwest::Response {
    c.post(s.url(&format!("/api/v1{path}"))).json(&body).send().await.unwrap()
}

pub async fn get(s: &TestServer, c: &Client, path: &str) -> reqwest::Response {
    c.get(s.url(&format!("/api/v1{path}"))).send().await.unwrap()
}

pub async fn login_with(s: &TestServer, c: &Client, user: &str, pass: &str, factor: Option<&str>) -> reqwest::Response {
    let mut body = json!({"username": user, "passphrase": pass});
    if let Some(f) = factor {
        body["second_factor"] = json!(f);
    }
    post(s, c, "/auth/login", body).await
}

/// The code for the time step `offset` steps from now.
pub fn totp_code(secret: &str, username: &str, offset: i64) -> String {
    let bytes = Secret::Encoded(secret.replace(' ', "")).to_bytes().unwrap();
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, Some("Pathway".into()), username.into()).unwrap();
    let now = (now_ms() / 1000) as u64;
    totp.generate((now as i64 + offset * 30) as u64)
}

pub async fn scalar_i64(s: &TestServer, sql: &str, id: &str) -> Option<i64> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string())).bind(id).fetch_one(s.db.pool()).await.unwrap()
}

pub async fn exec(s: &TestServer, sql: &str, a: i64, id: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string())).bind(a).bind(id).execute(s.db.writer()).await.unwrap();
}

pub async fn audit_actions(s: &TestServer, subject: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY at, id")
        .bind(subject)
        .fetch_all(s.db.pool())
        .await
        .unwrap()
}

/// A new code for a person, as a PA or manager would make one.
pub async fn issue(s: &TestServer, person: &str, purpose: CodePurpose) -> String {
    let mut tx = s.db.writer().begin().await.unwrap();
    let issued = codes::issue(&mut tx, Uuid::parse_str(person).unwrap(), purpose, None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    issued.code
}

/// A manager made from the command line who has redeemed their code and set
/// up the authenticator app (confirmed with the code of the step before
/// now, so now's and the next are still free). Answers the client,
/// username and secret.
pub async fn manager_with_authenticator(s: &TestServer) -> (Client, String, String) {
    setup::add_council(&s.db, &council("sefton")).await.unwrap();
    let added = setup::add_manager(&s.db, "sefton", "Sam", "Jones", now_ms()).await.unwrap();
    let c = s.client();
    let res = post(s, &c, "/auth/redeem", json!({"code": added.code, "passphrase": GOOD})).await;
    assert_eq!(res.status(), 200);
    let start: Value = post(s, &c, "/auth/second-factor/start", json!({})).await.json().await.unwrap();
    let secret = start["secret"].as_str().unwrap().to_string();
    let res =
        post(s, &c, "/auth/second-factor/confirm", json!({"code": totp_code(&secret, &added.username, -1)})).await;
    assert_eq!(res.status(), 200);
    (c, added.username, secret)
}

/// A client without a cookie store, to see each cookie the server sets.
pub fn bare() -> Client {
    Client::builder().build().unwrap()
}

pub fn set_cookie_token(res: &reqwest::Response) -> Option<String> {
    let v = res.headers().get("set-cookie")?.to_str().ok()?;
    let pair = v.split(';').next()?;
    pair.strip_prefix("pathway_session=").filter(|t| !t.is_empty()).map(String::from)
}

pub async fn me_with(s: &TestServer, token: &str) -> reqwest::Response {
    bare().get(s.url("/api/v1/me")).header("cookie", format!("pathway_session={token}")).send().await.unwrap()
}
