//! The conversation around the child's words: when it began and ended, who was there and
//! where, its language and interpreter, how the parents were prepared, which version of the
//! tools suits the child's age, the child's pace (stops, breaks, "I don't want to say"), the
//! order the child went through the questions, what happens next, the family's response, and
//! the amendments made after the end. The setters are on [`Session`](super::Session); the
//! types live here.
//!
//! Once the worker finishes a session, the child's part is closed: the child's words and
//! drawings, their own names for the houses, the helper, captions, what the worker asked,
//! take-outs, put-backs, read-back marks, passes, stops, breaks, visits and what the child
//! wants to happen next no longer change through the ordinary setters (they return "nothing
//! changed"). A correction is an [`Amendment`], with its time and a reason, shown in the full
//! record beside what it replaced. What is the worker's own stays editable after the end: the
//! details of the conversation (times, place, people, language, interpreter, the parents'
//! preparation), the reflection, "what I told the child will happen next", the family's and
//! network's responses, the summary choices, the sharing decisions, holds and passings-on,
//! hidden audiences, the exports log, and deleting an entry for good. None of these is the
//! child's words, and the worker often records them after the child has gone.

use serde::{Deserialize, Serialize};

use super::entry::{EntryId, Words};
use super::question::Question;
use super::sharing::is_iso_date;
use super::tool::Tool;

/// Where a person was while the child spoke: whether a parent was in the room changes how
/// everything the child said is weighed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Whereabouts {
    #[default]
    InTheRoom,
    /// Within hearing or reach, not in the room (the next room, the garden).
    Nearby,
    /// Named, but not there (the worker notes a parent was kept away on purpose).
    NotThere,
}

/// One person at the conversation, as the worker typed them: a name ("Ms Kaya", "Mum"), the
/// role they had there ("teacher", "interpreter"), and where they were.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPresent {
    pub who: String,
    /// Their role, as typed; empty when none was given (and then not written, so a record
    /// from before reads and writes back as it was).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default)]
    pub whereabouts: Whereabouts,
}

/// The interpreter, if there was one: the child's words reached the record through them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interpreter {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// Who told the parents about the conversation, and on which day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Informed {
    pub by: String,
    /// `YYYY-MM-DD`, or empty when the day is not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub on: String,
}

/// The parents' consent to the conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Given,
    Refused,
    /// Not asked for, and why (a §8a enquiry, a parent who is the danger).
    NotSought {
        reason: String,
    },
}

/// How the parents were prepared: the first thing a reviewer or a judge checks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentsPrepared {
    /// None: not recorded (not "not informed").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informed: Option<Informed>,
    /// None: not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
}

impl ParentsPrepared {
    pub fn is_empty(&self) -> bool {
        self.informed.is_none() && self.consent.is_none()
    }
}

/// The facts of the conversation the worker records before (and corrects after): stored as
/// the session's `details`, written only when something is in it, so older records stay
/// as they were.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationDetails {
    /// When the conversation began, as the worker corrected it; None: when the session was
    /// started (its `created_at`), see [`Session::start_time`](super::Session::start_time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<u64>,
    /// When it ended, as the worker corrected it; None: when the worker finished it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<u64>,
    /// Who was there, their role and where, in the order typed: what every summary prints for
    /// "Who was there". The older free-text `present` of records from before stays beside it
    /// (see `Summary::present`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonPresent>,
    /// The language spoken, as the worker typed it, when it is not simply the child's
    /// language chosen for the screens (`Session::child_language`): one the app has no texts
    /// for ("Luxembourgish"), or a second one. Records from before the child's language could
    /// be chosen held the conversation's language here, and keep it; the record prints both
    /// (see `Session::languages_spoken`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<Interpreter>,
    #[serde(default, skip_serializing_if = "ParentsPrepared::is_empty")]
    pub parents: ParentsPrepared,
    /// The agency's reference for this case, as typed ("KJ-2026-0142"): in the header of the
    /// worker's full record, for the case file and the court's; never in an audience's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub case_reference: String,
}

impl ConversationDetails {
    pub fn is_empty(&self) -> bool {
        *self == ConversationDetails::default()
    }
}

/// Why the parents' preparation could not be recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreparedError {
    /// Who informed them is blank.
    WhoMissing,
    /// The day is neither empty nor `YYYY-MM-DD`.
    DateInvalid,
    /// "Not sought" needs its reason.
    ReasonMissing,
}

impl Informed {
    /// Who informed the parents (trimmed, as a label) and on which day (`YYYY-MM-DD` or
    /// empty when not known).
    pub fn new(by: &str, on: &str) -> Result<Informed, PreparedError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(PreparedError::WhoMissing);
        }
        if !on.is_empty() && !is_iso_date(on) {
            return Err(PreparedError::DateInvalid);
        }
        Ok(Informed {
            by: by.to_owned(),
            on: on.to_owned(),
        })
    }
}

impl Consent {
    /// Consent not sought, with its reason as typed; a blank reason is refused.
    pub fn not_sought(reason: &str) -> Result<Consent, PreparedError> {
        if reason.trim().is_empty() {
            return Err(PreparedError::ReasonMissing);
        }
        Ok(Consent::NotSought {
            reason: reason.to_owned(),
        })
    }
}

