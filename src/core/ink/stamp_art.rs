//! The stamps' pictures as simple vector shapes: SVG path data in a 100 x 100 box. The same
//! shapes draw the stamp tray's buttons (as inline SVG) and the stamps on a canvas (as
//! `Path2D`), so a stamp looks the same on screen, in the PNG and in the summary.

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
        _ => &[],
    }
}
