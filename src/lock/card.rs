//! The emergency card (issue 19): her allergies, medicines and conditions
//! and whom to call, on one screen. My health shows it (`health::emergency`
//! makes it from her entries); the lock screen shows it too, without her
//! PIN, only if she allowed that: then `saved` keeps one small unsealed
//! copy of just this card, as text, because the lock screen can't open the
//! vault. The format is tab-separated lines, so no serde code is added to
//! the first download for it.

use leptos::prelude::*;
use pathway_model::health::HealthKind;

use crate::i18n::{k, t, tf};
use crate::links::tel_href;

/// The kinds on the card, in the order a paramedic needs them.
pub const KINDS: [HealthKind; 3] = [HealthKind::Allergy, HealthKind::Medicine, HealthKind::Condition];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Card {
    pub lines: Vec<Line>,
    pub contact: Option<Contact>,
}

/// One allergy, medicine or condition: "Penicillin", "Severe allergy".
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub kind: HealthKind,
    pub title: String,
    pub extra: Option<String>,
}

/// Whom to call: she types them in on the card's page.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub name: String,
    pub phone: String,
}

/// A value as one field of a line: no tabs or line breaks inside it.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

impl Contact {
    pub fn to_text(&self) -> String {
        format!("{}\t{}", field(&self.name), field(&self.phone))
    }

    pub fn from_text(text: &str) -> Option<Contact> {
        let (name, phone) = text.split_once('\t')?;
        Some(Contact { name: name.to_string(), phone: phone.to_string() })
    }
}

impl Card {
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            out += &format!("{}\t{}\t{}\n", l.kind.as_str(), field(&l.title), field(l.extra.as_deref().unwrap_or("")));
        }
        if let Some(c) = &self.contact {
            out += &format!("contact\t{}\n", c.to_text());
        }
        out
    }

    pub fn from_text(text: &str) -> Card {
        let mut card = Card::default();
        for line in text.lines() {
            let Some((kind, rest)) = line.split_once('\t') else { continue };
            if kind == "contact" {
                card.contact = Contact::from_text(rest);
            } else if let (Some(kind), Some((title, extra))) = (HealthKind::parse(kind), rest.split_once('\t')) {
                let extra = (!extra.is_empty()).then(|| extra.to_string());
                card.lines.push(Line { kind, title: title.to_string(), extra });
            }
        }
        card
    }
}

/// The heading of one kind's section of the card.
fn heading(kind: HealthKind) -> &'static str {
    match kind {
        HealthKind::Allergy => t(k::LOCK_CARD_ALLERGIES),
        HealthKind::Medicine => t(k::LOCK_CARD_MEDICINES),
        HealthKind::Condition => t(k::LOCK_CARD_CONDITIONS),
        // Not on the card (`KINDS`).
        other => other.heading(),
    }
}

/// A phone number as written, kept left to right inside a right-to-left
/// sentence (else "07700 900123" shows as "900123 07700").
fn phone_words(phone: &str) -> String {
    if crate::i18n::language().right_to_left() { format!("\u{2066}{phone}\u{2069}") } else { phone.to_string() }
}

/// The card the lock screen may show, if she allowed it.
pub fn open_copy() -> Option<Card> {
    crate::saved::open_card_text().map(|t| Card::from_text(&t))
}

/// The card's sections and its contact, under the page's own heading.
#[component]
pub fn CardView(card: Card) -> impl IntoView {
    let Card { lines, contact } = card;
    view! {
        <div class="emergency">
            {KINDS.into_iter().map(|kind| {
                let id = format!("emergency-{}", kind.as_str());
                let labelled_by = id.clone();
                let mine: Vec<Line> = lines.iter().filter(|l| l.kind == kind).cloned().collect();
                view! {
                    <section class="card" aria-labelledby=labelled_by>
                        <h2 id=id>{heading(kind)}</h2>
                        {if mine.is_empty() {
                            view! { <p>{t(k::LOCK_CARD_NONE)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain-list emergency__list">
                                    {mine.into_iter().map(|l| view! {
                                        <li><strong>{l.title}</strong>{l.extra.map(|e| format!(" – {e}"))}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }
            }).collect_view()}
            <section class="card" aria-labelledby="emergency-contact">
                <h2 id="emergency-contact">{t(k::LOCK_CARD_CONTACT_HEADING)}</h2>
                {match contact {
                    Some(c) => view! {
                        <p>
                            <a class="button" href=tel_href(&c.phone)>{tf(k::LOCK_CARD_CALL, &[("name", &c.name), ("phone", &phone_words(&c.phone))])}</a>
                        </p>
                    }.into_any(),
                    None => view! { <p>{t(k::LOCK_CARD_NONE)}</p> }.into_any(),
                }}
            </section>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_card_comes_back_from_its_text_as_it_was() {
        let card = Card {
            lines: vec![
                Line { kind: HealthKind::Allergy, title: "Penicillin".into(), extra: Some("Severe allergy".into()) },
                Line { kind: HealthKind::Condition, title: "Asthma\twith tab".into(), extra: None },
            ],
            contact: Some(Contact { name: "Aunt Sue".into(), phone: "07700 900123".into() }),
        };
        let back = Card::from_text(&card.to_text());
        assert_eq!(back.lines[0], card.lines[0]);
        assert_eq!(back.lines[1].title, "Asthma with tab", "a tab inside a value can't split it");
        assert_eq!(back.lines[1].extra, None);
        assert_eq!(back.contact, card.contact);
        assert_eq!(Card::from_text("nonsense\nallergy"), Card::default());
    }
}
