//! Painting strokes on a canvas, shared by the drawing editor, the entry list and read-back.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::core::ink::{Point, Stroke, View, LOGICAL_HEIGHT, LOGICAL_WIDTH};
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

pub fn paint_stroke(context: &CanvasRenderingContext2d, view: View, stroke: &Stroke) {
    match stroke.points.as_slice() {
        [] => {}
        [only] => paint_segment(context, view, stroke, *only, *only),
        points => {
            for pair in points.windows(2) {
                paint_segment(context, view, stroke, pair[0], pair[1]);
            }
        }
    }
}

/// Paints the part of `stroke` from `from` to `to`; a zero-length part is a round dot.
pub fn paint_segment(
    context: &CanvasRenderingContext2d,
    view: View,
    stroke: &Stroke,
    from: Point,
    to: Point,
) {
    let width = stroke.width_at(to) * view.scale();
    let (x1, y1) = view.to_view(from);
    let (x2, y2) = view.to_view(to);
    context.set_stroke_style_str(&stroke.colour);
    context.set_fill_style_str(&stroke.colour);
    if from.x == to.x && from.y == to.y {
        context.begin_path();
        let _ = context.arc(x2, y2, width / 2.0, 0.0, std::f64::consts::TAU);
        context.fill();
        return;
    }
    context.set_line_width(width);
    context.set_line_cap("round");
    context.set_line_join("round");
    context.begin_path();
    context.move_to(x1, y1);
    context.line_to(x2, y2);
    context.stroke();
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
