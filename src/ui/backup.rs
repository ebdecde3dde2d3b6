//! Backups, so a lost, broken or replaced tablet loses no child's work: Settings make one
//! file of the sessions the worker picks, locked with a backup passphrase, and restore one
//! (on this tablet or a new one) without ever overwriting a session; the start screen
//! reminds the worker after 14 days of new work without a backup.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::local_forms::day;
use crate::core::session::newest_first;
use crate::core::{Screen, SessionId};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState};
use crate::store;
use crate::store::backup::{
    backup_file_name, backup_reminder_due, make_backup, merge, read_backup, BackupError,
    BackupRandom, MakeBackupError, Merge, ReportLine,
};
use crate::store::vault::{check_new_passphrase, KdfParams, VaultError, MIN_PASSPHRASE_CHARS};
use crate::ui::confirm_passphrase::ConfirmPassphrase;
use crate::ui::lock::after_paint;
use crate::ui::{I18n, IconButton};

/// Why making a backup stopped.
#[derive(Clone, Copy, Debug, PartialEq)]
enum MakeProblem {
    NoneChosen,
    NotTheSame,
    Refused(MakeBackupError),
}

#[component]
pub fn MakeBackup() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let sessions = Memo::new(move |_| {
        let mut sessions = state.sessions.get();
        newest_first(&mut sessions);
        sessions
            .into_iter()
            .map(|s| (s.id, s.child.name, s.date))
            .collect::<Vec<_>>()
    });
    // Every session, unless the worker leaves some out.
    let left_out = RwSignal::new(BTreeSet::<SessionId>::new());
    let (passphrase, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let outcome = RwSignal::new(None::<Result<String, MakeProblem>>);
    let busy = RwSignal::new(false);
    let last = RwSignal::new(store::last_backup_ms());
    // The tablet's passphrase first: whoever holds an unlocked tablet must not take every
    // child's sessions home. What the form itself refuses is said before it is asked.
    let asking = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let problem = form_problem(
            state,
            &left_out.get_untracked(),
            &passphrase.get_untracked(),
            &again.get_untracked(),
        );
        outcome.set(problem.map(Err));
        asking.set(problem.is_none());
    };
    let make = move || {
        busy.set(true);
        // Argon2id takes a moment: let "please wait" show first.
        after_paint(move || {
            let result = make_file(
                state,
                &left_out.get_untracked(),
                &passphrase.get_untracked(),
                &again.get_untracked(),
            );
            if result.is_ok() {
                passphrase.set(String::new());
                again.set(String::new());
                last.set(store::last_backup_ms());
            }
            busy.set(false);
            outcome.set(Some(result));
        });
    };
    view! {
        <section class="settings" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{t!(i18n, backup_heading)}</h2>
            <p>{t!(i18n, backup_intro)}</p>
            <p class="hint">
                {move || match last.get() {
                    Some(at) => t_string!(i18n, backup_last, when = platform::local_date_time(at, i18n.get_locale().as_str())).to_string(),
                    None => t_string!(i18n, backup_never).to_string(),
                }}
            </p>
            <form class="gate-form" on:submit=submit>
                <fieldset class="backup-sessions">
                    <legend>{t!(i18n, backup_pick)}</legend>
                    <For
                        each=move || sessions.get()
                        key=|row| row.0
                        children=move |(id, name, date)| {
                            let toggled = id;
                            let checked_id = id;
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || left_out.with(|out| !out.contains(&checked_id))
                                        on:change=move |_| left_out.update(|out| {
                                            if !out.remove(&toggled) {
                                                out.insert(toggled);
                                            }
                                        })
                                    />
                                    <span>{move || format!("{name}, {}", day(&date, i18n.get_locale().as_str()))}</span>
                                </label>
                            }
                        }
                    />
                </fieldset>
                <label>
                    <span>{t!(i18n, backup_passphrase_label)}</span>
                    <input type="password" autocomplete="new-password" bind:value=passphrase />
                </label>
                <label>
                    <span>{t!(i18n, backup_passphrase_again_label)}</span>
                    <input type="password" autocomplete="new-password" bind:value=again />
                </label>
                {move || outcome.get().map(|result| match result {
                    Ok(file) => view! {
                        <p class="form-done" role="status">{t_string!(i18n, backup_made, file = file).to_string()}</p>
                    }.into_any(),
                    Err(problem) => view! {
                        <p class="form-error" role="alert">{make_message(i18n, problem)}</p>
                    }.into_any(),
                })}
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { t_string!(i18n, backup_making) } else { t_string!(i18n, backup_make_button) }}
                </button>
            </form>
            <ConfirmPassphrase asking
                reason=Signal::derive(move || t_string!(i18n, confirm_passphrase_backup).to_owned())
                on_confirmed=make />
        </section>
    }
}

