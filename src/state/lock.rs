//! The lock: setting up the passphrase and PIN, unlocking, locking (by hand, when idle,
//! for another tab or a new version), and the vault's changes. The key lives here and only
//! while open; dropping it wipes its bytes.

use leptos::prelude::*;

use super::AppState;
use crate::core::lock_rules::{idle_long_enough, WaitClock};
use crate::core::Screen;
use crate::platform;
use crate::store::off_thread::page::derive_key;
use crate::store::vault::{
    ChangeError, DerivedKey, KdfParams, ResealRandom, SetUpError, SetUpRandom, UnlockError,
    VaultKey, VaultRecord, DEFAULT_AUTO_LOCK_MINUTES,
};
use crate::store::{self, StoreError, TextSetting};

/// Whether the stored data is open, and if not, what the worker must do first.
#[derive(Clone, Debug, PartialEq)]
pub enum Gate {
    /// No passphrase yet. `plain_sessions` were stored unencrypted by an earlier version.
    SetUp {
        plain_sessions: usize,
    },
    /// Sealed: the unlock screen. Nothing decrypted is in memory.
    Locked,
    /// The vault record is damaged: only wiping the device can start afresh.
    Damaged,
    /// The vault record was written by a newer Hear Me: nothing can be opened here, and
    /// nothing is offered that would overwrite it.
    Newer,
    /// The browser gives no storage at all: the app works in memory, nothing is kept.
    NoStorage,
    Open,
    /// Finding out whether another tab works with the sessions; a moment at start.
    Claiming,
    /// Another tab works with the sessions; this one shows "Use it here".
    OtherTab,
}

/// The lock's own bookkeeping.
#[derive(Clone, Copy)]
pub(super) struct Keys {
    /// The key, only while open.
    key: StoredValue<Option<VaultKey>>,
    /// When the worker or child last touched the app, for the auto-lock.
    last_activity_ms: StoredValue<u64>,
    /// When the page was hidden, if it is.
    hidden_since_ms: StoredValue<Option<u64>>,
    /// One number for each time the data was opened or locked: a key derived in the Web
    /// Worker is used only in the period that asked for it (a tab locked meanwhile drops it).
    period: StoredValue<u64>,
    /// The time a screen asking for the passphrase is shown, for the wait between tries.
    wait_clock: StoredValue<WaitClock>,
}

impl Keys {
    pub(super) fn new(now_ms: u64) -> Keys {
        Keys {
            key: StoredValue::new(None),
            last_activity_ms: StoredValue::new(now_ms),
            hidden_since_ms: StoredValue::new(None),
            period: StoredValue::new(0),
            wait_clock: StoredValue::new(WaitClock::default()),
        }
    }

    /// The data was opened or locked: answers asked for before are dropped.
    fn next_period(&self) {
        self.period.update_value(|period| *period += 1);
    }

    /// The key to seal with, only while open.
    pub(super) fn key(&self) -> Option<VaultKey> {
        self.key.get_value()
    }
}

impl AppState {
    /// The lock's period now; compare after awaiting a key with [`AppState::still_in`].
    pub fn lock_period(&self) -> u64 {
        self.keys.period.get_value()
    }

    /// Whether the data is still open (or still locked) as it was in `period`: nothing was
    /// opened, locked, handed to another tab or wiped since.
    pub fn still_in(&self, period: u64) -> bool {
        self.keys.period.get_value() == period
    }

    /// Looks at storage afresh and shows what it needs: set-up, the unlock screen, or why
    /// nothing can be opened. Called once this tab works with the sessions.
    pub fn open_gate(&self) {
        let (gate, vault, problem) = match store::opening() {
            store::Opening::SetUp { plain_sessions } => {
                (Gate::SetUp { plain_sessions }, None, None)
            }
            store::Opening::Locked(vault) => (Gate::Locked, Some(vault), None),
            store::Opening::Damaged => (Gate::Damaged, None, None),
            store::Opening::Newer(_) => (Gate::Newer, None, None),
            store::Opening::Unavailable(problem) => (Gate::NoStorage, None, Some(problem)),
        };
        self.vault.set(vault);
        self.save_problem.set(problem);
        self.keys.next_period();
        self.gate.set(gate);
    }

