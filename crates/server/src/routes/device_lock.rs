//! The app lock as the server holds it (issue 15, decision 0013). A young
//! person's PIN is set on her device session, kept only as an argon2 hash;
//! when the app locks it tells the server, and until the PIN comes back
//! every route that reads the session answers 423 `locked` (auth/caller.rs),
//! in any tab and from a typed address. Staff have no app lock: 403.
//!
//! Wrong PINs are counted in the database before the PIN is checked, as
//! sign-in tries are (decision 0012), so a burst of guesses, or guesses
//! through two servers at once, still get only ten checks between them.
//! The tenth wrong PIN in a row ends the session, and the app wipes.

use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathway_model::auth::Role;
use pathway_model::auth::device_lock::{MAX_PIN_TRIES, PinRequest, check_pin};

use super::auth::cleared;
use crate::auth::{EvenIfLocked, SessionHolder, passphrase};
use crate::db::device_lock;
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

/// A young person's unlocked session (refused before any body is read).
pub struct HerDevice(SessionHolder);

/// A young person's session, locked or not: for unlock and lock only.
pub struct HerDeviceEvenIfLocked(SessionHolder);

fn hers(holder: SessionHolder) -> Result<SessionHolder> {
    if holder.caller.role == Role::YoungPerson { Ok(holder) } else { Err(ApiError::Forbidden) }
}

impl FromRequestParts<AppState> for HerDevice {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(HerDevice(hers(SessionHolder::from_request_parts(parts, state).await?)?))
    }
}

impl FromRequestParts<AppState> for HerDeviceEvenIfLocked {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let EvenIfLocked(holder) = EvenIfLocked::from_request_parts(parts, state).await?;
        Ok(HerDeviceEvenIfLocked(hers(holder)?))
    }
}

/// A PIN of the wrong shape can never be right: 422, and not counted.
fn checked(pin: &str) -> Result<()> {
    check_pin(pin).map_err(|e| ApiError::Validation(e.to_string()))
}

/// `PUT /auth/pin`: sets or replaces this device's PIN (204). Its salt is
/// in the PHC string; the hash runs within the hashing ceiling (429 when
/// busy). Wrong tries start again from none.
#[utoipa::path(
    put,
    path = "/auth/pin",
    tag = "device lock",
    request_body = PinRequest,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 204, description = "The PIN is set for this device"),
        (status = 429, description = "too_many_attempts: many people signing in at once; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn set_pin(
    State(state): State<AppState>,
    HerDevice(holder): HerDevice,
    ApiJson(req): ApiJson<PinRequest>,
) -> Result<StatusCode> {
    checked(&req.pin)?;
    let pin = req.pin;
    let hash = state.hashing.run(move || passphrase::hash(&pin)).await??;
    device_lock::set_pin(&state.db, &holder.session_id, &hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /auth/pin`: this device has no PIN any more (204). Locking it
/// then ends the session.
#[utoipa::path(
    delete,
    path = "/auth/pin",
    tag = "device lock",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 204, description = "This device has no PIN any more"),
    )
)]
pub async fn remove_pin(State(state): State<AppState>, HerDevice(holder): HerDevice) -> Result<StatusCode> {
    device_lock::remove_pin(&state.db, &holder.session_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /auth/lock`: no body, any content type (the app may send it with
/// `keepalive` as the page goes). With a PIN the session is locked; with
/// none it ends, since nothing but her passphrase could open it again.
/// 204 either way, and on a session already locked. Never Clear-Site-Data:
/// her unsent changes stay on the phone, encrypted.
#[utoipa::path(
    post,
    path = "/auth/lock",
    tag = "device lock",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 204, description = "Locked (with a PIN) or signed out (without one)"),
    )
)]
pub async fn lock(
    State(state): State<AppState>,
    HerDeviceEvenIfLocked(holder): HerDeviceEvenIfLocked,
) -> Result<Response> {
    let id = &holder.session_id;
    if device_lock::lock(&state.db, id).await? {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    if device_lock::end_if_no_pin(&state.db, id).await? {
        return Ok(cleared(&state, StatusCode::NO_CONTENT.into_response()));
    }
    // A PIN was set between the two steps: lock with it.
    device_lock::lock(&state.db, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /auth/unlock` `{"pin"}`: the right PIN opens the session and
/// forgets the wrong tries (204, also when it was not locked); a wrong one
/// is 403 `wrong_pin` with the tries left; the tenth wrong in a row ends
/// the session, 401 `pin_tries_used_up`.
#[utoipa::path(
    post,
    path = "/auth/unlock",
    tag = "device lock",
    request_body = PinRequest,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 204, description = "Unlocked"),
        (status = 401, description = "unauthenticated, or pin_tries_used_up: the tenth wrong PIN ended the session", body = ErrorBody),
        (status = 403, description = "wrong_pin (with the tries left), or a role without an app lock", body = ErrorBody),
        (status = 409, description = "conflict: no PIN is set on this device", body = ErrorBody),
        (status = 429, description = "too_many_attempts: many people signing in at once", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn unlock(
    State(state): State<AppState>,
    HerDeviceEvenIfLocked(holder): HerDeviceEvenIfLocked,
    ApiJson(req): ApiJson<PinRequest>,
) -> Result<Response> {
    checked(&req.pin)?;
    let id = holder.session_id.as_str();
    let max = i64::from(MAX_PIN_TRIES);
    // Counted before the check: every try at once gets its own number.
    let Some((wrong, hash)) = device_lock::count_try(&state.db, id).await? else {
        return Err(if device_lock::exists(&state.db, id).await? {
            ApiError::Conflict("there is no PIN for this device yet; set one first".into())
        } else {
            // Ended since this request began (the last wrong PIN, or signed out).
            ApiError::Unauthenticated
        });
    };
    if wrong > max {
        return used_up(&state, id).await;
    }
    let pin = req.pin;
    let right = match state.hashing.run(move || passphrase::verify(&pin, &hash)).await {
        Err(ApiError::Busy) => {
            // Nothing was checked, so it was no guess: the try goes back.
            device_lock::give_back(&state.db, id).await?;
            return Err(ApiError::Busy);
        }
        other => other?,
    };
    if right {
        device_lock::unlock(&state.db, id).await?;
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    if wrong >= max {
        return used_up(&state, id).await;
    }
    let tries_left = u32::try_from(max - wrong).unwrap_or(0);
    Err(ApiError::WrongPin { tries_left })
}

/// Ends the session after the last wrong PIN; the app wipes on this answer.
async fn used_up(state: &AppState, session_id: &str) -> Result<Response> {
    device_lock::end(&state.db, session_id).await?;
    Ok(cleared(state, ApiError::PinTriesUsedUp.into_response()))
}
