//! The FHIR R4 datatypes the passport's resources use. Empty values are
//! left out, as FHIR requires (no empty strings, arrays or objects).

use serde::Serialize;

/// Where UK Core's profiles live: each resource names its own.
pub fn uk_core(profile: &str) -> Meta {
    Meta { profile: vec![format!("https://fhir.hl7.org.uk/StructureDefinition/UKCore-{profile}")], last_updated: None }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coding {
    pub system: &'static str,
    pub code: &'static str,
    pub display: &'static str,
}

/// Codes where we know one; the words always.
#[derive(Debug, Clone, Serialize)]
pub struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    pub text: String,
}

impl CodeableConcept {
    pub fn text(text: impl Into<String>) -> CodeableConcept {
        CodeableConcept { coding: vec![], text: text.into() }
    }

    pub fn coded(coding: Coding, text: impl Into<String>) -> CodeableConcept {
        CodeableConcept { coding: vec![coding], text: text.into() }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Reference {
    pub fn to(reference: String) -> Reference {
        Reference { reference: Some(reference), display: None }
    }

    /// Someone named but not in the bundle: "Sam Okafor (PA)".
    pub fn named(display: &str) -> Reference {
        Reference { reference: None, display: Some(display.to_string()) }
    }
}

/// A note: the entry's details.
#[derive(Debug, Clone, Serialize)]
pub struct Annotation {
    pub text: String,
}

/// Details and source, as notes.
pub fn notes(details: Option<&str>, source: Option<&str>) -> Vec<Annotation> {
    let mut out = Vec::new();
    if let Some(d) = details.map(str::trim).filter(|d| !d.is_empty()) {
        out.push(Annotation { text: d.to_string() });
    }
    if let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) {
        out.push(Annotation { text: format!("Source: {s}") });
    }
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct HumanName {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub given: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactPoint {
    pub system: &'static str,
    pub value: String,
    #[serde(rename = "use")]
    pub usage: &'static str,
}

/// Text that is not empty once trimmed (FHIR strings may not be blank).
pub fn words(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}
