//! What the child gave for each question, whichever tool asked it: both tools (Three Houses,
//! Wizards and Fairies) are looks on this one model, so a session's answers do not depend on
//! which tool collected them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::question::Question;
use super::sharing::Sharing;
use super::tool::Tool;

/// What the child said and drew for one question, and any name the child gave it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    /// The child's own name for the house (or helper), per tool; absent means the usual name.
    #[serde(default)]
    pub own_names: BTreeMap<Tool, String>,
    /// Who may see each own name: the child's names for the houses are the child's words too
    /// ("When Dad drinks"), so a summary for an audience shows one only where the child agreed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub name_sharing: BTreeMap<Tool, Sharing>,
    /// Entries in the order they were made. Each is read on its own, so one that cannot be
    /// read is kept as it was stored and the others read (see [`Entry::from_stored`]).
    #[serde(default, deserialize_with = "super::entry::entries_from_stored")]
    pub entries: Vec<Entry>,
}

/// The answers to all three questions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreeQuestions {
    #[serde(default)]
    pub worries: Answers,
    #[serde(default)]
    pub good_things: Answers,
    #[serde(default)]
    pub dreams: Answers,
}

impl ThreeQuestions {
    pub fn answers(&self, question: Question) -> &Answers {
        match question {
            Question::Worries => &self.worries,
            Question::GoodThings => &self.good_things,
            Question::Dreams => &self.dreams,
        }
    }

    pub fn answers_mut(&mut self, question: Question) -> &mut Answers {
        match question {
            Question::Worries => &mut self.worries,
            Question::GoodThings => &mut self.good_things,
            Question::Dreams => &mut self.dreams,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_question_has_its_own_answers() {
        let mut questions = ThreeQuestions::default();
        questions
            .answers_mut(Question::Dreams)
            .own_names
            .insert(Tool::ThreeHouses, "Castle".into());
        assert!(questions.answers(Question::Worries).own_names.is_empty());
        assert!(questions.answers(Question::GoodThings).own_names.is_empty());
        assert_eq!(
            questions.answers(Question::Dreams).own_names[&Tool::ThreeHouses],
            "Castle"
        );
    }
}
