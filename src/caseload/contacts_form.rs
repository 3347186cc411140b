//! On a young person's page, under 18: the PA records their social worker
//! and independent reviewing officer, so the young person sees them in My
//! people. Checked with the model's own rules before it is sent, so every
//! problem shows next to its box at once.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::people::{ContactDetails, ContactRole};
use uuid::Uuid;

use crate::api;
use crate::i18n::{k, t};
use crate::ui::form::TextField;

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

fn optional(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The model's problem for one field, as fixed words a form field can
/// show. (`ContactDetails::problems` gives owned strings; these are the
/// same words.)
fn field_problem(details: &ContactDetails, field: &str) -> &'static str {
    match field {
        "name" => "must be 1 to 100 characters",
        "phone" => details
            .phone
            .as_deref()
            .and_then(pathway_model::people::phone_problem)
            .unwrap_or("give a phone number or an email address"),
        "email" => "must be an email address, like sam@council.example",
        _ => "must be at most 100 characters",
    }
}

/// Each field's problem, if any, after a press of Save.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Problems {
    name: Option<&'static str>,
    phone: Option<&'static str>,
    email: Option<&'static str>,
    hours: Option<&'static str>,
}

fn problems_of(details: &ContactDetails) -> Problems {
    let mut out = Problems::default();
    for (field, _) in details.problems() {
        let words = Some(field_problem(details, field));
        match field {
            "name" => out.name = words,
            "phone" => out.phone = out.phone.or(words),
            "email" => out.email = words,
            _ => out.hours = words,
        }
    }
    out
}

#[component]
fn ContactForm(person_id: Uuid, role: ContactRole, current: Option<ContactDetails>) -> impl IntoView {
    let now =
        |get: fn(&ContactDetails) -> &Option<String>| current.as_ref().and_then(|c| get(c).clone()).unwrap_or_default();
    let name = RwSignal::new(current.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let phone = RwSignal::new(now(|c| &c.phone));
    let email = RwSignal::new(now(|c| &c.email));
    let hours = RwSignal::new(now(|c| &c.hours));
    let problems = RwSignal::new(Problems::default());
    let saved = RwSignal::new(None::<&'static str>);
    let sending = RwSignal::new(false);
    let prefix = role.as_str();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let details = ContactDetails {
            name: name.get_untracked().trim().to_string(),
            phone: optional(phone.get_untracked()),
            email: optional(email.get_untracked()),
            hours: optional(hours.get_untracked()),
        };
        let found = problems_of(&details);
        saved.set(None);
        problems.set(found);
        if found != Problems::default() {
            return;
        }
        // Not a synced record: the server keeps these, so it is sent now.
        sending.set(true);
        spawn_local(async move {
            let words = match api::set_contact(person_id, role, &details).await {
                Ok(()) => "Saved.",
                Err(e) if e.is_unreachable() => t(k::UI_LOAD_OFFLINE_NOT_SENT),
                Err(_) => "This could not be saved. Check the details and try again.",
            };
            saved.try_set(Some(words));
            sending.try_set(false);
        });
    };
    let id = move |field: &str| format!("{prefix}-{field}");
    let problem = move |pick: fn(&Problems) -> Option<&'static str>| Signal::derive(move || problems.with(pick));
    view! {
        <form class="contact-form" on:submit=on_submit novalidate>
            <h3>{role.label()}</h3>
            <TextField id=id("name") label="Name" value=name autocomplete="off" problem=problem(|p| p.name)/>
            <TextField id=id("phone") label="Phone" kind="tel" value=phone autocomplete="off" problem=problem(|p| p.phone)/>
            <TextField id=id("email") label="Email" kind="email" value=email autocomplete="off" problem=problem(|p| p.email)/>
            <TextField id=id("hours") label="When they can be reached" value=hours autocomplete="off" problem=problem(|p| p.hours)/>
            <button type="submit" class="button" disabled=move || sending.get()>{format!("Save {}", role.label().to_lowercase())}</button>
            <p role="status" class="hint">{move || saved.get()}</p>
        </form>
    }
}
