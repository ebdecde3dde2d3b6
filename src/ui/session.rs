//! A session's home: who it is with, and the tools to choose from.

use leptos::prelude::*;

use crate::app::use_app_state;
use crate::core::{Place, SessionId};
use crate::i18n::*;
use crate::ui::IconButton;

#[component]
pub fn SessionScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let name = state
        .with_session(&session, |s| s.child.name.clone())
        .unwrap_or_default();
    let (houses, sharing, summary) = (session.clone(), session.clone(), session);
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_sessions).to_owned())
                on_press=move || state.go(Place::Start) />
            <h1>{move || t_string!(i18n, session_heading, name = name.clone())}</h1>
        </header>
        <section class="tools" aria-labelledby="tools-heading">
            <h2 id="tools-heading">{t!(i18n, tools_heading)}</h2>
            <button
                type="button"
                class="tool-card"
                on:click=move |_| state.go(Place::ThreeHouses { session: houses.clone() })
            >
                <img src="public/icon-houses.svg" alt="" aria-hidden="true" />
                <span class="tool-name">{t!(i18n, three_houses)}</span>
                <span class="tool-hint" aria-hidden="true">{t!(i18n, three_houses_hint)}</span>
            </button>
        </section>
        <section class="tools after-tools">
            <button
                type="button"
                class="tool-card"
                on:click=move |_| state.go(Place::Sharing { session: sharing.clone() })
            >
                <img src="public/audience-family.svg" alt="" aria-hidden="true" />
                <span class="tool-name">{t!(i18n, sharing_tool)}</span>
                <span class="tool-hint" aria-hidden="true">{t!(i18n, sharing_tool_hint)}</span>
            </button>
            <button
                type="button"
                class="tool-card"
                on:click=move |_| state.go(Place::Summary { session: summary.clone() })
            >
                <img src="public/icon-read-back.svg" alt="" aria-hidden="true" />
                <span class="tool-name">{t!(i18n, summary_tool)}</span>
                <span class="tool-hint" aria-hidden="true">{t!(i18n, summary_tool_hint)}</span>
            </button>
        </section>
        <p class="quiet privacy-note">{t!(i18n, saved_here_only)}</p>
    }
}
