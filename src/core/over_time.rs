//! A child over time: each question across the child's visits, oldest first, for the
//! worker's over-time screen and the over-time documents.
//!
//! Each visit is read through its own [`Summary`], so the one sharing rule holds per entry
//! exactly as in that visit's summary: a document for Mum holds an entry only where the
//! child agreed, in that entry's own visit, that Mum may see it and the worker does not hold
//! it back; what the child took out is in no audience's document. Where a reader may see
//! nothing of a question in a visit, the document says so for that visit, in the same words
//! as the visit's summary, and "the child chose not to say" only where that summary would.
//!
//! What later visits add to an entry comes with it: the child's "still so / not any more"
//! when shown it again ("Last time you told me…"), and what the worker told the child
//! happened with it. The child's mark travels with an entry the reader may see; the child's
//! further words about it, and a pass, are the worker's full record's alone, as the child
//! decided nothing about sharing them. What happened is the worker's account of what they
//! did, written for the child and often naming who else heard: the full record holds it, and
//! of the audiences only those who weigh the child's views in the proceedings (the court,
//! the meeting, the guardian, the advocate), under an entry they may see. A family member, a
//! teacher or a person the child named never reads who else was told.

use super::entry::Words;
use super::exports::summary_file_name;
use super::over_months::{FeedbackToChild, StillSo};
use super::question::Question;
use super::session::{Session, SessionId};
use super::sharing::Audience;
use super::summary::{may_read_of_a_silence, Summary, SummaryEntry};
use super::tool::Tool;

/// A child's visits, question by question, for one reader.
#[derive(Clone, Debug, PartialEq)]
pub struct OverTime {
    /// The child's alias, as the newest visit names them.
    pub child_name: String,
    /// The age at the newest visit.
    pub age: Option<u8>,
    /// Who reads it; None is the worker's full record over time.
    pub audience: Option<Audience>,
    /// One per visit, oldest first: each visit as its own summary for this reader.
    pub visits: Vec<VisitOverTime>,
    /// The three questions in the houses' order, each with one cell per visit.
    pub questions: Vec<QuestionOverTime>,
    /// The tools used in any visit, in a fixed order: the questions are named by them.
    pub tools: Vec<Tool>,
}

/// One visit, as this reader may read it.
#[derive(Clone, Debug, PartialEq)]
pub struct VisitOverTime {
    pub session: SessionId,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub finished: bool,
    /// The visit's own summary for this reader: the full record's facts live here.
    pub summary: Summary,
    /// Whether this reader's document holds anything of this visit (an entry, or the
    /// child's mark on an earlier one): a copy of the document is recorded only in visits
    /// it draws from.
    pub draws_from: bool,
}

/// One question across the visits.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionOverTime {
    pub question: Question,
    /// One per visit, in the order of [`OverTime::visits`].
    pub cells: Vec<Cell>,
}

/// One question in one visit.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The entries this reader may see, as the visit's summary shows them, each with what
    /// later visits said of it.
    pub entries: Vec<EntryOverTime>,
    /// The visit's summary says "The child chose not to say" here (see `core::summary`).
    pub chose_not_to_say: bool,
}

/// An entry, with what later visits added to it.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryOverTime {
    pub entry: SummaryEntry,
    /// The child's answers about it at later visits, oldest first.
    pub later: Vec<LaterAnswer>,
    /// What the worker told the child happened with it, for a reader who may read it.
    pub happened: Vec<Happened>,
}

/// The child's answer at a later visit about an entry shown to them again.
#[derive(Clone, Debug, PartialEq)]
pub struct LaterAnswer {
    /// The visit where the child said it.
    pub session: SessionId,
    /// `YYYY-MM-DD` of that visit.
    pub date: String,
    pub answer: StillSo,
    /// The child's own words about it: the full record's only.
    pub words: Option<Words>,
}

/// What the worker told the child happened with an entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Happened {
    pub feedback: FeedbackToChild,
    /// When the child heard it at a later visit (`YYYY-MM-DD`), with their reaction in the
    /// full record; None while the child has not heard it.
    pub heard: Option<(String, Option<Words>)>,
}

