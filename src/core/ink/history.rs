//! Undo and redo inside one drawing. A child must never be punished for a slip: every stroke
//! and every erasure can be taken back, and taken back again.

use super::{Drawing, Point, Stamp, Stroke};

/// One change to a drawing, with what is needed to reverse it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Added(Stroke),
    /// Strokes the eraser took, as (index at removal, stroke) in removal order.
    Erased(Vec<(usize, Stroke)>),
    /// Everything, strokes and stamps, cleared at once.
    Cleared(Drawing),
    /// A stamp put on the paper; it is the last stamp.
    StampPlaced(Stamp),
    /// A stamp moved or resized.
    StampChanged {
        index: usize,
        before: Stamp,
        after: Stamp,
    },
    /// A stamp taken off the paper.
    StampRemoved {
        index: usize,
        stamp: Stamp,
    },
}

/// The undo and redo stacks of the drawing being edited. Kept in memory only: the drawing
/// itself is saved after every change.
#[derive(Clone, Debug, Default)]
pub struct DrawingHistory {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl DrawingHistory {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Adds a finished stroke. Strokes without points are ignored.
    pub fn add_stroke(&mut self, drawing: &mut Drawing, stroke: Stroke) {
        if stroke.points.is_empty() {
            return;
        }
        drawing.strokes.push(stroke.clone());
        self.record(Edit::Added(stroke));
    }

    /// Removes every stroke the eraser touches at `at`. With `same_gesture`, the removal joins
    /// the previous erasure, so one swipe of the eraser is one undo step.
    /// Returns how many strokes were removed.
    pub fn erase_at(
        &mut self,
        drawing: &mut Drawing,
        at: Point,
        radius: u16,
        same_gesture: bool,
    ) -> usize {
        let mut removed = Vec::new();
        let mut index = 0;
        while index < drawing.strokes.len() {
            if drawing.strokes[index].touches(at, radius) {
                removed.push((index, drawing.strokes.remove(index)));
            } else {
                index += 1;
            }
        }
        let count = removed.len();
        if count == 0 {
            return 0;
        }
        match self.undo.last_mut() {
            Some(Edit::Erased(earlier)) if same_gesture => earlier.extend(removed),
            _ => self.record(Edit::Erased(removed)),
        }
        self.redo.clear();
        count
    }

    /// Clears the whole drawing as one step that undo brings back. Returns false when there
    /// was nothing to clear.
    pub fn clear(&mut self, drawing: &mut Drawing) -> bool {
        if drawing.is_empty() {
            return false;
        }
        let cleared = std::mem::take(drawing);
        self.record(Edit::Cleared(cleared));
        true
    }

    /// Puts a stamp on the paper, on top of the other stamps. Returns its index.
    pub fn place_stamp(&mut self, drawing: &mut Drawing, stamp: Stamp) -> usize {
        drawing.stamps.push(stamp);
        self.record(Edit::StampPlaced(stamp));
        drawing.stamps.len() - 1
    }

    /// Moves or resizes the stamp at `index` to `after`. Returns false when there is no such
    /// stamp or nothing changed, so a tap without a drag leaves no undo step.
    pub fn change_stamp(&mut self, drawing: &mut Drawing, index: usize, after: Stamp) -> bool {
        let Some(stamp) = drawing.stamps.get_mut(index) else {
            return false;
        };
        let before = *stamp;
        if before == after {
            return false;
        }
        *stamp = after;
        self.record(Edit::StampChanged {
            index,
            before,
            after,
        });
        true
    }

    /// Takes the stamp at `index` off the paper. Returns false when there is no such stamp.
    pub fn remove_stamp(&mut self, drawing: &mut Drawing, index: usize) -> bool {
        if index >= drawing.stamps.len() {
            return false;
        }
        let stamp = drawing.stamps.remove(index);
        self.record(Edit::StampRemoved { index, stamp });
        true
    }

