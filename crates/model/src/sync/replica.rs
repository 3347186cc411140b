//! A device's copy of the data: what the server last confirmed, plus the
//! changes made here that the server has not acknowledged (the outbox).
//! The screens read `view()`, which lays the outbox over the confirmed
//! records, so a change shows at once, offline or not, and survives a pull.
//!
//! The app stores a `Replica`'s parts in IndexedDB; the convergence tests
//! run many of them against a simulated server.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{EntityKind, Fields, Mutation, MutationResult, Op, PullResponse, PushResultItem, SyncRecord, Tombstone};
use crate::record::Change;

/// A record as a screen sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalRecord {
    pub entity: EntityKind,
    pub id: Uuid,
    /// `None` for a record made here and not yet confirmed.
    pub owner_id: Option<Uuid>,
    pub version: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fields: Fields,
    /// Changed here, not yet on the server.
    pub pending: bool,
}

/// A change the server refused because someone else changed the same thing.
/// Kept until the person chooses: "keep mine" or "keep theirs".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingConflict {
    pub mine: Mutation,
    pub theirs: SyncRecord,
    pub fields: Vec<String>,
    /// The record was deleted on the server.
    pub deleted: bool,
}

/// A change the server will never accept, kept so the person is told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectedChange {
    pub mutation: Mutation,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Replica {
    pub client_id: Uuid,
    pub next_seq: u64,
    pub cursor: i64,
    pub confirmed: BTreeMap<Uuid, SyncRecord>,
    pub outbox: Vec<Mutation>,
    pub conflicts: Vec<PendingConflict>,
    pub rejected: Vec<RejectedChange>,
    /// Changes the server has applied, at the version it gave each, that no
    /// pull has brought back yet. The view keeps showing them, so a record
    /// made a moment ago does not vanish between the push and the pull.
    /// Not stored on the device: a reload pulls at once anyway.
    #[serde(default, skip)]
    pub settled: Vec<(Mutation, i64)>,
}

impl Replica {
    pub fn new(client_id: Uuid) -> Self {
        Replica {
            client_id,
            next_seq: 1,
            cursor: 0,
            confirmed: BTreeMap::new(),
            outbox: Vec::new(),
            conflicts: Vec::new(),
            rejected: Vec::new(),
            settled: Vec::new(),
        }
    }

    fn queue(
        &mut self,
        entity: EntityKind,
        record_id: Uuid,
        op: Op,
        payload: Fields,
        owner_id: Option<Uuid>,
    ) -> Mutation {
        let m = Mutation {
            mutation_id: Uuid::now_v7(),
            client_id: self.client_id,
            seq: self.next_seq,
            entity,
            record_id,
            op,
            payload,
            base_version: self.confirmed.get(&record_id).map(|r| r.version),
            owner_id,
        };
        self.next_seq += 1;
        self.outbox.push(m.clone());
        m
    }

    /// Sets some fields of a record (creating it if new). Returns the
    /// mutation, already in the outbox.
    pub fn put(&mut self, entity: EntityKind, record_id: Uuid, fields: Fields) -> Mutation {
        self.queue(entity, record_id, Op::Put, fields, None)
    }

    /// Like `put`, for staff creating a record that belongs to a young person.
    pub fn put_for(&mut self, entity: EntityKind, record_id: Uuid, fields: Fields, owner: Uuid) -> Mutation {
        self.queue(entity, record_id, Op::Put, fields, Some(owner))
    }

    /// `put` of a typed change (`TopicChange { .. }`), which knows its kind.
    pub fn put_change<C: Change>(&mut self, record_id: Uuid, change: C) -> Mutation {
        self.put(C::KIND, record_id, change.into_fields())
    }

    /// `put_for` of a typed change.
    pub fn put_change_for<C: Change>(&mut self, record_id: Uuid, change: C, owner: Uuid) -> Mutation {
        self.put_for(C::KIND, record_id, change.into_fields(), owner)
    }

