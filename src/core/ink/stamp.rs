//! Stamps: ready-made pictures for a child who does not want to draw, or cannot. Each is the
//! app's own vector art (see `stamp_art`), never an emoji, so it looks the same on every device.

use serde::{Deserialize, Serialize};

use super::{Point, LOGICAL_HEIGHT, LOGICAL_WIDTH};

/// The size a stamp gets when it is placed: about a sixth of the drawing's width.
pub const DEFAULT_STAMP_SIZE: u16 = 700;
/// The smallest a stamp can be made: still big enough for a small finger to catch.
pub const MIN_STAMP_SIZE: u16 = 250;
/// The largest a stamp can be made: most of the drawing's height.
pub const MAX_STAMP_SIZE: u16 = 2400;
/// How much one "bigger" or "smaller" press changes a stamp's size.
pub const STAMP_SIZE_STEP: u16 = 150;

/// What a stamp shows. The `code` of each kind is stored in drawings and must never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StampKind {
    Happy,
    Sad,
    Angry,
    Scared,
    Worried,
    Calm,
    Child,
    Adult,
    OlderPerson,
    Baby,
    Home,
    School,
    Heart,
    Sun,
    Cloud,
    Rain,
    Star,
    Pet,
    Bed,
    Car,
    SpeechBubble,
    /// The people again with a neutral face: Dad in the House of Worries is not handed a
    /// smile.
    ChildNeutral,
    AdultNeutral,
    OlderPersonNeutral,
    BabyNeutral,
}

/// The stamp tray's pages: few enough stamps on each that every one is in sight on a tablet
/// held either way, one tap from any other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StampPage {
    Feelings,
    People,
    Things,
}

impl StampPage {
    pub const ALL: [StampPage; 3] = [StampPage::Feelings, StampPage::People, StampPage::Things];

    /// The most stamps a page holds: four rows of three beside the paper in landscape.
    pub const MOST: usize = 12;

    /// This page's stamps, in the tray's order.
    pub fn stamps(self) -> impl Iterator<Item = StampKind> {
        StampKind::ALL
            .into_iter()
            .filter(move |kind| kind.page() == self)
    }

    /// The stamp that pictures the page on its button.
    pub fn picture(self) -> StampKind {
        match self {
            StampPage::Feelings => StampKind::Happy,
            StampPage::People => StampKind::AdultNeutral,
            StampPage::Things => StampKind::Home,
        }
    }
}

impl StampKind {
    /// Every stamp, in the order the stamp tray shows them: feelings first, then people (each
    /// with a neutral face, then smiling), then places and things.
    pub const ALL: [StampKind; 25] = [
        StampKind::Happy,
        StampKind::Sad,
        StampKind::Angry,
        StampKind::Scared,
        StampKind::Worried,
        StampKind::Calm,
        StampKind::ChildNeutral,
        StampKind::Child,
        StampKind::AdultNeutral,
        StampKind::Adult,
        StampKind::OlderPersonNeutral,
        StampKind::OlderPerson,
        StampKind::BabyNeutral,
        StampKind::Baby,
        StampKind::Home,
        StampKind::School,
        StampKind::Heart,
        StampKind::Sun,
        StampKind::Cloud,
        StampKind::Rain,
        StampKind::Star,
        StampKind::Pet,
        StampKind::Bed,
        StampKind::Car,
        StampKind::SpeechBubble,
    ];

    /// The stable number stored for this kind in the binary drawing format.
    pub fn code(self) -> u8 {
        match self {
            StampKind::Happy => 1,
            StampKind::Sad => 2,
            StampKind::Angry => 3,
            StampKind::Scared => 4,
            StampKind::Worried => 5,
            StampKind::Calm => 6,
            StampKind::Child => 7,
            StampKind::Adult => 8,
            StampKind::OlderPerson => 9,
            StampKind::Baby => 10,
            StampKind::Home => 11,
            StampKind::School => 12,
            StampKind::Heart => 13,
            StampKind::Sun => 14,
            StampKind::Cloud => 15,
            StampKind::Rain => 16,
            StampKind::Star => 17,
            StampKind::Pet => 18,
            StampKind::Bed => 19,
            StampKind::Car => 20,
            StampKind::SpeechBubble => 21,
            StampKind::ChildNeutral => 22,
            StampKind::AdultNeutral => 23,
            StampKind::OlderPersonNeutral => 24,
            StampKind::BabyNeutral => 25,
        }
    }

