//! The child's page "What happened with what you told me": calm, one piece at a time, in the
//! child's language. Each piece shows what the child said or drew then, as they left it, and
//! the worker's words about what happened, which can be read aloud. The child may say
//! something about it (nothing leads them: the only words shown are the worker's) and goes
//! on with "Next"; at the end the tablet goes back to the worker.

use leptos::prelude::*;

use crate::core::feedback::{for_the_child_at, ForTheChild};
use crate::core::{EntryContent, Screen, SessionId, Voice, Words};
use crate::i18n::*;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::entry_summary::EntrySummary;
use crate::ui::read_aloud::ReadAloud;
use crate::ui::sharing::WalkArrow;
use crate::ui::voice_choice::VoiceChoice;
use crate::ui::IconButton;

#[component]
pub fn FeedbackScreen(session: SessionId, step: u32) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // The pieces as they were when the page opened: hearing one does not move the others.
    let pieces = state
        .sessions
        .with_untracked(|all| {
            all.iter()
                .find(|s| s.id == session)
                .map(|visit| for_the_child_at(all, visit))
        })
        .unwrap_or_default();
    let count = pieces.len();
    let at = step as usize;
    let piece = pieces.get(at).cloned();
    let body = match piece {
        Some(piece) => view! { <Piece session piece step count /> }.into_any(),
        None => view! {
            <div class="feedback-end">
                <img src="public/icon-done.svg" alt="" aria-hidden="true" />
                <p class="prompt">{t!(i18n, fbc_end)}</p>
                <ReadAloud text=Signal::derive(move || t_string!(i18n, fbc_end).to_owned()) />
                <IconButton icon="icon-done" class="big primary"
                    label=Signal::derive(move || t_string!(i18n, done).to_owned())
                    on_press=move || state.go(Screen::Session { session }) />
            </div>
        }
        .into_any(),
    };
    view! {
        <header class="screen-header">
            <h1>{t!(i18n, fbc_heading)}</h1>
        </header>
        <div class="feedback-page">{body}</div>
    }
}

/// One piece: what the child said or drew, the worker's words, the child's reaction.
#[component]
fn Piece(session: SessionId, piece: ForTheChild, step: u32, count: usize) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let heard_before = piece.heard_here.clone();
    let (from, id) = (piece.from, piece.feedback.id);
    // What the child typed before a reload or a lock comes back as they left it.
    let typed = state
        .with_session_untracked(&session, |s| s.reaction_typed(from, id).cloned())
        .flatten();
    let reaction = RwSignal::new(typed.as_ref().map(|w| w.text.clone()).unwrap_or_default());
    let voice = RwSignal::new(typed.map_or(Voice::ChildSaidWorkerWrote, |w| w.voice));
    // Kept as typed, like every word of the child's.
    let keep_typed = move || {
        let words = Words {
            text: reaction.get_untracked(),
            voice: voice.get_untracked(),
        };
        state.edit(&session, SavePolicy::AfterTyping, |s, now| {
            s.type_reaction(from, id, words, now)
        });
    };
    let next = move || {
        if heard_before.is_none() {
            let words = Words {
                text: reaction.get_untracked(),
                voice: voice.get_untracked(),
            };
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.record_feedback_heard(from, id, Some(words), now)
            });
        }
        state.go(Screen::Feedback {
            session,
            step: step + 1,
        });
    };
    let drew = matches!(
        piece.entry.as_ref().map(|entry| &entry.content),
        Some(EntryContent::Drawing(_))
    );
    let about = piece.entry.clone().map(|entry| {
        view! {
            <figure class="feedback-childs">
                <figcaption>{move || if drew { t_string!(i18n, fbc_you_drew) } else { t_string!(i18n, fbc_you_told) }}</figcaption>
                <EntrySummary entry />
            </figure>
        }
    });
    let told = piece.feedback.text.clone();
    let read = told.clone();
    let already = piece.heard_here.clone().map(|heard| {
        view! {
            <div class="feedback-reaction">
                <p>{t!(i18n, fbc_you_said)}</p>
                {heard.reaction.map(|words| view! {
                    <blockquote class="childs-words" dir="auto">{words.text}</blockquote>
                })}
            </div>
        }
    });
    let asking = piece.heard_here.is_none();
    view! {
        <p class="walk-position quiet">
            {move || t_string!(i18n, sharing_position, at = step + 1, count = count).to_string()}
        </p>
        {about}
        <section class="feedback-told" aria-labelledby="feedback-told-heading">
            <h2 id="feedback-told-heading">{t!(i18n, fbc_what_happened)}</h2>
            <p class="workers-words" dir="auto">{told}</p>
            <ReadAloud text=Signal::derive(move || read.clone()) />
        </section>
        {already}
        <Show when=move || asking>
            <div class="feedback-reaction">
                <label class="words-field">
                    <span>{t!(i18n, fbc_say_something)}</span>
                    <textarea {..crate::ui::fields::as_typed()} rows="3" dir="auto"
                        prop:value=move || reaction.get()
                        on:input=move |ev| {
                            reaction.set(event_target_value(&ev));
                            keep_typed();
                        }></textarea>
                </label>
                <VoiceChoice i18n name="feedback-voice" chosen=voice disabled=Signal::derive(|| false)
                    on_choose=move |choice| {
                        voice.set(choice);
                        // Only once there are words: a voice alone is no reaction.
                        if !reaction.with_untracked(String::is_empty) {
                            keep_typed();
                        }
                    } />
            </div>
        </Show>
        <nav class="walk-nav" aria-label=move || t_string!(i18n, fbc_heading)>
            <div></div>
            <div></div>
            <IconButton class="big primary walk-next" label=Signal::derive(move || t_string!(i18n, sharing_next).to_owned())
                on_press=next>
                <WalkArrow forward=true />
            </IconButton>
        </nav>
    }
}
