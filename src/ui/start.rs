//! The first screen: start a session, or reopen or delete one kept on this tablet.

use leptos::prelude::*;

use crate::core::local_forms::day;
use crate::core::restored::{restore_line, RestoreWords};
use crate::core::session::newest_first;
use crate::core::{NewSession, Restore, Screen, Session, SessionError, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState};
use crate::store::{RecordError, TextSetting};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::labels::{with_name_isolated, NAME_MARK};
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
            <SessionList />
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
        let form = NewSession {
            child_name: child_name.get_untracked(),
            age: age.get_untracked(),
            // A quick start: the worker's name from Settings and today; both can be changed
            // in "About this conversation", after the visit too.
            worker_name: state.text_setting(TextSetting::WorkerName),
            date: platform::today_iso(),
        };
        let now = platform::now_ms();
        match Session::start(&form, SessionId::new(now, platform::random_u32()), now) {
            Ok(mut session) => {
                session.set_child_language(chosen_language.get_untracked().as_str(), now);
                let id = session.id;
                state.add_session(session);
                state.go(Screen::Session { session: id });
            }
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

#[component]
fn SessionList() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let to_delete = RwSignal::new(None::<(SessionId, String)>);
    let sessions = Memo::new(move |_| {
        let mut sessions = state.sessions.get();
        newest_first(&mut sessions);
        sessions
            .into_iter()
            .map(|s| {
                let restored = (s.restored_from_backup_on, s.restores);
                (s.id, s.child.name, s.child.age, s.worker, s.date, restored)
            })
            .collect::<Vec<_>>()
    });

    view! {
        <section class="card session-list" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t!(i18n, sessions_heading)}</h2>
            <Show when=move || sessions.with(Vec::is_empty)>
                <p class="quiet">{t!(i18n, no_sessions)}</p>
            </Show>
            <ul aria-labelledby="sessions-heading">
                <For
                    each=move || sessions.get()
                    key=|row| row.0
                    children=move |(id, name, age, worker, date, restored)| {
                        let open_id = id;
                        let open_name = name.clone();
                        let delete_name = name.clone();
                        let ask_name = name.clone();
                        view! {
                            <li class="session-row">
                                <div class="session-facts">
                                    // A name keeps its own direction, whatever the screen's.
                                    <strong dir="auto">{name.clone()}</strong>
                                    {age.map(|age| view! { <span>{move || t_string!(i18n, age_years, age = age)}</span> })}
                                    <span>{move || day(&date, i18n.get_locale().as_str())}</span>
                                    {(!worker.is_empty()).then(|| {
                                        let worker = worker.clone();
                                        view! { <span>{move || with_name_isolated(&t_string!(i18n, with_worker, worker = NAME_MARK), &worker)}</span> }
                                    })}
                                    {restore_marks(i18n, restored.0, restored.1)}
                                </div>
                                <button
                                    type="button"
                                    class="primary"
                                    aria-label=move || t_string!(i18n, open_session, name = open_name.clone())
                                    on:click=move |_| state.go(Screen::Session { session: open_id })
                                >
                                    {t!(i18n, open)}
                                </button>
                                <button
                                    type="button"
                                    class="danger-quiet"
                                    aria-label=move || t_string!(i18n, delete_session, name = delete_name.clone())
                                    on:click=move |_| to_delete.set(Some((id, ask_name.clone())))
                                >
                                    {t!(i18n, delete)}
                                </button>
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

/// Where a session came from when it was not made on this tablet: every restore from a
/// backup, so a colleague's or a crafted backup's session is never taken for this tablet's.
fn restore_marks(i18n: I18n, old_day: Option<String>, restores: Vec<Restore>) -> impl IntoView {
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
