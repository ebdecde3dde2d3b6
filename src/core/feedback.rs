//! "What happened with what you told me": the worker's words to the child about what was done
//! with what the child shared (or the worker passed on), the child hearing them at a later
//! visit with their reaction, and the worker's check of what they promised at the end of a
//! visit ("What I told Mia will happen next").
//!
//! Feedback is the worker's own record, so it may be written after the visit is finished.
//! Once the child has heard a piece of feedback it is not changed or removed: the record must
//! keep the exact words the child heard. Something new to say is a new piece of feedback,
//! which the child hears at their next visit.

use std::collections::BTreeSet;

use super::entry::{Entry, Words};
use super::over_months::{
    EarlierEntry, FeedbackHeard, FeedbackToChild, Happened, PromiseChecked, ReactionTyped,
};
use super::question::Question;
use super::session::{Session, SessionId};
use super::sharing::{is_iso_date, Audience};

/// Why feedback cannot be written or changed as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackError {
    /// The words to the child are blank.
    TextMissing,
    /// The day is given but is not a real `YYYY-MM-DD` date.
    DateInvalid,
    /// The entry is not one the child shared or the worker passed on.
    NotOffered,
    /// The child has heard it: what they heard stays as it was.
    AlreadyHeard,
    /// There is no such feedback.
    NotThere,
}

/// The worker's words to the child, checked: text trimmed and not blank, the day a real date
/// or empty, the audiences without repeats.
fn checked(
    text: &str,
    heard_by: Vec<Audience>,
    on: &str,
) -> Result<(String, Vec<Audience>, String), FeedbackError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FeedbackError::TextMissing);
    }
    let on = on.trim();
    if !on.is_empty() && !is_iso_date(on) {
        return Err(FeedbackError::DateInvalid);
    }
    let mut heard: Vec<Audience> = Vec::new();
    for audience in heard_by {
        if !heard.contains(&audience) {
            heard.push(audience);
        }
    }
    Ok((text.to_owned(), heard, on.to_owned()))
}

/// Whether the child shared `entry` with someone, or the worker passed it on: only then is
/// there something to tell the child about what was done with it.
fn is_offered(entry: &Entry) -> bool {
    let shared = entry
        .sharing
        .decision
        .as_ref()
        .is_some_and(|decision| !decision.audiences().is_empty());
    (shared && !entry.is_taken_out()) || !entry.sharing.passed_on.is_empty()
}

impl Session {
    /// The entries the worker may write feedback about, question by question in the houses'
    /// order: those the child shared with someone (and has not taken out), and those the
    /// worker passed on.
    pub fn offered_for_feedback(&self) -> Vec<EarlierEntry> {
        Question::ALL
            .into_iter()
            .flat_map(|question| {
                self.entries(question)
                    .iter()
                    .filter(|entry| is_offered(entry))
                    .map(move |entry| EarlierEntry {
                        session: self.id,
                        question,
                        entry: entry.id,
                    })
            })
            .collect()
    }

    /// What of this visit still waits for the worker's words to the child: each entry offered
    /// for feedback ([`Session::offered_for_feedback`]) with no feedback about it (or only
    /// feedback taken back). Only a finished visit has any: while the child is still there,
    /// nothing has been done with what they shared yet.
    pub fn feedback_to_give(&self) -> Vec<EarlierEntry> {
        if !self.is_finished() {
            return Vec::new();
        }
        self.offered_for_feedback()
            .into_iter()
            .filter(|about| self.feedback_about(about).is_empty())
            .collect()
    }

    /// The feedback about one entry of this visit, oldest first.
    pub fn feedback_about(&self, about: &EarlierEntry) -> Vec<&FeedbackToChild> {
        self.feedback_given()
            .filter(|feedback| feedback.about.as_ref() == Some(about))
            .collect()
    }

