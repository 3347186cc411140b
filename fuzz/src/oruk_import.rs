//! `POST /offer` (a manager's ORUK upload): the body as `ApiJson<Value>`
//! reads it, then `oruk::import`, as the handler does. What it accepts must
//! also survive the way back: exported as ORUK and imported again, each
//! item comes back as it was ("ours come back exactly").

use axum::Json;
use pathway_model::offer::oruk;
use serde_json::Value;

const COUNCIL: &str = "liverpool";

pub fn run(data: &[u8]) {
    let Ok(Json(upload)) = Json::<Value>::from_bytes(data) else { return };
    let Ok(items) = oruk::import(&upload, COUNCIL) else { return };
    for (i, item) in items.iter().enumerate() {
        let service = oruk::to_service(item, "Liverpool");
        let again = oruk::from_service(i, &service, COUNCIL);
        assert_eq!(again.as_ref(), Ok(item), "an imported item changed on its way out and back: {service}");
    }
}
