//! The sync protocol's promise, tested on random histories: several devices
//! edit offline, pushes are lost, duplicated and delivered late, pulls come
//! in small pages; when everyone has synced and chosen how to settle their
//! conflicts, every device shows exactly what the server has, every change
//! made on a device reached the server (none silently lost), and none was
//! applied twice.

use std::collections::{BTreeMap, HashMap};

use pathway_model::auth::Role;
use pathway_model::sync::merge::StoredRecord;
use pathway_model::sync::{
    EntityKind, Fields, Mutation, PullResponse, PushResultItem, Replica, StoredAnswer, Tombstone, Writer, answer_again,
    decide,
};
use proptest::prelude::*;
use serde_json::json;
use uuid::Uuid;

const YOUNG_PERSON: Uuid = Uuid::from_u128(0xA);
const ADVISOR: Uuid = Uuid::from_u128(0xB);
const PAGE: usize = 3;

/// The server's part, without a database: the same `answer_again` and
/// `decide` the real server runs, a change counter and the stored answer of
/// every mutation id. It has no exactly-once logic of its own, so "none
/// applied twice" below tests the model's.
#[derive(Default)]
struct Server {
    counter: i64,
    records: BTreeMap<Uuid, StoredRecord>,
    results: HashMap<Uuid, StoredAnswer>,
    times_written: HashMap<Uuid, u32>,
}

impl Server {
    fn push(&mut self, writer: Writer, batch: &[Mutation]) -> Vec<PushResultItem> {
        batch
            .iter()
            .map(|m| {
                if let Some(result) = answer_again(self.results.get(&m.mutation_id), writer) {
                    return PushResultItem { mutation_id: m.mutation_id, result };
                }
                let owner = (writer.role == Role::YoungPerson).then_some(YOUNG_PERSON);
                let d = decide(self.records.get(&m.record_id), m, writer, owner, self.counter + 1, 0);
                if let Some(rec) = d.write {
                    self.counter += 1;
                    self.records.insert(rec.id, rec);
                    *self.times_written.entry(m.mutation_id).or_default() += 1;
                }
                let answer = StoredAnswer { person_id: writer.person_id, result: d.result.clone() };
                self.results.insert(m.mutation_id, answer);
                PushResultItem { mutation_id: m.mutation_id, result: d.result }
            })
            .collect()
    }

    fn pull(&self, since: i64) -> PullResponse {
        let mut newer: Vec<&StoredRecord> = self.records.values().filter(|r| r.version > since).collect();
        newer.sort_by_key(|r| r.version);
        let has_more = newer.len() > PAGE;
        newer.truncate(PAGE);
        let cursor = if has_more { newer.last().map(|r| r.version).unwrap_or(since) } else { self.counter.max(since) };
        PullResponse {
            changes: newer.iter().filter(|r| !r.deleted).map(|r| r.to_sync_record()).collect(),
            tombstones: newer
                .iter()
                .filter(|r| r.deleted)
                .map(|r| Tombstone { entity: r.entity, id: r.id, version: r.version })
                .collect(),
            cursor,
            last_seq: 0,
            has_more,
            forget: vec![],
        }
    }
}

#[derive(Debug, Clone)]
enum Action {
    Text { device: usize, record: u8, text: u8 },
    Done { device: usize, record: u8, done: bool },
    TalkedAbout { record: u8, yes: bool },
    Delete { device: usize, record: u8 },
    Push { device: usize, lose_answer: bool, deliver_twice: bool },
    LateRedelivery { device: usize },
    Pull { device: usize },
    Settle { device: usize, keep_mine: bool },
}

// Devices 0 and 1 are the young person's phone and tablet; 2 is their PA's laptop.
fn action() -> impl Strategy<Value = Action> {
    let device = 0..3usize;
    let yp_device = 0..2usize;
    let record = 0..4u8;
    prop_oneof![
        3 => (yp_device.clone(), record.clone(), 0..3u8).prop_map(|(device, record, text)| Action::Text { device, record, text }),
        2 => (yp_device.clone(), record.clone(), any::<bool>()).prop_map(|(device, record, done)| Action::Done { device, record, done }),
        2 => (record.clone(), any::<bool>()).prop_map(|(record, yes)| Action::TalkedAbout { record, yes }),
        1 => (yp_device, record).prop_map(|(device, record)| Action::Delete { device, record }),
        3 => (device.clone(), any::<bool>(), any::<bool>()).prop_map(|(device, lose_answer, deliver_twice)| Action::Push { device, lose_answer, deliver_twice }),
        1 => device.clone().prop_map(|device| Action::LateRedelivery { device }),
        3 => device.clone().prop_map(|device| Action::Pull { device }),
        1 => (device, any::<bool>()).prop_map(|(device, keep_mine)| Action::Settle { device, keep_mine }),
    ]
}

struct Device {
    replica: Replica,
    writer: Writer,
    /// Every batch ever sent, for late redelivery.
    sent: Vec<Vec<Mutation>>,
}

fn rid(n: u8) -> Uuid {
    Uuid::from_u128(0x1000 + n as u128)
}