    /// This visit's feedback the worker has not taken back, oldest first.
    pub fn feedback_given(&self) -> impl Iterator<Item = &FeedbackToChild> + '_ {
        self.feedback
            .iter()
            .filter(|feedback| feedback.removed_at.is_none())
    }

    /// Writes what the worker tells the child happened with an entry of this visit (or, with
    /// `about` None, with the visit as a whole). Returns its id: one more than any before,
    /// taken back ones too, so an id is never given twice.
    pub fn add_feedback(
        &mut self,
        about: Option<EarlierEntry>,
        text: &str,
        heard_by: Vec<Audience>,
        on: &str,
        now_ms: u64,
    ) -> Result<u64, FeedbackError> {
        if let Some(about) = &about {
            if !self.offered_for_feedback().contains(about) {
                return Err(FeedbackError::NotOffered);
            }
        }
        let (text, heard_by, on) = checked(text, heard_by, on)?;
        let id = self
            .feedback
            .iter()
            .map(|feedback| feedback.id)
            .max()
            .unwrap_or(0)
            + 1;
        self.feedback.push(FeedbackToChild {
            id,
            about,
            text,
            heard_by,
            on,
            written_at: now_ms,
            removed_at: None,
        });
        self.updated_at = self.updated_at.max(now_ms);
        Ok(id)
    }

    /// Changes the words, who heard it and when, while the child has not heard it yet
    /// (`already_heard`, from [`heard`] over the child's visits).
    pub fn change_feedback(
        &mut self,
        id: u64,
        text: &str,
        heard_by: Vec<Audience>,
        on: &str,
        already_heard: bool,
        now_ms: u64,
    ) -> Result<(), FeedbackError> {
        if already_heard {
            return Err(FeedbackError::AlreadyHeard);
        }
        let (text, heard_by, on) = checked(text, heard_by, on)?;
        let feedback = self
            .feedback
            .iter_mut()
            .find(|feedback| feedback.id == id && feedback.removed_at.is_none())
            .ok_or(FeedbackError::NotThere)?;
        feedback.text = text;
        feedback.heard_by = heard_by;
        feedback.on = on;
        self.updated_at = self.updated_at.max(now_ms);
        Ok(())
    }

    /// Takes back feedback the child has not heard yet: the child will not hear it; it stays
    /// in the record, marked.
    pub fn remove_feedback(
        &mut self,
        id: u64,
        already_heard: bool,
        now_ms: u64,
    ) -> Result<(), FeedbackError> {
        if already_heard {
            return Err(FeedbackError::AlreadyHeard);
        }
        let feedback = self
            .feedback
            .iter_mut()
            .find(|feedback| feedback.id == id && feedback.removed_at.is_none())
            .ok_or(FeedbackError::NotThere)?;
        feedback.removed_at = Some(now_ms);
        self.updated_at = self.updated_at.max(now_ms);
        Ok(())
    }

    /// Records, at this visit, that the child heard feedback `feedback` of visit `from`, with
    /// their reaction exactly as given (blank words are no reaction). Once recorded it stays:
    /// false when it was recorded here already.
    pub fn record_feedback_heard(
        &mut self,
        from: SessionId,
        feedback: u64,
        reaction: Option<Words>,
        now_ms: u64,
    ) -> bool {
        let already = self
            .feedback_heard
            .iter()
            .any(|heard| heard.session == from && heard.feedback == feedback);
        if already || from == self.id {
            return false;
        }
        self.feedback_heard.push(FeedbackHeard {
            session: from,
            feedback,
            reaction: reaction.filter(|words| !words.text.trim().is_empty()),
            at_ms: now_ms,
        });
        // What was typed is now in the heard record, exactly as given.
        self.reactions_typed
            .retain(|typed| !(typed.session == from && typed.feedback == feedback));
        self.updated_at = self.updated_at.max(now_ms);
        true
    }

    /// Keeps the child's reaction to feedback `feedback` of visit `from` as they type it,
    /// exactly (spaces and all), until "Next" records it as heard. Nothing changes once it
    /// is heard here. Returns whether it changed.
    pub fn type_reaction(
        &mut self,
        from: SessionId,
        feedback: u64,
        words: Words,
        now_ms: u64,
    ) -> bool {
        let heard = self
            .feedback_heard
            .iter()
            .any(|heard| heard.session == from && heard.feedback == feedback);
        if heard || from == self.id {
            return false;
        }
        match self
            .reactions_typed
            .iter_mut()
            .find(|typed| typed.session == from && typed.feedback == feedback)
        {
            Some(typed) if typed.words == words => return false,
            Some(typed) => {
                typed.words = words;
                typed.at_ms = now_ms;
            }
            None => self.reactions_typed.push(ReactionTyped {
                session: from,
                feedback,
                words,
                at_ms: now_ms,
            }),
        }
        self.updated_at = self.updated_at.max(now_ms);
        true
    }

    /// The reaction typed so far to feedback `feedback` of visit `from`, not yet heard.
    pub fn reaction_typed(&self, from: SessionId, feedback: u64) -> Option<&Words> {
        self.reactions_typed
            .iter()
            .find(|typed| typed.session == from && typed.feedback == feedback)
            .map(|typed| &typed.words)
    }

    /// The worker's answer, at this visit, to whether what they told the child at visit
    /// `earlier` would happen next did happen. Answered again at this visit, the answer and
    /// note are replaced (the worker's own words at one visit); a later visit keeps its own.
    pub fn check_promise(
        &mut self,
        earlier: SessionId,
        happened: Happened,
        note: &str,
        now_ms: u64,
    ) -> bool {
        if earlier == self.id {
            return false;
        }
        let note = note.trim().to_owned();
        match self
            .promises_checked
            .iter_mut()
            .find(|check| check.session == earlier)
        {
            Some(check) if check.happened == happened && check.note == note => return false,
            Some(check) => {
                check.happened = happened;
                check.note = note;
                check.at_ms = now_ms;
            }
            None => self.promises_checked.push(PromiseChecked {
                session: earlier,
                happened,
                note,
                at_ms: now_ms,
            }),
        }
        self.updated_at = self.updated_at.max(now_ms);
        true
    }

    /// This visit's check of the promise made at `earlier`, if made.
    pub fn promise_check(&self, earlier: SessionId) -> Option<&PromiseChecked> {
        self.promises_checked
            .iter()
            .find(|check| check.session == earlier)
    }
}

