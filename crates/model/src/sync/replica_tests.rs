//! The replica's own tests: changes, pushes, pulls and conflicts.

use super::*;
use serde_json::json;

fn fields(v: serde_json::Value) -> Fields {
    v.as_object().unwrap().clone()
}

#[test]
fn a_typed_change_is_queued_as_its_own_kind_and_reads_back_typed() {
    use crate::record::Record;
    use crate::topic::{Topic, TopicChange};
    let mut r = Replica::new(Uuid::from_u128(1));
    let id = Uuid::from_u128(10);
    let m = r.put_change(id, TopicChange { text: Some("Bus pass".into()), ..Default::default() });
    assert_eq!((m.entity, m.payload.clone()), (EntityKind::Topic, fields(json!({"text": "Bus pass"}))));
    let shown = r.view().remove(&id).unwrap();
    assert_eq!(shown.entity, <Topic as Record>::KIND);
    assert_eq!(<Topic as Record>::from_fields(&shown.fields).unwrap().text, "Bus pass");
}

#[test]
fn a_change_shows_at_once_and_survives_a_pull_until_acknowledged() {
    let mut r = Replica::new(Uuid::from_u128(1));
    let id = Uuid::from_u128(10);
    let m = r.put(EntityKind::Topic, id, fields(json!({"text": "Bus pass"})));
    assert_eq!(m.seq, 1);
    assert_eq!(m.base_version, None);
    assert!(r.view()[&id].pending);
    // A pull that does not have it yet leaves it showing.
    r.apply_pull(&PullResponse {
        changes: vec![],
        tombstones: vec![],
        cursor: 5,
        last_seq: 0,
        has_more: false,
        forget: vec![],
    });
    assert_eq!(r.view()[&id].fields["text"], "Bus pass");
    r.apply_push(&[PushResultItem { mutation_id: m.mutation_id, result: MutationResult::Applied { version: 6 } }]);
    assert!(r.outbox.is_empty());
    // Between the push and the pull it is still there, no longer pending.
    let between = &r.view()[&id];
    assert_eq!(between.fields["text"], "Bus pass");
    assert!(!between.pending);
    let owner = Uuid::from_u128(3);
    let rec = SyncRecord {
        entity: EntityKind::Topic,
        id,
        owner_id: owner,
        version: 6,
        fields: m.payload.clone(),
        updated_at: 0,
    };
    r.apply_pull(&PullResponse {
        changes: vec![rec],
        tombstones: vec![],
        cursor: 6,
        last_seq: 1,
        has_more: false,
        forget: vec![],
    });
    assert!(r.settled.is_empty(), "the pull brought it back");
    let v = &r.view()[&id];
    assert!(!v.pending);
    assert_eq!(v.version, Some(6));
    // The next edit is based on the confirmed version.
    assert_eq!(r.put(EntityKind::Topic, id, fields(json!({"done": true}))).base_version, Some(6));
}

#[test]
fn a_conflict_keeps_my_words_until_i_choose() {
    let mut r = Replica::new(Uuid::from_u128(1));
    let id = Uuid::from_u128(10);
    let m = r.put(EntityKind::Topic, id, fields(json!({"text": "mine"})));
    let theirs = SyncRecord {
        entity: EntityKind::Topic,
        id,
        owner_id: Uuid::from_u128(3),
        version: 9,
        fields: fields(json!({"text": "theirs"})),
        updated_at: 0,
    };
    r.apply_push(&[PushResultItem {
        mutation_id: m.mutation_id,
        result: MutationResult::Conflict { record: theirs.clone(), fields: vec!["text".into()], deleted: false },
    }]);
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].mine.payload["text"], "mine");
    let again = r.keep_mine(m.mutation_id).unwrap();
    assert_eq!(again.base_version, Some(9));
    assert_ne!(again.mutation_id, m.mutation_id);
    assert_eq!(r.view()[&id].fields["text"], "mine");
}
