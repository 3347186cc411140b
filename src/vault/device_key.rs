//! The device key: an AES-GCM key the browser made and will not give out
//! (non-extractable), kept in its own IndexedDB database. It wraps the data
//! key only while there is no PIN.

use wasm_bindgen::JsCast;
use web_sys::{CryptoKey, IdbTransactionMode};

use crate::idb::{self, IdbResult};

const DB: &str = "pathway-key";
const STORE: &str = "key";
const KEY: &str = "device";

pub async fn get() -> IdbResult<Option<CryptoKey>> {
    let db = idb::open(DB, 1, &[STORE]).await?;
    let tx = idb::transaction(&db, &[STORE], IdbTransactionMode::Readonly, false)?;
    let found = idb::request_done(&idb::store(&tx, STORE)?.get(&KEY.into())?).await?;
    db.close();
    Ok(found.dyn_into::<CryptoKey>().ok())
}

pub async fn put(key: &CryptoKey) -> IdbResult<()> {
    let db = idb::open(DB, 1, &[STORE]).await?;
    let tx = idb::transaction(&db, &[STORE], IdbTransactionMode::Readwrite, true)?;
    idb::store(&tx, STORE)?.put_with_key(key, &KEY.into())?;
    let done = idb::committed(&tx).await;
    db.close();
    done
}

pub async fn delete() -> IdbResult<()> {
    let db = idb::open(DB, 1, &[STORE]).await?;
    let tx = idb::transaction(&db, &[STORE], IdbTransactionMode::Readwrite, true)?;
    idb::store(&tx, STORE)?.delete(&KEY.into())?;
    let done = idb::committed(&tx).await;
    db.close();
    done
}
