//! A manager's people (issue 13): their council's staff, adding a PA or
//! manager with a one-time set-up code, disabling and enabling staff, and
//! moving a young person to another PA.
//!
//! - `GET /council/staff`, `POST /council/staff`
//! - `POST /council/staff/{id}/disable`, `.../enable`, `.../code`
//! - `GET /council/young-people`, `PUT /council/young-people/{person_id}/advisor`
//!
//! Everything is of the manager's own council: another council's people
//! answer 404, as if they did not exist. Every change writes its audit row
//! in the same transaction.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use pathway_model::age::age_on;
use pathway_model::auth::Role;
use pathway_model::caseload::NAME_MAX;
use pathway_model::code::{CodePurpose, display};
use pathway_model::council::{AdvisorRef, MoveYoungPerson, NewStaff, OneTimeCode, StaffMember, YoungPersonPlacement};
use uuid::Uuid;

use crate::auth::{Manager, cookie, one_time_code};
use crate::clock::today;
use crate::db::accounts::{self, NewPerson};
use crate::db::audit::{self, AuditAction};
use crate::db::codes::{self, Issued};
use crate::db::sync as store;
use crate::db::{moves, now_ms, staff};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

/// The sign-in address with `code` filled in, on the host the request came
/// to: https, except on a loopback host (a laptop trying it out).
pub fn sign_in_link(headers: &HeaderMap, code: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        // A host name, an address and a port: nothing else goes in the link.
        .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b)))
        .unwrap_or("localhost");
    let scheme = if cookie::host_is_loopback(headers) { "http" } else { "https" };
    format!("{scheme}://{host}/login?code={}", display(code))
}

/// The sign-in address with `code` filled in: on the configured public
/// address when there is one (PATHWAY_PUBLIC_URL), so a Host header sent
/// by a proxy or anyone else never ends up in a QR code handed over.
pub fn sign_in_link_at(public_url: Option<&str>, headers: &HeaderMap, code: &str) -> String {
    match public_url {
        Some(url) => format!("{}/login?code={}", url.trim_end_matches('/'), display(code)),
        None => sign_in_link(headers, code),
    }
}

/// The answer to any request that made a code: the code as read aloud,
/// and as a QR code of the sign-in address.
pub(crate) fn code_answer(
    state: &AppState,
    headers: &HeaderMap,
    person_id: Uuid,
    first_name: &str,
    username: &str,
    purpose: CodePurpose,
    issued: Issued,
) -> Result<OneTimeCode> {
    Ok(OneTimeCode {
        person_id,
        first_name: first_name.to_string(),
        username: username.to_string(),
        code: display(&issued.code),
        purpose,
        expires_at: issued.expires_at,
        qr_svg: one_time_code::qr_svg(&sign_in_link_at(state.config.public_url.as_deref(), headers, &issued.code))?,
    })
}

/// A name as typed, trimmed; the problem in plain words when it will not do.
pub(crate) fn check_name<'a>(name: &'a str, missing: &str) -> Result<&'a str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::Validation(missing.into()));
    }
    if name.chars().count() > NAME_MAX {
        return Err(ApiError::Validation(format!("A name can have up to {NAME_MAX} characters.")));
    }
    Ok(name)
}

fn parse_id(id: &str) -> Result<Uuid> {
    Uuid::parse_str(id).map_err(|_| ApiError::NotFound)
}

/// Managers only: their council's PAs and managers, with caseload sizes.
#[utoipa::path(
    get,
    path = "/council/staff",
    tag = "staff",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "The council's staff", body = Vec<StaffMember>),
    )
)]
pub async fn list(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<Vec<StaffMember>>> {
    let rows = staff::of_council(&state.db, &caller.council_id).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(StaffMember {
            person_id: parse_id(&r.id).map_err(|_| ApiError::Internal(format!("bad person id {}", r.id)))?,
            role: Role::parse(&r.role).ok_or_else(|| ApiError::Internal(format!("bad role {}", r.role)))?,
            first_name: r.first_name,
            last_name: r.last_name,
            username: r.username,
            caseload_size: u32::try_from(r.caseload_size).unwrap_or(u32::MAX),
            disabled: r.disabled_at.is_some(),
            signed_in_before: r.passphrase_set_at.is_some(),
            second_factor_on: r.second_factor_on != 0,
        });
    }
    Ok(Json(out))
}

