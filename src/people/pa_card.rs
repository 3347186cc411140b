use leptos::prelude::*;
use pathway_model::people::{ContactCard, MyPa};

use crate::links;

/// Who to contact: the young person's PA, or, when none is linked, the
/// leaving-care team, so there is always someone to call.
#[component]
pub fn PaCard(my_pa: MyPa) -> impl IntoView {
    match my_pa.advisor {
        Some(pa) => view! {
            <section class="card" aria-labelledby="pa-card-heading">
                <h2 id="pa-card-heading">"Your personal advisor"</h2>
                <ContactDetails card=pa/>
            </section>
        }
        .into_any(),
        None => view! {
            <section class="card" aria-labelledby="pa-card-heading">
                <h2 id="pa-card-heading">"Your leaving care team"</h2>
                <p>"You don't have a personal advisor linked yet. Your leaving care team can help you."</p>
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
                <li><a class="contact__link" href=href>"Call "{phone}</a></li>
            })}
            {card.email.map(|email| {
                let href = links::mailto_href(&email);
                // Offer a line break after the "@" so a long address wraps
                // there, not in the middle of a word.
                let (user, domain) = match email.split_once('@') {
                    Some((u, d)) => (format!("{u}@"), d.to_string()),
                    None => (email.clone(), String::new()),
                };
                view! {
                    <li><a class="contact__link" href=href>"Email "{user}<wbr/>{domain}</a></li>
                }
            })}
        </ul>
    }
}
