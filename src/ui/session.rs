//! A session's home: who it is with, the conversation's details and its end, the tools to
//! choose from, what happens next and how the family and network responded.

use leptos::prelude::*;

use crate::core::{Audience, Screen, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::details::{
    AgeVersionChoice, DetailsSummary, FinishConversation, NetworkResponses, NextStepsSection,
};
use crate::ui::dialog::Modal;
use crate::ui::labels::audience_label;
use crate::ui::language::SessionChildLanguage;
use crate::ui::look::look;
use crate::ui::sharing::audience_picture;
use crate::ui::{IconButton, ToolCard};

#[component]
pub fn SessionScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let name = state
        .with_session(&session, |s| s.child.name.clone())
        .unwrap_or_default();
    // One card for each tool, in its own picture (the child's helper, once chosen).
    let tools = Tool::ALL
        .into_iter()
        .map(|tool| {
            let look = look(tool);
            let icon = Signal::derive(move || {
                state
                    .with_session(&session, |s| (look.card_icon)(s))
                    .unwrap_or_default()
            });
            view! {
                <ToolCard icon to=Screen::Tool { session, tool }
                    name=Signal::derive(move || (look.name)(i18n).to_owned())
                    hint=Signal::derive(move || (look.hint)(i18n).to_owned()) />
            }
        })
        .collect_view();
    let choosing_audiences = RwSignal::new(false);
    let heading_name = name.clone();
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_sessions).to_owned())
                on_press=move || state.go(Screen::Start) />
            <h1>{move || t_string!(i18n, session_heading, name = heading_name.clone())}</h1>
        </header>
        <div class="session-status">
            <DetailsSummary session />
            <FinishConversation session name=name.clone() />
        </div>
        <AgeVersionChoice session />
        // What the child hears first, before any tool; once talked through, the card says when.
        <section class="tools before-tools">
            <ToolCard icon="public/icon-hand-over.svg".to_owned() to=Screen::BeforeWeStart { session }
                name=Signal::derive(move || t_string!(i18n, before_open).to_owned())
                hint=Signal::derive(move || {
                    match state.with_session(&session, |s| s.before_we_start_at()).flatten() {
                        Some(at) => t_string!(i18n, before_done_mark, time = platform::local_date_time(at, i18n.get_locale().as_str())),
                        None => t_string!(i18n, before_hint).to_owned(),
                    }
                }) />
        </section>
        <section class="tools" aria-labelledby="tools-heading">
            <h2 id="tools-heading">{t!(i18n, tools_heading)}</h2>
            {tools}
        </section>
        <section class="tools after-tools">
            <ToolCard icon="public/audience-family.svg".to_owned() to=Screen::Sharing { session, step: 0 }
                name=Signal::derive(move || t_string!(i18n, sharing_tool).to_owned())
                hint=Signal::derive(move || t_string!(i18n, sharing_tool_hint).to_owned()) />
            <ToolCard icon="public/icon-read-back.svg".to_owned() to=Screen::Summary { session }
                name=Signal::derive(move || t_string!(i18n, summary_tool).to_owned())
                hint=Signal::derive(move || t_string!(i18n, summary_tool_hint).to_owned()) />
        </section>
        <NextStepsSection session name=name.clone() />
        <NetworkResponses session />
        <div class="session-extras">
            <IconButton icon="audience-family" label=Signal::derive(move || t_string!(i18n, choose_audiences).to_owned())
                on_press=move || choosing_audiences.set(true) />
            <SessionChildLanguage session />
        </div>
        <p class="quiet privacy-note">{t!(i18n, saved_here_only)}</p>
        <Show when=move || choosing_audiences.get()>
            <AudiencesDialog session on_close=move || choosing_audiences.set(false) />
        </Show>
    }
}

/// The worker turns off pictured choices that do not apply to this child (a dad who has
/// died), before the child is asked: they are then not offered on any sharing screen.
#[component]
fn AudiencesDialog(
    session: SessionId,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let done = on_close.clone();
    let choices = Audience::PICTURED
        .into_iter()
        .map(|audience| {
            let shown = audience.clone();
            let picture = audience_picture(&audience);
            let label = audience.clone();
            view! {
                <label class="check audience-offered">
                    <input type="checkbox"
                        prop:checked=move || state.with_session(&session, |s| !s.is_hidden(&shown)).unwrap_or(true)
                        on:change=move |ev| {
                            let offered = event_target_checked(&ev);
                            state.edit(&session, SavePolicy::Now, |s, now| s.set_hidden(&audience, !offered, now));
                        } />
                    <img src=picture alt="" aria-hidden="true" />
                    <span>{move || audience_label(i18n, &label)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <Modal labelled_by="audiences-title" on_escape=on_close>
            <h2 id="audiences-title">{t!(i18n, choose_audiences)}</h2>
            <p class="quiet">{t!(i18n, choose_audiences_hint)}</p>
            <div class="audiences-offered">{choices}</div>
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=move |_| done()>{t!(i18n, done)}</button>
            </div>
        </Modal>
    }
}
