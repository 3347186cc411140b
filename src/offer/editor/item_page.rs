//! `/council/offer/new` and `/council/offer/item/:id`: every field of one
//! item. Problems show beside their field and in a summary at the top, by
//! the same rules the server checks; the summary's reading grade shows as
//! the manager types.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::offer::Category;
use pathway_model::offer::editor::{self, OfferDraft};
use pathway_model::profile::{Circumstance, LegalStatus};
use pathway_model::readability;

use super::item_form::{FIELD_ORDER, ItemFields, PERIODS, Problems, to_item, words_for};
use crate::api::offer_editor;
use crate::clock::today;
use crate::i18n::{k, t};
use crate::router::A;
use crate::router::{Step, use_location};
use crate::ui::form::{Checkbox, DateField, ErrorSummary, SelectField, TextArea, TextField, focus_summary};
use crate::ui::{Loaded, load};

/// The grade the summary should be at or under: what a 13-year-old reads
/// with ease (the offer's sample summaries are held to it by a test).
pub const SUMMARY_GRADE_GOAL: f32 = 8.0;

/// "Reading grade 4.2: easy to read." for the summary's hint.
pub fn grade_words(summary: &str) -> String {
    match readability::grade(summary) {
        None => "Write one or two short sentences. Its reading grade shows here.".into(),
        Some(g) if g <= SUMMARY_GRADE_GOAL => format!("Reading grade {g:.1}: easy enough for most young people."),
        Some(g) => {
            format!("Reading grade {g:.1}: too hard. Use shorter sentences and shorter words (aim for 8 or under).")
        }
    }
}

#[component]
pub fn ItemPage(id: Option<String>) -> impl IntoView {
    let draft = load(offer_editor::draft, None);
    let heading = if id.is_some() { "Change an item" } else { "Add an item" };
    view! {
        <p class="back"><A href="/council/offer">"Back to the offer"</A></p>
        <Show when=move || draft.value.with(Option::is_none)>
            <h1>{heading}</h1>
        </Show>
        <Loaded remote=draft what="your council's offer" missing="That item is not in your council's offer." let:d>
            {form_for(&d, id.clone())}
        </Loaded>
    }
}

fn form_for(d: &OfferDraft, id: Option<String>) -> AnyView {
    match id {
        None => {
            view! { <h1>"Add an item"</h1> <ItemForm draft=d.clone() id=None fields=ItemFields::new_item(today())/> }
                .into_any()
        }
        Some(id) => match d.entries.iter().find(|e| e.item.id == id) {
            Some(e) => {
                let fields = ItemFields::of(&e.item);
                view! {
                    <h1>{format!("Change: {}", e.item.title)}</h1>
                    <ItemForm draft=d.clone() id=Some(id) fields=fields/>
                }
                .into_any()
            }
            None => view! { <h1>"Item not found"</h1> <p>"That item is not in your council's offer."</p> }.into_any(),
        },
    }
}

