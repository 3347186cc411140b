//! Where the person is in the app: the address as signals, links that move
//! to another page without loading the app again, and the browser's back
//! and forward buttons. `<Router>` sets it up once, in `App`;
//! `use_location` reads the address and moves to another one; `<A>` is a
//! link that says when it is the current page.
//!
//! Our own rather than leptos_router: the app finds its pages with one
//! `match` on the path (`app::common_page`), so all it needs from a router
//! is this, and leptos_router's URL parsing, route matching and generic
//! link code cost the young person's download far more (see
//! docs/decisions/0015-own-router.md for the figures).

mod clicks;
mod link;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use link::A;

/// The current address, as signals. `Copy`, so closures can share it.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, like `/offer/1234`: no query, no `#`.
    pub pathname: ReadSignal<String>,
    /// The query with its `?`, like `?kind=allergy`, or empty.
    pub search: ReadSignal<String>,
    set_pathname: WriteSignal<String>,
    set_search: WriteSignal<String>,
}

/// Whether moving to an address adds a step to the browser's history
/// (a link) or takes the place of the current step (a redirect, so "back"
/// does not land on the page that sent her on).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Step {
    Add,
    Replace,
}

impl Location {
    /// Moves to `to` (a path, with a query if any) without loading the app
    /// again, and starts the new page at its top, as a page load would.
    pub fn navigate(&self, to: &str, step: Step) {
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let moved = match step {
            Step::Add => history.push_state_with_url(&JsValue::NULL, "", Some(to)),
            Step::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(to)),
        };
        if moved.is_err() {
            // Not an address of this site: let the browser go there.
            let _ = window.location().set_href(to);
            return;
        }
        self.read_address();
        // A new page starts at its top at once, as a page load would: the
        // smooth scrolling style/app.css gives the page (for its own links)
        // would glide there from where the last page was left.
        let top = web_sys::ScrollToOptions::new();
        top.set_top(0.0);
        top.set_behavior(web_sys::ScrollBehavior::Instant);
        window.scroll_to_with_scroll_to_options(&top);
    }

    /// The value of `name` in the query (`?kind=allergy` gives "allergy"
    /// for "kind"), read reactively.
    pub fn query(&self, name: &str) -> Option<String> {
        self.search.with(|s| query_value(s, name))
    }

    /// The same, not tracked: for a value read once when a page starts.
    pub fn query_untracked(&self, name: &str) -> Option<String> {
        self.search.with_untracked(|s| query_value(s, name))
    }

    /// Copies the browser's address into the signals, touching only what
    /// changed: a page is drawn again only when its path changes.
    fn read_address(&self) {
        let Some(location) = web_sys::window().map(|w| w.location()) else { return };
        let pathname = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        if self.pathname.with_untracked(|p| *p != pathname) {
            self.set_pathname.set(pathname);
        }
        if self.search.with_untracked(|s| *s != search) {
            self.set_search.set(search);
        }
    }
}

/// Everything inside has the location: the address now, the back and
/// forward buttons, and clicks on links to this app's pages.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    provide_router();
    children()
}

fn provide_router() -> Location {
    let (pathname, set_pathname) = signal(String::new());
    let (search, set_search) = signal(String::new());
    let location = Location { pathname, search, set_pathname, set_search };
    location.read_address();
    provide_context(location);
    let _ = window_event_listener(leptos::ev::popstate, move |_| location.read_address());
    clicks::follow_links_here(location);
    location
}

/// The location `<Router>` set up.
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// One value from a query string (`?a=1&b=two`), decoded. `+` is a space,
/// as a form would send it.
fn query_value(search: &str, name: &str) -> Option<String> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key) == name).then(|| decode(value))
    })
}

fn decode(part: &str) -> String {
    let spaced = part.replace('+', " ");
    js_sys::decode_uri_component(&spaced).ok().and_then(|s| s.as_string()).unwrap_or(spaced)
}

/// Whether a link to `href` is for the page at `path`: the same path, or
/// (unless `exact`) a page under it, so "My health" stays current on
/// `/health/timeline`. Whole segments only: `/offer` is not current on
/// `/offers`.
pub fn is_current(href: &str, path: &str, exact: bool) -> bool {
    let href = href.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
    let path = path.trim_end_matches('/');
    if exact || href.is_empty() {
        return href == path;
    }
    path.strip_prefix(href).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::is_current;

    #[test]
    fn a_link_is_current_on_its_page_and_the_pages_under_it() {
        assert!(is_current("/health", "/health", false));
        assert!(is_current("/health", "/health/timeline", false));
        assert!(!is_current("/health", "/health/timeline", true));
        assert!(!is_current("/offer", "/offers", false));
        assert!(!is_current("/offer/1", "/offer", false));
    }

    #[test]
    fn home_is_current_only_on_home() {
        assert!(is_current("/", "/", false));
        assert!(!is_current("/", "/offer", false));
        assert!(is_current("/", "", true));
    }

    #[test]
    fn the_query_does_not_change_which_page_a_link_is_for() {
        assert!(is_current("/health/add?kind=allergy", "/health/add", true));
    }
}
