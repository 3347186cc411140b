//! One resource per kind of passport entry: allergies, medicines,
//! conditions, jabs, family health and birth details. Each has her entry's
//! title as its text (coded where `codes` knows it), its date, its details
//! and source as notes, and who recorded it.

use pathway_model::health::{HealthEntry, HealthKind};
use serde::Serialize;
use uuid::Uuid;

use super::codes::snomed;
use super::types::{Annotation, CodeableConcept, Coding, Meta, Reference, notes, uk_core, words};

fn code_of(e: &HealthEntry) -> CodeableConcept {
    let text = e.title.trim().to_string();
    match snomed(e.kind, &text) {
        Some(coding) => CodeableConcept::coded(coding, text),
        None => CodeableConcept::text(text),
    }
}

fn note_of(e: &HealthEntry) -> Vec<Annotation> {
    notes(e.details.as_deref(), e.source.as_deref())
}

fn recorder(e: &HealthEntry) -> Option<Reference> {
    words(Some(&e.recorded_by)).map(|by| Reference::named(&by))
}

fn active(system: &'static str) -> CodeableConcept {
    CodeableConcept::coded(Coding { system, code: "active", display: "Active" }, "Active")
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AllergyIntolerance {
    pub id: String,
    pub meta: Meta,
    pub clinical_status: CodeableConcept,
    pub code: CodeableConcept,
    pub patient: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criticality: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onset_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorder: Option<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reaction: Vec<Reaction>,
}

#[derive(Debug, Serialize)]
pub struct Reaction {
    pub manifestation: Vec<CodeableConcept>,
    pub severity: &'static str,
}

pub fn allergy(id: Uuid, e: &HealthEntry, patient: &Reference) -> AllergyIntolerance {
    let severity = match e.severity.as_deref() {
        Some("severe") => Some("severe"),
        Some("moderate") => Some("moderate"),
        Some("mild") => Some("mild"),
        _ => None,
    };
    AllergyIntolerance {
        id: id.to_string(),
        meta: uk_core("AllergyIntolerance"),
        clinical_status: active("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"),
        code: code_of(e),
        patient: patient.clone(),
        // How bad a reaction could be: a severe one is a high risk.
        criticality: severity.map(|s| if s == "severe" { "high" } else { "low" }),
        onset_date_time: e.date.clone(),
        recorder: recorder(e),
        note: note_of(e),
        reaction: severity
            .map(|severity| Reaction {
                manifestation: vec![CodeableConcept::text(
                    words(e.details.as_deref()).unwrap_or_else(|| "Not described".into()),
                )],
                severity,
            })
            .into_iter()
            .collect(),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationStatement {
    pub id: String,
    pub meta: Meta,
    pub status: &'static str,
    pub medication_codeable_concept: CodeableConcept,
    pub subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_source: Option<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dosage: Vec<Dosage>,
}

#[derive(Debug, Serialize)]
pub struct Dosage {
    pub text: String,
}

pub fn medicine(id: Uuid, e: &HealthEntry, patient: &Reference) -> MedicationStatement {
    MedicationStatement {
        id: id.to_string(),
        meta: uk_core("MedicationStatement"),
        status: "active",
        medication_codeable_concept: code_of(e),
        subject: patient.clone(),
        effective_date_time: e.date.clone(),
        information_source: recorder(e),
        note: note_of(e),
        dosage: words(e.dose.as_deref()).map(|text| Dosage { text }).into_iter().collect(),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    pub id: String,
    pub meta: Meta,
    pub clinical_status: CodeableConcept,
    pub category: Vec<CodeableConcept>,
    pub code: CodeableConcept,
    pub subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onset_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorder: Option<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

pub fn condition(id: Uuid, e: &HealthEntry, patient: &Reference) -> Condition {
    let problem = Coding {
        system: "http://terminology.hl7.org/CodeSystem/condition-category",
        code: "problem-list-item",
        display: "Problem List Item",
    };
    Condition {
        id: id.to_string(),
        meta: uk_core("Condition"),
        clinical_status: active("http://terminology.hl7.org/CodeSystem/condition-clinical"),
        category: vec![CodeableConcept::coded(problem, "Health condition")],
        code: code_of(e),
        subject: patient.clone(),
        onset_date_time: e.date.clone(),
        recorder: recorder(e),
        note: note_of(e),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Immunization {
    pub id: String,
    pub meta: Meta,
    pub status: &'static str,
    pub vaccine_code: CodeableConcept,
    pub patient: Reference,
    /// One of the two: a date, or words saying it is not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence_string: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

pub fn jab(id: Uuid, e: &HealthEntry, patient: &Reference) -> Immunization {
    Immunization {
        id: id.to_string(),
        meta: uk_core("Immunization"),
        status: "completed",
        vaccine_code: code_of(e),
        patient: patient.clone(),
        occurrence_string: e.date.is_none().then_some("Date not recorded"),
        occurrence_date_time: e.date.clone(),
        note: note_of(e),
    }
}

#[derive(Debug, Serialize)]
pub struct FamilyMemberHistory {
    pub id: String,
    pub meta: Meta,
    pub status: &'static str,
    pub patient: Reference,
    pub relationship: CodeableConcept,
    pub condition: Vec<FamilyCondition>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

#[derive(Debug, Serialize)]
pub struct FamilyCondition {
    pub code: CodeableConcept,
}

/// HL7's family-member codes for the relations people write most.
fn relation_code(relation: &str) -> Option<Coding> {
    let system = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    let (code, display) = match relation.trim().to_lowercase().as_str() {
        "birth mother" | "natural mother" => ("NMTH", "natural mother"),
        "birth father" | "natural father" => ("NFTH", "natural father"),
        "mother" | "mum" => ("MTH", "mother"),
        "father" | "dad" => ("FTH", "father"),
        "brother" => ("BRO", "brother"),
        "sister" => ("SIS", "sister"),
        "grandmother" | "nan" | "gran" => ("GRMTH", "grandmother"),
        "grandfather" | "grandad" => ("GRFTH", "grandfather"),
        _ => return None,
    };
    Some(Coding { system, code, display })
}

pub fn family(id: Uuid, e: &HealthEntry, patient: &Reference) -> FamilyMemberHistory {
    let relation = words(e.relation.as_deref()).unwrap_or_else(|| "Family member".into());
    let relationship = match relation_code(&relation) {
        Some(coding) => CodeableConcept::coded(coding, relation),
        None => CodeableConcept::text(relation),
    };
    FamilyMemberHistory {
        id: id.to_string(),
        meta: uk_core("FamilyMemberHistory"),
        status: "completed",
        patient: patient.clone(),
        relationship,
        condition: vec![FamilyCondition { code: code_of(e) }],
        note: note_of(e),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub id: String,
    pub meta: Meta,
    pub status: &'static str,
    pub code: CodeableConcept,
    pub subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_date_time: Option<String>,
    pub value_string: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

/// Birth details are words ("Born weighing 3.2 kg at full term"), not a
/// measurement, so they go as an Observation with its value in words.
pub fn birth(id: Uuid, e: &HealthEntry, patient: &Reference) -> Observation {
    debug_assert_eq!(e.kind, HealthKind::Birth);
    Observation {
        id: id.to_string(),
        meta: uk_core("Observation"),
        status: "final",
        code: CodeableConcept::text("Birth details"),
        subject: patient.clone(),
        effective_date_time: e.date.clone(),
        value_string: e.title.trim().to_string(),
        note: note_of(e),
    }
}
