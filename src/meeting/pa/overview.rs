//! A young person's overview for the PA's pages about her: from the
//! server, else the copy this laptop kept when it last had signal. The
//! meeting and the contact form need only her name from it, so they open
//! in a café with no signal once her page was opened online.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use pathway_model::ErrorCode;
use pathway_model::caseload::YoungPersonOverview;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::saved;
use crate::ui::load::{Keep, Phase, Remote, load};

/// The young person in the address (`/caseload/:person_id/...`), if it is
/// an id at all.
pub fn person_id_param() -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("person_id").and_then(|s| Uuid::parse_str(&s).ok())
}

/// Her overview, with this laptop's copy shown until (or unless) the
/// server answers.
pub fn load_overview(
    person_id: impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static,
) -> Remote<YoungPersonOverview> {
    let remote = load(
        move || {
            let id = person_id();
            async move {
                match id {
                    Some(id) => api::young_person(id).await,
                    None => Err(ApiError::Api { status: 404, code: ErrorCode::NotFound, message: String::new() }),
                }
            }
        },
        // The copy is per young person, so it is read below, not by `load`.
        Some(Keep { read: || None, write: saved::set_overview }),
    );
    Effect::new(move |_| {
        let id = person_id();
        if remote.value.with_untracked(|v| v.as_ref().map(|o| o.person_id)) != id {
            remote.value.set(id.and_then(saved::overview));
        }
    });
    // Not on the caseload any more: the copy must not stand in for her.
    Effect::new(move |_| {
        if matches!(remote.phase.get(), Phase::Failed(e) if e.code() == Some(ErrorCode::NotFound)) {
            remote.value.set(None);
        }
    });
    remote
}
