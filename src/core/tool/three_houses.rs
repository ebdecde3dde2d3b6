//! The Three Houses (Nicki Weld & Maggie Greening): the House of Worries, the House of Good
//! Things and the House of Dreams, for children of about 5 up to teenagers.

use super::ToolDefinition;
use crate::core::question::Question;

/// The houses start with worries, as workers usually do; the child may enter them in any order.
pub(super) const DEFINITION: ToolDefinition = ToolDefinition {
    slug: "three-houses",
    questions: &[Question::Worries, Question::GoodThings, Question::Dreams],
    chosen_look_counts: false,
    // The summary file shows the houses by their names only.
    summary_picture: |_, _| None,
};
