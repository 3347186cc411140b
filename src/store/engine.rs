//! The sync engine: keeps this device's `Replica` in memory and on disk,
//! and swaps changes with the server.
//!
//! - A change the person makes goes into the replica and, in one IndexedDB
//!   transaction, into the outbox on disk; only then do the screens show it
//!   and say "Saved on this phone".
//! - A sync pushes the outbox in batches of `MAX_BATCH`, then pulls until
//!   the server has nothing more, saving after every step. It runs on
//!   start, when the browser comes online, when the page is shown again,
//!   half a second after a change, and every 30 seconds; after a failure it
//!   waits 5 seconds, doubling up to 5 minutes. Only one runs at a time.
//! - A 401 stops syncing and sends the person to sign in. The outbox stays
//!   on the phone for when they are back.
//!
//! Screens read the `SyncState` signals and never wait on the network.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::sync::replica::{LocalRecord, PendingConflict, RejectedChange};
use pathway_model::sync::{MAX_BATCH, Mutation, PushRequest, Replica};
use uuid::Uuid;

use super::changes::{Changes, Meta};
use super::local::{DB_NAME, Store};
use crate::api::{self, ApiError};
use crate::state::AppState;

const AFTER_CHANGE: Duration = Duration::from_millis(500);
const EVERY: Duration = Duration::from_secs(30);
const FIRST_BACKOFF: Duration = Duration::from_secs(5);
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// What the screens read. Each is its own signal, so a page re-renders
/// only for what it shows.
#[derive(Clone, Copy)]
pub struct SyncState {
    /// The replica's view: confirmed records with the outbox laid over.
    pub records: RwSignal<BTreeMap<Uuid, LocalRecord>>,
    /// Changes on this phone that the server has not taken yet.
    pub outbox: RwSignal<usize>,
    pub conflicts: RwSignal<Vec<PendingConflict>>,
    pub rejected: RwSignal<Vec<RejectedChange>>,
    /// When the last sync finished (Unix ms), if one has.
    pub synced_at: RwSignal<Option<f64>>,
    /// The last try could not reach the server.
    pub unreachable: RwSignal<bool>,
    /// The store has loaded; changes can be made.
    pub ready: RwSignal<bool>,
    /// The phone's storage failed: changes live only until the page closes.
    pub storage_failed: RwSignal<bool>,
}

impl SyncState {
    pub fn new() -> Self {
        SyncState {
            records: RwSignal::new(BTreeMap::new()),
            outbox: RwSignal::new(0),
            conflicts: RwSignal::new(Vec::new()),
            rejected: RwSignal::new(Vec::new()),
            synced_at: RwSignal::new(None),
            unreachable: RwSignal::new(false),
            ready: RwSignal::new(false),
            storage_failed: RwSignal::new(false),
        }
    }

    /// Changes that exist only on this phone: waiting in the outbox, or
    /// waiting for the person to settle a conflict.
    pub fn only_here(&self) -> usize {
        self.outbox.get() + self.conflicts.with(|c| c.len())
    }
}

impl Default for SyncState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_sync() -> SyncState {
    expect_context::<SyncState>()
}

/// The engine's own state. One per page; wasm has one thread.
struct Engine {
    person_id: Uuid,
    /// `None` until loaded, or when the phone's storage can't be used.
    store: Option<Rc<Store>>,
    replica: Replica,
    ready: bool,
    running: bool,
    again: bool,
    timer: Option<TimeoutHandle>,
    backoff: Duration,
    sync: SyncState,
    app: AppState,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    /// Bumped on every start and stop, so work begun for an earlier
    /// sign-in never writes into a later one.
    static GENERATION: RefCell<u64> = const { RefCell::new(0) };
}

fn generation() -> u64 {
    GENERATION.with(|g| *g.borrow())
}

fn bump_generation() -> u64 {
    GENERATION.with(|g| {
        *g.borrow_mut() += 1;
        *g.borrow()
    })
}

/// Runs `f` on the engine if it is running for generation `epoch`.
fn with_engine<T>(epoch: u64, f: impl FnOnce(&mut Engine) -> T) -> Option<T> {
    if generation() != epoch {
        return None;
    }
    ENGINE.with(|e| e.borrow_mut().as_mut().map(f))
}

/// What the screens should show, taken while the engine is borrowed and
/// handed to the signals after (a signal's subscribers may call back in).
struct Snapshot {
    sync: SyncState,
    records: BTreeMap<Uuid, LocalRecord>,
    outbox: usize,
    conflicts: Vec<PendingConflict>,
    rejected: Vec<RejectedChange>,
}

impl Engine {
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            sync: self.sync,
            records: self.replica.view(),
            outbox: self.replica.outbox.len(),
            conflicts: self.replica.conflicts.clone(),
            rejected: self.replica.rejected.clone(),
        }
    }
}

impl Snapshot {
    fn show(self) {
        let s = self.sync;
        s.records.set(self.records);
        s.outbox.set(self.outbox);
        if s.conflicts.get_untracked() != self.conflicts {
            s.conflicts.set(self.conflicts);
        }
        if s.rejected.get_untracked() != self.rejected {
            s.rejected.set(self.rejected);
        }
    }
}