    /// Takes back the last change. Returns false when there is nothing to take back.
    pub fn undo(&mut self, drawing: &mut Drawing) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        match &edit {
            Edit::Added(_) => {
                drawing.strokes.pop();
            }
            Edit::Cleared(cleared) => drawing.clone_from(cleared),
            Edit::Erased(removed) => {
                for (index, stroke) in removed.iter().rev() {
                    drawing
                        .strokes
                        .insert((*index).min(drawing.strokes.len()), stroke.clone());
                }
            }
            Edit::StampPlaced(_) => {
                drawing.stamps.pop();
            }
            Edit::StampChanged { index, before, .. } => {
                if let Some(stamp) = drawing.stamps.get_mut(*index) {
                    *stamp = *before;
                }
            }
            Edit::StampRemoved { index, stamp } => {
                let index = (*index).min(drawing.stamps.len());
                drawing.stamps.insert(index, *stamp);
            }
        }
        self.redo.push(edit);
        true
    }

    /// Makes the last undone change again. Returns false when there is nothing to redo.
    pub fn redo(&mut self, drawing: &mut Drawing) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        match &edit {
            Edit::Added(stroke) => drawing.strokes.push(stroke.clone()),
            Edit::Cleared(_) => *drawing = Drawing::default(),
            Edit::Erased(removed) => {
                for (index, _) in removed {
                    if *index < drawing.strokes.len() {
                        drawing.strokes.remove(*index);
                    }
                }
            }
            Edit::StampPlaced(stamp) => drawing.stamps.push(*stamp),
            Edit::StampChanged { index, after, .. } => {
                if let Some(stamp) = drawing.stamps.get_mut(*index) {
                    *stamp = *after;
                }
            }
            Edit::StampRemoved { index, .. } => {
                if *index < drawing.stamps.len() {
                    drawing.stamps.remove(*index);
                }
            }
        }
        self.undo.push(edit);
        true
    }

    fn record(&mut self, edit: Edit) {
        self.undo.push(edit);
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ink::{StampKind, DEFAULT_PRESSURE, ERASER_RADIUS};

    fn line(y: u16, colour: &str) -> Stroke {
        Stroke {
            colour: colour.into(),
            width: 40,
            points: vec![
                Point {
                    x: 100,
                    y,
                    pressure: DEFAULT_PRESSURE,
                },
                Point {
                    x: 900,
                    y,
                    pressure: DEFAULT_PRESSURE,
                },
            ],
            pen: false,
            nib: Default::default(),
        }
    }

    fn at(x: u16, y: u16) -> Point {
        Point {
            x,
            y,
            pressure: DEFAULT_PRESSURE,
        }
    }

    #[test]
    fn undo_and_redo_strokes() {
        let mut drawing = Drawing::default();
        let mut history = DrawingHistory::default();
        history.add_stroke(&mut drawing, line(100, "#111111"));
        history.add_stroke(&mut drawing, line(500, "#222222"));
        assert!(history.undo(&mut drawing));
        assert_eq!(drawing.strokes, vec![line(100, "#111111")]);
        assert!(history.redo(&mut drawing));
        assert_eq!(drawing.strokes.len(), 2);
        assert!(history.undo(&mut drawing) && history.undo(&mut drawing));
        assert!(drawing.strokes.is_empty());
        assert!(!history.undo(&mut drawing));
    }

    #[test]
    fn empty_strokes_are_not_kept() {
        let mut drawing = Drawing::default();
        let mut history = DrawingHistory::default();
        history.add_stroke(
            &mut drawing,
            Stroke {
                points: vec![],
                ..line(1, "#000000")
            },
        );
        assert!(drawing.strokes.is_empty());
        assert!(!history.can_undo());
    }

    #[test]
    fn one_eraser_swipe_is_one_undo_step_and_restores_order() {
        let mut drawing = Drawing::default();
        let mut history = DrawingHistory::default();
        for (y, colour) in [(100, "#a"), (500, "#b"), (900, "#c")] {
            history.add_stroke(&mut drawing, line(y, colour));
        }
        let before = drawing.clone();
        assert_eq!(
            history.erase_at(&mut drawing, at(500, 100), ERASER_RADIUS, false),
            1
        );
        assert_eq!(
            history.erase_at(&mut drawing, at(500, 700), ERASER_RADIUS, true),
            0
        );
        assert_eq!(
            history.erase_at(&mut drawing, at(500, 900), ERASER_RADIUS, true),
            1
        );
        assert_eq!(drawing.strokes, vec![line(500, "#b")]);
        assert!(history.undo(&mut drawing));
        assert_eq!(drawing, before);
        assert!(history.redo(&mut drawing));
        assert_eq!(drawing.strokes, vec![line(500, "#b")]);
    }

    #[test]
    fn clearing_is_one_step_that_undo_brings_back() {
        let mut drawing = Drawing::default();
        let mut history = DrawingHistory::default();
        assert!(!history.clear(&mut drawing), "nothing to clear");
        history.add_stroke(&mut drawing, line(100, "#a"));
        history.add_stroke(&mut drawing, line(200, "#b"));
        let before = drawing.clone();
        assert!(history.clear(&mut drawing));
        assert!(drawing.strokes.is_empty());
        assert!(history.undo(&mut drawing));
        assert_eq!(drawing, before);
        assert!(history.redo(&mut drawing));
        assert!(drawing.strokes.is_empty());
        assert!(history.undo(&mut drawing) && history.undo(&mut drawing));
        assert_eq!(drawing.strokes, vec![line(100, "#a")]);
    }

    #[test]
    fn a_new_stroke_clears_redo() {
        let mut drawing = Drawing::default();
        let mut history = DrawingHistory::default();
        history.add_stroke(&mut drawing, line(100, "#a"));
        history.undo(&mut drawing);
        assert!(history.can_redo());
        history.add_stroke(&mut drawing, line(200, "#b"));
        assert!(!history.can_redo());
    }

    #[test]
    fn stamps_are_placed_moved_resized_and_removed_with_undo_for_each() {
        let mut drawing = Drawing::default();
        let mut history = DrawingHistory::default();
        let sun = Stamp::placed_at(StampKind::Sun, at(1000, 1000));
        let sad = Stamp::placed_at(StampKind::Sad, at(3000, 2000));
        assert_eq!(history.place_stamp(&mut drawing, sun), 0);
        assert_eq!(history.place_stamp(&mut drawing, sad), 1);
        let moved = sun.moved_to(1500, 800);
        assert!(history.change_stamp(&mut drawing, 0, moved));
        assert!(
            !history.change_stamp(&mut drawing, 0, moved),
            "no change, no undo step"
        );
        assert!(
            !history.change_stamp(&mut drawing, 7, moved),
            "no such stamp"
        );
        let bigger = moved.resized(1200);
        assert!(history.change_stamp(&mut drawing, 0, bigger));
        assert!(history.remove_stamp(&mut drawing, 0));
        assert!(!history.remove_stamp(&mut drawing, 5));
        assert_eq!(drawing.stamps, vec![sad]);

        // Undo walks back through every step, keeping the stamps' order.
        assert!(history.undo(&mut drawing));
        assert_eq!(drawing.stamps, vec![bigger, sad]);
        assert!(history.undo(&mut drawing));
        assert_eq!(drawing.stamps, vec![moved, sad]);
        assert!(history.undo(&mut drawing));
        assert_eq!(drawing.stamps, vec![sun, sad]);
        assert!(history.undo(&mut drawing) && history.undo(&mut drawing));
        assert!(drawing.stamps.is_empty());
        // And redo walks forward again.
        for _ in 0..5 {
            assert!(history.redo(&mut drawing));
        }
        assert_eq!(drawing.stamps, vec![sad]);
    }

    #[test]
    fn stamps_lie_apart_from_strokes_the_eraser_leaves_them_and_clear_takes_both() {
        let mut drawing = Drawing::default();
        let mut history = DrawingHistory::default();
        history.place_stamp(
            &mut drawing,
            Stamp::placed_at(StampKind::Heart, at(500, 100)),
        );
        history.add_stroke(&mut drawing, line(100, "#a"));
        assert_eq!(
            history.erase_at(&mut drawing, at(500, 100), ERASER_RADIUS, false),
            1
        );
        assert_eq!(drawing.stamps.len(), 1, "the eraser takes strokes only");
        history.undo(&mut drawing);
        let before = drawing.clone();
        assert!(history.clear(&mut drawing));
        assert!(drawing.is_empty());
        assert!(history.undo(&mut drawing));
        assert_eq!(drawing, before);

        // A drawing with only a stamp can be cleared too.
        let mut stamped = Drawing::default();
        history.place_stamp(&mut stamped, Stamp::placed_at(StampKind::Car, at(9, 9)));
        assert!(history.clear(&mut stamped));
        assert!(stamped.is_empty());
    }
}