/// Which version of the child's pages and prompts: the same prompt does not suit a
/// 5-year-old and a 15-year-old.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeVersion {
    /// About 4 to 8: short, concrete, read aloud.
    Younger,
    /// About 9 to 16: more open, and about what should happen next.
    Older,
}

impl AgeVersion {
    /// The first age of the older version.
    pub const OLDER_FROM: u8 = 9;

    /// The version for a child of `age`; an unknown age gets the younger one, whose plainer
    /// words do no harm to an older child, while the older ones would lose a young one.
    pub fn for_age(age: Option<u8>) -> AgeVersion {
        match age {
            Some(age) if age >= AgeVersion::OLDER_FROM => AgeVersion::Older,
            _ => AgeVersion::Younger,
        }
    }
}

/// Something in the child's pace, logged with its time: a child's stop, break or pass is
/// part of what they said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaceEvent {
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub what: Pace,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    /// The child (or the worker, seeing the child had enough) stopped.
    Stop,
    /// A break, and when it ended; None while it goes on.
    Break { ended_at_ms: Option<u64> },
    /// "I don't want to say" for one question in one tool. It stays in the log even when the
    /// child adds something to that question later.
    Pass { tool: Tool, question: Question },
}

/// The child opened a question in a tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub tool: Tool,
    pub question: Question,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
}

/// What an amendment changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amended {
    /// The text of a words entry.
    Words { question: Question, entry: EntryId },
    /// The child's caption of a drawing.
    Caption { question: Question, entry: EntryId },
    /// What the worker asked before an entry.
    WorkerQuestion { question: Question, entry: EntryId },
    /// What the child wants to happen next.
    ChildWantsNext,
}

/// A change made after the session was finished, kept beside what it replaced: a record
/// read in court must show what was changed, when and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub what: Amended,
    /// The text before, exactly; empty when there was none.
    pub before: String,
    /// The text after, exactly; empty when it was removed.
    pub after: String,
    /// Why, as the worker typed it.
    pub why: String,
}

/// Why an amendment was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmendError {
    /// The session is not finished: change the entry directly.
    NotFinished,
    /// An amendment needs a reason.
    ReasonMissing,
    /// No such entry, or not of that kind (a caption needs a drawing).
    NotThere,
    /// The new text is the same as the old.
    Unchanged,
}

/// What happens next: the bridge to "What needs to happen?" and to the next visit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextSteps {
    /// "What {name} wants to happen next": the child's words, exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_wants: Option<Words>,
    /// "What I told {name} will happen next": the worker's words, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub worker_told: String,
}

impl NextSteps {
    pub fn is_empty(&self) -> bool {
        self.child_wants.is_none() && self.worker_told.is_empty()
    }
}

/// What someone in the family or the network said when they were shown the houses ("When
/// Mum saw the House of Worries, she said …"): in the full record only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkResponse {
    /// Who responded, as typed ("Mum", "Oma").
    pub who: String,
    /// What they said, as typed.
    pub text: String,
    /// Milliseconds since the Unix epoch: when it was recorded.
    pub at_ms: u64,
}

/// The first line of "Before we start": who the worker is. With a name, `named` filled with
/// it (`isolate` keeps it in its own direction); without one, `unnamed`, which says only what
/// the worker's job is: never "I'm . My job is…" with a gap where the name should be.
pub fn worker_introduction(
    worker: &str,
    named: &str,
    unnamed: &str,
    isolate: impl Fn(&str) -> String,
) -> String {
    match worker.trim() {
        "" => unnamed.to_owned(),
        name => super::translation::fill(named, &[("worker", &isolate(name))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_age_version_follows_the_age_and_an_unknown_age_is_younger() {
        for (age, version) in [
            (Some(4), AgeVersion::Younger),
            (Some(8), AgeVersion::Younger),
            (Some(9), AgeVersion::Older),
            (Some(16), AgeVersion::Older),
            (None, AgeVersion::Younger),
        ] {
            assert_eq!(AgeVersion::for_age(age), version, "{age:?}");
        }
    }

    #[test]
    fn the_parents_preparation_needs_who_a_real_day_and_a_reason_not_to_ask() {
        assert_eq!(Informed::new(" ", ""), Err(PreparedError::WhoMissing));
        assert_eq!(
            Informed::new("Sam", "30.11.2026"),
            Err(PreparedError::DateInvalid)
        );
        assert_eq!(
            Informed::new(" Sam ", "2026-11-30").unwrap(),
            Informed {
                by: "Sam".into(),
                on: "2026-11-30".into()
            }
        );
        assert!(Informed::new("Sam", "").is_ok());
        assert_eq!(Consent::not_sought("  "), Err(PreparedError::ReasonMissing));
        assert!(Consent::not_sought("§8a enquiry").is_ok());
    }

    #[test]
    fn empty_details_and_next_steps_are_not_written() {
        assert_eq!(
            serde_json::to_string(&ConversationDetails::default()).unwrap(),
            "{}"
        );
        assert!(NextSteps::default().is_empty());
        let consent = serde_json::to_string(&Consent::not_sought("x").unwrap()).unwrap();
        assert_eq!(consent, r#"{"not_sought":{"reason":"x"}}"#);
    }
}
