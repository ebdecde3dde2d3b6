//! "A new version is ready": shown to the worker only, on the worker's unlocked screens:
//! never in child mode or behind quick hide, so a new version never interrupts a child, and
//! never on the lock or other-tab screens, where whoever holds the tablet may not be the
//! worker and another tab may be in a child's hands. The worker applies it with one tap;
//! otherwise it is applied at the next lock.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{use_app_state, Gate};

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let shown = move || {
        state.update_ready.get()
            && state.gate.get() == Gate::Open
            && state.child_mode.with(Option::is_none)
            && !state.quick_hidden.get()
            && state.pin_asked_for.with(Option::is_none)
    };
    view! {
        <Show when=shown>
            <div class="update-banner" role="status">
                <span>{t!(i18n, update_ready)}</span>
                <button type="button" class="primary" on:click=move |_| state.apply_update()>
                    {t!(i18n, update_apply)}
                </button>
            </div>
        </Show>
    }
}
