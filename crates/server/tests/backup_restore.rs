//! Backups as the README's "Backups" section says to take them, while the
//! real `pathway-server` serves and two young people keep pushing: on
//! SQLite `pathway-server backup --to FILE`, on PostgreSQL `pg_dump
//! --format=custom`. The backup is restored into an empty database and
//! compared with the one it came from, table by table, row by row: every
//! table no one wrote to during the backup is equal; the tables being
//! written hold exactly the changes committed before the backup's moment
//! (a consistent snapshot, nothing torn, nothing acknowledged before it
//! began missing). Sessions are the exception: backups keep none
//! (src/backup.rs says why). Last, a server on the restored database
//! signs a young person in and her pull carries every record.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::DEMO_PASSPHRASE;
use pathway_server::db::Db;
use reqwest::Client;
use serde_json::{Value, json};
use sqlx::Row;
use uuid::Uuid;

/// Tables whose rows are updated in place as people push (a counter, each
/// device's last seq, each person's sync count): a snapshot may hold a value
/// between the one before and the one after, so only their keys are compared.
const UPDATED_IN_PLACE: [&str; 3] = ["change_counter", "sync_clients", "sync_limits"];

struct Server(Child);

impl Server {
    async fn start(db_url: &str, dist: &Path) -> (Server, String) {
        let addr = format!("127.0.0.1:{}", common::process::free_port());
        let child = common::process::serve(db_url, &addr, dist);
        let base = format!("http://{addr}/api/v1");
        let started = Instant::now();
        while reqwest::get(format!("{base}/health")).await.is_err() {
            assert!(started.elapsed() < Duration::from_secs(30), "server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        (Server(child), base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn signed_in(base: &str, username: &str) -> Client {
    let client = Client::builder().cookie_store(true).build().unwrap();
    let res = client
        .post(format!("{base}/auth/login"))
        .json(&json!({"username": username, "passphrase": DEMO_PASSPHRASE}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "sign in as {username}");
    client
}

/// A young person's change: a topic or one of her own health notes.
fn change(device: Uuid, seq: u64, n: u64) -> Value {
    let (entity, payload) = if n.is_multiple_of(2) {
        ("topic", json!({"text": format!("topic {n}")}))
    } else {
        (
            "health_entry",
            json!({"kind": "note", "author": "me", "title": format!("note {n}"),
            "recorded_by": "Me", "visibility": "my_pa"}),
        )
    };
    json!({"mutation_id": Uuid::now_v7(), "client_id": device, "seq": seq, "entity": entity,
        "record_id": Uuid::now_v7(), "op": "put", "payload": payload, "base_version": null})
}

/// Pushes three changes at a time until `stop`; every acknowledged mutation id.
async fn keep_pushing(base: String, client: Client, stop: Arc<AtomicBool>, acked: Arc<Mutex<Vec<String>>>) {
    let device = Uuid::now_v7();
    let mut seq = 0;
    while !stop.load(Ordering::SeqCst) {
        let mutations: Vec<Value> = (0..3)
            .map(|_| {
                seq += 1;
                change(device, seq, seq)
            })
            .collect();
        let res = client.post(format!("{base}/sync/push")).json(&json!({"mutations": mutations})).send().await.unwrap();
        assert_eq!(res.status(), 200, "push");
        let body: Value = res.json().await.unwrap();
        assert!(body["results"].as_array().unwrap().iter().all(|r| r["result"]["status"] == "applied"), "{body}");
        acked.lock().unwrap().extend(mutations.iter().map(|m| m["mutation_id"].as_str().unwrap().to_string()));
    }
}

/// Every table's rows as sorted text (each value through the database's
/// own text form), so two databases of one backend compare exactly.
async fn dump(db: &Db) -> BTreeMap<String, Vec<String>> {
    let postgres = db.backend() == pathway_server::db::Backend::Postgres;
    let tables: Vec<String> = if postgres {
        sqlx::query_scalar("SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            .fetch_all(db.pool()).await.unwrap()
    } else {
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .fetch_all(db.pool())
            .await
            .unwrap()
    };
    let mut out = BTreeMap::new();
    for table in tables {
        let columns: Vec<String> = if postgres {
            sqlx::query_scalar("SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position")
                .bind(&table).fetch_all(db.pool()).await.unwrap()
        } else {
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                .bind(&table)
                .fetch_all(db.pool())
                .await
                .unwrap()
        };
        let as_text = |c: &String| if postgres { format!("CAST(\"{c}\" AS TEXT)") } else { format!("quote(\"{c}\")") };
        let select = format!("SELECT {} FROM \"{table}\"", columns.iter().map(as_text).collect::<Vec<_>>().join(", "));
        let rows = sqlx::query(sqlx::AssertSqlSafe(select)).fetch_all(db.pool()).await.unwrap();
        let mut rows: Vec<String> = rows
            .iter()
            .map(|row| {
                let values: Vec<Option<String>> = (0..columns.len()).map(|i| row.try_get(i).unwrap()).collect();
                serde_json::to_string(&values).unwrap()
            })
            .collect();
        rows.sort();
        out.insert(table, rows);
    }
    out
}

/// The newest PostgreSQL client tools (the apt `postgresql` package), else PATH.
fn pg_tool(name: &str) -> PathBuf {
    let mut bins: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.flatten().map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    bins.sort_by_key(|p| p.parent().and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok()).unwrap_or(0));
    bins.last().map(|b| b.join(name)).filter(|p| p.exists()).unwrap_or_else(|| name.into())
}

/// Takes the backup the README describes; the file written.
fn back_up(db_url: &str, dir: &Path) -> PathBuf {
    if db_url.starts_with("postgres") {
        let file = dir.join("pathway.dump");
        let out = Command::new(pg_tool("pg_dump"))
            .args(["--format=custom", "--exclude-table-data=auth_sessions", "--file"])
            .arg(&file)
            .arg(db_url)
            .output()
            .expect("pg_dump");
        assert!(out.status.success(), "pg_dump: {}", String::from_utf8_lossy(&out.stderr));
        file
    } else {
        let file = dir.join("pathway-backup.db");
        let out = Command::new(env!("CARGO_BIN_EXE_pathway-server"))
            .args(["backup", "--to"])
            .arg(&file)
            .env("DATABASE_URL", db_url)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap();
        assert!(out.status.success(), "backup: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Backed up"));
        file
    }
}

/// Restores `file` into a new, empty database; its URL.
async fn restore(file: &Path, dir: &Path) -> String {
    let url = common::database_url(&dir.join("restored")).await;
    if url.starts_with("postgres") {
        let out = Command::new(pg_tool("pg_restore"))
            .args(["--no-owner", "--exit-on-error", "--dbname"])
            .arg(&url)
            .arg(file)
            .output()
            .expect("pg_restore");
        assert!(out.status.success(), "pg_restore: {}", String::from_utf8_lossy(&out.stderr));
    } else {
        // A SQLite backup is the whole database: put it in place.
        std::fs::create_dir_all(dir.join("restored")).unwrap();
        std::fs::copy(file, dir.join("restored").join("test.db")).unwrap();
    }
    url
}

async fn count(db: &Db, sql: &str, bind: i64) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string())).bind(bind).fetch_one(db.pool()).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_server_writes_restores_every_record_but_sessions() {
    let t0 = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db_url = common::database_url(dir.path()).await;
    let backend = if db_url.starts_with("postgres") { "postgres" } else { "sqlite" };
    common::process::seed_demo(&db_url);
    let (server, base) = Server::start(&db_url, dir.path()).await;

    // Records of many kinds before the backup: the demo's people, offer,
    // contacts and plan; a PA added by the manager; a PA's health entry.
    let manager = signed_in(&base, "manager.liverpool").await;
    let res = manager
        .post(format!("{base}/council/staff"))
        .json(&json!({"first_name": "Robin", "last_name": "Hale", "role": "advisor"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "add a PA");
    let source = Db::connect(&db_url).await.unwrap();
    let jade_id: String =
        sqlx::query_scalar("SELECT id FROM people WHERE username = 'jade'").fetch_one(source.pool()).await.unwrap();
    let sam = signed_in(&base, "pa.sam").await;
    let entry = json!({"kind": "allergy", "author": "professional", "title": "Penicillin", "severity": "severe",
        "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa"});
    let m = json!({"mutation_id": Uuid::now_v7(), "client_id": Uuid::now_v7(), "seq": 1, "entity": "health_entry",
        "record_id": Uuid::now_v7(), "op": "put", "payload": entry, "base_version": null, "owner_id": jade_id});
    let res = sam.post(format!("{base}/sync/push")).json(&json!({"mutations": [m]})).send().await.unwrap();
    assert_eq!(res.status(), 200);

    // Two young people keep pushing before, during and after the backup.
    let (jade, kai) = (signed_in(&base, "jade").await, signed_in(&base, "kai").await);
    let before = dump(&source).await;
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Vec::new()));
    let pushers: Vec<_> = [jade, kai]
        .into_iter()
        .map(|c| tokio::spawn(keep_pushing(base.clone(), c, stop.clone(), acked.clone())))
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let acked_before_backup: Vec<String> = acked.lock().unwrap().clone();
    let backup_started = Instant::now();
    let file = tokio::task::spawn_blocking({
        let (db_url, dir) = (db_url.clone(), dir.path().to_path_buf());
        move || back_up(&db_url, &dir)
    })
    .await
    .unwrap();
    let backup_secs = backup_started.elapsed().as_secs_f64();
    let acked_during_backup = acked.lock().unwrap().len() - acked_before_backup.len();
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, Ordering::SeqCst);
    for p in pushers {
        p.await.unwrap();
    }
    let after = dump(&source).await;
    drop(server);

