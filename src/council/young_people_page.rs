//! `/council/young-people`: a manager sees each young person of the
//! council with their PA, and moves someone to another PA (or to none)
//! when their PA changes. Names only; no health detail.

use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::ErrorCode;
use pathway_model::auth::Role;
use pathway_model::council::{StaffMember, YoungPersonPlacement};
use uuid::Uuid;

use super::Confirm;
use crate::api::{ApiError, staff};
use crate::i18n::{k, t};
use crate::router::A;
use crate::state::use_app;
use crate::ui::form::{Choice, SelectField};
use crate::ui::{Loaded, Remote, load};

/// The select's value for "No PA".
const NO_PA: &str = "none";

thread_local! {
    static KEPT: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

/// A name or id as the `&'static str` a form choice is made of. Each
/// distinct string is kept once for the life of the page, so drawing the
/// list again does not keep more.
fn kept(s: String) -> &'static str {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        if let Some(found) = k.get(s.as_str()) {
            return *found;
        }
        let new: &'static str = Box::leak(s.into_boxed_str());
        k.insert(new);
        new
    })
}

fn full_name(s: &StaffMember) -> String {
    format!("{} {}", s.first_name, s.last_name)
}

/// The PAs a young person may move to: active PAs of the council but her
/// own, fewest young people first, then "No PA" if she has one now.
pub fn destinations(team: &[StaffMember], current: Option<Uuid>) -> Vec<(Option<Uuid>, String)> {
    let mut pas: Vec<&StaffMember> =
        team.iter().filter(|s| s.role == Role::Advisor && !s.disabled && Some(s.person_id) != current).collect();
    pathway_model::order::sort_by_key(&mut pas, |s| (s.caseload_size, full_name(s)));
    let mut out: Vec<(Option<Uuid>, String)> = pas
        .into_iter()
        .map(|s| {
            (
                Some(s.person_id),
                format!("{} ({})", full_name(s), crate::words::count(s.caseload_size, "young person", "young people")),
            )
        })
        .collect();
    if current.is_some() {
        out.push((None, "No PA".to_string()));
    }
    out
}

/// What a move will do, said before it is done.
pub fn move_words(first: &str, from: Option<&str>, to: Option<&str>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!(
            "{first} moves from {from} to {to}. {from} will no longer see {first}'s records. {to} sees them from their next sync."
        ),
        (Some(from), None) => format!("{first} will have no PA. {from} will no longer see {first}'s records."),
        (None, Some(to)) => format!("{first} moves to {to}. {to} sees {first}'s records from their next sync."),
        (None, None) => format!("{first} has no PA."),
    }
}

fn refused_words(e: &ApiError) -> &'static str {
    match e.code() {
        _ if e.is_unreachable() => t(k::UI_LOAD_OFFLINE_NOT_SENT),
        Some(ErrorCode::ValidationFailed) => "That PA can't take young people now. Choose another PA.",
        Some(ErrorCode::NotFound) => "We can't find that young person in your council.",
        _ => "That didn't work. Try again in a minute.",
    }
}

#[component]
pub fn YoungPeoplePage() -> impl IntoView {
    let placements = load(staff::placements, None);
    let team = load(staff::staff, None);
    let said = RwSignal::new(None::<String>);
    let reload = move || {
        placements.retry();
        team.retry();
    };
    view! {
        <p class="back"><A href="/council">"Back to your council"</A></p>
        <h1>"Young people"</h1>
        <p>"Each young person and their PA. When someone's PA changes, move them here."</p>
        <p role="status" class="staff-said">{move || said.get()}</p>
        <Loaded remote=team what="your council's PAs" let:team>
            <List placements=placements team=team said=said reload=reload/>
        </Loaded>
    }
}

