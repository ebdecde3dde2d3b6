//! A session's home, a short page: the worker's part before the conversation (its details,
//! the version of the questions, the people the child can choose, the parents' leaflet),
//! folded; "Before we start" and the tools; and the part after it (who may see what, the
//! summary, what happens next, the responses, finishing), folded too.

use leptos::prelude::*;

use crate::core::{Audience, Screen, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::details::{
    AgeVersionChoice, DetailsSummary, FinishConversation, NetworkResponses, NextStepsSection,
};
use crate::ui::dialog::Modal;
use crate::ui::feedback::{FeedbackSection, PromisesToCheck, TellWhatHappenedCard};
use crate::ui::labels::audience_label;
use crate::ui::language::childs_locale;
use crate::ui::leaflet::{offered_tools, LeafletButton};
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
    let workers_time = move |at: u64| platform::local_date_time(at, i18n.get_locale().as_str());
    // The state of each folded part, on its summary line, so nothing needs opening to know it.
    let before_state = move || {
        let started = state
            .with_session(&session, |s| s.start_time())
            .unwrap_or_default();
        let talked = match state
            .with_session(&session, |s| s.before_we_start_at())
            .flatten()
        {
            Some(at) => t_string!(i18n, before_done_mark, time = workers_time(at)).to_string(),
            None => t_string!(i18n, session_before_not_yet).to_owned(),
        };
        format!(
            "{}: {} · {talked}",
            t_string!(i18n, details_started),
            workers_time(started)
        )
    };
    let after_state = move || match state.with_session(&session, |s| s.finished_at()).flatten() {
        Some(at) => t_string!(i18n, finished_mark, time = workers_time(at)).to_string(),
        None => t_string!(i18n, session_after_open).to_owned(),
    };
    let leaflet_worker = Signal::derive(move || {
        state
            .with_session(&session, |s| s.worker.clone())
            .unwrap_or_default()
    });
    let leaflet_tools = Signal::derive(move || {
        state
            .with_session(&session, offered_tools)
            .unwrap_or_default()
    });
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_children).to_owned())
                on_press=move || state.go(Screen::Start) />
            <h1>{move || t_string!(i18n, session_heading, name = heading_name.clone())}</h1>
        </header>
        <div class="session-links">
            <crate::ui::child::ChildPageButton session />
            <crate::ui::over_time::OverTimeButton session />
        </div>
        // The worker's paperwork before the conversation, folded: the child who is handed the
        // tablet sees the tools, not forms.
        <details class="session-fold before-fold">
            <summary>
                <span class="fold-heading">{t!(i18n, session_before_heading)}</span>
                <span class="fold-state">{before_state}</span>
            </summary>
            <div class="fold-body">
                <div class="session-status">
                    <DetailsSummary session />
                </div>
                <AgeVersionChoice session />
                <div class="session-extras">
                    <IconButton icon="audience-family" label=Signal::derive(move || t_string!(i18n, choose_audiences).to_owned())
                        on_press=move || choosing_audiences.set(true) />
                    <LeafletButton family=childs_locale(session) worker=leaflet_worker tools=leaflet_tools />
                </div>
            </div>
        </details>
        // What the child said at their visit before, to see again first.
        <crate::ui::last_time::LastTimeCard session />
        // What the child hears first, then the tools: cards of one size.
        <section class="tools session-tools" aria-labelledby="tools-heading">
            <h2 id="tools-heading">{t!(i18n, tools_heading)}</h2>
            <div class="tool-grid">
                <ToolCard icon="public/icon-hand-over.svg".to_owned() to=Screen::BeforeWeStart { session }
                    name=Signal::derive(move || t_string!(i18n, before_open).to_owned())
                    hint=Signal::derive(move || {
                        match state.with_session(&session, |s| s.before_we_start_at()).flatten() {
                            Some(at) => t_string!(i18n, before_done_mark, time = platform::local_date_time(at, i18n.get_locale().as_str())),
                            None => t_string!(i18n, before_hint).to_owned(),
                        }
                    }) />
                {tools}
                <TellWhatHappenedCard session name=name.clone() />
            </div>
        </section>
        <PromisesToCheck session name=name.clone() />
        // After the conversation, folded too: who may see what, the summary, what happens
        // next, the responses and finishing.
        <details class="session-fold after-fold">
            <summary>
                <span class="fold-heading">{t!(i18n, session_after_heading)}</span>
                <span class="fold-state">{after_state}</span>
            </summary>
            <div class="fold-body">
                <div class="tool-grid">
                    <ToolCard icon="public/audience-family.svg".to_owned() to=Screen::Sharing { session, step: 0 }
                        name=Signal::derive(move || t_string!(i18n, sharing_tool).to_owned())
                        hint=Signal::derive(move || t_string!(i18n, sharing_tool_hint).to_owned()) />
                    <ToolCard icon="public/icon-read-back.svg".to_owned() to=Screen::Summary { session }
                        name=Signal::derive(move || t_string!(i18n, summary_tool).to_owned())
                        hint=Signal::derive(move || t_string!(i18n, summary_tool_hint).to_owned()) />
                </div>
                <NextStepsSection session name=name.clone() />
                <FeedbackSection session name=name.clone() />
                <NetworkResponses session />
                <div class="session-status">
                    <FinishConversation session name=name.clone() />
                </div>
            </div>
        </details>
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
