//! The Three Houses as the child sees them: three friendly houses with their names, prompts
//! and pictures (`public/house-*.svg`).

use leptos::prelude::*;

use crate::core::{AgeVersion, Question};
use crate::i18n::*;
use crate::ui::look::Look;

pub(super) const LOOK: Look = Look {
    name: |i18n| t_string!(i18n, three_houses),
    hint: |i18n| t_string!(i18n, three_houses_hint),
    card_icon: |_| "public/icon-houses.svg".to_owned(),
    heading: |i18n| t_string!(i18n, houses_heading),
    doors_hint: |i18n| t_string!(i18n, houses_hint),
    usual_name: |i18n, _, question| {
        match question {
            Question::Worries => t_string!(i18n, house_worries),
            Question::GoodThings => t_string!(i18n, house_good_things),
            Question::Dreams => t_string!(i18n, house_dreams),
        }
        .to_owned()
    },
    prompt: |i18n, question, age| match (question, age) {
        (Question::Worries, AgeVersion::Younger) => t_string!(i18n, prompt_worries),
        (Question::Worries, AgeVersion::Older) => t_string!(i18n, prompt_worries_older),
        (Question::GoodThings, AgeVersion::Younger) => t_string!(i18n, prompt_good_things),
        (Question::GoodThings, AgeVersion::Older) => t_string!(i18n, prompt_good_things_older),
        (Question::Dreams, AgeVersion::Younger) => t_string!(i18n, prompt_dreams),
        (Question::Dreams, AgeVersion::Older) => t_string!(i18n, prompt_dreams_older),
    },
    picture: |_, question| format!("public/house-{}.svg", question.slug()),
    back_label: |i18n| t_string!(i18n, back_to_houses),
    rename_label: |i18n, name| t_string!(i18n, rename_house, house = name).to_string(),
    rename_dialog: |i18n| (t_string!(i18n, rename_title), t_string!(i18n, rename_field)),
    sparkles: |_| false,
    choice_needed: |_| false,
    choice: |_| ().into_any(),
    more_actions: |_| None,
};
