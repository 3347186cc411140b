//! The local offer over real HTTP: each person sees their own council's
//! offer; managers publish ORUK uploads all or nothing; the open-data API
//! returns services that validate against the ORUK UK profile's schema.

mod common;

use common::{TestServer, error_code};
use serde_json::{Value, json};

fn service_schema() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../../../data/oruk/service.json")).expect("ORUK service schema");
    jsonschema::draft7::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

async fn get(s: &TestServer, c: &reqwest::Client, path: &str) -> Value {
    let res = c.get(s.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_young_person_gets_their_own_councils_offer_and_their_profile() {
    let s = TestServer::start().await;
    let kai = s.signed_in("kai").await;
    let book = get(&s, &kai, "/api/v1/offer").await;
    assert_eq!(book["council"]["id"], "knowsley");
    let items = book["items"].as_array().unwrap();
    assert!(items.len() >= 15);
    assert!(items.iter().all(|i| i["council_id"] == "knowsley"), "a Knowsley young person sees only Knowsley's offer");
    assert_eq!(book["profile"]["status"], "former_relevant");
    assert_eq!(book["profile"]["circumstances"], json!(["young_parent"]));
    // Staff see the offer but carry no profile.
    let sam = get(&s, &s.signed_in("pa.sam").await, "/api/v1/offer").await;
    assert_eq!(sam["council"]["id"], "liverpool");
    assert!(sam["profile"].is_null());
}

#[tokio::test]
async fn every_open_data_service_validates_against_the_oruk_schema() {
    let s = TestServer::start().await;
    let schema = service_schema();
    let anyone = s.client();
    for council in ["liverpool", "knowsley", "wirral"] {
        let meta = get(&s, &anyone, &format!("/api/v1/open/{council}/")).await;
        assert_eq!(meta["version"], "3.0");
        let page = get(&s, &anyone, &format!("/api/v1/open/{council}/services?per_page=100")).await;
        let contents = page["contents"].as_array().unwrap();
        assert!(contents.len() >= 15, "{council}");
        assert_eq!(page["total_items"].as_u64().unwrap() as usize, contents.len());
        for service in contents {
            let errors: Vec<String> =
                schema.iter_errors(service).map(|e| format!("{} at {}", e, e.instance_path())).collect();
            assert!(errors.is_empty(), "{council} {}: {errors:?}", service["name"]);
            let id = service["id"].as_str().unwrap();
            let one = get(&s, &anyone, &format!("/api/v1/open/{council}/services/{id}")).await;
            assert_eq!(&one, service);
        }
    }
}

#[tokio::test]
async fn open_data_pages_and_searches() {
    let s = TestServer::start().await;
    let c = s.client();
    let first = get(&s, &c, "/api/v1/open/liverpool/services?per_page=5&page=1").await;
    assert_eq!(first["size"], 5);
    assert_eq!(first["first_page"], true);
    assert_eq!(first["last_page"], false);
    let found = get(&s, &c, "/api/v1/open/liverpool/services?search=laptop").await;
    assert!(found["total_items"].as_u64().unwrap() >= 1);
    assert!(found["contents"].as_array().unwrap().iter().all(|sv| sv.to_string().to_lowercase().contains("laptop")));
    for path in ["/api/v1/open/atlantis/", "/api/v1/open/liverpool/services/0190c3f0-0000-7000-8000-000000000000"] {
        let res = c.get(s.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
        assert_eq!(error_code(res).await, "not_found");
    }
}

#[tokio::test]
async fn export_then_import_then_export_is_identical() {
    let s = TestServer::start().await;
    let c = s.client();
    let before = get(&s, &c, "/api/v1/open/wirral/services?per_page=100").await;
    let manager = s.signed_in("manager.wirral").await;
    let res = manager.put(s.url("/api/v1/offer/items")).json(&before["contents"]).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!(report["imported"], before["total_items"]);
    let after = get(&s, &c, "/api/v1/open/wirral/services?per_page=100").await;
    assert_eq!(before, after);
}

#[tokio::test]
async fn the_uk_profiles_own_example_can_be_published() {
    let s = TestServer::start().await;
    let example: Value = serde_json::from_str(include_str!("../../../data/oruk/service_full.example.json")).unwrap();
    let manager = s.signed_in("manager.knowsley").await;
    let res = manager.put(s.url("/api/v1/offer/items")).json(&json!({"contents": [example]})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let book = get(&s, &manager, "/api/v1/offer").await;
    assert_eq!(book["items"][0]["title"], "Community Counselling");
    assert_eq!(book["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_bad_upload_names_every_problem_and_changes_nothing() {
    let s = TestServer::start().await;
    let c = s.client();
    let before = get(&s, &c, "/api/v1/open/liverpool/services?per_page=100").await;
    let mut services = before["contents"].as_array().unwrap().clone();
    services[0].as_object_mut().unwrap().remove("name");
    for attr in services[2]["attributes"].as_array_mut().unwrap() {
        if attr["taxonomy_term"]["name"] == "category" {
            attr["taxonomy_term"]["description"] = json!("treasure");
        }
    }
    services[3]["attributes"].as_array_mut().unwrap().push(json!({
        "id": "0190c3f0-0000-7000-8000-0000000000aa",
        "taxonomy_term": {"id": "0190c3f0-0000-7000-8000-0000000000ab", "name": "circumstance",
                          "description": "astronaut", "taxonomy": "pathway-care-leaver-offer"}
    }));
    let manager = s.signed_in("manager.liverpool").await;
    let res = manager.put(s.url("/api/v1/offer/items")).json(&services).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "validation_failed");
    let issues: Vec<(u64, String)> = body["error"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["index"].as_u64().unwrap(), i["field"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        issues,
        [(0, "name".to_string()), (2, "attributes.category".to_string()), (3, "attributes.circumstance".to_string())]
    );
    assert_eq!(get(&s, &c, "/api/v1/open/liverpool/services?per_page=100").await, before, "nothing changed");
}

#[tokio::test]
async fn only_a_manager_publishes_and_only_within_the_size_limit() {
    let s = TestServer::start().await;
    for (who, status) in [("jade", 403), ("pa.sam", 403)] {
        let res = s.signed_in(who).await.put(s.url("/api/v1/offer/items")).json(&json!([])).send().await.unwrap();
        assert_eq!(res.status(), status, "{who}");
    }
    let res = s.client().put(s.url("/api/v1/offer/items")).json(&json!([])).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let huge = json!([{"name": "x".repeat(pathway_server::routes::offer::UPLOAD_LIMIT_BYTES)}]);
    let res =
        s.signed_in("manager.liverpool").await.put(s.url("/api/v1/offer/items")).json(&huge).send().await.unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(error_code(res).await, "payload_too_large");
    assert!(get(&s, &s.client(), "/api/v1/open/liverpool/services").await["total_items"].as_u64().unwrap() >= 15);
}

#[tokio::test]
async fn open_data_pages_are_right_at_every_boundary_and_searches_match_words_only() {
    let s = TestServer::start().await;
    let c = s.client();
    let all = get(&s, &c, "/api/v1/open/liverpool/services?per_page=100").await;
    let everything = all["contents"].as_array().unwrap().clone();
    let n = everything.len();
    assert_eq!(all["total_items"], n);
    for per_page in [1, 2, 3, 7, n - 1, n, n + 1] {
        let pages = n.div_ceil(per_page);
        let mut joined = Vec::new();
        for page in 1..=pages + 1 {
            let p = get(&s, &c, &format!("/api/v1/open/liverpool/services?per_page={per_page}&page={page}")).await;
            let contents = p["contents"].as_array().unwrap();
            let expected = if page <= pages { per_page.min(n - (page - 1) * per_page) } else { 0 };
            assert_eq!(contents.len(), expected, "per_page {per_page} page {page}");
            assert_eq!(p["size"], expected);
            assert_eq!((p["total_items"].as_u64(), p["total_pages"].as_u64()), (Some(n as u64), Some(pages as u64)));
            assert_eq!(p["first_page"], page == 1);
            assert_eq!(p["last_page"], page >= pages, "per_page {per_page} page {page}");
            assert_eq!(p["empty"], expected == 0);
            joined.extend(contents.iter().cloned());
        }
        assert_eq!(joined, everything, "every item once, in order, with {per_page} a page");
    }

    // A search is paged the same way, and matches words, not patterns.
    let found = get(&s, &c, "/api/v1/open/liverpool/services?search=money&per_page=100").await;
    let hits = found["total_items"].as_u64().unwrap();
    assert!(hits >= 2 && (hits as usize) < n, "{hits} of {n}");
    let second = get(&s, &c, "/api/v1/open/liverpool/services?search=MONEY&per_page=1&page=2").await;
    assert_eq!(second["contents"][0], found["contents"][1]);
    let two_words = get(&s, &c, "/api/v1/open/liverpool/services?search=money%20laptop&per_page=100").await;
    assert!(two_words["total_items"].as_u64().unwrap() <= hits);
    for pattern in ["%25", "_", "%5C"] {
        let p = get(&s, &c, &format!("/api/v1/open/liverpool/services?search={pattern}")).await;
        assert_eq!(p["total_items"], 0, "{pattern} is a character to find, not a pattern");
    }
    let res = c.get(s.url("/api/v1/open/liverpool/services?search=a%20b%20c%20d%20e%20f")).send().await.unwrap();
    assert_eq!(res.status(), 400, "six words");
    assert_eq!(error_code(res).await, "validation_failed");
}

#[tokio::test]
async fn items_stored_before_search_columns_are_filled_in_when_the_server_migrates() {
    let s = TestServer::start().await;
    let c = s.client();
    let before = get(&s, &c, "/api/v1/open/knowsley/services?search=money&per_page=100").await;
    let id = before["contents"][0]["id"].as_str().unwrap().to_string();
    sqlx::query("UPDATE offer_items SET search_text = NULL, oruk_id = NULL").execute(s.db.writer()).await.unwrap();
    let res = c.get(s.url(&format!("/api/v1/open/knowsley/services/{id}"))).send().await.unwrap();
    assert_eq!(res.status(), 404, "the columns are what the routes read");
    s.db.migrate().await.unwrap();
    assert_eq!(get(&s, &c, "/api/v1/open/knowsley/services?search=money&per_page=100").await, before);
    assert_eq!(get(&s, &c, &format!("/api/v1/open/knowsley/services/{id}")).await, before["contents"][0]);
}
