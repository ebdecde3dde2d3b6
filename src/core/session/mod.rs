//! A session: one conversation with one child on one day.
//!
//! This file holds the record itself: the `Session` and its stored shape, the start form and
//! what it refuses, and the few helpers every part uses (its id is in `core::session_id`,
//! which the records naming a session use without this module). What a session does is cut
//! by concern into the modules below, each with its own `impl Session` block, so that a rule
//! is found with the others of its kind; being inside this module, they see its private
//! fields.
//!
//! - `child`: which child the session belongs to.
//! - `tools`: the tools as the child sees them (own names of houses and helpers, the helper,
//!   the tools used).
//! - `entries`: what the child makes (adding, writing, drawing, captions, the worker's
//!   question, read-back, taking out and putting back), each change keeping what was there.
//! - `audiences`: the people the child can choose (pictured, hidden, named).
//! - `sharing`: who may see each thing: the child's decisions, the worker's holds and
//!   passings-on.
//! - `summaries`: the worker's summary choices, the copies given out and what they hold.
//! - `details`: the conversation's details (place, people, times, languages, the worker's
//!   reflection, the child's version, "Before we start").
//! - `pace`: the child's stops, breaks and passes, and the questions the child opened.
//! - `finish`: the end, amendments after it, what happens next, the network's responses.

use serde::{Deserialize, Serialize};

use super::answers::AnswersByQuestion;
use super::child::ChildId;
use super::conversation::{
    AgeVersion, Amendment, ConversationDetails, NetworkResponse, NextSteps, PaceEvent, Visit,
};
use super::entry::{Entry, EntryId};
use super::exports::Export;
use super::over_months::{
    FeedbackHeard, FeedbackToChild, LastTimeAnswer, PromiseChecked, ReactionTyped,
};
use super::question::Question;
use super::restored::Restore;
use super::sharing::{is_iso_date, Audience};
use super::summary_choices::SummaryChoices;
use super::tool::Helper;

mod audiences;
mod child;
mod details;
mod entries;
mod finish;
mod pace;
mod sharing;
mod summaries;
mod tools;

pub use super::session_id::SessionId;
pub use sharing::SharedItem;
pub use tools::QuestionInTool;

/// The child, with as little about them as the work needs: a first name or alias is enough.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Child {
    pub name: String,
    #[serde(default)]
    pub age: Option<u8>,
}

/// What the worker types to start a session, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewSession {
    pub child_name: String,
    pub age: String,
    pub worker_name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// Why a session could not be started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionError {
    NameMissing,
    AgeInvalid,
    DateInvalid,
}

