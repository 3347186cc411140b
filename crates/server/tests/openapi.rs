//! The OpenAPI document (src/openapi/): served to anyone, it lists exactly
//! the routes the server answers, and it hangs together as OpenAPI 3.1
//! (every reference resolves, every path parameter is declared, every
//! operation says who may call it and how it fails). scripts/api-contract
//! then has schemathesis hold the running server to it.

mod common;

use std::collections::BTreeSet;

use common::TestServer;
use serde_json::Value;

const METHODS: [&str; 4] = ["get", "put", "post", "delete"];

async fn served() -> Value {
    let s = TestServer::start().await;
    // No sign-in: a client generator needs it before it has a session.
    let res = s.client().get(s.url("/api/v1/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    res.json().await.unwrap()
}

/// Every (METHOD, path) the document describes.
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if item.get(method).is_some() {
                out.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

fn each_operation(doc: &Value) -> Vec<(String, String, &Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                out.push((method.to_uppercase(), path.clone(), op));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_document_lists_exactly_the_routes_the_server_answers() {
    let doc = served().await;
    let documented = operations(&doc);
    let routes: BTreeSet<(String, String)> =
        pathway_server::routes::route_list().into_iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    let missing: Vec<_> = routes.difference(&documented).collect();
    let extra: Vec<_> = documented.difference(&routes).collect();
    assert!(missing.is_empty(), "routes missing from the OpenAPI document: {missing:?}");
    assert!(extra.is_empty(), "the OpenAPI document lists routes the server does not have: {extra:?}");
}

#[tokio::test]
async fn the_document_is_openapi_3_1_and_every_reference_resolves() {
    let doc = served().await;
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(refs.len() > 50, "expected the operations to refer to shared schemas");
    for r in refs {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("unexpected $ref {r}"));
        assert!(doc["components"]["schemas"].get(name).is_some(), "$ref {r} does not resolve");
    }
    let schemes = doc["components"]["securitySchemes"].as_object().unwrap();
    assert_eq!(schemes["session"]["in"], "cookie");
    for (method, path, op) in each_operation(&doc) {
        for requirement in op["security"].as_array().into_iter().flatten() {
            for scheme in requirement.as_object().unwrap().keys() {
                assert!(schemes.contains_key(scheme), "{method} {path}: unknown security scheme {scheme}");
            }
        }
    }
}

fn collect_refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push(r);
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn every_path_parameter_is_declared_and_every_operation_says_who_and_how_it_fails() {
    let doc = served().await;
    for (method, path, op) in each_operation(&doc) {
        let what = format!("{method} {path}");
        let declared: BTreeSet<&str> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "path")
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        let in_path: BTreeSet<&str> =
            path.split('/').filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}')).collect();
        assert_eq!(declared, in_path, "{what}: path parameters");

        let roles = op["x-pathway-roles"].as_array().unwrap_or_else(|| panic!("{what}: no x-pathway-roles"));
        let public = roles.iter().any(|r| r == "anyone");
        let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
        assert_ne!(public, secured, "{what}: public routes need no session, every other one does");

        let responses = op["responses"].as_object().unwrap();
        assert!(responses.keys().any(|s| s.starts_with('2')), "{what}: no success answer");
        for (status, response) in responses {
            if status.starts_with('4') {
                let schema = &response["content"]["application/json"]["schema"]["$ref"];
                assert_eq!(schema, "#/components/schemas/ErrorBody", "{what} {status}: not the error shape");
            }
        }
        if secured {
            for status in ["401", "403"] {
                assert!(responses.contains_key(status), "{what}: a signed-in route without {status}");
            }
        }
        if op.get("requestBody").is_some() {
            for status in ["400", "413", "415", "422"] {
                assert!(responses.contains_key(status), "{what}: a route with a body without {status}");
            }
        }
    }
}

#[tokio::test]
async fn the_error_shape_is_documented_as_the_server_sends_it() {
    let doc = served().await;
    let schemas = &doc["components"]["schemas"];
    let body = &schemas["ErrorBody"];
    assert_eq!(body["required"], serde_json::json!(["error"]));
    let detail_ref = body["properties"]["error"]["$ref"].as_str().unwrap();
    let detail = &schemas[detail_ref.rsplit('/').next().unwrap()];
    let required: Vec<&str> = detail["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(required.contains(&"code") && required.contains(&"message"), "{detail}");
    // Every code the server can send is one the document names.
    let code_ref = detail["properties"]["code"]["$ref"].as_str().unwrap();
    let codes = schemas[code_ref.rsplit('/').next().unwrap()]["enum"].to_string();
    for code in ["invalid_json", "unauthenticated", "forbidden", "not_found", "locked", "too_many_changes", "conflict"]
    {
        assert!(codes.contains(&format!("\"{code}\"")), "{code} missing from {codes}");
    }
}

#[tokio::test]
async fn sign_in_limits_and_sync_limits_are_documented_as_429() {
    let doc = served().await;
    for (method, path) in
        [("post", "/auth/login"), ("post", "/auth/code"), ("post", "/auth/redeem"), ("post", "/sync/push")]
    {
        let too_many = &doc["paths"][path][method]["responses"]["429"];
        assert!(too_many.is_object(), "{method} {path}: no 429");
        // The app waits as long as the server says.
        assert!(too_many["headers"].get("Retry-After").is_some(), "{method} {path}: 429 without Retry-After");
    }
}
