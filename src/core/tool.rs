//! The tools that ask the questions: each a look on the same answers, not a store of its own.
//! What is particular to a tool (which questions it asks, in which order, its pictures and
//! choices) lives in its own module under `tool/`; this file only lists the tools.

use serde::{Deserialize, Serialize};

use super::question::Question;

pub mod three_houses;
pub mod wizards_and_fairies;

pub use wizards_and_fairies::{Helper, HelperColour, HelperKind};

/// A way of asking the questions. Stored by its snake_case name (`three_houses`), in each
/// entry and as the key of the child's own names.
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

/// What a tool's own module says about it.
pub(crate) struct ToolDefinition {
    /// A stable, language-free name for ids and CSS classes.
    slug: &'static str,
    /// The questions it asks, in the order it shows them.
    questions: &'static [Question],
    /// Whether the child's choice of the tool's look (a helper) already counts as taking
    /// part in it, before any entry or name.
    chosen_look_counts: bool,
    /// The picture beside a question in the summary file, for the helper the child chose.
    summary_picture: fn(Option<Helper>, Question) -> Option<String>,
}

impl Tool {
    /// Every tool, in the order the session screen offers them.
    pub const ALL: [Tool; 2] = [Tool::ThreeHouses, Tool::WizardsAndFairies];

    fn definition(self) -> &'static ToolDefinition {
        match self {
            Tool::ThreeHouses => &three_houses::DEFINITION,
            Tool::WizardsAndFairies => &wizards_and_fairies::DEFINITION,
        }
    }

    /// A stable, language-free name for ids and CSS classes.
    pub fn slug(self) -> &'static str {
        self.definition().slug
    }

    /// The questions the tool asks, in the order it shows them.
    pub fn questions(self) -> &'static [Question] {
        self.definition().questions
    }

    /// The picture that stands beside a question in the summary file, as the child saw it: a
    /// `data:` URL of the app's own art, or None for a tool that shows none there.
    pub fn summary_picture(self, helper: Option<Helper>, question: Question) -> Option<String> {
        (self.definition().summary_picture)(helper, question)
    }

    /// Whether choosing the tool's look (a helper) counts as taking part in the tool.
    pub fn choosing_counts(self) -> bool {
        self.definition().chosen_look_counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tool_has_its_own_slug_and_asks_each_question_once() {
        let slugs: std::collections::BTreeSet<_> = Tool::ALL.map(Tool::slug).into();
        assert_eq!(slugs.len(), Tool::ALL.len());
        for tool in Tool::ALL {
            let asked: std::collections::BTreeSet<_> = tool.questions().iter().collect();
            assert_eq!(asked.len(), tool.questions().len(), "{tool:?}");
        }
    }
}
