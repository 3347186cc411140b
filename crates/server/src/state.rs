//! What every handler can reach.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::client_address::Network;
use crate::auth::cookie::CookiePolicy;
use crate::auth::hashing::HashingGate;
use crate::auth::limiter::SignInLimits;
use crate::db::Db;
use crate::web::app_shell::AppShell;

/// The server's shared handles (axum state). Not the app's `AppState` in
/// src/, which holds a signed-in person's UI signals in the browser.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub shell: Arc<AppShell>,
    pub config: Arc<Config>,
    /// At most `config.hashing_ceiling` argon2 runs at once.
    pub hashing: Arc<HashingGate>,
}

/// Settings the binary reads from flags and the environment (main.rs);
/// the tests build their own.
#[derive(Clone, Debug)]
pub struct Config {
    /// From `PATHWAY_PUBLIC_URL`: how the session cookie is marked.
    pub cookies: CookiePolicy,
    /// `PATHWAY_PUBLIC_URL` itself, for the sign-in links in QR codes.
    pub public_url: Option<String>,
    /// From `PATHWAY_TRUSTED_PROXIES`: peers whose `X-Forwarded-For` names
    /// the client (auth/client_address.rs). Empty: the peer is the client.
    pub trusted_proxies: Vec<Network>,
    pub sign_in_limits: SignInLimits,
    /// From `PATHWAY_HASHING_CEILING`: argon2 runs at once (auth/hashing.rs).
    pub hashing_ceiling: usize,
    /// How long a sign-in waits for a place before it is answered 429.
    pub hashing_wait: Duration,
    /// How long a wrong passcode or an unknown share link waits before its
    /// answer (routes/health_share.rs): guessing is slow as well as limited.
    pub share_wrong_wait: Duration,
}

impl Config {
    /// A server reached over plain http on loopback: a developer's machine
    /// and the tests. Never what a deployment gets by accident: main.rs
    /// builds its own from the settings.
    pub fn local() -> Config {
        Config {
            cookies: CookiePolicy::LOCAL,
            public_url: None,
            trusted_proxies: Vec::new(),
            sign_in_limits: SignInLimits::default(),
            hashing_ceiling: HashingGate::default_ceiling(),
            hashing_wait: Duration::from_secs(1),
            share_wrong_wait: Duration::from_secs(1),
        }
    }
}
