//! The session cookie. Over HTTPS it is `__Host-pathway_session` with
//! `Secure` (the prefix makes browsers refuse it without Secure, a Path of /
//! and no Domain). On http://localhost, where browsers drop Secure cookies
//! from plain HTTP, it is `pathway_session` without Secure: a developer's
//! machine only. Both are HttpOnly and SameSite=Strict.

use axum::http::{HeaderMap, header};

const SECURE_NAME: &str = "__Host-pathway_session";
const LOCAL_NAME: &str = "pathway_session";

/// True when the request came to a loopback host name.
pub fn is_local(headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.split(':').next().unwrap_or("")
    };
    matches!(name, "localhost" | "127.0.0.1" | "::1")
}

fn name_for(headers: &HeaderMap) -> &'static str {
    if is_local(headers) { LOCAL_NAME } else { SECURE_NAME }
}

/// The session token from the request's cookies, if any.
pub fn read(headers: &HeaderMap) -> Option<String> {
    let wanted = name_for(headers);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.to_string())
}

/// `Set-Cookie` for a new session. `max_age_secs` of `None` makes a browser
/// session cookie (staff: gone when the browser closes).
pub fn set(headers: &HeaderMap, token: &str, max_age_secs: Option<i64>) -> String {
    let mut cookie = format!("{}={token}; Path=/; HttpOnly; SameSite=Strict", name_for(headers));
    if let Some(secs) = max_age_secs {
        cookie.push_str(&format!("; Max-Age={secs}"));
    }
    if !is_local(headers) {
        cookie.push_str("; Secure");
    }
    cookie
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear(headers: &HeaderMap) -> String {
    set(headers, "", Some(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(host: &str, cookie: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_str(host).unwrap());
        if let Some(c) = cookie {
            h.insert(header::COOKIE, HeaderValue::from_str(c).unwrap());
        }
        h
    }

    #[test]
    fn outside_localhost_the_cookie_is_host_prefixed_and_secure() {
        let c = set(&headers("pathway.example.org", None), "tok", Some(10));
        assert!(c.starts_with("__Host-pathway_session=tok; Path=/; HttpOnly; SameSite=Strict"));
        assert!(c.ends_with("; Secure"));
    }

    #[test]
    fn on_localhost_the_cookie_works_over_plain_http() {
        for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080"] {
            let c = set(&headers(host, None), "tok", None);
            assert_eq!(c, "pathway_session=tok; Path=/; HttpOnly; SameSite=Strict");
        }
    }

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let h = headers("127.0.0.1:8080", Some("a=1; pathway_session=abc; b=2"));
        assert_eq!(read(&h).as_deref(), Some("abc"));
        // A plain-named cookie is not accepted on a public host.
        let h = headers("pathway.example.org", Some("pathway_session=abc"));
        assert_eq!(read(&h), None);
    }
}
