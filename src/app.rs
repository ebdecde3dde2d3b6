//! The shell: loads what the device holds, provides the app state, and shows the screen the
//! worker is on. State flows one way: an event changes a session here, the store persists
//! it, and the screens re-render from the session.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::{EntryId, Place, Question, Session, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::store::{self, DeviceState, StoreError, UnreadableSession};
use crate::ui;

/// How long typing may pause before the words are written to storage.
const WORDS_SAVE_DELAY: Duration = Duration::from_millis(400);
/// How often unsaved changes are retried while storage refuses them.
const RETRY_EVERY: Duration = Duration::from_secs(2);

/// Everything the screens share. Cheap to copy: it only holds signal handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub sessions: RwSignal<Vec<Session>>,
    pub unreadable: RwSignal<Vec<UnreadableSession>>,
    pub place: RwSignal<Place>,
    /// An entry the child has just added and finished, for a screen that celebrates it (the
    /// wand's sparkle); whoever shows it clears it.
    pub just_added: RwSignal<Option<EntryId>>,
    /// Why the newest changes are not saved yet; None when all is saved.
    pub save_problem: RwSignal<Option<StoreError>>,
    /// Sessions changed in memory and not yet written.
    unsaved: StoredValue<BTreeSet<SessionId>>,
    /// Sessions deleted in memory whose records are not yet removed.
    undeleted: StoredValue<BTreeSet<SessionId>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    fn new(loaded: store::Loaded) -> AppState {
        let place = loaded.device.place.clone().existing_in(&loaded.sessions);
        AppState {
            sessions: RwSignal::new(loaded.sessions),
            unreadable: RwSignal::new(loaded.unreadable),
            place: RwSignal::new(place),
            just_added: RwSignal::new(None),
            save_problem: RwSignal::new(loaded.problem),
            unsaved: StoredValue::new(BTreeSet::new()),
            undeleted: StoredValue::new(BTreeSet::new()),
            pending_save: StoredValue::new(None),
        }
    }

    pub fn go(&self, place: Place) {
        self.place.set(place);
    }

    /// Reads a session without cloning it; tracks it reactively.
    pub fn with_session<R>(&self, id: &SessionId, read: impl FnOnce(&Session) -> R) -> Option<R> {
        self.sessions
            .with(|all| all.iter().find(|s| &s.id == id).map(read))
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
        let id = session.id.clone();
        self.sessions.update(|all| all.push(session));
        self.unsaved.update_value(|unsaved| {
            unsaved.insert(id);
        });
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
        let mut problem = None;
        for id in self.undeleted.get_value() {
            match store::delete_session(&id) {
                Ok(()) => self.undeleted.update_value(|undeleted| {
                    undeleted.remove(&id);
                }),
                Err(error) => problem = Some(error),
            }
        }
        for id in self.unsaved.get_value() {
            let outcome = self
                .sessions
                .with_untracked(|all| all.iter().find(|s| s.id == id).map(store::save_session));
            match outcome {
                Some(Err(error)) => problem = Some(error),
                Some(Ok(())) | None => self.unsaved.update_value(|unsaved| {
                    unsaved.remove(&id);
                }),
            }
        }
        if let Some(error) = &problem {
            web_sys::console::warn_1(&format!("Hear Me could not save yet: {error:?}").into());
        }
        if self.save_problem.get_untracked() != problem {
            self.save_problem.set(problem);
        }
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
        self.go(Place::Question {
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
    let loaded = store::load();
    let language = loaded.device.language.clone();
    let state = AppState::new(loaded);
    provide_context(state);

    // Keep retrying while storage refuses, and flush before the page goes away.
    set_interval(
        move || {
            if state.has_unsaved() {
                state.save_now();
            }
        },
        RETRY_EVERY,
    );
    let flush = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    let flush_hidden =
        window_event_listener(leptos::ev::visibilitychange, move |_| state.save_now());
    on_cleanup(move || {
        flush.remove();
        flush_hidden.remove();
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
            place: state.place.get(),
            language: i18n.get_locale().as_str().to_owned(),
        };
        if let Err(error) = store::save_device_state(&device) {
            web_sys::console::warn_1(
                &format!("Hear Me could not remember the screen: {error:?}").into(),
            );
        }
    });

    view! {
        <ui::storage_banner::StorageBanner />
        <main class="screen">
            {move || ui::screen_for(state.place.get())}
        </main>
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
