//! The summary of a session: the worker's full record, or what one audience may see.
//! Built from the session alone, so the screen, the print and the download show the same.
//!
//! A summary for an audience holds only what the child agreed to share with that audience
//! and the worker does not hold back, plus what the worker deliberately adds for it. Nothing
//! of the worker's own records, no count of what was left out, and the facts about the
//! conversation only as the worker chose them for that audience. What the child took out is
//! in no summary for an audience; the full record shows it, with when.
//!
//! "The child chose not to say" is a statement about the child, so it is worked out from
//! everything the child did in that question, never from what one reader may see: it is
//! true only where the child said "I don't want to say" there and nothing the child made in
//! that question is still in (anything given, before or after the pass, outweighs it). Even
//! then only the worker and the readers who weigh the child's views in the proceedings read
//! it (see [`may_read_of_a_silence`]); a family or a named person never does, as a silence
//! can bring pressure on the child. Where a reader may see nothing of a question, the summary
//! says only that nothing from there is shared in it, which is true whatever the child did.
//! The pass itself stays in the full record's pace log.

use super::conversation::{
    AgeVersion, Amended, Amendment, ConversationDetails, NetworkResponse, NextSteps, PaceEvent,
    PersonPresent,
};
use super::entry::EntryChange;
use super::entry::{EntryContent, EntryId, ReadBack, TakenOut, Words};
use super::exports::Export;
use super::question::Question;
use super::restored::Restore;
use super::session::Session;
use super::sharing::{Audience, Sharing};
use super::summary_choices::RespectLine;
use super::tool::{Helper, Tool};

/// A session as a summary for one reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The child's first name or alias.
    pub child_name: String,
    pub age: Option<u8>,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where the conversation happened, as the worker typed it; None when this summary does
    /// not name it.
    pub place: Option<String>,
    /// Who was there (name, role, where they were), from "About this conversation"; empty
    /// when this summary does not name them or none were recorded.
    pub people: Vec<PersonPresent>,
    /// Who was present, as typed in the single free-text field of records from before the
    /// people list: never lost, so shown beside the people wherever they are shown; None
    /// when there is none or this summary does not name who was there.
    pub present: Option<String>,
    /// The worker's name; None when this summary does not name it or none was given.
    pub worker: Option<String>,
    /// The tools the child used, in a fixed order (see [`Session::tools_used`]): the
    /// questions are named as those tools name them.
    pub tools: Vec<Tool>,
    /// Whether the summary says which tools were used and shows the child's helper.
    pub show_tools: bool,
    /// The helper the child chose for Wizards and Fairies, when that tool was used and the
    /// summary shows the tools.
    pub helper: Option<Helper>,
    /// One per question, shown as a house, a helper or both, by the tools used, in the order
    /// of the first tool used (the houses': worries, good things, dreams); one with nothing in
    /// it still appears, so the reader sees the child was asked.
    pub questions: Vec<QuestionSummary>,
    pub reader: Reader,
}

/// Who reads a summary, and what only that reader gets.
#[derive(Clone, Debug, PartialEq)]
pub enum Reader {
    /// The worker's full record: not for the family. Boxed, as it holds far more than a
    /// summary for an audience.
    FullRecord(Box<FullRecord>),
    ForAudience(ForAudience),
}

