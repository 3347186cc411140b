use leptos::prelude::*;
use pathway_model::people::keep_in_touch::{self, ContactRequest, ContactRequestChange};
use pathway_model::people::unsafe_alert::{UnsafeAlert, UnsafeAlertChange};
use pathway_model::record::{EntityKind, Fields};
use pathway_model::role::Role;
use uuid::Uuid;

use crate::clock;
use crate::state::use_app;
use crate::store::{Save, SaveState, use_sync};

/// "Felt unsafe" alerts from one young person, newest first, for their PA
/// on the young person's page. From this device's store (so they show
/// offline too); "Mark as seen" writes `pa_seen_at` through sync.
#[component]
pub fn PaAlerts(owner: Uuid) -> impl IntoView {
    let sync = use_sync();
    let alerts = Memo::new(move |_| {
        let mut list: Vec<(Uuid, UnsafeAlert)> = sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == EntityKind::UnsafeAlert && r.owner_id == Some(owner))
                .filter_map(|r| UnsafeAlert::from_fields(&r.fields).map(|a| (r.id, a)))
                .collect()
        });
        pathway_model::order::sort_by_key(&mut list, |(_, a)| -a.raised_at);
        list
    });
    let save = Save::new();
    let mark_seen = move |id: Uuid| {
        let seen = UnsafeAlertChange { pa_seen_at: Some(Some(clock::now_ms())), ..Default::default() };
        save.put(Ok(seen.into_fields()), EntityKind::UnsafeAlert, id, || {});
    };
    view! {
        <Show when=move || !alerts.with(|a| a.is_empty())>
            <section class="card pa-alerts" aria-labelledby="pa-alerts-heading">
                <h2 id="pa-alerts-heading">"Felt unsafe"</h2>
                <p class="error-message">{move || save.problem()}</p>
                <ul class="pa-alerts__list">
                    <For each=move || alerts.get() key=|(id, a)| (*id, a.pa_seen_at) let:item>
                        <li class="pa-alert" class:pa-alert--new=item.1.pa_seen_at.is_none()>
                            <p class="pa-alert__what">
                                {format!("Pressed \"I feel unsafe\" on {}", clock::day_and_clock(item.1.raised_at))}
                            </p>
                            {item.1.note.clone().map(|n| view! { <p>{n}</p> })}
                            {item.1.duty_seen_by.clone().map(|by| view! { <p class="hint">{format!("Seen by the duty team ({by})")}</p> })}
                            {match item.1.pa_seen_at {
                                Some(at) => view! { <p class="pa-alert__seen">{format!("You saw it on {}", clock::day_and_clock(at))}</p> }.into_any(),
                                None => {
                                    let id = item.0;
                                    view! {
                                        <button type="button" class="button button--small" on:click=move |_| mark_seen(id)>
                                            "Mark as seen"
                                        </button>
                                    }.into_any()
                                }
                            }}
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// The fields a PA writes to mark a request done: by whom (their full
/// name, which the young person sees) and when. Checked by the model's
/// rule, as the server will.
pub fn done_fields(by: &str, now: i64, current: &Fields) -> Option<Fields> {
    let f = ContactRequestChange {
        status: Some("done".into()),
        handled_by: Some(Some(by.trim().into())),
        handled_at: Some(Some(now)),
        ..Default::default()
    }
    .into_fields();
    keep_in_touch::check_put(Role::Advisor, &f, Some(current)).ok().map(|()| f)
}

/// One young person's keep-in-touch requests that are still open, for their
/// PA, who marks one done once they have been in touch (so can the leaving
/// care team, from the council inbox). Written through sync, so it works
/// offline too.
#[component]
pub fn PaRequests(owner: Uuid) -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let open = Memo::new(move |_| {
        let mut list: Vec<(Uuid, ContactRequest)> = sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == EntityKind::ContactRequest && r.owner_id == Some(owner))
                .filter_map(|r| ContactRequest::from_fields(&r.fields).map(|c| (r.id, c)))
                .filter(|(_, c)| c.is_open())
                .collect()
        });
        pathway_model::order::sort_by_key(&mut list, |(_, c)| c.asked_at);
        list
    });
    let save = Save::new();
    let heading = NodeRef::<leptos::html::H2>::new();
    let mark_done = move |id: Uuid| {
        let by = state.me().map(|me| format!("{} {}", me.first_name, me.last_name)).unwrap_or_default();
        let current = sync.records.with_untracked(|rs| rs.get(&id).map(|r| r.fields.clone()));
        let checked = current
            .and_then(|c| done_fields(&by, clock::now_ms(), &c))
            .ok_or("We couldn't mark that as done. Try again in a moment.");
        save.put(checked, EntityKind::ContactRequest, id, move || {
            // The button has gone with the request: keep the place.
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    };
    let said = move || match save.state.get() {
        SaveState::Saved => Some("Marked as done. They will see that you did it."),
        _ => save.problem(),
    };
    view! {
        <Show when=move || !open.with(|o| o.is_empty()) || said().is_some()>
            <section class="card keep-in-touch" aria-labelledby="pa-requests-heading">
                <h2 id="pa-requests-heading" tabindex="-1" node_ref=heading>"Asked to be contacted"</h2>
                <ul class="kit-requests">
                    <For each=move || open.get() key=|(id, _)| *id let:item>
                        <li class="kit-request">
                            <p class="kit-request__what">{item.1.kind.label()}</p>
                            <p>{format!("{}: {}", item.1.how.label(), item.1.reach_on)}</p>
                            {item.1.best_time.clone().map(|t| view! { <p>{format!("Best time: {t}")}</p> })}
                            {item.1.message.clone().map(|m| view! { <p>{format!("Message: {m}")}</p> })}
                            <p class="hint">{format!("Asked on {}", clock::day_and_clock(item.1.asked_at))}</p>
                            {
                                let id = item.0;
                                let asked = clock::day_and_clock(item.1.asked_at);
                                view! {
                                    <button
                                        type="button"
                                        class="button button--small"
                                        aria-label=format!("Mark as done: {}, asked on {asked}", item.1.kind.label())
                                        on:click=move |_| mark_done(id)
                                    >
                                        "Mark as done"
                                    </button>
                                }
                            }
                        </li>
                    </For>
                </ul>
                <p class="keep-in-touch__saved" role="status">{said}</p>
            </section>
        </Show>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_pa_marks_a_request_done_by_name_within_the_models_rule() {
        let ask =
            json!({"kind": "contact_me", "how": "text", "reach_on": "07700 900999", "asked_at": 1_790_000_000_000_i64});
        let ask = ask.as_object().unwrap();
        let f = done_fields(" Sam Okafor ", 1_790_000_100_000, ask).unwrap();
        assert_eq!(f["status"], json!("done"));
        assert_eq!(f["handled_by"], json!("Sam Okafor"));
        let mut r = ask.clone();
        r.extend(f);
        let r = ContactRequest::from_fields(&r).unwrap();
        assert!(!r.is_open());
        assert_eq!(r.handled_at, Some(1_790_000_100_000));
        assert_eq!(done_fields(&"x".repeat(101), 1_790_000_100_000, ask), None);
    }
}
