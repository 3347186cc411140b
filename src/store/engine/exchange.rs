//! One sync with the server: push the outbox in batches of `MAX_BATCH`,
//! then pull until the server has nothing more, saving to the phone and
//! showing the screens after every step, so a sync cut off halfway keeps
//! what it got. Whether and when to run one is `schedule`'s business.

use std::rc::Rc;

use pathway_model::sync::{MAX_BATCH, Mutation, PushRequest, PushResponse, Replica};

use super::signals::Snapshot;
use super::with_engine;
use crate::api::{self, ApiError};
use crate::store::changes::Changes;
use crate::store::local::Store;

/// Why a sync ended early.
pub(super) enum Stop {
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
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// The server refuses a body over 64 KiB (`BODY_LIMIT_BYTES`), and 200
/// changes of long words are more than that: the same refused batch was
/// sent again and again and nothing synced. A push stays under this, with
/// room for the wrapper around the list.
const PUSH_BYTES: usize = 60 * 1024;

/// How many of the first changes, of these sizes in bytes, go in one push:
/// at most `max` changes and `bytes` in all, and always at least one.
fn batch_len(sizes: impl Iterator<Item = usize>, max: usize, bytes: usize) -> usize {
    let (mut n, mut total) = (0, 0);
    for size in sizes.take(max) {
        // +1 for the comma between them.
        if n > 0 && total + size + 1 > bytes {
            break;
        }
        total += size + 1;
        n += 1;
    }
    n
}

/// Lays a push's answer over the replica: the changes it answered leave the
/// outbox (settled, or kept as a conflict or a refusal to show). Answers
/// whether any left. An error, a 429 `SlowDown` included, leaves the
/// replica exactly as it was: every change waits to be sent again, and none
/// is dropped or shown as refused.
fn take_push_answer(replica: &mut Replica, answer: api::ApiResult<PushResponse>) -> Result<bool, ApiError> {
    let response = answer?;
    let before = replica.outbox.len();
    replica.apply_push(&response.results);
    Ok(replica.outbox.len() < before)
}

/// One sync: push everything, then pull until nothing more.
pub(super) async fn sync_once(epoch: u64) -> Result<(), Stop> {
    if !browser_online() {
        return Err(Stop::Api(ApiError::Offline));
    }
    loop {
        let batch: Vec<Mutation> = with_engine(epoch, |e| {
            let sizes = e.replica.outbox.iter().map(|m| serde_json::to_string(m).map_or(0, |t| t.len()));
            e.replica.outbox.iter().take(batch_len(sizes, MAX_BATCH, PUSH_BYTES)).cloned().collect()
        })
        .ok_or(Stop::Stale)?;
        if batch.is_empty() {
            break;
        }
        let answer = api::sync_push(&PushRequest { mutations: batch }).await;
        let step = with_engine(epoch, |e| {
            let before = e.replica.clone();
            take_push_answer(&mut e.replica, answer).map(|moved| {
                (e.store.clone(), Changes::between(e.person_id, Some(&before), &e.replica), e.snapshot(), moved)
            })
        })
        .ok_or(Stop::Stale)?;
        let (store, changes, snapshot, moved) = step?;
        save(store, &changes).await;
        snapshot.show();
        if !moved {
            // The server answered none of what we sent: try again later
            // rather than spin.
            return Err(Stop::Api(ApiError::BadResponse("push took nothing".into())));
        }
    }
    loop {
        let (since, client_id) = with_engine(epoch, |e| (e.replica.cursor, e.replica.client_id)).ok_or(Stop::Stale)?;
        let pull = api::sync_pull(since, client_id).await?;
        let (store, changes, snapshot) = with_engine(epoch, |e| {
            let before = e.replica.clone();
            e.replica.apply_pull(&pull);
            // What the screens show moves only if the pull brought a record
            // or took some away (one by one, or all of someone who left the
            // caseload), or caught up with a change of ours.
            let moved = !pull.changes.is_empty()
                || !pull.tombstones.is_empty()
                || !pull.forget.is_empty()
                || e.replica.settled.len() != before.settled.len();
            let snapshot = if moved { e.snapshot() } else { Snapshot::unchanged_records(e.sync, &e.replica) };
            (e.store.clone(), Changes::between(e.person_id, Some(&before), &e.replica), snapshot)
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use pathway_model::sync::{EntityKind, MutationResult, PushResponse, PushResultItem, Replica};
    use serde_json::json;
    use uuid::Uuid;

    use super::{batch_len, take_push_answer};
    use crate::api::ApiError;

    fn replica_with(n: usize) -> Replica {
        let mut r = Replica::new(Uuid::now_v7());
        for i in 0..n {
            let fields = json!({"text": format!("Topic {i}")}).as_object().unwrap().clone();
            r.put(EntityKind::Topic, Uuid::now_v7(), fields);
        }
        r
    }

    #[test]
    fn too_many_changes_keeps_the_whole_outbox_to_send_later() {
        let mut replica = replica_with(3);
        let before = replica.clone();
        assert_eq!(take_push_answer(&mut replica, Err(ApiError::SlowDown(30))), Err(ApiError::SlowDown(30)));
        assert_eq!(replica.outbox, before.outbox, "every change still waits, in order");
        assert!(replica.rejected.is_empty() && replica.conflicts.is_empty(), "and none is shown as refused");
        // When the wait is over, the same changes go and leave the outbox.
        let results = replica
            .outbox
            .iter()
            .enumerate()
            .map(|(i, m)| PushResultItem {
                mutation_id: m.mutation_id,
                result: MutationResult::Applied { version: i as i64 + 1 },
            })
            .collect();
        assert_eq!(take_push_answer(&mut replica, Ok(PushResponse { results })), Ok(true));
        assert!(replica.outbox.is_empty());
    }

    #[test]
    fn a_push_of_long_changes_is_cut_to_fit_the_server_and_short_ones_go_200_at_a_time() {
        assert_eq!(batch_len([800; 1000].into_iter(), 200, 60 * 1024), 76, "500-letter topics: 76 fit");
        assert_eq!(batch_len([250; 1000].into_iter(), 200, 60 * 1024), 200);
        assert_eq!(batch_len([90_000].into_iter(), 200, 60 * 1024), 1, "one change always goes");
        assert_eq!(batch_len(std::iter::empty(), 200, 60 * 1024), 0);
    }
}
