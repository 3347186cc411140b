use leptos::prelude::*;
use leptos_router::components::A;

use super::contacts::{PersonCard, slots};
use super::helplines::Helplines;
use super::keep_in_touch::KeepInTouch;
use super::unsafe_alert::UnsafeButton;
use super::who_does_what::WhoDoesWhat;
use crate::api;
use crate::saved;
use crate::ui::{Keep, Loaded, SampleBadge, load};

/// My people: "I feel unsafe" first, then everyone a young person can turn
/// to, keep in touch, helplines, and who does what at each stage. Works
/// offline: the helplines are in the app, the people are saved on the phone.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let loaded = load(api::my_people, Some(Keep { read: saved::my_people, write: saved::set_my_people }));
    // Fresh or the phone's copy: the unsafe numbers, the request form and
    // the stages all read the same people.
    let people = loaded.value;

    view! {
        <h1>"My people"</h1>
        {move || people.with(|p| p.as_ref().map(|p| p.sample_data)).map(|s| view! { <SampleBadge sample_data=s/> })}
        <UnsafeButton people=people/>
        <section aria-labelledby="my-people-heading">
            <h2 id="my-people-heading">"Your people"</h2>
            <Loaded remote=loaded what="your people" also="The helplines below always work." let:p>
                {p.pa.is_none().then(|| view! {
                    <p class="notice">
                        "You don't have a personal advisor (PA) at the moment. "
                        <a href="#kit-heading">"You can ask for one below"</a>"."
                    </p>
                })}
                <ul class="people">
                    {slots(&p).into_iter().map(|(slot, card)| {
                        view! { <PersonCard which=slot card=card/> }
                    }).collect_view()}
                </ul>
            </Loaded>
        </section>
        <KeepInTouch people=people/>
        <Helplines/>
        <WhoDoesWhat people=people/>
        <p class="plan-link"><A href="/plan">"See my plan"</A></p>
    }
}
