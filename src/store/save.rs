//! The one way a screen writes a record: the form checks what was typed
//! with the model's own field rules (the ones the server runs) and says in
//! plain words what to fix; `Save` then queues the change in the phone's
//! store and tells the screen how it went. Every form uses it, so a change
//! is never half-saved and every failure reads the same.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::sync::{EntityKind, Fields};
use uuid::Uuid;

use super::engine::{self, ChangeError};
use crate::i18n::{k, t};

impl ChangeError {
    /// The words for a change that was not made.
    pub fn words(self) -> &'static str {
        match self {
            ChangeError::NotReady => t(k::STORE_SAVE_NOT_READY),
            ChangeError::NotSaved => t(k::STORE_SAVE_NOT_SAVED),
        }
    }
}

/// Where a form's last save got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    Saving,
    /// Saved on this phone; sync sends it when it can.
    Saved,
    /// Not saved, and why, in words for the person.
    Problem(&'static str),
}

/// A form's save: create one per form with `Save::new()`, call `put` or
/// `delete` from its submit handler, and show `problem()` beside the button.
#[derive(Debug, Clone, Copy)]
pub struct Save {
    pub state: RwSignal<SaveState>,
}

impl Default for Save {
    fn default() -> Self {
        Self::new()
    }
}

impl Save {
    pub fn new() -> Self {
        Save { state: RwSignal::new(SaveState::Idle) }
    }

    /// Queues `checked` as a put on record `id`, unless the form's check
    /// found a problem. `then` runs once it is on the phone (clear the form,
    /// close it). A second press while saving does nothing.
    pub fn put(self, checked: Result<Fields, &'static str>, kind: EntityKind, id: Uuid, then: impl FnOnce() + 'static) {
        self.queue_put(checked, kind, id, None, Box::new(then));
    }

    /// `put` on a new record a PA keeps for a young person: `owner` is the
    /// young person it belongs to (their phone, and only theirs, gets it).
    pub fn put_for(
        self,
        checked: Result<Fields, &'static str>,
        kind: EntityKind,
        id: Uuid,
        owner: Uuid,
        then: impl FnOnce() + 'static,
    ) {
        self.queue_put(checked, kind, id, Some(owner), Box::new(then));
    }

    /// Queues the deletion of record `id`.
    pub fn delete(self, kind: EntityKind, id: Uuid, then: impl FnOnce() + 'static) {
        self.queue_delete(kind, id, Box::new(then));
    }

    // Every form's `then` is a closure of its own type: boxed here, so the
    // saving below is in the wasm once, not once per form.
    fn queue_put(
        self,
        checked: Result<Fields, &'static str>,
        kind: EntityKind,
        id: Uuid,
        owner: Option<Uuid>,
        then: Box<dyn FnOnce()>,
    ) {
        let fields = match checked {
            Ok(f) => f,
            Err(words) => return self.state.set(SaveState::Problem(words)),
        };
        self.run(
            move || {
                engine::change(move |r| match owner {
                    Some(owner) => r.put_for(kind, id, fields, owner),
                    None => r.put(kind, id, fields),
                })
            },
            then,
        );
    }

    fn queue_delete(self, kind: EntityKind, id: Uuid, then: Box<dyn FnOnce()>) {
        self.run(move || engine::change(move |r| r.delete(kind, id)), then);
    }

    /// Says what to fix without saving (a check the form makes itself).
    pub fn refuse(self, words: &'static str) {
        self.state.set(SaveState::Problem(words));
    }

    fn run<F>(self, change: impl FnOnce() -> F + 'static, then: Box<dyn FnOnce()>)
    where
        F: Future<Output = Result<(), ChangeError>> + 'static,
    {
        if self.state.get_untracked() == SaveState::Saving {
            return;
        }
        self.state.set(SaveState::Saving);
        spawn_local(async move {
            // `try_set`: the person may have left the page meanwhile.
            match change().await {
                Ok(()) => {
                    self.state.try_set(SaveState::Saved);
                    then();
                }
                Err(e) => {
                    self.state.try_set(SaveState::Problem(e.words()));
                }
            }
        });
    }

    pub fn saving(self) -> bool {
        self.state.get() == SaveState::Saving
    }

    /// The problem to show, if the last try failed.
    pub fn problem(self) -> Option<&'static str> {
        match self.state.get() {
            SaveState::Problem(words) => Some(words),
            _ => None,
        }
    }
}
