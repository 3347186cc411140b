use leptos::prelude::*;

/// A national helpline: always shown, written into the app so it works
/// with no signal and nothing saved. (Facts checked November 2026 against
/// each service's own pages; the words are ours.)
pub struct Helpline {
    pub name: &'static str,
    /// The number as people say it.
    pub number: &'static str,
    /// `tel:` target, if it takes calls.
    pub tel: Option<&'static str>,
    /// `sms:` target, if it takes texts.
    pub sms: Option<&'static str>,
    /// The words on the text link.
    pub sms_words: &'static str,
    pub about: &'static str,
    pub when: &'static str,
}

pub const HELPLINES: [Helpline; 5] = [
    Helpline {
        name: "Emergency: 999",
        number: "999",
        tel: Some("tel:999"),
        sms: None,
        sms_words: "",
        about: "Police, ambulance or fire. Call if you or someone else is in danger now or badly hurt.",
        when: "Any time. Free.",
    },
    Helpline {
        name: "NHS 111",
        number: "111",
        tel: Some("tel:111"),
        sms: None,
        sms_words: "",
        about: "When you need medical help soon but it is not a 999 emergency. For your mental health, choose the mental health option.",
        when: "Any time. Free.",
    },
    Helpline {
        name: "Samaritans",
        number: "116 123",
        tel: Some("tel:116123"),
        sms: None,
        sms_words: "",
        about: "Someone to listen, about anything, however you feel. It does not show on your phone bill.",
        when: "Any time, day or night. Free.",
    },
    Helpline {
        name: "Shout",
        number: "85258",
        tel: None,
        sms: Some("sms:85258?body=SHOUT"),
        sms_words: "Text SHOUT to 85258",
        about: "If you would rather type than talk. A trained volunteer texts you back.",
        when: "Any time. Free on UK networks.",
    },
    Helpline {
        name: "Childline",
        number: "0800 1111",
        tel: Some("tel:08001111"),
        sms: None,
        sms_words: "",
        about: "For anyone under 19. The call does not show on your phone bill.",
        when: "Any time. Free.",
    },
];

/// The helpline links as a list of big tap targets (no descriptions), for
/// the "I feel unsafe" panel.
#[component]
pub fn HelplineLinks() -> impl IntoView {
    HELPLINES
        .iter()
        .map(|h| {
            let call = h.tel.map(|tel| {
                view! { <li><a class="call-link" href=tel>"Call "{h.name_short()}" "<span class="call-link__number">{h.number}</span></a></li> }
            });
            let text = h.sms.map(|sms| view! { <li><a class="call-link" href=sms>{h.sms_words}</a></li> });
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
}

/// "Helplines that are always there": every national helpline with what it
/// is for and when it answers.
#[component]
pub fn Helplines() -> impl IntoView {
    view! {
        <section class="card helplines" aria-labelledby="helplines-heading">
            <h2 id="helplines-heading">"Helplines that are always there"</h2>
            <p class="hint">"These work even with no internet. Calls to them are free."</p>
            <ul class="helplines__list">
                {HELPLINES.iter().map(|h| view! {
                    <li class="helpline">
                        <h3 class="helpline__name">{h.name}</h3>
                        <p>{h.about}</p>
                        <p class="helpline__when">{h.when}</p>
                        <ul class="contact__ways">
                            {h.tel.map(|tel| view! {
                                <li><a class="contact__link" href=tel>"Call "{h.number}</a></li>
                            })}
                            {h.sms.map(|sms| view! {
                                <li><a class="contact__link" href=sms>{h.sms_words}</a></li>
                            })}
                        </ul>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
