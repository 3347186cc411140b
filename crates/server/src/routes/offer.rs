//! `GET /offer` (the signed-in person's council offer) and
//! `PUT /offer/items` (a manager publishes their council's offer).

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use pathway_model::council::CouncilSummary;
use pathway_model::offer::eligibility::Profile;
use pathway_model::offer::{ImportReport, oruk};
use pathway_model::profile::{Circumstance, LegalStatus};
use serde::Serialize;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::auth::{Caller, Manager};
use crate::db::{offer, offer_history};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

/// The largest offer upload: a few hundred items with long details.
pub const UPLOAD_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// Anyone signed in: their own council's offer. Young people also get the
/// profile that eligibility needs, so the app can decide offline.
#[utoipa::path(
    get,
    path = "/offer",
    tag = "offer",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor", "manager"]))),
    responses(
        (status = 200, description = "The caller's council offer (and, for a young person, her eligibility profile)", body = pathway_model::offer::OfferBook),
    )
)]
pub async fn book(State(state): State<AppState>, caller: Caller) -> Result<Response> {
    let reader = offer::reader(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let items = offer::items_json(&state.db, &reader.council_id, reader.offer_revision).await?;
    let retired = offer_history::retired(&state.db, &reader.council_id).await?;
    let profile = if caller.role.is_staff() { None } else { profile_of(&reader) };
    let council =
        CouncilSummary { id: reader.council_id, name: reader.council_name, sample_data: reader.sample_data != 0 };
    Ok(Json(BookBody { council, items: &items, profile, retired }).into_response())
}

/// `OfferBook` as sent, with the items already JSON (from `offer_cache`).
/// The same field names: tests/offer_cache.rs reads every answer back as
/// an `OfferBook`, as the app does.
#[derive(Serialize)]
struct BookBody<'a> {
    council: CouncilSummary,
    items: &'a RawValue,
    profile: Option<Profile>,
    retired: Vec<pathway_model::offer::OfferItem>,
}

fn profile_of(r: &offer::Reader) -> Option<Profile> {
    let date_of_birth = r.date_of_birth.as_deref().and_then(pathway_model::date::parse)?;
    let status = r.legal_status.as_deref().and_then(LegalStatus::parse)?;
    Some(Profile {
        date_of_birth,
        council_id: r.council_id.clone(),
        status,
        circumstances: r.circumstances.split_whitespace().filter_map(Circumstance::parse).collect(),
    })
}

/// Managers only, for their own council: replaces the offer with an ORUK
/// list of services (or an ORUK page). All or nothing: with any problem,
/// every problem is reported by item and field and nothing changes.
#[utoipa::path(
    put,
    path = "/offer/items",
    tag = "offer",
    request_body(content = Object, description = "An ORUK list of services, or an ORUK page with `contents`: any JSON is read, and every problem comes back in `issues`"),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "The offer is replaced", body = ImportReport),
        (status = 422, description = "validation_failed with `issues`: every problem by item and field; nothing imported", body = ErrorBody),
    )
)]
pub async fn publish(
    State(state): State<AppState>,
    Manager(caller): Manager,
    ApiJson(upload): ApiJson<Value>,
) -> Result<Json<ImportReport>> {
    let items = oruk::import(&upload, &caller.council_id).map_err(ApiError::Issues)?;
    let by = super::offer_editor::publisher(&state, &caller).await?;
    offer::replace(&state.db, &caller.council_id, &items, &by).await?;
    tracing::info!(council = %caller.council_id, items = items.len(), "offer published");
    Ok(Json(ImportReport { imported: items.len() }))
}
