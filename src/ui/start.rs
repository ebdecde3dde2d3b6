//! The first screen: a new child and their first visit, or a child kept on this tablet
//! (their visits, or straight into the newest one).

use leptos::prelude::*;

use crate::core::children::{alias_matches, overview, ChildOverview};
use crate::core::local_forms::day;
use crate::core::restored::{restore_line, RestoreWords};
use crate::core::{Restore, Screen, SessionError, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState};
use crate::store::backup::backup_reminder_due;
use crate::store::{self, RecordError, TextSetting};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::language::{ChildLanguageChoice, LanguagePicker};
use crate::ui::leaflet::LeafletButton;
use crate::ui::{I18n, IconButton};

#[component]
pub fn StartScreen() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    view! {
        <header class="start-header">
            <img class="app-icon" src="public/icon.svg" alt="" aria-hidden="true" />
            <div>
                <h1>{t!(i18n, app_name)}</h1>
                <p class="tagline">{t!(i18n, tagline)}</p>
            </div>
            <LanguagePicker />
            <IconButton icon="icon-settings" label=Signal::derive(move || t_string!(i18n, settings_heading).to_owned())
                on_press=move || state.go(Screen::Settings) />
        </header>
        <crate::ui::room::RoomWarning />
        <crate::ui::home_screen_hint::HomeScreenHint />
        <crate::ui::backup::BackupReminder />
        <div class="start-columns">
            <NewSessionForm />
            <ChildList />
        </div>
    }
}

