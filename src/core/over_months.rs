//! What links one visit to the ones before it: the child's answers to "Last time you told
//! me…", what the worker tells the child happened with their words, the child's reaction to
//! hearing it, and whether what the worker promised at the end of a visit happened.
//!
//! Each is recorded in the visit where it happened; it points at the earlier visit's entry
//! by session and entry id, and never changes the earlier visit: what the child said then
//! stays as they said it.

use serde::{Deserialize, Serialize};

use super::entry::{EntryId, Words};
use super::question::Question;
use super::session_id::SessionId;
use super::sharing::Audience;

/// An entry of an earlier visit, by where it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EarlierEntry {
    pub session: SessionId,
    pub question: Question,
    pub entry: EntryId,
}

/// What the child said when shown what they put somewhere last time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StillSo {
    /// It is still like that.
    StillSo,
    /// It is different now.
    Changed,
    /// It is not like that any more.
    NotAnyMore,
    /// The child did not want to say.
    Passed,
}

/// The child's answer about one earlier entry, recorded in the visit where it was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastTimeAnswer {
    pub about: EarlierEntry,
    pub answer: StillSo,
    /// The child's own words about it, if they said more; kept exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Words>,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
}

/// What the worker tells the child happened with something they said or drew: recorded in
/// the visit the entry belongs to (or, for a promise, the visit where it was made), in plain
/// words for the child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackToChild {
    /// Ids are never reused within a visit.
    pub id: u64,
    /// The entry it is about; None for feedback about the visit as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<EarlierEntry>,
    /// The worker's words to the child ("I told your teacher you find lunchtimes hard."), as
    /// typed.
    pub text: String,
    /// Who heard it, as the sharing names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heard_by: Vec<Audience>,
    /// `YYYY-MM-DD`, when it was passed on or done; empty when not said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub on: String,
    /// Milliseconds since the Unix epoch.
    pub written_at: u64,
    /// When the worker took it back before the child heard it; it stays in the record (and
    /// keeps its id from being given again), but the child does not hear it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_at: Option<u64>,
}

/// The child heard a piece of feedback at a later visit: recorded in that later visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackHeard {
    /// The visit holding the feedback, and its id there.
    pub session: SessionId,
    pub feedback: u64,
    /// What the child said about it, exactly; None when they said nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<Words>,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
}

/// The child's reaction to a piece of feedback while it is being typed, before "Next": kept
/// as typed, so a reload or a lock loses nothing of it. "Next" moves it, exactly, into the
/// [`FeedbackHeard`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactionTyped {
    /// The visit holding the feedback, and its id there.
    pub session: SessionId,
    pub feedback: u64,
    pub words: Words,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
}

/// Whether what the worker told the child would happen next did happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Happened {
    Yes,
    Partly,
    No,
    NotYet,
}

/// The worker's check, at a later visit, of what they promised at the end of an earlier one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromiseChecked {
    /// The visit where the worker said what would happen next.
    pub session: SessionId,
    pub happened: Happened,
    /// The worker's note, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
}
