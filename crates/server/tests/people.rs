//! My people and keep in touch over real HTTP: who each young person sees,
//! requests and alerts reaching their own council only, and the answer
//! reaching the young person's phone.

mod common;

use common::{TestServer, pull, push, put};
use serde_json::{Value, json};
use uuid::Uuid;

async fn get(s: &TestServer, who: &str, path: &str) -> Value {
    let res = s.signed_in(who).await.get(s.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{who} {path}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_seventeen_year_old_sees_their_social_worker_and_iro_and_an_adult_does_not() {
    let s = TestServer::start().await;
    let tom = get(&s, "tom", "/api/v1/people/mine").await;
    assert_eq!(tom["age"], 17);
    assert_eq!(tom["social_worker"]["name"], "Chris Adeyemi");
    assert_eq!(tom["iro"]["name"], "Helen Marsh");
    assert_eq!(tom["pa"]["name"], "Sam Okafor");
    assert!(tom["duty_team"]["phone"].as_str().is_some_and(|p| !p.is_empty()));
    assert!(tom["next_birthday"].as_str().unwrap() > "2000-01-01");
    let jade = get(&s, "jade", "/api/v1/people/mine").await;
    assert!(jade["social_worker"].is_null() && jade["iro"].is_null());
    let zara = get(&s, "zara", "/api/v1/people/mine").await;
    assert!(zara["pa"].is_null(), "Zara has no PA now");
    assert_eq!(zara["leaving_care_team"]["name"], "Liverpool leaving care team");
}

#[tokio::test]
async fn a_request_for_a_pa_reaches_only_that_councils_managers_and_the_answer_reaches_the_phone() {
    let s = TestServer::start().await;
    let zara = s.signed_in("zara").await;
    let id = Uuid::now_v7();
    let asked_at = chrono::Utc::now().timestamp_millis() - 3 * 3_600_000;
    let ask = json!({"kind": "get_pa_back", "how": "text", "reach_on": "07700 900999", "best_time": "After 5pm", "asked_at": asked_at});
    assert_eq!(push(&s, &zara, vec![put("contact_request", id, ask, None, None)]).await[0]["status"], "applied");

    let inbox = get(&s, "manager.liverpool", "/api/v1/council/inbox").await;
    let request = &inbox["requests"][0];
    assert_eq!(request["person_name"], "Zara Ali");
    assert_eq!(request["age"], 22);
    assert!(request["pa_name"].is_null());
    assert_eq!(request["waited_hours"], 3);
    assert_eq!(request["request"]["reach_on"], "07700 900999");
    let elsewhere = get(&s, "manager.knowsley", "/api/v1/council/inbox").await;
    assert_eq!(elsewhere["requests"], json!([]), "{elsewhere}");

    let other = s.signed_in("manager.knowsley").await;
    let res = other.post(s.url(&format!("/api/v1/council/inbox/requests/{id}/done"))).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let liz = s.signed_in("manager.liverpool").await;
    let res = liz.post(s.url(&format!("/api/v1/council/inbox/requests/{id}/done"))).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(get(&s, "manager.liverpool", "/api/v1/council/inbox").await["requests"], json!([]));
    let fields = &pull(&s, &zara, 0).await["changes"][0]["fields"];
    assert_eq!(fields["status"], "done");
    assert_eq!(fields["handled_by"], "Liz Carter");
    // Not an id, or not a request: nothing here.
    for path in ["/api/v1/council/inbox/requests/nope/done", &format!("/api/v1/council/inbox/alerts/{id}/seen")] {
        assert_eq!(liz.post(s.url(path)).send().await.unwrap().status(), 404, "{path}");
    }
}

#[tokio::test]
async fn an_unsafe_alert_reaches_the_pa_and_the_duty_team_with_the_time_it_was_raised() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let id = Uuid::now_v7();
    let raised_at = chrono::Utc::now().timestamp_millis() - 60_000;
    let alert = json!({"raised_at": raised_at});
    assert_eq!(push(&s, &jade, vec![put("unsafe_alert", id, alert, None, None)]).await[0]["status"], "applied");

    let sam = pull(&s, &s.signed_in("pa.sam").await, 0).await;
    let theirs: Vec<&Value> =
        sam["changes"].as_array().unwrap().iter().filter(|r| r["entity"] == "unsafe_alert").collect();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0]["fields"]["raised_at"], raised_at);

    let inbox = get(&s, "manager.liverpool", "/api/v1/council/inbox").await;
    assert_eq!(inbox["alerts"][0]["person_name"], "Jade Thompson");
    assert_eq!(inbox["alerts"][0]["pa_name"], "Sam Okafor");
    assert_eq!(inbox["alerts"][0]["alert"]["raised_at"], raised_at);
    assert!(inbox["alerts"][0]["received_at"].as_i64().unwrap() >= raised_at);
    let liz = s.signed_in("manager.liverpool").await;
    assert_eq!(liz.post(s.url(&format!("/api/v1/council/inbox/alerts/{id}/seen"))).send().await.unwrap().status(), 204);
    let after = get(&s, "manager.liverpool", "/api/v1/council/inbox").await;
    assert_eq!(after["alerts"][0]["alert"]["duty_seen_by"], "Liz Carter");
    // The young person cannot mark it seen for them, nor a PA for the duty team.
    let r = push(&s, &jade, vec![put("unsafe_alert", id, json!({"duty_seen_by": "me"}), None, None)]).await;
    assert_eq!(r[0]["status"], "rejected");
}

