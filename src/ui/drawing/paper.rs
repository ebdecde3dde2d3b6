//! The drawing editor's paper: the canvas the ink is painted on, the stamps under it, and
//! the glue between the browser's pointer events and the gesture rules
//! (`core::ink::gesture`): each event becomes a plain input, and each decision is carried
//! out here (painting, changing the drawing through its history, saving).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;

use super::toolbar::ToolChoice;
use super::Editing;
use crate::core::ink::gesture::{Decision, Gesture, Paper, PointerInput, PointerKind};
use crate::core::ink::{pressure_from_pointer, Point, Stamp, Stroke, View, ERASER_RADIUS};
use crate::i18n::*;
use crate::state::SavePolicy;
use crate::ui::canvas::fit_canvas;
use crate::ui::ink_layer::InkLayer;
use crate::ui::stamps::StampLayer;

/// The paper, as big as a 4:3 box can be in the space it has; it takes every touch.
#[component]
pub fn DrawingPaper(
    editing: Editing,
    choice: ToolChoice,
    /// What a touch means; shared with "Pen only" in the toolbar.
    gesture: StoredValue<Gesture>,
    /// Shows "Pen only" as on when the first pen turns it on.
    pen_only: RwSignal<bool>,
    strokes: Memo<Vec<Stroke>>,
    stamps: Memo<Vec<Stamp>>,
    selected_stamp: RwSignal<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Where the dragged stamp is shown while it moves, before the drawing changes.
    let dragged = RwSignal::new(None::<(usize, Stamp)>);
    let shown_stamps = Signal::derive(move || {
        let mut shown = stamps.get();
        if let Some((index, stamp)) = dragged.get() {
            if let Some(slot) = shown.get_mut(index) {
                *slot = stamp;
            }
        }
        shown
    });

    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();
    let paper_ref = NodeRef::<leptos::html::Div>::new();
    let view_box = StoredValue::new(View::fit(800.0, 600.0));

    // Paints every finished stroke, and keeps that picture to draw the live stroke over.
    // Only undo, erase, a finished stroke and a resize come here; moves paint the live stroke.
    let layer = StoredValue::new_local(InkLayer::new());
    let repaint_all = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        layer.update_value(|layer| {
            if let Some(layer) = layer {
                strokes.with_untracked(|strokes| {
                    layer.repaint(&canvas, view_box.get_value(), strokes)
                });
            }
        });
    };
    let paint_live = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        layer.with_value(|layer| {
            let Some(layer) = layer else { return };
            gesture.with_value(|gesture| {
                if let Some(stroke) = gesture.live_stroke() {
                    layer.paint_live(&canvas, view_box.get_value(), stroke);
                }
            });
        });
    };

    // Fit the canvas to the space it has (again after a rotation) and paint what is stored.
    let refit = move || {
        let (Some(canvas), Some(frame)) = (canvas_ref.get_untracked(), frame_ref.get_untracked())
        else {
            return;
        };
        let paper = paper_ref.get_untracked();
        // The paper's edge lies around the canvas: the two together fit in the frame.
        let edge = paper
            .as_ref()
            .map_or(0, |paper| paper.offset_width() - paper.client_width());
        let view = View::fit(
            f64::from(frame.client_width() - edge),
            f64::from(frame.client_height() - edge),
        );
        view_box.set_value(view);
        if let Some(paper) = paper {
            let style = web_sys::HtmlElement::style(&paper);
            let _ = style.set_property("width", &format!("{}px", view.width));
            let _ = style.set_property("height", &format!("{}px", view.height));
        }
        fit_canvas(&canvas, view);
        repaint_all();
    };
    Effect::new(move |_| {
        strokes.track();
        if canvas_ref.get().is_some_and(|canvas| canvas.width() > 0) {
            repaint_all();
        }
    });
    Effect::new(move |_| {
        if canvas_ref.get().is_some() {
            refit();
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| refit());
    on_cleanup(move || on_resize.remove());

    let point_of = move |ev: &PointerEvent| -> Option<Point> {
        let canvas = canvas_ref.get_untracked()?;
        let rect = canvas.get_bounding_client_rect();
        let pressure = pressure_from_pointer(f64::from(ev.pressure()), &ev.pointer_type());
        Some(view_box.get_value().to_logical(
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
            pressure,
        ))
    };
    // Every sample since the last event, where the browser offers them: smoother fast lines.
    let samples_of = |ev: &PointerEvent| -> Vec<PointerEvent> {
        let coalesced: Vec<PointerEvent> = ev
            .get_coalesced_events()
            .iter()
            .filter_map(|sample| sample.dyn_into::<PointerEvent>().ok())
            .collect();
        if coalesced.is_empty() {
            vec![ev.clone()]
        } else {
            coalesced
        }
    };

    // Carries out what the gesture decided for the pointer `pointer_id`.
    let carry_out = move |decision: Decision, pointer_id: i32| match decision {
        Decision::Ignore | Decision::StartErasing => {}
        Decision::StartStroke | Decision::ExtendStroke => paint_live(),
        Decision::FinishStroke(stroke) => editing.finish_stroke(stroke),
        // A cancelled pointer (a palm, a system gesture) loses only the stroke it was drawing.
        Decision::DropStroke => repaint_all(),
        Decision::Erase { at, same_step } => {
            editing.change(SavePolicy::WhenGestureEnds, |history, drawing| {
                history.erase_at(drawing, at, ERASER_RADIUS, same_step)
            });
        }
        Decision::FinishErasing => editing.state.save_after_paint(),
        Decision::PlaceStamp { stamp, index } => {
            let placed = editing.change(SavePolicy::AfterPaint, |history, drawing| {
                history.place_stamp(drawing, stamp)
            });
            if placed == Some(index) {
                selected_stamp.set(Some(index));
            } else {
                // Not placed (the entry is gone): nothing to drag.
                gesture.update_value(|gesture| {
                    gesture.pointer_cancel(pointer_id);
                });
            }
        }
        Decision::PickUpStamp { index } => selected_stamp.set(Some(index)),
        Decision::MoveStamp { index, to } => dragged.set(Some((index, to))),
        // A stamp let go lands where it was dragged: one undo step, saved at once.
        Decision::DropStamp { index, to } => {
            if let Some(to) = to {
                editing.change(SavePolicy::AfterPaint, |history, drawing| {
                    history.change_stamp(drawing, index, to)
                });
            }
            dragged.set(None);
        }
    };

    let act = carry_out;
    let on_pointer_down = move |ev: PointerEvent| {
        let Some(at) = point_of(&ev) else { return };
        let input = PointerInput {
            id: ev.pointer_id(),
            kind: PointerKind::from_pointer_type(&ev.pointer_type()),
            button: ev.button(),
            at,
        };
        let decision = strokes.with_untracked(|strokes| {
            stamps.with_untracked(|stamps| {
                let paper = Paper {
                    tip: choice.tip.get_untracked(),
                    brush: choice.brush(),
                    strokes,
                    stamps,
                };
                gesture.try_update_value(|gesture| gesture.pointer_down(input, paper))
            })
        });
        // The first pen turns on "Pen only": show it.
        let pen_only_now = gesture.with_value(Gesture::pen_only);
        if pen_only.get_untracked() != pen_only_now {
            pen_only.set(pen_only_now);
        }
        let Some(decision) = decision.filter(|d| *d != Decision::Ignore) else {
            return;
        };
        ev.prevent_default();
        // Held on to, the pointer keeps drawing when it runs off the paper.
        if let Some(paper) = paper_ref.get_untracked() {
            let _ = paper.set_pointer_capture(ev.pointer_id());
        }
        act(decision, input.id);
    };

    let act = carry_out;
    let on_pointer_move = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        if !gesture.with_value(|gesture| gesture.follows(id)) {
            return;
        }
        let mut stroke_grew = false;
        for at in samples_of(&ev).iter().filter_map(point_of) {
            // The strokes as they are now: an earlier sample may have erased some.
            let decision = strokes
                .with_untracked(|strokes| {
                    gesture.try_update_value(|gesture| gesture.pointer_move(id, at, strokes))
                })
                .unwrap_or(Decision::Ignore);
            match decision {
                Decision::ExtendStroke => stroke_grew = true,
                decision => act(decision, id),
            }
        }
        if stroke_grew {
            paint_live();
        }
    };

    let act = carry_out;
    let on_pointer_up = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        if let Some(decision) = gesture.try_update_value(|gesture| gesture.pointer_up(id)) {
            act(decision, id);
        }
    };
    let on_pointer_cancel = move |ev: PointerEvent| {
        let id = ev.pointer_id();
        if let Some(decision) = gesture.try_update_value(|gesture| gesture.pointer_cancel(id)) {
            carry_out(decision, id);
        }
    };

    // The page going away or the tablet going to sleep in the middle of a stroke keeps what
    // was drawn so far, as if the finger had been lifted: saved at once, before the page goes.
    let keep_live_stroke = move || {
        if let Some(Decision::FinishStroke(stroke)) = gesture.try_update_value(Gesture::page_hidden)
        {
            editing.change(SavePolicy::Now, |history, drawing| {
                history.add_stroke(drawing, stroke)
            });
        }
    };
    let keep_on_hide = keep_live_stroke;
    let on_page_hide = window_event_listener(leptos::ev::pagehide, move |_| keep_on_hide());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            keep_live_stroke();
        }
    });
    on_cleanup(move || {
        on_page_hide.remove();
        on_hidden.remove();
    });

    view! {
        <div class="canvas-frame" node_ref=frame_ref>
            // Stamps lie on the paper, the ink on a see-through canvas over them.
            <div
                class="paper"
                class:stamping=move || choice.stamping()
                node_ref=paper_ref
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_cancel
            >
                <StampLayer stamps=shown_stamps selected=selected_stamp />
                <canvas
                    class="drawing-canvas"
                    node_ref=canvas_ref
                    role="img"
                    aria-label=move || t_string!(i18n, drawing_area)
                ></canvas>
            </div>
        </div>
    }
}
