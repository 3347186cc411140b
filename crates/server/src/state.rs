//! What every handler can reach.

use std::sync::Arc;

use crate::auth::limiter::LoginLimiter;
use crate::db::Db;
use crate::web::app_shell::AppShell;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub login_limiter: Arc<LoginLimiter>,
    pub shell: Arc<AppShell>,
}
