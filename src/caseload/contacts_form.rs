//! On a young person's page, under 18: the PA records their social worker
//! and independent reviewing officer, so the young person sees them in My
//! people. Checked with the model's own rules before it is sent, so every
//! problem shows next to its box at once.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::people::{ContactDetails, ContactRole};
use uuid::Uuid;

use crate::api;

/// The social worker and IRO of a young person on the PA's caseload.
#[component]
pub fn PaContacts(
    person_id: Uuid,
    social_worker: Option<ContactDetails>,
    iro: Option<ContactDetails>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">"Social worker and IRO"</h2>
            <p class="hint">"They show on the young person's My people page until they are 18."</p>
            <ContactForm person_id=person_id role=ContactRole::SocialWorker current=social_worker/>
            <ContactForm person_id=person_id role=ContactRole::Iro current=iro/>
        </section>
    }
}

fn text_of(o: &Option<String>) -> String {
    o.clone().unwrap_or_default()
}

fn optional(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[component]
fn ContactForm(
    person_id: Uuid,
    role: ContactRole,
    current: Option<ContactDetails>,
) -> impl IntoView {
    let name = RwSignal::new(current.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let phone = RwSignal::new(
        current
            .as_ref()
            .map(|c| text_of(&c.phone))
            .unwrap_or_default(),
    );
    let email = RwSignal::new(
        current
            .as_ref()
            .map(|c| text_of(&c.email))
            .unwrap_or_default(),
    );
    let hours = RwSignal::new(
        current
            .as_ref()
            .map(|c| text_of(&c.hours))
            .unwrap_or_default(),
    );
    let problems = RwSignal::new(Vec::<(&'static str, String)>::new());
    let saved = RwSignal::new(None::<&'static str>);
    let prefix = role.as_str();
    let problem_of = move |field: &'static str| {
        move || problems.with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    };
    let on_submit =
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let details = ContactDetails {
                name: name.get_untracked().trim().to_string(),
                phone: optional(phone.get_untracked()),
                email: optional(email.get_untracked()),
                hours: optional(hours.get_untracked()),
            };
            let found = details.problems();
            saved.set(None);
            if !found.is_empty() {
                problems.set(found);
                return;
            }
            problems.set(Vec::new());
            spawn_local(async move {
                saved.set(Some(match api::set_contact(person_id, role, &details).await {
                Ok(()) => "Saved.",
                Err(e) if e.is_unreachable() => {
                    "You're offline, so this was not saved. Try again when you're back online."
                }
                Err(_) => "This could not be saved. Check the details and try again.",
            }));
            });
        };
    let field = move |field: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        let id = format!("{prefix}-{field}");
        let problem_id = format!("{id}-problem");
        let problem = problem_of(field);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <p class="error-message" id=problem_id.clone()>{problem}</p>
                <input
                    id=id
                    type=kind
                    autocomplete="off"
                    aria-describedby=problem_id
                    aria-invalid=move || problem().is_some().then_some("true")
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <form class="contact-form" on:submit=on_submit novalidate>
            <h3>{role.label()}</h3>
            {field("name", "Name", "text", name)}
            {field("phone", "Phone", "tel", phone)}
            {field("email", "Email", "email", email)}
            {field("hours", "When they can be reached", "text", hours)}
            <button type="submit" class="button">{format!("Save {}", role.label().to_lowercase())}</button>
            <p role="status" class="hint">{move || saved.get()}</p>
        </form>
    }
}
