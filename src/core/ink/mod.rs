//! Ink: strokes in a fixed logical space, so a drawing looks the same on any screen and in
//! any orientation. Points are small integers to keep stored drawings small.

pub mod base64;
pub mod codec;
mod drawing;
pub mod freehand;
pub mod gesture;
mod history;
mod palette;
mod stamp;
pub mod stamp_art;

pub use drawing::Drawing;
pub use history::{DrawingHistory, Edit};
pub use palette::{BrushSize, ColourName, PaletteColour, PALETTE};
pub use stamp::{
    Stamp, StampKind, StampPage, DEFAULT_STAMP_SIZE, MAX_STAMP_SIZE, MIN_STAMP_SIZE,
    STAMP_SIZE_STEP,
};

use serde::{Deserialize, Serialize};

/// Width of the logical drawing space. The drawing area always has a 4:3 shape.
pub const LOGICAL_WIDTH: u16 = 4000;
/// Height of the logical drawing space.
pub const LOGICAL_HEIGHT: u16 = 3000;
/// The pressure given to input without any (a mouse, most fingers): the middle of the range.
pub const DEFAULT_PRESSURE: u8 = 128;
/// How far around the eraser's tip a stroke is caught, in logical units.
pub const ERASER_RADIUS: u16 = 60;

/// One sampled point of a stroke, stored as `[x, y, pressure]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "(u16, u16, u8)", into = "(u16, u16, u8)")]
pub struct Point {
    pub x: u16,
    pub y: u16,
    /// 0 (lightest) to 255 (firmest).
    pub pressure: u8,
}

impl From<(u16, u16, u8)> for Point {
    fn from((x, y, pressure): (u16, u16, u8)) -> Self {
        Point { x, y, pressure }
    }
}

impl From<Point> for (u16, u16, u8) {
    fn from(point: Point) -> Self {
        (point.x, point.y, point.pressure)
    }
}

/// One line drawn without lifting the finger or pen.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stroke {
    /// `#rrggbb`.
    pub colour: String,
    /// Base width in logical units; pressure makes each part thinner or thicker.
    pub width: u16,
    pub points: Vec<Point>,
    /// Drawn with a pen, so the recorded pressure is real; otherwise it comes from speed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pen: bool,
    #[serde(default, skip_serializing_if = "Nib::is_marker")]
    pub nib: Nib,
}

/// What kind of line a stroke is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nib {
    /// Solid ink shaped by pressure, like a felt-tip marker.
    #[default]
    Marker,
    /// A wide, see-through line of even width, for colouring over things.
    Highlighter,
}

impl Nib {
    pub fn is_marker(&self) -> bool {
        *self == Nib::Marker
    }

    /// How opaque the ink is; a highlighter lets what is under it show through.
    pub fn opacity(self) -> f64 {
        match self {
            Nib::Marker => 1.0,
            Nib::Highlighter => 0.35,
        }
    }
}

impl Stroke {
    /// The filled outline of this stroke in logical units (see `freehand`).
    pub fn outline(&self) -> Vec<(f64, f64)> {
        let points: Vec<freehand::InkPoint> = self
            .points
            .iter()
            .map(|p| freehand::InkPoint {
                x: f64::from(p.x),
                y: f64::from(p.y),
                pressure: f64::from(p.pressure) / 255.0,
            })
            .collect();
        let options = match self.nib {
            Nib::Marker => freehand::InkOptions {
                size: f64::from(self.width),
                simulate_pressure: !self.pen,
                ..freehand::InkOptions::default()
            },
            Nib::Highlighter => freehand::InkOptions {
                size: 2.0 * f64::from(self.width),
                thinning: 0.0,
                simulate_pressure: false,
                ..freehand::InkOptions::default()
            },
        };
        freehand::outline(&points, &options)
    }

