//! The drawing editor's ink, painted fast. A software-rendered canvas on a cheap tablet takes
//! about 0.1 ms to fill one stroke, so 500 strokes cost 45 ms: far more than a frame. The
//! finished strokes are therefore kept as a few bitmaps, each holding a run of consecutive
//! strokes; undo or the eraser re-renders only the run that changed and copies the others.
//!
//! The last run is always filled stroke by stroke over one picture of all the runs before it,
//! so the commonest changes (a new stroke, undo or redo of the last) fill only a few strokes.
//!
//! Runs end after strokes whose key has its low bits all zero ("content-defined chunking",
//! as in rsync), so taking a stroke out of the middle changes one run, not every run after it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::core::ink::{Nib, Stroke, View};
use crate::ui::canvas::{
    context_2d, fill_stroke, in_logical_units, outline_by_key, outline_path, stroke_key,
};

/// About this many runs, whatever the number of strokes: few enough bitmaps (each only as big
/// as its strokes' bounds) to keep memory modest, enough that one run re-renders in a frame.
const RUNS_WANTED: usize = 32;
/// Runs are never shorter than this on average: small drawings need little splitting.
const SHORTEST_RUN: usize = 8;

/// A run of strokes rendered to a bitmap that covers only where they lie.
struct RunBitmap {
    canvas: HtmlCanvasElement,
    /// Where the bitmap goes on the drawing canvas, in device pixels.
    left: f64,
    top: f64,
}

/// The finished ink of the drawing being edited, ready to repaint the live stroke over.
pub struct InkLayer {
    /// Everything finished, in one bitmap: each pointer move copies it and draws the live
    /// stroke over it.
    finished: HtmlCanvasElement,
    /// The runs' bitmaps by the run's key, at `pixels_per_unit`.
    runs: HashMap<u64, RunBitmap>,
    pixels_per_unit: f64,
    /// Bitmaps of runs that are gone, to draw new runs in: making a canvas costs more than
    /// filling a few strokes.
    spare: Vec<HtmlCanvasElement>,
    /// Every run but the last, in one picture, and the key of the runs it shows.
    earlier: HtmlCanvasElement,
    earlier_runs_key: Option<u64>,
}

impl InkLayer {
    pub fn new() -> Option<InkLayer> {
        Some(InkLayer {
            finished: new_canvas()?,
            runs: HashMap::new(),
            pixels_per_unit: 0.0,
            spare: Vec::new(),
            earlier: new_canvas()?,
            earlier_runs_key: None,
        })
    }

    /// Paints every finished stroke on the see-through `canvas` and keeps the result to draw
    /// live strokes over. The last run is filled stroke by stroke; every run before it comes
    /// from one kept picture, rebuilt (from the runs' bitmaps) only when one of them changed.
    /// So a new stroke, or undo and redo of the last one, fill only the last run's strokes.
    pub fn repaint(&mut self, canvas: &HtmlCanvasElement, view: View, strokes: &[Stroke]) {
        let Some(context) = context_2d(canvas) else {
            return;
        };
        let pixels_per_unit = view.scale() * f64::from(canvas.width()) / view.width.max(1.0);
        if pixels_per_unit != self.pixels_per_unit {
            // A new size (a rotation): every bitmap is the wrong size now.
            let stale = std::mem::take(&mut self.runs);
            self.spare
                .extend(stale.into_values().map(|bitmap| bitmap.canvas));
            self.earlier_runs_key = None;
            self.pixels_per_unit = pixels_per_unit;
        }
        let mut earlier_runs = runs_of(strokes);
        let last_run = earlier_runs.pop().unwrap_or_default();
        let keys: Vec<u64> = earlier_runs.iter().map(|run| key_of_run(run)).collect();
        let earlier_key = key_of_keys(&keys);
        if self.earlier_runs_key != Some(earlier_key) {
            self.picture_earlier_runs(&earlier_runs, &keys, canvas);
            self.earlier_runs_key = Some(earlier_key);
        }
        show_only(&context, canvas, &self.earlier);
        in_logical_units(&context, view, || {
            for (key, stroke) in &last_run {
                fill_stroke(&context, stroke, &outline_by_key(*key, stroke));
            }
        });
        self.keep(canvas);
    }

