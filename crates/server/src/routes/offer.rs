//! `GET /offer` (the signed-in person's council offer) and
//! `PUT /offer/items` (a manager publishes their council's offer).

use axum::Json;
use axum::extract::State;
use pathway_model::offer::eligibility::Profile;
use pathway_model::offer::{ImportReport, OfferBook, oruk};
use pathway_model::profile::{Circumstance, LegalStatus};
use serde_json::Value;

use crate::auth::{Caller, Manager};
use crate::db::{councils, offer, people};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::state::AppState;

/// The largest offer upload: a few hundred items with long details.
pub const UPLOAD_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// Anyone signed in: their own council's offer. Young people also get the
/// profile that eligibility needs, so the app can decide offline.
pub async fn book(State(state): State<AppState>, caller: Caller) -> Result<Json<OfferBook>> {
    let council = councils::get(&state.db, &caller.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("caller without council".into()))?;
    let items = offer::items(&state.db, &council.id).await?;
    let profile = if caller.role.is_staff() {
        None
    } else {
        let p = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
        let date_of_birth = p.born();
        let status = p.legal_status.as_deref().and_then(LegalStatus::parse);
        match (date_of_birth, status) {
            (Some(date_of_birth), Some(status)) => Some(Profile {
                date_of_birth,
                council_id: p.council_id,
                status,
                circumstances: p.circumstances.split_whitespace().filter_map(Circumstance::parse).collect(),
            }),
            _ => None,
        }
    };
    Ok(Json(OfferBook { council: council.summary(), items, profile }))
}

/// Managers only, for their own council: replaces the offer with an ORUK
/// list of services (or an ORUK page). All or nothing: with any problem,
/// every problem is reported by item and field and nothing changes.
pub async fn publish(
    State(state): State<AppState>,
    Manager(caller): Manager,
    ApiJson(upload): ApiJson<Value>,
) -> Result<Json<ImportReport>> {
    let items = oruk::import(&upload, &caller.council_id).map_err(ApiError::Issues)?;
    offer::replace(&state.db, &caller.council_id, &items).await?;
    tracing::info!(council = %caller.council_id, items = items.len(), "offer published");
    Ok(Json(ImportReport { imported: items.len() }))
}
