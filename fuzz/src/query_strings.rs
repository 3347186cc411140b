//! Every query string the server reads (`ApiQuery<T>`, which wraps axum's
//! `Query`): `GET /sync/pull?since=&client_id=`, `GET /open/{council}/
//! services?search=&page=&per_page=` and `GET /council/inbox?page=`. The
//! bytes are the query as sent; decoded both from a request's URI (as axum
//! does) and straight by serde_urlencoded (what axum calls). The same bytes
//! are also read as a path segment the way handlers read theirs (`{id}` as a
//! UUID, `{role}` of a contact), which answer 404 for anything else.

use axum::extract::Query;
use axum::http::Uri;
use pathway_server::routes::council::InboxParams;
use pathway_server::routes::open::ListParams;
use pathway_server::routes::sync::PullParams;
use serde::de::DeserializeOwned;

pub fn run(data: &[u8]) {
    decode::<PullParams>(data);
    decode::<ListParams>(data);
    decode::<InboxParams>(data);
    if let Ok(segment) = std::str::from_utf8(data) {
        let _ = uuid::Uuid::parse_str(segment);
        let _ = pathway_model::people::ContactRole::parse(segment);
        let _ = pathway_model::sync::EntityKind::parse(segment);
    }
}

fn decode<T: DeserializeOwned>(query: &[u8]) {
    let _ = serde_urlencoded::from_bytes::<T>(query);
    let Ok(text) = std::str::from_utf8(query) else { return };
    let Ok(uri) = Uri::try_from(format!("/api/v1/x?{text}")) else { return };
    let _ = Query::<T>::try_from_uri(&uri);
}