/// Who may read what the worker did with an entry: the worker, and those who weigh the
/// child's views in the proceedings (see the module's notes).
pub fn may_read_what_happened(audience: Option<&Audience>) -> bool {
    may_read_of_a_silence(audience)
}

/// The visits of one child among `sessions`: those whose [`Session::child_id`] is that of
/// `of`, oldest first (by day, then by when each began).
pub fn visits_of<'a>(sessions: &'a [Session], of: &Session) -> Vec<&'a Session> {
    let child = of.child_id();
    let mut visits: Vec<&Session> = sessions
        .iter()
        .filter(|session| session.child_id() == child)
        .collect();
    visits.sort_by(|a, b| (&a.date, a.created_at).cmp(&(&b.date, b.created_at)));
    visits
}

impl OverTime {
    /// The child's `visits` (oldest first, see [`visits_of`]) for `audience`, or for the
    /// worker's full record with None.
    pub fn of(visits: &[&Session], audience: Option<&Audience>) -> OverTime {
        let full = audience.is_none();
        let summaries: Vec<Summary> = visits
            .iter()
            .map(|session| Summary::of(session, audience))
            .collect();
        let date_of = |session: SessionId| {
            visits
                .iter()
                .find(|visit| visit.id == session)
                .map(|visit| visit.date.clone())
        };
        let questions = Question::ALL
            .into_iter()
            .map(|question| QuestionOverTime {
                question,
                cells: visits
                    .iter()
                    .zip(&summaries)
                    .map(|(visit, summary)| {
                        let shown = summary.question(question);
                        let entries = shown
                            .map(|shown| shown.entries.as_slice())
                            .unwrap_or_default()
                            .iter()
                            .map(|entry| EntryOverTime {
                                later: later_answers(visits, visit.id, question, entry, full),
                                happened: if may_read_what_happened(audience) {
                                    what_happened(visits, visit, question, entry, full, &date_of)
                                } else {
                                    Vec::new()
                                },
                                entry: entry.clone(),
                            })
                            .collect();
                        Cell {
                            entries,
                            chose_not_to_say: shown.is_some_and(|shown| shown.chose_not_to_say),
                        }
                    })
                    .collect(),
            })
            .collect::<Vec<_>>();
        let newest = visits.last();
        let tools = Tool::ALL
            .into_iter()
            .filter(|tool| summaries.iter().any(|s| s.tools.contains(tool)))
            .collect();
        let visits = visits
            .iter()
            .zip(summaries)
            .enumerate()
            .map(|(at, (visit, summary))| VisitOverTime {
                session: visit.id,
                date: visit.date.clone(),
                finished: visit.is_finished(),
                draws_from: full
                    || questions.iter().any(|question| {
                        let cell = &question.cells[at];
                        !cell.entries.is_empty() || cell.chose_not_to_say
                    })
                    || questions.iter().any(|question| {
                        question.cells.iter().any(|cell| {
                            cell.entries.iter().any(|entry| {
                                entry.later.iter().any(|later| later.session == visit.id)
                            })
                        })
                    }),
                summary,
            })
            .collect();
        OverTime {
            child_name: newest.map(|v| v.child.name.clone()).unwrap_or_default(),
            age: newest.and_then(|v| v.child.age),
            audience: audience.cloned(),
            visits,
            questions,
            tools,
        }
    }

    pub fn question(&self, question: Question) -> Option<&QuestionOverTime> {
        self.questions.iter().find(|q| q.question == question)
    }

    /// The visits this reader's document holds something of: where a copy is recorded.
    pub fn drawn_from(&self) -> Vec<SessionId> {
        self.visits
            .iter()
            .filter(|visit| visit.draws_from)
            .map(|visit| visit.session)
            .collect()
    }
}