/// Whether `a` was before `b`: by the day of the visit, then by when it was begun.
fn before(a: &Session, b: &Session) -> bool {
    (a.date.as_str(), a.created_at) < (b.date.as_str(), b.created_at)
}

/// The visits of `visit`'s child that came before it, oldest first.
pub fn earlier_visits<'a>(sessions: &'a [Session], visit: &Session) -> Vec<&'a Session> {
    let child = visit.child_id();
    let mut earlier: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.id != visit.id && s.child_id() == child && before(s, visit))
        .collect();
    earlier.sort_by(|a, b| (a.date.as_str(), a.created_at).cmp(&(b.date.as_str(), b.created_at)));
    earlier
}

/// Where and how the child heard feedback `feedback` of visit `from`: the visit it was heard
/// at, and the record there. None while the child has not heard it.
pub fn heard(
    sessions: &[Session],
    from: SessionId,
    feedback: u64,
) -> Option<(&Session, &FeedbackHeard)> {
    sessions.iter().find_map(|s| {
        s.feedback_heard
            .iter()
            .find(|heard| heard.session == from && heard.feedback == feedback)
            .map(|heard| (s, heard))
    })
}

/// One piece of feedback for the child at a visit: which visit holds it, and the worker's
/// words.
#[derive(Clone, Debug, PartialEq)]
pub struct ForTheChild {
    pub from: SessionId,
    /// The day of that visit, `YYYY-MM-DD`.
    pub from_date: String,
    pub feedback: FeedbackToChild,
    /// The entry it is about, as the child left it; None for the visit as a whole, or when
    /// the entry is no longer there.
    pub entry: Option<Entry>,
    /// The child heard it at this visit, with this reaction.
    pub heard_here: Option<FeedbackHeard>,
}

