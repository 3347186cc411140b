use leptos::prelude::*;

use super::use_sync;

/// The words for where a person's changes are. Pure, so it is tested
/// without a browser. `synced_at` is a time of day like "14:05".
pub fn status_words(only_here: usize, unreachable: bool, synced_at: Option<&str>) -> (String, Option<&'static str>) {
    let main = match (only_here, synced_at) {
        (0, Some(at)) => format!("Synced at {at}"),
        (0, None) if unreachable => String::new(),
        (0, None) => "Syncing…".to_string(),
        (1, _) => "Saved on this phone: 1 change to send".to_string(),
        (n, _) => format!("Saved on this phone: {n} changes to send"),
    };
    let reach = unreachable.then_some("Can't reach Pathway — your changes are safe on this phone.");
    (main, reach)
}

fn time_of_day(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// One line near the top of the page that says honestly where the
/// person's changes are: only on this phone, or on Pathway too.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let sync = use_sync();
    let words = Memo::new(move |_| {
        let at = sync.synced_at.get().map(time_of_day);
        status_words(sync.only_here(), sync.unreachable.get(), at.as_deref())
    });
    view! {
        <p class="sync-status" role="status">
            <Show when=move || sync.ready.get()>
                <span class="sync-status__main">{move || words.get().0}</span>
                {move || words.get().1.map(|w| view! { " "<span class="sync-status__reach">{w}</span> })}
            </Show>
            <Show when=move || sync.storage_failed.get()>
                " "<span class="sync-status__reach">
                    "This phone won't let Pathway save here. Keep Pathway open until your changes are synced."
                </span>
            </Show>
        </p>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_status_says_where_the_changes_are() {
        assert_eq!(status_words(0, false, Some("14:05")).0, "Synced at 14:05");
        assert_eq!(status_words(2, false, Some("14:05")).0, "Saved on this phone: 2 changes to send");
        assert_eq!(status_words(1, true, None).0, "Saved on this phone: 1 change to send");
        assert!(status_words(1, true, None).1.unwrap().starts_with("Can't reach Pathway"));
        assert_eq!(status_words(0, false, Some("09:00")).1, None);
    }
}
