//! Sign-in limits behind a proxy and across replicas (issue 15, finding 2),
//! over real HTTP: counts live in the database, per account and per client
//! address, and the address comes from X-Forwarded-For only when the peer
//! is a trusted proxy. The tests' peer is always 127.0.0.1.

mod common;

use common::{DEMO_PASSPHRASE, TestServer, error_code};
use pathway_server::auth::client_address::Network;
use pathway_server::state::Config;
use serde_json::json;

fn behind_a_proxy() -> Config {
    Config { trusted_proxies: Network::parse_list("127.0.0.1").unwrap(), ..Config::local() }
}

/// A sign-in through the proxy from `client_address`, to `base`.
async fn login_from(base: &str, client_address: &str, username: &str, passphrase: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .header("x-forwarded-for", client_address)
        .json(&json!({ "username": username, "passphrase": passphrase }))
        .send()
        .await
        .unwrap()
}

async fn assert_slowed(res: reqwest::Response) {
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(wait > 0 && wait <= 15 * 60, "Retry-After {wait}");
    assert_eq!(error_code(res).await, "too_many_attempts");
}

#[tokio::test]
async fn a_hundred_failures_through_a_trusted_proxy_slow_only_that_address_and_that_account() {
    let s = TestServer::start_with_config(behind_a_proxy()).await;
    let mut refused = 0;
    for _ in 0..100 {
        let res = login_from(&s.base, "203.0.113.7", "tom", "guess").await;
        match res.status().as_u16() {
            401 => {}
            429 => refused += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(refused, 90, "ten tries at an account, then it waits");
    // Everyone else signs in at once, through the same proxy.
    assert_eq!(login_from(&s.base, "198.51.100.2", "jade", DEMO_PASSPHRASE).await.status(), 200);
    assert_eq!(login_from(&s.base, "198.51.100.3", "kai", DEMO_PASSPHRASE).await.status(), 200);
    // The address that guessed is slowed, even for another account…
    assert_slowed(login_from(&s.base, "203.0.113.7", "zara", DEMO_PASSPHRASE).await).await;
    // …and so is the account guessed at, from anywhere.
    assert_slowed(login_from(&s.base, "198.51.100.4", "tom", DEMO_PASSPHRASE).await).await;
}

#[tokio::test]
async fn a_burst_at_one_account_gets_only_its_tries() {
    // Counted before the passphrase is verified: 30 tries at once from 30
    // addresses are 10 wrong answers and 20 waits, never 30 verifications.
    let s = TestServer::start_with_config(behind_a_proxy()).await;
    let tries = (0..30).map(|i| {
        let base = s.base.clone();
        tokio::spawn(async move { login_from(&base, &format!("192.0.2.{i}"), "tom", "guess").await.status() })
    });
    let mut statuses = Vec::new();
    for t in tries {
        statuses.push(t.await.unwrap().as_u16());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 20, "{statuses:?}");
}

#[tokio::test]
async fn two_servers_on_one_database_share_the_limits() {
    let s = TestServer::start_with_config(behind_a_proxy()).await;
    let replica = s.replica(behind_a_proxy()).await;
    // Five wrong tries on each replica make the account's ten.
    for i in 0..5 {
        assert_eq!(login_from(&s.base, &format!("192.0.2.{i}"), "tom", "guess").await.status(), 401);
        assert_eq!(login_from(&replica, &format!("192.0.2.{}", 100 + i), "tom", "guess").await.status(), 401);
    }
    assert_slowed(login_from(&replica, "192.0.2.200", "tom", DEMO_PASSPHRASE).await).await;
    assert_slowed(login_from(&s.base, "192.0.2.201", "tom", DEMO_PASSPHRASE).await).await;
    // An address's count is shared too: 50 across both, then it waits.
    for i in 0..25 {
        login_from(&s.base, "203.0.113.9", &format!("nobody{i}"), "guess").await;
        login_from(&replica, "203.0.113.9", &format!("no-one{i}"), "guess").await;
    }
    assert_slowed(login_from(&s.base, "203.0.113.9", "jade", DEMO_PASSPHRASE).await).await;
    assert_eq!(login_from(&replica, "203.0.113.10", "jade", DEMO_PASSPHRASE).await.status(), 200);
}

#[tokio::test]
async fn x_forwarded_for_from_an_untrusted_peer_is_ignored() {
    // No trusted proxies: the header is the client's own words, so every
    // try counts against the peer, whatever address it claims.
    let s = TestServer::start().await;
    for i in 0..50 {
        let res = login_from(&s.base, &format!("192.0.2.{i}"), &format!("nobody{i}"), "guess").await;
        assert_eq!(res.status(), 401);
    }
    assert_slowed(login_from(&s.base, "198.51.100.50", "jade", DEMO_PASSPHRASE).await).await;
}

#[tokio::test]
async fn a_right_passphrase_gives_its_try_back() {
    // Many people signing in from one school's address never slow each other.
    let s = TestServer::start_with_config(behind_a_proxy()).await;
    for _ in 0..60 {
        assert_eq!(login_from(&s.base, "198.51.100.1", "jade", DEMO_PASSPHRASE).await.status(), 200);
    }
}

#[tokio::test]
async fn beyond_the_hashing_ceiling_sign_ins_are_answered_at_once_and_the_try_is_given_back() {
    // One argon2 run at a time, and no waiting for a place: a burst of 20
    // gets some wrong-passphrase answers and the rest 429 with Retry-After.
    let config = Config { hashing_ceiling: 1, hashing_wait: std::time::Duration::from_millis(5), ..behind_a_proxy() };
    let s = TestServer::start_with_config(config).await;
    let tries: Vec<_> = (0..20)
        .map(|i| {
            let base = s.base.clone();
            tokio::spawn(async move { login_from(&base, "192.0.2.1", &format!("nobody{i}"), "guess").await })
        })
        .collect();
    let (mut wrong, mut busy) = (0, 0);
    for t in tries {
        let res = t.await.unwrap();
        match res.status().as_u16() {
            401 => wrong += 1,
            429 => {
                assert_eq!(res.headers()["retry-after"], "1");
                assert_eq!(error_code(res).await, "too_many_attempts");
                busy += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(busy > 0 && wrong > 0, "wrong {wrong}, busy {busy}");
    // Only the tries that were checked count against the address.
    let counted: i64 = sqlx::query_scalar("SELECT tries FROM sign_in_limits WHERE limit_key = 'ip:192.0.2.1'")
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    assert_eq!(counted, wrong);
}
