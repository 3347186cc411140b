//! The one way a page loads data from the server: `load` asks, keeps the
//! answer in signals and (when given a `Keep`) a copy on the phone;
//! `<Loaded>` shows it, or says in one set of words that it is loading,
//! that we are offline, or that it failed, with "Try again". Records the
//! person writes are not loaded here: they come from the sync store.
//!
//! An action sent straight to the server (not through the phone's store)
//! that could not go because the phone is offline (saving a social
//! worker's details, marking an inbox item done) says so in one message
//! for all: `ui.load.offline_not_sent`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::ErrorCode;

use crate::api::{ApiError, ApiResult};
use crate::i18n::{k, t, tf};
use crate::state::use_app;

/// How to keep a copy of the answer on this phone (see `saved`), so the
/// page still shows something with no signal.
pub struct Keep<T> {
    pub read: fn() -> Option<T>,
    pub write: fn(&T),
}

/// Where a load has got to.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Loading,
    /// The server answered; `value` is its answer.
    Fresh,
    /// The server could not answer; `value` is the phone's copy, if any.
    Failed(ApiError),
}

/// What a page has loaded, as signals: the value (fresh, or the phone's
/// copy) and where the load got to. `Copy`, so closures can share it.
pub struct Remote<T: Send + Sync + 'static> {
    pub value: RwSignal<Option<T>>,
    pub phase: RwSignal<Phase>,
    again: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Remote<T> {}

impl<T: Send + Sync + 'static> Remote<T> {
    /// Asks the server again (the "Try again" button).
    pub fn retry(&self) {
        self.again.update(|n| *n += 1);
    }

    /// The value is the phone's copy, because the server could not answer.
    pub fn stale(&self) -> bool {
        matches!(self.phase.get(), Phase::Failed(_)) && self.value.with(Option::is_some)
    }
}

/// Loads with `fetch`, now and whenever a signal `fetch` reads changes, on
/// "Try again", and when the phone comes back online after a failure.
/// Errors go through `AppState::note_error` (the offline banner, a session
/// that ended). Only the newest answer is kept.
pub fn load<T, F, Fut>(fetch: F, keep: Option<Keep<T>>) -> Remote<T>
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    let state = use_app();
    let remote = Remote {
        value: RwSignal::new(keep.as_ref().and_then(|k| (k.read)())),
        phase: RwSignal::new(Phase::Loading),
        again: RwSignal::new(0),
    };
    let write = keep.map(|k| k.write);
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        remote.again.track();
        let fut = fetch();
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        remote.phase.set(Phase::Loading);
        spawn_local(async move {
            let answer = fut.await;
            // A newer load started while this one waited: drop this answer.
            if asked.try_get_value() != Some(mine) {
                return;
            }
            match answer {
                Ok(v) => {
                    if let Some(write) = write {
                        write(&v);
                    }
                    remote.value.try_set(Some(v));
                    remote.phase.try_set(Phase::Fresh);
                }
                Err(e) => {
                    state.note_error(&e);
                    remote.phase.try_set(Phase::Failed(e));
                }
            }
        });
    });
    // Back online after a failed load: try again by itself.
    Effect::new(move |was_offline: Option<bool>| {
        let offline = state.offline.get();
        if was_offline == Some(true) && !offline && matches!(remote.phase.get_untracked(), Phase::Failed(_)) {
            remote.retry();
        }
        offline
    });
    remote
}

/// The words for a load that failed with nothing to show. `what` names the
/// thing, in the page's language: "your caseload", "this page". Written
/// once, here.
pub fn failed_words(e: &ApiError, what: &str) -> String {
    let words = if e.is_unreachable() { k::UI_LOAD_OFFLINE } else { k::UI_LOAD_FAILED };
    tf(words, &[("what", what)])
}

/// Shows a `Remote`: the children with the value once there is one (with
/// a line saying when it is the phone's copy), else loading, offline, or
/// failed with "Try again".
#[component]
pub fn Loaded<T, V, C>(
    remote: Remote<T>,
    /// What is loading, for the words, in the page's language: "your
    /// caseload".
    what: &'static str,
    /// Said instead when the server answers 404.
    #[prop(optional)]
    missing: Option<&'static str>,
    /// Said after the offline or failed words: "The helplines below always work."
    #[prop(optional)]
    also: Option<&'static str>,
    children: C,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    C: Fn(T) -> V + Send + Sync + 'static,
{
    move || {
        let value = remote.value.get();
        match (value, remote.phase.get()) {
            (Some(v), Phase::Failed(_)) => {
                view! { {children(v)} <p class="hint">{t(k::UI_LOAD_SAVED_COPY)}</p> }.into_any()
            }
            (Some(v), _) => children(v).into_any(),
            (None, Phase::Loading | Phase::Fresh) => {
                view! { <p class="loading" role="status">{tf(k::UI_LOAD_LOADING, &[("what", what)])}</p> }.into_any()
            }
            (None, Phase::Failed(e)) => {
                let not_found = e.code() == Some(ErrorCode::NotFound);
                let words = match (not_found, missing) {
                    (true, Some(m)) => m.to_string(),
                    _ => failed_words(&e, what),
                };
                let words = match also {
                    Some(a) => format!("{words} {a}"),
                    None => words,
                };
                view! {
                    <div class="notice" role="status">
                        <p>{words}</p>
                        {(!not_found).then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| remote.retry()>
                                {t(k::UI_TRY_AGAIN)}
                            </button>
                        })}
                    </div>
                }
                .into_any()
            }
        }
    }
}
