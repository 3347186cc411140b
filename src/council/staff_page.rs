//! `/council/staff`: a manager's list of their council's PAs and managers:
//! who has signed in, who has the second factor on, who is disabled. From
//! here: add someone, disable or enable an account, or give someone a new
//! set-up code (forgotten passphrase, lost phone).

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::Role;
use pathway_model::council::{OneTimeCode, StaffMember};

use super::{CodeCard, Confirm};
use crate::api::{ApiError, staff};
use crate::i18n::{k, t};
use crate::router::A;
use crate::state::use_app;
use crate::ui::{Loaded, load};
use crate::words;

pub fn role_words(role: Role) -> &'static str {
    match role {
        Role::Advisor => "Personal advisor (PA)",
        Role::Manager => "Manager",
        Role::YoungPerson => "Young person",
    }
}

/// Where their account is at, in a few words.
pub fn account_words(s: &StaffMember) -> Vec<&'static str> {
    let mut out = Vec::new();
    if s.disabled {
        out.push("Disabled");
    }
    if !s.signed_in_before {
        out.push("Not signed in yet");
    } else if s.second_factor_on {
        out.push("Second factor on");
    } else {
        out.push("Second factor not set up");
    }
    out
}

/// Plain words for a staff action the server refused.
pub fn refused_words(e: &ApiError) -> &'static str {
    if e.is_unreachable() {
        t(k::UI_LOAD_OFFLINE_NOT_SENT)
    } else if e.code() == Some(pathway_model::ErrorCode::NotFound) {
        "We can't find that member of staff in your council."
    } else {
        "That didn't work. Try again in a minute."
    }
}

/// What a manager is about to do to one account, waiting for "Yes".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    Disable,
    NewCode,
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let list = load(staff::staff, None);
    // A new set-up code just made: shown instead of the list until "Done".
    let made = RwSignal::new(None::<OneTimeCode>);
    let said = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<&'static str>);
    view! {
        <p class="back"><A href="/council">"Back to your council"</A></p>
        <h1>"Staff"</h1>
        {move || match made.get() {
            Some(code) => view! {
                <CodeCard code=code/>
                <button type="button" class="button" on:click=move |_| made.set(None)>"Done: back to the staff list"</button>
            }.into_any(),
            None => view! {
                <p><A href="/council/staff/new" attr:class="button">"Add a member of staff"</A></p>
                <p role="status" class="staff-said">{move || said.get()}</p>
                <p role="alert" class="error-message">{move || problem.get()}</p>
                <Loaded remote=list what="your council's staff" let:people>
                    <ul class="staff-list">
                        {people.into_iter().map(|member| view! {
                            <StaffRow member=member made=made said=said problem=problem reload=move || list.retry()/>
                        }).collect_view()}
                    </ul>
                </Loaded>
            }.into_any(),
        }}
    }
}

