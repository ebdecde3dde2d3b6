//! What a touch on the paper means: the rules a child meets most, as a state machine with no
//! browser in it. The drawing editor turns each pointer event into a [`PointerInput`], asks
//! the [`Gesture`] what it means and carries out the [`Decision`] (paint, change the drawing
//! through its history, save).
//!
//! The rules:
//! - One pointer at a time: while a stroke, an eraser swipe or a stamp drag is going on, any
//!   other pointer (a second finger, a resting palm) is ignored, and only the pointer that
//!   began the gesture moves, ends or cancels it.
//! - A mouse draws with its main button only; right and middle clicks are ignored.
//! - Palm rejection: the first time a pen touches the paper, "pen only" turns on, and while it
//!   is on, fingers do not draw. The worker can turn it off; a later pen does not turn it on
//!   again.
//! - A stroke is finished when its pointer lifts: one undo step. A pointer cancelled by the
//!   system (a palm, a system swipe) loses only the stroke it was drawing. The page going
//!   away keeps the stroke drawn so far, as if the pen had been lifted.
//! - One swipe of the eraser is one undo step: the swipe's first removal opens the step and
//!   later removals join it; touching bare paper changes nothing.
//! - A touch on a stamp picks it up (the topmost one, where stamps overlap); a touch on bare
//!   paper places the chosen stamp there, already picked up, so a child can place it and slide
//!   it in one go. The stamp keeps the spot it was caught by under the finger. Letting go
//!   moves it (one undo step) only if it was dragged; a cancelled drag leaves it where it was.
//! - Leaving the paper does not end a gesture: the editor holds on to (captures) the pointer
//!   that began it, and points past the edge are held at the edge (`View::to_logical`).
//!
//! No rule depends on time: strokes store no times, and speed-simulated pressure comes from
//! the spacing of the points.

use super::{Nib, Point, Stamp, StampKind, Stroke, ERASER_RADIUS};

/// What kind of pointer touched the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerKind {
    Pen,
    Touch,
    Mouse,
}

impl PointerKind {
    /// The kind for a browser's `pointerType` ("pen", "touch", "mouse"); anything else is
    /// taken as a mouse.
    pub fn from_pointer_type(pointer_type: &str) -> PointerKind {
        match pointer_type {
            "pen" => PointerKind::Pen,
            "touch" => PointerKind::Touch,
            _ => PointerKind::Mouse,
        }
    }
}

/// The main button of a mouse (and the only "button" of a finger or a pen's tip).
pub const MAIN_BUTTON: i16 = 0;

/// A pointer going down on the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PointerInput {
    /// The browser's pointer id: the same for every event of one finger, pen or mouse.
    pub id: i32,
    pub kind: PointerKind,
    /// Which button went down (`MAIN_BUTTON` for a finger or a pen's tip).
    pub button: i16,
    /// Where, in the drawing's logical space, with the pressure to store.
    pub at: Point,
}

/// What touching the paper does, as chosen in the toolbar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tip {
    /// Lay down ink with the chosen brush.
    Ink,
    /// Lift whole strokes off.
    Eraser,
    /// Put down this stamp, or pick up and move stamps already there.
    Stamp(StampKind),
}

/// The ink a new stroke gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Brush {
    /// `#rrggbb`.
    pub colour: &'static str,
    pub width: u16,
    pub nib: Nib,
}

/// What the paper holds when a pointer goes down, and what the toolbar has chosen.
#[derive(Clone, Copy, Debug)]
pub struct Paper<'a> {
    pub tip: Tip,
    pub brush: Brush,
    pub strokes: &'a [Stroke],
    pub stamps: &'a [Stamp],
}

/// What the editor should do about one pointer event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Nothing: not the gesture's pointer, a palm, a right click, a second finger.
    Ignore,
    /// A stroke has begun: hold on to the pointer and show the live stroke.
    StartStroke,
    /// The live stroke has grown (or may have): show it again.
    ExtendStroke,
    /// The stroke is done: add it to the drawing as one undo step, and save.
    FinishStroke(Stroke),
    /// The live stroke is lost: show the paper without it.
    DropStroke,
    /// The eraser is down on bare paper: hold on to the pointer, nothing changes yet.
    StartErasing,
    /// Lift off every stroke the eraser touches at `at`; with `same_step` the removal joins
    /// the swipe's earlier one, so the swipe stays one undo step. On a pointer going down,
    /// hold on to the pointer too.
    Erase { at: Point, same_step: bool },
    /// The eraser swipe is over: save.
    FinishErasing,
    /// Put `stamp` on top of the others, where it becomes stamp number `index`, and select
    /// it: one undo step, saved. It is picked up at once; hold on to the pointer.
    PlaceStamp { stamp: Stamp, index: usize },
    /// Stamp number `index` is picked up: select it and hold on to the pointer.
    PickUpStamp { index: usize },
    /// Show stamp number `index` as `to` while it is dragged; the drawing does not change yet.
    MoveStamp { index: usize, to: Stamp },
    /// The stamp is let go: with `to`, it moves there (one undo step, saved); without, it
    /// stays where it was and the drawing does not change.
    DropStamp { index: usize, to: Option<Stamp> },
}

