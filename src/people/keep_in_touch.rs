use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::Role;
use pathway_model::people::MyPeople;
use pathway_model::people::keep_in_touch::{self, ContactHow, ContactRequest, RequestKind};
use pathway_model::sync::{EntityKind, FieldRuleError, Fields};
use serde_json::Value;
use uuid::Uuid;

use super::when;
use crate::store::engine::{self, ChangeError};
use crate::store::use_sync;

/// Which request this young person can make: a PA again (21 to 25 with no
/// PA), or to be contacted.
pub fn request_kind(people: Option<&MyPeople>) -> RequestKind {
    match people {
        Some(p) if p.pa.is_none() && (21..25).contains(&p.age) => RequestKind::GetPaBack,
        _ => RequestKind::ContactMe,
    }
}

/// What is wrong with the form, field by field, in plain words.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems {
    pub reach_on: Option<&'static str>,
    pub best_time: Option<&'static str>,
    pub message: Option<&'static str>,
}

/// Builds the request's fields and checks them with the model's own rule
/// (the one the server runs), or says what to fix next to each field.
pub fn request_fields(
    kind: RequestKind,
    how: ContactHow,
    reach_on: &str,
    best_time: &str,
    message: &str,
    asked_at: i64,
) -> Result<Fields, Problems> {
    let text = |s: &str| {
        let s = s.trim();
        if s.is_empty() { Value::Null } else { Value::String(s.to_string()) }
    };
    let mut f = Fields::new();
    f.insert("kind".into(), word(&kind));
    f.insert("how".into(), word(&how));
    f.insert("reach_on".into(), Value::String(reach_on.trim().to_string()));
    f.insert("best_time".into(), text(best_time));
    f.insert("message".into(), text(message));
    f.insert("asked_at".into(), Value::from(asked_at));
    // Check each field on its own too, so every problem shows at once, not
    // one per press of the button.
    let mut problems = Problems::default();
    let reach_words = match how {
        ContactHow::Email => "Enter your email address, like name@example.com",
        ContactHow::Call | ContactHow::Text => "Enter a UK phone number, like 07700 900123",
    };
    if let Err(e) = keep_in_touch::check_put(Role::YoungPerson, &f, None) {
        match e {
            FieldRuleError::Invalid { field: "best_time", .. } => {
                problems.best_time = Some("Keep this under 200 letters and spaces.")
            }
            FieldRuleError::Invalid { field: "message", .. } => {
                problems.message = Some("Keep your message under 500 letters and spaces.")
            }
            _ => problems.reach_on = Some(reach_words),
        }
    }
    if best_time.trim().chars().count() > 200 {
        problems.best_time = Some("Keep this under 200 letters and spaces.");
    }
    if message.trim().chars().count() > 500 {
        problems.message = Some("Keep your message under 500 letters and spaces.");
    }
    let reach = reach_on.trim();
    let reach_ok = match how {
        ContactHow::Email => keep_in_touch::looks_like_email(reach) && reach.chars().count() <= 100,
        _ => pathway_model::people::phone_problem(reach).is_none(),
    };
    if !reach_ok {
        problems.reach_on = Some(reach_words);
    }
    if problems == Problems::default() { Ok(f) } else { Err(problems) }
}

/// The status of a request, in words for the young person.
pub fn status_words(r: &ContactRequest, pending: bool) -> String {
    if pending {
        return "Waiting to send. It will go when you are back online.".to_string();
    }
    if r.is_open() {
        return "Sent. The leaving care team will get in touch.".to_string();
    }
    match (&r.handled_by, r.handled_at) {
        (Some(by), Some(at)) => format!("Done by {by} on {}.", when::day_and_clock(at)),
        (Some(by), None) => format!("Done by {by}."),
        _ => "Done.".to_string(),
    }
}

