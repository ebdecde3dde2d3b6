//! The worker's side of "What happened with what you told me" (`core::feedback`): on a visit,
//! for each thing the child shared (or the worker passed on), what the worker tells the child
//! was done with it, who heard it and when; on a later visit, the card that hands the child
//! the page where they hear it, and the check of what the worker promised last time. All in
//! the worker's language.

use leptos::prelude::*;

use crate::core::feedback::{
    heard, promises_to_check, waiting_for_the_child, who_may_have_heard, FeedbackError,
    PromiseToCheck,
};
use crate::core::feedback_html::FeedbackText;
use crate::core::local_forms::day;
use crate::core::over_months::{EarlierEntry, Happened};
use crate::core::{Entry, Screen, Session, SessionId, Tool};
use crate::i18n::*;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::ui::entry_summary::EntrySummary;
use crate::ui::labels::audience_label;

/// Reads `visit` together with every session in memory (the child's other visits).
fn with_visits<R>(
    state: AppState,
    visit: SessionId,
    read: impl FnOnce(&[Session], &Session) -> R,
) -> Option<R> {
    state.sessions.with(|all| {
        all.iter()
            .find(|s| s.id == visit)
            .map(|visit| read(all, visit))
    })
}

/// A `YYYY-MM-DD` day as the worker's language writes it.
fn a_day(i18n: crate::ui::I18n, iso: &str) -> String {
    day(iso, i18n.get_locale().as_str())
}

