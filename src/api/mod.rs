//! The one place that knows the server's URLs. Every call returns a typed
//! result, so a page can tell "you're offline" from "you're not signed in"
//! from "the server said no", and choose plain words for each.

use gloo_net::http::{Method, RequestBuilder, Response};
use pathway_model::auth::Me;
use pathway_model::caseload::{CaseloadEntry, YoungPersonOverview};
use pathway_model::council::{CouncilInbox, CouncilOverview};
use pathway_model::offer::OfferBook;
use pathway_model::people::{ContactDetails, ContactRole, MyPa, MyPeople};
use pathway_model::sync::{PullResponse, PushRequest, PushResponse};
use pathway_model::{ErrorBody, ErrorCode};
use serde::de::DeserializeOwned;
use thiserror::Error;
use uuid::Uuid;

// Calls of one feature each, on the helpers below: the account's own
// (passphrase, sessions, closing) and the staff screens' (staff build only).
pub mod account;
pub mod device_lock;
pub mod health_share;
#[cfg(feature = "staff")]
pub mod offer_editor;
#[cfg(feature = "staff")]
pub mod staff;

const BASE: &str = "/api/v1";

/// What can go wrong when the app talks to the server. The `Display` text is
/// for logs; pages pick their own words for people. The server's `ApiError`
/// is what it answers with; this one adds what only a client meets (no
/// signal, a body it can't read) and carries the server's code when there
/// is one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The browser says it has no connection.
    #[error("the device is offline")]
    Offline,
    /// The browser thinks it is online, but the request never got an answer
    /// (server down, captive portal, DNS, a dropped connection).
    #[error("network failure: {0}")]
    Network(String),
    /// 401: no session, or the session has ended.
    #[error("not signed in")]
    Unauthenticated,
    /// Any other answer that was not a success, with the server's code.
    #[error("server said {status} {code:?}: {message}")]
    Api { status: u16, code: ErrorCode, message: String },
    /// 429 `too_many_changes` from a push: send again after this many
    /// seconds (the answer's `Retry-After`); the outbox waits meanwhile.
    #[error("too many changes at once; send again in {0} s")]
    SlowDown(u32),
    /// A success whose body was not what this build expected.
    #[error("unexpected response: {0}")]
    BadResponse(String),
}

impl ApiError {
    /// True when the server could not be reached at all, whatever the cause:
    /// pages treat both the same ("You're offline…"), and never bounce the
    /// person to the login page for it.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, ApiError::Offline | ApiError::Network(_))
    }

    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Api { code, .. } => Some(*code),
            ApiError::Unauthenticated => Some(ErrorCode::Unauthenticated),
            ApiError::SlowDown(_) => Some(ErrorCode::TooManyChanges),
            _ => None,
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

pub async fn me() -> ApiResult<Me> {
    get_json(&format!("{BASE}/me")).await
}

pub async fn logout() -> ApiResult<()> {
    let resp = send(to_server(Method::POST, &format!("{BASE}/auth/logout")).send()).await?;
    check(resp).await.map(|_| ())
}

pub async fn my_pa() -> ApiResult<MyPa> {
    get_json(&format!("{BASE}/people/my-pa")).await
}

/// Everyone a young person can turn to (My people).
pub async fn my_people() -> ApiResult<MyPeople> {
    get_json(&format!("{BASE}/people/mine")).await
}

/// A manager's council inbox: open keep-in-touch requests and unsafe
/// alerts, one page (from 1) at a time.
pub async fn council_inbox(page: u32) -> ApiResult<CouncilInbox> {
    get_json(&format!("{BASE}/council/inbox?page={page}")).await
}

pub async fn mark_request_done(id: Uuid) -> ApiResult<()> {
    let resp = send(to_server(Method::POST, &format!("{BASE}/council/inbox/requests/{id}/done")).send()).await?;
    check(resp).await.map(|_| ())
}

pub async fn mark_alert_seen(id: Uuid) -> ApiResult<()> {
    let resp = send(to_server(Method::POST, &format!("{BASE}/council/inbox/alerts/{id}/seen")).send()).await?;
    check(resp).await.map(|_| ())
}

pub async fn caseload() -> ApiResult<Vec<CaseloadEntry>> {
    get_json(&format!("{BASE}/caseload")).await
}

pub async fn young_person(person_id: Uuid) -> ApiResult<YoungPersonOverview> {
    get_json(&format!("{BASE}/caseload/{person_id}")).await
}

/// A PA records a young person's social worker or IRO.
pub async fn set_contact(person_id: Uuid, role: ContactRole, details: &ContactDetails) -> ApiResult<()> {
    let url = format!("{BASE}/caseload/{person_id}/contacts/{}", role.as_str());
    let req = with_json(to_server(Method::PUT, &url), details)?;
    check(send(req.send()).await?).await.map(|_| ())
}

