//! `POST /auth/login`, `POST /auth/logout`, `GET /me`, and starting a
//! session (shared with redeeming a code, routes/account.rs).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathway_model::auth::{LoginRequest, Me, Role};
use pathway_model::council::CouncilSummary;
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::auth::caller::second_factor_state;
use crate::auth::client_address::ClientAddress;
use crate::auth::limiter::Attempt;
use crate::auth::{SessionHolder, passphrase, second_factor, session};
use crate::db::{Db, auth_sessions, now_ms, second_factor as factor_store, sign_in};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

/// Anyone may call. Verifies the passphrase and, for staff who have set up
/// their authenticator app, the code from it (or a recovery code); starts a
/// new session (a fresh token every time, so a planted cookie is never
/// promoted to a signed-in one) and answers with the person, as `GET /me`
/// would. A session this browser already had is ended.
#[utoipa::path(
    post,
    path = "/auth/login",
    tag = "auth",
    request_body = LoginRequest,
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "Signed in: the person, as `GET /me` gives it; the session cookie is set", body = Me),
        (status = 401, description = "invalid_credentials, second_factor_needed or invalid_second_factor", body = ErrorBody),
        (status = 429, description = "too_many_attempts: sign-in limits, or busy; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response> {
    req.validate().map_err(|e| ApiError::Validation(e.to_string()))?;
    let username = req.normalised_username();
    // Counted now, before the passphrase is checked: a burst of tries at one
    // account cannot all be verified before the first failure is recorded.
    // A wrong try leaves it counted; a right one gives it back.
    let attempt = Attempt::begin(&state.db, &state.config.sign_in_limits, &username, &address).await?;

    let account = sign_in::by_username(&state.db, &username).await?;
    let passphrase = req.passphrase.clone();
    // Argon2 takes tens of milliseconds of CPU and 19 MiB: off the async
    // workers, and never more at once than the ceiling (auth/hashing.rs).
    let verified = state
        .hashing
        .run(move || match account {
            Some(a) => passphrase::verify(&passphrase, &a.passphrase_hash).then_some(a),
            None => {
                passphrase::verify_decoy(&passphrase);
                None
            }
        })
        .await;
    let verified = match verified {
        Err(ApiError::Busy) => {
            // Nothing was checked, so it was no guess: the try goes back.
            attempt.given_back(&state.db).await?;
            return Err(ApiError::Busy);
        }
        other => other?,
    };

    // A disabled or closed account signs in nowhere, and says no more than
    // a wrong passphrase would.
    let Some(account) = verified.filter(|a| a.disabled_at.is_none() && a.closed_at.is_none()) else {
        return Err(ApiError::InvalidCredentials);
    };
    let role = Role::parse(&account.role).ok_or_else(|| ApiError::Internal("bad role".into()))?;
    if let (true, Some(secret)) = (role.is_staff(), account.totp_secret.as_deref()) {
        // Asked for only now the passphrase is known to be right; not a failure.
        let Some(typed) = req.second_factor.as_deref().filter(|t| !t.trim().is_empty()) else {
            attempt.given_back(&state.db).await?;
            return Err(ApiError::SecondFactorNeeded);
        };
        if !second_factor_accepted(&state.db, &account, secret, typed).await? {
            return Err(ApiError::InvalidSecondFactor);
        }
    }
    attempt.succeeded(&state.db).await?;

    if let Some(old) = state.config.cookies.read(&headers) {
        auth_sessions::delete(&state.db, &session::token_hash(&old)).await?;
    }
    let person_id = Uuid::parse_str(&account.id).map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut conn = state.db.writer().acquire().await?;
    let started = start_session(&mut conn, &headers, person_id, role, now_ms()).await?;
    drop(conn);
    signed_in(&state, person_id, &started).await
}

/// Whether `typed` is a good authenticator code (for a time step not used
/// before) or one of the person's unused recovery codes; uses it up if so.
async fn second_factor_accepted(db: &Db, account: &sign_in::Account, secret: &str, typed: &str) -> Result<bool> {
    if second_factor::looks_like_totp(typed) {
        let now_secs = u64::try_from(now_ms() / 1000).unwrap_or(0);
        let step = second_factor::matching_step(secret, &account.username, typed, now_secs, account.totp_last_step)?;
        return Ok(match step {
            Some(step) => factor_store::use_step(db, &account.id, step).await?,
            None => false,
        });
    }
    Ok(factor_store::use_recovery_code(db, &account.id, &second_factor::recovery_hash(typed), now_ms()).await?)
}