/// Managers only: adds a PA or a manager to their council, with a one-time
/// set-up code to hand over. They choose a passphrase and set up their
/// authenticator when they first sign in with it.
#[utoipa::path(
    post,
    path = "/council/staff",
    tag = "staff",
    request_body = NewStaff,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "Added: their username and one-time set-up code", body = OneTimeCode),
    )
)]
pub async fn add(
    State(state): State<AppState>,
    Manager(caller): Manager,
    headers: HeaderMap,
    ApiJson(new): ApiJson<NewStaff>,
) -> Result<Json<OneTimeCode>> {
    if !matches!(new.role, Role::Advisor | Role::Manager) {
        return Err(ApiError::Validation("Staff are personal advisors or managers.".into()));
    }
    let first_name = check_name(&new.first_name, "Enter a first name.")?;
    let last_name = check_name(&new.last_name, "Enter a last name.")?;
    let now = now_ms();
    let mut tx = state.db.writer().begin().await?;
    let person = NewPerson {
        council_id: &caller.council_id,
        role: new.role,
        first_name,
        last_name,
        date_of_birth: None,
        legal_status: None,
        circumstances: String::new(),
        advisor_id: None,
    };
    let (id, username) = accounts::insert_person(&mut tx, &person, now).await?;
    let issued = codes::issue(&mut tx, id, CodePurpose::StaffSetUp, Some(caller.person_id), now).await?;
    audit::record_with(&mut tx, caller.person_id, id, AuditAction::AddedAccount, Some(new.role.as_str())).await?;
    audit::record_with(&mut tx, caller.person_id, id, AuditAction::IssuedCode, Some(CodePurpose::StaffSetUp.as_str()))
        .await?;
    let answer = code_answer(&state, &headers, id, first_name, &username, CodePurpose::StaffSetUp, issued)?;
    tx.commit().await?;
    Ok(Json(answer))
}

/// Managers only: disables a staff member of their council and ends every
/// session of theirs at once. Not themself: a council always keeps the
/// manager who is doing this.
#[utoipa::path(
    post,
    path = "/council/staff/{id}/disable",
    tag = "staff",
    params(("id" = uuid::Uuid, Path, description = "A staff member of the caller's council")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 204, description = "Disabled; their sessions end"),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 422, description = "validation_failed: e.g. one's own account", body = ErrorBody),
    )
)]
pub async fn disable(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    set_disabled(&state, &caller, &id, true).await
}

/// Managers only: lets a disabled staff member of their council sign in again.
#[utoipa::path(
    post,
    path = "/council/staff/{id}/enable",
    tag = "staff",
    params(("id" = uuid::Uuid, Path, description = "A staff member of the caller's council")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 204, description = "Enabled"),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 422, description = "validation_failed: e.g. one's own account", body = ErrorBody),
    )
)]
pub async fn enable(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    set_disabled(&state, &caller, &id, false).await
}

