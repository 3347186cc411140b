//! The share page's words, decided here so they have plain tests: how a
//! link stands, when it was opened, and what went wrong.

use pathway_model::ErrorCode;
use pathway_model::health::share::{LinkState, ShareLink, ShareLinkProblem};

use crate::api::ApiError;

/// A problem with what she typed, in her words (the model's rule decides).
pub fn problem_words(p: &ShareLinkProblem) -> &'static str {
    match p {
        ShareLinkProblem::NoLabel => "Write who the link is for, like \"New GP\".",
        ShareLinkProblem::LabelTooLong => "Keep who it is for shorter (80 letters at most).",
        ShareLinkProblem::Days => "Choose from 1 to 7 days.",
    }
}

/// A link the server did not make or end.
pub fn server_words(e: &ApiError, doing: &str) -> String {
    if e.is_unreachable() {
        return crate::ui::load::OFFLINE_NOT_SENT.to_string();
    }
    match e {
        ApiError::Api { code: ErrorCode::ValidationFailed, message, .. } if !message.is_empty() => message.clone(),
        ApiError::Api { code: ErrorCode::NotFound, .. } => "That link has already gone.".to_string(),
        _ => format!("We couldn't {doing} just now. Try again in a minute."),
    }
}

/// "Open until 4 December 2026 at 14:32", "Ended", "Expired".
/// `when` writes a time in words (`clock::day_and_clock`).
pub fn state_words(link: &ShareLink, now_ms: i64, when: impl Fn(i64) -> String) -> String {
    match link.state(now_ms) {
        LinkState::Open => format!("Open until {}", when(link.expires_at)),
        LinkState::Ended if link.ended_by_wrong_passcodes => {
            "Ended, because someone typed a wrong passcode too many times".to_string()
        }
        LinkState::Ended => format!("Ended on {}", when(link.ended_at.unwrap_or(link.expires_at))),
        LinkState::Expired => format!("Expired on {}", when(link.expires_at)),
    }
}

/// "Not opened yet", or "Opened 2 times: 1 Dec 14:05, 1 Dec 09:30".
pub fn openings_words(openings: &[i64], when: impl Fn(i64) -> String) -> String {
    if openings.is_empty() {
        return "Not opened yet".to_string();
    }
    let times: Vec<String> = openings.iter().map(|t| when(*t)).collect();
    let n = openings.len() as u32;
    format!("Opened {}: {}", crate::words::count(n, "time", "times"), times.join(", "))
}

/// How long a link works: the model's `DAYS_MIN` to `DAYS_MAX`, in words.
pub const DAY_CHOICES: [(&str, &str); 7] = [
    ("1", "1 day"),
    ("2", "2 days"),
    ("3", "3 days"),
    ("4", "4 days"),
    ("5", "5 days"),
    ("6", "6 days"),
    ("7", "7 days"),
];

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
        use pathway_model::health::share::{DAYS_MAX, DAYS_MIN};
        let days: Vec<u32> = DAY_CHOICES.iter().map(|(d, _)| d.parse().unwrap()).collect();
        assert_eq!(days, (DAYS_MIN..=DAYS_MAX).collect::<Vec<_>>(), "one choice for each day the model allows");
        let offline = server_words(&ApiError::Offline, "make the link");
        assert_eq!(offline, crate::ui::load::OFFLINE_NOT_SENT);
        let refused = ApiError::Api {
            status: 422,
            code: ErrorCode::ValidationFailed,
            message: "A link can last from 1 to 7 days.".into(),
        };
        assert_eq!(server_words(&refused, "make the link"), "A link can last from 1 to 7 days.");
        let broken = ApiError::Api { status: 500, code: ErrorCode::Internal, message: "boom".into() };
        assert_eq!(
            server_words(&broken, "make the link"),
            "We couldn't make the link just now. Try again in a minute."
        );
    }
}
