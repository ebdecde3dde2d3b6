//! The child over time, for the worker: each question as a row, each visit a column (its
//! day), with the child's words in their own direction and drawings as thumbnails, a small
//! mark where the child later said "still so" or "not any more", and what happened. Below,
//! the over-time document for a reader the child chose in any visit, or the worker's full
//! record over time, shown as the file is and printed or downloaded like a summary: each
//! copy is noted in every visit it holds something of, so "Given to" and the copies a hold
//! cannot call back stay true visit by visit.
//!
//! Which entries a reader's document holds, and what marks go with them, is
//! `core::over_time`'s: this screen only lays it out.

use leptos::prelude::*;

use crate::core::local_forms::day;
use crate::core::over_months::StillSo;
use crate::core::over_time::{
    audiences_over_time, named_over_time, over_time_file_name, visits_of, worries_to_confirm,
    OverTime,
};
use crate::core::over_time_html::{render_over_time_html, OverTimePainters, OverTimeText};
use crate::core::{
    Changed, Drawing, Entry, Export, ExportKind, Question, Screen, Session, SessionId,
    SummaryContent, Tool, Words,
};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::store::TextSetting;
use crate::ui::canvas::{drawing_png, DrawingPreview};
use crate::ui::giving::{
    Confirmed, DocumentFrame, Giving, PrintAndDownload, Reader, ReaderChoice, WorriesToConfirm,
};
use crate::ui::labels::{audience_label, voice_label};
use crate::ui::look::{picture, usual_name};
use crate::ui::summary::summary_text;
use crate::ui::{I18n, IconButton, SessionScreenHeader};

/// An entry as a cell of the grid shows it.
#[derive(Clone, Debug, PartialEq)]
struct EntryView {
    shown: Shown,
    /// When the child took it out: the worker still sees it, marked.
    taken_out: Option<u64>,
    /// The child's answers at later visits, with their day (`YYYY-MM-DD`).
    later: Vec<(StillSo, String)>,
    /// What the worker told the child happened: the day it happened and the words.
    happened: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Words(Words),
    Drawing(Drawing),
    Unreadable,
}

/// The grid: the visits' days (and whether each is finished), then per question its cells.
#[derive(Clone, Debug, PartialEq)]
struct Grid {
    visits: Vec<(String, bool)>,
    questions: Vec<(Question, Vec<Vec<EntryView>>)>,
    /// The tools used in any visit, and the newest visit's helper, to name the questions.
    tools: Vec<Tool>,
    name: String,
}

fn grid_of(visits: &[&Session], over_time: &OverTime) -> Grid {
    let questions = over_time
        .questions
        .iter()
        .map(|question| {
            let cells = question
                .cells
                .iter()
                .zip(visits)
                .map(|(cell, visit)| {
                    cell.entries
                        .iter()
                        .map(|entry| EntryView {
                            shown: match &entry.entry.content {
                                SummaryContent::Words(words) => Shown::Words(words.clone()),
                                SummaryContent::Drawing { question, entry } => visit
                                    .entry(*question, *entry)
                                    .and_then(Entry::drawing)
                                    .map_or(Shown::Unreadable, |d| Shown::Drawing(d.clone())),
                                SummaryContent::Unreadable => Shown::Unreadable,
                            },
                            taken_out: entry
                                .entry
                                .taken_out
                                .last()
                                .filter(|spell| spell.put_back_at_ms.is_none())
                                .map(|spell| spell.at_ms),
                            later: entry
                                .later
                                .iter()
                                .map(|later| (later.answer, later.date.clone()))
                                .collect(),
                            happened: entry
                                .happened
                                .iter()
                                .map(|h| (h.feedback.on.clone(), h.feedback.text.clone()))
                                .collect(),
                        })
                        .collect()
                })
                .collect();
            (question.question, cells)
        })
        .collect();
    Grid {
        visits: over_time
            .visits
            .iter()
            .map(|visit| (visit.date.clone(), visit.finished))
            .collect(),
        questions,
        tools: over_time.tools.clone(),
        name: over_time.child_name.clone(),
    }
}

/// The visits of the child of `session`, oldest first, read without tracking.
fn with_visits<R>(state: AppState, session: SessionId, read: impl FnOnce(&[&Session]) -> R) -> R {
    state.sessions.with_untracked(|all| {
        let visits = all
            .iter()
            .find(|s| s.id == session)
            .map(|of| visits_of(all, of))
            .unwrap_or_default();
        read(&visits)
    })
}

