//! A PA's caseload: the young people on it, one young person's overview,
//! and the contacts a PA keeps for them; registering a young person with
//! an invite code, editing her profile, and a new code when she needs one
//! (issue 13). Anyone off the PA's caseload, or whose account is closed,
//! answers 404 as if she did not exist.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use pathway_model::FieldIssue;
use pathway_model::age::{Stage, age_on};
use pathway_model::auth::Role;
use pathway_model::caseload::{CaseloadEntry, YoungPersonOverview, YoungPersonProfile};
use pathway_model::code::CodePurpose;
use pathway_model::council::OneTimeCode;
use pathway_model::people::{ContactDetails, ContactRole};
use pathway_model::profile::{Circumstance, LegalStatus};
use uuid::Uuid;

use crate::auth::{Advisor, Caller};
use crate::clock::today;
use crate::db::accounts::{self, NewPerson};
use crate::db::audit::{self, AuditAction};
use crate::db::audit_queue::AuditEvent;
use crate::db::codes;
use crate::db::meeting::{self, Whose};
use crate::db::people::{ContactRow, PersonRow, ProfileUpdate};
use crate::db::{councils, now_ms, people};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::rhythm::Histories;
use crate::routes::staff::code_answer;
use crate::state::AppState;

/// Advisors only: the young people on their own caseload, most overdue
/// (contact or review) first, then by name. Each name listed is audited.
#[utoipa::path(
    get,
    path = "/caseload",
    tag = "caseload",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor"]))),
    responses(
        (status = 200, description = "The PA's caseload", body = Vec<CaseloadEntry>),
    )
)]
pub async fn caseload(State(state): State<AppState>, Advisor(caller): Advisor) -> Result<Json<Vec<CaseloadEntry>>> {
    let rows = people::caseload(&state.db, &caller.person_id.to_string()).await?;
    let council = councils::get(&state.db, &caller.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("advisor without council".into()))?;
    let histories = Histories::of(&meeting::rhythm_records(&state.db, Whose::Caseload(caller.person_id)).await?);
    let today = today();
    let mut entries = Vec::with_capacity(rows.len());
    for p in rows {
        // A caseload can cross councils (a PA covering out-of-area young
        // people); look each council up only when it differs.
        let person_council = if p.council_id == council.id {
            council.summary()
        } else {
            councils::get(&state.db, &p.council_id).await?.map(|c| c.summary()).unwrap_or_else(|| council.summary())
        };
        let person_id = Uuid::parse_str(&p.id).map_err(|e| ApiError::Internal(e.to_string()))?;
        entries.push(CaseloadEntry {
            person_id,
            age: age_on(p.date_of_birth()?, today),
            rhythm: histories.rhythm(person_id, p.created_at),
            first_name: p.first_name,
            last_name: p.last_name,
            council: person_council,
        });
    }
    entries.sort_by(|a, b| {
        b.rhythm
            .most_overdue_days(today)
            .cmp(&a.rhythm.most_overdue_days(today))
            .then_with(|| (&a.first_name, &a.last_name).cmp(&(&b.first_name, &b.last_name)))
    });
    let listed = entries.iter().map(|e| e.person_id);
    state
        .db
        .audits()
        .listed(caller.person_id, listed, AuditAction::ViewedCaseload)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(entries))
}

/// Advisors only, and only for a young person on their caseload: anyone
/// else's id answers 404, as if it did not exist. Each view is audited.
#[utoipa::path(
    get,
    path = "/caseload/{person_id}",
    tag = "caseload",
    params(("person_id" = uuid::Uuid, Path, description = "A young person on the caller's caseload")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor"]))),
    responses(
        (status = 200, description = "One young person", body = YoungPersonOverview),
        (status = 404, description = "not_found: not on the caller's caseload", body = ErrorBody),
    )
)]
pub async fn young_person(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    Path(person_id): Path<String>,
) -> Result<Json<YoungPersonOverview>> {
    let (person_id, p) = on_my_caseload(&state, &caller, &person_id).await?;
    let council = councils::get(&state.db, &p.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("person without council".into()))?;
    let dob = p.date_of_birth()?;
    let age = age_on(dob, today());
    let overview = YoungPersonOverview {
        person_id,
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        date_of_birth: dob,
        age,
        stage: Stage::for_age(age),
        council: council.summary(),
        status: p
            .legal_status
            .as_deref()
            .and_then(LegalStatus::parse)
            .ok_or_else(|| ApiError::Internal(format!("young person {} has no status", p.id)))?,
        circumstances: p.circumstances.split_whitespace().filter_map(Circumstance::parse).collect(),
        rhythm: Histories::of(&meeting::rhythm_records(&state.db, Whose::Person(person_id)).await?)
            .rhythm(person_id, p.created_at),
        social_worker: None,
        iro: None,
    };
    let mut overview = overview;
    for c in people::contacts(&state.db, &p.id).await? {
        let details = ContactDetails { name: c.name, phone: c.phone, email: c.email, hours: c.hours };
        match ContactRole::parse(&c.role) {
            Some(ContactRole::SocialWorker) => overview.social_worker = Some(details),
            Some(ContactRole::Iro) => overview.iro = Some(details),
            None => {}
        }
    }
    audit_viewed(&state, &caller, person_id).await?;
    Ok(Json(overview))
}

