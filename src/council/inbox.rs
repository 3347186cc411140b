use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::council::{InboxAlert, InboxRequest};
use pathway_model::people::keep_in_touch::ContactHow;
use uuid::Uuid;

use crate::api;
use crate::i18n::{k, t};
use crate::state::use_app;
use crate::ui::{Loaded, load};
use crate::{clock, links};

/// Oldest first: whoever has waited longest is at the top.
pub fn oldest_first(mut requests: Vec<InboxRequest>) -> Vec<InboxRequest> {
    pathway_model::order::sort_by_key(&mut requests, |r| (-r.waited_hours, r.request.asked_at));
    requests
}

/// The link to reach someone the way they asked.
fn reach_href(how: ContactHow, reach_on: &str) -> String {
    match how {
        ContactHow::Call => links::tel_href(reach_on),
        ContactHow::Text => links::sms_href(reach_on),
        ContactHow::Email => links::mailto_href(reach_on),
    }
}

/// An inbox action on its way to the server.
type Sent = std::pin::Pin<Box<dyn Future<Output = api::ApiResult<()>>>>;

/// The leaving care team's inbox: "I feel unsafe" alerts, then open
/// keep-in-touch requests oldest first with how long each has waited.
#[component]
pub fn Inbox() -> impl IntoView {
    let state = use_app();
    // A page holds up to 100 requests and 100 alerts; the rest are a
    // button away.
    let page = RwSignal::new(1_u32);
    let inbox = load(move || api::council_inbox(page.get()), None);
    let problem = RwSignal::new(None::<&'static str>);
    let act = move |call: fn(Uuid) -> Sent, id: Uuid| {
        spawn_local(async move {
            match call(id).await {
                Ok(()) => {
                    problem.set(None);
                    // Load the inbox again, so the item shows as done.
                    inbox.retry();
                }
                Err(e) => {
                    state.note_error(&e);
                    problem.set(Some(if e.is_unreachable() {
                        t(k::UI_LOAD_OFFLINE_NOT_SENT)
                    } else {
                        "That didn't work. Try again in a minute."
                    }));
                }
            }
        });
    };
    let done = move |id: Uuid| act(|id| Box::pin(api::mark_request_done(id)), id);
    let seen = move |id: Uuid| act(|id| Box::pin(api::mark_alert_seen(id)), id);

    view! {
        <p class="error-message" role="alert">{move || problem.get()}</p>
        <Loaded remote=inbox what="the inbox" let:inbox>
            <Alerts alerts=inbox.alerts seen=seen/>
            <Requests requests=oldest_first(inbox.requests) done=done/>
            <Pages page=page more=inbox.has_more/>
        </Loaded>
    }
}

/// "Earlier page" and "Next page", when there is more than one.
#[component]
fn Pages(page: RwSignal<u32>, more: bool) -> impl IntoView {
    let now = page.get_untracked();
    (now > 1 || more).then(|| {
        view! {
            <nav class="inbox__pages" aria-label="Inbox pages">
                <p>{format!("Page {now}")}</p>
                {(now > 1).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| page.set(now - 1)>
                        "Earlier page"
                    </button>
                })}
                {more.then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| page.set(now + 1)>
                        "Next page"
                    </button>
                })}
            </nav>
        }
    })
}