    /// Rebuilds the picture of every run but the last, re-rendering only runs not kept.
    fn picture_earlier_runs(
        &mut self,
        runs: &[Vec<(u64, &Stroke)>],
        keys: &[u64],
        canvas: &HtmlCanvasElement,
    ) {
        // Setting the size also empties the picture.
        self.earlier.set_width(canvas.width());
        self.earlier.set_height(canvas.height());
        let Some(context) = context_2d(&self.earlier) else {
            return;
        };
        if self.earlier_runs_key.is_none() {
            // The first picture at this size (the drawing just opened, or turned): fill the
            // strokes straight in, which is twice as fast as through the runs' bitmaps. The
            // bitmaps are made the first time an earlier run changes.
            let _ = context.set_transform(
                self.pixels_per_unit,
                0.0,
                0.0,
                self.pixels_per_unit,
                0.0,
                0.0,
            );
            for (key, stroke) in runs.iter().flatten() {
                fill_stroke(&context, stroke, &outline_by_key(*key, stroke));
            }
            return;
        }
        let mut kept = std::mem::take(&mut self.runs);
        for (run, &run_key) in runs.iter().zip(keys) {
            let bitmap = kept.remove(&run_key).or_else(|| {
                let canvas = self.spare.pop().or_else(new_canvas)?;
                render_run(canvas, run, self.pixels_per_unit)
            });
            if let Some(bitmap) = bitmap {
                let _ = context.draw_image_with_html_canvas_element(
                    &bitmap.canvas,
                    bitmap.left,
                    bitmap.top,
                );
                self.runs.insert(run_key, bitmap);
            }
        }
        self.spare
            .extend(kept.into_values().map(|bitmap| bitmap.canvas));
        self.spare.truncate(RUNS_WANTED / 2);
    }

    /// Remembers what `canvas` shows now as the finished strokes.
    fn keep(&self, canvas: &HtmlCanvasElement) {
        // Setting the size also empties the copy, ready for a see-through picture.
        self.finished.set_width(canvas.width());
        self.finished.set_height(canvas.height());
        if let Some(context) = context_2d(&self.finished) {
            let _ = context.draw_image_with_html_canvas_element(canvas, 0.0, 0.0);
        }
    }

    /// Shows the finished strokes with `live` drawn over them.
    pub fn paint_live(&self, canvas: &HtmlCanvasElement, view: View, live: &Stroke) {
        let Some(context) = context_2d(canvas) else {
            return;
        };
        show_only(&context, canvas, &self.finished);
        // The live stroke changes at every move, so its outline is built fresh, not cached.
        in_logical_units(&context, view, || {
            fill_stroke(&context, live, &outline_path(live))
        });
    }
}

/// Replaces what `canvas` shows with the same-sized `picture`.
fn show_only(
    context: &CanvasRenderingContext2d,
    canvas: &HtmlCanvasElement,
    picture: &HtmlCanvasElement,
) {
    context.save();
    let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    context.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    let _ = context.draw_image_with_html_canvas_element(picture, 0.0, 0.0);
    context.restore();
}

fn new_canvas() -> Option<HtmlCanvasElement> {
    document().create_element("canvas").ok()?.dyn_into().ok()
}

/// The strokes with their keys, cut into runs. The cut rule depends only on each stroke, so
/// the same strokes give the same runs however the drawing got there.
fn runs_of(strokes: &[Stroke]) -> Vec<Vec<(u64, &Stroke)>> {
    let mean_run = (strokes.len() / RUNS_WANTED)
        .max(SHORTEST_RUN)
        .next_power_of_two() as u64;
    // A run is also cut at twice the usual length, so no run is slow to re-render; the cuts
    // that follow fall back in step at the next cut by key.
    let longest_run = 2 * mean_run as usize;
    let mut runs = Vec::new();
    let mut run = Vec::new();
    for stroke in strokes {
        let key = stroke_key(stroke);
        run.push((key, stroke));
        if key & (mean_run - 1) == 0 || run.len() == longest_run {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

fn key_of_run(run: &[(u64, &Stroke)]) -> u64 {
    key_of_keys(&run.iter().map(|(key, _)| *key).collect::<Vec<_>>())
}

fn key_of_keys(keys: &[u64]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    keys.hash(&mut hasher);
    hasher.finish()
}

/// Renders a run into a bitmap just big enough for its strokes.
fn render_run(
    canvas: HtmlCanvasElement,
    run: &[(u64, &Stroke)],
    pixels_per_unit: f64,
) -> Option<RunBitmap> {
    let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (_, stroke) in run {
        // Pressure and the highlighter make ink at most twice the base width wide.
        let reach = match stroke.nib {
            Nib::Marker => f64::from(stroke.width),
            Nib::Highlighter => 2.0 * f64::from(stroke.width),
        } + 2.0;
        for point in &stroke.points {
            left = left.min(f64::from(point.x) - reach);
            top = top.min(f64::from(point.y) - reach);
            right = right.max(f64::from(point.x) + reach);
            bottom = bottom.max(f64::from(point.y) + reach);
        }
    }
    if left >= right || top >= bottom {
        return None;
    }
    let left_px = (left * pixels_per_unit).floor().max(0.0);
    let top_px = (top * pixels_per_unit).floor().max(0.0);
    let width = (right * pixels_per_unit).ceil() - left_px;
    let height = (bottom * pixels_per_unit).ceil() - top_px;
    if width < 1.0 || height < 1.0 {
        return None;
    }
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context = context_2d(&canvas)?;
    let _ = context.set_transform(
        pixels_per_unit,
        0.0,
        0.0,
        pixels_per_unit,
        -left_px,
        -top_px,
    );
    for (key, stroke) in run {
        fill_stroke(&context, stroke, &outline_by_key(*key, stroke));
    }
    Some(RunBitmap {
        canvas,
        left: left_px,
        top: top_px,
    })
}
