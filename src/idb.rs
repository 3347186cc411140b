//! The few IndexedDB calls the store needs, made awaitable. IndexedDB
//! reports through `onsuccess`/`oncomplete` events; here each request or
//! transaction becomes a JS promise whose `resolve`/`reject` are those
//! handlers, so no Rust closure has to outlive the call.
//!
//! A transaction commits on its own once it has no requests left, so the
//! store always queues every request of a transaction first and awaits only
//! afterwards: nothing else can run in between and close it early.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

/// What went wrong, in words for logs. People see "couldn't save on this
/// phone", never this.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("local store: {0}")]
pub struct IdbError(pub String);

impl From<JsValue> for IdbError {
    fn from(v: JsValue) -> Self {
        let text = v
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| v.as_string())
            .unwrap_or_else(|| format!("{v:?}"));
        IdbError(text)
    }
}

pub type IdbResult<T> = Result<T, IdbError>;

/// Opens (creating or upgrading) database `name` at `version`, making any
/// of `stores` that do not exist yet. Records are stored with out-of-line
/// keys, so the values can be plain JSON text.
pub async fn open(name: &str, version: u32, stores: &[&str]) -> IdbResult<IdbDatabase> {
    let factory = web_sys::window()
        .ok_or_else(|| IdbError("no window".into()))?
        .indexed_db()?
        .ok_or_else(|| IdbError("IndexedDB is switched off".into()))?;
    let request: IdbOpenDbRequest = factory.open_with_u32(name, version)?;
    let names: Vec<String> = stores.iter().map(|s| s.to_string()).collect();
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(req) = e.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok()) else {
            return;
        };
        let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
            return;
        };
        let existing = db.object_store_names();
        for name in &names {
            if !existing.contains(name) {
                let _ = db.create_object_store(name);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request_done(&request).await;
    // The upgrade handler runs before success; it may go now.
    request.set_onupgradeneeded(None);
    drop(upgrade);
    Ok(result?.dyn_into::<IdbDatabase>()?)
}

/// Deletes the whole database (used by tests to start clean).
pub async fn delete_database(name: &str) -> IdbResult<()> {
    let factory = web_sys::window()
        .ok_or_else(|| IdbError("no window".into()))?
        .indexed_db()?
        .ok_or_else(|| IdbError("IndexedDB is switched off".into()))?;
    let request = factory.delete_database(name)?;
    request_done(&request).await.map(|_| ())
}

/// Starts a transaction over `stores`. `strict` asks the browser to flush to
/// disk before reporting success, for changes the person just made.
pub fn transaction(
    db: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
    strict: bool,
) -> IdbResult<IdbTransaction> {
    let names = Array::new();
    for s in stores {
        names.push(&JsValue::from_str(s));
    }
    if !strict {
        return Ok(db.transaction_with_str_sequence_and_mode(&names, mode)?);
    }
    // web-sys keeps the options argument behind its unstable flag; the call
    // itself is standard, so make it by hand. Browsers that don't know the
    // option ignore it.
    let options = js_sys::Object::new();
    Reflect::set(&options, &"durability".into(), &"strict".into())?;
    let mode = match mode {
        IdbTransactionMode::Readwrite => "readwrite",
        _ => "readonly",
    };
    let f: Function = Reflect::get(db, &"transaction".into())?.dyn_into()?;
    Ok(f.call3(db, &names, &mode.into(), &options)?.dyn_into()?)
}

pub fn store(tx: &IdbTransaction, name: &str) -> IdbResult<IdbObjectStore> {
    Ok(tx.object_store(name)?)
}

/// Waits for a request and gives its result.
pub async fn request_done(request: &IdbRequest) -> IdbResult<JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => Ok(request.result()?),
        Err(_) => Err(request.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL).into()),
    }
}

/// Waits until the transaction has committed (or failed).
pub async fn committed(tx: &IdbTransaction) -> IdbResult<()> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    match outcome {
        Ok(_) => Ok(()),
        Err(_) => Err(tx
            .error()
            .map(JsValue::from)
            .map(IdbError::from)
            .unwrap_or_else(|| IdbError("transaction aborted".into()))),
    }
}
