//! The screens in front of the data: setting up the passphrase and PIN, unlocking, a damaged
//! vault, and the bar with the lock button above every open screen.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{use_app_state, PinRequest};
use crate::store::vault::{SetUpError, UnlockError, MIN_PASSPHRASE_CHARS, WIPE_AFTER_FAILURES};
use crate::ui::confirm_passphrase::{counting_wait, passphrase_message, ConfirmPassphrase};
use crate::ui::dialog::Modal;
use crate::ui::language::{InChildsLanguage, LanguagePicker};
use crate::ui::pace::ChildsPace;
use crate::ui::privacy::PrivacyText;
use crate::ui::IconButton;

/// Lets the browser paint "please wait" before the key derivation, which takes about a
/// second and holds the page while it runs.
pub fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, Duration::from_millis(20)));
}

#[component]
pub fn SetUpScreen(plain_sessions: usize) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let (passphrase, passphrase_again) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (pin, pin_again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    // Optional: asked once here, so every session starts with it (Settings can change it).
    let worker_name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<SetUpError>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        after_paint(move || {
            leptos::task::spawn_local(async move {
                let outcome = state
                    .set_up(
                        passphrase.get_untracked(),
                        passphrase_again.get_untracked(),
                        pin.get_untracked(),
                        pin_again.get_untracked(),
                        worker_name.get_untracked(),
                    )
                    .await;
                // On success this screen is gone; only a refusal has anything to show.
                if let Err(error) = outcome {
                    busy.set(false);
                    problem.set(Some(error));
                }
            });
        });
    };
    let message = move || {
        problem.get().map(|error| match error {
            SetUpError::PassphraseTooShort => {
                t_string!(i18n, error_passphrase_short, count = MIN_PASSPHRASE_CHARS).to_string()
            }
            SetUpError::PassphraseTooCommon => t_string!(i18n, error_passphrase_common).to_owned(),
            SetUpError::NotStored => t_string!(i18n, error_set_up_not_stored).to_owned(),
            SetUpError::SetUpElsewhere => t_string!(i18n, error_set_up_elsewhere).to_owned(),
            SetUpError::PassphrasesDiffer => t_string!(i18n, error_passphrases_differ).to_owned(),
            SetUpError::PinNotDigits => t_string!(i18n, error_pin_digits).to_owned(),
            SetUpError::PinsDiffer => t_string!(i18n, error_pins_differ).to_owned(),
        })
    };
    view! {
        <header class="screen-header">
            <h1>{t!(i18n, set_up_heading)}</h1>
            <LanguagePicker />
        </header>
        <div class="gate">
            <p>{t!(i18n, set_up_intro)}</p>
            <p class="warning"><strong>{t!(i18n, set_up_no_recovery)}</strong></p>
            {(plain_sessions > 0).then(|| view! {
                <p>{move || t_string!(i18n, set_up_existing, count = plain_sessions).to_string()}</p>
            })}
            <form class="gate-form" on:submit=submit>
                <label>
                    <span>{t!(i18n, passphrase_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=passphrase />
                </label>
                <label>
                    <span>{t!(i18n, passphrase_again_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=passphrase_again />
                </label>
                <p class="hint">{t!(i18n, pin_hint)}</p>
                <label>
                    <span>{t!(i18n, pin_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" inputmode="numeric" bind:value=pin />
                </label>
                <label>
                    <span>{t!(i18n, pin_again_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" inputmode="numeric" bind:value=pin_again />
                </label>
                <label>
                    <span>{t!(i18n, worker_name_setting_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="text" dir="auto" bind:value=worker_name
                        aria-describedby="set-up-worker-hint" />
                </label>
                <p class="hint" id="set-up-worker-hint">{t!(i18n, worker_name_setting_hint)}</p>
                {move || message().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <button type="submit" class="primary big" disabled=move || busy.get()>
                    {move || if busy.get() { t_string!(i18n, protecting) } else { t_string!(i18n, set_up_button) }}
                </button>
            </form>
            <details class="privacy-details">
                <summary>{t!(i18n, privacy_heading)}</summary>
                <PrivacyText />
            </details>
        </div>
    }
}

#[component]
pub fn UnlockScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let passphrase = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<UnlockError>);
    let busy = RwSignal::new(false);
    // Wiping from here only after many wrong tries: a child who taps Lock cannot wipe.
    let may_wipe = RwSignal::new(false);
    let update_wipe = move || {
        let wipe = state
            .vault
            .with_untracked(|vault| vault.as_ref().is_some_and(|v| v.may_wipe_when_locked()));
        may_wipe.set(wipe);
    };
    // Seconds left before the next try is allowed, counted down on screen.
    let (wait_s, tick) = counting_wait(update_wipe);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        after_paint(move || {
            leptos::task::spawn_local(async move {
                // On success this screen is gone; only a refusal has anything to show.
                if let Err(error) = state.unlock(passphrase.get_untracked()).await {
                    busy.set(false);
                    passphrase.set(String::new());
                    problem.set(Some(error));
                    tick();
                }
            });
        });
    };
    let message = move || passphrase_message(i18n, problem.get(), wait_s.get());
    let cannot_try = move || busy.get() || wait_s.get() != 0;
    view! {
        <header class="screen-header">
            <h1>{t!(i18n, locked_heading)}</h1>
            <LanguagePicker />
        </header>
        <div class="gate">
            <p>{t!(i18n, locked_intro)}</p>
            <form class="gate-form" on:submit=submit>
                <label>
                    <span>{t!(i18n, passphrase_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=passphrase />
                </label>
                {move || message().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <button type="submit" class="primary big" disabled=cannot_try>
                    {move || if busy.get() { t_string!(i18n, unlocking) } else { t_string!(i18n, unlock_button) }}
                </button>
            </form>
            <p class="quiet">{t_string!(i18n, forgot_passphrase, count = WIPE_AFTER_FAILURES).to_string()}</p>
            <Show when=move || may_wipe.get()>
                <WipeButton />
            </Show>
        </div>
    }
}

/// "Wipe this device", with the question it asks first. With `ask_passphrase` (Settings,
/// where the tablet is open) the tablet's passphrase comes first: whoever holds an unlocked
/// tablet must not wipe it. The locked screen's wipe is for a forgotten passphrase.
#[component]
pub fn WipeButton(#[prop(optional)] ask_passphrase: bool) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let passphrase_asked = RwSignal::new(false);
    view! {
        <button type="button" class="danger-quiet" on:click=move |_| {
            if ask_passphrase {
                passphrase_asked.set(true);
            } else {
                asking.set(true);
            }
        }>
            {t!(i18n, wipe_device)}
        </button>
        {ask_passphrase.then(|| view! {
            <ConfirmPassphrase asking=passphrase_asked
                reason=Signal::derive(move || t_string!(i18n, confirm_passphrase_wipe).to_owned())
                on_confirmed=move || asking.set(true) />
        })}
        <WipeDialog open=asking />
    }
}

/// Asks before wiping, saying what goes: everything this app stored, for good. The worker
/// types a word to confirm, so a child holding a locked tablet cannot wipe it with two taps.
#[component]
fn WipeDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    move || {
        open.get().then(|| {
            // While open the sessions are known and named; while locked, only counted.
            let names = state.sessions.with_untracked(|all| {
                all.iter().map(|s| s.child.name.clone()).collect::<Vec<_>>()
            });
            let text = if names.is_empty() {
                t_string!(i18n, confirm_wipe_text_locked).to_owned()
            } else {
                t_string!(
                    i18n,
                    confirm_wipe_text,
                    count = names.len(),
                    names = names.join(t_string!(i18n, list_separator))
                )
                .to_string()
            };
            let typed = RwSignal::new(String::new());
            let confirmed = move || {
                typed.with(|typed| typed.trim().to_lowercase() == t_string!(i18n, wipe_word).to_lowercase())
            };
            let keep_ref = NodeRef::<leptos::html::Button>::new();
            Effect::new(move |_| {
                if let Some(keep) = keep_ref.get() {
                    let _ = keep.focus();
                }
            });
            view! {
                <Modal labelled_by="wipe-title" on_escape=move || open.set(false)>
                    <h2 id="wipe-title">{t!(i18n, confirm_wipe_title)}</h2>
                    <p>{text}</p>
                    <label>
                        <span>{move || t_string!(i18n, wipe_type_word, word = t_string!(i18n, wipe_word)).to_string()}</span>
                        <input {..crate::ui::fields::as_typed()} type="text" bind:value=typed />
                    </label>
                    <div class="dialog-actions">
                        <button type="button" class="safe" node_ref=keep_ref on:click=move |_| open.set(false)>
                            {t!(i18n, keep)}
                        </button>
                        <button type="button" class="danger" disabled=move || !confirmed()
                            on:click=move |_| {
                                open.set(false);
                                state.wipe_device();
                            }>
                            {t!(i18n, wipe_device)}
                        </button>
                    </div>
                </Modal>
            }
        })
    }
}

/// A screen in front of the data that only says why it cannot be opened, or what to do.
#[component]
fn GateScreen(#[prop(into)] heading: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <header class="screen-header">
            <h1>{move || heading.get()}</h1>
        </header>
        <div class="gate">{children()}</div>
    }
}

#[component]
pub fn DamagedVaultScreen() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <GateScreen heading=Signal::derive(move || t_string!(i18n, locked_heading).to_owned())>
            <p role="alert">{t!(i18n, vault_damaged)}</p>
            <WipeButton />
        </GateScreen>
    }
}

/// Another tab works with the sessions: only one may, so nothing is undone by the other.
#[component]
pub fn OtherTabScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    view! {
        <GateScreen heading=Signal::derive(move || t_string!(i18n, other_tab_heading).to_owned())>
            <p>{t!(i18n, other_tab_text)}</p>
            <button type="button" class="primary big" on:click=move |_| state.use_here()>
                {t!(i18n, use_it_here)}
            </button>
        </GateScreen>
    }
}

/// Data from a newer Hear Me: said plainly, and nothing offered that would overwrite it.
/// How long "Use it here" waits for the other tab before saying that it does not answer.
const NO_ANSWER_AFTER: Duration = Duration::from_secs(5);

/// Waiting for the other tab to save, lock and let go. A tab asleep or stuck never answers:
/// after a few seconds this says so, and offers to take over without it, saying honestly
/// what that tab had not saved may not come along.
#[component]
pub fn ClaimingScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let no_answer = RwSignal::new(false);
    let taking = RwSignal::new(false);
    let timer = set_timeout_with_handle(move || no_answer.set(true), NO_ANSWER_AFTER).ok();
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    view! {
        <Show when=move || no_answer.get() fallback=move || view! { <p class="quiet gate">{t!(i18n, opening)}</p> }>
            <GateScreen heading=Signal::derive(move || t_string!(i18n, other_tab_heading).to_owned())>
                <p role="alert">{t!(i18n, other_tab_no_answer)}</p>
                <p>{t!(i18n, other_tab_take_over_note)}</p>
                <button type="button" class="primary big" disabled=move || taking.get()
                    on:click=move |_| {
                        taking.set(true);
                        state.take_over_now();
                    }>
                    {t!(i18n, take_over_here)}
                </button>
            </GateScreen>
        </Show>
    }
}

#[component]
pub fn NewerVersionScreen() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <GateScreen heading=Signal::derive(move || t_string!(i18n, locked_heading).to_owned())>
            <p role="alert">{t!(i18n, vault_newer)}</p>
        </GateScreen>
    }
}

/// Above every open screen: quick hide and the lock, always one tap away. In child mode the
/// bar is the child's: their three picture buttons (Stop, Break, "I don't want to say") in
/// their language, and the worker's Hide, Lock and way back grouped small in one corner, in
/// the worker's language.
#[component]
pub fn AppBar() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let in_child_mode = move || state.child_mode.with(Option::is_some);
    view! {
        <nav class="app-bar" class:childs-bar=in_child_mode aria-label=move || t_string!(i18n, app_bar)>
            {move || state.child_mode.get().map(|mode| view! {
                <InChildsLanguage session=mode.session>
                    <ChildsPace mode />
                </InChildsLanguage>
            })}
            <div class="workers-corner" role="group" aria-label=move || t_string!(i18n, workers_corner)>
                <IconButton icon="icon-hide" label=Signal::derive(move || t_string!(i18n, quick_hide).to_owned())
                    on_press=move || state.quick_hide() />
                <IconButton icon="icon-lock" label=Signal::derive(move || t_string!(i18n, lock).to_owned())
                    on_press=move || state.lock() />
                <Show when=in_child_mode>
                    <WorkerTakesBack />
                </Show>
            </div>
        </nav>
    }
}

/// The worker's way back from child mode ("Worker"): after the PIN the worker holds the
/// tablet on the same screen, to go on there (set who said what, delete) or leave.
#[component]
fn WorkerTakesBack() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let take_back = move || {
        if state.child_mode.with_untracked(Option::is_some) {
            let here = state.screen.get_untracked();
            state.pin_asked_for.set(Some(PinRequest::Leave(here)));
        }
    };
    view! {
        <IconButton icon="icon-back" class="worker-takes-back"
            label=Signal::derive(move || t_string!(i18n, worker_takes_over).to_owned())
            on_press=take_back />
    }
}