/// Advisors only, for a young person on their caseload: records their
/// social worker or IRO (`role` is `social_worker` or `iro`). Every problem
/// is listed at once; nothing is saved unless all is well. Audited.
#[utoipa::path(
    put,
    path = "/caseload/{person_id}/contacts/{role}",
    tag = "caseload",
    request_body = ContactDetails,
    params(("person_id" = uuid::Uuid, Path, description = "A young person on the caller's caseload"), ("role" = pathway_model::people::ContactRole, Path, description = "Which contact")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor"]))),
    responses(
        (status = 204, description = "Saved"),
        (status = 404, description = "not_found: not on the caller's caseload, or no such contact role", body = ErrorBody),
    )
)]
pub async fn set_contact(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    Path((person_id, role)): Path<(String, String)>,
    ApiJson(details): ApiJson<ContactDetails>,
) -> Result<StatusCode> {
    let role = ContactRole::parse(&role).ok_or(ApiError::NotFound)?;
    let (person_id, _) = on_my_caseload(&state, &caller, &person_id).await?;
    let problems = details.problems();
    if !problems.is_empty() {
        return Err(ApiError::Issues(
            problems
                .into_iter()
                .map(|(field, problem)| FieldIssue { index: 0, field: field.into(), problem })
                .collect(),
        ));
    }
    let trimmed = |o: &Option<String>| o.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    let row = ContactRow {
        person_id: person_id.to_string(),
        role: role.as_str().into(),
        name: details.name.trim().into(),
        phone: trimmed(&details.phone),
        email: trimmed(&details.email),
        hours: trimmed(&details.hours),
    };
    let mut tx = state.db.writer().begin().await?;
    people::upsert_contact(&mut tx, &row).await?;
    audit::record_with(&mut tx, caller.person_id, person_id, AuditAction::SetContact, Some(role.as_str())).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A profile as typed, checked with the model's rule (the same words the
/// app shows), with its names trimmed and circumstances as stored.
fn checked(profile: &YoungPersonProfile) -> Result<ProfileUpdate<'_>> {
    profile.validate(today()).map_err(|problem| ApiError::Validation(problem.to_string()))?;
    let mut words: Vec<&str> = Vec::new();
    for c in &profile.circumstances {
        if !words.contains(&c.as_str()) {
            words.push(c.as_str());
        }
    }
    Ok(ProfileUpdate {
        first_name: profile.first_name.trim(),
        last_name: profile.last_name.trim(),
        date_of_birth: profile.date_of_birth.format("%Y-%m-%d").to_string(),
        legal_status: profile.status.as_str(),
        circumstances: words.join(" "),
    })
}

/// Advisors only: registers a young person onto their own caseload, in
/// their council, and answers her one-time invite code to hand over in
/// person. Audited: the new account and the code.
#[utoipa::path(
    post,
    path = "/caseload",
    tag = "caseload",
    request_body = YoungPersonProfile,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor"]))),
    responses(
        (status = 200, description = "Registered: her username and one-time invite code", body = OneTimeCode),
    )
)]
pub async fn register(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    headers: HeaderMap,
    ApiJson(profile): ApiJson<YoungPersonProfile>,
) -> Result<Json<OneTimeCode>> {
    let p = checked(&profile)?;
    let now = now_ms();
    let mut tx = state.db.writer().begin().await?;
    let new = NewPerson {
        council_id: &caller.council_id,
        role: Role::YoungPerson,
        first_name: p.first_name,
        last_name: p.last_name,
        date_of_birth: Some(p.date_of_birth.clone()),
        legal_status: Some(p.legal_status),
        circumstances: p.circumstances.clone(),
        advisor_id: Some(caller.person_id),
    };
    let (id, username) = accounts::insert_person(&mut tx, &new, now).await?;
    let issued = codes::issue(&mut tx, id, CodePurpose::Invite, Some(caller.person_id), now).await?;
    audit::record(&mut tx, caller.person_id, id, AuditAction::AddedAccount).await?;
    audit::record_with(&mut tx, caller.person_id, id, AuditAction::IssuedCode, Some(CodePurpose::Invite.as_str()))
        .await?;
    let answer = code_answer(&state, &headers, id, p.first_name, &username, CodePurpose::Invite, issued)?;
    tx.commit().await?;
    Ok(Json(answer))
}

fn profile_of(p: &PersonRow) -> Result<YoungPersonProfile> {
    Ok(YoungPersonProfile {
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        date_of_birth: p.date_of_birth()?,
        status: p
            .legal_status
            .as_deref()
            .and_then(LegalStatus::parse)
            .ok_or_else(|| ApiError::Internal(format!("young person {} has no status", p.id)))?,
        circumstances: p.circumstances.split_whitespace().filter_map(Circumstance::parse).collect(),
    })
}

