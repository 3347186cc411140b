//! Who may see what, for every kind of record: no PA reads, changes or
//! deletes the records of a young person on another PA's caseload,
//! whichever kind (the access matrix in access.rs covers the routes).

mod common;

use common::{TestServer, push, put};
use serde_json::{Value, json};

/// One valid new record of each kind for `owner` (Kai), and whether his PA
/// (rather than he) writes it.
fn one_of_each_kind(owner: uuid::Uuid) -> Vec<(pathway_model::sync::EntityKind, uuid::Uuid, Value, bool)> {
    use pathway_model::plan::{PlanArea, review_id, section_id};
    use pathway_model::sync::EntityKind as K;
    let today = chrono::Utc::now().date_naive().to_string();
    let new = uuid::Uuid::now_v7;
    vec![
        (K::Topic, new(), json!({"text": "Rent"}), false),
        (
            K::Entitlement,
            pathway_model::entitlement::record_id(owner, "knowsley", "laptop"),
            json!({"council_id": "knowsley", "item_id": "laptop", "status": "asked"}),
            false,
        ),
        (
            K::HealthEntry,
            new(),
            json!({"kind": "allergy", "author": "professional", "title": "Nuts", "recorded_by": "Priya Shah (PA)",
                   "visibility": "my_pa"}),
            true,
        ),
        (K::PlanSection, section_id(owner, PlanArea::Home), json!({"area": "home", "goals": "A flat"}), true),
        (K::PlanComment, new(), json!({"area": "home", "text": "Near my sister"}), false),
        (K::PlanReview, review_id(owner), json!({"last_review": today}), true),
        (
            K::ContactRequest,
            new(),
            json!({"kind": "contact_me", "how": "call", "reach_on": "07700 900999", "asked_at": 1_790_000_000_000_i64}),
            false,
        ),
        (K::UnsafeAlert, new(), json!({"raised_at": 1_790_000_000_000_i64}), false),
        (K::Contact, new(), json!({"date": today, "how": "phone", "summary": "We talked."}), true),
        (K::AgreedAction, new(), json!({"what": "Call housing", "owner": "advisor", "by_when": today}), true),
    ]
}

#[tokio::test]
async fn no_pa_reads_or_changes_another_caseloads_records_of_any_kind() {
    let s = TestServer::start().await;
    let kai_id = s.person_id("kai").await;
    let (kai, priya, sam) = (s.signed_in("kai").await, s.signed_in("pa.priya").await, s.signed_in("pa.sam").await);
    let kinds = one_of_each_kind(kai_id.parse().unwrap());
    assert_eq!(kinds.len(), pathway_model::sync::EntityKind::ALL.len(), "every kind");
    let mut ids = Vec::new();
    for (kind, id, fields, by_pa) in kinds {
        let (writer, owner) = if by_pa { (&priya, Some(kai_id.as_str())) } else { (&kai, None) };
        let r = push(&s, writer, vec![put(kind.as_str(), id, fields, None, owner)]).await;
        assert_eq!(r[0]["status"], "applied", "{kind:?}: {r:?}");
        ids.push((kind, id, r[0]["version"].as_i64()));
    }
    // Sam's laptop never gets any of it, Priya's gets all of it.
    let sams = common::pull(&s, &sam, 0).await;
    assert_eq!(sams["changes"], json!([]));
    assert_eq!(sams["tombstones"], json!([]));
    let priyas = common::pull(&s, &priya, 0).await;
    assert_eq!(priyas["changes"].as_array().unwrap().len(), ids.len());
    // Nor can Sam change or delete any of it: the same answer as for no record.
    for (kind, id, v) in ids {
        let r = push(&s, &sam, vec![put(kind.as_str(), id, json!({}), v, None)]).await;
        assert_eq!(r[0], json!({"status": "rejected", "reason": "no such record"}), "{kind:?}");
        let del = json!({"mutation_id": uuid::Uuid::now_v7(), "client_id": uuid::Uuid::now_v7(), "seq": 1,
                         "entity": kind.as_str(), "record_id": id, "op": "delete", "base_version": v});
        assert_eq!(push(&s, &sam, vec![del]).await[0]["status"], "rejected", "{kind:?}");
    }
    // A manager holds no records at all.
    let res = s
        .signed_in("manager.knowsley")
        .await
        .get(s.url(&format!("/api/v1/sync/pull?client_id={}", uuid::Uuid::now_v7())))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}