#[component]
fn List(
    placements: Remote<Vec<YoungPersonPlacement>>,
    team: Vec<StaffMember>,
    said: RwSignal<Option<String>>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let team = StoredValue::new(team);
    view! {
        <Loaded remote=placements what="your council's young people" let:people>
            {if people.is_empty() {
                view! { <p>"No young people yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="staff-list">
                        {people.into_iter().map(|person| view! {
                            <Row person=person team=team.get_value() said=said reload=reload/>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn Row(
    person: YoungPersonPlacement,
    team: Vec<StaffMember>,
    said: RwSignal<Option<String>>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let name = format!("{} {}", person.first_name, person.last_name);
    let pa = person.advisor.as_ref().map(|a| a.name.clone());
    let toggle_id = format!("move-{}", person.person_id);
    view! {
        <li class="card staff-row">
            <h2 class="staff-row__name">{name.clone()}</h2>
            <dl class="facts facts--inline">
                <div><dt>"Age"</dt><dd>{person.age}</dd></div>
                <div><dt>"PA"</dt><dd>{pa.clone().unwrap_or_else(|| "No PA".into())}</dd></div>
                {person.closed.then(|| view! { <div><dt>"Account"</dt><dd>"Closed"</dd></div> })}
            </dl>
            {(!person.closed).then(|| view! {
                <div class="actions">
                <button type="button" class="button button--secondary button--small"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=toggle_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    "Move to another PA"<span class="visually-hidden">{format!(": {name}")}</span>
                </button>
                </div>
                <div id=toggle_id.clone()>
                    <Show when=move || open.get()>
                        <MoveForm person=person.clone() team=team.clone() said=said reload=reload close=move || open.set(false)/>
                    </Show>
                </div>
            })}
        </li>
    }
}

#[component]
fn MoveForm(
    person: YoungPersonPlacement,
    team: Vec<StaffMember>,
    said: RwSignal<Option<String>>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let current = person.advisor.as_ref().map(|a| a.person_id);
    let from = person.advisor.as_ref().map(|a| a.name.clone());
    let places = destinations(&team, current);
    let names: Vec<(Option<Uuid>, String)> = team.iter().map(|s| (Some(s.person_id), full_name(s))).collect();
    let mut choices: Vec<Choice> = vec![("", "Choose a PA")];
    choices.extend(
        places.iter().map(|(id, words)| (kept(id.map_or(NO_PA.to_string(), |i| i.to_string())), kept(words.clone()))),
    );
    let choice = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let asking = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let target = move || -> Option<Option<Uuid>> {
        choice.with(|c| if c == NO_PA { Some(None) } else { Uuid::parse_str(c).ok().map(Some) })
    };
    let first = person.first_name.clone();
    let full = format!("{} {}", person.first_name, person.last_name);
    let person_id = person.person_id;
    let select_id = format!("move-to-{person_id}");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match target() {
            None => problem.set(Some("Choose who to move them to.")),
            Some(_) => {
                problem.set(None);
                asking.set(true);
            }
        }
    };
    let on_yes = {
        let full = full.clone();
        let names = names.clone();
        Callback::new(move |()| {
            let Some(to) = target() else { return };
            let to_name = names.iter().find(|(id, _)| *id == to).map(|(_, n)| n.clone());
            let full = full.clone();
            sending.set(true);
            spawn_local(async move {
                match staff::move_young_person(person_id, to).await {
                    Ok(()) => {
                        said.try_set(Some(match to_name {
                            Some(pa) => format!("{full} is now with {pa}."),
                            None => format!("{full} has no PA now."),
                        }));
                        close();
                        reload();
                    }
                    Err(e) => {
                        state.note_error(&e);
                        problem.try_set(Some(refused_words(&e)));
                        asking.try_set(false);
                    }
                }
                sending.try_set(false);
            });
        })
    };
    let confirm_words = move || {
        let to = target().flatten();
        let to_name = to.and_then(|t| names.iter().find(|(id, _)| *id == Some(t)).map(|(_, n)| n.clone()));
        move_words(&first, from.as_deref(), to_name.as_deref())
    };
    view! {
        <form class="move-form" on:submit=on_submit novalidate>
            <SelectField id=select_id label="Move to" choices=choices value=choice problem=problem/>
            <button type="submit" class="button button--small">"Move"<span class="visually-hidden">{format!(": {full}")}</span></button>
        </form>
        <Show when=move || asking.get()>
            <Confirm
                words=confirm_words()
                yes=format!("Yes, move {}", person.first_name)
                sending=sending
                on_yes=on_yes
                on_cancel=Callback::new(move |()| asking.set(false))
            />
        </Show>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn pa(n: u128, first: &str, size: u32, disabled: bool) -> StaffMember {
        StaffMember {
            person_id: Uuid::from_u128(n),
            first_name: first.into(),
            last_name: "Smith".into(),
            username: first.to_lowercase(),
            role: Role::Advisor,
            caseload_size: size,
            disabled,
            signed_in_before: true,
            second_factor_on: true,
        }
    }

    #[test]
    fn she_can_move_to_active_pas_but_her_own_fewest_first_or_to_nobody() {
        let mut manager = pa(9, "Meg", 0, false);
        manager.role = Role::Manager;
        let team =
            [pa(1, "Priya", 5, false), pa(2, "Sam", 2, false), pa(3, "Dan", 0, true), manager, pa(4, "Ali", 7, false)];
        let got = destinations(&team, Some(Uuid::from_u128(1)));
        let words: Vec<&str> = got.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(words, ["Sam Smith (2 young people)", "Ali Smith (7 young people)", "No PA"]);
        assert!(destinations(&team, None).iter().all(|(id, _)| id.is_some()));
    }

    #[test]
    fn a_move_is_said_before_it_is_done() {
        let w = move_words("Jade", Some("Priya Patel"), Some("Sam Okafor"));
        assert!(w.starts_with("Jade moves from Priya Patel to Sam Okafor."), "{w}");
        assert!(w.contains("Priya Patel will no longer see Jade's records."), "{w}");
        assert_eq!(
            move_words("Jade", Some("Priya"), None),
            "Jade will have no PA. Priya will no longer see Jade's records."
        );
    }

    #[test]
    fn kept_strings_are_kept_once() {
        let a = kept("Sam Smith".to_string());
        let b = kept("Sam Smith".to_string());
        assert!(std::ptr::eq(a, b));
    }
}
