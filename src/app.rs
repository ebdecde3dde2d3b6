//! The shell: loads what the device holds, provides the app state, and shows the screen the
//! worker is on. State flows one way: an event changes a session here, the store persists
//! it, and the screens re-render from the session.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use leptos::prelude::*;

use crate::core::{ChildMode, Entry, EntryId, Question, Screen, Session, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::store::vault::{
    ChangeError, KdfParams, ResealRandom, SetUpError, SetUpRandom, UnlockError, VaultKey,
    VaultRecord, DEFAULT_AUTO_LOCK_MINUTES,
};
use crate::store::{self, DeviceState, StoreError, UnreadableSession};
use crate::ui;

/// How long typing may pause before the words are written to storage.
const WORDS_SAVE_DELAY: Duration = Duration::from_millis(400);
/// How often unsaved changes are retried while storage refuses them.
const RETRY_EVERY: Duration = Duration::from_secs(2);
/// How often the app checks whether it has been idle long enough to lock itself.
const IDLE_CHECK_EVERY: Duration = Duration::from_secs(5);

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

/// Everything the screens share. Cheap to copy: it only holds signal handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub sessions: RwSignal<Vec<Session>>,
    pub unreadable: RwSignal<Vec<UnreadableSession>>,
    /// Sessions found older than the copy this tablet last wrote (put back by someone).
    pub rolled_back: RwSignal<Vec<SessionId>>,
    /// The screen the worker (or the child) is on.
    pub screen: RwSignal<Screen>,
    /// An entry the child has just added and finished, for a screen that celebrates it (the
    /// wand's sparkle); whoever shows it clears it.
    pub just_added: RwSignal<Option<EntryId>>,
    /// Why the newest changes are not saved yet; None when all is saved.
    pub save_problem: RwSignal<Option<StoreError>>,
    /// Why the last save could not even hand the changes to storage.
    refused: StoredValue<Option<StoreError>>,
    /// Sessions changed in memory and not yet written.
    unsaved: StoredValue<BTreeSet<SessionId>>,
    /// Sessions deleted in memory whose records are not yet removed.
    undeleted: StoredValue<BTreeSet<SessionId>>,
    /// The revision each session was read or last written at: a save starts from it.
    revisions: StoredValue<HashMap<SessionId, u64>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    pub gate: RwSignal<Gate>,
    /// The vault record: key parameters, failed unlocks, the auto-lock time.
    pub vault: RwSignal<Option<VaultRecord>>,
    /// The key, only while open. Dropping it wipes its bytes.
    key: StoredValue<Option<VaultKey>>,
    /// When the worker or child last touched the app, for the auto-lock.
    last_activity_ms: StoredValue<u64>,
    /// When the page was hidden, if it is.
    hidden_since_ms: StoredValue<Option<u64>>,
    /// The child holds the tablet inside one tool; leaving it needs the worker's PIN.
    pub child_mode: RwSignal<Option<ChildMode>>,
    /// Where someone tried to go from child mode (or back from quick hide, as None): the
    /// PIN dialog is open while this is set.
    pub pin_asked_for: RwSignal<Option<PinRequest>>,
    /// Quick hide: a neutral screen covers everything until the worker's PIN.
    pub quick_hidden: RwSignal<bool>,
    wrong_pins: StoredValue<u32>,
    /// A new version of Hear Me has been downloaded and waits for the worker.
    pub update_ready: RwSignal<bool>,
}

/// What the worker's PIN is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum PinRequest {
    /// To leave child mode for this place.
    Leave(Screen),
    /// To come back from the quick-hide screen.
    Unhide,
}

/// Wrong PINs in a row before the app locks itself: a PIN is short, the passphrase is not.
const PIN_TRIES: u32 = 3;

