//! The sessions in memory, and saving them: a change marks its session unsaved, and the
//! store seals and writes it behind the app. What storage refuses stays marked and in
//! memory, and is tried again; a lock seals it and drops the words, and the next unlock
//! opens and saves it: nothing the child made is dropped, and nothing stays readable.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use leptos::prelude::*;

use super::{AppState, Gate};
use crate::core::ink::Stroke;
use crate::core::lock_rules::merge_kept_sessions;
use crate::core::{Entry, Opening, Question, Session, SessionId};
use crate::platform;
use crate::store::ink_log::InkStroke;
use crate::store::vault::VaultKey;
use crate::store::writes::SealedUnsaved;
use crate::store::{self, StoreError, TextSetting};

/// How long typing may pause before the words are written to storage.
const WORDS_SAVE_DELAY: Duration = Duration::from_millis(400);

/// When an edit is written to storage, chosen once per kind of edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavePolicy {
    /// A choice or a finished step (a sharing decision, a name, an entry removed): at once.
    Now,
    /// Typing: after a short pause, so storage never slows the keys.
    AfterTyping,
    /// Ink: once the screen has shown the change, so saving never delays what is drawn.
    AfterPaint,
    /// A step of a gesture still going on (each stroke an eraser swipe lifts): written when
    /// the gesture ends, with a call to [`AppState::save_after_paint`].
    WhenGestureEnds,
}

/// The saving machine's own bookkeeping.
#[derive(Clone, Copy)]
pub(super) struct Saving {
    /// Why the last save could not even hand the changes to storage.
    refused: StoredValue<Option<StoreError>>,
    /// Sessions changed in memory and not yet written.
    unsaved: StoredValue<BTreeSet<SessionId>>,
    /// Unsaved sessions whose only changes since their last save are these finished
    /// strokes: saved as a log record each (see `store::log_stroke`), not in full.
    strokes_only: StoredValue<HashMap<SessionId, Vec<InkStroke>>>,
    /// Sessions deleted in memory whose records are not yet removed.
    undeleted: StoredValue<BTreeSet<SessionId>>,
    /// The revision each session was read or last written at: a save starts from it.
    revisions: StoredValue<HashMap<SessionId, u64>>,
    /// Unsaved sessions a lock sealed, waiting for the key of the next unlock.
    sealed_at_lock: StoredValue<Vec<SealedUnsaved>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
}

/// Keyed reactivity for ink: one trigger per visit, notified by a stroke instead of the
/// sessions signal, so a stroke re-runs only what shows that visit, never the start screen
/// or a child's over time; the visits whose strokes the other readers have not heard of.
#[derive(Clone, Copy)]
pub(super) struct StrokeSignals {
    triggers: StoredValue<HashMap<SessionId, ArcTrigger>>,
    untold: StoredValue<BTreeSet<SessionId>>,
}

impl StrokeSignals {
    pub(super) fn new() -> StrokeSignals {
        StrokeSignals {
            triggers: StoredValue::new(HashMap::new()),
            untold: StoredValue::new(BTreeSet::new()),
        }
    }

    /// The trigger a stroke drawn in `id` notifies (made at its first reader).
    fn of(&self, id: &SessionId) -> ArcTrigger {
        self.triggers
            .try_update_value(|triggers| triggers.entry(*id).or_default().clone())
            .unwrap_or_default()
    }
}

impl Saving {
    pub(super) fn new() -> Saving {
        Saving {
            refused: StoredValue::new(None),
            unsaved: StoredValue::new(BTreeSet::new()),
            strokes_only: StoredValue::new(HashMap::new()),
            undeleted: StoredValue::new(BTreeSet::new()),
            revisions: StoredValue::new(HashMap::new()),
            sealed_at_lock: StoredValue::new(Vec::new()),
            pending_save: StoredValue::new(None),
        }
    }
}

impl AppState {
    /// Changes a session and writes it as `policy` says; `change` gets the time of the edit.
    /// None when the session is gone.
    pub fn edit<R>(
        &self,
        id: &SessionId,
        policy: SavePolicy,
        change: impl FnOnce(&mut Session, u64) -> R,
    ) -> Option<R> {
        let result = self.change_session(id, |session| change(session, platform::now_ms()));
        match policy {
            SavePolicy::Now => self.save_now(),
            SavePolicy::AfterTyping => self.save_soon(),
            SavePolicy::AfterPaint => self.save_after_paint(),
            SavePolicy::WhenGestureEnds => {}
        }
        result
    }

    /// Reads a session without cloning it; tracks it reactively: every change to it, and
    /// the strokes drawn in it, which notify only the readers of that one visit.
    pub fn with_session<R>(&self, id: &SessionId, read: impl FnOnce(&Session) -> R) -> Option<R> {
        self.strokes.of(id).track();
        self.sessions
            .with(|all| all.iter().find(|s| &s.id == id).map(read))
    }

