//! The account's own routes (issue 13): checking and redeeming a one-time
//! code, changing a passphrase, where you are signed in, and closing a
//! young person's account. Setting up the staff second factor is in
//! `second_factor`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use pathway_model::auth::account::{
    ChangePassphrase, CloseAccount, CodeCheck, CodeCheckRequest, RedeemRequest, SessionInfo,
};
use pathway_model::auth::{Role, SetLanguage};
use pathway_model::code::{self, CodePurpose};
use uuid::Uuid;

use super::auth::{cleared, signed_in, start_session};
use crate::auth::client_address::ClientAddress;
use crate::auth::limiter::Attempt;
use crate::auth::{Caller, SessionHolder, common_passwords, passphrase, session};
use crate::db::audit::{self, AuditAction};
use crate::db::{Db, auth_sessions, codes, now_ms, sign_in};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

/// Code guesses are counted per address, under a key of their own so they
/// never lock anyone's sign-in.
fn code_key(address: &str) -> String {
    format!("code-from:{address}")
}

/// Counts a try (auth/limiter.rs): a wrong one stays counted.
pub(super) async fn begin_try(state: &AppState, account: &str, address: &str) -> Result<Attempt> {
    Attempt::begin(&state.db, &state.config.sign_in_limits, account, address).await
}

/// A live code and whose it is; `code_not_valid` for anything else, counted
/// as a failed try from this address.
async fn live_code(state: &AppState, typed: &str, address: &str) -> Result<(String, CodePurpose, sign_in::Account)> {
    let attempt = begin_try(state, &code_key(address), address).await?;
    let refuse = || ApiError::CodeNotValid;
    let Some(code) = code::normalise(typed) else { return Err(refuse()) };
    let mut conn = state.db.pool().acquire().await?;
    let Some(live) = codes::find_live(&mut conn, &code, now_ms()).await? else { return Err(refuse()) };
    let account = sign_in::by_id(&mut conn, &live.person_id).await?;
    let (Some(account), Some(purpose)) = (account, CodePurpose::parse(&live.purpose)) else { return Err(refuse()) };
    if account.disabled_at.is_some() || account.closed_at.is_some() {
        return Err(refuse());
    }
    attempt.given_back(&state.db).await?;
    Ok((code, purpose, account))
}

/// Anyone (rate-limited per address): what a code is for and whose it is,
/// so the page can greet her and show her username before she chooses.
#[utoipa::path(
    post,
    path = "/auth/code",
    tag = "account",
    request_body = CodeCheckRequest,
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "What the code is for and whose it is", body = CodeCheck),
        (status = 422, description = "code_not_valid, or a body of the wrong shape", body = ErrorBody),
        (status = 429, description = "too_many_attempts: sign-in limits, or busy; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn check_code(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ApiJson(req): ApiJson<CodeCheckRequest>,
) -> Result<Json<CodeCheck>> {
    let (_, purpose, account) = live_code(&state, &req.code, &address).await?;
    let role = Role::parse(&account.role).ok_or_else(|| ApiError::Internal("bad role".into()))?;
    Ok(Json(CodeCheck { first_name: account.first_name, username: account.username, role, purpose }))
}

/// Anyone (rate-limited per address): uses a code and sets the passphrase,
/// in one transaction that also ends every session the account had and
/// writes the audit row; then signs in as a login does. Nothing else about
/// the person changes: a reset keeps all her records. A staff set-up code
/// also clears the second factor, to be set up again (a lost phone).
#[utoipa::path(
    post,
    path = "/auth/redeem",
    tag = "account",
    request_body = RedeemRequest,
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "The code is used and the passphrase set; signed in as `POST /auth/login` is", body = pathway_model::auth::Me),
        (status = 422, description = "code_not_valid or weak_passphrase, or a body of the wrong shape", body = ErrorBody),
        (status = 429, description = "too_many_attempts: sign-in limits, or busy; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn redeem(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    ApiJson(req): ApiJson<RedeemRequest>,
) -> Result<Response> {
    let (code, purpose, account) = live_code(&state, &req.code, &address).await?;
    common_passwords::check_new(&req.passphrase, &account.username)?;
    let hash = hash_off_the_workers(&state, req.passphrase).await?;
    let role = Role::parse(&account.role).ok_or_else(|| ApiError::Internal("bad role".into()))?;
    let person_id = Uuid::parse_str(&account.id).map_err(|e| ApiError::Internal(e.to_string()))?;

    if let Some(old) = state.config.cookies.read(&headers) {
        auth_sessions::delete(&state.db, &session::token_hash(&old)).await?;
    }
    let now = now_ms();
    let mut tx = state.db.writer().begin().await?;
    // Again, now no other write can come between: two redeems racing with
    // one code, or a newer code issued meanwhile, leave exactly one winner.
    if codes::find_live(&mut tx, &code, now).await?.is_none() || !codes::mark_used(&mut tx, &code, now).await? {
        return Err(ApiError::CodeNotValid);
    }
    sign_in::set_passphrase(&mut tx, &account.id, &hash, now).await?;
    if purpose == CodePurpose::StaffSetUp {
        sign_in::clear_second_factor(&mut tx, &account.id).await?;
    }
    auth_sessions::delete_all_of(&mut tx, &account.id, None).await?;
    audit::record_with(&mut tx, person_id, person_id, AuditAction::RedeemedCode, Some(purpose.as_str())).await?;
    let started = start_session(&mut tx, &headers, person_id, role, now).await?;
    tx.commit().await?;
    signed_in(&state, person_id, &started).await
}

