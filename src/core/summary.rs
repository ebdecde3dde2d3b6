//! The summary of a session: what the worker takes home, or what one audience may see.
//! Built from the session alone, so the screen, the print and the download show the same.

use super::entry::{EntryContent, EntryId, Words};
use super::helpers::Helper;
use super::questions::{Question, Tool};
use super::session::Session;
use super::sharing::{Audience, Decision};

/// A session as a summary for one reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The child's first name or alias.
    pub child_name: String,
    pub age: Option<u8>,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where the conversation happened, as the worker typed it.
    pub place: String,
    /// Who was present, as the worker typed it.
    pub present: String,
    /// The worker's name; empty when none was given.
    pub worker: String,
    /// The tools the child used, in a fixed order (see [`Session::tools_used`]).
    pub tools: Vec<Tool>,
    /// The helper the child chose for Wizards and Fairies, when that tool was used.
    pub helper: Option<Helper>,
    /// Who the summary is for; None is the worker's full record.
    pub audience: Option<Audience>,
    /// One per question, shown as a house, a helper or both, by the tools used, in the order
    /// of the first tool used (the houses': worries, good things, dreams); one with nothing in
    /// it still appears, so the reader sees the child was asked.
    pub questions: Vec<QuestionSummary>,
    /// Entries not shown in this summary, counted across all houses and never described.
    pub left_out: LeftOut,
    /// Entries with no decision yet, across all houses. In the full record they are shown,
    /// marked undecided; for an audience they are left out and also counted in `left_out`.
    pub undecided: usize,
    /// The worker's observations, context and next steps; never mixed with the child's words.
    pub worker_notes: String,
}

/// One question, as a house and/or a helper, with the entries this summary shows.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSummary {
    pub question: Question,
    /// For each tool used, in the order of `Summary::tools`, the child's own name for the
    /// house or helper; None means the usual name, which the UI supplies in its language.
    pub names: Vec<(Tool, Option<String>)>,
    /// In the order the child made them, from every tool.
    pub entries: Vec<SummaryEntry>,
}

impl QuestionSummary {
    /// The child's own name for this question in `tool`, if they gave one.
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
    /// The child's decision; None means undecided.
    pub decision: Option<Decision>,
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
}

/// How many entries a summary for an audience leaves out, and why. All zero in the full record.
/// Counted over the whole session, not per house: a count per house would already tell a
/// reader where the child kept something back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// The child chose "only my worker".
    pub kept_private: usize,
    /// The child shared them, but not with this audience.
    pub shared_only_with_others: usize,
    /// The child has not decided yet; nothing is shared by default.
    pub undecided: usize,
}

impl LeftOut {
    pub fn total(&self) -> usize {
        self.kept_private + self.shared_only_with_others + self.undecided
    }
}

impl Summary {
    /// The summary of `session` for `audience`, or the worker's full record for None.
    /// An audience sees only entries the child shared with exactly that audience (see
    /// [`Decision::allows`]); everything else is only counted.
    pub fn of(session: &Session, audience: Option<&Audience>) -> Summary {
        let mut left_out = LeftOut::default();
        let mut undecided = 0;
        let tools = session.tools_used();
        let order = tools.first().copied().unwrap_or_default().questions();
        let questions = order
            .into_iter()
            .map(|question| {
                let mut entries = Vec::new();
                for entry in session.entries(question) {
                    let decision = &entry.sharing.decision;
                    if decision.is_none() {
                        undecided += 1;
                    }
                    if let Some(audience) = audience {
                        match decision {
                            None => left_out.undecided += 1,
                            Some(Decision::Private) => left_out.kept_private += 1,
                            Some(shared) if !shared.allows(audience) => {
                                left_out.shared_only_with_others += 1
                            }
                            Some(_) => {}
                        }
                        if !entry.sharing.is_shared_with(audience) {
                            continue;
                        }
                    }
                    let content = match &entry.content {
                        EntryContent::Words(words) => SummaryContent::Words(words.clone()),
                        EntryContent::Drawing(_) => SummaryContent::Drawing {
                            question,
                            entry: entry.id,
                        },
                    };
                    entries.push(SummaryEntry {
                        id: entry.id,
                        created_at: entry.created_at,
                        tool: entry.tool,
                        content,
                        decision: decision.clone(),
                    });
                }
                QuestionSummary {
                    question,
                    names: tools
                        .iter()
                        .map(|&tool| (tool, session.own_name(tool, question).map(str::to_owned)))
                        .collect(),
                    entries,
                }
            })
            .collect();
        Summary {
            child_name: session.child.name.clone(),
            age: session.child.age,
            date: session.date.clone(),
            place: session.place.clone(),
            present: session.present.clone(),
            worker: session.worker.clone(),
            helper: session
                .helper
                .filter(|_| tools.contains(&Tool::WizardsAndFairies)),
            tools,
            audience: audience.cloned(),
            questions,
            left_out,
            undecided,
            worker_notes: session.worker_notes.clone(),
        }
    }

    pub fn question(&self, question: Question) -> Option<&QuestionSummary> {
        self.questions
            .iter()
            .find(|shown| shown.question == question)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{NewSession, SessionId, Voice};

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
        assert_eq!(summary.left_out, LeftOut::default());
        assert_eq!(summary.undecided, 0);
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
        assert_eq!(worries[0].decision, None);
        assert_eq!(worries[1].decision, Some(Decision::Private));
        assert_eq!(
            worries[1].content,
            SummaryContent::Drawing {
                question: Question::Worries,
                entry: second
            }
        );
        assert_eq!(summary.undecided, 1);
        assert_eq!(summary.left_out.total(), 0);
    }
}
