//! The API described as OpenAPI 3.1, served at `GET /api/v1/openapi.json`.
//!
//! Generated, not written: each handler in routes/ carries a
//! `#[utoipa::path]` annotation (its request, parameters, success answers,
//! the errors only it gives, and who may call it as `x-pathway-roles`), and
//! the model's wire types derive their schemas behind pathway-model's
//! `openapi` feature. What every route of a kind can answer is added here
//! once (`common_errors`), from the same facts the extractors act on, so no
//! annotation can forget it. tests/openapi.rs checks the document lists
//! exactly the routes of `routes::route_list()`, and scripts/api-contract
//! has schemathesis hold the running server to it.

mod common_errors;

use common_errors::CommonErrors;

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

pub use pathway_model::ErrorBody;

use crate::routes;

/// The answer of `GET /health`.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: String,
}

/// The cookie every signed-in route reads (auth/cookie.rs).
pub const SESSION_SCHEME: &str = "session";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pathway API",
        description = "Pathway's JSON API for care leavers and their personal advisors. Every error is \
                       `{\"error\": {\"code\", \"message\"}}` (`issues` too for uploads). Who may call an \
                       operation is in its `x-pathway-roles` (`anyone` needs no session).",
        license(name = "AGPL-3.0-or-later"),
    ),
    servers((url = "/api/v1")),
    // Path parameters of schema types are referred to, not collected.
    components(schemas(pathway_model::people::ContactRole)),
    modifiers(&SessionCookie, &CommonErrors),
    paths(
        routes::health,
        routes::auth::login,
        routes::auth::logout,
        routes::auth::me,
        routes::device_lock::set_pin,
        routes::device_lock::remove_pin,
        routes::device_lock::lock,
        routes::device_lock::unlock,
        routes::account::check_code,
        routes::account::redeem,
        routes::second_factor::start_second_factor,
        routes::second_factor::confirm_second_factor,
        routes::second_factor::skip_second_factor,
        routes::account::change_passphrase,
        routes::account::sessions,
        routes::account::end_session,
        routes::my_copy::export_json,
        routes::my_copy::export_page,
        routes::account::close,
        routes::account::set_language,
        routes::record_views::record_views,
        routes::health_passport::fhir,
        routes::health_share::make,
        routes::health_share::list,
        routes::health_share::end,
        routes::health_share::open,
        routes::council::figures,
        routes::oversight::oversight,
        routes::council::inbox,
        routes::council::request_done,
        routes::council::alert_seen,
        routes::staff::list,
        routes::staff::add,
        routes::staff::disable,
        routes::staff::enable,
        routes::staff::new_code,
        routes::staff::young_people,
        routes::staff::move_young_person,
        routes::offer::book,
        routes::offer::publish,
        routes::offer_editor::draft,
        routes::offer_editor::discard,
        routes::offer_editor::put_item,
        routes::offer_editor::retire_item,
        routes::offer_editor::undo_item,
        routes::offer_editor::import,
        routes::offer_editor::publish,
        routes::offer_editor::history,
        routes::offer_editor::export,
        routes::open::meta,
        routes::open::services,
        routes::open::service,
        routes::people::my_pa,
        routes::people::mine,
        routes::caseload::caseload,
        routes::caseload::young_person,
        routes::caseload::set_contact,
        routes::caseload::register,
        routes::caseload::profile,
        routes::caseload::set_profile,
        routes::caseload::new_code,
        routes::sync::push,
        routes::sync::pull,
    )
)]
struct ApiDoc;

/// The session cookie as a security scheme. Its name is `pathway_session`
/// on a developer's machine and `__Host-pathway_session` behind https.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            SESSION_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "pathway_session",
                "The session cookie `POST /auth/login` sets (`__Host-pathway_session` when served over https).",
            ))),
        );
    }
}

/// The document, built once.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(ApiDoc::openapi)
}

/// `GET /api/v1/openapi.json`: anyone, no session.
pub async fn serve() -> Response {
    static JSON: OnceLock<String> = OnceLock::new();
    let body = JSON.get_or_init(|| document().to_json().unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")));
    ([(header::CONTENT_TYPE, "application/json")], body.clone()).into_response()
}
