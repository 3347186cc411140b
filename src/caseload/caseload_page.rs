use leptos::prelude::*;
use leptos_router::components::A;
use pathway_model::caseload::CaseloadEntry;

use crate::api;
use crate::app::use_app;
use crate::ui::SampleBadge;
use crate::words;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let state = use_app();
    let caseload = LocalResource::new(move || async move {
        let result = api::caseload().await;
        if let Err(e) = &result {
            state.note_error(e);
        }
        result
    });
    view! {
        <h1>"My caseload"</h1>
        {move || match caseload.get() {
            None => view! { <p class="loading" role="status">"Loading your caseload…"</p> }.into_any(),
            Some(Ok(people)) if people.is_empty() => view! {
                <p>"Nobody is on your caseload yet."</p>
            }.into_any(),
            Some(Ok(people)) => view! {
                <ul class="caseload">
                    <For each=move || people.clone() key=|p| p.person_id let:person>
                        <CaseloadRow person=person/>
                    </For>
                </ul>
            }.into_any(),
            Some(Err(e)) => view! {
                <p class="notice">
                    {if e.is_unreachable() {
                        "You're offline, so we can't show your caseload. It will load when you're back online."
                    } else {
                        "We couldn't load your caseload. Try again in a minute."
                    }}
                </p>
            }.into_any(),
        }}
    }
}

/// One young person in the list; their name opens their page.
#[component]
fn CaseloadRow(person: CaseloadEntry) -> impl IntoView {
    let href = format!("/caseload/{}", person.person_id);
    view! {
        <li class="card caseload__row">
            <h2 class="caseload__name">
                <A href=href>{format!("{} {}", person.first_name, person.last_name)}</A>
            </h2>
            <dl class="facts facts--inline">
                <div><dt>"Age"</dt><dd>{person.age}</dd></div>
                <div>
                    <dt>"Council"</dt>
                    <dd>{person.council.name.clone()}" "<SampleBadge sample_data=person.council.sample_data/></dd>
                </div>
                <div><dt>"Last contact"</dt><dd>{words::last_contact(person.last_contact)}</dd></div>
            </dl>
        </li>
    }
}
