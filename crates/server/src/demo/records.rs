//! Writing sample records exactly as a PA's laptop would: checked with the
//! same field rules as any change (so sample data never holds what the app
//! would refuse), each with the next version, written by the PA.
//! Sample records are told apart the way all demo data is: they belong to
//! people of a council flagged `sample_data`, and their field stamps carry
//! the nil device id (no real device has it).

use chrono::NaiveDate;
use pathway_model::auth::Role;
use pathway_model::sync::merge::{FieldStamp, StoredRecord};
use pathway_model::sync::{EntityKind, Fields};
use uuid::Uuid;

use crate::db::sync as store;
use crate::db::{Db, now_ms};
use crate::error::ApiError;

/// One sample record of `owner`'s.
pub struct Sample {
    pub entity: EntityKind,
    pub id: Uuid,
    pub fields: Fields,
    /// Who made it: her PA, or (a health entry of her own) the young person.
    pub made_by: Role,
    /// What she set on it afterwards (a PA's entry she ticked for her
    /// passport), checked as her change to the record the PA made.
    pub hers: Fields,
}

fn object(value: serde_json::Value) -> Fields {
    value.as_object().cloned().unwrap_or_default()
}

impl Sample {
    pub fn new(entity: EntityKind, id: Uuid, value: serde_json::Value) -> Sample {
        Sample { entity, id, fields: object(value), made_by: Role::Advisor, hers: Fields::new() }
    }

    /// A record the young person made herself.
    pub fn by_her(mut self) -> Sample {
        self.made_by = Role::YoungPerson;
        self
    }

    /// What she changed afterwards.
    pub fn then_she_sets(mut self, value: serde_json::Value) -> Sample {
        self.hers = object(value);
        self
    }
}

/// Writes `samples` for `owner`, as `by` (her PA) on `today`, or as her
/// for what she wrote or changed herself.
pub async fn write(db: &Db, owner: Uuid, by: Uuid, today: NaiveDate, samples: Vec<Sample>) -> Result<(), ApiError> {
    let now = now_ms();
    for Sample { entity, id, mut fields, made_by, hers } in samples {
        let problem =
            |e: pathway_model::record::FieldRuleError| ApiError::Internal(format!("demo {}: {e}", entity.as_str()));
        entity.check_put(made_by, &fields, None).and_then(|()| entity.check_dates(&fields, today)).map_err(problem)?;
        if !hers.is_empty() {
            entity.check_put(Role::YoungPerson, &hers, Some(&fields)).map_err(problem)?;
            fields.extend(hers);
        }
        let by = if made_by == Role::YoungPerson { owner } else { by };
        let mut tx = store::begin(db).await?;
        let version = store::next_version(&mut tx).await?;
        let stamp = FieldStamp { version, client_id: Uuid::nil() };
        let record = StoredRecord {
            entity,
            id,
            owner_id: owner,
            version,
            stamps: fields.keys().map(|k| (k.clone(), stamp)).collect(),
            fields,
            deleted: false,
            updated_at: now,
        };
        store::write_record(&mut tx, &record, by).await?;
        tx.commit().await?;
    }
    Ok(())
}
