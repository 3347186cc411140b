use leptos::prelude::*;
use pathway_model::people::MyPeople;
use pathway_model::people::keep_in_touch::{ContactHow, ContactRequest, RequestKind};
use pathway_model::record::EntityKind;
use uuid::Uuid;

use super::{Problems, how_label, request_fields, request_kind, request_words, status_words};
use crate::clock;
use crate::i18n::{k, t, tf};
use crate::store::{Save, SaveState, use_sync};
use crate::ui::form::{RadioGroup, TextArea, TextField};

/// "Ask to get a PA back" (21 to 25, no PA) or "Ask to be contacted": how
/// and when suits them. Saved on the phone, sent through sync to the
/// council's leaving care team; the status of each request shows below.
#[component]
pub fn KeepInTouch(people: RwSignal<Option<MyPeople>>) -> impl IntoView {
    let sync = use_sync();
    let kind = Memo::new(move |_| people.with(|p| request_kind(p.as_ref())));
    let how_word = RwSignal::new(ContactHow::Text.as_str().to_string());
    let how = move || ContactHow::parse(&how_word.get()).unwrap_or(ContactHow::Text);
    let reach_on = RwSignal::new(String::new());
    let best_time = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let save = Save::new();

    let requests = Memo::new(move |_| {
        let mut list: Vec<(Uuid, ContactRequest, bool)> = sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == EntityKind::ContactRequest)
                .filter_map(|r| ContactRequest::from_fields(&r.fields).map(|c| (r.id, c, r.pending)))
                .collect()
        });
        pathway_model::order::sort_by_key(&mut list, |(_, c, _)| -c.asked_at);
        list
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = request_fields(
            kind.get_untracked(),
            ContactHow::parse(&how_word.get_untracked()).unwrap_or(ContactHow::Text),
            &reach_on.get_untracked(),
            &best_time.get_untracked(),
            &message.get_untracked(),
            clock::now_ms(),
        );
        let fields = match checked {
            Ok(f) => f,
            Err(p) => {
                // The number or address is what they must fix first.
                if p.reach_on.is_some() {
                    focus_by_id(REACH_ID);
                }
                problems.set(p);
                save.state.set(SaveState::Idle);
                return;
            }
        };
        problems.set(Problems::default());
        save.put(Ok(fields), EntityKind::ContactRequest, Uuid::now_v7(), move || {
            reach_on.set(String::new());
            best_time.set(String::new());
            message.set(String::new());
        });
    };

    let heading = move || match kind.get() {
        RequestKind::GetPaBack => t(k::PEOPLE_KIT_HEADING_PA_BACK),
        RequestKind::ContactMe => t(k::PEOPLE_KIT_HEADING_CONTACT_ME),
    };
    let intro = move || {
        let council = people.with(|p| p.as_ref().map(|p| p.council_name.clone()));
        // With no council known (offline, nothing saved): "your council's
        // leaving care team".
        let (named, any) = match kind.get() {
            RequestKind::GetPaBack => (k::PEOPLE_KIT_INTRO_PA_BACK, k::PEOPLE_KIT_INTRO_PA_BACK_ANY_COUNCIL),
            RequestKind::ContactMe => (k::PEOPLE_KIT_INTRO_CONTACT_ME, k::PEOPLE_KIT_INTRO_CONTACT_ME_ANY_COUNCIL),
        };
        match council {
            Some(c) => tf(named, &[("council", &c)]),
            None => t(any).to_string(),
        }
    };
    let problem = move |pick: fn(&Problems) -> Option<&'static str>| Signal::derive(move || problems.with(pick));
    let reach_problem = problem(|p| p.reach_on);
    // The box changes with the answer above it: its label, and the
    // keyboard the phone shows.
    let reach_field = move || match how() {
        ContactHow::Email => view! {
            <TextField id=REACH_ID label=t(k::PEOPLE_KIT_EMAIL_LABEL) kind="email" autocomplete="email"
                value=reach_on problem=reach_problem/>
        },
        ContactHow::Call | ContactHow::Text => view! {
            <TextField id=REACH_ID label=t(k::PEOPLE_KIT_PHONE_LABEL) kind="tel" autocomplete="tel"
                value=reach_on problem=reach_problem/>
        },
    };
    let status = move || match save.state.get() {
        SaveState::Saved => Some(t(k::PEOPLE_KIT_SAVED)),
        _ => save.problem(),
    };
    let choices = [ContactHow::Text, ContactHow::Call, ContactHow::Email]
        .into_iter()
        .map(|h| (h.as_str(), how_label(h)))
        .collect();

    view! {
        <section class="card keep-in-touch" aria-labelledby="kit-heading">
            <h2 id="kit-heading">{heading}</h2>
            <p>{intro}</p>
            <Show when=move || !requests.with(|r| r.is_empty())>
                <h3>{t(k::PEOPLE_KIT_YOUR_REQUESTS)}</h3>
                <ul class="kit-requests">
                    <For each=move || requests.get() key=|(id, c, pending)| (*id, c.status.clone(), *pending) let:item>
                        <li class="kit-request">
                            <p class="kit-request__what">
                                {request_words(item.1.kind, item.1.how)}
                            </p>
                            <p class="kit-request__when">{tf(k::PEOPLE_KIT_ASKED_ON, &[("when", &clock::day_and_clock(item.1.asked_at))])}</p>
                            <p class="kit-request__status">{status_words(&item.1, item.2)}</p>
                        </li>
                    </For>
                </ul>
            </Show>
            <form on:submit=on_submit novalidate>
                <RadioGroup name="kit-how" legend=t(k::PEOPLE_KIT_HOW_LEGEND) choices=choices value=how_word/>
                {reach_field}
                <TextField id="kit-best-time" label=t(k::PEOPLE_KIT_BEST_TIME_LABEL)
                    hint=t(k::PEOPLE_KIT_BEST_TIME_HINT)
                    value=best_time problem=problem(|p| p.best_time)/>
                <TextArea id="kit-message" label=t(k::PEOPLE_KIT_MESSAGE_LABEL)
                    rows=3 value=message problem=problem(|p| p.message)/>
                <button type="submit" class="button" disabled=move || save.saving()>{heading}</button>
                <p class="keep-in-touch__saved" role="status">{status}</p>
            </form>
        </section>
    }
}

const REACH_ID: &str = "kit-reach";

/// Moves focus to a field by its id (the field parts hold no node ref).
fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
