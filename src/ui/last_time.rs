//! "Last time you told me…": on the session screen a card for the worker, and in the child's
//! hands one screen per thing the child put somewhere at their visit before, big, with four
//! answers (still so, changed, not any more, I'd rather not say), then a thank-you. The rules
//! are in `core::last_time`.

use leptos::prelude::*;

use crate::core::over_months::{EarlierEntry, StillSo};
use crate::core::{Entry, EntryContent, Screen, Session, SessionId, Tool, Voice, Words};
use crate::i18n::*;
use crate::state::{use_app_state, AppState, PinRequest, SavePolicy};
use crate::ui::canvas::DrawingPreview;
use crate::ui::language::{workers_language, InWorkersLanguage};
use crate::ui::look::{name_in, picture};
use crate::ui::read_aloud::ReadAloud;
use crate::ui::voice_choice::VoiceChoice;
use crate::ui::IconButton;

/// One thing to show again, owned, with what the screen needs of its earlier visit.
#[derive(Clone, Debug, PartialEq)]
struct ToShow {
    about: EarlierEntry,
    tool: Tool,
    entry: Entry,
    /// The child's name for that house or helper then (their own, or the usual one).
    name: String,
    picture: String,
}

/// The earlier visit's day and what of it to show, for the visit `session`.
#[derive(Clone, Debug, PartialEq)]
struct LastTime {
    date: String,
    shown: Vec<ToShow>,
}

fn last_time_of(state: AppState, i18n: crate::ui::I18n, session: SessionId) -> Option<LastTime> {
    state.sessions.with(|all| {
        let this = all.iter().find(|s| s.id == session)?;
        let (before, shown) = this.last_time(all)?;
        let shown = shown
            .into_iter()
            .map(|item| ToShow {
                about: item.about.clone(),
                tool: item.tool,
                entry: item.entry.clone(),
                name: name_in(i18n, before, item.tool, item.about.question),
                picture: picture(before, item.tool, item.about.question),
            })
            .collect();
        Some(LastTime {
            date: before.date.clone(),
            shown,
        })
    })
}

/// The worker's card on the session screen, while the visit is not finished and the child
/// has an earlier visit with something in it: its day, how much is answered, and a button
/// that gives the tablet to the child for it.
#[component]
pub fn LastTimeCard(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let earlier = Memo::new(move |_| {
        let finished = state
            .with_session(&session, Session::is_finished)
            .unwrap_or(true);
        if finished {
            return None;
        }
        let last_time = last_time_of(state, i18n, session)?;
        let answered = state
            .with_session(&session, |s| {
                last_time
                    .shown
                    .iter()
                    .filter(|item| s.last_time_answer(&item.about).is_some())
                    .count()
            })
            .unwrap_or(0);
        Some((last_time.date, last_time.shown.len(), answered))
    });
    let open = move || {
        state.go(Screen::LastTime { session, step: 0 });
        if state.can_hand_to_child(&session) {
            // Child mode names a tool: the one the child answered in last time, so the
            // houses or helpers they go on to are theirs too.
            let tool = last_time_of(state, i18n, session)
                .and_then(|last| last.shown.first().map(|item| item.tool))
                .unwrap_or_default();
            state.hand_to_child(session, tool);
        }
    };
    move || {
        earlier.get().map(|(date, count, answered)| {
            let day = crate::core::local_forms::day(&date, i18n.get_locale().as_str());
            view! {
                <section class="last-time-card" aria-labelledby="last-time-heading">
                    <img src="public/icon-still-so.svg" alt="" aria-hidden="true" />
                    <div>
                        <h2 id="last-time-heading">{t!(i18n, last_time_title)}</h2>
                        <p class="quiet">{t_string!(i18n, last_time_card_hint, date = day.clone(), count = count).to_string()}</p>
                        {(answered > 0).then(|| view! {
                            <p class="last-time-answered">{t_string!(i18n, last_time_card_answered, answered = answered, count = count).to_string()}</p>
                        })}
                    </div>
                    <IconButton icon="icon-hand-over" class="primary"
                        label=Signal::derive(move || t_string!(i18n, hand_to_child).to_owned())
                        on_press=open />
                </section>
            }
        })
    }
}

