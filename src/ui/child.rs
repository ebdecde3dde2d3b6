//! One child's page: their visits newest first (open, delete, move to another child), a
//! new visit that carries over what is the child's, rename, join with another child,
//! delete the child with every visit, and what happened to the child's record.

use leptos::prelude::*;

use crate::core::child::{ChildChange, ChildEvent};
use crate::core::children::visits_of;
use crate::core::local_forms::day;
use crate::core::{ChildId, Screen, SessionId};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::labels::{with_name_isolated, NAME_MARK};
use crate::ui::start::restore_marks;
use crate::ui::{I18n, IconButton};

/// What the worker is about to confirm on this page.
#[derive(Clone, Debug, PartialEq)]
enum Asking {
    DeleteVisit(SessionId, String),
    MoveVisit(SessionId, String, ChildId),
    Join(ChildId),
    DeleteChild,
}

/// One visit as its row shows it.
#[derive(Clone, Debug, PartialEq)]
struct VisitRow {
    id: SessionId,
    date: String,
    worker: String,
    finished: bool,
    restored: (Option<String>, Vec<crate::core::Restore>),
}

#[component]
pub fn ChildScreen(child: ChildId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let alias = Memo::new(move |_| {
        state
            .child(child)
            .map(|record| record.alias)
            .unwrap_or_default()
    });
    let visits = Memo::new(move |_| {
        state.sessions.with(|all| {
            visits_of(all, child)
                .into_iter()
                .map(|s| VisitRow {
                    id: s.id,
                    date: s.date.clone(),
                    worker: s.worker.clone(),
                    finished: s.is_finished(),
                    restored: (s.restored_from_backup_on.clone(), s.restores.clone()),
                })
                .collect::<Vec<_>>()
        })
    });
    let asking = RwSignal::new(None::<Asking>);
    let moving = RwSignal::new(None::<SessionId>);
    let joining = RwSignal::new(false);
    let renaming = RwSignal::new(false);
    let new_visit = move || {
        if let Some(visit) = state.start_next_visit(child) {
            state.go(Screen::Session { session: visit });
        }
    };
    let lang = move || i18n.get_locale().to_string();

    view! {
        <header class="session-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, all_children).to_owned())
                on_press=move || state.go(Screen::Start) />
            // The heading follows the screen's direction; the name keeps its own.
            <h1><bdi>{move || alias.get()}</bdi></h1>
        </header>
        <div class="child-page">
            <section class="card child-actions">
                {move || state.child(child).and_then(|record| record.age_on(&platform::today_iso())).map(|age| view! {
                    <p>{t_string!(i18n, age_years, age = age).to_string()}</p>
                })}
                <button type="button" class="primary" on:click=move |_| new_visit()>
                    {t!(i18n, new_visit)}
                </button>
                // Each question across the visits; opened from the newest, where "back" leads.
                {move || visits.with(|rows| (rows.len() > 1).then(|| rows[0].id)).map(|newest| view! {
                    <button type="button" on:click=move |_| state.go(Screen::OverTime { session: newest })>
                        {t!(i18n, over_time_button)}
                    </button>
                })}
                <RenameChild child renaming />
            </section>
            <section class="card session-list" aria-labelledby="visits-heading">
                <h2 id="visits-heading">{t!(i18n, visits_heading)}</h2>
                <Show when=move || visits.with(Vec::is_empty)>
                    <p class="quiet">{t!(i18n, no_visits)}</p>
                </Show>
                <ul aria-labelledby="visits-heading">
                    <For
                        each=move || visits.get()
                        key=|row| (row.id, row.date.clone(), row.worker.clone(), row.finished, row.restored.0.clone(), row.restored.1.len())
                        children=move |row: VisitRow| {
                            let id = row.id;
                            let date = row.date.clone();
                            let shown_day = move |date: &str| day(date, &lang());
                            let (open_date, delete_date, move_date, ask_date) =
                                (date.clone(), date.clone(), date.clone(), date.clone());
                            let worker = row.worker.clone();
                            view! {
                                <li class="session-row">
                                    <div class="session-facts">
                                        <strong>{move || shown_day(&date)}</strong>
                                        {(!worker.is_empty()).then(|| {
                                            let worker = worker.clone();
                                            view! { <span>{move || with_name_isolated(&t_string!(i18n, with_worker, worker = NAME_MARK), &worker)}</span> }
                                        })}
                                        <span>{if row.finished { t!(i18n, visit_finished).into_any() } else { t!(i18n, visit_not_finished).into_any() }}</span>
                                        {restore_marks(i18n, row.restored.0.clone(), row.restored.1.clone())}
                                    </div>
                                    <button type="button" class="primary"
                                        aria-label=move || t_string!(i18n, open_visit, date = shown_day(&open_date)).to_string()
                                        on:click=move |_| state.go(Screen::Session { session: id })>
                                        {t!(i18n, open)}
                                    </button>
                                    <button type="button"
                                        aria-label=move || t_string!(i18n, move_visit_label, date = shown_day(&move_date)).to_string()
                                        on:click=move |_| moving.set(Some(id))>
                                        {t!(i18n, move_visit)}
                                    </button>
                                    <button type="button" class="danger-quiet"
                                        aria-label=move || t_string!(i18n, delete_visit, date = shown_day(&delete_date)).to_string()
                                        on:click=move |_| asking.set(Some(Asking::DeleteVisit(id, ask_date.clone())))>
                                        {t!(i18n, delete)}
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                {move || moving.get().map(|visit| {
                    let date = visits.with(|rows| rows.iter().find(|row| row.id == visit).map(|row| row.date.clone())).unwrap_or_default();
                    view! {
                        <OtherChildPicker child label=Signal::derive(move || t_string!(i18n, move_to_child).to_owned())
                            confirm=Signal::derive(move || t_string!(i18n, move_confirm).to_owned())
                            on_pick=move |to| { moving.set(None); asking.set(Some(Asking::MoveVisit(visit, date.clone(), to))); }
                            on_cancel=move || moving.set(None) />
                    }
                })}
            </section>
            <section class="card child-actions">
                <button type="button" on:click=move |_| joining.set(true)>{t!(i18n, join_child)}</button>
                <Show when=move || joining.get()>
                    <OtherChildPicker child label=Signal::derive(move || t_string!(i18n, join_with_label, name = alias.get()).to_string())
                        confirm=Signal::derive(move || t_string!(i18n, join_confirm).to_owned())
                        on_pick=move |other| { joining.set(false); asking.set(Some(Asking::Join(other))); }
                        on_cancel=move || joining.set(false) />
                </Show>
                <button type="button" class="danger-quiet" on:click=move |_| asking.set(Some(Asking::DeleteChild))>
                    {t!(i18n, delete_child)}
                </button>
            </section>
            <crate::ui::retention::CaseClosing child />
            <ChildHistory child />
        </div>
        {move || asking.get().map(|question| confirm(state, i18n, child, question, asking))}
    }
}

/// The child's alias, and changing it.
#[component]
fn RenameChild(child: ChildId, renaming: RwSignal<bool>) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let open = move |_| {
        typed.set(state.child(child).map(|c| c.alias).unwrap_or_default());
        renaming.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.rename_child(child, &typed.get_untracked());
        renaming.set(false);
    };
    view! {
        <Show when=move || renaming.get()
            fallback=move || view! { <button type="button" on:click=open>{t!(i18n, rename_child)}</button> }>
            <form class="rename-child" on:submit=save novalidate>
                <label>
                    <span>{t!(i18n, rename_child_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="text" bind:value=typed />
                </label>
                <button type="submit" class="primary">{t!(i18n, save_name)}</button>
                <button type="button" on:click=move |_| renaming.set(false)>{t!(i18n, cancel)}</button>
            </form>
        </Show>
    }
}

/// A choice of one of the other children on the tablet.
#[component]
fn OtherChildPicker(
    child: ChildId,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] confirm: Signal<String>,
    on_pick: impl Fn(ChildId) + Clone + Send + Sync + 'static,
    on_cancel: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let others = Memo::new(move |_| {
        let mut others: Vec<(ChildId, String)> = state.children.with(|all| {
            all.iter()
                .filter(|other| other.id != child)
                .map(|other| (other.id, other.alias.clone()))
                .collect()
        });
        others.sort_by(|a, b| a.1.cmp(&b.1));
        others
    });
    let picked = RwSignal::new(String::new());
    let pick = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = picked.get_untracked();
        let found = others.with_untracked(|others| {
            others
                .iter()
                .find(|(id, _)| id.as_str() == chosen)
                .or(others.first())
                .map(|(id, _)| *id)
        });
        if let Some(id) = found {
            on_pick(id);
        }
    };
    view! {
        <form class="child-picker" on:submit=pick novalidate>
            <label>
                <span>{move || label.get()}</span>
                <select on:change=move |ev| picked.set(event_target_value(&ev))>
                    {move || others.get().into_iter().map(|(id, alias)| view! {
                        <option value=id.as_str()>{alias}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="submit" class="primary" disabled=move || others.with(Vec::is_empty)>{move || confirm.get()}</button>
            <button type="button" on:click=move |_| on_cancel()>{t!(i18n, cancel)}</button>
        </form>
    }
}

/// The question before a delete, move or join, naming what it touches.
fn confirm(
    state: AppState,
    i18n: I18n,
    child: ChildId,
    question: Asking,
    asking: RwSignal<Option<Asking>>,
) -> impl IntoView {
    let lang = i18n.get_locale_untracked().to_string();
    let alias = |id: ChildId| state.child(id).map(|c| c.alias).unwrap_or_default();
    let count = |id: ChildId| state.visits_of(id).len();
    let name = alias(child);
    let (title, text, label) = match &question {
        Asking::DeleteVisit(_, date) => (
            t_string!(i18n, confirm_delete_visit_title, date = day(date, &lang)).to_string(),
            t_string!(i18n, confirm_delete_session_text, name = name.clone()).to_string(),
            t_string!(i18n, delete).to_owned(),
        ),
        Asking::MoveVisit(_, date, to) => (
            t_string!(
                i18n,
                confirm_move_title,
                date = day(date, &lang),
                other = alias(*to)
            )
            .to_string(),
            t_string!(
                i18n,
                confirm_move_text,
                other = alias(*to),
                name = name.clone()
            )
            .to_string(),
            t_string!(i18n, move_confirm).to_owned(),
        ),
        Asking::Join(other) => (
            t_string!(
                i18n,
                confirm_join_title,
                other = alias(*other),
                name = name.clone()
            )
            .to_string(),
            t_string!(
                i18n,
                confirm_join_text,
                name = name.clone(),
                count = count(child),
                other = alias(*other),
                other_count = count(*other)
            )
            .to_string(),
            t_string!(i18n, join_confirm).to_owned(),
        ),
        Asking::DeleteChild => {
            let visits = state.visits_of(child);
            let last = visits
                .first()
                .and_then(|id| state.with_session_untracked(id, |s| s.date.clone()));
            let text = match last {
                Some(date) => t_string!(
                    i18n,
                    confirm_delete_child_text,
                    count = visits.len(),
                    date = day(&date, &lang),
                    name = name.clone()
                )
                .to_string(),
                None => {
                    t_string!(i18n, confirm_delete_child_empty, name = name.clone()).to_string()
                }
            };
            (
                t_string!(i18n, confirm_delete_child_title, name = name.clone()).to_string(),
                text,
                t_string!(i18n, delete).to_owned(),
            )
        }
    };
    view! {
        <ConfirmDialog title text confirm_label=label
            on_confirm=move || {
                asking.set(None);
                match question.clone() {
                    Asking::DeleteVisit(visit, _) => state.delete_session(&visit),
                    Asking::MoveVisit(visit, _, to) => state.move_visit(visit, to),
                    Asking::Join(other) => state.join_children(child, other),
                    Asking::DeleteChild => {
                        state.delete_child(child);
                        state.go(Screen::Start);
                    }
                }
            }
            on_cancel=move || asking.set(None) />
    }
}

/// What happened to the child's record, oldest first, in plain lines with dates.
#[component]
fn ChildHistory(child: ChildId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let lines = move || {
        let lang = i18n.get_locale().to_string();
        let history = state.child(child).map(|c| c.history).unwrap_or_default();
        history
            .into_iter()
            .map(|event| history_line(state, i18n, &event, &lang))
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <section class="card child-history" aria-labelledby="child-history-heading">
                <h2 id="child-history-heading">{t!(i18n, child_history_heading)}</h2>
                <ul>
                    {move || lines().into_iter().map(|line| view! { <li dir="auto">{line}</li> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

fn history_line(state: AppState, i18n: I18n, event: &ChildEvent, lang: &str) -> String {
    let date = platform::local_date_time(event.at_ms, lang);
    // A visit by its day, as the worker knows it; an unknown one (deleted since) by "—".
    let visit = |id: &SessionId| {
        state
            .with_session_untracked(id, |s| day(&s.date, lang))
            .unwrap_or_else(|| "—".into())
    };
    let alias = |id: &ChildId| {
        state
            .children
            .with_untracked(|all| all.iter().find(|c| &c.id == id).map(|c| c.alias.clone()))
            .unwrap_or_else(|| t_string!(i18n, unknown_child).to_owned())
    };
    match &event.what {
        ChildChange::MadeFromSession { session } => {
            t_string!(i18n, history_made, date = date, visit = visit(session)).to_string()
        }
        ChildChange::Joined {
            alias: joined,
            visits,
            ..
        } => t_string!(
            i18n,
            history_joined,
            date = date,
            name = joined.clone(),
            count = *visits
        )
        .to_string(),
        ChildChange::VisitMovedIn { session, from } => t_string!(
            i18n,
            history_moved_in,
            date = date,
            visit = visit(session),
            name = alias(from)
        )
        .to_string(),
        ChildChange::VisitMovedOut { session, to } => t_string!(
            i18n,
            history_moved_out,
            date = date,
            visit = visit(session),
            name = alias(to)
        )
        .to_string(),
        ChildChange::Renamed { from, to } => t_string!(
            i18n,
            history_renamed,
            date = date,
            from = from.clone(),
            to = to.clone()
        )
        .to_string(),
        ChildChange::CaseClosed => t_string!(i18n, history_closed, date = date).to_string(),
        ChildChange::CaseReopened => t_string!(i18n, history_reopened, date = date).to_string(),
    }
}

/// On a visit's screen: the way to its child's page, with all their visits.
#[component]
pub fn ChildPageButton(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let child = move || state.with_session(&session, |s| (s.child_id(), s.child.name.clone()));
    move || {
        child().map(|(child, name)| {
            view! {
                <button type="button" class="child-page-link" on:click=move |_| state.go(Screen::Child { child })>
                    {move || with_name_isolated(&t_string!(i18n, open_child, name = NAME_MARK), &name)}
                </button>
            }
        })
    }
}