    /// Another tab works with the sessions now: save what can be saved, lock, and stop
    /// writing. What storage refused stays in memory sealed (as locking seals it) and is
    /// merged again when this tab is unlocked again.
    pub fn leave_for_other_tab(&self, let_go: Box<dyn FnOnce()>) {
        self.save_now();
        self.lock();
        self.gate.set(Gate::OtherTab);
        // The other tab reads what this one wrote: let go once it has landed, or kept in the
        // journal the other tab replays.
        leptos::task::spawn_local(async move {
            store::written_or_journaled().await;
            let_go();
        });
    }

    /// "Use it here": the other tab saves, locks and lets go, then this one opens.
    pub fn use_here(&self) {
        self.gate.set(Gate::Claiming);
        platform::one_tab::take_over();
    }

    /// The other tab does not answer (asleep, or stuck): this one takes the sessions
    /// without waiting. What that tab had not written stays with it, and in its journal.
    pub fn take_over_now(&self) {
        platform::one_tab::take_over_now();
    }

    /// Another tab took the sessions while this one did not answer. Nothing more is written
    /// from here (the other tab works with storage now): the key and every session go, as
    /// at a lock, and what was not written waits, sealed, for this tab to be used again.
    pub fn taken_by_other_tab(&self) {
        self.gate.set(Gate::OtherTab);
        self.forget_what_is_open();
    }

    /// Nothing readable stays once the data is closed (a lock, or another tab taking over):
    /// no key, no session, no index, no child mode or hidden screen to come back to. What
    /// storage refused outright is sealed first and waits for the next unlock. A key still
    /// being derived for the closed period is dropped when it arrives.
    fn forget_what_is_open(&self) {
        self.keys.next_period();
        // Whoever opens again knows the passphrase: the worker, not the child.
        self.child_mode.set(None);
        self.pin_asked_for.set(None);
        self.quick_hidden.set(false);
        if let Some(key) = self.keys.key.get_value() {
            self.forget_sessions_at_lock(&key);
        }
        self.keys.key.set_value(None);
        store::forget_index();
    }

    /// Sets up the passphrase and PIN, seals whatever an earlier version stored in plain
    /// text, and opens the data. The key is derived in the Web Worker meanwhile the page
    /// answers.
    pub async fn set_up(
        &self,
        passphrase: String,
        passphrase_again: String,
        pin: String,
        pin_again: String,
        worker_name: String,
    ) -> Result<(), SetUpError> {
        VaultRecord::check_set_up(&passphrase, &passphrase_again, &pin, &pin_again)?;
        let random = SetUpRandom {
            salt: platform::random_bytes(),
            check_nonce: platform::random_bytes(),
            pin_nonce: platform::random_bytes(),
        };
        let params = KdfParams::recommended(random.salt);
        let period = self.lock_period();
        // Today's parameters always derive; nothing is set up if they did not.
        let key = derive_key(&passphrase, &params)
            .await
            .map_err(|_| SetUpError::NotStored)?;
        if !self.still_in(period) {
            // This tab was handed to another one meanwhile.
            return Err(SetUpError::SetUpElsewhere);
        }
        let (vault, key) = VaultRecord::set_up(DerivedKey { key, params }, &pin, &random)?;
        // Nothing is set up until the vault record is stored: a key only in memory would
        // seal sessions no reload could open.
        match store::save_vault(&vault, None) {
            Ok(()) => {}
            Err(StoreError::Stale) => return Err(SetUpError::SetUpElsewhere),
            Err(_) => return Err(SetUpError::NotStored),
        }
        self.vault.set(Some(vault));
        self.open_with(key, Some(worker_name));
        // So the browser does not clear the sessions when the tablet runs short of space.
        platform::ask_for_persistent_storage();
        Ok(())
    }

