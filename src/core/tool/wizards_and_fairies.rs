//! Wizards and Fairies, for children of about 4 to 8: the three questions told as a story of
//! magical helpers, in the look the child chooses, and the helpers' pictures.
//!
//! The child picks one kind of helper and two colours; the three helpers (Good Things,
//! Worries, Wishes) are that figure in three poses. Every kind is offered to every child and
//! none is ever suggested by gender, so there is no default kind: until the child chooses,
//! the session has no helper.

use serde::{Deserialize, Serialize};

use super::ToolDefinition;
use crate::core::ink::base64::base64_encode;
use crate::core::question::Question;

/// The helpers start with the good things, gentler for a small child, and end with the wand.
pub(super) const DEFINITION: ToolDefinition = ToolDefinition {
    slug: "wizards-and-fairies",
    questions: &[Question::GoodThings, Question::Worries, Question::Dreams],
    chosen_look_counts: true,
    // Each helper stands beside its question, in the child's colours.
    summary_picture: |helper, question| helper.map(|helper| helper.picture_url(question)),
};

/// The magical figure the child chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HelperKind {
    Fairy,
    Wizard,
    Dragon,
    Unicorn,
}

impl HelperKind {
    /// The order the choices are offered in; alphabetical in no language, and the same for
    /// every child.
    pub const ALL: [HelperKind; 4] = [
        HelperKind::Fairy,
        HelperKind::Wizard,
        HelperKind::Dragon,
        HelperKind::Unicorn,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            HelperKind::Fairy => "fairy",
            HelperKind::Wizard => "wizard",
            HelperKind::Dragon => "dragon",
            HelperKind::Unicorn => "unicorn",
        }
    }
}

/// A colour the child may give their helper. A fixed set, not any CSS colour: each prints
/// well beside the dark outlines, and a stored colour can never carry markup into a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HelperColour {
    Purple,
    Blue,
    Teal,
    Green,
    Gold,
    Orange,
    Red,
    Pink,
}

impl HelperColour {
    pub const ALL: [HelperColour; 8] = [
        HelperColour::Purple,
        HelperColour::Blue,
        HelperColour::Teal,
        HelperColour::Green,
        HelperColour::Gold,
        HelperColour::Orange,
        HelperColour::Red,
        HelperColour::Pink,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            HelperColour::Purple => "purple",
            HelperColour::Blue => "blue",
            HelperColour::Teal => "teal",
            HelperColour::Green => "green",
            HelperColour::Gold => "gold",
            HelperColour::Orange => "orange",
            HelperColour::Red => "red",
            HelperColour::Pink => "pink",
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> &'static str {
        match self {
            HelperColour::Purple => "#7b3fbf",
            HelperColour::Blue => "#3f7fd0",
            HelperColour::Teal => "#2a9d8f",
            HelperColour::Green => "#5aa83b",
            HelperColour::Gold => "#f6c90e",
            HelperColour::Orange => "#f08c2e",
            HelperColour::Red => "#d6453d",
            HelperColour::Pink => "#e86fa8",
        }
    }
}

/// The helper the child chose: its kind and its two colours (robe or body, and wings, hat or
/// mane). The same look is used by all three helpers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Helper {
    pub kind: HelperKind,
    pub main: HelperColour,
    pub accent: HelperColour,
}

impl Helper {
    /// A helper of `kind` in the colours it is first shown in; the child may change them.
    pub fn new(kind: HelperKind) -> Helper {
        Helper {
            kind,
            main: HelperColour::Purple,
            accent: HelperColour::Gold,
        }
    }

    /// The helper's picture for a question as a standalone SVG document, in its colours.
    pub fn svg(self, question: Question) -> String {
        let art = art(self.kind, question);
        art.replace(MAIN_FILL, self.main.hex())
            .replace(ACCENT_FILL, self.accent.hex())
    }

    /// The picture as a `data:` URL, for an `<img>` in the app and in the summary file alike.
    pub fn picture_url(self, question: Question) -> String {
        format!(
            "data:image/svg+xml;base64,{}",
            base64_encode(self.svg(question).as_bytes())
        )
    }
}

/// Which of the three helpers answers a question: the slug used in the art's file names.
pub fn role_slug(question: Question) -> &'static str {
    match question {
        Question::GoodThings => "good",
        Question::Worries => "worries",
        Question::Dreams => "wishes",
    }
}

