//! Writes each target's seed corpus into `fuzz/seeds/<target>/` from real
//! shapes: the demo data as the server seeds it (read back from a throwaway
//! SQLite database), the demo offers exported as ORUK, the ORUK examples in
//! data/oruk, and request bodies and headers as the app and a proxy send
//! them. Run by scripts/fuzz before fuzzing; the seeds are not committed.

// Linked for its coverage hooks only: cargo-fuzz builds every binary of
// this package with coverage instrumentation, which calls into libFuzzer.
use libfuzzer_sys as _;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use pathway_model::offer::{OfferItem, oruk};
use pathway_model::sync::replica::{PendingConflict, RejectedChange};
use pathway_model::sync::{
    EntityKind, Mutation, MutationResult, Op, PullResponse, PushRequest, PushResponse, PushResultItem, SyncRecord,
    Tombstone,
};
use pathway_server::db::Db;
use pathway_server::db::sync::{Scope, changed_since};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

struct Seeds {
    root: PathBuf,
    count: BTreeMap<&'static str, usize>,
}

impl Seeds {
    fn put(&mut self, target: &'static str, bytes: impl AsRef<[u8]>) {
        let n = self.count.entry(target).or_default();
        *n += 1;
        let dir = self.root.join(target);
        fs::create_dir_all(&dir).expect("seed dir");
        fs::write(dir.join(format!("seed-{n:04}")), bytes).expect("seed file");
    }
    fn json(&mut self, target: &'static str, selector: Option<u8>, v: &impl Serialize) {
        let mut bytes = selector.map(|b| vec![b]).unwrap_or_default();
        bytes.extend(serde_json::to_vec(v).expect("serialises"));
        self.put(target, bytes);
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repo").to_path_buf();
    let root = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| repo.join("fuzz/seeds"));
    let _ = fs::remove_dir_all(&root);
    let mut seeds = Seeds { root, count: BTreeMap::new() };
    let records = demo_records().await;
    records_seeds(&mut seeds, &records);
    offer_seeds(&mut seeds, &repo);
    body_seeds(&mut seeds);
    text_seeds(&mut seeds, &records);
    for (target, n) in &seeds.count {
        println!("{target}: {n} seeds");
    }
}

/// Every record the demo seeds, read back as a young person's and a PA's
/// devices would pull them.
async fn demo_records() -> Vec<SyncRecord> {
    let dir = std::env::temp_dir().join(format!("pathway-fuzz-seeds-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.join("demo.db").display());
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let today = pathway_model::date::utc_day(NOW);
    pathway_server::demo::seed_if_empty(&db, today).await.expect("seed");
    pathway_server::demo::seed_sample_records(&db, today).await.expect("sample records");
    let mut out = Vec::new();
    let mut conn = db.pool().acquire().await.expect("connection");
    for username in ["jade", "kai"] {
        let p = pathway_server::db::people::by_username(&db, username).await.expect("query").expect("demo person");
        let id: Uuid = p.id.parse().expect("uuid");
        for r in changed_since(&mut conn, Scope::Own(id), 0, 10_000).await.expect("records") {
            out.push(r.to_sync_record());
        }
    }
    for username in ["pa.sam", "pa.priya"] {
        let p = pathway_server::db::people::by_username(&db, username).await.expect("query").expect("demo PA");
        let id: Uuid = p.id.parse().expect("uuid");
        for r in changed_since(&mut conn, Scope::Caseload(id), 0, 10_000).await.expect("records") {
            if r.entity == EntityKind::Contact || r.entity == EntityKind::AgreedAction {
                out.push(r.to_sync_record());
            }
        }
    }
    drop(conn);
    db.close().await;
    out.extend(every_kind());
    let _ = fs::remove_dir_all(&dir);
    out
}

const NOW: i64 = pathway_fuzz::common::NOW_MS;

/// The demo's sample records are contacts, plans and meetings only: one
/// record of every kind more, each field filled as its check expects, so
/// every kind's rules have a seed that passes them.
fn every_kind() -> Vec<SyncRecord> {
    use pathway_model::record::check::Check;
    EntityKind::ALL
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let fields = kind
                .fields()
                .iter()
                .map(|spec| {
                    let v = match spec.check {
                        Check::Text(_) | Check::OptText(_) => json!("Help with money and my first flat"),
                        Check::Date | Check::OptDate => json!("2026-02-14"),
                        Check::Bool => json!(true),
                        Check::Millis | Check::OptMillis => json!(NOW - 86_400_000),
                        Check::OneOf(words) | Check::OptOneOf(words) => json!(words[0]),
                        Check::OptPhone => json!("07700 900123"),
                        Check::OptWhole(min, _) => json!(min),
                    };
                    (spec.name.to_string(), v)
                })
                .collect();
            SyncRecord {
                entity: *kind,
                id: Uuid::from_u128(0xa000 + i as u128),
                owner_id: Uuid::from_u128(5),
                version: 10 + i as i64,
                fields,
                updated_at: NOW,
            }
        })
        .collect()
}

