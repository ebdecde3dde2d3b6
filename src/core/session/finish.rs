//! The end of the conversation and after: finishing, the amendments that are from then on
//! the one way the child's part changes (each keeping the text before, the time and the
//! reason), what happens next, and the family's and network's responses. The types and the
//! rule of what the end locks are in `core::conversation`.

use crate::core::conversation::{AmendError, Amended, Amendment, NetworkResponse, NextSteps};
use crate::core::entry::{EntryContent, EntryId, Voice, Words};
use crate::core::question::Question;

use super::{replace_if_different, Session};

impl Session {
    /// Whether the worker finished the session: the child's part then changes only by
    /// amendment.
    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// When the worker finished the session.
    pub fn finished_at(&self) -> Option<u64> {
        self.finished_at
    }

    /// Finishes the session: the end time is now (unless the worker set one), a break still
    /// going on ends, and from now on the child's part changes only by amendment. Returns
    /// false when it was already finished.
    pub fn finish(&mut self, now_ms: u64) -> bool {
        if self.is_finished() {
            return false;
        }
        self.end_break(now_ms);
        self.finished_at = Some(now_ms);
        self.touch(now_ms);
        true
    }

    /// Every change made to the child's part after the end, oldest first.
    pub fn amendments(&self) -> &[Amendment] {
        &self.amendments
    }

    /// After the end, changes the text of a words entry and records the change with its time
    /// and reason; who said and who wrote stay as they were.
    pub fn amend_words(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        let what = Amended::Words {
            question,
            entry: id,
        };
        self.amend(what, text, why, now_ms, |session| {
            session
                .entry_mut(question, id)
                .and_then(|entry| match &mut entry.content {
                    EntryContent::Words(words) => Some(&mut words.text),
                    _ => None,
                })
                .map(Slot::Text)
        })
    }

    /// After the end, changes (or adds, or with blank text removes) the child's caption of a
    /// drawing, and records the change. A new caption is "child said, worker wrote".
    pub fn amend_caption(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        let what = Amended::Caption {
            question,
            entry: id,
        };
        self.amend(what, text, why, now_ms, |session| {
            session
                .entry_mut(question, id)
                .filter(|entry| entry.drawing().is_some())
                .map(|entry| Slot::Words(&mut entry.caption))
        })
    }

    /// After the end, changes what the worker asked before an entry, and records the change.
    pub fn amend_worker_question(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        let what = Amended::WorkerQuestion {
            question,
            entry: id,
        };
        self.amend(what, text, why, now_ms, |session| {
            session
                .entry_mut(question, id)
                .map(|entry| Slot::Asked(&mut entry.worker_question))
        })
    }

    /// After the end, changes (or adds) what the child wants to happen next, and records the
    /// change.
    pub fn amend_child_wants_next(
        &mut self,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        self.amend(Amended::ChildWantsNext, text, why, now_ms, |session| {
            Some(Slot::Words(&mut session.next_steps.child_wants))
        })
    }

    /// The one way the child's part changes after the end: the new text replaces the old,
    /// and an amendment keeps both with the time and the reason.
    fn amend(
        &mut self,
        what: Amended,
        text: &str,
        why: &str,
        now_ms: u64,
        slot: impl FnOnce(&mut Session) -> Option<Slot<'_>>,
    ) -> Result<(), AmendError> {
        if !self.is_finished() {
            return Err(AmendError::NotFinished);
        }
        if why.trim().is_empty() {
            return Err(AmendError::ReasonMissing);
        }
        let slot = slot(self).ok_or(AmendError::NotThere)?;
        let (before, after) = slot.replace(text).ok_or(AmendError::Unchanged)?;
        self.amendments.push(Amendment {
            at_ms: now_ms,
            what,
            before,
            after,
            why: why.to_owned(),
        });
        self.touch(now_ms);
        Ok(())
    }

    /// What happens next, as recorded.
    pub fn next_steps(&self) -> &NextSteps {
        &self.next_steps
    }

    /// What the child wants to happen next, exactly as given; None or blank removes it.
    /// False when nothing changed or the session is finished (then see
    /// [`Session::amend_child_wants_next`]).
    pub fn set_child_wants_next(&mut self, words: Option<Words>, now_ms: u64) -> bool {
        let words = words.filter(|words| !words.text.trim().is_empty());
        if self.is_finished() || self.next_steps.child_wants == words {
            return false;
        }
        self.next_steps.child_wants = words;
        self.touch(now_ms);
        true
    }

    /// What the worker told the child will happen next, as typed; the worker's words, so it
    /// stays editable after the end.
    pub fn set_worker_told(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.next_steps.worker_told, text) {
            self.touch(now_ms);
        }
    }

    /// The family's and network's responses, oldest first.
    pub fn network_responses(&self) -> &[NetworkResponse] {
        &self.network_responses
    }

    /// Records what someone said when shown the houses (who trimmed, as a label; what they
    /// said as typed). False for blank words.
    pub fn add_network_response(&mut self, who: &str, text: &str, now_ms: u64) -> bool {
        if text.trim().is_empty() {
            return false;
        }
        self.network_responses.push(NetworkResponse {
            who: who.trim().to_owned(),
            text: text.to_owned(),
            at_ms: now_ms,
        });
        self.touch(now_ms);
        true
    }

    /// Corrects response number `index`; its time stays. False when there is none, the words
    /// are blank, or nothing changed.
    pub fn set_network_response(
        &mut self,
        index: usize,
        who: &str,
        text: &str,
        now_ms: u64,
    ) -> bool {
        let Some(response) = self.network_responses.get_mut(index) else {
            return false;
        };
        let who = who.trim();
        if text.trim().is_empty() || (response.who == who && response.text == text) {
            return false;
        }
        who.clone_into(&mut response.who);
        text.clone_into(&mut response.text);
        self.touch(now_ms);
        true
    }

    /// Removes response number `index`. False when there is none.
    pub fn remove_network_response(&mut self, index: usize, now_ms: u64) -> bool {
        if index >= self.network_responses.len() {
            return false;
        }
        self.network_responses.remove(index);
        self.touch(now_ms);
        true
    }
}

/// Where an amendment writes its text.
enum Slot<'a> {
    /// A words entry's text.
    Text(&'a mut String),
    /// Words that may be absent (a caption, what the child wants next): blank removes them,
    /// and new ones are "child said, worker wrote".
    Words(&'a mut Option<Words>),
    /// What the worker asked: blank removes it.
    Asked(&'a mut Option<String>),
}

impl Slot<'_> {
    /// Writes `text`; gives the text before and after (empty when absent), or None when
    /// nothing changed.
    fn replace(self, text: &str) -> Option<(String, String)> {
        let blank = text.trim().is_empty();
        let after = if blank { "" } else { text };
        let before = match self {
            Slot::Text(old) => {
                return (old != text)
                    .then(|| (std::mem::replace(old, text.to_owned()), text.to_owned()))
            }
            Slot::Words(old) => {
                let before = old.as_ref().map(|words| words.text.clone());
                let after = (!blank).then(|| text.to_owned());
                if before == after {
                    return None;
                }
                match (old.as_mut(), after) {
                    (Some(words), Some(after)) => words.text = after,
                    (_, None) => *old = None,
                    (None, Some(after)) => {
                        *old = Some(Words {
                            text: after,
                            voice: Voice::default(),
                        })
                    }
                }
                before.unwrap_or_default()
            }
            Slot::Asked(old) => {
                let after = (!blank).then(|| text.to_owned());
                if *old == after {
                    return None;
                }
                std::mem::replace(old, after).unwrap_or_default()
            }
        };
        Some((before, after.to_owned()))
    }
}