fn word(v: &impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn how_of(s: &str) -> ContactHow {
    match s {
        "text" => ContactHow::Text,
        "email" => ContactHow::Email,
        _ => ContactHow::Call,
    }
}

/// "Ask to get a PA back" (21 to 25, no PA) or "Ask to be contacted": how
/// and when suits them. Saved on the phone, sent through sync to the
/// council's leaving care team; the status of each request shows below.
#[component]
pub fn KeepInTouch(people: RwSignal<Option<MyPeople>>) -> impl IntoView {
    let sync = use_sync();
    let kind = Memo::new(move |_| people.with(|p| request_kind(p.as_ref())));
    let how = RwSignal::new(ContactHow::Text);
    let reach_on = RwSignal::new(String::new());
    let best_time = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let saved = RwSignal::new(None::<&'static str>);
    let reach_input = NodeRef::<leptos::html::Input>::new();

    let requests = Memo::new(move |_| {
        let mut list: Vec<(Uuid, ContactRequest, bool)> = sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == EntityKind::ContactRequest)
                .filter_map(|r| ContactRequest::from_fields(&r.fields).map(|c| (r.id, c, r.pending)))
                .collect()
        });
        pathway_model::order::sort_by_key(&mut list, |(_, c, _)| -c.asked_at);
        list
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let fields = match request_fields(
            kind.get_untracked(),
            how.get_untracked(),
            &reach_on.get_untracked(),
            &best_time.get_untracked(),
            &message.get_untracked(),
            when::now_ms(),
        ) {
            Ok(f) => f,
            Err(p) => {
                if p.reach_on.is_some()
                    && let Some(input) = reach_input.get_untracked()
                {
                    let _ = input.focus();
                }
                problems.set(p);
                return;
            }
        };
        problems.set(Problems::default());
        spawn_local(async move {
            match engine::change(move |r| r.put(EntityKind::ContactRequest, Uuid::now_v7(), fields)).await {
                Ok(()) => {
                    reach_on.set(String::new());
                    best_time.set(String::new());
                    message.set(String::new());
                    saved.set(Some("Your request is saved. You can see how it is going under Your requests."));
                }
                Err(ChangeError::NotReady) => saved.set(Some("Pathway is still starting. Try again in a moment.")),
                Err(ChangeError::NotSaved) => saved.set(Some("We couldn't save that on this phone. Try again.")),
            }
        });
    };

    let heading = move || match kind.get() {
        RequestKind::GetPaBack => "Ask to get a PA back",
        RequestKind::ContactMe => "Ask to be contacted",
    };
    let intro = move || {
        let council =
            people.with(|p| p.as_ref().map(|p| p.council_name.clone())).unwrap_or_else(|| "your council's".into());
        match kind.get() {
            RequestKind::GetPaBack => format!(
                "You can have a personal advisor again at any time until you are 25. Tell us how to reach you, and the {council} leaving care team will get in touch."
            ),
            RequestKind::ContactMe => format!(
                "Want someone to get in touch? Tell us how and when suits you, and the {council} leaving care team will contact you."
            ),
        }
    };
    let reach_label = move || match how.get() {
        ContactHow::Email => "Your email address",
        ContactHow::Call | ContactHow::Text => "Your phone number",
    };
    let described = |id: &'static str, problem: Option<&'static str>| problem.map(|_| id);

    let radios = [ContactHow::Text, ContactHow::Call, ContactHow::Email]
        .into_iter()
        .map(|h| {
            let word = serde_json::to_value(h).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            let id = format!("kit-how-{word}");
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        name="kit-how"
                        id=id.clone()
                        value=word.clone()
                        prop:checked=move || how.get() == h
                        on:change=move |ev| how.set(how_of(&event_target_value(&ev)))
                    />
                    <label for=id>{h.label()}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="card keep-in-touch" aria-labelledby="kit-heading">
            <h2 id="kit-heading">{heading}</h2>
            <p>{intro}</p>
            <Show when=move || !requests.with(|r| r.is_empty())>
                <h3>"Your requests"</h3>
                <ul class="kit-requests">
                    <For each=move || requests.get() key=|(id, c, pending)| (*id, c.status.clone(), *pending) let:item>
                        <li class="kit-request">
                            <p class="kit-request__what">
                                {format!("{}, by {}", item.1.kind.label(), item.1.how.label().to_lowercase())}
                            </p>
                            <p class="kit-request__when">{format!("Asked on {}", when::day_and_clock(item.1.asked_at))}</p>
                            <p class="kit-request__status">{status_words(&item.1, item.2)}</p>
                        </li>
                    </For>
                </ul>
            </Show>
            <form on:submit=on_submit novalidate>
                <fieldset class="radios">
                    <legend>"How should they contact you?"</legend>
                    {radios}
                </fieldset>
                <div class="field" class:field--error=move || problems.with(|p| p.reach_on.is_some())>
                    <label for="kit-reach">{reach_label}</label>
                    <p class="error-message" id="kit-reach-error">{move || problems.with(|p| p.reach_on)}</p>
                    <input
                        id="kit-reach"
                        node_ref=reach_input
                        type=move || if how.get() == ContactHow::Email { "email" } else { "tel" }
                        autocomplete=move || if how.get() == ContactHow::Email { "email" } else { "tel" }
                        aria-invalid=move || problems.with(|p| p.reach_on.is_some()).then_some("true")
                        aria-describedby=move || problems.with(|p| described("kit-reach-error", p.reach_on))
                        prop:value=move || reach_on.get()
                        on:input=move |ev| reach_on.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="kit-best-time">"Best time to contact you (if there is one)"</label>
                    <p class="hint" id="kit-best-time-hint">"For example: weekday afternoons, or after 6pm"</p>
                    <p class="error-message" id="kit-best-time-error">{move || problems.with(|p| p.best_time)}</p>
                    <input
                        id="kit-best-time"
                        type="text"
                        aria-invalid=move || problems.with(|p| p.best_time.is_some()).then_some("true")
                        aria-describedby=move || {
                            if problems.with(|p| p.best_time.is_some()) { "kit-best-time-hint kit-best-time-error" } else { "kit-best-time-hint" }
                        }
                        prop:value=move || best_time.get()
                        on:input=move |ev| best_time.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="kit-message">"Anything you want them to know (if you want)"</label>
                    <p class="error-message" id="kit-message-error">{move || problems.with(|p| p.message)}</p>
                    <textarea
                        id="kit-message"
                        rows="3"
                        aria-invalid=move || problems.with(|p| p.message.is_some()).then_some("true")
                        aria-describedby=move || problems.with(|p| described("kit-message-error", p.message))
                        prop:value=move || message.get()
                        on:input=move |ev| message.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <button type="submit" class="button">{heading}</button>
                <p class="keep-in-touch__saved" role="status">{move || saved.get()}</p>
            </form>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const AT: i64 = 1_790_000_000_000;

    #[test]
    fn a_good_request_passes_the_servers_own_check() {
        let f =
            request_fields(RequestKind::GetPaBack, ContactHow::Text, " 07700 900999 ", "After 5pm", "", AT).unwrap();
        assert_eq!(keep_in_touch::check_put(Role::YoungPerson, &f, None), Ok(()));
        let r = ContactRequest::from_fields(&f).unwrap();
        assert_eq!(r.reach_on, "07700 900999");
        assert_eq!(r.best_time.as_deref(), Some("After 5pm"));
        assert_eq!(r.message, None);
        assert_eq!(status_words(&r, true), "Waiting to send. It will go when you are back online.");
        assert_eq!(status_words(&r, false), "Sent. The leaving care team will get in touch.");
    }

    #[test]
    fn each_problem_shows_next_to_its_field() {
        let p = request_fields(RequestKind::ContactMe, ContactHow::Email, "07700 900999", "", "", AT).unwrap_err();
        assert_eq!(p.reach_on, Some("Enter your email address, like name@example.com"));
        let p =
            request_fields(RequestKind::ContactMe, ContactHow::Call, "soon", &"x".repeat(201), &"y".repeat(501), AT)
                .unwrap_err();
        assert_eq!(p.reach_on, Some("Enter a UK phone number, like 07700 900123"));
        assert!(p.best_time.is_some());
        assert!(p.message.is_some());
        assert!(request_fields(RequestKind::ContactMe, ContactHow::Email, "zara@mail.example", "", "", AT).is_ok());
    }

    #[test]
    fn only_21_to_24_year_olds_with_no_pa_ask_for_a_pa_back() {
        let mut p = MyPeople {
            pa: None,
            social_worker: None,
            iro: None,
            leaving_care_team: pathway_model::people::ContactCard {
                name: "Team".into(),
                role_label: String::new(),
                phone: None,
                email: None,
                text: None,
                hours: None,
            },
            duty_team: pathway_model::people::ContactCard {
                name: "Duty".into(),
                role_label: String::new(),
                phone: None,
                email: None,
                text: None,
                hours: None,
            },
            council_name: "Liverpool".into(),
            sample_data: true,
            age: 22,
            next_birthday: "2027-01-01".into(),
        };
        assert_eq!(request_kind(Some(&p)), RequestKind::GetPaBack);
        p.age = 25;
        assert_eq!(request_kind(Some(&p)), RequestKind::ContactMe);
        p.age = 20;
        assert_eq!(request_kind(Some(&p)), RequestKind::ContactMe);
        assert_eq!(request_kind(None), RequestKind::ContactMe);
    }

    #[test]
    fn a_done_request_says_who_did_it() {
        let mut r = ContactRequest::from_fields(
            &request_fields(RequestKind::ContactMe, ContactHow::Call, "0151 496 0100", "", "", AT).unwrap(),
        )
        .unwrap();
        r.status = Some("done".into());
        r.handled_by = Some("Liz Carter".into());
        assert_eq!(status_words(&r, false), "Done by Liz Carter.");
    }
}
