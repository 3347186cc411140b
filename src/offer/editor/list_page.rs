//! `/council/offer`: the manager's council's offer as they are editing it.
//! Each item says where it stands (new, changed and what, to be retired,
//! published) and whether it is over a year since anyone checked it; the
//! whole draft is published, or thrown away, at once.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::offer::editor::{ChangeSummary, DraftEntry, ItemState, OfferDraft};

use super::upload::Upload;
use super::{ChangeList, refused_words};
use crate::api::offer_editor;
use crate::council::Confirm;
use crate::i18n::{k, t};
use crate::router::A;
use crate::ui::{Loaded, SampleBadge, load};
use crate::words;

#[component]
pub fn OfferEditorPage() -> impl IntoView {
    let draft = load(offer_editor::draft, None);
    // What the last publish did, shown until the next change.
    let published = RwSignal::new(None::<ChangeSummary>);
    // What the last upload would change, shown until the next one.
    let uploaded = RwSignal::new(None::<ChangeSummary>);
    // Each news replaces the other: a publish makes the upload's preview old.
    Effect::new(move |_| {
        if published.with(Option::is_some) {
            uploaded.set(None);
        }
    });
    Effect::new(move |_| {
        if uploaded.with(Option::is_some) {
            published.set(None);
        }
    });
    view! {
        <p class="back"><A href="/council">"Back to your council"</A></p>
        <Show when=move || draft.value.with(Option::is_none)>
            <h1>"Your local offer"</h1>
        </Show>
        <Loaded remote=draft what="your council's offer" let:d>
            <div class="staff-wide">
            <h1>{format!("{}'s local offer", d.council.name)}</h1>
            <SampleBadge sample_data=d.council.sample_data/>
            <p>"Change, add or retire items here. Young people see nothing of it until you publish."</p>
            <div class="actions offer-editor__links">
                <A href="/council/offer/new">"Add an item"</A>
                <A href="/council/offer/preview">"See it as a young person would"</A>
                <A href="/council/offer/history">"History of changes"</A>
                <a href="/api/v1/offer/export" download="">"Download the published offer (ORUK file)"</a>
            </div>
            {move || published.get().map(|s| view! {
                <div class="notice" role="status">
                    <p><strong>"Published."</strong>" Young people now see these changes:"</p>
                    <ChangeList summary=s/>
                </div>
            })}
            <div class="offer-editor__top">
                <Publish draft=d.clone() remote=draft published=published/>
                <Upload on_done=Callback::new(move |_| draft.retry()) result=uploaded/>
            </div>
            <Entries draft=d remote=draft/>
            </div>
        </Loaded>
    }
}

