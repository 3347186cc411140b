//! Extractors for the signed-in caller. A handler that takes `Advisor` can
//! only ever run for a signed-in PA: the role check is in the signature, so
//! every route says who may call it and none can forget to check.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use pathway_model::auth::Role;
use uuid::Uuid;

use super::{cookie, session};
use crate::db::{auth_sessions, now_ms};
use crate::error::ApiError;
use crate::state::AppState;

/// Any signed-in person.
#[derive(Debug, Clone)]
pub struct Caller {
    pub person_id: Uuid,
    pub role: Role,
    pub council_id: String,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(caller.clone());
        }
        let token = cookie::read(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let hash = session::token_hash(&token);
        let row = auth_sessions::find(&state.db, &hash).await?.ok_or(ApiError::Unauthenticated)?;
        let role = Role::parse(&row.role).ok_or_else(|| ApiError::Internal(format!("bad role {}", row.role)))?;
        let now = now_ms();
        if row.disabled_at.is_some() || !session::is_alive(role, now, row.last_seen_at, row.expires_at) {
            auth_sessions::delete(&state.db, &hash).await?;
            return Err(ApiError::Unauthenticated);
        }
        if now - row.last_seen_at >= session::TOUCH_EVERY_MS {
            let expires_at = session::renewed_expiry(role, now, row.expires_at);
            auth_sessions::touch(&state.db, &hash, now, expires_at).await?;
        }
        let person_id =
            Uuid::parse_str(&row.person_id).map_err(|e| ApiError::Internal(format!("bad person id: {e}")))?;
        let caller = Caller { person_id, role, council_id: row.council_id };
        parts.extensions.insert(caller.clone());
        Ok(caller)
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
