//! Child mode: the child holds the tablet inside one tool, and every way out (another
//! screen, the browser's back, quick hide) waits for the worker's PIN.

use leptos::prelude::*;

use super::{AppState, Gate};
use crate::core::lock_rules::PinAnswer;
use crate::core::{ChildMode, Screen, Session, SessionId, Tool};
use crate::platform;
use crate::store;

/// What the worker's PIN is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum PinRequest {
    /// To leave child mode for this place.
    Leave(Screen),
    /// To come back from the quick-hide screen.
    Unhide,
}

impl AppState {
    /// Whether the tablet can be handed to the child in `session`: only with a worker PIN to
    /// get out, which needs storage, and not after the conversation is finished.
    pub fn can_hand_to_child(&self, session: &SessionId) -> bool {
        let finished = self
            .with_session(session, Session::is_finished)
            .unwrap_or(false);
        ChildMode::may_hand_over(self.gate.get() == Gate::Open, finished)
    }

    /// Hands the tablet to the child inside `tool` of `session`. The browser's back button
    /// (or a back swipe) must not leave Hear Me for whatever page came before, so child mode
    /// keeps a history entry of its own: going back lands on it and asks for the PIN.
    pub fn hand_to_child(&self, session: SessionId, tool: Tool) {
        if !untrack(|| self.can_hand_to_child(&session)) {
            return;
        }
        platform::push_history_entry();
        self.child_mode.set(Some(ChildMode { session, tool }));
    }

    /// The worker's setting "Open tools in child mode": on unless turned off in Settings.
    pub fn tools_open_in_child_mode(&self) -> bool {
        store::tools_open_in_child_mode()
    }

    /// Turns "Open tools in child mode" on or off; kept sealed in the index, so only with
    /// the key.
    pub fn set_tools_open_in_child_mode(&self, on: bool) {
        let Some(key) = self.keys.key() else {
            return;
        };
        if let Err(problem) = store::set_tools_open_in_child_mode(on, &key) {
            self.save_problem.set(Some(problem));
        }
    }

    /// Opens a tool of a session from the session screen: in the child's hands unless the
    /// worker turned that off, there is no PIN to take it back, or the conversation is over.
    pub fn open_tool(&self, session: SessionId, tool: Tool) {
        self.go(Screen::Tool { session, tool });
        let finished = self
            .with_session_untracked(&session, Session::is_finished)
            .unwrap_or(false);
        let pin = self.gate.get_untracked() == Gate::Open;
        if ChildMode::on_opening_a_tool(self.tools_open_in_child_mode(), pin, finished) {
            self.hand_to_child(session, tool);
        }
    }

    /// The browser went back. In child mode that is the child trying to leave: stay, keep a
    /// history entry again, and ask for the worker PIN as any way out does.
    pub fn went_back(&self) {
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

    /// Answers the PIN dialog. A right PIN does what was asked; after [`PIN_TRIES`](crate::core::lock_rules::PIN_TRIES) wrong ones
    /// the app locks, and only the passphrase opens it again. Returns whether it was right.
    pub fn answer_pin(&self, pin: &str) -> bool {
        let Some(request) = self.pin_asked_for.get_untracked() else {
            return false;
        };
        // Without storage there is no vault and no PIN: nothing to protect with one.
        let right = self.gate.get_untracked() == Gate::NoStorage || self.pin_matches(pin);
        let mut tries = self.pin_tries.get_value();
        let answer = tries.answer(right);
        self.pin_tries.set_value(tries);
        match answer {
            PinAnswer::Right => {}
            PinAnswer::TryAgain => return false,
            PinAnswer::LockNow => {
                self.pin_asked_for.set(None);
                self.lock();
                return false;
            }
        }
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
}
