//! The PA card, as a young person sees it: who their PA is and how to reach
//! them, or the leaving-care team when no PA is linked.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pathway::people::PaCard;
use pathway_model::people::{ContactCard, MyPa};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn team() -> ContactCard {
    ContactCard {
        name: "Liverpool Leaving Care Team".into(),
        role_label: "Your leaving care team".into(),
        phone: Some("0151 000 0100".into()),
        email: Some("leavingcare@example.org".into()),
        text: None,
        hours: None,
    }
}

fn sam() -> ContactCard {
    ContactCard {
        name: "Sam Okafor".into(),
        role_label: "Your personal advisor".into(),
        phone: Some("0151 000 0001".into()),
        email: Some("sam.okafor@example.org".into()),
        text: None,
        hours: None,
    }
}

/// Mounts `my_pa` in a fresh element and returns that element once the
/// view has rendered.
async fn render(my_pa: MyPa) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <PaCard my_pa=my_pa/> });
    // The test inspects the DOM after this returns; keep it mounted.
    std::mem::forget(handle);
    leptos::task::tick().await;
    host
}

fn text(el: &web_sys::HtmlElement, selector: &str) -> String {
    el.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap()
}

fn links(el: &web_sys::HtmlElement) -> Vec<(String, String)> {
    let list = el.query_selector_all("a").unwrap();
    (0..list.length())
        .map(|i| {
            let a: web_sys::Element = list.item(i).unwrap().unchecked_into();
            (a.get_attribute("href").unwrap_or_default(), a.text_content().unwrap_or_default())
        })
        .collect()
}

#[wasm_bindgen_test]
async fn shows_the_pa_with_a_phone_link_that_every_phone_can_dial() {
    let card = render(MyPa { advisor: Some(sam()), leaving_care_team: team() }).await;

    assert_eq!(text(&card, "h2"), "Your personal advisor");
    assert!(card.text_content().unwrap().contains("Sam Okafor"));
    let links = links(&card);
    assert!(links.contains(&("tel:01510000001".to_string(), "Call 0151 000 0001".to_string())), "links were {links:?}");
    assert!(links.iter().any(|(href, _)| href == "mailto:sam.okafor@example.org"));
    // The team is not shown when there is a PA.
    assert!(!card.text_content().unwrap().contains("Leaving Care Team"));
}

#[wasm_bindgen_test]
async fn with_no_pa_shows_the_leaving_care_team_instead() {
    let card = render(MyPa { advisor: None, leaving_care_team: team() }).await;

    assert_eq!(text(&card, "h2"), "Your leaving care team");
    let all = card.text_content().unwrap();
    assert!(all.contains("Liverpool Leaving Care Team"));
    assert!(all.contains("don't have a personal advisor"));
    assert!(links(&card).iter().any(|(href, _)| href == "tel:01510000100"));
}

#[wasm_bindgen_test]
async fn a_pa_with_no_phone_gets_no_empty_call_link() {
    let pa = ContactCard { phone: None, ..sam() };
    let card = render(MyPa { advisor: Some(pa), leaving_care_team: team() }).await;

    let links = links(&card);
    assert!(links.iter().all(|(href, _)| !href.starts_with("tel:")), "links were {links:?}");
    assert_eq!(links.len(), 1);
}

#[wasm_bindgen_test]
async fn the_card_is_a_labelled_region() {
    let card = render(MyPa { advisor: Some(sam()), leaving_care_team: team() }).await;

    let section = card.query_selector("section").unwrap().expect("a section");
    let labelled_by = section.get_attribute("aria-labelledby").expect("aria-labelledby");
    let heading = card.query_selector("h2").unwrap().unwrap();
    assert_eq!(heading.id(), labelled_by);
    // No inline styles: the content security policy would block them.
    assert!(card.query_selector("[style]").unwrap().is_none());
}
