//! Keeping and letting go: closing and reopening a child's case on the child's page, and
//! the question after unlock about the closed cases whose retention period has passed.
//!
//! Nothing is deleted without the worker's answer. Leaving the question without one (Escape,
//! or going to the backup or the full record first) records nothing: the question comes
//! back at the next unlock. Only "Keep for now", a deliberate answer, puts it off for a
//! whole period.

use leptos::prelude::*;

use crate::core::local_forms::day;
use crate::core::retention::day_of_ms;
use crate::core::{ChildId, Screen};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState};
use crate::ui::dialog::{ConfirmDialog, Modal};
use crate::ui::I18n;

/// On the child's page: whether the case is closed, what that means, and the worker's
/// button to close or reopen it.
#[component]
pub fn CaseClosing(child: ChildId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let closed = Memo::new(move |_| state.child(child).and_then(|record| record.closed));
    let months = move || state.retention_period().months;
    let alias = move || state.child(child).map(|c| c.alias).unwrap_or_default();
    view! {
        <section class="card case-closing" aria-labelledby="case-heading">
            <h2 id="case-heading">{t!(i18n, case_heading)}</h2>
            {move || match closed.get() {
                None => view! {
                    <p>{move || t_string!(i18n, case_close_means, name = alias(), count = months()).to_string()}</p>
                    <button type="button" on:click=move |_| { state.close_case(child); }>
                        {t!(i18n, case_close)}
                    </button>
                }.into_any(),
                Some(case) => {
                    let lang = i18n.get_locale().to_string();
                    let on = platform::local_date_time(case.at_ms, &lang);
                    view! {
                        <p><strong>{t_string!(i18n, case_closed_on, date = on).to_string()}</strong></p>
                        <p>{move || t_string!(i18n, case_close_means, name = alias(), count = months()).to_string()}</p>
                        <button type="button" on:click=move |_| { state.reopen_case(child); }>
                            {t!(i18n, case_reopen)}
                        </button>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// What the question is showing: the child asked about, and whether the worker chose
/// to delete and is now asked to confirm.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Ask(ChildId),
    ConfirmDelete(ChildId),
}

/// After unlock: one closed case at a time whose period has passed. Made afresh at each
/// unlock (it lives inside the open app), so the children due are worked out then.
#[component]
pub fn RetentionQuestion() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // Never in front of a child: a closed case names another child.
    let due = if state.child_mode.with_untracked(Option::is_none) {
        state.due_for_retention()
    } else {
        Vec::new()
    };
    let waiting = RwSignal::new(due);
    let deleting = RwSignal::new(false);
    let step = move || {
        waiting.with(|all| all.first().copied()).map(|child| {
            if deleting.get() {
                Step::ConfirmDelete(child)
            } else {
                Step::Ask(child)
            }
        })
    };
    view! {
        {move || step().map(|step| match step {
            Step::Ask(child) => ask(state, i18n, child, waiting, deleting).into_any(),
            Step::ConfirmDelete(child) => confirm_delete(state, i18n, child, waiting, deleting).into_any(),
        })}
    }
}

/// The next child, or none: this one is answered.
fn answered(waiting: RwSignal<Vec<ChildId>>, deleting: RwSignal<bool>) {
    deleting.set(false);
    waiting.update(|all| {
        if !all.is_empty() {
            all.remove(0);
        }
    });
}

/// The facts the worker decides on: visits, the last visit's day, when the case was closed.
struct Facts {
    alias: String,
    visits: usize,
    last: Option<String>,
    closed: String,
}

fn facts(state: AppState, child: ChildId, lang: &str) -> Facts {
    let record = state.child(child);
    let visits = state.visits_of(child);
    let last = visits
        .first()
        .and_then(|id| state.with_session_untracked(id, |s| s.date.clone()))
        .map(|date| day(&date, lang));
    let closed = record
        .as_ref()
        .and_then(|r| r.closed.as_ref())
        .map(|c| day(&day_of_ms(c.at_ms), lang))
        .unwrap_or_default();
    Facts {
        alias: record.map(|r| r.alias).unwrap_or_default(),
        visits: visits.len(),
        last,
        closed,
    }
}

fn ask(
    state: AppState,
    i18n: I18n,
    child: ChildId,
    waiting: RwSignal<Vec<ChildId>>,
    deleting: RwSignal<bool>,
) -> impl IntoView {
    let lang = i18n.get_locale_untracked().to_string();
    let Facts {
        alias,
        visits,
        last,
        closed,
    } = facts(state, child, &lang);
    let months = state.retention_period().months;
    let visits_line = match &last {
        Some(date) => {
            t_string!(i18n, retention_visits, count = visits, date = date.clone()).to_string()
        }
        None => t_string!(i18n, retention_no_visits).to_owned(),
    };
    let keep_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(keep) = keep_ref.get() {
            let _ = keep.focus();
        }
    });
    // Leaving without an answer: nothing recorded, asked again at the next unlock.
    let leave = move || waiting.set(Vec::new());
    let delete_label = t_string!(i18n, retention_delete, name = alias.clone()).to_string();
    view! {
        <Modal labelled_by="retention-title" on_escape=leave>
            <h2 id="retention-title" dir="auto">{t_string!(i18n, retention_title, name = alias.clone()).to_string()}</h2>
            <p dir="auto">{visits_line}</p>
            <p>{t_string!(i18n, retention_closed, date = closed, count = months).to_string()}</p>
            <p>{t!(i18n, retention_nothing_without_you)}</p>
            <div class="dialog-actions retention-actions">
                <button type="button" on:click=move |_| { leave(); crate::ui::backup::back_up_only(state, child); }>
                    {t!(i18n, retention_backup_first)}
                </button>
                <button type="button" on:click=move |_| { leave(); state.go(Screen::Child { child }); }>
                    {t!(i18n, retention_open_record)}
                </button>
                <button type="button" class="safe" node_ref=keep_ref
                    on:click=move |_| { state.keep_for_now(child); answered(waiting, deleting); }>
                    {t!(i18n, retention_keep)}
                </button>
                <button type="button" class="danger" on:click=move |_| deleting.set(true)>
                    {delete_label}
                </button>
            </div>
        </Modal>
    }
}

/// The same question as "Delete this child" on the child's page, then the same delete.
fn confirm_delete(
    state: AppState,
    i18n: I18n,
    child: ChildId,
    waiting: RwSignal<Vec<ChildId>>,
    deleting: RwSignal<bool>,
) -> impl IntoView {
    let lang = i18n.get_locale_untracked().to_string();
    let Facts {
        alias,
        visits,
        last,
        ..
    } = facts(state, child, &lang);
    let text = match last {
        Some(date) => t_string!(
            i18n,
            confirm_delete_child_text,
            count = visits,
            date = date,
            name = alias.clone()
        )
        .to_string(),
        None => t_string!(i18n, confirm_delete_child_empty, name = alias.clone()).to_string(),
    };
    view! {
        <ConfirmDialog
            title=t_string!(i18n, confirm_delete_child_title, name = alias.clone()).to_string()
            text
            confirm_label=t_string!(i18n, delete).to_owned()
            on_confirm=move || {
                state.delete_child(child);
                if state.screen.get_untracked() == (Screen::Child { child }) {
                    state.go(Screen::Start);
                }
                answered(waiting, deleting);
            }
            on_cancel=move || deleting.set(false) />
    }
}
