//! What each role's answers contain: a PA's list holds only her caseload, a
//! young person sees only her own PA, a manager only her council's figures,
//! and a PA's look at a record leaves a trace in the audit trail.

mod common;

use common::{TestServer, push, put};
use serde_json::{Value, json};

#[tokio::test]
async fn a_pa_sees_only_their_own_caseload() {
    let s = TestServer::start().await;
    let names = |v: &Value| -> Vec<String> {
        let mut n: Vec<String> =
            v.as_array().unwrap().iter().map(|e| e["first_name"].as_str().unwrap().to_string()).collect();
        n.sort();
        n
    };
    let sam: Value =
        s.signed_in("pa.sam").await.get(s.url("/api/v1/caseload")).send().await.unwrap().json().await.unwrap();
    assert_eq!(names(&sam), ["Jade", "Tom"]);
    let priya: Value =
        s.signed_in("pa.priya").await.get(s.url("/api/v1/caseload")).send().await.unwrap().json().await.unwrap();
    assert_eq!(names(&priya), ["Kai", "Leah"]);
}

#[tokio::test]
async fn a_young_person_sees_their_own_pa_and_nobody_elses() {
    let s = TestServer::start().await;
    for (user, pa) in [("jade", "Sam Okafor"), ("kai", "Priya Shah"), ("mo", "Dan Evans")] {
        let body: Value =
            s.signed_in(user).await.get(s.url("/api/v1/people/my-pa")).send().await.unwrap().json().await.unwrap();
        assert_eq!(body["advisor"]["name"], pa, "{user}");
        assert!(body["advisor"]["phone"].as_str().unwrap().starts_with("07700 900"));
    }
}

#[tokio::test]
async fn a_manager_sees_figures_for_their_own_council_only() {
    let s = TestServer::start().await;
    // Priya saw Kai last week; nobody has seen Leah.
    let kai = s.person_id("kai").await;
    let week_ago = (chrono::Utc::now().date_naive() - chrono::Days::new(7)).to_string();
    let contact = json!({"date": week_ago, "how": "in_person"});
    let r =
        push(&s, &s.signed_in("pa.priya").await, vec![put("contact", uuid::Uuid::now_v7(), contact, None, Some(&kai))])
            .await;
    assert_eq!(r[0]["status"], "applied", "{r:?}");
    let body: Value = s
        .signed_in("manager.knowsley")
        .await
        .get(s.url("/api/v1/council/figures"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["council"]["id"], "knowsley");
    assert_eq!(body["young_people"], 2);
    assert_eq!(body["advisors"], 1);
    assert_eq!(body["not_contacted_90_days"], 1, "Leah, never contacted");
}

#[tokio::test]
async fn a_pa_opening_a_young_persons_page_leaves_an_audit_trail() {
    let s = TestServer::start().await;
    let jade = s.person_id("jade").await;
    let kai = s.person_id("kai").await;
    let sam = s.signed_in("pa.sam").await;
    let body: Value = sam.get(s.url(&format!("/api/v1/caseload/{jade}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["first_name"], "Jade");
    assert_eq!(body["age"], 19);
    assert_eq!(body["circumstances"], json!(["in_education"]));
    assert_eq!(body["stage"], "leaving_care18_to20");
    let trail = pathway_server::db::audit::for_subject(&s.db, jade.parse().unwrap()).await.unwrap();
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0].actor_id, s.person_id("pa.sam").await);
    assert_eq!(trail[0].action, "viewed_overview");
    // A refused look at someone else's record is not logged as a view of it.
    sam.get(s.url(&format!("/api/v1/caseload/{kai}"))).send().await.unwrap();
    let trail = pathway_server::db::audit::for_subject(&s.db, kai.parse().unwrap()).await.unwrap();
    assert!(trail.is_empty());
}