/// The feedback the child hears at `visit`: from their earlier visits, oldest first, each
/// not heard at any other visit. What the child heard here stays in the list (marked), so a
/// step of the child's page keeps its place.
pub fn for_the_child_at(sessions: &[Session], visit: &Session) -> Vec<ForTheChild> {
    earlier_visits(sessions, visit)
        .into_iter()
        .flat_map(|earlier| {
            earlier.feedback_given().filter_map(move |feedback| {
                let heard_where = heard(sessions, earlier.id, feedback.id);
                if heard_where.is_some_and(|(s, _)| s.id != visit.id) {
                    return None;
                }
                let entry = feedback
                    .about
                    .as_ref()
                    .and_then(|about| earlier.entry(about.question, about.entry))
                    .cloned();
                Some(ForTheChild {
                    from: earlier.id,
                    from_date: earlier.date.clone(),
                    feedback: feedback.clone(),
                    entry,
                    heard_here: heard_where.map(|(_, heard)| heard.clone()),
                })
            })
        })
        .collect()
}

/// How many pieces of feedback wait for the child at `visit` (not heard yet anywhere). None
/// at a finished visit: the child is no longer there to hear it.
pub fn waiting_for_the_child(sessions: &[Session], visit: &Session) -> usize {
    if visit.is_finished() {
        return 0;
    }
    for_the_child_at(sessions, visit)
        .iter()
        .filter(|piece| piece.heard_here.is_none())
        .count()
}

/// What the worker told the child at an earlier visit would happen next, to be checked.
#[derive(Clone, Debug, PartialEq)]
pub struct PromiseToCheck {
    pub from: SessionId,
    /// The day of that visit, `YYYY-MM-DD`.
    pub from_date: String,
    /// The worker's words then, as typed.
    pub told: String,
    /// The check made at this visit, if any.
    pub checked_here: Option<PromiseChecked>,
}

/// The promises of the child's earlier visits to check at `visit`, oldest first: each not yet
/// answered Yes, Partly or No at another visit. "Not yet" brings it back next time.
pub fn promises_to_check(sessions: &[Session], visit: &Session) -> Vec<PromiseToCheck> {
    earlier_visits(sessions, visit)
        .into_iter()
        .filter(|earlier| !earlier.next_steps().worker_told.trim().is_empty())
        .filter(|earlier| {
            !sessions.iter().any(|s| {
                s.id != visit.id
                    && s.promise_check(earlier.id)
                        .is_some_and(|check| check.happened != Happened::NotYet)
            })
        })
        .map(|earlier| PromiseToCheck {
            from: earlier.id,
            from_date: earlier.date.clone(),
            told: earlier.next_steps().worker_told.clone(),
            checked_here: visit.promise_check(earlier.id).cloned(),
        })
        .collect()
}

/// One piece of feedback of a visit, for its full record: what was said and, if the child
/// has heard it, at which visit and how they reacted.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedbackGiven {
    pub feedback: FeedbackToChild,
    /// The child's words the feedback is about, exactly; None for a drawing or the visit.
    pub about_words: Option<Words>,
    pub about_question: Option<Question>,
    /// The day of the visit it was heard at, and the record there.
    pub heard: Option<(String, FeedbackHeard)>,
}

/// A check, at some visit, of a visit's promise.
#[derive(Clone, Debug, PartialEq)]
pub struct PromiseAnswer {
    /// The day of the visit where the promise was made (for a check made here), or where it
    /// was checked (for this visit's promise).
    pub date: String,
    /// What was promised, as typed.
    pub told: String,
    pub check: PromiseChecked,
}

/// A piece of earlier feedback the child heard at this visit.
#[derive(Clone, Debug, PartialEq)]
pub struct HeardHere {
    /// The day of the visit that holds it.
    pub from_date: String,
    /// The worker's words the child heard.
    pub text: String,
    pub heard: FeedbackHeard,
}

