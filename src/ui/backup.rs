//! Backups, so a lost, broken or replaced tablet loses no child's work: Settings make one
//! file of the sessions the worker picks, locked with a backup passphrase, and restore one
//! (on this tablet or a new one) without ever overwriting a session; the start screen
//! reminds the worker after 14 days of new work without a backup.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::children::{overview, visits_for_backup};
use crate::core::local_forms::day;
use crate::core::{ChildId, Screen, Session, SessionId};
use crate::i18n::*;
use crate::platform;
use crate::platform::ChosenFileProblem;
use crate::state::{use_app_state, AppState};
use crate::store;
use crate::store::backup::{
    backup_file_name, backup_kdf, backup_reminder_due, decode_backup_session, merge, Backup,
    BackupError, BackupRandom, MakeBackupError, Merge, ReportLine, MAX_BACKUP_FILE_BYTES,
};
use crate::store::off_thread::page::{derive_key, seal_backup, unseal_backup};
use crate::store::record::encode_session;
use crate::store::vault::{
    check_new_passphrase, DerivedKey, KdfParams, VaultError, VaultKey, MIN_PASSPHRASE_CHARS,
};
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

/// A backup file offered for download. It counts as a backup (for the reminder and "Last
/// backup") only once the worker says it was kept: the page cannot know whether the file
/// arrived.
#[derive(Clone)]
struct Offered {
    name: String,
    /// When it was made: the reminder counts work after this moment as not in a backup.
    made_at_ms: u64,
    /// The file itself, sealed, so it can be offered again if it did not arrive.
    file: std::sync::Arc<Vec<u8>>,
}

/// Where making a backup stands after the button.
#[derive(Clone)]
enum Made {
    Offered(Offered),
    Kept(String),
}

/// A backup asked for from elsewhere for one child (the retention question's "Make a backup
/// first"): the next backup form picks only that child. Provided once, by the app.
#[derive(Clone, Copy)]
pub struct BackupOf(RwSignal<Option<ChildId>>);

impl BackupOf {
    pub fn provide() {
        provide_context(BackupOf(RwSignal::new(None)));
    }
}

/// Opens Settings at the backup with only `child` picked.
pub fn back_up_only(state: AppState, child: ChildId) {
    if let Some(BackupOf(only)) = use_context::<BackupOf>() {
        only.set(Some(child));
    }
    state.go(Screen::Settings);
}

