use leptos::prelude::*;
use leptos_router::components::A;
use pathway_model::caseload::YoungPersonOverview;

use crate::api;
use crate::offer::PaOfferTracker;
use crate::topic::PaTopics;
use crate::ui::{Loaded, SampleBadge, load};
use crate::words;

/// One young person on the PA's own caseload.
#[component]
pub fn PersonPage() -> impl IntoView {
    let person_id = super::person_id_param();
    let overview = load(move || super::or_not_found(person_id(), api::young_person), None);
    view! {
        <p class="back"><A href="/caseload">"Back to my caseload"</A></p>
        <Show when=move || overview.value.with(Option::is_none)>
            <h1>"Young person"</h1>
        </Show>
        <Loaded
            remote=overview
            what="this page"
            missing="We can't find this young person on your caseload."
            let:person
        >
            <Overview person=person/>
        </Loaded>
        // From this device's store: shows offline too.
        {move || person_id().map(|id| view! { <crate::plan::PaPeopleAndPlan owner=id/> })}
        {move || person_id().map(|id| view! { <PaTopics owner=id/> })}
        {move || person_id().map(|id| view! { <PaOfferTracker owner=id/> })}
        {move || person_id().map(|id| view! { <crate::health::PaHealth owner=id/> })}
    }
}

#[component]
fn Overview(person: YoungPersonOverview) -> impl IntoView {
    let circumstances = if person.circumstances.is_empty() {
        view! { <dd>"None recorded"</dd> }.into_any()
    } else {
        view! {
            <dd>
                <ul class="plain-list">
                    {person.circumstances.iter().map(|c| view! { <li>{c.label()}</li> }).collect_view()}
                </ul>
            </dd>
        }
        .into_any()
    };
    view! {
        <h1>{format!("{} {}", person.first_name, person.last_name)}</h1>
        <SampleBadge sample_data=person.council.sample_data/>
        <section class="card" aria-labelledby="overview-heading">
            <h2 id="overview-heading">"Overview"</h2>
            <dl class="facts">
                <div><dt>"Age"</dt><dd>{person.age}</dd></div>
                <div><dt>"Date of birth"</dt><dd>{words::readable_date(person.date_of_birth)}</dd></div>
                <div><dt>"Stage"</dt><dd>{words::stage_label(person.stage)}</dd></div>
                <div><dt>"Status"</dt><dd>{person.status.label()}</dd></div>
                <div><dt>"Council"</dt><dd>{person.council.name.clone()}</dd></div>
                <div><dt>"Circumstances"</dt>{circumstances}</div>
                <div><dt>"Last contact"</dt><dd>{words::last_contact(person.rhythm.last_contact)}</dd></div>
            </dl>
        </section>
        <Account person_id=person.person_id first_name=person.first_name.clone()/>
        {(person.age < 18).then(|| view! {
            <super::contacts_form::PaContacts
                person_id=person.person_id
                social_worker=person.social_worker.clone()
                iro=person.iro.clone()
            />
        })}
    }
}

/// Her account: change her details, or make a new code when she forgot her
/// passphrase.
#[component]
fn Account(person_id: uuid::Uuid, first_name: String) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="account-heading">
            <h2 id="account-heading">"Details and sign-in"</h2>
            <ul class="staff-links">
                <li><A href=format!("/caseload/{person_id}/profile")>{format!("Edit {first_name}'s details")}</A></li>
                <li>
                    <A href=format!("/caseload/{person_id}/code")>
                        {format!("{first_name} forgot their passphrase: make a new code")}
                    </A>
                </li>
            </ul>
        </section>
    }
}
