//! The offer editor's calls (staff build only, issue 16): a manager's draft
//! of their council's offer, publishing it, its history, ORUK uploads.

use gloo_net::http::Method;
use pathway_model::ErrorBody;
use pathway_model::error::FieldIssue;
use pathway_model::offer::OfferItem;
use pathway_model::offer::editor::{ChangeSummary, HistoryEntry, OfferDraft};

use super::{ApiError, ApiResult, BASE, check, get_json, json_of, send, to_server, with_json};

pub async fn draft() -> ApiResult<OfferDraft> {
    get_json(&format!("{BASE}/offer/draft")).await
}

pub async fn history() -> ApiResult<Vec<HistoryEntry>> {
    get_json(&format!("{BASE}/offer/history")).await
}

/// Adds or changes one item of the draft; the answer is the whole draft.
pub async fn put_item(item: &OfferItem) -> ApiResult<OfferDraft> {
    let url = format!("{BASE}/offer/draft/items/{}", item.id);
    json_of(send(with_json(to_server(Method::PUT, &url), item)?.send()).await?).await
}

/// `retire` or `undo` one item of the draft.
pub async fn item_action(id: &str, action: &str) -> ApiResult<OfferDraft> {
    let url = format!("{BASE}/offer/draft/items/{id}/{action}");
    json_of(send(to_server(Method::POST, &url).send()).await?).await
}

pub async fn discard() -> ApiResult<OfferDraft> {
    json_of(send(to_server(Method::DELETE, &format!("{BASE}/offer/draft")).send()).await?).await
}

/// Why an upload or a publish was refused: the server's problems by item and
/// field when it listed them, else the error itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Problems(Vec<FieldIssue>),
    Failed(ApiError),
}

async fn with_problems(resp: gloo_net::http::Response) -> Result<ChangeSummary, Refused> {
    if resp.status() == 422 {
        let body = resp.text().await.unwrap_or_default();
        return match serde_json::from_str::<ErrorBody>(&body) {
            Ok(b) if !b.error.issues.is_empty() => Err(Refused::Problems(b.error.issues)),
            _ => Err(Refused::Failed(super::error_from(422, &body))),
        };
    }
    let resp = check(resp).await.map_err(Refused::Failed)?;
    resp.json().await.map_err(|e| Refused::Failed(ApiError::BadResponse(e.to_string())))
}

/// Sends an ORUK upload (the file's text): it becomes the draft, and the
/// answer is what it would add, change and retire.
pub async fn import(upload: &serde_json::Value) -> Result<ChangeSummary, Refused> {
    let req =
        with_json(to_server(Method::POST, &format!("{BASE}/offer/draft/import")), upload).map_err(Refused::Failed)?;
    with_problems(send(req.send()).await.map_err(Refused::Failed)?).await
}

pub async fn publish() -> Result<ChangeSummary, Refused> {
    let req = to_server(Method::POST, &format!("{BASE}/offer/draft/publish"));
    with_problems(send(req.send()).await.map_err(Refused::Failed)?).await
}
