//! The contact rhythm from records (issue 14, item 4): "last contact" and
//! "due" come from the contact records a PA writes and her plan review, on
//! the caseload (most overdue first), her page, her copy and a manager's
//! figures alike.

mod common;

use chrono::{Days, NaiveDate, Utc};
use common::{TestServer, push, put};
use serde_json::{Value, json};
use uuid::Uuid;

fn days_ago(n: u64) -> NaiveDate {
    Utc::now().date_naive() - Days::new(n)
}

fn in_days(n: u64) -> NaiveDate {
    Utc::now().date_naive() + Days::new(n)
}

async fn get(s: &TestServer, c: &reqwest::Client, path: &str) -> Value {
    let res = c.get(s.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn the_caseload_shows_contact_and_review_due_from_records_most_overdue_first() {
    let s = TestServer::start().await;
    let sam = s.signed_in("pa.sam").await;
    let (jade, tom) = (s.person_id("jade").await, s.person_id("tom").await);
    // Jade's plan was reviewed a month ago; Tom's never has been.
    let review_id = pathway_model::plan::review_id(jade.parse().unwrap());
    let mutations = vec![
        put("plan_review", review_id, json!({"last_review": days_ago(30)}), None, Some(&jade)),
        // Tom: seen 100 days ago, a missed call 3 days ago: overdue, and out of touch.
        put("contact", Uuid::now_v7(), json!({"date": days_ago(100), "how": "in_person"}), None, Some(&tom)),
        put("contact", Uuid::now_v7(), json!({"date": days_ago(3), "how": "missed"}), None, Some(&tom)),
        // Jade: seen 10 days ago, next one set for 20 days on.
        put(
            "contact",
            Uuid::now_v7(),
            json!({"date": days_ago(10), "how": "phone", "next_due": in_days(20)}),
            None,
            Some(&jade),
        ),
        // An older contact of Jade's does not move her last contact back.
        put("contact", Uuid::now_v7(), json!({"date": days_ago(60), "how": "video"}), None, Some(&jade)),
    ];
    let results = push(&s, &sam, mutations).await;
    for r in &results {
        assert_eq!(r["status"], "applied", "{r}");
    }
    let review_version = results[0]["version"].as_i64();

    let list = get(&s, &sam, "/api/v1/caseload").await;
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["first_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Tom", "Jade"], "most overdue first");
    let tom_rhythm = &list[0]["rhythm"];
    assert_eq!(tom_rhythm["last_contact"], json!(days_ago(100)));
    assert_eq!(tom_rhythm["last_attempt"], json!(days_ago(3)));
    assert_eq!(tom_rhythm["contact_due"], json!(days_ago(100 - 56)));
    assert_eq!(tom_rhythm["contact_weeks"], 8);
    let jade_rhythm = &list[1]["rhythm"];
    assert_eq!(jade_rhythm["last_contact"], json!(days_ago(10)));
    assert_eq!(jade_rhythm["contact_due"], json!(in_days(20)));
    assert!(jade_rhythm["last_attempt"].is_null());

    // Her page says the same.
    let page = get(&s, &sam, &format!("/api/v1/caseload/{jade}")).await;
    assert_eq!(&page["rhythm"], jade_rhythm);

    assert_eq!(jade_rhythm["review_due"], json!(days_ago(30).checked_add_months(chrono::Months::new(6)).unwrap()));
    // Tom's first review was due six months after he joined (his 16th birthday).
    assert!(tom_rhythm["review_due"].as_str().unwrap() < days_ago(100).to_string().as_str());

    // A 4-week rhythm, with its reason.
    let review = json!({"contact_weeks": 4, "contact_weeks_reason": "Exams coming up"});
    let r = push(&s, &sam, vec![put("plan_review", review_id, review, review_version, None)]).await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");
    let page = get(&s, &sam, &format!("/api/v1/caseload/{jade}")).await;
    assert_eq!(page["rhythm"]["contact_weeks"], 4);
    // Her next contact was set for a day: that day stands.
    assert_eq!(page["rhythm"]["contact_due"], json!(in_days(20)));
    assert_eq!(page["rhythm"]["review_due"], json!(days_ago(30).checked_add_months(chrono::Months::new(6)).unwrap()));
    assert_eq!(page["rhythm"]["review_asked"], false);

    // Her copy says when she last saw her PA.
    let copy = get(&s, &s.signed_in("jade").await, "/api/v1/me/export").await;
    assert_eq!(copy["you"]["last_contact_with_your_pa"], json!(days_ago(10)));
    let copy = get(&s, &s.signed_in("kai").await, "/api/v1/me/export").await;
    assert!(copy["you"]["last_contact_with_your_pa"].is_null(), "never");

    // The manager's figures: Tom (100 days) and Zara (never) are out of touch.
    let figures = get(&s, &s.signed_in("manager.liverpool").await, "/api/v1/council/figures").await;
    assert_eq!(figures["young_people"], 3);
    assert_eq!(figures["not_contacted_90_days"], 2);
}

#[tokio::test]
async fn someone_never_contacted_is_due_from_the_day_she_joined() {
    let s = TestServer::start().await;
    let list = get(&s, &s.signed_in("pa.priya").await, "/api/v1/caseload").await;
    let today = Utc::now().date_naive();
    for entry in list.as_array().unwrap() {
        let r = &entry["rhythm"];
        assert!(r["last_contact"].is_null(), "{entry}");
        let due: NaiveDate = r["contact_due"].as_str().unwrap().parse().unwrap();
        assert!(due <= today, "{entry}");
    }
    // The same number of overdue days: by name.
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["first_name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2);
}
