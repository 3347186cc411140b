use leptos::prelude::*;

use crate::i18n::{k, t};
use crate::router::A;

/// The young person's main navigation, at the bottom where a thumb reaches.
/// `A` marks the current page with `aria-current="page"`; the CSS styles
/// that attribute, so the mark and the look can never disagree.
#[component]
pub fn BottomNav() -> impl IntoView {
    view! {
        <nav aria-label=t(k::FRAME_NAV_LABEL) class="bottom-nav">
            <ul>
                <NavItem href="/" label=t(k::FRAME_NAV_HOME) exact=true icon=ICON_HOME/>
                <NavItem href="/offer" label=t(k::FRAME_NAV_OFFER) icon=ICON_OFFER/>
                <NavItem href="/health" label=t(k::FRAME_NAV_HEALTH) icon=ICON_HEALTH/>
                <NavItem href="/people" label=t(k::FRAME_NAV_PEOPLE) icon=ICON_PEOPLE/>
                <NavItem href="/me" label=t(k::FRAME_NAV_ME) icon=ICON_ME/>
            </ul>
        </nav>
    }
}

#[component]
fn NavItem(
    href: &'static str,
    label: &'static str,
    icon: &'static str,
    #[prop(optional)] exact: bool,
) -> impl IntoView {
    view! {
        <li>
            <A href=href exact=exact>
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d=icon/>
                </svg>
                <span>{label}</span>
            </A>
        </li>
    }
}

// Simple outline icons drawn for Pathway (24x24, stroked by CSS).
const ICON_HOME: &str = "M3 11 12 3l9 8M5 9.5V21h5v-6h4v6h5V9.5";
const ICON_OFFER: &str = "M4 11h16v10H4zM3 7h18v4H3zM12 7v14M12 7c-2-4-6-4-6-1s4 1 6 1c2 0 6 2 6-1s-4-3-6 1";
const ICON_HEALTH: &str = "M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.5A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z";
const ICON_PEOPLE: &str = "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2 20c0-4 3-6 7-6s7 2 7 6M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14c2.5.5 4 2.5 4 6";
const ICON_ME: &str = "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4.5 3.5-7 8-7s8 2.5 8 7";
