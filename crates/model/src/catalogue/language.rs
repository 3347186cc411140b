//! The languages Pathway's screens come in, and what each needs: its code
//! for `lang` and the catalogue's file name, its direction, the name it calls
//! itself in the chooser, and whether a computer translated it (the banner).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    English,
    /// Written right to left.
    Arabic,
    /// Shqip: the language of many young people who came from Albania.
    Albanian,
}

impl Language {
    /// The chooser's order: English first (the source), then by code.
    pub const ALL: [Language; 3] = [Language::English, Language::Arabic, Language::Albanian];

    /// The BCP 47 code: `lang` on the page, the catalogue's name
    /// (`locales/ar.json`), and what the browser's Intl and speech take.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en-GB",
            Language::Arabic => "ar",
            Language::Albanian => "sq",
        }
    }

    /// The language a code names, by its first part (`ar-EG` is Arabic,
    /// `en-US` English), as `navigator.languages` lists them.
    pub fn from_code(code: &str) -> Option<Language> {
        let first = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code().split('-').next() == Some(first.as_str()))
    }

    pub fn right_to_left(self) -> bool {
        self == Language::Arabic
    }

    /// Its own name, which is how someone who cannot read English finds it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Arabic => "العربية",
            Language::Albanian => "Shqip",
        }
    }

    /// Every language but the source was translated by a computer, and says
    /// so on every screen.
    pub fn machine_translated(self) -> bool {
        self != Language::English
    }

    /// The catalogue's file name without `.json` (`ar`, `sq`); English is
    /// compiled into the app and has none.
    pub fn file_stem(self) -> &'static str {
        self.code().split('-').next().unwrap_or("en")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_language_finds_ours_by_its_first_part() {
        assert_eq!(Language::from_code("ar-EG"), Some(Language::Arabic));
        assert_eq!(Language::from_code("en-US"), Some(Language::English));
        assert_eq!(Language::from_code("SQ"), Some(Language::Albanian));
        assert_eq!(Language::from_code("fr-FR"), None);
        assert_eq!(Language::from_code(""), None);
    }

    #[test]
    fn only_arabic_is_right_to_left_and_only_english_is_not_machine_translated() {
        let rtl: Vec<_> = Language::ALL.into_iter().filter(|l| l.right_to_left()).collect();
        assert_eq!(rtl, [Language::Arabic]);
        assert!(!Language::English.machine_translated());
        assert!(Language::Albanian.machine_translated());
        assert_eq!(Language::Albanian.file_stem(), "sq");
    }
}
