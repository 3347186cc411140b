//! Accounts over real HTTP (issue 13): a deployment started from the command
//! line, set-up codes redeemed, the staff authenticator app, passphrases
//! changed and reset, where you are signed in, session limits, a young
//! person's copy of her data, and closing an account. Every bad input is
//! refused with nothing changed.

mod common;

use common::{DEMO_PASSPHRASE, TestServer, error_code, push, put};
use pathway_model::auth::code::CodePurpose;
use pathway_server::db::{codes, now_ms};
use pathway_server::setup::{self, NewCouncil, SetupError};
use reqwest::Client;
use serde_json::{Value, json};
use totp_rs::{Algorithm, Secret, TOTP};
use uuid::Uuid;

const GOOD: &str = "blue kettle on the stairs";
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn council(id: &str) -> NewCouncil {
    NewCouncil {
        id: id.into(),
        name: "Sefton Council".into(),
        team_phone: Some("0151 606 2000".into()),
        team_email: None,
        duty_phone: None,
        duty_hours: None,
    }
}

async fn post(s: &TestServer, c: &Client, path: &str, body: Value) -> reqwest::Response {
    c.post(s.url(&format!("/api/v1{path}"))).json(&body).send().await.unwrap()
}

async fn get(s: &TestServer, c: &Client, path: &str) -> reqwest::Response {
    c.get(s.url(&format!("/api/v1{path}"))).send().await.unwrap()
}

async fn login_with(s: &TestServer, c: &Client, user: &str, pass: &str, factor: Option<&str>) -> reqwest::Response {
    let mut body = json!({"username": user, "passphrase": pass});
    if let Some(f) = factor {
        body["second_factor"] = json!(f);
    }
    post(s, c, "/auth/login", body).await
}

/// The code for the time step `offset` steps from now.
fn totp_code(secret: &str, username: &str, offset: i64) -> String {
    let bytes = Secret::Encoded(secret.replace(' ', "")).to_bytes().unwrap();
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, Some("Pathway".into()), username.into()).unwrap();
    let now = (now_ms() / 1000) as u64;
    totp.generate((now as i64 + offset * 30) as u64)
}

async fn scalar_i64(s: &TestServer, sql: &str, id: &str) -> Option<i64> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string())).bind(id).fetch_one(s.db.pool()).await.unwrap()
}

async fn exec(s: &TestServer, sql: &str, a: i64, id: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string())).bind(a).bind(id).execute(s.db.writer()).await.unwrap();
}

async fn audit_actions(s: &TestServer, subject: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY at, id")
        .bind(subject)
        .fetch_all(s.db.pool())
        .await
        .unwrap()
}

