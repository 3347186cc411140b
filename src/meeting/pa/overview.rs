//! A young person's overview for the PA's pages about her: from the
//! server, else the copy this laptop kept when it last had signal. The
//! meeting and the contact form need only her name from it, so they open
//! in a café with no signal once her page was opened online.

use leptos::prelude::*;
use pathway_model::ErrorCode;
use pathway_model::caseload::YoungPersonOverview;
use uuid::Uuid;

use crate::api::{self, ApiError, ApiResult};
use crate::router::{A, use_location};
use crate::saved;
use crate::ui::load::{Keep, Loaded, LoadedProps, Phase, Remote, load};

/// Said wherever a PA opens someone who is not (or no longer) theirs.
pub const NOT_ON_CASELOAD: &str = "We can't find this young person on your caseload.";

/// Asks for `id`'s data; a mistyped address is the same as someone not on
/// the caseload.
pub async fn or_not_found<T, F, Fut>(id: Option<Uuid>, call: F) -> ApiResult<T>
where
    F: FnOnce(Uuid) -> Fut,
    Fut: Future<Output = ApiResult<T>>,
{
    match id {
        Some(id) => call(id).await,
        None => Err(ApiError::Api { status: 404, code: ErrorCode::NotFound, message: String::new() }),
    }
}

/// The frame of each page about one young person (her details, a new
/// code, a meeting, a contact): the way back to her page, the page's title
/// until what it shows has loaded, and `NOT_ON_CASELOAD` for anyone else.
#[component]
pub fn AboutHer<T, V, C>(remote: Remote<T>, title: &'static str, what: &'static str, children: C) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    C: Fn(T) -> V + Send + Sync + 'static,
{
    let person_id = person_id_param();
    // The page is drawn again when the address changes, so read once.
    let back = person_id().map(|id| format!("/caseload/{id}")).unwrap_or_else(|| "/caseload".into());
    let loaded = LoadedProps::builder().remote(remote).what(what).missing(NOT_ON_CASELOAD).children(children).build();
    view! {
        <p class="back"><A href=back>"Back to their page"</A></p>
        <Show when=move || remote.value.with(Option::is_none)>
            <h1>{title}</h1>
        </Show>
        {Loaded(loaded)}
    }
}

/// The young person in the address (`/caseload/:person_id/...`), if it is
/// an id at all.
pub fn person_id_param() -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let location = use_location();
    move || location.pathname.with(|path| person_in_path(path))
}

/// The id in `/caseload/<id>` and the pages under it.
fn person_in_path(path: &str) -> Option<Uuid> {
    let rest = path.strip_prefix("/caseload/")?;
    Uuid::parse_str(rest.split('/').next()?).ok()
}

/// Her overview, with this laptop's copy shown until (or unless) the
/// server answers.
pub fn load_overview(
    person_id: impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static,
) -> Remote<YoungPersonOverview> {
    let remote = load(
        move || or_not_found(person_id(), api::young_person),
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
