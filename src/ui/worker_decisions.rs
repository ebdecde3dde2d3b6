//! The worker's own records beside the child's wish, for the worker's full record only: what
//! the worker holds back from someone although the child agreed (for the child's safety), and
//! what the worker had to pass on without the child's agreement (a child-protection duty),
//! each with a date, a reason and who decided. Nothing here ever reaches a summary for an
//! audience; a hold only keeps an entry out of it.

use leptos::prelude::*;

use crate::core::{
    Audience, Decision, Entry, ExportKind, Question, Screen, Session, SessionId, SharedItem,
    Sharing, WorkerReason, WorkerReasonError,
};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::ui::dialog::Modal;
use crate::ui::entry_summary::EntrySummary;
use crate::ui::labels::audience_label;
use crate::ui::look::name_across_tools;
use crate::ui::{I18n, IconButton};

/// What the worker is recording in the dialog.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Recording {
    Hold(SharedItem),
    PassedOn(SharedItem),
}

/// One item the child decided about, as this screen shows it.
#[derive(Clone, PartialEq)]
struct Row {
    item: SharedItem,
    /// The entry, or None for the child's own name of a house or helper.
    entry: Option<Entry>,
    own_name: Option<String>,
    sharing: Sharing,
}

fn rows(session: &Session) -> Vec<(Question, Vec<Row>)> {
    Question::ALL
        .into_iter()
        .map(|question| {
            let items = session
                .shared_items()
                .into_iter()
                .filter(|item| match item {
                    SharedItem::Entry { question: q, .. }
                    | SharedItem::Name { question: q, .. } => *q == question,
                })
                .filter_map(|item| {
                    let sharing = session.sharing(item)?.clone();
                    Some(match item {
                        SharedItem::Entry { question, entry } => Row {
                            item,
                            entry: session.entry(question, entry).cloned(),
                            own_name: None,
                            sharing,
                        },
                        SharedItem::Name { tool, question } => Row {
                            item,
                            entry: None,
                            own_name: session.own_name(tool, question).map(str::to_owned),
                            sharing,
                        },
                    })
                })
                .collect();
            (question, items)
        })
        .collect()
}

/// The child's wish in words: who, "nobody else", or no decision yet.
fn wish_text(i18n: I18n, decision: Option<&Decision>) -> String {
    match decision {
        None => t_string!(i18n, undecided).to_owned(),
        Some(Decision::Private) => t_string!(i18n, audience_private).to_owned(),
        Some(Decision::SharedWith(audiences)) => audiences
            .iter()
            .map(|audience| audience_label(i18n, audience))
            .collect::<Vec<_>>()
            .join(t_string!(i18n, list_separator)),
    }
}