/// The neutral screen of quick hide: a calm picture that says nothing about a child or a
/// session. Coming back needs the worker's PIN.
#[component]
pub fn QuickHideScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    view! {
        <div class="neutral-screen">
            <img src="public/neutral-sky.svg" alt="" aria-hidden="true" />
            <button type="button" class="quiet-corner" on:click=move |_| state.pin_asked_for.set(Some(PinRequest::Unhide))>
                {t!(i18n, unhide)}
            </button>
        </div>
    }
}

/// Asks for the worker's PIN, to leave child mode or to come back from quick hide.
#[component]
pub fn PinDialog() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    move || {
        state.pin_asked_for.get().map(|_| {
            let pin = RwSignal::new(String::new());
            let wrong = RwSignal::new(false);
            let input_ref = NodeRef::<leptos::html::Input>::new();
            Effect::new(move |_| {
                if let Some(input) = input_ref.get() {
                    let _ = input.focus();
                }
            });
            view! {
                <Modal labelled_by="pin-title" on_escape=move || state.pin_asked_for.set(None)>
                    <form on:submit=move |ev| {
                        ev.prevent_default();
                        let right = state.answer_pin(&pin.get_untracked());
                        wrong.set(!right);
                        pin.set(String::new());
                    }>
                        <h2 id="pin-title">{t!(i18n, pin_title)}</h2>
                        <label>
                            <span>{t!(i18n, pin_label)}</span>
                            <input {..crate::ui::fields::as_typed()} type="password" inputmode="numeric" node_ref=input_ref bind:value=pin />
                        </label>
                        <Show when=move || wrong.get()>
                            <p class="form-error" role="alert">{t!(i18n, pin_wrong)}</p>
                        </Show>
                        <div class="dialog-actions">
                            <button type="button" class="safe" on:click=move |_| state.pin_asked_for.set(None)>{t!(i18n, cancel)}</button>
                            <button type="submit" class="primary">{t!(i18n, pin_continue)}</button>
                        </div>
                    </form>
                </Modal>
            }
        })
    }
}
