//! The app's frame: who is signed in, the router, and the layout every page
//! sits in (skip link, header with quick exit, banners, navigation).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{NavigateOptions, path};
use pathway_model::auth::{Me, Role};

use crate::api::{self, ApiError};
use crate::auth::LoginPage;
use crate::council::CouncilPage;
use crate::health::{
    GlossaryPage, HealthAddPage, HealthEntryPage, HealthKindPage, HealthPage, PassportPage, TimelinePage,
};
use crate::home::HomePage;
use crate::lock::{self, LockScreen};
use crate::me::MePage;
use crate::offer::{OfferItemPage, OfferPage};
use crate::people::PeoplePage;
use crate::plan::MyPlanPage;
use crate::caseload::{CaseloadPage, PersonPage};
use crate::store::{SyncState, SyncStatus, engine};
use crate::ui::{Banners, BottomNav, NotFoundPage, NotKnownPage, SiteHeader, SkipLink, focus_main};
use crate::{pwa, saved, ui};

/// Who is using the app right now, as far as we know.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    /// Waiting for the first answer from `GET /me`.
    Checking,
    /// The server says there is no session.
    SignedOut,
    /// Signed in (or, offline, the person this phone last saw signed in).
    SignedIn(Me),
    /// Offline on first start, with nobody remembered on this phone.
    NotKnown,
}

/// Shared state, provided once at the top. Each field is a signal so a page
/// re-renders only for what it reads.
#[derive(Clone, Copy)]
pub struct AppState {
    pub who: RwSignal<Who>,
    /// The browser has no connection, or the server could not be reached.
    pub offline: RwSignal<bool>,
    /// A new build of the app is installed and waiting for the person's "Reload".
    pub update_ready: RwSignal<bool>,
}

impl AppState {
    pub fn me(&self) -> Option<Me> {
        match self.who.get() {
            Who::SignedIn(me) => Some(me),
            _ => None,
        }
    }

    /// Called by pages when a request could not reach the server, so the
    /// banner tells the truth even if the browser still thinks it's online.
    pub fn note_error(&self, e: &ApiError) {
        if e.is_unreachable() {
            self.offline.set(true);
        } else if *e == ApiError::Unauthenticated {
            // The session ended (expired, or ended on another device).
            saved::forget_everything();
            self.who.set(Who::SignedOut);
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Where each role starts.
pub fn landing_path(role: Role) -> &'static str {
    match role {
        Role::YoungPerson => "/",
        Role::Advisor => "/caseload",
        Role::Manager => "/council",
    }
}

/// Which pages a role may open. Anything else sends them to their landing
/// page: the server refuses the data anyway, this only avoids a dead end.
/// Everyone may read their council's offer.
pub fn may_open(role: Role, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    if path == "/offer" || path.starts_with("/offer/") {
        return true;
    }
    match role {
        Role::YoungPerson => {
            matches!(path, "" | "/offer" | "/health" | "/people" | "/plan" | "/me") || path.starts_with("/health/")
        }
        Role::Advisor => path == "/caseload" || path.starts_with("/caseload/"),
        Role::Manager => path == "/council",
    }
}

/// Where to send someone who is on `path`, if anywhere.
pub fn redirect_for(who: &Who, path: &str) -> Option<&'static str> {
    match who {
        Who::Checking | Who::NotKnown => None,
        Who::SignedOut => (path != "/login").then_some("/login"),
        Who::SignedIn(me) => (!may_open(me.role, path)).then(|| landing_path(me.role)),
    }
}

/// Asks the server who is signed in. Offline, falls back to the person this
/// phone last saw, and never to the login page: a young person with no
/// signal must still see their PA's number.
pub async fn check_who(state: AppState) {
    // Ten wrong PINs wiped this phone while it had no signal: end that
    // session before anything else (see `lock`).
    if lock::sign_out_owed() {
        if matches!(api::logout().await, Ok(()) | Err(ApiError::Unauthenticated)) {
            lock::sign_out_paid();
        }
        saved::forget_everything();
        state.who.set(Who::SignedOut);
        return;
    }
    match api::me().await {
        Ok(me) => {
            saved::set_me(&me);
            state.offline.set(false);
            state.who.set(Who::SignedIn(me));
        }
        Err(ApiError::Unauthenticated) => {
            saved::forget_everything();
            state.who.set(Who::SignedOut);
        }
        Err(e) => {
            if e.is_unreachable() {
                state.offline.set(true);
            }
            // A server fault is treated like no signal: show what we have.
            let fallback = saved::me().map(Who::SignedIn).unwrap_or(Who::NotKnown);
            // Don't replace a live answer with the saved one.
            if !matches!(state.who.get_untracked(), Who::SignedIn(_)) {
                state.who.set(fallback);
            }
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let browser_offline = web_sys::window().map(|w| !w.navigator().on_line()).unwrap_or(false);
    let state = AppState {
        who: RwSignal::new(Who::Checking),
        offline: RwSignal::new(browser_offline),
        update_ready: RwSignal::new(false),
    };
    provide_context(state);
    let sync = SyncState::new();
    provide_context(sync);
    lock::install(state);

    spawn_local(check_who(state));
    crate::topic::install_test_hook();

    // The local store and sync run for whoever is signed in and keeps
    // records: young people and PAs. Managers hold none (the server
    // answers 403). Signed out (or the session ended): stop, but keep what
    // is on disk; signing out on purpose wipes it (see `SignOutButton`).
    Effect::new(move |_| match state.who.get() {
        Who::SignedIn(me) if me.role != Role::Manager => engine::start(sync, state, me.person_id),
        Who::SignedIn(_) | Who::SignedOut => engine::stop(),
        Who::Checking | Who::NotKnown => {}
    });
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            engine::request_sync();
        }
    });
    ui::quick_exit::listen_for_shift_presses();
    pwa::register(state.update_ready);