#[component]
pub fn WorkerDecisionsScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let recording = RwSignal::new(None::<Recording>);
    let questions = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                rows(s)
                    .into_iter()
                    .map(|(question, rows)| (question, name_across_tools(i18n, s, question), rows))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let back = Screen::WorkerDecisions { session }.parent();
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, summary_tool).to_owned())
                on_press=move || state.go(back) />
            <h1>{t!(i18n, worker_decisions_heading)}</h1>
        </header>
        <p class="quiet">{t!(i18n, worker_decisions_intro)}</p>
        <Show when=move || questions.with(|all| all.iter().all(|(_, _, rows)| rows.is_empty()))>
            <p class="quiet">{t!(i18n, nothing_to_record)}</p>
        </Show>
        {move || {
            questions
                .get()
                .into_iter()
                .filter(|(_, _, rows)| !rows.is_empty())
                .map(|(question, name, rows)| {
                    view! {
                        <section class=format!("worker-decisions question-{}", question.slug())>
                            <h2>{name}</h2>
                            <ol class="entries">
                                {rows.into_iter().map(|row| {
                                    view! { <RowView session=session row recording /> }
                                }).collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()
        }}
        {move || recording.get().map(|what| {
            view! { <RecordDialog session what on_close=move || recording.set(None) /> }
        })}
    }
}

#[component]
fn RowView(session: SessionId, row: Row, recording: RwSignal<Option<Recording>>) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let item = row.item;
    let shown = match (row.entry, row.own_name) {
        (Some(entry), _) => view! { <EntrySummary entry /> }.into_any(),
        (None, name) => {
            let name = name.unwrap_or_default();
            view! {
                <figure class="entry-words">
                    <blockquote class="childs-words" dir="auto">{name.clone()}</blockquote>
                    <figcaption class="voice">{t!(i18n, summary_own_name)}</figcaption>
                </figure>
            }
            .into_any()
        }
    };
    let wish = wish_text(i18n, row.sharing.decision.as_ref());
    let holds = row
        .sharing
        .holds
        .iter()
        .map(|hold| {
            let from = hold.from.clone();
            let label = audience_label(i18n, &from);
            let line = duty_line(i18n, t_string!(i18n, summary_held_back), &from, &hold.why);
            let active = hold.is_active();
            let lift_label = t_string!(i18n, lift_hold, audience = label.clone()).to_string();
            view! {
                <li class="duty hold" class:lifted=!active>
                    <span dir="auto">{line}</span>
                    {(!active).then(|| view! { <span class="quiet">{t!(i18n, summary_lifted)}</span> })}
                    {active.then(|| view! {
                        <button type="button" on:click=move |_| {
                            let worker = worker_of(state, &session);
                            state.edit(&session, SavePolicy::Now, |s, now| s.lift_hold(item, &from, &worker, now));
                        }>{lift_label}</button>
                    })}
                </li>
            }
        })
        .collect_view();
    let passed = row
        .sharing
        .passed_on
        .iter()
        .enumerate()
        .map(|(index, passed)| {
            let line = duty_line(i18n, t_string!(i18n, summary_passed_on), &passed.to, &passed.why);
            let told = passed.child_told_on.clone();
            view! {
                <li class="duty passed-on">
                    <span dir="auto">{line}</span>
                    {match told {
                        Some(on) => view! { <span>{format!("{} {on}", t_string!(i18n, summary_child_told))}</span> }.into_any(),
                        None => view! { <ChildToldForm session item index /> }.into_any(),
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="entry worker-row">
            {shown}
            <p class="decision">{format!("{} ", t_string!(i18n, summary_wish))}<bdi>{wish}</bdi></p>
            <ul class="duties">{holds}{passed}</ul>
            <div class="entry-actions">
                <button type="button" on:click=move |_| recording.set(Some(Recording::Hold(item)))>
                    {t!(i18n, hold_back)}
                </button>
                <button type="button" on:click=move |_| recording.set(Some(Recording::PassedOn(item)))>
                    {t!(i18n, pass_on)}
                </button>
            </div>
        </li>
    }
}

/// One of the worker's records as a line: what was done, to or from whom, on which day, who
/// decided and why.
fn duty_line(i18n: I18n, what: &str, who: &Audience, why: &WorkerReason) -> String {
    format!(
        "{what} {} · {} {} · {} {} · {}: {}",
        audience_label(i18n, who),
        t_string!(i18n, summary_on),
        crate::core::local_forms::day(&why.on, i18n.get_locale_untracked().as_str()),
        t_string!(i18n, summary_decided_by),
        why.decided_by,
        t_string!(i18n, summary_reason),
        why.reason
    )
}

/// The day the child was told about a passing-on, once it has happened.
#[component]
fn ChildToldForm(session: SessionId, item: SharedItem, index: usize) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let day = RwSignal::new(platform::today_iso());
    view! {
        <form class="child-told" on:submit=move |ev| {
            ev.prevent_default();
            let on = day.get_untracked();
            state.edit(&session, SavePolicy::Now, |s, now| s.record_child_told(item, index, &on, now));
        }>
            <span class="quiet">{t!(i18n, summary_child_not_told)}</span>
            <label>
                <span>{t!(i18n, child_told_on_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="date" bind:value=day />
            </label>
            <button type="submit">{t!(i18n, record_child_told)}</button>
        </form>
    }
}

fn worker_of(state: AppState, session: &SessionId) -> String {
    state
        .with_session_untracked(session, |s| s.worker.clone())
        .unwrap_or_default()
}

/// A hold or a passing-on, with its date, reason and who decided; nothing is recorded until
/// all three are there.
#[component]
fn RecordDialog(
    session: SessionId,
    what: Recording,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let audiences = state
        .with_session_untracked(&session, |s| s.summary_audiences())
        .unwrap_or_default();
    let chosen = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
    let on = RwSignal::new(platform::today_iso());
    let reason = RwSignal::new(String::new());
    let decided_by = RwSignal::new(worker_of(state, &session));
    let error = RwSignal::new(None::<&'static str>);
    let (title, who_label, item) = match what {
        Recording::Hold(item) => (
            t_string!(i18n, hold_title),
            t_string!(i18n, hold_from),
            item,
        ),
        Recording::PassedOn(item) => (
            t_string!(i18n, passed_title),
            t_string!(i18n, passed_to),
            item,
        ),
    };
    let options = audiences.clone();
    // A hold keeps an entry out of new copies only: the copies already given to that
    // audience that hold it are named, so the worker knows what has left.
    let chosen_audience = {
        let audiences = audiences.clone();
        move || {
            chosen
                .get()
                .parse::<usize>()
                .ok()
                .and_then(|at| audiences.get(at).cloned())
        }
    };
    let copies_given = Memo::new(move |_| {
        let Recording::Hold(item) = what else {
            return None;
        };
        let audience = chosen_audience()?;
        let copies = state
            .with_session(&session, |s| {
                s.copies_holding(item, &audience)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        (!copies.is_empty()).then_some((audience, copies))
    });
    let close = on_close.clone();
    let submit = move || {
        let typed = other.get_untracked();
        let audience =
            match Audience::named(&typed).filter(|_| matches!(what, Recording::PassedOn(_))) {
                Some(named) => Some(named),
                None => chosen
                    .get_untracked()
                    .parse::<usize>()
                    .ok()
                    .and_then(|at| audiences.get(at).cloned()),
            };
        let Some(audience) = audience else {
            error.set(Some(t_string!(i18n, error_choose_someone)));
            return;
        };
        let why = match WorkerReason::new(
            &on.get_untracked(),
            &reason.get_untracked(),
            &decided_by.get_untracked(),
        ) {
            Ok(why) => why,
            Err(WorkerReasonError::DateInvalid) => {
                return error.set(Some(t_string!(i18n, error_pick_date)))
            }
            Err(WorkerReasonError::ReasonMissing) => {
                return error.set(Some(t_string!(i18n, error_reason_missing)))
            }
            Err(WorkerReasonError::DeciderMissing) => {
                return error.set(Some(t_string!(i18n, error_decider_missing)))
            }
        };
        state.edit(&session, SavePolicy::Now, |s, now| match what {
            Recording::Hold(_) => s.hold_back(item, audience, why, now),
            Recording::PassedOn(_) => s.record_passed_on(item, audience, why, now),
        });
        close();
    };
    let cancel = on_close.clone();
    view! {
        <Modal labelled_by="record-title" on_escape=on_close>
            <form class="record-form" on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                <h2 id="record-title">{title}</h2>
                <label>
                    <span>{who_label}</span>
                    <select on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="" selected=true>{"—"}</option>
                        {options.into_iter().enumerate().map(|(at, audience)| view! {
                            <option value=at.to_string() dir="auto">{audience_label(i18n, &audience)}</option>
                        }).collect_view()}
                    </select>
                </label>
                {move || copies_given.get().map(|(audience, copies)| {
                    let lang = i18n.get_locale_untracked().to_string();
                    let label = audience_label(i18n, &audience);
                    view! {
                        <div class="copies-given" role="note">
                            <p>{t_string!(i18n, hold_copies_given, audience = label.clone()).to_string()}</p>
                            <ul>
                                {copies.into_iter().map(|copy| {
                                    let how = match copy.kind {
                                        ExportKind::Printed => t_string!(i18n, summary_printed),
                                        ExportKind::Downloaded => t_string!(i18n, summary_downloaded),
                                    };
                                    let when = platform::local_date_time(copy.at_ms, &lang);
                                    view! {
                                        <li>
                                            <bdi>{label.clone()}</bdi>
                                            {format!(" — {how} {when} · ")}
                                            <bdi>{copy.file_name}</bdi>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </div>
                    }
                })}
                {matches!(what, Recording::PassedOn(_)).then(|| view! {
                    <label>
                        <span>{t!(i18n, passed_to_other)}</span>
                        <input {..crate::ui::fields::as_typed()} type="text" bind:value=other />
                    </label>
                })}
                <label>
                    <span>{t!(i18n, date_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="date" bind:value=on />
                </label>
                <label>
                    <span>{t!(i18n, summary_reason)}</span>
                    <textarea {..crate::ui::fields::workers_sentences()} rows="3" prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                </label>
                <label>
                    <span>{t!(i18n, summary_decided_by)}</span>
                    <input {..crate::ui::fields::as_typed()} type="text" bind:value=decided_by />
                </label>
                {move || error.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
                <div class="dialog-actions">
                    <button type="button" class="safe" on:click=move |_| cancel()>{t!(i18n, cancel)}</button>
                    <button type="submit" class="primary">{t!(i18n, record_button)}</button>
                </div>
            </form>
        </Modal>
    }
}