/// "What happened with what {name} told me": one part per entry offered.
#[component]
pub fn FeedbackSection(session: SessionId, #[prop(into)] name: String) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let offered = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                s.offered_for_feedback()
                    .into_iter()
                    .filter_map(|about| {
                        let entry = s.entry(about.question, about.entry)?.clone();
                        Some((about, entry))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let heading = name.clone();
    let intro = name.clone();
    let none = name.clone();
    view! {
        <section class="card feedback-section" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{move || t_string!(i18n, fb_heading, name = heading.clone()).to_string()}</h2>
            <p class="quiet">{move || t_string!(i18n, fb_intro, name = intro.clone()).to_string()}</p>
            <Show when=move || offered.with(Vec::is_empty)>
                <p class="quiet">{let none = none.clone(); move || t_string!(i18n, fb_none, name = none.clone()).to_string()}</p>
            </Show>
            <ul class="feedback-entries">
                <For each=move || offered.get() key=|(about, _)| about.clone() let((about, entry))>
                    <OfferedEntry session about entry name=name.clone() />
                </For>
            </ul>
        </section>
    }
}

/// One entry offered: the entry as the child left it, the feedback written so far, and a
/// short form for more.
#[component]
fn OfferedEntry(
    session: SessionId,
    about: EarlierEntry,
    entry: Entry,
    name: String,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let written = {
        let about = about.clone();
        Memo::new(move |_| {
            with_visits(state, session, |all, visit| {
                visit
                    .feedback_about(&about)
                    .into_iter()
                    .map(|feedback| {
                        let heard = heard(all, session, feedback.id)
                            .map(|(at, heard)| (at.date.clone(), heard.reaction.clone()));
                        (feedback.clone(), heard)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    };
    let who = state
        .with_session_untracked(&session, |s| who_may_have_heard(s, &about))
        .unwrap_or_default();
    let text = RwSignal::new(String::new());
    let chosen = RwSignal::new(who.clone());
    let on = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FeedbackError>);
    let add = {
        let about = about.clone();
        move || {
            let (words, heard_by, when) = (
                text.get_untracked(),
                chosen.get_untracked(),
                on.get_untracked(),
            );
            let result = state.edit(&session, SavePolicy::Now, |s, now| {
                s.add_feedback(Some(about.clone()), &words, heard_by, &when, now)
            });
            match result {
                Some(Ok(_)) => {
                    text.set(String::new());
                    on.set(String::new());
                    problem.set(None);
                }
                Some(Err(error)) => problem.set(Some(error)),
                None => {}
            }
        }
    };
    let take_back = move |id: u64| {
        let was_heard = state
            .sessions
            .with_untracked(|all| heard(all, session, id).is_some());
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.remove_feedback(id, was_heard, now)
        });
    };
    let checkboxes = who
        .into_iter()
        .map(|audience| {
            let shown = audience.clone();
            let label = audience.clone();
            view! {
                <label class="check">
                    <input type="checkbox"
                        prop:checked=move || chosen.with(|chosen| chosen.contains(&shown))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let audience = audience.clone();
                            chosen.update(|chosen| {
                                chosen.retain(|known| known != &audience);
                                if on {
                                    chosen.push(audience);
                                }
                            });
                        } />
                    <span>{move || audience_label(i18n, &label)}</span>
                </label>
            }
        })
        .collect_view();
    let text_label = name.clone();
    let name_for_lines = name.clone();
    view! {
        <li class="feedback-entry">
            <div class="feedback-about"><EntrySummary entry /></div>
            <ul class="feedback-written">
                {move || {
                    let name = name_for_lines.clone();
                    written.get().into_iter().map(|(feedback, heard)| {
                        let id = feedback.id;
                        let who = feedback.heard_by.iter().map(|a| audience_label(i18n, a)).collect::<Vec<_>>()
                            .join(t_string!(i18n, list_separator));
                        let when = (!feedback.on.is_empty()).then(|| a_day(i18n, &feedback.on));
                        let status = match &heard {
                            Some((date, reaction)) => {
                                let mut line = t_string!(i18n, fb_heard, name = name.clone(), date = a_day(i18n, date)).to_string();
                                match reaction {
                                    Some(words) => line.push_str(&format!(" · {}: «{}»", t_string!(i18n, fb_said, name = name.clone()), words.text)),
                                    None => line.push_str(&format!(" · {}", t_string!(i18n, fb_said_nothing, name = name.clone()))),
                                }
                                line
                            }
                            None => t_string!(i18n, fb_not_heard, name = name.clone()).to_string(),
                        };
                        let unheard = heard.is_none();
                        view! {
                            <li class="feedback-line">
                                <p class="feedback-text" dir="auto">{feedback.text.clone()}</p>
                                <p class="quiet">
                                    {(!who.is_empty()).then(|| format!("{}: {who}", t_string!(i18n, fb_heard_by)))}
                                    {when.map(|when| format!(" · {}: {when}", t_string!(i18n, fb_on)))}
                                </p>
                                <p class="feedback-status">{status}</p>
                                <Show when=move || unheard>
                                    <button type="button" class="quiet-button" on:click=move |_| take_back(id)>
                                        {t!(i18n, fb_take_back)}
                                    </button>
                                </Show>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <div class="feedback-form">
                <label class="feedback-words">
                    <span>{move || t_string!(i18n, fb_text_label, name = text_label.clone()).to_string()}</span>
                    <textarea {..crate::ui::fields::workers_sentences()} rows="2" dir="auto"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </label>
                <div class="feedback-facts">
                    <fieldset class="feedback-who">
                        <legend>{t!(i18n, fb_heard_by)}</legend>
                        {checkboxes}
                    </fieldset>
                    <label>
                        <span>{t!(i18n, fb_on)}</span>
                        <input type="date" {..crate::ui::fields::as_typed()}
                            prop:value=move || on.get()
                            on:input=move |ev| on.set(event_target_value(&ev)) />
                    </label>
                </div>
                <p class="field-problem" role="alert">
                    {move || problem.get().map(|problem| match problem {
                        FeedbackError::DateInvalid => t_string!(i18n, fb_date_invalid),
                        _ => t_string!(i18n, fb_text_missing),
                    })}
                </p>
                <button type="button" on:click=move |_| add()>{t!(i18n, fb_add)}</button>
            </div>
        </li>
    }
}

/// On a later visit, when feedback from earlier visits waits: the card that hands the tablet
/// to the child on the page where they hear it.
#[component]
pub fn TellWhatHappenedCard(session: SessionId, #[prop(into)] name: String) -> impl IntoView {
    let state = use_app_state();
    let waiting =
        Memo::new(move |_| with_visits(state, session, waiting_for_the_child).unwrap_or_default());
    view! {
        <Show when=move || { waiting.get() > 0 }>
            <TellCard session name=name.clone() waiting />
        </Show>
    }
}

#[component]
fn TellCard(session: SessionId, name: String, waiting: Memo<usize>) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // The child's page, in the child's hands where the tablet may be handed over.
    let open = move || {
        state.go(Screen::Feedback { session, step: 0 });
        if state.can_hand_to_child(&session) {
            let tool = state
                .with_session_untracked(&session, |s| s.tools_used().first().copied())
                .flatten()
                .unwrap_or(Tool::ThreeHouses);
            state.hand_to_child(session, tool);
        }
    };
    view! {
        <button type="button" class="tool-card tell-what-happened" on:click=move |_| open()>
            <img src="public/icon-read-aloud.svg" alt="" aria-hidden="true" />
            <span class="tool-name">{move || t_string!(i18n, fb_tell_card, name = name.clone()).to_string()}</span>
            <span class="tool-hint" aria-hidden="true">{move || t_string!(i18n, fb_tell_hint, count = waiting.get()).to_string()}</span>
        </button>
    }
}

/// "What I told {name} at the visit of {date}: … Did it happen?" for each earlier promise
/// still to check, with the worker's answer and note.
#[component]
pub fn PromisesToCheck(session: SessionId, #[prop(into)] name: String) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let promises =
        Memo::new(move |_| with_visits(state, session, promises_to_check).unwrap_or_default());
    let name = StoredValue::new(name);
    view! {
        <Show when=move || !promises.with(Vec::is_empty)>
            <section class="card promises-to-check" aria-labelledby="promises-heading">
                <h2 id="promises-heading">{move || t_string!(i18n, fb_promises_heading, name = name.get_value()).to_string()}</h2>
                <For each=move || promises.get() key=|promise| promise.from let(promise)>
                    <PromiseCheck session promise name=name.get_value() />
                </For>
            </section>
        </Show>
    }
}

#[component]
fn PromiseCheck(session: SessionId, promise: PromiseToCheck, name: String) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let from = promise.from;
    let checked = Memo::new(move |_| {
        state
            .with_session(&session, |s| s.promise_check(from).cloned())
            .flatten()
    });
    let note = RwSignal::new(
        promise
            .checked_here
            .as_ref()
            .map(|check| check.note.clone())
            .unwrap_or_default(),
    );
    let answer = move |happened: Happened, policy: SavePolicy| {
        let text = note.get_untracked();
        state.edit(&session, policy, |s, now| {
            s.check_promise(from, happened, &text, now)
        });
    };
    let group = format!("promise-{from}");
    let choice = move |happened: Happened, label: fn(crate::ui::I18n) -> &'static str| {
        view! {
            <label class="check">
                <input type="radio" name=group.clone()
                    prop:checked=move || checked.get().is_some_and(|c| c.happened == happened)
                    on:change=move |_| answer(happened, SavePolicy::Now) />
                <span>{move || label(i18n)}</span>
            </label>
        }
    };
    let date = promise.from_date.clone();
    let said = promise.told.clone();
    view! {
        <div class="promise">
            <p>{move || t_string!(i18n, fb_promised_at, name = name.clone(), date = a_day(i18n, &date)).to_string()}</p>
            <blockquote class="workers-words" dir="auto">{said}</blockquote>
            <fieldset role="radiogroup">
                <legend>{t!(i18n, fb_did_it_happen)}</legend>
                {choice(Happened::Yes, |i| t_string!(i, happened_yes))}
                {choice(Happened::Partly, |i| t_string!(i, happened_partly))}
                {choice(Happened::No, |i| t_string!(i, happened_no))}
                {choice(Happened::NotYet, |i| t_string!(i, happened_not_yet))}
            </fieldset>
            <label>
                <span>{t!(i18n, fb_note)}</span>
                <textarea {..crate::ui::fields::workers_sentences()} rows="2" dir="auto"
                    prop:value=move || note.get()
                    on:input=move |ev| {
                        note.set(event_target_value(&ev));
                        // A note belongs to an answer: kept once one is chosen.
                        if let Some(check) = checked.get_untracked() {
                            answer(check.happened, SavePolicy::AfterTyping);
                        }
                    }></textarea>
            </label>
        </div>
    }
}

/// The full record's words about feedback and promises for `name`'s record, in `i18n`'s
/// language; templates keep their `{{ name }}` and `{{ date }}` for the renderer.
pub fn feedback_text(i18n: crate::ui::I18n, name: &str) -> FeedbackText {
    FeedbackText {
        lang: i18n.get_locale_untracked().to_string(),
        list_separator: t_string!(i18n, list_separator).to_owned(),
        next_told_label: t_string!(i18n, next_told_label, name = name.to_owned()).to_string(),
        child_said_worker_wrote: t_string!(i18n, voice_child_said).to_owned(),
        child_wrote: t_string!(i18n, voice_child_wrote).to_owned(),
        audiences: crate::core::Audience::PICTURED
            .into_iter()
            .map(|audience| {
                let label = audience_label(i18n, &audience);
                (audience, label)
            })
            .collect(),
        heading: i18n.text(Key::fb_heading).to_owned(),
        told_label: i18n.text(Key::fb_told).to_owned(),
        heard_by_label: i18n.text(Key::fb_heard_by).to_owned(),
        on_label: i18n.text(Key::fb_on).to_owned(),
        heard_line: i18n.text(Key::fb_heard).to_owned(),
        reaction_label: i18n.text(Key::fb_said).to_owned(),
        no_reaction: i18n.text(Key::fb_said_nothing).to_owned(),
        not_heard: i18n.text(Key::fb_not_heard).to_owned(),
        drawing: i18n.text(Key::fb_drawing).to_owned(),
        checked_line: i18n.text(Key::fb_checked_line).to_owned(),
        checked_at: i18n.text(Key::fb_checked_at).to_owned(),
        happened_yes: i18n.text(Key::happened_yes).to_owned(),
        happened_partly: i18n.text(Key::happened_partly).to_owned(),
        happened_no: i18n.text(Key::happened_no).to_owned(),
        happened_not_yet: i18n.text(Key::happened_not_yet).to_owned(),
        note_label: i18n.text(Key::fb_note).to_owned(),
        heard_here_heading: i18n.text(Key::fb_heard_here).to_owned(),
        from_visit: i18n.text(Key::fb_from_visit).to_owned(),
        checked_here_heading: i18n.text(Key::fb_checked_here).to_owned(),
        promised_at: i18n.text(Key::fb_promised_at).to_owned(),
    }
}
