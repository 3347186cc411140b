//! Issue 13 for managers and PAs: adding staff with set-up codes, disabling
//! and enabling them, registering a young person with an invite code,
//! editing her profile and making new codes. Another council's people and
//! anyone off a PA's caseload answer 404, and every refusal changes nothing.

mod common;

use common::{TestServer, error_code};
use pathway_server::db::codes;
use reqwest::Client;
use serde_json::{Value, json};

/// Whose live code this is and what for, if it is one.
async fn live(s: &TestServer, code: &str) -> Option<(String, String)> {
    let normal = pathway_model::code::normalise(code).expect("a code");
    let mut conn = s.db.pool().acquire().await.unwrap();
    codes::find_live(&mut conn, &normal, pathway_server::db::now_ms()).await.unwrap().map(|c| (c.person_id, c.purpose))
}

async fn count(s: &TestServer, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(s.db.pool()).await.unwrap()
}

async fn trail(s: &TestServer, subject: &str) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT action, detail FROM audit_events WHERE subject_id = $1 ORDER BY at, id")
        .bind(subject)
        .fetch_all(s.db.pool())
        .await
        .unwrap()
}

async fn json_of(res: reqwest::Response, status: u16) -> Value {
    let got = res.status().as_u16();
    let body = res.text().await.unwrap();
    assert_eq!(got, status, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// `POST /auth/redeem` from a new browser: the code, and a passphrase she chooses.
async fn redeem(s: &TestServer, code: &str) -> (Client, reqwest::Response) {
    let c = s.client();
    let res = c
        .post(s.url("/api/v1/auth/redeem"))
        .json(&json!({"code": code, "passphrase": "violet harbour lantern 93"}))
        .send()
        .await
        .unwrap();
    (c, res)
}

async fn post(s: &TestServer, c: &Client, path: &str) -> reqwest::Response {
    c.post(s.url(&format!("/api/v1{path}"))).send().await.unwrap()
}

#[tokio::test]
async fn a_manager_adds_a_pa_who_gets_a_set_up_code() {
    let s = TestServer::start().await;
    let manager = s.signed_in("manager.liverpool").await;
    let res = manager
        .post(s.url("/api/v1/council/staff"))
        .json(&json!({"first_name": " Robin ", "last_name": "Hale", "role": "advisor"}))
        .send()
        .await
        .unwrap();
    let code = json_of(res, 200).await;
    assert_eq!(code["username"], "robin.h");
    assert_eq!(code["first_name"], "Robin");
    assert_eq!(code["purpose"], "staff_set_up");
    let text = code["code"].as_str().unwrap();
    assert!(text.len() == 9 && text.as_bytes()[4] == b'-', "{text}");
    assert!(code["qr_svg"].as_str().unwrap().contains("<svg"));
    let robin = code["person_id"].as_str().unwrap().to_string();
    assert_eq!(live(&s, text).await, Some((robin.clone(), "staff_set_up".into())));
    assert_eq!(
        trail(&s, &robin).await,
        [("added_account".into(), Some("advisor".into())), ("issued_code".into(), Some("staff_set_up".into()))]
    );

    let staff: Value = json_of(manager.get(s.url("/api/v1/council/staff")).send().await.unwrap(), 200).await;
    let row = |username: &str| staff.as_array().unwrap().iter().find(|m| m["username"] == username).cloned();
    let robin_row = row("robin.h").expect("listed");
    assert_eq!(robin_row["role"], "advisor");
    assert_eq!(robin_row["caseload_size"], 0);
    assert_eq!(robin_row["signed_in_before"], false);
    assert_eq!(robin_row["second_factor_on"], false);
    assert_eq!(robin_row["disabled"], false);
    assert_eq!(row("pa.sam").unwrap()["caseload_size"], 2);
    assert_eq!(row("pa.sam").unwrap()["signed_in_before"], true);
    assert!(row("manager.liverpool").is_some());
    assert!(row("pa.priya").is_none(), "only their own council");

    // A new code voids the old one.
    let again = json_of(post(&s, &manager, &format!("/council/staff/{robin}/code")).await, 200).await;
    let new_text = again["code"].as_str().unwrap();
    assert_ne!(new_text, text);
    assert_eq!(live(&s, text).await, None);
    assert_eq!(live(&s, new_text).await, Some((robin.clone(), "staff_set_up".into())));
    let (_, res) = redeem(&s, text).await;
    assert_eq!(res.status(), 422);
    assert_eq!(error_code(res).await, "code_not_valid");
    // The new one works, once: Robin chooses a passphrase and is signed in.
    let (robin_browser, res) = redeem(&s, new_text).await;
    let me = json_of(res, 200).await;
    assert_eq!(me["username"], "robin.h");
    assert_eq!(me["role"], "advisor");
    assert_eq!(error_code(redeem(&s, new_text).await.1).await, "code_not_valid");
    // A real PA sets up the authenticator before anything else.
    let res = robin_browser.get(s.url("/api/v1/caseload")).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(error_code(res).await, "second_factor_set_up_needed");
    let staff: Value = json_of(manager.get(s.url("/api/v1/council/staff")).send().await.unwrap(), 200).await;
    let robin_row = staff.as_array().unwrap().iter().find(|m| m["username"] == "robin.h").unwrap();
    assert_eq!(robin_row["signed_in_before"], true);

    // Bad input: a young person is not staff, a name is needed.
    let before = count(&s, "SELECT COUNT(*) FROM people").await;
    for body in [
        json!({"first_name": "Amy", "last_name": "Stone", "role": "young_person"}),
        json!({"first_name": "  ", "last_name": "Stone", "role": "advisor"}),
        json!({"first_name": "Amy", "last_name": "", "role": "manager"}),
    ] {
        let res = manager.post(s.url("/api/v1/council/staff")).json(&body).send().await.unwrap();
        assert_eq!(res.status(), 422, "{body}");
        assert_eq!(error_code(res).await, "validation_failed");
    }
    assert_eq!(count(&s, "SELECT COUNT(*) FROM people").await, before);
}

#[tokio::test]
async fn qr_codes_point_at_the_sign_in_page_of_the_host_asked() {
    let headers = |host: &str| {
        let mut h = axum::http::HeaderMap::new();
        h.insert("host", host.parse().unwrap());
        h
    };
    use pathway_server::routes::staff::sign_in_link;
    assert_eq!(sign_in_link(&headers("pathway.example"), "K7QM4PXD"), "https://pathway.example/login?code=K7QM-4PXD");
    assert_eq!(sign_in_link(&headers("localhost:8080"), "K7QM4PXD"), "http://localhost:8080/login?code=K7QM-4PXD");
    assert_eq!(sign_in_link(&headers("127.0.0.1:3000"), "K7QM4PXD"), "http://127.0.0.1:3000/login?code=K7QM-4PXD");
    // With a configured public address, the Host header plays no part.
    use pathway_server::routes::staff::sign_in_link_at;
    let site = Some("https://pathway.wirral.gov.uk/");
    assert_eq!(
        sign_in_link_at(site, &headers("evil.example"), "K7QM4PXD"),
        "https://pathway.wirral.gov.uk/login?code=K7QM-4PXD"
    );
}

#[tokio::test]
async fn disabling_a_pa_signs_them_out_at_once_and_enabling_lets_them_back() {
    let s = TestServer::start().await;
    let sam_id = s.person_id("pa.sam").await;
    let sam = s.signed_in("pa.sam").await;
    let manager = s.signed_in("manager.liverpool").await;
    assert_eq!(sam.get(s.url("/api/v1/caseload")).send().await.unwrap().status(), 200);

    assert_eq!(post(&s, &manager, &format!("/council/staff/{sam_id}/disable")).await.status(), 204);
    assert_eq!(sam.get(s.url("/api/v1/caseload")).send().await.unwrap().status(), 401);
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM auth_sessions s JOIN people p ON p.id = s.person_id WHERE p.username = 'pa.sam'"
        )
        .await,
        0
    );
    assert_eq!(s.login(&s.client(), "pa.sam", common::DEMO_PASSPHRASE).await.status(), 401);
    let staff: Value = json_of(manager.get(s.url("/api/v1/council/staff")).send().await.unwrap(), 200).await;
    assert!(staff.as_array().unwrap().iter().any(|m| m["username"] == "pa.sam" && m["disabled"] == true));

    assert_eq!(post(&s, &manager, &format!("/council/staff/{sam_id}/enable")).await.status(), 204);
    let sam = s.signed_in("pa.sam").await;
    assert_eq!(sam.get(s.url("/api/v1/caseload")).send().await.unwrap().status(), 200);
    let actions: Vec<String> = trail(&s, &sam_id).await.into_iter().map(|(a, _)| a).collect();
    assert_eq!(actions, ["disabled_account", "enabled_account"]);

    // A manager cannot lock themself out.
    let me = s.person_id("manager.liverpool").await;
    let res = post(&s, &manager, &format!("/council/staff/{me}/disable")).await;
    assert_eq!(res.status(), 422);
    assert_eq!(error_code(res).await, "validation_failed");
    assert_eq!(manager.get(s.url("/api/v1/council/staff")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_manager_cannot_touch_another_councils_staff_or_young_people() {
    let s = TestServer::start().await;
    let sam_id = s.person_id("pa.sam").await;
    let sam = s.signed_in("pa.sam").await;
    let knowsley = s.signed_in("manager.knowsley").await;
    let audit_before = count(&s, "SELECT COUNT(*) FROM audit_events").await;
    let codes_before = count(&s, "SELECT COUNT(*) FROM account_codes").await;
    for action in ["disable", "enable", "code"] {
        let res = post(&s, &knowsley, &format!("/council/staff/{sam_id}/{action}")).await;
        assert_eq!(res.status(), 404, "{action}");
        assert_eq!(error_code(res).await, "not_found");
    }
    // Nor a young person, nor a made-up id.
    let res = post(&s, &knowsley, "/council/staff/not-an-id/disable").await;
    assert_eq!(res.status(), 404);
    let jade = s.person_id("jade").await;
    assert_eq!(post(&s, &knowsley, &format!("/council/staff/{jade}/code")).await.status(), 404);
    assert_eq!(sam.get(s.url("/api/v1/me")).send().await.unwrap().status(), 200, "Sam still signed in");
    assert_eq!(count(&s, "SELECT COUNT(*) FROM audit_events").await, audit_before);
    assert_eq!(count(&s, "SELECT COUNT(*) FROM account_codes").await, codes_before);

    let young: Value = json_of(knowsley.get(s.url("/api/v1/council/young-people")).send().await.unwrap(), 200).await;
    let names: Vec<&str> = young.as_array().unwrap().iter().map(|y| y["first_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Kai", "Leah"]);
    assert_eq!(young[0]["advisor"]["name"], "Priya Shah");
    assert_eq!(young[0]["closed"], false);
    let liverpool: Value = json_of(
        s.signed_in("manager.liverpool").await.get(s.url("/api/v1/council/young-people")).send().await.unwrap(),
        200,
    )
    .await;
    let zara = liverpool.as_array().unwrap().iter().find(|y| y["first_name"] == "Zara").unwrap();
    assert_eq!(zara["advisor"], Value::Null);
}

fn profile(first: &str, born: &str, circumstances: Value) -> Value {
    json!({"first_name": first, "last_name": "Stone", "date_of_birth": born, "status": "former_relevant",
           "circumstances": circumstances})
}

/// A date of birth that makes someone `years` old today.
fn born(years: i32) -> String {
    use chrono::Datelike;
    let today = chrono::Utc::now().date_naive();
    let d = today.with_year(today.year() - years).unwrap_or(today) - chrono::Days::new(10);
    d.format("%Y-%m-%d").to_string()
}

#[tokio::test]
async fn a_pa_registers_a_young_person_onto_their_caseload_with_an_invite_code() {
    let s = TestServer::start().await;
    let sam_id = s.person_id("pa.sam").await;
    let sam = s.signed_in("pa.sam").await;
    let res = sam
        .post(s.url("/api/v1/caseload"))
        .json(&profile("Amy", &born(17), json!(["in_education", "young_parent", "in_education"])))
        .send()
        .await
        .unwrap();
    let code = json_of(res, 200).await;
    assert_eq!(code["purpose"], "invite");
    assert_eq!(code["username"], "amy.s");
    let amy = code["person_id"].as_str().unwrap().to_string();
    assert_eq!(live(&s, code["code"].as_str().unwrap()).await, Some((amy.clone(), "invite".into())));
    let row: (String, String, Option<String>, String, Option<String>, Option<i64>) = sqlx::query_as(
        "SELECT council_id, role, advisor_id, circumstances, legal_status, passphrase_set_at FROM people WHERE id = $1",
    )
    .bind(&amy)
    .fetch_one(s.db.pool())
    .await
    .unwrap();
    assert_eq!(
        row,
        (
            "liverpool".into(),
            "young_person".into(),
            Some(sam_id.clone()),
            "in_education young_parent".into(),
            Some("former_relevant".into()),
            None
        )
    );
    let list: Value = json_of(sam.get(s.url("/api/v1/caseload")).send().await.unwrap(), 200).await;
    assert!(list.as_array().unwrap().iter().any(|e| e["person_id"] == amy.as_str()));
    let actions: Vec<String> = trail(&s, &amy).await.into_iter().map(|(a, _)| a).collect();
    // Her new PA's caseload list shows her name: on her trail too.
    assert_eq!(actions, ["added_account", "issued_code", "viewed_caseload"]);

    // Another code before she used the first: still an invite; the first
    // no longer works.
    let again = json_of(post(&s, &sam, &format!("/caseload/{amy}/code")).await, 200).await;
    assert_eq!(again["purpose"], "invite");
    assert_eq!(live(&s, code["code"].as_str().unwrap()).await, None);
    assert!(live(&s, again["code"].as_str().unwrap()).await.is_some());
    assert_eq!(error_code(redeem(&s, code["code"].as_str().unwrap()).await.1).await, "code_not_valid");
    // She redeems it and finds her PA.
    let (amy_phone, res) = redeem(&s, again["code"].as_str().unwrap()).await;
    assert_eq!(json_of(res, 200).await["username"], "amy.s");
    let my_pa = json_of(amy_phone.get(s.url("/api/v1/people/my-pa")).send().await.unwrap(), 200).await;
    assert_eq!(my_pa["advisor"]["name"], "Sam Okafor");
    // Now she has a passphrase, a new code is a reset.
    let reset = json_of(post(&s, &sam, &format!("/caseload/{amy}/code")).await, 200).await;
    assert_eq!(reset["purpose"], "reset");
    // Jade chose her passphrase long ago: hers is a reset.
    let jade = s.person_id("jade").await;
    let reset = json_of(post(&s, &sam, &format!("/caseload/{jade}/code")).await, 200).await;
    assert_eq!(reset["purpose"], "reset");
    assert_eq!(reset["username"], "jade");
    let (_, res) = redeem(&s, reset["code"].as_str().unwrap()).await;
    assert_eq!(json_of(res, 200).await["username"], "jade");

    // The profile's problems, in the model's words; nothing is made.
    let before = count(&s, "SELECT COUNT(*) FROM people").await;
    for (body, words) in [
        (profile(" ", &born(18), json!([])), "Enter a first name."),
        (profile("Bea", &born(30), json!([])), "Care leavers are 16 to 25: check the date of birth."),
        (profile("Bea", &born(12), json!([])), "Care leavers are 16 to 25: check the date of birth."),
    ] {
        let res = sam.post(s.url("/api/v1/caseload")).json(&body).send().await.unwrap();
        assert_eq!(res.status(), 422);
        let err: Value = res.json().await.unwrap();
        assert_eq!(err["error"]["code"], "validation_failed");
        assert_eq!(err["error"]["message"], words);
    }
    let res = sam.post(s.url("/api/v1/caseload")).json(&json!({"first_name": "Bea"})).send().await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(count(&s, "SELECT COUNT(*) FROM people").await, before);
}

#[tokio::test]
async fn a_pa_edits_a_profile_and_her_offer_follows() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let jade = s.signed_in("jade").await;
    let offer: Value = json_of(jade.get(s.url("/api/v1/offer")).send().await.unwrap(), 200).await;
    assert_eq!(offer["profile"]["circumstances"], json!(["in_education"]));

    let mut p =
        json_of(sam.get(s.url(&format!("/api/v1/caseload/{jade_id}/profile"))).send().await.unwrap(), 200).await;
    assert_eq!(p["first_name"], "Jade");
    assert_eq!(p["status"], "former_relevant");
    p["circumstances"] = json!(["young_parent"]);
    p["last_name"] = json!("Thompson-Reid");
    let res = sam.put(s.url(&format!("/api/v1/caseload/{jade_id}/profile"))).json(&p).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let offer: Value = json_of(jade.get(s.url("/api/v1/offer")).send().await.unwrap(), 200).await;
    assert_eq!(offer["profile"]["circumstances"], json!(["young_parent"]));
    let back = json_of(sam.get(s.url(&format!("/api/v1/caseload/{jade_id}/profile"))).send().await.unwrap(), 200).await;
    assert_eq!(back, p);
    assert!(trail(&s, &jade_id).await.iter().any(|(a, _)| a == "edited_profile"));
    // Her username does not change with her name.
    assert_eq!(s.person_id("jade").await, jade_id);

    // A bad profile changes nothing.
    let mut bad = p.clone();
    bad["first_name"] = json!("");
    let res = sam.put(s.url(&format!("/api/v1/caseload/{jade_id}/profile"))).json(&bad).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let still =
        json_of(sam.get(s.url(&format!("/api/v1/caseload/{jade_id}/profile"))).send().await.unwrap(), 200).await;
    assert_eq!(still, p);
}

#[tokio::test]
async fn a_pa_cannot_see_or_change_anyone_off_their_caseload() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let kai_id = s.person_id("kai").await;
    let zara_id = s.person_id("zara").await;
    let priya = s.signed_in("pa.priya").await;
    let sam = s.signed_in("pa.sam").await;
    let before: (String, String) = sqlx::query_as("SELECT last_name, circumstances FROM people WHERE id = $1")
        .bind(&jade_id)
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    let audit_before = count(&s, "SELECT COUNT(*) FROM audit_events").await;
    let codes_before = count(&s, "SELECT COUNT(*) FROM account_codes").await;
    let edit = profile("Jade", &born(19), json!(["young_parent"]));
    for (client, person) in [(&priya, &jade_id), (&sam, &kai_id), (&sam, &zara_id)] {
        let path = format!("/api/v1/caseload/{person}/profile");
        assert_eq!(client.get(s.url(&path)).send().await.unwrap().status(), 404);
        let res = client.put(s.url(&path)).json(&edit).send().await.unwrap();
        assert_eq!(res.status(), 404);
        assert_eq!(error_code(res).await, "not_found");
        assert_eq!(post(&s, client, &format!("/caseload/{person}/code")).await.status(), 404);
    }
    assert_eq!(sam.get(s.url("/api/v1/caseload/nobody/profile")).send().await.unwrap().status(), 404);
    let after: (String, String) = sqlx::query_as("SELECT last_name, circumstances FROM people WHERE id = $1")
        .bind(&jade_id)
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    assert_eq!(after, before);
    assert_eq!(count(&s, "SELECT COUNT(*) FROM audit_events").await, audit_before);
    assert_eq!(count(&s, "SELECT COUNT(*) FROM account_codes").await, codes_before);

    // A closed account has left the caseload: 404 too, and no new code.
    sqlx::query("UPDATE people SET closed_at = 1 WHERE id = $1").bind(&jade_id).execute(s.db.writer()).await.unwrap();
    assert_eq!(sam.get(s.url(&format!("/api/v1/caseload/{jade_id}/profile"))).send().await.unwrap().status(), 404);
    assert_eq!(post(&s, &sam, &format!("/caseload/{jade_id}/code")).await.status(), 404);
    let list: Value = json_of(sam.get(s.url("/api/v1/caseload")).send().await.unwrap(), 200).await;
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["first_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Tom"]);
}