/// A session just made: the token goes only into the cookie.
pub struct Started {
    pub token: String,
    pub role: Role,
    pub now: i64,
    pub expires_at: i64,
}

/// Starts a session for `person_id` on `conn` (inside the caller's
/// transaction when there is one), named after the browser it is for.
pub async fn start_session(
    conn: &mut AnyConnection,
    headers: &HeaderMap,
    person_id: Uuid,
    role: Role,
    now: i64,
) -> Result<Started> {
    let token = session::new_token();
    let expires_at = session::initial_expiry(role, now);
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let device = session::device_label(user_agent);
    auth_sessions::insert(conn, &session::token_hash(&token), &person_id.to_string(), now, expires_at, &device).await?;
    Ok(Started { token, role, now, expires_at })
}

/// The answer to a sign-in: the person, as `GET /me` gives it, and the
/// session cookie (a browser-session cookie for staff).
pub async fn signed_in(state: &AppState, person_id: Uuid, started: &Started) -> Result<Response> {
    let max_age = (!started.role.is_staff()).then(|| (started.expires_at - started.now) / 1000);
    let me = load_me(state, person_id).await?;
    let mut response = Json(me).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        state.config.cookies.set(&started.token, max_age).parse().map_err(|_| ApiError::Internal("cookie".into()))?,
    );
    Ok(response)
}

/// Anyone may call, even on a locked session (it reads the cookie itself).
/// Ends the session on the server at once, clears the cookie, and tells the
/// browser to drop everything this site keeps (`Clear-Site-Data`, issue 15):
/// a sign-out on purpose leaves nothing of hers or a caseload's behind,
/// whatever the app manages to wipe itself. Answering 204 even without a
/// session keeps logout idempotent.
#[utoipa::path(
    post,
    path = "/auth/logout",
    tag = "auth",
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 204, description = "Signed out (also without a session); the cookie is cleared and Clear-Site-Data sent"),
    )
)]
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    if let Some(token) = state.config.cookies.read(&headers) {
        auth_sessions::delete(&state.db, &session::token_hash(&token)).await?;
    }
    let mut response = cleared(&state, StatusCode::NO_CONTENT.into_response());
    response.headers_mut().insert(CLEAR_SITE_DATA, HeaderValue::from_static("\"cache\", \"storage\""));
    Ok(response)
}

const CLEAR_SITE_DATA: HeaderName = HeaderName::from_static("clear-site-data");

/// `response` with the session cookie removed.
pub fn cleared(state: &AppState, mut response: Response) -> Response {
    if let Ok(v) = state.config.cookies.clear().parse() {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

/// Any session, including a staff member's who must still set up their
/// second factor: themselves.
#[utoipa::path(
    get,
    path = "/me",
    tag = "auth",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor", "manager"]))),
    responses(
        (status = 200, description = "The signed-in person", body = Me),
    )
)]
pub async fn me(State(state): State<AppState>, holder: SessionHolder) -> Result<Json<Me>> {
    Ok(Json(load_me(&state, holder.caller.person_id).await?))
}

pub async fn load_me(state: &AppState, person_id: Uuid) -> Result<Me> {
    // A person always has a council (a foreign key), so no row means no person.
    let row = sign_in::me(&state.db, &person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let role = Role::parse(&row.role).ok_or_else(|| ApiError::Internal("bad role".into()))?;
    Ok(Me {
        person_id,
        first_name: row.first_name,
        last_name: row.last_name,
        role,
        council: CouncilSummary { id: row.council_id, name: row.council_name, sample_data: row.sample_data != 0 },
        username: row.username,
        second_factor: second_factor_state(role, row.second_factor_on != 0, row.second_factor_optional != 0),
        // A code this build no longer knows reads as "not chosen".
        language: row.language.as_deref().and_then(pathway_model::catalogue::Language::from_code),
    })
}
