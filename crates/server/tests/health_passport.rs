//! Her health passport leaving the app (issue 19): the FHIR R4 file she
//! downloads, and the page a share link opens in a browser with no
//! account and no scripts.

mod common;

use common::TestServer;
use common::health::{jades_health, make_link, token_of};
use reqwest::Client;
use serde_json::{Value, json};

#[tokio::test]
async fn her_fhir_file_holds_her_passport_and_never_an_only_me_or_unticked_entry() {
    let s = TestServer::start().await;
    let jade = jades_health(&s).await;
    let res = jade.get(s.url("/api/v1/me/health/fhir")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers();
    assert_eq!(h["content-type"], "application/fhir+json");
    assert_eq!(h["content-disposition"], "attachment; filename=\"health-passport.fhir.json\"");
    assert_eq!(h["cache-control"], "no-store");
    let text = res.text().await.unwrap();
    let bundle: Value = serde_json::from_str(&text).unwrap();
    assert_eq!((bundle["resourceType"].as_str(), bundle["type"].as_str()), (Some("Bundle"), Some("collection")));
    let resources: Vec<&Value> = bundle["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).collect();
    let born: String = sqlx::query_scalar("SELECT date_of_birth FROM people WHERE username = 'jade'")
        .fetch_one(s.db.pool())
        .await
        .unwrap();
    let patient = resources.iter().find(|r| r["resourceType"] == "Patient").expect("her Patient");
    assert_eq!(patient["birthDate"].as_str(), Some(born.as_str()));
    assert_eq!(patient["name"][0]["family"], "Thompson");
    let allergy = resources.iter().find(|r| r["resourceType"] == "AllergyIntolerance").expect("the allergy");
    assert_eq!(allergy["code"]["text"], "Penicillin");
    assert_eq!(allergy["code"]["coding"][0]["system"], "http://snomed.info/sct");
    assert_eq!(allergy["meta"]["profile"][0], "https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance");
    assert_eq!(resources.len(), 2, "her and her one ticked entry: {text}");
    for left_out in ["Anxiety", "Counselling", "Cetirizine"] {
        assert!(!text.contains(left_out), "{left_out} is not in her passport");
    }
}

async fn page(s: &TestServer, token: &str, passcode: Option<&str>) -> (u16, reqwest::header::HeaderMap, String) {
    let c = Client::new();
    let url = s.url(&format!("/share/{token}"));
    let res = match passcode {
        None => c.get(url).send().await.unwrap(),
        Some(p) => c.post(url).form(&[("passcode", p)]).send().await.unwrap(),
    };
    let (status, headers) = (res.status().as_u16(), res.headers().clone());
    (status, headers, res.text().await.unwrap())
}

#[tokio::test]
async fn the_share_page_asks_for_the_passcode_then_shows_her_passport_without_scripts() {
    let s = TestServer::start().await;
    let jade = jades_health(&s).await;
    let made = make_link(&s, &jade, "New GP <b>", 2).await;
    let token = token_of(&made);
    let passcode = made["passcode"].as_str().unwrap();

    // The form says nothing about whether the link exists.
    let (status, headers, form) = page(&s, &token, None).await;
    let (_, _, unknown_form) = page(&s, &"C".repeat(43), None).await;
    assert_eq!((status, &form), (200, &unknown_form));
    assert!(form.starts_with("<!doctype html><html lang=\"en\">"));
    assert!(form.contains("<label for=\"passcode\">Passcode</label>") && form.contains("<form method=\"post\">"));
    assert!(!form.contains("<script"), "no scripts");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["x-robots-tag"], "noindex, nofollow");
    assert!(headers["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'; style-src 'self'"));
    let css = Client::new().get(s.url("/share/style.css")).send().await.unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");

    let (status, _, wrong) = page(&s, &token, Some("000000")).await;
    assert_eq!(status, 401);
    assert!(wrong.contains("That passcode is not right") && wrong.contains("aria-invalid=\"true\""));

    let (status, _, shown) = page(&s, &token, Some(passcode)).await;
    assert_eq!(status, 200, "{shown}");
    assert_eq!(shown.matches("<h1>").count(), 1);
    assert!(shown.contains("<h1>Health passport: Jade Thompson</h1>"));
    assert!(shown.contains("Sample data"), "a demo council's person is sample data");
    assert!(shown.contains("<h2>Allergies</h2>") && shown.contains("<h3>Penicillin</h3>"));
    assert!(shown.contains("This link stops working on "));
    for left_out in ["Anxiety", "Counselling", "Cetirizine"] {
        assert!(!shown.contains(left_out), "{left_out}");
    }

    let id = made["link"]["id"].as_str().unwrap();
    jade.delete(s.url(&format!("/api/v1/me/health/share-links/{id}"))).send().await.unwrap();
    let (status, _, ended) = page(&s, &token, Some(passcode)).await;
    assert_eq!(status, 404);
    assert!(ended.contains("This link does not work") && !ended.contains("Jade"));
}
