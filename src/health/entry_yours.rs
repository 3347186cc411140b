//! An entry the young person added: change its words (the add form, filled
//! in), or delete it.

use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::health::entry::{HealthEntryChange, may_delete};
use uuid::Uuid;

use super::entry_form::EntryForm;
use super::entry_mine::{current, entry, said_line};
use crate::i18n::{k, t, tf};
use crate::store::{Save, SaveState};

/// "Delete 'Ask about my eyes'? This can't be undone."
pub fn delete_question(title: &str) -> String {
    tf(k::HEALTH_YOURS_QUESTION, &[("title", title)])
}

/// An entry the young person added: change its words (the add form, filled
/// in), or delete it, asked once more in words first. A professional's
/// entry has neither; they ask for a correction instead.
#[component]
pub fn ChangeOrDelete(
    id: Uuid,
    /// Set to the entry's title once it is deleted, for the page to say so.
    deleted: RwSignal<Option<String>>,
) -> impl IntoView {
    let fields = current(id);
    let title = move || entry(&fields).map(|e| e.title).unwrap_or_default();
    let changing = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let said = RwSignal::new(None::<&'static str>);
    let change_button = NodeRef::<leptos::html::Button>::new();
    let delete_button = NodeRef::<leptos::html::Button>::new();
    let focus = |b: NodeRef<leptos::html::Button>| {
        if let Some(el) = b.get_untracked() {
            let _ = el.focus();
        }
    };
    let on_saved = Callback::new(move |_: Uuid| {
        changing.set(false);
        said.set(Some(t(k::HEALTH_YOURS_SAVED)));
        focus(change_button);
    });
    let on_cancel = Callback::new(move |_: ()| {
        changing.set(false);
        focus(change_button);
    });
    let delete_save = Save::new();
    // A delete that failed: the entry is still here, so stop saying it went.
    Effect::new(move |_| {
        if delete_save.problem().is_some() {
            deleted.set(None);
        }
    });
    let delete = move |_| {
        let Some(now) = fields.get_untracked() else {
            return;
        };
        if !may_delete(Role::YoungPerson, Some(&now)) {
            return;
        }
        // Said before the entry goes, so the page says "Deleted" rather
        // than "We can't find that" when it does.
        deleted.set(entry(&fields).map(|e| e.title));
        delete_save.delete(HealthEntryChange::KIND, id, || {});
    };
    view! {
        <section class="card health-yours" aria-labelledby="yours-heading">
            <h2 id="yours-heading">{t(k::HEALTH_YOURS_HEADING)}</h2>
            <p>{t(k::HEALTH_YOURS_LEAD)}</p>
            <div class="health-yours__actions">
                <button
                    type="button"
                    class="button button--secondary"
                    node_ref=change_button
                    aria-expanded=move || if changing.get() { "true" } else { "false" }
                    on:click=move |_| {
                        asking.set(false);
                        said.set(None);
                        delete_save.state.set(SaveState::Idle);
                        changing.update(|c| *c = !*c);
                    }
                >
                    {t(k::HEALTH_YOURS_CHANGE)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    node_ref=delete_button
                    on:click=move |_| {
                        changing.set(false);
                        said.set(None);
                        delete_save.state.set(SaveState::Idle);
                        asking.set(true);
                    }
                >
                    {t(k::HEALTH_YOURS_DELETE)}
                </button>
            </div>
            <p class="health-said" role="status">{said_line(delete_save, said)}</p>
            <Show when=move || changing.get()>
                <EntryForm
                    role=Role::YoungPerson
                    owner=None
                    recorded_by=String::new()
                    start_kind=None
                    on_saved=on_saved
                    edit=id
                    on_cancel=on_cancel
                />
            </Show>
            <Show when=move || asking.get()>
                {move || {
                    let question = NodeRef::<leptos::html::P>::new();
                    question.on_load(|el| {
                        let _ = el.focus();
                    });
                    view! {
                        <div class="health-delete">
                            <p class="health-delete__question" tabindex="-1" node_ref=question>
                                {move || delete_question(&title())}
                            </p>
                            <div class="health-yours__actions">
                                <button type="button" class="button health-delete__yes" on:click=delete>
                                    {t(k::HEALTH_YOURS_YES)}
                                </button>
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    on:click=move |_| {
                                        asking.set(false);
                                        focus(delete_button);
                                    }
                                >
                                    {t(k::HEALTH_YOURS_KEEP)}
                                </button>
                            </div>
                        </div>
                    }
                }}
            </Show>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn deleting_is_asked_in_words() {
        assert_eq!(delete_question("Ask about my eyes"), "Delete 'Ask about my eyes'? This can't be undone.");
    }
}
