//! Who may call what: every API route x every role, a PA's own caseload
//! against another PA's (cross-caseload access answers 404, never data).
//! What each role's answers contain is in `scoping.rs`.

mod common;

use std::collections::BTreeSet;

use common::{TestServer, push, put};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug)]
enum Who {
    Nobody,
    YoungPerson,
    Advisor,
    Manager,
}

const EVERYONE: [Who; 4] = [Who::Nobody, Who::YoungPerson, Who::Advisor, Who::Manager];

/// (method, route, who, expected status). `{own}` is a young person on the
/// advisor's caseload (Jade, Sam's); `{other}` is on another PA's (Kai).
fn matrix() -> Vec<(&'static str, &'static str, Who, u16)> {
    use Who::*;
    let mut m = Vec::new();
    for who in EVERYONE {
        m.push(("GET", "/health", who, 200));
        // A wrong passphrase, whoever asks: no role skips the check.
        m.push(("POST", "/auth/login", who, 401));
    }
    for (who, code) in [(Nobody, 401), (YoungPerson, 200), (Advisor, 200), (Manager, 403)] {
        m.push(("POST", "/sync/push", who, code));
    }
    // Open data is public; an empty list is a valid upload only for a manager
    // (it is refused as empty below, so the offer stays).
    for who in EVERYONE {
        m.push(("GET", "/open/liverpool/", who, 200));
        m.push(("GET", "/open/liverpool/services", who, 200));
        m.push(("GET", "/open/liverpool/services/{service}", who, 200));
    }
    for (who, code) in [(Nobody, 401), (YoungPerson, 403), (Advisor, 403), (Manager, 422)] {
        m.push(("PUT", "/offer/items", who, code));
    }
    let by_role = |yp, adv, mgr| [(Nobody, 401), (YoungPerson, yp), (Advisor, adv), (Manager, mgr)];
    for (route, codes) in [
        ("/me", by_role(200, 200, 200)),
        ("/people/my-pa", by_role(200, 403, 403)),
        ("/people/mine", by_role(200, 403, 403)),
        ("/council/inbox", by_role(403, 403, 200)),
        ("/caseload", by_role(403, 200, 403)),
        ("/caseload/{own}", by_role(403, 200, 403)),
        ("/caseload/{other}", by_role(403, 404, 403)),
        ("/council/oversight", by_role(403, 403, 200)),
        ("/council/figures", by_role(403, 403, 200)),
        ("/sync/pull?client_id=0190c3f0-0000-7000-8000-000000000000", by_role(200, 200, 403)),
        ("/offer", by_role(200, 200, 200)),
    ] {
        for (who, code) in codes {
            m.push(("GET", route, who, code));
        }
    }
    // A manager acts on their own council's requests and alerts only;
    // another council's answer exactly as a missing one.
    for (route, mgr) in [
        ("/council/inbox/requests/{own_request}/done", 204),
        ("/council/inbox/requests/{other_request}/done", 404),
        ("/council/inbox/alerts/{own_alert}/seen", 204),
        ("/council/inbox/alerts/{other_alert}/seen", 404),
    ] {
        for (who, code) in by_role(403, 403, mgr) {
            m.push(("POST", route, who, code));
        }
    }
    for (route, adv) in [("/caseload/{own}/contacts/iro", 204), ("/caseload/{other}/contacts/iro", 404)] {
        for (who, code) in by_role(403, adv, 403) {
            m.push(("PUT", route, who, code));
        }
    }
    // Issue 13, staff and caseload accounts. `{own_staff}` is a PA this
    // test adds to Liverpool; `{other_staff}` is Knowsley's PA.
    for (method, route, yp, adv, mgr) in [
        ("GET", "/council/staff", 403, 403, 200),
        ("POST", "/council/staff", 403, 403, 200),
        ("POST", "/council/staff/{own_staff}/disable", 403, 403, 204),
        ("POST", "/council/staff/{own_staff}/enable", 403, 403, 204),
        ("POST", "/council/staff/{own_staff}/code", 403, 403, 200),
        ("POST", "/council/staff/{other_staff}/disable", 403, 403, 404),
        ("POST", "/council/staff/{other_staff}/enable", 403, 403, 404),
        ("POST", "/council/staff/{other_staff}/code", 403, 403, 404),
        ("GET", "/council/young-people", 403, 403, 200),
        // To the PA she has already: changes nothing.
        ("PUT", "/council/young-people/{own}/advisor", 403, 403, 204),
        ("PUT", "/council/young-people/{other}/advisor", 403, 403, 404),
        ("POST", "/caseload", 403, 200, 403),
        ("GET", "/caseload/{own}/profile", 403, 200, 403),
        ("GET", "/caseload/{other}/profile", 403, 404, 403),
        ("PUT", "/caseload/{own}/profile", 403, 204, 403),
        ("PUT", "/caseload/{other}/profile", 403, 404, 403),
        ("POST", "/caseload/{own}/code", 403, 200, 403),
        ("POST", "/caseload/{other}/code", 403, 404, 403),
    ] {
        for (who, code) in by_role(yp, adv, mgr) {
            m.push((method, route, who, code));
        }
    }
    // The offer editor (issue 16): managers only. An item that is not in
    // the draft is missing; an empty publish has nothing to publish.
    for (method, route, mgr) in [
        ("GET", "/offer/draft", 200),
        ("GET", "/offer/history", 200),
        ("GET", "/offer/export", 200),
        ("PUT", "/offer/draft/items/no-such-item", 422),
        ("POST", "/offer/draft/items/no-such-item/retire", 404),
        ("POST", "/offer/draft/items/no-such-item/undo", 404),
        ("POST", "/offer/draft/import", 415),
        ("POST", "/offer/draft/publish", 409),
        ("DELETE", "/offer/draft", 200),
    ] {
        for (who, code) in by_role(403, 403, mgr) {
            m.push((method, route, who, code));
        }
    }
    // Accounts (issue 13). A made-up code is refused alike for everyone.
    for who in EVERYONE {
        m.push(("POST", "/auth/code", who, 422));
        m.push(("POST", "/auth/redeem", who, 422));
    }
    for (route, codes) in [
        // Start before confirm: a wrong first code is refused, and counted.
        ("/auth/second-factor/start", by_role(403, 200, 200)),
        ("/auth/second-factor/confirm", by_role(403, 401, 401)),
        // The sample staff may skip it; nobody else.
        ("/auth/second-factor/skip", by_role(403, 204, 204)),
        // With a wrong current passphrase.
        ("/auth/passphrase", by_role(401, 401, 401)),
        // With a wrong passphrase: nothing closes.
        ("/me/close", by_role(401, 403, 403)),
    ] {
        for (who, code) in codes {
            m.push(("POST", route, who, code));
        }
    }
    for (route, codes) in [
        ("/auth/sessions", by_role(200, 200, 200)),
        ("/me/export", by_role(200, 403, 403)),
        ("/me/export/page", by_role(200, 403, 403)),
        ("/me/record-views", by_role(200, 403, 403)),
        ("/me/health/fhir", by_role(200, 403, 403)),
        ("/me/health/share-links", by_role(200, 403, 403)),
    ] {
        for (who, code) in codes {
            m.push(("GET", route, who, code));
        }
    }
    // Issue 19: her health passport's share links. A link that is not hers
    // is missing; a token that opens nothing is missing for everyone.
    for (who, code) in by_role(201, 403, 403) {
        m.push(("POST", "/me/health/share-links", who, code));
    }
    for (who, code) in by_role(404, 403, 403) {
        m.push(("DELETE", "/me/health/share-links/{no_link}", who, code));
    }
    for who in EVERYONE {
        m.push(("POST", "/shared/no-such-token", who, 404));
    }
    // Issue 17: anyone keeps their screens' language with their account.
    for (who, code) in by_role(204, 204, 204) {
        m.push(("PUT", "/me/language", who, code));
    }
    // Someone else's session (or none) is answered as missing.
    for (who, code) in by_role(404, 404, 404) {
        m.push(("DELETE", "/auth/sessions/{other_session}", who, code));
    }
    // The app lock (issue 15): young people only. Near the end, since
    // locking a session without a PIN ends it. Her PIN is set, checked
    // (the session is not locked: the right PIN is 204) and taken off.
    for (method, route, yp) in [
        ("PUT", "/auth/pin", 204),
        ("POST", "/auth/unlock", 204),
        ("DELETE", "/auth/pin", 204),
        ("POST", "/auth/lock", 204),
    ] {
        for (who, code) in by_role(yp, 403, 403) {
            m.push((method, route, who, code));
        }
    }
    // Last, since it ends the sessions the rows above use.
    for who in EVERYONE {
        m.push(("POST", "/auth/logout", who, 204));
    }
    m
}

