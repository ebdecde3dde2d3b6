//! The stamps' pictures as simple vector shapes: SVG path data in a 100 x 100 box. The same
//! shapes draw the stamp tray's buttons (as inline SVG) and the stamps on a canvas (as
//! `Path2D`), so a stamp looks the same on screen, in the PNG and in the summary.
//!
//! The look: flat, calm colours with one soft dark outline, simple enough to read on a 48 px
//! button and friendly enough to fill a quarter of a printed drawing. Circles are two arcs.

use super::StampKind;

/// The side of the square every stamp's art is drawn in.
pub const ART_BOX: f64 = 100.0;

/// One shape of a stamp's picture, painted in order: fill first, then the outline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArtPart {
    /// SVG path data (`M`, `L`, `C`, `Q`, `A`, `Z` and friends) in the 100 x 100 box.
    pub path: &'static str,
    /// `#rrggbb`, or `None` for no fill.
    pub fill: Option<&'static str>,
    /// `#rrggbb` of the outline, or `None` for no outline.
    pub line: Option<&'static str>,
    /// Outline width in art units.
    pub line_width: f64,
}

/// The picture of a stamp.
pub fn art(kind: StampKind) -> &'static [ArtPart] {
    match kind {
        StampKind::Happy => HAPPY,
        StampKind::Sad => SAD,
        StampKind::Angry => ANGRY,
        StampKind::Scared => SCARED,
        StampKind::Worried => WORRIED,
        StampKind::Calm => CALM,
        StampKind::Child => CHILD,
        StampKind::Adult => ADULT,
        StampKind::OlderPerson => OLDER_PERSON,
        StampKind::Baby => BABY,
        StampKind::Home => HOME,
        StampKind::School => SCHOOL,
        StampKind::Heart => HEART,
        StampKind::Sun => SUN,
        StampKind::Cloud => CLOUD,
        StampKind::Rain => RAIN,
        StampKind::Star => STAR,
        StampKind::Pet => PET,
        StampKind::Bed => BED,
        StampKind::Car => CAR,
        StampKind::SpeechBubble => SPEECH_BUBBLE,
        StampKind::ChildNeutral => CHILD_NEUTRAL,
        StampKind::AdultNeutral => ADULT_NEUTRAL,
        StampKind::OlderPersonNeutral => OLDER_PERSON_NEUTRAL,
        StampKind::BabyNeutral => BABY_NEUTRAL,
    }
}

/// The soft dark outline every stamp shares.
const INK: &str = "#3a3a3a";
/// The usual outline width.
const OUTLINE: f64 = 3.5;

/// A filled shape with the usual outline.
const fn shape(path: &'static str, fill: &'static str) -> ArtPart {
    ArtPart {
        path,
        fill: Some(fill),
        line: Some(INK),
        line_width: OUTLINE,
    }
}

/// A filled shape without an outline (eyes, dots, cheeks).
const fn solid(path: &'static str, fill: &'static str) -> ArtPart {
    ArtPart {
        path,
        fill: Some(fill),
        line: None,
        line_width: 0.0,
    }
}

/// A filled shape with an outline of its own width (fine details such as tears).
const fn outlined(path: &'static str, fill: &'static str, width: f64) -> ArtPart {
    ArtPart {
        path,
        fill: Some(fill),
        line: Some(INK),
        line_width: width,
    }
}

/// A line only (mouths, brows, rays).
const fn line(path: &'static str, colour: &'static str, width: f64) -> ArtPart {
    ArtPart {
        path,
        fill: None,
        line: Some(colour),
        line_width: width,
    }
}

/// The round face all the feelings share.
const FACE: &str = "M8 50A42 42 0 1 0 92 50A42 42 0 1 0 8 50Z";

/// A big smile, bright eyes and rosy cheeks.
const HAPPY: &[ArtPart] = &[
    shape(FACE, "#ffd66b"),
    solid(
        "M19 60A6 6 0 1 0 31 60A6 6 0 1 0 19 60ZM69 60A6 6 0 1 0 81 60\
        A6 6 0 1 0 69 60Z",
        "#f4a3a0",
    ),
    solid(
        "M31 42A5 5 0 1 0 41 42A5 5 0 1 0 31 42ZM59 42A5 5 0 1 0 69 42\
        A5 5 0 1 0 59 42Z",
        INK,
    ),
    line("M28 57Q50 82 72 57", INK, 5.0),
];