// The art is drawn by `art/wizards-gen.py` with these two placeholders for the child's
// colours (CSS variables with a fallback, so a file also opens on its own).
const MAIN_FILL: &str = "var(--helper-main, #7b3fbf)";
const ACCENT_FILL: &str = "var(--helper-accent, #f6c90e)";

macro_rules! helper_art {
    ($kind:literal) => {
        [
            include_str!(concat!("../../../art/helpers/helper-", $kind, "-good.svg")),
            include_str!(concat!(
                "../../../art/helpers/helper-",
                $kind,
                "-worries.svg"
            )),
            include_str!(concat!(
                "../../../art/helpers/helper-",
                $kind,
                "-wishes.svg"
            )),
        ]
    };
}

const FAIRY: [&str; 3] = helper_art!("fairy");
const WIZARD: [&str; 3] = helper_art!("wizard");
const DRAGON: [&str; 3] = helper_art!("dragon");
const UNICORN: [&str; 3] = helper_art!("unicorn");

fn art(kind: HelperKind, question: Question) -> &'static str {
    let poses = match kind {
        HelperKind::Fairy => &FAIRY,
        HelperKind::Wizard => &WIZARD,
        HelperKind::Dragon => &DRAGON,
        HelperKind::Unicorn => &UNICORN,
    };
    match question {
        Question::GoodThings => poses[0],
        Question::Worries => poses[1],
        Question::Dreams => poses[2],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ink::base64::base64_decode;

    #[test]
    fn every_picture_takes_the_childs_colours_and_nothing_else_varies() {
        for kind in HelperKind::ALL {
            for question in Question::ALL {
                let plain = art(kind, question);
                assert!(plain.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
                assert!(
                    plain.contains(MAIN_FILL),
                    "{kind:?} {question:?} has no main colour"
                );
                assert!(
                    plain.contains(ACCENT_FILL),
                    "{kind:?} {question:?} has no accent"
                );
                let helper = Helper {
                    kind,
                    main: HelperColour::Teal,
                    accent: HelperColour::Pink,
                };
                let svg = helper.svg(question);
                assert!(!svg.contains("var("), "a placeholder is left in {kind:?}");
                assert!(svg.contains("fill=\"#2a9d8f\"") && svg.contains("fill=\"#e86fa8\""));
                // No script, no link out: the picture goes into the summary file as it is.
                for banned in ["<script", "href", " on", "url(", "<image", "<foreign"] {
                    assert!(!svg.contains(banned), "{kind:?} {question:?} has {banned}");
                }
            }
        }
    }

    #[test]
    fn the_three_poses_of_a_kind_differ_and_kinds_differ() {
        let mut all = std::collections::HashSet::new();
        for kind in HelperKind::ALL {
            for question in Question::ALL {
                assert!(all.insert(art(kind, question)));
            }
        }
        // The wishes helper holds the wand with its star; the others do not.
        for kind in HelperKind::ALL {
            let wand_star = "#ffc93c";
            assert!(art(kind, Question::Dreams).contains(wand_star));
            assert!(!art(kind, Question::Worries).contains(wand_star));
        }
    }

    #[test]
    fn a_picture_url_decodes_to_the_coloured_svg() {
        let helper = Helper::new(HelperKind::Dragon);
        let url = helper.picture_url(Question::Worries);
        let data = url.strip_prefix("data:image/svg+xml;base64,").unwrap();
        let svg = String::from_utf8(base64_decode(data).unwrap()).unwrap();
        assert_eq!(svg, helper.svg(Question::Worries));
    }

    #[test]
    fn a_helper_is_stored_by_name() {
        let helper = Helper {
            kind: HelperKind::Unicorn,
            main: HelperColour::Blue,
            accent: HelperColour::Orange,
        };
        let json = serde_json::to_string(&helper).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"unicorn","main":"blue","accent":"orange"}"#
        );
        assert_eq!(serde_json::from_str::<Helper>(&json).unwrap(), helper);
        assert!(
            serde_json::from_str::<Helper>(r#"{"kind":"ghost","main":"blue","accent":"red"}"#)
                .is_err()
        );
        let slugs: std::collections::HashSet<_> =
            HelperColour::ALL.iter().map(|c| c.slug()).collect();
        assert_eq!(slugs.len(), HelperColour::ALL.len());
    }
}