/// How many visits the child of `session` has: the visit's screen offers "Over time" from two.
pub fn visit_count(state: AppState, session: SessionId) -> usize {
    state.sessions.with(|all| {
        all.iter()
            .find(|s| s.id == session)
            .map_or(0, |of| visits_of(all, of).len())
    })
}

/// "Over time" on a visit's screen, when the child has more than one visit.
#[component]
pub fn OverTimeButton(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    view! {
        <Show when=move || { visit_count(state, session) > 1 }>
            <div class="over-time-open">
                <IconButton icon="icon-houses" label=Signal::derive(move || t_string!(i18n, over_time_button).to_owned())
                    on_press=move || state.go(Screen::OverTime { session }) />
            </div>
        </Show>
    }
}

/// The over-time document's words: the summary's labels, and its own.
fn over_time_text(i18n: I18n, over_time: &OverTime, agency: String) -> OverTimeText {
    let newest = over_time.visits.last().map(|visit| &visit.summary);
    let mut summary = newest
        .map(|summary| summary_text(i18n, summary))
        .unwrap_or_default();
    let name = over_time.child_name.clone();
    summary.title = t_string!(i18n, over_time_title, name = name.clone()).to_string();
    match &over_time.audience {
        Some(audience) => {
            let audience = audience_label(i18n, audience);
            summary.audience_line =
                t_string!(i18n, over_time_for, audience = audience.clone()).to_string();
            summary.page_line = t_string!(i18n, over_time_page_for, name, audience).to_string();
        }
        None => {
            summary.audience_line = t_string!(i18n, over_time_full_record_line).to_owned();
            summary.page_line = t_string!(i18n, over_time_page_full, name).to_string();
            summary.agency = agency;
        }
    }
    OverTimeText {
        visits: over_time
            .visits
            .iter()
            .map(|visit| summary_text(i18n, &visit.summary))
            .collect(),
        summary,
        visits_label: t_string!(i18n, over_time_visits).to_owned(),
        visit_heading: i18n.text(Key::over_time_visit_heading).to_owned(),
        not_finished: t_string!(i18n, over_time_not_finished).to_owned(),
        still_so: i18n.text(Key::over_time_still_so).to_owned(),
        changed: i18n.text(Key::over_time_changed).to_owned(),
        not_any_more: i18n.text(Key::over_time_not_any_more).to_owned(),
        passed: i18n.text(Key::over_time_passed).to_owned(),
        happened_label: t_string!(i18n, over_time_happened).to_owned(),
        heard_by: i18n.text(Key::over_time_heard_by).to_owned(),
        child_heard: i18n.text(Key::over_time_child_heard).to_owned(),
        childs_words_label: t_string!(i18n, over_time_childs_words).to_owned(),
    }
}

/// The child's answer as a small mark: "Not any more (1 September 2026)".
fn answer_mark(i18n: I18n, answer: StillSo, date: &str) -> String {
    let date = day(date, i18n.get_locale_untracked().as_str());
    match answer {
        StillSo::StillSo => t_string!(i18n, over_time_still_so, date).to_string(),
        StillSo::Changed => t_string!(i18n, over_time_changed, date).to_string(),
        StillSo::NotAnyMore => t_string!(i18n, over_time_not_any_more, date).to_string(),
        StillSo::Passed => t_string!(i18n, over_time_passed, date).to_string(),
    }
}

fn answer_class(answer: StillSo) -> &'static str {
    match answer {
        StillSo::StillSo => "later still-so",
        StillSo::Changed => "later changed",
        StillSo::NotAnyMore => "later not-any-more",
        StillSo::Passed => "later passed",
    }
}