/// A down-turned mouth and a tear.
const SAD: &[ArtPart] = &[
    shape(FACE, "#ffd66b"),
    solid(
        "M31 44A5 5 0 1 0 41 44A5 5 0 1 0 31 44ZM59 44A5 5 0 1 0 69 44\
        A5 5 0 1 0 59 44Z",
        INK,
    ),
    line("M33 73Q50 58 67 73", INK, 4.5),
    outlined(
        "M67 51Q61 59.4 61 63A6 6 0 0 0 73 63Q73 59.4 67 51Z",
        "#7cc4e8",
        2.5,
    ),
];

/// A warmer face, brows slanting down to the middle and a tight, flat mouth.
const ANGRY: &[ArtPart] = &[
    shape(FACE, "#f6a265"),
    line("M26 30L44 38M74 30L56 38", INK, 5.0),
    solid(
        "M31.5 47A4.5 4.5 0 1 0 40.5 47A4.5 4.5 0 1 0 31.5 47ZM59.5 47\
        A4.5 4.5 0 1 0 68.5 47A4.5 4.5 0 1 0 59.5 47Z",
        INK,
    ),
    line("M37 69H63", INK, 5.0),
];

/// Raised brows, wide eyes and a round open mouth.
const SCARED: &[ArtPart] = &[
    shape(FACE, "#ffd66b"),
    line("M26 23Q34 16 42 23M58 23Q66 16 74 23", INK, 4.0),
    outlined(
        "M26 42A9 9 0 1 0 44 42A9 9 0 1 0 26 42ZM56 42A9 9 0 1 0 74 42\
        A9 9 0 1 0 56 42Z",
        "#ffffff",
        3.0,
    ),
    solid(
        "M31.5 43A3.5 3.5 0 1 0 38.5 43A3.5 3.5 0 1 0 31.5 43ZM61.5 43\
        A3.5 3.5 0 1 0 68.5 43A3.5 3.5 0 1 0 61.5 43Z",
        INK,
    ),
    shape("M43 69A7 9 0 1 0 57 69A7 9 0 1 0 43 69Z", "#8c4a4a"),
];

/// Brows tilted up in the middle, a wobbly mouth and a bead of sweat.
const WORRIED: &[ArtPart] = &[
    shape(FACE, "#ffd66b"),
    line("M27 33L42 26M73 33L58 26", INK, 4.0),
    solid(
        "M31 44A5 5 0 1 0 41 44A5 5 0 1 0 31 44ZM59 44A5 5 0 1 0 69 44\
        A5 5 0 1 0 59 44Z",
        INK,
    ),
    line("M31 69Q35.5 63 40 69T49 69T58 69T67 69", INK, 4.0),
    outlined(
        "M81 20Q76.5 26.8 76.5 29.5A4.5 4.5 0 0 0 85.5 29.5Q85.5 26.8 81 20Z",
        "#7cc4e8",
        2.5,
    ),
];

/// Closed, relaxed eyes and a gentle smile.
const CALM: &[ArtPart] = &[
    shape(FACE, "#ffd66b"),
    solid(
        "M19 60A6 6 0 1 0 31 60A6 6 0 1 0 19 60ZM69 60A6 6 0 1 0 81 60\
        A6 6 0 1 0 69 60Z",
        "#f4a3a0",
    ),
    line("M28 44Q36 52 44 44M56 44Q64 52 72 44", INK, 4.0),
    line("M40 64Q50 71 60 64", INK, 4.0),
];

/// The parts of a person shared by their smiling and their neutral face.
const CHILD_BUNCHES: ArtPart = shape(
    "M27 36A6 8 0 1 0 39 36A6 8 0 1 0 27 36ZM61 36A6 8 0 1 0 73 36\
    A6 8 0 1 0 61 36Z",
    "#7a4b2e",
);
const CHILD_LEGS: ArtPart = shape(
    "M41 76V89Q41 93 44 93H47Q49 93 49 89V76ZM51 76V89Q51 93 53 93H56\
    Q59 93 59 89V76Z",
    "#e0ac69",
);
const CHILD_SHORTS: ArtPart = shape(
    "M38 68H62V79Q62 81 60 81H51V77H49V81H40Q38 81 38 79Z",
    "#5b7db1",
);
const CHILD_SHIRT: ArtPart = shape(
    "M41 47H59Q66 47 68 53L71 65Q71 68 68 68Q66 68 65 65L63 58V70H37V58\
    L35 65Q34 68 32 68Q29 68 29 65L32 53Q34 47 41 47Z",
    "#f2a65a",
);
const CHILD_SKIN: ArtPart = shape(
    "M35 32A15 15 0 1 0 65 32A15 15 0 1 0 35 32ZM28.5 70\
    A3.5 3.5 0 1 0 35.5 70A3.5 3.5 0 1 0 28.5 70ZM64.5 70\
    A3.5 3.5 0 1 0 71.5 70A3.5 3.5 0 1 0 64.5 70Z",
    "#e0ac69",
);
const CHILD_HAIR: ArtPart = shape(
    "M35 31Q35 16 50 16Q65 16 65 31Q60 23 50 24Q40 23 35 31Z",
    "#7a4b2e",
);
const CHILD_EYES: ArtPart = solid(
    "M43.2 33A1.8 1.8 0 1 0 46.8 33A1.8 1.8 0 1 0 43.2 33ZM53.2 33\
    A1.8 1.8 0 1 0 56.8 33A1.8 1.8 0 1 0 53.2 33Z",
    INK,
);