/// Argon2 off the async workers, within the hashing ceiling.
async fn hash_off_the_workers(state: &AppState, passphrase: String) -> Result<String> {
    state.hashing.run(move || passphrase::hash(&passphrase)).await?
}

async fn verify_off_the_workers(state: &AppState, passphrase: String, hash: String) -> Result<bool> {
    state.hashing.run(move || passphrase::verify(&passphrase, &hash)).await
}

/// A verify for a counted try. When hashing is at its ceiling nothing was
/// checked, so the try is given back and the caller told to try again.
async fn verify_counted(
    state: &AppState,
    attempt: Attempt,
    passphrase: String,
    hash: String,
) -> Result<(bool, Attempt)> {
    match verify_off_the_workers(state, passphrase, hash).await {
        Err(ApiError::Busy) => {
            attempt.given_back(&state.db).await?;
            Err(ApiError::Busy)
        }
        other => Ok((other?, attempt)),
    }
}

pub(super) async fn account_of(db: &Db, holder: &SessionHolder) -> Result<sign_in::Account> {
    let mut conn = db.pool().acquire().await?;
    sign_in::by_id(&mut conn, &holder.caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)
}

/// Anyone signed in: a new passphrase, given the current one. Every other
/// session of the account ends.
#[utoipa::path(
    post,
    path = "/auth/passphrase",
    tag = "account",
    request_body = ChangePassphrase,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor", "manager"]))),
    responses(
        (status = 204, description = "Changed; every other session of the account has ended"),
        (status = 401, description = "invalid_credentials: the current passphrase is wrong, or no session", body = ErrorBody),
        (status = 422, description = "weak_passphrase, or a body of the wrong shape", body = ErrorBody),
        (status = 429, description = "too_many_attempts: sign-in limits, or busy; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn change_passphrase(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    holder: SessionHolder,
    ApiJson(req): ApiJson<ChangePassphrase>,
) -> Result<StatusCode> {
    let attempt = begin_try(&state, &holder.username, &address).await?;
    let account = account_of(&state.db, &holder).await?;
    let (right, attempt) = verify_counted(&state, attempt, req.current, account.passphrase_hash.clone()).await?;
    if !right {
        return Err(ApiError::InvalidCredentials);
    }
    attempt.succeeded(&state.db).await?;
    common_passwords::check_new(&req.new, &account.username)?;
    let hash = hash_off_the_workers(&state, req.new).await?;
    let mut tx = state.db.writer().begin().await?;
    sign_in::set_passphrase(&mut tx, &account.id, &hash, now_ms()).await?;
    auth_sessions::delete_all_of(&mut tx, &account.id, Some(&holder.session_id)).await?;
    let me = holder.caller.person_id;
    audit::record(&mut tx, me, me, AuditAction::ChangedPassphrase).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Anyone signed in: the language of Pathway's screens for their account
/// (issue 17), so their next phone starts in it. The phone keeps its own
/// copy; this is only read when a phone has none.
#[utoipa::path(
    put,
    path = "/me/language",
    tag = "account",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor", "manager"]))),
    request_body = SetLanguage,
    responses(
        (status = 204, description = "Kept"),
        (status = 401, description = "unauthenticated: no session", body = ErrorBody),
        (status = 400, description = "invalid_json: not a language Pathway has, or not JSON", body = ErrorBody),
        (status = 422, description = "invalid_json: a body of the wrong shape", body = ErrorBody),
    )
)]
pub async fn set_language(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<SetLanguage>,
) -> Result<StatusCode> {
    sign_in::set_language(&state.db, &caller.person_id.to_string(), req.language.code()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Anyone signed in: where they are signed in, most recently used first.
#[utoipa::path(
    get,
    path = "/auth/sessions",
    tag = "account",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor", "manager"]))),
    responses(
        (status = 200, description = "Where this account is signed in, most recently used first", body = Vec<SessionInfo>),
    )
)]
pub async fn sessions(State(state): State<AppState>, holder: SessionHolder) -> Result<Json<Vec<SessionInfo>>> {
    let now = now_ms();
    let rows = auth_sessions::of_person(&state.db, &holder.caller.person_id.to_string(), now).await?;
    let role = holder.caller.role;
    let list = rows
        .into_iter()
        .filter(|r| r.id == holder.session_id || session::is_alive(role, now, r.last_seen_at, i64::MAX))
        .filter_map(|r| {
            Some(SessionInfo {
                id: Uuid::parse_str(&r.id).ok()?,
                device: r.device,
                this_device: r.id == holder.session_id,
                signed_in_at: r.created_at,
                last_used_at: r.last_seen_at,
            })
        })
        .collect();
    Ok(Json(list))
}

