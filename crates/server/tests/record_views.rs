//! "Who looked at my record" (issue 14, item 6). The test: every
//! route in the API table that lets staff read or change a young person's
//! data is called here as the staff member who may, and each leaves an
//! entry she then sees in `GET /me/record-views` with the right who, role
//! and words. Every other route is named below with why it touches no
//! young person's data, so a new route fails this test until it is placed.

mod common;

use std::collections::BTreeSet;

use common::{TestServer, push, put};
use reqwest::Client;
use serde_json::{Value, json};
use uuid::Uuid;

/// Routes that touch no young person's data, and why.
const NOT_HER_DATA: &[(&str, &str, &str)] = &[
    ("GET", "/health", "load balancers"),
    ("POST", "/auth/login", "anyone's own sign-in"),
    ("POST", "/auth/logout", "anyone's own sign-out"),
    ("GET", "/me", "the caller's own name"),
    ("PUT", "/me/language", "the caller's own choice of language"),
    ("PUT", "/auth/pin", "her own device's lock"),
    ("DELETE", "/auth/pin", "her own device's lock"),
    ("POST", "/auth/lock", "her own device's lock"),
    ("POST", "/auth/unlock", "her own device's lock"),
    ("POST", "/auth/code", "checks a code"),
    ("POST", "/auth/redeem", "the caller's own account"),
    ("POST", "/auth/second-factor/start", "staff's own account"),
    ("POST", "/auth/second-factor/confirm", "staff's own account"),
    ("POST", "/auth/second-factor/skip", "staff's own account"),
    ("POST", "/auth/passphrase", "the caller's own account"),
    ("GET", "/auth/sessions", "the caller's own sessions"),
    ("DELETE", "/auth/sessions/{id}", "the caller's own sessions"),
    ("GET", "/me/export", "hers, for her"),
    ("GET", "/me/export/page", "hers, for her"),
    ("POST", "/me/close", "hers, for her"),
    ("GET", "/me/record-views", "hers, for her"),
    ("GET", "/me/health/fhir", "hers, for her"),
    ("POST", "/me/health/share-links", "hers, for her"),
    ("GET", "/me/health/share-links", "hers, for her"),
    ("DELETE", "/me/health/share-links/{id}", "hers, for her"),
    ("POST", "/shared/{token}", "no staff: each opening is shown to her (tests/health_share.rs)"),
    ("GET", "/people/my-pa", "hers, for her"),
    ("GET", "/people/mine", "hers, for her"),
    ("GET", "/council/figures", "counts only: no names, no records"),
    ("GET", "/council/staff", "staff accounts"),
    ("POST", "/council/staff", "staff accounts"),
    ("POST", "/council/staff/{id}/disable", "staff accounts (young people are not found)"),
    ("POST", "/council/staff/{id}/enable", "staff accounts (young people are not found)"),
    ("POST", "/council/staff/{id}/code", "staff accounts (young people are not found)"),
    ("GET", "/offer", "the council's offer"),
    ("PUT", "/offer/items", "the council's offer"),
    ("GET", "/offer/draft", "the council's offer"),
    ("DELETE", "/offer/draft", "the council's offer"),
    ("PUT", "/offer/draft/items/{id}", "the council's offer"),
    ("POST", "/offer/draft/items/{id}/retire", "the council's offer"),
    ("POST", "/offer/draft/items/{id}/undo", "the council's offer"),
    ("POST", "/offer/draft/import", "the council's offer"),
    ("POST", "/offer/draft/publish", "the council's offer"),
    ("GET", "/offer/history", "the council's offer"),
    ("GET", "/offer/export", "the council's offer"),
    ("GET", "/open/{council}/", "open data"),
    ("GET", "/open/{council}/services", "open data"),
    ("GET", "/open/{council}/services/{id}", "open data"),
];

#[derive(Clone, Copy, Debug)]
enum Staff {
    Sam,
    Manager,
}

