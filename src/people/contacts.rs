use leptos::prelude::*;
use pathway_model::people::{ContactCard, MyPeople};

use crate::i18n::{k, t, tf};
use crate::links;

/// One slot on My people: who fills it, in our own plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Pa,
    SocialWorker,
    Iro,
    LeavingCareTeam,
    DutyTeam,
}

impl Slot {
    pub fn title(self) -> &'static str {
        match self {
            Slot::Pa => t(k::PEOPLE_SLOT_PA_TITLE),
            Slot::SocialWorker => t(k::PEOPLE_SLOT_SOCIAL_WORKER_TITLE),
            Slot::Iro => t(k::PEOPLE_SLOT_IRO_TITLE),
            Slot::LeavingCareTeam => t(k::PEOPLE_SLOT_LEAVING_CARE_TITLE),
            Slot::DutyTeam => t(k::PEOPLE_SLOT_DUTY_TITLE),
        }
    }

    pub fn about(self) -> &'static str {
        match self {
            Slot::Pa => t(k::PEOPLE_SLOT_PA_ABOUT),
            Slot::SocialWorker => t(k::PEOPLE_SLOT_SOCIAL_WORKER_ABOUT),
            Slot::Iro => t(k::PEOPLE_SLOT_IRO_ABOUT),
            Slot::LeavingCareTeam => t(k::PEOPLE_SLOT_LEAVING_CARE_ABOUT),
            Slot::DutyTeam => t(k::PEOPLE_SLOT_DUTY_ABOUT),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Slot::Pa => "pa",
            Slot::SocialWorker => "social-worker",
            Slot::Iro => "iro",
            Slot::LeavingCareTeam => "leaving-care",
            Slot::DutyTeam => "duty",
        }
    }
}

/// Everyone on My people, in the order a young person would turn to them.
pub fn slots(p: &MyPeople) -> Vec<(Slot, ContactCard)> {
    let mut out = Vec::new();
    if let Some(pa) = &p.pa {
        out.push((Slot::Pa, pa.clone()));
    }
    if let Some(sw) = &p.social_worker {
        out.push((Slot::SocialWorker, sw.clone()));
    }
    if let Some(iro) = &p.iro {
        out.push((Slot::Iro, iro.clone()));
    }
    out.push((Slot::LeavingCareTeam, p.leaving_care_team.clone()));
    out.push((Slot::DutyTeam, p.duty_team.clone()));
    out
}

/// A person or team: what they do, when they answer, and one big link each
/// to call, text and email them.
#[component]
pub fn PersonCard(which: Slot, card: ContactCard) -> impl IntoView {
    let heading_id = format!("person-{}", which.key());
    view! {
        <li class="card person">
            <h3 id=heading_id class="person__role">{which.title()}</h3>
            <p class="contact__name">{card.name.clone()}</p>
            <p class="person__about">{which.about()}</p>
            {card.hours.clone().map(|h| view! { <p class="person__hours"><strong>{t(k::PEOPLE_PERSON_WHEN)}</strong>" "{h}</p> })}
            <ul class="contact__ways">
                {card.phone.clone().map(|phone| (links::tel_href(&phone), phone)).map(|(href, phone)| view! {
                    <li><a class="contact__link" href=href>{tf(k::PEOPLE_CALL_NUMBER, &[("number", &phone)])}</a></li>
                })}
                {card.text.clone().map(|text| (links::sms_href(&text), text)).map(|(href, text)| view! {
                    <li><a class="contact__link" href=href>{tf(k::PEOPLE_TEXT_NUMBER, &[("number", &text)])}</a></li>
                })}
                {card.email.clone().map(|email| {
                    let href = links::mailto_href(&email);
                    // A line break after the "@" lets a long address wrap there.
                    let (user, domain) = match email.split_once('@') {
                        Some((u, d)) => (format!("{u}@"), d.to_string()),
                        None => (email.clone(), String::new()),
                    };
                    let (before, after) = super::around(t(k::PEOPLE_EMAIL_ADDRESS), "address");
                    view! { <li><a class="contact__link" href=href>{before}{user}<wbr/>{domain}{after}</a></li> }
                })}
            </ul>
        </li>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn card(name: &str) -> ContactCard {
        ContactCard {
            name: name.into(),
            role_label: String::new(),
            phone: Some("0151 496 0100".into()),
            email: None,
            text: None,
            hours: None,
        }
    }

    fn people(age: u32, pa: bool, social: bool) -> MyPeople {
        MyPeople {
            pa: pa.then(|| card("Sam")),
            social_worker: social.then(|| card("Ruth")),
            iro: social.then(|| card("Ade")),
            leaving_care_team: card("Team"),
            duty_team: card("Duty"),
            council_name: "Liverpool".into(),
            sample_data: true,
            age,
            next_birthday: "2027-03-03".into(),
        }
    }

    #[test]
    fn under_18s_see_their_social_worker_and_iro_after_their_pa() {
        let got: Vec<Slot> = slots(&people(17, true, true)).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, [Slot::Pa, Slot::SocialWorker, Slot::Iro, Slot::LeavingCareTeam, Slot::DutyTeam]);
    }

    #[test]
    fn with_no_pa_the_teams_are_still_there() {
        let got: Vec<Slot> = slots(&people(22, false, false)).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, [Slot::LeavingCareTeam, Slot::DutyTeam]);
    }
}
