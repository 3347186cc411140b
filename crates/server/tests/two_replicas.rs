//! Two `pathway-server` processes on one PostgreSQL, as behind a proxy
//! (README "Running several replicas"). Fifty young people push 10,000
//! changes over both at once, in pushes of ten, each push retried until it
//! is answered, as the app does; a failed try goes to the other replica,
//! as a proxy would send it. Meanwhile each replica in turn is killed with
//! SIGKILL and started again. Then the database is counted and every
//! person pulls from each replica: nothing lost, nothing doubled. Last, a
//! session made on one replica works on the other, and signing out on one
//! ends it on both.
//!
//! The sync limits (model `sync::limits`: 600 changes a minute a person)
//! are met by spreading the changes over fifty people, 200 each, which
//! leaves each 400 for retries (a try cut off by a kill may have been
//! counted); a 429 is still honoured (Retry-After) and counted, as the app
//! does. The killer strikes about once a second: faster, and under a loaded
//! machine some people's lost tries pass the limit and wait a minute.
//!
//! Only meaningful on PostgreSQL: SQLite is one file owned by one process,
//! so without a postgres DATABASE_URL the test says it is skipped.

mod common;

use std::collections::HashSet;
use std::process::Child;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::DEMO_PASSPHRASE;
use reqwest::Client;
use reqwest::header::{COOKIE, SET_COOKIE};
use serde_json::{Value, json};
use uuid::Uuid;

const PEOPLE: usize = 50;
const CHANGES_EACH: usize = 200;
const PER_PUSH: usize = 10;
const CHANGES: usize = PEOPLE * CHANGES_EACH;
/// The session cookie over plain http on loopback (auth/cookie.rs).
const SESSION_COOKIE: &str = "pathway_session";

struct Replica {
    addr: String,
    child: Mutex<Child>,
}

impl Replica {
    fn start(db_url: &str, dist: &std::path::Path) -> Replica {
        let addr = format!("127.0.0.1:{}", free_port());
        let child = Mutex::new(spawn(db_url, &addr, dist));
        Replica { addr, child }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}/api/v1{path}", self.addr)
    }

    /// SIGKILL (no clean shutdown), then at once a new process on the same address.
    fn kill_and_restart(&self, db_url: &str, dist: &std::path::Path) {
        let mut child = self.child.lock().unwrap();
        let _ = child.kill();
        let _ = child.wait();
        *child = spawn(db_url, &self.addr, dist);
    }

    fn stop(&self) {
        let mut child = self.child.lock().unwrap();
        let _ = child.kill();
        let _ = child.wait();
    }
}

use common::process::{free_port, serve as spawn};

/// Signs in on `replica`, waiting for it to answer and honouring 429s
/// (a shared address signing in fifty times): the session token.
async fn sign_in(client: &Client, replica: &Replica, username: &str) -> String {
    let started = Instant::now();
    loop {
        assert!(started.elapsed() < Duration::from_secs(60), "could not sign in {username} on {}", replica.addr);
        let body = json!({"username": username, "passphrase": DEMO_PASSPHRASE});
        let Ok(res) = client.post(replica.url("/auth/login")).json(&body).send().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        match res.status().as_u16() {
            200 => return session_token(&res).expect("a session cookie on sign-in"),
            429 => tokio::time::sleep(retry_after(&res)).await,
            other => panic!("sign in {username}: {other} {}", res.text().await.unwrap_or_default()),
        }
    }
}

fn session_token(res: &reqwest::Response) -> Option<String> {
    res.headers().get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|v| {
        let (name, rest) = v.split_once('=')?;
        (name == SESSION_COOKIE).then(|| rest.split(';').next().unwrap_or_default().to_string())
    })
}

fn retry_after(res: &reqwest::Response) -> Duration {
    let secs = res.headers().get("retry-after").and_then(|v| v.to_str().ok()?.parse().ok());
    Duration::from_secs(secs.unwrap_or(1))
}

fn cookie(token: &str) -> String {
    format!("{SESSION_COOKIE}={token}")
}

/// Young people with the demo passphrase, copies of jade (same council and PA).
async fn add_young_people(db: &pathway_server::db::Db, n: usize) -> Vec<String> {
    let mut names = Vec::new();
    for i in 0..n {
        let username = format!("replica.{i}");
        sqlx::query(
            "INSERT INTO people (id, council_id, role, username, passphrase_hash, first_name, last_name,
                date_of_birth, legal_status, circumstances, advisor_id, created_at, passphrase_set_at)
             SELECT $1, council_id, role, $2, passphrase_hash, first_name, last_name, date_of_birth,
                legal_status, circumstances, advisor_id, created_at, passphrase_set_at
             FROM people WHERE username = 'jade'",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(&username)
        .execute(db.writer())
        .await
        .unwrap();
        names.push(username);
    }
    names
}

/// What the pushing people saw, over all of them.
#[derive(Default)]
struct Tally {
    requests: AtomicUsize,
    acknowledged: AtomicUsize,
    replayed: AtomicUsize,
    too_many: AtomicUsize,
    unexpected: AtomicUsize,
}

