//! Ink that looks drawn: pressure-shaped outlines after Steve Ruiz's perfect-freehand
//! (github.com/steveruizok/perfect-freehand, MIT). The idea, rewritten here in Rust:
//! streamline the raw points, give each a radius from pressure (or from speed, for fingers
//! and mice), walk them to build a left and a right edge, join the edges with round caps, and
//! fill the polygon. Pure functions, no browser: tested natively.

use std::f64::consts::PI;

/// How a stroke's outline is shaped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InkOptions {
    /// The stroke's width at middle pressure, in the same units as the points.
    pub size: f64,
    /// How much pressure changes the width: 0 keeps it constant, 1 runs from a hairline at no
    /// pressure to twice the size at full pressure.
    pub thinning: f64,
    /// How strongly each point is pulled towards the one before (0 = raw, towards 1 = calm).
    pub streamline: f64,
    /// Take pressure from speed (fast is thin) instead of the recorded pressure.
    pub simulate_pressure: bool,
}

impl Default for InkOptions {
    fn default() -> Self {
        InkOptions {
            size: 16.0,
            thinning: 0.5,
            streamline: 0.35,
            simulate_pressure: true,
        }
    }
}

/// One input point; `pressure` runs from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InkPoint {
    pub x: f64,
    pub y: f64,
    pub pressure: f64,
}

/// Segments used for each round cap (and for a dot).
const CAP_SEGMENTS: usize = 8;
/// How quickly simulated pressure follows speed; a marker's ink does not jump.
const SIMULATED_PRESSURE_RATE: f64 = 0.275;

/// Pulls each point a little towards the previous smoothed point, which calms the tremble
/// of a small hand without lagging behind a fast one. The last raw point is kept, so the line
/// ends where the finger lifted. Points that do not move are dropped.
pub fn streamline(points: &[InkPoint], streamline: f64) -> Vec<InkPoint> {
    let follow = 1.0 - streamline.clamp(0.0, 0.95);
    let mut smoothed: Vec<InkPoint> = Vec::with_capacity(points.len() + 1);
    for point in points.iter().filter(|p| p.x.is_finite() && p.y.is_finite()) {
        let next = match smoothed.last() {
            None => *point,
            Some(previous) => InkPoint {
                x: previous.x + (point.x - previous.x) * follow,
                y: previous.y + (point.y - previous.y) * follow,
                pressure: point.pressure,
            },
        };
        push_if_moved(&mut smoothed, next);
    }
    if let Some(last) = points
        .iter()
        .rev()
        .find(|p| p.x.is_finite() && p.y.is_finite())
    {
        push_if_moved(&mut smoothed, *last);
    }
    smoothed
}

fn push_if_moved(points: &mut Vec<InkPoint>, point: InkPoint) {
    match points.last_mut() {
        Some(last) if distance(last, &point) < 1e-6 => {
            last.pressure = last.pressure.max(point.pressure)
        }
        _ => points.push(point),
    }
}

/// The outline polygon of a stroke, ready to fill. Empty input gives an empty outline; a
/// single point gives a round dot.
pub fn outline(points: &[InkPoint], options: &InkOptions) -> Vec<(f64, f64)> {
    let points = streamline(points, options.streamline);
    let Some(first) = points.first() else {
        return Vec::new();
    };
    let pressures = pressures(&points, options);
    let radii: Vec<f64> = pressures.iter().map(|&p| radius(options, p)).collect();
    if points.len() == 1 {
        return circle(first, radii[0]);
    }

    let last = points.len() - 1;
    let mut left = Vec::with_capacity(points.len());
    let mut right = Vec::with_capacity(points.len());
    for (i, point) in points.iter().enumerate() {
        let before = &points[i.saturating_sub(1)];
        let after = &points[(i + 1).min(last)];
        let (dx, dy) = unit(after.x - before.x, after.y - before.y);
        // The edge sits across the direction of travel, at the point's radius.
        let (nx, ny) = (-dy * radii[i], dx * radii[i]);
        left.push((point.x + nx, point.y + ny));
        right.push((point.x - nx, point.y - ny));
    }

    let mut polygon = Vec::with_capacity(2 * points.len() + 2 * CAP_SEGMENTS);
    polygon.extend(left.iter().copied());
    polygon.extend(cap(&points[last], left[last]));
    polygon.extend(right.iter().rev().copied());
    polygon.extend(cap(&points[0], right[0]));
    polygon
}

/// The pressure at each point: recorded, or simulated from speed (slow and careful is wide).
fn pressures(points: &[InkPoint], options: &InkOptions) -> Vec<f64> {
    if !options.simulate_pressure {
        return points.iter().map(|p| p.pressure.clamp(0.0, 1.0)).collect();
    }
    let size = options.size.max(1e-6);
    let mut previous = 0.5;
    let mut result = Vec::with_capacity(points.len());
    for (i, point) in points.iter().enumerate() {
        if i > 0 {
            let speed = (distance(&points[i - 1], point) / size).min(1.0);
            let target = 1.0 - speed;
            previous =
                (previous + (target - previous) * speed * SIMULATED_PRESSURE_RATE).clamp(0.0, 1.0);
        }
        result.push(previous);
    }
    result
}

/// Half the drawn width at a pressure; never quite zero, so a light touch still shows.
fn radius(options: &InkOptions, pressure: f64) -> f64 {
    let scale = 0.5 - options.thinning.clamp(0.0, 1.0) * (0.5 - pressure);
    (options.size * scale).max(options.size * 0.05).max(0.25)
}

