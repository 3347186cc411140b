//! Today's date, for ages and "not contacted lately": one place, so every
//! route counts days the same way (UTC).

use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}
