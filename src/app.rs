//! The shell: frames and routes. It provides the app-wide state (`state`),
//! starts the sync engine for whoever is signed in, sends people where
//! `access` says they may go, and lays out every page (skip link, header with
//! quick exit, banners, navigation). Nothing imports this module: features
//! and app-wide parts read `state` instead (docs/architecture.md).

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::Role;

use crate::access::redirect_for;
use crate::auth::{WhyLogin, check_who, go_to_login, login_href, wipe_when_closed};
#[cfg(feature = "staff")]
use crate::caseload::{CaseloadPage, CodePage, PersonPage, ProfilePage, RegisterPage};
#[cfg(feature = "staff")]
use crate::council::{AddStaffPage, CouncilPage, OversightPage, StaffPage, YoungPeoplePage};
#[cfg(feature = "staff")]
use crate::meeting::pa::{ContactPage, MeetingPage};
use crate::router::{Router, Step, use_location};
// The young person's build has no staff screens: no route for them at all
// (each route, even a stand-in, costs her build bytes). Its fallback sends a
// staff address to the server, which gives the staff build
// (docs/decisions/0008-staff-build.md). In the staff build, the pages under
// /council/offer are found by its fallback too.
#[cfg(not(feature = "staff"))]
use crate::frame::StaffOrNotFound as Fallback;
use crate::frame::{Banners, BottomNav, NotKnownPage, ServedElsewhere, SiteHeader};
use crate::health::{
    EmergencyPage, GlossaryPage, HealthAddPage, HealthEntryPage, HealthKindPage, HealthPage, PassportPage, SharePage,
    TimelinePage,
};
use crate::home::HomePage;
use crate::i18n::{k, t};
use crate::lock::{self, LockScreen};
use crate::me::{MePage, WhoLookedPage};
use crate::meeting::AgreedPage;
use crate::offer::{OfferItemPage, OfferPage};
use crate::people::PeoplePage;
use crate::plan::MyPlanPage;
use crate::pwa;
use crate::state::{AppState, Who, use_app};
use crate::store::{SyncState, SyncStatus, engine};
use crate::ui::{Later, SkipLink, focus_main};

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
    let lock = lock::install(state);
    crate::health::keep_card_fresh(sync, lock.key_open);
    crate::auth::exited::install();
    wipe_when_closed(state);
    // Staff work only in the staff build (decision 0008): the idle wipe
    // runs there, and costs the young person's download nothing.
    #[cfg(feature = "staff")]
    crate::auth::staff_idle::install(state);

    // Nothing stored can be read before the vault opens (decision 0013).
    spawn_local(async move {
        lock::open_at_start(lock).await;
        check_who(state).await;
    });

    // The local store and sync run for whoever is signed in and keeps
    // records: young people and PAs. Managers hold none (the server
    // answers 403). Signed out (or the session ended): stop, but keep what
    // is on disk; signing out on purpose wipes it (see `SignOutButton`).
    Effect::new(move |_| match state.who.get() {
        Who::SignedIn(me) if me.role != Role::Manager && lock.key_open.get() => {
            engine::start(sync, state, me.person_id)
        }
        Who::SignedIn(me) if me.role != Role::Manager => {}
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
    lock::quick_exit::listen_for_shift_presses();
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

    Effect::new(move |_| {
        let path = location.pathname.get();
        match redirect_for(&state.who.get(), &path) {
            // The sign-in page is not in this build (src/auth/to_login.rs).
            Some(to) if to == login_href(WhyLogin::SignedOut) => go_to_login(WhyLogin::SignedOut),
            Some(to) => location.navigate(to, Step::Replace),
            None => {}
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

/// The staff build's fallback: its own pages, the offer editor's, else
/// "not found". Read once: `CommonPages` draws this again when the path
/// changes.
#[cfg(feature = "staff")]
#[component]
fn Fallback() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    staff_page(&path)
        .or_else(|| crate::offer::editor_page(&path))
        .unwrap_or_else(|| view! { <crate::frame::NotFoundPage/> }.into_any())
}

/// The staff build's own pages, found by their address as `common_page`
/// finds the shared ones. The pages under `/caseload/<id>/` read the id
/// from the address themselves (`caseload::person_id_param`).
#[cfg(feature = "staff")]
fn staff_page(path: &str) -> Option<AnyView> {
    let path = path.trim_end_matches('/');
    Some(match path {
        "/caseload" => view! { <CaseloadPage/> }.into_any(),
        "/caseload/new" => view! { <RegisterPage/> }.into_any(),
        "/council" => view! { <CouncilPage/> }.into_any(),
        "/council/staff" => view! { <StaffPage/> }.into_any(),
        "/council/staff/new" => view! { <AddStaffPage/> }.into_any(),
        "/council/young-people" => view! { <YoungPeoplePage/> }.into_any(),
        "/council/oversight" => view! { <OversightPage/> }.into_any(),
        _ => {
            let rest = path.strip_prefix("/caseload/")?;
            let (id, page) = rest.split_once('/').unwrap_or((rest, ""));
            if id.is_empty() {
                return None;
            }
            match page {
                "" => view! { <PersonPage/> }.into_any(),
                "profile" => view! { <ProfilePage/> }.into_any(),
                "code" => view! { <CodePage/> }.into_any(),
                "meeting" => view! { <MeetingPage/> }.into_any(),
                "contact" => view! { <ContactPage/> }.into_any(),
                _ => return None,
            }
        }
    })
}

/// The pages both builds have, found by their address: one `match` here
/// rather than a `<Route>` each: as leptos_router routes, these 18 took
/// 27.3 KB brotli more of her download than this match (issue 19), which
/// is also why the app has its own router (`crate::router`). `None`: not one of them.
fn common_page(path: &str) -> Option<AnyView> {
    let path = match path.trim_end_matches('/') {
        "" => "/",
        p => p,
    };
    // The one segment after `prefix`, as in /offer/:id.
    let segment =
        |prefix: &str| path.strip_prefix(prefix).filter(|s| !s.is_empty() && !s.contains('/')).map(str::to_string);
    Some(match path {
        "/login" => view! { <ServedElsewhere/> }.into_any(),
        "/" => view! { <HomePage/> }.into_any(),
        "/offer" => view! { <OfferPage/> }.into_any(),
        "/health" => view! { <HealthPage/> }.into_any(),
        "/health/timeline" => view! { <TimelinePage/> }.into_any(),
        "/health/add" => view! { <HealthAddPage/> }.into_any(),
        "/health/glossary" => view! { <GlossaryPage/> }.into_any(),
        "/health/passport" => view! { <PassportPage/> }.into_any(),
        "/health/share" => view! { <SharePage/> }.into_any(),
        "/health/emergency" => view! { <EmergencyPage/> }.into_any(),
        "/people" => view! { <PeoplePage/> }.into_any(),
        "/plan" => view! { <MyPlanPage/> }.into_any(),
        "/me" => view! { <MePage/> }.into_any(),
        "/me/who-looked" => view! { <WhoLookedPage/> }.into_any(),
        "/agreed" => view! { <AgreedPage/> }.into_any(),
        _ => {
            if let Some(id) = segment("/offer/") {
                view! { <OfferItemPage id=id/> }.into_any()
            } else if let Some(kind) = segment("/health/kind/") {
                view! { <HealthKindPage kind=kind/> }.into_any()
            } else if let Some(id) = segment("/health/entry/") {
                view! { <HealthEntryPage id=id/> }.into_any()
            } else {
                return None;
            }
        }
    })
}

/// The page at the current address: a common page, else the build's
/// fallback. Drawn again only when the path changes (not the query).
#[component]
fn CommonPages() -> impl IntoView {
    let location = use_location();
    move || common_page(&location.pathname.get()).unwrap_or_else(|| view! { <Fallback/> }.into_any())
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
                    <p class="loading" role="status">{t(k::APP_LOADING)}</p>
                }.into_any(),
                Phase::NotKnown => view! { <NotKnownPage/> }.into_any(),
                // The header and navigation are drawn first, and the page in
                // the next task: together they made one long task.
                Phase::Ready => view! { <Later><CommonPages/></Later> }.into_any(),
            }}
        </main>
        <Show when=move || role.get() == Some(Role::YoungPerson)>
            <BottomNav/>
        </Show>
    }
}