/// Everyone an over-time document can be made for: each audience that sees something in any
/// of the visits, in the order the visits offer them (pictured first, then the names the
/// child gave, in the order given).
pub fn audiences_over_time(visits: &[&Session]) -> Vec<Audience> {
    let seeing: Vec<Audience> = visits
        .iter()
        .flat_map(|visit| visit.audiences_seeing_something())
        .collect();
    let mut ordered: Vec<Audience> = Audience::PICTURED
        .into_iter()
        .filter(|audience| seeing.contains(audience))
        .collect();
    for audience in seeing {
        if matches!(audience, Audience::Named(_)) && !ordered.contains(&audience) {
            ordered.push(audience);
        }
    }
    ordered
}

/// The names the child gave across the visits, in the order first given: a named person's
/// place in a file name.
pub fn named_over_time(visits: &[&Session]) -> Vec<String> {
    let mut named: Vec<String> = Vec::new();
    for name in visits.iter().flat_map(|visit| visit.named_audiences()) {
        if !named.contains(name) {
            named.push(name.clone());
        }
    }
    named
}

/// The child's answers, at visits after `visit`, about one entry of it. The mark goes with
/// the entry to every reader who may see the entry; a pass and the child's words about it
/// only to the full record.
fn later_answers(
    visits: &[&Session],
    visit: SessionId,
    question: Question,
    entry: &SummaryEntry,
    full: bool,
) -> Vec<LaterAnswer> {
    visits
        .iter()
        .flat_map(|later| {
            later
                .last_time
                .iter()
                .filter(move |answer| {
                    later.id != visit
                        && answer.about.session == visit
                        && answer.about.question == question
                        && answer.about.entry == entry.id
                })
                .map(move |answer| (later, answer))
        })
        .filter(|(_, answer)| full || answer.answer != StillSo::Passed)
        .map(|(later, answer)| LaterAnswer {
            session: later.id,
            date: later.date.clone(),
            answer: answer.answer,
            words: answer.words.clone().filter(|_| full),
        })
        .collect()
}

/// What the worker told the child happened with one entry of `visit`, and whether the child
/// heard it at a later visit.
fn what_happened(
    visits: &[&Session],
    visit: &Session,
    question: Question,
    entry: &SummaryEntry,
    full: bool,
    date_of: &dyn Fn(SessionId) -> Option<String>,
) -> Vec<Happened> {
    // Feedback the worker took back before the child heard it is not what happened.
    visit
        .feedback_given()
        .filter(|feedback| {
            feedback.about.as_ref().is_some_and(|about| {
                about.session == visit.id && about.question == question && about.entry == entry.id
            })
        })
        .map(|feedback| Happened {
            feedback: feedback.clone(),
            heard: visits.iter().find_map(|later| {
                let heard = later
                    .feedback_heard
                    .iter()
                    .find(|heard| heard.session == visit.id && heard.feedback == feedback.id)?;
                let date = date_of(later.id)?;
                Some((date, heard.reaction.clone().filter(|_| full)))
            }),
        })
        .collect()
}

/// The over-time document's file name: as a summary's (the alias, the newest visit's day,
/// the reader by kind, never a name the child gave), marked as over time.
pub fn over_time_file_name(over_time: &OverTime, named: &[String]) -> String {
    let newest = over_time
        .visits
        .last()
        .map_or("", |visit| visit.date.as_str());
    summary_file_name(
        &over_time.child_name,
        newest,
        over_time.audience.as_ref(),
        named,
    )
    .replacen("hear-me-summary-", "hear-me-over-time-", 1)
}

/// The worries an over-time document for `audience` holds that the worker must confirm this
/// reader may safely read first, visit by visit: as for each visit's summary (see
/// [`Session::worries_to_confirm`]), so a worry confirmed for a visit's summary is not asked
/// again, and one confirmed here is not asked again there.
pub fn worries_to_confirm<'a>(
    visits: &[&'a Session],
    audience: &Audience,
) -> Vec<(SessionId, &'a super::entry::Entry)> {
    visits
        .iter()
        .flat_map(|visit| {
            visit
                .worries_to_confirm(audience)
                .into_iter()
                .map(|entry| (visit.id, entry))
        })
        .collect()
}
