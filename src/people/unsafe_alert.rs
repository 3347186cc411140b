use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::people::MyPeople;
use pathway_model::people::unsafe_alert::{UnsafeAlert, UnsafeAlertChange};
use pathway_model::record::EntityKind;
use uuid::Uuid;

use super::helplines::HelplineLinks;
use crate::i18n::{k, t, tf};
use crate::state::use_app;
use crate::store::engine;
use crate::store::use_sync;
use crate::{clock, links};

/// A second tap within this long shows the numbers again but sends no new
/// alert: the first one is already on its way.
const RECENT_MS: i64 = 10 * 60 * 1000;
/// An alert this recent still shows its status when the page opens again.
const SHOW_STATUS_MS: i64 = 12 * 60 * 60 * 1000;

/// The young person's newest alert, if any: (id, alert, still on this phone).
fn newest_alert(sync: crate::store::SyncState) -> Option<(Uuid, UnsafeAlert, bool)> {
    sync.records.with(|rs| {
        rs.values()
            .filter(|r| r.entity == EntityKind::UnsafeAlert)
            .filter_map(|r| UnsafeAlert::from_fields(&r.fields).map(|a| (r.id, a, r.pending)))
            .max_by_key(|(_, a, _)| a.raised_at)
    })
}

/// "I feel unsafe": one tap shows the numbers to call at once, before and
/// whatever the network does, then queues an urgent alert to the PA and
/// the duty team through the sync engine (so with no signal it goes when
/// the phone is back online). The status line says honestly which.
#[component]
pub fn UnsafeButton(people: RwSignal<Option<MyPeople>>) -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let open = RwSignal::new(false);
    // Tapped while the phone's store was still loading: raise it as soon as
    // the store is ready.
    let waiting_for_store = RwSignal::new(false);
    // When this page saw the alert reach Pathway (it may have waited offline).
    let told_at = RwSignal::new(None::<i64>);
    let problem = RwSignal::new(None::<&'static str>);
    let heading = NodeRef::<leptos::html::H2>::new();
    let section = NodeRef::<leptos::html::Section>::new();

    let newest = Memo::new(move |_| newest_alert(sync));
    // The alert this page saw waiting on the phone. (Between the push and
    // the pull that brings it back, it briefly leaves the store's view; so
    // follow it by id, not by the last value seen.)
    let waiting_id = RwSignal::new(None::<Uuid>);
    Effect::new(move |_| {
        if let Some((id, _, pending)) = newest.get() {
            if pending {
                waiting_id.set(Some(id));
            } else if waiting_id.get_untracked() == Some(id) {
                waiting_id.set(None);
                told_at.set(Some(clock::now_ms()));
            }
        }
    });

    let raise = move || {
        spawn_local(async move {
            let recent = newest.get_untracked().is_some_and(|(_, a, _)| clock::now_ms() - a.raised_at < RECENT_MS);
            if recent {
                return;
            }
            let fields = UnsafeAlertChange { raised_at: Some(clock::now_ms()), ..Default::default() }.into_fields();
            // Not `Save`: a store still starting is not a problem to show
            // here but a wait (see `waiting_for_store`).
            match engine::change(move |r| r.put(EntityKind::UnsafeAlert, Uuid::now_v7(), fields)).await {
                Ok(()) => problem.set(None),
                Err(engine::ChangeError::NotReady) => waiting_for_store.set(true),
                Err(engine::ChangeError::NotSaved) => problem.set(Some(t(k::PEOPLE_UNSAFE_NOT_SENT))),
            }
        });
    };
    Effect::new(move |_| {
        if waiting_for_store.get() && sync.ready.get() {
            waiting_for_store.set(false);
            raise();
        }
    });

    let on_tap = move |_| {
        // Numbers first: nothing here waits for the network or the store.
        open.set(true);
        request_animation_frame(move || {
            // A screen reader starts at the numbers; the screen shows the
            // button, the status and the first numbers, clear of the bottom
            // bar. (Focus first: a focus during a smooth scroll stops it.)
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
            if let Some(s) = section.get_untracked() {
                s.scroll_into_view();
            }
        });
        raise();
    };

    let no_pa = move || people.with(|p| p.as_ref().is_some_and(|p| p.pa.is_none()));
    let status = move || {
        if let Some(p) = problem.get() {
            return Some(p.to_string());
        }
        if waiting_for_store.get() {
            return Some(t(k::PEOPLE_UNSAFE_GETTING_READY).to_string());
        }
        let Some((_, alert, pending)) = newest.get() else {
            return waiting_id.get().map(|_| t(k::PEOPLE_UNSAFE_SENDING).to_string());
        };
        if !open.get() && clock::now_ms() - alert.raised_at > SHOW_STATUS_MS {
            return None;
        }
        let words = if pending {
            if state.offline.get() || sync.unreachable.get() {
                t(k::PEOPLE_UNSAFE_OFFLINE).to_string()
            } else {
                t(k::PEOPLE_UNSAFE_SENDING).to_string()
            }
        } else {
            match told_at.get() {
                Some(at) => {
                    let told =
                        if no_pa() { k::PEOPLE_UNSAFE_TOLD_DUTY_AT } else { k::PEOPLE_UNSAFE_TOLD_PA_AND_DUTY_AT };
                    tf(told, &[("time", &clock::clock(at))])
                }
                None => {
                    let told = if no_pa() { k::PEOPLE_UNSAFE_TOLD_DUTY } else { k::PEOPLE_UNSAFE_TOLD_PA_AND_DUTY };
                    tf(k::PEOPLE_UNSAFE_ASKED_AT, &[("time", &clock::clock(alert.raised_at))]) + " " + t(told)
                }
            }
        };
        let seen = match (alert.pa_seen_at, alert.duty_seen_at) {
            (Some(_), Some(_)) => Some(k::PEOPLE_UNSAFE_SEEN_BY_PA_AND_DUTY),
            (Some(_), None) => Some(k::PEOPLE_UNSAFE_SEEN_BY_PA),
            (None, Some(_)) => Some(k::PEOPLE_UNSAFE_SEEN_BY_DUTY),
            (None, None) => None,
        };
        Some(match seen {
            Some(seen) => words + " " + t(seen),
            None => words,
        })
    };

    let duty = move || people.with(|p| p.as_ref().map(|p| p.duty_team.clone()));
    let pa = move || people.with(|p| p.as_ref().and_then(|p| p.pa.clone()));

    view! {
        <section class="unsafe" aria-label=t(k::PEOPLE_UNSAFE_BUTTON) node_ref=section>
            <button type="button" class="button unsafe__button" on:click=on_tap aria-expanded=move || open.get().to_string()>
                {t(k::PEOPLE_UNSAFE_BUTTON)}
            </button>
            <p class="unsafe__hint">{t(k::PEOPLE_UNSAFE_HINT)}</p>
            <p class="unsafe__status" role="status">{status}</p>
            <Show when=move || open.get()>
                <div class="unsafe__panel">
                    <h2 class="unsafe__heading" tabindex="-1" node_ref=heading>{t(k::PEOPLE_UNSAFE_DANGER_NOW)}</h2>
                    <ul class="call-links">
                        <HelplineLinks/>
                        {move || duty().and_then(|d| d.phone).map(|phone| call_link(k::PEOPLE_UNSAFE_CALL_DUTY, phone))}
                        {move || pa().and_then(|d| d.phone).map(|phone| call_link(k::PEOPLE_UNSAFE_CALL_PA, phone))}
                    </ul>
                    <button type="button" class="button button--secondary button--small" on:click=move |_| open.set(false)>
                        {t(k::PEOPLE_UNSAFE_HIDE)}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// "Call the duty team 0151 496 0190": a big link, the number in its own
/// span.
fn call_link(words: crate::i18n::Text, phone: String) -> impl IntoView {
    let href = links::tel_href(&phone);
    let (before, after) = super::around(t(words), "number");
    view! {
        <li><a class="call-link" href=href>{before}<span class="call-link__number">{phone}</span>{after}</a></li>
    }
}
