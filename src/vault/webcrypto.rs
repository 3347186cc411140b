//! The few WebCrypto calls the vault makes, awaitable. AES-GCM with a
//! 96-bit random nonce per message; keys are imported non-extractable, so
//! script in the page can use them but never read them out.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Bytes of AES-GCM's nonce, sent in front of each sealed message.
pub const NONCE_BYTES: usize = 12;
/// Bytes of a data key (AES-256).
pub const KEY_BYTES: usize = 32;

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(web_sys::window().ok_or("no window")?.crypto()?.subtle())
}

pub fn random<const N: usize>() -> Result<[u8; N], JsValue> {
    let mut bytes = [0u8; N];
    web_sys::window().ok_or("no window")?.crypto()?.get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// Makes raw key bytes into an AES-GCM key the page can use but not read.
pub async fn aes_key(raw: &[u8]) -> Result<CryptoKey, JsValue> {
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key =
        JsFuture::from(subtle()?.import_key_with_str("raw", &Uint8Array::from(raw), "AES-GCM", false, &usages)?)
            .await?;
    Ok(key.unchecked_into())
}

/// A new AES-GCM key made by the browser, never seen as bytes: the device
/// key that wraps the data key when there is no PIN.
pub async fn new_device_key() -> Result<CryptoKey, JsValue> {
    let params = js_sys::Object::new();
    js_sys::Reflect::set(&params, &"name".into(), &"AES-GCM".into())?;
    js_sys::Reflect::set(&params, &"length".into(), &256.into())?;
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = JsFuture::from(subtle()?.generate_key_with_object(&params, false, &usages)?).await?;
    Ok(key.unchecked_into())
}

/// A key from a PIN: PBKDF2 with SHA-256, `iterations` rounds.
pub async fn pin_key(pin: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, JsValue> {
    let subtle = subtle()?;
    let usages = Array::of1(&"deriveBits".into());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(pin.as_bytes()),
        "PBKDF2",
        false,
        &usages,
    )?)
    .await?
    .unchecked_into::<CryptoKey>();
    let params = web_sys::Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let bits = JsFuture::from(subtle.derive_bits_with_object(&params, &base, 256)?).await?;
    aes_key(&Uint8Array::new(&bits).to_vec()).await
}

/// Starts sealing `plain`: the answer (once awaited) is the nonce followed
/// by the ciphertext. Started, not awaited, so many can run at once.
pub fn start_seal(key: &CryptoKey, plain: &[u8]) -> Result<(js_sys::Promise, [u8; NONCE_BYTES]), JsValue> {
    let nonce = random::<NONCE_BYTES>()?;
    let params = web_sys::AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&nonce[..]));
    Ok((subtle()?.encrypt_with_object_and_u8_array(&params, key, plain)?, nonce))
}

/// Nonce and ciphertext as one array of bytes, as stored.
pub fn joined(nonce: &[u8], sealed: &JsValue) -> Uint8Array {
    let body = Uint8Array::new(sealed);
    let out = Uint8Array::new_with_length((nonce.len() as u32) + body.length());
    out.set(&Uint8Array::from(nonce), 0);
    out.set(&body, nonce.len() as u32);
    out
}

/// Starts opening a stored message (nonce then ciphertext). A message that
/// is too short, or sealed with another key, fails when awaited.
pub fn start_open(key: &CryptoKey, stored: &Uint8Array) -> Result<js_sys::Promise, JsValue> {
    if (stored.length() as usize) < NONCE_BYTES {
        return Err("sealed message too short".into());
    }
    let nonce = stored.subarray(0, NONCE_BYTES as u32);
    let body = stored.subarray(NONCE_BYTES as u32, stored.length());
    let params = web_sys::AesGcmParams::new_with_u8_array("AES-GCM", &nonce);
    subtle()?.decrypt_with_object_and_js_u8_array(&params, key, &body)
}