/// Half a circle around `centre`, starting at `from` and turning the way that runs round the
/// end of the stroke (from the left edge to the right one at the end, the other way at the
/// start).
fn cap(centre: &InkPoint, from: (f64, f64)) -> Vec<(f64, f64)> {
    let radius = (from.0 - centre.x).hypot(from.1 - centre.y);
    let start = (from.1 - centre.y).atan2(from.0 - centre.x);
    (1..CAP_SEGMENTS)
        .map(|step| {
            let angle = start - PI * step as f64 / CAP_SEGMENTS as f64;
            (
                centre.x + radius * angle.cos(),
                centre.y + radius * angle.sin(),
            )
        })
        .collect()
}

fn circle(centre: &InkPoint, radius: f64) -> Vec<(f64, f64)> {
    (0..2 * CAP_SEGMENTS)
        .map(|step| {
            let angle = PI * step as f64 / CAP_SEGMENTS as f64;
            (
                centre.x + radius * angle.cos(),
                centre.y + radius * angle.sin(),
            )
        })
        .collect()
}

fn unit(dx: f64, dy: f64) -> (f64, f64) {
    let length = dx.hypot(dy);
    if length < 1e-9 {
        (1.0, 0.0)
    } else {
        (dx / length, dy / length)
    }
}

fn distance(a: &InkPoint, b: &InkPoint) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(from: f64, to: f64, step: f64, pressure: f64) -> Vec<InkPoint> {
        let mut points = Vec::new();
        let mut x = from;
        while x <= to {
            points.push(InkPoint {
                x,
                y: 100.0,
                pressure,
            });
            x += step;
        }
        points
    }

    fn half_width(polygon: &[(f64, f64)]) -> f64 {
        polygon
            .iter()
            .map(|(_, y)| (y - 100.0).abs())
            .fold(0.0, f64::max)
    }

    fn recorded(size: f64, thinning: f64) -> InkOptions {
        InkOptions {
            size,
            thinning,
            streamline: 0.0,
            simulate_pressure: false,
        }
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(outline(&[], &InkOptions::default()).is_empty());
        assert!(streamline(&[], 0.5).is_empty());
    }

    #[test]
    fn a_single_point_is_a_round_dot() {
        let dot = outline(
            &[InkPoint {
                x: 10.0,
                y: 20.0,
                pressure: 0.5,
            }],
            &recorded(8.0, 0.5),
        );
        assert_eq!(dot.len(), 2 * CAP_SEGMENTS);
        for (x, y) in dot {
            assert!(((x - 10.0).hypot(y - 20.0) - 4.0).abs() < 1e-9);
        }
    }

    #[test]
    fn a_straight_line_is_as_wide_as_its_size_with_round_ends() {
        let polygon = outline(&line(0.0, 100.0, 5.0, 0.5), &recorded(10.0, 0.0));
        assert!(
            (half_width(&polygon) - 5.0).abs() < 1e-6,
            "{}",
            half_width(&polygon)
        );
        let min_x = polygon.iter().map(|p| p.0).fold(f64::MAX, f64::min);
        let max_x = polygon.iter().map(|p| p.0).fold(f64::MIN, f64::max);
        assert!(
            (min_x + 5.0).abs() < 0.2 && (max_x - 105.0).abs() < 0.2,
            "{min_x} {max_x}"
        );
        assert!(polygon.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
    }

    #[test]
    fn firmer_pen_pressure_draws_wider() {
        let light = half_width(&outline(&line(0.0, 100.0, 5.0, 0.2), &recorded(10.0, 0.6)));
        let firm = half_width(&outline(&line(0.0, 100.0, 5.0, 0.9), &recorded(10.0, 0.6)));
        assert!(firm > light * 1.5, "light {light}, firm {firm}");
    }

    #[test]
    fn without_a_pen_fast_lines_are_thinner_than_slow_ones() {
        let options = InkOptions {
            size: 10.0,
            thinning: 0.6,
            streamline: 0.0,
            simulate_pressure: true,
        };
        let slow = half_width(&outline(&line(0.0, 300.0, 1.0, 0.0), &options));
        let fast = half_width(&outline(&line(0.0, 300.0, 12.0, 0.0), &options));
        assert!(slow > fast, "slow {slow}, fast {fast}");
    }

    #[test]
    fn streamlining_calms_a_tremble_and_keeps_the_end() {
        let shaky: Vec<InkPoint> = (0..20)
            .map(|i| InkPoint {
                x: i as f64 * 10.0,
                y: if i % 2 == 0 { 0.0 } else { 10.0 },
                pressure: 0.5,
            })
            .collect();
        let calm = streamline(&shaky, 0.5);
        let wobble = |points: &[InkPoint]| {
            points
                .windows(2)
                .map(|w| (w[1].y - w[0].y).abs())
                .sum::<f64>()
        };
        assert!(wobble(&calm) < wobble(&shaky) * 0.7);
        assert_eq!(calm.last().unwrap().x, 190.0);
        assert_eq!(calm.first().unwrap().x, 0.0);
    }

    #[test]
    fn repeated_and_broken_points_never_break_the_outline() {
        let still = vec![
            InkPoint {
                x: 5.0,
                y: 5.0,
                pressure: 0.5
            };
            10
        ];
        assert_eq!(
            outline(&still, &InkOptions::default()).len(),
            2 * CAP_SEGMENTS
        );
        let broken = vec![
            InkPoint {
                x: f64::NAN,
                y: 1.0,
                pressure: 0.5,
            },
            InkPoint {
                x: 1.0,
                y: 1.0,
                pressure: 0.5,
            },
            InkPoint {
                x: 9.0,
                y: 1.0,
                pressure: 0.5,
            },
        ];
        let polygon = outline(&broken, &InkOptions::default());
        assert!(!polygon.is_empty() && polygon.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
    }
}
