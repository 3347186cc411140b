//! Which language a page shows: the one chosen on this phone, else the
//! first of the browser's languages we have, else English.

use pathway_model::catalogue::Language;

/// Where the choice is kept on the phone. public/login.js reads and writes
/// the same key, and signing out keeps it (it says nothing about her).
pub const SAVED_LANGUAGE: &str = "pathway.language";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language for this page.
pub fn chosen() -> Language {
    if let Some(language) = saved() {
        return language;
    }
    let Some(window) = web_sys::window() else { return Language::English };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|code| code.as_string())
        .find_map(|code| Language::from_code(&code))
        .unwrap_or(Language::English)
}

/// Sets `lang` and `dir` on the page, so screen readers pronounce it right
/// and the layout (logical CSS properties) mirrors for right to left.
pub fn mark_page(language: Language) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.set_attribute("lang", language.code());
    let _ = root.set_attribute("dir", if language.right_to_left() { "rtl" } else { "ltr" });
}

/// Keeps `language` on this phone and shows the page again in it. A reload
/// of the app, which the service worker serves from the phone.
pub fn set_language(language: Language) {
    if let Some(s) = storage() {
        let _ = s.set_item(SAVED_LANGUAGE, language.file_stem());
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Whether this phone has a saved choice (the account's language is used
/// only when it has none).
pub fn saved() -> Option<Language> {
    storage().and_then(|s| s.get_item(SAVED_LANGUAGE).ok().flatten()).as_deref().and_then(Language::from_code)
}
