//! Every enum the worker or the child reads as words, in one place: the colours, nibs and
//! brushes of the drawing editor, the stamps, who said and who wrote, the audiences, and the
//! helpers of Wizards and Fairies. A new kind of thing gets its words here.

use leptos::prelude::*;

use crate::core::ink::{BrushSize, ColourName, Nib, StampKind, StampPage};
use crate::core::{Audience, HelperColour, HelperKind, Voice};
use crate::i18n::*;
use crate::ui::I18n;

pub fn colour_label(i18n: I18n, name: ColourName) -> &'static str {
    match name {
        ColourName::Black => t_string!(i18n, colour_black),
        ColourName::Red => t_string!(i18n, colour_red),
        ColourName::Orange => t_string!(i18n, colour_orange),
        ColourName::Yellow => t_string!(i18n, colour_yellow),
        ColourName::Green => t_string!(i18n, colour_green),
        ColourName::Blue => t_string!(i18n, colour_blue),
        ColourName::Purple => t_string!(i18n, colour_purple),
        ColourName::Brown => t_string!(i18n, colour_brown),
        ColourName::Pink => t_string!(i18n, colour_pink),
        ColourName::Grey => t_string!(i18n, colour_grey),
        ColourName::LightSkin => t_string!(i18n, colour_light_skin),
        ColourName::MediumSkin => t_string!(i18n, colour_medium_skin),
        ColourName::DarkSkin => t_string!(i18n, colour_dark_skin),
    }
}

pub fn nib_label(i18n: I18n, nib: Nib) -> &'static str {
    match nib {
        Nib::Marker => t_string!(i18n, marker),
        Nib::Highlighter => t_string!(i18n, highlighter),
    }
}

pub fn brush_label(i18n: I18n, size: BrushSize) -> &'static str {
    match size {
        BrushSize::Thin => t_string!(i18n, brush_thin),
        BrushSize::Medium => t_string!(i18n, brush_medium),
        BrushSize::Thick => t_string!(i18n, brush_thick),
    }
}

/// The words that mark who said and who wrote an entry.
pub fn voice_label(i18n: I18n, voice: Voice) -> &'static str {
    match voice {
        Voice::ChildSaidWorkerWrote => t_string!(i18n, voice_child_said),
        Voice::ChildWrote => t_string!(i18n, voice_child_wrote),
    }
}

pub fn stamp_label(i18n: I18n, kind: StampKind) -> &'static str {
    match kind {
        StampKind::Happy => t_string!(i18n, stamp_happy),
        StampKind::Sad => t_string!(i18n, stamp_sad),
        StampKind::Angry => t_string!(i18n, stamp_angry),
        StampKind::Scared => t_string!(i18n, stamp_scared),
        StampKind::Worried => t_string!(i18n, stamp_worried),
        StampKind::Calm => t_string!(i18n, stamp_calm),
        StampKind::Child => t_string!(i18n, stamp_child),
        StampKind::Adult => t_string!(i18n, stamp_adult),
        StampKind::OlderPerson => t_string!(i18n, stamp_older_person),
        StampKind::Baby => t_string!(i18n, stamp_baby),
        StampKind::Home => t_string!(i18n, stamp_home),
        StampKind::School => t_string!(i18n, stamp_school),
        StampKind::Heart => t_string!(i18n, stamp_heart),
        StampKind::Sun => t_string!(i18n, stamp_sun),
        StampKind::Cloud => t_string!(i18n, stamp_cloud),
        StampKind::Rain => t_string!(i18n, stamp_rain),
        StampKind::Star => t_string!(i18n, stamp_star),
        StampKind::Pet => t_string!(i18n, stamp_pet),
        StampKind::Bed => t_string!(i18n, stamp_bed),
        StampKind::Car => t_string!(i18n, stamp_car),
        StampKind::SpeechBubble => t_string!(i18n, stamp_speech_bubble),
        StampKind::ChildNeutral => t_string!(i18n, stamp_child_neutral),
        StampKind::AdultNeutral => t_string!(i18n, stamp_adult_neutral),
        StampKind::OlderPersonNeutral => t_string!(i18n, stamp_older_person_neutral),
        StampKind::BabyNeutral => t_string!(i18n, stamp_baby_neutral),
    }
}