/// What only the worker's full record holds.
#[derive(Clone, Debug, PartialEq)]
pub struct FullRecord {
    /// The worker's reflection: observations, analysis, risk.
    pub reflection: String,
    /// Entries with no decision yet, across all houses.
    pub undecided: usize,
    /// Every print and download so far, oldest first.
    pub exports: Vec<Export>,
    /// The places in `exports` of copies given to an audience that hold something the
    /// worker has held back from that audience since: a hold cannot call a copy back.
    pub copies_since_held_back: Vec<usize>,
    /// The facts of the conversation as recorded: corrected times, who was there and where,
    /// language, interpreter, how the parents were prepared.
    pub details: ConversationDetails,
    /// The languages of the conversation: the child's and any other noted (see
    /// [`Session::languages_spoken`]).
    pub languages: String,
    /// When the conversation began (see [`Session::start_time`]).
    pub start_time: u64,
    /// When it ended (see [`Session::end_time`]); None while it goes on.
    pub end_time: Option<u64>,
    /// When the worker finished the session; None while it goes on.
    pub finished_at: Option<u64>,
    /// When the "Before we start" page was marked as done.
    pub before_we_start_at: Option<u64>,
    /// The version of the child's pages used.
    pub age_version: AgeVersion,
    /// The child's stops, breaks and passes, oldest first.
    pub pace: Vec<PaceEvent>,
    /// For each tool used, the order the child went through its questions (first visits).
    pub visit_order: Vec<(Tool, Vec<Question>)>,
    /// Changes made after the end, oldest first.
    pub amendments: Vec<Amendment>,
    /// What the child wants to happen next, and what the worker told the child.
    pub next_steps: NextSteps,
    /// The family's and network's responses to the houses, oldest first.
    pub network_responses: Vec<NetworkResponse>,
    /// Each time the session came onto a tablet from a backup, oldest first.
    pub restores: Vec<Restore>,
    /// `YYYY-MM-DD`: the day an earlier version marked the session restored, without saying
    /// from which backup.
    pub restored_on_day: Option<String>,
    /// The child's answers to "Last time you told me…" at this visit; the earlier visits'
    /// dates and entries only once [`Summary::see_earlier_visits`] gave them.
    pub last_time: Vec<super::last_time::LastTimeLine>,
    /// Feedback to the child and promises checked, across the child's visits: empty until
    /// filled by [`Summary::with_the_childs_visits`].
    pub feedback: super::feedback::FeedbackRecord,
}

/// What a summary for an audience adds, as the worker chose it for that audience.
#[derive(Clone, Debug, PartialEq)]
pub struct ForAudience {
    pub audience: Audience,
    /// "For the people who read this summary", as the worker typed it.
    pub note: String,
    pub respect_line: Option<RespectLine>,
}

/// One question, as a house and/or a helper, with the entries this summary shows.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSummary {
    pub question: Question,
    /// For each tool used, in the order of `Summary::tools`, the child's own name for the
    /// house or helper where this summary may show it; None means the usual name, which the
    /// UI supplies in its language.
    pub names: Vec<(Tool, Option<String>)>,
    /// In the full record, the sharing of each own name the child gave; empty otherwise.
    pub name_sharing: Vec<(Tool, Sharing)>,
    /// In the order the child made them, from every tool. In the full record also those the
    /// child took out (see [`SummaryEntry::taken_out`]).
    pub entries: Vec<SummaryEntry>,
    /// The child said "I don't want to say" here and gave nothing that is still in, in any
    /// tool, and this reader may read that (see [`may_read_of_a_silence`]): say "The child
    /// chose not to say", not "nothing here".
    pub chose_not_to_say: bool,
}

impl QuestionSummary {
    /// The child's own name for this question in `tool`, if this summary shows it.
    pub fn own_name(&self, tool: Tool) -> Option<&str> {
        self.names
            .iter()
            .find(|(named_in, _)| *named_in == tool)
            .and_then(|(_, name)| name.as_deref())
    }
}

/// One entry as it appears in a summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryEntry {
    pub id: EntryId,
    /// Milliseconds since the Unix epoch.
    pub created_at: u64,
    /// The tool the child was using when they made it.
    pub tool: Tool,
    pub content: SummaryContent,
    /// In the full record, the child's wish with its history and the worker's holds and
    /// passings-on; None in a summary for an audience, which never tells who else may see
    /// an entry or what the worker did.
    pub sharing: Option<Sharing>,
    /// The child's own explanation of a drawing: part of the drawing, so shown wherever the
    /// drawing is.
    pub caption: Option<Words>,
    /// What the worker asked before it; in the full record only.
    pub worker_question: Option<String>,
    /// The read-back mark; in the full record only.
    pub read_back: Option<ReadBack>,
    /// Every time the child took it out (and any put-back); in the full record only, as a
    /// summary for an audience never holds a taken-out entry.
    pub taken_out: Vec<TakenOut>,
    /// When the words of this entry were last amended after the end of the conversation;
    /// every reader sees the mark, as the words shown are no longer those first recorded.
    pub words_amended_at: Option<u64>,
    /// When the caption of this drawing was last amended after the end.
    pub caption_amended_at: Option<u64>,
    /// What its words, caption or drawing were before each change during the conversation;
    /// in the full record only (an audience reads the words as they are now).
    pub changes: Vec<EntryChange>,
}