    /// The tray page the stamp is on.
    pub fn page(self) -> StampPage {
        match self {
            StampKind::Happy
            | StampKind::Sad
            | StampKind::Angry
            | StampKind::Scared
            | StampKind::Worried
            | StampKind::Calm => StampPage::Feelings,
            StampKind::Child
            | StampKind::Adult
            | StampKind::OlderPerson
            | StampKind::Baby
            | StampKind::ChildNeutral
            | StampKind::AdultNeutral
            | StampKind::OlderPersonNeutral
            | StampKind::BabyNeutral => StampPage::People,
            StampKind::Home
            | StampKind::School
            | StampKind::Heart
            | StampKind::Sun
            | StampKind::Cloud
            | StampKind::Rain
            | StampKind::Star
            | StampKind::Pet
            | StampKind::Bed
            | StampKind::Car
            | StampKind::SpeechBubble => StampPage::Things,
        }
    }

    /// For a person with a neutral face, the same person smiling; None for any other stamp.
    pub fn smiling(self) -> Option<StampKind> {
        match self {
            StampKind::ChildNeutral => Some(StampKind::Child),
            StampKind::AdultNeutral => Some(StampKind::Adult),
            StampKind::OlderPersonNeutral => Some(StampKind::OlderPerson),
            StampKind::BabyNeutral => Some(StampKind::Baby),
            _ => None,
        }
    }

    /// For a smiling person, the same person with a neutral face; None for any other stamp.
    pub fn neutral(self) -> Option<StampKind> {
        StampKind::ALL
            .into_iter()
            .find(|kind| kind.smiling() == Some(self))
    }

    pub fn from_code(code: u8) -> Option<StampKind> {
        StampKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// A short English name for ids, translation keys and file names.
    pub fn slug(self) -> &'static str {
        match self {
            StampKind::Happy => "happy",
            StampKind::Sad => "sad",
            StampKind::Angry => "angry",
            StampKind::Scared => "scared",
            StampKind::Worried => "worried",
            StampKind::Calm => "calm",
            StampKind::Child => "child",
            StampKind::Adult => "adult",
            StampKind::OlderPerson => "older_person",
            StampKind::Baby => "baby",
            StampKind::Home => "home",
            StampKind::School => "school",
            StampKind::Heart => "heart",
            StampKind::Sun => "sun",
            StampKind::Cloud => "cloud",
            StampKind::Rain => "rain",
            StampKind::Star => "star",
            StampKind::Pet => "pet",
            StampKind::Bed => "bed",
            StampKind::Car => "car",
            StampKind::SpeechBubble => "speech_bubble",
            StampKind::ChildNeutral => "child_neutral",
            StampKind::AdultNeutral => "adult_neutral",
            StampKind::OlderPersonNeutral => "older_person_neutral",
            StampKind::BabyNeutral => "baby_neutral",
        }
    }
}

/// A stamp placed in a drawing: a square picture centred on (`x`, `y`) in logical units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub kind: StampKind,
    pub x: u16,
    pub y: u16,
    /// The side of its square, in logical units.
    pub size: u16,
}

impl Stamp {
    /// A stamp of the usual size where the child tapped, kept wholly on the paper where it fits.
    pub fn placed_at(kind: StampKind, at: Point) -> Stamp {
        Stamp {
            kind,
            x: 0,
            y: 0,
            size: DEFAULT_STAMP_SIZE,
        }
        .moved_to(i32::from(at.x), i32::from(at.y))
    }

    /// The stamp with its centre at (`x`, `y`), held so that most of it stays on the paper: a
    /// child can push it to the edge but never lose it off the side.
    pub fn moved_to(self, x: i32, y: i32) -> Stamp {
        let clamp = |value: i32, extent: u16| {
            let half = i32::from(self.size / 2).min(i32::from(extent) / 2);
            value.clamp(half / 2, i32::from(extent) - half / 2) as u16
        };
        Stamp {
            x: clamp(x, LOGICAL_WIDTH),
            y: clamp(y, LOGICAL_HEIGHT),
            ..self
        }
    }

    /// The stamp at a new size within the allowed range, around the same centre.
    pub fn resized(self, size: i32) -> Stamp {
        let size = size.clamp(i32::from(MIN_STAMP_SIZE), i32::from(MAX_STAMP_SIZE)) as u16;
        Stamp { size, ..self }.moved_to(i32::from(self.x), i32::from(self.y))
    }

    /// Whether `at` falls on this stamp's square.
    pub fn contains(&self, at: Point) -> bool {
        let half = i32::from(self.size / 2);
        (i32::from(at.x) - i32::from(self.x)).abs() <= half
            && (i32::from(at.y) - i32::from(self.y)).abs() <= half
    }

