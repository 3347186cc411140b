//! Her copy as a page to read, print or save as a PDF: server-rendered,
//! every word from the database escaped, no scripts, one style sheet allowed
//! by its hash.

use std::sync::LazyLock;

use axum::http::HeaderValue;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use super::*;

const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:1rem auto;\
padding:0 1rem;color:#1a1a1a}h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}\
h3{font-size:1.1rem}dt{font-weight:bold}dd{margin:0 0 .5rem 1rem;white-space:pre-wrap}\
section.record{border:1px solid #ccc;border-radius:4px;padding:0 1rem;margin:1rem 0;break-inside:avoid}\
@media print{body{max-width:none}}";

pub(super) static PAGE_CSP: LazyLock<HeaderValue> = LazyLock::new(|| {
    let hash = STANDARD.encode(Sha256::digest(STYLE.as_bytes()));
    HeaderValue::from_str(&format!(
        "default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
});

/// Text made safe to put in HTML, in an element or an attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn when(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%-d %B %Y at %H:%M UTC").to_string())
        .unwrap_or_else(|| ms.to_string())
}

fn kind_words(kind: &str) -> String {
    match EntityKind::parse(kind) {
        Some(EntityKind::Topic) => "Something to talk about".into(),
        Some(EntityKind::Entitlement) => "Something from your council's offer".into(),
        Some(EntityKind::HealthEntry) => "Health history".into(),
        Some(EntityKind::PlanSection) => "Part of your pathway plan".into(),
        Some(EntityKind::PlanComment) => "Your comment on your plan".into(),
        Some(EntityKind::PlanReview) => "Your plan's reviews".into(),
        Some(EntityKind::ContactRequest) => "A request to your council".into(),
        Some(EntityKind::UnsafeAlert) => "An \"I feel unsafe\" alert".into(),
        Some(EntityKind::Contact) => "A time your PA was in touch".into(),
        Some(EntityKind::AgreedAction) => "Something you and your PA agreed".into(),
        None => kind.replace('_', " "),
    }
}

fn label(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

fn value_text(key: &str, v: &serde_json::Value) -> Option<String> {
    use serde_json::Value::*;
    match v {
        Null => None,
        String(s) if s.is_empty() => None,
        String(s) => Some(s.clone()),
        Bool(b) => Some(if *b { "Yes" } else { "No" }.into()),
        Number(n) if key.ends_with("_at") => n.as_i64().map(when).or_else(|| Some(n.to_string())),
        Number(n) => Some(n.to_string()),
        other => Some(other.to_string()),
    }
}

fn dl(out: &mut String, rows: &[(&str, Option<String>)]) {
    out.push_str("<dl>");
    for (name, value) in rows {
        if let Some(v) = value {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>", escape(name), escape(v)));
        }
    }
    out.push_str("</dl>");
}

fn contact(out: &mut String, c: &Contact) {
    out.push_str(&format!("<h3>{}</h3>", escape(&c.role)));
    dl(
        out,
        &[
            ("Name", Some(c.name.clone())),
            ("Phone", c.phone.clone()),
            ("Email", c.email.clone()),
            ("When", c.hours.clone()),
        ],
    );
}

/// The page. Every word from the database goes through `escape`.
pub(super) fn render(copy: &MyCopy) -> String {
    let you = &copy.you;
    let name = format!("{} {}", you.first_name, you.last_name);
    let mut o = String::new();
    o.push_str("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    o.push_str(&format!("<title>Everything Pathway holds about {}</title>", escape(&name)));
    o.push_str(&format!("<style>{STYLE}</style></head><body><main>"));
    o.push_str(&format!("<h1>Everything Pathway holds about {}</h1>", escape(&name)));
    o.push_str(&format!(
        "<p>{} Made on {}. To keep it, print this page or save it as a PDF.</p>",
        escape(ABOUT),
        escape(&when(copy.made_at))
    ));

    o.push_str("<h2>You</h2>");
    dl(
        &mut o,
        &[
            ("Name", Some(name.clone())),
            ("Username", Some(you.username.clone())),
            ("Date of birth", you.date_of_birth.clone()),
            ("Legal status", you.legal_status.as_ref().map(|s| s.replace('_', " "))),
            (
                "Your circumstances",
                (!you.circumstances.is_empty())
                    .then(|| you.circumstances.iter().map(|c| c.replace('_', " ")).collect::<Vec<_>>().join(", ")),
            ),
            ("Phone", you.phone.clone()),
            ("Email", you.email.clone()),
            ("Last contact with your PA", you.last_contact_with_your_pa.clone()),
            ("Account made", you.account_made_at.map(when)),
            ("Passphrase last set", you.passphrase_set_at.map(when)),
        ],
    );

    o.push_str("<h2>Your council</h2>");
    let c = &copy.council;
    dl(
        &mut o,
        &[
            ("Council", Some(c.name.clone())),
            ("Leaving care team phone", c.team_phone.clone()),
            ("Leaving care team email", c.team_email.clone()),
            ("Out-of-hours duty team", c.duty_phone.clone()),
            ("Duty team hours", c.duty_hours.clone()),
        ],
    );

    o.push_str("<h2>People around you</h2>");
    match &copy.personal_advisor {
        Some(pa) => contact(&mut o, pa),
        None => o.push_str("<p>You do not have a personal advisor at the moment.</p>"),
    }
    for c in &copy.people_around_you {
        contact(&mut o, c);
    }

    o.push_str(&format!("<h2>Your records ({})</h2>", copy.records.len()));
    if copy.records.is_empty() {
        o.push_str("<p>There are no records yet.</p>");
    }
    for r in &copy.records {
        o.push_str("<section class=\"record\">");
        o.push_str(&format!("<h3>{}</h3>", escape(&kind_words(&r.kind))));
        let mut rows: Vec<(String, Option<String>)> = vec![
            ("Who can see it".into(), Some(if r.your_pa_can_see_it { "You and your PA" } else { "Only you" }.into())),
            ("First saved".into(), r.created_at.map(when)),
            ("Last changed".into(), Some(when(r.updated_at))),
        ];
        if let Some(fields) = r.fields.as_object() {
            for (k, v) in fields {
                rows.push((label(k), value_text(k, v)));
            }
        }
        let borrowed: Vec<(&str, Option<String>)> = rows.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        dl(&mut o, &borrowed);
        o.push_str("</section>");
    }

    o.push_str("<h2>Who did what</h2>");
    if copy.who_did_what.is_empty() {
        o.push_str("<p>Nothing yet.</p>");
    } else {
        o.push_str("<ul>");
        for e in &copy.who_did_what {
            o.push_str(&format!("<li>{}: {} {}</li>", escape(&when(e.at)), escape(&e.who), escape(&e.what)));
        }
        o.push_str("</ul>");
    }
    o.push_str("</main></body></html>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_from_the_database_cannot_become_markup() {
        assert_eq!(escape("<b>Jade & \"Co\"</b>'"), "&lt;b&gt;Jade &amp; &quot;Co&quot;&lt;/b&gt;&#39;");
    }

    #[test]
    fn the_style_sheet_is_allowed_by_its_hash_and_nothing_else_is() {
        let csp = PAGE_CSP.to_str().unwrap();
        assert!(csp.starts_with("default-src 'none'; style-src 'sha256-"));
        assert!(!csp.contains("script"));
    }
}
