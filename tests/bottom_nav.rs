//! The young person's bottom navigation: five places, one marked as "you
//! are here" for screen readers.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use pathway::ui::BottomNav;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn lists_five_places_and_marks_only_the_current_one() {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    std::mem::forget(leptos::mount::mount_to(
        host.clone(),
        || view! { <Router><BottomNav/></Router> },
    ));
    leptos::task::tick().await;

    let nav = host.query_selector("nav").unwrap().expect("a nav");
    assert_eq!(nav.get_attribute("aria-label").as_deref(), Some("Main"));

    let links = host.query_selector_all("nav a").unwrap();
    let mut names = Vec::new();
    let mut current = Vec::new();
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
        let name = a.text_content().unwrap().trim().to_string();
        if a.get_attribute("aria-current").as_deref() == Some("page") {
            current.push(name.clone());
        }
        names.push(name);
    }
    assert_eq!(names, ["Home", "My offer", "My health", "My people", "Me"]);
    // Icons are decoration: hidden from screen readers, so each link's name is its words.
    assert_eq!(
        host.query_selector_all("svg[aria-hidden='true']")
            .unwrap()
            .length(),
        5
    );

    let path = window().location().pathname().unwrap();
    if path == "/" {
        assert_eq!(current, ["Home"]);
    } else {
        assert!(
            current.len() <= 1,
            "more than one current page: {current:?}"
        );
    }
}
