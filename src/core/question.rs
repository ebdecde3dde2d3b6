//! The questions a tool asks a child. Today the three of Signs of Safety as a child hears
//! them: what worries you, what is good, what do you wish for. A tool may ask its own.

use serde::{Deserialize, Serialize};

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
}
