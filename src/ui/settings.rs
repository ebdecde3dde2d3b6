//! The worker's settings for this tablet: when to lock, whether tools open in child mode,
//! when to ask about deleting closed cases,
//! the agency for the full record's header, the worker's name and the agency's phone for the parents' leaflet, a new
//! passphrase or PIN, and wiping everything.

use leptos::prelude::*;

use crate::core::retention::RetentionPeriod;
use crate::core::Screen;
use crate::i18n::*;
use crate::state::use_app_state;
use crate::store::vault::{
    check_new_pin, ChangeError, MAX_AUTO_LOCK_MINUTES, MIN_PASSPHRASE_CHARS,
};
use crate::store::TextSetting;
use crate::ui::confirm_passphrase::{counting_wait, ConfirmPassphrase};
use crate::ui::lock::{after_paint, WipeButton};
use crate::ui::IconButton;

/// The auto-lock times offered, in minutes.
const AUTO_LOCK_CHOICES: [u32; 6] = [1, 2, 5, 10, 15, 30];

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_children).to_owned())
                on_press=move || state.go(Screen::Start) />
            <h1>{t!(i18n, settings_heading)}</h1>
        </header>
        <AutoLock />
        <ToolsOpenInChildMode />
        <Retention />
        <TextSettingField setting=TextSetting::Agency />
        <TextSettingField setting=TextSetting::WorkerName />
        <TextSettingField setting=TextSetting::AgencyPhone />
        <ChangePassphrase />
        <ChangePin />
        <crate::ui::room::RoomDetails />
        <crate::ui::backup::MakeBackup />
        <crate::ui::backup::RestoreBackup />
        <section class="settings">
            <h2>{t!(i18n, privacy_heading)}</h2>
            <IconButton icon="icon-read-back" label=Signal::derive(move || t_string!(i18n, privacy_open).to_owned())
                on_press=move || state.go(Screen::Privacy) />
        </section>
        <section class="settings danger-zone">
            <h2>{t!(i18n, wipe_device)}</h2>
            <p>{t!(i18n, wipe_hint)}</p>
            <WipeButton ask_passphrase=true />
        </section>
    }
}

/// Minutes without use before the app locks itself. The longest asks for the passphrase
/// first: whoever holds an unlocked tablet must not keep it open for the longest time.
#[component]
fn AutoLock() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // What the select shows: the stored choice, or the longest while its passphrase is asked.
    let shown = RwSignal::new(state.auto_lock_minutes());
    let asking = RwSignal::new(false);
    let choices = AUTO_LOCK_CHOICES
        .into_iter()
        .map(|choice| {
            view! {
                <option value=choice.to_string() selected=move || shown.get() == choice>
                    {move || t_string!(i18n, minutes, count = choice).to_string()}
                </option>
            }
        })
        .collect_view();
    let choose = move |chosen: u32| {
        shown.set(chosen);
        if chosen >= MAX_AUTO_LOCK_MINUTES {
            asking.set(true);
        } else {
            state.set_auto_lock_minutes(chosen);
        }
    };
    view! {
        <section class="settings">
            <label>
                <span>{t!(i18n, auto_lock_label)}</span>
                <select prop:value=move || shown.get().to_string() on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<u32>() {
                        choose(chosen);
                    }
                }>{choices}</select>
            </label>
            <p class="hint">{t!(i18n, auto_lock_hint)}</p>
            <ConfirmPassphrase asking
                reason=Signal::derive(move || t_string!(i18n, confirm_passphrase_auto_lock, minutes = MAX_AUTO_LOCK_MINUTES).to_string())
                on_confirmed=move || state.set_auto_lock_minutes(MAX_AUTO_LOCK_MINUTES)
                on_cancel=move || shown.set(state.auto_lock_minutes()) />
        </section>
    }
}

