//! The conversation's details, as the worker records them: place, who was there, the
//! worker, the day and times, the languages, the case reference, the interpreter, how the
//! parents were prepared, the worker's reflection, the child's version and "Before we start".
//! The worker's words, kept exactly as typed (names trimmed, as labels).

use crate::core::conversation::{
    AgeVersion, Consent, ConversationDetails, Informed, Interpreter, PersonPresent,
};
use crate::core::sharing::is_iso_date;

use super::{replace_if_different, Session, SessionError};

impl Session {
    /// Where the conversation happened, kept exactly as typed.
    pub fn set_place(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.place, text) {
            self.touch(now_ms);
        }
    }

    /// Who was present, kept exactly as typed.
    pub fn set_present(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.present, text) {
            self.touch(now_ms);
        }
    }

    /// The language the child sees and hears the tools in; None: the worker's.
    pub fn child_language(&self) -> Option<&str> {
        self.child_language.as_deref()
    }

    /// The worker chose the child's language, on the start form or during the session.
    pub fn set_child_language(&mut self, code: &str, now_ms: u64) {
        if self.child_language.as_deref() != Some(code) {
            self.child_language = Some(code.to_owned());
            self.touch(now_ms);
        }
    }

    /// The languages of the conversation as a record names them: the child's language (in
    /// its own name) and, when the worker noted another language spoken, that one too, as
    /// typed. Empty when neither is known (a session from before either could be set).
    pub fn languages_spoken(&self) -> String {
        let childs = self
            .child_language
            .as_deref()
            .and_then(crate::core::language::own_name);
        let spoken = self.details.language.trim();
        match childs {
            Some(childs) if !spoken.is_empty() && spoken != childs => {
                format!("{childs} · {spoken}")
            }
            Some(childs) => childs.to_owned(),
            None => spoken.to_owned(),
        }
    }

    /// The worker's name for this session, as given (trimmed at the ends: a label); empty
    /// when the worker gives none. A new session starts with the name from Settings.
    pub fn set_worker(&mut self, name: &str, now_ms: u64) {
        if replace_if_different(&mut self.worker, name.trim()) {
            self.touch(now_ms);
        }
    }

    /// The day of the conversation (`YYYY-MM-DD`), for a session started on another day
    /// than it was held; anything else is refused and changes nothing.
    pub fn set_date(&mut self, date: &str, now_ms: u64) -> Result<(), SessionError> {
        if !is_iso_date(date) {
            return Err(SessionError::DateInvalid);
        }
        if replace_if_different(&mut self.date, date) {
            self.touch(now_ms);
        }
        Ok(())
    }

    /// The worker's reflection, kept exactly as typed.
    pub fn set_reflection(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.reflection, text) {
            self.touch(now_ms);
        }
    }

    /// The facts of the conversation, as recorded.
    pub fn details(&self) -> &ConversationDetails {
        &self.details
    }

    /// When the conversation began: as the worker corrected it, or when the session was
    /// started.
    pub fn start_time(&self) -> u64 {
        self.details.started_at.unwrap_or(self.created_at)
    }

    /// When the conversation ended: as the worker corrected it, or when they finished it;
    /// None while it goes on.
    pub fn end_time(&self) -> Option<u64> {
        self.details.ended_at.or(self.finished_at)
    }

    /// Corrects when the conversation began; None goes back to when the session was started.
    pub fn set_start_time(&mut self, at_ms: Option<u64>, now_ms: u64) {
        self.change_details(now_ms, |details| details.started_at = at_ms);
    }

    /// Corrects when the conversation ended; None goes back to when it was finished. The
    /// session stays finished (or not) either way.
    pub fn set_end_time(&mut self, at_ms: Option<u64>, now_ms: u64) {
        self.change_details(now_ms, |details| details.ended_at = at_ms);
    }

    /// Who was there and where, in the order given; each exactly as typed.
    pub fn set_people(&mut self, people: Vec<PersonPresent>, now_ms: u64) {
        self.change_details(now_ms, |details| details.people = people);
    }

    /// Another language spoken, as typed (see `ConversationDetails::language`).
    pub fn set_conversation_language(&mut self, language: &str, now_ms: u64) {
        self.change_details(now_ms, |details| language.clone_into(&mut details.language));
    }

    /// The agency's case reference, as typed; empty when there is none.
    pub fn set_case_reference(&mut self, reference: &str, now_ms: u64) {
        self.change_details(now_ms, |details| {
            reference.clone_into(&mut details.case_reference)
        });
    }

    /// The interpreter; None when there was none.
    pub fn set_interpreter(&mut self, interpreter: Option<Interpreter>, now_ms: u64) {
        self.change_details(now_ms, |details| details.interpreter = interpreter);
    }

    /// Who informed the parents and when; None: not recorded.
    pub fn set_parents_informed(&mut self, informed: Option<Informed>, now_ms: u64) {
        self.change_details(now_ms, |details| details.parents.informed = informed);
    }

    /// The parents' consent; None: not recorded.
    pub fn set_parents_consent(&mut self, consent: Option<Consent>, now_ms: u64) {
        self.change_details(now_ms, |details| details.parents.consent = consent);
    }

    fn change_details(&mut self, now_ms: u64, change: impl FnOnce(&mut ConversationDetails)) {
        let before = self.details.clone();
        change(&mut self.details);
        if self.details != before {
            self.touch(now_ms);
        }
    }

    /// When the worker marked the child's "Before we start" page as done.
    pub fn before_we_start_at(&self) -> Option<u64> {
        self.before_we_start_at
    }

    /// Marks the "Before we start" page as done (the first time is kept) or not done. Returns
    /// whether that changed anything; nothing changes once the session is finished.
    pub fn set_before_we_start_done(&mut self, done: bool, now_ms: u64) -> bool {
        if self.is_finished() || self.before_we_start_at.is_some() == done {
            return false;
        }
        self.before_we_start_at = done.then_some(now_ms);
        self.touch(now_ms);
        true
    }

    /// The version of the child's pages: the worker's choice, or the one for the child's age.
    pub fn age_version(&self) -> AgeVersion {
        self.age_version
            .unwrap_or_else(|| AgeVersion::for_age(self.child.age))
    }

    /// The worker's choice of version, if they made one.
    pub fn age_version_chosen(&self) -> Option<AgeVersion> {
        self.age_version
    }

    /// Chooses the child's version; None goes back to the one for the child's age.
    pub fn set_age_version(&mut self, version: Option<AgeVersion>, now_ms: u64) {
        if self.age_version != version {
            self.age_version = version;
            self.touch(now_ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::tests::{form, mia};
    use crate::core::session::SessionId;

    #[test]
    fn the_childs_language_is_kept_apart_and_only_written_once_chosen() {
        let mut session = Session::start(&form("Mia"), SessionId::new(1, 2), 0).unwrap();
        assert_eq!(session.child_language(), None);
        let before = serde_json::to_string(&session).unwrap();
        assert!(!before.contains("child_language"), "{before}");

        session.set_child_language("ar", 10);
        assert_eq!(session.child_language(), Some("ar"));
        assert_eq!(session.updated_at, 10);
        let written = serde_json::to_string(&session).unwrap();
        assert!(written.contains(r#""child_language":"ar""#), "{written}");
        let read: Session = serde_json::from_str(&written).unwrap();
        assert_eq!(read.child_language(), Some("ar"));

        // Choosing the same language again changes nothing.
        session.set_child_language("ar", 20);
        assert_eq!(session.updated_at, 10);
    }

    #[test]
    fn header_texts_are_kept_exactly_as_typed() {
        let mut session = mia();
        session.set_place("  Schule,\n Raum 2 ", 2000);
        session.set_present(" Mia, Oma und ich ", 2100);
        session.set_reflection("Mia was calm.\n\nNext: talk to Oma.  ", 2200);
        assert_eq!(session.place, "  Schule,\n Raum 2 ");
        assert_eq!(session.present, " Mia, Oma und ich ");
        assert_eq!(session.reflection, "Mia was calm.\n\nNext: talk to Oma.  ");
        assert_eq!(session.updated_at, 2200);
        session.set_place("  Schule,\n Raum 2 ", 9000);
        assert_eq!(session.updated_at, 2200, "the same text again is no change");
    }
}
