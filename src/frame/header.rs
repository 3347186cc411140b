use leptos::prelude::*;
use leptos_router::components::A;
use pathway_model::auth::Role;

use crate::auth::SignOutButton;
use crate::lock::TopBar;

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
                        <li><A href="/caseload">"Caseload"</A></li>
                    </StaffNav>
                }),
                Some(Role::Manager) => Some(view! {
                    <StaffNav>
                        <li><A href="/council">"Council"</A></li>
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
        <nav aria-label="Main" class="staff-nav">
            <ul>
                {children()}
                <li><A href="/me">"Your account"</A></li>
                <li><SignOutButton/></li>
            </ul>
        </nav>
    }
}
