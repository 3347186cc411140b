use leptos::prelude::*;
use pathway_model::health::{Author, HealthEntry, HealthKind};
use uuid::Uuid;

use super::correction::{AskWhatItMeans, Correction};
use super::entry_mine::{InPassport, MyNote, WhoCanSee};
use super::entry_yours::ChangeOrDelete;
use super::linked::{LinkedText, WordsExplained};
use super::nav::use_health_title;
use super::records::{date_words, kind_name, phone_words, severity_words};
use crate::i18n::{Text, k, t, tf};
use crate::links::tel_href;
use crate::router::A;
use crate::store::use_sync;
use crate::ui::ReadAloud;

/// `/health/entry/:id`: one entry in full, with the young person's choices
/// about it.
#[component]
pub fn HealthEntryPage(id: String) -> impl IntoView {
    use_health_title();
    let sync = use_sync();
    let id = Uuid::parse_str(&id).ok();
    let id = move || id;
    // The title of an entry just deleted here.
    let deleted = RwSignal::new(None::<String>);
    // Between the push that sends a new entry and the pull that brings it
    // back, it is in neither the outbox nor the confirmed records, so the
    // store's view leaves it out for a moment. Until that sync has finished,
    // keep showing it as it was, so a form she has opened on it (and what
    // she typed) is not thrown away.
    let found = Memo::new(move |prev: Option<&Option<Seen>>| {
        let id = id()?;
        let now = sync
            .records
            .with(|rs| rs.get(&id).and_then(|r| HealthEntry::from_fields(&r.fields).map(|e| (e, r.pending))));
        match (now, prev.cloned().flatten()) {
            (Some((entry, pending)), _) => {
                let synced_at = if pending { sync.synced_at.get() } else { None };
                Some(Seen { id, entry, pending, synced_at })
            }
            (None, Some(was))
                if was.id == id
                    && was.pending
                    && was.synced_at == sync.synced_at.get()
                    && deleted.with(Option::is_none) =>
            {
                Some(was)
            }
            _ => None,
        }
    });
    // The choices re-render only when the entry appears or goes (or its
    // title changes), so what they just said stays on screen.
    let present = Memo::new(move |_| found.with(|f| f.as_ref().map(|s| (s.id, s.entry.title.clone(), s.entry.author))));
    // The young person's own entry: changing its words keeps the form (and
    // what it said) on screen, so this re-renders only when it comes or goes.
    let mine = Memo::new(move |_| found.with(|f| f.as_ref().filter(|s| s.entry.author == Author::Me).map(|s| s.id)));
    view! {
        <p class="back"><A href="/health">{t(k::HEALTH_ENTRY_BACK)}</A></p>
        {move || match found.get() {
            Some(seen) => view! {
                <div id="health-entry"><EntryDetails entry=seen.entry/></div>
                <ReadAloud of="health-entry"/>
            }.into_any(),
            None if deleted.with(Option::is_some) => {
                let heading = NodeRef::<leptos::html::H1>::new();
                heading.on_load(|el| {
                    let _ = el.focus();
                });
                view! {
                    <h1 tabindex="-1" node_ref=heading>{t(k::HEALTH_ENTRY_DELETED_HEADING)}</h1>
                    <p>{tf(k::HEALTH_ENTRY_DELETED, &[("title", &deleted.get_untracked().unwrap_or_default())])}</p>
                    <p><A href="/health">{t(k::HEALTH_GO_TO_MY_HEALTH)}</A></p>
                }.into_any()
            }
            None if !sync.ready.get() => view! {
                <h1>{t(k::HEALTH_TITLE)}</h1>
                <p class="loading" role="status">{t(k::HEALTH_LOADING)}</p>
            }.into_any(),
            None => view! {
                <h1>{t(k::HEALTH_NOT_FOUND)}</h1>
                <p>{t(k::HEALTH_ENTRY_NOT_FOUND)}</p>
                <p><A href="/health">{t(k::HEALTH_GO_TO_MY_HEALTH)}</A></p>
            }.into_any(),
        }}
        {move || present.get().map(|(id, title, author)| view! {
            <WhoCanSee id=id/>
            <InPassport id=id/>
            <MyNote id=id/>
            <AskWhatItMeans title=title/>
            {(author == Author::Professional).then(|| view! { <Correction id=id/> })}
        })}
        {move || mine.get().map(|id| view! { <ChangeOrDelete id=id deleted=deleted/> })}
    }
}

/// The entry on screen: whether it was still waiting to be sent, and the
/// last sync's time when it was seen so.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    id: Uuid,
    entry: HealthEntry,
    pending: bool,
    synced_at: Option<f64>,
}

#[component]
fn EntryDetails(entry: HealthEntry) -> impl IntoView {
    let e = entry;
    let words = format!("{}\n{}", e.title, e.details.clone().unwrap_or_default());
    let fact = |label: Text, value: Option<String>| value.map(|v| view! { <div><dt>{t(label)}</dt><dd>{v}</dd></div> });
    let phone = e.phone.clone().filter(|_| e.kind == HealthKind::Practitioner).map(|p| {
        view! {
            <div>
                <dt>{t(k::HEALTH_ENTRY_FACT_PHONE)}</dt>
                <dd><a href=tel_href(&p)>{tf(k::HEALTH_CALL, &[("phone", &phone_words(&p))])}</a></dd>
            </div>
        }
    });
    let professional = e.author == Author::Professional;
    view! {
        <h1 dir="auto"><LinkedText text=e.title.clone()/></h1>
        <p class="health-kind">{kind_name(e.kind)}</p>
        <dl class="facts">
            {fact(k::HEALTH_ENTRY_FACT_DATE, date_words(e.date.as_deref()))}
            {fact(k::HEALTH_ENTRY_FACT_HOW_BAD, e.severity.as_deref().map(severity_words))}
            {fact(k::HEALTH_ENTRY_FACT_DOSE, e.dose.clone())}
            {phone}
            {fact(k::HEALTH_ENTRY_FACT_RELATION, e.relation.clone())}
            {if professional {
                fact(k::HEALTH_ENTRY_FACT_RECORDED_BY, Some(e.recorded_by.clone()))
            } else {
                fact(k::HEALTH_ENTRY_FACT_ADDED_BY, Some(t(k::HEALTH_ENTRY_FACT_YOU).to_string()))
            }}
            {fact(k::HEALTH_ENTRY_FACT_SOURCE, e.source.clone())}
        </dl>
        {e.details.clone().map(|d| view! { <p class="health-details" dir="auto"><LinkedText text=d/></p> })}
        <WordsExplained text=words/>
    }
}