/// A child in a T-shirt and shorts, with bunches: a big head on a small body.
const CHILD: &[ArtPart] = &[
    CHILD_BUNCHES,
    CHILD_LEGS,
    CHILD_SHORTS,
    CHILD_SHIRT,
    CHILD_SKIN,
    CHILD_HAIR,
    solid(
        "M43.2 33A1.8 1.8 0 1 0 46.8 33A1.8 1.8 0 1 0 43.2 33ZM53.2 33\
        A1.8 1.8 0 1 0 56.8 33A1.8 1.8 0 1 0 53.2 33ZM45 38Q50 42 55 38\
        Q50 44 45 38Z",
        INK,
    ),
];

/// The same child with a neutral face: a straight mouth.
const CHILD_NEUTRAL: &[ArtPart] = &[
    CHILD_BUNCHES,
    CHILD_LEGS,
    CHILD_SHORTS,
    CHILD_SHIRT,
    CHILD_SKIN,
    CHILD_HAIR,
    CHILD_EYES,
    line("M46 39.5H54", INK, 2.0),
];

/// A grown-up's and an older person's trousers, arms and hands are drawn alike.
const GROWN_UP_LEGS: &str = "M37 62H63V89Q63 93 59 93H55Q51 93 51 89V72H49V89Q49 93 45 93H41\
    Q37 93 37 89Z";
const GROWN_UP_JUMPER: &str = "M38 31H62Q71 31 73 40L77 63Q77 67 73 67Q70 67 69 63L66 47V67H34V47\
    L31 63Q30 67 27 67Q23 67 23 63L27 40Q29 31 38 31Z";
const ADULT_TROUSERS: ArtPart = shape(GROWN_UP_LEGS, "#4a6fa5");
const ADULT_JUMPER: ArtPart = shape(GROWN_UP_JUMPER, "#6fb3a8");
const ADULT_SKIN: ArtPart = shape(
    "M38 19A12 12 0 1 0 62 19A12 12 0 1 0 38 19ZM22.5 69\
    A4.5 4.5 0 1 0 31.5 69A4.5 4.5 0 1 0 22.5 69ZM68.5 69\
    A4.5 4.5 0 1 0 77.5 69A4.5 4.5 0 1 0 68.5 69Z",
    "#c68642",
);
const ADULT_HAIR: ArtPart = shape(
    "M38 20Q36 6 50 6Q64 6 62 20Q61 13 56 12Q50 16 43 13Q39 14 38 20Z",
    "#4a3426",
);

/// A grown-up in a jumper and trousers.
const ADULT: &[ArtPart] = &[
    ADULT_TROUSERS,
    ADULT_JUMPER,
    ADULT_SKIN,
    ADULT_HAIR,
    solid(
        "M43.2 18A1.8 1.8 0 1 0 46.8 18A1.8 1.8 0 1 0 43.2 18ZM53.2 18\
        A1.8 1.8 0 1 0 56.8 18A1.8 1.8 0 1 0 53.2 18ZM45 23Q50 27 55 23\
        Q50 29 45 23Z",
        INK,
    ),
];

/// The same grown-up with a neutral face.
const ADULT_NEUTRAL: &[ArtPart] = &[
    ADULT_TROUSERS,
    ADULT_JUMPER,
    ADULT_SKIN,
    ADULT_HAIR,
    solid(
        "M43.2 18A1.8 1.8 0 1 0 46.8 18A1.8 1.8 0 1 0 43.2 18ZM53.2 18\
        A1.8 1.8 0 1 0 56.8 18A1.8 1.8 0 1 0 53.2 18Z",
        INK,
    ),
    line("M46 24.5H54", INK, 2.0),
];

