//! Share links for her health passport (issue 19, items 2 and 5). She
//! makes a link with a passcode and an expiry, sees her links and their
//! openings, and ends one early; whoever has the link and the passcode
//! opens a read-only copy of her passport, with no account
//! (`POST /shared/{token}` here, the page in web/share_page.rs).
//!
//! What is kept: a sha256 of the token (32 random bytes, so a fast hash is
//! safe) and a sha256 of a per-link salt with the passcode (six digits; a
//! slow hash would add little, because the tries are capped: 5 wrong in 15
//! minutes stops every try until the window passes, and 20 wrong ends the
//! link). A try is counted in the link's row before the passcode is checked
//! (a right one is given back), so replicas share the count. Every wrong
//! passcode and every link that does not open waits `share_wrong_wait`
//! (1 s) before its answer, holding no database connection; links that do
//! not open also count against the caller's address, with the sign-in
//! limiter, so guessing tokens is slowed too. An unknown, expired or ended
//! link, or one whose owner closed her account, gets the same 404.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use pathway_model::health::share::{
    self, NewShareLink, OpenShared, PASSCODE_DIGITS, ShareLink, ShareLinkMade, SharedEntry, SharedPassport,
    TRIES_IN_ALL, TRIES_PER_WINDOW, WINDOW_MINUTES,
};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::auth::YoungPerson;
use crate::auth::client_address::ClientAddress;
use crate::auth::limiter::Attempt;
use crate::db::{councils, health, now_ms, people, share_links};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// Ended and expired links stay in her list this long.
const LISTED_AFTER_STOPPING_MS: i64 = 30 * DAY_MS;
const WINDOW_MS: i64 = WINDOW_MINUTES * 60 * 1000;
/// Characters in a token: 32 bytes in base64url without padding.
const TOKEN_CHARS: usize = 43;

fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut hash = Sha256::new();
    for p in parts {
        hash.update(p);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn token_hash(token: &str) -> String {
    sha256_hex(&[token.as_bytes()])
}

fn passcode_hash(salt: &str, passcode: &str) -> String {
    sha256_hex(&[salt.as_bytes(), b":", passcode.as_bytes()])
}

/// A passcode as people type it: "123 456" is "123456".
fn typed_passcode(passcode: &str) -> String {
    passcode.chars().filter(|c| !c.is_whitespace()).collect()
}

fn new_passcode() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..PASSCODE_DIGITS).map(|_| char::from(b'0' + (rng.next_u32() % 10) as u8)).collect()
}

fn link_of(row: share_links::LinkRow, openings: &[(String, i64)]) -> Result<ShareLink> {
    Ok(ShareLink {
        id: Uuid::parse_str(&row.id).map_err(|e| ApiError::Internal(e.to_string()))?,
        openings: openings.iter().filter(|(id, _)| *id == row.id).map(|(_, at)| *at).collect(),
        label: row.label,
        made_at: row.made_at,
        expires_at: row.expires_at,
        ended_at: row.ended_at,
        ended_by_wrong_passcodes: row.ended_by_wrong_passcodes != 0,
    })
}

/// Young people only: a new link. The passcode is in this answer only.
#[utoipa::path(
    post,
    path = "/me/health/share-links",
    tag = "health",
    security(("session" = [])),
    request_body = NewShareLink,
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 201, description = "The link, its address and its passcode (shown only now)", body = ShareLinkMade),
    )
)]
pub async fn make(
    State(state): State<AppState>,
    YoungPerson(caller): YoungPerson,
    ApiJson(new): ApiJson<NewShareLink>,
) -> Result<Response> {
    new.check().map_err(|p| ApiError::FieldProblem { field: p.field(), problem: p.to_string() })?;
    let mut token = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut token);
    let token = URL_SAFE_NO_PAD.encode(token);
    let mut salt = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    let salt = STANDARD.encode(salt);
    let passcode = new_passcode();
    let now = now_ms();
    let id = Uuid::now_v7();
    let label = new.label.trim();
    let expires_at = now + i64::from(new.days) * DAY_MS;
    share_links::insert(
        &state.db,
        &share_links::NewLink {
            id: &id.to_string(),
            owner_id: &caller.person_id.to_string(),
            label,
            token_hash: &token_hash(&token),
            passcode_salt: &salt,
            passcode_hash: &passcode_hash(&salt, &passcode),
            made_at: now,
            expires_at,
        },
    )
    .await?;
    let link = ShareLink {
        id,
        label: label.to_string(),
        made_at: now,
        expires_at,
        ended_at: None,
        ended_by_wrong_passcodes: false,
        openings: vec![],
    };
    let made = ShareLinkMade { link, path: format!("/share/{token}"), passcode };
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// Young people only: her links, newest first (open ones, and those that
/// stopped working in the last 30 days).
#[utoipa::path(
    get,
    path = "/me/health/share-links",
    tag = "health",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 200, description = "Her links, newest first, with when each was opened", body = Vec<ShareLink>),
    )
)]
pub async fn list(State(state): State<AppState>, YoungPerson(caller): YoungPerson) -> Result<Json<Vec<ShareLink>>> {
    let me = caller.person_id.to_string();
    let rows = share_links::list(&state.db, &me, now_ms() - LISTED_AFTER_STOPPING_MS).await?;
    let openings = share_links::openings(&state.db, &me).await?;
    Ok(Json(rows.into_iter().map(|r| link_of(r, &openings)).collect::<Result<_>>()?))
}

