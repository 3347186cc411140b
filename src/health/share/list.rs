//! Her share links: how each stands, when it was opened, and "End this
//! link", which asks first.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::health::share::{LinkState, ShareLink};

use super::words::{Doing, openings_words, server_words, state_words};
use crate::api::health_share::{end_share_link, share_links};
use crate::clock::{day_and_clock, now_ms, short_day_and_clock};
use crate::i18n::{k, t, tf};
use crate::ui::{Loaded, Remote, load};

/// Her links, loaded fresh (the server's record; no copy on the phone).
pub fn her_links() -> Remote<Vec<ShareLink>> {
    load(share_links, None)
}

#[component]
pub fn LinkList(links: Remote<Vec<ShareLink>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="share-links">
            <h2 id="share-links">{t(k::HEALTH_SHARE_LINKS_HEADING)}</h2>
            <Loaded remote=links what=t(k::HEALTH_SHARE_LINKS_WHAT) let:all>
                {all.is_empty().then(|| view! { <p>{t(k::HEALTH_SHARE_LINKS_NONE)}</p> })}
                <ul class="plain-list share__list">
                    {all.into_iter().map(|l| view! { <LinkRow link=l links=links/> }).collect_view()}
                </ul>
            </Loaded>
        </section>
    }
}

#[component]
fn LinkRow(link: ShareLink, links: Remote<Vec<ShareLink>>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let open = link.state(now_ms()) == LinkState::Open;
    let id = link.id;
    let label = link.label.clone();
    let end = move |_| {
        spawn_local(async move {
            match end_share_link(id).await {
                Ok(()) => links.retry(),
                Err(e) => said.set(Some(server_words(&e, Doing::End))),
            }
        });
    };
    view! {
        <li class="share__link">
            <p class="share__title">{link.label.clone()}</p>
            <p>{state_words(&link, now_ms(), day_and_clock)}</p>
            <p>{openings_words(&link.openings, short_day_and_clock)}</p>
            {open.then(|| view! {
                <Show
                    when=move || asking.get()
                    fallback=move || view! {
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>
                            {t(k::HEALTH_SHARE_LINKS_END)}
                        </button>
                    }
                >
                    <div class="notice" role="group" aria-label=t(k::HEALTH_SHARE_LINKS_END_ASK)>
                        <p>{tf(k::HEALTH_SHARE_LINKS_END_CONFIRM, &[("label", &label)])}</p>
                        <button type="button" class="button" on:click=end>{t(k::HEALTH_SHARE_LINKS_YES_END)}</button>
                        " "
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>{t(k::HEALTH_SHARE_LINKS_KEEP)}</button>
                    </div>
                </Show>
            })}
            <p class="error-message" role="alert">{move || said.get()}</p>
        </li>
    }
}
