//! Inside a house or with a helper: the child's entries for one question in the order made,
//! and ways to add more. The same screen for both tools; only the look differs.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::core::{
    EntryContent, EntryId, Opening, Question, Screen, Session, SessionId, Tool, Words,
};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::dialog::{ConfirmDialog, Modal};
use crate::ui::entry_notes::{Caption, CaptionAsSaid, WorkerQuestion};
use crate::ui::entry_summary::EntrySummary;
use crate::ui::language::workers_language;
use crate::ui::look::{age_version_of, back_label, look, name_in, picture, prompt};
use crate::ui::pace::take_out_promise;
use crate::ui::read_aloud::ReadAloud;
use crate::ui::sharing::EntryChoices;
use crate::ui::IconButton;

#[component]
pub fn QuestionScreen(session: SessionId, tool: Tool, question: Question) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let age = age_version_of(session);
    let to_delete = RwSignal::new(None::<EntryId>);
    let to_take_out = RwSignal::new(None::<EntryId>);
    // The entry whose sharing the child is deciding, in a dialog over the list.
    let sharing = RwSignal::new(None::<EntryId>);
    let name = Memo::new(move |_| {
        state
            .with_session(&session, |s| name_in(i18n, s, tool, question))
            .unwrap_or_default()
    });
    let badge = state
        .with_session_untracked(&session, |s| picture(s, tool, question))
        .unwrap_or_default();
    // The wand sparkles once for a wish the child has just added, then the moment is over.
    let sparkle = (look(tool).sparkles)(question)
        && state.just_added.get_untracked().is_some_and(|entry| {
            state
                .with_session_untracked(&session, |s| s.entry(question, entry).is_some())
                .unwrap_or(false)
        });
    state.just_added.set(None);
    // One opening of each caption for as long as this screen shows (see
    // `core::entry_history`): typing in it keeps one change, not one per key.
    let caption_openings = StoredValue::new(HashMap::<EntryId, Opening>::new());
    let entries = state.entries_of(&session, question);
    let in_child_mode = move || state.child_mode.with(Option::is_some);
    // The child sees what they have not taken out; the worker sees everything, with what the
    // child took out marked as such.
    let shown = Memo::new(move |_| {
        let child = in_child_mode();
        entries.with(|entries| {
            entries
                .iter()
                .filter(|entry| !(child && entry.is_taken_out()))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let finished = Memo::new(move |_| {
        state
            .with_session(&session, Session::is_finished)
            .unwrap_or(false)
    });
    let passed = Memo::new(move |_| {
        state
            .with_session(&session, |s| s.passed(tool, question))
            .unwrap_or(false)
    });
    // The order the child goes through the houses or helpers is part of what they said. A
    // screen that only reopens (a reload) writes nothing: stored records stay byte for byte.
    let new_visit = state
        .with_session_untracked(&session, |s| s.would_be_a_new_visit(tool, question))
        .unwrap_or(false);
    if new_visit {
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.note_visit(tool, question, now)
        });
    }

    let start_drawing = move || {
        let entry = state.edit(&session, SavePolicy::Now, |s, now| {
            s.add_drawing(tool, question, now)
        });
        if let Some(entry) = entry {
            state.go(Screen::Drawing {
                session,
                tool,
                question,
                entry,
            });
        }
    };
    let start_words = move || {
        let entry = state.edit(&session, SavePolicy::Now, |s, now| {
            s.add_words(tool, question, Words::default(), now)
        });
        if let Some(entry) = entry {
            state.go(Screen::Words {
                session,
                tool,
                question,
                entry,
            });
        }
    };
    let back = Screen::Tool { session, tool };

    view! {
        <header class=format!("screen-header question-header question-{} tool-{}", question.slug(), tool.slug())>
            <IconButton icon="icon-back" label=Signal::derive(move || back_label(i18n, tool).to_owned())
                on_press=move || state.go(back) />
            <h1>{move || name.get()}</h1>
        </header>
        // The house or helper large, as on the paper template: the child sees where they are
        // at a glance, beside what it asks and the ways to answer.
        <div class=format!("question-stage question-{} tool-{}", question.slug(), tool.slug())>
            <span class="question-picture">
                <img src=badge alt="" aria-hidden="true" />
                {sparkle.then(|| view! { <Sparkle /> })}
            </span>
            <div class="question-side">
                {sparkle.then(|| view! { <p class="wish-granted" role="status">{t!(i18n, wish_sparkle)}</p> })}
                <div class="prompt-row">
                    <p class="prompt">{move || prompt(i18n, tool, question, age.get())}</p>
                    <ReadAloud text=Signal::derive(move || prompt(i18n, tool, question, age.get()).to_owned())
                        in_workers_language=workers_language().map(|workers| Signal::derive(move || prompt(workers, tool, question, age.get()).to_owned())) />
                </div>
                <Show when=move || passed.get()>
                    <p class="pass-done" role="status">{t!(i18n, pass_done)}</p>
                </Show>
                // After the end nothing is drawn or written: not offered at all.
                <Show when=move || !finished.get()>
                    <div class="question-actions">
                        <IconButton icon="icon-draw" class="big" label=Signal::derive(move || t_string!(i18n, draw).to_owned())
                            on_press=start_drawing />
                        <IconButton icon="icon-words" class="big" label=Signal::derive(move || t_string!(i18n, write_words).to_owned())
                            on_press=start_words />
                        <IconButton icon="icon-read-back" class="big" label=Signal::derive(move || t_string!(i18n, read_back).to_owned())
                            on_press=move || state.go(Screen::ReadBack { session, tool, question }) />
                    </div>
                </Show>
            </div>
        </div>
        <Show when=move || shown.with(Vec::is_empty) && !passed.get()>
            <p class="quiet">{t!(i18n, no_entries)}</p>
        </Show>
        <ol class="entries" aria-label=move || t_string!(i18n, entries_label)>
            {move || {
                shown
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(position, entry)| {
                        let number = position + 1;
                        let id = entry.id;
                        // An entry that could not be read has nothing to open: it is only kept.
                        // After the end of the conversation a drawing is kept as it was: it is
                        // seen here, not opened to draw on.
                        let place = match entry.content {
                            EntryContent::Drawing(_) if finished.get() => None,
                            EntryContent::Drawing(_) => Some(Screen::Drawing { session, tool, question, entry: id }),
                            EntryContent::Words(_) => Some(Screen::Words { session, tool, question, entry: id }),
                            EntryContent::Unreadable(_) => None,
                        };
                        let taken_out = entry.taken_out_at();
                        let caption = entry.caption.clone().filter(|caption| !caption.text.trim().is_empty());
                        let is_drawing = matches!(entry.content, EntryContent::Drawing(_));
                        // In child mode what holds something is looked at, never opened to
                        // change (the editors show it read-only): see `ui::words`, `ui::drawing`.
                        let has_content = match &entry.content {
                            EntryContent::Drawing(drawing) => !drawing.is_empty(),
                            EntryContent::Words(words) => !words.text.is_empty(),
                            EntryContent::Unreadable(_) => false,
                        };
                        let look = in_child_mode() && has_content;
                        view! {
                            <li class="entry" class:taken-out=taken_out.is_some()>
                                <EntrySummary entry />
                                {taken_out.map(|at| view! {
                                    <p class="taken-out-mark">{move || t_string!(i18n, taken_out_mark, time = platform::local_date_time(at, i18n.get_locale().as_str())).to_string()}</p>
                                })}
                                // The caption, who said and wrote it, and what the worker asked
                                // are the worker's to write, when the tablet is back: the child
                                // sees only their own words about a drawing.
                                {is_drawing.then(|| view! {
                                    <Show when=move || !in_child_mode()
                                        fallback=move || view! { <CaptionAsSaid caption=caption.clone() /> }>
                                        <Caption session question entry=id finished openings=caption_openings />
                                    </Show>
                                })}
                                <Show when=move || !in_child_mode()>
                                    <WorkerQuestion session question entry=id finished />
                                </Show>
                                <div class="entry-actions">
                                    {place.map(|place| if look {
                                        view! {
                                            <button type="button" class="primary"
                                                aria-label=move || t_string!(i18n, look_at_entry, number = number)
                                                on:click=move |_| state.go(place)>
                                                {t!(i18n, look)}
                                            </button>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="primary"
                                                aria-label=move || t_string!(i18n, open_entry, number = number)
                                                on:click=move |_| state.go(place)>
                                                {t!(i18n, open)}
                                            </button>
                                        }.into_any()
                                    })}
                                    <button type="button"
                                        aria-label=move || t_string!(i18n, share_entry, number = number)
                                        on:click=move |_| sharing.set(Some(id))>
                                        <img src="public/icon-share.svg" alt="" aria-hidden="true" />
                                        <span>{t!(i18n, share_entry_short)}</span>
                                    </button>
                                    // The child takes an entry out (the worker keeps it, with when);
                                    // deleting for good is the worker's.
                                    <Show when=move || in_child_mode() && !finished.get()>
                                        <button type="button" class="danger-quiet"
                                            aria-label=move || t_string!(i18n, take_out_entry, number = number)
                                            on:click=move |_| to_take_out.set(Some(id))>
                                            <img src="public/icon-take-out.svg" alt="" aria-hidden="true" />
                                            <span>{t!(i18n, take_out)}</span>
                                        </button>
                                    </Show>
                                    <Show when=move || !in_child_mode() && taken_out.is_some()>
                                        <button type="button"
                                            aria-label=move || t_string!(i18n, put_back_entry, number = number)
                                            on:click=move |_| { state.edit(&session, SavePolicy::Now, |s, now| s.put_back(question, id, now)); }>
                                            <span>{t!(i18n, put_back)}</span>
                                        </button>
                                    </Show>
                                    // After the end the child's entries stay: only amendment,
                                    // the worker's take-out with a reason and sharing remain.
                                    <Show when=move || !in_child_mode() && !finished.get()>
                                        <button type="button" class="danger-quiet"
                                            aria-label=move || t_string!(i18n, delete_entry, number = number)
                                            on:click=move |_| to_delete.set(Some(id))>
                                            <img src="public/icon-delete.svg" alt="" aria-hidden="true" />
                                            <span>{t!(i18n, delete)}</span>
                                        </button>
                                    </Show>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        {move || sharing.get().map(|entry| {
            // The taps of one opening are one decision in the full record.
            let opened_at_ms = platform::now_ms();
            view! {
                <Modal labelled_by="share-entry-title" on_escape=move || sharing.set(None)>
                    <h2 id="share-entry-title">{t!(i18n, who_may_see)}</h2>
                    <EntryChoices session question entry opened_at_ms />
                    <div class="dialog-actions">
                        <button type="button" class="primary" autofocus on:click=move |_| sharing.set(None)>
                            {t!(i18n, done)}
                        </button>
                    </div>
                </Modal>
            }
        })}
        {move || to_take_out.get().map(|entry| {
            let (worker, age) = state
                .with_session_untracked(&session, |s| (s.worker.clone(), s.age_version()))
                .unwrap_or((String::new(), crate::core::AgeVersion::Younger));
            view! {
                <ConfirmDialog
                    title=t_string!(i18n, confirm_take_out_title)
                    text=take_out_promise(i18n, age, &worker)
                    confirm_label=t_string!(i18n, take_out)
                    on_confirm=move || {
                        state.edit(&session, SavePolicy::Now, |s, now| s.take_out(question, entry, now));
                        to_take_out.set(None);
                    }
                    on_cancel=move || to_take_out.set(None)
                />
            }
        })}
        {move || to_delete.get().map(|entry| {
            view! {
                <ConfirmDialog
                    title=t_string!(i18n, confirm_delete_entry_title)
                    text=t_string!(i18n, confirm_delete_entry_text)
                    confirm_label=t_string!(i18n, delete)
                    on_confirm=move || {
                        state.edit(&session, SavePolicy::Now, |s, now| s.delete_entry(question, entry, now));
                        to_delete.set(None);
                    }
                    on_cancel=move || to_delete.set(None)
                />
            }
        })}
    }
}

/// Stars bursting from the wand: decoration only, so hidden from assistive technology (the
/// status line says it in words). Still, without motion, when the child's device asks for
/// reduced motion (see `tools.css`).
#[component]
fn Sparkle() -> impl IntoView {
    const STAR: &str = "M0 -10Q0 0 10 0Q0 0 0 10Q0 0 -10 0Q0 0 0 -10Z";
    // Around the wand's tip, which is near the top right of every wishes helper.
    let stars = [
        (50, 14, 1.3),
        (82, 32, 1.0),
        (66, 64, 1.1),
        (22, 44, 0.9),
        (48, 40, 1.6),
    ]
    .into_iter()
    .enumerate()
    .map(|(index, (x, y, scale))| {
        view! {
            <path class=format!("star star-{index}") d=STAR fill="#ffd84a" stroke="#b8860b"
                stroke-width="1" transform=format!("translate({x} {y}) scale({scale})") />
        }
    })
    .collect_view();
    view! {
        <svg class="sparkle" viewBox="0 0 100 80" aria-hidden="true">{stars}</svg>
    }
}
