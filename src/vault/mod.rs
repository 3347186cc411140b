//! The vault: everything personal the app keeps on the device is sealed
//! with one data key (AES-GCM through WebCrypto) before it is written to
//! IndexedDB (`store`) or localStorage (`saved`), and opened again as it is
//! read (decision 0013).
//!
//! The data key is random, made at the first start after signing in. It is
//! never stored as it is: only wrapped (sealed) by another key.
//! - With a PIN, by a key made from the PIN (PBKDF2): a reload needs the
//!   PIN before anything of hers can be read, with or without a signal.
//! - With no PIN, by a device key the browser made and will not give out
//!   (a non-extractable `CryptoKey` kept in its own IndexedDB database).
//!
//! Once opened, the data key lives in this page's memory until the page
//! goes or the vault is forgotten (signing out on purpose, ten wrong PINs,
//! a closed account, a staff session ending).

mod device_key;
pub mod webcrypto;
pub mod wraps;

use std::cell::RefCell;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use wraps::{PinWrap, Wraps};

/// What went wrong, for logs: people see "couldn't save on this phone" or
/// the lock screen, never this.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// The data key is not open yet (locked, or not started).
    #[error("the vault is locked")]
    Closed,
    /// A message did not open with this key: sealed by an earlier key, or
    /// changed on disk.
    #[error("a sealed message did not open")]
    WontOpen,
    #[error("web crypto: {0}")]
    Crypto(String),
    #[error("{0}")]
    Storage(#[from] crate::idb::IdbError),
}

impl From<JsValue> for VaultError {
    fn from(v: JsValue) -> Self {
        VaultError::Crypto(v.as_string().unwrap_or_else(|| format!("{v:?}")))
    }
}

pub type VaultResult<T> = Result<T, VaultError>;

thread_local! {
    /// The open data key, and its bytes (kept only to wrap it again when
    /// the PIN is set, changed or removed).
    static OPEN: RefCell<Option<(CryptoKey, [u8; webcrypto::KEY_BYTES])>> = const { RefCell::new(None) };
}

fn open_key() -> VaultResult<CryptoKey> {
    OPEN.with(|o| o.borrow().as_ref().map(|(k, _)| k.clone())).ok_or(VaultError::Closed)
}

fn open_raw() -> VaultResult<[u8; webcrypto::KEY_BYTES]> {
    OPEN.with(|o| o.borrow().as_ref().map(|(_, r)| *r)).ok_or(VaultError::Closed)
}

async fn keep_open(raw: [u8; webcrypto::KEY_BYTES]) -> VaultResult<()> {
    let key = webcrypto::aes_key(&raw).await?;
    OPEN.with(|o| *o.borrow_mut() = Some((key, raw)));
    Ok(())
}

pub fn is_open() -> bool {
    OPEN.with(|o| o.borrow().is_some())
}

