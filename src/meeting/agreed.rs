//! "What we agreed" (`/agreed`): her actions from her meetings, grouped by
//! who does them, and each meeting's summary. Read from the phone's store,
//! so it works with no signal; ticking her own action saves on the phone
//! and syncs later.

use leptos::prelude::*;
use pathway_model::meeting::action::{ActionOwner, AgreedAction, AgreedActionChange};
use pathway_model::meeting::contact::{Contact, ContactHow};
use uuid::Uuid;

use super::{actions, contacts, groups, pa_first, upper_first};
use crate::i18n::{k, t, tf};
use crate::plan::date_words;
use crate::router::A;
use crate::saved;
use crate::store::{Save, use_sync};
use crate::ui::ReadAloud;
use crate::ui::form::Checkbox;

#[component]
pub fn AgreedPage() -> impl IntoView {
    let sync = use_sync();
    // The phone's copy of her PA's card (Home keeps it fresh).
    let pa = pa_first(saved::my_pa());
    let named = pa.clone();
    // Regrouped only when an action comes, goes or changes hands: ticking
    // one leaves the list (and the focus on its box) where it is.
    let grouped = Memo::new(move |_| sync.records.with(|rs| groups(actions(rs), &named)));
    let met = Memo::new(move |_| sync.records.with(contacts));
    let tried = tf(k::MEETING_AGREED_TRIED, &[("name", &upper_first(&pa))]);
    // The way to Things to talk about is a link inside the sentence.
    let next_time = tf(k::MEETING_AGREED_NEXT_TIME, &[("name", &upper_first(&pa))]);
    let (before_link, after_link) = crate::people::around(&next_time, "link");
    // Each part is one plain closure over its memo (no `Show`, `For` or
    // `into_any`): every such wrapper is more code in the young person's
    // wasm, which is on a size budget (issue 12).
    view! {
        <h1>{t(k::MEETING_AGREED_TITLE)}</h1>
        <p>{tf(k::MEETING_AGREED_INTRO, &[("name", &pa)])}</p>
        <p class="agreed__none">{move || empty(sync.ready.get(), grouped.with(Vec::is_empty), t(k::MEETING_AGREED_NOTHING_YET))}</p>
        <ReadAloud of="agreed-actions"/>
        <div id="agreed-actions">
            {move || grouped.get().into_iter().map(|(heading, ids)| view! {
                <section class="card">
                    <h2>{heading}</h2>
                    <ul class="agreed">{ids.into_iter().map(|id| view! { <Action id=id/> }).collect_view()}</ul>
                </section>
            }).collect_view()}
        </div>
        <p>
            {before_link}
            <A href="/">{t(k::MEETING_AGREED_TOPICS_LINK)}</A>
            {after_link}
        </p>
        <section class="card" aria-labelledby="met-heading">
            <h2 id="met-heading">{t(k::MEETING_AGREED_YOUR_MEETINGS)}</h2>
            <p class="agreed__none">{move || empty(sync.ready.get(), met.with(Vec::is_empty), t(k::MEETING_AGREED_NOTHING_WRITTEN))}</p>
            {move || met.get().into_iter().map(|c| meeting(c, &tried)).collect_view()}
        </section>
    }
}

/// What an empty list says: loading until the phone's records are read.
fn empty(ready: bool, none: bool, words: &'static str) -> &'static str {
    match (ready, none) {
        (false, _) => t(k::MEETING_AGREED_LOADING),
        (true, true) => words,
        (true, false) => "",
    }
}

/// One action. Hers is a box to tick; anyone else's shows their progress
/// and "Done" once they tick it.
#[component]
fn Action(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let action =
        Memo::new(move |_| sync.records.with(|rs| rs.get(&id).and_then(|r| AgreedAction::from_fields(&r.fields))));
    let read = move |f: fn(&AgreedAction) -> String| action.with(|a| a.as_ref().map(f).unwrap_or_default());
    let what = move || read(|a| a.what.clone());
    let done = move || action.with(|a| a.as_ref().is_some_and(|a| a.done));
    let mine = action.with_untracked(|a| a.as_ref().is_some_and(|a| a.owner == ActionOwner::YoungPerson));
    let save = Save::new();
    let tick = move |yes: bool| {
        save.put(
            Ok(AgreedActionChange { done: Some(yes), ..Default::default() }.into_fields()),
            AgreedAction::KIND,
            id,
            || (),
        )
    };
    view! {
        <li class="agreed__item">
            <p class="agreed__what">{what}</p>
            <p class="hint">{move || tf(k::MEETING_BY_DATE, &[("date", &read(|a| date_words(&a.by_when)))])}</p>
            {mine.then(|| view! {
                <Checkbox
                    id=format!("done-{id}")
                    label=t(k::MEETING_AGREED_DONE)
                    name_for_readers=Signal::derive(move || tf(k::MEETING_AGREED_DONE_WHAT, &[("what", &what())]))
                    checked=Signal::derive(done)
                    on_change=tick
                />
                <p class="error-message">{move || save.problem()}</p>
            })}
            {(!mine).then(|| view! {
                <p>{move || read(|a| a.progress.clone().unwrap_or_default())}</p>
                <p class="agreed__done">{move || if done() { t(k::MEETING_AGREED_DONE) } else { "" }}</p>
            })}
        </li>
    }
}

/// One meeting, or one time her PA tried and missed her.
fn meeting(c: Contact, tried: &str) -> impl IntoView + use<> {
    let how = match c.how {
        ContactHow::InPerson => t(k::MEETING_HOW_IN_PERSON).to_string(),
        ContactHow::Phone => t(k::MEETING_HOW_PHONE).to_string(),
        ContactHow::Video => t(k::MEETING_HOW_VIDEO).to_string(),
        ContactHow::Message => t(k::MEETING_HOW_MESSAGES).to_string(),
        ContactHow::Missed => tried.to_string(),
    };
    let talked: Vec<String> = c.discussed.as_deref().unwrap_or("").lines().map(str::to_string).collect();
    view! {
        <article class="agreed__meeting">
            <h3>{date_words(&c.date)}</h3>
            <p class="hint">{how}</p>
            <p class="plan-text">{c.summary}</p>
            {c.her_words.map(|w| view! { <p class="plan-text">{tf(k::MEETING_AGREED_IN_YOUR_WORDS, &[("words", &w)])}</p> })}
            {(!talked.is_empty()).then(|| view! {
                <p>{t(k::MEETING_AGREED_TALKED_ABOUT)}</p>
                <ul class="plain-list">{talked.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            })}
        </article>
    }
}