/// What the form itself refuses, found without any key derivation.
fn form_problem(
    state: AppState,
    left_out: &BTreeSet<SessionId>,
    passphrase: &str,
    again: &str,
) -> Option<MakeProblem> {
    if passphrase != again {
        return Some(MakeProblem::NotTheSame);
    }
    let any_chosen = state
        .sessions
        .with_untracked(|all| all.iter().any(|s| !left_out.contains(&s.id)));
    if !any_chosen {
        return Some(MakeProblem::NoneChosen);
    }
    check_new_passphrase(passphrase).err().map(|error| {
        MakeProblem::Refused(match error {
            VaultError::PassphraseTooCommon => MakeBackupError::PassphraseTooCommon,
            _ => MakeBackupError::PassphraseTooShort,
        })
    })
}

/// Seals the chosen sessions into a backup file, offers it for download and remembers when.
/// Returns the file's name.
fn make_file(
    state: AppState,
    left_out: &BTreeSet<SessionId>,
    passphrase: &str,
    again: &str,
) -> Result<String, MakeProblem> {
    if passphrase != again {
        return Err(MakeProblem::NotTheSame);
    }
    let chosen: Vec<_> = state.sessions.with_untracked(|all| {
        all.iter()
            .filter(|s| !left_out.contains(&s.id))
            .cloned()
            .collect()
    });
    if chosen.is_empty() {
        return Err(MakeProblem::NoneChosen);
    }
    let random = BackupRandom {
        check_nonce: platform::random_bytes(),
        sessions_nonce: platform::random_bytes(),
    };
    let now = platform::now_ms();
    let file = make_backup(
        &chosen,
        passphrase,
        KdfParams::recommended(platform::random_bytes()),
        &random,
        now,
        env!("CARGO_PKG_VERSION"),
    )
    .map_err(MakeProblem::Refused)?;
    let name = backup_file_name(&platform::today_iso());
    let bytes = js_sys::Uint8Array::from(file.as_slice());
    platform::offer_file(&bytes, "application/octet-stream", &name);
    store::remember_backup_made(now);
    Ok(name)
}

fn make_message(i18n: I18n, problem: MakeProblem) -> String {
    match problem {
        MakeProblem::NoneChosen => t_string!(i18n, backup_none_chosen).to_string(),
        MakeProblem::NotTheSame => t_string!(i18n, backup_not_the_same).to_string(),
        MakeProblem::Refused(MakeBackupError::PassphraseTooShort) => {
            t_string!(i18n, backup_too_short, count = MIN_PASSPHRASE_CHARS).to_string()
        }
        MakeProblem::Refused(MakeBackupError::PassphraseTooCommon) => {
            t_string!(i18n, backup_too_common).to_string()
        }
        MakeProblem::Refused(_) => t_string!(i18n, backup_failed).to_string(),
    }
}

/// Why restoring stopped; in every case nothing was changed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum RestoreProblem {
    NoFile,
    Backup(BackupError),
}

