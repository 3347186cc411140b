use leptos::prelude::*;
use leptos_router::components::A;
use pathway_model::caseload::CaseloadEntry;

use crate::api;
use crate::ui::{Loaded, SampleBadge, load};
use crate::words;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let caseload = load(api::caseload, None);
    view! {
        <h1>"My caseload"</h1>
        <p><A href="/caseload/new" attr:class="button">"Register a young person"</A></p>
        <Loaded remote=caseload what="your caseload" let:people>
            {if people.is_empty() {
                view! { <p>"Nobody is on your caseload yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="caseload">
                        {people.into_iter().map(|person| view! { <CaseloadRow person=person/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </Loaded>
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
                <div><dt>"Last contact"</dt><dd>{words::last_contact(person.rhythm.last_contact)}</dd></div>
            </dl>
        </li>
    }
}