#[tokio::test]
async fn bad_requests_and_plans_are_refused_and_change_nothing() {
    let s = TestServer::start().await;
    let tom = s.signed_in("tom").await;
    let now = chrono::Utc::now().timestamp_millis();
    for bad in [
        json!({"kind": "contact_me", "how": "call", "reach_on": "ring me", "asked_at": now}),
        json!({"kind": "contact_me", "how": "email", "reach_on": "07700 900999", "asked_at": now}),
        json!({"kind": "contact_me", "how": "call", "reach_on": "07700 900999", "asked_at": now, "message": "x".repeat(501)}),
        json!({"kind": "call_the_queen", "how": "call", "reach_on": "07700 900999", "asked_at": now}),
    ] {
        let r = push(&s, &tom, vec![put("contact_request", Uuid::now_v7(), bad.clone(), None, None)]).await;
        assert_eq!(r[0]["status"], "rejected", "{bad}");
    }
    // Plans: Sam writes Tom's, not Kai's; Tom comments but cannot write the plan.
    let tom_id = s.person_id("tom").await;
    let kai_id = s.person_id("kai").await;
    let sam = s.signed_in("pa.sam").await;
    let home = pathway_model::plan::section_id(Uuid::parse_str(&tom_id).unwrap(), pathway_model::plan::PlanArea::Home);
    let section = json!({"area": "home", "goals": "Find a flat", "by_when": "2027-02-30"});
    assert_eq!(
        push(&s, &sam, vec![put("plan_section", home, section, None, Some(&tom_id))]).await[0]["status"],
        "rejected"
    );
    let section = json!({"area": "home", "goals": "Find a flat", "by_when": "2027-02-28"});
    let kai_home =
        pathway_model::plan::section_id(Uuid::parse_str(&kai_id).unwrap(), pathway_model::plan::PlanArea::Home);
    let r = push(&s, &sam, vec![put("plan_section", kai_home, section.clone(), None, Some(&kai_id))]).await;
    assert_eq!(r[0]["status"], "rejected", "Kai is not on Sam's caseload");
    let v = push(&s, &sam, vec![put("plan_section", home, section, None, Some(&tom_id))]).await[0]["version"]
        .as_i64()
        .unwrap();
    let r = push(&s, &tom, vec![put("plan_section", home, json!({"goals": "Mine now"}), Some(v), None)]).await;
    assert_eq!(r[0]["status"], "rejected");
    let comment = json!({"area": "home", "text": "Near my college please"});
    assert_eq!(
        push(&s, &tom, vec![put("plan_comment", Uuid::now_v7(), comment, None, None)]).await[0]["status"],
        "applied"
    );
    let sams = pull(&s, &sam, 0).await;
    assert!(sams.to_string().contains("Near my college please"));
    assert!(!pull(&s, &s.signed_in("pa.priya").await, 0).await.to_string().contains("Find a flat"));
}