/// The publish and throw-away buttons, each asking first.
#[component]
fn Publish(
    draft: OfferDraft,
    remote: crate::ui::load::Remote<OfferDraft>,
    published: RwSignal<Option<ChangeSummary>>,
) -> impl IntoView {
    let asking = RwSignal::new(None::<&'static str>);
    let sending = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<String>::new());
    let changes = draft.entries.iter().filter(|e| e.state != ItemState::Published).count() as u32;
    if !draft.unpublished {
        return view! {
            <p class="card offer-editor__state">"Everything here is published: young people see it as it is."</p>
        }
        .into_any();
    }
    let publish = move |_| {
        sending.set(true);
        spawn_local(async move {
            match offer_editor::publish().await {
                Ok(summary) => {
                    published.try_set(Some(summary));
                    problems.try_set(Vec::new());
                    remote.retry();
                }
                Err(refused) => {
                    problems.try_set(refused_words(&refused));
                }
            }
            asking.try_set(None);
            sending.try_set(false);
        });
    };
    let discard = move |_| {
        sending.set(true);
        spawn_local(async move {
            match offer_editor::discard().await {
                Ok(d) => {
                    remote.value.try_set(Some(d));
                }
                Err(e) => {
                    let words = if e.is_unreachable() {
                        t(k::UI_LOAD_OFFLINE_NOT_SENT)
                    } else {
                        "That didn't work. Try again in a minute."
                    };
                    problems.try_set(vec![words.to_string()]);
                }
            }
            asking.try_set(None);
            sending.try_set(false);
        });
    };
    let count = format!("{changes} {} not published yet.", words::noun(changes, "change", "changes"));
    view! {
        <section class="card offer-editor__publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{count}</h2>
            <div class="error-summary" role="alert" hidden=move || problems.with(Vec::is_empty)>
                <h3 class="error-summary__title">"Nothing was published. Fix these first:"</h3>
                <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
            {move || match asking.get() {
                None => view! {
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| asking.set(Some("publish"))>"Publish changes"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(Some("discard"))>
                            "Throw away changes"
                        </button>
                    </div>
                }.into_any(),
                Some("publish") => view! {
                    <Confirm
                        words="Young people will see every change on this page straight away.".to_string()
                        yes="Yes, publish".to_string()
                        sending=sending
                        on_yes=Callback::new(publish)
                        on_cancel=Callback::new(move |_| asking.set(None))
                    />
                }.into_any(),
                Some(_) => view! {
                    <Confirm
                        words="Every change not published yet will be lost. The published offer stays as it is.".to_string()
                        yes="Yes, throw them away".to_string()
                        danger=true
                        sending=sending
                        on_yes=Callback::new(discard)
                        on_cancel=Callback::new(move |_| asking.set(None))
                    />
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}

/// What a state says, as a short tag.
fn state_words(e: &DraftEntry) -> Option<String> {
    match e.state {
        ItemState::Published => None,
        ItemState::Added => Some("New".into()),
        ItemState::Retired => Some("Will be retired".into()),
        ItemState::Changed => {
            let what: Vec<&str> = e.changed.iter().map(|f| f.label()).collect();
            Some(format!("Changed: {}", what.join(", ")))
        }
    }
}

#[component]
fn Entries(draft: OfferDraft, remote: crate::ui::load::Remote<OfferDraft>) -> impl IntoView {
    let stale = draft.entries.iter().filter(|e| e.needs_check && e.state != ItemState::Retired).count() as u32;
    let failed = RwSignal::new(None::<&'static str>);
    let act = move |id: String, action: &'static str| {
        spawn_local(async move {
            match offer_editor::item_action(&id, action).await {
                Ok(d) => {
                    failed.try_set(None);
                    remote.value.try_set(Some(d));
                }
                Err(e) => {
                    failed.try_set(Some(if e.is_unreachable() {
                        t(k::UI_LOAD_OFFLINE_NOT_SENT)
                    } else {
                        "That didn't work. Try again in a minute."
                    }));
                }
            }
        });
    };
    let rows = draft
        .entries
        .into_iter()
        .map(|e| {
            let id = e.item.id.clone();
            let tag = state_words(&e);
            let retired = e.state == ItemState::Retired;
            let undo_words = format!("Undo changes to {}", e.item.title);
            let retire_words = format!("Retire {}", e.item.title);
            let edit_words = format!("Change {}", e.item.title);
            let can_undo = e.state != ItemState::Published;
            let (undo_id, retire_id) = (id.clone(), id.clone());
            view! {
                <li class="offer-editor__item" class:offer-editor__item--retired=retired>
                    <h3 class="offer-editor__title">{e.item.title.clone()}</h3>
                    <p class="offer-editor__meta">
                        {e.item.category.label()}
                        {e.item.amount.as_ref().map(|a| format!(" · {}", a.describe()))}
                        {format!(" · last checked {}", words::readable_date(e.item.last_reviewed))}
                    </p>
                    <p class="offer-editor__tags">
                        {tag.map(|t| view! { <span class="badge offer-editor__tag">{t}</span> })}
                        {(e.needs_check && !retired).then(|| view! {
                            <span class="badge offer-editor__tag offer-editor__tag--warn">"Not checked for over a year"</span>
                        })}
                    </p>
                    <div class="actions">
                        {(!retired).then(|| view! {
                            <A href=format!("/council/offer/item/{id}") attr:aria-label=edit_words>"Change"</A>
                        })}
                        {(!retired).then(|| view! {
                            <button type="button" class="button button--secondary button--small" aria-label=retire_words
                                on:click=move |_| act(retire_id.clone(), "retire")>"Retire"</button>
                        })}
                        {can_undo.then(|| view! {
                            <button type="button" class="button button--secondary button--small" aria-label=undo_words
                                on:click=move |_| act(undo_id.clone(), "undo")>"Undo"</button>
                        })}
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="items-heading">
            <h2 id="items-heading">"Items"</h2>
            {(stale > 0).then(|| view! {
                <p class="notice">{format!(
                    "{stale} {} not been checked for over a year. Check each one is still right, then change its \"last checked\" date.",
                    words::noun(stale, "item has", "items have")
                )}</p>
            })}
            <p class="error-message" role="alert">{move || failed.get()}</p>
            <ul class="plain-list offer-editor__items">{rows}</ul>
        </section>
    }
}
