//! The worker's settings for this tablet: when to lock, and wiping everything.

use leptos::prelude::*;

use crate::app::use_app_state;
use crate::core::Place;
use crate::i18n::*;
use crate::ui::lock::WipeDialog;
use crate::ui::IconButton;

/// The auto-lock times offered, in minutes.
const AUTO_LOCK_CHOICES: [u32; 6] = [1, 2, 5, 10, 15, 30];

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let confirm_wipe = RwSignal::new(false);
    let minutes = move || {
        state
            .vault
            .with(|vault| vault.as_ref().map(|v| v.auto_lock_minutes))
            .unwrap_or_default()
    };
    let choices = AUTO_LOCK_CHOICES
        .into_iter()
        .map(|choice| {
            view! {
                <option value=choice.to_string() selected=move || minutes() == choice>
                    {move || t_string!(i18n, minutes, count = choice).to_string()}
                </option>
            }
        })
        .collect_view();
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_sessions).to_owned())
                on_press=move || state.go(Place::Start) />
            <h1>{t!(i18n, settings_heading)}</h1>
        </header>
        <section class="settings">
            <label>
                <span>{t!(i18n, auto_lock_label)}</span>
                <select on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<u32>() {
                        state.set_auto_lock_minutes(chosen);
                    }
                }>{choices}</select>
            </label>
            <p class="hint">{t!(i18n, auto_lock_hint)}</p>
            <IconButton icon="icon-lock" label=Signal::derive(move || t_string!(i18n, lock).to_owned())
                on_press=move || state.lock() />
        </section>
        <section class="settings">
            <h2>{t!(i18n, privacy_heading)}</h2>
            <IconButton icon="icon-read-back" label=Signal::derive(move || t_string!(i18n, privacy_open).to_owned())
                on_press=move || state.go(Place::Privacy) />
        </section>
        <section class="settings danger-zone">
            <h2>{t!(i18n, wipe_device)}</h2>
            <p>{t!(i18n, wipe_hint)}</p>
            <button type="button" class="danger-quiet" on:click=move |_| confirm_wipe.set(true)>
                {t!(i18n, wipe_device)}
            </button>
        </section>
        <WipeDialog open=confirm_wipe />
    }
}