    /// The stamp's square as (left, top, side) in logical units; may reach past the paper.
    pub fn square(&self) -> (f64, f64, f64) {
        let side = f64::from(self.size);
        (
            f64::from(self.x) - side / 2.0,
            f64::from(self.y) - side / 2.0,
            side,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: u16, y: u16) -> Point {
        Point {
            x,
            y,
            pressure: 128,
        }
    }

    #[test]
    fn codes_are_unique_and_read_back() {
        let mut codes: Vec<u8> = StampKind::ALL.iter().map(|kind| kind.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), StampKind::ALL.len());
        for kind in StampKind::ALL {
            assert_eq!(StampKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(StampKind::from_code(0), None);
        assert_eq!(StampKind::from_code(200), None);
    }

    #[test]
    fn every_stamp_is_on_one_page_and_every_page_fits() {
        assert!(StampKind::ALL.len() >= 21);
        let on_pages: Vec<StampKind> = StampPage::ALL
            .into_iter()
            .flat_map(StampPage::stamps)
            .collect();
        assert_eq!(
            on_pages.len(),
            StampKind::ALL.len(),
            "each stamp on exactly one page"
        );
        for kind in StampKind::ALL {
            assert!(on_pages.contains(&kind), "{kind:?} is on no page");
        }
        for page in StampPage::ALL {
            let count = page.stamps().count();
            assert!(
                (1..=StampPage::MOST).contains(&count),
                "{page:?} holds {count}"
            );
            assert_eq!(
                page.picture().page(),
                page,
                "{page:?} is pictured by its own stamp"
            );
        }
    }

    #[test]
    fn every_person_has_a_neutral_face_as_well_as_a_smile() {
        let people: Vec<StampKind> = StampPage::People.stamps().collect();
        assert!(people.len() >= 8);
        for kind in people {
            match (kind.smiling(), kind.neutral()) {
                (Some(smiling), None) => {
                    assert_eq!(smiling.neutral(), Some(kind));
                    assert_eq!(smiling.page(), StampPage::People);
                }
                (None, Some(neutral)) => assert_eq!(neutral.smiling(), Some(kind)),
                other => panic!("{kind:?} has no twin: {other:?}"),
            }
        }
        for kind in StampKind::ALL {
            if kind.page() != StampPage::People {
                assert_eq!((kind.smiling(), kind.neutral()), (None, None), "{kind:?}");
            }
        }
        // A neutral face comes first, so the first person a child reaches does not smile.
        assert!(StampPage::People
            .stamps()
            .next()
            .unwrap()
            .smiling()
            .is_some());
    }

    #[test]
    fn a_stamp_lands_where_the_child_taps() {
        let stamp = Stamp::placed_at(StampKind::Sun, at(2000, 1500));
        assert_eq!(
            (stamp.x, stamp.y, stamp.size),
            (2000, 1500, DEFAULT_STAMP_SIZE)
        );
        assert!(stamp.contains(at(2000 + DEFAULT_STAMP_SIZE / 2, 1500)));
        assert!(!stamp.contains(at(2000 + DEFAULT_STAMP_SIZE / 2 + 1, 1500)));
    }

    #[test]
    fn a_stamp_tapped_in_a_corner_stays_mostly_on_the_paper() {
        let stamp = Stamp::placed_at(StampKind::Heart, at(0, LOGICAL_HEIGHT));
        let quarter = DEFAULT_STAMP_SIZE / 4;
        assert_eq!((stamp.x, stamp.y), (quarter, LOGICAL_HEIGHT - quarter));
    }

    #[test]
    fn moving_never_loses_a_stamp_off_the_side() {
        let stamp = Stamp::placed_at(StampKind::Car, at(2000, 1500));
        let far = stamp.moved_to(-50_000, 90_000);
        assert_eq!(far.x, DEFAULT_STAMP_SIZE / 4);
        assert_eq!(far.y, LOGICAL_HEIGHT - DEFAULT_STAMP_SIZE / 4);
        assert_eq!(far.size, stamp.size);
    }

    #[test]
    fn resizing_stays_within_limits_and_keeps_the_centre() {
        let stamp = Stamp::placed_at(StampKind::Star, at(1000, 1000));
        assert_eq!(stamp.resized(10).size, MIN_STAMP_SIZE);
        assert_eq!(stamp.resized(100_000).size, MAX_STAMP_SIZE);
        let bigger = stamp.resized(i32::from(stamp.size + STAMP_SIZE_STEP));
        assert_eq!((bigger.x, bigger.y), (1000, 1000));
        assert_eq!(bigger.size, DEFAULT_STAMP_SIZE + STAMP_SIZE_STEP);
        // A very big stamp near the edge is pulled in so that half of it stays on the paper.
        let huge = Stamp::placed_at(StampKind::Home, at(200, 200)).resized(2400);
        assert_eq!((huge.x, huge.y), (600, 600));
    }
}