impl AppState {
    fn new(screen: Screen) -> AppState {
        AppState {
            sessions: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            rolled_back: RwSignal::new(Vec::new()),
            screen: RwSignal::new(screen),
            just_added: RwSignal::new(None),
            save_problem: RwSignal::new(None),
            refused: StoredValue::new(None),
            unsaved: StoredValue::new(BTreeSet::new()),
            undeleted: StoredValue::new(BTreeSet::new()),
            revisions: StoredValue::new(HashMap::new()),
            pending_save: StoredValue::new(None),
            gate: RwSignal::new(Gate::Claiming),
            vault: RwSignal::new(None),
            key: StoredValue::new(None),
            last_activity_ms: StoredValue::new(platform::now_ms()),
            hidden_since_ms: StoredValue::new(None),
            child_mode: RwSignal::new(None),
            pin_asked_for: RwSignal::new(None),
            quick_hidden: RwSignal::new(false),
            wrong_pins: StoredValue::new(0),
            update_ready: RwSignal::new(false),
        }
    }

    /// Looks at storage afresh and shows what it needs: set-up, the unlock screen, or why
    /// nothing can be opened. Called once this tab works with the sessions.
    fn open_gate(&self) {
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
        self.gate.set(gate);
    }

    /// Another tab works with the sessions now: save what can be saved, lock, and stop
    /// writing. What storage refused stays in memory with its key (as locking keeps it) and
    /// is merged again when this tab is used again.
    fn leave_for_other_tab(&self, let_go: Box<dyn FnOnce()>) {
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

    /// Whether the tablet can be handed to the child: only with a worker PIN to get out,
    /// which needs storage (without it any PIN would open child mode).
    pub fn can_hand_to_child(&self) -> bool {
        self.gate.get() == Gate::Open
    }

    /// Hands the tablet to the child inside `tool` of `session`. The browser's back button
    /// (or a back swipe) must not leave Hear Me for whatever page came before, so child mode
    /// keeps a history entry of its own: going back lands on it and asks for the PIN.
    pub fn hand_to_child(&self, session: SessionId, tool: Tool) {
        if !self.can_hand_to_child() {
            return;
        }
        platform::push_history_entry();
        self.child_mode.set(Some(ChildMode { session, tool }));
    }

    /// The browser went back. In child mode that is the child trying to leave: stay, keep a
    /// history entry again, and ask for the worker PIN as any way out does.
    fn went_back(&self) {
        let Some(mode) = self.child_mode.get_untracked() else {
            return;
        };
        platform::push_history_entry();
        self.pin_asked_for
            .set(Some(PinRequest::Leave(Screen::Session {
                session: mode.session,
            })));
    }

    /// Covers everything with a neutral screen at once.
    pub fn quick_hide(&self) {
        self.quick_hidden.set(true);
        self.save_now();
    }

    /// Answers the PIN dialog. A right PIN does what was asked; after [`PIN_TRIES`] wrong ones
    /// the app locks, and only the passphrase opens it again. Returns whether it was right.
    pub fn answer_pin(&self, pin: &str) -> bool {
        let Some(request) = self.pin_asked_for.get_untracked() else {
            return false;
        };
        // Without storage there is no vault and no PIN: nothing to protect with one.
        let right = self.gate.get_untracked() == Gate::NoStorage || self.pin_matches(pin);
        if !right {
            let wrong = self.wrong_pins.get_value() + 1;
            self.wrong_pins.set_value(wrong);
            if wrong >= PIN_TRIES {
                self.wrong_pins.set_value(0);
                self.pin_asked_for.set(None);
                self.lock();
            }
            return false;
        }
        self.wrong_pins.set_value(0);
        self.pin_asked_for.set(None);
        match request {
            PinRequest::Leave(place) => {
                self.child_mode.set(None);
                self.screen.set(place);
            }
            PinRequest::Unhide => self.quick_hidden.set(false),
        }
        true
    }

    /// Sets up the passphrase and PIN, seals whatever an earlier version stored in plain
    /// text, and opens the data.
    pub fn set_up(
        &self,
        passphrase: &str,
        passphrase_again: &str,
        pin: &str,
        pin_again: &str,
    ) -> Result<(), SetUpError> {
        let random = SetUpRandom {
            salt: platform::random_bytes(),
            check_nonce: platform::random_bytes(),
            pin_nonce: platform::random_bytes(),
        };
        let params = KdfParams::recommended(random.salt);
        let (vault, key) = VaultRecord::set_up(
            passphrase,
            passphrase_again,
            pin,
            pin_again,
            params,
            &random,
        )?;
        // Nothing is set up until the vault record is stored: a key only in memory would
        // seal sessions no reload could open.
        match store::save_vault(&vault, None) {
            Ok(()) => {}
            Err(StoreError::Stale) => return Err(SetUpError::SetUpElsewhere),
            Err(_) => return Err(SetUpError::NotStored),
        }
        self.vault.set(Some(vault));
        self.open_with(key, true);
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
    /// reset the growing wait.
    pub fn unlock(&self, passphrase: &str) -> Result<(), UnlockError> {
        let Some(mut vault) = self.current_vault() else {
            return Err(UnlockError::Damaged);
        };
        let salt = vault.salt().to_owned();
        let outcome = vault.unlock(passphrase, platform::now_ms());
        if let Err(problem) = store::save_vault(&vault, Some(&salt)) {
            web_sys::console::warn_1(
                &format!("Hear Me could not count the try: {problem:?}").into(),
            );
        }
        self.vault.set(Some(vault));
        self.open_with(outcome?, false);
        Ok(())
    }

    /// Opens the sessions with `key`, once storage has given them (a moment, while the
    /// unlock screen says "Unlocking…"). `just_set_up`: records an earlier version stored in
    /// plain text are sealed now; at any later unlock a plain record is kept apart.
    fn open_with(&self, key: VaultKey, just_set_up: bool) {
        let state = *self;
        let gate = self.gate.get_untracked();
        leptos::task::spawn_local(async move {
            let loaded = store::load(&key, just_set_up).await;
            // Given to another tab or wiped while storage was read: nothing opens.
            if state.gate.get_untracked() == gate {
                state.show_loaded(key, loaded);
            }
        });
    }

    fn show_loaded(&self, key: VaultKey, mut loaded: store::Loaded) {
        // Changes storage refused before the lock are newer than what storage holds; they
        // keep the revision they were read at, so a save cannot undo another tab's work.
        let kept = self.sessions.get_untracked();
        let kept_revisions = self.revisions.get_value();
        for session in kept {
            loaded.sessions.retain(|s| s.id != session.id);
            let revision = kept_revisions.get(&session.id).copied().unwrap_or(0);
            loaded.revisions.insert(session.id.clone(), revision);
            loaded.sessions.push(session);
        }
        self.revisions.set_value(loaded.revisions);
        let place = self.screen.get_untracked().existing_in(&loaded.sessions);
        self.key.set_value(Some(key));
        self.sessions.set(loaded.sessions);
        self.unreadable.set(loaded.unreadable);
        self.rolled_back.set(loaded.rolled_back);
        self.save_problem.set(loaded.problem);
        self.screen.set(place);
        self.last_activity_ms.set_value(platform::now_ms());
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
    /// shows the unlock screen. Changes storage refused stay in memory until they are saved:
    /// locking must never lose what the child made.
    pub fn lock(&self) {
        if self.gate.get_untracked() != Gate::Open {
            return;
        }
        self.save_now();
        self.gate.set(Gate::Locked);
        // Whoever unlocks knows the passphrase: the worker, not the child.
        self.child_mode.set(None);
        self.pin_asked_for.set(None);
        self.quick_hidden.set(false);
        // Sealed writes not landed yet wait in the store, which needs no key for them. What
        // could not even be sealed and handed over (storage refused outright) stays, with the
        // key to seal it, and the retries go on behind the lock screen; everything else goes.
        if self.has_unsaved() {
            let unsaved = self.unsaved.get_value();
            self.sessions
                .update(|all| all.retain(|s| unsaved.contains(&s.id)));
        } else {
            self.sessions.set(Vec::new());
            self.key.set_value(None);
        }
        self.unreadable.set(Vec::new());
        self.rolled_back.set(Vec::new());
        // Nobody is in the middle of anything now: a waiting new version takes over.
        if self.update_ready.get_untracked() {
            self.apply_update();
        }
    }

    /// Lets the waiting new version take over: everything is saved (or kept in the journal
    /// the new version replays), then the page reloads once, locked.
    pub fn apply_update(&self) {
        self.save_now();
        leptos::task::spawn_local(async move {
            store::written_or_journaled().await;
            platform::update::apply();
        });
    }

    /// A new passphrase, after the current one. The sessions stay as they are sealed, or,
    /// with `reseal` (someone may have seen the passphrase), everything is sealed anew under a
    /// fresh records key.
    pub fn change_passphrase(
        &self,
        current: &str,
        new: &str,
        new_again: &str,
        reseal: bool,
    ) -> Result<(), ChangeError> {
        let Some(mut vault) = self.current_vault() else {
            return Err(ChangeError::CurrentWrong);
        };
        let salt = vault.salt().to_owned();
        let params = KdfParams::recommended(platform::random_bytes());
        let outcome = if reseal {
            vault
                .change_passphrase_and_key(
                    current,
                    new,
                    new_again,
                    params,
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
                    platform::now_ms(),
                )
                .map(Some)
        } else {
            vault
                .change_passphrase(
                    current,
                    new,
                    new_again,
                    params,
                    platform::random_bytes(),
                    platform::now_ms(),
                )
                .map(|()| None)
        };
        match outcome {
            Ok(new_key) => {
                let new_salt = vault.salt().to_owned();
                self.keep_vault(vault, &salt)?;
                if let Some(key) = new_key {
                    self.key.set_value(Some(key));
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

    /// A new worker PIN, while open.
    pub fn change_pin(&self, pin: &str, pin_again: &str) -> Result<(), ChangeError> {
        let (Some(mut vault), Some(key)) = (self.current_vault(), self.key.get_value()) else {
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
        let Some(key) = self.key.get_value() else {
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
                    .key
                    .with_value(|now| now.as_ref().is_some_and(|now| now.same_as(&key)));
                if same {
                    state.key.set_value(Some(key.without_previous()));
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
        let (Some(mut vault), Some(key)) = (self.current_vault(), self.key.get_value()) else {
            return;
        };
        let salt = vault.salt().to_owned();
        vault.set_auto_lock(&key, minutes, platform::random_bytes());
        let _ = self.keep_vault(vault, &salt);
    }

    /// The auto-lock minutes the worker set, as the open app goes by them (the sealed copy).
    pub fn auto_lock_minutes(&self) -> u32 {
        let key = self.key.get_value();
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

    fn note_activity(&self) {
        self.last_activity_ms.set_value(platform::now_ms());
    }

    /// Locks when the app has not been used, or has been hidden, for the auto-lock time.
    fn lock_if_idle(&self) {
        let now = platform::now_ms();
        let since = self
            .hidden_since_ms
            .get_value()
            .map_or(self.last_activity_ms.get_value(), |hidden| {
                hidden.min(self.last_activity_ms.get_value())
            });
        if now.saturating_sub(since) >= self.auto_lock_ms() {
            self.lock();
        }
    }

    /// True when `pin` is the worker's PIN; only while open.
    pub fn pin_matches(&self, pin: &str) -> bool {
        let Some(key) = self.key.get_value() else {
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
        self.key.set_value(None);
        self.unsaved.set_value(BTreeSet::new());
        self.undeleted.set_value(BTreeSet::new());
        self.revisions.set_value(HashMap::new());
        self.sessions.set(Vec::new());
        self.unreadable.set(Vec::new());
        self.rolled_back.set(Vec::new());
        self.vault.set(None);
        self.screen.set(Screen::Start);
        self.refused.set_value(None);
        self.save_problem.set(None);
        self.gate.set(Gate::SetUp { plain_sessions: 0 });
    }

    /// Shows another screen. In child mode a screen outside the child's tool waits for the
    /// worker's PIN instead.
    pub fn go(&self, place: Screen) {
        let blocked = self
            .child_mode
            .with_untracked(|mode| mode.as_ref().is_some_and(|mode| !mode.allows(&place)));
        if blocked {
            self.pin_asked_for.set(Some(PinRequest::Leave(place)));
        } else {
            self.screen.set(place);
        }
    }

    /// Reads a session without cloning it; tracks it reactively.
    pub fn with_session<R>(&self, id: &SessionId, read: impl FnOnce(&Session) -> R) -> Option<R> {
        self.sessions
            .with(|all| all.iter().find(|s| &s.id == id).map(read))
    }

    /// The entries of one question of a session, as they change; empty when the session is
    /// gone.
    pub fn entries_of(&self, session: &SessionId, question: Question) -> Memo<Vec<Entry>> {
        let (state, session) = (*self, session.clone());
        Memo::new(move |_| {
            state
                .with_session(&session, |s| s.entries(question).to_vec())
                .unwrap_or_default()
        })
    }

    /// Like `with_session`, without making the caller re-run when sessions change.
    pub fn with_session_untracked<R>(
        &self,
        id: &SessionId,
        read: impl FnOnce(&Session) -> R,
    ) -> Option<R> {
        self.sessions
            .with_untracked(|all| all.iter().find(|s| &s.id == id).map(read))
    }

    /// Changes a session in memory and marks it unsaved. Call `save_now` or `save_soon` after.
    pub fn change_session<R>(
        &self,
        id: &SessionId,
        change: impl FnOnce(&mut Session) -> R,
    ) -> Option<R> {
        let mut result = None;
        self.sessions.update(|all| {
            if let Some(session) = all.iter_mut().find(|s| &s.id == id) {
                result = Some(change(session));
            }
        });
        if result.is_some() {
            self.unsaved.update_value(|unsaved| {
                unsaved.insert(id.clone());
            });
        }
        result
    }

    pub fn add_session(&self, session: Session) {
        self.add_sessions(vec![session]);
    }

    /// Adds sessions (a new one, or those restored from a backup) and saves them.
    pub fn add_sessions(&self, sessions: Vec<Session>) {
        self.unsaved.update_value(|unsaved| {
            unsaved.extend(sessions.iter().map(|s| s.id.clone()));
        });
        self.sessions.update(|all| all.extend(sessions));
        self.save_now();
    }

    pub fn delete_session(&self, id: &SessionId) {
        self.sessions.update(|all| all.retain(|s| &s.id != id));
        self.unreadable.update(|all| all.retain(|s| &s.id != id));
        self.unsaved.update_value(|unsaved| {
            unsaved.remove(id);
        });
        self.undeleted.update_value(|undeleted| {
            undeleted.insert(id.clone());
        });
        self.save_now();
    }

    /// Writes every unsaved change now. What storage refuses stays marked and is retried.
    pub fn save_now(&self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
            self.pending_save.set_value(None);
        }
        // While another tab works with the sessions this one writes nothing.
        if matches!(self.gate.get_untracked(), Gate::OtherTab | Gate::Claiming) {
            return;
        }
        // Writes sealed before a lock need no key: they are tried again behind the lock
        // screen. Without the key nothing new can be sealed; changes wait for the unlock.
        let Some(key) = self.key.get_value() else {
            store::flush();
            return;
        };
        let mut problem = None;
        for id in self.undeleted.get_value() {
            match store::delete_session(&id, &key) {
                Ok(()) => self.undeleted.update_value(|undeleted| {
                    undeleted.remove(&id);
                }),
                Err(error) => problem = Some(error),
            }
        }
        for id in self.unsaved.get_value() {
            let revision = self
                .revisions
                .with_value(|revisions| revisions.get(&id).copied().unwrap_or(0));
            let outcome = self.sessions.with_untracked(|all| {
                all.iter()
                    .find(|s| s.id == id)
                    .map(|session| store::save_session(session, &key, revision))
            });
            match outcome {
                Some(Err(error)) => problem = Some(error),
                Some(Ok(next)) => {
                    self.revisions.update_value(|revisions| {
                        revisions.insert(id.clone(), next);
                    });
                    self.unsaved.update_value(|unsaved| {
                        unsaved.remove(&id);
                    });
                }
                None => self.unsaved.update_value(|unsaved| {
                    unsaved.remove(&id);
                }),
            }
        }
        if let Some(error) = &problem {
            web_sys::console::warn_1(&format!("Hear Me could not save yet: {error:?}").into());
        }
        self.refused.set_value(problem);
        // Writes refused before are tried again.
        store::flush();
        self.show_save_problem();
    }

    /// Shows why saving does not go through: storage refused a change outright, or a write
    /// did not land (storage full, another tab's change); nothing when all is saved.
    fn show_save_problem(&self) {
        let problem = self.refused.get_value().or_else(store::write_problem);
        if self.save_problem.get_untracked() != problem {
            self.save_problem.set(problem);
        }
    }

    /// Everything not yet landed goes into the journal, synchronously: the page is being
    /// hidden or closed, and a write still running may never finish.
    fn keep_unwritten(&self) {
        self.save_now();
        store::keep_unwritten();
    }

    /// Writes unsaved changes after a short pause, so typing is not slowed by storage.
    /// Saves once the screen has shown the change: a drawing edit is painted first, then the
    /// whole session is encoded and written, so saving never delays the ink.
    pub fn save_after_paint(&self) {
        let state = *self;
        request_animation_frame(move || {
            set_timeout(move || state.save_now(), Duration::ZERO);
        });
    }

    pub fn save_soon(&self) {
        if self.pending_save.get_value().is_some() {
            return;
        }
        let state = *self;
        let handle = set_timeout_with_handle(
            move || {
                state.pending_save.set_value(None);
                state.save_now();
            },
            WORDS_SAVE_DELAY,
        )
        .ok();
        self.pending_save.set_value(handle);
    }

    /// Leaves an entry's editor for its house or helper. An entry that was blank when opened
    /// is new: left blank, it is dropped rather than kept empty; given something, it has
    /// just been added.
    pub fn close_entry(
        &self,
        session: &SessionId,
        tool: Tool,
        question: Question,
        entry: EntryId,
        opened_blank: bool,
        blank_now: bool,
    ) {
        match (opened_blank, blank_now) {
            (true, true) => {
                self.change_session(session, |s| {
                    s.delete_entry(question, entry, platform::now_ms())
                });
            }
            (true, false) => self.just_added.set(Some(entry)),
            _ => {}
        }
        self.save_now();
        self.go(Screen::Question {
            session: session.clone(),
            tool,
            question,
        });
    }

    fn has_unsaved(&self) -> bool {
        !self.unsaved.with_value(BTreeSet::is_empty)
            || !self.undeleted.with_value(BTreeSet::is_empty)
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

#[component]
pub fn App() -> impl IntoView {
    let device = store::device_state();
    let language = device.language.clone();
    let state = AppState::new(device.place);
    provide_context(state);
    // Only one tab works with the sessions at a time. Without storage there is nothing to
    // share between tabs.
    if !store::has_storage() {
        state.open_gate();
    } else {
        platform::one_tab::start(platform::one_tab::TabEvents {
            claimed: std::rc::Rc::new(move || state.open_gate()),
            elsewhere: std::rc::Rc::new(move || state.gate.set(Gate::OtherTab)),
            asked_to_let_go: std::rc::Rc::new(move |let_go| state.leave_for_other_tab(let_go)),
        });
    }

    // Keep retrying while storage refuses, and flush before the page goes away.
    set_interval(
        move || {
            if state.has_unsaved() || !store::all_written() {
                state.save_now();
            }
        },
        RETRY_EVERY,
    );
    store::on_write_finished(move || state.show_save_problem());
    platform::update::register(move || state.update_ready.set(true));
    let flush = window_event_listener(leptos::ev::pagehide, move |_| state.keep_unwritten());
    // Hidden: save at once, and remember since when, so coming back after the auto-lock time
    // finds the app locked (timers may not run while a tablet sleeps).
    let flush_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            state.keep_unwritten();
            state.hidden_since_ms.set_value(Some(platform::now_ms()));
        } else {
            state.lock_if_idle();
            state.hidden_since_ms.set_value(None);
            state.note_activity();
        }
    });
    let touched = window_event_listener(leptos::ev::pointerdown, move |_| state.note_activity());
    let back = window_event_listener(leptos::ev::popstate, move |_| state.went_back());
    // No long-press menu (copy, share, look up, translate) on the child's screens.
    let long_press = window_event_listener(leptos::ev::contextmenu, move |ev| {
        if state.child_mode.with_untracked(Option::is_some) {
            ev.prevent_default();
        }
    });
    let typed = window_event_listener(leptos::ev::keydown, move |_| state.note_activity());
    set_interval(move || state.lock_if_idle(), IDLE_CHECK_EVERY);
    on_cleanup(move || {
        flush.remove();
        flush_hidden.remove();
        touched.remove();
        typed.remove();
        back.remove();
        long_press.remove();
    });

    view! {
        <I18nContextProvider>
            <Shell state initial_language=language />
        </I18nContextProvider>
    }
}

#[component]
fn Shell(state: AppState, initial_language: String) -> impl IntoView {
    let i18n = use_i18n();
    let preferred = Some(initial_language)
        .filter(|code| !code.is_empty())
        .or_else(platform::browser_language);
    // The i18n provider picks the browser's language in an effect of its own; this effect is
    // created after it, so it runs after it and the worker's last choice wins.
    if let Some(locale) = preferred.as_deref().and_then(locale_for) {
        Effect::new(move |_| i18n.set_locale(locale));
    }

    // Remember where the worker is and the language, so a reload reopens right here.
    Effect::new(move |_| {
        let device = DeviceState {
            place: state.screen.get(),
            language: i18n.get_locale().as_str().to_owned(),
        };
        if let Err(error) = store::save_device_state(&device) {
            web_sys::console::warn_1(
                &format!("Hear Me could not remember the screen: {error:?}").into(),
            );
        }
    });

    // Only an open app shows sessions; every other gate shows its own screen, and the
    // screens behind it are not even made.
    let screen = move || {
        match state.gate.get() {
        Gate::SetUp { plain_sessions } => {
            view! { <ui::lock::SetUpScreen plain_sessions /> }.into_any()
        }
        Gate::Locked => view! { <ui::lock::UnlockScreen /> }.into_any(),
        Gate::Damaged => view! { <ui::lock::DamagedVaultScreen /> }.into_any(),
        Gate::Newer => view! { <ui::lock::NewerVersionScreen /> }.into_any(),
        Gate::Claiming => view! { <p class="quiet gate">{t!(i18n, opening)}</p> }.into_any(),
        Gate::OtherTab => view! { <ui::lock::OtherTabScreen /> }.into_any(),
        Gate::Open | Gate::NoStorage => view! {
            <Show when=move || !state.quick_hidden.get() fallback=|| view! { <ui::lock::QuickHideScreen /> }>
                <ui::lock::AppBar />
                {move || ui::screen_for(state.screen.get())}
            </Show>
            <ui::lock::PinDialog />
        }
        .into_any(),
    }
    };
    view! {
        <ui::storage_banner::StorageBanner />
        <ui::update_banner::UpdateBanner />
        <main class="screen" class:child-mode=move || state.child_mode.with(Option::is_some)>{screen}</main>
    }
}

/// The app's locale for a browser language such as `de-AT`.
fn locale_for(code: &str) -> Option<Locale> {
    let primary = code
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    Locale::get_all()
        .iter()
        .copied()
        .find(|locale| locale.as_str() == primary)
}
