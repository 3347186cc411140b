//! The client's address, for counting sign-in tries (auth/limiter.rs).
//!
//! Behind a TLS proxy every connection comes from the proxy, so counting by
//! the TCP peer would let anyone's 50 failures shut sign-in for everyone
//! (issue 15, finding 2). `X-Forwarded-For` names the client, but anyone
//! can send it: it is read only when the peer is one of the configured
//! trusted proxies (`PATHWAY_TRUSTED_PROXIES`), and then from the right,
//! skipping our own proxies, so a client cannot choose the address that is
//! counted by writing its own header in front of the proxy's.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::state::AppState;

/// An address or a network (`10.0.0.0/8`, `fd00::/8`, `127.0.0.1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Network {
    base: IpAddr,
    prefix: u8,
}

impl Network {
    pub fn parse(text: &str) -> Result<Network, String> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let base: IpAddr = addr.parse().map_err(|_| format!("{text:?} is not an IP address or network"))?;
        let max = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or(format!("bad prefix length in {text:?}"))?,
            None => max,
        };
        Ok(Network { base, prefix })
    }

    /// Parses a comma- or space-separated list.
    pub fn parse_list(text: &str) -> Result<Vec<Network>, String> {
        text.split([',', ' ']).filter(|s| !s.trim().is_empty()).map(Network::parse).collect()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (canonical(self.base), ip) {
            (IpAddr::V4(b), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(b) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(b), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(b) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address written as IPv6 (`::ffff:1.2.3.4`) is the IPv4 one.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The client's address: the peer's, unless the peer is a trusted proxy;
/// then the right-most `X-Forwarded-For` entry that is not a trusted proxy
/// (or the left-most, when all are).
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[Network]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return canonical(peer);
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for entry in forwarded.iter().rev() {
        // A hop we cannot read ends the chain: what is left of it was
        // written by someone we do not trust.
        let Some(ip) = parse_hop(entry) else { break };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    canonical(client)
}

/// `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or `[2001:db8::1]:5678`.
fn parse_hop(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse() {
        return Some(ip);
    }
    if let Ok(sock) = entry.parse::<SocketAddr>() {
        return Some(sock.ip());
    }
    entry.strip_prefix('[').and_then(|r| r.split(']').next()).and_then(|s| s.parse().ok())
}

/// Extractor: the client's address as text, for the sign-in limits.
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| ApiError::Internal("no peer address".into()))?;
        Ok(ClientAddress(client_ip(peer.ip(), &parts.headers, &state.config.trusted_proxies).to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn xff(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn networks_match_their_addresses() {
        let n = Network::parse("10.0.0.0/8").unwrap();
        assert!(n.contains(ip("10.200.3.4")) && !n.contains(ip("11.0.0.1")));
        assert!(Network::parse("127.0.0.1").unwrap().contains(ip("::ffff:127.0.0.1")));
        assert!(Network::parse("fd00::/8").unwrap().contains(ip("fd12::1")));
        assert!(Network::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        assert!(Network::parse("10.0.0.0/33").is_err() && Network::parse("proxy").is_err());
        assert_eq!(Network::parse_list("10.0.0.1, 192.168.0.0/16").unwrap().len(), 2);
    }

    #[test]
    fn the_header_is_read_only_from_a_trusted_proxy() {
        let trusted = Network::parse_list("10.0.0.1").unwrap();
        let h = xff("203.0.113.9");
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        assert_eq!(client_ip(ip("198.51.100.7"), &h, &trusted), ip("198.51.100.7"));
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &[]), ip("10.0.0.1"));
    }

    #[test]
    fn a_client_cannot_choose_its_address_by_writing_the_header_first() {
        // The client sent "1.1.1.1"; our proxy appended the address it saw.
        let trusted = Network::parse_list("10.0.0.0/8").unwrap();
        let h = xff("1.1.1.1, 203.0.113.9, 10.0.0.2");
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        let h = xff("garbage, 203.0.113.9");
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        assert_eq!(client_ip(ip("10.0.0.1"), &xff("nonsense"), &trusted), ip("10.0.0.1"));
    }
}
