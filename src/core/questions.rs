//! The three questions of Signs of Safety as a child hears them: what worries you, what is
//! good, what do you wish for. Both tools (Three Houses, Wizards and Fairies) are looks on
//! this one model, so a session's answers do not depend on which tool collected them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::sharing::Sharing;

/// One of the three questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    Worries,
    GoodThings,
    Dreams,
}

impl Question {
    /// The order a worker usually introduces them; the child may pick any order.
    pub const ALL: [Question; 3] = [Question::Worries, Question::GoodThings, Question::Dreams];

    /// A stable, language-free name for ids, CSS classes and file names.
    pub fn slug(self) -> &'static str {
        match self {
            Question::Worries => "worries",
            Question::GoodThings => "good-things",
            Question::Dreams => "dreams",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.slug() == slug)
    }
}

/// A way of asking the three questions: a look on the same answers, not a store of its own.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// Three houses: worries, good things, dreams. Records from before Wizards and Fairies
    /// were all made here, hence the default.
    #[default]
    ThreeHouses,
    /// Three magical helpers the child chooses, for the youngest children.
    WizardsAndFairies,
}

impl Tool {
    pub const ALL: [Tool; 2] = [Tool::ThreeHouses, Tool::WizardsAndFairies];

    /// A stable, language-free name for ids and CSS classes.
    pub fn slug(self) -> &'static str {
        match self {
            Tool::ThreeHouses => "three-houses",
            Tool::WizardsAndFairies => "wizards-and-fairies",
        }
    }

    /// The order the tool shows its questions in. The houses start with worries, as workers
    /// usually do; the helpers start with the good things, gentler for a small child.
    pub fn questions(self) -> [Question; 3] {
        match self {
            Tool::ThreeHouses => Question::ALL,
            Tool::WizardsAndFairies => [Question::GoodThings, Question::Worries, Question::Dreams],
        }
    }
}

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
    fn slugs_round_trip_and_are_distinct() {
        for question in Question::ALL {
            assert_eq!(Question::from_slug(question.slug()), Some(question));
        }
        assert_eq!(Question::from_slug("nightmares"), None);
    }

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
