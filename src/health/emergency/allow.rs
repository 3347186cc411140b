//! "Let anyone open this card from the lock screen, without my PIN": off
//! unless she turns it on. On, `saved` keeps the card's plain copy (the
//! lock screen can't open the vault); off, the copy is deleted at once.

use leptos::prelude::*;

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
            <h2 id="emergency-lock">"On the lock screen"</h2>
            <p class="notice" id="emergency-lock-warning">
                "If you turn this on, anyone who picks up your phone can see this card, even when Pathway is locked. \
                 They can't see anything else in Pathway without your PIN."
            </p>
            <Checkbox
                id="emergency-allow"
                label="Let anyone open this card from the lock screen, without my PIN"
                hint_id="emergency-lock-warning"
                checked=allowed
                on_change=on_change
            />
            {move || (!lock.has_pin.get()).then(|| view! {
                <p class="hint">"You have no PIN yet, so there is no lock screen. You can set a PIN on Me."</p>
            })}
        </section>
    }
}
