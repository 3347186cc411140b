//! Extractors for the signed-in caller. A handler that takes `Advisor` can
//! only ever run for a signed-in PA: the role check is in the signature, so
//! every route says who may call it and none can forget to check.
//!
//! `SessionHolder` is any live session, including a staff member's who must
//! still set up their authenticator app; only the routes that let them do
//! that (and /me, logout, passphrase, sessions) take it. `Caller` and the
//! role extractors refuse such a session with 403 `second_factor_set_up_needed`.
//! A session of a closed account is ended and answered 401 `account_closed`,
//! which tells the app to wipe what it keeps.
//!
//! While the app lock is up on a device (issue 15), that device's session
//! is locked on the server: `SessionHolder`, and so `Caller` and every role
//! extractor, answers 423 `locked`, so no route that reads a session gives
//! anything away to a typed address or another tab. Only `EvenIfLocked`
//! (unlock and lock) lets a locked session through; sign-out reads the
//! cookie itself and ends the session whatever its state.

use std::sync::{Arc, Mutex};

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use pathway_model::auth::{Role, SecondFactor};
use uuid::Uuid;

use super::session;
use crate::db::{auth_sessions, now_ms};
use crate::error::ApiError;
use crate::state::AppState;

/// Any signed-in person who may use the service (second factor set up, or
/// not needed).
#[derive(Debug, Clone)]
pub struct Caller {
    pub person_id: Uuid,
    pub role: Role,
    pub council_id: String,
}

/// Any live session, whatever the state of its second factor.
#[derive(Debug, Clone)]
pub struct SessionHolder {
    pub caller: Caller,
    /// The session's id (what `GET /auth/sessions` shows).
    pub session_id: String,
    pub username: String,
    pub second_factor: SecondFactor,
    /// The app lock is up on this device (only `EvenIfLocked` sees these).
    pub locked: bool,
}

/// This device's session even while the app lock holds it: only for the
/// routes that open or close the lock (routes/device_lock.rs).
#[derive(Debug, Clone)]
pub struct EvenIfLocked(pub SessionHolder);

/// What `GET /me` says about a person's second factor.
pub fn second_factor_state(role: Role, on: bool, optional: bool) -> SecondFactor {
    if !role.is_staff() {
        SecondFactor::NotAsked
    } else if on {
        SecondFactor::On
    } else if optional {
        SecondFactor::Optional
    } else {
        SecondFactor::SetUpNeeded
    }
}

/// Where an extractor leaves a replaced session token's cookie for the
/// response (see `session_cookie_slot`).
#[derive(Clone, Default)]
pub struct CookieSlot(Arc<Mutex<Option<String>>>);

impl CookieSlot {
    fn put(&self, set_cookie: String) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(set_cookie);
    }
}

/// Middleware: gives each request a `CookieSlot`; when the session's token
/// was replaced while answering it, the new cookie goes on the response
/// (unless the handler set a cookie of its own: a sign-in or sign-out).
pub async fn session_cookie_slot(mut request: Request, next: Next) -> Response {
    let slot = CookieSlot::default();
    request.extensions_mut().insert(slot.clone());
    let mut response = next.run(request).await;
    let new_cookie = slot.0.lock().unwrap_or_else(|p| p.into_inner()).take();
    if let Some(c) = new_cookie
        && !response.headers().contains_key(header::SET_COOKIE)
        && let Ok(v) = HeaderValue::from_str(&c)
    {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

impl FromRequestParts<AppState> for SessionHolder {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let EvenIfLocked(holder) = EvenIfLocked::from_request_parts(parts, state).await?;
        if holder.locked {
            return Err(ApiError::Locked);
        }
        Ok(holder)
    }
}

impl FromRequestParts<AppState> for EvenIfLocked {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(holder) = parts.extensions.get::<SessionHolder>() {
            return Ok(EvenIfLocked(holder.clone()));
        }
        let token = state.config.cookies.read(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let hash = session::token_hash(&token);
        let now = now_ms();
        let row = auth_sessions::find(&state.db, &hash, now).await?.ok_or(ApiError::Unauthenticated)?;
        let role = Role::parse(&row.role).ok_or_else(|| ApiError::Internal(format!("bad role {}", row.role)))?;
        if row.closed_at.is_some() {
            // How her other devices learn the account is closed: once.
            auth_sessions::delete(&state.db, &hash).await?;
            return Err(ApiError::AccountClosed);
        }
        if row.disabled_at.is_some() || !session::is_alive(role, now, row.last_seen_at, row.expires_at) {
            auth_sessions::delete(&state.db, &hash).await?;
            return Err(ApiError::Unauthenticated);
        }
        if now - row.last_seen_at >= session::TOUCH_EVERY_MS {
            let expires_at = session::renewed_expiry(role, now, row.created_at, row.expires_at);
            auth_sessions::touch(&state.db, &row.id, now, expires_at).await?;
        }
        if row.current == 1
            && session::rotation_due(role, now, row.rotated_at)
            && let Some(slot) = parts.extensions.get::<CookieSlot>()
        {
            let new_token = session::new_token();
            let new_hash = session::token_hash(&new_token);
            let grace = session::REPLACED_TOKEN_GRACE_MS;
            if auth_sessions::rotate(&state.db, &row.id, &hash, &new_hash, now, grace).await? {
                let expires_at = session::renewed_expiry(role, now, row.created_at, row.expires_at);
                let max_age = ((expires_at - now) / 1000).max(0);
                slot.put(state.config.cookies.set(&new_token, Some(max_age)));
            }
        }
        let person_id =
            Uuid::parse_str(&row.person_id).map_err(|e| ApiError::Internal(format!("bad person id: {e}")))?;
        let holder = SessionHolder {
            caller: Caller { person_id, role, council_id: row.council_id },
            session_id: row.id,
            username: row.username,
            second_factor: second_factor_state(role, row.second_factor_on != 0, row.second_factor_optional != 0),
            locked: row.locked != 0,
        };
        parts.extensions.insert(holder.clone());
        Ok(EvenIfLocked(holder))
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let holder = SessionHolder::from_request_parts(parts, state).await?;
        if holder.second_factor == SecondFactor::SetUpNeeded {
            return Err(ApiError::SecondFactorSetUpNeeded);
        }
        Ok(holder.caller)
    }
}

macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, $role:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub Caller);

        impl FromRequestParts<AppState> for $name {
            type Rejection = ApiError;

            async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
                let caller = Caller::from_request_parts(parts, state).await?;
                if caller.role == $role { Ok($name(caller)) } else { Err(ApiError::Forbidden) }
            }
        }
    };
}

role_extractor!(
    /// A signed-in young person; anyone else gets 403.
    YoungPerson,
    Role::YoungPerson
);
role_extractor!(
    /// A signed-in personal advisor; anyone else gets 403.
    Advisor,
    Role::Advisor
);
role_extractor!(
    /// A signed-in council manager; anyone else gets 403.
    Manager,
    Role::Manager
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_staff_are_asked_for_a_second_factor() {
        assert_eq!(second_factor_state(Role::YoungPerson, false, false), SecondFactor::NotAsked);
        assert_eq!(second_factor_state(Role::Advisor, true, true), SecondFactor::On);
        assert_eq!(second_factor_state(Role::Manager, false, true), SecondFactor::Optional);
        assert_eq!(second_factor_state(Role::Advisor, false, false), SecondFactor::SetUpNeeded);
    }
}
