//! The app lock's calls (decision 0013): the server keeps this device
//! session's PIN (as a slow hash) and refuses everything while it is locked.

use gloo_net::http::Method;
use pathway_model::auth::device_lock::PinRequest;

use super::{ApiResult, BASE, check, send, to_server, with_json};

/// Sets or changes this device session's PIN on the server.
pub async fn set_pin(pin: &str) -> ApiResult<()> {
    let req = with_json(to_server(Method::PUT, &format!("{BASE}/auth/pin")), &PinRequest { pin: pin.to_string() })?;
    check(send(req.send()).await?).await.map(|_| ())
}

/// Turns the lock off on the server.
pub async fn remove_pin() -> ApiResult<()> {
    check(send(to_server(Method::DELETE, &format!("{BASE}/auth/pin")).send()).await?).await.map(|_| ())
}

/// Checks the PIN on the server and unlocks the session: `wrong_pin` when
/// it is not the one set; `pin_tries_used_up` (the session has ended) on
/// the tenth wrong one in a row.
pub async fn unlock(pin: &str) -> ApiResult<()> {
    let req = with_json(to_server(Method::POST, &format!("{BASE}/auth/unlock")), &PinRequest { pin: pin.to_string() })?;
    check(send(req.send()).await?).await.map(|_| ())
}

/// Locks the session on the server, without waiting: sent with `keepalive`,
/// so it still goes when the page is leaving (Quick exit). With no PIN set,
/// the server ends the session instead. Offline, it is sent again when the
/// app sees a signal while still locked (`lock::install`).
pub fn lock() {
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    // web-sys has no setter for `keepalive`; the field is standard.
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    let _ = window.fetch_with_str_and_init(&format!("{BASE}/auth/lock"), &init);
}
