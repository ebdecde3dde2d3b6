//! Wizards and Fairies as the child sees them: the three helpers in the look the child chose
//! ([`helper_choice`]), their names, prompts and pictures, and the wand's sparkle.

pub mod helper_choice;

use leptos::prelude::*;

use crate::core::{AgeVersion, Helper, HelperKind, Question, Screen};
use crate::i18n::*;
use crate::state::use_app_state;
use crate::ui::labels::helper_noun;
use crate::ui::look::Look;
use crate::ui::IconButton;
use helper_choice::ChooseHelperScreen;

pub(super) const LOOK: Look = Look {
    name: |i18n| t_string!(i18n, wizards_and_fairies),
    hint: |i18n| t_string!(i18n, wizards_and_fairies_hint),
    // The card shows the child's own helper once they have chosen one.
    card_icon: |session| {
        session
            .helper
            .map(|helper| helper.picture_url(Question::Dreams))
            .unwrap_or_else(|| "public/icon-magic.svg".to_owned())
    },
    heading: |i18n| t_string!(i18n, helpers_heading),
    doors_hint: |i18n| t_string!(i18n, helpers_hint),
    usual_name: |i18n, helper, question| {
        let kind = helper_noun(i18n, helper);
        match question {
            Question::Worries => t_string!(i18n, helper_worries, kind),
            Question::GoodThings => t_string!(i18n, helper_good_things, kind),
            Question::Dreams => t_string!(i18n, helper_wishes, kind),
        }
        .to_string()
    },
    prompt: |i18n, question, age| match (question, age) {
        (Question::Worries, AgeVersion::Younger) => t_string!(i18n, helper_prompt_worries),
        (Question::Worries, AgeVersion::Older) => t_string!(i18n, helper_prompt_worries_older),
        (Question::GoodThings, AgeVersion::Younger) => t_string!(i18n, helper_prompt_good_things),
        (Question::GoodThings, AgeVersion::Older) => {
            t_string!(i18n, helper_prompt_good_things_older)
        }
        (Question::Dreams, AgeVersion::Younger) => t_string!(i18n, helper_prompt_wishes),
        (Question::Dreams, AgeVersion::Older) => t_string!(i18n, helper_prompt_wishes_older),
    },
    // Before a helper is chosen the helpers' screens are not shown, so the fallback is only
    // a safe default.
    picture: |session, question| {
        session
            .helper
            .unwrap_or(Helper::new(HelperKind::Fairy))
            .picture_url(question)
    },
    back_label: |i18n| t_string!(i18n, back_to_helpers),
    rename_label: |i18n, name| t_string!(i18n, rename_helper, helper = name).to_string(),
    rename_dialog: |i18n| {
        (
            t_string!(i18n, rename_helper_title),
            t_string!(i18n, rename_helper_field),
        )
    },
    // The magic wand grants a wish.
    sparkles: |question| question == Question::Dreams,
    // The helpers are the child's own choice: until they have chosen, choosing comes first.
    choice_needed: |session| session.and_then(|session| session.helper).is_none(),
    choice: |session| view! { <ChooseHelperScreen session /> }.into_any(),
    more_actions: |session| {
        let state = use_app_state();
        let i18n = use_i18n();
        Some(
            view! {
                <IconButton icon="icon-magic" label=Signal::derive(move || t_string!(i18n, change_helper).to_owned())
                    on_press=move || state.go(Screen::ChooseHelper { session }) />
            }
            .into_any(),
        )
    },
};