fn fields(v: serde_json::Value) -> Fields {
    v.as_object().unwrap().clone()
}

fn push(server: &mut Server, d: &mut Device, lose_answer: bool, deliver_twice: bool) {
    let batch = d.replica.outbox.clone();
    if batch.is_empty() {
        return;
    }
    let mut answer = server.push(d.writer, &batch);
    if deliver_twice {
        answer = server.push(d.writer, &batch);
    }
    d.sent.push(batch);
    if !lose_answer {
        d.replica.apply_push(&answer);
    }
}

fn pull_all(server: &Server, d: &mut Device) {
    loop {
        let page = server.pull(d.replica.cursor);
        d.replica.apply_pull(&page);
        if !page.has_more {
            break;
        }
    }
}

fn run(actions: Vec<Action>) -> Result<(), TestCaseError> {
    let mut server = Server::default();
    let mut devices: Vec<Device> = (0..3u128)
        .map(|i| Device {
            replica: Replica::new(Uuid::from_u128(0x100 + i)),
            writer: if i < 2 {
                Writer { person_id: YOUNG_PERSON, role: Role::YoungPerson }
            } else {
                Writer { person_id: ADVISOR, role: Role::Advisor }
            },
            sent: Vec::new(),
        })
        .collect();
    let mut made: Vec<Uuid> = Vec::new();
    let texts = ["Laptop", "Bus pass", "Driving lessons"];

    for a in actions {
        match a {
            Action::Text { device, record, text } => {
                let m = devices[device].replica.put(
                    EntityKind::Topic,
                    rid(record),
                    fields(json!({"text": texts[text as usize]})),
                );
                made.push(m.mutation_id);
            }
            Action::Done { device, record, done } => {
                let m = devices[device].replica.put(EntityKind::Topic, rid(record), fields(json!({"done": done})));
                made.push(m.mutation_id);
            }
            Action::TalkedAbout { record, yes } => {
                // A PA can only tick what they can see.
                if devices[2].replica.view().contains_key(&rid(record)) {
                    let m =
                        devices[2].replica.put(EntityKind::Topic, rid(record), fields(json!({"talked_about": yes})));
                    made.push(m.mutation_id);
                }
            }
            Action::Delete { device, record } => {
                if devices[device].replica.view().contains_key(&rid(record)) {
                    let m = devices[device].replica.delete(EntityKind::Topic, rid(record));
                    made.push(m.mutation_id);
                }
            }
            Action::Push { device, lose_answer, deliver_twice } => {
                push(&mut server, &mut devices[device], lose_answer, deliver_twice)
            }
            Action::LateRedelivery { device } => {
                if let Some(old) = devices[device].sent.first().cloned() {
                    // A stale copy of the first batch arrives again; its answer is lost.
                    server.push(devices[device].writer, &old);
                }
            }
            Action::Pull { device } => pull_all(&server, &mut devices[device]),
            Action::Settle { device, keep_mine } => {
                let ids: Vec<Uuid> = devices[device].replica.conflicts.iter().map(|c| c.mine.mutation_id).collect();
                for id in ids {
                    if keep_mine {
                        if let Some(m) = devices[device].replica.keep_mine(id) {
                            made.push(m.mutation_id);
                        }
                    } else {
                        devices[device].replica.keep_theirs(id);
                    }
                }
            }
        }
    }

    // Everyone comes online and settles. "Keep mine" first (it may meet a
    // newer change and conflict again), then "keep theirs" so it ends.
    for round in 0..6 {
        for d in devices.iter_mut() {
            let ids: Vec<Uuid> = d.replica.conflicts.iter().map(|c| c.mine.mutation_id).collect();
            for id in ids {
                if round < 3 {
                    if let Some(m) = d.replica.keep_mine(id) {
                        made.push(m.mutation_id);
                    }
                } else {
                    d.replica.keep_theirs(id);
                }
            }
            push(&mut server, d, false, false);
            pull_all(&server, d);
        }
    }
    for d in devices.iter_mut() {
        pull_all(&server, d);
    }

    let truth: BTreeMap<Uuid, Fields> =
        server.records.values().filter(|r| !r.deleted).map(|r| (r.id, r.fields.clone())).collect();
    for (i, d) in devices.iter().enumerate() {
        prop_assert!(d.replica.outbox.is_empty(), "device {i} still has an outbox");
        prop_assert!(d.replica.conflicts.is_empty(), "device {i} still has conflicts");
        let seen: BTreeMap<Uuid, Fields> = d.replica.view().into_iter().map(|(id, r)| (id, r.fields)).collect();
        prop_assert_eq!(&seen, &truth, "device {} differs from the server", i);
    }
    for id in &made {
        prop_assert!(server.results.contains_key(id), "a change made on a device never reached the server");
    }
    for (id, n) in &server.times_written {
        prop_assert!(*n <= 1, "mutation {id} was applied {n} times");
    }
    Ok(())
}

proptest! {
    // 2000 histories by default; PROPTEST_CASES=N runs more.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn devices_converge_and_no_change_is_lost_or_doubled(actions in prop::collection::vec(action(), 1..60)) {
        run(actions)?;
    }
}
