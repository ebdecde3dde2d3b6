//! Read-back: every entry of a house or helper, large, so the worker can read the child's words back
//! to the child and check together that they are right.

use leptos::prelude::*;

use crate::core::{EntryId, Question, ReadBackMark, Screen, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::state::use_app_state;
use crate::state::SavePolicy;
use crate::ui::entry_summary::EntrySummary;
use crate::ui::labels::{voice_label, with_name_isolated, NAME_MARK};
use crate::ui::language::{workers_language, InWorkersLanguage};
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
    // What the child took out is not read back to them.
    let entries = state
        .with_session(&session, |s| {
            s.child_entries(question).cloned().collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let back = Screen::Question {
        session,
        tool,
        question,
    };
    let shown = entries
        .into_iter()
        .map(|entry| {
            let entry_id = entry.id;
            // The child's own words, read exactly as written, so the child can hear them and
            // say whether they are right. A drawing has nothing to read.
            // A drawing's caption is the child's words about it: read back too.
            let caption = entry
                .caption
                .clone()
                .filter(|caption| !caption.text.trim().is_empty());
            let words = entry
                .words()
                .or(caption.as_ref())
                .map(|words| words.text.clone())
                .filter(|text| !text.trim().is_empty());
            view! {
                <li class="read-back-entry">
                    <EntrySummary entry />
                    {caption.map(|caption| view! {
                        <figure class="entry-words caption-words">
                            <blockquote class="childs-words" dir="auto">{caption.text}</blockquote>
                            <figcaption class="voice">{voice_label(i18n, caption.voice)}</figcaption>
                        </figure>
                    })}
                    // The child's own words, in whatever language they are: the worker's voice may read them too.
                    {words.map(|text| { let text = Signal::stored(text); view! { <ReadAloud text in_workers_language=Some(text) /> } })}
                    <ReadBackMarks session question entry=entry_id />
                </li>
            }
        })
        .collect_view();
    view! {
        <header class=format!("screen-header question-header question-{} tool-{}", question.slug(), tool.slug())>
            <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(i18n, done).to_owned())
                on_press=move || state.go(back) />
            <h1>{move || with_name_isolated(&t_string!(i18n, read_back_heading, house = NAME_MARK), &name)}</h1>
        </header>
        <InWorkersLanguage>
            <ReadBackHint />
        </InWorkersLanguage>
        <ol class="read-back">{shown}</ol>
    }
}

/// What the worker does here, in the worker's language: the instruction is the worker's.
#[component]
fn ReadBackHint() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="hint">{t!(i18n, read_back_hint)}</p> }
}

/// The worker marks, with the child, whether an entry was read back and found right, or
/// changed after reading it back; with the time. Tapping a chosen mark again clears it. The
/// marks are the worker's, so in the worker's language.
#[component]
fn ReadBackMarks(session: SessionId, question: Question, entry: EntryId) -> impl IntoView {
    let state = use_app_state();
    let i18n = workers_language().unwrap_or_else(use_i18n);
    let mark = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                s.entry(question, entry).and_then(|e| e.read_back)
            })
            .flatten()
    });
    let choose = move |chosen: ReadBackMark| {
        let next = (mark.get_untracked().map(|m| m.mark) != Some(chosen)).then_some(chosen);
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.set_read_back(question, entry, next, now)
        });
    };
    let pressed =
        move |which: ReadBackMark| move || (mark.get().map(|m| m.mark) == Some(which)).to_string();
    let lang = move || i18n.get_locale().as_str();
    view! {
        <div class="read-back-marks" lang=lang>
            <button type="button" class="mark-checked" aria-pressed=pressed(ReadBackMark::Checked)
                on:click=move |_| choose(ReadBackMark::Checked)>
                {t!(i18n, read_back_checked)}
            </button>
            <button type="button" class="mark-changed" aria-pressed=pressed(ReadBackMark::ChangedAfterReadingBack)
                on:click=move |_| choose(ReadBackMark::ChangedAfterReadingBack)>
                {t!(i18n, read_back_changed)}
            </button>
            <span class="quiet" role="status">
                {move || mark.get().map(|m| {
                    let time = platform::local_date_time(m.at_ms, i18n.get_locale().as_str());
                    match m.mark {
                        ReadBackMark::Checked => t_string!(i18n, read_back_mark_checked, time),
                        ReadBackMark::ChangedAfterReadingBack => t_string!(i18n, read_back_mark_changed, time),
                    }
                })}
            </span>
        </div>
    }
}
