//! The young person's health record. Not built yet: the page says so
//! plainly rather than showing made-up content.

use leptos::prelude::*;

#[component]
pub fn HealthPage() -> impl IntoView {
    view! {
        <h1>"My health"</h1>
        <p class="notice">
            "This part of Pathway is not built yet. Soon you'll be able to keep your health history here and choose who can see it."
        </p>
    }
}
