//! The phone's own database: one IndexedDB database with an object store
//! for each part of a `Replica` (confirmed records, outbox, conflicts,
//! rejected changes) and one for `Meta`. It only loads and saves: what the
//! parts mean is the model's `Replica`'s business.

use pathway_model::sync::{Mutation, Replica};
use serde::de::DeserializeOwned;
use uuid::Uuid;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

use super::changes::{Changes, Meta, Write};
use crate::idb::{self, IdbError, IdbResult};
use crate::vault::{self, VaultError};

impl From<VaultError> for IdbError {
    fn from(e: VaultError) -> Self {
        IdbError(e.to_string())
    }
}

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

        // Every answer is taken before any pause below: a request that
        // finished during a pause would never call the handler set after it.
        let meta = idb::request_done(&meta_req).await?;
        let records = idb::request_done(&records_req).await?;
        let outbox = idb::request_done(&outbox_req).await?;
        let conflicts = idb::request_done(&conflicts_req).await?;
        let rejected = idb::request_done(&rejected_req).await?;
        if meta.is_undefined() {
            return Ok(None);
        }
        // Sealed with a key this device no longer has (the PIN's record was
        // removed by hand, say): nothing here can be read, so the store
        // starts again from the server.
        let meta: Meta = match vault::open(&meta).await {
            Ok(text) => parse(&text)?,
            Err(VaultError::WontOpen) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let mut replica = Replica::new(meta.client_id);
        replica.cursor = meta.cursor;
        replica.next_seq = meta.next_seq;
        // Years of records took one long task to read back; a slice at a
        // time, with the browser's turn between, keeps the page answering.
        let records = vault::open_all(&js_sys::Array::from(&records)).await?;
        let mut start = 0;
        for end in slice_ends(records.len() as u32, LOAD_SLICE) {
            if start > 0 {
                yield_now().await;
            }
            for text in &records[start as usize..end as usize] {
                let r: pathway_model::sync::SyncRecord = parse(text)?;
                replica.confirmed.insert(r.id, r);
            }
            start = end;
        }
        // getAll answers in key order, and the outbox is keyed by seq
        // (numbers sort as numbers): the outbox comes back in the order
        // it was made. (Sorting here again would add ~30 KB of wasm.)
        replica.outbox = all_of(&outbox).await?;
        replica.conflicts = all_of(&conflicts).await?;
        replica.rejected = all_of(&rejected).await?;
        // An earlier version stored it all unsealed: sealed now, whole.
        if vault::take_saw_plain() {
            self.replace(meta.person_id, &replica).await?;
        }
        Ok(Some((meta.person_id, replica)))
    }

    /// Writes one change the person just made: the outbox entry and the
    /// meta (its next `seq`) in one transaction, flushed to disk before this
    /// returns. Only then may the screen say "Saved on this phone".
    pub async fn save_change(&self, meta: &Meta, m: &Mutation) -> IdbResult<()> {
        // Sealed before the transaction starts: it would close while waiting.
        // The vault answers in the order it was asked (see `vault::seal_all`),
        // so transactions start in the order the writes were asked for.
        let sealed = vault::seal_all(&[&json(m), &json(meta)]).await?;
        let tx = idb::transaction(&self.db, &[OUTBOX, META], IdbTransactionMode::Readwrite, true)?;
        idb::store(&tx, OUTBOX)?.put_with_key(&sealed[0], &seq_key(m.seq))?;
        idb::store(&tx, META)?.put_with_key(&sealed[1], &META_KEY.into())?;
        idb::committed(&tx).await
    }

    /// Writes what changed, all in one transaction. A pull brings up to 500
    /// records, and queueing that many writes at once held the main thread
    /// for 45 ms on this machine (about 180 ms on a mid-range phone), so the
    /// records are queued a slice at a time: the next slice waits for the
    /// last write of the one before, so each slice runs in its own task.
    /// The transaction stays open in between (it is active while its
    /// requests' success is handled, promise callbacks included), so the
    /// change is still all or nothing, and a change the person makes
    /// meanwhile is still written after it.
    pub async fn save(&self, changes: &Changes) -> IdbResult<()> {
        if changes.is_empty() {
            return Ok(());
        }
        // Everything is sealed before the transaction starts (it would close
        // while waiting), all at once, in the order it is written below.
        let meta_text = changes.meta.as_ref().map(json);
        let texts: Vec<&str> = (changes.records.iter().map(|(_, v)| v))
            .chain(changes.outbox.iter().map(|(_, v)| v))
            .chain(changes.conflicts.iter().map(|(_, v)| v))
            .chain(changes.rejected.iter().map(|(_, v)| v))
            .chain(std::iter::once(&meta_text))
            .filter_map(|v| v.as_deref())
            .collect();
        let mut sealed = vault::seal_all(&texts).await?.into_iter();
        let tx = idb::transaction(&self.db, &ALL, IdbTransactionMode::Readwrite, true)?;
        let records = idb::store(&tx, RECORDS)?;
        let (early, last) = changes.records.split_at(last_slice_start(changes.records.len(), SAVE_SLICE));
        for slice in early.chunks(SAVE_SLICE) {
            if let Some(request) = write_all(&records, slice, &mut sealed, |k| k.to_string().into())? {
                idb::request_done(&request).await?;
            }
        }
        write_all(&records, last, &mut sealed, |k| k.to_string().into())?;
        write_all(&idb::store(&tx, OUTBOX)?, &changes.outbox, &mut sealed, |k| seq_key(*k))?;
        write_all(&idb::store(&tx, CONFLICTS)?, &changes.conflicts, &mut sealed, |k| k.to_string().into())?;
        write_all(&idb::store(&tx, REJECTED)?, &changes.rejected, &mut sealed, |k| k.to_string().into())?;
        if let Some(meta) = sealed.next().filter(|_| meta_text.is_some()) {
            idb::store(&tx, META)?.put_with_key(&meta, &META_KEY.into())?;
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
        // Its place in line behind writes still being sealed (nothing to seal).
        vault::seal_all(&[]).await?;
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

async fn all_of<T: DeserializeOwned>(values: &JsValue) -> IdbResult<Vec<T>> {
    vault::open_all(&js_sys::Array::from(values)).await?.iter().map(|t| parse(t)).collect()
}

/// Records read back per task: about 8 ms on a mid-range phone.
const LOAD_SLICE: u32 = 100;

/// Record writes queued per task: about 40 ms on a mid-range phone.
const SAVE_SLICE: usize = 100;

/// Where the last slice of `len` writes starts (0 when they fit in one).
fn last_slice_start(len: usize, slice: usize) -> usize {
    len.saturating_sub(1) / slice * slice
}

/// Where each slice of `len` entries ends, `slice` at a time.
fn slice_ends(len: u32, slice: u32) -> impl Iterator<Item = u32> {
    (1..=len.div_ceil(slice)).map(move |k| (k * slice).min(len))
}

/// Lets the browser run its other tasks (input, layout, paint) before the
/// next slice: a timer, not a microtask, so they really get their turn.
pub(super) async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window()
            && w.set_timeout_with_callback(&resolve).is_ok()
        {
            return;
        }
        let _ = resolve.call0(&JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{last_slice_start, slice_ends};

    #[test]
    fn a_big_write_goes_in_slices_and_the_last_one_carries_the_rest() {
        assert_eq!(last_slice_start(500, 100), 400, "four slices first, then the last with the cursor");
        assert_eq!(last_slice_start(1054, 100), 1000);
        assert_eq!(last_slice_start(100, 100), 0, "one slice: queued all at once, as before");
        assert_eq!(last_slice_start(7, 100), 0);
        assert_eq!(last_slice_start(0, 100), 0);
    }

    #[test]
    fn records_are_read_back_in_slices_that_cover_each_one_once() {
        assert_eq!(slice_ends(1054, 200).collect::<Vec<_>>(), vec![200, 400, 600, 800, 1000, 1054]);
        assert_eq!(slice_ends(200, 200).collect::<Vec<_>>(), vec![200]);
        assert_eq!(slice_ends(3, 200).collect::<Vec<_>>(), vec![3]);
        assert_eq!(slice_ends(0, 200).count(), 0, "an empty store needs no pause");
    }
}

/// Queues the writes and gives the last request, to wait on. Each write of
/// a value takes the next of `sealed` (sealed in the same order).
fn write_all<K>(
    store: &IdbObjectStore,
    writes: &[Write<K>],
    sealed: &mut impl Iterator<Item = js_sys::Uint8Array>,
    key: impl Fn(&K) -> JsValue,
) -> IdbResult<Option<IdbRequest>> {
    let mut last = None;
    for (k, value) in writes {
        last = Some(match value {
            Some(_) => {
                let bytes = sealed.next().ok_or_else(|| IdbError("a sealed value is missing".into()))?;
                store.put_with_key(&bytes, &key(k))?
            }
            None => store.delete(&key(k))?,
        });
    }
    Ok(last)
}
