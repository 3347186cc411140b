//! `<A>`: a link to one of the app's pages that says, to a screen reader
//! and to the CSS, when it is the page she is on (`aria-current="page"`).

use leptos::prelude::*;

use super::{is_current, use_location};

/// A link within the app. Current on its own page and, unless `exact`, on
/// the pages under it (the "My health" tab on `/health/timeline`).
#[component]
pub fn A(
    #[prop(into)] href: String,
    /// Current only on exactly this address (Home's `/`, say).
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let current = {
        let href = href.clone();
        move || location.pathname.with(|path| is_current(&href, path, exact)).then_some("page")
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}