    /// The vault record as stored now, kept in memory too; the copy in memory when storage
    /// cannot be read. Every change of the vault starts from this, so a tab never writes back
    /// a record it read long ago.
    fn current_vault(&self) -> Option<VaultRecord> {
        if let Ok(Some(stored)) = store::read_vault() {
            self.vault.set(Some(stored));
        }
        self.vault.get_untracked()
    }

    /// Tries the passphrase; the count of failures is saved either way, so a reload does not
    /// reset the growing wait. Its key is derived in the Web Worker, only when there is no
    /// wait, and the page answers meanwhile (Hide, a language, another tab taking over).
    pub async fn unlock(&self, passphrase: String) -> Result<(), UnlockError> {
        let period = self.lock_period();
        let Some((mut vault, passphrase_key)) = self.passphrase_key(&passphrase).await? else {
            return Err(UnlockError::Damaged);
        };
        if !self.still_in(period) || self.gate.get_untracked() != Gate::Locked {
            // Handed to another tab or wiped meanwhile: the key opens nothing.
            return Ok(());
        }
        let salt = vault.salt().to_owned();
        let outcome = vault.unlock(&passphrase_key);
        if let Err(problem) = store::save_vault(&vault, Some(&salt)) {
            web_sys::console::warn_1(
                &format!("Hear Me could not count the try: {problem:?}").into(),
            );
        }
        self.vault.set(Some(vault));
        self.open_with(outcome?, None);
        Ok(())
    }

    /// The vault as stored and the key of `passphrase` for it, derived in the Web Worker;
    /// the wait first, as no key is derived while the worker must wait. None without a vault.
    /// Parameters this version does not derive with are a damaged vault, as before.
    async fn passphrase_key(
        &self,
        passphrase: &str,
    ) -> Result<Option<(VaultRecord, VaultKey)>, UnlockError> {
        // Another tab may change the passphrase while a key is derived: derive again for the
        // vault as it is then (once; a second change in a second is not waited for).
        for _ in 0..2 {
            let Some(vault) = self.current_vault() else {
                return Ok(None);
            };
            let wait = vault.wait_ms();
            if wait > 0 {
                return Err(UnlockError::Wait { ms: wait });
            }
            let key = derive_key(passphrase, &vault.kdf)
                .await
                .map_err(|_| UnlockError::Damaged)?;
            match self.current_vault() {
                Some(now) if now.kdf == vault.kdf => return Ok(Some((now, key))),
                Some(_) => continue,
                None => return Ok(None),
            }
        }
        Err(UnlockError::WrongPassphrase)
    }

    /// Opens the sessions with `key`, once storage has given them (a moment, while the
    /// unlock screen says "Unlocking…"). `just_set_up`: records an earlier version stored in
    /// plain text are sealed now; at any later unlock a plain record is kept apart.
    /// Opens the sessions with `key`; `set_up` holds the worker's name typed at set-up (maybe
    /// empty) when the vault was only just set up, kept in the index once it is open.
    fn open_with(&self, key: VaultKey, set_up: Option<String>) {
        let state = *self;
        let gate = self.gate.get_untracked();
        leptos::task::spawn_local(async move {
            let loaded = store::load(&key, set_up.is_some()).await;
            // Given to another tab or wiped while storage was read: nothing opens.
            if state.gate.get_untracked() == gate {
                state.show_loaded(key, loaded);
                if let Some(name) = set_up.filter(|name| !name.trim().is_empty()) {
                    state.set_text_setting(TextSetting::WorkerName, &name);
                }
            }
        });
    }

    fn show_loaded(&self, key: VaultKey, loaded: store::Loaded) {
        self.keys.next_period();
        self.show_loaded_sessions(loaded, &key);
        self.keys.key.set_value(Some(key));
        self.note_activity();
        self.gate.set(Gate::Open);
        // A re-seal under a new records key that was cut short is finished now.
        if let Some(salt) = self
            .vault
            .with_untracked(|vault| vault.as_ref().map(|v| v.salt().to_owned()))
        {
            self.finish_reseal(&salt);
        }
    }