/// The oldest age the form accepts; young adults leaving care are still heard.
pub const MAX_AGE: u8 = 25;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub child: Child,
    /// Empty when the worker gave no name.
    #[serde(default)]
    pub worker: String,
    /// `YYYY-MM-DD`, the day of the conversation.
    pub date: String,
    /// Where the conversation happened, as the worker typed it (not a screen: see
    /// `core::place`).
    #[serde(default)]
    pub place: String,
    /// Who was present, as the worker typed it.
    #[serde(default)]
    pub present: String,
    /// Milliseconds since the Unix epoch.
    pub created_at: u64,
    pub updated_at: u64,
    pub questions: AnswersByQuestion,
    /// The worker's reflection: observations, analysis, risk. Kept apart from the child's
    /// words, and only ever in the worker's full record, never in a summary for an audience.
    /// Stored as `worker_notes` up to schema 4, which appeared in every summary.
    #[serde(default)]
    pub reflection: String,
    /// Pictured audiences that do not apply to this child (a dad who has died): they are not
    /// offered, so the child is never asked about them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hidden_audiences: Vec<Audience>,
    /// The worker's choices for each audience's summary, for those the worker changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    summary_choices: Vec<SummaryChoices>,
    /// Every print and download of a summary, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<Export>,
    /// The magical helper the child chose for Wizards and Fairies; None until they choose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<Helper>,
    /// `YYYY-MM-DD`: the day this session came back from a backup as a second copy, beside
    /// the tablet's own different one, as restores marked it before [`Session::restores`]:
    /// kept, and shown as a restore from a backup of unknown date and version. None for
    /// every other session, and then not written, so their records stay as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_from_backup_on: Option<String>,
    /// Each time this session came onto a tablet from a backup, oldest first (a session can
    /// travel through several). Empty for a session made here, and then not written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restores: Vec<Restore>,
    /// The language the child sees and hears the tools in (a code such as `ar`), apart from
    /// the worker's. None for sessions from before it could be chosen, and then not written,
    /// so their records stay as before: the child's screens use the worker's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    child_language: Option<String>,
    /// Names the child gave for people who may see entries ("Oma"), in the order given.
    #[serde(default)]
    named_audiences: Vec<String>,
    /// The facts of the conversation: times, who was there and where, language, interpreter,
    /// how the parents were prepared. Each new field from here on is written only when it
    /// holds something, so a record from before reads and writes back as it was.
    #[serde(default, skip_serializing_if = "ConversationDetails::is_empty")]
    details: ConversationDetails,
    /// When the worker marked the child's "Before we start" page as done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before_we_start_at: Option<u64>,
    /// The worker's choice of the child's version; None: the one for the child's age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    age_version: Option<AgeVersion>,
    /// The child's stops, breaks and passes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pace: Vec<PaceEvent>,
    /// Each question the child opened, in order, without immediate repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    visits: Vec<Visit>,
    /// When the worker finished the session; from then on the child's part changes only by
    /// amendment (see `core::conversation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    finished_at: Option<u64>,
    /// Changes to the child's part after the end, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    amendments: Vec<Amendment>,
    #[serde(default, skip_serializing_if = "NextSteps::is_empty")]
    next_steps: NextSteps,
    /// The family's and network's responses to the houses, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    network_responses: Vec<NetworkResponse>,
    /// The child this visit belongs to; None for a session from before children, which is
    /// its own child (see [`Session::child_id`] in `core::child`), and then not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(in crate::core) child_id: Option<ChildId>,
    /// The child's answers to "Last time you told me…" at this visit (`core::over_months`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_time: Vec<LastTimeAnswer>,
    /// What the worker tells the child happened with this visit's entries and promises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<FeedbackToChild>,
    /// Feedback from earlier visits the child heard at this one, with their reaction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback_heard: Vec<FeedbackHeard>,
    /// The child's reactions being typed on the feedback page, not yet heard with "Next".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reactions_typed: Vec<ReactionTyped>,
    /// The worker's checks at this visit of what earlier visits promised would happen next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promises_checked: Vec<PromiseChecked>,
    /// The id the next entry gets; ids are never reused.
    next_entry: u64,
}

impl Session {
    /// Starts a session from the form. Names are trimmed at the ends (they are labels, not
    /// the child's words); the child's own words are never touched.
    pub fn start(form: &NewSession, id: SessionId, now_ms: u64) -> Result<Session, SessionError> {
        let name = form.child_name.trim();
        if name.is_empty() {
            return Err(SessionError::NameMissing);
        }
        let age = match form.age.trim() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(age) if age <= MAX_AGE => Some(age),
                _ => return Err(SessionError::AgeInvalid),
            },
        };
        if !is_iso_date(&form.date) {
            return Err(SessionError::DateInvalid);
        }
        Ok(Session {
            id,
            child: Child {
                name: name.to_owned(),
                age,
            },
            worker: form.worker_name.trim().to_owned(),
            date: form.date.clone(),
            place: String::new(),
            present: String::new(),
            created_at: now_ms,
            updated_at: now_ms,
            questions: AnswersByQuestion::default(),
            reflection: String::new(),
            hidden_audiences: Vec::new(),
            summary_choices: Vec::new(),
            exports: Vec::new(),
            helper: None,
            restored_from_backup_on: None,
            restores: Vec::new(),
            child_language: None,
            named_audiences: Vec::new(),
            details: ConversationDetails::default(),
            before_we_start_at: None,
            age_version: None,
            pace: Vec::new(),
            visits: Vec::new(),
            finished_at: None,
            amendments: Vec::new(),
            next_steps: NextSteps::default(),
            network_responses: Vec::new(),
            child_id: None,
            last_time: Vec::new(),
            feedback: Vec::new(),
            feedback_heard: Vec::new(),
            reactions_typed: Vec::new(),
            promises_checked: Vec::new(),
            next_entry: 1,
        })
    }

    pub fn entries(&self, question: Question) -> &[Entry] {
        &self.questions.answers(question).entries
    }

    pub fn entry(&self, question: Question, id: EntryId) -> Option<&Entry> {
        self.entries(question).iter().find(|entry| entry.id == id)
    }

    fn entry_mut(&mut self, question: Question, id: EntryId) -> Option<&mut Entry> {
        self.questions
            .answers_mut(question)
            .entries
            .iter_mut()
            .find(|entry| entry.id == id)
    }

    /// Whether this session came onto this tablet from a backup, at any time.
    pub fn was_restored(&self) -> bool {
        !self.restores.is_empty() || self.restored_from_backup_on.is_some()
    }

    fn touch(&mut self, now_ms: u64) {
        self.updated_at = self.updated_at.max(now_ms);
    }
}

