//! Reads leave their audit rows through one group-committing task
//! (db/audit_queue.rs). Under concurrency every read must still leave its
//! rows, and they must have committed before its answer arrives.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use common::{TestServer, pull, push, put};
use pathway_server::db::audit::AuditAction;
use pathway_server::db::audit_queue::AuditEvent;
use serde_json::json;
use uuid::Uuid;

async fn synced_rows(s: &TestServer, actor: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE actor_id = $1 AND action = 'synced_records'")
        .bind(actor)
        .fetch_one(s.db.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_of_many_concurrent_pa_pulls_has_its_audit_rows_committed_before_it_answers() {
    let s = Arc::new(TestServer::start().await);
    let jade = s.signed_in("jade").await;
    let r = push(&s, &jade, vec![put("topic", Uuid::now_v7(), json!({"text": "Rent"}), None, None)]).await;
    assert_eq!(r[0]["status"], "applied");
    let sam = s.signed_in("pa.sam").await;
    let sam_id = s.person_id("pa.sam").await;

    pull(&s, &sam, 0).await;
    let per_pull = synced_rows(&s, &sam_id).await;
    assert!(per_pull >= 1, "a PA pull carrying Jade's topic is audited");

    const PULLS: i64 = 40;
    let answered = Arc::new(AtomicI64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..PULLS {
        let (s, sam, sam_id, answered) = (s.clone(), sam.clone(), sam_id.clone(), answered.clone());
        tasks.push(tokio::spawn(async move {
            pull(&s, &sam, 0).await;
            // Every pull that has answered so far, this one included, has
            // its rows in the database already.
            let answered = answered.fetch_add(1, Ordering::SeqCst) + 1;
            let rows = synced_rows(&s, &sam_id).await;
            assert!(rows >= per_pull * (1 + answered), "{answered} answered pulls, only {rows} rows");
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(synced_rows(&s, &sam_id).await, per_pull * (1 + PULLS), "no row lost, none doubled");
}

#[tokio::test]
async fn a_batch_larger_than_one_statement_is_written_whole() {
    let s = TestServer::start().await;
    let actor: Uuid = s.person_id("pa.sam").await.parse().unwrap();
    let subject: Uuid = s.person_id("jade").await.parse().unwrap();
    // More rows than one INSERT carries (500), so several in one transaction.
    let events: Vec<AuditEvent> =
        (0..1_201).map(|_| AuditEvent { actor, subject, action: AuditAction::ViewedOverview, detail: None }).collect();
    s.db.audits().write(events).await.unwrap();
    let trail = pathway_server::db::audit::for_subject(&s.db, subject).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.action == "viewed_overview").count(), 1_201);
}
