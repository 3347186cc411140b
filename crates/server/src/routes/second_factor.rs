//! Setting up a staff member's second factor (issue 13, decision 0010):
//! a new authenticator secret, confirming it with the app's first code (which
//! gives ten recovery codes), and skipping it where the account may.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathway_model::auth::SecondFactor;
use pathway_model::auth::account::{RecoveryCodes, SecondFactorConfirm, SecondFactorSetUp};

use super::account::{account_of, begin_try};
use crate::auth::client_address::ClientAddress;
use crate::auth::{SessionHolder, one_time_code, second_factor};
use crate::db::audit::{self, AuditAction};
use crate::db::{now_ms, second_factor as factor_store};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

fn staff_only(holder: &SessionHolder) -> Result<()> {
    if holder.caller.role.is_staff() { Ok(()) } else { Err(ApiError::Forbidden) }
}

/// Staff, including those still setting up: a new secret for their
/// authenticator app, as text, an otpauth URI and a QR code. Nothing
/// changes at sign-in until it is confirmed.
#[utoipa::path(
    post,
    path = "/auth/second-factor/start",
    tag = "account",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor", "manager"]))),
    responses(
        (status = 200, description = "A new authenticator secret, as text, URI and QR code", body = SecondFactorSetUp),
    )
)]
pub async fn start_second_factor(
    State(state): State<AppState>,
    holder: SessionHolder,
) -> Result<Json<SecondFactorSetUp>> {
    staff_only(&holder)?;
    let secret = second_factor::new_secret();
    factor_store::set_pending(&state.db, &holder.caller.person_id.to_string(), &secret).await?;
    let otpauth_uri = second_factor::otpauth_uri(&secret, &holder.username)?;
    let qr_svg = one_time_code::qr_svg(&otpauth_uri)?;
    Ok(Json(SecondFactorSetUp { secret: second_factor::grouped(&secret), otpauth_uri, qr_svg }))
}

/// Staff, including those still setting up: the first code from the app
/// switches the second factor on, and answers 10 recovery codes, shown once.
/// A wrong code counts like a wrong passphrase.
#[utoipa::path(
    post,
    path = "/auth/second-factor/confirm",
    tag = "account",
    request_body = SecondFactorConfirm,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor", "manager"]))),
    responses(
        (status = 200, description = "The second factor is on: ten recovery codes, shown once", body = RecoveryCodes),
        (status = 401, description = "invalid_second_factor, or no session", body = ErrorBody),
        (status = 429, description = "too_many_attempts: sign-in limits, or busy; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn confirm_second_factor(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    holder: SessionHolder,
    ApiJson(req): ApiJson<SecondFactorConfirm>,
) -> Result<Json<RecoveryCodes>> {
    staff_only(&holder)?;
    let attempt = begin_try(&state, &holder.username, &address).await?;
    let account = account_of(&state.db, &holder).await?;
    let Some(pending) = account.totp_pending.clone() else {
        return Err(ApiError::Validation("start setting up the authenticator app first".into()));
    };
    let now_secs = u64::try_from(now_ms() / 1000).unwrap_or(0);
    let Some(step) = second_factor::matching_step(&pending, &account.username, &req.code, now_secs, None)? else {
        return Err(ApiError::InvalidSecondFactor);
    };
    attempt.succeeded(&state.db).await?;
    let codes = second_factor::new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| second_factor::recovery_hash(c)).collect();
    let mut tx = state.db.writer().begin().await?;
    if !factor_store::confirm(&mut tx, &account.id, &pending, step, &hashes).await? {
        return Err(ApiError::Validation("the set-up was started again; use the newest QR code".into()));
    }
    let me = holder.caller.person_id;
    audit::record(&mut tx, me, me, AuditAction::SetUpSecondFactor).await?;
    tx.commit().await?;
    Ok(Json(RecoveryCodes { codes }))
}

/// Staff whose account may skip the second factor (the sample accounts of
/// `--demo`): 204, and they carry on. Every other account: 403.
#[utoipa::path(
    post,
    path = "/auth/second-factor/skip",
    tag = "account",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor", "manager"]))),
    responses(
        (status = 204, description = "This account may carry on without a second factor"),
    )
)]
pub async fn skip_second_factor(holder: SessionHolder) -> Result<StatusCode> {
    staff_only(&holder)?;
    match holder.second_factor {
        SecondFactor::Optional => Ok(StatusCode::NO_CONTENT),
        _ => Err(ApiError::Forbidden),
    }
}
