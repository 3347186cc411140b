//! `GET /me/health/fhir` (issue 19, item 1): her health passport as a FHIR
//! R4 Bundle she downloads and hands to a new GP, dentist or hospital. Only
//! what `share::in_passport` lets through (src/fhir/ builds it).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::auth::YoungPerson;
use crate::db::{health, now_ms, people};
use crate::error::{ApiError, Result};
use crate::fhir::{Subject, passport_bundle};
use crate::state::AppState;

/// The file name her phone saves it as.
pub const FILE_NAME: &str = "health-passport.fhir.json";

/// Young people only (staff 403): her passport as a FHIR R4 Bundle file.
#[utoipa::path(
    get,
    path = "/me/health/fhir",
    tag = "health",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 200, description = "Her passport as a FHIR R4 Bundle (type collection), as a file",
         body = Object, content_type = "application/fhir+json"),
    )
)]
pub async fn fhir(State(state): State<AppState>, YoungPerson(caller): YoungPerson) -> Result<Response> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let entries = health::entries(&state.db, caller.person_id).await?;
    let who = Subject {
        id: caller.person_id,
        first_name: &me.first_name,
        last_name: &me.last_name,
        date_of_birth: me.date_of_birth.as_deref(),
    };
    let bundle = passport_bundle(&who, &entries, now_ms());
    let body = serde_json::to_vec_pretty(&bundle).map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/fhir+json"));
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"health-passport.fhir.json\""),
    );
    Ok(response)
}
