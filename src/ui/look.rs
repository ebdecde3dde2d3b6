//! How each tool shows its questions: as houses or as magical helpers. The screens ask here
//! for a tool's name, a question's name, prompt and picture, so one set of screens serves
//! every tool. What is particular to a tool is in its own module under `look/`; this file
//! only finds it.

use leptos::prelude::*;

use crate::core::{AgeVersion, HelperKind, Question, Session, SessionId, Tool};
use crate::ui::I18n;

mod three_houses;
pub mod wizards_and_fairies;

/// How one tool looks: its words, pictures and the screens of its own.
pub struct Look {
    /// The tool's name and the hint under it on the session screen.
    pub name: fn(I18n) -> &'static str,
    pub hint: fn(I18n) -> &'static str,
    /// The tool's picture on the session screen.
    pub card_icon: fn(&Session) -> String,
    /// The heading above its houses or helpers, and the hint under it.
    pub heading: fn(I18n) -> &'static str,
    pub doors_hint: fn(I18n) -> &'static str,
    /// The usual name of a question, for the helper kind the child chose (if any).
    pub usual_name: fn(I18n, Option<HelperKind>, Question) -> String,
    /// What the tool asks, as the worker may read it aloud to a young child.
    /// A question's prompt in the version for the child's age (`AgeVersion`): the younger is
    /// concrete and short, the older more open and about what should happen next.
    pub prompt: fn(I18n, Question, AgeVersion) -> &'static str,
    /// The picture of a question: a file in `public/`, or a `data:` URL.
    pub picture: fn(&Session, Question) -> String,
    /// The way back from inside a question.
    pub back_label: fn(I18n) -> &'static str,
    /// The rename button's label for a question of this name.
    pub rename_label: fn(I18n, String) -> String,
    /// The rename dialog's title and field label.
    pub rename_dialog: fn(I18n) -> (&'static str, &'static str),
    /// Whether adding words to this question makes the wand sparkle.
    pub sparkles: fn(Question) -> bool,
    /// Whether the child must first make a choice the tool needs (the helpers: choosing one)
    /// before they see its questions, for the session (None when it is not open).
    pub choice_needed: fn(Option<&Session>) -> bool,
    /// The screen where the child makes that choice.
    pub choice: fn(SessionId) -> AnyView,
    /// More buttons under the tool's questions.
    pub more_actions: fn(SessionId) -> Option<AnyView>,
}

/// The look of `tool`.
pub fn look(tool: Tool) -> &'static Look {
    match tool {
        Tool::ThreeHouses => &three_houses::LOOK,
        Tool::WizardsAndFairies => &wizards_and_fairies::LOOK,
    }
}

/// The usual name of a question's house, or of its helper for the kind the child chose.
pub fn usual_name(
    i18n: I18n,
    tool: Tool,
    helper: Option<HelperKind>,
    question: Question,
) -> String {
    (look(tool).usual_name)(i18n, helper, question)
}

/// The name the child sees: their own for this house or helper, or the usual one.
pub fn name_in(i18n: I18n, session: &Session, tool: Tool, question: Question) -> String {
    session
        .own_name(tool, question)
        .map(str::to_owned)
        .unwrap_or_else(|| usual_name(i18n, tool, session.helper.map(|h| h.kind), question))
}

/// The name of a question wherever the tools meet (sharing, the summary): its name in every
/// tool the child used, or the houses' when none was used yet.
pub fn name_across_tools(i18n: I18n, session: &Session, question: Question) -> String {
    let tools = session.tools_used();
    if tools.is_empty() {
        return name_in(i18n, session, Tool::default(), question);
    }
    tools
        .into_iter()
        .map(|tool| name_in(i18n, session, tool, question))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What the house or helper asks, as the worker may read it aloud to a young child.
pub fn prompt(i18n: I18n, tool: Tool, question: Question, age: AgeVersion) -> &'static str {
    (look(tool).prompt)(i18n, question, age)
}

/// Which version of the prompts a session's child hears: the worker's choice, or the one for
/// the child's age.
pub fn age_version_of(session: SessionId) -> Signal<AgeVersion> {
    let state = crate::state::use_app_state();
    Signal::derive(move || {
        state
            .with_session(&session, Session::age_version)
            .unwrap_or(AgeVersion::Younger)
    })
}

/// The picture of a house, or of the child's helper in their colours.
pub fn picture(session: &Session, tool: Tool, question: Question) -> String {
    (look(tool).picture)(session, question)
}

/// The way back from inside a house or helper.
pub fn back_label(i18n: I18n, tool: Tool) -> &'static str {
    (look(tool).back_label)(i18n)
}