    // Back online: say so, and ask again who is signed in (the session may
    // have ended while we were away).
    let _ = window_event_listener(leptos::ev::online, move |_| {
        state.offline.set(false);
        spawn_local(check_who(state));
        engine::request_sync();
    });
    let _ = window_event_listener(leptos::ev::offline, move |_| state.offline.set(true));

    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

/// Everything inside the router: needs the location to mark the current
/// page and to send people to the right place.
#[component]
fn Shell() -> impl IntoView {
    let state = use_app();
    let location = use_location();
    let navigate = use_navigate();

    Effect::new(move |_| {
        let path = location.pathname.get();
        if let Some(to) = redirect_for(&state.who.get(), &path) {
            navigate(to, NavigateOptions { replace: true, ..Default::default() });
        }
    });

    // After moving to another page, start a screen reader (and the next Tab)
    // at the new page's content, as a full page load would. Not on the first
    // page: there, the skip link should come first.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_main();
        }
        path
    });

    // Only re-render the main area when we move between these phases, not on
    // every change to who is signed in.
    let phase = Memo::new(move |_| match state.who.get() {
        Who::Checking => Phase::Checking,
        Who::NotKnown => Phase::NotKnown,
        _ => Phase::Ready,
    });
    let role = Memo::new(move |_| state.me().map(|me| me.role));

    // With the app lock up, the app is hidden behind it; locked from the
    // start, it is not drawn at all until the PIN is right.
    let lock = lock::use_lock();
    let locked = Memo::new(move |_| lock.showing());
    let drawn = RwSignal::new(!locked.get_untracked());
    Effect::new(move |_| {
        if !locked.get() {
            drawn.set(true);
        }
    });

    view! {
        <Show when=move || locked.get()>
            <LockScreen/>
        </Show>
        <Show when=move || drawn.get()>
            <div class="app-frame" hidden=move || locked.get()>
                <Frame phase=phase role=role/>
            </div>
        </Show>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Checking,
    NotKnown,
    Ready,
}