fn mutation(r: &SyncRecord, seq: u64, op: Op, base: Option<i64>) -> Mutation {
    Mutation {
        mutation_id: Uuid::from_u128(0x1000 + u128::from(seq)),
        client_id: Uuid::from_u128(0xc11e),
        seq,
        entity: r.entity,
        record_id: r.id,
        op,
        payload: if op == Op::Put { r.fields.clone() } else { Default::default() },
        base_version: base,
        owner_id: Some(r.owner_id),
    }
}

fn records_seeds(s: &mut Seeds, records: &[SyncRecord]) {
    let kinds = EntityKind::ALL;
    let mut mutations = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let seq = i as u64 + 1;
        let k = kinds.iter().position(|k| *k == r.entity).expect("a kind") as u8;
        // field_rules: kind, role, then the fields (and as a change over them).
        for role in 0..3u8 {
            let mut bytes = vec![k, role];
            bytes.extend(serde_json::to_vec(&r.fields).expect("fields"));
            s.put("field_rules", bytes);
        }
        let mut pair = vec![k, (i % 3) as u8];
        pair.extend(serde_json::to_vec(&json!([r.fields, r.fields])).expect("pair"));
        s.put("field_rules", pair);
        // stored_records: the record, a change to it, a conflict, a refusal.
        s.json("stored_records", Some(1), r);
        let m = mutation(r, seq, Op::Put, Some(r.version));
        s.json("stored_records", Some(2), &m);
        s.json(
            "stored_records",
            Some(3),
            &PendingConflict { mine: m.clone(), theirs: r.clone(), fields: r.fields.keys().cloned().collect(), deleted: false },
        );
        s.json("stored_records", Some(4), &RejectedChange { mutation: m.clone(), reason: "not yours".into() });
        // sync_push: new, changed and deleted, alone and in batches.
        s.json("sync_push", None, &PushRequest { mutations: vec![mutation(r, seq, Op::Put, None)] });
        s.json("sync_push", None, &PushRequest { mutations: vec![m.clone()] });
        s.json("sync_push", None, &PushRequest { mutations: vec![mutation(r, seq, Op::Delete, Some(r.version))] });
        mutations.push(m);
    }
    for batch in mutations.chunks(5) {
        s.json("sync_push", None, &PushRequest { mutations: batch.to_vec() });
    }
    s.json("stored_records", Some(0), &json!({"person_id": Uuid::from_u128(5), "client_id": Uuid::from_u128(0xc11e), "cursor": 42, "next_seq": 7}));
    let tombstones: Vec<Tombstone> =
        records.iter().take(3).map(|r| Tombstone { entity: r.entity, id: r.id, version: r.version + 1 }).collect();
    for chunk in records.chunks(8) {
        let pull = PullResponse {
            changes: chunk.to_vec(),
            tombstones: tombstones.clone(),
            cursor: chunk.iter().map(|r| r.version).max().unwrap_or(0),
            last_seq: 3,
            has_more: false,
            forget: vec![chunk[0].owner_id],
        };
        s.json("stored_records", Some(5), &pull);
    }
    let results = records
        .iter()
        .take(4)
        .zip(mutations.iter())
        .map(|(r, m)| PushResultItem {
            mutation_id: m.mutation_id,
            result: match m.seq % 4 {
                0 => MutationResult::Applied { version: r.version + 1 },
                1 => MutationResult::AlreadyApplied { version: r.version },
                2 => MutationResult::Conflict { record: r.clone(), fields: vec!["text".into()], deleted: false },
                _ => MutationResult::Rejected { reason: "no such record".into() },
            },
        })
        .collect();
    s.json("stored_records", Some(6), &PushResponse { results });
}

