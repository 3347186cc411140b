use leptos::prelude::*;
use pathway_model::auth::Role;

use crate::auth::SignOutButton;
use crate::i18n::{k, t};
use crate::lock::TopBar;
use crate::router::A;

/// The top bar on every page: the name, the quick exit, and for staff a
/// simple navigation (they work on laptops; young people get the bottom bar).
#[component]
pub fn SiteHeader(role: Memo<Option<Role>>) -> impl IntoView {
    view! {
        <header class="site-header">
            <TopBar/>
            {move || match role.get() {
                Some(Role::Advisor) => Some(view! {
                    <StaffNav>
                        <li><A href="/caseload">{t(k::FRAME_STAFF_NAV_CASELOAD)}</A></li>
                    </StaffNav>
                }),
                Some(Role::Manager) => Some(view! {
                    <StaffNav>
                        <li><A href="/council">{t(k::FRAME_STAFF_NAV_COUNCIL)}</A></li>
                    </StaffNav>
                }),
                _ => None,
            }}
        </header>
    }
}

#[component]
fn StaffNav(children: Children) -> impl IntoView {
    view! {
        <nav aria-label=t(k::FRAME_NAV_LABEL) class="staff-nav">
            <ul>
                {children()}
                <li><A href="/me">{t(k::FRAME_STAFF_NAV_ACCOUNT)}</A></li>
                <li><SignOutButton/></li>
            </ul>
        </nav>
    }
}
