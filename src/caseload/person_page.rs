use leptos::prelude::*;
use pathway_model::caseload::YoungPersonOverview;

use super::NOT_ON_CASELOAD;
use super::keeping_in_touch::KeepingInTouch;
use crate::meeting::pa::{ContactHistory, PaActions, load_overview};
use crate::offer::PaOfferTracker;
use crate::router::{A, use_location};
use crate::topic::PaTopics;
use crate::ui::{Loaded, SampleBadge};
use crate::words;

/// One young person on the PA's own caseload. On a laptop, two columns:
/// keeping in touch and what was agreed on one side, her own words (plan,
/// topics, offer, health) on the other.
#[component]
pub fn PersonPage() -> impl IntoView {
    let person_id = super::person_id_param();
    // The laptop keeps a copy, so a meeting can start from here offline.
    let overview = load_overview(person_id);
    let location = use_location();
    let saved = move || match location.query("saved").as_deref() {
        // The sync line above says whether it has reached Pathway yet.
        Some("meeting") => Some("Meeting saved."),
        Some("contact") => Some("Contact saved."),
        _ => None,
    };
    let first_name =
        Signal::derive(move || overview.value.with(|o| o.as_ref().map(|o| o.first_name.clone())).unwrap_or_default());
    view! {
        <div class="staff-wide">
            <p class="back"><A href="/caseload">"Back to my caseload"</A></p>
            <p class="notice person__saved" role="status">{saved}</p>
            <Show when=move || overview.value.with(Option::is_none)>
                <h1>"Young person"</h1>
            </Show>
            <Loaded
                remote=overview
                what="this page"
                missing=NOT_ON_CASELOAD
                let:person
            >
                <Heading person=person/>
            </Loaded>
            {move || person_id().map(|id| view! {
                <div class="person">
                    <div class="person__column">
                        {move || overview.value.get().map(|p| view! {
                            <KeepingInTouch owner=p.person_id server=p.rhythm.clone()/>
                        })}
                        // From this device's store: these show offline too.
                        <PaActions owner=id first_name=first_name/>
                        <PaTopics owner=id/>
                        <ContactHistory owner=id/>
                        {move || overview.value.get().map(|p| view! { <Overview person=p/> })}
                    </div>
                    <div class="person__column">
                        <crate::plan::PaPeopleAndPlan owner=id/>
                        <PaOfferTracker owner=id/>
                        <crate::health::PaHealth owner=id/>
                    </div>
                </div>
            })}
        </div>
    }
}

/// Her name and what to do next: meet, or record a contact.
#[component]
fn Heading(person: YoungPersonOverview) -> impl IntoView {
    let id = person.person_id;
    view! {
        <h1>{format!("{} {}", person.first_name, person.last_name)}</h1>
        <SampleBadge sample_data=person.council.sample_data/>
        <ul class="person__start">
            <li>
                <A href=format!("/caseload/{id}/meeting") attr:class="button">
                    {format!("Start a meeting with {}", person.first_name)}
                </A>
            </li>
            <li><A href=format!("/caseload/{id}/contact") attr:class="button button--secondary">"Record a contact"</A></li>
        </ul>
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
        <section class="card" aria-labelledby="overview-heading">
            <h2 id="overview-heading">"Overview"</h2>
            <dl class="facts">
                <div><dt>"Age"</dt><dd>{person.age}</dd></div>
                <div><dt>"Date of birth"</dt><dd>{words::readable_date(person.date_of_birth)}</dd></div>
                <div><dt>"Stage"</dt><dd>{words::stage_label(person.stage)}</dd></div>
                <div><dt>"Status"</dt><dd>{person.status.label()}</dd></div>
                <div><dt>"Council"</dt><dd>{person.council.name.clone()}</dd></div>
                <div><dt>"Circumstances"</dt>{circumstances}</div>
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