/// The gesture going on, by the one pointer making it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Going {
    #[default]
    Idle,
    Drawing {
        id: i32,
        stroke: Stroke,
    },
    Erasing {
        id: i32,
        erased: bool,
    },
    Dragging {
        id: i32,
        drag: StampDrag,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StampDrag {
    index: usize,
    start: Stamp,
    /// Where on the stamp it was caught, from its centre, so it does not jump under the finger.
    grab: (i32, i32),
    /// Where it has been dragged to, once it has moved.
    to: Option<Stamp>,
}

/// The pointer rules of the drawing editor (see the module's documentation).
#[derive(Clone, Debug, Default)]
pub struct Gesture {
    going: Going,
    /// Palm rejection: fingers do not draw.
    pen_only: bool,
    /// A pen has touched the paper in this visit.
    pen_seen: bool,
}

impl Gesture {
    /// Whether fingers are ignored because a pen is in use.
    pub fn pen_only(&self) -> bool {
        self.pen_only
    }

    /// The worker turns palm rejection on or off.
    pub fn set_pen_only(&mut self, on: bool) {
        self.pen_only = on;
    }

    /// The stroke being drawn, to show it.
    pub fn live_stroke(&self) -> Option<&Stroke> {
        match &self.going {
            Going::Drawing { stroke, .. } => Some(stroke),
            _ => None,
        }
    }

    /// A pointer goes down on the paper.
    pub fn pointer_down(&mut self, input: PointerInput, paper: Paper) -> Decision {
        if self.going != Going::Idle {
            return Decision::Ignore;
        }
        if input.kind == PointerKind::Mouse && input.button != MAIN_BUTTON {
            return Decision::Ignore;
        }
        if input.kind == PointerKind::Pen && !self.pen_seen {
            self.pen_seen = true;
            self.pen_only = true;
        }
        if input.kind == PointerKind::Touch && self.pen_only {
            return Decision::Ignore;
        }
        let (id, at) = (input.id, input.at);
        match paper.tip {
            Tip::Ink => {
                self.going = Going::Drawing {
                    id,
                    stroke: Stroke {
                        colour: paper.brush.colour.to_owned(),
                        width: paper.brush.width,
                        points: vec![at],
                        pen: input.kind == PointerKind::Pen,
                        nib: paper.brush.nib,
                    },
                };
                Decision::StartStroke
            }
            Tip::Eraser => {
                let mut erased = false;
                let decision = erase(&mut erased, at, paper.strokes);
                self.going = Going::Erasing { id, erased };
                decision.unwrap_or(Decision::StartErasing)
            }
            Tip::Stamp(kind) => {
                let hit = paper.stamps.iter().rposition(|s| s.contains(at));
                let (index, start, decision) = match hit {
                    Some(index) => (index, paper.stamps[index], Decision::PickUpStamp { index }),
                    None => {
                        let (index, stamp) = (paper.stamps.len(), Stamp::placed_at(kind, at));
                        (index, stamp, Decision::PlaceStamp { stamp, index })
                    }
                };
                let grab = (
                    i32::from(at.x) - i32::from(start.x),
                    i32::from(at.y) - i32::from(start.y),
                );
                self.going = Going::Dragging {
                    id,
                    drag: StampDrag {
                        index,
                        start,
                        grab,
                        to: None,
                    },
                };
                decision
            }
        }
    }

    /// A pointer moves to `at`: call once for each sample the browser gives, in order, with
    /// the strokes as they are after the decision on the sample before.
    pub fn pointer_move(&mut self, id: i32, at: Point, strokes: &[Stroke]) -> Decision {
        match &mut self.going {
            Going::Drawing { id: mine, stroke } if *mine == id => {
                if stroke
                    .points
                    .last()
                    .is_some_and(|last| (last.x, last.y) != (at.x, at.y))
                {
                    stroke.points.push(at);
                }
                Decision::ExtendStroke
            }
            Going::Erasing { id: mine, erased } if *mine == id => {
                erase(erased, at, strokes).unwrap_or(Decision::Ignore)
            }
            Going::Dragging { id: mine, drag } if *mine == id => {
                let to = drag
                    .start
                    .moved_to(i32::from(at.x) - drag.grab.0, i32::from(at.y) - drag.grab.1);
                drag.to = Some(to);
                Decision::MoveStamp {
                    index: drag.index,
                    to,
                }
            }
            _ => Decision::Ignore,
        }
    }

    /// A pointer lifts off the paper.
    pub fn pointer_up(&mut self, id: i32) -> Decision {
        if !self.follows(id) {
            return Decision::Ignore;
        }
        match std::mem::take(&mut self.going) {
            Going::Idle => Decision::Ignore,
            Going::Drawing { stroke, .. } => Decision::FinishStroke(stroke),
            Going::Erasing { .. } => Decision::FinishErasing,
            Going::Dragging { drag, .. } => Decision::DropStamp {
                index: drag.index,
                to: drag.to,
            },
        }
    }

    /// The system takes a pointer away (a palm, a system gesture, a stamp that could not be
    /// placed): its stroke is lost, its drag undone; what the eraser lifted stays lifted.
    pub fn pointer_cancel(&mut self, id: i32) -> Decision {
        if !self.follows(id) {
            return Decision::Ignore;
        }
        match std::mem::take(&mut self.going) {
            Going::Idle => Decision::Ignore,
            Going::Drawing { .. } => Decision::DropStroke,
            Going::Erasing { .. } => Decision::FinishErasing,
            Going::Dragging { drag, .. } => Decision::DropStamp {
                index: drag.index,
                to: None,
            },
        }
    }

    /// The page is going away or the tablet is going to sleep: the stroke drawn so far is
    /// kept, as if the pen had been lifted. Other gestures go on.
    pub fn page_hidden(&mut self) -> Decision {
        if !matches!(self.going, Going::Drawing { .. }) {
            return Decision::Ignore;
        }
        match std::mem::take(&mut self.going) {
            Going::Drawing { stroke, .. } => Decision::FinishStroke(stroke),
            _ => Decision::Ignore,
        }
    }

    /// Whether `id` is the pointer making the gesture going on.
    pub fn follows(&self, id: i32) -> bool {
        match self.going {
            Going::Idle => false,
            Going::Drawing { id: mine, .. }
            | Going::Erasing { id: mine, .. }
            | Going::Dragging { id: mine, .. } => mine == id,
        }
    }
}

/// The eraser at `at` during a swipe that has `erased` already: a removal when it touches a
/// stroke. Only a removal opens the swipe's undo step; bare paper leaves it unopened.
fn erase(erased: &mut bool, at: Point, strokes: &[Stroke]) -> Option<Decision> {
    if !strokes.iter().any(|s| s.touches(at, ERASER_RADIUS)) {
        return None;
    }
    let same_step = *erased;
    *erased = true;
    Some(Decision::Erase { at, same_step })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ink::{DEFAULT_PRESSURE, DEFAULT_STAMP_SIZE};

    const BRUSH: Brush = Brush {
        colour: "#d62828",
        width: 40,
        nib: Nib::Marker,
    };

    fn at(x: u16, y: u16) -> Point {
        Point {
            x,
            y,
            pressure: DEFAULT_PRESSURE,
        }
    }

    fn down(id: i32, kind: PointerKind, x: u16, y: u16) -> PointerInput {
        PointerInput {
            id,
            kind,
            button: MAIN_BUTTON,
            at: at(x, y),
        }
    }

    fn finger(id: i32, x: u16, y: u16) -> PointerInput {
        down(id, PointerKind::Touch, x, y)
    }

    fn paper(tip: Tip) -> Paper<'static> {
        Paper {
            tip,
            brush: BRUSH,
            strokes: &[],
            stamps: &[],
        }
    }

    fn line(from: (u16, u16), to: (u16, u16)) -> Stroke {
        Stroke {
            colour: "#000000".into(),
            width: 40,
            points: vec![at(from.0, from.1), at(to.0, to.1)],
            pen: false,
            nib: Nib::Marker,
        }
    }

    fn stamp(kind: StampKind, x: u16, y: u16) -> Stamp {
        Stamp {
            kind,
            x,
            y,
            size: DEFAULT_STAMP_SIZE,
        }
    }

    #[test]
    fn a_stroke_is_one_undo_step_when_its_pointer_lifts() {
        let mut gesture = Gesture::default();
        assert_eq!(
            gesture.pointer_down(finger(1, 100, 100), paper(Tip::Ink)),
            Decision::StartStroke
        );
        assert_eq!(
            gesture.pointer_move(1, at(200, 100), &[]),
            Decision::ExtendStroke
        );
        assert_eq!(
            gesture.pointer_move(1, at(300, 150), &[]),
            Decision::ExtendStroke
        );
        assert_eq!(gesture.live_stroke().map(|s| s.points.len()), Some(3));
        let Decision::FinishStroke(stroke) = gesture.pointer_up(1) else {
            panic!("lifting the finger finishes the stroke");
        };
        assert_eq!(
            stroke.points,
            vec![at(100, 100), at(200, 100), at(300, 150)]
        );
        assert_eq!((stroke.colour.as_str(), stroke.width), ("#d62828", 40));
        assert!(!stroke.pen);
        assert_eq!(gesture.live_stroke(), None);
        assert_eq!(
            gesture.pointer_up(1),
            Decision::Ignore,
            "finished only once"
        );
    }

    #[test]
    fn a_pen_stroke_says_it_was_drawn_with_a_pen() {
        let mut gesture = Gesture::default();
        gesture.pointer_down(down(5, PointerKind::Pen, 10, 10), paper(Tip::Ink));
        let Decision::FinishStroke(stroke) = gesture.pointer_up(5) else {
            panic!("a pen draws");
        };
        assert!(stroke.pen);
    }

    #[test]
    fn a_point_where_the_last_one_was_is_not_added_again() {
        let mut gesture = Gesture::default();
        gesture.pointer_down(finger(1, 100, 100), paper(Tip::Ink));
        gesture.pointer_move(1, at(100, 100), &[]);
        gesture.pointer_move(1, at(110, 100), &[]);
        gesture.pointer_move(1, at(110, 100), &[]);
        assert_eq!(
            gesture.live_stroke().map(|s| s.points.clone()),
            Some(vec![at(100, 100), at(110, 100)])
        );
    }

    #[test]
    fn a_second_finger_does_not_draw_while_the_first_one_does() {
        let mut gesture = Gesture::default();
        gesture.pointer_down(finger(1, 100, 100), paper(Tip::Ink));
        assert_eq!(
            gesture.pointer_down(finger(2, 900, 900), paper(Tip::Ink)),
            Decision::Ignore
        );
        assert_eq!(gesture.pointer_move(2, at(950, 900), &[]), Decision::Ignore);
        assert_eq!(gesture.pointer_up(2), Decision::Ignore);
        assert_eq!(gesture.pointer_cancel(2), Decision::Ignore);
        gesture.pointer_move(1, at(200, 100), &[]);
        assert_eq!(
            gesture.pointer_up(1),
            Decision::FinishStroke(Stroke {
                colour: "#d62828".into(),
                width: 40,
                points: vec![at(100, 100), at(200, 100)],
                pen: false,
                nib: Nib::Marker,
            })
        );
        // Once the first finger is up, the next one draws.
        assert_eq!(
            gesture.pointer_down(finger(2, 900, 900), paper(Tip::Ink)),
            Decision::StartStroke
        );
    }

    #[test]
    fn no_second_pointer_while_erasing_or_dragging_a_stamp() {
        let mut gesture = Gesture::default();
        gesture.pointer_down(finger(1, 100, 100), paper(Tip::Eraser));
        assert_eq!(
            gesture.pointer_down(finger(2, 500, 500), paper(Tip::Ink)),
            Decision::Ignore
        );
        gesture.pointer_up(1);
        gesture.pointer_down(finger(3, 100, 100), paper(Tip::Stamp(StampKind::Sun)));
        assert_eq!(
            gesture.pointer_down(finger(4, 500, 500), paper(Tip::Ink)),
            Decision::Ignore
        );
    }

    #[test]
    fn a_mouse_draws_with_its_main_button_only() {
        let mut gesture = Gesture::default();
        for button in [1, 2, 3, 4] {
            let click = PointerInput {
                button,
                ..down(1, PointerKind::Mouse, 100, 100)
            };
            assert_eq!(
                gesture.pointer_down(click, paper(Tip::Ink)),
                Decision::Ignore
            );
        }
        assert_eq!(
            gesture.pointer_down(down(1, PointerKind::Mouse, 100, 100), paper(Tip::Ink)),
            Decision::StartStroke
        );
    }

    #[test]
    fn the_first_pen_turns_on_pen_only_and_then_fingers_do_not_draw() {
        let mut gesture = Gesture::default();
        assert!(!gesture.pen_only());
        gesture.pointer_down(down(9, PointerKind::Pen, 10, 10), paper(Tip::Ink));
        assert!(gesture.pen_only());
        gesture.pointer_up(9);
        // A resting palm does nothing, whatever the tool.
        for tip in [Tip::Ink, Tip::Eraser, Tip::Stamp(StampKind::Sun)] {
            assert_eq!(
                gesture.pointer_down(finger(1, 100, 100), paper(tip)),
                Decision::Ignore
            );
        }
        // The pen and a mouse still draw.
        assert_eq!(
            gesture.pointer_down(down(9, PointerKind::Pen, 10, 10), paper(Tip::Ink)),
            Decision::StartStroke
        );
        gesture.pointer_up(9);
        assert_eq!(
            gesture.pointer_down(down(1, PointerKind::Mouse, 10, 10), paper(Tip::Ink)),
            Decision::StartStroke
        );
    }

    #[test]
    fn pen_only_turned_off_by_the_worker_stays_off() {
        let mut gesture = Gesture::default();
        gesture.pointer_down(down(9, PointerKind::Pen, 10, 10), paper(Tip::Ink));
        gesture.pointer_up(9);
        gesture.set_pen_only(false);
        gesture.pointer_down(down(9, PointerKind::Pen, 10, 10), paper(Tip::Ink));
        gesture.pointer_up(9);
        assert!(!gesture.pen_only(), "only the first pen turns it on");
        assert_eq!(
            gesture.pointer_down(finger(1, 100, 100), paper(Tip::Ink)),
            Decision::StartStroke
        );
    }

    #[test]
    fn pen_only_turned_on_by_the_worker_stops_fingers_before_any_pen() {
        let mut gesture = Gesture::default();
        gesture.set_pen_only(true);
        assert_eq!(
            gesture.pointer_down(finger(1, 100, 100), paper(Tip::Ink)),
            Decision::Ignore
        );
    }

    #[test]
    fn a_cancelled_pointer_loses_only_its_own_stroke() {
        let mut gesture = Gesture::default();
        gesture.pointer_down(finger(1, 100, 100), paper(Tip::Ink));
        gesture.pointer_move(1, at(200, 100), &[]);
        assert_eq!(gesture.pointer_cancel(1), Decision::DropStroke);
        assert_eq!(gesture.live_stroke(), None);
        assert_eq!(gesture.pointer_up(1), Decision::Ignore, "nothing to finish");
        // The next stroke is not held up by the lost one.
        assert_eq!(
            gesture.pointer_down(finger(2, 100, 100), paper(Tip::Ink)),
            Decision::StartStroke
        );
    }

    #[test]
    fn the_page_going_away_keeps_the_stroke_drawn_so_far() {
        let mut gesture = Gesture::default();
        assert_eq!(gesture.page_hidden(), Decision::Ignore);
        gesture.pointer_down(finger(1, 100, 100), paper(Tip::Ink));
        gesture.pointer_move(1, at(200, 100), &[]);
        let Decision::FinishStroke(stroke) = gesture.page_hidden() else {
            panic!("the stroke is kept");
        };
        assert_eq!(stroke.points, vec![at(100, 100), at(200, 100)]);
        assert_eq!(gesture.pointer_up(1), Decision::Ignore, "kept only once");
    }

    #[test]
    fn one_swipe_of_the_eraser_is_one_undo_step() {
        let strokes = [
            line((100, 1000), (3000, 1000)),
            line((100, 2000), (3000, 2000)),
        ];
        let eraser = Paper {
            strokes: &strokes,
            ..paper(Tip::Eraser)
        };
        let mut gesture = Gesture::default();
        // Down on bare paper, then across both strokes: the first removal opens the step.
        assert_eq!(
            gesture.pointer_down(finger(1, 500, 500), eraser),
            Decision::StartErasing
        );
        assert_eq!(
            gesture.pointer_move(1, at(500, 700), &strokes),
            Decision::Ignore
        );
        assert_eq!(
            gesture.pointer_move(1, at(500, 1000), &strokes),
            Decision::Erase {
                at: at(500, 1000),
                same_step: false
            }
        );
        assert_eq!(
            gesture.pointer_move(1, at(500, 2000), &strokes[1..]),
            Decision::Erase {
                at: at(500, 2000),
                same_step: true
            }
        );
        assert_eq!(gesture.pointer_up(1), Decision::FinishErasing);
        // The next swipe is a step of its own, even when it starts on a stroke.
        assert_eq!(
            gesture.pointer_down(finger(2, 500, 1000), eraser),
            Decision::Erase {
                at: at(500, 1000),
                same_step: false
            }
        );
        // A cancelled swipe keeps what it lifted and is saved.
        assert_eq!(gesture.pointer_cancel(2), Decision::FinishErasing);
    }

    #[test]
    fn a_touch_on_bare_paper_places_the_stamp_and_picks_it_up() {
        let stamps = [stamp(StampKind::Heart, 3000, 2000)];
        let stamping = Paper {
            stamps: &stamps,
            ..paper(Tip::Stamp(StampKind::Sun))
        };
        let mut gesture = Gesture::default();
        let placed = Stamp::placed_at(StampKind::Sun, at(1000, 1000));
        assert_eq!(
            gesture.pointer_down(finger(1, 1000, 1000), stamping),
            Decision::PlaceStamp {
                stamp: placed,
                index: 1
            }
        );
        // The same touch slides it on.
        assert_eq!(
            gesture.pointer_move(1, at(1200, 1100), &[]),
            Decision::MoveStamp {
                index: 1,
                to: placed.moved_to(1200, 1100)
            }
        );
        assert_eq!(
            gesture.pointer_up(1),
            Decision::DropStamp {
                index: 1,
                to: Some(placed.moved_to(1200, 1100))
            }
        );
    }

    #[test]
    fn a_touch_on_a_stamp_picks_up_the_topmost_and_holds_it_where_it_was_caught() {
        let stamps = [
            stamp(StampKind::Heart, 1000, 1000),
            stamp(StampKind::Sun, 1100, 1000),
        ];
        let stamping = Paper {
            stamps: &stamps,
            ..paper(Tip::Stamp(StampKind::Car))
        };
        let mut gesture = Gesture::default();
        assert_eq!(
            gesture.pointer_down(finger(1, 1050, 1020), stamping),
            Decision::PickUpStamp { index: 1 }
        );
        // Caught 50 left of and 20 below its centre, it stays so under the finger.
        assert_eq!(
            gesture.pointer_move(1, at(2050, 1520), &[]),
            Decision::MoveStamp {
                index: 1,
                to: stamps[1].moved_to(2100, 1500)
            }
        );
    }

    #[test]
    fn a_stamp_tapped_but_not_dragged_does_not_change() {
        let stamps = [stamp(StampKind::Heart, 1000, 1000)];
        let stamping = Paper {
            stamps: &stamps,
            ..paper(Tip::Stamp(StampKind::Heart))
        };
        let mut gesture = Gesture::default();
        gesture.pointer_down(finger(1, 1000, 1000), stamping);
        assert_eq!(
            gesture.pointer_up(1),
            Decision::DropStamp { index: 0, to: None }
        );
    }

    #[test]
    fn a_cancelled_drag_leaves_the_stamp_where_it_was() {
        let stamps = [stamp(StampKind::Heart, 1000, 1000)];
        let stamping = Paper {
            stamps: &stamps,
            ..paper(Tip::Stamp(StampKind::Heart))
        };
        let mut gesture = Gesture::default();
        gesture.pointer_down(finger(1, 1000, 1000), stamping);
        gesture.pointer_move(1, at(2000, 2000), &[]);
        assert_eq!(
            gesture.pointer_move(7, at(3000, 2000), &[]),
            Decision::Ignore
        );
        assert_eq!(
            gesture.pointer_cancel(1),
            Decision::DropStamp { index: 0, to: None }
        );
    }

    #[test]
    fn pointer_types_are_read_as_the_browser_names_them() {
        assert_eq!(PointerKind::from_pointer_type("pen"), PointerKind::Pen);
        assert_eq!(PointerKind::from_pointer_type("touch"), PointerKind::Touch);
        assert_eq!(PointerKind::from_pointer_type("mouse"), PointerKind::Mouse);
    }
}
