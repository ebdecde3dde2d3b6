//! The tools as the child sees them: the houses or helpers with the child's own names for
//! them, the magical helper the child chose, and which tools the child took part in. The
//! answers are the same in every tool; only these differ from tool to tool.

use crate::core::entry::Entry;
use crate::core::question::Question;
use crate::core::sharing::Audience;
use crate::core::tool::{Helper, Tool};

use super::{Session, SharedItem};

/// One question as a tool shows it: a house, or a helper.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuestionInTool<'a> {
    pub tool: Tool,
    pub question: Question,
    /// The child's own name for this house or helper; None means the usual name.
    pub own_name: Option<&'a str>,
    /// In the order made, from every tool.
    pub entries: &'a [Entry],
}

impl QuestionInTool<'_> {
    /// The dots under a house or helper: one for each thing the child has put here (from
    /// either tool) and still has in. What the child took out has left their lists, so it
    /// is not counted; put back, it counts again.
    pub fn dots(&self) -> usize {
        self.entries
            .iter()
            .filter(|entry| !entry.is_taken_out())
            .count()
    }
}

impl Session {
    /// The child's own name for a question in a tool, if they gave one.
    pub fn own_name(&self, tool: Tool, question: Question) -> Option<&str> {
        self.questions
            .answers(question)
            .own_names
            .get(&tool)
            .map(String::as_str)
    }

    /// Gives a house (or helper) the child's own name; a blank name brings the usual one back.
    /// What the child decided about sharing a name held for that name only, so a new name
    /// starts undecided again (the history keeps the earlier decision). Does nothing once
    /// the session is finished: the name is the child's words.
    pub fn rename(&mut self, tool: Tool, question: Question, name: &str, now_ms: u64) {
        if self.is_finished() {
            return;
        }
        let answers = self.questions.answers_mut(question);
        let new_name = (!name.trim().is_empty()).then(|| name.to_owned());
        if answers.own_names.get(&tool) == new_name.as_ref() {
            return;
        }
        match new_name {
            Some(name) => answers.own_names.insert(tool, name),
            None => answers.own_names.remove(&tool),
        };
        if let Some(sharing) = answers.name_sharing.get_mut(&tool) {
            sharing.decide(None, now_ms);
        }
        self.touch(now_ms);
    }

    /// The child's own name for a question in `tool`, if a summary for `audience` may show
    /// it: the child agreed, and the worker holds nothing back.
    pub fn own_name_shown_to(
        &self,
        tool: Tool,
        question: Question,
        audience: &Audience,
    ) -> Option<&str> {
        let shown = self
            .sharing(SharedItem::Name { tool, question })
            .is_some_and(|sharing| sharing.is_shown_to(audience));
        self.own_name(tool, question).filter(|_| shown)
    }

    /// Keeps the helper the child chose (kind and colours); choosing again replaces it, and
    /// every entry stays where it is. Does nothing once the session is finished.
    pub fn choose_helper(&mut self, helper: Helper, now_ms: u64) {
        if self.helper != Some(helper) && !self.is_finished() {
            self.helper = Some(helper);
            self.touch(now_ms);
        }
    }

    /// The tools the child took part in, in a fixed order: a tool counts once the child made
    /// an entry in it, named one of its houses or helpers, chose a helper, or said "I don't
    /// want to say" in it. Choosing, naming and passing are already the child taking part.
    pub fn tools_used(&self) -> Vec<Tool> {
        Tool::ALL
            .into_iter()
            .filter(|&tool| {
                (tool.choosing_counts() && self.helper.is_some())
                    || tool.questions().iter().any(|&question| {
                        self.own_name(tool, question).is_some()
                            || self.passed(tool, question)
                            || self
                                .entries(question)
                                .iter()
                                .any(|entry| entry.tool == tool)
                    })
            })
            .collect()
    }

