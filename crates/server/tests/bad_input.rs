//! Bad requests get a clear 4xx in the documented JSON shape, never a 500.

mod common;

use common::{TestServer, error_code};

const LOGIN: &str = "/api/v1/auth/login";

async fn post_raw(s: &TestServer, content_type: Option<&str>, body: impl Into<reqwest::Body>) -> reqwest::Response {
    let mut req = s.client().post(s.url(LOGIN)).body(body);
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn malformed_json_is_a_400() {
    let s = TestServer::start().await;
    let res = post_raw(&s, Some("application/json"), r#"{"username": "jade", "#).await;
    assert_eq!(res.status(), 400);
    assert_eq!(error_code(res).await, "invalid_json");
}

#[tokio::test]
async fn an_empty_body_is_a_400() {
    let s = TestServer::start().await;
    let res = post_raw(&s, Some("application/json"), "").await;
    assert_eq!(res.status(), 400);
    assert_eq!(error_code(res).await, "invalid_json");
}

#[tokio::test]
async fn a_body_that_is_not_sent_as_json_is_a_415() {
    let s = TestServer::start().await;
    for ct in [Some("text/plain"), Some("application/x-www-form-urlencoded"), None] {
        let res = post_raw(&s, ct, r#"{"username":"jade","passphrase":"x"}"#).await;
        assert_eq!(res.status(), 415, "{ct:?}");
        assert_eq!(error_code(res).await, "unsupported_media_type");
    }
}

#[tokio::test]
async fn unknown_fields_are_refused_not_ignored() {
    let s = TestServer::start().await;
    let res = post_raw(&s, Some("application/json"), r#"{"username":"jade","passphrase":"x","role":"manager"}"#).await;
    assert_eq!(res.status(), 422);
    let code = error_code(res).await;
    assert_eq!(code, "invalid_json");
}

#[tokio::test]
async fn wrong_types_and_missing_fields_are_a_422() {
    let s = TestServer::start().await;
    for body in [
        r#"{"username":42,"passphrase":"x"}"#,
        r#"{"username":"jade"}"#,
        r#"{"username":["jade"],"passphrase":"x"}"#,
        "null",
    ] {
        let res = post_raw(&s, Some("application/json"), body).await;
        assert_eq!(res.status(), 422, "{body}");
        assert_eq!(error_code(res).await, "invalid_json", "{body}");
    }
}

#[tokio::test]
async fn well_formed_but_empty_values_fail_validation() {
    let s = TestServer::start().await;
    let res = post_raw(&s, Some("application/json"), r#"{"username":"   ","passphrase":"x"}"#).await;
    assert_eq!(res.status(), 422);
    assert_eq!(error_code(res).await, "validation_failed");
}

#[tokio::test]
async fn an_oversized_body_is_a_413_and_is_not_read() {
    let s = TestServer::start().await;
    let huge = format!(r#"{{"username":"jade","passphrase":"{}"}}"#, "a".repeat(pathway_server::BODY_LIMIT_BYTES));
    let res = post_raw(&s, Some("application/json"), huge).await;
    assert_eq!(res.status(), 413);
    assert_eq!(error_code(res).await, "payload_too_large");
}

#[tokio::test]
async fn unknown_api_paths_and_methods_answer_in_json() {
    let s = TestServer::start().await;
    for path in ["/api/v1/nothing-here", "/api/v2/me", "/api"] {
        let res = s.client().get(s.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
        assert_eq!(error_code(res).await, "not_found");
    }
    let res = s.client().delete(s.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(error_code(res).await, "method_not_allowed");
}

#[tokio::test]
async fn a_person_id_that_is_not_a_uuid_is_a_404_not_a_crash() {
    let s = TestServer::start().await;
    let sam = s.signed_in("pa.sam").await;
    for id in ["not-a-uuid", "%00", "1%27%20OR%201%3D1"] {
        let res = sam.get(s.url(&format!("/api/v1/caseload/{id}"))).send().await.unwrap();
        assert_eq!(res.status(), 404, "{id}");
        assert_eq!(error_code(res).await, "not_found");
    }
}

#[tokio::test]
async fn a_page_number_past_any_list_is_a_clear_400_not_an_overflow() {
    // Issue 15, finding 8: (page - 1) * per_page overflowed.
    let s = TestServer::start().await;
    let url = s.url(&format!("/api/v1/open/liverpool/services?page={}&per_page=100", usize::MAX));
    let res = s.client().get(url).send().await.unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(error_code(res).await, "validation_failed");
    // A page just past the end is an empty page, as before.
    let res = s.client().get(s.url("/api/v1/open/liverpool/services?page=1000")).send().await.unwrap();
    assert_eq!(res.status(), 200);
}
