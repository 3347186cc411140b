//! `POST /auth/login`, `POST /auth/logout`, `GET /me`.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathway_model::auth::{LoginRequest, Me, Role};
use pathway_model::council::CouncilSummary;
use uuid::Uuid;

use crate::auth::{Caller, cookie, passphrase, session};
use crate::db::{auth_sessions, now_ms, people};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::state::AppState;

/// Anyone may call. Verifies the passphrase, starts a new session (a fresh
/// token every time, so a planted cookie is never promoted to a signed-in
/// one) and answers with the person, as `GET /me` would.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response> {
    req.validate().map_err(|e| ApiError::Validation(e.to_string()))?;
    let username = req.normalised_username();
    let address = peer.ip().to_string();
    state
        .login_limiter
        .check(&username, &address)
        .map_err(|retry_after_secs| ApiError::TooManyAttempts { retry_after_secs })?;

    let creds = people::credentials(&state.db, &username).await?;
    let passphrase = req.passphrase.clone();
    // Argon2 takes tens of milliseconds of CPU: keep it off the async workers.
    let verified = tokio::task::spawn_blocking(move || match &creds {
        Some(c) => passphrase::verify(&passphrase, &c.passphrase_hash).then(|| c.clone()),
        None => {
            passphrase::verify_decoy(&passphrase);
            None
        }
    })
    .await
    .map_err(|e| ApiError::Internal(format!("verify task: {e}")))?;

    let Some(creds) = verified.filter(|c| c.disabled_at.is_none()) else {
        state.login_limiter.record_failure(&username, &address);
        return Err(ApiError::InvalidCredentials);
    };
    state.login_limiter.record_success(&username);

    let role = Role::parse(&creds.role).ok_or_else(|| ApiError::Internal("bad role".into()))?;
    let person_id = Uuid::parse_str(&creds.id).map_err(|e| ApiError::Internal(e.to_string()))?;
    let token = session::new_token();
    let now = now_ms();
    let expires_at = session::initial_expiry(role, now);
    auth_sessions::insert(&state.db, &session::token_hash(&token), &creds.id, now, expires_at).await?;

    let max_age = (!role.is_staff()).then(|| (expires_at - now) / 1000);
    let me = load_me(&state, person_id).await?;
    let mut response = Json(me).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookie::set(&headers, &token, max_age).parse().map_err(|_| ApiError::Internal("cookie".into()))?,
    );
    Ok(response)
}

/// Anyone may call. Ends the session on the server at once and clears the
/// cookie; answering 204 even without a session keeps logout idempotent.
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    if let Some(token) = cookie::read(&headers) {
        auth_sessions::delete(&state.db, &session::token_hash(&token)).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie::clear(&headers).parse().map_err(|_| ApiError::Internal("cookie".into()))?);
    Ok(response)
}

/// Any signed-in person: themselves.
pub async fn me(State(state): State<AppState>, caller: Caller) -> Result<Json<Me>> {
    Ok(Json(load_me(&state, caller.person_id).await?))
}

async fn load_me(state: &AppState, person_id: Uuid) -> Result<Me> {
    // A person always has a council (a foreign key), so no row means no person.
    let row = people::me(&state.db, &person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    Ok(Me {
        person_id,
        first_name: row.first_name,
        last_name: row.last_name,
        role: Role::parse(&row.role).ok_or_else(|| ApiError::Internal("bad role".into()))?,
        council: CouncilSummary { id: row.council_id, name: row.council_name, sample_data: row.sample_data != 0 },
        username: String::new(),
        second_factor: Default::default(),
    })
}