/// Replaces `field` with `text` exactly as typed; returns whether that changed anything.
fn replace_if_different(field: &mut String, text: &str) -> bool {
    let different = field != text;
    if different {
        text.clone_into(field);
    }
    different
}

/// Sorts sessions newest first: by the conversation's date, then by when they were made.
pub fn newest_first(sessions: &mut [Session]) {
    sessions.sort_by(|a, b| (&b.date, b.created_at).cmp(&(&a.date, a.created_at)));
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn form(name: &str) -> NewSession {
        NewSession {
            child_name: name.into(),
            age: "7".into(),
            worker_name: " Sam ".into(),
            date: "2026-11-26".into(),
        }
    }

    pub(super) fn mia() -> Session {
        Session::start(&form("Mia"), SessionId::new(1, 2), 1000).unwrap()
    }

    #[test]
    fn starting_needs_a_name_and_accepts_the_rest_optional() {
        assert_eq!(
            Session::start(&form("  "), SessionId::new(1, 2), 0),
            Err(SessionError::NameMissing)
        );
        let session = Session::start(
            &NewSession {
                age: String::new(),
                worker_name: String::new(),
                ..form(" Mia ")
            },
            SessionId::new(1, 2),
            0,
        )
        .unwrap();
        assert_eq!(
            session.child,
            Child {
                name: "Mia".into(),
                age: None
            }
        );
        assert_eq!(session.worker, "");
        assert_eq!(mia().worker, "Sam");
        assert_eq!(mia().child.age, Some(7));
    }

    #[test]
    fn bad_age_or_date_is_refused() {
        let too_old = NewSession {
            age: "99".into(),
            ..form("Mia")
        };
        assert_eq!(
            Session::start(&too_old, SessionId::new(1, 2), 0),
            Err(SessionError::AgeInvalid)
        );
        let words = NewSession {
            age: "seven".into(),
            ..form("Mia")
        };
        assert_eq!(
            Session::start(&words, SessionId::new(1, 2), 0),
            Err(SessionError::AgeInvalid)
        );
        for date in ["", "26.11.2026", "2026-13-01", "2026-1-1"] {
            let bad = NewSession {
                date: date.into(),
                ..form("Mia")
            };
            assert_eq!(
                Session::start(&bad, SessionId::new(1, 2), 0),
                Err(SessionError::DateInvalid),
                "{date}"
            );
        }
    }

    #[test]
    fn the_new_header_fields_default_in_older_records() {
        let mut json = serde_json::to_value(mia()).unwrap();
        let fields = json.as_object_mut().unwrap();
        for field in ["place", "present", "reflection", "named_audiences"] {
            assert!(fields.remove(field).is_some(), "{field} is written");
        }
        let read: Session = serde_json::from_value(json).unwrap();
        assert_eq!(read, mia());
    }

    #[test]
    fn sessions_sort_newest_first() {
        let mut older = mia();
        older.date = "2026-11-01".into();
        let mut newer_same_day = Session::start(&form("Ben"), SessionId::new(3, 4), 9000).unwrap();
        newer_same_day.date = "2026-11-26".into();
        let earlier_same_day = mia();
        let mut sessions = vec![
            older.clone(),
            earlier_same_day.clone(),
            newer_same_day.clone(),
        ];
        newest_first(&mut sessions);
        let names: Vec<_> = sessions
            .iter()
            .map(|s| (s.child.name.as_str(), s.created_at))
            .collect();
        assert_eq!(names, vec![("Ben", 9000), ("Mia", 1000), ("Mia", 1000)]);
        assert_eq!(sessions[2].date, "2026-11-01");
    }
}
