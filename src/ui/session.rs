//! A session's home: who it is with, and the tools to choose from.

use leptos::prelude::*;

use crate::app::use_app_state;
use crate::core::{Place, Question, SessionId, Tool};
use crate::i18n::*;
use crate::ui::{IconButton, ToolCard};

#[component]
pub fn SessionScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let name = state
        .with_session(&session, |s| s.child.name.clone())
        .unwrap_or_default();
    // The helpers' card shows the child's own helper once they have chosen one.
    let helpers_icon = {
        let session = session.clone();
        Signal::derive(move || {
            state
                .with_session(&session, |s| s.helper)
                .flatten()
                .map(|helper| helper.picture_url(Question::Dreams))
                .unwrap_or_else(|| "public/icon-magic.svg".to_owned())
        })
    };
    let (houses, helpers, sharing, summary) =
        (session.clone(), session.clone(), session.clone(), session);
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_sessions).to_owned())
                on_press=move || state.go(Place::Start) />
            <h1>{move || t_string!(i18n, session_heading, name = name.clone())}</h1>
        </header>
        <section class="tools" aria-labelledby="tools-heading">
            <h2 id="tools-heading">{t!(i18n, tools_heading)}</h2>
            <ToolCard icon="public/icon-houses.svg".to_owned() to=Place::Tool { session: houses, tool: Tool::ThreeHouses }
                name=Signal::derive(move || t_string!(i18n, three_houses).to_owned())
                hint=Signal::derive(move || t_string!(i18n, three_houses_hint).to_owned()) />
            <ToolCard icon=helpers_icon to=Place::Tool { session: helpers, tool: Tool::WizardsAndFairies }
                name=Signal::derive(move || t_string!(i18n, wizards_and_fairies).to_owned())
                hint=Signal::derive(move || t_string!(i18n, wizards_and_fairies_hint).to_owned()) />
        </section>
        <section class="tools after-tools">
            <ToolCard icon="public/audience-family.svg".to_owned() to=Place::Sharing { session: sharing }
                name=Signal::derive(move || t_string!(i18n, sharing_tool).to_owned())
                hint=Signal::derive(move || t_string!(i18n, sharing_tool_hint).to_owned()) />
            <ToolCard icon="public/icon-read-back.svg".to_owned() to=Place::Summary { session: summary }
                name=Signal::derive(move || t_string!(i18n, summary_tool).to_owned())
                hint=Signal::derive(move || t_string!(i18n, summary_tool_hint).to_owned()) />
        </section>
        <p class="quiet privacy-note">{t!(i18n, saved_here_only)}</p>
    }
}