    /// Whether an eraser of `radius` at `at` touches this stroke.
    pub fn touches(&self, at: Point, radius: u16) -> bool {
        let reach = f64::from(radius) + f64::from(self.width) * 0.75;
        let target = (f64::from(at.x), f64::from(at.y));
        let as_xy = |p: &Point| (f64::from(p.x), f64::from(p.y));
        match self.points.as_slice() {
            [] => false,
            [only] => distance(target, as_xy(only)) <= reach,
            points => points
                .windows(2)
                .any(|pair| distance_to_segment(target, as_xy(&pair[0]), as_xy(&pair[1])) <= reach),
        }
    }
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length_squared = dx * dx + dy * dy;
    if length_squared == 0.0 {
        return distance(p, a);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length_squared).clamp(0.0, 1.0);
    distance(p, (a.0 + t * dx, a.1 + t * dy))
}

/// The on-screen box a drawing is shown in, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub width: f64,
    pub height: f64,
}

impl View {
    /// The largest 4:3 box that fits in the space available.
    pub fn fit(available_width: f64, available_height: f64) -> View {
        let aspect = f64::from(LOGICAL_WIDTH) / f64::from(LOGICAL_HEIGHT);
        let width = available_width.min(available_height * aspect).max(1.0);
        View {
            width,
            height: width / aspect,
        }
    }

    /// CSS pixels per logical unit.
    pub fn scale(&self) -> f64 {
        self.width / f64::from(LOGICAL_WIDTH)
    }

    /// Where a pointer at (`x`, `y`) CSS pixels inside the view lands in logical space.
    /// Points outside the view are held at its edge, as a stroke runs off the paper.
    pub fn to_logical(&self, x: f64, y: f64, pressure: u8) -> Point {
        let scale = self.scale();
        let clamp =
            |value: f64, max: u16| (value / scale).round().clamp(0.0, f64::from(max)) as u16;
        Point {
            x: clamp(x, LOGICAL_WIDTH),
            y: clamp(y, LOGICAL_HEIGHT),
            pressure,
        }
    }

    /// Where a logical point is shown, in CSS pixels.
    pub fn to_view(&self, point: Point) -> (f64, f64) {
        let scale = self.scale();
        (f64::from(point.x) * scale, f64::from(point.y) * scale)
    }
}