    /// Saves everything, then drops the key and every decrypted session from memory and
    /// shows the unlock screen. Changes storage refused are sealed and wait in memory for
    /// the next unlock: locking never loses what the child made, nor leaves it readable.
    pub fn lock(&self) {
        if self.gate.get_untracked() != Gate::Open {
            return;
        }
        // Visits with logged strokes are saved in full: the log stays short.
        self.save_ink_in_full(None);
        self.save_now();
        self.gate.set(Gate::Locked);
        // Sealed writes not landed yet wait in the store, which needs no key for them.
        self.forget_what_is_open();
        // Nobody is in the middle of anything now: a waiting new version takes over.
        if self.update_ready.get_untracked() {
            self.apply_update();
        }
    }

    /// A new passphrase, after the current one. The sessions stay as they are sealed, or,
    /// with `reseal` (someone may have seen the passphrase), everything is sealed anew under a
    /// fresh records key.
    /// Both keys are derived in the Web Worker; a tab locked meanwhile changes nothing.
    pub async fn change_passphrase(
        &self,
        current: String,
        new: String,
        new_again: String,
        reseal: bool,
    ) -> Result<(), ChangeError> {
        let period = self.lock_period();
        let Some(vault) = self.current_vault() else {
            return Err(ChangeError::CurrentWrong);
        };
        vault.check_change(&new, &new_again)?;
        if vault.reseal_unfinished() {
            return Err(ChangeError::NotSaved);
        }
        let (derived_for, current_key) = match self.passphrase_key(&current).await {
            Ok(Some((vault, key))) => (vault.salt().to_owned(), key),
            Ok(None) => return Err(ChangeError::CurrentWrong),
            Err(UnlockError::Wait { ms }) => return Err(ChangeError::Wait { ms }),
            Err(_) => return Err(ChangeError::CurrentWrong),
        };
        let params = KdfParams::recommended(platform::random_bytes());
        let new_key = derive_key(&new, &params)
            .await
            .map_err(|_| ChangeError::NotSaved)?;
        let new_key = DerivedKey {
            key: new_key,
            params,
        };
        // Locked meanwhile (the key is gone), or the passphrase changed by another tab.
        let vault = self.current_vault();
        let Some(mut vault) = vault.filter(|v| {
            self.still_in(period)
                && self.gate.get_untracked() == Gate::Open
                && v.salt() == derived_for
        }) else {
            return Err(ChangeError::NotSaved);
        };
        let salt = vault.salt().to_owned();
        let outcome = if reseal {
            vault
                .change_passphrase_and_key(
                    &current_key,
                    &new,
                    &new_again,
                    new_key,
                    &ResealRandom {
                        fresh_key: platform::random_bytes(),
                        nonces: [
                            platform::random_bytes(),
                            platform::random_bytes(),
                            platform::random_bytes(),
                            platform::random_bytes(),
                            platform::random_bytes(),
                        ],
                    },
                )
                .map(Some)
        } else {
            vault
                .change_passphrase(
                    &current_key,
                    &new,
                    &new_again,
                    new_key,
                    platform::random_bytes(),
                )
                .map(|()| None)
        };
        match outcome {
            Ok(new_key) => {
                let new_salt = vault.salt().to_owned();
                self.keep_vault(vault, &salt)?;
                if let Some(key) = new_key {
                    self.keys.key.set_value(Some(key));
                    self.finish_reseal(&new_salt);
                }
                Ok(())
            }
            // A wrong current passphrase is counted like a wrong unlock, in storage too.
            Err(ChangeError::CurrentWrong) => {
                let _ = self.keep_vault(vault, &salt);
                Err(ChangeError::CurrentWrong)
            }
            Err(refused) => Err(refused),
        }
    }