/// Anyone signed in: signs out one of their own sessions. Anyone else's id
/// is answered as one that does not exist.
#[utoipa::path(
    delete,
    path = "/auth/sessions/{id}",
    tag = "account",
    params(("id" = uuid::Uuid, Path, description = "One of the caller's own sessions")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor", "manager"]))),
    responses(
        (status = 204, description = "That session has ended"),
        (status = 404, description = "not_found: no such session of the caller's", body = ErrorBody),
    )
)]
pub async fn end_session(
    State(state): State<AppState>,
    holder: SessionHolder,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    let id = Uuid::parse_str(&id).map_err(|_| ApiError::NotFound)?;
    let me = holder.caller.person_id;
    let mut tx = state.db.writer().begin().await?;
    if !auth_sessions::delete_own(&mut tx, &me.to_string(), &id.to_string()).await? {
        return Err(ApiError::NotFound);
    }
    audit::record(&mut tx, me, me, AuditAction::EndedSession).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A young person: closes her own account, given her passphrase again. This
/// session ends with the answer; her other devices learn at their next
/// request (401 `account_closed`) and wipe themselves.
#[utoipa::path(
    post,
    path = "/me/close",
    tag = "account",
    request_body = CloseAccount,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 204, description = "The account is closed and this session ended"),
        (status = 401, description = "invalid_credentials: the passphrase is wrong, or no session", body = ErrorBody),
        (status = 429, description = "too_many_attempts: sign-in limits, or busy; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn close(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    holder: SessionHolder,
    ApiJson(req): ApiJson<CloseAccount>,
) -> Result<Response> {
    if holder.caller.role != Role::YoungPerson {
        return Err(ApiError::Forbidden);
    }
    let attempt = begin_try(&state, &holder.username, &address).await?;
    let account = account_of(&state.db, &holder).await?;
    let (right, attempt) = verify_counted(&state, attempt, req.passphrase, account.passphrase_hash.clone()).await?;
    if !right {
        return Err(ApiError::InvalidCredentials);
    }
    attempt.succeeded(&state.db).await?;
    let me = holder.caller.person_id;
    let mut tx = state.db.writer().begin().await?;
    // First in the transaction, as every sync writer does: her PA's next
    // pull is told to forget her at this version.
    let version = crate::db::sync::next_version(&mut tx).await?;
    let now = now_ms();
    sign_in::close(&mut tx, &account.id, now).await?;
    // She leaves her PA's caseload: Pathway was hers, and what the council
    // must keep lives in its own case records. Her PA's devices drop her
    // records at their next pull.
    let advisor = crate::db::people::advisor_of(&mut tx, me).await?;
    crate::db::moves::move_young_person(&mut tx, version, me, advisor, None, now).await?;
    audit::record(&mut tx, me, me, AuditAction::ClosedAccount).await?;
    auth_sessions::delete_by_id(&mut tx, &holder.session_id).await?;
    tx.commit().await?;
    Ok(cleared(&state, StatusCode::NO_CONTENT.into_response()))
}
