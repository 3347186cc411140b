use leptos::prelude::*;

use super::use_sync;
use crate::i18n::{k, t, tf, tp};

/// The words for where a person's changes are. Pure, so it is tested
/// without a browser. `to_send`: changes in the outbox; `to_choose`:
/// conflicts waiting for the person; `synced_at`: a time like "14:05".
pub fn status_words(to_send: usize, to_choose: usize, unreachable: bool, synced_at: Option<&str>) -> Vec<String> {
    let mut lines = Vec::new();
    match (to_send, to_choose, synced_at) {
        (0, 0, Some(at)) => lines.push(tf(k::STORE_STATUS_SYNCED_AT, &[("time", at)])),
        (0, 0, None) if !unreachable => lines.push(t(k::STORE_STATUS_SYNCING).to_string()),
        (0, _, _) => {}
        (n, _, _) => lines.push(tp(k::STORE_STATUS_TO_SEND, n as u32, &[])),
    }
    if to_choose > 0 {
        lines.push(tp(k::STORE_STATUS_TO_CHOOSE, to_choose as u32, &[]));
    }
    if unreachable {
        lines.push(t(k::STORE_STATUS_UNREACHABLE).to_string());
    }
    lines
}

/// One line near the top of the page that says honestly where the
/// person's changes are: only on this phone, or on Pathway too.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let sync = use_sync();
    let words = move || {
        let at = sync.synced_at.get().map(|ms| crate::clock::clock(ms as i64));
        let to_choose = sync.conflicts.with(|c| c.len());
        status_words(sync.outbox.get(), to_choose, sync.unreachable.get(), at.as_deref())
    };
    view! {
        <p class="sync-status" role="status">
            <Show when=move || sync.ready.get()>
                {move || {
                    words()
                        .into_iter()
                        .enumerate()
                        .map(|(i, w)| {
                            let class = if i == 0 && !w.ends_with('.') { "sync-status__main" } else { "sync-status__more" };
                            view! { <span class=class>{w}</span>" " }
                        })
                        .collect_view()
                }}
            </Show>
            <Show when=move || sync.storage_failed.get()>
                " "<span class="sync-status__more">
                    {t(k::STORE_STATUS_STORAGE_FAILED)}
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
        assert_eq!(status_words(0, 0, false, Some("14:05")), ["Synced at 14:05"]);
        assert_eq!(status_words(2, 0, false, Some("14:05")), ["Saved on this phone: 2 changes to send"]);
        let offline = status_words(1, 0, true, None);
        assert_eq!(offline[0], "Saved on this phone: 1 change to send");
        assert!(offline[1].starts_with("Can't reach Pathway"));
        assert_eq!(status_words(0, 1, false, Some("09:00")), ["1 change needs you to choose what to keep."]);
        assert_eq!(status_words(0, 0, true, None), ["Can't reach Pathway — your changes are safe on this phone."]);
    }
}
