//! The tablet's passphrase, asked again while open before what would let whoever holds an
//! unlocked tablet take or end the children's records: a backup leaving the tablet, a wipe,
//! a new worker PIN, the longest auto-lock. As password managers ask before an export. The
//! same counted tries and waits as unlocking.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{use_app_state, Gate};
use crate::store::vault::UnlockError;
use crate::ui::dialog::Modal;
use crate::ui::I18n;

/// The seconds still to wait before the next passphrase try, for a screen that asks for the
/// passphrase: while it is shown the wait counts down (time shown, on a clock that only
/// moves forward) and `after_tick` runs four times a second. Gives the seconds and the tick,
/// to run at once after a try.
pub fn counting_wait(
    after_tick: impl Fn() + Copy + 'static,
) -> (ReadSignal<u64>, impl Fn() + Copy + 'static) {
    let state = use_app_state();
    let wait_s = RwSignal::new(0u64);
    let tick = move || {
        // The screen is gone: nothing is counted. (Its interval is cleared then, but a faked
        // clock's interval ids, as in Playwright's, are too big for the handle to clear.)
        let Some(shown_s) = wait_s.try_get_untracked() else {
            return;
        };
        state.count_down_wait();
        let ms = state
            .vault
            .with_untracked(|vault| vault.as_ref().map_or(0, |v| v.wait_ms()));
        let seconds = ms.div_ceil(1000);
        if shown_s != seconds {
            wait_s.set(seconds);
        }
        after_tick();
    };
    // Time before this screen was shown is not the worker's to count.
    state.stop_wait_clock();
    tick();
    let ticking = set_interval_with_handle(tick, Duration::from_millis(250)).ok();
    on_cleanup(move || {
        if let Some(handle) = ticking {
            handle.clear();
        }
        state.stop_wait_clock();
    });
    (wait_s.read_only(), tick)
}

/// While `asking`, a dialog asks for the tablet's passphrase, saying `reason`; only a right
/// one closes it and runs `on_confirmed`. Cancel or Escape closes it and runs `on_cancel`.
#[component]
pub fn ConfirmPassphrase(
    asking: RwSignal<bool>,
    /// Why it is asked, in the worker's words.
    #[prop(into)]
    reason: Signal<String>,
    #[prop(into)] on_confirmed: Callback<()>,
    #[prop(optional, into)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let state = use_app_state();
    // Without storage there is no passphrase to ask, and nothing kept on the tablet to take:
    // it goes on as before.
    let no_passphrase = move || state.gate.get_untracked() == Gate::NoStorage;
    Effect::new(move |_| {
        if asking.get() && no_passphrase() {
            asking.set(false);
            on_confirmed.run(());
        }
    });
    move || {
        (asking.get() && !no_passphrase()).then(|| {
            view! { <PassphraseAsked asking reason on_confirmed on_cancel /> }
        })
    }
}

/// The open dialog: its wait counts down only while it is shown.
#[component]
fn PassphraseAsked(
    asking: RwSignal<bool>,
    reason: Signal<String>,
    on_confirmed: Callback<()>,
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let passphrase = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<UnlockError>);
    let busy = RwSignal::new(false);
    let (wait_s, tick) = counting_wait(|| {});
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let cancel = move || {
        asking.set(false);
        if let Some(on_cancel) = on_cancel {
            on_cancel.run(());
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || wait_s.get_untracked() > 0 {
            return;
        }
        busy.set(true);
        state.confirm_passphrase(passphrase.get_untracked(), move |outcome| {
            // Closed meanwhile (Cancel): the answer lets nothing go on.
            if busy.try_get_untracked().is_none() {
                return;
            }
            busy.set(false);
            passphrase.set(String::new());
            match outcome {
                Ok(()) => {
                    asking.set(false);
                    on_confirmed.run(());
                }
                Err(error) => {
                    problem.set(Some(error));
                    tick();
                    // Back in the field, to type it again (or leave with Escape).
                    if let Some(input) = input_ref.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        });
    };
    let message = move || passphrase_message(i18n, problem.get(), wait_s.get());
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            // Not a known attribute of the view macro; Safari's own, no text sent anywhere.
            let _ = input.set_attribute("autocorrect", "off");
            let _ = input.focus();
        }
    });
    view! {
        <Modal labelled_by="confirm-passphrase-title" on_escape=cancel>
            <form on:submit=submit>
                <h2 id="confirm-passphrase-title">{t!(i18n, confirm_passphrase_title)}</h2>
                <p id="confirm-passphrase-reason">{move || reason.get()}</p>
                <label>
                    <span>{t!(i18n, passphrase_label)}</span>
                    // Typed, not filled in by the browser: knowing it is the point.
                    <input {..crate::ui::fields::as_typed()} type="password"
                        aria-describedby="confirm-passphrase-reason"
                        node_ref=input_ref bind:value=passphrase />
                </label>
                {move || message().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <div class="dialog-actions">
                    <button type="button" class="safe" on:click=move |_| cancel()>{t!(i18n, cancel)}</button>
                    <button type="submit" class="primary" disabled=move || busy.get() || wait_s.get() != 0>
                        {move || if busy.get() { t_string!(i18n, confirm_passphrase_checking) } else { t_string!(i18n, confirm_passphrase_button) }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// What a screen asking for the passphrase says after a try: the wait while there is one
/// (counted down on the screen), else why the last try was refused.
pub fn passphrase_message(
    i18n: I18n,
    problem: Option<UnlockError>,
    waiting_s: u64,
) -> Option<String> {
    match problem {
        _ if waiting_s > 0 => Some(t_string!(i18n, unlock_wait, seconds = waiting_s).to_string()),
        Some(UnlockError::WrongPassphrase) => Some(t_string!(i18n, unlock_wrong).to_owned()),
        Some(UnlockError::Damaged) => Some(t_string!(i18n, vault_damaged).to_owned()),
        Some(UnlockError::Wait { .. }) | None => None,
    }
}
