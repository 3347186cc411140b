//! Whom to call in an emergency: a name and a phone number she types in.
//! Kept sealed on this phone only (`saved`); it does not sync yet.

use leptos::prelude::*;
use pathway_model::phone::phone_problem;

use crate::i18n::{k, t};
use crate::lock::card::Contact;
use crate::saved;
use crate::ui::form::TextField;

/// What is wrong with the contact she typed; both empty means "none".
pub fn contact_problems(name: &str, phone: &str) -> (Option<&'static str>, Option<&'static str>) {
    if name.trim().is_empty() && phone.trim().is_empty() {
        return (None, None);
    }
    let name_problem = name.trim().is_empty().then(|| t(k::HEALTH_EMERGENCY_CONTACT_NO_NAME));
    let phone_problem = phone_problem(phone).map(|_| t(k::HEALTH_EMERGENCY_CONTACT_BAD_PHONE));
    (name_problem, phone_problem)
}

#[component]
pub fn ContactForm(contact: RwSignal<Option<Contact>>) -> impl IntoView {
    let now = contact.get_untracked();
    let name = RwSignal::new(now.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let phone = RwSignal::new(now.map(|c| c.phone).unwrap_or_default());
    let name_problem = RwSignal::new(None::<&'static str>);
    let phone_problem = RwSignal::new(None::<&'static str>);
    let said = RwSignal::new(None::<&'static str>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, p) = (name.get_untracked(), phone.get_untracked());
        let (np, pp) = contact_problems(&n, &p);
        name_problem.set(np);
        phone_problem.set(pp);
        said.set(None);
        if np.is_some() || pp.is_some() {
            return;
        }
        let new = (!n.trim().is_empty()).then(|| Contact { name: n.trim().to_string(), phone: p.trim().to_string() });
        saved::set_emergency_contact(new.as_ref().map(Contact::to_text));
        said.set(Some(if new.is_some() {
            t(k::HEALTH_EMERGENCY_CONTACT_SAVED)
        } else {
            t(k::HEALTH_EMERGENCY_CONTACT_REMOVED)
        }));
        contact.set(new);
    };
    view! {
        <section class="card" aria-labelledby="emergency-who">
            <h2 id="emergency-who">{t(k::HEALTH_EMERGENCY_CONTACT_HEADING)}</h2>
            <p class="hint">{t(k::HEALTH_EMERGENCY_CONTACT_HINT)}</p>
            <form class="form" on:submit=on_submit novalidate=true>
                <TextField id="emergency-name" label=t(k::HEALTH_EMERGENCY_CONTACT_NAME) value=name problem=name_problem max=80 autocomplete="off"/>
                <TextField id="emergency-phone" label=t(k::HEALTH_EMERGENCY_CONTACT_PHONE) kind="tel" value=phone problem=phone_problem max=20 autocomplete="off"/>
                <button type="submit" class="button">{t(k::HEALTH_EMERGENCY_CONTACT_SAVE)}</button>
                <p role="status">{move || said.get()}</p>
            </form>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_name_and_a_uk_number_or_nothing_at_all() {
        assert_eq!(contact_problems("", " "), (None, None));
        assert_eq!(contact_problems("Aunt Sue", "07700 900123"), (None, None));
        assert!(contact_problems("", "07700 900123").0.is_some());
        assert!(contact_problems("Aunt Sue", "call me").1.is_some());
    }
}
