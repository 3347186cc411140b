//! The young person's start page: a greeting and who to call.

use leptos::prelude::*;

use crate::app::use_app;
use crate::people::MyPaSection;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app();
    let first_name = move || state.me().map(|me| me.first_name).unwrap_or_default();
    view! {
        <h1>"Hi, "{first_name}</h1>
        <MyPaSection/>
    }
}