async fn set_disabled(state: &AppState, caller: &crate::auth::Caller, id: &str, disable: bool) -> Result<StatusCode> {
    let id = parse_id(id)?;
    let mut tx = state.db.writer().begin().await?;
    let Some(member) = staff::member(&mut tx, &caller.council_id, &id.to_string()).await? else {
        tx.rollback().await?;
        return Err(ApiError::NotFound);
    };
    if disable && id == caller.person_id {
        tx.rollback().await?;
        return Err(ApiError::Validation("You can't disable your own account.".into()));
    }
    if member.disabled_at.is_some() == disable {
        // Already so: nothing to change, nothing to audit.
        tx.rollback().await?;
        return Ok(StatusCode::NO_CONTENT);
    }
    staff::set_disabled(&mut tx, &member.id, disable.then(now_ms)).await?;
    let action = if disable { AuditAction::DisabledAccount } else { AuditAction::EnabledAccount };
    audit::record(&mut tx, caller.person_id, id, action).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Managers only: a new set-up code for a staff member of their council
/// (a forgotten passphrase, a lost phone). Their older code stops working.
#[utoipa::path(
    post,
    path = "/council/staff/{id}/code",
    tag = "staff",
    params(("id" = uuid::Uuid, Path, description = "A staff member of the caller's council")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "A new set-up code", body = OneTimeCode),
        (status = 404, description = "not_found", body = ErrorBody),
    )
)]
pub async fn new_code(
    State(state): State<AppState>,
    Manager(caller): Manager,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<OneTimeCode>> {
    let id = parse_id(&id)?;
    let now = now_ms();
    let mut tx = state.db.writer().begin().await?;
    let Some(member) = staff::member(&mut tx, &caller.council_id, &id.to_string()).await? else {
        tx.rollback().await?;
        return Err(ApiError::NotFound);
    };
    let issued = codes::issue(&mut tx, id, CodePurpose::StaffSetUp, Some(caller.person_id), now).await?;
    audit::record_with(&mut tx, caller.person_id, id, AuditAction::IssuedCode, Some(CodePurpose::StaffSetUp.as_str()))
        .await?;
    let answer =
        code_answer(&state, &headers, id, &member.first_name, &member.username, CodePurpose::StaffSetUp, issued)?;
    tx.commit().await?;
    Ok(Json(answer))
}

/// Managers only: their council's young people and who their PA is. Each
/// name listed is audited.
#[utoipa::path(
    get,
    path = "/council/young-people",
    tag = "staff",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "Every young person of the council and their PA", body = Vec<YoungPersonPlacement>),
    )
)]
pub async fn young_people(
    State(state): State<AppState>,
    Manager(caller): Manager,
) -> Result<Json<Vec<YoungPersonPlacement>>> {
    let today = today();
    let rows = staff::placements(&state.db, &caller.council_id).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let advisor = match (&r.advisor_id, &r.advisor_first_name, &r.advisor_last_name) {
            (Some(id), Some(first), Some(last)) => Some(AdvisorRef {
                person_id: Uuid::parse_str(id).map_err(|e| ApiError::Internal(e.to_string()))?,
                name: format!("{first} {last}"),
            }),
            _ => None,
        };
        out.push(YoungPersonPlacement {
            person_id: Uuid::parse_str(&r.id).map_err(|e| ApiError::Internal(e.to_string()))?,
            age: r.date_of_birth.as_deref().and_then(pathway_model::date::parse).map_or(0, |born| age_on(born, today)),
            first_name: r.first_name,
            last_name: r.last_name,
            advisor,
            closed: r.closed_at.is_some(),
        });
    }
    let listed = out.iter().map(|y| y.person_id);
    state
        .db
        .audits()
        .listed(caller.person_id, listed, AuditAction::ViewedYoungPeople)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(out))
}

/// Managers only: moves a young person of their council to another PA of
/// it who is not disabled, or to no PA (`null`). The old PA's devices
/// forget her at their next pull; the new PA's next pull brings everything
/// of hers they may see (docs/decisions/0006). One transaction, audited.
#[utoipa::path(
    put,
    path = "/council/young-people/{person_id}/advisor",
    tag = "staff",
    request_body = MoveYoungPerson,
    params(("person_id" = uuid::Uuid, Path, description = "A young person of the caller's council")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 204, description = "Moved to the new PA"),
        (status = 404, description = "not_found", body = ErrorBody),
    )
)]
pub async fn move_young_person(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(person_id): Path<String>,
    ApiJson(body): ApiJson<MoveYoungPerson>,
) -> Result<StatusCode> {
    let person = parse_id(&person_id)?;
    let mut tx = store::begin(&state.db).await?;
    // The change counter first, as every writer of records does.
    let version = store::next_version(&mut tx).await?;
    let Some(young) = staff::young_person(&mut tx, &caller.council_id, &person.to_string()).await? else {
        tx.rollback().await?;
        return Err(ApiError::NotFound);
    };
    if young.closed_at.is_some() {
        tx.rollback().await?;
        return Err(ApiError::Validation("Her account is closed, so she can't be moved.".into()));
    }
    if let Some(to) = body.advisor_id {
        let target = staff::member(&mut tx, &caller.council_id, &to.to_string()).await?;
        if !target.is_some_and(|t| t.role == Role::Advisor.as_str() && t.disabled_at.is_none()) {
            tx.rollback().await?;
            return Err(ApiError::Validation(
                "Choose a personal advisor of your council whose account is not disabled.".into(),
            ));
        }
    }
    let from =
        young.advisor_id.as_deref().map(Uuid::parse_str).transpose().map_err(|e| ApiError::Internal(e.to_string()))?;
    if from == body.advisor_id {
        // Already with that PA: nothing moves.
        tx.rollback().await?;
        return Ok(StatusCode::NO_CONTENT);
    }
    moves::move_young_person(&mut tx, version, person, from, body.advisor_id, now_ms()).await?;
    let detail = body.advisor_id.map_or_else(|| "none".to_string(), |a| a.to_string());
    audit::record_with(&mut tx, caller.person_id, person, AuditAction::MovedToAdvisor, Some(&detail)).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