impl SummaryEntry {
    /// Whether the child took it out (only ever so in the full record).
    pub fn is_taken_out(&self) -> bool {
        self.taken_out
            .last()
            .is_some_and(|spell| spell.put_back_at_ms.is_none())
    }
}

/// What an entry shows. A drawing is named, not copied: the browser paints it into a PNG.
#[derive(Clone, Debug, PartialEq)]
pub enum SummaryContent {
    /// The child's words, exactly as kept, and who said and who wrote them.
    Words(Words),
    Drawing {
        question: Question,
        entry: EntryId,
    },
    /// An entry that could not be read, kept as it was stored: named in the full record
    /// only, never in a summary for an audience.
    Unreadable,
}

impl Summary {
    /// The summary of `session` for `audience`, with the worker's choices for it, or the
    /// worker's full record for None.
    pub fn of(session: &Session, audience: Option<&Audience>) -> Summary {
        let tools = session.tools_used();
        let order = tools.first().copied().unwrap_or_default().questions();
        let full = audience.is_none();
        let questions = order
            .iter()
            .map(|&question| {
                let names = tools
                    .iter()
                    .map(|&tool| {
                        let name = match audience {
                            None => session.own_name(tool, question),
                            Some(audience) => session.own_name_shown_to(tool, question, audience),
                        };
                        (tool, name.map(str::to_owned))
                    })
                    .collect();
                let name_sharing = match audience {
                    None => Tool::ALL
                        .into_iter()
                        .filter_map(|tool| {
                            let item = super::session::SharedItem::Name { tool, question };
                            session
                                .sharing(item)
                                .filter(|sharing| !sharing.is_untouched())
                                .map(|sharing| (tool, sharing.clone()))
                        })
                        .collect(),
                    Some(_) => Vec::new(),
                };
                let entries = session
                    .entries(question)
                    .iter()
                    .filter(|entry| audience.is_none_or(|a| entry.is_shown_to(a)))
                    .map(|entry| SummaryEntry {
                        id: entry.id,
                        created_at: entry.created_at,
                        tool: entry.tool,
                        content: match &entry.content {
                            EntryContent::Words(words) => SummaryContent::Words(words.clone()),
                            EntryContent::Drawing(_) => SummaryContent::Drawing {
                                question,
                                entry: entry.id,
                            },
                            EntryContent::Unreadable(_) => SummaryContent::Unreadable,
                        },
                        sharing: full.then(|| entry.sharing.clone()),
                        caption: entry.caption.clone(),
                        worker_question: entry.worker_question.clone().filter(|_| full),
                        read_back: entry.read_back.filter(|_| full),
                        taken_out: if full {
                            entry.taken_out.clone()
                        } else {
                            Vec::new()
                        },
                        changes: if full {
                            entry.changes.clone()
                        } else {
                            Vec::new()
                        },
                        words_amended_at: last_amended(
                            session,
                            Amended::Words {
                                question,
                                entry: entry.id,
                            },
                        ),
                        caption_amended_at: last_amended(
                            session,
                            Amended::Caption {
                                question,
                                entry: entry.id,
                            },
                        ),
                    })
                    .collect::<Vec<_>>();
                let chose_not_to_say =
                    may_read_of_a_silence(audience) && kept_silent(session, question);
                QuestionSummary {
                    question,
                    names,
                    name_sharing,
                    entries,
                    chose_not_to_say,
                }
            })
            .collect();

        let (shown, reader) = match audience {
            None => (
                super::summary_choices::Shown::EVERYTHING,
                Reader::FullRecord(Box::new(FullRecord {
                    reflection: session.reflection.clone(),
                    undecided: Question::ALL
                        .into_iter()
                        .flat_map(|question| session.entries(question))
                        .filter(|entry| entry.sharing.is_undecided() && !entry.is_taken_out())
                        .count(),
                    exports: session.exports.clone(),
                    copies_since_held_back: session
                        .copies_holding_since_held_back()
                        .into_iter()
                        .map(|(at, _)| at)
                        .collect(),
                    details: session.details().clone(),
                    languages: session.languages_spoken(),
                    start_time: session.start_time(),
                    end_time: session.end_time(),
                    finished_at: session.finished_at(),
                    before_we_start_at: session.before_we_start_at(),
                    age_version: session.age_version(),
                    pace: session.pace().to_vec(),
                    visit_order: tools
                        .iter()
                        .map(|&tool| (tool, session.visit_order(tool)))
                        .filter(|(_, order)| !order.is_empty())
                        .collect(),
                    amendments: session.amendments().to_vec(),
                    next_steps: session.next_steps().clone(),
                    network_responses: session.network_responses().to_vec(),
                    restores: session.restores.clone(),
                    restored_on_day: session.restored_from_backup_on.clone(),
                    last_time: session.last_time_lines(&[]),
                    feedback: Default::default(),
                })),
            ),
            Some(audience) => {
                let choices = session.summary_choices(audience);
                (
                    choices.shown,
                    Reader::ForAudience(ForAudience {
                        audience: audience.clone(),
                        note: choices.note,
                        respect_line: choices.respect_line,
                    }),
                )
            }
        };
        let fact = |show: bool, text: &str| (show && !text.is_empty()).then(|| text.to_owned());
        Summary {
            child_name: session.child.name.clone(),
            age: session.child.age,
            date: session.date.clone(),
            place: fact(shown.place, &session.place),
            people: if shown.present {
                session.details().people.clone()
            } else {
                Vec::new()
            },
            present: fact(shown.present, &session.present),
            worker: fact(shown.worker, &session.worker),
            show_tools: shown.tools,
            helper: session
                .helper
                .filter(|_| shown.tools && tools.contains(&Tool::WizardsAndFairies)),
            tools,
            questions,
            reader,
        }
    }

