//! The sync engine: keeps this device's `Replica` in memory and on disk,
//! and swaps changes with the server.
//!
//! - A change the person makes goes into the replica and, in one IndexedDB
//!   transaction, into the outbox on disk; only then do the screens show it
//!   and say "Saved on this phone" (`edit`).
//! - A sync pushes the outbox, then pulls (`exchange`).
//! - When a sync runs, and what a failure or a 401 does next, is decided
//!   by `schedule`, which has no browser in it so it is tested natively.
//!   This file only connects it to the browser: it tells the schedule what
//!   happened, then starts the sync or sets the timer it asks for. A 401
//!   stops syncing and sends the person to sign in. The outbox stays on the
//!   phone for when they are back.
//!
//! Screens read the `SyncState` signals (`signals`) and never wait on the
//! network.

mod edit;
mod exchange;
mod signals;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::sync::Replica;
use uuid::Uuid;

pub use edit::{ChangeError, change, settle};
pub use signals::{SyncState, use_sync};

use super::local::{DB_NAME, Store};
use super::schedule::{Decision, Event, Schedule};
use crate::api::ApiError;
use crate::state::AppState;
use exchange::Stop;
use signals::Snapshot;

/// The engine's own state. One per page; wasm has one thread.
struct Engine {
    person_id: Uuid,
    /// `None` until loaded, or when the phone's storage can't be used.
    store: Option<Rc<Store>>,
    replica: Replica,
    /// The replica has loaded: changes can be made and syncs run.
    ready: bool,
    schedule: Schedule,
    /// The one timer that asks for the next sync, as the schedule said.
    timer: Option<TimeoutHandle>,
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

impl Engine {
    fn snapshot(&self) -> Snapshot {
        Snapshot::of(self.sync, &self.replica)
    }
}

/// Starts the engine for `person_id` (does nothing if it already runs for
/// them). Loads the phone's store, wiping it first if it belongs to
/// someone else, then syncs.
pub fn start(sync: SyncState, app: AppState, person_id: Uuid) {
    let same = ENGINE.with(|e| e.borrow().as_ref().is_some_and(|e| e.person_id == person_id));
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
            schedule: Schedule::new(),
            timer: None,
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
        // Reading the records back, working out what the screens show and
        // drawing them each take a task of their own: done in one, they
        // were the longest task of a repeat visit on a slow phone. The
        // engine is not `ready` until what it shows is shown, so no change
        // or sync can slip in between and be drawn over by this older view.
        super::local::yield_now().await;
        let snapshot = with_engine(epoch, |engine| {
            engine.store = store;
            if let Some(r) = replica {
                engine.replica = r;
            }
            engine.snapshot()
        });
        super::local::yield_now().await;
        if let Some(s) = snapshot
            && with_engine(epoch, |engine| engine.ready = true).is_some()
        {
            s.show();
            sync.ready.set(true);
            request_sync();
        }
    });
}

/// Opens the store and loads it, if it is this person's. Someone else's
/// data is wiped first; a new sign-in gets a new device id.
async fn open_for(person_id: Uuid) -> Result<(Store, Option<Replica>), crate::idb::IdbError> {
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
        engine.sync.clear();
    }
}

/// Stops, and empties the phone's store (signing out).
pub async fn wipe() -> Result<(), crate::idb::IdbError> {
    let store = ENGINE.with(|e| e.borrow().as_ref().and_then(|e| e.store.clone()));
    stop();
    let store = match store {
        Some(s) => s,
        None => Rc::new(Store::open(DB_NAME).await?),
    };
    signals::note_unsent(0);
    store.wipe().await
}

/// Asks for a sync: it runs now, or right after the one that is running.
/// The page calls this when it is shown again or the browser comes online,
/// the sign-out check when the person taps "Try to sync now", and the
/// timer when it fires.
pub fn request_sync() {
    let epoch = generation();
    // Not loaded yet: the load asks once it is done.
    if let Some(decision) = with_engine(epoch, |e| e.ready.then(|| e.schedule.on(Event::Wanted))).flatten() {
        carry_out(epoch, decision);
    }
}

/// The schedule's timer fired: like `request_sync`, and the one thing that
/// ends the wait after a 429.
fn timer_fired() {
    let epoch = generation();
    if let Some(decision) = with_engine(epoch, |e| e.ready.then(|| e.schedule.on(Event::Due))).flatten() {
        carry_out(epoch, decision);
    }
}

/// Tells the schedule the person changed something.
fn changed(epoch: u64) {
    if let Some(decision) = with_engine(epoch, |e| e.schedule.on(Event::Changed)) {
        carry_out(epoch, decision);
    }
}

/// Does what the schedule decided. Called with the engine not borrowed.
fn carry_out(epoch: u64, decision: Decision) {
    match decision {
        Decision::Run => spawn_local(run(epoch)),
        Decision::Wait(wait) => set_timer(epoch, wait),
        Decision::Stop => stop(),
        Decision::Nothing => {}
    }
}

/// Runs one sync, shows how it went, and tells the schedule.
async fn run(epoch: u64) {
    let result = match exchange::sync_once(epoch).await {
        Ok(()) => Ok(()),
        Err(Stop::Stale) => return,
        Err(Stop::Api(e)) => Err(e),
    };
    let Some((sync, app)) = with_engine(epoch, |e| (e.sync, e.app)) else { return };
    let event = match result {
        Ok(()) => {
            sync.unreachable.set(false);
            sync.synced_at.set(Some(js_sys::Date::now()));
            app.offline.set(false);
            Event::Succeeded
        }
        Err(ApiError::Unauthenticated) => Event::Unauthorised,
        // Not a failure: the server asked for a pause; the outbox waits.
        Err(ApiError::SlowDown(secs)) => Event::SlowDown(Duration::from_secs(secs.into())),
        Err(e) => {
            leptos::logging::log!("sync: {e}");
            sync.unreachable.set(true);
            app.note_error(&e);
            Event::Failed
        }
    };
    let Some(decision) = with_engine(epoch, |e| e.schedule.on(event)) else { return };
    carry_out(epoch, decision);
    if decision == Decision::Stop {
        // The session has ended: the engine has stopped and kept the
        // outbox on disk; this sends them to sign in.
        app.note_error(&ApiError::Unauthenticated);
    }
}

/// Sets the one timer to ask for a sync after `wait`, replacing any earlier
/// one: the schedule's waits replace each other, they do not add up.
fn set_timer(epoch: u64, wait: Duration) {
    // A stopped or restarted engine sets no timer: nothing would clear it.
    let Some(old) = with_engine(epoch, |e| e.timer.take()) else { return };
    if let Some(t) = old {
        t.clear();
    }
    let handle = set_timeout_with_handle(timer_fired, wait).ok();
    with_engine(epoch, |e| e.timer = handle);
}
