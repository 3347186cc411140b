use leptos::prelude::*;

use crate::i18n::{k, t};

/// "Skip to main content": the first thing a keyboard or switch user meets.
/// We move focus ourselves (rather than letting the router treat `#main` as
/// a page change) so the next Tab starts inside the page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_main();
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>{t(k::UI_SKIP_LINK)}</a>
    }
}

/// Puts focus on the main area (it has `tabindex="-1"` for this).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}
