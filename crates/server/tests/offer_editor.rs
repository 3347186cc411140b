//! A manager keeps their council's offer current (issue 16), over real
//! HTTP: a draft edited item by item, published all or nothing with every
//! problem named by item and field; the history; ORUK in and out; and a
//! young person's tracked item that is retired still named in her offer.

mod common;

use common::{TestServer, error_code, push, put};
use serde_json::{Value, json};

async fn get(s: &TestServer, c: &reqwest::Client, path: &str) -> Value {
    let res = c.get(s.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

fn entry<'a>(draft: &'a Value, id: &str) -> &'a Value {
    draft["entries"].as_array().unwrap().iter().find(|e| e["item"]["id"] == id).unwrap_or_else(|| panic!("{id}"))
}

fn young_parents_group() -> Value {
    json!({
        "id": "young-parents-drop-in", "council_id": "anything", "category": "relationships",
        "title": "Young parents drop-in", "summary": "Meet other young parents. Bring your baby.",
        "details": "Every Tuesday morning at the family hub, with tea and toys.",
        "eligibility": {"min_age": 16, "until_age": 25, "statuses": [], "circumstances": ["young_parent"]},
        "how_to_claim": "Just come along, or ask your PA to come with you.",
        "contact": {"name": "Family hub", "phone": "0151 443 2000", "email": null},
        "amount": null, "last_reviewed": "2026-11-20", "sample": false
    })
}