/// The word under a stamp in the tray: its name, but a person with a neutral face is named
/// as the person (the picture shows the face; the button's full name says it).
pub fn stamp_tray_word(i18n: I18n, kind: StampKind) -> &'static str {
    stamp_label(i18n, kind.smiling().unwrap_or(kind))
}

pub fn stamp_page_label(i18n: I18n, page: StampPage) -> &'static str {
    match page {
        StampPage::Feelings => t_string!(i18n, stamp_page_feelings),
        StampPage::People => t_string!(i18n, stamp_page_people),
        StampPage::Things => t_string!(i18n, stamp_page_things),
    }
}

/// The word for an audience in the active language; a name the child gave is shown as given.
pub fn audience_label(i18n: I18n, audience: &Audience) -> String {
    match audience {
        Audience::Mum => t_string!(i18n, audience_mum).to_owned(),
        Audience::Dad => t_string!(i18n, audience_dad).to_owned(),
        Audience::Family => t_string!(i18n, audience_family).to_owned(),
        Audience::Sibling => t_string!(i18n, audience_sibling).to_owned(),
        Audience::FosterCarer => t_string!(i18n, audience_foster_carer).to_owned(),
        Audience::Teacher => t_string!(i18n, audience_teacher).to_owned(),
        Audience::Guardian => t_string!(i18n, audience_guardian).to_owned(),
        Audience::Advocate => t_string!(i18n, audience_advocate).to_owned(),
        Audience::Court => t_string!(i18n, audience_court).to_owned(),
        Audience::Meeting => t_string!(i18n, audience_meeting).to_owned(),
        Audience::Named(name) => name.clone(),
    }
}

/// What the child's helper is called in the active language: "fairy", or "helper" before the
/// child has chosen.
pub fn helper_noun(i18n: I18n, kind: Option<HelperKind>) -> &'static str {
    match kind {
        Some(HelperKind::Fairy) => t_string!(i18n, helper_noun_fairy),
        Some(HelperKind::Wizard) => t_string!(i18n, helper_noun_wizard),
        Some(HelperKind::Dragon) => t_string!(i18n, helper_noun_dragon),
        Some(HelperKind::Unicorn) => t_string!(i18n, helper_noun_unicorn),
        None => t_string!(i18n, helper_noun_none),
    }
}

/// The word on the button that chooses a kind of helper.
pub fn helper_kind_label(i18n: I18n, kind: HelperKind) -> &'static str {
    match kind {
        HelperKind::Fairy => t_string!(i18n, helper_kind_fairy),
        HelperKind::Wizard => t_string!(i18n, helper_kind_wizard),
        HelperKind::Dragon => t_string!(i18n, helper_kind_dragon),
        HelperKind::Unicorn => t_string!(i18n, helper_kind_unicorn),
    }
}

pub fn helper_colour_name(i18n: I18n, colour: HelperColour) -> &'static str {
    match colour {
        HelperColour::Purple => t_string!(i18n, colour_purple),
        HelperColour::Blue => t_string!(i18n, colour_blue),
        HelperColour::Teal => t_string!(i18n, colour_teal),
        HelperColour::Green => t_string!(i18n, colour_green),
        HelperColour::Gold => t_string!(i18n, colour_gold),
        HelperColour::Orange => t_string!(i18n, colour_orange),
        HelperColour::Red => t_string!(i18n, colour_red),
        HelperColour::Pink => t_string!(i18n, colour_pink),
    }
}

/// A name or the child's words set inside a translated line, isolated as its own direction
/// (Unicode FSI … PDI, what `<bdi>` does for an element), so Arabic with a German name,
/// quotes and brackets keep their order within the sentence.
pub fn isolated(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// What a translated line is filled with where a name goes, for [`with_name_isolated`]: a
/// character no translation holds.
pub const NAME_MARK: &str = "\u{E000}";

/// A translated line filled with [`NAME_MARK`], shown with `name` in its own `<bdi>` where the
/// mark is: the name keeps its order, and the line's accessible name is plain text.
pub fn with_name_isolated(line: &str, name: &str) -> impl IntoView {
    let mut parts = line.split(NAME_MARK);
    let first = parts.next().unwrap_or_default().to_owned();
    let rest = parts
        .map(|part| {
            let name = name.to_owned();
            let part = part.to_owned();
            view! { <bdi>{name}</bdi>{part} }
        })
        .collect_view();
    view! { {first}{rest} }
}