/// A body for the account routes' POSTs: wrong in a way every role can
/// send (a made-up code, a wrong passphrase).
fn account_body(route: &str) -> Option<Value> {
    Some(match route {
        "/auth/code" => json!({"code": "K7QM-4PXD"}),
        "/auth/redeem" => json!({"code": "K7QM-4PXD", "passphrase": "blue kettle on the stairs"}),
        "/auth/second-factor/confirm" => json!({"code": "000000"}),
        "/auth/passphrase" => json!({"current": "not it", "new": "blue kettle on the stairs"}),
        "/me/close" => json!({"passphrase": "not it"}),
        "/auth/pin" | "/auth/unlock" => json!({"pin": "2468"}),
        "/me/language" => json!({"language": "arabic"}),
        _ => return None,
    })
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_access_rules_say() {
    let s = TestServer::start().await;
    let own = s.person_id("jade").await;
    let page: Value =
        s.client().get(s.url("/api/v1/open/liverpool/services")).send().await.unwrap().json().await.unwrap();
    let service = page["contents"][0]["id"].as_str().unwrap().to_string();
    let other = s.person_id("kai").await;
    // A request and an alert from Liverpool (Zara, Jade) and from Knowsley (Kai).
    let ask =
        json!({"kind": "get_pa_back", "how": "call", "reach_on": "07700 900999", "asked_at": 1_790_000_000_000_i64});
    let alert = json!({"raised_at": 1_790_000_000_000_i64});
    let mut made = Vec::new();
    for (who, entity, fields) in [
        ("zara", "contact_request", &ask),
        ("kai", "contact_request", &ask),
        ("jade", "unsafe_alert", &alert),
        ("kai", "unsafe_alert", &alert),
    ] {
        let id = uuid::Uuid::now_v7();
        let r = push(&s, &s.signed_in(who).await, vec![put(entity, id, fields.clone(), None, None)]).await;
        assert_eq!(r[0]["status"], "applied", "{who} {entity}: {r:?}");
        made.push(id.to_string());
    }
    // A session of Kai's: nobody else may end it.
    let kai: Value =
        s.signed_in("kai").await.get(s.url("/api/v1/auth/sessions")).send().await.unwrap().json().await.unwrap();
    let other_session = kai[0]["id"].as_str().unwrap().to_string();
    let clients =
        [s.client(), s.signed_in("jade").await, s.signed_in("pa.sam").await, s.signed_in("manager.liverpool").await];
    // Issue 13: a PA of Liverpool to act on, Knowsley's PA, and the bodies.
    let own_staff = s.add_advisor(&clients[3], "Alex", "Reed").await;
    let other_staff = s.person_id("pa.priya").await;
    let sam = s.person_id("pa.sam").await;
    let jade_born: String = sqlx::query_scalar("SELECT date_of_birth FROM people WHERE username = 'jade'")
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    let jade_profile = json!({"first_name": "Jade", "last_name": "Thompson", "date_of_birth": jade_born,
        "status": "former_relevant", "circumstances": ["in_education"]});
    for (method, route, who, expected) in matrix() {
        let path = format!(
            "/api/v1{}",
            route
                .replace("{own}", &own)
                .replace("{other}", &other)
                .replace("{service}", &service)
                .replace("{own_request}", &made[0])
                .replace("{other_request}", &made[1])
                .replace("{own_alert}", &made[2])
                .replace("{other_alert}", &made[3])
                .replace("{own_staff}", &own_staff)
                .replace("{other_staff}", &other_staff)
                .replace("{other_session}", &other_session)
                .replace("{no_link}", "0190c3f0-0000-7000-8000-000000000000")
        );
        let client = &clients[who as usize];
        let res = match method {
            "GET" => client.get(s.url(&path)).send().await.unwrap(),
            "PUT" if route.contains("/contacts/") => client
                .put(s.url(&path))
                .json(&json!({"name": "Helen Marsh", "phone": "0151 496 0122"}))
                .send()
                .await
                .unwrap(),
            "PUT" if route.ends_with("/profile") => client.put(s.url(&path)).json(&jade_profile).send().await.unwrap(),
            "PUT" if route.ends_with("/advisor") => {
                client.put(s.url(&path)).json(&json!({"advisor_id": sam})).send().await.unwrap()
            }
            "PUT" if route == "/auth/pin" || route == "/me/language" => {
                client.put(s.url(&path)).json(&account_body(route)).send().await.unwrap()
            }
            "PUT" => client.put(s.url(&path)).json(&json!([])).send().await.unwrap(),
            "POST" if route == "/council/staff" => client
                .post(s.url(&path))
                .json(&json!({"first_name": "Robin", "last_name": "Hale", "role": "advisor"}))
                .send()
                .await
                .unwrap(),
            "POST" if route == "/caseload" => client
                .post(s.url(&path))
                .json(&json!({"first_name": "Amy", "last_name": "Stone", "date_of_birth": "2007-03-01",
                    "status": "former_relevant", "circumstances": []}))
                .send()
                .await
                .unwrap(),
            "DELETE" => client.delete(s.url(&path)).send().await.unwrap(),
            _ if account_body(route).is_some() => {
                client.post(s.url(&path)).json(&account_body(route)).send().await.unwrap()
            }
            _ if route == "/me/health/share-links" => {
                client.post(s.url(&path)).json(&json!({"label": "New GP", "days": 3})).send().await.unwrap()
            }
            _ if route.starts_with("/shared/") => {
                client.post(s.url(&path)).json(&json!({"passcode": "123456"})).send().await.unwrap()
            }
            _ if route == "/sync/push" => {
                client.post(s.url(&path)).json(&json!({"mutations": []})).send().await.unwrap()
            }
            _ if route == "/auth/login" => client
                .post(s.url(&path))
                .json(&json!({"username": "jade", "passphrase": "not it"}))
                .send()
                .await
                .unwrap(),
            _ => client.post(s.url(&path)).send().await.unwrap(),
        };
        assert_eq!(res.status().as_u16(), expected, "{method} {route} as {who:?}");
        if route == "/auth/logout" || expected == 204 {
            continue;
        }
        if route == "/me/export/page" && expected == 200 {
            assert!(res.text().await.unwrap().starts_with("<!doctype html>"));
            continue;
        }
        let body: Value = res.json().await.unwrap();
        if expected >= 400 {
            assert!(body["error"]["code"].is_string(), "{method} {route} as {who:?}: {body}");
            // A refusal never carries another person's details.
            assert!(!body.to_string().contains("Kai"), "{body}");
        }
    }
}

#[test]
fn the_matrix_covers_every_route_the_api_has() {
    let covered: BTreeSet<(String, String)> = matrix()
        .into_iter()
        .map(|(m, r, _, _)| {
            let path = r.split('?').next().unwrap_or(r);
            let path = path
                .replace("{own}", "{person_id}")
                .replace("{other}", "{person_id}")
                .replace("liverpool", "{council}")
                .replace("{service}", "{id}")
                .replace("{own_request}", "{id}")
                .replace("{other_request}", "{id}")
                .replace("{own_alert}", "{id}")
                .replace("{other_alert}", "{id}")
                .replace("{own_staff}", "{id}")
                .replace("{other_staff}", "{id}")
                .replace("{other_session}", "{id}")
                .replace("{no_link}", "{id}")
                .replace("no-such-token", "{token}")
                .replace("/contacts/iro", "/contacts/{role}")
                .replace("no-such-item", "{id}");
            (m.to_string(), path)
        })
        .collect();
    let routes: BTreeSet<(String, String)> =
        pathway_server::routes::route_list().into_iter().map(|(m, r)| (m.to_string(), r.to_string())).collect();
    assert_eq!(covered, routes);
}