#[tokio::test]
async fn a_manager_changes_adds_and_retires_items_and_publishes_them_all_at_once() {
    let s = TestServer::start().await;
    let manager = s.signed_in("manager.knowsley").await;
    let kai = s.signed_in("kai").await;
    let kai_id: uuid::Uuid = s.person_id("kai").await.parse().unwrap();

    // Kai tracks the leisure pass, with a note.
    let record = pathway_model::entitlement::record_id(kai_id, "knowsley", "leisure-pass");
    let tracked = json!({"council_id": "knowsley", "item_id": "leisure-pass", "status": "asked",
        "date": "2026-11-02", "note": "Asked at the gym desk"});
    assert_eq!(push(&s, &kai, vec![put("entitlement", record, tracked, None, None)]).await[0]["status"], "applied");

    // The draft starts as the published offer.
    let draft = get(&s, &manager, "/api/v1/offer/draft").await;
    assert_eq!(draft["unpublished"], false);
    assert_eq!(draft["council"]["id"], "knowsley");
    let mut lessons = entry(&draft, "driving-lessons")["item"].clone();
    assert_eq!(entry(&draft, "driving-lessons")["state"], "published");

    // 1. The amount changes, to "up to £750".
    lessons["amount"] = json!({"pence": 75_000, "period": "one_off", "up_to": true});
    let res = manager.put(s.url("/api/v1/offer/draft/items/driving-lessons")).json(&lessons).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let draft: Value = res.json().await.unwrap();
    assert_eq!(entry(&draft, "driving-lessons")["state"], "changed");
    assert_eq!(entry(&draft, "driving-lessons")["changed"], json!(["amount"]));
    // 2. A new item for young parents.
    let res = manager
        .put(s.url("/api/v1/offer/draft/items/young-parents-drop-in"))
        .json(&young_parents_group())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let draft: Value = res.json().await.unwrap();
    let added = entry(&draft, "young-parents-drop-in");
    assert_eq!(added["state"], "added");
    // Knowsley is a demo council: what its manager adds is sample data.
    assert_eq!(added["item"]["sample"], true);
    assert_eq!(added["item"]["council_id"], "knowsley");
    // 3. The leisure pass is retired.
    let res = manager.post(s.url("/api/v1/offer/draft/items/leisure-pass/retire")).send().await.unwrap();
    let draft: Value = res.json().await.unwrap();
    assert_eq!(entry(&draft, "leisure-pass")["state"], "retired");
    assert_eq!(draft["unpublished"], true);

    // Nothing young people see has changed yet.
    let book = get(&s, &kai, "/api/v1/offer").await;
    let ids: Vec<&str> = book["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"leisure-pass") && !ids.contains(&"young-parents-drop-in"));

    let res = manager.post(s.url("/api/v1/offer/draft/publish")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let summary: Value = res.json().await.unwrap();
    assert_eq!(summary["added"], json!(["Young parents drop-in"]));
    assert_eq!(summary["changed"], json!([{"title": "Help to learn to drive", "fields": ["amount"]}]));
    assert_eq!(summary["retired"], json!(["Free leisure pass"]));

    // Kai now sees the new item and the new amount, and the retired item
    // by name, so her tracker can say it is no longer offered.
    let book = get(&s, &kai, "/api/v1/offer").await;
    let items = book["items"].as_array().unwrap();
    let find = |id: &str| items.iter().find(|i| i["id"] == id);
    assert!(find("leisure-pass").is_none());
    assert!(find("young-parents-drop-in").is_some());
    assert_eq!(find("driving-lessons").unwrap()["amount"]["up_to"], true);
    let retired = book["retired"].as_array().unwrap();
    assert_eq!(retired.len(), 1);
    assert_eq!((&retired[0]["id"], &retired[0]["title"]), (&json!("leisure-pass"), &json!("Free leisure pass")));
    // Her tracker record and its note are untouched.
    let pulled = common::pull(&s, &kai, 0).await;
    let mine = pulled["changes"].as_array().unwrap().iter().find(|r| r["id"] == record.to_string()).unwrap().clone();
    assert_eq!(mine["fields"]["note"], "Asked at the gym desk");

    // The history names all three, newest first, with who did it.
    let history = get(&s, &manager, "/api/v1/offer/history").await;
    let newest: Vec<(String, String)> = history.as_array().unwrap()[..3]
        .iter()
        .map(|h| (h["change"].as_str().unwrap().to_string(), h["item_id"].as_str().unwrap().to_string()))
        .collect();
    for expected in [("added", "young-parents-drop-in"), ("changed", "driving-lessons"), ("retired", "leisure-pass")] {
        assert!(newest.contains(&(expected.0.into(), expected.1.into())), "{expected:?} in {newest:?}");
    }
    let (first, last): (String, String) =
        sqlx::query_as("SELECT first_name, last_name FROM people WHERE username = 'manager.knowsley'")
            .fetch_one(s.db.pool())
            .await
            .unwrap();
    assert!(history.as_array().unwrap()[..3].iter().all(|h| h["by"] == format!("{first} {last}").as_str()));
    // The draft is the published offer again.
    assert_eq!(get(&s, &manager, "/api/v1/offer/draft").await["unpublished"], false);
}

#[tokio::test]
async fn every_problem_is_named_by_field_and_nothing_is_saved() {
    let s = TestServer::start().await;
    let manager = s.signed_in("manager.knowsley").await;
    let mut bad = young_parents_group();
    bad["title"] = json!("");
    bad["contact"]["email"] = json!("not an email");
    bad["amount"] = json!({"pence": 0, "period": "weekly"});
    let res = manager.put(s.url("/api/v1/offer/draft/items/young-parents-drop-in")).json(&bad).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "validation_failed");
    let fields: Vec<&str> =
        body["error"]["issues"].as_array().unwrap().iter().map(|i| i["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["title", "amount", "contact.email"]);
    assert_eq!(get(&s, &manager, "/api/v1/offer/draft").await["unpublished"], false);

    // An id that differs from the address is refused.
    let res =
        manager.put(s.url("/api/v1/offer/draft/items/other-id")).json(&young_parents_group()).send().await.unwrap();
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn nobody_but_the_councils_own_managers_edits_or_publishes() {
    let s = TestServer::start().await;
    let knowsley = s.signed_in("manager.knowsley").await;
    let liverpool = s.signed_in("manager.liverpool").await;
    let pa = s.signed_in("pa.priya").await;
    let res = knowsley
        .put(s.url("/api/v1/offer/draft/items/young-parents-drop-in"))
        .json(&young_parents_group())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Knowsley's PA cannot publish it, nor see the draft.
    assert_eq!(pa.post(s.url("/api/v1/offer/draft/publish")).send().await.unwrap().status(), 403);
    assert_eq!(pa.get(s.url("/api/v1/offer/draft")).send().await.unwrap().status(), 403);
    // Liverpool's manager sees and publishes only Liverpool's: Knowsley's draft is untouched.
    let theirs = get(&s, &liverpool, "/api/v1/offer/draft").await;
    assert_eq!(theirs["council"]["id"], "liverpool");
    assert_eq!(theirs["unpublished"], false);
    assert_eq!(
        error_code(liverpool.post(s.url("/api/v1/offer/draft/publish")).send().await.unwrap()).await,
        "conflict"
    );
    assert_eq!(entry(&get(&s, &knowsley, "/api/v1/offer/draft").await, "young-parents-drop-in")["state"], "added");
}

#[tokio::test]
async fn an_oruk_upload_shows_what_it_would_change_and_a_bad_one_changes_nothing() {
    let s = TestServer::start().await;
    let manager = s.signed_in("manager.knowsley").await;
    // The published offer, as ORUK, is what the export gives.
    let res = manager.get(s.url("/api/v1/offer/export")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("knowsley-offer-oruk.json"));
    let mut services: Vec<Value> = res.json().await.unwrap();
    let schema: Value = serde_json::from_str(include_str!("../../../data/oruk/service.json")).unwrap();
    let validator = jsonschema::draft7::options().should_validate_formats(true).build(&schema).unwrap();
    for service in &services {
        assert!(validator.is_valid(service), "{}", service["name"]);
    }

    // Uploading it back changes nothing; without its first service, that one would be retired.
    let preview: Value =
        manager.post(s.url("/api/v1/offer/draft/import")).json(&services).send().await.unwrap().json().await.unwrap();
    assert_eq!(preview, json!({"added": [], "changed": [], "retired": []}));
    let first = services.remove(0);
    let preview: Value =
        manager.post(s.url("/api/v1/offer/draft/import")).json(&services).send().await.unwrap().json().await.unwrap();
    assert_eq!(preview["retired"], json!([first["name"]]));
    let draft = get(&s, &manager, "/api/v1/offer/draft").await;
    assert_eq!(draft["unpublished"], true);

    // Not ORUK: refused, and the draft is as it was.
    let res = manager.post(s.url("/api/v1/offer/draft/import")).json(&json!({"hello": "world"})).send().await.unwrap();
    assert_eq!(res.status(), 422);
    // Too big: refused before it is read.
    let huge = json!([{"description": "x".repeat(3 * 1024 * 1024)}]);
    let res = manager.post(s.url("/api/v1/offer/draft/import")).json(&huge).send().await.unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(get(&s, &manager, "/api/v1/offer/draft").await, draft);
    // Nothing was published by any of it.
    let published: Vec<Value> = manager.get(s.url("/api/v1/offer/export")).send().await.unwrap().json().await.unwrap();
    assert_eq!(published.len(), services.len() + 1);

    // Throwing the draft away gives the published offer back.
    let back: Value = manager.delete(s.url("/api/v1/offer/draft")).send().await.unwrap().json().await.unwrap();
    assert_eq!(back["unpublished"], false);
}

#[tokio::test]
async fn undo_puts_one_item_back_as_it_is_published() {
    let s = TestServer::start().await;
    let manager = s.signed_in("manager.knowsley").await;
    manager.post(s.url("/api/v1/offer/draft/items/counselling/retire")).send().await.unwrap();
    let draft: Value =
        manager.post(s.url("/api/v1/offer/draft/items/counselling/undo")).send().await.unwrap().json().await.unwrap();
    assert_eq!(entry(&draft, "counselling")["state"], "published");
    assert_eq!(draft["unpublished"], false);
    // The published order is kept.
    let published = get(&s, &manager, "/api/v1/offer/draft").await;
    let order =
        |d: &Value| d["entries"].as_array().unwrap().iter().map(|e| e["item"]["id"].clone()).collect::<Vec<_>>();
    assert_eq!(order(&draft), order(&published));
}