/// Whether a PIN guards the data key on this device.
pub fn has_pin() -> bool {
    Wraps::read().pin.is_some()
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
/// new data key when there is none yet (a first start, or after a wipe).
pub async fn open_at_start() -> VaultResult<Opened> {
    if is_open() {
        return Ok(Opened::Open);
    }
    let wraps = Wraps::read();
    if wraps.pin.is_some() {
        return Ok(Opened::NeedsPin);
    }
    if let Some(wrapped) = wraps.device.as_deref().and_then(wraps::from_hex)
        && let Some(device) = device_key::get().await?
        && let Ok(raw) = open_bytes(&device, &wrapped).await
        && let Ok(raw) = <[u8; webcrypto::KEY_BYTES]>::try_from(raw.as_slice())
    {
        keep_open(raw).await?;
        return Ok(Opened::Open);
    }
    // No key that opens: a new one. Anything sealed before can no longer be
    // read, and the store starts again from the server (`store::local`).
    let raw = webcrypto::random::<{ webcrypto::KEY_BYTES }>()?;
    keep_open(raw).await?;
    wrap_with_device(&raw).await?;
    Ok(Opened::Open)
}

async fn wrap_with_device(raw: &[u8]) -> VaultResult<()> {
    let device = webcrypto::new_device_key().await?;
    let wrapped = seal_bytes(&device, raw).await?;
    device_key::put(&device).await?;
    Wraps { pin: None, device: Some(wraps::to_hex(&wrapped.to_vec())) }.write();
    Ok(())
}

/// Opens the data key with a PIN. `Ok(false)` when the PIN is not the one
/// set (the wrapped key does not open), or no PIN is set.
pub async fn open_with_pin(pin: &str) -> VaultResult<bool> {
    let Some(pin_wrap) = Wraps::read().pin else { return Ok(false) };
    let Some((salt, wrapped)) = pin_wrap.bytes() else { return Ok(false) };
    let key = webcrypto::pin_key(pin, &salt, pin_wrap.iterations).await?;
    let Ok(raw) = open_bytes(&key, &wrapped).await else { return Ok(false) };
    let Ok(raw) = <[u8; webcrypto::KEY_BYTES]>::try_from(raw.as_slice()) else { return Ok(false) };
    keep_open(raw).await?;
    Ok(true)
}

/// Guards the (open) data key with `pin` from now on, in place of the
/// device key, which is deleted.
pub async fn set_pin(pin: &str) -> VaultResult<()> {
    let raw = open_raw()?;
    let salt = webcrypto::random::<{ wraps::SALT_BYTES }>()?;
    let key = webcrypto::pin_key(pin, &salt, wraps::ITERATIONS).await?;
    let wrapped = seal_bytes(&key, &raw).await?;
    Wraps { pin: Some(PinWrap::new(&salt, &wrapped.to_vec())), device: None }.write();
    device_key::delete().await?;
    Ok(())
}

/// Turns the PIN off: the device key guards the data key again.
pub async fn remove_pin() -> VaultResult<()> {
    let raw = open_raw()?;
    wrap_with_device(&raw).await
}

/// Forgets the data key everywhere: in memory, its wrapped copies and the
/// device key. Whatever is still sealed on the device can't be read again.
pub async fn forget() {
    OPEN.with(|o| *o.borrow_mut() = None);
    Wraps::forget();
    if let Err(e) = device_key::delete().await {
        leptos::logging::warn!("{e}");
    }
}

/// Seals each text; the answers come in the same order. Every seal is
/// started before any is awaited, so a thousand records cost one wait.
pub async fn seal_all(plains: &[&str]) -> VaultResult<Vec<Uint8Array>> {
    let key = open_key()?;
    let started = Array::new();
    let mut nonces = Vec::with_capacity(plains.len());
    for p in plains {
        let (promise, nonce) = webcrypto::start_seal(&key, p.as_bytes())?;
        started.push(&promise);
        nonces.push(nonce);
    }
    let sealed = Array::from(&JsFuture::from(js_sys::Promise::all(&started)).await?);
    Ok(nonces.iter().zip(sealed.iter()).map(|(n, s)| webcrypto::joined(n, &s)).collect())
}

pub async fn seal(plain: &str) -> VaultResult<Uint8Array> {
    Ok(seal_all(&[plain]).await?.remove(0))
}

/// Opens each stored value (a `Uint8Array`) back to its text, in order.
/// Anything that does not open with this key fails the whole read.
pub async fn open_all(stored: &Array) -> VaultResult<Vec<String>> {
    let key = open_key()?;
    let started = Array::new();
    for v in stored.iter() {
        let bytes = v.dyn_into::<Uint8Array>().map_err(|_| VaultError::WontOpen)?;
        let promise = webcrypto::start_open(&key, &bytes).map_err(|_| VaultError::WontOpen)?;
        started.push(&promise);
    }
    let opened = JsFuture::from(js_sys::Promise::all(&started)).await.map_err(|_| VaultError::WontOpen)?;
    Array::from(&opened)
        .iter()
        .map(|b| String::from_utf8(Uint8Array::new(&b).to_vec()).map_err(|_| VaultError::WontOpen))
        .collect()
}

pub async fn open(stored: &JsValue) -> VaultResult<String> {
    Ok(open_all(&Array::of1(stored)).await?.remove(0))
}

async fn seal_bytes(key: &CryptoKey, plain: &[u8]) -> VaultResult<Uint8Array> {
    let (promise, nonce) = webcrypto::start_seal(key, plain)?;
    Ok(webcrypto::joined(&nonce, &JsFuture::from(promise).await?))
}

async fn open_bytes(key: &CryptoKey, stored: &[u8]) -> VaultResult<Vec<u8>> {
    let promise = webcrypto::start_open(key, &Uint8Array::from(stored)).map_err(|_| VaultError::WontOpen)?;
    let opened = JsFuture::from(promise).await.map_err(|_| VaultError::WontOpen)?;
    Ok(Uint8Array::new(&opened).to_vec())
}
