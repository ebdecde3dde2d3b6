//! The tools that ask the questions: each a look on the same answers, not a store of its own.

use serde::{Deserialize, Serialize};

use super::question::Question;

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