#[component]
fn Alerts(alerts: Vec<InboxAlert>, seen: impl Fn(Uuid) + Copy + 'static) -> impl IntoView {
    view! {
        <section class="inbox" aria-labelledby="inbox-alerts-heading">
            <h2 id="inbox-alerts-heading">"Felt unsafe"</h2>
            {if alerts.is_empty() {
                view! { <p>"No alerts."</p> }.into_any()
            } else {
                view! {
                    <ul class="inbox__list">
                        {alerts.into_iter().map(|a| {
                            let id = a.id;
                            let name = a.person_name.clone();
                            view! {
                                <li class="card inbox-alert" class:inbox-alert--new=a.alert.duty_seen_at.is_none()>
                                    <h3 class="inbox__name">{a.person_name.clone()}</h3>
                                    <p>{format!("Pressed \"I feel unsafe\" on {}", clock::day_and_clock(a.alert.raised_at))}</p>
                                    <p class="hint">{format!("Reached Pathway on {}", clock::day_and_clock(a.received_at))}</p>
                                    <p>{match &a.pa_name { Some(pa) => format!("PA: {pa}"), None => "No PA".to_string() }}</p>
                                    {a.alert.note.clone().map(|n| view! { <p>{n}</p> })}
                                    {match (a.alert.duty_seen_at, a.alert.duty_seen_by.clone()) {
                                        (Some(at), by) => view! {
                                            <p class="inbox__done">
                                                {format!("Seen{} on {}", by.map(|b| format!(" by {b}")).unwrap_or_default(), clock::day_and_clock(at))}
                                            </p>
                                        }.into_any(),
                                        (None, _) => view! {
                                            <button type="button" class="button button--small" on:click=move |_| seen(id)>
                                                "Seen"<span class="visually-hidden">{format!(": alert from {name}")}</span>
                                            </button>
                                        }.into_any(),
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Requests(requests: Vec<InboxRequest>, done: impl Fn(Uuid) + Copy + 'static) -> impl IntoView {
    view! {
        <section class="inbox" aria-labelledby="inbox-requests-heading">
            <h2 id="inbox-requests-heading">"Asked to be contacted"</h2>
            <p class="hint">"Open requests, oldest first."</p>
            {if requests.is_empty() {
                view! { <p>"No open requests."</p> }.into_any()
            } else {
                view! {
                    <ul class="inbox__list">
                        {requests.into_iter().map(|r| {
                            let id = r.id;
                            let name = r.person_name.clone();
                            let c = r.request;
                            view! {
                                <li class="card inbox-request">
                                    <h3 class="inbox__name">{format!("{}, {}", r.person_name, r.age)}</h3>
                                    <p class="inbox__waiting">{clock::waiting_words(r.waited_hours)}</p>
                                    <p><strong>{c.kind.label()}</strong></p>
                                    <p>{match &r.pa_name { Some(pa) => format!("PA: {pa}"), None => "No PA".to_string() }}</p>
                                    <p>
                                        {format!("{}: ", c.how.label())}
                                        <a href=reach_href(c.how, &c.reach_on)>{c.reach_on.clone()}</a>
                                    </p>
                                    {c.best_time.clone().map(|t| view! { <p>{format!("Best time: {t}")}</p> })}
                                    {c.message.clone().map(|m| view! { <p>{format!("Message: {m}")}</p> })}
                                    <p class="hint">{format!("Asked on {}", clock::day_and_clock(c.asked_at))}</p>
                                    <button type="button" class="button button--small" on:click=move |_| done(id)>
                                        "Mark as done"<span class="visually-hidden">{format!(": {name}")}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::people::keep_in_touch::{ContactRequest, RequestKind};

    fn request(name: &str, waited: i64) -> InboxRequest {
        InboxRequest {
            id: Uuid::nil(),
            person_name: name.into(),
            age: 22,
            pa_name: None,
            request: ContactRequest {
                kind: RequestKind::GetPaBack,
                how: ContactHow::Text,
                reach_on: "07700 900999".into(),
                best_time: None,
                message: None,
                asked_at: 1_790_000_000_000 - waited * 3_600_000,
                status: None,
                handled_by: None,
                handled_at: None,
            },
            waited_hours: waited,
        }
    }

    #[test]
    fn the_longest_wait_comes_first() {
        let got = oldest_first(vec![request("b", 2), request("a", 72), request("c", 0)]);
        let names: Vec<&str> = got.iter().map(|r| r.person_name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
    }

    #[test]
    fn each_way_of_reaching_someone_has_its_link() {
        assert_eq!(reach_href(ContactHow::Call, "0151 496 0100"), "tel:01514960100");
        assert_eq!(reach_href(ContactHow::Text, "07700 900999"), "sms:07700900999");
        assert_eq!(reach_href(ContactHow::Email, "zara@mail.example"), "mailto:zara@mail.example");
    }
}