fn offer_seeds(s: &mut Seeds, repo: &Path) {
    for name in ["service_list.example.json", "service_full.example.json"] {
        let text = fs::read(repo.join("data/oruk").join(name)).expect("ORUK example");
        s.put("oruk_import", text);
    }
    for council in ["liverpool", "knowsley", "wirral"] {
        let text = fs::read_to_string(repo.join(format!("data/offers/{council}.json"))).expect("demo offer");
        let items: Vec<OfferItem> = serde_json::from_str(&text).expect("demo offer reads");
        let services: Vec<_> = items.iter().map(|i| oruk::to_service(i, council)).collect();
        s.json("oruk_import", None, &services);
        s.json("oruk_import", None, &json!({"contents": services.iter().take(3).collect::<Vec<_>>()}));
        for service in services.iter().take(4) {
            s.json("oruk_import", None, &[service]);
        }
    }
}

fn body_seeds(s: &mut Seeds) {
    let bodies: [(u8, serde_json::Value); 14] = [
        (0, json!({"username": "jade", "passphrase": "pathway-demo"})),
        (0, json!({"username": "pa.sam", "passphrase": "pathway-demo", "second_factor": "123 456"})),
        (0, json!({"username": "pa.sam", "passphrase": "pathway-demo", "second_factor": "K7QMP-4XDAB"})),
        (1, json!({"code": "K7QM-P4XD"})),
        (2, json!({"code": "k7qm p4xd", "passphrase": "a long walk by the river"})),
        (3, json!({"code": "492039"})),
        (4, json!({"current": "pathway-demo", "new": "three green apples today"})),
        (5, json!({"passphrase": "pathway-demo"})),
        (6, json!({"pin": "2580"})),
        (7, json!({"name": "Aunt Sue", "phone": "07700 900123", "email": "sue@example.org", "hours": "Evenings"})),
        (8, json!({"first_name": "Mia", "last_name": "Hart", "date_of_birth": "2008-04-30", "status": "former_relevant", "circumstances": ["in_education", "parent"]})),
        (9, json!({"first_name": "Ali", "last_name": "Khan", "role": "advisor"})),
        (10, json!({"advisor_id": Uuid::from_u128(3)})),
        (10, json!({"advisor_id": null})),
    ];
    for (selector, body) in bodies {
        s.json("request_bodies", Some(selector), &body);
    }
    for q in [
        "since=0&client_id=00000000-0000-0000-0000-00000000c11e",
        "since=1234&client_id=0190f5e6-7b3a-7cc1-8000-123456789abc",
        "search=council%20tax&page=2&per_page=10",
        "search=rent+help",
        "page=3",
        "page=18446744073709551615&per_page=100",
    ] {
        s.put("query_strings", q);
    }
    for h in [
        "203.0.113.7, 10.0.0.2\npathway_session=abc123; theme=dark\nlocalhost:8080",
        "[2001:db8::1]:443, 10.0.0.9\n__Host-pathway_session=tok\n[::1]:3000",
        "192.0.2.44:5123\nother=1\npathway.example",
    ] {
        s.put("headers", h);
    }
    for d in ["2026-03-01", "2008-02-29", "+2026-3-1", " 2026 - 03 - 01", "-0001-12-31", "1900-01-01", "2100-12-31"] {
        s.put("dates", d);
    }
    s.put("dates", 1_772_366_400_000i64.to_le_bytes());
}

fn text_seeds(s: &mut Seeds, records: &[SyncRecord]) {
    for r in records {
        for v in r.fields.values() {
            if let Some(text) = v.as_str().filter(|t| t.len() > 12) {
                s.put("glossary", text);
            }
        }
    }
    s.put("glossary", "Had my MMR and the Td/IPV booster at the GP; EpiPen renewed.");
    s.put("glossary", "review health assessment next month");
}
