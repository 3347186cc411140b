//! Agreed actions, added on the spot in a meeting: what, who (her, the PA,
//! or someone named) and by when. Kept on the screen, removable, until
//! "End meeting" writes them.

use leptos::prelude::*;
use pathway_model::meeting::action::{ActionOwner, NAME_MAX, WHAT_MAX};
use uuid::Uuid;

use super::draft::{ActionDraft, ActionProblems, action_fields};
use crate::ui::form::{DateField, TextField};

/// Who does it, in the PA's words: "Jade", "Me", "Housing team".
pub fn who_words(owner: &str, owner_name: &str, first_name: &str) -> String {
    match ActionOwner::parse(owner) {
        Some(ActionOwner::YoungPerson) => first_name.to_string(),
        Some(ActionOwner::Advisor) => "Me".into(),
        _ => owner_name.trim().to_string(),
    }
}

#[component]
pub fn ActionsColumn(actions: RwSignal<Vec<(Uuid, ActionDraft)>>, first_name: String) -> impl IntoView {
    let what = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let owner_name = RwSignal::new(String::new());
    let by_when = RwSignal::new(String::new());
    let problems = RwSignal::new(ActionProblems::default());
    let added = RwSignal::new(None::<&'static str>);
    let add = move |_| {
        let draft = ActionDraft {
            what: what.get_untracked(),
            owner: owner.get_untracked(),
            owner_name: owner_name.get_untracked(),
            by_when: by_when.get_untracked(),
        };
        match action_fields(&draft, None, crate::clock::today()) {
            Ok(_) => {
                problems.set(ActionProblems::default());
                added.set(Some("Action added."));
                actions.update(|a| a.push((Uuid::now_v7(), draft)));
                what.set(String::new());
                owner_name.set(String::new());
            }
            Err(p) => {
                added.set(None);
                problems.set(p);
            }
        }
    };
    let problem = move |pick: fn(&ActionProblems) -> Option<&'static str>| Signal::derive(move || problems.with(pick));
    let name = StoredValue::new(first_name.clone());
    let owners = [
        ("young_person", first_name.clone()),
        ("advisor", "Me".to_string()),
        ("someone_else", "Someone else".to_string()),
    ];
    view! {
        <section class="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">"What we agreed"</h2>
            <Show
                when=move || !actions.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"No actions yet."</p> }
            >
                <ul class="agreed-list">
                    <For each=move || actions.get() key=|(id, _)| *id let:entry>
                        <AddedAction id=entry.0 draft=entry.1 actions=actions first_name=name.get_value()/>
                    </For>
                </ul>
            </Show>
            <div class="add-action">
                <TextField id="action-what" label="What needs doing" value=what max=WHAT_MAX autocomplete="off" problem=problem(|p| p.what)/>
                <fieldset class="radios" role="radiogroup" aria-describedby="action-owner-problem" aria-invalid=move || problems.with(|p| p.owner.map(|_| "true"))>
                    <legend>"Who will do it"</legend>
                    <p class="error-message" id="action-owner-problem">{move || problems.with(|p| p.owner)}</p>
                    {owners.into_iter().map(|(v, words)| {
                        let id = format!("action-owner-{v}");
                        view! {
                            <div class="radio">
                                <input type="radio" name="action-owner" id=id.clone() value=v
                                    prop:checked=move || owner.get() == v
                                    on:change=move |_| owner.set(v.to_string())/>
                                <label for=id>{words}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <Show when=move || owner.get() == "someone_else">
                    <TextField id="action-name" label="Their name" value=owner_name max=NAME_MAX autocomplete="off" problem=problem(|p| p.owner_name)/>
                </Show>
                <DateField id="action-by" label="By when" value=by_when problem=problem(|p| p.by_when)/>
                <button type="button" class="button button--secondary" on:click=add>"Add action"</button>
                <p role="status" class="hint">{move || added.get()}</p>
            </div>
        </section>
    }
}

#[component]
fn AddedAction(
    id: Uuid,
    draft: ActionDraft,
    actions: RwSignal<Vec<(Uuid, ActionDraft)>>,
    first_name: String,
) -> impl IntoView {
    let who = who_words(&draft.owner, &draft.owner_name, &first_name);
    let by = pathway_model::date::parse(&draft.by_when).map(crate::words::readable_date).unwrap_or_default();
    let what = draft.what.trim().to_string();
    view! {
        <li class="agreed-list__item">
            <p class="agreed-list__what">{what.clone()}</p>
            <p class="hint">{format!("{who}, by {by}")}</p>
            <button
                type="button"
                class="button button--secondary button--small"
                aria-label=format!("Remove: {what}")
                on:click=move |_| actions.update(|a| a.retain(|(x, _)| *x != id))
            >
                "Remove"
            </button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_is_named_as_the_pa_says_it() {
        assert_eq!(who_words("young_person", "", "Jade"), "Jade");
        assert_eq!(who_words("advisor", "", "Jade"), "Me");
        assert_eq!(who_words("someone_else", " Housing team ", "Jade"), "Housing team");
    }
}