    /// The tablet's passphrase asked again while open, before a backup, a wipe, a new PIN or
    /// the longest auto-lock: counted like unlocking (and saved, so a reload does not reset
    /// the wait). `on_done` gets the answer, later: the key is derived in the Web Worker.
    /// A lock meanwhile drops the answer, so nothing goes on.
    pub fn confirm_passphrase(
        &self,
        passphrase: String,
        on_done: impl FnOnce(Result<(), UnlockError>) + 'static,
    ) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let period = state.lock_period();
            if state.gate.get_untracked() != Gate::Open {
                return;
            }
            let open = || state.still_in(period) && state.gate.get_untracked() == Gate::Open;
            let (mut vault, passphrase_key) = match state.passphrase_key(&passphrase).await {
                Ok(Some(found)) => found,
                Ok(None) => {
                    if open() {
                        on_done(Err(UnlockError::Damaged));
                    }
                    return;
                }
                Err(problem) => {
                    if open() {
                        on_done(Err(problem));
                    }
                    return;
                }
            };
            if !open() {
                return;
            }
            let salt = vault.salt().to_owned();
            let outcome = vault.confirm_passphrase(&passphrase_key);
            if let Err(problem) = store::save_vault(&vault, Some(&salt)) {
                web_sys::console::warn_1(
                    &format!("Hear Me could not count the try: {problem:?}").into(),
                );
            }
            state.vault.set(Some(vault));
            if state.gate.get_untracked() == Gate::Open {
                on_done(outcome);
            }
        });
    }

    /// Counts the time since the last tick off the wait between wrong passphrases, while a
    /// screen asking for the passphrase is shown (it ticks), and saves the record as it goes:
    /// a reload resumes from what was left, and a clock set forward changes nothing.
    pub fn count_down_wait(&self) {
        let shown = self.keys.hidden_since_ms.get_value().is_none();
        let now = platform::monotonic_ms();
        let counted = self
            .keys
            .wait_clock
            .try_update_value(|clock| clock.tick(now, shown))
            .unwrap_or(0);
        let Some(mut vault) = self.vault.get_untracked() else {
            return;
        };
        if !vault.count_down_wait(counted) {
            return;
        }
        let salt = vault.salt().to_owned();
        if let Err(problem) = store::save_vault(&vault, Some(&salt)) {
            web_sys::console::warn_1(
                &format!("Hear Me could not keep the time still to wait: {problem:?}").into(),
            );
        }
        self.vault.set(Some(vault));
    }

    /// No screen asking for the passphrase is shown now: time until the next one is not
    /// counted off the wait.
    pub fn stop_wait_clock(&self) {
        self.keys.wait_clock.update_value(WaitClock::stop);
    }

    /// A new worker PIN, while open.
    pub fn change_pin(&self, pin: &str, pin_again: &str) -> Result<(), ChangeError> {
        let (Some(mut vault), Some(key)) = (self.current_vault(), self.keys.key.get_value()) else {
            return Err(ChangeError::CurrentWrong);
        };
        if !vault.is_key_of(&key) {
            self.save_problem.set(Some(StoreError::Stale));
            return Err(ChangeError::NotSaved);
        }
        let salt = vault.salt().to_owned();
        vault.change_pin(&key, pin, pin_again, platform::random_bytes())?;
        self.keep_vault(vault, &salt)
    }

    /// Seals every record anew under the new records key, then drops the old key from the
    /// vault. Cut short (storage full, the tab closed), the vault keeps the old key wrapped
    /// and the next unlock finishes it: nothing is lost either way.
    fn finish_reseal(&self, salt: &str) {
        let Some(key) = self.keys.key.get_value() else {
            return;
        };
        if !key.has_previous() {
            return;
        }
        // Unsaved changes first, so nothing is sealed anew from an older copy.
        self.save_now();
        let state = *self;
        let salt = salt.to_owned();
        leptos::task::spawn_local(async move {
            if let Err(problem) = store::reseal_all(&key).await {
                state.save_problem.set(Some(problem));
                return;
            }
            let Some(mut vault) = state.current_vault() else {
                return;
            };
            vault.finish_reseal();
            if state.keep_vault(vault, &salt).is_ok() {
                // Only if the key is still this one (not locked or changed meanwhile).
                let same = state
                    .keys
                    .key
                    .with_value(|now| now.as_ref().is_some_and(|now| now.same_as(&key)));
                if same {
                    state.keys.key.set_value(Some(key.without_previous()));
                }
            }
        });
    }

    /// Saves a changed vault record over the one with `expected_salt`; only once it is
    /// stored does the app use it, so a refused write leaves the old passphrase and PIN
    /// working.
    fn keep_vault(&self, vault: VaultRecord, expected_salt: &str) -> Result<(), ChangeError> {
        match store::save_vault(&vault, Some(expected_salt)) {
            Ok(()) => {
                self.vault.set(Some(vault));
                Ok(())
            }
            Err(problem) => {
                self.save_problem.set(Some(problem));
                Err(ChangeError::NotSaved)
            }
        }
    }

    /// The worker's choice of minutes without use before the app locks itself.
    pub fn set_auto_lock_minutes(&self, minutes: u32) {
        let (Some(mut vault), Some(key)) = (self.current_vault(), self.keys.key.get_value()) else {
            return;
        };
        let salt = vault.salt().to_owned();
        vault.set_auto_lock(&key, minutes, platform::random_bytes());
        let _ = self.keep_vault(vault, &salt);
    }

    /// The auto-lock minutes the worker set, as the open app goes by them (the sealed copy).
    pub fn auto_lock_minutes(&self) -> u32 {
        let key = self.keys.key.get_value();
        self.vault
            .with(|vault| {
                vault.as_ref().map(|vault| match &key {
                    Some(key) => vault.auto_lock_with(key),
                    None => vault.auto_lock(),
                })
            })
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES)
    }

    fn auto_lock_ms(&self) -> u64 {
        let minutes = untrack(|| self.auto_lock_minutes());
        u64::from(minutes) * 60_000
    }

    pub fn note_activity(&self) {
        self.keys.last_activity_ms.set_value(platform::now_ms());
    }

    /// Locks when the app has not been used, or has been hidden, for the auto-lock time.
    pub fn lock_if_idle(&self) {
        let idle = idle_long_enough(
            platform::now_ms(),
            self.keys.last_activity_ms.get_value(),
            self.keys.hidden_since_ms.get_value(),
            self.auto_lock_ms(),
        );
        if idle {
            self.lock();
        }
    }

    /// The page was hidden (`true`) or shown again. Hidden, everything not yet written is
    /// kept at once; shown again after the auto-lock time, the app locks.
    pub fn page_hidden(&self, hidden: bool) {
        if hidden {
            self.stop_wait_clock();
            self.keep_unwritten();
            self.keys
                .hidden_since_ms
                .set_value(Some(platform::now_ms()));
        } else {
            self.lock_if_idle();
            self.keys.hidden_since_ms.set_value(None);
            self.note_activity();
        }
    }

    /// True when `pin` is the worker's PIN; only while open.
    pub fn pin_matches(&self, pin: &str) -> bool {
        let Some(key) = self.keys.key.get_value() else {
            return false;
        };
        self.vault
            .with_untracked(|vault| vault.as_ref().is_some_and(|v| v.pin_matches(&key, pin)))
    }

    /// Removes everything Hear Me stored on this device and starts afresh at set-up.
    pub fn wipe_device(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match store::wipe().await {
                Ok(()) => state.forget_everything(),
                Err(problem) => state.save_problem.set(Some(problem)),
            }
        });
    }

    fn forget_everything(&self) {
        self.keys.next_period();
        self.keys.key.set_value(None);
        self.forget_all_sessions();
        self.vault.set(None);
        self.screen.set(Screen::Start);
        self.gate.set(Gate::SetUp { plain_sessions: 0 });
    }
}
