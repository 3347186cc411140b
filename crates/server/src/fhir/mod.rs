//! Her health passport as a FHIR R4 Bundle (issue 19, `GET /me/health/fhir`),
//! so a GP's or hospital's system can read it. Small typed structs for just
//! the resources we write, rather than a generated FHIR crate: the one
//! well-kept R4 model in Rust (fhirbolt) costs minutes of compile on this
//! machine for a few hundred lines of output (figures in the issue-19 note).
//! Each resource claims its UK Core profile; `scripts/validate-fhir` checks
//! the result with an independent library (Python's `fhir.resources`).
//!
//! - `types`: the datatypes every resource uses (Coding, CodeableConcept, …).
//! - `codes`: the few SNOMED CT codes we know for what the demo records.
//! - `people`: Patient (her) and Practitioner (her GP, dentist, optician).
//! - `clinical`: allergies, medicines, conditions, family health, jabs and
//!   birth details, one resource each.
//!
//! Only what `share::in_passport` lets through is written; notes and
//! appointments have no fitting UK Core resource for a summary like this
//! and are left out (the share page shows them).

mod clinical;
mod codes;
mod people;
mod types;

use pathway_model::health::{HealthEntry, HealthKind, share::passport_of};
use serde::Serialize;
use uuid::Uuid;

pub use types::*;

/// Who the passport is about.
pub struct Subject<'a> {
    pub id: Uuid,
    pub first_name: &'a str,
    pub last_name: &'a str,
    /// "2008-03-14".
    pub date_of_birth: Option<&'a str>,
}

/// One resource of the bundle, named by its `resourceType`.
#[derive(Debug, Serialize)]
#[serde(tag = "resourceType")]
pub enum Resource {
    Patient(people::Patient),
    Practitioner(people::Practitioner),
    AllergyIntolerance(clinical::AllergyIntolerance),
    MedicationStatement(clinical::MedicationStatement),
    Condition(clinical::Condition),
    Immunization(clinical::Immunization),
    FamilyMemberHistory(clinical::FamilyMemberHistory),
    Observation(clinical::Observation),
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleEntry {
    pub full_url: String,
    pub resource: Resource,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    pub resource_type: &'static str,
    pub id: String,
    pub meta: Meta,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// When it was made (an `instant`).
    pub timestamp: String,
    pub entry: Vec<BundleEntry>,
}

fn urn(id: Uuid) -> String {
    format!("urn:uuid:{id}")
}

/// Her passport as a Bundle of type "collection": her Patient first, then
/// each entry in the passport, in the passport's order. `entries`: her
/// health entries with their record ids, every one of them; this function
/// keeps only those `in_passport` allows.
pub fn passport_bundle(who: &Subject, entries: &[(Uuid, HealthEntry)], now_ms: i64) -> Bundle {
    let patient = Reference::to(urn(who.id));
    let kept = passport_of(entries, |(_, e)| e);
    let mut entry = vec![BundleEntry { full_url: urn(who.id), resource: Resource::Patient(people::patient(who)) }];
    for (id, e) in kept {
        let resource = match e.kind {
            HealthKind::Allergy => Resource::AllergyIntolerance(clinical::allergy(*id, e, &patient)),
            HealthKind::Medicine => Resource::MedicationStatement(clinical::medicine(*id, e, &patient)),
            HealthKind::Condition => Resource::Condition(clinical::condition(*id, e, &patient)),
            HealthKind::Immunisation => Resource::Immunization(clinical::jab(*id, e, &patient)),
            HealthKind::FamilyHistory => Resource::FamilyMemberHistory(clinical::family(*id, e, &patient)),
            HealthKind::Birth => Resource::Observation(clinical::birth(*id, e, &patient)),
            HealthKind::Practitioner => Resource::Practitioner(people::practitioner(*id, e)),
            HealthKind::Appointment | HealthKind::Note => continue,
        };
        entry.push(BundleEntry { full_url: urn(*id), resource });
    }
    let timestamp = chrono::DateTime::from_timestamp_millis(now_ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    Bundle {
        resource_type: "Bundle",
        id: Uuid::now_v7().to_string(),
        meta: Meta { profile: vec![], last_updated: Some(timestamp.clone()) },
        kind: "collection",
        timestamp,
        entry,
    }
}

#[cfg(test)]
mod tests;