    /// The entries of one question of a session, as they change; empty when the session is
    /// gone.
    pub fn entries_of(&self, session: &SessionId, question: Question) -> Memo<Vec<Entry>> {
        let (state, session) = (*self, *session);
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

    /// Changes a session in memory and marks it unsaved; [`AppState::edit`] saves it.
    pub(super) fn change_session<R>(
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
            self.mark_unsaved(id);
        }
        result
    }

    /// Marks a session for a full save: any change but a finished stroke.
    fn mark_unsaved(&self, id: &SessionId) {
        self.saving.strokes_only.update_value(|strokes| {
            strokes.remove(id);
        });
        self.saving.unsaved.update_value(|unsaved| {
            unsaved.insert(*id);
        });
    }

    /// Adds a finished stroke to the drawing `opening` opened, through `add` (the editor's
    /// own `Session::draw` with its undo history), and saves it after paint. Where the
    /// stroke is the session's only change since its last save, it is saved as a small
    /// record of its own, whose cost does not grow with the visit; otherwise in full.
    pub fn finish_stroke<R>(
        &self,
        id: &SessionId,
        opening: &Opening,
        stroke: &Stroke,
        add: impl FnOnce(&mut Session, u64) -> Option<R>,
    ) -> Option<R> {
        let now = platform::now_ms();
        let only_strokes = !self
            .saving
            .unsaved
            .with_value(|unsaved| unsaved.contains(id))
            || self
                .saving
                .strokes_only
                .with_value(|strokes| strokes.contains_key(id));
        let mut found = false;
        let mut result = None;
        // Keyed: a stroke tells only the readers of this visit (`with_session`), never every
        // reader of the sessions (the start screen, over time, a child's page); leaving the
        // drawing tells them all (`finish_drawing`).
        self.sessions.update_untracked(|all| {
            if let Some(session) = all.iter_mut().find(|s| &s.id == id) {
                found = true;
                result = add(session, now);
            }
        });
        if !found {
            return None;
        }
        self.strokes.of(id).notify();
        self.strokes.untold.update_value(|untold| {
            untold.insert(*id);
        });
        // Logged only when the stroke is all that changed: the replay at unlock makes
        // exactly that change again.
        if only_strokes && result.is_some() && !stroke.points.is_empty() {
            let ink = InkStroke {
                question: opening.question(),
                entry: opening.entry(),
                stroke: stroke.clone(),
                at_ms: now,
            };
            self.saving.strokes_only.update_value(|strokes| {
                strokes.entry(*id).or_default().push(ink);
            });
            self.saving.unsaved.update_value(|unsaved| {
                unsaved.insert(*id);
            });
        } else {
            self.mark_unsaved(id);
        }
        self.save_after_paint();
        result
    }

    /// Leaving a drawing: every reader of the sessions hears of the strokes drawn in `id`
    /// (they were told only to that visit's readers), and its log is saved in full.
    pub fn finish_drawing(&self, id: &SessionId) {
        let untold = self
            .strokes
            .untold
            .try_update_value(|untold| untold.remove(id))
            .unwrap_or(false);
        if untold {
            self.sessions.update(|_| {});
        }
        self.save_ink_in_full(Some(id));
    }

    /// Saves in full every session that has strokes in its log (`id` only, when given): on
    /// leaving a drawing, and at a lock, so the log stays short.
    pub fn save_ink_in_full(&self, id: Option<&SessionId>) {
        let logged: Vec<SessionId> = self.sessions.with_untracked(|all| {
            all.iter()
                .map(|s| s.id)
                .filter(|s| id.is_none_or(|id| id == s) && store::has_ink_log(s))
                .collect()
        });
        if logged.is_empty() {
            return;
        }
        for session in &logged {
            self.mark_unsaved(session);
        }
        self.save_now();
    }

    pub fn add_session(&self, session: Session) {
        self.add_sessions(vec![session]);
    }

    /// Adds sessions (a new one, or those restored from a backup) and saves them.
    pub fn add_sessions(&self, sessions: Vec<Session>) {
        for session in &sessions {
            self.mark_unsaved(&session.id);
        }
        self.sessions.update(|all| all.extend(sessions));
        // Sessions of a child this tablet has no record of (restored from a backup) get
        // one, as the migration makes them.
        self.make_missing_children();
        self.save_now();
    }

    pub fn delete_session(&self, id: &SessionId) {
        self.sessions.update(|all| all.retain(|s| &s.id != id));
        self.unreadable.update(|all| all.retain(|s| &s.id != id));
        self.saving.unsaved.update_value(|unsaved| {
            unsaved.remove(id);
        });
        self.saving.strokes_only.update_value(|strokes| {
            strokes.remove(id);
        });
        self.saving.undeleted.update_value(|undeleted| {
            undeleted.insert(*id);
        });
        self.save_now();
    }