/// "Open tools in child mode": on unless the worker turns it off, sealed in the index. With
/// it on, a tool opened from the session is in the child's hands at once.
#[component]
fn ToolsOpenInChildMode() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let on = RwSignal::new(state.tools_open_in_child_mode());
    let choose = move |checked: bool| {
        on.set(checked);
        state.set_tools_open_in_child_mode(checked);
    };
    view! {
        <section class="settings">
            <label class="check">
                <input type="checkbox" prop:checked=move || on.get() aria-describedby="tools-open-hint"
                    on:change=move |ev| choose(event_target_checked(&ev)) />
                <span>{t!(i18n, tools_open_in_child_mode)}</span>
            </label>
            <p class="hint" id="tools-open-hint">{t!(i18n, tools_open_in_child_mode_hint)}</p>
        </section>
    }
}

/// When to ask about deleting a closed case's records (`core::retention`). Only asks:
/// nothing is deleted without the worker's answer, so no passphrase is needed to shorten it.
#[component]
fn Retention() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let shown = RwSignal::new(state.retention_period().months);
    let choices = RetentionPeriod::CHOICES
        .into_iter()
        .map(|months| {
            view! {
                <option value=months.to_string() selected=move || shown.get() == months>
                    {move || t_string!(i18n, retention_months, count = months).to_string()}
                </option>
            }
        })
        .collect_view();
    let choose = move |months: u16| {
        shown.set(months);
        state.set_retention_period(RetentionPeriod { months });
    };
    view! {
        <section class="settings">
            <label>
                <span>{t!(i18n, retention_label)}</span>
                <select prop:value=move || shown.get().to_string() aria-describedby="retention-hint"
                    on:change=move |ev| {
                        if let Ok(months) = event_target_value(&ev).parse::<u16>() {
                            choose(months);
                        }
                    }>{choices}</select>
            </label>
            <p class="hint" id="retention-hint">{t!(i18n, retention_hint)}</p>
        </section>
    }
}

/// A line the worker types once (the agency, their own name, the agency's phone), sealed
/// with the sessions' index as it is typed.
#[component]
fn TextSettingField(setting: TextSetting) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let (label, hint, hint_id) = match setting {
        TextSetting::Agency => (
            t_string!(i18n, agency_label).to_owned(),
            t_string!(i18n, agency_hint).to_owned(),
            "agency-hint",
        ),
        TextSetting::WorkerName => (
            t_string!(i18n, worker_name_setting_label).to_owned(),
            t_string!(i18n, worker_name_setting_hint).to_owned(),
            "worker-name-hint",
        ),
        TextSetting::AgencyPhone => (
            t_string!(i18n, agency_phone_label).to_owned(),
            t_string!(i18n, agency_phone_hint).to_owned(),
            "agency-phone-hint",
        ),
    };
    // A phone number brings up the phone keypad.
    let inputmode = (setting == TextSetting::AgencyPhone).then_some("tel");
    view! {
        <section class="settings">
            <label>
                <span>{label}</span>
                <input {..crate::ui::fields::as_typed()} type="text" inputmode=inputmode dir="auto"
                    prop:value=state.text_setting(setting) aria-describedby=hint_id
                    on:input=move |ev| state.set_text_setting(setting, &event_target_value(&ev)) />
            </label>
            <p class="hint" id=hint_id>{hint}</p>
        </section>
    }
}

/// What a refused change says, in the active language.
fn change_message(i18n: crate::ui::I18n, error: ChangeError) -> String {
    match error {
        ChangeError::CurrentWrong => t_string!(i18n, change_current_wrong).to_owned(),
        ChangeError::TooShort => {
            t_string!(i18n, error_passphrase_short, count = MIN_PASSPHRASE_CHARS).to_string()
        }
        ChangeError::TooCommon => t_string!(i18n, error_passphrase_common).to_owned(),
        ChangeError::Wait { ms } => {
            t_string!(i18n, change_wait, seconds = ms.div_ceil(1000)).to_string()
        }
        ChangeError::Differ => t_string!(i18n, change_differ).to_owned(),
        ChangeError::PinNotDigits => t_string!(i18n, error_pin_digits).to_owned(),
        ChangeError::NotSaved => t_string!(i18n, storage_failed).to_owned(),
    }
}

