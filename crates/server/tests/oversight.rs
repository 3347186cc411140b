//! "Keeping in touch" (`GET /council/oversight`, issue 14 item 5): per PA
//! of the manager's own council, the names and dates behind each concern,
//! no health detail, the council's totals, and every name on the trail.

mod common;

use chrono::{Days, NaiveDate, Utc};
use common::{TestServer, push, put};
use serde_json::{Value, json};
use uuid::Uuid;

fn days_ago(n: u64) -> NaiveDate {
    Utc::now().date_naive() - Days::new(n)
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

async fn oversight(s: &TestServer, manager: &str) -> Value {
    let res = s.signed_in(manager).await.get(s.url("/api/v1/council/oversight")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn row<'a>(o: &'a Value, name: &str) -> &'a Value {
    o["advisors"].as_array().unwrap().iter().find(|a| a["name"] == name).unwrap_or_else(|| panic!("{name} in {o}"))
}

/// (name, date) pairs of one list.
fn listed(row: &Value, list: &str) -> Vec<(String, Value)> {
    row["concerns"][list]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap().to_string(), p["date"].clone()))
        .collect()
}

fn applied(r: Vec<Value>) {
    for x in r {
        assert_eq!(x["status"], "applied", "{x}");
    }
}

#[tokio::test]
async fn a_manager_sees_each_pas_concerns_with_names_and_dates_and_no_health_detail() {
    let s = TestServer::start().await;
    let (jade_id, tom_id) = (s.person_id("jade").await, s.person_id("tom").await);
    let sam = s.signed_in("pa.sam").await;
    let jade = s.signed_in("jade").await;
    let manager = s.signed_in("manager.liverpool").await;
    // A new PA with nobody yet still has a row.
    s.add_advisor(&manager, "Alex", "Reed").await;

    let entry = Uuid::now_v7();
    let review = pathway_model::plan::review_id(tom_id.parse().unwrap());
    let allergy = json!({"kind": "allergy", "author": "professional", "title": "Penicillin", "severity": "severe",
                         "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa"});
    let results = push(
        &s,
        &sam,
        vec![
            put("contact", Uuid::now_v7(), json!({"date": days_ago(100), "how": "in_person"}), None, Some(&tom_id)),
            put("contact", Uuid::now_v7(), json!({"date": days_ago(10), "how": "phone"}), None, Some(&jade_id)),
            put("health_entry", entry, allergy, None, Some(&jade_id)),
            // Tom's plan was reviewed ten days ago: not due for months.
            put("plan_review", review, json!({"last_review": days_ago(10)}), None, Some(&tom_id)),
        ],
    )
    .await;
    let entry_version = results[2]["version"].as_i64();
    let review_version = results[3]["version"].as_i64();
    applied(results);
    let now = Utc::now().timestamp_millis();
    // Jade asks for a correction and presses "I feel unsafe"; Tom asks for a
    // review; Zara (no PA) asks for one back.
    let ask = json!({"correction": "It was amoxicillin", "correction_at": now});
    applied(
        push(
            &s,
            &jade,
            vec![
                put("health_entry", entry, ask, entry_version, None),
                put("unsafe_alert", Uuid::now_v7(), json!({"raised_at": now}), None, None),
            ],
        )
        .await,
    );
    let asked = json!({"asked_at": now, "reason": "I'm moving out"});
    applied(push(&s, &s.signed_in("tom").await, vec![put("plan_review", review, asked, review_version, None)]).await);
    let get_back = json!({"kind": "get_pa_back", "how": "call", "reach_on": "07700 900999", "asked_at": now});
    applied(
        push(&s, &s.signed_in("zara").await, vec![put("contact_request", Uuid::now_v7(), get_back, None, None)]).await,
    );

    let o = manager.get(s.url("/api/v1/council/oversight")).send().await.unwrap();
    assert_eq!(o.status(), 200);
    let text = o.text().await.unwrap();
    for health in ["Penicillin", "amoxicillin", "severe", "allergy"] {
        assert!(!text.contains(health), "no health detail: {health} in {text}");
    }
    assert!(!text.contains("Kai") && !text.contains("Leah"), "another council's people");
    let o: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(o["as_of"], json!(today()));
    let names: Vec<&str> = o["advisors"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Alex Reed", "Sam Okafor", "No personal advisor"]);
    assert_eq!(row(&o, "Alex Reed")["caseload"], 0);
    assert_eq!(row(&o, "Alex Reed")["concerns"]["contacts_overdue"], json!([]));

    let sam_row = row(&o, "Sam Okafor");
    assert_eq!(sam_row["advisor_id"], s.person_id("pa.sam").await.as_str());
    assert_eq!(sam_row["caseload"], 2);
    assert_eq!(listed(sam_row, "contacts_overdue"), [("Tom Clarke".to_string(), json!(days_ago(100 - 56)))]);
    assert_eq!(listed(sam_row, "out_of_touch"), [("Tom Clarke".to_string(), json!(days_ago(100)))]);
    // Jade's first review was due six months after she joined; Tom asked
    // for one today.
    let reviews = listed(sam_row, "reviews_overdue");
    assert_eq!(reviews.len(), 2, "{reviews:?}");
    assert_eq!(reviews[1], ("Tom Clarke".to_string(), json!(today())), "{reviews:?}");
    assert_eq!(listed(sam_row, "open_requests"), [("Jade Thompson".to_string(), json!(today()))]);
    assert_eq!(listed(sam_row, "unsafe_waiting"), [("Jade Thompson".to_string(), json!(today()))]);

    let nobody = row(&o, "No personal advisor");
    assert!(nobody["advisor_id"].is_null());
    assert_eq!(nobody["caseload"], 1);
    assert_eq!(listed(nobody, "open_requests"), [("Zara Ali".to_string(), json!(today()))]);
    assert_eq!(listed(nobody, "out_of_touch"), [("Zara Ali".to_string(), Value::Null)], "never");

    // The council's totals are the rows' sums.
    assert_eq!(o["caseload"], 3);
    assert_eq!(o["contacts_overdue"], 2, "Tom, and Zara never contacted");
    assert_eq!(o["out_of_touch"], 2);
    assert_eq!(o["open_requests"], 2);
    assert_eq!(o["unsafe_waiting"], 1);
    assert_eq!(o["reviews_overdue"], 3);

    // Each young person named is on the trail, once for this look.
    let manager_id = s.person_id("manager.liverpool").await;
    for who in ["jade", "tom", "zara"] {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_events WHERE subject_id = $1 AND actor_id = $2 AND action = 'viewed_oversight'",
        )
        .bind(s.person_id(who).await)
        .bind(&manager_id)
        .fetch_one(s.db.pool())
        .await
        .unwrap();
        assert_eq!(n, 1, "{who}");
    }

    // Picked up: the alert seen and the correction answered leave the lists.
    let seen = json!({"pa_seen_at": now + 1});
    let alert_id: String =
        sqlx::query_scalar("SELECT id FROM sync_records WHERE entity = 'unsafe_alert' AND owner_id = $1")
            .bind(&jade_id)
            .fetch_one(s.db.pool())
            .await
            .unwrap();
    let reply = json!({"correction_reply": "Changed it", "correction_reply_at": now + 1});
    applied(
        push(
            &s,
            &sam,
            vec![
                put("unsafe_alert", alert_id.parse().unwrap(), seen, None, None),
                put("health_entry", entry, reply, None, None),
            ],
        )
        .await,
    );
    let o = oversight(&s, "manager.liverpool").await;
    assert_eq!((o["unsafe_waiting"].as_u64(), o["open_requests"].as_u64()), (Some(0), Some(1)));
}

#[tokio::test]
async fn the_longest_overdue_come_first_and_never_before_any_date() {
    let s = TestServer::start().await;
    let kai = s.person_id("kai").await;
    let priya = s.signed_in("pa.priya").await;
    applied(
        push(
            &s,
            &priya,
            vec![put("contact", Uuid::now_v7(), json!({"date": days_ago(120), "how": "phone"}), None, Some(&kai))],
        )
        .await,
    );
    let o = oversight(&s, "manager.knowsley").await;
    let row = row(&o, "Priya Shah");
    // Leah was never contacted: due since she joined, long before Kai's.
    let overdue = listed(row, "contacts_overdue");
    assert_eq!(overdue.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["Leah Byrne", "Kai Mensah"]);
    assert_eq!(overdue[1].1, json!(days_ago(120 - 56)));
    assert_eq!(
        listed(row, "out_of_touch"),
        [("Leah Byrne".to_string(), Value::Null), ("Kai Mensah".to_string(), json!(days_ago(120)))]
    );
    assert!(
        o["advisors"].as_array().unwrap().iter().all(|a| a["name"] != "No personal advisor"),
        "nobody without a PA"
    );
}
