//! The app's state and the four machines that change it, each in its own module:
//! [`sessions`] (changes in memory, written behind the app), [`lock`] (set-up, unlock, the
//! auto-lock, the vault, one tab at a time), [`child_mode`] (the child holds the tablet; the
//! worker's PIN gets out) and [`navigation`] (which screen shows). The screens read the
//! signals here and call the machines' methods; nothing here knows a screen.

pub mod child_mode;
pub mod children;
pub mod lock;
pub mod navigation;
pub mod retention;
pub mod sessions;

use leptos::prelude::*;

use crate::core::lock_rules::PinTries;
use crate::core::{ChildMode, EntryId, Screen, Session, SessionId};
use crate::platform;
use crate::store::vault::VaultRecord;
use crate::store::{self, StoreError, UnreadableSession};

pub use child_mode::PinRequest;
pub use lock::Gate;
pub use sessions::SavePolicy;

/// Everything the screens share. Cheap to copy: it only holds signal handles. The signals
/// are what screens read; each machine's own bookkeeping is a part private to its module.
#[derive(Clone, Copy)]
pub struct AppState {
    pub sessions: RwSignal<Vec<Session>>,
    /// The children the sessions belong to (see [`children`]).
    pub children: RwSignal<Vec<crate::core::ChildRecord>>,
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
    pub gate: RwSignal<Gate>,
    /// The vault record: key parameters, failed unlocks, the auto-lock time.
    pub vault: RwSignal<Option<VaultRecord>>,
    /// The child holds the tablet inside one tool; leaving it needs the worker's PIN.
    pub child_mode: RwSignal<Option<ChildMode>>,
    /// Where someone tried to go from child mode (or back from quick hide): the PIN dialog
    /// is open while this is set.
    pub pin_asked_for: RwSignal<Option<PinRequest>>,
    /// Quick hide: a neutral screen covers everything until the worker's PIN.
    pub quick_hidden: RwSignal<bool>,
    /// A new version of Hear Me has been downloaded and waits for the worker.
    pub update_ready: RwSignal<bool>,
    saving: sessions::Saving,
    /// Strokes are told only to the readers of their visit (see [`AppState::with_session`]).
    strokes: sessions::StrokeSignals,
    keys: lock::Keys,
    pin_tries: StoredValue<PinTries>,
}

impl AppState {
    pub fn new(screen: Screen) -> AppState {
        AppState {
            sessions: RwSignal::new(Vec::new()),
            children: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            rolled_back: RwSignal::new(Vec::new()),
            screen: RwSignal::new(screen),
            just_added: RwSignal::new(None),
            save_problem: RwSignal::new(None),
            gate: RwSignal::new(Gate::Claiming),
            vault: RwSignal::new(None),
            child_mode: RwSignal::new(None),
            pin_asked_for: RwSignal::new(None),
            quick_hidden: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            saving: sessions::Saving::new(),
            strokes: sessions::StrokeSignals::new(),
            keys: lock::Keys::new(platform::now_ms()),
            pin_tries: StoredValue::new(PinTries::default()),
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
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
