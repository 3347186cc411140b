//! My offer's pieces as a young person sees them: an item's card in a list,
//! and the tracker on an item's page.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use leptos::prelude::*;
use pathway::offer::{OfferCard, Tracker};
use pathway::router::Router;
use pathway::store::SyncState;
use pathway_model::entitlement::{TrackerStatus, record_id};
use pathway_model::offer::eligibility::Verdict;
use pathway_model::offer::{Amount, AmountPeriod, Category, Eligibility, OfferContact, OfferItem};
use pathway_model::sync::EntityKind;
use pathway_model::sync::replica::LocalRecord;
use serde_json::json;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn laptop() -> OfferItem {
    OfferItem {
        id: "laptop-and-data".into(),
        council_id: "liverpool".into(),
        category: Category::EducationTraining,
        title: "A laptop and data".into(),
        summary: "A laptop to keep, and a year of data.".into(),
        details: "Details".into(),
        eligibility: Eligibility::default(),
        how_to_claim: "Ask your PA.".into(),
        contact: OfferContact::default(),
        amount: Some(Amount { pence: 50_000, period: AmountPeriod::OneOff, up_to: false }),
        source: None,
        last_reviewed: "2026-09-01".parse().unwrap(),
        sample: true,
    }
}

async fn mount(f: impl Fn() -> AnyView + 'static) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), f);
    std::mem::forget(handle);
    leptos::task::tick().await;
    host
}

fn input(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn label_of(host: &web_sys::HtmlElement, id: &str) -> String {
    host.query_selector(&format!("label[for='{id}']")).unwrap().unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
async fn a_card_shows_the_title_as_a_link_the_amount_the_reason_and_the_tracker() {
    let host = mount(|| {
        view! {
            <Router>
                <ul>
                    <OfferCard
                        item=laptop()
                        verdict=Verdict::Applies
                        reason="Because you are 19.".to_string()
                        status=Some(TrackerStatus::Claimed)
                    />
                </ul>
            </Router>
        }
        .into_any()
    })
    .await;
    let link = host.query_selector("h3 a").unwrap().expect("a title link in an h3");
    assert_eq!(link.text_content().unwrap(), "A laptop and data");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/offer/laptop-and-data"));
    let text = host.text_content().unwrap();
    assert!(text.contains("A laptop to keep, and a year of data."), "{text}");
    assert!(text.contains("£500 one-off"), "{text}");
    assert!(text.contains("Because you are 19."), "{text}");
    assert!(text.contains("Your tracker: Got it"), "{text}");
    assert!(host.query_selector("[style]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_card_with_nothing_tracked_says_nothing_about_the_tracker() {
    let host = mount(|| view! { <Router><ul><OfferCard item=laptop() level=4/></ul></Router> }.into_any()).await;
    assert!(host.query_selector("h4 a").unwrap().is_some());
    let text = host.text_content().unwrap();
    assert!(!text.contains("Your tracker"), "{text}");
    assert!(!text.contains("Because"), "{text}");
}

#[wasm_bindgen_test]
async fn the_tracker_shows_what_the_person_saved_and_that_it_is_synced() {
    let me = Uuid::from_u128(7);
    let id = record_id(me, "liverpool", "laptop-and-data");
    let sync = SyncState::new();
    let fields = json!({
        "council_id": "liverpool", "item_id": "laptop-and-data", "status": "claimed",
        "date": "2026-11-20", "note": "It came in the post."
    });
    let record = LocalRecord {
        entity: EntityKind::Entitlement,
        id,
        owner_id: Some(me),
        version: Some(3),
        fields: fields.as_object().unwrap().clone(),
        pending: false,
    };
    sync.records.set(BTreeMap::from([(id, record)]));
    sync.ready.set(true);
    let host = mount(move || {
        provide_context(sync);
        view! {
            <Tracker person_id=me council_id="liverpool".to_string() item_id="laptop-and-data".to_string() title="A laptop and data".to_string()/>
        }
        .into_any()
    })
    .await;

    // Four choices, labelled in words, and the saved one is picked.
    let radios = host.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 4);
    let labels: Vec<String> =
        TrackerStatus::ALL.iter().map(|s| label_of(&host, &format!("tracker-{}", s.as_str()))).collect();
    assert_eq!(labels, ["Not asked", "Asked", "Got it", "Not for me"]);
    assert!(input(&host, "#tracker-claimed").checked());
    assert!(!input(&host, "#tracker-not_asked").checked());
    assert_eq!(input(&host, "#tracker-date").value(), "2026-11-20");
    let note: web_sys::HtmlTextAreaElement = host.query_selector("#tracker-note").unwrap().unwrap().unchecked_into();
    assert_eq!(note.value(), "It came in the post.");
    assert_eq!(note.get_attribute("maxlength").as_deref(), Some("500"));
    let legend = host.query_selector("legend").unwrap().unwrap().text_content().unwrap();
    assert_eq!(legend, "Where are you with A laptop and data?");
    let status = host.query_selector("[role=status]").unwrap().unwrap().text_content().unwrap();
    assert_eq!(status, "Saved and synced.");
}

#[wasm_bindgen_test]
async fn choosing_another_status_sets_the_date_to_today_and_says_it_is_not_saved_yet() {
    let sync = SyncState::new();
    let host = mount(move || {
        provide_context(sync);
        view! {
            <Tracker person_id=Uuid::from_u128(8) council_id="liverpool".to_string() item_id="laptop-and-data".to_string() title="A laptop and data".to_string()/>
        }
        .into_any()
    })
    .await;
    assert!(input(&host, "#tracker-not_asked").checked());
    assert_eq!(input(&host, "#tracker-date").value(), "");

    input(&host, "#tracker-asked").click();
    leptos::task::tick().await;
    let now = js_sys::Date::new_0();
    let today = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    assert_eq!(input(&host, "#tracker-date").value(), today);
    assert!(input(&host, "#tracker-asked").checked());
    let status = host.query_selector("[role=status]").unwrap().unwrap().text_content().unwrap();
    assert_eq!(status, "You have changes that are not saved yet.");
}