    /// Gives the full record of `session` the earlier visits its "last time" answers are
    /// about, from `sessions`: their dates and what the child said there.
    pub fn see_earlier_visits(&mut self, session: &Session, sessions: &[Session]) {
        if let Reader::FullRecord(record) = &mut self.reader {
            record.last_time = session.last_time_lines(sessions);
        }
    }

    /// Who the summary is for; None for the worker's full record.
    /// The full record with what it says about feedback and promises across the child's
    /// visits in `sessions` (`core::feedback`); a summary for an audience stays as it is.
    pub fn with_the_childs_visits(mut self, visit: &Session, sessions: &[Session]) -> Summary {
        if let Reader::FullRecord(record) = &mut self.reader {
            record.feedback = super::feedback::FeedbackRecord::of(visit, sessions);
        }
        self
    }

    pub fn audience(&self) -> Option<&Audience> {
        match &self.reader {
            Reader::FullRecord(_) => None,
            Reader::ForAudience(reader) => Some(&reader.audience),
        }
    }

    pub fn question(&self, question: Question) -> Option<&QuestionSummary> {
        self.questions
            .iter()
            .find(|shown| shown.question == question)
    }
}

/// Whether the child truly gave nothing in `question`: they said "I don't want to say" there
/// (in any tool), and everything they made in it, in any tool, they took out again. One
/// entry still in, made before or after the pass, and the child did not keep silent.
pub fn kept_silent(session: &Session, question: Question) -> bool {
    session.passed_anywhere(question)
        && session
            .entries(question)
            .iter()
            .all(|entry| entry.is_taken_out())
}

