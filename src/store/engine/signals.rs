//! What the screens read: one signal per thing shown, so a page re-renders
//! only for what it shows. Screens never wait on the engine or the network;
//! the engine fills these after each change and each step of a sync.

use std::collections::BTreeMap;

use leptos::prelude::*;
use pathway_model::sync::Replica;
use pathway_model::sync::replica::{LocalRecord, PendingConflict, RejectedChange};
use uuid::Uuid;

/// What the screens read.
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

    /// Back to nothing shown, for when the engine stops.
    pub(super) fn clear(&self) {
        self.ready.set(false);
        self.records.set(BTreeMap::new());
        self.outbox.set(0);
        self.conflicts.set(Vec::new());
        self.rejected.set(Vec::new());
        self.synced_at.set(None);
        self.unreachable.set(false);
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

/// What the screens should show, taken while the engine is borrowed and
/// handed to the signals after: a signal's subscribers may call back into
/// the engine, which would find it still borrowed.
pub(super) struct Snapshot {
    sync: SyncState,
    /// `None`: the records shown stay as they are.
    records: Option<BTreeMap<Uuid, LocalRecord>>,
    outbox: usize,
    conflicts: Vec<PendingConflict>,
    rejected: Vec<RejectedChange>,
}

impl Snapshot {
    pub(super) fn of(sync: SyncState, replica: &Replica) -> Snapshot {
        Snapshot { records: Some(replica.view()), ..Snapshot::unchanged_records(sync, replica) }
    }

    /// For a step that changed no record (a pull that brought nothing, as
    /// most do): every list on the page reads `records`, so setting it to an
    /// equal map would still make each of them look again, and with years
    /// of records that alone was a long task.
    pub(super) fn unchanged_records(sync: SyncState, replica: &Replica) -> Snapshot {
        Snapshot {
            sync,
            records: None,
            outbox: replica.outbox.len(),
            conflicts: replica.conflicts.clone(),
            rejected: replica.rejected.clone(),
        }
    }

    pub(super) fn show(self) {
        let s = self.sync;
        if let Some(records) = self.records {
            s.records.set(records);
        }
        if s.outbox.get_untracked() != self.outbox || s.conflicts.with_untracked(|c| c.len()) != self.conflicts.len() {
            note_unsent(self.outbox + self.conflicts.len());
        }
        s.outbox.set(self.outbox);
        // Only when they differ, so the notices that list them are not
        // rebuilt after every step of every sync.
        if s.conflicts.get_untracked() != self.conflicts {
            s.conflicts.set(self.conflicts);
        }
        if s.rejected.get_untracked() != self.rejected {
            s.rejected.set(self.rejected);
        }
    }
}

/// How many changes are only on this phone, as a bare number the sign-in
/// page reads to tell her, after a session ended, that they are kept
/// (sealed) until she signs in again. Nothing else about them.
pub(super) fn note_unsent(n: usize) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = if n == 0 { s.remove_item(UNSENT) } else { s.set_item(UNSENT, &n.to_string()) };
    }
}

/// The key public/login.js reads (keep the two the same).
const UNSENT: &str = "pathway.unsent";