#[component]
pub fn RestoreBackup() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let passphrase = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<Merge, RestoreProblem>>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match platform::chosen_file(&input).await {
                None => Err(RestoreProblem::NoFile),
                Some(bytes) => {
                    // Argon2id takes a moment: let "please wait" show first.
                    platform::sleep_ms(30).await;
                    read_backup(&bytes, &passphrase.get_untracked())
                        .map_err(RestoreProblem::Backup)
                        .map(|backup| {
                            let on_tablet = state.sessions.get_untracked();
                            let unreadable: Vec<SessionId> = state
                                .unreadable
                                .with_untracked(|all| all.iter().map(|u| u.id).collect());
                            let merged = merge(
                                &on_tablet,
                                &unreadable,
                                backup.sessions,
                                &platform::today_iso(),
                                || SessionId::new(platform::now_ms(), platform::random_u32()),
                            );
                            state.add_sessions(merged.add.clone());
                            merged
                        })
                }
            };
            if result.is_ok() {
                passphrase.set(String::new());
            }
            busy.set(false);
            outcome.set(Some(result));
        });
    };
    view! {
        <section class="settings" aria-labelledby="restore-heading">
            <h2 id="restore-heading">{t!(i18n, restore_heading)}</h2>
            <p>{t!(i18n, restore_intro)}</p>
            <form class="gate-form" on:submit=submit>
                <label>
                    <span>{t!(i18n, restore_file_label)}</span>
                    <input type="file" accept=".hearme" node_ref=file_input />
                </label>
                <label>
                    <span>{t!(i18n, backup_passphrase_label)}</span>
                    <input type="password" autocomplete="off" bind:value=passphrase />
                </label>
                {move || outcome.get().map(|result| match result {
                    Ok(merged) => view! { <RestoreReport merged /> }.into_any(),
                    Err(problem) => view! {
                        <p class="form-error" role="alert">{restore_message(i18n, problem)}</p>
                    }.into_any(),
                })}
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { t_string!(i18n, restore_busy) } else { t_string!(i18n, restore_button) }}
                </button>
            </form>
        </section>
    }
}

fn restore_message(i18n: I18n, problem: RestoreProblem) -> String {
    match problem {
        RestoreProblem::NoFile => t_string!(i18n, restore_no_file).to_string(),
        RestoreProblem::Backup(BackupError::NotABackup) => {
            t_string!(i18n, restore_not_a_backup).to_string()
        }
        RestoreProblem::Backup(
            BackupError::FromTheFuture(_) | BackupError::SessionsFromTheFuture(_),
        ) => t_string!(i18n, restore_newer).to_string(),
        RestoreProblem::Backup(BackupError::WrongPassphrase) => {
            t_string!(i18n, restore_wrong_passphrase).to_string()
        }
        RestoreProblem::Backup(BackupError::Damaged) => {
            t_string!(i18n, restore_damaged).to_string()
        }
    }
}

/// What a restore added, skipped and kept twice: each session by its child's name and date.
#[component]
fn RestoreReport(merged: Merge) -> impl IntoView {
    let i18n = use_i18n();
    let list = |lines: Vec<ReportLine>| {
        view! {
            <ul>
                {lines.into_iter().map(|line| view! { <li>{format!("{}, {}", line.child_name, day(&line.date, i18n.get_locale().as_str()))}</li> }).collect_view()}
            </ul>
        }
    };
    let (added, skipped, kept_twice) = (merged.added, merged.skipped, merged.kept_twice);
    let (added_count, skipped_count, twice_count) = (added.len(), skipped.len(), kept_twice.len());
    view! {
        <div class="restore-report" role="status">
            <h3>{t!(i18n, restore_report_heading)}</h3>
            <p>{move || t_string!(i18n, restore_added, count = added_count).to_string()}</p>
            {list(added)}
            <p>{move || t_string!(i18n, restore_skipped, count = skipped_count).to_string()}</p>
            {list(skipped)}
            <p>{move || t_string!(i18n, restore_kept_twice, count = twice_count).to_string()}</p>
            {list(kept_twice)}
        </div>
    }
}

/// On the start screen: a reminder after 14 days of new work without a backup. The start
/// screen is the worker's, never the child's.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let due = move || {
        let updated: Vec<u64> = state
            .sessions
            .with(|all| all.iter().map(|s| s.updated_at).collect());
        backup_reminder_due(store::last_backup_ms(), updated, platform::now_ms())
    };
    view! {
        <Show when=due>
            <div class="room-warning backup-reminder" role="status">
                <span>{t!(i18n, backup_reminder)}</span>
                <IconButton icon="icon-save" label=Signal::derive(move || t_string!(i18n, backup_reminder_go).to_owned())
                    on_press=move || state.go(Screen::Settings) />
            </div>
        </Show>
    }
}
