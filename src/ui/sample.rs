use leptos::prelude::*;

use crate::i18n::{k, t};

/// A visible mark on anything that comes from a demo council, so nobody
/// mistakes made-up people or offers for real ones.
#[component]
pub fn SampleBadge(sample_data: bool) -> impl IntoView {
    sample_data.then(|| view! { <span class="badge">{t(k::UI_SAMPLE_DATA)}</span> })
}
