//! How each tool shows the three questions: as houses or as magical helpers. The screens ask
//! here for a question's name, prompt and picture, so one set of screens serves both tools.

use crate::core::{Helper, HelperKind, Question, Session, Tool};
use crate::i18n::*;
use crate::ui::labels::helper_noun;
use crate::ui::I18n;

/// The usual name of a question's house, or of its helper for the kind the child chose.
pub fn usual_name(
    i18n: I18n,
    tool: Tool,
    helper: Option<HelperKind>,
    question: Question,
) -> String {
    match tool {
        Tool::ThreeHouses => match question {
            Question::Worries => t_string!(i18n, house_worries),
            Question::GoodThings => t_string!(i18n, house_good_things),
            Question::Dreams => t_string!(i18n, house_dreams),
        }
        .to_owned(),
        Tool::WizardsAndFairies => {
            let kind = helper_noun(i18n, helper);
            match question {
                Question::Worries => t_string!(i18n, helper_worries, kind),
                Question::GoodThings => t_string!(i18n, helper_good_things, kind),
                Question::Dreams => t_string!(i18n, helper_wishes, kind),
            }
            .to_string()
        }
    }
}

/// The name the child sees: their own for this house or helper, or the usual one.
pub fn name_in(i18n: I18n, session: &Session, tool: Tool, question: Question) -> String {
    session
        .own_name(tool, question)
        .map(str::to_owned)
        .unwrap_or_else(|| usual_name(i18n, tool, session.helper.map(|h| h.kind), question))
}

/// The name of a question wherever the tools meet (sharing, the summary): its name in every
/// tool the child used, or the house's when none was used yet.
pub fn name_across_tools(i18n: I18n, session: &Session, question: Question) -> String {
    let tools = session.tools_used();
    if tools.is_empty() {
        return name_in(i18n, session, Tool::ThreeHouses, question);
    }
    tools
        .into_iter()
        .map(|tool| name_in(i18n, session, tool, question))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What the house or helper asks, as the worker may read it aloud to a young child.
pub fn prompt(i18n: I18n, tool: Tool, question: Question) -> &'static str {
    match (tool, question) {
        (Tool::ThreeHouses, Question::Worries) => t_string!(i18n, prompt_worries),
        (Tool::ThreeHouses, Question::GoodThings) => t_string!(i18n, prompt_good_things),
        (Tool::ThreeHouses, Question::Dreams) => t_string!(i18n, prompt_dreams),
        (Tool::WizardsAndFairies, Question::Worries) => t_string!(i18n, helper_prompt_worries),
        (Tool::WizardsAndFairies, Question::GoodThings) => {
            t_string!(i18n, helper_prompt_good_things)
        }
        (Tool::WizardsAndFairies, Question::Dreams) => t_string!(i18n, helper_prompt_wishes),
    }
}

/// The picture of a house, or of the child's helper in their colours. Before a helper is
/// chosen the helpers' screens are not shown, so the fallback is only a safe default.
pub fn picture(session: &Session, tool: Tool, question: Question) -> String {
    match tool {
        Tool::ThreeHouses => format!("public/house-{}.svg", question.slug()),
        Tool::WizardsAndFairies => session
            .helper
            .unwrap_or(Helper::new(HelperKind::Fairy))
            .picture_url(question),
    }
}

/// The way back from inside a house or helper.
pub fn back_label(i18n: I18n, tool: Tool) -> &'static str {
    match tool {
        Tool::ThreeHouses => t_string!(i18n, back_to_houses),
        Tool::WizardsAndFairies => t_string!(i18n, back_to_helpers),
    }
}
