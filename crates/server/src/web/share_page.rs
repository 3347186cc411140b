//! The page behind a share link (issue 19): `GET /share/{token}` asks for
//! the passcode, and the form's POST answers with her health passport,
//! read-only, or the form again with the problem in plain words. Rendered
//! here with no scripts and no account; every value from the database is
//! escaped. The GET never looks the token up, so the form alone says
//! nothing about whether a link exists. Its style sheet is
//! `/share/style.css` (this page's own CSP allows only that).

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathway_model::health::HealthKind;
use pathway_model::health::share::{SharedEntry, SharedPassport};
use serde::Deserialize;

use crate::auth::client_address::ClientAddress;
use crate::error::ApiError;
use crate::routes::health_share::open_link;
use crate::routes::my_copy::page::escape;
use crate::state::AppState;

const STYLE: &str = include_str!("share_page.css");
const CSP: &str = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// `GET /share/style.css`.
pub async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], STYLE)
        .into_response()
}

#[derive(Deserialize)]
pub struct PasscodeForm {
    #[serde(default)]
    passcode: String,
}

/// `GET /share/{token}`: the passcode form.
pub async fn form(Path(_token): Path<String>) -> Response {
    page(StatusCode::OK, "Type the passcode", &form_body(None), None)
}

/// `POST /share/{token}`: the passport, or the form with what went wrong.
pub async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(token): Path<String>,
    form: Result<Form<PasscodeForm>, FormRejection>,
) -> Response {
    let passcode = form.map(|Form(f)| f.passcode).unwrap_or_default();
    if passcode.trim().is_empty() {
        return page(StatusCode::OK, "Type the passcode", &form_body(Some(NO_PASSCODE)), None);
    }
    match open_link(&state, &token, &passcode, &address).await {
        Ok(passport) => {
            let title = format!("Health passport: {} {}", passport.first_name, passport.last_name);
            page(StatusCode::OK, &title, &passport_body(&passport), None)
        }
        Err(e) => {
            let (status, problem, retry) = match &e {
                ApiError::WrongPasscode => (StatusCode::UNAUTHORIZED, WRONG.to_string(), None),
                ApiError::TooManyAttempts { retry_after_secs } => {
                    let minutes = retry_after_secs.div_ceil(60);
                    let words = if minutes == 1 { "1 minute".to_string() } else { format!("{minutes} minutes") };
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        format!("{TOO_MANY} Try again in {words}."),
                        Some(*retry_after_secs),
                    )
                }
                ApiError::NotFound => return page(StatusCode::NOT_FOUND, "This link does not work", NOT_FOUND, None),
                _ => return e.into_response(),
            };
            page(status, "Type the passcode", &form_body(Some(&problem)), retry)
        }
    }
}

const NO_PASSCODE: &str = "Type the passcode. It is 6 numbers.";
const WRONG: &str = "That passcode is not right. Check it with the person who gave it to you.";
const TOO_MANY: &str = "There have been too many wrong passcodes, so this link is paused.";
const NOT_FOUND: &str = "<h1>This link does not work</h1>\
<p>It may have ended or expired, or the address may not be complete.</p>\
<p>Ask the person who shared it with you for a new link.</p>";

fn form_body(problem: Option<&str>) -> String {
    let (described, invalid, problem) = match problem {
        Some(p) => (
            "passcode-hint passcode-problem",
            " aria-invalid=\"true\"",
            format!("<p class=\"problem\" id=\"passcode-problem\">{}</p>", escape(p)),
        ),
        None => ("passcode-hint", "", String::new()),
    };
    format!(
        "<h1>See a health passport</h1>\
<p>Someone has shared their health passport with you. To see it, type the passcode they gave you.</p>\
<form method=\"post\">\
<label for=\"passcode\">Passcode</label>\
<p class=\"hint\" id=\"passcode-hint\">6 numbers, like 123456</p>{problem}\
<input id=\"passcode\" name=\"passcode\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\" \
maxlength=\"20\" aria-describedby=\"{described}\"{invalid} required>\
<div><button type=\"submit\">Show the passport</button></div>\
</form>"
    )
}

/// "14 March 2008" from "2008-03-14".
fn day_words(date: &str) -> String {
    pathway_model::date::parse(date).map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_else(|| date.to_string())
}

fn when_words(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%-d %B %Y at %H:%M UTC").to_string())
        .unwrap_or_default()
}

fn passport_body(p: &SharedPassport) -> String {
    let name = escape(&format!("{} {}", p.first_name, p.last_name));
    let mut out = format!("<h1>Health passport: {name}</h1>");
    if p.sample_data {
        out.push_str(
            "<p class=\"sample\">Sample data: this person and everything on this page are made up, for a demo.</p>",
        );
    }
    out.push_str("<dl class=\"facts\"><dt>Name</dt>");
    out.push_str(&format!("<dd>{name}</dd>"));
    if let Some(dob) = &p.date_of_birth {
        out.push_str(&format!("<dt>Date of birth</dt><dd>{}</dd>", escape(&day_words(dob))));
    }
    out.push_str("</dl>");
    out.push_str(&format!(
        "<p>This is her passport as it is now. You can read it but not change it. \
This link stops working on {}.</p>",
        escape(&when_words(p.expires_at))
    ));
    if p.entries.is_empty() {
        out.push_str("<p>There is nothing in this passport yet.</p>");
    }
    let mut kinds: Vec<HealthKind> = HealthKind::ALL.to_vec();
    kinds.sort_by_key(|k| k.passport_order());
    for kind in kinds {
        let of_kind: Vec<&SharedEntry> = p.entries.iter().filter(|e| e.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        out.push_str(&format!("<h2>{}</h2><ul class=\"entries\">", escape(kind.heading())));
        for e in of_kind {
            out.push_str(&entry_html(e));
        }
        out.push_str("</ul>");
    }
    out
}

fn entry_html(e: &SharedEntry) -> String {
    let mut out = format!("<li class=\"entry\"><h3>{}</h3>", escape(&e.title));
    let mut line = |label: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            out.push_str(&format!("<p><strong>{label}:</strong> {}</p>", escape(v)));
        }
    };
    line("Date", &e.date.as_deref().map(day_words));
    line("How bad", &e.severity);
    line("How much", &e.dose);
    line("Phone", &e.phone);
    line("Who in the family", &e.relation);
    line("Details", &e.details);
    line("Where it came from", &e.source);
    let by =
        if e.by_her { format!("Added by her ({})", e.recorded_by) } else { format!("Recorded by {}", e.recorded_by) };
    out.push_str(&format!("<p class=\"quiet\">{}</p></li>", escape(&by)));
    out
}

fn page(status: StatusCode, title: &str, body: &str, retry_after: Option<u64>) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"robots\" content=\"noindex, nofollow\">\
<title>{} - Pathway</title><link rel=\"stylesheet\" href=\"/share/style.css\"></head>\
<body><header><p>Pathway health passport</p></header><main>{body}</main></body></html>",
        escape(title)
    );
    let mut response = (status, axum::response::Html(html)).into_response();
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(HeaderName::from_static("x-robots-tag"), HeaderValue::from_static("noindex, nofollow"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    if let Some(v) = retry_after.and_then(|s| HeaderValue::from_str(&s.to_string()).ok()) {
        h.insert(header::RETRY_AFTER, v);
    }
    response
}
