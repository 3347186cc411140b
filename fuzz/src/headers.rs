//! The request headers the server reads itself: `X-Forwarded-For` (which
//! address a sign-in try is counted against, behind a trusted proxy),
//! `Cookie` (the session token) and `Host` (the scheme of a sign-in link).
//! The input is split on newlines into header values, as many as it has.

use std::net::IpAddr;

use axum::http::{HeaderMap, HeaderValue, header};
use pathway_server::auth::client_address::{Network, client_ip};
use pathway_server::auth::cookie::{CookiePolicy, host_is_loopback};

pub fn run(data: &[u8]) {
    let mut headers = HeaderMap::new();
    for (i, line) in data.split(|b| *b == b'\n').enumerate() {
        let Ok(value) = HeaderValue::from_bytes(line) else { continue };
        let name = match i % 3 {
            0 => header::HeaderName::from_static("x-forwarded-for"),
            1 => header::COOKIE,
            _ => header::HOST,
        };
        headers.append(name, value);
    }
    let trusted = Network::parse_list("10.0.0.0/8, 127.0.0.1/32, ::1/128, fd00::/8").expect("a good list");
    for peer in ["10.1.2.3", "192.0.2.1", "::1", "::ffff:10.0.0.1"] {
        let peer: IpAddr = peer.parse().expect("a good address");
        let _ = client_ip(peer, &headers, &trusted);
    }
    for url in ["https://pathway.example", "http://localhost:8080"] {
        if let Ok(policy) = CookiePolicy::from_public_url(url) {
            let _ = policy.read(&headers);
        }
    }
    let _ = host_is_loopback(&headers);
    // The trusted-proxy setting is the operator's, not the outside world's,
    // but its reader should not fall over either.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Network::parse_list(text);
    }
}
