//! A one-time code, shown big to hand over in person: the code to read
//! out, the QR code to scan, the username and until when it works. Used
//! for a new member of staff's set-up code (manager) and a young person's
//! invite or reset code (PA).

use leptos::prelude::*;
use pathway_model::code::CodePurpose;
use pathway_model::council::OneTimeCode;

use crate::clock;

/// "K7QM-4PXD" as a screen reader should say it, one character at a time:
/// "K 7 Q M, 4 P X D".
pub fn spelled_out(code: &str) -> String {
    code.split('-')
        .map(|group| group.chars().map(String::from).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What to do with the code, in plain words.
fn how_to_give(code: &OneTimeCode, until: &str) -> Vec<String> {
    let name = &code.first_name;
    match code.purpose {
        CodePurpose::StaffSetUp => vec![
            format!("This code works once, until {until}. Give it to {name} in person."),
            format!("{name} scans the QR code, or types the code on the sign-in page, then chooses a passphrase."),
        ],
        CodePurpose::Invite => vec![
            format!("Read the code out or let {name} scan it. It works once, for 7 days (until {until})."),
            "A new code stops the old one working.".to_string(),
        ],
        CodePurpose::Reset => vec![
            format!("Read the code out or let {name} scan it. It works once, for 7 days (until {until})."),
            format!("{name} chooses a new passphrase with it. Nothing {name} has saved is lost."),
            "A new code stops the old one working.".to_string(),
        ],
    }
}

/// The code, big and readable, with its QR code. Its heading takes the
/// focus when it appears, so a screen reader starts here.
#[component]
pub fn CodeCard(code: OneTimeCode) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let until = clock::day_and_clock(code.expires_at);
    let what = if code.purpose == CodePurpose::StaffSetUp { "set-up code" } else { "code" };
    let qr_label = format!("QR code for {}'s {what}", code.first_name);
    view! {
        <section class="card code-card" aria-labelledby="code-heading">
            <h2 id="code-heading" tabindex="-1" node_ref=heading>{format!("{}'s {what}", code.first_name)}</h2>
            <p class="code-card__code">
                <span aria-hidden="true">{code.code.clone()}</span>
                <span class="visually-hidden">{spelled_out(&code.code)}</span>
            </p>
            <div class="code-card__qr" role="img" aria-label=qr_label inner_html=code.qr_svg.clone()></div>
            <dl class="facts facts--inline">
                <div><dt>"Username"</dt><dd>{code.username.clone()}</dd></div>
                <div><dt>"Works until"</dt><dd>{until.clone()}</dd></div>
            </dl>
            {how_to_give(&code, &until).into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_read_out_one_character_at_a_time() {
        assert_eq!(spelled_out("K7QM-4PXD"), "K 7 Q M, 4 P X D");
    }

    #[test]
    fn a_reset_code_says_nothing_is_lost() {
        let code = OneTimeCode {
            person_id: uuid::Uuid::nil(),
            first_name: "Jade".into(),
            username: "jade.w".into(),
            code: "K7QM-4PXD".into(),
            purpose: CodePurpose::Reset,
            expires_at: 0,
            qr_svg: String::new(),
        };
        let lines = how_to_give(&code, "1 May 2026 at 10:00").join(" ");
        assert!(lines.contains("Nothing Jade has saved is lost."), "{lines}");
        assert!(lines.contains("until 1 May 2026 at 10:00"), "{lines}");
    }
}
