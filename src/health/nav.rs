use leptos::prelude::*;

use crate::i18n::{k, t};
use crate::router::A;

/// Sets the page title to the neutral "My health – Pathway" while a health
/// screen is shown, and back to "Pathway" when leaving My health (the next
/// health screen may already have set it by then). The only title a health
/// screen shows (DESIGN §5: a title can be read over a shoulder, in the app
/// switcher, in history).
pub fn use_health_title() {
    set_title(t(k::HEALTH_WINDOW_TITLE));
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
        <nav aria-label=t(k::HEALTH_TITLE) class="health-nav">
            <ul>
                <li><A href="/health" exact=true>{t(k::HEALTH_NAV_SUMMARY)}</A></li>
                <li><A href="/health/timeline">{t(k::HEALTH_NAV_TIMELINE)}</A></li>
                <li><A href="/health/add">{t(k::HEALTH_NAV_ADD)}</A></li>
                <li><A href="/health/glossary">{t(k::HEALTH_NAV_GLOSSARY)}</A></li>
                <li><A href="/health/passport">{t(k::HEALTH_NAV_PASSPORT)}</A></li>
            </ul>
        </nav>
    }
}