const OLDER_TROUSERS: ArtPart = shape(GROWN_UP_LEGS, "#8b7d70");
const OLDER_CARDIGAN: ArtPart = shape(GROWN_UP_JUMPER, "#a18bc2");
const OLDER_STICK: ArtPart = line("M76 93V62Q76 55 70 55Q65 55 65 60", "#8d5a3b", 4.5);
const OLDER_SKIN: ArtPart = shape(
    "M38 19A12 12 0 1 0 62 19A12 12 0 1 0 38 19ZM22.5 69\
    A4.5 4.5 0 1 0 31.5 69A4.5 4.5 0 1 0 22.5 69ZM71.5 66\
    A4.5 4.5 0 1 0 80.5 66A4.5 4.5 0 1 0 71.5 66Z",
    "#e0ac69",
);
const OLDER_HAIR: ArtPart = shape(
    "M38 22Q35 10 42 8Q50 4 58 8Q65 10 62 22Q61 14 56 13Q50 11 44 13\
    Q39 14 38 22Z",
    "#d0d0d0",
);
const OLDER_GLASSES: ArtPart = line(
    "M41 18A4 4 0 1 0 49 18A4 4 0 1 0 41 18ZM51 18A4 4 0 1 0 59 18\
    A4 4 0 1 0 51 18ZM49 18H51",
    INK,
    1.8,
);

/// A grandparent: grey hair, glasses and a walking stick.
const OLDER_PERSON: &[ArtPart] = &[
    OLDER_TROUSERS,
    OLDER_CARDIGAN,
    OLDER_STICK,
    OLDER_SKIN,
    OLDER_HAIR,
    solid(
        "M43.2 19A1.8 1.8 0 1 0 46.8 19A1.8 1.8 0 1 0 43.2 19ZM53.2 19\
        A1.8 1.8 0 1 0 56.8 19A1.8 1.8 0 1 0 53.2 19ZM45 24Q50 28 55 24\
        Q50 30 45 24Z",
        INK,
    ),
    OLDER_GLASSES,
];

/// The same grandparent with a neutral face.
const OLDER_PERSON_NEUTRAL: &[ArtPart] = &[
    OLDER_TROUSERS,
    OLDER_CARDIGAN,
    OLDER_STICK,
    OLDER_SKIN,
    OLDER_HAIR,
    solid(
        "M43.2 19A1.8 1.8 0 1 0 46.8 19A1.8 1.8 0 1 0 43.2 19ZM53.2 19\
        A1.8 1.8 0 1 0 56.8 19A1.8 1.8 0 1 0 53.2 19Z",
        INK,
    ),
    line("M46 25.5H54", INK, 2.0),
    OLDER_GLASSES,
];

const BABY_BLANKET: ArtPart = shape(
    "M50 12Q80 12 80 44Q80 76 50 92Q20 76 20 44Q20 12 50 12Z",
    "#9fc9e6",
);
const BABY_HEAD: ArtPart = shape("M33 40A17 17 0 1 0 67 40A17 17 0 1 0 33 40Z", "#e0ac69");
const BABY_FOLD: ArtPart = shape("M24 60Q50 74 76 60Q72 80 50 91Q28 80 24 60Z", "#cfe5f4");
const BABY_CURL: ArtPart = line("M50 25Q47 21 51 19", INK, 2.5);

/// A baby wrapped in a blanket.
const BABY: &[ArtPart] = &[
    BABY_BLANKET,
    BABY_HEAD,
    BABY_FOLD,
    BABY_CURL,
    solid(
        "M35 45A4 4 0 1 0 43 45A4 4 0 1 0 35 45ZM57 45A4 4 0 1 0 65 45\
        A4 4 0 1 0 57 45Z",
        "#f4a3a0",
    ),
    solid(
        "M41.8 38A2.2 2.2 0 1 0 46.2 38A2.2 2.2 0 1 0 41.8 38ZM53.8 38\
        A2.2 2.2 0 1 0 58.2 38A2.2 2.2 0 1 0 53.8 38ZM44 44Q50 48.8 56 44\
        Q50 51.2 44 44Z",
        INK,
    ),
];

/// The same baby with a neutral face: no rosy cheeks, a straight mouth.
const BABY_NEUTRAL: &[ArtPart] = &[
    BABY_BLANKET,
    BABY_HEAD,
    BABY_FOLD,
    BABY_CURL,
    solid(
        "M41.8 38A2.2 2.2 0 1 0 46.2 38A2.2 2.2 0 1 0 41.8 38ZM53.8 38\
        A2.2 2.2 0 1 0 58.2 38A2.2 2.2 0 1 0 53.8 38Z",
        INK,
    ),
    line("M46 46H54", INK, 2.0),
];

