//! The phone's own database: one IndexedDB database with an object store
//! for each part of a `Replica` (confirmed records, outbox, conflicts,
//! rejected changes) and one for `Meta`. It only loads and saves: what the
//! parts mean is the model's `Replica`'s business.

use pathway_model::sync::{Mutation, Replica};
use serde::de::DeserializeOwned;
use uuid::Uuid;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransactionMode};

use super::changes::{Changes, Meta, Write};
use super::idb::{self, IdbError, IdbResult};

/// The database the app uses. Tests open others.
pub const DB_NAME: &str = "pathway";
const VERSION: u32 = 1;

const RECORDS: &str = "records";
const OUTBOX: &str = "outbox";
const CONFLICTS: &str = "conflicts";
const REJECTED: &str = "rejected";
const META: &str = "meta";
const ALL: [&str; 5] = [RECORDS, OUTBOX, CONFLICTS, REJECTED, META];
const META_KEY: &str = "meta";

pub struct Store {
    db: IdbDatabase,
}

impl Store {
    pub async fn open(name: &str) -> IdbResult<Store> {
        Ok(Store { db: idb::open(name, VERSION, &ALL).await? })
    }

    /// The saved replica and whose it is, or `None` if nothing is saved.
    pub async fn load(&self) -> IdbResult<Option<(Uuid, Replica)>> {
        let tx = idb::transaction(&self.db, &ALL, IdbTransactionMode::Readonly, false)?;
        // Queue every read first (see `idb`), then wait for each.
        let meta_req = idb::store(&tx, META)?.get(&META_KEY.into())?;
        let records_req = idb::store(&tx, RECORDS)?.get_all()?;
        let outbox_req = idb::store(&tx, OUTBOX)?.get_all()?;
        let conflicts_req = idb::store(&tx, CONFLICTS)?.get_all()?;
        let rejected_req = idb::store(&tx, REJECTED)?.get_all()?;

        let meta = idb::request_done(&meta_req).await?;
        let Some(meta) = meta.as_string() else {
            return Ok(None);
        };
        let meta: Meta = parse(&meta)?;
        let mut replica = Replica::new(meta.client_id);
        replica.cursor = meta.cursor;
        replica.next_seq = meta.next_seq;
        for r in all_of::<pathway_model::sync::SyncRecord>(&idb::request_done(&records_req).await?)? {
            replica.confirmed.insert(r.id, r);
        }
        // getAll answers in key order, and the outbox is keyed by seq
        // (numbers sort as numbers): the outbox comes back in the order
        // it was made. (Sorting here again would add ~30 KB of wasm.)
        replica.outbox = all_of(&idb::request_done(&outbox_req).await?)?;
        replica.conflicts = all_of(&idb::request_done(&conflicts_req).await?)?;
        replica.rejected = all_of(&idb::request_done(&rejected_req).await?)?;
        Ok(Some((meta.person_id, replica)))
    }

    /// Writes one change the person just made: the outbox entry and the
    /// meta (its next `seq`) in one transaction, flushed to disk before this
    /// returns. Only then may the screen say "Saved on this phone".
    pub async fn save_change(&self, meta: &Meta, m: &Mutation) -> IdbResult<()> {
        let tx = idb::transaction(&self.db, &[OUTBOX, META], IdbTransactionMode::Readwrite, true)?;
        idb::store(&tx, OUTBOX)?.put_with_key(&json(m).into(), &seq_key(m.seq))?;
        idb::store(&tx, META)?.put_with_key(&json(meta).into(), &META_KEY.into())?;
        idb::committed(&tx).await
    }

    /// Writes what changed, all in one transaction.
    pub async fn save(&self, changes: &Changes) -> IdbResult<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let tx = idb::transaction(&self.db, &ALL, IdbTransactionMode::Readwrite, true)?;
        write_all(&idb::store(&tx, RECORDS)?, &changes.records, |k| k.to_string().into())?;
        write_all(&idb::store(&tx, OUTBOX)?, &changes.outbox, |k| seq_key(*k))?;
        write_all(&idb::store(&tx, CONFLICTS)?, &changes.conflicts, |k| k.to_string().into())?;
        write_all(&idb::store(&tx, REJECTED)?, &changes.rejected, |k| k.to_string().into())?;
        if let Some(meta) = &changes.meta {
            idb::store(&tx, META)?.put_with_key(&json(meta).into(), &META_KEY.into())?;
        }
        idb::committed(&tx).await
    }

    /// Saves a whole replica over whatever was there.
    pub async fn replace(&self, person_id: Uuid, replica: &Replica) -> IdbResult<()> {
        self.wipe().await?;
        self.save(&Changes::between(person_id, None, replica)).await
    }

    /// Empties every store.
    pub async fn wipe(&self) -> IdbResult<()> {
        let tx = idb::transaction(&self.db, &ALL, IdbTransactionMode::Readwrite, true)?;
        for name in ALL {
            idb::store(&tx, name)?.clear()?;
        }
        idb::committed(&tx).await
    }

    /// Lets go of the database, so it can be deleted.
    pub fn close(&self) {
        self.db.close();
    }
}

fn seq_key(seq: u64) -> JsValue {
    // IndexedDB orders numbers numerically; seq stays far below 2^53.
    JsValue::from_f64(seq as f64)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("our own types serialise")
}

fn parse<T: DeserializeOwned>(text: &str) -> IdbResult<T> {
    serde_json::from_str(text).map_err(|e| IdbError(format!("saved data did not read back: {e}")))
}

fn all_of<T: DeserializeOwned>(values: &JsValue) -> IdbResult<Vec<T>> {
    let array = js_sys::Array::from(values);
    array.iter().map(|v| parse(&v.as_string().ok_or_else(|| IdbError("saved entry is not text".into()))?)).collect()
}

fn write_all<K>(store: &IdbObjectStore, writes: &[Write<K>], key: impl Fn(&K) -> JsValue) -> IdbResult<()> {
    for (k, value) in writes {
        match value {
            Some(text) => store.put_with_key(&JsValue::from_str(text), &key(k))?,
            None => store.delete(&key(k))?,
        };
    }
    Ok(())
}