/// Every staff route that reads or changes her data: who calls it, and the
/// words she then reads ("" for a pull, checked on its own below).
const HER_DATA: &[(&str, &str, Staff, &str)] = &[
    ("POST", "/sync/push", Staff::Sam, "wrote down a meeting with you"),
    ("GET", "/sync/pull", Staff::Sam, ""),
    ("GET", "/caseload", Staff::Sam, "saw your name on their list of young people"),
    ("GET", "/caseload/{person_id}", Staff::Sam, "looked at your details"),
    ("GET", "/caseload/{person_id}/profile", Staff::Sam, "looked at your details"),
    (
        "PUT",
        "/caseload/{person_id}/contacts/{role}",
        Staff::Sam,
        "wrote down who your independent reviewing officer is",
    ),
    ("PUT", "/caseload/{person_id}/profile", Staff::Sam, "changed your details"),
    ("POST", "/caseload/{person_id}/code", Staff::Sam, "made a new sign-in code for you"),
    ("POST", "/caseload", Staff::Sam, "made your account"),
    ("GET", "/council/inbox", Staff::Manager, "saw your requests to keep in touch and your \"I feel unsafe\" alerts"),
    ("POST", "/council/inbox/requests/{id}/done", Staff::Manager, "answered your request to keep in touch"),
    ("POST", "/council/inbox/alerts/{id}/seen", Staff::Manager, "marked your \"I feel unsafe\" alert as seen"),
    ("GET", "/council/oversight", Staff::Manager, "saw your name on the team's catch-up list"),
    ("GET", "/council/young-people", Staff::Manager, "saw your name on the council's list of young people"),
    ("PUT", "/council/young-people/{person_id}/advisor", Staff::Manager, "changed who your personal advisor is"),
];

#[test]
fn every_route_is_either_tested_here_or_touches_no_young_persons_data() {
    let placed: BTreeSet<(&str, &str)> =
        NOT_HER_DATA.iter().map(|(m, p, _)| (*m, *p)).chain(HER_DATA.iter().map(|(m, p, _, _)| (*m, *p))).collect();
    let routes: BTreeSet<(&str, &str)> = pathway_server::routes::route_list().into_iter().collect();
    assert_eq!(placed, routes, "place each new route in HER_DATA (and test it) or NOT_HER_DATA");
}

