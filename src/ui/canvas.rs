//! Painting drawings on a canvas, shared by the drawing editor, the entry list, read-back and
//! the saved picture.

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use crate::core::ink::stamp_art::{art, ArtPart, ART_BOX};
use crate::core::ink::{Stamp, Stroke, View, LOGICAL_HEIGHT, LOGICAL_WIDTH};
use crate::core::Drawing;

/// The paper colour; the eraser removes strokes, so nothing ever paints white.
const PAPER: &str = "#ffffff";
/// More outlines than any session holds; past it the cache starts again rather than grow.
const MOST_CACHED_OUTLINES: usize = 8192;

thread_local! {
    /// Each finished stroke's filled outline as a `Path2D` in logical units, by the stroke's
    /// hash. Building an outline costs far more than filling it, and a full redraw (undo,
    /// erase, resize) would otherwise build every outline again.
    static OUTLINES: RefCell<HashMap<u64, Path2d>> = RefCell::new(HashMap::new());
    /// Each stamp part's parsed path, by its (static) path text.
    static ART_PATHS: RefCell<HashMap<&'static str, Path2d>> = RefCell::new(HashMap::new());
}

pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// Sizes a canvas to `view` in CSS pixels, with a backing store sharp on high-density screens.
pub fn fit_canvas(canvas: &HtmlCanvasElement, view: View) {
    let ratio = window().device_pixel_ratio().max(1.0);
    canvas.set_width((view.width * ratio).round() as u32);
    canvas.set_height((view.height * ratio).round() as u32);
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{}px", view.width));
    let _ = style.set_property("height", &format!("{}px", view.height));
    if let Some(context) = context_2d(canvas) {
        let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    }
}

/// Paints a whole drawing on white paper: stamps first, the ink over them.
pub fn paint_picture(context: &CanvasRenderingContext2d, view: View, drawing: &Drawing) {
    context.set_fill_style_str(PAPER);
    context.fill_rect(0.0, 0.0, view.width, view.height);
    in_logical_units(context, view, || {
        for stamp in &drawing.stamps {
            paint_stamp(context, stamp);
        }
        for stroke in &drawing.strokes {
            fill_stroke(context, stroke, &cached_outline(stroke));
        }
    });
}

/// Runs `paint` with the context scaled so that logical units land on the view.
pub(crate) fn in_logical_units(
    context: &CanvasRenderingContext2d,
    view: View,
    paint: impl FnOnce(),
) {
    context.save();
    let _ = context.scale(view.scale(), view.scale());
    paint();
    context.restore();
}

pub(crate) fn fill_stroke(context: &CanvasRenderingContext2d, stroke: &Stroke, outline: &Path2d) {
    context.set_fill_style_str(&stroke.colour);
    context.set_global_alpha(stroke.nib.opacity());
    context.fill_with_path_2d(outline);
    context.set_global_alpha(1.0);
}

/// A number that tells strokes apart: equal strokes, equal keys.
pub(crate) fn stroke_key(stroke: &Stroke) -> u64 {
    let mut hasher = DefaultHasher::new();
    stroke.hash(&mut hasher);
    hasher.finish()
}

fn cached_outline(stroke: &Stroke) -> Path2d {
    outline_by_key(stroke_key(stroke), stroke)
}

/// The outline of `stroke`, whose `stroke_key` is `key`, built once and then kept.
pub(crate) fn outline_by_key(key: u64, stroke: &Stroke) -> Path2d {
    OUTLINES.with_borrow_mut(|outlines| {
        if let Some(path) = outlines.get(&key) {
            return path.clone();
        }
        if outlines.len() >= MOST_CACHED_OUTLINES {
            outlines.clear();
        }
        let path = outline_path(stroke);
        outlines.insert(key, path.clone());
        path
    })
}

/// A stroke's pressure-shaped outline (see `freehand`) as a path in logical units, drawn
/// through the midpoints of its edges so the ink is smooth at any zoom.
pub(crate) fn outline_path(stroke: &Stroke) -> Path2d {
    let path = Path2d::new().expect("Path2D exists in every browser Hear Me runs in");
    let outline = stroke.outline();
    let count = outline.len();
    if count < 3 {
        return path;
    }
    let midpoint = |a: (f64, f64), b: (f64, f64)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let start = midpoint(outline[count - 1], outline[0]);
    path.move_to(start.0, start.1);
    for i in 0..count {
        let corner = outline[i];
        let next = midpoint(corner, outline[(i + 1) % count]);
        path.quadratic_curve_to(corner.0, corner.1, next.0, next.1);
    }
    path.close_path();
    path
}

/// Paints a stamp's art into its square; the context is in logical units.
fn paint_stamp(context: &CanvasRenderingContext2d, stamp: &Stamp) {
    let (left, top, side) = stamp.square();
    context.save();
    let _ = context.translate(left, top);
    let _ = context.scale(side / ART_BOX, side / ART_BOX);
    context.set_line_join("round");
    context.set_line_cap("round");
    for part in art(stamp.kind) {
        let Some(path) = art_path(part) else { continue };
        if let Some(fill) = part.fill {
            context.set_fill_style_str(fill);
            context.fill_with_path_2d(&path);
        }
        if let Some(line) = part.line {
            context.set_stroke_style_str(line);
            context.set_line_width(part.line_width);
            context.stroke_with_path(&path);
        }
    }
    context.restore();
}

fn art_path(part: &ArtPart) -> Option<Path2d> {
    ART_PATHS.with_borrow_mut(|paths| {
        if let Some(path) = paths.get(part.path) {
            return Some(path.clone());
        }
        let path = Path2d::new_with_path_string(part.path).ok()?;
        paths.insert(part.path, path.clone());
        Some(path)
    })
}

/// Width of a drawing saved as a picture: more than twice the drawing area of any tablet, so
/// it prints sharply in a summary.
pub const PICTURE_WIDTH_PX: f64 = 2000.0;

/// The drawing as a PNG `data:` URL, `PICTURE_WIDTH_PX` wide, on white paper.
pub fn drawing_png(drawing: &Drawing) -> Option<String> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    let view = View::fit(PICTURE_WIDTH_PX, PICTURE_WIDTH_PX);
    canvas.set_width(view.width as u32);
    canvas.set_height(view.height as u32);
    paint_picture(&context_2d(&canvas)?, view, drawing);
    canvas.to_data_url_with_type("image/png").ok()
}

/// A drawing shown small or large, filling the width of its container at 4:3.
#[component]
pub fn DrawingPreview(drawing: Drawing) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let drawing = StoredValue::new(drawing);
    let repaint = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let Some(frame) = canvas.parent_element() else {
            return;
        };
        let width = f64::from(frame.client_width()).max(1.0);
        let view = View::fit(
            width,
            width * f64::from(LOGICAL_HEIGHT) / f64::from(LOGICAL_WIDTH),
        );
        fit_canvas(&canvas, view);
        if let Some(context) = context_2d(&canvas) {
            drawing.with_value(|drawing| paint_picture(&context, view, drawing));
        }
    };
    Effect::new(move |_| {
        if canvas_ref.get().is_some() {
            repaint();
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| repaint());
    on_cleanup(move || on_resize.remove());
    view! {
        <div class="drawing-preview">
            <canvas node_ref=canvas_ref aria-hidden="true"></canvas>
        </div>
    }
}
