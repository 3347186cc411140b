//! A record that leaves a device takes everything of it with it (issue 15,
//! finding 6): a PA's open conflict on a young person's entry kept her whole
//! entry after she marked it "only me".

use serde_json::json;
use uuid::Uuid;

use super::*;
use crate::sync::Tombstone;

fn fields(v: serde_json::Value) -> Fields {
    v.as_object().unwrap().clone()
}

fn her_entry(version: i64, note: &str) -> SyncRecord {
    SyncRecord {
        entity: EntityKind::HealthEntry,
        id: Uuid::from_u128(10),
        owner_id: Uuid::from_u128(3),
        version,
        fields: fields(json!({"title": "Asthma", "note": note})),
        updated_at: 0,
    }
}

fn pull(tombstones: Vec<Tombstone>, cursor: i64) -> PullResponse {
    PullResponse { changes: vec![], tombstones, cursor, last_seq: 0, has_more: false, forget: vec![] }
}

/// The PA changed her entry while she changed it too: a conflict holding
/// her version of the entry.
fn pa_with_a_conflict() -> (Replica, Uuid) {
    let mut pa = Replica::new(Uuid::from_u128(1));
    let m = pa.put(EntityKind::HealthEntry, Uuid::from_u128(10), fields(json!({"note": "PA's words"})));
    pa.apply_push(&[PushResultItem {
        mutation_id: m.mutation_id,
        result: MutationResult::Conflict {
            record: her_entry(7, "her private words"),
            fields: vec!["note".into()],
            deleted: false,
        },
    }]);
    assert_eq!(pa.conflicts.len(), 1);
    (pa, m.mutation_id)
}

fn holds(r: &Replica, words: &str) -> bool {
    serde_json::to_string(r).unwrap().contains(words)
}

#[test]
fn an_entry_marked_only_me_leaves_no_conflict_holding_it_on_the_pas_device() {
    let (mut pa, mine) = pa_with_a_conflict();
    assert!(holds(&pa, "her private words"));

    // She marks it "only me": the PA's next pull brings its tombstone.
    pa.apply_pull(&pull(vec![Tombstone { entity: EntityKind::HealthEntry, id: Uuid::from_u128(10), version: 8 }], 8));

    assert!(pa.conflicts.is_empty(), "the conflict went with the entry");
    assert!(!holds(&pa, "her private words"), "nothing of her entry is left on the PA's device");
    assert!(!pa.view().contains_key(&Uuid::from_u128(10)));
    // The PA's own words are kept, as a change that can't be sent.
    assert_eq!(pa.rejected.len(), 1);
    assert_eq!(pa.rejected[0].mutation.mutation_id, mine);
    assert_eq!(pa.rejected[0].mutation.payload["note"], "PA's words");
}

#[test]
fn a_conflict_that_knew_of_the_deletion_stays_so_keep_mine_can_bring_it_back() {
    let mut r = Replica::new(Uuid::from_u128(1));
    let m = r.put(EntityKind::Topic, Uuid::from_u128(10), fields(json!({"text": "mine"})));
    let gone = SyncRecord { entity: EntityKind::Topic, fields: Fields::new(), ..her_entry(9, "") };
    r.apply_push(&[PushResultItem {
        mutation_id: m.mutation_id,
        result: MutationResult::Conflict { record: gone, fields: vec![], deleted: true },
    }]);
    r.apply_pull(&pull(vec![Tombstone { entity: EntityKind::Topic, id: Uuid::from_u128(10), version: 9 }], 9));
    assert_eq!(r.conflicts.len(), 1);
    assert!(r.rejected.is_empty());
}
