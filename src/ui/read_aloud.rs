//! "Read aloud" (issue 17): the browser's own speech synthesis reads a
//! page's main text in the page's language, and stops when asked or when
//! she leaves the page. Nothing is sent anywhere: the voice is the phone's.
//! Where the phone has no voice for the language, it says so plainly
//! instead of reading Arabic with an English voice.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::i18n::{self, k, t};

/// Why it could not start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CannotRead {
    /// No speech synthesis in this browser at all.
    NoSpeech,
    /// Speech, but no voice for the page's language.
    NoVoice,
}

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// A voice whose language is the page's (by the part before `-`): `ar-SA`
/// reads an `ar` page.
fn voice_for(synth: &SpeechSynthesis, code: &str) -> Option<SpeechSynthesisVoice> {
    let wanted = code.split('-').next().unwrap_or(code);
    synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .find(|v| v.lang().split(['-', '_']).next().is_some_and(|l| l.eq_ignore_ascii_case(wanted)))
}

thread_local! {
    /// Which reading is the latest: a cancelled one's end event comes
    /// after the next has started, and must not mark that one finished.
    static LATEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Starts reading `text`; `done` runs when this reading finishes or is cut
/// off (not when an earlier one's end event arrives late).
fn speak(text: &str, done: impl Fn() + 'static) -> Result<(), CannotRead> {
    let synth = synth().ok_or(CannotRead::NoSpeech)?;
    let code = i18n::language().code();
    let voice = voice_for(&synth, code).ok_or(CannotRead::NoVoice)?;
    let utterance = SpeechSynthesisUtterance::new_with_text(text).map_err(|_| CannotRead::NoSpeech)?;
    utterance.set_lang(code);
    utterance.set_voice(Some(&voice));
    // Slower than the default: easier to follow for someone still learning
    // the language or who finds reading hard.
    utterance.set_rate(0.9);
    let this = LATEST.with(|l| {
        l.set(l.get().wrapping_add(1));
        l.get()
    });
    let done = Closure::<dyn Fn()>::new(move || {
        if LATEST.with(std::cell::Cell::get) == this {
            done();
        }
    });
    utterance.set_onend(Some(done.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(done.as_ref().unchecked_ref()));
    // Lives as long as the page: one small closure per time she taps.
    done.forget();
    // Whatever another button started stops first.
    synth.cancel();
    synth.speak(&utterance);
    Ok(())
}

fn stop() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}

/// The words of the element with id `of`, as the page shows them now
/// (`innerText`: what is hidden is not read).
fn words_of(of: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(of))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.inner_text())
        .unwrap_or_default()
}

/// A button that reads aloud the main text of the page (the element with
/// id `of`) and, while reading, stops it.
#[component]
pub fn ReadAloud(of: &'static str) -> impl IntoView {
    let reading = RwSignal::new(false);
    let problem = RwSignal::new(None::<CannotRead>);
    // Leaving the page stops the voice: it must not read on over the next
    // screen (or after Quick exit).
    on_cleanup(stop);
    // Asking once starts the browser loading its voices (Chrome answers
    // with none the first time), so they are there when she taps.
    if let Some(synth) = synth() {
        let _ = synth.get_voices();
    }
    let toggle = move |_| {
        if reading.get_untracked() {
            stop();
            reading.set(false);
            return;
        }
        match speak(&words_of(of), move || reading.set(false)) {
            Ok(()) => {
                problem.set(None);
                reading.set(true);
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    view! {
        <div class="read-aloud">
            <button type="button" class="button button--secondary button--small" on:click=toggle>
                {move || if reading.get() { t(k::LANGUAGE_READ_ALOUD_STOP) } else { t(k::LANGUAGE_READ_ALOUD_START) }}
            </button>
            <p class="hint" role="status">
                {move || match problem.get() {
                    Some(CannotRead::NoVoice) => t(k::LANGUAGE_READ_ALOUD_NO_VOICE),
                    Some(CannotRead::NoSpeech) => t(k::LANGUAGE_READ_ALOUD_NO_SPEECH),
                    None => "",
                }}
            </p>
        </div>
    }
}
