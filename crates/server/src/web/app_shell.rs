//! `index.html`, held in memory, and the Content-Security-Policy that fits it.
//!
//! Trunk writes a small inline module script that loads the wasm, and our
//! index.html has an inline `<style>` for the static shell. Rather than allow
//! `unsafe-inline`, the server reads index.html once at start and allows
//! exactly those inline blocks by their SHA-256. A rebuilt app needs a
//! restart, which a deploy does anyway.

use std::path::{Path, PathBuf};

use axum::http::HeaderValue;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// Shown when `dist/` has not been built, so a developer sees why.
const NOT_BUILT: &str = "<!doctype html><html lang=\"en-GB\"><meta charset=\"utf-8\"><title>Pathway</title>\
<h1>Pathway</h1><p>The app has not been built. Run <code>scripts/run-demo</code>.</p></html>";

/// The two builds of the app (docs/decisions/0008-staff-build.md): the young
/// person's in `dist/`, the staff build in `dist/staff/`.
pub struct AppShell {
    pub dist_dir: PathBuf,
    pub young_person_html: String,
    pub staff_html: String,
    /// `login.html`: the sign-in page, plain HTML with no wasm (issue 12).
    pub login_html: Option<String>,
    pub csp: HeaderValue,
}

impl AppShell {
    pub fn load(dist_dir: &Path) -> AppShell {
        let young_person_html = std::fs::read_to_string(dist_dir.join("index.html")).unwrap_or_else(|_| {
            tracing::warn!(dist = %dist_dir.display(), "no index.html: serving a 'not built' page");
            NOT_BUILT.to_string()
        });
        let staff_dir = dist_dir.join("staff");
        let staff_html = std::fs::read_to_string(staff_dir.join("index.html")).unwrap_or_else(|_| {
            // The young person's build then shows staff a "can't open" page
            // instead of looping (src/frame/staff_elsewhere.rs).
            tracing::warn!(dist = %staff_dir.display(), "no staff build: staff pages will not open");
            young_person_html.clone()
        });
        let login_html = std::fs::read_to_string(dist_dir.join("login.html")).ok();
        let mut pages = vec![young_person_html.as_str(), staff_html.as_str()];
        pages.extend(login_html.as_deref());
        let csp = content_security_policy(&pages);
        AppShell {
            dist_dir: dist_dir.to_path_buf(),
            young_person_html,
            staff_html,
            login_html,
            csp: HeaderValue::from_str(&csp).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'")),
        }
    }

    /// The page for an app address: the sign-in page, staff pages from the
    /// staff build, anything else from the young person's.
    pub fn html_for(&self, path: &str) -> &str {
        match &self.login_html {
            Some(login) if path == "/login" => login,
            _ if pathway_model::role::is_staff_page(path) => &self.staff_html,
            _ => &self.young_person_html,
        }
    }
}

/// The contents of each inline `<tag …>…</tag>` block that has no `src`.
fn inline_blocks<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(tag_end) = after.find('>') else { break };
        let attributes = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(body_end) = body.find(&close) else { break };
        if !attributes.contains("src=") {
            found.push(&body[..body_end]);
        }
        rest = &body[body_end + close.len()..];
    }
    found
}

fn hash_sources(blocks: &[&str]) -> String {
    let mut blocks: Vec<&str> = blocks.to_vec();
    // Both builds share index.html's inline style: name each block once.
    blocks.sort_unstable();
    blocks.dedup();
    blocks
        .iter()
        .filter(|b| !b.trim().is_empty())
        .map(|b| format!(" 'sha256-{}'", STANDARD.encode(Sha256::digest(b.as_bytes()))))
        .collect()
}

/// One policy for every response, allowing the inline blocks of each page.
pub fn content_security_policy(pages: &[&str]) -> String {
    let scripts = hash_sources(&pages.iter().flat_map(|p| inline_blocks(p, "script")).collect::<Vec<_>>());
    let styles = hash_sources(&pages.iter().flat_map(|p| inline_blocks(p, "style")).collect::<Vec<_>>());
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_and_styles_are_allowed_by_hash_and_nothing_else_is() {
        let html = "<head><style>body{color:red}</style><script src=\"/a.js\"></script>\
                    <script type=\"module\">import init from '/x.js';</script></head>";
        let csp = content_security_policy(&[html]);
        let script_hash = STANDARD.encode(Sha256::digest(b"import init from '/x.js';"));
        let style_hash = STANDARD.encode(Sha256::digest(b"body{color:red}"));
        assert!(csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval' 'sha256-{script_hash}';")));
        assert!(csp.contains(&format!("style-src 'self' 'sha256-{style_hash}';")));
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("'unsafe-eval'"));
    }

    #[test]
    fn staff_pages_get_the_staff_build_and_both_builds_scripts_are_allowed() {
        let dist = std::env::temp_dir().join(format!("pathway-shell-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("staff")).unwrap();
        std::fs::write(dist.join("index.html"), "<script type=\"module\">young()</script>").unwrap();
        std::fs::write(dist.join("staff/index.html"), "<script type=\"module\">staff()</script>").unwrap();
        std::fs::write(dist.join("login.html"), "<h1>Sign in</h1><style>h1{}</style>").unwrap();
        let shell = AppShell::load(&dist);
        std::fs::remove_dir_all(&dist).unwrap();

        assert!(shell.html_for("/caseload/0190c3f0").contains("staff()"));
        assert!(shell.html_for("/council").contains("staff()"));
        assert!(shell.html_for("/").contains("young()"));
        assert!(shell.html_for("/health/timeline").contains("young()"));
        assert!(shell.html_for("/login").contains("Sign in"));
        assert!(shell.csp.to_str().unwrap().contains(&STANDARD.encode(Sha256::digest(b"h1{}"))));
        let csp = shell.csp.to_str().unwrap();
        for body in ["young()", "staff()"] {
            let hash = STANDARD.encode(Sha256::digest(body.as_bytes()));
            assert!(csp.contains(&hash), "{body} not allowed: {csp}");
        }
    }
}