/// A house with a pointed roof, a chimney, two windows and a door.
const HOME: &[ArtPart] = &[
    shape("M64 20H74V42H64Z", "#b5654a"),
    shape("M20 46H80V90H20Z", "#f4e1c1"),
    shape("M12 50L50 14L88 50Z", "#d9705a"),
    shape("M43 90V70Q43 64 50 64Q57 64 57 70V90Z", "#8d6e63"),
    shape("M26 56H38V68H26ZM62 56H74V68H62Z", "#aee1f5"),
    line("M32 56V68M26 62H38M68 56V68M62 62H74", INK, 2.0),
];

/// A wide building with a flag and bell tower, rows of windows and double doors.
const SCHOOL: &[ArtPart] = &[
    shape("M8 46H92V92H8Z", "#e8a87c"),
    shape("M36 46V26L50 16L64 26V46Z", "#e8a87c"),
    line("M50 16V4", INK, 3.0),
    shape("M50 4L64 8L50 12Z", "#e45b5b"),
    shape("M45 32A5 5 0 1 0 55 32A5 5 0 1 0 45 32Z", "#ffd66b"),
    shape(
        "M14 54H26V66H14ZM30 54H42V66H30ZM58 54H70V66H58ZM74 54H86V66H74Z\
        M14 74H26V86H14ZM74 74H86V86H74Z",
        "#aee1f5",
    ),
    shape("M40 92V76Q40 70 50 70Q60 70 60 76V92ZM50 70V92", "#8d6e63"),
];

/// A pink-red heart with a shine.
const HEART: &[ArtPart] = &[
    shape(
        "M50 86C24 68 10 52 12 34C14 20 26 12 38 14C44 15 48 19 50 25\
        C52 19 56 15 62 14C74 12 86 20 88 34C90 52 76 68 50 86Z",
        "#e8627a",
    ),
    solid("M26 32Q27 23 36 22Q30 26 30 33Q28 36 26 32Z", "#f6b3bf"),
];

/// A sun with eight rays.
const SUN: &[ArtPart] = &[
    line(
        "M50 9V19M50 81V91M9 50H19M81 50H91M21 21L28.1 28.1M71.9 71.9L79 79\
        M21 79L28.1 71.9M71.9 28.1L79 21",
        INK,
        9.0,
    ),
    line(
        "M50 9V19M50 81V91M9 50H19M81 50H91M21 21L28.1 28.1M71.9 71.9L79 79\
        M21 79L28.1 71.9M71.9 28.1L79 21",
        "#f5b83d",
        4.5,
    ),
    shape("M28 50A22 22 0 1 0 72 50A22 22 0 1 0 28 50Z", "#ffd24a"),
];

/// A white cloud.
const CLOUD: &[ArtPart] = &[shape(
    "M22 74A14 14 0 0 1 20 46A19 19 0 0 1 56 34A15 15 0 0 1 82 48\
        A13 13 0 0 1 80 74Z",
    "#f4f6f8",
)];

/// A grey cloud with three drops.
const RAIN: &[ArtPart] = &[
    shape(
        "M24 56A12 12 0 0 1 22 32A17 17 0 0 1 54 22A13 13 0 0 1 77 33\
        A11 11 0 0 1 76 56Z",
        "#dde4ea",
    ),
    shape(
        "M34 64Q29 72 29 75A5 5 0 0 0 39 75Q39 72 34 64ZM52 70Q47 78 47 81\
        A5 5 0 0 0 57 81Q57 78 52 70ZM70 64Q65 72 65 75A5 5 0 0 0 75 75\
        Q75 72 70 64Z",
        "#5fa8d3",
    ),
];

/// A five-pointed star.
const STAR: &[ArtPart] = &[shape(
    "M50 9L61.2 37.6L91.8 39.4L68.1 58.9L75.9 88.6L50 72L24.1 88.6\
        L31.9 58.9L8.2 39.4L38.8 37.6Z",
    "#ffc93c",
)];

/// A dog's face with floppy ears.
const PET: &[ArtPart] = &[
    shape("M20 52A30 30 0 1 0 80 52A30 30 0 1 0 20 52Z", "#d9a066"),
    shape(
        "M32 28Q14 28 12 50Q12 66 22 66Q30 64 32 48ZM68 28Q86 28 88 50\
        Q88 66 78 66Q70 64 68 48Z",
        "#8d5a3b",
    ),
    shape("M35 67A15 11 0 1 0 65 67A15 11 0 1 0 35 67Z", "#f6e3c6"),
    solid(
        "M36 46A4 4 0 1 0 44 46A4 4 0 1 0 36 46ZM56 46A4 4 0 1 0 64 46\
        A4 4 0 1 0 56 46ZM44 60Q50 56 56 60Q56 65 50 66Q44 65 44 60Z",
        INK,
    ),
    line("M50 66V70M43 72Q47 75 50 70Q53 75 57 72", INK, 2.5),
];

