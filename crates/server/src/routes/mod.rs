//! The JSON API under `/api/v1`, one module per feature. Who may call each
//! route is in the handler's signature (see `auth::caller`); the access
//! matrix test in tests/access.rs checks every route against every role.

pub mod account;
pub mod auth;
pub mod caseload;
pub mod council;
pub mod device_lock;
pub mod health_passport;
pub mod health_share;
pub mod my_copy;
pub mod offer;
pub mod offer_editor;
pub mod open;
pub mod oversight;
pub mod people;
pub mod record_views;
pub mod second_factor;
pub mod staff;
pub mod sync;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter, on};

use crate::error::ApiError;
use crate::state::AppState;

/// One API route: its method and path, and what answers it. `routes()` is
/// the one list: the router is built from it and the access matrix test
/// (tests/access.rs) walks it, so a new route cannot miss that test.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    handler: MethodRouter<AppState>,
}

fn at<H, T>(method: &'static str, path: &'static str, handler: H) -> Route
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let filter = match method {
        "GET" => MethodFilter::GET,
        "POST" => MethodFilter::POST,
        "PUT" => MethodFilter::PUT,
        "DELETE" => MethodFilter::DELETE,
        other => panic!("no method filter for {other}"),
    };
    Route { method, path, handler: on(filter, handler) }
}

impl Route {
    /// A larger body limit than the app-wide one, for uploads.
    fn body_limit(mut self, bytes: usize) -> Route {
        self.handler = self.handler.layer(DefaultBodyLimit::max(bytes));
        self
    }
}

/// Every API route.
pub fn routes() -> Vec<Route> {
    vec![
        at("GET", "/health", health),
        at("POST", "/auth/login", auth::login),
        at("POST", "/auth/logout", auth::logout),
        at("GET", "/me", auth::me),
        at("PUT", "/auth/pin", device_lock::set_pin),
        at("DELETE", "/auth/pin", device_lock::remove_pin),
        at("POST", "/auth/lock", device_lock::lock),
        at("POST", "/auth/unlock", device_lock::unlock),
        at("POST", "/auth/code", account::check_code),
        at("POST", "/auth/redeem", account::redeem),
        at("POST", "/auth/second-factor/start", second_factor::start_second_factor),
        at("POST", "/auth/second-factor/confirm", second_factor::confirm_second_factor),
        at("POST", "/auth/second-factor/skip", second_factor::skip_second_factor),
        at("POST", "/auth/passphrase", account::change_passphrase),
        at("GET", "/auth/sessions", account::sessions),
        at("DELETE", "/auth/sessions/{id}", account::end_session),
        at("GET", "/me/export", my_copy::export_json),
        at("GET", "/me/export/page", my_copy::export_page),
        at("POST", "/me/close", account::close),
        at("PUT", "/me/language", account::set_language),
        at("GET", "/me/record-views", record_views::record_views),
        at("GET", "/me/health/fhir", health_passport::fhir),
        at("POST", "/me/health/share-links", health_share::make),
        at("GET", "/me/health/share-links", health_share::list),
        at("DELETE", "/me/health/share-links/{id}", health_share::end),
        at("POST", "/shared/{token}", health_share::open),
        at("GET", "/council/figures", council::figures),
        at("GET", "/council/oversight", oversight::oversight),
        at("GET", "/council/inbox", council::inbox),
        at("POST", "/council/inbox/requests/{id}/done", council::request_done),
        at("POST", "/council/inbox/alerts/{id}/seen", council::alert_seen),
        at("GET", "/council/staff", staff::list),
        at("POST", "/council/staff", staff::add),
        at("POST", "/council/staff/{id}/disable", staff::disable),
        at("POST", "/council/staff/{id}/enable", staff::enable),
        at("POST", "/council/staff/{id}/code", staff::new_code),
        at("GET", "/council/young-people", staff::young_people),
        at("PUT", "/council/young-people/{person_id}/advisor", staff::move_young_person),
        at("GET", "/offer", offer::book),
        at("PUT", "/offer/items", offer::publish).body_limit(offer::UPLOAD_LIMIT_BYTES),
        at("GET", "/offer/draft", offer_editor::draft),
        at("DELETE", "/offer/draft", offer_editor::discard),
        at("PUT", "/offer/draft/items/{id}", offer_editor::put_item),
        at("POST", "/offer/draft/items/{id}/retire", offer_editor::retire_item),
        at("POST", "/offer/draft/items/{id}/undo", offer_editor::undo_item),
        at("POST", "/offer/draft/import", offer_editor::import).body_limit(offer::UPLOAD_LIMIT_BYTES),
        at("POST", "/offer/draft/publish", offer_editor::publish),
        at("GET", "/offer/history", offer_editor::history),
        at("GET", "/offer/export", offer_editor::export),
        at("GET", "/open/{council}/", open::meta),
        at("GET", "/open/{council}/services", open::services),
        at("GET", "/open/{council}/services/{id}", open::service),
        at("GET", "/people/my-pa", people::my_pa),
        at("GET", "/people/mine", people::mine),
        at("GET", "/caseload", caseload::caseload),
        at("GET", "/caseload/{person_id}", caseload::young_person),
        at("PUT", "/caseload/{person_id}/contacts/{role}", caseload::set_contact),
        at("POST", "/caseload", caseload::register),
        at("GET", "/caseload/{person_id}/profile", caseload::profile),
        at("PUT", "/caseload/{person_id}/profile", caseload::set_profile),
        at("POST", "/caseload/{person_id}/code", caseload::new_code),
        at("POST", "/sync/push", sync::push),
        at("GET", "/sync/pull", sync::pull),
    ]
}

/// Every API route as (method, path), for tests and documentation.
pub fn route_list() -> Vec<(&'static str, &'static str)> {
    routes().iter().map(|r| (r.method, r.path)).collect()
}

pub fn api_router() -> Router<AppState> {
    routes()
        .into_iter()
        .fold(Router::new(), |router, r| router.route(r.path, r.handler))
        // The description of the routes above, not one of them: anyone may
        // read it, and it does not list itself (src/openapi/).
        .route("/openapi.json", axum::routing::get(crate::openapi::serve))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
}

/// For load balancers and the e2e harness: answers without touching a session.
#[utoipa::path(
    get,
    path = "/health",
    tag = "health",
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "The server is up", body = crate::openapi::Health),
    )
)]
pub async fn health() -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({ "status": "ok" }))
}
