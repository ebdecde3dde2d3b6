//! Painting strokes on a canvas, shared by the drawing editor, the entry list and read-back.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::core::ink::{Stroke, View, LOGICAL_HEIGHT, LOGICAL_WIDTH};
use crate::core::Drawing;

/// The paper colour; the eraser removes strokes, so nothing ever paints white.
const PAPER: &str = "#ffffff";

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

/// Paints a whole drawing on clean paper.
pub fn paint_drawing(context: &CanvasRenderingContext2d, view: View, strokes: &[Stroke]) {
    context.set_fill_style_str(PAPER);
    context.fill_rect(0.0, 0.0, view.width, view.height);
    for stroke in strokes {
        paint_stroke(context, view, stroke);
    }
}

/// Fills a stroke's pressure-shaped outline, drawn through the midpoints of its edges so the
/// ink is smooth at any zoom.
pub fn paint_stroke(context: &CanvasRenderingContext2d, view: View, stroke: &Stroke) {
    let outline: Vec<(f64, f64)> = stroke
        .outline()
        .into_iter()
        .map(|(x, y)| (x * view.scale(), y * view.scale()))
        .collect();
    let count = outline.len();
    if count < 3 {
        return;
    }
    let midpoint = |a: (f64, f64), b: (f64, f64)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    context.set_fill_style_str(&stroke.colour);
    context.set_global_alpha(stroke.nib.opacity());
    context.begin_path();
    let start = midpoint(outline[count - 1], outline[0]);
    context.move_to(start.0, start.1);
    for i in 0..count {
        let corner = outline[i];
        let next = midpoint(corner, outline[(i + 1) % count]);
        context.quadratic_curve_to(corner.0, corner.1, next.0, next.1);
    }
    context.close_path();
    context.fill();
    context.set_global_alpha(1.0);
}

/// A copy of the finished strokes, so the stroke being drawn can be repainted on top of them
/// at each pointer move without repainting every other stroke.
pub struct InkLayer {
    finished: HtmlCanvasElement,
}

impl InkLayer {
    pub fn new() -> Option<InkLayer> {
        let finished = document().create_element("canvas").ok()?.dyn_into().ok()?;
        Some(InkLayer { finished })
    }

    /// Remembers what `canvas` shows now as the finished strokes.
    pub fn keep(&self, canvas: &HtmlCanvasElement) {
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
        context.save();
        let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let _ = context.draw_image_with_html_canvas_element(&self.finished, 0.0, 0.0);
        context.restore();
        paint_stroke(&context, view, live);
    }
}

/// Width of a drawing saved as a picture: more than twice the drawing area of any tablet, so
/// it prints sharply in a summary.
pub const PICTURE_WIDTH_PX: f64 = 2000.0;

/// The drawing as a PNG `data:` URL, `PICTURE_WIDTH_PX` wide, on white paper.
pub fn drawing_png(strokes: &[Stroke]) -> Option<String> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    let view = View::fit(PICTURE_WIDTH_PX, PICTURE_WIDTH_PX);
    canvas.set_width(view.width as u32);
    canvas.set_height(view.height as u32);
    paint_drawing(&context_2d(&canvas)?, view, strokes);
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
            drawing.with_value(|drawing| paint_drawing(&context, view, &drawing.strokes));
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
