//! The session cookie. Over HTTPS it is `__Host-pathway_session` with
//! `Secure` (the prefix makes browsers refuse it without Secure, a Path of /
//! and no Domain). On http://localhost, where browsers drop Secure cookies
//! from plain HTTP, it is `pathway_session` without Secure: a developer's
//! machine only. Both are HttpOnly and SameSite=Strict.
//!
//! Which of the two is decided once, from the configured public address
//! (`PATHWAY_PUBLIC_URL`), never from the request: a TLS proxy in front may
//! send any Host it likes (`Host: 127.0.0.1` included), and the cookie's
//! strength must not follow it (issue 15, finding 3).

use axum::http::{HeaderMap, header};

const SECURE_NAME: &str = "__Host-pathway_session";
const LOCAL_NAME: &str = "pathway_session";

/// How the session cookie is named and marked, from the public address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CookiePolicy {
    secure: bool,
}

impl CookiePolicy {
    /// `__Host-` and `Secure`: every deployment reached over https.
    pub const SECURE: CookiePolicy = CookiePolicy { secure: true };
    /// Plain `pathway_session`: only for http on a loopback address.
    pub const LOCAL: CookiePolicy = CookiePolicy { secure: false };

    /// From the address people use to reach Pathway. https gives the secure
    /// cookie; http is accepted only on a loopback host (a developer's
    /// machine, the tests), since any other plain-http deployment would send
    /// the session in clear.
    pub fn from_public_url(url: &str) -> Result<CookiePolicy, String> {
        let lower = url.trim().to_ascii_lowercase();
        if lower.starts_with("https://") {
            return Ok(Self::SECURE);
        }
        let Some(rest) = lower.strip_prefix("http://") else {
            return Err(format!("the public URL {url:?} must start with https:// (or http:// on localhost)"));
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        if is_loopback_host(authority) {
            Ok(Self::LOCAL)
        } else {
            Err(format!("the public URL {url:?} is plain http on a host other than localhost: use https://"))
        }
    }

    /// True when the cookie goes without `Secure` (http on loopback).
    pub fn is_local(self) -> bool {
        !self.secure
    }

    fn name(self) -> &'static str {
        if self.secure { SECURE_NAME } else { LOCAL_NAME }
    }

    /// The session token from the request's cookies, if any.
    pub fn read(self, headers: &HeaderMap) -> Option<String> {
        let wanted = self.name();
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == wanted)
            .map(|(_, value)| value.to_string())
    }

    /// `Set-Cookie` for a new session. `max_age_secs` of `None` makes a
    /// browser session cookie (staff: gone when the browser closes).
    pub fn set(self, token: &str, max_age_secs: Option<i64>) -> String {
        let mut cookie = format!("{}={token}; Path=/; HttpOnly; SameSite=Strict", self.name());
        if let Some(secs) = max_age_secs {
            cookie.push_str(&format!("; Max-Age={secs}"));
        }
        if self.secure {
            cookie.push_str("; Secure");
        }
        cookie
    }

    /// `Set-Cookie` that removes the session cookie.
    pub fn clear(self) -> String {
        self.set("", Some(0))
    }
}

/// True when the request's Host is a loopback name. Only for choosing the
/// scheme of a link shown back to the person asking; never for the cookie.
pub fn host_is_loopback(headers: &HeaderMap) -> bool {
    is_loopback_host(headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or(""))
}

/// `localhost`, `127.0.0.1` or `[::1]`, with or without a port.
fn is_loopback_host(authority: &str) -> bool {
    let name = if let Some(rest) = authority.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    matches!(name, "localhost" | "127.0.0.1" | "::1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn cookies(c: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_str(c).unwrap());
        h
    }

    #[test]
    fn over_https_the_cookie_is_host_prefixed_and_secure() {
        let p = CookiePolicy::from_public_url("https://pathway.example.org").unwrap();
        let c = p.set("tok", Some(10));
        assert!(c.starts_with("__Host-pathway_session=tok; Path=/; HttpOnly; SameSite=Strict"));
        assert!(c.ends_with("; Secure"));
        // Even an https address on a loopback name (a proxy on the machine).
        assert_eq!(CookiePolicy::from_public_url("https://127.0.0.1:8443").unwrap(), CookiePolicy::SECURE);
    }

    #[test]
    fn plain_http_is_for_loopback_only() {
        for url in ["http://localhost:8080", "http://127.0.0.1:8080/", "http://[::1]:8080"] {
            let p = CookiePolicy::from_public_url(url).unwrap();
            assert_eq!(p.set("tok", None), "pathway_session=tok; Path=/; HttpOnly; SameSite=Strict");
        }
        assert!(CookiePolicy::from_public_url("http://pathway.example.org").is_err());
        assert!(CookiePolicy::from_public_url("http://localhost.example.org").is_err());
        assert!(CookiePolicy::from_public_url("pathway.example.org").is_err());
    }

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let h = cookies("a=1; pathway_session=abc; b=2");
        assert_eq!(CookiePolicy::LOCAL.read(&h).as_deref(), Some("abc"));
        // A plain-named cookie is not accepted when the site is https.
        assert_eq!(CookiePolicy::SECURE.read(&cookies("pathway_session=abc")), None);
    }
}
