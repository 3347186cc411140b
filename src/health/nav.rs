use leptos::prelude::*;
use leptos_router::components::A;

use super::TITLE;

/// Sets the page title to the neutral "My health – Pathway" while a health
/// screen is shown, and back to "Pathway" when leaving My health (the next
/// health screen may already have set it by then).
pub fn use_health_title() {
    set_title(TITLE);
    on_cleanup(|| {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        if !path.starts_with("/health") {
            set_title("Pathway");
        }
    });
}

fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// The health screens, a tap apart. `A` marks the one shown with
/// `aria-current="page"`.
#[component]
pub fn HealthNav() -> impl IntoView {
    use_health_title();
    view! {
        <nav aria-label="My health" class="health-nav">
            <ul>
                <li><A href="/health" exact=true>"Summary"</A></li>
                <li><A href="/health/timeline">"Timeline"</A></li>
                <li><A href="/health/add">"Add"</A></li>
                <li><A href="/health/glossary">"Words explained"</A></li>
                <li><A href="/health/passport">"Passport"</A></li>
            </ul>
        </nav>
    }
}