    /// A text the worker set once in Settings: the agency (for the full record's header),
    /// their name (for every new session), the agency's phone (for the parents' leaflet).
    pub fn text_setting(&self, setting: TextSetting) -> String {
        store::text_setting(setting)
    }

    /// Sets a text of Settings; kept sealed in the index, so only with the key.
    pub fn set_text_setting(&self, setting: TextSetting, text: &str) {
        let Some(key) = self.keys.key() else {
            return;
        };
        if let Err(problem) = store::set_text_setting(setting, text, &key) {
            self.save_problem.set(Some(problem));
        }
    }

    /// Writes every unsaved change now. What storage refuses stays marked and is retried.
    pub fn save_now(&self) {
        if let Some(handle) = self.saving.pending_save.get_value() {
            handle.clear();
            self.saving.pending_save.set_value(None);
        }
        // While another tab works with the sessions this one writes nothing.
        if matches!(self.gate.get_untracked(), Gate::OtherTab | Gate::Claiming) {
            return;
        }
        // Writes sealed before a lock need no key: they are tried again behind the lock
        // screen. Without the key nothing new can be sealed; changes wait for the unlock.
        let Some(key) = self.keys.key() else {
            store::flush();
            return;
        };
        let mut problem = None;
        for id in self.saving.undeleted.get_value() {
            match store::delete_session(&id, &key) {
                Ok(()) => self.saving.undeleted.update_value(|undeleted| {
                    undeleted.remove(&id);
                }),
                Err(error) => problem = Some(error),
            }
        }
        for id in self.saving.unsaved.get_value() {
            let revision = self
                .saving
                .revisions
                .with_value(|revisions| revisions.get(&id).copied().unwrap_or(0));
            if self.log_strokes(&id, revision, &key) {
                continue;
            }
            let outcome = self.sessions.with_untracked(|all| {
                all.iter()
                    .find(|s| s.id == id)
                    .map(|session| store::save_session(session, &key, revision))
            });
            match outcome {
                Some(Err(error)) => problem = Some(error),
                Some(Ok(next)) => {
                    self.saving.revisions.update_value(|revisions| {
                        revisions.insert(id, next);
                    });
                    self.saving.unsaved.update_value(|unsaved| {
                        unsaved.remove(&id);
                    });
                }
                None => self.saving.unsaved.update_value(|unsaved| {
                    unsaved.remove(&id);
                }),
            }
        }
        if let Some(error) = &problem {
            web_sys::console::warn_1(&format!("Hear Me could not save yet: {error:?}").into());
        }
        self.saving.refused.set_value(problem);
        // Writes refused before are tried again.
        store::flush();
        self.show_save_problem();
    }

    /// Saves the session's finished strokes as log records, when they are its only
    /// changes; true when all were handed to storage. Otherwise (the log is full, a logged
    /// stroke did not land, storage refused) the session stays unsaved for a full save.
    fn log_strokes(&self, id: &SessionId, revision: u64, key: &VaultKey) -> bool {
        let Some(strokes) = self
            .saving
            .strokes_only
            .try_update_value(|strokes| strokes.remove(id))
            .flatten()
        else {
            return false;
        };
        for ink in &strokes {
            if store::log_stroke(id, revision, ink, key) != Ok(true) {
                return false;
            }
        }
        self.saving.unsaved.update_value(|unsaved| {
            unsaved.remove(id);
        });
        true
    }

    /// Shows why saving does not go through: storage refused a change outright, or a write
    /// did not land (storage full, another tab's change); nothing when all is saved.
    pub fn show_save_problem(&self) {
        // A logged stroke that did not land: the session is saved in full.
        let unlogged: Vec<SessionId> = store::visits_to_save_in_full()
            .into_iter()
            .filter(|id| {
                !self
                    .saving
                    .unsaved
                    .with_value(|unsaved| unsaved.contains(id))
            })
            .filter(|id| self.with_session_untracked(id, |_| ()).is_some())
            .collect();
        if !unlogged.is_empty() {
            for id in &unlogged {
                self.mark_unsaved(id);
            }
            self.save_soon();
        }
        let problem = self
            .saving
            .refused
            .get_value()
            .or_else(store::write_problem);
        if self.save_problem.get_untracked() != problem {
            self.save_problem.set(problem);
        }
    }

    /// Everything not yet landed goes into the journal, synchronously: the page is being
    /// hidden or closed, and a write still running may never finish.
    pub fn keep_unwritten(&self) {
        // Only the tab that holds the sessions keeps a journal: one that gave them to
        // another tab would replace that tab's journal with its own older one.
        if !platform::one_tab::holds_claim() {
            return;
        }
        self.save_now();
        store::keep_unwritten();
    }

