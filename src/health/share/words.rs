//! The share page's words, decided here so they have plain tests: how a
//! link stands, when it was opened, and what went wrong.

use std::sync::OnceLock;

use pathway_model::ErrorCode;
use pathway_model::health::share::{DAYS_MAX, DAYS_MIN, LABEL_MAX, LinkState, ShareLink, ShareLinkProblem};

use crate::api::ApiError;
use crate::i18n::{k, number, t, tf, tp};
use crate::ui::form::Choice;

/// A message with numbers in it, filled once and kept for the page (its
/// language doesn't change until it reloads), for a field's problem, which
/// is a `&'static str`.
fn kept(cell: &'static OnceLock<String>, make: impl FnOnce() -> String) -> &'static str {
    cell.get_or_init(make)
}

/// A problem with what she typed, in her words (the model's rule decides).
pub fn problem_words(p: &ShareLinkProblem) -> &'static str {
    static TOO_LONG: OnceLock<String> = OnceLock::new();
    static DAYS: OnceLock<String> = OnceLock::new();
    match p {
        ShareLinkProblem::NoLabel => t(k::HEALTH_SHARE_PROBLEM_NO_LABEL),
        ShareLinkProblem::LabelTooLong => {
            kept(&TOO_LONG, || tf(k::HEALTH_SHARE_PROBLEM_LABEL_TOO_LONG, &[("max", &number(LABEL_MAX as u32))]))
        }
        ShareLinkProblem::Days => {
            kept(&DAYS, || tf(k::HEALTH_SHARE_PROBLEM_DAYS, &[("min", &number(DAYS_MIN)), ("max", &number(DAYS_MAX))]))
        }
    }
}

/// What she was doing when the server did not answer as it should.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Make,
    End,
}

/// A link the server did not make or end.
pub fn server_words(e: &ApiError, doing: Doing) -> String {
    if e.is_unreachable() {
        return t(k::UI_LOAD_OFFLINE_NOT_SENT).to_string();
    }
    match e {
        ApiError::Api { code: ErrorCode::ValidationFailed, message, .. } if !message.is_empty() => message.clone(),
        ApiError::Api { code: ErrorCode::NotFound, .. } => t(k::HEALTH_SHARE_GONE).to_string(),
        _ => match doing {
            Doing::Make => t(k::HEALTH_SHARE_NEW_FAILED),
            Doing::End => t(k::HEALTH_SHARE_LINKS_END_FAILED),
        }
        .to_string(),
    }
}

/// "Open until 4 December 2026 at 14:32", "Ended", "Expired".
/// `when` writes a time in words (`clock::day_and_clock`).
pub fn state_words(link: &ShareLink, now_ms: i64, when: impl Fn(i64) -> String) -> String {
    match link.state(now_ms) {
        LinkState::Open => tf(k::HEALTH_SHARE_STATE_OPEN, &[("when", &when(link.expires_at))]),
        LinkState::Ended if link.ended_by_wrong_passcodes => t(k::HEALTH_SHARE_STATE_ENDED_WRONG_PASSCODES).to_string(),
        LinkState::Ended => {
            tf(k::HEALTH_SHARE_STATE_ENDED, &[("when", &when(link.ended_at.unwrap_or(link.expires_at)))])
        }
        LinkState::Expired => tf(k::HEALTH_SHARE_STATE_EXPIRED, &[("when", &when(link.expires_at))]),
    }
}

/// "Not opened yet", or "Opened 2 times: 1 Dec 14:05, 1 Dec 09:30".
pub fn openings_words(openings: &[i64], when: impl Fn(i64) -> String) -> String {
    if openings.is_empty() {
        return t(k::HEALTH_SHARE_OPENINGS_NONE).to_string();
    }
    let times: Vec<String> = openings.iter().map(|t| when(*t)).collect();
    let n = openings.len() as u32;
    tp(k::HEALTH_SHARE_OPENINGS_COUNT, n, &[("times", &times.join(", "))])
}

/// How long a link works: the model's `DAYS_MIN` to `DAYS_MAX`, in words
/// ("1 day", "2 days").
pub fn day_choices() -> Vec<Choice> {
    static CHOICES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    CHOICES
        .get_or_init(|| (DAYS_MIN..=DAYS_MAX).map(|d| (d.to_string(), tp(k::HEALTH_SHARE_DAYS, d, &[]))).collect())
        .iter()
        .map(|(value, words)| (value.as_str(), words.as_str()))
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn link(ended_at: Option<i64>, by_wrong: bool) -> ShareLink {
        ShareLink {
            id: Uuid::nil(),
            label: "New GP".into(),
            made_at: 0,
            expires_at: 100,
            ended_at,
            ended_by_wrong_passcodes: by_wrong,
            openings: vec![],
        }
    }
    fn at(ms: i64) -> String {
        format!("t{ms}")
    }

    #[test]
    fn a_link_says_whether_it_is_open_ended_or_expired() {
        assert_eq!(state_words(&link(None, false), 50, at), "Open until t100");
        assert_eq!(state_words(&link(None, false), 100, at), "Expired on t100");
        assert_eq!(state_words(&link(Some(60), false), 70, at), "Ended on t60");
        assert!(state_words(&link(Some(60), true), 70, at).contains("wrong passcode too many times"));
    }

    #[test]
    fn openings_are_counted_and_each_time_is_named() {
        assert_eq!(openings_words(&[], at), "Not opened yet");
        assert_eq!(openings_words(&[5], at), "Opened 1 time: t5");
        assert_eq!(openings_words(&[9, 5], at), "Opened 2 times: t9, t5");
    }

    #[test]
    fn problems_read_in_plain_words() {
        assert!(problem_words(&ShareLinkProblem::NoLabel).contains("who the link is for"));
        assert_eq!(problem_words(&ShareLinkProblem::LabelTooLong), "Keep who it is for shorter (80 letters at most).");
        let days: Vec<u32> = day_choices().iter().map(|(d, _)| d.parse().unwrap()).collect();
        assert_eq!(days, (DAYS_MIN..=DAYS_MAX).collect::<Vec<_>>(), "one choice for each day the model allows");
        assert_eq!(day_choices()[0].1, "1 day");
        assert_eq!(day_choices()[6].1, "7 days");
        let offline = server_words(&ApiError::Offline, Doing::Make);
        assert_eq!(offline, t(k::UI_LOAD_OFFLINE_NOT_SENT));
        let refused = ApiError::Api {
            status: 422,
            code: ErrorCode::ValidationFailed,
            message: "A link can last from 1 to 7 days.".into(),
        };
        assert_eq!(server_words(&refused, Doing::Make), "A link can last from 1 to 7 days.");
        let broken = ApiError::Api { status: 500, code: ErrorCode::Internal, message: "boom".into() };
        assert_eq!(server_words(&broken, Doing::Make), "We couldn't make the link just now. Try again in a minute.");
    }
}
