//! The council's local offer for care leavers. Not built yet: the page says
//! so plainly rather than showing made-up content.

use leptos::prelude::*;

#[component]
pub fn OfferPage() -> impl IntoView {
    view! {
        <h1>"My offer"</h1>
        <p class="notice">
            "This part of Pathway is not built yet. Soon it will show the help and money your council offers care leavers, and what you can claim."
        </p>
        <p>"Until then, ask your personal advisor what you can get."</p>
    }
}
