//! Making a share link: who it is for and how many days, then the link and
//! its passcode, shown this once (the server keeps only the passcode's hash).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::health::share::{LABEL_MAX, NewShareLink, ShareLinkMade};

use super::words::{Doing, day_choices, problem_words, server_words};
use crate::api::health_share::make_share_link;
use crate::clock::day_and_clock;
use crate::i18n::{k, t, tf};
use crate::ui::form::{SelectField, TextField};

/// The address to give: this server's origin and the link's path.
fn full_link(path: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{path}")
}

/// `made` is told about each new link (the list shows it).
#[component]
pub fn MakeLink(made: impl Fn() + Copy + 'static) -> impl IntoView {
    let label = RwSignal::new(String::new());
    let days = RwSignal::new("3".to_string());
    let problem = RwSignal::new(None::<&'static str>);
    let days_problem = RwSignal::new(None::<&'static str>);
    let said = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let result = RwSignal::new(None::<ShareLinkMade>);
    let result_ref = NodeRef::<html::Div>::new();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let new = NewShareLink {
            label: label.get_untracked().trim().to_string(),
            days: days.get_untracked().parse().unwrap_or(0),
        };
        problem.set(None);
        days_problem.set(None);
        said.set(None);
        if let Err(p) = new.check() {
            let field = if p.field() == "days" { days_problem } else { problem };
            field.set(Some(problem_words(&p)));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let answer = make_share_link(&new).await;
            busy.set(false);
            match answer {
                Ok(m) => {
                    label.set(String::new());
                    result.set(Some(m));
                    made();
                    request_animation_frame(move || {
                        if let Some(el) = result_ref.get_untracked() {
                            let _ = el.focus();
                        }
                    });
                }
                Err(e) => said.set(Some(server_words(&e, Doing::Make))),
            }
        });
    };

    view! {
        <div class="share__made" tabindex="-1" node_ref=result_ref>
            {move || result.get().map(|m| view! { <Made made=m/> })}
        </div>
        <section class="card" aria-labelledby="share-new">
            <h2 id="share-new">{t(k::HEALTH_SHARE_NEW_HEADING)}</h2>
            <form class="form" on:submit=on_submit novalidate=true>
                <TextField id="share-label" label=t(k::HEALTH_SHARE_NEW_WHO) hint=t(k::HEALTH_SHARE_NEW_WHO_HINT)
                    value=label problem=problem max=LABEL_MAX/>
                <SelectField id="share-days" label=t(k::HEALTH_SHARE_NEW_HOW_LONG) choices=day_choices() value=days problem=days_problem/>
                <p class="error-message" role="alert">{move || said.get()}</p>
                <button type="submit" class="button" disabled=move || busy.get()>{t(k::HEALTH_SHARE_NEW_SUBMIT)}</button>
            </form>
        </section>
    }
}

/// The new link and its passcode, with copy buttons.
#[component]
fn Made(made: ShareLinkMade) -> impl IntoView {
    let link = full_link(&made.path);
    let until = day_and_clock(made.link.expires_at);
    view! {
        <section class="card share__new" aria-labelledby="share-made">
            <h2 id="share-made">{tf(k::HEALTH_SHARE_MADE_HEADING, &[("label", &made.link.label)])}</h2>
            <p><strong>{t(k::HEALTH_SHARE_MADE_ONLY_ONCE)}</strong>" "{t(k::HEALTH_SHARE_MADE_COPY_NOW)}</p>
            <Copyable id="share-link" label=t(k::HEALTH_SHARE_MADE_LINK) copy=t(k::HEALTH_SHARE_MADE_COPY_LINK) value=link/>
            <Copyable id="share-passcode" label=t(k::HEALTH_SHARE_MADE_PASSCODE) copy=t(k::HEALTH_SHARE_MADE_COPY_PASSCODE) value=made.passcode/>
            <p>{tf(k::HEALTH_SHARE_MADE_GIVE_SEPARATELY, &[("until", &until)])}</p>
        </section>
    }
}

/// A value to give someone, with a button that copies it.
#[component]
fn Copyable(id: &'static str, label: &'static str, copy: &'static str, value: String) -> impl IntoView {
    let copied = RwSignal::new(None::<&'static str>);
    let text = value.clone();
    let on_copy = move |_| {
        let Some(w) = web_sys::window() else { return };
        let promise = w.navigator().clipboard().write_text(&text);
        spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(if ok { t(k::HEALTH_SHARE_COPY_DONE) } else { t(k::HEALTH_SHARE_COPY_FAILED) }));
        });
    };
    view! {
        <div class="share__value">
            <p class="share__label" id=format!("{id}-label")>{label}</p>
            <p class="share__text" id=id>{value}</p>
            <button type="button" class="button button--secondary" aria-describedby=format!("{id}-label") on:click=on_copy>
                {copy}
            </button>
            <p class="hint" role="status">{move || copied.get()}</p>
        </div>
    }
}