    /// Writes unsaved changes after a short pause, so typing is not slowed by storage.
    /// Saves once the screen has shown the change: a drawing edit is painted first, then it
    /// is sealed and written (a finished stroke as a small record of its own, anything else
    /// with the whole session), so saving never delays the ink.
    pub fn save_after_paint(&self) {
        let state = *self;
        request_animation_frame(move || {
            set_timeout(move || state.save_now(), Duration::ZERO);
        });
    }

    pub fn save_soon(&self) {
        if self.saving.pending_save.get_value().is_some() {
            return;
        }
        let state = *self;
        let handle = set_timeout_with_handle(
            move || {
                state.saving.pending_save.set_value(None);
                state.save_now();
            },
            WORDS_SAVE_DELAY,
        )
        .ok();
        self.saving.pending_save.set_value(handle);
    }

    pub fn has_unsaved(&self) -> bool {
        !self.saving.unsaved.with_value(BTreeSet::is_empty)
            || !self.saving.undeleted.with_value(BTreeSet::is_empty)
    }

    /// Shows the sessions storage gave at unlock. Changes storage refused before the lock
    /// are newer than what storage holds and replace it (see [`merge_kept_sessions`]); they
    /// are opened with the key now, and saved with the next save.
    pub(super) fn show_loaded_sessions(&self, mut loaded: store::Loaded, key: &VaultKey) {
        let mut kept = Vec::new();
        let mut kept_revisions = self.saving.revisions.get_value();
        let mut still_sealed = Vec::new();
        for sealed in self.saving.sealed_at_lock.get_value() {
            match sealed.open(key) {
                Ok((session, revision)) => {
                    kept_revisions.insert(session.id, revision);
                    kept.push(session);
                }
                // Another key (the passphrase changed elsewhere): kept sealed, never dropped.
                Err(_) => {
                    web_sys::console::warn_1(
                        &format!(
                            "Hear Me: an unsaved change of {} waits for its key",
                            sealed.id
                        )
                        .into(),
                    );
                    still_sealed.push(sealed);
                }
            }
        }
        self.saving.sealed_at_lock.set_value(still_sealed);
        self.saving.strokes_only.set_value(HashMap::new());
        self.saving.unsaved.update_value(|unsaved| {
            unsaved.extend(kept.iter().map(|s| s.id));
        });
        merge_kept_sessions(
            &mut loaded.sessions,
            &mut loaded.revisions,
            kept,
            &kept_revisions,
        );
        self.saving.revisions.set_value(loaded.revisions);
        let place = self.screen.get_untracked().existing_in(&loaded.sessions);
        self.children.set(std::mem::take(&mut loaded.children));
        self.sessions.set(loaded.sessions);
        self.unreadable.set(loaded.unreadable);
        self.rolled_back.set(loaded.rolled_back);
        self.save_problem.set(loaded.problem);
        // Changes kept from before the lock may hold a visit of a child not stored yet.
        self.make_missing_children();
        self.screen.set(place);
    }

    /// Drops every decrypted session from memory at a lock. Those storage refused are sealed
    /// with `key` first and wait, sealed, for the next unlock: locked, no child's words or
    /// name stay readable, whatever storage does.
    pub(super) fn forget_sessions_at_lock(&self, key: &VaultKey) {
        let unsaved = self.saving.unsaved.get_value();
        let revisions = self.saving.revisions.get_value();
        let sealed: Vec<SealedUnsaved> = self.sessions.with_untracked(|all| {
            all.iter()
                .filter(|s| unsaved.contains(&s.id))
                .map(|s| {
                    let revision = revisions.get(&s.id).copied().unwrap_or(0);
                    SealedUnsaved::seal(s, revision, key, platform::random_bytes())
                })
                .collect()
        });
        self.saving.sealed_at_lock.update_value(|kept| {
            // After any sealed at an earlier lock and not opened since: the newest wins.
            kept.extend(sealed);
        });
        self.saving.unsaved.set_value(BTreeSet::new());
        self.saving.strokes_only.set_value(HashMap::new());
        self.sessions.set(Vec::new());
        self.children.set(Vec::new());
        self.unreadable.set(Vec::new());
        self.rolled_back.set(Vec::new());
    }

    /// Forgets every session and what was to be written: the device was wiped.
    pub(super) fn forget_all_sessions(&self) {
        self.saving.unsaved.set_value(BTreeSet::new());
        self.saving.strokes_only.set_value(HashMap::new());
        self.saving.undeleted.set_value(BTreeSet::new());
        self.saving.revisions.set_value(HashMap::new());
        self.saving.sealed_at_lock.set_value(Vec::new());
        self.saving.refused.set_value(None);
        self.sessions.set(Vec::new());
        self.children.set(Vec::new());
        self.unreadable.set(Vec::new());
        self.rolled_back.set(Vec::new());
        self.save_problem.set(None);
    }
}
