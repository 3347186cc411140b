//! The JSON API under `/api/v1`, one module per feature. Who may call each
//! route is in the handler's signature (see `auth::caller`); the access
//! matrix test in tests/access.rs checks every route against every role.

pub mod auth;
pub mod people;
pub mod session;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;
use crate::state::AppState;

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/me", get(auth::me))
        .route("/people/my-pa", get(people::my_pa))
        .route("/session/caseload", get(session::caseload))
        .route("/session/caseload/{person_id}", get(session::young_person))
        .route("/session/oversight", get(session::oversight))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        // Personal data must never sit in a shared or browser cache.
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

/// For load balancers and the e2e harness: answers without touching a session.
async fn health() -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({ "status": "ok" }))
}
