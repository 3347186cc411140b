//! The vault: everything personal the app keeps on the device is sealed
//! with one data key (AES-256-GCM through WebCrypto) before it is written
//! to IndexedDB (`store`) or localStorage (`saved`), and opened again as it
//! is read (decision 0013).
//!
//! The data key is random, made at the first start after signing in, and
//! never stored as it is: only wrapped by a key made from her PIN, or, with
//! no PIN, by a device key the browser will not give out. Once opened, it
//! lives in this page's memory until the page goes or the vault is
//! forgotten (signing out on purpose, ten wrong PINs, a closed account).
//!
//! The work itself is in `vault.js`: WebCrypto and IndexedDB are promise
//! APIs, and binding each call from Rust cost ~12 KB of brotli'd wasm on
//! every first visit. This module gives it Rust types.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/vault/vault.js")]
extern "C" {
    #[wasm_bindgen(js_name = vaultIsOpen)]
    pub fn is_open() -> bool;
    /// Whether a PIN guards the data key on this device.
    #[wasm_bindgen(js_name = vaultHasPin)]
    pub fn has_pin() -> bool;
    /// Whether a storage event from another tab changed the wrapped keys
    /// (a PIN set or removed there).
    #[wasm_bindgen(js_name = vaultIsWrapsKey)]
    pub fn is_wraps_key(key: &str) -> bool;
    #[wasm_bindgen(js_name = vaultOpenAtStart)]
    fn open_at_start_js() -> Promise;
    #[wasm_bindgen(js_name = vaultOpenWithPin)]
    fn open_with_pin_js(pin: &str) -> Promise;
    #[wasm_bindgen(js_name = vaultSetPin)]
    fn set_pin_js(pin: &str) -> Promise;
    #[wasm_bindgen(js_name = vaultRemovePin)]
    fn remove_pin_js() -> Promise;
    #[wasm_bindgen(js_name = vaultForget)]
    fn forget_js() -> Promise;
    #[wasm_bindgen(js_name = vaultSealAll)]
    fn seal_all_js(texts: Array) -> Promise;
    #[wasm_bindgen(js_name = vaultOpenAll)]
    fn open_all_js(values: &Array) -> Promise;
    #[wasm_bindgen(js_name = vaultSealText)]
    fn seal_text_js(text: &str) -> Promise;
    #[wasm_bindgen(js_name = vaultOpenText)]
    fn open_text_js(text: &str) -> Promise;
    /// Whether a read since the last call met a value an earlier version
    /// stored unsealed (the caller then seals everything again).
    #[wasm_bindgen(js_name = vaultTakeSawPlain)]
    pub fn take_saw_plain() -> bool;
}

/// What went wrong, for logs: people see "couldn't save on this phone" or
/// the lock screen, never this.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// The data key is not open yet (locked, or not started).
    #[error("the vault is locked")]
    Closed,
    /// A value did not open with this key: sealed by an earlier key, or
    /// changed on disk.
    #[error("a sealed value did not open")]
    WontOpen,
    #[error("web crypto: {0}")]
    Crypto(String),
}

pub type VaultResult<T> = Result<T, VaultError>;

async fn run(p: Promise) -> VaultResult<JsValue> {
    JsFuture::from(p).await.map_err(|e| {
        let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        match message.as_str() {
            "closed" => VaultError::Closed,
            "wont_open" => VaultError::WontOpen,
            _ => VaultError::Crypto(message),
        }
    })
}

/// How the vault stands after `open_at_start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The data key is open: reads and writes work.
    Open,
    /// A PIN guards the data key: the lock screen asks for it.
    NeedsPin,
}

/// Opens the data key with the device key when there is no PIN; makes a
/// new data key when there is none that opens (anything sealed before can
/// then no longer be read, and the store starts again from the server).
pub async fn open_at_start() -> VaultResult<Opened> {
    Ok(if run(open_at_start_js()).await?.is_truthy() { Opened::Open } else { Opened::NeedsPin })
}

/// Opens the data key with a PIN. `Ok(false)` when the PIN is not the one
/// set, or no PIN is set.
pub async fn open_with_pin(pin: &str) -> VaultResult<bool> {
    Ok(run(open_with_pin_js(pin)).await?.is_truthy())
}

/// Guards the (open) data key with `pin` from now on, in place of the
/// device key, which is deleted.
pub async fn set_pin(pin: &str) -> VaultResult<()> {
    run(set_pin_js(pin)).await.map(drop)
}

/// Turns the PIN off: a device key guards the data key again.
pub async fn remove_pin() -> VaultResult<()> {
    run(remove_pin_js()).await.map(drop)
}

/// Forgets the data key everywhere: in memory, its wrapped copies and the
/// device key. Whatever is still sealed on the device can't be read again.
pub async fn forget() {
    if let Err(e) = run(forget_js()).await {
        leptos::logging::warn!("{e}");
    }
}

/// Seals each text, in order, a hundred a task. Calls are answered in the
/// order they were made (the store's writes rely on it).
pub async fn seal_all(plains: &[&str]) -> VaultResult<Vec<Uint8Array>> {
    let texts = Array::new();
    for p in plains {
        texts.push(&JsValue::from_str(p));
    }
    Ok(Array::from(&run(seal_all_js(texts)).await?).iter().map(Uint8Array::from).collect())
}

/// Opens each stored value back to its text, in order. Anything that does
/// not open with this key fails the whole read.
pub async fn open_all(stored: &Array) -> VaultResult<Vec<String>> {
    let texts = Array::from(&run(open_all_js(stored)).await?);
    Ok(texts.iter().map(|t| t.as_string().unwrap_or_default()).collect())
}

pub async fn open(stored: &JsValue) -> VaultResult<String> {
    Ok(open_all(&Array::of1(stored)).await?.remove(0))
}

/// Seals a text for localStorage (which holds text): hex.
pub async fn seal_text(text: &str) -> VaultResult<String> {
    Ok(run(seal_text_js(text)).await?.as_string().unwrap_or_default())
}

pub async fn open_text(text: &str) -> VaultResult<String> {
    Ok(run(open_text_js(text)).await?.as_string().unwrap_or_default())
}