/// A bed from the side: headboard, pillow and blanket.
const BED: &[ArtPart] = &[
    shape("M8 88V34Q8 26 16 26Q24 26 24 34V88Z", "#b07d56"),
    shape("M84 88V54Q84 50 88 50Q92 50 92 54V88Z", "#b07d56"),
    shape("M24 60H84V76H24Z", "#eef2f5"),
    shape("M25 56A11 7 0 1 0 47 56A11 7 0 1 0 25 56Z", "#ffffff"),
    shape("M45 54H84V78H45Q41 78 41 74V58Q41 54 45 54Z", "#7fb3d5"),
    shape("M45 54H84V62H41V58Q41 54 45 54Z", "#d6eaf6"),
    shape("M8 76H92V83H8Z", "#b07d56"),
];

/// A car from the side with two windows and two wheels.
const CAR: &[ArtPart] = &[
    shape(
        "M8 70V58Q8 51 16 50L28 48L38 34Q41 30 46 30H64Q69 30 72 34L82 48\
        Q92 50 92 58V70Z",
        "#e57373",
    ),
    shape(
        "M40 36Q42 34 45 34H53V48H32ZM57 34H63Q66 34 68 36L76 48H57Z",
        "#cdeaf7",
    ),
    shape(
        "M17 72A11 11 0 1 0 39 72A11 11 0 1 0 17 72ZM61 72\
        A11 11 0 1 0 83 72A11 11 0 1 0 61 72Z",
        INK,
    ),
    solid(
        "M23.5 72A4.5 4.5 0 1 0 32.5 72A4.5 4.5 0 1 0 23.5 72ZM67.5 72\
        A4.5 4.5 0 1 0 76.5 72A4.5 4.5 0 1 0 67.5 72Z",
        "#cfd8dc",
    ),
    solid("M84 54H90V59H85Z", "#ffe08a"),
];