/// An id for a new item: from its title, and not one the draft has.
fn new_id(draft: &OfferDraft, title: &str) -> String {
    let base = editor::slug(title);
    let taken = |id: &str| draft.entries.iter().any(|e| e.item.id == id);
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[component]
fn ItemForm(draft: OfferDraft, id: Option<String>, fields: ItemFields) -> impl IntoView {
    let location = use_location();
    let f = fields;
    let title = RwSignal::new(f.title);
    let category = RwSignal::new(f.category);
    let summary = RwSignal::new(f.summary);
    let details = RwSignal::new(f.details);
    let youngest = RwSignal::new(f.youngest);
    let oldest = RwSignal::new(f.oldest);
    let statuses = RwSignal::new(f.statuses);
    let circumstances = RwSignal::new(f.circumstances);
    let how_to_claim = RwSignal::new(f.how_to_claim);
    let contact_name = RwSignal::new(f.contact_name);
    let contact_phone = RwSignal::new(f.contact_phone);
    let contact_email = RwSignal::new(f.contact_email);
    let amount = RwSignal::new(f.amount);
    let period = RwSignal::new(f.period);
    let up_to = RwSignal::new(f.up_to);
    let source = RwSignal::new(f.source);
    let last_checked = RwSignal::new(f.last_checked);

    let problems = RwSignal::new(Problems::new());
    let refused = RwSignal::new(None::<&'static str>);
    let sending = RwSignal::new(false);
    let summary_ref = NodeRef::<leptos::html::Div>::new();
    let council_id = draft.council.id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        refused.set(None);
        let typed = ItemFields {
            title: title.get_untracked(),
            category: category.get_untracked(),
            summary: summary.get_untracked(),
            details: details.get_untracked(),
            youngest: youngest.get_untracked(),
            oldest: oldest.get_untracked(),
            statuses: statuses.get_untracked(),
            circumstances: circumstances.get_untracked(),
            how_to_claim: how_to_claim.get_untracked(),
            contact_name: contact_name.get_untracked(),
            contact_phone: contact_phone.get_untracked(),
            contact_email: contact_email.get_untracked(),
            amount: amount.get_untracked(),
            period: period.get_untracked(),
            up_to: up_to.get_untracked(),
            source: source.get_untracked(),
            last_checked: last_checked.get_untracked(),
        };
        let item_id = id.clone().unwrap_or_else(|| new_id(&draft, &typed.title));
        match to_item(&typed, &item_id, &council_id, today()) {
            Err(found) => {
                problems.set(found);
                focus_summary(summary_ref);
            }
            Ok(item) => {
                problems.set(Problems::new());
                sending.set(true);
                let navigate = location;
                spawn_local(async move {
                    match offer_editor::put_item(&item).await {
                        Ok(_) => navigate.navigate("/council/offer", Step::Add),
                        Err(e) => {
                            refused.try_set(Some(if e.is_unreachable() {
                                t(k::UI_LOAD_OFFLINE_NOT_SENT)
                            } else {
                                "The server did not accept this item. Check every field and try again."
                            }));
                            focus_summary(summary_ref);
                        }
                    }
                    sending.try_set(false);
                });
            }
        }
    };
    let problem = move |field: &'static str| {
        Signal::derive(move || problems.with(|p| p.contains(&field).then(|| words_for(field))))
    };
    let summary_words = Signal::derive(move || {
        let mut words: Vec<&'static str> =
            problems.with(|p| FIELD_ORDER.iter().filter(|f| p.contains(f)).map(|f| words_for(f)).collect());
        words.extend(refused.get());
        words
    });
    let categories: Vec<(&'static str, &'static str)> =
        [("", "Choose a category")].into_iter().chain(Category::ALL.map(|c| (c.as_str(), c.label()))).collect();
    let grade = move || grade_words(&summary.get());
    view! {
        <form class="form offer-item-form" on:submit=on_submit novalidate>
            <ErrorSummary problems=summary_words node_ref=summary_ref/>
            <TextField id="item-title" label="Title" hint="A few words a young person would look for, like \"Help to learn to drive\"."
                value=title max=editor::TITLE_MAX problem=problem("title")/>
            <SelectField id="item-category" label="Category" choices=categories value=category problem=problem("category")/>
            <TextArea id="item-summary" label="Summary" hint="One or two short sentences in plain words." value=summary
                max=editor::SUMMARY_MAX rows=3 problem=problem("summary")/>
            <p class="hint offer-item-form__grade" id="item-summary-grade" aria-live="polite">{grade}</p>
            <TextArea id="item-details" label="Details" hint="Anything else a young person needs to know." value=details
                max=editor::DETAILS_MAX rows=6 problem=problem("details")/>
            <fieldset class="radios">
                <legend>"Who it is for"</legend>
                <p class="hint">"Leave the ages empty for any age. Tick nothing for everyone."</p>
                <TextField id="item-youngest" label="Youngest age" value=youngest keys=crate::ui::form::Keys::Digits max=2
                    problem=problem("min_age")/>
                <TextField id="item-oldest" label="Oldest age" hint="The last age that gets it: 24 means up to their 25th birthday."
                    value=oldest keys=crate::ui::form::Keys::Digits max=2 problem=problem("until_age")/>
                <p class="offer-item-form__sub">"Only for these legal statuses:"</p>
                {LegalStatus::ALL.into_iter().map(|s| view! {
                    <div class="profile-form__check">
                        <Checkbox id=format!("item-status-{}", s.as_str()) label=s.label()
                            checked=Signal::derive(move || statuses.with(|v| v.contains(&s)))
                            on_change=move |on| statuses.update(|v| { v.retain(|x| *x != s); if on { v.push(s) } })/>
                    </div>
                }).collect_view()}
                <p class="offer-item-form__sub">"Only for young people who are:"</p>
                {Circumstance::ALL.into_iter().map(|c| view! {
                    <div class="profile-form__check">
                        <Checkbox id=format!("item-circumstance-{}", c.as_str()) label=c.label()
                            checked=Signal::derive(move || circumstances.with(|v| v.contains(&c)))
                            on_change=move |on| circumstances.update(|v| { v.retain(|x| *x != c); if on { v.push(c) } })/>
                    </div>
                }).collect_view()}
            </fieldset>
            <TextArea id="item-how" label="How to claim" value=how_to_claim max=editor::HOW_TO_CLAIM_MAX rows=3
                problem=problem("how_to_claim")/>
            <fieldset class="radios">
                <legend>"Amount"</legend>
                <p class="hint">"Leave it empty if there is no money."</p>
                <TextField id="item-amount" label="Pounds" hint="Like 2500 or 57.50." value=amount max=14 problem=problem("amount")/>
                <SelectField id="item-period" label="How often" choices=PERIODS.to_vec() value=period/>
                <Checkbox id="item-up-to" label="This is the most anyone gets (shown as \"up to\")"
                    checked=Signal::derive(move || up_to.get()) on_change=move |on| up_to.set(on)/>
            </fieldset>
            <fieldset class="radios">
                <legend>"Contact"</legend>
                <TextField id="item-contact-name" label="Name or team" value=contact_name max=editor::CONTACT_MAX problem=problem("contact.name")/>
                <TextField id="item-contact-phone" label="Phone" kind="tel" value=contact_phone max=20 problem=problem("contact.phone")/>
                <TextField id="item-contact-email" label="Email" kind="email" value=contact_email max=editor::CONTACT_MAX problem=problem("contact.email")/>
            </fieldset>
            <TextField id="item-source" label="Source" hint="Where this comes from, so anyone can check it: the council's web page or leaflet."
                value=source max=editor::SOURCE_MAX problem=problem("source")/>
            <DateField id="item-checked" label="Last checked" hint="The day someone last checked all of this is right."
                value=last_checked problem=problem("last_reviewed")/>
            <div class="actions">
                <button type="submit" class="button" disabled=move || sending.get()>"Save to the draft"</button>
                <A href="/council/offer">"Cancel"</A>
            </div>
        </form>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_summary_hint_says_whether_it_is_plain_enough() {
        assert!(grade_words("We pay for a laptop. Ask your PA.").contains("easy enough"));
        let hard = "Eligible individuals may apply for discretionary financial assistance towards educational technology procurement.";
        assert!(grade_words(hard).contains("too hard"));
        assert!(grade_words("").starts_with("Write one or two"));
    }
}