#[component]
fn NewSessionForm() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let child_name = RwSignal::new(String::new());
    let age = RwSignal::new(String::new());
    // The child's language starts as the worker's; the worker may choose another.
    let child_language = RwSignal::new(None::<Locale>);
    let chosen_language =
        Signal::derive(move || child_language.get().unwrap_or_else(|| i18n.get_locale()));
    let error = RwSignal::new(None::<SessionError>);

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A quick start: the worker's name from Settings and today (see
        // `AppState::start_child`); both can be changed in "About this conversation".
        let language = chosen_language.get_untracked();
        match state.start_child(
            &child_name.get_untracked(),
            &age.get_untracked(),
            language.as_str(),
        ) {
            Ok(id) => state.go(Screen::Session { session: id }),
            Err(problem) => error.set(Some(problem)),
        }
    };
    let error_text = move || {
        error.get().map(|problem| match problem {
            SessionError::NameMissing => t_string!(i18n, error_name_missing),
            SessionError::AgeInvalid => t_string!(i18n, error_age_invalid),
            SessionError::DateInvalid => t_string!(i18n, error_date_invalid),
        })
    };

    view! {
        <form class="card new-session" on:submit=start novalidate>
            <h2>{t!(i18n, start_heading)}</h2>
            <p class="quiet">{t!(i18n, new_child_hint)}</p>
            <label>
                <span>{t!(i18n, child_name_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" bind:value=child_name />
            </label>
            <label>
                <span>{t!(i18n, age_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="number" inputmode="numeric" min="0" max="25" bind:value=age />
            </label>
            <ChildLanguageChoice chosen=chosen_language
                on_choose=move |locale| child_language.set(Some(locale)) />
            {move || error_text().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            <button type="submit" class="primary">{t!(i18n, start_button)}</button>
            // For the parents before the visit, in the language chosen above.
            <LeafletButton family=chosen_language
                worker=Signal::derive(move || state.text_setting(TextSetting::WorkerName))
                tools=Signal::derive(|| Tool::ALL.to_vec()) />
        </form>
    }
}

/// From how many children on the tablet the list offers a search by alias.
const SEARCH_FROM: usize = 6;

/// The children on this tablet, the one seen most recently first: alias, age, the last
/// visit's day and what waits (a visit not finished, feedback to give, work not in a backup
/// yet). Each opens to their visits; "Open" goes straight into the newest visit.
#[component]
fn ChildList() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let to_delete = RwSignal::new(None::<(SessionId, String)>);
    let search = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let today = platform::today_iso();
        state.sessions.with(|sessions| {
            state
                .children
                .with(|children| overview(children, sessions, &today))
        })
    });
    let shown = Memo::new(move |_| {
        let search = search.get();
        rows.get()
            .into_iter()
            .filter(|row| alias_matches(&row.alias, &search))
            .collect::<Vec<_>>()
    });
    let last_backup = store::last_backup_ms();

    view! {
        <section class="card session-list" aria-labelledby="children-heading">
            <h2 id="children-heading">{t!(i18n, children_heading)}</h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="quiet">{t!(i18n, no_children)}</p>
            </Show>
            <Show when=move || rows.with(|rows| rows.len() >= SEARCH_FROM)>
                <label class="child-search">
                    <span>{t!(i18n, search_children)}</span>
                    <input {..crate::ui::fields::as_typed()} type="search" bind:value=search />
                </label>
                <Show when=move || shown.with(Vec::is_empty)>
                    <p class="quiet" role="status">{t!(i18n, no_child_found)}</p>
                </Show>
            </Show>
            <ul aria-labelledby="children-heading">
                <For
                    each=move || shown.get()
                    key=|row| (row.id, row.alias.clone(), row.age, row.visits, row.newest.clone(), row.unfinished, row.feedback_to_give, row.changed_at.clone())
                    children=move |row: ChildOverview| {
                        let child = row.id;
                        let visits_name = row.alias.clone();
                        let open_name = row.alias.clone();
                        let backup_due = backup_reminder_due(last_backup, row.changed_at.iter().copied(), platform::now_ms());
                        let visit_count = row.visits;
                        let feedback_count = row.feedback_to_give;
                        view! {
                            <li class="session-row">
                                <div class="session-facts">
                                    // A name keeps its own direction, whatever the screen's.
                                    <strong dir="auto">{row.alias.clone()}</strong>
                                    {row.age.map(|age| view! { <span>{move || t_string!(i18n, age_years, age = age)}</span> })}
                                    {row.newest.clone().map(|(_, date)| view! {
                                        <span>{move || t_string!(i18n, last_visit, date = day(&date, i18n.get_locale().as_str())).to_string()}</span>
                                    })}
                                    <span>{move || t_string!(i18n, visit_count, count = visit_count).to_string()}</span>
                                    {row.unfinished.then(|| waits_mark("icon-break", move || t_string!(i18n, waits_unfinished).to_string()))}
                                    {(feedback_count > 0).then(|| waits_mark("icon-read-aloud", move || t_string!(i18n, waits_feedback, count = feedback_count).to_string()))}
                                    {backup_due.then(|| waits_mark("icon-save", move || t_string!(i18n, waits_backup).to_string()))}
                                    {move || state.child(child).is_some_and(|c| c.closed.is_some()).then(|| waits_mark("icon-lock", move || t_string!(i18n, case_closed_mark).to_string()))}
                                </div>
                                <button
                                    type="button"
                                    aria-label=move || t_string!(i18n, open_child, name = visits_name.clone()).to_string()
                                    on:click=move |_| state.go(Screen::Child { child })
                                >
                                    {t!(i18n, child_visits_button)}
                                </button>
                                {row.newest.clone().map(|(newest, _)| view! {
                                    <button
                                        type="button"
                                        class="primary"
                                        aria-label=move || t_string!(i18n, open_session, name = open_name.clone()).to_string()
                                        on:click=move |_| state.go(Screen::Session { session: newest })
                                    >
                                        {t!(i18n, open)}
                                    </button>
                                })}
                            </li>
                        }
                    }
                />
            </ul>
            <RolledBackSessions />
            <UnreadableSessions to_delete />
            {move || to_delete.get().map(|(id, name)| delete_dialog(state, i18n, to_delete, id, name))}
        </section>
    }
}

/// What waits for a child, in words and a picture, so the worker sees it at a glance.
fn waits_mark(
    icon: &'static str,
    text: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <span class="waits-mark">
            <img src=format!("public/{icon}.svg") alt="" aria-hidden="true" />
            <span>{text}</span>
        </span>
    }
}