/// A new passphrase, after the current one: for a passphrase someone else may have seen.
#[component]
fn ChangePassphrase() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let (current, new, again) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // For a passphrase someone may have seen: everything sealed anew under a new key.
    let reseal = RwSignal::new(false);
    // None: nothing tried yet; Some(Ok): changed; Some(Err): refused, and why.
    let outcome = RwSignal::new(None::<Result<(), ChangeError>>);
    let busy = RwSignal::new(false);
    // The wait after wrong tries counts down while this form is shown, as on the lock screen.
    let (wait_s, tick) = counting_wait(|| {});
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        // Two key derivations take a moment: let "please wait" show first.
        after_paint(move || {
            leptos::task::spawn_local(async move {
                let result = state
                    .change_passphrase(
                        current.get_untracked(),
                        new.get_untracked(),
                        again.get_untracked(),
                        reseal.get_untracked(),
                    )
                    .await;
                if result.is_ok() {
                    for field in [current, new, again] {
                        field.set(String::new());
                    }
                }
                busy.set(false);
                outcome.set(Some(result));
                tick();
            });
        });
    };
    let shown_outcome = move || match outcome.get() {
        _ if wait_s.get() > 0 => Some(Err(ChangeError::Wait {
            ms: wait_s.get() * 1000,
        })),
        Some(Err(ChangeError::Wait { .. })) => None,
        other => other,
    };
    view! {
        <section class="settings">
            <h2>{t!(i18n, change_passphrase_heading)}</h2>
            <form class="gate-form" on:submit=submit>
                <label>
                    <span>{t!(i18n, current_passphrase_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=current />
                </label>
                <label>
                    <span>{t!(i18n, new_passphrase_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=new />
                </label>
                <label>
                    <span>{t!(i18n, new_passphrase_again_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=again />
                </label>
                <label class="check">
                    <input type="checkbox" bind:checked=reseal />
                    <span>{t!(i18n, reseal_label)}</span>
                </label>
                {move || shown_outcome().map(|result| match result {
                    Ok(()) => view! { <p class="form-done" role="status">{t!(i18n, passphrase_changed)}</p> }.into_any(),
                    Err(error) => view! { <p class="form-error" role="alert">{change_message(i18n, error)}</p> }.into_any(),
                })}
                <button type="submit" class="primary" disabled=move || busy.get() || wait_s.get() != 0>
                    {t!(i18n, change_passphrase_button)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn ChangePin() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let (pin, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let outcome = RwSignal::new(None::<Result<(), ChangeError>>);
    let asking = RwSignal::new(false);
    // A PIN that would be refused is said at once, before the passphrase is asked.
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_new_pin(&pin.get_untracked(), &again.get_untracked()) {
            Ok(()) => asking.set(true),
            Err(error) => outcome.set(Some(Err(error))),
        }
    };
    let change = move || {
        let result = state.change_pin(&pin.get_untracked(), &again.get_untracked());
        if result.is_ok() {
            pin.set(String::new());
            again.set(String::new());
        }
        outcome.set(Some(result));
    };
    view! {
        <section class="settings">
            <h2>{t!(i18n, change_pin_heading)}</h2>
            <form class="gate-form" on:submit=submit>
                <label>
                    <span>{t!(i18n, new_pin_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" inputmode="numeric" bind:value=pin />
                </label>
                <label>
                    <span>{t!(i18n, pin_again_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" inputmode="numeric" bind:value=again />
                </label>
                {move || outcome.get().map(|result| match result {
                    Ok(()) => view! { <p class="form-done" role="status">{t!(i18n, pin_changed)}</p> }.into_any(),
                    Err(error) => view! { <p class="form-error" role="alert">{change_message(i18n, error)}</p> }.into_any(),
                })}
                <button type="submit" class="primary">{t!(i18n, change_pin_button)}</button>
            </form>
            <ConfirmPassphrase asking
                reason=Signal::derive(move || t_string!(i18n, confirm_passphrase_pin).to_owned())
                on_confirmed=change />
        </section>
    }
}
