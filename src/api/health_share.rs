//! Her health passport beyond her phone (issue 19): the FHIR file for a
//! doctor's computer, and the share links she makes for a professional.

use gloo_net::http::Method;
use pathway_model::health::share::{NewShareLink, ShareLink, ShareLinkMade};
use uuid::Uuid;

use super::{ApiError, ApiResult, BASE, check, get_json, json_of, send, to_server, with_json};

/// Her passport as a FHIR R4 Bundle: the file's bytes, as the server sent
/// them (the page saves them as a file itself, so it can say when there is
/// no signal instead of showing the browser's error page).
pub async fn passport_fhir() -> ApiResult<web_sys::Blob> {
    let resp = check(send(to_server(Method::GET, &format!("{BASE}/me/health/fhir")).send()).await?).await?;
    let blob = web_sys::Response::from(resp).blob().map_err(|_| ApiError::BadResponse("no body".into()))?;
    let blob = wasm_bindgen_futures::JsFuture::from(blob).await.map_err(|_| ApiError::BadResponse("no body".into()))?;
    Ok(wasm_bindgen::JsCast::unchecked_into(blob))
}

pub async fn make_share_link(new: &NewShareLink) -> ApiResult<ShareLinkMade> {
    let req = with_json(to_server(Method::POST, &format!("{BASE}/me/health/share-links")), new)?;
    json_of(send(req.send()).await?).await
}

/// Her links, newest first: open ones, and those that ended in the last 30 days.
pub async fn share_links() -> ApiResult<Vec<ShareLink>> {
    get_json(&format!("{BASE}/me/health/share-links")).await
}

pub async fn end_share_link(id: Uuid) -> ApiResult<()> {
    check(send(to_server(Method::DELETE, &format!("{BASE}/me/health/share-links/{id}")).send()).await?)
        .await
        .map(|_| ())
}
