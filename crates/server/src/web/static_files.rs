//! Serving the built app. Trunk puts a content hash in the names of the
//! wasm, js and css, so those can be cached for a year; `index.html`,
//! `sw.js` and the manifest must be revalidated every time, or a phone could
//! keep an old app (and an old service worker) for good.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::state::AppState;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const SHORT: &str = "public, max-age=3600";

/// Any path that is not an API route: a file from `dist/`, or the app's
/// `index.html` for a client route (`/offer`, `/caseload/…`) so deep links work.
pub async fn serve(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    if is_client_route(&path) {
        return index_html(&state, &path);
    }
    let served = ServeDir::new(&state.shell.dist_dir).append_index_html_on_directories(false).oneshot(request).await;
    let mut response = match served {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_policy(&path)));
    response
}

fn index_html(state: &AppState, path: &str) -> Response {
    let mut response = axum::response::Html(state.shell.html_for(path).to_owned()).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    response
}

/// A path whose last segment has no dot is a route of the app, not a file.
fn is_client_route(path: &str) -> bool {
    path == "/index.html" || !path.rsplit('/').next().unwrap_or("").contains('.')
}

fn cache_policy(path: &str) -> &'static str {
    let file = path.rsplit('/').next().unwrap_or("");
    // Not hashed, and must change together with the build they belong to.
    if matches!(file, "sw.js" | "manifest.webmanifest" | "login.html" | "login.js") {
        REVALIDATE
    } else if has_content_hash(file) {
        IMMUTABLE
    } else {
        SHORT
    }
}

/// Trunk names hashed files `name-<hex>.ext` (wasm: `name-<hex>_bg.wasm`), the
/// hex being a 64-bit hash without leading zeros: 16 digits, sometimes fewer.
fn has_content_hash(file: &str) -> bool {
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, hash)) => (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_build_files_are_cached_for_a_year() {
        assert_eq!(cache_policy("/pathway-3f2a9c0d1e4b5a67_bg.wasm"), IMMUTABLE);
        assert_eq!(cache_policy("/pathway-3f2a9c0d1e4b5a67.js"), IMMUTABLE);
        assert_eq!(cache_policy("/app-0123456789abcdef.css"), IMMUTABLE);
        // A hash whose hex starts with zeros is written shorter.
        assert_eq!(cache_policy("/pathway-e6474cf801a4122_bg.wasm"), IMMUTABLE);
        assert_eq!(cache_policy("/staff/pathway-e6474cf801a4122.js"), IMMUTABLE);
    }

    #[test]
    fn the_service_worker_and_manifest_are_always_revalidated() {
        assert_eq!(cache_policy("/sw.js"), REVALIDATE);
        assert_eq!(cache_policy("/manifest.webmanifest"), REVALIDATE);
        assert_eq!(cache_policy("/login.js"), REVALIDATE);
        assert_eq!(cache_policy("/icons/icon-192.png"), SHORT);
    }

    #[test]
    fn paths_without_a_file_extension_are_app_routes() {
        assert!(is_client_route("/"));
        assert!(is_client_route("/caseload/0190c3f0-aaaa"));
        assert!(is_client_route("/index.html"));
        assert!(!is_client_route("/sw.js"));
    }
}