#[component]
pub fn MakeBackup() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // Asked for one child: taken once, so Settings opened later picks every child again.
    let only = use_context::<BackupOf>().and_then(|BackupOf(only)| {
        let child = only.get_untracked();
        only.set(None);
        child
    });
    // The children with visits, the one seen most recently first, as on the start screen:
    // a backup carries a child with every visit, or not at all.
    let children = Memo::new(move |_| {
        let today = platform::today_iso();
        state.children.with(|children| {
            state.sessions.with(|sessions| {
                overview(children, sessions, &today)
                    .into_iter()
                    .filter(|row| row.visits > 0)
                    .map(|row| (row.id, row.alias, row.visits))
                    .collect::<Vec<_>>()
            })
        })
    });
    // Every child, unless the worker leaves some out (or asked for one child only).
    let left_out = RwSignal::new(match only {
        Some(only) => children.with_untracked(|rows| {
            rows.iter()
                .map(|(id, _, _)| *id)
                .filter(|id| *id != only)
                .collect()
        }),
        None => BTreeSet::<ChildId>::new(),
    });
    // Asked for from the retention question: the worker lands on the passphrase, the form
    // in view.
    let passphrase_ref = NodeRef::<leptos::html::Input>::new();
    if only.is_some() {
        after_paint(move || {
            if let Some(field) = passphrase_ref.get_untracked() {
                let _ = field.focus();
            }
        });
    }
    let (passphrase, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let outcome = RwSignal::new(None::<Result<Made, MakeProblem>>);
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
            leptos::task::spawn_local(async move {
                let made = make_file(
                    state,
                    left_out.get_untracked(),
                    passphrase.get_untracked(),
                    again.get_untracked(),
                )
                .await;
                // Locked meanwhile: this screen is gone, nothing was made.
                let Some(result) = made else {
                    return;
                };
                if result.is_ok() {
                    passphrase.set(String::new());
                    again.set(String::new());
                }
                busy.set(false);
                outcome.set(Some(result.map(Made::Offered)));
            });
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
                        each=move || children.get()
                        key=|row| row.clone()
                        children=move |(id, name, visits)| {
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
                                    <span dir="auto">{move || t_string!(i18n, backup_child, name = name.clone(), count = visits).to_string()}</span>
                                </label>
                            }
                        }
                    />
                </fieldset>
                <label>
                    <span>{t!(i18n, backup_passphrase_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" node_ref=passphrase_ref bind:value=passphrase />
                </label>
                <label>
                    <span>{t!(i18n, backup_passphrase_again_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=again />
                </label>
                {move || outcome.get().map(|result| match result {
                    Ok(Made::Offered(offered)) => {
                        let again = offered.clone();
                        let kept = offered.clone();
                        view! {
                            <div class="backup-offered" role="status">
                                <p>{t_string!(i18n, backup_offered, file = offered.name.clone()).to_string()}</p>
                                <div class="actions">
                                    <button type="button" class="primary" on:click=move |_| {
                                        store::remember_backup_made(kept.made_at_ms);
                                        last.set(store::last_backup_ms());
                                        outcome.set(Some(Ok(Made::Kept(kept.name.clone()))));
                                    }>{t!(i18n, backup_kept_button)}</button>
                                    <button type="button" on:click=move |_| offer(&again)>
                                        {t!(i18n, backup_offer_again)}
                                    </button>
                                </div>
                            </div>
                        }.into_any()
                    }
                    Ok(Made::Kept(file)) => view! {
                        <p class="form-done" role="status">{t_string!(i18n, backup_kept, file = file).to_string()}</p>
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
    left_out: &BTreeSet<ChildId>,
    passphrase: &str,
    again: &str,
) -> Option<MakeProblem> {
    if passphrase != again {
        return Some(MakeProblem::NotTheSame);
    }
    let any_chosen = state
        .sessions
        .with_untracked(|all| !visits_for_backup(all, left_out).is_empty());
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

/// Seals the chosen sessions into a backup file and offers it for download. Not yet a
/// backup for the reminder: see [`Offered`]. The key is derived in the Web Worker; a tab
/// locked meanwhile makes no file (None).
async fn make_file(
    state: AppState,
    left_out: BTreeSet<ChildId>,
    passphrase: String,
    again: String,
) -> Option<Result<Offered, MakeProblem>> {
    let period = state.lock_period();
    let key = match key_for_backup(state, &left_out, &passphrase, &again).await {
        Ok(key) => key,
        Err(problem) => return Some(Err(problem)),
    };
    if !state.still_in(period) {
        return None;
    }
    // The sessions as they are now, with whatever changed while the key was derived.
    let chosen = chosen_sessions(state, &left_out);
    if chosen.is_empty() {
        return Some(Err(MakeProblem::NoneChosen));
    }
    let random = BackupRandom {
        check_nonce: platform::random_bytes(),
        sessions_nonce: platform::random_bytes(),
    };
    let now = platform::now_ms();
    // Each session encoded on the page, a few at a time, then all sealed in the Web Worker
    // (one AES-GCM over every session), so the page keeps answering.
    let mut records = Vec::with_capacity(chosen.len());
    let mut budget = Budget::start();
    for session in &chosen {
        records.push(encode_session(session));
        if budget.spent() {
            if !budge(state, period).await {
                return None;
            }
            budget = Budget::start();
        }
    }
    // The records of the chosen sessions' children go with them.
    let children: Vec<String> = state.children.with_untracked(|all| {
        all.iter()
            .filter(|child| chosen.iter().any(|s| s.child_id() == child.id))
            .map(crate::store::record::encode_child)
            .collect()
    });
    drop(chosen);
    let file = seal_backup(
        records,
        children,
        &key,
        random,
        now,
        env!("CARGO_PKG_VERSION"),
    )
    .await;
    if !state.still_in(period) {
        return None;
    }
    let file = match file {
        Ok(file) => file,
        Err(refused) => return Some(Err(MakeProblem::Refused(refused))),
    };
    let offered = Offered {
        name: backup_file_name(&platform::today_iso()),
        made_at_ms: now,
        file: std::sync::Arc::new(file),
    };
    offer(&offered);
    Some(Ok(offered))
}

fn offer(offered: &Offered) {
    let bytes = js_sys::Uint8Array::from(offered.file.as_slice());
    platform::offer_file(&bytes, "application/octet-stream", &offered.name);
}

fn chosen_sessions(state: AppState, left_out: &BTreeSet<ChildId>) -> Vec<Session> {
    state.sessions.with_untracked(|all| {
        visits_for_backup(all, left_out)
            .into_iter()
            .cloned()
            .collect()
    })
}

/// The form checked, then the backup passphrase's key, derived in the Web Worker.
async fn key_for_backup(
    state: AppState,
    left_out: &BTreeSet<ChildId>,
    passphrase: &str,
    again: &str,
) -> Result<DerivedKey, MakeProblem> {
    if let Some(problem) = form_problem(state, left_out, passphrase, again) {
        return Err(problem);
    }
    let params = KdfParams::recommended(platform::random_bytes());
    let key = derive_key(passphrase, &params)
        .await
        .map_err(|_| MakeProblem::Refused(MakeBackupError::BadParameters))?;
    Ok(DerivedKey { key, params })
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
    /// Larger than [`MAX_BACKUP_FILE_BYTES`]: not read at all.
    TooLarge,
    /// The browser could not read the file.
    Unreadable,
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
            // Locked meanwhile: this screen is gone, nothing was read in.
            let Some(result) = restore(state, &input, passphrase.get_untracked()).await else {
                return;
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
                    <input {..crate::ui::fields::as_typed()} type="password" bind:value=passphrase />
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

/// Reads the chosen backup and adds what it holds, never over a session on the tablet. The
/// file is checked before any key is derived (a crafted one is refused at once), the key is
/// derived in the Web Worker, and a tab locked meanwhile reads nothing in (None).
async fn restore(
    state: AppState,
    input: &web_sys::HtmlInputElement,
    passphrase: String,
) -> Option<Result<Merge, RestoreProblem>> {
    let period = state.lock_period();
    let key = match restore_key(input, &passphrase).await {
        Ok(key) => key,
        Err(problem) => return Some(Err(problem)),
    };
    if !state.still_in(period) {
        return None;
    }
    // The seal opened in the Web Worker (AES-GCM over the whole file), the sessions' records
    // handed back.
    let unsealed = unseal_backup(&key.0, &key.1).await;
    drop(key);
    if !state.still_in(period) {
        return None;
    }
    let unsealed = match unsealed {
        Ok(unsealed) => unsealed,
        Err(problem) => return Some(Err(RestoreProblem::Backup(problem))),
    };
    // Each session decoded, a few at a time; nothing is added before every one has been
    // read, so a damaged session leaves the tablet as it was.
    let mut sessions = Vec::with_capacity(unsealed.records.len());
    let mut budget = Budget::start();
    for record in &unsealed.records {
        match decode_backup_session(record) {
            Ok(session) => sessions.push(session),
            Err(problem) => return Some(Err(RestoreProblem::Backup(problem))),
        }
        if budget.spent() {
            if !budge(state, period).await {
                return None;
            }
            budget = Budget::start();
        }
    }
    // The children's records, where the backup has them (a damaged one is left out: the
    // migration makes it again from the visits).
    let children: Vec<crate::core::ChildRecord> = unsealed
        .children
        .iter()
        .filter_map(|record| crate::store::record::decode_child(record).ok())
        .collect();
    let backup = Backup {
        made_at_ms: unsealed.made_at_ms,
        app_version: unsealed.app_version,
        sessions,
    };
    if !budge(state, period).await {
        return None;
    }
    let merged = merge_restored(state, backup);
    // Each session added (sealed and written) whole, a few at a time. A lock between two
    // adds no more: those added are each complete and kept, the rest are not added, and
    // restoring the same backup again skips the first and adds the rest.
    if !budge(state, period).await {
        return None;
    }
    // The children of the restored sessions: a child already here keeps their record, a
    // new one comes with the backup's, or is made from their newest visit; each written
    // just before their first visit.
    let mut children = state.children_to_restore(children, &merged.add);
    let mut budget = Budget::start();
    for session in &merged.add {
        let child = session.child_id();
        if let Some(at) = children.iter().position(|record| record.id == child) {
            state.keep_restored_child(children.swap_remove(at));
        }
        state.add_sessions(vec![session.clone()]);
        if budget.spent() {
            if !budge(state, period).await {
                return None;
            }
            budget = Budget::start();
        }
    }
    Some(Ok(merged))
}

/// Lets the page answer (a tap, Lock, painting); false when the app locked meanwhile.
async fn budge(state: AppState, period: u64) -> bool {
    platform::sleep_ms(0).await;
    state.still_in(period)
}

/// How long the page works on a restore or a backup before it lets a tap, Lock or painting
/// through: well under the 50 ms of a long task, with room for the step that ends the chunk.
const CHUNK_MS: f64 = 25.0;

/// Time spent since the last pause.
struct Budget(f64);

impl Budget {
    fn start() -> Budget {
        Budget(now_precise())
    }

    fn spent(&self) -> bool {
        now_precise() - self.0 >= CHUNK_MS
    }
}

/// Whole milliseconds are enough for a 25 ms budget.
fn now_precise() -> f64 {
    js_sys::Date::now()
}

/// The chosen file, checked as far as it can be without a key, and its key.
async fn restore_key(
    input: &web_sys::HtmlInputElement,
    passphrase: &str,
) -> Result<(Vec<u8>, VaultKey), RestoreProblem> {
    let bytes = platform::chosen_file(input, MAX_BACKUP_FILE_BYTES)
        .await
        .map_err(|problem| match problem {
            ChosenFileProblem::NoFile => RestoreProblem::NoFile,
            ChosenFileProblem::TooLarge(_) => RestoreProblem::TooLarge,
            ChosenFileProblem::Unreadable => RestoreProblem::Unreadable,
        })?;
    let params = backup_kdf(&bytes).map_err(RestoreProblem::Backup)?;
    let key = derive_key(passphrase, &params)
        .await
        .map_err(|_| RestoreProblem::Backup(BackupError::Damaged))?;
    Ok((bytes, key))
}

/// What a backup's sessions do to the tablet: never over one on it.
fn merge_restored(state: AppState, backup: Backup) -> Merge {
    let on_tablet = state.sessions.get_untracked();
    let unreadable: Vec<SessionId> = state
        .unreadable
        .with_untracked(|all| all.iter().map(|u| u.id).collect());
    let mark = backup.restore_mark(platform::now_ms());
    merge(&on_tablet, &unreadable, backup.sessions, &mark, || {
        SessionId::new(platform::now_ms(), platform::random_u32())
    })
}

fn restore_message(i18n: I18n, problem: RestoreProblem) -> String {
    match problem {
        RestoreProblem::NoFile => t_string!(i18n, restore_no_file).to_string(),
        RestoreProblem::TooLarge => t_string!(
            i18n,
            restore_too_large,
            size = MAX_BACKUP_FILE_BYTES / (1000 * 1000)
        )
        .to_string(),
        RestoreProblem::Unreadable => t_string!(i18n, restore_unreadable).to_string(),
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
