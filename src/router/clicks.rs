//! Clicks on links to this app's pages move there without loading the app
//! again: one listener on the whole page, so a plain `<a href>` written in
//! any view works the same as `<A>`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, MouseEvent};

use super::{Location, Step};

pub(super) fn follow_links_here(location: Location) {
    let _ = window_event_listener(leptos::ev::click, move |ev: MouseEvent| {
        if let Some(to) = in_app_address(&ev) {
            ev.prevent_default();
            location.navigate(&to, Step::Add);
        }
    });
}

/// The address to move to, when this click is a plain click on a link to
/// one of this app's pages. `None` leaves the click to the browser: a new
/// tab (a modifier key, the middle button, `target`), a download, another
/// site, a link marked `rel="external"` (a page the server writes, not the
/// app), or a jump within this page (`#main`).
fn in_app_address(ev: &MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let link = target.closest("a[href]").ok()??.dyn_into::<HtmlAnchorElement>().ok()?;
    let external = link.get_attribute("rel").is_some_and(|rel| rel.split_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    let here = web_sys::window()?.location();
    if link.origin() != here.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (link.pathname(), link.search(), link.hash());
    let same_page = path == here.pathname().ok()? && search == here.search().ok()?;
    if same_page && !hash.is_empty() {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}