/// A new code for a person, as a PA or manager would make one.
async fn issue(s: &TestServer, person: &str, purpose: CodePurpose) -> String {
    let mut tx = s.db.writer().begin().await.unwrap();
    let issued = codes::issue(&mut tx, Uuid::parse_str(person).unwrap(), purpose, None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    issued.code
}

/// A manager made from the command line who has redeemed their code and set
/// up the authenticator app (confirmed with the code of the step before
/// now, so now's and the next are still free). Answers the client,
/// username and secret.
async fn manager_with_authenticator(s: &TestServer) -> (Client, String, String) {
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

#[tokio::test]
async fn a_council_starts_from_the_command_line_and_its_manager_sets_up_an_authenticator() {
    let s = TestServer::start().await;
    // The command line's checks.
    assert!(matches!(
        setup::add_manager(&s.db, "sefton", "Sam", "Jones", now_ms()).await,
        Err(SetupError::UnknownCouncil(_))
    ));
    setup::add_council(&s.db, &council("sefton")).await.unwrap();
    assert!(matches!(setup::add_council(&s.db, &council("sefton")).await, Err(SetupError::CouncilTaken(_))));
    assert!(matches!(setup::add_council(&s.db, &council("Sefton Council")).await, Err(SetupError::Invalid(_))));
    assert!(
        matches!(setup::add_council(&s.db, &council("wirral")).await, Err(SetupError::CouncilTaken(_))),
        "a sample council"
    );
    let added = setup::add_manager(&s.db, "sefton", "Sam", "Jones", now_ms()).await.unwrap();
    assert_eq!(added.username, "sam.j");
    assert_eq!(added.code.len(), 9, "shown as K7QM-4PXD: {}", added.code);
    let sam_id = s.person_id("sam.j").await;

    // The sign-in page checks the code and shows whose it is.
    let c = s.client();
    let check: Value =
        post(&s, &c, "/auth/code", json!({"code": added.code.to_lowercase()})).await.json().await.unwrap();
    assert_eq!(check, json!({"first_name": "Sam", "username": "sam.j", "role": "manager", "purpose": "staff_set_up"}));

    // Weak passphrases are refused in plain words, and the code still works.
    for (weak, words) in [("short", "at least 8"), ("i-am-sam.j!", "username"), ("password123", "Lots of people")] {
        let res = post(&s, &c, "/auth/redeem", json!({"code": added.code, "passphrase": weak})).await;
        assert_eq!(res.status(), 422, "{weak}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "weak_passphrase");
        assert!(body["error"]["message"].as_str().unwrap().contains(words), "{body}");
    }
    assert_eq!(post(&s, &c, "/auth/code", json!({"code": added.code})).await.status(), 200);

    let res = post(&s, &c, "/auth/redeem", json!({"code": added.code, "passphrase": GOOD})).await;
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["username"], "sam.j");
    assert_eq!(me["second_factor"], "set_up_needed");
    assert_eq!(me["council"]["name"], "Sefton Council");

    // Nothing else works until the authenticator is set up, and it cannot be skipped.
    let res = get(&s, &c, "/council/oversight").await;
    assert_eq!(res.status(), 403);
    assert_eq!(error_code(res).await, "second_factor_set_up_needed");
    assert_eq!(get(&s, &c, "/me").await.status(), 200);
    assert_eq!(get(&s, &c, "/auth/sessions").await.status(), 200);
    assert_eq!(post(&s, &c, "/auth/second-factor/skip", json!({})).await.status(), 403);

    let start: Value = post(&s, &c, "/auth/second-factor/start", json!({})).await.json().await.unwrap();
    let secret = start["secret"].as_str().unwrap().to_string();
    assert!(start["otpauth_uri"].as_str().unwrap().starts_with("otpauth://totp/Pathway:sam.j?secret="));
    assert!(start["qr_svg"].as_str().unwrap().contains("<svg"));
    let res = post(&s, &c, "/auth/second-factor/confirm", json!({"code": "123456"})).await;
    assert_eq!(error_code(res).await, "invalid_second_factor");
    // The step before now's, so now's and the next are left for signing in.
    let used = totp_code(&secret, "sam.j", -1);
    let res = post(&s, &c, "/auth/second-factor/confirm", json!({"code": used})).await;
    assert_eq!(res.status(), 200);
    let recovery: Vec<String> = serde_json::from_value(res.json::<Value>().await.unwrap()["codes"].clone()).unwrap();
    assert_eq!(recovery.len(), 10);
    assert_eq!(get(&s, &c, "/council/oversight").await.status(), 200);
    assert_eq!(get(&s, &c, "/me").await.json::<Value>().await.unwrap()["second_factor"], "on");

    // Signing in now asks for the code, only once the passphrase is right.
    let c2 = s.client();
    assert_eq!(error_code(login_with(&s, &c2, "sam.j", "wrong passphrase", None).await).await, "invalid_credentials");
    assert_eq!(error_code(login_with(&s, &c2, "sam.j", GOOD, None).await).await, "second_factor_needed");
    assert_eq!(error_code(login_with(&s, &c2, "sam.j", GOOD, Some(&used)).await).await, "invalid_second_factor");
    let now_code = totp_code(&secret, "sam.j", 0);
    assert_eq!(login_with(&s, &c2, "sam.j", GOOD, Some(&now_code)).await.status(), 200);
    let c3 = s.client();
    let again = login_with(&s, &c3, "sam.j", GOOD, Some(&now_code)).await;
    assert_eq!(error_code(again).await, "invalid_second_factor", "a code works once");
    // A recovery code, typed loosely, works once.
    let loose = recovery[0].to_lowercase().replace('-', " ");
    assert_eq!(login_with(&s, &c3, "sam.j", GOOD, Some(&loose)).await.status(), 200);
    let c4 = s.client();
    assert_eq!(error_code(login_with(&s, &c4, "sam.j", GOOD, Some(&recovery[0])).await).await, "invalid_second_factor");

    // The code was used up.
    assert_eq!(error_code(post(&s, &c4, "/auth/code", json!({"code": added.code})).await).await, "code_not_valid");
    let actions = audit_actions(&s, &sam_id).await;
    for a in ["added_account", "issued_code", "redeemed_code", "set_up_second_factor"] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
}

#[tokio::test]
async fn wrong_authenticator_codes_are_rate_limited_like_passphrases() {
    let s = TestServer::start().await;
    let (_, user, secret) = manager_with_authenticator(&s).await;
    let c = s.client();
    let mut statuses = Vec::new();
    for _ in 0..11 {
        statuses.push(login_with(&s, &c, &user, GOOD, Some("000000")).await.status().as_u16());
    }
    assert_eq!(statuses[..10], [401; 10]);
    assert_eq!(statuses[10], 429);
    // Even the right code waits now.
    let res = login_with(&s, &c, &user, GOOD, Some(&totp_code(&secret, &user, 0))).await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn sample_staff_may_skip_the_authenticator_and_real_staff_may_not() {
    let s = TestServer::start().await;
    let sam = s.signed_in("pa.sam").await;
    let me: Value = get(&s, &sam, "/me").await.json().await.unwrap();
    assert_eq!(me["second_factor"], "optional");
    assert_eq!(me["username"], "pa.sam");
    assert_eq!(post(&s, &sam, "/auth/second-factor/skip", json!({})).await.status(), 204);
    let jade = s.signed_in("jade").await;
    assert_eq!(get(&s, &jade, "/me").await.json::<Value>().await.unwrap()["second_factor"], "not_asked");
    assert_eq!(post(&s, &jade, "/auth/second-factor/start", json!({})).await.status(), 403);
}

#[tokio::test]
async fn unknown_used_expired_and_replaced_codes_are_all_refused_alike_and_change_nothing() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let c = s.client();
    let mut messages = Vec::new();
    let mut refuse = async |code: &str| {
        let res = post(&s, &c, "/auth/redeem", json!({"code": code, "passphrase": GOOD})).await;
        assert_eq!(res.status(), 422, "{code}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "code_not_valid", "{code}");
        messages.push(body["error"]["message"].as_str().unwrap().to_string());
    };
    refuse("K7QM-4PXD").await;
    refuse("not a code").await;
    // Replaced by a newer one.
    let old = issue(&s, &jade_id, CodePurpose::Reset).await;
    let newer = issue(&s, &jade_id, CodePurpose::Reset).await;
    refuse(&old).await;
    // Expired.
    exec(
        &s,
        "UPDATE account_codes SET expires_at = $1 WHERE person_id = $2 AND voided_at IS NULL",
        now_ms() - 1,
        &jade_id,
    )
    .await;
    refuse(&newer).await;
    // Used.
    let fresh = issue(&s, &jade_id, CodePurpose::Reset).await;
    assert_eq!(post(&s, &s.client(), "/auth/redeem", json!({"code": fresh, "passphrase": GOOD})).await.status(), 200);
    refuse(&fresh).await;
    assert!(messages.windows(2).all(|w| w[0] == w[1]), "the same words for all: {messages:?}");
    // A known code's check answers alike too.
    let res = post(&s, &c, "/auth/code", json!({"code": old})).await;
    assert_eq!(error_code(res).await, "code_not_valid");
}

#[tokio::test]
async fn a_reset_keeps_her_records_ends_her_sessions_and_a_weak_passphrase_changes_nothing() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let phone = s.signed_in("jade").await;
    let topic = Uuid::now_v7();
    let r = push(&s, &phone, vec![put("topic", topic, json!({"text": "Ask about the bursary"}), None, None)]).await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");

    let code = issue(&s, &jade_id, CodePurpose::Reset).await;
    let c = s.client();
    let res = post(&s, &c, "/auth/redeem", json!({"code": code, "passphrase": "jade1234"})).await;
    assert_eq!(error_code(res).await, "weak_passphrase");
    // Nothing changed: the old passphrase still works, her phone is still signed in.
    assert_eq!(s.login(&s.client(), "jade", DEMO_PASSPHRASE).await.status(), 200);
    assert_eq!(get(&s, &phone, "/me").await.status(), 200);

    let res = post(&s, &c, "/auth/redeem", json!({"code": code, "passphrase": GOOD})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["first_name"], "Jade");
    assert_eq!(get(&s, &phone, "/me").await.status(), 401, "every other session ended");
    assert_eq!(s.login(&s.client(), "jade", DEMO_PASSPHRASE).await.status(), 401);
    let pulled = common::pull(&s, &c, 0).await;
    assert!(pulled.to_string().contains("Ask about the bursary"), "her records are all still there");
}

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

/// A client without a cookie store, to see each cookie the server sets.
fn bare() -> Client {
    Client::builder().build().unwrap()
}

fn set_cookie_token(res: &reqwest::Response) -> Option<String> {
    let v = res.headers().get("set-cookie")?.to_str().ok()?;
    let pair = v.split(';').next()?;
    pair.strip_prefix("pathway_session=").filter(|t| !t.is_empty()).map(String::from)
}

async fn me_with(s: &TestServer, token: &str) -> reqwest::Response {
    bare().get(s.url("/api/v1/me")).header("cookie", format!("pathway_session={token}")).send().await.unwrap()
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
async fn she_downloads_her_copy_then_closes_her_account_and_her_other_devices_learn() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    exec(&s, "UPDATE people SET first_name = 'Jade <b>&' WHERE id = $2 AND $1 = $1", 0, &jade_id).await;
    let (phone, tablet) = (s.signed_in("jade").await, s.signed_in("jade").await);
    let secret = Uuid::now_v7();
    let entry = json!({"kind": "note", "author": "me", "title": "Private worry", "recorded_by": "Jade", "visibility": "me_only"});
    assert_eq!(push(&s, &phone, vec![put("health_entry", secret, entry, None, None)]).await[0]["status"], "applied");
    // Sam looks at her page: the trail says so.
    let sam = s.signed_in("pa.sam").await;
    assert_eq!(get(&s, &sam, &format!("/caseload/{jade_id}")).await.status(), 200);

    let res = get(&s, &phone, "/me/export").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-disposition"], "attachment; filename=\"pathway-my-copy.json\"");
    let copy: Value = res.json().await.unwrap();
    assert_eq!(copy["you"]["username"], "jade");
    assert!(copy["you"].get("passphrase_hash").is_none() && !copy.to_string().contains("argon2"));
    let only_me = copy["records"].as_array().unwrap().iter().find(|r| r["id"] == secret.to_string()).unwrap();
    assert_eq!(only_me["your_pa_can_see_it"], false);
    assert_eq!(only_me["fields"]["title"], "Private worry");
    assert_eq!(copy["personal_advisor"]["name"], "Sam Okafor");
    assert_eq!(copy["council"]["id"], "liverpool");

    let res = get(&s, &phone, "/me/export/page").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    let page = res.text().await.unwrap();
    assert!(page.contains("Jade &lt;b&gt;&amp;"), "her name escaped");
    assert!(!page.contains("<b>&") && !page.contains("<script"));
    assert!(page.contains("Private worry") && page.contains("Only you"));
    assert!(page.contains("Sam Okafor (personal advisor)"), "who did what");

    // The passphrase is asked again; a wrong one closes nothing.
    let res = post(&s, &phone, "/me/close", json!({"passphrase": "not it"})).await;
    assert_eq!(error_code(res).await, "invalid_credentials");
    assert_eq!(get(&s, &tablet, "/me").await.status(), 200);
    let res = post(&s, &phone, "/me/close", json!({"passphrase": DEMO_PASSPHRASE})).await;
    assert_eq!(res.status(), 204);
    assert!(res.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));

    // Her tablet is told once, then is simply signed out.
    assert_eq!(error_code(get(&s, &tablet, "/people/my-pa").await).await, "account_closed");
    assert_eq!(error_code(get(&s, &tablet, "/me").await).await, "unauthenticated");
    assert_eq!(error_code(s.login(&s.client(), "jade", DEMO_PASSPHRASE).await).await, "invalid_credentials");
    // A code made for her stops working.
    let code = issue(&s, &jade_id, CodePurpose::Reset).await;
    let res = post(&s, &s.client(), "/auth/redeem", json!({"code": code, "passphrase": GOOD})).await;
    assert_eq!(error_code(res).await, "code_not_valid");
    let actions = audit_actions(&s, &jade_id).await;
    assert!(actions.contains(&"downloaded_copy".into()) && actions.contains(&"closed_account".into()), "{actions:?}");
}

#[tokio::test]
async fn guessing_codes_is_slowed_down_per_address_without_locking_anyones_sign_in() {
    let s = TestServer::start().await;
    let c = s.client();
    let mut statuses = Vec::new();
    for i in 0..11 {
        let guess = format!("K7QM-4P{}", ["XD", "XA", "XB", "XC", "XE", "XF", "XG", "XH", "XJ", "XK", "XM"][i]);
        statuses.push(post(&s, &c, "/auth/redeem", json!({"code": guess, "passphrase": GOOD})).await.status().as_u16());
    }
    assert_eq!(statuses[..10], [422; 10]);
    assert_eq!(statuses[10], 429);
    // Even a real code waits now, from this address.
    let code = issue(&s, &s.person_id("jade").await, CodePurpose::Reset).await;
    assert_eq!(post(&s, &c, "/auth/code", json!({"code": code})).await.status(), 429);
    // Signing in is not locked.
    assert_eq!(s.login(&c, "jade", DEMO_PASSPHRASE).await.status(), 200);
}
