use leptos::prelude::*;
use pathway_model::people::{ContactCard, MyPa};

use crate::i18n::{k, t, tf};
use crate::links;

/// Who to contact: the young person's PA, or, when none is linked, the
/// leaving-care team, so there is always someone to call.
#[component]
pub fn PaCard(my_pa: MyPa) -> impl IntoView {
    match my_pa.advisor {
        Some(pa) => view! {
            <section class="card" aria-labelledby="pa-card-heading">
                <h2 id="pa-card-heading">{t(k::PEOPLE_PA_CARD_HEADING)}</h2>
                <ContactDetails card=pa/>
            </section>
        }
        .into_any(),
        None => view! {
            <section class="card" aria-labelledby="pa-card-heading">
                <h2 id="pa-card-heading">{t(k::PEOPLE_PA_CARD_TEAM_HEADING)}</h2>
                <p>{t(k::PEOPLE_PA_CARD_NO_PA)}</p>
                <ContactDetails card=my_pa.leaving_care_team/>
            </section>
        }
        .into_any(),
    }
}

/// Name, then one big tappable line each for phone and email.
#[component]
fn ContactDetails(card: ContactCard) -> impl IntoView {
    view! {
        <p class="contact__name">{card.name}</p>
        <ul class="contact__ways">
            {card.phone.map(|phone| (links::tel_href(&phone), phone)).map(|(href, phone)| view! {
                <li><a class="contact__link" href=href>{tf(k::PEOPLE_CALL_NUMBER, &[("number", &phone)])}</a></li>
            })}
            {card.email.map(|email| {
                let href = links::mailto_href(&email);
                // Offer a line break after the "@" so a long address wraps
                // there, not in the middle of a word.
                let (user, domain) = match email.split_once('@') {
                    Some((u, d)) => (format!("{u}@"), d.to_string()),
                    None => (email.clone(), String::new()),
                };
                let (before, after) = super::around(t(k::PEOPLE_EMAIL_ADDRESS), "address");
                view! {
                    <li><a class="contact__link" href=href>{before}{user}<wbr/>{domain}{after}</a></li>
                }
            })}
        </ul>
    }
}