    pub fn delete(&mut self, entity: EntityKind, record_id: Uuid) -> Mutation {
        self.queue(entity, record_id, Op::Delete, Fields::new(), None)
    }

    /// What the screens show: confirmed records with the outbox laid over.
    pub fn view(&self) -> BTreeMap<Uuid, LocalRecord> {
        // Inserted one by one rather than collected: `collect` into a map
        // sorts with a stable sort first, which costs the wasm app kilobytes.
        let mut view = BTreeMap::new();
        for r in self.confirmed.values() {
            view.insert(
                r.id,
                LocalRecord {
                    entity: r.entity,
                    id: r.id,
                    owner_id: Some(r.owner_id),
                    version: Some(r.version),
                    fields: r.fields.clone(),
                    pending: false,
                },
            );
        }
        // Applied but not pulled yet: newer than what is confirmed.
        for (m, version) in &self.settled {
            if self.confirmed.get(&m.record_id).is_none_or(|r| r.version < *version) {
                lay_over(&mut view, m, false);
            }
        }
        for m in &self.outbox {
            lay_over(&mut view, m, true);
        }
        view
    }

    /// Takes the server's answers to a push. Applied changes leave the
    /// outbox (their new state arrives with the next pull); conflicts wait
    /// for the person; rejected ones are kept to be shown, never retried.
    pub fn apply_push(&mut self, results: &[PushResultItem]) {
        for item in results {
            let Some(pos) = self.outbox.iter().position(|m| m.mutation_id == item.mutation_id) else { continue };
            let m = self.outbox.remove(pos);
            match &item.result {
                MutationResult::Applied { version } | MutationResult::AlreadyApplied { version } => {
                    if *version > self.cursor {
                        self.settled.push((m, *version));
                    }
                }
                MutationResult::Conflict { record, fields, deleted } => {
                    self.conflicts.push(PendingConflict {
                        mine: m,
                        theirs: record.clone(),
                        fields: fields.clone(),
                        deleted: *deleted,
                    });
                }
                MutationResult::Rejected { reason } => {
                    self.rejected.push(RejectedChange { mutation: m, reason: reason.clone() })
                }
            }
        }
    }

    /// Takes a pull. The outbox is not trimmed by `last_seq`: a change the
    /// server answered with a conflict is "seen" too, and dropping it here
    /// would lose the person's words. Only push results retire a change.
    pub fn apply_pull(&mut self, pull: &PullResponse) {
        if !pull.forget.is_empty() {
            self.forget_owners(&pull.forget);
        }
        for r in &pull.changes {
            self.confirmed.insert(r.id, r.clone());
        }
        for t in &pull.tombstones {
            self.confirmed.remove(&t.id);
            self.drop_conflicts_on(t);
        }
        self.cursor = self.cursor.max(pull.cursor);
        // The pull has brought everything up to the cursor, these included
        // (or their tombstones, if they are no longer ours to see).
        let cursor = self.cursor;
        self.settled.retain(|(_, version)| *version > cursor);
    }

    /// Takes every record of these young people off the device (she moved
    /// to another PA). A change not yet sent for one of them cannot be sent
    /// any more: it is kept as refused, so the PA can see what it was.
    fn forget_owners(&mut self, owners: &[Uuid]) {
        let gone: std::collections::BTreeSet<Uuid> =
            self.confirmed.values().filter(|r| owners.contains(&r.owner_id)).map(|r| r.id).collect();
        self.confirmed.retain(|id, _| !gone.contains(id));
        let is_theirs = |m: &Mutation| gone.contains(&m.record_id) || m.owner_id.is_some_and(|o| owners.contains(&o));
        let (theirs, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.outbox).into_iter().partition(is_theirs);
        self.outbox = kept;
        self.rejected.extend(
            theirs
                .into_iter()
                .map(|mutation| RejectedChange { mutation, reason: "not on your caseload any more".into() }),
        );
        self.conflicts.retain(|c| !gone.contains(&c.theirs.id));
        self.settled.retain(|(m, _)| !is_theirs(m));
    }

