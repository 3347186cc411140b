//! The built app is served with the right types and cache rules, deep links
//! load the app, and every response carries the security headers.

mod common;

use std::path::Path;

use common::TestServer;

const INDEX: &str = "<!doctype html><html><head><style>body{margin:0}</style>\
<script type=\"module\">import init from '/pathway-0123456789abcdef.js';init();</script></head>\
<body><p>Loading Pathway</p></body></html>";

fn write_dist(dist: &Path) {
    std::fs::write(dist.join("index.html"), INDEX).unwrap();
    std::fs::write(dist.join("pathway-0123456789abcdef.js"), "export default function init() {}\n".repeat(50)).unwrap();
    std::fs::write(dist.join("pathway-0123456789abcdef_bg.wasm"), [0u8, 97, 115, 109, 1, 0, 0, 0]).unwrap();
    std::fs::write(dist.join("sw.js"), "self.addEventListener('fetch', () => {});").unwrap();
    std::fs::write(dist.join("manifest.webmanifest"), r#"{"name":"Pathway"}"#).unwrap();
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year_and_the_shell_is_revalidated() {
    let s = TestServer::start_with_dist(write_dist).await;
    let c = s.client();
    for (path, content_type, cache) in [
        ("/pathway-0123456789abcdef.js", "text/javascript", "public, max-age=31536000, immutable"),
        ("/pathway-0123456789abcdef_bg.wasm", "application/wasm", "public, max-age=31536000, immutable"),
        ("/sw.js", "text/javascript", "no-cache"),
        ("/manifest.webmanifest", "application/manifest+json", "no-cache"),
        ("/", "text/html; charset=utf-8", "no-cache"),
    ] {
        let res = c.get(s.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["content-type"], content_type, "{path}");
        assert_eq!(res.headers()["cache-control"], cache, "{path}");
    }
}

#[tokio::test]
async fn deep_links_load_the_app_and_missing_files_are_404() {
    let s = TestServer::start_with_dist(write_dist).await;
    let c = s.client();
    for path in ["/offer", "/caseload/0190c3f0-0000-7000-8000-000000000000", "/login"] {
        let res = c.get(s.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert!(res.text().await.unwrap().contains("Loading Pathway"), "{path}");
    }
    let res = c.get(s.url("/pathway-ffffffffffffffff.js")).send().await.unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn every_response_has_a_strict_csp_that_allows_only_our_inline_blocks() {
    let s = TestServer::start_with_dist(write_dist).await;
    for path in ["/", "/api/v1/health", "/api/v1/me", "/sw.js"] {
        let res = s.client().get(s.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{path}: {csp}");
        assert!(csp.contains("style-src 'self' 'sha256-"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "no-referrer");
        assert!(h["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
    }
}

#[tokio::test]
async fn api_answers_are_never_cached() {
    let s = TestServer::start().await;
    let jade = s.signed_in("jade").await;
    for path in ["/api/v1/me", "/api/v1/people/my-pa", "/api/v1/nothing"] {
        let res = jade.get(s.url(path)).send().await.unwrap();
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
    }
}

#[tokio::test]
async fn responses_are_compressed_when_the_browser_accepts_it() {
    let s = TestServer::start_with_dist(write_dist).await;
    for encoding in ["br", "gzip"] {
        let res = s
            .client()
            .get(s.url("/pathway-0123456789abcdef.js"))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-encoding"], encoding);
        let compressed = res.bytes().await.unwrap().len();
        assert!(compressed < 1700, "{encoding}: {compressed} bytes for 1700 raw");
    }
}