/// Starts the engine for `person_id` (does nothing if it already runs for
/// them). Loads the phone's store, wiping it first if it belongs to
/// someone else, then syncs.
pub fn start(sync: SyncState, app: AppState, person_id: Uuid) {
    let same = ENGINE.with(|e| {
        e.borrow()
            .as_ref()
            .is_some_and(|e| e.person_id == person_id)
    });
    if same {
        return;
    }
    stop();
    let epoch = bump_generation();
    ENGINE.with(|e| {
        *e.borrow_mut() = Some(Engine {
            person_id,
            store: None,
            replica: Replica::new(Uuid::now_v7()),
            ready: false,
            running: false,
            again: false,
            timer: None,
            backoff: FIRST_BACKOFF,
            sync,
            app,
        })
    });
    spawn_local(async move {
        let (store, replica) = match open_for(person_id).await {
            Ok((store, replica)) => (Some(Rc::new(store)), replica),
            Err(e) => {
                leptos::logging::warn!("{e}");
                sync.storage_failed.set(true);
                (None, None)
            }
        };
        let snapshot = with_engine(epoch, |engine| {
            engine.store = store;
            if let Some(r) = replica {
                engine.replica = r;
            }
            engine.ready = true;
            engine.snapshot()
        });
        if let Some(s) = snapshot {
            s.show();
            sync.ready.set(true);
            request_sync();
        }
    });
}

/// Opens the store and loads it, if it is this person's. Someone else's
/// data is wiped first; a new sign-in gets a new device id.
async fn open_for(person_id: Uuid) -> Result<(Store, Option<Replica>), super::idb::IdbError> {
    let store = Store::open(DB_NAME).await?;
    match store.load().await? {
        Some((owner, replica)) if owner == person_id => Ok((store, Some(replica))),
        Some(_) => {
            store.wipe().await?;
            let fresh = Replica::new(Uuid::now_v7());
            store.replace(person_id, &fresh).await?;
            Ok((store, Some(fresh)))
        }
        None => {
            let fresh = Replica::new(Uuid::now_v7());
            store.replace(person_id, &fresh).await?;
            Ok((store, Some(fresh)))
        }
    }
}

/// Stops syncing and forgets the in-memory copy. What is on disk stays.
pub fn stop() {
    bump_generation();
    let old = ENGINE.with(|e| e.borrow_mut().take());
    if let Some(engine) = old {
        if let Some(t) = engine.timer {
            t.clear();
        }
        let s = engine.sync;
        s.ready.set(false);
        s.records.set(BTreeMap::new());
        s.outbox.set(0);
        s.conflicts.set(Vec::new());
        s.rejected.set(Vec::new());
        s.synced_at.set(None);
        s.unreachable.set(false);
    }
}

/// Stops, and empties the phone's store (signing out).
pub async fn wipe() -> Result<(), super::idb::IdbError> {
    let store = ENGINE.with(|e| e.borrow().as_ref().and_then(|e| e.store.clone()));
    stop();
    let store = match store {
        Some(s) => s,
        None => Rc::new(Store::open(DB_NAME).await?),
    };
    store.wipe().await
}

/// Why a change was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeError {
    /// Still loading, or nobody is signed in.
    NotReady,
    /// The phone would not store it.
    NotSaved,
}

/// Makes a change: `f` adds it to the replica's outbox. Resolves once it is
/// on disk (or, if the phone's storage can't be used, in memory).
pub async fn change(f: impl FnOnce(&mut Replica) -> Mutation) -> Result<(), ChangeError> {
    let epoch = generation();
    let (store, meta, m) = with_engine(epoch, |e| {
        if !e.ready {
            return None;
        }
        let m = f(&mut e.replica);
        Some((e.store.clone(), Meta::of(e.person_id, &e.replica), m))
    })
    .flatten()
    .ok_or(ChangeError::NotReady)?;
    if let Some(store) = store
        && let Err(err) = store.save_change(&meta, &m).await
    {
        leptos::logging::warn!("{err}");
        // Not on disk: take it back rather than pretend it is saved.
        with_engine(epoch, |e| {
            e.replica.outbox.retain(|x| x.mutation_id != m.mutation_id)
        });
        return Err(ChangeError::NotSaved);
    }
    if let Some(s) = with_engine(epoch, |e| e.snapshot()) {
        s.show();
    }
    schedule(AFTER_CHANGE);
    Ok(())
}

/// Changes the replica in a way that touches more than the outbox (keep
/// mine, keep theirs, dismiss), saving whatever moved.
pub async fn settle(f: impl FnOnce(&mut Replica)) -> Result<(), ChangeError> {
    let epoch = generation();
    let (store, changes, snapshot) = with_engine(epoch, |e| {
        if !e.ready {
            return None;
        }
        let before = e.replica.clone();
        f(&mut e.replica);
        Some((
            e.store.clone(),
            Changes::between(e.person_id, Some(&before), &e.replica),
            e.snapshot(),
        ))
    })
    .flatten()
    .ok_or(ChangeError::NotReady)?;
    snapshot.show();
    if let Some(store) = store {
        store.save(&changes).await.map_err(|err| {
            leptos::logging::warn!("{err}");
            ChangeError::NotSaved
        })?;
    }
    schedule(AFTER_CHANGE);
    Ok(())
}

