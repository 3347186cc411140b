//! The young person's bottom navigation: five places, one marked as "you
//! are here" for screen readers.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pathway::frame::BottomNav;
use pathway::router::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the bar as if the address were `path`, and returns the words of
/// every link and of the links marked as the current page.
async fn bar_at(path: &str) -> (Vec<String>, Vec<String>, u32) {
    window().history().unwrap().push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path)).unwrap();
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), || view! { <Router><BottomNav/></Router> });
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
    // Icons are decoration: hidden from screen readers, so each link's name is its words.
    let hidden_icons = host.query_selector_all("svg[aria-hidden='true']").unwrap().length();
    drop(handle);
    host.remove();
    (names, current, hidden_icons)
}

#[wasm_bindgen_test]
async fn lists_five_places_and_marks_exactly_the_current_one() {
    let start = window().location().pathname().unwrap();
    for (path, here) in [
        ("/", "Home"),
        ("/offer", "My offer"),
        ("/offer/laptop-grant", "My offer"),
        ("/health", "My health"),
        ("/health/timeline", "My health"),
        ("/people", "My people"),
        ("/me", "Me"),
    ] {
        let (names, current, hidden_icons) = bar_at(path).await;
        assert_eq!(names, ["Home", "My offer", "My health", "My people", "Me"], "on {path}");
        assert_eq!(hidden_icons, 5, "on {path}");
        assert_eq!(current, [here], "the page marked current on {path}");
    }
    // A page off the bar (the plan) marks none of the five.
    let (_, current, _) = bar_at("/plan").await;
    assert!(current.is_empty(), "on /plan: {current:?}");
    window().history().unwrap().push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start)).unwrap();
}