/// The skip link, header, main area and navigation.
#[component]
fn Frame(phase: Memo<Phase>, role: Memo<Option<Role>>) -> impl IntoView {
    view! {
        <SkipLink/>
        <SiteHeader role=role/>
        <main id="main" tabindex="-1" class="main">
            <Banners/>
            <Show when=move || matches!(role.get(), Some(Role::YoungPerson | Role::Advisor))>
                <SyncStatus/>
            </Show>
            {move || match phase.get() {
                Phase::Checking => view! {
                    <p class="loading" role="status">"Loading…"</p>
                }.into_any(),
                Phase::NotKnown => view! { <NotKnownPage/> }.into_any(),
                Phase::Ready => view! {
                    <Routes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=path!("/login") view=LoginPage/>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/offer") view=OfferPage/>
                        <Route path=path!("/offer/:id") view=OfferItemPage/>
                        <Route path=path!("/health") view=HealthPage/>
                        <Route path=path!("/health/timeline") view=TimelinePage/>
                        <Route path=path!("/health/kind/:kind") view=HealthKindPage/>
                        <Route path=path!("/health/entry/:id") view=HealthEntryPage/>
                        <Route path=path!("/health/add") view=HealthAddPage/>
                        <Route path=path!("/health/glossary") view=GlossaryPage/>
                        <Route path=path!("/health/passport") view=PassportPage/>
                        <Route path=path!("/people") view=PeoplePage/>
                        <Route path=path!("/plan") view=MyPlanPage/>
                        <Route path=path!("/me") view=MePage/>
                        <Route path=path!("/caseload") view=CaseloadPage/>
                        <Route path=path!("/caseload/:person_id") view=PersonPage/>
                        <Route path=path!("/council") view=CouncilPage/>
                    </Routes>
                }.into_any(),
            }}
        </main>
        <Show when=move || role.get() == Some(Role::YoungPerson)>
            <BottomNav/>
        </Show>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::council::CouncilSummary;
    use uuid::Uuid;

    fn me(role: Role) -> Who {
        Who::SignedIn(Me {
            person_id: Uuid::nil(),
            first_name: "Jade".into(),
            last_name: "Example".into(),
            role,
            council: CouncilSummary { id: "liverpool".into(), name: "Liverpool".into(), sample_data: true },
        })
    }

    #[test]
    fn nobody_signed_in_goes_to_login_from_anywhere_but_login() {
        assert_eq!(redirect_for(&Who::SignedOut, "/"), Some("/login"));
        assert_eq!(redirect_for(&Who::SignedOut, "/caseload/123"), Some("/login"));
        assert_eq!(redirect_for(&Who::SignedOut, "/login"), None);
    }

    #[test]
    fn offline_and_still_checking_never_redirect() {
        assert_eq!(redirect_for(&Who::NotKnown, "/"), None);
        assert_eq!(redirect_for(&Who::Checking, "/me"), None);
    }

    #[test]
    fn each_role_lands_on_its_own_start_page() {
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/login"), Some("/"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/login"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Manager), "/"), Some("/council"));
    }

    #[test]
    fn deep_links_to_allowed_pages_are_kept() {
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/me"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/people/"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/plan"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/health/entry/0190"), None);
        assert_eq!(redirect_for(&me(Role::Advisor), "/health/passport"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/caseload/0190"), None);
        assert_eq!(redirect_for(&me(Role::Manager), "/council"), None);
    }

    #[test]
    fn everyone_may_read_the_offer_and_its_items() {
        for role in [Role::YoungPerson, Role::Advisor, Role::Manager] {
            assert_eq!(redirect_for(&me(role), "/offer"), None);
            assert_eq!(redirect_for(&me(role), "/offer/higher-education-bursary"), None);
        }
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/offerx"), Some("/"));
    }

    #[test]
    fn roles_cannot_wander_into_each_others_pages() {
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/caseload"), Some("/"));
        assert_eq!(redirect_for(&me(Role::Manager), "/caseload/1"), Some("/council"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/council"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/caseloadx"), Some("/caseload"));
    }
}
