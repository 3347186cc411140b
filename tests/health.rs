//! My health's pieces as a young person sees them: entries in a list, an
//! empty list that says what to ask for, and words linked to their meaning.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pathway::health::records::Item;
use pathway::health::{EntryList, LinkedText, WordsExplained, set_words};
use pathway::router::Router;
use pathway_model::health::{HealthEntry, HealthKind};
use serde_json::json;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(f: impl Fn() -> AnyView + 'static) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    std::mem::forget(leptos::mount::mount_to(host.clone(), f));
    leptos::task::tick().await;
    host
}

fn attr(host: &web_sys::HtmlElement, selector: &str, name: &str) -> String {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).get_attribute(name).unwrap()
}

fn gp() -> Item {
    let f = json!({"kind": "practitioner", "author": "me", "title": "Dr Patel", "phone": "0151 496 0123",
                   "recorded_by": "Jade", "visibility": "me_only", "date": "2024-03-14"});
    Item { id: Uuid::from_u128(7), entry: HealthEntry::from_fields(f.as_object().unwrap()).unwrap(), pending: true }
}

#[wasm_bindgen_test]
async fn an_entry_links_to_its_page_with_a_number_to_call_and_says_who_can_see_it() {
    let host = mount(|| {
        view! { <Router><EntryList items=vec![gp()] kind=Some(HealthKind::Practitioner)/></Router> }.into_any()
    })
    .await;
    let text = host.text_content().unwrap();
    assert_eq!(attr(&host, ".health-card__title a", "href"), format!("/health/entry/{}", Uuid::from_u128(7)));
    assert_eq!(attr(&host, ".health-card__phone a", "href"), "tel:01514960123");
    assert_eq!(attr(&host, ".health-card__phone a", "aria-label"), "Call Dr Patel: 0151 496 0123");
    assert!(text.contains("14 March 2024"), "{text}");
    assert!(text.contains("Added by you"), "{text}");
    assert!(text.contains("Only you can see this"), "{text}");
    assert!(text.contains("Not synced yet"), "{text}");
}

#[wasm_bindgen_test]
async fn an_empty_kind_says_what_to_ask_for_and_offers_to_add_one() {
    let host =
        mount(|| view! { <Router><EntryList items=vec![] kind=Some(HealthKind::Allergy)/></Router> }.into_any()).await;
    assert!(host.text_content().unwrap().contains(HealthKind::Allergy.empty_hint()));
    assert_eq!(attr(&host, "a", "href"), "/health/add?kind=allergy");
    assert_eq!(host.query_selector("a").unwrap().unwrap().text_content().unwrap(), "Add an allergy");
}

#[wasm_bindgen_test]
async fn words_from_the_glossary_link_to_their_meaning_on_the_same_page() {
    // As if read from /glossary.json (the model reads the same file).
    set_words(*pathway_model::health::glossary::TERMS);
    let host = mount(|| {
        view! {
            <p><LinkedText text="MMR second dose".to_string()/></p>
            <WordsExplained text="MMR second dose".to_string()/>
        }
        .into_any()
    })
    .await;
    assert_eq!(attr(&host, "a.term", "href"), "#term-mmr");
    assert_eq!(host.query_selector("a.term").unwrap().unwrap().text_content().unwrap(), "MMR");
    let meaning = host.query_selector("#term-mmr dd").unwrap().unwrap().text_content().unwrap();
    assert!(meaning.contains("measles"), "{meaning}");
    assert!(host.text_content().unwrap().starts_with("MMR second dose"));
}
