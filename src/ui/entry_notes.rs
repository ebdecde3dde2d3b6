//! What goes with an entry besides the child's drawing or words: the child's caption of a
//! drawing ("this is me and my dog"), marked with who said and who wrote it, and what the
//! worker asked before the answer. Both are kept as given; after the end of the conversation
//! only an amendment, with its reason, changes them.

use std::collections::HashMap;

use leptos::context::Provider;
use leptos::prelude::*;

use crate::core::{Amended, EntryId, Opening, Part, Question, SessionId, Words};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::details::{AmendDialog, AmendmentLines};
use crate::ui::labels::voice_label;
use crate::ui::language::workers_language;
use crate::ui::voice_choice::VoiceChoice;

/// The child's words about their drawing, with who said and who wrote them. Labels are the
/// worker's (the worker writes, or helps the child to), in the worker's language.
#[component]
pub fn Caption(
    session: SessionId,
    question: Question,
    entry: EntryId,
    finished: Memo<bool>,
    /// The screen's opening of each caption: typing keeps one change per opening.
    openings: StoredValue<HashMap<EntryId, Opening>>,
) -> impl IntoView {
    let state = use_app_state();
    let workers = workers_language().unwrap_or_else(use_i18n);
    let caption = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                s.entry(question, entry).and_then(|e| e.caption.clone())
            })
            .flatten()
            .unwrap_or_default()
    });
    let keep = move |words: Words, policy: SavePolicy| {
        let opening = openings
            .with_value(|all| all.get(&entry).cloned())
            .or_else(|| {
                state
                    .with_session_untracked(&session, |s| {
                        s.open_for_editing(question, entry, Part::Caption, platform::now_ms())
                    })
                    .flatten()
            });
        let Some(opening) = opening else {
            return;
        };
        state.edit(&session, policy, |s, now| {
            s.write_caption(&opening, Some(words), now)
        });
        openings.update_value(|all| {
            all.insert(entry, opening);
        });
    };
    let read_only = Signal::derive(move || finished.get());
    view! {
        <div class="caption" lang=move || workers.get_locale().as_str()>
            <label>
                <span>{t!(workers, caption_label)}</span>
                <textarea {..crate::ui::fields::as_typed()} dir="auto" rows="2"
                    readonly=read_only
                    prop:value=move || caption.get().text
                    on:input=move |ev| {
                        keep(Words { text: event_target_value(&ev), voice: caption.get_untracked().voice }, SavePolicy::AfterTyping);
                    }></textarea>
            </label>
            <VoiceChoice i18n=workers name=format!("caption-voice-{}", entry.0)
                chosen=Signal::derive(move || caption.get().voice) disabled=read_only
                on_choose=move |voice| keep(Words { text: caption.get_untracked().text, voice }, SavePolicy::Now) />
            <Amending session what=Amended::Caption { question, entry } current=Signal::derive(move || caption.get().text)
                label=Signal::derive(move || t_string!(workers, caption_label).to_owned()) finished
                amend=move |text: String, why: String| state.edit(&session, SavePolicy::Now, |s, now| s.amend_caption(question, entry, &text, &why, now)) />
        </div>
    }
}

/// The child's words about their drawing as kept, for the child holding the tablet: their
/// words, not a field to fill in.
#[component]
pub fn CaptionAsSaid(caption: Option<Words>) -> impl IntoView {
    let i18n = use_i18n();
    caption.map(|caption| {
        view! {
            <figure class="entry-words caption-words">
                <blockquote class="childs-words" dir="auto">{caption.text}</blockquote>
                <figcaption class="voice">{move || voice_label(i18n, caption.voice)}</figcaption>
            </figure>
        }
    })
}

/// What the worker asked before the child's answer: it changes what the answer weighs.
#[component]
pub fn WorkerQuestion(
    session: SessionId,
    question: Question,
    entry: EntryId,
    finished: Memo<bool>,
) -> impl IntoView {
    let state = use_app_state();
    let workers = workers_language().unwrap_or_else(use_i18n);
    let asked = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                s.entry(question, entry)
                    .and_then(|e| e.worker_question.clone())
            })
            .flatten()
            .unwrap_or_default()
    });
    view! {
        <div class="worker-question" lang=move || workers.get_locale().as_str()>
            <label>
                <span>{t!(workers, worker_question_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" dir="auto" readonly=move || finished.get()
                    prop:value=move || asked.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_worker_question(question, entry, &text, now));
                    } />
            </label>
            <Amending session what=Amended::WorkerQuestion { question, entry } current=Signal::derive(move || asked.get())
                label=Signal::derive(move || t_string!(workers, worker_question_label).to_owned()) finished
                amend=move |text: String, why: String| state.edit(&session, SavePolicy::Now, |s, now| s.amend_worker_question(question, entry, &text, &why, now)) />
        </div>
    }
}

/// After the end: the worker's "Amend" (never offered to a child holding the tablet), the
/// dialog for the new text and its reason, and the amendments made so far.
#[component]
fn Amending(
    session: SessionId,
    what: Amended,
    current: Signal<String>,
    label: Signal<String>,
    finished: Memo<bool>,
    amend: impl Fn(String, String) -> Option<Result<(), crate::core::AmendError>>
        + Copy
        + Send
        + Sync
        + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let workers = workers_language().unwrap_or_else(use_i18n);
    let amending = RwSignal::new(false);
    view! {
        <Provider value=workers>
            <Show when=move || finished.get() && state.child_mode.with(Option::is_none)>
                <button type="button" class="amend-button" on:click=move |_| amending.set(true)>
                    {t!(workers, amend_button)}
                </button>
            </Show>
            <AmendmentLines session what />
            <Show when=move || amending.get()>
                <AmendDialog current=current.get_untracked() text_label=label.get_untracked()
                    amend on_close=move || amending.set(false) />
            </Show>
        </Provider>
    }
}