/// One entry in a cell: the drawing small or the words, and what came of it later.
fn entry_view(i18n: I18n, entry: EntryView) -> impl IntoView {
    let lang = i18n.get_locale_untracked().to_string();
    let shown = match entry.shown {
        Shown::Words(words) => {
            let voice = voice_label(i18n, words.voice);
            view! {
                <blockquote class="childs-words" dir="auto">{words.text}</blockquote>
                <p class="voice">{voice}</p>
            }
            .into_any()
        }
        Shown::Drawing(drawing) => view! {
            <div class="over-time-thumbnail" role="img" aria-label=t_string!(i18n, summary_drawing_alt)>
                <DrawingPreview drawing />
            </div>
        }
        .into_any(),
        Shown::Unreadable => {
            view! { <p class="quiet">{t!(i18n, unreadable_entry)}</p> }.into_any()
        }
    };
    let class = if entry.taken_out.is_some() {
        "over-time-entry taken-out"
    } else {
        "over-time-entry"
    };
    let taken_out = entry.taken_out.map(|at| {
        let time = platform::local_date_time(at, &lang);
        view! { <p class="taken-out-note">{t_string!(i18n, taken_out_mark, time).to_string()}</p> }
    });
    let later = entry
        .later
        .into_iter()
        .map(|(answer, date)| {
            view! { <p class=answer_class(answer)>{answer_mark(i18n, answer, &date)}</p> }
        })
        .collect_view();
    let happened = entry
        .happened
        .into_iter()
        .map(|(on, text)| {
            let label = if on.is_empty() {
                t_string!(i18n, over_time_happened).to_owned()
            } else {
                format!(
                    "{} · {}",
                    t_string!(i18n, over_time_happened),
                    day(&on, &lang)
                )
            };
            view! {
                <div class="happened">
                    <strong>{label}</strong>
                    <p dir="auto">{text}</p>
                </div>
            }
        })
        .collect_view();
    view! { <li class=class>{shown}{taken_out}{later}{happened}</li> }
}