    let restored_url = restore(&file, dir.path()).await;
    let restored_db = Db::connect(&restored_url).await.unwrap();
    let restored = dump(&restored_db).await;

    // Table by table.
    assert_eq!(restored.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "the same tables");
    let mut written_during = Vec::new();
    for (table, rows) in &restored {
        if table == "auth_sessions" {
            assert!(rows.is_empty(), "a backup keeps no sessions");
            assert!(!after[table].is_empty());
        } else if before[table] == after[table] {
            assert_eq!(rows, &after[table], "{table}: no one wrote to it, so the restore must equal it");
        } else if UPDATED_IN_PLACE.contains(&table.as_str()) {
            written_during.push(table.clone());
            assert!(rows.len() >= before[table].len() && rows.len() <= after[table].len(), "{table}");
        } else {
            written_during.push(table.clone());
            let (then, now): (BTreeSet<_>, BTreeSet<_>) =
                (before[table].iter().collect(), after[table].iter().collect());
            let mine: BTreeSet<_> = rows.iter().collect();
            assert!(mine.is_subset(&now), "{table}: a restored row the database never held");
            assert!(then.is_subset(&mine), "{table}: a row from before the backup is missing");
        }
    }
    // One moment: the records up to the restored counter, all of them and
    // no later one, each with its stored answer; and everything
    // acknowledged before the backup began.
    let at: i64 = sqlx::query_scalar("SELECT value FROM change_counter").fetch_one(restored_db.pool()).await.unwrap();
    let restored_records = count(&restored_db, "SELECT COUNT(*) FROM sync_records WHERE version <= $1", at).await;
    assert_eq!(restored_records, count(&source, "SELECT COUNT(*) FROM sync_records WHERE version <= $1", at).await);
    assert_eq!(count(&restored_db, "SELECT COUNT(*) FROM sync_records WHERE version > $1", at).await, 0);
    let answers = |d: &BTreeMap<String, Vec<String>>| d["applied_mutations"].len() as i64;
    let records = |d: &BTreeMap<String, Vec<String>>| d["sync_records"].len() as i64;
    assert_eq!(
        answers(&restored) - answers(&before),
        records(&restored) - records(&before),
        "a change without its answer"
    );
    let answered: HashSet<String> = sqlx::query_scalar("SELECT mutation_id FROM applied_mutations")
        .fetch_all(restored_db.pool())
        .await
        .unwrap()
        .into_iter()
        .collect();
    let missing = acked_before_backup.iter().filter(|m| !answered.contains(*m)).count();
    assert_eq!(missing, 0, "changes acknowledged before the backup began are missing");
    assert!(records(&after) > records(&restored), "the writers went on after the backup: it was taken while writing");

