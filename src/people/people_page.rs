use leptos::prelude::*;

use super::MyPaSection;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <h1>"My people"</h1>
        <p class="notice">
            "This page is not built yet. Later it will list everyone who helps you, and what each of them does."
        </p>
        <MyPaSection/>
    }
}
