//! The person's own changes: into the replica, then onto the phone's disk,
//! and only then on the screens. Each one then asks the schedule for a sync
//! (half a second later, so a burst of changes goes in one).

use pathway_model::sync::{Mutation, Replica};

use super::{changed, generation, with_engine};
use crate::store::changes::{Changes, Meta};

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
        with_engine(epoch, |e| e.replica.outbox.retain(|x| x.mutation_id != m.mutation_id));
        return Err(ChangeError::NotSaved);
    }
    if let Some(s) = with_engine(epoch, |e| e.snapshot()) {
        s.show();
    }
    changed(epoch);
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
        Some((e.store.clone(), Changes::between(e.person_id, Some(&before), &e.replica), e.snapshot()))
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
    changed(epoch);
    Ok(())
}