    /// The three questions as `tool` shows them, in its order: the child's name for each in
    /// that tool, and the entries, which are the same whichever tool shows them.
    pub fn questions_in(&self, tool: Tool) -> Vec<QuestionInTool<'_>> {
        tool.questions()
            .iter()
            .map(|&question| QuestionInTool {
                tool,
                question,
                own_name: self.own_name(tool, question),
                entries: self.entries(question),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::entry::{Voice, Words};
    use crate::core::session::tests::mia;
    use crate::core::{HelperColour, HelperKind};

    #[test]
    fn a_house_can_have_the_childs_own_name_and_lose_it_again() {
        let mut session = mia();
        session.rename(Tool::ThreeHouses, Question::Worries, "Stormy house", 2000);
        assert_eq!(
            session.own_name(Tool::ThreeHouses, Question::Worries),
            Some("Stormy house")
        );
        session.rename(Tool::ThreeHouses, Question::Worries, "   ", 2100);
        assert_eq!(session.own_name(Tool::ThreeHouses, Question::Worries), None);
    }

    #[test]
    fn the_same_answers_show_as_houses_and_as_helpers() {
        let mut session = mia();
        let worry = session.add_words(
            Tool::ThreeHouses,
            Question::Worries,
            Words {
                text: "the shouting".into(),
                voice: Voice::ChildSaidWorkerWrote,
            },
            2000,
        );
        let wish = session.add_drawing(Tool::WizardsAndFairies, Question::Dreams, 2100);
        session.rename(Tool::ThreeHouses, Question::Dreams, "Castle", 2200);
        session.rename(Tool::WizardsAndFairies, Question::Dreams, "Sparkle", 2300);

        let houses = session.questions_in(Tool::ThreeHouses);
        let helpers = session.questions_in(Tool::WizardsAndFairies);
        // Each tool in its own order: worries first in the houses, good things first with the
        // helpers.
        let order = |shown: &[QuestionInTool]| -> Vec<Question> {
            shown.iter().map(|shown| shown.question).collect()
        };
        assert_eq!(order(&houses), Question::ALL);
        assert_eq!(
            order(&helpers),
            [Question::GoodThings, Question::Worries, Question::Dreams]
        );
        for question in Question::ALL {
            let in_houses = houses
                .iter()
                .find(|shown| shown.question == question)
                .unwrap();
            let in_helpers = helpers
                .iter()
                .find(|shown| shown.question == question)
                .unwrap();
            // The same entries, whichever tool made them.
            assert_eq!(in_houses.entries, in_helpers.entries);
            assert_eq!(in_houses.entries, session.entries(question));
        }
        assert_eq!(houses[0].entries[0].id, worry);
        assert_eq!(houses[0].entries[0].tool, Tool::ThreeHouses);
        assert_eq!(helpers[2].entries[0].id, wish);
        assert_eq!(helpers[2].entries[0].tool, Tool::WizardsAndFairies);
        // Names are each tool's own.
        assert_eq!(houses[2].own_name, Some("Castle"));
        assert_eq!(helpers[2].own_name, Some("Sparkle"));
        assert_eq!(helpers[1].own_name, None);
    }

    #[test]
    fn a_tool_counts_as_used_once_the_child_takes_part_in_it() {
        let mut session = mia();
        assert!(session.tools_used().is_empty());
        session.add_drawing(Tool::WizardsAndFairies, Question::Worries, 2000);
        assert_eq!(session.tools_used(), [Tool::WizardsAndFairies]);
        session.rename(Tool::ThreeHouses, Question::GoodThings, "Home", 2100);
        assert_eq!(
            session.tools_used(),
            [Tool::ThreeHouses, Tool::WizardsAndFairies]
        );
        let mut chose = mia();
        chose.choose_helper(Helper::new(HelperKind::Unicorn), 2000);
        assert_eq!(chose.tools_used(), [Tool::WizardsAndFairies]);
    }

    #[test]
    fn the_childs_helper_is_kept_and_can_be_changed_without_touching_entries() {
        let mut session = mia();
        assert_eq!(session.helper, None, "no helper is chosen for the child");
        let entry = session.add_drawing(Tool::WizardsAndFairies, Question::GoodThings, 2000);
        session.choose_helper(Helper::new(HelperKind::Dragon), 3000);
        assert_eq!(session.updated_at, 3000);
        let recoloured = Helper {
            kind: HelperKind::Dragon,
            main: HelperColour::Green,
            accent: HelperColour::Red,
        };
        session.choose_helper(recoloured, 4000);
        session.choose_helper(recoloured, 5000);
        assert_eq!(
            session.updated_at, 4000,
            "choosing the same again changes nothing"
        );
        assert_eq!(session.helper, Some(recoloured));
        assert!(session.entry(Question::GoodThings, entry).is_some());
        let json = serde_json::to_string(&session).unwrap();
        assert!(json.contains(r#""helper":{"kind":"dragon","main":"green","accent":"red"}"#));
        assert_eq!(serde_json::from_str::<Session>(&json).unwrap(), session);
    }
}
