//! Accounts over real HTTP (issue 13): a deployment started from the command
//! line, set-up codes redeemed, the staff authenticator app, resets, a young
//! person's copy of her data, and closing an account. Every bad input is
//! refused with nothing changed. Sessions and passphrase changes:
//! tests/sessions.rs.

mod common;

use common::accounts::*;
use common::{DEMO_PASSPHRASE, TestServer, error_code, pull, push, put};
use pathway_model::code::CodePurpose;
use pathway_server::db::now_ms;
use pathway_server::setup::{self, SetupError};
use serde_json::{Value, json};
use uuid::Uuid;

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
async fn she_downloads_her_copy_then_closes_her_account_and_her_other_devices_learn() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    exec(&s, "UPDATE people SET first_name = 'Jade <b>&' WHERE id = $2 AND $1 = $1", 0, &jade_id).await;
    let (phone, tablet) = (s.signed_in("jade").await, s.signed_in("jade").await);
    let secret = Uuid::now_v7();
    let entry = json!({"kind": "note", "author": "me", "title": "Private worry", "recorded_by": "Jade", "visibility": "me_only"});
    assert_eq!(push(&s, &phone, vec![put("health_entry", secret, entry, None, None)]).await[0]["status"], "applied");
    // Sam looks at her page: the trail says so. His laptop has her records.
    let sam = s.signed_in("pa.sam").await;
    assert_eq!(get(&s, &sam, &format!("/caseload/{jade_id}")).await.status(), 200);
    let mut sam_cursor = 0;
    loop {
        let page = pull(&s, &sam, sam_cursor).await;
        sam_cursor = page["cursor"].as_i64().unwrap();
        if page["has_more"] == false {
            break;
        }
    }

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

    // She has left Sam's caseload: his laptop is told to forget her, and a
    // fresh device of his never gets her records.
    let after = pull(&s, &sam, sam_cursor).await;
    assert_eq!(after["forget"], json!([jade_id]));
    let fresh = pull(&s, &sam, 0).await;
    assert!(!fresh.to_string().contains(&jade_id), "a closed account's records reach no PA");
    assert_eq!(get(&s, &sam, &format!("/caseload/{jade_id}")).await.status(), 404);
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
