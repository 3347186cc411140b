//! A real server for each test: the same `app()` the binary runs, on a free
//! loopback port, over a fresh database. SQLite by default (a temporary
//! file); PostgreSQL when DATABASE_URL is a postgres URL, with a new database
//! per test so tests can run in parallel.
#![allow(dead_code)]

pub mod accounts;
pub mod health;
pub mod process;

use std::path::Path;

use pathway_server::db::Db;
use pathway_server::state::Config;
use reqwest::Client;
use serde_json::Value;
use sqlx::Executor;

pub const DEMO_PASSPHRASE: &str = "pathway-demo";

pub struct TestServer {
    pub base: String,
    pub db: Db,
    /// The database's URL, for a second connection that stands for another
    /// process (the import command, another replica).
    pub database_url: String,
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub async fn start() -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        Self::start_with(dir, &dist).await
    }

    /// Serves `dist` as the built app.
    pub async fn start_with_dist(write_dist: impl FnOnce(&Path)) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        write_dist(&dist);
        Self::start_with(dir, &dist).await
    }

    /// A server with these settings rather than `Config::local()`.
    pub async fn start_with_config(config: Config) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        Self::start_full(dir, &dist, config).await
    }

    async fn start_with(dir: tempfile::TempDir, dist: &Path) -> TestServer {
        Self::start_full(dir, dist, Config::local()).await
    }

    async fn start_full(dir: tempfile::TempDir, dist: &Path, config: Config) -> TestServer {
        let url = database_url(dir.path()).await;
        let db = Db::connect(&url).await.expect("connect");
        db.migrate().await.expect("migrate");
        pathway_server::demo::seed_if_empty(&db, chrono::Utc::now().date_naive()).await.expect("seed");
        let base = Self::serve(db.clone(), dist, config).await;
        TestServer { base, db, database_url: url, _dir: dir }
    }

    /// A second server (another replica) on this one's database: its base URL.
    pub async fn replica(&self, config: Config) -> String {
        let db = Db::connect(&self.database_url).await.expect("connect");
        Self::serve(db, &self._dir.path().join("dist"), config).await
    }

    async fn serve(db: Db, dist: &Path, config: Config) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = pathway_server::state_with(db, dist, config);
        tokio::spawn(async move {
            let _ = pathway_server::serve(listener, state).await;
        });
        base
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A client that keeps cookies, like a browser.
    pub fn client(&self) -> Client {
        Client::builder().cookie_store(true).build().unwrap()
    }

    /// `POST /api/v1/auth/login` from `client`, as the sign-in form sends it.
    pub async fn login(&self, client: &Client, username: &str, passphrase: &str) -> reqwest::Response {
        client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "username": username, "passphrase": passphrase }))
            .send()
            .await
            .unwrap()
    }

    /// A client signed in as a demo user.
    pub async fn signed_in(&self, username: &str) -> Client {
        let client = self.client();
        let res = self.login(&client, username, DEMO_PASSPHRASE).await;
        assert_eq!(res.status(), 200, "sign in as {username}: {}", res.text().await.unwrap());
        client
    }

    pub async fn person_id(&self, username: &str) -> String {
        sqlx::query_scalar("SELECT id FROM people WHERE username = $1")
            .bind(username)
            .fetch_one(self.db.pool())
            .await
            .unwrap()
    }

    /// A manager adds a PA to their council; the new PA's person id.
    pub async fn add_advisor(&self, manager: &Client, first_name: &str, last_name: &str) -> String {
        let res = manager
            .post(self.url("/api/v1/council/staff"))
            .json(&serde_json::json!({"first_name": first_name, "last_name": last_name, "role": "advisor"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "add {first_name} {last_name}");
        let added: serde_json::Value = res.json().await.unwrap();
        added["person_id"].as_str().unwrap().to_string()
    }
}

/// A new, empty database: a SQLite file in `dir`, or a fresh PostgreSQL
/// database when DATABASE_URL points at a PostgreSQL server.
pub async fn database_url(dir: &Path) -> String {
    match std::env::var("DATABASE_URL") {
        Ok(admin) if admin.starts_with("postgres") => {
            sqlx::any::install_default_drivers();
            let name = format!("pathway_test_{}", uuid::Uuid::now_v7().simple());
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin).await.expect("postgres");
            conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).await.expect("create database");
            let (prefix, _) = admin.rsplit_once('/').expect("postgres URL with a database name");
            format!("{prefix}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", dir.join("test.db").display()),
    }
}

/// Asserts the documented error shape and returns the code.
pub async fn error_code(res: reqwest::Response) -> String {
    let body: Value = res.json().await.expect("error body is JSON");
    let code = body["error"]["code"].as_str().expect("error.code").to_string();
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "error.message in {body}");
    code
}

/// `POST /sync/push`, expecting 200; the result of each mutation in order.
pub async fn push(s: &TestServer, c: &Client, mutations: Vec<Value>) -> Vec<Value> {
    let res =
        c.post(s.url("/api/v1/sync/push")).json(&serde_json::json!({ "mutations": mutations })).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    body["results"].as_array().unwrap().iter().map(|r| r["result"].clone()).collect()
}

/// `GET /sync/pull` from `since` as a new device, expecting 200.
pub async fn pull(s: &TestServer, c: &Client, since: i64) -> Value {
    let url = s.url(&format!("/api/v1/sync/pull?since={since}&client_id={}", uuid::Uuid::now_v7()));
    let res = c.get(url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// A put of `entity` as a new device's first change.
pub fn put(entity: &str, record: uuid::Uuid, payload: Value, base: Option<i64>, owner: Option<&str>) -> Value {
    serde_json::json!({
        "mutation_id": uuid::Uuid::now_v7(), "client_id": uuid::Uuid::now_v7(), "seq": 1, "entity": entity,
        "record_id": record, "op": "put", "payload": payload, "base_version": base, "owner_id": owner
    })
}