#[component]
fn StaffRow(
    member: StaffMember,
    made: RwSignal<Option<OneTimeCode>>,
    said: RwSignal<Option<String>>,
    problem: RwSignal<Option<&'static str>>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let me = state.me().map(|m| m.person_id) == Some(member.person_id);
    let asking = RwSignal::new(None::<Asking>);
    let sending = RwSignal::new(false);
    let id = member.person_id;
    let name = format!("{} {}", member.first_name, member.last_name);
    let first = member.first_name.clone();
    let disabled = member.disabled;

    let fail = move |e: ApiError| {
        state.note_error(&e);
        problem.try_set(Some(refused_words(&e)));
        sending.try_set(false);
    };
    let set_enabled = {
        let name = name.clone();
        move |enabled: bool| {
            let name = name.clone();
            sending.set(true);
            said.set(None);
            problem.set(None);
            spawn_local(async move {
                match staff::set_staff_enabled(id, enabled).await {
                    Ok(()) => {
                        let now = if enabled { "can sign in again" } else { "is disabled and signed out everywhere" };
                        said.try_set(Some(format!("{name} {now}.")));
                        asking.try_set(None);
                        sending.try_set(false);
                        reload();
                    }
                    Err(e) => fail(e),
                }
            });
        }
    };
    let new_code = move || {
        sending.set(true);
        said.set(None);
        problem.set(None);
        spawn_local(async move {
            match staff::new_staff_code(id).await {
                Ok(code) => {
                    sending.try_set(false);
                    made.try_set(Some(code));
                }
                Err(e) => fail(e),
            }
        });
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    let confirm = {
        let (first, set_enabled) = (first.clone(), set_enabled.clone());
        move || {
            let set_enabled = set_enabled.clone();
            asking.get().map(|a| {
                let (words, yes) = match a {
                    Asking::Disable => (
                        format!("Disabling signs {first} out everywhere at once. {first} can't sign in again until you enable the account."),
                        format!("Yes, disable {first}"),
                    ),
                    Asking::NewCode => (
                        format!("Use this if {first} forgot their passphrase or lost their phone. {first} uses the new code to choose a new passphrase. Any older code stops working."),
                        format!("Yes, make a new code for {first}"),
                    ),
                };
                let on_yes = Callback::new(move |()| match a {
                    Asking::Disable => set_enabled(false),
                    Asking::NewCode => new_code(),
                });
                let on_cancel = Callback::new(move |()| {
                    asking.set(None);
                    if let Some(h) = heading.get_untracked() {
                        let _ = h.focus();
                    }
                });
                view! {
                    <Confirm words=words yes=yes danger={a == Asking::Disable} sending=sending on_yes=on_yes on_cancel=on_cancel/>
                }
            })
        }
    };
    let hidden_name = format!(": {name}");
    view! {
        <li class="card staff-row" class:staff-row--disabled=disabled>
            <h2 class="staff-row__name" tabindex="-1" node_ref=heading>{name.clone()}{me.then_some(" (you)")}</h2>
            <dl class="facts facts--inline">
                <div><dt>"Role"</dt><dd>{role_words(member.role)}</dd></div>
                <div><dt>"Username"</dt><dd>{member.username.clone()}</dd></div>
                {(member.role == Role::Advisor).then(|| view! {
                    <div><dt>"Caseload"</dt><dd>{words::count(member.caseload_size, "young person", "young people")}</dd></div>
                })}
                <div><dt>"Account"</dt><dd>{account_words(&member).join(", ")}</dd></div>
            </dl>
            {(!me).then(|| view! {
                    <div class="actions">
                        {(!disabled).then(|| view! {
                            <button type="button" class="button button--secondary button--small" on:click=move |_| asking.set(Some(Asking::NewCode))>
                                "New set-up code"<span class="visually-hidden">{hidden_name.clone()}</span>
                            </button>
                        })}
                        {if disabled {
                            let set_enabled = set_enabled.clone();
                            view! {
                                <button type="button" class="button button--secondary button--small"
                                    disabled=move || sending.get() on:click=move |_| set_enabled(true)>
                                    "Enable"<span class="visually-hidden">{hidden_name.clone()}</span>
                                </button>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="button button--secondary button--small" on:click=move |_| asking.set(Some(Asking::Disable))>
                                    "Disable"<span class="visually-hidden">{hidden_name.clone()}</span>
                                </button>
                            }.into_any()
                        }}
                    </div>
            })}
            {confirm}
        </li>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn member() -> StaffMember {
        StaffMember {
            person_id: Uuid::nil(),
            first_name: "Sam".into(),
            last_name: "Okafor".into(),
            username: "sam.o".into(),
            role: Role::Advisor,
            caseload_size: 3,
            disabled: false,
            signed_in_before: true,
            second_factor_on: true,
        }
    }

    #[test]
    fn an_account_is_described_in_a_few_words() {
        assert_eq!(account_words(&member()), ["Second factor on"]);
        let new = StaffMember { signed_in_before: false, second_factor_on: false, ..member() };
        assert_eq!(account_words(&new), ["Not signed in yet"]);
        let off = StaffMember { disabled: true, second_factor_on: false, ..member() };
        assert_eq!(account_words(&off), ["Disabled", "Second factor not set up"]);
    }

    #[test]
    fn refusals_are_plain() {
        assert_eq!(refused_words(&ApiError::Offline), t(k::UI_LOAD_OFFLINE_NOT_SENT));
        let gone = ApiError::Api { status: 404, code: pathway_model::ErrorCode::NotFound, message: String::new() };
        assert_eq!(refused_words(&gone), "We can't find that member of staff in your council.");
    }
}
