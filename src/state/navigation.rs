//! Which screen shows. In child mode a screen outside the child's tool waits for the
//! worker's PIN instead.

use leptos::prelude::*;

use super::{AppState, PinRequest, SavePolicy};
use crate::core::{EntryId, Question, Screen, SessionId, Tool};

impl AppState {
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
                self.edit(session, SavePolicy::Now, |s, now| {
                    s.delete_entry(question, entry, now)
                });
            }
            (true, false) => self.just_added.set(Some(entry)),
            _ => {}
        }
        self.save_now();
        self.go(Screen::Question {
            session: *session,
            tool,
            question,
        });
    }
}
