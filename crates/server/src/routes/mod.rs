//! The JSON API under `/api/v1`, one module per feature. Who may call each
//! route is in the handler's signature (see `auth::caller`); the access
//! matrix test in tests/access.rs checks every route against every role.

pub mod auth;
pub mod caseload;
pub mod council;
pub mod offer;
pub mod open;
pub mod people;
pub mod sync;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};

use crate::error::ApiError;
use crate::state::AppState;

/// Every API route, as (method, path). The access matrix test must cover
/// each one for every role; add a route here when you add it below.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/health"),
    ("POST", "/auth/login"),
    ("POST", "/auth/logout"),
    ("GET", "/me"),
    ("GET", "/council/inbox"),
    ("POST", "/council/inbox/requests/{id}/done"),
    ("POST", "/council/inbox/alerts/{id}/seen"),
    ("GET", "/offer"),
    ("PUT", "/offer/items"),
    ("GET", "/open/{council}/"),
    ("GET", "/open/{council}/services"),
    ("GET", "/open/{council}/services/{id}"),
    ("GET", "/people/my-pa"),
    ("GET", "/people/mine"),
    ("GET", "/caseload"),
    ("GET", "/caseload/{person_id}"),
    ("PUT", "/caseload/{person_id}/contacts/{role}"),
    ("GET", "/council/oversight"),
    ("POST", "/sync/push"),
    ("GET", "/sync/pull"),
];

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/me", get(auth::me))
        .route("/council/inbox", get(council::inbox))
        .route("/council/inbox/requests/{id}/done", post(council::request_done))
        .route("/council/inbox/alerts/{id}/seen", post(council::alert_seen))
        .route("/offer", get(offer::book))
        .route("/offer/items", put(offer::publish).layer(DefaultBodyLimit::max(offer::UPLOAD_LIMIT_BYTES)))
        .route("/open/{council}/", get(open::meta))
        .route("/open/{council}/services", get(open::services))
        .route("/open/{council}/services/{id}", get(open::service))
        .route("/people/my-pa", get(people::my_pa))
        .route("/people/mine", get(people::mine))
        .route("/caseload", get(caseload::caseload))
        .route("/caseload/{person_id}", get(caseload::young_person))
        .route("/caseload/{person_id}/contacts/{role}", put(caseload::set_contact))
        .route("/council/oversight", get(caseload::oversight))
        .route("/sync/push", post(sync::push))
        .route("/sync/pull", get(sync::pull))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
}

/// For load balancers and the e2e harness: answers without touching a session.
async fn health() -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({ "status": "ok" }))
}
