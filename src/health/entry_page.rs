use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pathway_model::health::{Author, HealthEntry, HealthKind};
use uuid::Uuid;

use super::correction::{AskWhatItMeans, Correction};
use super::entry_mine::{InPassport, MyNote, WhoCanSee};
use super::linked::{LinkedText, WordsExplained};
use super::nav::use_health_title;
use super::records::{capitalised, date_words};
use crate::offer::tel_href;
use crate::store::use_sync;

/// `/health/entry/:id`: one entry in full, with the young person's choices
/// about it.
#[component]
pub fn HealthEntryPage() -> impl IntoView {
    use_health_title();
    let sync = use_sync();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| Uuid::parse_str(&s).ok());
    // Only re-render the page when the entry appears or goes, not on every
    // change to it: the controls read their own fields.
    let found = Memo::new(move |_| {
        let id = id()?;
        sync.records.with(|rs| rs.get(&id).and_then(|r| HealthEntry::from_fields(&r.fields)).map(|e| (id, e)))
    });
    // The choices re-render only when the entry appears or goes (or its
    // title changes), so what they just said stays on screen.
    let present = Memo::new(move |_| found.with(|f| f.as_ref().map(|(id, e)| (*id, e.title.clone(), e.author))));
    view! {
        <p class="back"><A href="/health">"Back to My health"</A></p>
        {move || match found.get() {
            Some((_, entry)) => view! { <EntryDetails entry=entry/> }.into_any(),
            None if !sync.ready.get() => view! {
                <h1>"My health"</h1>
                <p class="loading" role="status">"Loading…"</p>
            }.into_any(),
            None => view! {
                <h1>"We can't find that"</h1>
                <p>"This isn't in your health history. It may have been deleted, or the link may be wrong."</p>
                <p><A href="/health">"Go to My health"</A></p>
            }.into_any(),
        }}
        {move || present.get().map(|(id, title, author)| view! {
            <WhoCanSee id=id/>
            <InPassport id=id/>
            <MyNote id=id/>
            <AskWhatItMeans title=title/>
            {(author == Author::Professional).then(|| view! { <Correction id=id/> })}
        })}
    }
}

#[component]
fn EntryDetails(entry: HealthEntry) -> impl IntoView {
    let e = entry;
    let words = format!("{}\n{}", e.title, e.details.clone().unwrap_or_default());
    let fact =
        |label: &'static str, value: Option<String>| value.map(|v| view! { <div><dt>{label}</dt><dd>{v}</dd></div> });
    let phone = e.phone.clone().filter(|_| e.kind == HealthKind::Practitioner).map(|p| {
        view! { <div><dt>"Phone"</dt><dd><a href=tel_href(&p)>{format!("Call {p}")}</a></dd></div> }
    });
    let professional = e.author == Author::Professional;
    view! {
        <h1><LinkedText text=e.title.clone()/></h1>
        <p class="health-kind">{capitalised(e.kind.singular())}</p>
        <dl class="facts">
            {fact("Date", date_words(e.date.as_deref()))}
            {fact("How bad", e.severity.as_deref().map(capitalised))}
            {fact("Dose", e.dose.clone())}
            {phone}
            {fact("Who in the family", e.relation.clone())}
            {fact(if professional { "Recorded by" } else { "Added by" }, Some(if professional { e.recorded_by.clone() } else { "You".into() }))}
            {fact("From", e.source.clone())}
        </dl>
        {e.details.clone().map(|d| view! { <p class="health-details"><LinkedText text=d/></p> })}
        <WordsExplained text=words/>
    }
}
