//! "Let anyone open this card from the lock screen, without my PIN": off
//! unless she turns it on. On, `saved` keeps the card's plain copy (the
//! lock screen can't open the vault); off, the copy is deleted at once.

use leptos::prelude::*;

use crate::i18n::{k, t};
use crate::lock::card::Card;
use crate::lock::use_lock;
use crate::saved;
use crate::ui::form::Checkbox;

#[component]
pub fn AllowOnLockScreen(card: Memo<Card>) -> impl IntoView {
    let lock = use_lock();
    let allowed = RwSignal::new(saved::open_card_text().is_some());
    let on_change = move |on: bool| {
        if on {
            saved::set_open_card_text(&card.with_untracked(Card::to_text));
        } else {
            saved::forget_open_card();
        }
        allowed.set(on);
    };
    view! {
        <section class="card" aria-labelledby="emergency-lock">
            <h2 id="emergency-lock">{t(k::HEALTH_EMERGENCY_LOCK_HEADING)}</h2>
            <p class="notice" id="emergency-lock-warning">{t(k::HEALTH_EMERGENCY_LOCK_WARNING)}</p>
            <Checkbox
                id="emergency-allow"
                label=t(k::HEALTH_EMERGENCY_LOCK_ALLOW)
                hint_id="emergency-lock-warning"
                checked=allowed
                on_change=on_change
            />
            {move || (!lock.has_pin.get()).then(|| view! {
                <p class="hint">{t(k::HEALTH_EMERGENCY_LOCK_NO_PIN)}</p>
            })}
        </section>
    }
}