/// One person's phone: `CHANGES_EACH` changes in pushes of `PER_PUSH`,
/// each push sent until answered. The text of each change, to find it later.
async fn push_all(client: Client, replicas: Arc<[Replica; 2]>, who: usize, token: String, tally: Arc<Tally>) {
    let device = Uuid::now_v7();
    let mut seq = 0;
    for push in 0..CHANGES_EACH / PER_PUSH {
        let mutations: Vec<Value> = (0..PER_PUSH)
            .map(|_| {
                seq += 1;
                json!({"mutation_id": Uuid::now_v7(), "client_id": device, "seq": seq, "entity": "topic",
                    "record_id": Uuid::now_v7(), "op": "put", "payload": {"text": format!("person {who} change {seq}")},
                    "base_version": null})
            })
            .collect();
        let body = json!({ "mutations": mutations });
        let mut target = (who + push) % 2;
        loop {
            tally.requests.fetch_add(1, Ordering::Relaxed);
            let sent =
                client.post(replicas[target].url("/sync/push")).header(COOKIE, cookie(&token)).json(&body).send();
            match sent.await {
                Ok(res) if res.status() == 429 => {
                    tally.too_many.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(retry_after(&res)).await;
                    continue;
                }
                Ok(res) if res.status() == 200 => {
                    // The answer may still be cut off by a kill: then send again.
                    if let Ok(answer) = res.json::<Value>().await {
                        for r in answer["results"].as_array().expect("results") {
                            let status = &r["result"]["status"];
                            assert!(status == "applied" || status == "already_applied", "{answer}");
                            tally.acknowledged.fetch_add(1, Ordering::Relaxed);
                            tally.replayed.fetch_add(usize::from(status == "already_applied"), Ordering::Relaxed);
                        }
                        break;
                    }
                }
                Ok(_) => {
                    tally.unexpected.fetch_add(1, Ordering::Relaxed);
                }
                Err(_) => {}
            }
            // No answer: the proxy sends the retry to the other replica.
            target = 1 - target;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Every record `token`'s owner can pull from `replica`, page by page.
async fn pull_all(client: &Client, replica: &Replica, token: &str) -> Vec<Value> {
    let (mut since, mut records) = (0i64, Vec::new());
    let device = Uuid::now_v7();
    loop {
        let res = client
            .get(replica.url(&format!("/sync/pull?since={since}&client_id={device}")))
            .header(COOKIE, cookie(token))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "pull from {}", replica.addr);
        let page: Value = res.json().await.unwrap();
        records.extend(page["changes"].as_array().unwrap().iter().cloned());
        since = page["cursor"].as_i64().unwrap();
        if page["has_more"] != true {
            return records;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_killed_in_turn_during_10000_changes_lose_and_double_nothing() {
    if !std::env::var("DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")) {
        println!("two replicas: skipped on SQLite (one file, one process); runs when DATABASE_URL is postgres://…");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db_url = common::database_url(dir.path()).await;
    common::process::seed_demo(&db_url);
    let db = pathway_server::db::Db::connect(&db_url).await.unwrap();
    let people = add_young_people(&db, PEOPLE).await;
    let dist = dir.path().to_path_buf();
    let replicas = Arc::new([Replica::start(&db_url, &dist), Replica::start(&db_url, &dist)]);
    let client = Client::builder().timeout(Duration::from_secs(10)).build().unwrap();

    // Half sign in on each replica; every push below may go to either.
    let mut tokens = Vec::new();
    for (i, name) in people.iter().enumerate() {
        tokens.push(sign_in(&client, &replicas[i % 2], name).await);
    }

    // The killer: each replica in turn, at uneven intervals.
    let done = Arc::new(AtomicBool::new(false));
    let kills = Arc::new([AtomicUsize::new(0), AtomicUsize::new(0)]);
    let killer = {
        let (replicas, done, kills, db_url, dist) =
            (replicas.clone(), done.clone(), kills.clone(), db_url.clone(), dist.clone());
        std::thread::spawn(move || {
            let pauses = [700u64, 1100, 900, 1400, 800, 1200, 1000];
            let mut i = 0;
            while !done.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(pauses[i % pauses.len()]));
                if done.load(Ordering::SeqCst) {
                    break;
                }
                replicas[i % 2].kill_and_restart(&db_url, &dist);
                kills[i % 2].fetch_add(1, Ordering::SeqCst);
                i += 1;
            }
        })
    };

    let tally = Arc::new(Tally::default());
    let t0 = Instant::now();
    let phones: Vec<_> = tokens
        .iter()
        .enumerate()
        .map(|(who, token)| tokio::spawn(push_all(client.clone(), replicas.clone(), who, token.clone(), tally.clone())))
        .collect();
    for phone in phones {
        phone.await.unwrap();
    }
    let elapsed = t0.elapsed();
    done.store(true, Ordering::SeqCst);
    killer.join().unwrap();
    let kills = [kills[0].load(Ordering::SeqCst), kills[1].load(Ordering::SeqCst)];

    // The database, through a connection of its own.
    let count = |sql: &'static str| {
        let pool = db.pool().clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    let found = count("SELECT COUNT(*) FROM sync_records WHERE entity = 'topic'").await;
    let distinct_texts = count("SELECT COUNT(DISTINCT fields) FROM sync_records WHERE entity = 'topic'").await;
    let answered = count("SELECT COUNT(*) FROM applied_mutations").await;
    let all_records = count("SELECT COUNT(*) FROM sync_records").await;
    let versions_used = count("SELECT value FROM change_counter").await;
    // Each change makes one record at one version: a change applied twice
    // would take a second version.
    let doubled_in_db = versions_used - all_records;

    // Every person pulls from each replica: their 200, each once. Replicas
    // were last restarted by the killer; wait until both answer.
    let mut lost_in_pulls = 0usize;
    let mut doubled_in_pulls = 0usize;
    for replica in replicas.iter() {
        for (who, token) in tokens.iter().enumerate() {
            let started = Instant::now();
            while client.get(replica.url("/health")).send().await.is_err() {
                assert!(started.elapsed() < Duration::from_secs(30), "replica {} did not come back", replica.addr);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let topics: Vec<Value> =
                pull_all(&client, replica, token).await.into_iter().filter(|r| r["entity"] == "topic").collect();
            let ids: HashSet<&str> = topics.iter().map(|r| r["id"].as_str().unwrap()).collect();
            let texts: HashSet<String> = topics.iter().map(|r| r["fields"]["text"].as_str().unwrap().into()).collect();
            doubled_in_pulls += topics.len() - ids.len();
            lost_in_pulls +=
                (1..=CHANGES_EACH).filter(|seq| !texts.contains(&format!("person {who} change {seq}"))).count();
        }
    }

    let lost = CHANGES as i64 - found;
    println!(
        "two replicas (postgres): {CHANGES} changes by {PEOPLE} people in pushes of {PER_PUSH}, {} requests, \
         {} acknowledged ({} answered from a stored result), {} answered 429, {} other answers; \
         kills {} (replica A {}, replica B {}); lost {lost} (pulls: {lost_in_pulls}), doubled {doubled_in_db} \
         (pulls: {doubled_in_pulls}); {:.1} s",
        tally.requests.load(Ordering::Relaxed),
        tally.acknowledged.load(Ordering::Relaxed),
        tally.replayed.load(Ordering::Relaxed),
        tally.too_many.load(Ordering::Relaxed),
        tally.unexpected.load(Ordering::Relaxed),
        kills[0] + kills[1],
        kills[0],
        kills[1],
        elapsed.as_secs_f64()
    );
    assert_eq!(tally.acknowledged.load(Ordering::Relaxed), CHANGES);
    assert_eq!(tally.unexpected.load(Ordering::Relaxed), 0, "answers other than 200 and 429");
    assert_eq!(lost, 0, "lost writes");
    assert_eq!(distinct_texts, CHANGES as i64);
    assert_eq!(answered, CHANGES as i64);
    assert_eq!(doubled_in_db, 0, "doubled writes");
    assert_eq!((lost_in_pulls, doubled_in_pulls), (0, 0), "what the replicas hand out");
    assert!(kills[0] >= 3 && kills[1] >= 3, "each replica must be killed a few times: {kills:?}");

    sessions_cross_replicas(&client, &replicas).await;
    for replica in replicas.iter() {
        replica.stop();
    }
}

/// A session made on A works on B; signing out on A ends it on B too.
async fn sessions_cross_replicas(client: &Client, replicas: &[Replica; 2]) {
    let [a, b] = replicas;
    let token = sign_in(client, a, "kai").await;
    let me = client.get(b.url("/me")).header(COOKIE, cookie(&token)).send().await.unwrap();
    assert_eq!(me.status(), 200, "a session made on A, on B");
    let pulled = client
        .get(b.url(&format!("/sync/pull?since=0&client_id={}", Uuid::now_v7())))
        .header(COOKIE, cookie(&token))
        .send()
        .await
        .unwrap();
    assert_eq!(pulled.status(), 200, "a pull on B with A's session");
    let out = client.post(a.url("/auth/logout")).header(COOKIE, cookie(&token)).send().await.unwrap();
    assert_eq!(out.status(), 204);
    for replica in [a, b] {
        let res = client.get(replica.url("/me")).header(COOKIE, cookie(&token)).send().await.unwrap();
        assert_eq!(res.status(), 401, "signed out on A, still in on {}", replica.addr);
    }
    let res = client
        .get(b.url(&format!("/sync/pull?since=0&client_id={}", Uuid::now_v7())))
        .header(COOKIE, cookie(&token))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401, "a pull on B after signing out on A");
    println!("two replicas: a session made on A works on B; signing out on A ends it on B");
}
