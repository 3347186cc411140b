use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::contacts::{PersonCard, slots};
use super::helplines::Helplines;
use super::keep_in_touch::KeepInTouch;
use super::unsafe_alert::UnsafeButton;
use super::who_does_what::WhoDoesWhat;
use crate::api;
use crate::saved;
use crate::state::use_app;
use crate::ui::SampleBadge;

/// Where the list of people came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Loading,
    Fresh,
    /// The server could not be reached (or failed): the copy saved on
    /// this phone, if there is one.
    Saved {
        offline: bool,
    },
}

/// My people: "I feel unsafe" first, then everyone a young person can turn
/// to, keep in touch, helplines, and who does what at each stage. Works
/// offline: the helplines are in the app, the people are saved on the phone.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let state = use_app();
    let people = RwSignal::new(saved::my_people());
    let source = RwSignal::new(Source::Loading);
    // Once per visit. `try_set`: the person may have left the page by the
    // time the answer comes.
    spawn_local(async move {
        match api::my_people().await {
            Ok(p) => {
                saved::set_my_people(&p);
                people.try_set(Some(p));
                source.try_set(Source::Fresh);
            }
            Err(e) => {
                state.note_error(&e);
                source.try_set(Source::Saved {
                    offline: e.is_unreachable(),
                });
            }
        }
    });

    view! {
        <h1>"My people"</h1>
        {move || people.with(|p| p.as_ref().map(|p| p.sample_data)).map(|s| view! { <SampleBadge sample_data=s/> })}
        <UnsafeButton people=people/>
        <section aria-labelledby="my-people-heading">
            <h2 id="my-people-heading">"Your people"</h2>
            {move || match (source.get(), people.with(|p| p.is_some())) {
                (Source::Loading, false) => Some(view! { <p class="loading" role="status">"Loading your people…"</p> }.into_any()),
                (Source::Saved { .. }, true) => Some(view! {
                    <p class="hint">"Saved on this phone. It may be out of date."</p>
                }.into_any()),
                (Source::Saved { offline }, false) => Some(view! {
                    <p class="notice">
                        {if offline {
                            "You're offline, so we can't show your people yet. The helplines below always work."
                        } else {
                            "We couldn't load your people. Try again in a minute. The helplines below always work."
                        }}
                    </p>
                }.into_any()),
                _ => None,
            }}
            {move || people.with(|p| p.as_ref().filter(|p| p.pa.is_none()).map(|_| view! {
                <p class="notice">
                    "You don't have a personal advisor (PA) at the moment. "
                    <a href="#kit-heading">"You can ask for one below"</a>"."
                </p>
            }))}
            <ul class="people">
                {move || people.with(|p| p.as_ref().map(slots)).unwrap_or_default().into_iter().map(|(slot, card)| {
                    view! { <PersonCard which=slot card=card/> }
                }).collect_view()}
            </ul>
        </section>
        <KeepInTouch people=people/>
        <Helplines/>
        <WhoDoesWhat people=people/>
        <p class="plan-link"><A href="/plan">"See my plan"</A></p>
    }
}
