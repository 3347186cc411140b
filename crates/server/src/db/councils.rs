//! Councils.

use pathway_model::council::CouncilSummary;
use pathway_model::people::ContactCard;

use super::Db;

/// A council as stored; also what a young person's copy says of hers.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CouncilRow {
    pub id: String,
    pub name: String,
    pub team_phone: Option<String>,
    pub team_email: Option<String>,
    #[serde(skip)]
    pub sample_data: i64,
    /// The out-of-hours duty team's number and when it answers.
    pub duty_phone: Option<String>,
    pub duty_hours: Option<String>,
}

impl CouncilRow {
    pub fn summary(&self) -> CouncilSummary {
        CouncilSummary { id: self.id.clone(), name: self.name.clone(), sample_data: self.sample_data != 0 }
    }

    pub fn team_card(&self) -> ContactCard {
        ContactCard {
            name: format!("{} leaving care team", self.name),
            role_label: "Your council's leaving care team".into(),
            phone: self.team_phone.clone(),
            email: self.team_email.clone(),
            text: None,
            hours: Some("Monday to Friday, 9am to 5pm".into()),
        }
    }

    pub fn duty_card(&self) -> ContactCard {
        ContactCard {
            name: format!("{} out-of-hours duty team", self.name),
            role_label: "Social workers who answer when the office is closed, for help that cannot wait".into(),
            phone: self.duty_phone.clone(),
            email: None,
            text: None,
            hours: self.duty_hours.clone(),
        }
    }
}

pub async fn get(db: &Db, id: &str) -> sqlx::Result<Option<CouncilRow>> {
    sqlx::query_as(
        "SELECT id, name, team_phone, team_email, sample_data, duty_phone, duty_hours FROM councils WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await
}

pub async fn insert(db: &Db, c: &CouncilRow) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO councils (id, name, team_phone, team_email, sample_data, duty_phone, duty_hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&c.id)
    .bind(&c.name)
    .bind(&c.team_phone)
    .bind(&c.team_email)
    .bind(c.sample_data)
    .bind(&c.duty_phone)
    .bind(&c.duty_hours)
    .execute(db.writer())
    .await?;
    Ok(())
}

pub async fn count(db: &Db) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM councils").fetch_one(db.pool()).await
}