#[component]
pub fn OverTimeScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let grid = Memo::new(move |_| {
        state.sessions.with(|all| {
            let of = all.iter().find(|s| s.id == session)?;
            let visits = visits_of(all, of);
            Some(grid_of(&visits, &OverTime::of(&visits, None)))
        })
    });
    let helper = state
        .with_session_untracked(&session, |s| s.helper.map(|h| h.kind))
        .flatten();
    let pictures = state
        .with_session_untracked(&session, |s| {
            Question::ALL
                .into_iter()
                .map(|question| picture(s, Tool::ThreeHouses, question))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let title = Signal::derive(move || {
        let name = grid.with(|g| g.as_ref().map(|g| g.name.clone()).unwrap_or_default());
        t_string!(i18n, over_time_title, name).to_string()
    });

    let table = move || {
        let grid = grid.get()?;
        let lang = i18n.get_locale().to_string();
        let heads = grid
            .visits
            .iter()
            .map(|(date, finished)| {
                let not_finished = (!finished).then(|| {
                    view! { <span class="not-finished">{t!(i18n, over_time_not_finished)}</span> }
                });
                view! { <th scope="col"><span class="visit-day">{day(date, &lang)}</span>{not_finished}</th> }
            })
            .collect_view();
        let tools = if grid.tools.is_empty() {
            vec![Tool::default()]
        } else {
            grid.tools.clone()
        };
        let rows = grid
            .questions
            .into_iter()
            .enumerate()
            .map(|(at, (question, cells))| {
                let name = tools
                    .iter()
                    .map(|&tool| usual_name(i18n, tool, helper, question))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let house = pictures.get(at).cloned().unwrap_or_default();
                let cells = cells
                    .into_iter()
                    .map(|entries| {
                        // An empty cell says so, as the full record does: not a blank.
                        let empty = entries.is_empty().then(|| {
                            view! { <p class="quiet over-time-empty">{t!(i18n, summary_empty_house)}</p> }
                        });
                        let list = entries
                            .into_iter()
                            .map(|entry| entry_view(i18n, entry))
                            .collect_view();
                        view! { <td>{empty}<ul class="over-time-entries">{list}</ul></td> }
                    })
                    .collect_view();
                view! {
                    <tr class=format!("over-time-row {}", question.slug())>
                        <th scope="row">
                            <img src=house alt="" aria-hidden="true" />
                            <span>{name}</span>
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="over-time-scroll" role="region" tabindex="0"
                aria-label=move || t_string!(i18n, over_time_grid)>
                <table class="over-time-grid">
                    <thead>
                        <tr><th scope="col" class="question-column">{t!(i18n, over_time_question)}</th>{heads}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };

    view! {
        <SessionScreenHeader session title />
        <div class="over-time">
            {table}
            <OverTimeDocuments session />
        </div>
    }
}

/// The over-time document for one reader, shown as the file is, printed or downloaded.
#[component]
fn OverTimeDocuments(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // Nothing is chosen at first: a document for the wrong reader is never one tap away.
    let chosen = RwSignal::new(None::<Reader>);
    let audiences = Memo::new(move |_| {
        state.sessions.with(|all| {
            all.iter()
                .find(|s| s.id == session)
                .map(|of| audiences_over_time(&visits_of(all, of)))
                .unwrap_or_default()
        })
    });
    let document = Memo::new(move |_| {
        let reader = chosen.get()?;
        state.sessions.track();
        let lang = i18n.get_locale_untracked().to_string();
        let agency = state.text_setting(TextSetting::Agency);
        Some(with_visits(state, session, |visits| {
            let over_time = OverTime::of(visits, reader.as_ref());
            let text = over_time_text(i18n, &over_time, agency);
            let picture = |at: usize, question, id| {
                visits
                    .get(at)
                    .and_then(|visit| visit.entry(question, id))
                    .and_then(Entry::drawing)
                    .and_then(drawing_png)
            };
            // An earlier version of a drawing is in the full record alone.
            let earlier_picture = |at: usize, question, id, index: usize| {
                visits
                    .get(at)
                    .and_then(|visit| visit.entry(question, id))
                    .and_then(|entry| entry.changes.get(index))
                    .and_then(|change| match &change.what {
                        Changed::Drawing { before } => drawing_png(before),
                        _ => None,
                    })
            };
            let time = |at_ms| platform::local_date_time(at_ms, &lang);
            let on_day = |at_ms| day(&platform::local_iso_day(at_ms), &lang);
            let html = render_over_time_html(
                &over_time,
                &text,
                &OverTimePainters {
                    picture: &picture,
                    earlier_picture: &earlier_picture,
                    time: &time,
                    day: &on_day,
                },
            );
            let file_name = over_time_file_name(&over_time, &named_over_time(visits));
            (html, file_name, over_time.drawn_from())
        }))
    });

    // Each copy is noted in every visit it holds something of, with the worries the worker
    // confirmed there.
    let record = move |kind: ExportKind, confirmed: Confirmed| {
        let (Some(reader), Some((_, file_name, drawn_from))) =
            (chosen.get_untracked(), document.get_untracked())
        else {
            return;
        };
        for visit in drawn_from {
            let confirmed_worries = confirmed
                .iter()
                .find(|(at, _)| *at == visit)
                .map(|(_, worries)| worries.clone())
                .unwrap_or_default();
            let export = Export {
                at_ms: 0,
                audience: reader.clone(),
                kind,
                file_name: file_name.clone(),
                confirmed_worries,
                picture: None,
            };
            state.edit(&visit, SavePolicy::Now, |s, now| {
                s.record_export(Export {
                    at_ms: now,
                    ..export
                })
            });
        }
    };
    let file = move || {
        document
            .get_untracked()
            .map(|(html, file_name, _)| (html, file_name))
    };
    // As for a visit's summary: before a copy for the family or someone the child named
    // first holds a worry, the worker sees those worries, from every visit, and confirms.
    let worries = move || {
        let audience = chosen.get_untracked().flatten()?;
        let worries = with_visits(state, session, |visits| {
            worries_to_confirm(visits, &audience)
                .into_iter()
                .map(|(visit, entry)| (visit, entry.clone()))
                .collect()
        });
        Some((audience, worries))
    };
    let giving = Giving::new(worries, file, record);
    let nothing_chosen = move || chosen.with(Option::is_none);

    view! {
        <section class="over-time-documents" aria-labelledby="over-time-documents-heading">
            <div class="summary-controls">
                <ReaderChoice chosen audiences label=Key::over_time_for_label
                    choose=Key::over_time_choose full_record=Key::over_time_full_record
                    label_id="over-time-documents-heading" />
                <Show when=nothing_chosen>
                    <p class="quiet">{t!(i18n, over_time_choose_first)}</p>
                </Show>
                <div class="summary-actions">
                    <PrintAndDownload giving download=Key::over_time_download
                        disabled=Signal::derive(nothing_chosen) />
                </div>
            </div>
            <WorriesToConfirm giving />
            // The document in its own frame, exactly as the file (see `ui::giving`).
            <DocumentFrame giving
                html=Signal::derive(move || document.get().map(|(html, _, _)| html).unwrap_or_default())
                shown=Signal::derive(move || !nothing_chosen())
                title=Key::over_time_button class="summary-frame over-time-frame" />
        </section>
    }
}