/// Advisors only, for a young person on their caseload: her profile, to
/// edit. Audited as a view of her page.
#[utoipa::path(
    get,
    path = "/caseload/{person_id}/profile",
    tag = "caseload",
    params(("person_id" = uuid::Uuid, Path, description = "A young person on the caller's caseload")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor"]))),
    responses(
        (status = 200, description = "Her profile", body = YoungPersonProfile),
        (status = 404, description = "not_found: not on the caller's caseload", body = ErrorBody),
    )
)]
pub async fn profile(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    Path(person_id): Path<String>,
) -> Result<Json<YoungPersonProfile>> {
    let (person_id, p) = on_my_caseload(&state, &caller, &person_id).await?;
    let profile = profile_of(&p)?;
    audit_viewed(&state, &caller, person_id).await?;
    Ok(Json(profile))
}

/// Advisors only, for a young person on their caseload: changes her name,
/// date of birth, status and circumstances. Her offer follows at once:
/// `GET /offer` works out her profile from this row on every read. Her
/// username stays as it is. Audited.
#[utoipa::path(
    put,
    path = "/caseload/{person_id}/profile",
    tag = "caseload",
    request_body = YoungPersonProfile,
    params(("person_id" = uuid::Uuid, Path, description = "A young person on the caller's caseload")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor"]))),
    responses(
        (status = 204, description = "Saved"),
        (status = 404, description = "not_found: not on the caller's caseload", body = ErrorBody),
    )
)]
pub async fn set_profile(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    Path(person_id): Path<String>,
    ApiJson(profile): ApiJson<YoungPersonProfile>,
) -> Result<StatusCode> {
    let person_id = Uuid::parse_str(&person_id).map_err(|_| ApiError::NotFound)?;
    let mut tx = state.db.writer().begin().await?;
    // Read in the transaction: a move committed meanwhile is seen here.
    if people::caseload_member(&mut tx, &caller.person_id.to_string(), &person_id.to_string()).await?.is_none() {
        tx.rollback().await?;
        return Err(ApiError::NotFound);
    }
    let p = match checked(&profile) {
        Ok(p) => p,
        Err(e) => {
            tx.rollback().await?;
            return Err(e);
        }
    };
    people::update_profile(&mut tx, &person_id.to_string(), &p).await?;
    audit::record(&mut tx, caller.person_id, person_id, AuditAction::EditedProfile).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Advisors only, for a young person on their caseload: a new one-time
/// code. An invite while she has never chosen a passphrase, else a reset
/// (she forgot it); either way her older code stops working. Nothing of
/// hers is lost: her records stay on the server and her phone.
#[utoipa::path(
    post,
    path = "/caseload/{person_id}/code",
    tag = "caseload",
    params(("person_id" = uuid::Uuid, Path, description = "A young person on the caller's caseload")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["advisor"]))),
    responses(
        (status = 200, description = "A new reset code", body = OneTimeCode),
        (status = 404, description = "not_found: not on the caller's caseload", body = ErrorBody),
    )
)]
pub async fn new_code(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    headers: HeaderMap,
    Path(person_id): Path<String>,
) -> Result<Json<OneTimeCode>> {
    let person_id = Uuid::parse_str(&person_id).map_err(|_| ApiError::NotFound)?;
    let now = now_ms();
    let mut tx = state.db.writer().begin().await?;
    let Some(member) = people::caseload_member(&mut tx, &caller.person_id.to_string(), &person_id.to_string()).await?
    else {
        tx.rollback().await?;
        return Err(ApiError::NotFound);
    };
    let purpose = if member.passphrase_set_at.is_none() { CodePurpose::Invite } else { CodePurpose::Reset };
    let issued = codes::issue(&mut tx, person_id, purpose, Some(caller.person_id), now).await?;
    audit::record_with(&mut tx, caller.person_id, person_id, AuditAction::IssuedCode, Some(purpose.as_str())).await?;
    let answer = code_answer(&state, &headers, person_id, &member.first_name, &member.username, purpose, issued)?;
    tx.commit().await?;
    Ok(Json(answer))
}

/// The young person `person_id` names, when she is on the caller's
/// caseload. Anyone else, or an id that is not one, answers 404: a PA never
/// learns whether someone off their caseload exists.
async fn on_my_caseload(state: &AppState, caller: &Caller, person_id: &str) -> Result<(Uuid, people::PersonRow)> {
    let person_id = Uuid::parse_str(person_id).map_err(|_| ApiError::NotFound)?;
    let p = people::on_caseload(&state.db, &caller.person_id.to_string(), &person_id.to_string())
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((person_id, p))
}

/// A PA read this young person's details: on the audit trail before the
/// answer leaves.
async fn audit_viewed(state: &AppState, caller: &Caller, subject: Uuid) -> Result<()> {
    let viewed = AuditEvent { actor: caller.person_id, subject, action: AuditAction::ViewedOverview, detail: None };
    state.db.audits().write(vec![viewed]).await.map_err(|e| ApiError::Internal(e.to_string()))
}