/// In the child's hands: one earlier thing at `step`, or after the last one the thank-you.
#[component]
pub fn LastTimeScreen(session: SessionId, step: u32) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let Some(last_time) = last_time_of(state, i18n, session) else {
        return view! { <Thanks session back_to=None /> }.into_any();
    };
    let count = last_time.shown.len();
    let step = step as usize;
    let Some(item) = last_time.shown.get(step).cloned() else {
        // The child can still go back to the last thing from the thank-you.
        let back_to = count.checked_sub(1).map(|last| last as u32);
        return view! { <Thanks session back_to /> }.into_any();
    };
    let go_to = move |step: usize| {
        state.go(Screen::LastTime {
            session,
            step: step as u32,
        })
    };
    let about = item.about.clone();
    let current = state
        .with_session_untracked(&session, |s| s.last_time_answer(&about).cloned())
        .flatten();
    let chosen = current.as_ref().map(|answer| answer.answer);
    let said = current.and_then(|answer| answer.words).unwrap_or_default();
    let text = RwSignal::new(said.text);
    let voice = RwSignal::new(said.voice);
    let finished = Memo::new(move |_| {
        state
            .with_session(&session, Session::is_finished)
            .unwrap_or(true)
    });
    let answer = move |answer: StillSo| {
        let about = about.clone();
        let words = Some(Words {
            text: text.get_untracked(),
            voice: voice.get_untracked(),
        });
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.answer_last_time(about, answer, words, now)
        });
        go_to(step + 1);
    };
    // What is read aloud: the house or helper, the child's words then, and the question.
    let entry_words = match &item.entry.content {
        EntryContent::Words(words) => Some(words.text.clone()),
        _ => item
            .entry
            .caption
            .as_ref()
            .map(|caption| caption.text.clone()),
    };
    let name = item.name.clone();
    let read = {
        let (name, said) = (name.clone(), entry_words.clone().unwrap_or_default());
        Signal::derive(move || format!("{name}. {said} {}", t_string!(i18n, last_time_question)))
    };
    let in_workers = workers_language().map(|workers| {
        let (name, said) = (name.clone(), entry_words.clone().unwrap_or_default());
        Signal::derive(move || format!("{name}. {said} {}", t_string!(workers, last_time_question)))
    });
    let workers = workers_language().unwrap_or(i18n);
    let answers = [
        (StillSo::StillSo, "icon-still-so"),
        (StillSo::Changed, "icon-changed"),
        (StillSo::NotAnyMore, "icon-not-any-more"),
        (StillSo::Passed, "icon-pass"),
    ]
    .into_iter()
    .map(|(kind, icon)| {
        let answer = answer.clone();
        let label = move || match kind {
            StillSo::StillSo => t_string!(i18n, last_time_still_so),
            StillSo::Changed => t_string!(i18n, last_time_changed),
            StillSo::NotAnyMore => t_string!(i18n, last_time_not_any_more),
            StillSo::Passed => t_string!(i18n, last_time_pass),
        };
        view! {
            <IconButton icon class=format!("big last-time-answer answer-{icon}")
                label=Signal::derive(move || label().to_owned())
                pressed=Signal::derive(move || chosen == Some(kind))
                disabled=Signal::derive(move || finished.get())
                on_press=move || answer(kind) />
        }
    })
    .collect_view();
    let question = item.about.question;
    view! {
        <header class="screen-header last-time-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, last_time_back).to_owned())
                disabled=step == 0
                on_press=move || go_to(step.saturating_sub(1)) />
            <h1>{t!(i18n, last_time_title)}</h1>
            <p class="last-time-step" aria-live="polite">
                {t_string!(i18n, last_time_step, number = step + 1, count = count).to_string()}
            </p>
        </header>
        <div class=format!("last-time-stage question-{} tool-{}", question.slug(), item.tool.slug())>
            <figure class="last-time-place">
                <img src=item.picture.clone() alt="" aria-hidden="true" />
                <figcaption dir="auto">{item.name.clone()}</figcaption>
            </figure>
            <div class="last-time-entry">
                <EntryAsLeft entry=item.entry.clone() />
            </div>
        </div>
        <div class="prompt-row">
            <p class="prompt">{t!(i18n, last_time_question)}</p>
            <ReadAloud text=read in_workers_language=in_workers />
        </div>
        <div class="last-time-answers" role="group" aria-label=move || t_string!(i18n, last_time_question)>
            {answers}
        </div>
        <details class="last-time-more" open=!text.get_untracked().is_empty()>
            <summary>{t!(i18n, last_time_say_more)}</summary>
            <label class="words-field">
                <span>{t!(i18n, last_time_say_more_label)}</span>
                <textarea {..crate::ui::fields::as_typed()}
                    dir="auto"
                    rows="3"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </label>
            <InWorkersLanguage>
                <VoiceChoice i18n=workers name="last-time-voice" chosen=voice disabled=Signal::derive(move || finished.get())
                    on_choose=move |choice: Voice| voice.set(choice) />
            </InWorkersLanguage>
        </details>
    }
    .into_any()
}