/// Where a session came from when it was not made on this tablet: every restore from a
/// backup, so a colleague's or a crafted backup's session is never taken for this tablet's.
pub(crate) fn restore_marks(
    i18n: I18n,
    old_day: Option<String>,
    restores: Vec<Restore>,
) -> impl IntoView {
    let old = old_day.map(|restored_on| {
        view! {
            <span class="restored-mark">
                {move || t_string!(i18n, restored_from_unknown, date = day(&restored_on, i18n.get_locale().as_str())).to_string()}
            </span>
        }
    });
    let marks = restores
        .into_iter()
        .map(|restore| {
            let line = move || {
                let lang = i18n.get_locale().to_string();
                let words = RestoreWords {
                    from: i18n.text(Key::restored_from),
                    from_unknown: i18n.text(Key::restored_from_unknown),
                    unknown_version: t_string!(i18n, restored_unknown_version),
                    beside_own: t_string!(i18n, restored_beside_own),
                };
                restore_line(&restore, &words, &|at| platform::local_date_time(at, &lang))
            };
            view! { <span class="restored-mark">{line}</span> }
        })
        .collect_view();
    (old, marks)
}

/// Sessions whose record is older than the copy this tablet last wrote: someone put back an
/// older copy. They open as they are; the worker hears it, once per unlock.
#[component]
fn RolledBackSessions() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    move || {
        let names: Vec<String> = state.rolled_back.with(|ids| {
            ids.iter()
                .filter_map(|id| state.with_session_untracked(id, |s| s.child.name.clone()))
                .collect()
        });
        (!names.is_empty()).then(|| {
            names
                .into_iter()
                .map(|name| {
                    view! {
                        <p class="room-warning" role="alert">
                            {move || t_string!(i18n, rolled_back_session, name = name.clone()).to_string()}
                        </p>
                    }
                })
                .collect_view()
        })
    }
}

/// Sessions whose records could not be read: named, explained, and left untouched unless
/// the worker deletes them.
#[component]
fn UnreadableSessions(to_delete: RwSignal<Option<(SessionId, String)>>) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    move || {
        let unreadable = state.unreadable.get();
        (!unreadable.is_empty()).then(|| {
            let rows = unreadable
                .into_iter()
                .map(|broken| {
                    let name = broken.child_name.clone().unwrap_or_else(|| t_string!(i18n, unknown_child).to_owned());
                    let reason = match broken.error {
                        RecordError::FromTheFuture(_) => t_string!(i18n, unreadable_future),
                        RecordError::Corrupt(_) => t_string!(i18n, unreadable_corrupt),
                        RecordError::NotSealed => t_string!(i18n, unreadable_not_sealed),
                        RecordError::UnknownSeal => t_string!(i18n, unreadable_unknown_seal),
                    };
                    let label_name = name.clone();
                    let id = broken.id;
                    view! {
                        <li class="session-row unreadable">
                            <p role="status">
                                {t_string!(i18n, unreadable_session, name = name.clone())} " " {reason}
                            </p>
                            <button
                                type="button"
                                class="danger-quiet"
                                aria-label=t_string!(i18n, delete_session, name = label_name)
                                on:click=move |_| to_delete.set(Some((id, name.clone())))
                            >
                                {t_string!(i18n, delete)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{t!(i18n, unreadable_heading)}</h3>
                <ul class="unreadable-list">{rows}</ul>
            }
        })
    }
}

fn delete_dialog(
    state: AppState,
    i18n: I18n,
    to_delete: RwSignal<Option<(SessionId, String)>>,
    id: SessionId,
    name: String,
) -> impl IntoView {
    view! {
        <ConfirmDialog
            title=t_string!(i18n, confirm_delete_session_title, name = name.clone())
            text=t_string!(i18n, confirm_delete_session_text, name = name.clone())
            confirm_label=t_string!(i18n, delete)
            on_confirm=move || {
                state.delete_session(&id);
                to_delete.set(None);
            }
            on_cancel=move || to_delete.set(None)
        />
    }
}