    /// A record has left this device (deleted, or no longer shared with
    /// this person: "only me"). An open conflict on it still holds the
    /// server's whole record in `theirs`, so it goes too; my own change in
    /// it is kept as refused, so the person still sees what they wrote.
    /// A conflict that already knew of this very deletion stays: "keep
    /// mine" may bring the record back.
    fn drop_conflicts_on(&mut self, t: &Tombstone) {
        let knew = |c: &PendingConflict| c.deleted && c.theirs.version >= t.version;
        let (gone, kept): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.conflicts).into_iter().partition(|c| c.theirs.id == t.id && !knew(c));
        self.conflicts = kept;
        self.rejected.extend(
            gone.into_iter()
                .map(|c| RejectedChange { mutation: c.mine, reason: "not shared with you any more".into() }),
        );
    }

    /// Takes the server's record from a conflict into the confirmed set,
    /// unless a pull has already brought this far or further: then the
    /// confirmed set is newer (the record may even be deleted since), and
    /// putting the older copy back would show something that is gone.
    fn take_theirs(&mut self, c: &PendingConflict) {
        if c.theirs.version <= self.cursor {
            return;
        }
        if c.deleted {
            self.confirmed.remove(&c.theirs.id);
        } else {
            self.confirmed.insert(c.theirs.id, c.theirs.clone());
        }
    }

    /// "Keep mine": send my change again, now on top of what I have seen.
    pub fn keep_mine(&mut self, mutation_id: Uuid) -> Option<Mutation> {
        let pos = self.conflicts.iter().position(|c| c.mine.mutation_id == mutation_id)?;
        let c = self.conflicts.remove(pos);
        let known = self.confirmed.get(&c.theirs.id).cloned();
        if !c.deleted {
            self.take_theirs(&c);
        }
        let mut m = c.mine;
        m.mutation_id = Uuid::now_v7();
        m.seq = self.next_seq;
        self.next_seq += 1;
        m.base_version = Some(c.theirs.version.max(known.as_ref().map_or(0, |k| k.version)));
        if c.deleted {
            // Bringing a deleted record back: send all the fields I knew,
            // with my change on top, not just a patch.
            let mut fields = known.map(|k| k.fields).unwrap_or_default();
            fields.extend(m.payload);
            m.payload = fields;
        }
        self.outbox.push(m.clone());
        Some(m)
    }

    /// "Keep theirs": drop my change and take the server's record.
    pub fn keep_theirs(&mut self, mutation_id: Uuid) {
        if let Some(pos) = self.conflicts.iter().position(|c| c.mine.mutation_id == mutation_id) {
            let c = self.conflicts.remove(pos);
            self.take_theirs(&c);
        }
    }

    pub fn dismiss_rejected(&mut self, mutation_id: Uuid) {
        self.rejected.retain(|r| r.mutation.mutation_id != mutation_id);
    }
}

/// Lays one change over the view: a put sets its fields (making the record
/// if new), a delete removes it.
fn lay_over(view: &mut BTreeMap<Uuid, LocalRecord>, m: &Mutation, pending: bool) {
    match m.op {
        Op::Put => {
            let rec = view.entry(m.record_id).or_insert_with(|| LocalRecord {
                entity: m.entity,
                id: m.record_id,
                owner_id: m.owner_id,
                version: None,
                fields: Fields::new(),
                pending,
            });
            for (k, v) in &m.payload {
                rec.fields.insert(k.clone(), v.clone());
            }
            rec.pending |= pending;
        }
        Op::Delete => {
            view.remove(&m.record_id);
        }
    }
}

#[cfg(test)]
#[path = "replica_gone_tests.rs"]
mod gone_tests;

#[cfg(test)]
#[path = "replica_tests.rs"]
mod tests;