/// A drawing big, or the words in their own direction, with a drawing's caption: as the child
/// left them.
#[component]
fn EntryAsLeft(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let caption = entry
        .caption
        .clone()
        .filter(|caption| !caption.text.trim().is_empty());
    let shown = match entry.content {
        EntryContent::Drawing(drawing) => view! {
            <div class="entry-drawing" role="img" aria-label=move || t_string!(i18n, drawing_entry)>
                <DrawingPreview drawing />
            </div>
        }
        .into_any(),
        EntryContent::Words(words) => view! {
            <blockquote class="childs-words" dir="auto">{words.text}</blockquote>
        }
        .into_any(),
        EntryContent::Unreadable(_) => ().into_any(),
    };
    view! {
        {shown}
        {caption.map(|caption| view! { <blockquote class="childs-words caption-words" dir="auto">{caption.text}</blockquote> })}
    }
}

/// The end: a calm thank-you, and the tablet back to the worker (after the PIN in child
/// mode, as every way out).
#[component]
fn Thanks(session: SessionId, back_to: Option<u32>) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let back = move || {
        let place = Screen::Session { session };
        if state.child_mode.with_untracked(Option::is_some) {
            state.pin_asked_for.set(Some(PinRequest::Leave(place)));
        } else {
            state.go(place);
        }
    };
    view! {
        <header class="screen-header last-time-header">
            {back_to.map(|step| view! {
                <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, last_time_back).to_owned())
                    on_press=move || state.go(Screen::LastTime { session, step }) />
            })}
        </header>
        <div class="last-time-thanks">
            <img src="public/neutral-sky.svg" alt="" aria-hidden="true" />
            <h1>{t!(i18n, last_time_thanks)}</h1>
            <div class="prompt-row">
                <p class="prompt">{t!(i18n, last_time_thanks_text)}</p>
                <ReadAloud text=Signal::derive(move || t_string!(i18n, last_time_thanks_text).to_owned()) />
            </div>
            <IconButton icon="icon-hand-over" class="big primary"
                label=Signal::derive(move || t_string!(i18n, last_time_give_back).to_owned())
                on_press=back />
        </div>
    }
}

/// The full record's words for the child's answers, in the worker's language (see
/// `core::summary_html`).
pub fn last_time_text(i18n: crate::ui::I18n) -> crate::core::summary_html::LastTimeText {
    crate::core::summary_html::LastTimeText {
        heading: t_string!(i18n, summary_last_time_heading).to_owned(),
        line: i18n.text(Key::summary_last_time_line).to_owned(),
        line_no_date: i18n.text(Key::summary_last_time_line_no_date).to_owned(),
        then: t_string!(i18n, summary_last_time_then).to_owned(),
        drawing: t_string!(i18n, summary_last_time_drawing).to_owned(),
        said_more: t_string!(i18n, summary_last_time_said_more).to_owned(),
        earlier_answer: i18n.text(Key::summary_last_time_earlier_answer).to_owned(),
        still_so: t_string!(i18n, summary_last_time_still_so).to_owned(),
        changed: t_string!(i18n, summary_last_time_changed).to_owned(),
        not_any_more: t_string!(i18n, summary_last_time_not_any_more).to_owned(),
        passed: t_string!(i18n, summary_last_time_passed).to_owned(),
    }
}
