//! Contact records and agreed actions through the sync engine (issue 14,
//! item 8): the field rules hold on the server, through real pushes. Each
//! refused change comes back with a clear reason and leaves what is stored
//! as it was; a conflict on these kinds is answered as for any other.

mod common;

use chrono::{Days, Utc};
use common::{TestServer, pull, push, put};
use reqwest::Client;
use serde_json::{Value, json};
use uuid::Uuid;

fn day(offset: i64) -> String {
    let today = Utc::now().date_naive();
    let d = if offset >= 0 { today + Days::new(offset as u64) } else { today - Days::new(offset.unsigned_abs()) };
    d.to_string()
}

/// The stored fields of a record, straight from the database.
async fn stored(s: &TestServer, id: Uuid) -> Option<Value> {
    let fields: Option<String> = sqlx::query_scalar("SELECT fields FROM sync_records WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(s.db.pool())
        .await
        .unwrap();
    fields.map(|f| serde_json::from_str(&f).unwrap())
}

fn reason(r: &Value) -> String {
    assert_eq!(r["status"], "rejected", "{r}");
    r["reason"].as_str().unwrap().to_string()
}

/// A record of `entity` in a pull, by id.
fn in_pull(p: &Value, id: Uuid) -> Option<Value> {
    p["changes"].as_array().unwrap().iter().find(|r| r["id"] == id.to_string()).cloned()
}

async fn pa_writes(s: &TestServer, sam: &Client, entity: &str, fields: Value, owner: &str) -> (Uuid, i64) {
    let id = Uuid::now_v7();
    let r = push(s, sam, vec![put(entity, id, fields, None, Some(owner))]).await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");
    (id, r[0]["version"].as_i64().unwrap())
}

#[tokio::test]
async fn a_pa_cannot_record_a_contact_for_someone_off_their_caseload() {
    let s = TestServer::start().await;
    let kai = s.person_id("kai").await;
    let sam = s.signed_in("pa.sam").await;
    for (entity, fields) in [
        ("contact", json!({"date": day(0), "how": "phone", "summary": "We talked."})),
        ("agreed_action", json!({"what": "Call housing", "owner": "advisor", "by_when": day(7)})),
    ] {
        let id = Uuid::now_v7();
        let r = push(&s, &sam, vec![put(entity, id, fields, None, Some(&kai))]).await;
        assert!(reason(&r[0]).contains("caseload"), "{entity}: {r:?}");
        assert_eq!(stored(&s, id).await, None, "nothing stored");
    }
    // The same answer for someone who does not exist.
    let r = push(
        &s,
        &sam,
        vec![put(
            "contact",
            Uuid::now_v7(),
            json!({"date": day(0), "how": "phone"}),
            None,
            Some(&Uuid::now_v7().to_string()),
        )],
    )
    .await;
    assert!(reason(&r[0]).contains("caseload"));
    // Kai's own PA can.
    pa_writes(&s, &s.signed_in("pa.priya").await, "contact", json!({"date": day(0), "how": "phone"}), &kai).await;
}

#[tokio::test]
async fn a_contact_dated_after_tomorrow_is_refused_with_its_reason() {
    let s = TestServer::start().await;
    let jade = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let id = Uuid::now_v7();
    let r =
        push(&s, &sam, vec![put("contact", id, json!({"date": day(2), "how": "in_person"}), None, Some(&jade))]).await;
    let why = reason(&r[0]);
    assert!(why.contains("date") && why.contains("future"), "{why}");
    assert_eq!(stored(&s, id).await, None);
    // Tomorrow is allowed: a laptop an hour ahead of the server's UTC day.
    let (id, v) = pa_writes(&s, &sam, "contact", json!({"date": day(1), "how": "in_person"}), &jade).await;
    // Moving an existing one into the future is refused too, and changes nothing.
    let r = push(&s, &sam, vec![put("contact", id, json!({"date": day(30)}), Some(v), None)]).await;
    assert!(reason(&r[0]).contains("future"));
    assert_eq!(stored(&s, id).await.unwrap()["date"], day(1));
    // Nor can anyone delete a contact record: it is history.
    let del = json!({"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1, "entity": "contact",
                     "record_id": id, "op": "delete", "base_version": v});
    assert!(!reason(&push(&s, &sam, vec![del]).await[0]).is_empty());
    assert!(stored(&s, id).await.is_some());
}

#[tokio::test]
async fn an_action_needs_an_owner_and_a_real_date() {
    let s = TestServer::start().await;
    let jade = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    for (fields, field) in [
        (json!({"what": "Bring your payslips", "by_when": day(7)}), "owner"),
        (json!({"what": "Bring your payslips", "owner": "young_person", "by_when": "2027-02-30"}), "by_when"),
        (json!({"what": "Bring your payslips", "owner": "young_person", "by_when": "next week"}), "by_when"),
        (json!({"what": "Send the flat list", "owner": "someone_else", "by_when": day(7)}), "owner_name"),
        (json!({"what": "Call", "owner": "her mum", "by_when": day(7)}), "owner"),
    ] {
        let id = Uuid::now_v7();
        let r = push(&s, &sam, vec![put("agreed_action", id, fields.clone(), None, Some(&jade))]).await;
        let why = reason(&r[0]);
        assert!(why.contains(field), "{fields}: {why}");
        assert_eq!(stored(&s, id).await, None, "{fields}");
    }
}

#[tokio::test]
async fn she_cannot_change_what_her_pa_recorded() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let jade = s.signed_in("jade").await;
    let written = json!({"date": day(-3), "how": "in_person", "place": "Library", "summary": "We talked about money."});
    let (id, v) = pa_writes(&s, &sam, "contact", written.clone(), &jade_id).await;
    for change in [
        json!({"summary": "We talked about nothing."}),
        json!({"her_words": "My words"}),
        json!({"date": day(-1)}),
        json!({"next_due": day(10)}),
    ] {
        let r = push(&s, &jade, vec![put("contact", id, change.clone(), Some(v), None)]).await;
        assert!(!reason(&r[0]).is_empty(), "{change}");
    }
    assert_eq!(stored(&s, id).await.unwrap(), written, "unchanged");
    // Nor may she make one up.
    let made_up = Uuid::now_v7();
    let r = push(&s, &jade, vec![put("contact", made_up, json!({"date": day(0), "how": "phone"}), None, None)]).await;
    assert!(!reason(&r[0]).is_empty());
    assert_eq!(stored(&s, made_up).await, None);
}