async fn views(s: &TestServer, c: &Client) -> Vec<Value> {
    let res = c.get(s.url("/api/v1/me/record-views")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json::<Vec<Value>>().await.unwrap()
}

fn ok(res: reqwest::Response, what: &str) {
    assert!(res.status().is_success(), "{what}: {}", res.status());
}

#[tokio::test]
async fn every_staff_read_and_change_of_her_data_is_in_who_looked_at_my_record() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let jade = s.signed_in("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let manager = s.signed_in("manager.liverpool").await;
    let (sam_name, manager_name) = ("Sam Okafor", "Liz Carter");

    // Things of hers for staff to see: a topic, a request and an alert;
    // and a health entry Sam wrote.
    let request = Uuid::now_v7();
    let alert = Uuid::now_v7();
    let ask =
        json!({"kind": "contact_me", "how": "call", "reach_on": "07700 900999", "asked_at": 1_790_000_000_000_i64});
    for r in push(
        &s,
        &jade,
        vec![
            put("topic", Uuid::now_v7(), json!({"text": "Council tax"}), None, None),
            put("contact_request", request, ask, None, None),
            put("unsafe_alert", alert, json!({"raised_at": 1_790_000_000_000_i64}), None, None),
        ],
    )
    .await
    {
        assert_eq!(r["status"], "applied");
    }
    let allergy = json!({"kind": "allergy", "author": "professional", "title": "Penicillin",
                         "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa"});
    assert_eq!(
        push(&s, &sam, vec![put("health_entry", Uuid::now_v7(), allergy, None, Some(&jade_id))]).await[0]["status"],
        "applied"
    );
    // A PA to move her to at the end.
    let alex_id = s.add_advisor(&manager, "Alex", "Reed").await;
    let born: String = sqlx::query_scalar("SELECT date_of_birth FROM people WHERE id = $1")
        .bind(&jade_id)
        .fetch_one(s.db.pool())
        .await
        .unwrap();

    let mut new_person: Option<(Client, Value)> = None;
    for (method, route, staff, words) in HER_DATA {
        let (client, name) = match staff {
            Staff::Sam => (&sam, sam_name),
            Staff::Manager => (&manager, manager_name),
        };
        let before = views(&s, &jade).await.len();
        let path = format!(
            "/api/v1{}",
            route
                .replace("{person_id}", &jade_id)
                .replace("{role}", "iro")
                .replace("/requests/{id}", &format!("/requests/{request}"))
                .replace("/alerts/{id}", &format!("/alerts/{alert}"))
        );
        let url = s.url(&path);
        let res = match (*method, *route) {
            ("POST", "/sync/push") => {
                let today = chrono::Utc::now().date_naive().to_string();
                let contact =
                    put("contact", Uuid::now_v7(), json!({"date": today, "how": "phone"}), None, Some(&jade_id));
                client.post(url).json(&json!({"mutations": [contact]})).send().await.unwrap()
            }
            ("GET", "/sync/pull") => client.get(format!("{url}?client_id={}", Uuid::now_v7())).send().await.unwrap(),
            ("PUT", r) if r.ends_with("/contacts/{role}") => {
                client.put(url).json(&json!({"name": "Helen Marsh", "phone": "0151 496 0122"})).send().await.unwrap()
            }
            ("PUT", r) if r.ends_with("/profile") => client
                .put(url)
                .json(&json!({"first_name": "Jade", "last_name": "Thompson", "date_of_birth": born,
                              "status": "former_relevant", "circumstances": ["in_education"]}))
                .send()
                .await
                .unwrap(),
            ("PUT", r) if r.ends_with("/advisor") => {
                client.put(url).json(&json!({"advisor_id": alex_id})).send().await.unwrap()
            }
            ("POST", "/caseload") => {
                // A young person Sam registers: she reads her own trail.
                let res = client
                    .post(url)
                    .json(&json!({"first_name": "Amy", "last_name": "Stone", "date_of_birth": "2007-03-01",
                                  "status": "former_relevant", "circumstances": []}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 200);
                let code: Value = res.json().await.unwrap();
                let amy = s.client();
                let redeemed = amy
                    .post(s.url("/api/v1/auth/redeem"))
                    .json(&json!({"code": code["code"], "passphrase": "violet harbour lantern 93"}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(redeemed.status(), 200);
                new_person = Some((amy, code));
                continue;
            }
            ("GET", _) => client.get(url).send().await.unwrap(),
            _ => client.post(url).send().await.unwrap(),
        };
        ok(res, route);
        let after = views(&s, &jade).await;
        let new = &after[..after.len() - before];
        assert!(!new.is_empty(), "{method} {route} left no entry she can see");
        let role = "your PA";
        let role = if matches!(staff, Staff::Manager) { "a manager" } else { role };
        let found = new.iter().any(|v| {
            v["who"] == name
                && v["role"] == role
                && if words.is_empty() {
                    v["did"].as_str().unwrap().starts_with("looked at ")
                } else {
                    v["did"] == *words
                }
        });
        assert!(found, "{method} {route}: {new:?}");
    }

    let all = views(&s, &jade).await;
    // The pull says which of her records Sam's laptop received, not their words.
    let pulled = all.iter().find(|v| v["did"].as_str().unwrap().contains("health entries")).expect("the pull");
    assert_eq!(
        pulled["did"],
        "looked at your things to talk about, your health entries, your requests to keep in touch, \
         your \"I feel unsafe\" alerts and the notes of your meetings"
    );
    assert!(!all.iter().any(|v| v.to_string().contains("Penicillin") || v.to_string().contains("Council tax")));
    // Newest first; none of her own doings.
    assert!(all.windows(2).all(|w| w[0]["at"].as_i64() >= w[1]["at"].as_i64()));
    assert!(all.iter().all(|v| v["who"] != "Jade Thompson"));
    // She is with Alex now: Sam's entries say "a PA".
    assert!(all.iter().filter(|v| v["who"] == sam_name).all(|v| v["role"] == "a PA"), "{all:?}");
    // Amy sees the account Sam made and the code he gave her.
    let (amy, _) = new_person.expect("registered");
    let amy_views = views(&s, &amy).await;
    let did: Vec<&str> = amy_views.iter().map(|v| v["did"].as_str().unwrap()).collect();
    assert!(did.contains(&"made your account") && did.contains(&"made a new sign-in code for you"), "{did:?}");
    let by_sam: Vec<&Value> = amy_views.iter().filter(|v| v["who"] == sam_name).collect();
    assert!(by_sam.len() >= 2 && by_sam.iter().all(|v| v["role"] == "your PA"), "{amy_views:?}");
    // The manager's lists after she joined named her too.
    assert!(amy_views.iter().any(|v| v["who"] == "Liz Carter" && v["role"] == "a manager"), "{amy_views:?}");
}

#[tokio::test]
async fn staff_cannot_read_anyones_record_views() {
    let s = TestServer::start().await;
    for who in ["pa.sam", "manager.liverpool"] {
        let res = s.signed_in(who).await.get(s.url("/api/v1/me/record-views")).send().await.unwrap();
        assert_eq!(res.status(), 403, "{who}");
    }
    let res = s.client().get(s.url("/api/v1/me/record-views")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    // Nobody has looked yet: an empty list.
    assert_eq!(views(&s, &s.signed_in("kai").await).await, Vec::<Value>::new());
}