/// Runs a sync now, or right after the one that is running.
pub fn request_sync() {
    let epoch = generation();
    let go = with_engine(epoch, |e| {
        if !e.ready {
            return false;
        }
        if e.running {
            e.again = true;
            return false;
        }
        e.running = true;
        true
    });
    if go != Some(true) {
        return;
    }
    spawn_local(async move {
        loop {
            let outcome = sync_once(epoch).await;
            let after = match &outcome {
                Ok(()) => Some(Ok(())),
                Err(Stop::Stale) => None,
                Err(Stop::Api(e)) => Some(Err(e.clone())),
            };
            let Some(result) = after else { return };
            let (sync, app) = match with_engine(epoch, |e| (e.sync, e.app)) {
                Some(x) => x,
                None => return,
            };
            match result {
                Ok(()) => {
                    sync.unreachable.set(false);
                    sync.synced_at.set(Some(js_sys::Date::now()));
                    app.offline.set(false);
                }
                Err(ApiError::Unauthenticated) => {
                    // The session has ended. Keep the outbox; send them to
                    // sign in.
                    stop();
                    app.note_error(&ApiError::Unauthenticated);
                    return;
                }
                Err(e) => {
                    leptos::logging::log!("sync: {e}");
                    sync.unreachable.set(true);
                    app.note_error(&e);
                }
            }
            let ok = outcome.is_ok();
            let next = with_engine(epoch, |e| {
                if e.again {
                    e.again = false;
                    return None;
                }
                e.running = false;
                let wait = if ok {
                    e.backoff = FIRST_BACKOFF;
                    EVERY
                } else {
                    let wait = e.backoff;
                    e.backoff = (e.backoff * 2).min(MAX_BACKOFF);
                    wait
                };
                Some(wait)
            });
            match next {
                Some(Some(wait)) => {
                    schedule(wait);
                    return;
                }
                Some(None) => continue,
                None => return,
            }
        }
    });
}

/// Runs `request_sync` after `wait`, replacing any earlier timer.
fn schedule(wait: Duration) {
    let epoch = generation();
    let old = with_engine(epoch, |e| e.timer.take()).flatten();
    if let Some(t) = old {
        t.clear();
    }
    let handle = set_timeout_with_handle(request_sync, wait).ok();
    with_engine(epoch, |e| e.timer = handle);
}

enum Stop {
    /// Signed out or restarted while this sync ran: drop its results.
    Stale,
    Api(ApiError),
}

impl From<ApiError> for Stop {
    fn from(e: ApiError) -> Self {
        Stop::Api(e)
    }
}

fn browser_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// One sync: push everything, then pull until nothing more.
async fn sync_once(epoch: u64) -> Result<(), Stop> {
    if !browser_online() {
        return Err(Stop::Api(ApiError::Offline));
    }
    loop {
        let batch: Vec<Mutation> = with_engine(epoch, |e| {
            e.replica.outbox.iter().take(MAX_BATCH).cloned().collect()
        })
        .ok_or(Stop::Stale)?;
        if batch.is_empty() {
            break;
        }
        let response = api::sync_push(&PushRequest { mutations: batch }).await?;
        let (store, changes, snapshot, moved) = with_engine(epoch, |e| {
            let before = e.replica.clone();
            e.replica.apply_push(&response.results);
            let moved = e.replica.outbox.len() < before.outbox.len();
            (
                e.store.clone(),
                Changes::between(e.person_id, Some(&before), &e.replica),
                e.snapshot(),
                moved,
            )
        })
        .ok_or(Stop::Stale)?;
        save(store, &changes).await;
        snapshot.show();
        if !moved {
            // The server answered none of what we sent: try again later
            // rather than spin.
            return Err(Stop::Api(ApiError::BadResponse("push took nothing".into())));
        }
    }
    loop {
        let (since, client_id) =
            with_engine(epoch, |e| (e.replica.cursor, e.replica.client_id)).ok_or(Stop::Stale)?;
        let pull = api::sync_pull(since, client_id).await?;
        let (store, changes, snapshot) = with_engine(epoch, |e| {
            let before = e.replica.clone();
            e.replica.apply_pull(&pull);
            (
                e.store.clone(),
                Changes::between(e.person_id, Some(&before), &e.replica),
                e.snapshot(),
            )
        })
        .ok_or(Stop::Stale)?;
        save(store, &changes).await;
        snapshot.show();
        if !pull.has_more {
            return Ok(());
        }
    }
}

async fn save(store: Option<Rc<Store>>, changes: &Changes) {
    if let Some(store) = store
        && let Err(e) = store.save(changes).await
    {
        // The server has it; the next start pulls it again from the old
        // cursor. Nothing the person typed is lost by this.
        leptos::logging::warn!("{e}");
    }
}