/// The stored pressure for a pointer's reported pressure (0.0 to 1.0). Mice and fingers
/// that report none (0, or the spec's 0.5 default for a pressed mouse) get the middle value.
pub fn pressure_from_pointer(reported: f64, pointer_type: &str) -> u8 {
    if pointer_type == "mouse" || reported <= 0.0 || !reported.is_finite() {
        DEFAULT_PRESSURE
    } else {
        (reported.clamp(0.0, 1.0) * 255.0).round() as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(x: u16, y: u16) -> Point {
        Point {
            x,
            y,
            pressure: DEFAULT_PRESSURE,
        }
    }

    #[test]
    fn points_are_stored_as_compact_triples() {
        let stroke = Stroke {
            colour: "#d62828".into(),
            width: 40,
            points: vec![Point {
                x: 1,
                y: 2,
                pressure: 3,
            }],
            pen: false,
            nib: Default::default(),
        };
        let json = serde_json::to_string(&stroke).unwrap();
        assert_eq!(
            json,
            r##"{"colour":"#d62828","width":40,"points":[[1,2,3]]}"##
        );
        assert_eq!(serde_json::from_str::<Stroke>(&json).unwrap(), stroke);
    }

    #[test]
    fn view_keeps_four_by_three_in_landscape_and_portrait() {
        let landscape = View::fit(1000.0, 600.0);
        assert_eq!((landscape.width, landscape.height), (800.0, 600.0));
        let portrait = View::fit(700.0, 1000.0);
        assert_eq!((portrait.width, portrait.height), (700.0, 525.0));
    }

    #[test]
    fn a_point_lands_at_the_same_place_after_rotation() {
        let landscape = View::fit(1000.0, 600.0);
        let portrait = View::fit(700.0, 1000.0);
        let stored = landscape.to_logical(400.0, 300.0, 90);
        assert_eq!(
            stored,
            Point {
                x: 2000,
                y: 1500,
                pressure: 90
            }
        );
        assert_eq!(portrait.to_view(stored), (350.0, 262.5));
    }

    #[test]
    fn pointers_outside_the_view_stay_on_the_paper() {
        let view = View::fit(400.0, 300.0);
        assert_eq!(
            view.to_logical(-20.0, 500.0, 1),
            Point {
                x: 0,
                y: 3000,
                pressure: 1
            }
        );
    }

    #[test]
    fn pressure_comes_from_pens_and_is_simulated_for_mice() {
        assert_eq!(pressure_from_pointer(0.5, "mouse"), DEFAULT_PRESSURE);
        assert_eq!(pressure_from_pointer(0.0, "touch"), DEFAULT_PRESSURE);
        assert_eq!(pressure_from_pointer(f64::NAN, "pen"), DEFAULT_PRESSURE);
        assert_eq!(pressure_from_pointer(1.0, "pen"), 255);
        assert_eq!(pressure_from_pointer(0.2, "pen"), 51);
    }

    /// A level line at y = 500, for measuring how wide a stroke is drawn.
    fn level_line(pressure: u8, pen: bool, nib: Nib) -> Stroke {
        Stroke {
            colour: "#f6c90e".into(),
            width: 40,
            points: (0..20)
                .map(|i| Point {
                    x: 100 + i * 10,
                    y: 500,
                    pressure,
                })
                .collect(),
            pen,
            nib,
        }
    }

    fn half_width(stroke: &Stroke) -> f64 {
        stroke
            .outline()
            .iter()
            .map(|(_, y)| (y - 500.0).abs())
            .fold(0.0, f64::max)
    }

    #[test]
    fn a_firm_pen_draws_wider_and_other_input_ignores_recorded_pressure() {
        let line = |pressure, pen| level_line(pressure, pen, Nib::Marker);
        assert!(half_width(&line(240, true)) > 1.5 * half_width(&line(40, true)));
        assert_eq!(half_width(&line(240, false)), half_width(&line(40, false)));
    }

    #[test]
    fn a_highlighter_is_wide_even_and_see_through() {
        let highlighter = half_width(&level_line(40, true, Nib::Highlighter));
        assert!((highlighter - 40.0).abs() < 1e-6, "{highlighter}");
        assert_eq!(
            highlighter,
            half_width(&level_line(250, true, Nib::Highlighter))
        );
        assert!(Nib::Highlighter.opacity() < 1.0 && Nib::Marker.opacity() == 1.0);
        let json = serde_json::to_string(&level_line(1, true, Nib::Highlighter)).unwrap();
        assert!(json.contains(r#""nib":"highlighter""#));
        let marker = serde_json::to_string(&level_line(1, true, Nib::Marker)).unwrap();
        assert!(!marker.contains("nib"));
    }

    #[test]
    fn only_pen_strokes_say_so_in_storage() {
        let finger = Stroke {
            colour: "#000000".into(),
            width: 40,
            points: vec![],
            pen: false,
            nib: Default::default(),
        };
        assert!(!serde_json::to_string(&finger).unwrap().contains("pen"));
        let pen = Stroke {
            pen: true,
            ..finger
        };
        let json = serde_json::to_string(&pen).unwrap();
        assert!(json.ends_with(r#""pen":true}"#));
        assert_eq!(serde_json::from_str::<Stroke>(&json).unwrap(), pen);
    }

    #[test]
    fn eraser_touches_only_strokes_it_reaches() {
        let stroke = Stroke {
            colour: "#000000".into(),
            width: 40,
            points: vec![point(100, 100), point(1100, 100)],
            pen: false,
            nib: Default::default(),
        };
        assert!(stroke.touches(point(600, 150), ERASER_RADIUS));
        assert!(!stroke.touches(point(600, 400), ERASER_RADIUS));
        assert!(!stroke.touches(point(1400, 100), ERASER_RADIUS));
        let dot = Stroke {
            points: vec![point(10, 10)],
            ..stroke.clone()
        };
        assert!(dot.touches(point(40, 40), ERASER_RADIUS));
        let empty = Stroke {
            points: vec![],
            ..stroke
        };
        assert!(!empty.touches(point(10, 10), ERASER_RADIUS));
    }
}