#[tokio::test]
async fn she_ticks_her_own_action_and_her_pa_sees_it_but_not_the_pas() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let sam = s.signed_in("pa.sam").await;
    let jade = s.signed_in("jade").await;
    let (meeting, _) = pa_writes(&s, &sam, "contact", json!({"date": day(0), "how": "in_person"}), &jade_id).await;
    let hers = json!({"what": "Bring your payslips", "owner": "young_person", "by_when": day(14),
                      "contact_id": meeting.to_string()});
    let his = json!({"what": "Call the housing team", "owner": "advisor", "by_when": day(7),
                     "contact_id": meeting.to_string(), "progress": "Left a message"});
    let (hers_id, hers_v) = pa_writes(&s, &sam, "agreed_action", hers, &jade_id).await;
    let (his_id, his_v) = pa_writes(&s, &sam, "agreed_action", his.clone(), &jade_id).await;

    // She sees both, with the meeting they came from.
    let p = pull(&s, &jade, 0).await;
    assert_eq!(in_pull(&p, his_id).unwrap()["fields"]["progress"], "Left a message");
    assert_eq!(in_pull(&p, hers_id).unwrap()["fields"]["contact_id"], meeting.to_string());

    let r = push(&s, &jade, vec![put("agreed_action", hers_id, json!({"done": true}), Some(hers_v), None)]).await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");
    let p = pull(&s, &sam, 0).await;
    assert_eq!(in_pull(&p, hers_id).unwrap()["fields"]["done"], true, "Sam's laptop gets her tick");

    let r = push(&s, &jade, vec![put("agreed_action", his_id, json!({"done": true}), Some(his_v), None)]).await;
    assert!(reason(&r[0]).contains("done"));
    for change in [json!({"progress": "Done it"}), json!({"what": "Nothing"}), json!({"owner": "young_person"})] {
        let r = push(&s, &jade, vec![put("agreed_action", his_id, change.clone(), Some(his_v), None)]).await;
        assert!(!reason(&r[0]).is_empty(), "{change}");
    }
    assert_eq!(stored(&s, his_id).await.unwrap(), his, "unchanged");
    // Nor may she delete one; Sam may.
    let del = |id: Uuid, v: i64| {
        json!({"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1, "entity": "agreed_action",
               "record_id": id, "op": "delete", "base_version": v})
    };
    assert!(!reason(&push(&s, &jade, vec![del(his_id, his_v)]).await[0]).is_empty());
    assert_eq!(push(&s, &sam, vec![del(his_id, his_v)]).await[0]["status"], "applied");
}

#[tokio::test]
async fn two_laptops_changing_the_same_note_get_a_conflict_with_both_versions() {
    let s = TestServer::start().await;
    let jade_id = s.person_id("jade").await;
    let laptop = s.signed_in("pa.sam").await;
    let tablet = s.signed_in("pa.sam").await;
    let (contact, cv) = pa_writes(
        &s,
        &laptop,
        "contact",
        json!({"date": day(-1), "how": "phone", "summary": "We talked about rent."}),
        &jade_id,
    )
    .await;
    let (action, av) = pa_writes(
        &s,
        &laptop,
        "agreed_action",
        json!({"what": "Call housing", "owner": "advisor", "by_when": day(5)}),
        &jade_id,
    )
    .await;
    for (entity, id, v, field, first, second) in [
        ("contact", contact, cv, "summary", "We talked about rent and bills.", "We talked about your rent."),
        ("agreed_action", action, av, "progress", "Rang them", "Emailed them"),
    ] {
        let r = push(&s, &tablet, vec![put(entity, id, json!({ field: first }), Some(v), None)]).await;
        assert_eq!(r[0]["status"], "applied", "{entity}");
        let r = push(&s, &laptop, vec![put(entity, id, json!({ field: second }), Some(v), None)]).await;
        assert_eq!(r[0]["status"], "conflict", "{entity}: {r:?}");
        assert_eq!(r[0]["record"]["fields"][field], first, "{entity}: the other version comes back");
        assert_eq!(r[0]["fields"], json!([field]));
        assert_eq!(stored(&s, id).await.unwrap()[field], first, "{entity}: the first change stands");
    }
}
