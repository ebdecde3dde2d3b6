//! Writing the child's words, exactly as given, with who said and who wrote them. Once the
//! conversation is finished they are read-only, and a change is an amendment with a reason;
//! in child mode words written before the screen opened are read-only too.

use leptos::prelude::*;

use crate::core::{Amended, EntryId, Part, Question, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::details::{AmendDialog, AmendmentLines};
use crate::ui::language::{workers_language, InWorkersLanguage};
use crate::ui::look::{age_version_of, name_in, prompt};
use crate::ui::read_aloud::ReadAloud;
use crate::ui::voice_choice::VoiceChoice;
use crate::ui::IconButton;

#[component]
pub fn WordsScreen(
    session: SessionId,
    tool: Tool,
    question: Question,
    entry: EntryId,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let age = age_version_of(session);
    let stored = state
        .with_session(&session, |s| {
            s.entry(question, entry).and_then(|e| e.words()).cloned()
        })
        .flatten()
        .unwrap_or_default();
    let text = RwSignal::new(stored.text);
    let voice = RwSignal::new(stored.voice);
    let title = state
        .with_session(&session, |s| name_in(i18n, s, tool, question))
        .unwrap_or_default();

    // Words started in this visit and left empty are not kept as an empty entry.
    let opened_empty = text.get_untracked().is_empty();
    // In child mode words that were there before this screen opened are only looked at: the
    // child adds something new or takes them out, and nobody holding the tablet empties them.
    let in_child_mode = state.child_mode.with_untracked(Option::is_some);
    let kept_as_made = in_child_mode && !opened_empty;
    // This screen is one opening: every keystroke in it updates one change, which keeps the
    // words as they were when it opened (see `core::entry_history`).
    let opening = StoredValue::new(
        state
            .with_session_untracked(&session, |s| {
                s.open_for_editing(question, entry, Part::Words, platform::now_ms())
            })
            .flatten()
            .filter(|_| !kept_as_made),
    );
    // Every keystroke changes the session in memory at once; storage follows a moment later.
    let keep = move |policy: SavePolicy| {
        let (now_text, now_voice) = (text.get_untracked(), voice.get_untracked());
        opening.with_value(|opening| {
            if let Some(opening) = opening {
                state.edit(&session, policy, |s, now| {
                    s.write_words(opening, &now_text, now_voice, now)
                });
            }
        });
    };
    let done = move || {
        keep(SavePolicy::Now);
        let blank_now = text.get_untracked().is_empty();
        state.close_entry(&session, tool, question, entry, opened_empty, blank_now);
    };

    let finished = move || {
        state
            .with_session(&session, |s| s.is_finished())
            .unwrap_or(false)
    };
    let read_only = move || kept_as_made || finished();
    let amending = RwSignal::new(false);
    // The amendment is the worker's: it speaks the worker's language.
    let workers = workers_language().unwrap_or(i18n);

    let textarea_ref = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(textarea) = textarea_ref.get() {
            if !read_only() {
                let _ = textarea.focus();
            }
        }
    });

    view! {
        <header class="screen-header compact">
            <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(i18n, done).to_owned())
                on_press=done />
            <h1>{title}</h1>
        </header>
        <div class="prompt-row">
            <p class="prompt">{move || prompt(i18n, tool, question, age.get())}</p>
            <ReadAloud text=Signal::derive(move || prompt(i18n, tool, question, age.get()).to_owned())
                in_workers_language=workers_language().map(|workers| Signal::derive(move || prompt(workers, tool, question, age.get()).to_owned())) />
        </div>
        <label class="words-field">
            <span>{t!(i18n, words_label)}</span>
            <textarea {..crate::ui::fields::as_typed()}
                node_ref=textarea_ref
                dir="auto"
                rows="6"
                readonly=read_only
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    keep(SavePolicy::AfterTyping);
                }
            ></textarea>
        </label>
        {kept_as_made.then(|| view! { <p class="kept-as-made" role="note">{t!(i18n, kept_as_made)}</p> })}
        // Who said and who wrote the words is the worker's to mark, so it speaks the worker's
        // language beside a child who reads another.
        <InWorkersLanguage>
            <VoiceChoice i18n=workers name="voice" chosen=voice disabled=Signal::derive(read_only)
                on_choose=move |choice| {
                    voice.set(choice);
                    keep(SavePolicy::Now);
                } />
        </InWorkersLanguage>
        <InWorkersLanguage>
            <div class="amend">
                // Amending is the worker's: never offered to a child holding the tablet.
                <Show when=move || finished() && state.child_mode.with(Option::is_none)>
                    <button type="button" class="amend-button" on:click=move |_| amending.set(true)>
                        {t!(workers, amend_button)}
                    </button>
                </Show>
                <AmendmentLines session what=Amended::Words { question, entry } />
                <Show when=move || amending.get()>
                    <AmendDialog
                        current=text.get_untracked()
                        text_label=t_string!(workers, words_label).to_owned()
                        amend=move |new_text, why| {
                            let result = state.edit(&session, SavePolicy::Now, |s, now| {
                                s.amend_words(question, entry, &new_text, &why, now)
                            });
                            if matches!(result, Some(Ok(()))) {
                                text.set(new_text);
                            }
                            result
                        }
                        on_close=move || amending.set(false) />
                </Show>
            </div>
        </InWorkersLanguage>
    }
}
