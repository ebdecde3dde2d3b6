//! What Hear Me stores, where, for how long, and how to delete it, in plain words for the
//! worker, the family and a data-protection officer.

use leptos::prelude::*;

use crate::core::Screen;
use crate::i18n::*;
use crate::state::use_app_state;
use crate::ui::IconButton;

/// The privacy statement itself, also shown on the set-up screen.
#[component]
pub fn PrivacyText() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="privacy-text">
            <h2>{t!(i18n, privacy_what_heading)}</h2>
            <p>{t!(i18n, privacy_what)}</p>
            <h2>{t!(i18n, privacy_where_heading)}</h2>
            <p>{t!(i18n, privacy_where)}</p>
            <h2>{t!(i18n, privacy_how_heading)}</h2>
            <p>{t!(i18n, privacy_how)}</p>
            <h2>{t!(i18n, privacy_long_heading)}</h2>
            <p>{t!(i18n, privacy_long)}</p>
            <h2>{t!(i18n, privacy_delete_heading)}</h2>
            <p>{t!(i18n, privacy_delete)}</p>
            <h2>{t!(i18n, privacy_leave_heading)}</h2>
            <p>{t!(i18n, privacy_leave)}</p>
            <h2>{t!(i18n, privacy_files_heading)}</h2>
            <p>{t!(i18n, privacy_files)}</p>
        </div>
    }
}

#[component]
pub fn PrivacyScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_children).to_owned())
                on_press=move || state.go(Screen::Start) />
            <h1>{t!(i18n, privacy_heading)}</h1>
        </header>
        <PrivacyText />
    }
}
