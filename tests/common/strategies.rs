//! Random drawings for the property tests: points (walked like a hand or anywhere), strokes
//! with every nib and the palette's colours and others, stamps, whole drawings.

use hear_me::core::ink::{Nib, Point, Stamp, StampKind, Stroke, DEFAULT_PRESSURE, PALETTE};
use hear_me::core::Drawing;
use proptest::prelude::*;

pub fn any_point(pen: bool) -> impl Strategy<Value = Point> {
    let pressure = if pen {
        any::<u8>().boxed()
    } else {
        Just(DEFAULT_PRESSURE).boxed()
    };
    (any::<u16>(), any::<u16>(), pressure).prop_map(|(x, y, pressure)| Point { x, y, pressure })
}

/// A stroke as a hand draws it: small steps from a start, so the short codes are exercised.
pub fn walked_points(pen: bool) -> impl Strategy<Value = Vec<Point>> {
    (
        0u16..=4000,
        0u16..=3000,
        prop::collection::vec((-40i32..=40, -40i32..=40, -6i32..=6), 0..120),
        any::<u8>(),
    )
        .prop_map(move |(x, y, steps, pressure)| {
            let mut at = (i32::from(x), i32::from(y), i32::from(pressure));
            let mut points = vec![];
            for (dx, dy, dp) in steps {
                at = (
                    (at.0 + dx).clamp(0, 4000),
                    (at.1 + dy).clamp(0, 3000),
                    (at.2 + dp).clamp(0, 255),
                );
                points.push(Point {
                    x: at.0 as u16,
                    y: at.1 as u16,
                    pressure: if pen { at.2 as u8 } else { DEFAULT_PRESSURE },
                });
            }
            points
        })
}

pub fn any_colour() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PALETTE.iter().map(|c| c.hex.to_owned()).collect::<Vec<_>>()),
        1 => "#[0-9a-fA-F]{6}",
        1 => ".{0,12}",
    ]
}

pub fn any_stroke() -> impl Strategy<Value = Stroke> {
    (any::<bool>(), any::<bool>(), any::<bool>())
        .prop_flat_map(|(pen, highlighter, walked)| {
            let points = if walked {
                walked_points(pen).boxed()
            } else {
                prop::collection::vec(any_point(pen), 0..20).boxed()
            };
            (
                any_colour(),
                any::<u16>(),
                points,
                Just(pen),
                Just(highlighter),
            )
        })
        .prop_map(|(colour, width, points, pen, highlighter)| Stroke {
            colour,
            width,
            points,
            pen,
            nib: if highlighter {
                Nib::Highlighter
            } else {
                Nib::Marker
            },
        })
}

pub fn any_stamp() -> impl Strategy<Value = Stamp> {
    (
        prop::sample::select(StampKind::ALL.to_vec()),
        any::<u16>(),
        any::<u16>(),
        any::<u16>(),
    )
        .prop_map(|(kind, x, y, size)| Stamp { kind, x, y, size })
}

pub fn any_drawing() -> impl Strategy<Value = Drawing> {
    (
        prop::collection::vec(any_stroke(), 0..8),
        prop::collection::vec(any_stamp(), 0..5),
    )
        .prop_map(|(strokes, stamps)| Drawing { strokes, stamps })
}
