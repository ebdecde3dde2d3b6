//! The drawing editor's ink layer in a real canvas (wasm-bindgen-test in headless Chromium):
//! whatever was kept from earlier repaints, the picture must be exactly what painting the
//! same strokes afresh gives.
#![cfg(target_arch = "wasm32")]

use hear_me::core::ink::{Point, Stroke, View};
use hear_me::ui::canvas::fit_canvas;
use hear_me::ui::ink_layer::InkLayer;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(view: View) -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    fit_canvas(&canvas, view);
    canvas
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data()
        .0
}

/// Many short, different strokes all over the paper, so the drawing is cut into many runs.
fn strokes(count: u16) -> Vec<Stroke> {
    (0..count)
        .map(|i| {
            let x = 100 + ((u32::from(i) * 137) % 3600) as u16;
            let y = 100 + ((u32::from(i) * 251) % 2700) as u16;
            Stroke {
                colour: ["#222222", "#d62828", "#1d6fd1"][usize::from(i % 3)].into(),
                width: 16 + (i % 4) * 10,
                points: (0..12)
                    .map(|step| Point {
                        x: x + step * 20,
                        y: y + (step * step) % 90,
                        pressure: 128,
                    })
                    .collect(),
                pen: false,
                nib: Default::default(),
            }
        })
        .collect()
}

fn fresh_picture(view: View, strokes: &[Stroke]) -> Vec<u8> {
    let fresh = canvas(view);
    InkLayer::new().unwrap().repaint(&fresh, view, strokes);
    pixels(&fresh)
}

#[wasm_bindgen_test]
fn every_change_paints_what_a_fresh_paint_would() {
    let view = View::fit(400.0, 300.0);
    let shown = canvas(view);
    let mut layer = InkLayer::new().unwrap();
    let mut drawing = strokes(300);
    layer.repaint(&shown, view, &drawing);
    assert_eq!(pixels(&shown), fresh_picture(view, &drawing), "first paint");

    // An early stroke erased: one earlier run changes.
    drawing.remove(10);
    layer.repaint(&shown, view, &drawing);
    assert_eq!(
        pixels(&shown),
        fresh_picture(view, &drawing),
        "after erasing"
    );

    // A new stroke, then undo of it.
    let mut with_new = drawing.clone();
    with_new.extend(strokes(301).pop());
    layer.repaint(&shown, view, &with_new);
    assert_eq!(pixels(&shown), fresh_picture(view, &with_new), "new stroke");
    layer.repaint(&shown, view, &drawing);
    assert_eq!(pixels(&shown), fresh_picture(view, &drawing), "after undo");

    // Undo of the erasure puts the stroke back where it was.
    drawing.insert(10, strokes(11).pop().unwrap());
    layer.repaint(&shown, view, &drawing);
    assert_eq!(
        pixels(&shown),
        fresh_picture(view, &drawing),
        "erasure undone"
    );

    // A new size (a rotation), then everything cleared.
    let turned = View::fit(300.0, 400.0);
    fit_canvas(&shown, turned);
    layer.repaint(&shown, turned, &drawing);
    assert_eq!(pixels(&shown), fresh_picture(turned, &drawing), "turned");
    layer.repaint(&shown, turned, &[]);
    assert!(pixels(&shown).iter().all(|&byte| byte == 0), "cleared");
}