pub async fn oversight() -> ApiResult<CouncilOverview> {
    get_json(&format!("{BASE}/council/figures")).await
}

/// The signed-in person's council offer; for a young person, with the
/// profile the app needs to decide what applies to them.
pub async fn offer() -> ApiResult<OfferBook> {
    get_json(&format!("{BASE}/offer")).await
}

/// The glossary's words: a file of the app's build (not the API), which
/// the service worker keeps for offline use. `glossary.json` is the terms
/// (`Vec<TermText>`); `glossary.<stem>.json` their names and meanings in
/// another language.
pub async fn glossary<T: DeserializeOwned>(file: &str) -> ApiResult<T> {
    get_json(&format!("/{file}")).await
}

/// Sends changes made on this device (at most `MAX_BATCH` at a time).
/// Over the person's figure for a minute, `SlowDown` with the seconds to wait.
pub async fn sync_push(request: &PushRequest) -> ApiResult<PushResponse> {
    let req = with_json(to_server(Method::POST, &format!("{BASE}/sync/push")), request)?;
    let resp = send(req.send()).await?;
    let retry_after = resp.headers().get("retry-after");
    json_of(resp).await.map_err(|e| slow_down(e, retry_after.as_deref()))
}

/// A 429 `too_many_changes` as `SlowDown`, with its `Retry-After` seconds
/// (the window's length if it has none we can read, such as an HTTP date);
/// any other error as it is. Pure, so it is tested without a browser.
pub fn slow_down(error: ApiError, retry_after: Option<&str>) -> ApiError {
    match error {
        ApiError::Api { status: 429, code: ErrorCode::TooManyChanges, .. } => ApiError::SlowDown(
            retry_after
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(pathway_model::sync::limits::DEFAULT_RETRY_AFTER_SECS),
        ),
        other => other,
    }
}

/// What changed since `since` that this person may see.
pub async fn sync_pull(since: i64, client_id: Uuid) -> ApiResult<PullResponse> {
    get_json(&format!("{BASE}/sync/pull?since={since}&client_id={client_id}")).await
}

pub(crate) async fn get_json<T: DeserializeOwned>(url: &str) -> ApiResult<T> {
    let body = body_of(send(to_server(Method::GET, url).send()).await?).await?;
    from_json(&body)
}

/// How long a request may go unanswered before the app gives up on it and
/// treats it as no signal. A line that accepts connections but never answers
/// would otherwise hold a sync, and the browser's few connections to the
/// server, for good; aborted, they free up, the sync schedule tries again and
/// fresh data comes when the line recovers. A push that was applied but not
/// answered is safe to send again: the server keeps each change's answer by
/// its id.
pub const ANSWER_WITHIN_MS: u32 = 20_000;

/// A request to `url`, with the deadline above: the browser
/// aborts the fetch (freeing its connection) when time is up.
pub(crate) fn to_server(method: Method, url: &str) -> RequestBuilder {
    let deadline = web_sys::AbortSignal::timeout_with_u32(ANSWER_WITHIN_MS);
    RequestBuilder::new(url).method(method).abort_signal(Some(&deadline))
}

/// Runs a request and turns a failed, aborted or unanswered fetch into
/// `Offline` or `Network`.
pub(crate) async fn send(fut: impl Future<Output = Result<Response, gloo_net::Error>>) -> ApiResult<Response> {
    fut.await.map_err(|e| if browser_offline() { ApiError::Offline } else { ApiError::Network(e.to_string()) })
}

/// A successful answer's body, read as `T`.
///
/// Only the reading of the text is `T`'s own code: the waiting is one
/// function for every answer (`body_of`), not one copy a type, which kept
/// the wasm smaller by the size of that waiting times the ~15 types the
/// young person's app asks for.
pub(crate) async fn json_of<T: DeserializeOwned>(resp: Response) -> ApiResult<T> {
    from_json(&body_of(resp).await?)
}

/// A successful answer's body as text; anything else as `check` says.
async fn body_of(resp: Response) -> ApiResult<String> {
    let resp = check(resp).await?;
    resp.text().await.map_err(|e| ApiError::BadResponse(e.to_string()))
}

fn from_json<T: DeserializeOwned>(body: &str) -> ApiResult<T> {
    serde_json::from_str(body).map_err(|e| ApiError::BadResponse(e.to_string()))
}

