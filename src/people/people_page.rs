use leptos::prelude::*;

use super::contacts::{PersonCard, slots};
use super::helplines::Helplines;
use super::keep_in_touch::KeepInTouch;
use super::unsafe_alert::UnsafeButton;
use super::who_does_what::WhoDoesWhat;
use crate::api;
use crate::i18n::{k, t};
use crate::router::A;
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
    let (before_link, after_link) = super::around(t(k::PEOPLE_PAGE_NO_PA), "link");

    view! {
        <h1>{t(k::PEOPLE_PAGE_TITLE)}</h1>
        {move || people.with(|p| p.as_ref().map(|p| p.sample_data)).map(|s| view! { <SampleBadge sample_data=s/> })}
        <UnsafeButton people=people/>
        <section aria-labelledby="my-people-heading">
            <h2 id="my-people-heading">{t(k::PEOPLE_PAGE_YOUR_PEOPLE)}</h2>
            <Loaded remote=loaded what=t(k::PEOPLE_PAGE_LOADING_WHAT) also=t(k::PEOPLE_PAGE_HELPLINES_STILL_WORK) let:p>
                {p.pa.is_none().then(|| view! {
                    <p class="notice">
                        {before_link.clone()}
                        <a href="#kit-heading">{t(k::PEOPLE_PAGE_ASK_FOR_PA_LINK)}</a>
                        {after_link.clone()}
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
        <p class="plan-link"><A href="/plan">{t(k::PEOPLE_PAGE_SEE_MY_PLAN)}</A></p>
    }
}
