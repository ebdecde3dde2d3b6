//! Read-back: every entry of a house or helper, large, so the worker can read the child's words back
//! to the child and check together that they are right.

use leptos::prelude::*;

use crate::core::{Question, Screen, SessionId, Tool};
use crate::i18n::*;
use crate::state::use_app_state;
use crate::ui::entry_summary::EntrySummary;
use crate::ui::look::name_in;
use crate::ui::read_aloud::ReadAloud;
use crate::ui::IconButton;

#[component]
pub fn ReadBackScreen(session: SessionId, tool: Tool, question: Question) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let name = state
        .with_session(&session, |s| name_in(i18n, s, tool, question))
        .unwrap_or_default();
    let entries = state
        .with_session(&session, |s| s.entries(question).to_vec())
        .unwrap_or_default();
    let back = Screen::Question {
        session,
        tool,
        question,
    };
    let shown = entries
        .into_iter()
        .map(|entry| {
            // The child's own words, read exactly as written, so the child can hear them and
            // say whether they are right. A drawing has nothing to read.
            let words = entry
                .words()
                .map(|words| words.text.clone())
                .filter(|text| !text.trim().is_empty());
            view! {
                <li class="read-back-entry">
                    <EntrySummary entry />
                    // The child's own words, in whatever language they are: the worker's voice may read them too.
                    {words.map(|text| { let text = Signal::stored(text); view! { <ReadAloud text in_workers_language=Some(text) /> } })}
                </li>
            }
        })
        .collect_view();
    view! {
        <header class=format!("screen-header question-header question-{} tool-{}", question.slug(), tool.slug())>
            <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(i18n, done).to_owned())
                on_press=move || state.go(back) />
            <h1>{move || t_string!(i18n, read_back_heading, house = name.clone())}</h1>
        </header>
        <p class="hint">{t!(i18n, read_back_hint)}</p>
        <ol class="read-back">{shown}</ol>
    }
}
