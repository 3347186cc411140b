//! The account's own calls (issue 13): change the passphrase, where you are
//! signed in, download your copy, close your account, and (issue 17) the
//! language of the screens.

use gloo_net::http::Method;
use pathway_model::auth::account::{ChangePassphrase, CloseAccount, SessionInfo};
use pathway_model::caseload::RecordView;
use uuid::Uuid;

use super::{ApiResult, BASE, check, get_json, send, to_server, with_json};

/// Her data as a JSON file (a download), and as a page to print or save as
/// a PDF: plain links, the browser does the rest.
pub const EXPORT_JSON: &str = "/api/v1/me/export";
pub const EXPORT_PAGE: &str = "/api/v1/me/export/page";

async fn post(path: &str, body: &impl serde::Serialize) -> ApiResult<()> {
    let req = with_json(to_server(Method::POST, &format!("{BASE}{path}")), body)?;
    check(send(req.send()).await?).await.map(|_| ())
}

/// Ends every other session of the account too.
pub async fn change_passphrase(current: String, new: String) -> ApiResult<()> {
    post("/auth/passphrase", &ChangePassphrase { current, new }).await
}

/// The language of her screens, kept with the account so a new phone
/// starts in it (issue 17).
pub async fn set_language(language: pathway_model::catalogue::Language) -> ApiResult<()> {
    let body = pathway_model::auth::SetLanguage { language };
    let req = with_json(to_server(Method::PUT, &format!("{BASE}/me/language")), &body)?;
    check(send(req.send()).await?).await.map(|_| ())
}

pub async fn sessions() -> ApiResult<Vec<SessionInfo>> {
    get_json(&format!("{BASE}/auth/sessions")).await
}

/// "Who looked at my record": every time staff read or wrote her data,
/// newest first.
pub async fn record_views() -> ApiResult<Vec<RecordView>> {
    get_json(&format!("{BASE}/me/record-views")).await
}

pub async fn end_session(id: Uuid) -> ApiResult<()> {
    check(send(to_server(Method::DELETE, &format!("{BASE}/auth/sessions/{id}")).send()).await?).await.map(|_| ())
}

/// A young person closes her own account; the passphrase is asked again.
pub async fn close_account(passphrase: String) -> ApiResult<()> {
    post("/me/close", &CloseAccount { passphrase }).await
}
