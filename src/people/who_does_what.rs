use leptos::prelude::*;
use pathway_model::people::MyPeople;

use super::stages::{StageCard, areas, next_change};
use crate::i18n::{k, t, tf};

/// "Who does what": a card per stage, saying who is responsible for each
/// part of life, for this young person's council; the stage they are in
/// is marked in words ("You are here") as well as by its look.
#[component]
pub fn WhoDoesWhat(people: RwSignal<Option<MyPeople>>) -> impl IntoView {
    let council = move || people.with(|p| p.as_ref().map(|p| p.council_name.clone()));
    let age = move || people.with(|p| p.as_ref().map(|p| p.age));
    let current = move || age().and_then(StageCard::for_age);
    let change = move || {
        people.with(|p| p.as_ref().and_then(|p| next_change(p.age, pathway_model::date::parse(&p.next_birthday))))
    };
    view! {
        <section class="who-does-what" aria-labelledby="wdw-heading">
            <h2 id="wdw-heading">{t(k::PEOPLE_WHO_HEADING)}</h2>
            <p>
                {move || match council() {
                    Some(c) => tf(k::PEOPLE_WHO_INTRO, &[("council", &c)]),
                    None => t(k::PEOPLE_WHO_INTRO_OFFLINE).to_string(),
                }}
            </p>
            {move || change().map(|c| view! {
                <p class="next-change"><strong>{t(k::PEOPLE_WHO_NEXT_CHANGE)}</strong>" "{c}</p>
            })}
            <ol class="stages">
                {move || {
                    let council = council();
                    let now = current();
                    StageCard::ALL.into_iter().map(|card| {
                        let here = now == Some(card);
                        let heading_id = format!("stage-{}", card.key());
                        let who = card.who(council.as_deref());
                        view! {
                            <li
                                class="card stage"
                                class:stage--current=here
                                aria-current=here.then_some("step")
                            >
                                <h3 id=heading_id>{card.title()}</h3>
                                {here.then(|| view! { <p class="stage__here">{t(k::PEOPLE_WHO_YOU_ARE_HERE)}</p> })}
                                <dl class="facts stage__who">
                                    {areas().into_iter().zip(who).map(|(area, who)| view! {
                                        <div><dt>{area}</dt><dd>{who}</dd></div>
                                    }).collect_view()}
                                </dl>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </section>
    }
}