#[tokio::test]
async fn a_pa_records_a_social_worker_and_bad_details_are_all_listed_and_change_nothing() {
    let s = TestServer::start().await;
    let tom_id = s.person_id("tom").await;
    let sam = s.signed_in("pa.sam").await;
    let url = s.url(&format!("/api/v1/caseload/{tom_id}/contacts/social_worker"));
    let res = sam.put(&url).json(&json!({"name": "", "phone": "ring me", "email": "chris@"})).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    let fields: Vec<&str> =
        body["error"]["issues"].as_array().unwrap().iter().map(|i| i["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["name", "phone", "email"], "{body}");
    assert_eq!(get(&s, "tom", "/api/v1/people/mine").await["social_worker"]["name"], "Chris Adeyemi", "unchanged");

    let new = json!({"name": "Dee Okoro", "phone": "0151 496 0133", "hours": "Weekdays, 9 to 5"});
    assert_eq!(sam.put(&url).json(&new).send().await.unwrap().status(), 204);
    let mine = get(&s, "tom", "/api/v1/people/mine").await;
    assert_eq!(mine["social_worker"]["name"], "Dee Okoro");
    assert_eq!(mine["social_worker"]["phone"], "0151 496 0133");
    let overview = get(&s, "pa.sam", &format!("/api/v1/caseload/{tom_id}")).await;
    assert_eq!(overview["social_worker"]["name"], "Dee Okoro");
    assert_eq!(overview["iro"]["name"], "Helen Marsh");

    let priya = s.signed_in("pa.priya").await;
    assert_eq!(priya.put(&url).json(&new).send().await.unwrap().status(), 404, "not Priya's");
    let bad_role = s.url(&format!("/api/v1/caseload/{tom_id}/contacts/aunt"));
    assert_eq!(sam.put(&bad_role).json(&new).send().await.unwrap().status(), 404);
    let extra = json!({"name": "Dee", "phone": "0151 496 0133", "shoe_size": 9});
    assert_eq!(sam.put(&url).json(&extra).send().await.unwrap().status(), 422);
}

/// Every page of a manager's inbox, in order, until `has_more` is false.
async fn inbox_pages(s: &TestServer, who: &str) -> Vec<Value> {
    let mut pages = Vec::new();
    for page in 1.. {
        let p = get(s, who, &format!("/api/v1/council/inbox?page={page}")).await;
        let more = p["has_more"].as_bool().unwrap();
        pages.push(p);
        if !more {
            return pages;
        }
        assert!(page < 10, "the pages never end");
    }
    unreachable!()
}

#[tokio::test]
async fn the_inbox_comes_a_page_at_a_time_with_the_same_items_in_the_same_order() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    let now = chrono::Utc::now().timestamp_millis();
    let hour = 3_600_000_i64;
    // 150 requests, not asked in the order they were sent.
    let asks: Vec<(Uuid, i64)> = (0..150).map(|i| (Uuid::now_v7(), now - ((i * 37) % 150 + 1) * hour)).collect();
    let puts = asks
        .iter()
        .map(|(id, at)| {
            let ask = json!({"kind": "contact_me", "how": "text", "reach_on": "07700 900999", "asked_at": at});
            put("contact_request", *id, ask, None, None)
        })
        .collect();
    assert!(push(&s, &jade, puts).await.iter().all(|r| r["status"] == "applied"));
    // Five are done: they leave the inbox.
    let liz = s.signed_in("manager.liverpool").await;
    for (id, _) in &asks[..5] {
        let res = liz.post(s.url(&format!("/api/v1/council/inbox/requests/{id}/done"))).send().await.unwrap();
        assert_eq!(res.status(), 204);
    }
    // Alerts: one unseen, one seen just now, one seen 8 days ago (gone).
    let day = 24 * hour;
    let alerts = [Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7()];
    for (i, id) in alerts.iter().enumerate() {
        let raise = put("unsafe_alert", *id, json!({"raised_at": now - (i as i64 + 1) * 9 * day}), None, None);
        assert_eq!(push(&s, &jade, vec![raise]).await[0]["status"], "applied");
    }
    for id in &alerts[1..] {
        let res = liz.post(s.url(&format!("/api/v1/council/inbox/alerts/{id}/seen"))).send().await.unwrap();
        assert_eq!(res.status(), 204);
    }
    let old_seen = json!({"raised_at": now - 27 * day, "duty_seen_at": now - 8 * day, "duty_seen_by": "Liz Carter"});
    sqlx::query("UPDATE sync_records SET fields = $1 WHERE id = $2")
        .bind(old_seen.to_string())
        .bind(alerts[2].to_string())
        .execute(s.db.writer())
        .await
        .unwrap();

    let pages = inbox_pages(&s, "manager.liverpool").await;
    assert_eq!(pages.len(), 2, "145 open requests: a page of 100 and one more");
    assert_eq!(pages[0]["requests"].as_array().unwrap().len(), 100);
    let requests: Vec<&Value> = pages.iter().flat_map(|p| p["requests"].as_array().unwrap()).collect();
    let mine: Vec<String> = requests
        .iter()
        .filter(|r| asks.iter().any(|(id, _)| r["id"] == id.to_string()))
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let mut open: Vec<&(Uuid, i64)> = asks[5..].iter().collect();
    open.sort_by_key(|(_, at)| *at);
    let expected: Vec<String> = open.iter().map(|(id, _)| id.to_string()).collect();
    assert_eq!(mine, expected, "each open request once, oldest first, over the pages; none done");
    let asked: Vec<i64> = requests.iter().map(|r| r["request"]["asked_at"].as_i64().unwrap()).collect();
    assert!(asked.windows(2).all(|w| w[0] <= w[1]), "oldest first across the page boundary");
    assert!(requests.iter().filter(|r| r["person_name"] == "Jade Thompson").all(|r| r["pa_name"] == "Sam Okafor"));

    let shown: Vec<&Value> = pages.iter().flat_map(|p| p["alerts"].as_array().unwrap()).collect();
    let ids: Vec<String> = shown.iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
    let (unseen, seen) =
        (ids.iter().position(|i| *i == alerts[0].to_string()), ids.iter().position(|i| *i == alerts[1].to_string()));
    assert!(unseen.unwrap() < seen.unwrap(), "unseen first: {ids:?}");
    assert!(!ids.contains(&alerts[2].to_string()), "seen over 7 days ago: gone");
    let seen_flags: Vec<bool> = shown.iter().map(|a| !a["alert"]["duty_seen_at"].is_null()).collect();
    assert!(seen_flags.windows(2).all(|w| w[0] <= w[1]), "every unseen alert before every seen one");

    // Past the end: an empty last page. Another council sees none of it.
    let past = get(&s, "manager.liverpool", "/api/v1/council/inbox?page=9").await;
    assert_eq!((past["requests"].as_array().unwrap().len(), past["has_more"].as_bool()), (0, Some(false)));
    let elsewhere = inbox_pages(&s, "manager.knowsley").await;
    assert!(
        elsewhere.iter().all(|p| p["requests"].as_array().unwrap().iter().all(|r| r["person_name"] != "Jade Thompson"))
    );
    let res = liz.get(s.url("/api/v1/council/inbox?page=first")).send().await.unwrap();
    assert_eq!(res.status(), 400);
}