/// What the full record of a visit says about feedback and promises, across the child's
/// visits. Worker-only: never part of a summary for an audience.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedbackRecord {
    /// This visit's feedback, oldest first.
    pub given: Vec<FeedbackGiven>,
    /// This visit's promise as checked at later visits, oldest first.
    pub this_promise: Vec<PromiseAnswer>,
    /// Earlier feedback the child heard at this visit.
    pub heard_here: Vec<HeardHere>,
    /// Earlier promises checked at this visit.
    pub checked_here: Vec<PromiseAnswer>,
}

impl FeedbackRecord {
    /// The record for `visit`, from every visit of the same child in `sessions`.
    pub fn of(visit: &Session, sessions: &[Session]) -> FeedbackRecord {
        let child = visit.child_id();
        let own: Vec<&Session> = sessions
            .iter()
            .filter(|s| s.child_id() == child && s.id != visit.id)
            .collect();
        let date_of = |id: SessionId| {
            own.iter()
                .find(|s| s.id == id)
                .map(|s| s.date.clone())
                .unwrap_or_default()
        };
        let given = visit
            .feedback_given()
            .map(|feedback| {
                let entry = feedback
                    .about
                    .as_ref()
                    .and_then(|about| visit.entry(about.question, about.entry));
                FeedbackGiven {
                    feedback: feedback.clone(),
                    about_words: entry.and_then(Entry::words).cloned(),
                    about_question: feedback.about.as_ref().map(|about| about.question),
                    heard: own.iter().find_map(|s| {
                        s.feedback_heard
                            .iter()
                            .find(|h| h.session == visit.id && h.feedback == feedback.id)
                            .map(|h| (s.date.clone(), h.clone()))
                    }),
                }
            })
            .collect();
        let told = visit.next_steps().worker_told.clone();
        let mut this_promise: Vec<PromiseAnswer> = own
            .iter()
            .filter_map(|s| {
                s.promise_check(visit.id).map(|check| PromiseAnswer {
                    date: s.date.clone(),
                    told: told.clone(),
                    check: check.clone(),
                })
            })
            .collect();
        this_promise.sort_by_key(|answer| answer.check.at_ms);
        let heard_here = visit
            .feedback_heard
            .iter()
            .map(|heard| HeardHere {
                from_date: date_of(heard.session),
                text: own
                    .iter()
                    .find(|s| s.id == heard.session)
                    .and_then(|s| s.feedback.iter().find(|f| f.id == heard.feedback))
                    .map(|f| f.text.clone())
                    .unwrap_or_default(),
                heard: heard.clone(),
            })
            .collect();
        let checked_here = visit
            .promises_checked
            .iter()
            .map(|check| PromiseAnswer {
                date: date_of(check.session),
                told: own
                    .iter()
                    .find(|s| s.id == check.session)
                    .map(|s| s.next_steps().worker_told.clone())
                    .unwrap_or_default(),
                check: check.clone(),
            })
            .collect();
        FeedbackRecord {
            given,
            this_promise,
            heard_here,
            checked_here,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
            && self.this_promise.is_empty()
            && self.heard_here.is_empty()
            && self.checked_here.is_empty()
    }
}

/// The audiences a piece of feedback may name as having heard it, for the worker's form:
/// those the child shared the entry with, and those it was passed on to, without repeats.
pub fn who_may_have_heard(session: &Session, about: &EarlierEntry) -> Vec<Audience> {
    let Some(entry) = session.entry(about.question, about.entry) else {
        return Vec::new();
    };
    let mut seen = BTreeSet::new();
    let shared = entry
        .sharing
        .decision
        .as_ref()
        .map(|decision| decision.audiences().to_vec())
        .unwrap_or_default();
    let passed = entry.sharing.passed_on.iter().map(|p| p.to.clone());
    shared
        .into_iter()
        .chain(passed)
        .filter(|audience| seen.insert(audience.clone()))
        .collect()
}
