//! Health entries for the passport tests (health_share.rs, health_passport.rs).

use reqwest::Client;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{TestServer, push, put};

/// Jade's entries: a ticked allergy, an "only me" note and condition she
/// also ticked, and a medicine she left out.
pub async fn jades_health(s: &TestServer) -> Client {
    let jade = s.signed_in("jade").await;
    let entries = [
        json!({"kind": "allergy", "author": "me", "title": "Penicillin", "severity": "severe",
               "recorded_by": "Jade", "visibility": "my_pa", "in_passport": true}),
        json!({"kind": "note", "author": "me", "title": "Counselling I went to in year 10",
               "recorded_by": "Jade", "visibility": "me_only", "in_passport": true}),
        json!({"kind": "condition", "author": "me", "title": "Anxiety",
               "recorded_by": "Jade", "visibility": "me_only", "in_passport": true}),
        json!({"kind": "medicine", "author": "me", "title": "Cetirizine", "dose": "One a day",
               "recorded_by": "Jade", "visibility": "my_pa", "in_passport": false}),
    ];
    let puts = entries.into_iter().map(|e| put("health_entry", Uuid::now_v7(), e, None, None)).collect();
    let r = push(s, &jade, puts).await;
    assert!(r.iter().all(|r| r["status"] == "applied"), "{r:?}");
    jade
}

/// A share link of `c`'s, for `label`, lasting `days`: the answer that
/// carries its path and passcode.
pub async fn make_link(s: &TestServer, c: &Client, label: &str, days: u32) -> Value {
    let res = c
        .post(s.url("/api/v1/me/health/share-links"))
        .json(&json!({"label": label, "days": days}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// The token in a made link's path.
pub fn token_of(made: &Value) -> String {
    made["path"].as_str().unwrap().strip_prefix("/share/").unwrap().to_string()
}
