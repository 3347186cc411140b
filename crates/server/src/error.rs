//! The server's one error type. Every failure a handler can meet becomes one
//! of these, and `IntoResponse` turns it into the documented JSON shape with
//! the right status. Internal details are logged, never sent.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathway_model::{ErrorBody, ErrorCode};
use thiserror::Error;

pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// An error this server answers with (status + JSON body). Not the app's
/// `ApiError` in src/, which is what a client call can fail with (offline,
/// or one of these as received).
#[derive(Debug, Error)]
pub enum ApiError {
    /// Not JSON at all (a syntax error).
    #[error("{0}")]
    InvalidJson(String),
    /// JSON, but not of the expected shape: wrong types, missing or unknown fields.
    #[error("{0}")]
    JsonShape(String),
    /// The query string is missing a parameter or has one of the wrong type.
    #[error("{0}")]
    BadQuery(String),
    #[error("send the body as JSON with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("{0}")]
    Validation(String),
    /// An upload with problems in some items: all of them, none imported.
    #[error("{} problems in the upload; nothing was imported", .0.len())]
    Issues(Vec<pathway_model::FieldIssue>),
    #[error("sign in to continue")]
    Unauthenticated,
    #[error("your role cannot do this")]
    Forbidden,
    #[error("nothing here")]
    NotFound,
    #[error("that method is not allowed here")]
    MethodNotAllowed,
    #[error("the username or passphrase is wrong")]
    InvalidCredentials,
    /// A share link's passcode is wrong (routes/health_share.rs).
    #[error("that passcode is wrong")]
    WrongPasscode,
    /// One field of a small form is wrong: its name goes in the body's
    /// `issues`, so the app can put the words beside it.
    #[error("{problem}")]
    FieldProblem { field: &'static str, problem: String },
    #[error("too many tries; wait {retry_after_secs} seconds and try again")]
    TooManyAttempts { retry_after_secs: u64 },
    /// Passphrase hashing is at its ceiling (auth/hashing.rs): try again in
    /// a moment. The same code as too many tries, so the app waits the
    /// `Retry-After` and the sign-in page needs nothing new.
    #[error("many people are signing in at once; try again in a moment")]
    Busy,
    /// More changes than a person may push in a minute (routes/sync.rs):
    /// the app keeps them and sends them after `Retry-After`.
    #[error("too many changes at once; wait {retry_after_secs} seconds and they will be sent")]
    TooManyChanges { retry_after_secs: u64 },
    /// Staff sign-in: the passphrase was right; the authenticator code is missing.
    #[error("enter the 6-digit code from your authenticator app")]
    SecondFactorNeeded,
    /// The authenticator or recovery code is wrong or already used.
    #[error("that code from your authenticator app is wrong or already used")]
    InvalidSecondFactor,
    /// A staff member must set up their authenticator app first.
    #[error("set up your authenticator app before you carry on")]
    SecondFactorSetUpNeeded,
    /// A one-time code that is unknown, used, expired or replaced (never which).
    #[error("that code does not work; ask for a new one")]
    CodeNotValid,
    /// A new passphrase the rules refuse; the words say why.
    #[error("{0}")]
    WeakPassphrase(String),
    /// The account is closed.
    #[error("this account is closed")]
    AccountClosed,
    /// This device's session is locked by the app lock (issue 15): nothing
    /// but unlock, lock and sign-out answers, and never with her data.
    #[error("the app is locked on this device; enter your PIN to open it")]
    Locked,
    /// A wrong PIN at `/auth/unlock`; the try is counted.
    #[error("that PIN is wrong; {}", tries_left_words(*.tries_left))]
    WrongPin { tries_left: u32 },
    /// The tenth wrong PIN in a row: this device's session has ended.
    #[error("that was the last try, so you are signed out on this device; sign in again with your passphrase")]
    PinTriesUsedUp,
    /// The request clashes with how things stand (a username taken …).
    #[error("{0}")]
    Conflict(String),
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

/// "3 tries left", "1 try left".
fn tries_left_words(n: u32) -> String {
    if n == 1 { "1 try left".to_string() } else { format!("{n} tries left") }
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        use ApiError::*;
        match self {
            InvalidJson(_) => (StatusCode::BAD_REQUEST, ErrorCode::InvalidJson),
            BadQuery(_) => (StatusCode::BAD_REQUEST, ErrorCode::ValidationFailed),
            JsonShape(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidJson),
            UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::UnsupportedMediaType),
            PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge),
            Validation(_) | Issues(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::ValidationFailed),
            Unauthenticated => (StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated),
            Forbidden => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            NotFound => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed),
            InvalidCredentials | WrongPasscode => (StatusCode::UNAUTHORIZED, ErrorCode::InvalidCredentials),
            FieldProblem { .. } => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::ValidationFailed),
            TooManyAttempts { .. } | Busy => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyAttempts),
            TooManyChanges { .. } => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyChanges),
            SecondFactorNeeded => (StatusCode::UNAUTHORIZED, ErrorCode::SecondFactorNeeded),
            InvalidSecondFactor => (StatusCode::UNAUTHORIZED, ErrorCode::InvalidSecondFactor),
            SecondFactorSetUpNeeded => (StatusCode::FORBIDDEN, ErrorCode::SecondFactorSetUpNeeded),
            CodeNotValid => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::CodeNotValid),
            WeakPassphrase(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::WeakPassphrase),
            AccountClosed => (StatusCode::UNAUTHORIZED, ErrorCode::AccountClosed),
            Locked => (StatusCode::LOCKED, ErrorCode::Locked),
            WrongPin { .. } => (StatusCode::FORBIDDEN, ErrorCode::WrongPin),
            PinTriesUsedUp => (StatusCode::UNAUTHORIZED, ErrorCode::PinTriesUsedUp),
            Conflict(_) => (StatusCode::CONFLICT, ErrorCode::Conflict),
            Database(_) | Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = if status.is_server_error() {
            // The cause goes to the log; the caller learns only that it was us.
            tracing::error!(error = ?self, "request failed");
            "something went wrong on our side".to_string()
        } else {
            self.to_string()
        };
        let mut body = ErrorBody::new(code, message);
        if let ApiError::Issues(issues) = &self {
            body.error.issues = issues.clone();
        }
        if let ApiError::FieldProblem { field, problem } = &self {
            body.error.issues =
                vec![pathway_model::FieldIssue { index: 0, field: field.to_string(), problem: problem.clone() }];
        }
        let mut response = (status, axum::Json(body)).into_response();
        let retry_after = match self {
            ApiError::TooManyAttempts { retry_after_secs } => Some(retry_after_secs),
            ApiError::Busy => Some(1),
            ApiError::TooManyChanges { retry_after_secs } => Some(retry_after_secs),
            _ => None,
        };
        if let Some(v) = retry_after.and_then(|secs| HeaderValue::from_str(&secs.to_string()).ok()) {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response
    }
}
