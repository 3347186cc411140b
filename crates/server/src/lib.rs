//! Pathway's server: the JSON API under `/api/v1` and the built app.
//!
//! `app()` builds the whole HTTP service from its state, so the binary and
//! the integration tests run exactly the same stack. How the parts fit
//! together: docs/architecture.md.

pub mod auth;
pub mod clock;
pub mod db;
pub mod demo;
pub mod error;
pub mod extract;
pub mod fhir;
pub mod openapi;
pub mod rhythm;
pub mod routes;
pub mod setup;
pub mod state;
pub mod web;
pub mod words;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, Response};
use axum::routing::any;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::auth::hashing::HashingGate;
use crate::db::Db;
use crate::error::ApiError;
use crate::state::{AppState, Config};
use crate::web::app_shell::AppShell;

/// The largest request body we read. Every body we take is a small JSON
/// document; anything bigger is refused with 413 before it is buffered.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// The state for a server on a developer's machine or in a test
/// (`Config::local()`).
pub fn state(db: Db, dist_dir: &Path) -> AppState {
    state_with(db, dist_dir, Config::local())
}

pub fn state_with(db: Db, dist_dir: &Path, config: Config) -> AppState {
    AppState {
        db,
        shell: Arc::new(AppShell::load(dist_dir)),
        hashing: Arc::new(HashingGate::new(config.hashing_ceiling, config.hashing_wait)),
        config: Arc::new(config),
    }
}

pub fn app(state: AppState) -> Router {
    let routes = Router::new()
        .nest(
            "/api/v1",
            // A young person's replaced session token goes out on the answer.
            routes::api_router().layer(axum::middleware::from_fn(auth::caller::session_cookie_slot)),
        )
        // Any other /api path is an API 404 in JSON, never the app's HTML.
        .route("/api", any(|| async { ApiError::NotFound }))
        .route("/api/{*rest}", any(|| async { ApiError::NotFound }))
        // A share link's page (issue 19): server-rendered, before the app's
        // fallback so it never gets the app shell.
        .route("/share/style.css", axum::routing::get(web::share_page::style))
        .route("/share/{token}", axum::routing::get(web::share_page::form).post(web::share_page::submit))
        .fallback(web::static_files::serve);
    with_layers(routes, state)
}

/// What every response passes through. The panic catcher sits inside the
/// security headers, so the 500 it builds gets them too (issue 15, finding
/// 8): outside, a panic unwound past the headers middleware.
fn with_layers(routes: Router<AppState>, state: AppState) -> Router {
    routes
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::Internal("handler panicked".into()))
        }))
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::headers::security_headers))
        .layer(CompressionLayer::new())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    // The path only: query strings may carry personal words.
                    tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(|res: &Response<_>, latency: Duration, _span: &Span| {
                    tracing::info!(status = res.status().as_u16(), ms = latency.as_millis() as u64, "served");
                }),
        )
        .with_state(state)
}

/// Serves until SIGTERM or Ctrl-C, then finishes requests in flight.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let db = state.db.clone();
    let tidying = tokio::spawn(tidy_every(state.clone(), TIDY_EVERY));
    axum::serve(listener, app(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tidying.abort();
    db.close().await;
    Ok(())
}

/// How often the server deletes what no longer counts.
const TIDY_EVERY: Duration = Duration::from_secs(10 * 60);

/// What one run of `tidy` deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tidied {
    pub sessions: u64,
    /// Sign-in counts and sync counts whose window has ended.
    pub counts: u64,
    /// Stored answers to synced changes older than `ANSWERS_KEPT_MS`.
    pub answers: u64,
}

/// Deletes expired sessions, sign-in and sync counts whose window has ended,
/// and old stored answers to synced changes; the periodic task runs it at
/// start and every `TIDY_EVERY`. Every replica may run it: each statement
/// is a plain DELETE of rows no one uses.
pub async fn tidy(state: &AppState) -> Result<Tidied, ApiError> {
    let sessions = db::auth_sessions::delete_expired(&state.db, db::now_ms(), auth::session::STAFF_IDLE_MS).await?;
    let counts = auth::limiter::prune(&state.db, &state.config.sign_in_limits).await?;
    let (answers, sync_counts) = routes::sync::prune(&state.db).await?;
    Ok(Tidied { sessions, counts: counts + sync_counts, answers })
}

async fn tidy_every(state: AppState, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match tidy(&state).await {
            Ok(Tidied { sessions, counts, answers }) => tracing::debug!(sessions, counts, answers, "tidied"),
            Err(e) => tracing::warn!("tidying failed: {e}"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn an_answer_built_after_a_panic_carries_the_security_headers() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display())).await.unwrap();
        async fn boom() -> &'static str {
            panic!("on purpose")
        }
        let boom = Router::new().route("/api/v1/boom", get(boom));
        let app = with_layers(boom, state(db, dir.path()));
        let res = app.oneshot(Request::get("/api/v1/boom").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        for name in
            ["content-security-policy", "strict-transport-security", "x-content-type-options", "x-frame-options"]
        {
            assert!(res.headers().contains_key(name), "{name} missing");
        }
        assert_eq!(res.headers()["cache-control"], "no-store");
    }
}