/// Who may read that the child chose not to say (where it is true): the worker, and those who
/// weigh the child's views in the proceedings and need to know the child was asked: the
/// court, the meeting, the child's guardian and advocate. Never the family or a person the
/// child named, for whom a silence can become pressure on the child; nor the teacher, who
/// lives beside the child every day and decides nothing here, so a silence read at school
/// would only bring the child questions.
pub fn may_read_of_a_silence(audience: Option<&Audience>) -> bool {
    match audience {
        None => true,
        Some(Audience::Court | Audience::Meeting | Audience::Guardian | Audience::Advocate) => true,
        Some(
            Audience::Mum
            | Audience::Dad
            | Audience::Family
            | Audience::Sibling
            | Audience::FosterCarer
            | Audience::Teacher
            | Audience::Named(_),
        ) => false,
    }
}

/// When `what` was last amended after the end of the conversation, if ever.
fn last_amended(session: &Session, what: Amended) -> Option<u64> {
    session
        .amendments()
        .iter()
        .filter(|amendment| amendment.what == what)
        .map(|amendment| amendment.at_ms)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Decision, NewSession, SessionId, Voice};

    fn session() -> Session {
        let form = NewSession {
            child_name: "Mia".into(),
            age: "7".into(),
            worker_name: "Sam".into(),
            date: "2026-11-26".into(),
        };
        Session::start(&form, SessionId::new(1, 2), 1000).unwrap()
    }

    fn words(text: &str) -> Words {
        Words {
            text: text.into(),
            voice: Voice::ChildWrote,
        }
    }

    #[test]
    fn a_session_nobody_touched_uses_no_tool_and_shows_three_empty_houses() {
        let summary = Summary::of(&session(), None);
        assert!(summary.tools.is_empty());
        assert_eq!(
            summary
                .questions
                .iter()
                .map(|house| (house.question, house.entries.len()))
                .collect::<Vec<_>>(),
            [
                (Question::Worries, 0),
                (Question::GoodThings, 0),
                (Question::Dreams, 0)
            ]
        );
        let Reader::FullRecord(record) = &summary.reader else {
            panic!("no audience is the full record")
        };
        assert_eq!(record.undecided, 0);
    }

    #[test]
    fn naming_a_house_or_making_an_entry_counts_as_using_the_tool() {
        let mut named = session();
        named.rename(Tool::ThreeHouses, Question::Dreams, "Castle", 2000);
        assert_eq!(Summary::of(&named, None).tools, [Tool::ThreeHouses]);
        assert_eq!(
            Summary::of(&named, None)
                .question(Question::Dreams)
                .unwrap()
                .own_name(Tool::ThreeHouses),
            Some("Castle")
        );
        let mut drew = session();
        drew.add_drawing(Tool::ThreeHouses, Question::GoodThings, 2000);
        assert_eq!(Summary::of(&drew, None).tools, [Tool::ThreeHouses]);
    }

    #[test]
    fn the_full_record_shows_everything_with_its_decision() {
        let mut session = session();
        let first = session.add_words(Tool::ThreeHouses, Question::Worries, words("a"), 2000);
        let second = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2100);
        session.decide_sharing(Question::Worries, second, Some(Decision::Private), 2200);
        let summary = Summary::of(&session, None);
        let worries = &summary.question(Question::Worries).unwrap().entries;
        assert_eq!(
            worries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [first, second]
        );
        assert_eq!(worries[0].sharing.as_ref().unwrap().decision, None);
        assert_eq!(
            worries[1].sharing.as_ref().unwrap().decision,
            Some(Decision::Private)
        );
        assert_eq!(
            worries[1].content,
            SummaryContent::Drawing {
                question: Question::Worries,
                entry: second
            }
        );
        let Reader::FullRecord(record) = &summary.reader else {
            panic!("no audience is the full record")
        };
        assert_eq!(record.undecided, 1);
    }
}
