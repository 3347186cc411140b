use leptos::prelude::*;

use crate::i18n::{k, t, tf};

/// A national helpline: always shown, written into the app so it works
/// with no signal and nothing saved. (Facts checked November 2026 against
/// each service's own pages; the words are ours.)
pub struct Helpline {
    /// The organisation's own name (not translated), or for 999 what it is.
    pub name: &'static str,
    /// The number as people say it.
    pub number: &'static str,
    /// `tel:` target, if it takes calls.
    pub tel: Option<&'static str>,
    /// `sms:` target, if it takes texts.
    pub sms: Option<&'static str>,
    /// The word to text, if it takes texts ("SHOUT": sent as it is).
    pub sms_word: &'static str,
    pub about: &'static str,
    pub when: &'static str,
}

/// Every national helpline, in the page's language (the names and
/// numbers are the services' own).
pub fn helplines() -> [Helpline; 5] {
    [
        Helpline {
            name: t(k::PEOPLE_HELPLINES_EMERGENCY_NAME),
            number: "999",
            tel: Some("tel:999"),
            sms: None,
            sms_word: "",
            about: t(k::PEOPLE_HELPLINES_EMERGENCY_ABOUT),
            when: t(k::PEOPLE_HELPLINES_ANY_TIME_FREE),
        },
        Helpline {
            name: "NHS 111",
            number: "111",
            tel: Some("tel:111"),
            sms: None,
            sms_word: "",
            about: t(k::PEOPLE_HELPLINES_NHS_111_ABOUT),
            when: t(k::PEOPLE_HELPLINES_ANY_TIME_FREE),
        },
        Helpline {
            name: "Samaritans",
            number: "116 123",
            tel: Some("tel:116123"),
            sms: None,
            sms_word: "",
            about: t(k::PEOPLE_HELPLINES_SAMARITANS_ABOUT),
            when: t(k::PEOPLE_HELPLINES_DAY_OR_NIGHT_FREE),
        },
        Helpline {
            name: "Shout",
            number: "85258",
            tel: None,
            sms: Some("sms:85258?body=SHOUT"),
            sms_word: "SHOUT",
            about: t(k::PEOPLE_HELPLINES_SHOUT_ABOUT),
            when: t(k::PEOPLE_HELPLINES_FREE_ON_UK_NETWORKS),
        },
        Helpline {
            name: "Childline",
            number: "0800 1111",
            tel: Some("tel:08001111"),
            sms: None,
            sms_word: "",
            about: t(k::PEOPLE_HELPLINES_CHILDLINE_ABOUT),
            when: t(k::PEOPLE_HELPLINES_ANY_TIME_FREE),
        },
    ]
}

/// The helpline links as a list of big tap targets (no descriptions), for
/// the "I feel unsafe" panel.
#[component]
pub fn HelplineLinks() -> impl IntoView {
    helplines()
        .into_iter()
        .map(|h| {
            let call = h.tel.map(|tel| {
                // "Call Samaritans 116 123", the number in its own span.
                let words = match h.name_short() {
                    "" => t(k::PEOPLE_CALL_NUMBER).to_string(),
                    name => tf(k::PEOPLE_HELPLINES_CALL_NAMED, &[("name", name)]),
                };
                let (before, after) = super::around(&words, "number");
                view! { <li><a class="call-link" href=tel>{before}<span class="call-link__number">{h.number}</span>{after}</a></li> }
            });
            let text = h.sms.map(|sms| view! { <li><a class="call-link" href=sms>{h.sms_words()}</a></li> });
            view! { {call}{text} }
        })
        .collect_view()
}

impl Helpline {
    /// "Samaritans", or nothing for 999 and 111, whose number is their name.
    fn name_short(&self) -> &'static str {
        match self.number {
            "999" => "",
            "111" => "NHS",
            _ => self.name,
        }
    }

    /// "Text SHOUT to 85258".
    fn sms_words(&self) -> String {
        tf(k::PEOPLE_HELPLINES_TEXT_WORD_TO, &[("word", self.sms_word), ("number", self.number)])
    }
}

/// "Helplines that are always there": every national helpline with what it
/// is for and when it answers.
#[component]
pub fn Helplines() -> impl IntoView {
    view! {
        <section class="card helplines" aria-labelledby="helplines-heading">
            <h2 id="helplines-heading">{t(k::PEOPLE_HELPLINES_HEADING)}</h2>
            <p class="hint">{t(k::PEOPLE_HELPLINES_HINT)}</p>
            <ul class="helplines__list">
                {helplines().into_iter().map(|h| view! {
                    <li class="helpline">
                        <h3 class="helpline__name">{h.name}</h3>
                        <p>{h.about}</p>
                        <p class="helpline__when">{h.when}</p>
                        <ul class="contact__ways">
                            {h.tel.map(|tel| view! {
                                <li><a class="contact__link" href=tel>{tf(k::PEOPLE_CALL_NUMBER, &[("number", h.number)])}</a></li>
                            })}
                            {h.sms.map(|sms| view! {
                                <li><a class="contact__link" href=sms>{h.sms_words()}</a></li>
                            })}
                        </ul>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