/// A speech bubble with three dots.
const SPEECH_BUBBLE: &[ArtPart] = &[
    shape(
        "M20 14H80Q92 14 92 26V58Q92 70 80 70H46L28 86L31 70H20Q8 70 8 58\
        V26Q8 14 20 14Z",
        "#ffffff",
    ),
    solid(
        "M27 42A5 5 0 1 0 37 42A5 5 0 1 0 27 42ZM45 42A5 5 0 1 0 55 42\
        A5 5 0 1 0 45 42ZM63 42A5 5 0 1 0 73 42A5 5 0 1 0 63 42Z",
        INK,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every path command and how many numbers one use of it takes.
    fn arity(command: char) -> Option<usize> {
        match command.to_ascii_uppercase() {
            'M' | 'L' | 'T' => Some(2),
            'H' | 'V' => Some(1),
            'C' => Some(6),
            'S' | 'Q' => Some(4),
            'A' => Some(7),
            'Z' => Some(0),
            _ => None,
        }
    }

    /// The path as (command, numbers) in order, or why it cannot be read.
    fn commands(path: &str) -> Result<Vec<(char, Vec<f64>)>, String> {
        let mut out: Vec<(char, Vec<f64>)> = Vec::new();
        let mut number = String::new();
        let flush = |number: &mut String, out: &mut Vec<(char, Vec<f64>)>| -> Result<(), String> {
            if number.is_empty() {
                return Ok(());
            }
            let value: f64 = number
                .parse()
                .map_err(|_| format!("bad number {number:?}"))?;
            number.clear();
            match out.last_mut() {
                Some((_, args)) => {
                    args.push(value);
                    Ok(())
                }
                None => Err("a number before the first command".into()),
            }
        };
        for ch in path.chars() {
            match ch {
                '0'..='9' => number.push(ch),
                '.' if number.contains('.') => {
                    flush(&mut number, &mut out)?;
                    number.push('.');
                }
                '.' => number.push(ch),
                '-' => {
                    flush(&mut number, &mut out)?;
                    number.push('-');
                }
                ' ' | ',' => flush(&mut number, &mut out)?,
                _ if arity(ch).is_some() => {
                    flush(&mut number, &mut out)?;
                    out.push((ch, Vec::new()));
                }
                _ => return Err(format!("{ch:?} is not path data")),
            }
        }
        flush(&mut number, &mut out)?;
        Ok(out)
    }

    /// Points the painted path can reach, in absolute art units: every end point, every
    /// Bézier control point (the curve stays within them) and the extremes of every arc.
    fn reach(path: &str) -> Result<Vec<(f64, f64)>, String> {
        let mut points = Vec::new();
        let (mut x, mut y) = (0.0, 0.0);
        let (mut start_x, mut start_y) = (0.0, 0.0);
        let mut last_control: Option<(char, f64, f64)> = None;
        for (index, (command, args)) in commands(path)?.into_iter().enumerate() {
            if index == 0 && command != 'M' && command != 'm' {
                return Err("a path must start with M".into());
            }
            let n = arity(command).unwrap_or(0);
            if n == 0 {
                if !args.is_empty() {
                    return Err("numbers after Z".into());
                }
                (x, y) = (start_x, start_y);
                last_control = None;
                continue;
            }
            if args.is_empty() || !args.len().is_multiple_of(n) {
                return Err(format!(
                    "{command} takes numbers in {n}s, got {}",
                    args.len()
                ));
            }
            let relative = command.is_ascii_lowercase();
            for (repeat, a) in args.chunks(n).enumerate() {
                let (ox, oy) = if relative { (x, y) } else { (0.0, 0.0) };
                let upper = command.to_ascii_uppercase();
                let mut control = None;
                match upper {
                    'M' | 'L' => {
                        (x, y) = (ox + a[0], oy + a[1]);
                        if upper == 'M' && repeat == 0 {
                            (start_x, start_y) = (x, y);
                        }
                    }
                    'H' => x = ox + a[0],
                    'V' => y = oy + a[0],
                    'C' => {
                        points.push((ox + a[0], oy + a[1]));
                        points.push((ox + a[2], oy + a[3]));
                        control = Some(('C', ox + a[2], oy + a[3]));
                        (x, y) = (ox + a[4], oy + a[5]);
                    }
                    'S' => {
                        let first = match last_control {
                            Some(('C', cx, cy)) => (2.0 * x - cx, 2.0 * y - cy),
                            _ => (x, y),
                        };
                        points.push(first);
                        points.push((ox + a[0], oy + a[1]));
                        control = Some(('C', ox + a[0], oy + a[1]));
                        (x, y) = (ox + a[2], oy + a[3]);
                    }
                    'Q' => {
                        points.push((ox + a[0], oy + a[1]));
                        control = Some(('Q', ox + a[0], oy + a[1]));
                        (x, y) = (ox + a[2], oy + a[3]);
                    }
                    'T' => {
                        let (cx, cy) = match last_control {
                            Some(('Q', cx, cy)) => (2.0 * x - cx, 2.0 * y - cy),
                            _ => (x, y),
                        };
                        points.push((cx, cy));
                        control = Some(('Q', cx, cy));
                        (x, y) = (ox + a[0], oy + a[1]);
                    }
                    'A' => {
                        let to = (ox + a[5], oy + a[6]);
                        points.extend(arc_extremes((x, y), a, to)?);
                        (x, y) = to;
                    }
                    _ => unreachable!(),
                }
                last_control = control;
                points.push((x, y));
            }
        }
        Ok(points)
    }

    /// The extremes an arc from `from` to `to` reaches (SVG's endpoint-to-centre conversion,
    /// for arcs without rotation, which is all the art uses).
    fn arc_extremes(
        from: (f64, f64),
        a: &[f64],
        to: (f64, f64),
    ) -> Result<Vec<(f64, f64)>, String> {
        let (mut rx, mut ry) = (a[0].abs(), a[1].abs());
        if a[2] != 0.0 {
            return Err("rotated arcs are not used".into());
        }
        let flag = |v: f64| {
            if v == 0.0 || v == 1.0 {
                Ok(v == 1.0)
            } else {
                Err("flag not 0 or 1")
            }
        };
        let (large, sweep) = (flag(a[3])?, flag(a[4])?);
        if rx == 0.0 || ry == 0.0 || from == to {
            return Ok(vec![to]);
        }
        let (x1, y1) = ((from.0 - to.0) / 2.0, (from.1 - to.1) / 2.0);
        let scale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
        if scale > 1.0 {
            rx *= scale.sqrt();
            ry *= scale.sqrt();
        }
        let num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
        let den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
        let sign = if large != sweep { 1.0 } else { -1.0 };
        let coef = sign * (num / den).max(0.0).sqrt();
        let (cxp, cyp) = (coef * rx * y1 / ry, -coef * ry * x1 / rx);
        let (cx, cy) = (cxp + (from.0 + to.0) / 2.0, cyp + (from.1 + to.1) / 2.0);
        let tau = std::f64::consts::TAU;
        let theta1 = ((y1 - cyp) / ry).atan2((x1 - cxp) / rx);
        let theta2 = ((-y1 - cyp) / ry).atan2((-x1 - cxp) / rx);
        let span = if sweep {
            (theta2 - theta1).rem_euclid(tau)
        } else {
            (theta1 - theta2).rem_euclid(tau)
        };
        let mut points = vec![to];
        for quarter in 0..4 {
            let angle = f64::from(quarter) * tau / 4.0;
            let along = if sweep {
                (angle - theta1).rem_euclid(tau)
            } else {
                (theta1 - angle).rem_euclid(tau)
            };
            if along <= span {
                points.push((cx + rx * angle.cos(), cy + ry * angle.sin()));
            }
        }
        Ok(points)
    }

    fn is_colour(colour: &str) -> bool {
        colour.len() == 7
            && colour.starts_with('#')
            && colour[1..].chars().all(|c| c.is_ascii_hexdigit())
    }

    #[test]
    fn every_stamp_has_a_picture() {
        for kind in StampKind::ALL {
            assert!(!art(kind).is_empty(), "{kind:?} has no art");
            assert!(
                art(kind).len() <= 8,
                "{kind:?} has too many parts to stay simple"
            );
        }
    }

    #[test]
    fn every_part_is_painted_in_a_colour() {
        for kind in StampKind::ALL {
            for part in art(kind) {
                assert!(
                    part.fill.is_some() || part.line.is_some(),
                    "{kind:?}: {} paints nothing",
                    part.path
                );
                for colour in part.fill.iter().chain(part.line.iter()) {
                    assert!(is_colour(colour), "{kind:?}: {colour:?} is not #rrggbb");
                }
                if part.line.is_some() {
                    assert!(
                        part.line_width > 0.0 && part.line_width <= 10.0,
                        "{kind:?}: outline width {}",
                        part.line_width
                    );
                }
            }
        }
    }

    #[test]
    fn every_path_is_path_data_within_the_box() {
        for kind in StampKind::ALL {
            for part in art(kind) {
                assert!(part.path.starts_with(['M', 'm']), "{kind:?}: {}", part.path);
                let points = reach(part.path)
                    .unwrap_or_else(|why| panic!("{kind:?}: {why} in {}", part.path));
                let margin = if part.line.is_some() {
                    part.line_width / 2.0
                } else {
                    0.0
                };
                for (x, y) in points {
                    for v in [x, y] {
                        assert!(
                            v - margin >= 0.0 && v + margin <= ART_BOX,
                            "{kind:?}: ({x}, {y}) leaves the box in {}",
                            part.path
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_path_reader_catches_mistakes() {
        assert!(reach("M10 10L20 20Z").is_ok());
        assert!(reach("L10 10").is_err());
        assert!(reach("M10 10L20").is_err());
        assert!(reach("M10 10C1 2 3 4 5").is_err());
        assert!(reach("M10 10X5 5").is_err());
        assert!(reach("M10 10A5 5 0 1 2 20 10").is_err());
        // A relative move past the edge, a curve bulging out and a half circle over the top.
        let worst = |path: &str| {
            let points = reach(path).unwrap();
            points.iter().fold(f64::MAX, |low, p| low.min(p.0).min(p.1))
        };
        assert_eq!(worst("M5 50l-10 0"), -5.0);
        assert_eq!(worst("M10 50Q50 -20 90 50"), -20.0);
        assert!((worst("M40 5A10 10 0 0 1 60 5") - -5.0).abs() < 1e-9);
        assert!((worst("M40 5A10 10 0 0 0 60 5") - 5.0).abs() < 1e-9);
        assert!((worst("M40 30A10 10 0 1 0 60 30A10 10 0 1 0 40 30Z") - 20.0).abs() < 1e-9);
    }

    #[test]
    fn no_two_stamps_look_the_same() {
        for (i, a) in StampKind::ALL.into_iter().enumerate() {
            for b in StampKind::ALL.into_iter().skip(i + 1) {
                assert_ne!(art(a), art(b), "{a:?} and {b:?} share their art");
            }
        }
    }

    #[test]
    fn the_art_stays_small() {
        // A part a smiling person shares with their neutral twin is kept once.
        let mut paths: Vec<&str> = StampKind::ALL
            .into_iter()
            .flat_map(art)
            .map(|part| part.path)
            .collect();
        paths.sort_unstable();
        paths.dedup();
        let bytes: usize = paths.iter().map(|path| path.len()).sum();
        assert!(bytes < 12_000, "{bytes} bytes of path data");
    }
}