    // README "Backups", after a restore: versions go on past any cursor a
    // device took from the lost database, else a change made now would
    // carry a version some devices think they have seen.
    let lost_head: i64 = sqlx::query_scalar("SELECT value FROM change_counter").fetch_one(source.pool()).await.unwrap();
    assert!(lost_head > at, "the restore is behind the database it came from");
    sqlx::query("UPDATE change_counter SET value = value + 1000000000").execute(restored_db.writer()).await.unwrap();

    // A server on the restored database: Jade signs in again and pulls.
    let (_restored_server, restored_base) = Server::start(&restored_url, dir.path()).await;
    let jade = signed_in(&restored_base, "jade").await;
    let pulled: Value = jade
        .get(format!("{restored_base}/sync/pull?since=0&client_id={}", Uuid::now_v7()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(pulled["has_more"], false);
    let hers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sync_records WHERE owner_id = $1 AND deleted = 0")
        .bind(&jade_id)
        .fetch_one(restored_db.pool())
        .await
        .unwrap();
    assert_eq!(pulled["changes"].as_array().unwrap().len() as i64, hers, "Jade's pull from the restored server");
    // A phone that last pulled from the lost database still gets what is new.
    let device = Uuid::now_v7();
    let res = jade
        .post(format!("{restored_base}/sync/push"))
        .json(&json!({"mutations": [change(device, 1, 0)]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let since_lost: Value = jade
        .get(format!("{restored_base}/sync/pull?since={lost_head}&client_id={device}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        since_lost["changes"].as_array().unwrap().len(),
        1,
        "a change after the restore, for a phone ahead of it"
    );

    let rows: usize = restored.values().map(Vec::len).sum();
    println!(
        "backup and restore ({backend}): {} tables, {rows} rows restored equal ({} written during the run: {}); \
         {} changes acknowledged before the backup, {acked_during_backup} while it ran ({backup_secs:.2} s), {} after; \
         sessions: {} in the database, 0 in the backup; Jade pulled {hers} records from the restored server; {:.1} s in all",
        restored.len(),
        written_during.len(),
        written_during.join(", "),
        acked_before_backup.len(),
        acked.lock().unwrap().len() - acked_before_backup.len() - acked_during_backup,
        after["auth_sessions"].len(),
        t0.elapsed().as_secs_f64()
    );
}