/// Passes a success through; turns anything else into a typed error, reading
/// the `{"error":{"code","message"}}` body when there is one. Every answer
/// passes here, so this is where a closed account is noticed.
pub(crate) async fn check(resp: Response) -> ApiResult<Response> {
    if resp.ok() {
        return Ok(resp);
    }
    let status = resp.status();
    let body = resp.text().await.unwrap_or_default();
    let error = error_from(status, &body);
    if error.code() == Some(ErrorCode::AccountClosed) {
        ON_ACCOUNT_CLOSED.with(|f| f.get().map(|f| f()));
    }
    if error.code() == Some(ErrorCode::Locked) {
        ON_LOCKED.with(|f| f.get().map(|f| f()));
    }
    if error == ApiError::Unauthenticated {
        ON_SESSION_ENDED.with(|f| f.get().map(|f| f()));
    }
    Err(error)
}

thread_local! {
    static ON_ACCOUNT_CLOSED: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
    static ON_LOCKED: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
    static ON_SESSION_ENDED: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
}

/// What the app does when any answer says this device's session is locked
/// (locked in another tab, or by Quick exit): `lock` puts the lock screen up.
pub fn when_locked(f: fn()) {
    ON_LOCKED.with(|c| c.set(Some(f)));
}

/// What the app does when any answer says there is no session (401): for
/// staff, `auth` wipes the laptop at once (issue 15). Set at start.
pub fn when_session_ended(f: fn()) {
    ON_SESSION_ENDED.with(|c| c.set(Some(f)));
}

/// What the app does when any answer says the account is closed: `auth`
/// wipes the phone and leaves for the sign-in page (it sets this at start;
/// `api` can't call it itself, `auth` uses `api`).
pub fn when_account_closed(f: fn()) {
    ON_ACCOUNT_CLOSED.with(|c| c.set(Some(f)));
}

/// A JSON body for a request; a value that cannot be written as JSON is a
/// bug of ours, reported as a bad response.
pub(crate) fn with_json(req: RequestBuilder, body: &impl serde::Serialize) -> ApiResult<gloo_net::http::Request> {
    req.json(body).map_err(|e| ApiError::BadResponse(e.to_string()))
}

/// Pure, so it can be tested without a browser.
pub fn error_from(status: u16, body: &str) -> ApiError {
    let parsed = serde_json::from_str::<ErrorBody>(body).ok();
    // A 401 means "no session" unless the body says something more exact,
    // such as `invalid_credentials` from the login route.
    let more_exact = parsed.as_ref().is_some_and(|b| b.error.code != ErrorCode::Unauthenticated);
    if status == 401 && !more_exact {
        return ApiError::Unauthenticated;
    }
    match parsed {
        Some(b) => ApiError::Api { status, code: b.error.code, message: b.error.message },
        // A proxy or a crash page: no JSON body. Keep the status; the code says
        // only what we can be sure of.
        None => ApiError::Api {
            status,
            code: if status >= 500 { ErrorCode::Internal } else { ErrorCode::Unknown },
            message: String::new(),
        },
    }
}

fn browser_offline() -> bool {
    web_sys::window().map(|w| !w.navigator().on_line()).unwrap_or(false)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_401_is_unauthenticated_unless_the_body_is_more_exact() {
        assert_eq!(error_from(401, ""), ApiError::Unauthenticated);
        let body = r#"{"error":{"code":"unauthenticated","message":"no session"}}"#;
        assert_eq!(error_from(401, body), ApiError::Unauthenticated);
        let body = r#"{"error":{"code":"invalid_credentials","message":"wrong"}}"#;
        assert_eq!(error_from(401, body).code(), Some(ErrorCode::InvalidCredentials));
    }

    #[test]
    fn too_many_changes_carries_the_servers_retry_after() {
        let body = r#"{"error":{"code":"too_many_changes","message":"wait"}}"#;
        assert_eq!(slow_down(error_from(429, body), Some("17")), ApiError::SlowDown(17));
        assert_eq!(slow_down(error_from(429, body), None), ApiError::SlowDown(60), "no header: a whole window");
        let e = slow_down(error_from(429, body), Some("Wed, 21 Oct 2026 07:28:00 GMT"));
        assert_eq!(e, ApiError::SlowDown(60));
        assert_eq!(e.code(), Some(ErrorCode::TooManyChanges));
        let other = error_from(429, r#"{"error":{"code":"too_many_attempts","message":"slow down"}}"#);
        assert_eq!(slow_down(other.clone(), Some("5")), other, "only a push's 429 is read this way");
    }

    #[test]
    fn error_bodies_keep_their_code() {
        let body = r#"{"error":{"code":"too_many_attempts","message":"slow down"}}"#;
        let e = error_from(429, body);
        assert_eq!(e.code(), Some(ErrorCode::TooManyAttempts));
        assert!(!e.is_unreachable());
    }

    #[test]
    fn a_bare_502_from_a_proxy_counts_as_internal() {
        assert_eq!(error_from(502, "<html>Bad gateway</html>").code(), Some(ErrorCode::Internal));
        assert_eq!(error_from(418, "").code(), Some(ErrorCode::Unknown));
    }
}
