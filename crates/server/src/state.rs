//! What every handler can reach.

use std::sync::Arc;

use crate::auth::limiter::LoginLimiter;
use crate::db::Db;
use crate::web::app_shell::AppShell;

/// The server's shared handles (axum state). Not the app's `AppState` in
/// src/, which holds a signed-in person's UI signals in the browser.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub login_limiter: Arc<LoginLimiter>,
    pub shell: Arc<AppShell>,
}