/// Young people only: ends one of her links now. Someone else's is 404.
#[utoipa::path(
    delete,
    path = "/me/health/share-links/{id}",
    tag = "health",
    security(("session" = [])),
    params(("id" = Uuid, Path, description = "One of her links")),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 204, description = "The link has ended (or had already)"),
        (status = 404, description = "not_found: no such link of hers", body = ErrorBody),
    )
)]
pub async fn end(
    State(state): State<AppState>,
    YoungPerson(caller): YoungPerson,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    let id = Uuid::parse_str(&id).map_err(|_| ApiError::NotFound)?;
    if share_links::end(&state.db, &caller.person_id.to_string(), &id.to_string(), now_ms()).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// Anyone with the link: her passport, given the right passcode.
#[utoipa::path(
    post,
    path = "/shared/{token}",
    tag = "health",
    request_body = OpenShared,
    params(("token" = String, Path, description = "The token from the share link's address")),
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "Her passport as it is now, read-only", body = SharedPassport),
        (status = 401, description = "invalid_credentials: the passcode is wrong", body = ErrorBody),
        (status = 404, description = "not_found: no such link, or it has expired or ended (the same answer)", body = ErrorBody),
        (status = 429, description = "too_many_attempts: too many wrong passcodes; wait `Retry-After` seconds", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn open(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(token): Path<String>,
    ApiJson(body): ApiJson<OpenShared>,
) -> Result<Json<SharedPassport>> {
    Ok(Json(open_link(&state, &token, &body.passcode, &address).await?))
}

/// What opening a link answers: the passport, or why not. The page uses it
/// too, so both say the same.
pub async fn open_link(state: &AppState, token: &str, passcode: &str, address: &str) -> Result<SharedPassport> {
    let now = now_ms();
    let well_formed = token.len() == TOKEN_CHARS && URL_SAFE_NO_PAD.decode(token).is_ok_and(|b| b.len() == 32);
    let found = if well_formed { share_links::by_token(&state.db, &token_hash(token)).await? } else { None };
    let Some(link) = found.filter(|l| l.ended_at.is_none() && now < l.expires_at) else {
        // One answer for all: a link that never was, or no longer works.
        // Counted against the caller's address; once over, refused at once
        // (the refusal is the slowing), otherwise answered after the wait.
        let _counted =
            Attempt::begin(&state.db, &state.config.sign_in_limits, &format!("share-from:{address}"), address).await?;
        tokio::time::sleep(state.config.share_wrong_wait).await;
        return Err(ApiError::NotFound);
    };
    let (tries, window_start) = share_links::count_try(&state.db, &link.id, now, now - WINDOW_MS).await?;
    if tries > i64::from(TRIES_PER_WINDOW) {
        let wait_ms = (window_start + WINDOW_MS - now).max(1);
        return Err(ApiError::TooManyAttempts { retry_after_secs: u64::try_from((wait_ms + 999) / 1000).unwrap_or(1) });
    }
    let typed = typed_passcode(passcode);
    if passcode_hash(&link.passcode_salt, &typed) != link.passcode_hash {
        share_links::count_wrong(&state.db, &link.id, now, i64::from(TRIES_IN_ALL)).await?;
        tokio::time::sleep(state.config.share_wrong_wait).await;
        return Err(ApiError::WrongPasscode);
    }
    share_links::give_back(&state.db, &link.id, window_start).await?;
    let passport = passport(state, &link).await?;
    share_links::record_opening(&state.db, &link.id, now).await?;
    Ok(passport)
}

async fn passport(state: &AppState, link: &share_links::Found) -> Result<SharedPassport> {
    let owner = people::get(&state.db, &link.owner_id).await?.ok_or(ApiError::NotFound)?;
    let council = councils::get(&state.db, &owner.council_id).await?.ok_or(ApiError::NotFound)?;
    let owner_id = Uuid::parse_str(&owner.id).map_err(|e| ApiError::Internal(e.to_string()))?;
    let all = health::entries(&state.db, owner_id).await?;
    let entries = share::passport_of(&all, |(_, e)| e).into_iter().map(|(_, e)| SharedEntry::of(e)).collect();
    Ok(SharedPassport {
        first_name: owner.first_name,
        last_name: owner.last_name,
        date_of_birth: owner.date_of_birth,
        expires_at: link.expires_at,
        entries,
        sample_data: council.sample_data != 0,
    })
}
