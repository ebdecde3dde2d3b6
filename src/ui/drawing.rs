//! The drawing editor: a canvas for finger, pen or mouse, a palette, an eraser, stamps and
//! undo. Ink is painted as the pointer moves; each finished stroke is saved at once.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;

use crate::core::ink::{
    pressure_from_pointer, BrushSize, DrawingHistory, Nib, Point, Stamp, StampKind, Stroke, View,
    ERASER_RADIUS, PALETTE, STAMP_SIZE_STEP,
};
use crate::core::{Drawing, EntryId, Question, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState};
use crate::ui::canvas::{drawing_png, fit_canvas};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::ink_layer::InkLayer;
use crate::ui::labels::{brush_label, colour_label, nib_label};
use crate::ui::look::name_in;
use crate::ui::stamps::{StampLayer, StampPicture, StampTray};
use crate::ui::IconButton;

/// What touching the paper does: lay down ink (with the chosen nib), lift strokes off, or
/// put down, pick up and move stamps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tip {
    Ink,
    Eraser,
    Stamp(StampKind),
}

/// A stamp being dragged by one pointer; the drawing changes only when it is let go.
struct StampDrag {
    pointer_id: i32,
    index: usize,
    start: Stamp,
    /// Where on the stamp it was caught, from its centre, so it does not jump under the finger.
    grab: (i32, i32),
}

/// The stroke being drawn, by the one pointer drawing it.
struct LiveStroke {
    pointer_id: i32,
    stroke: Stroke,
}

/// Reads part of the drawing being edited; an entry that is gone reads as an empty drawing.
fn read_drawing<T: Default>(
    state: AppState,
    session: &SessionId,
    question: Question,
    entry: EntryId,
    read: impl FnOnce(&Drawing) -> T,
) -> T {
    state
        .with_session(session, |s| {
            s.entry(question, entry).and_then(|e| e.drawing()).map(read)
        })
        .flatten()
        .unwrap_or_default()
}

/// The editor's handle on the drawing it edits.
#[derive(Clone)]
struct Editing {
    state: AppState,
    session: SessionId,
    question: Question,
    entry: EntryId,
    history: StoredValue<DrawingHistory>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
}

impl Editing {
    /// Changes the drawing through its history, then refreshes the undo buttons.
    fn change<R>(&self, change: impl FnOnce(&mut DrawingHistory, &mut Drawing) -> R) -> Option<R> {
        // Take the history out rather than clone it: it holds a copy of every undoable stroke.
        let mut history = self
            .history
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let result = self.state.change_session(&self.session, |s| {
            s.change_drawing(self.question, self.entry, platform::now_ms(), |drawing| {
                change(&mut history, drawing)
            })
        });
        self.can_undo.set(history.can_undo());
        self.can_redo.set(history.can_redo());
        self.history.set_value(history);
        result.flatten()
    }
}

#[component]
pub fn DrawingScreen(
    session: SessionId,
    tool: Tool,
    question: Question,
    entry: EntryId,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let editing = Editing {
        state,
        session,
        question,
        entry,
        history: StoredValue::new(DrawingHistory::default()),
        can_undo: RwSignal::new(false),
        can_redo: RwSignal::new(false),
    };
    let tip = RwSignal::new(Tip::Ink);
    let nib = RwSignal::new(Nib::Marker);
    // Palm rejection: once a pen has drawn, fingers stop drawing until the worker says so.
    let pen_only = RwSignal::new(false);
    let pen_seen = StoredValue::new(false);
    let confirm_clear = RwSignal::new(false);
    let colour = RwSignal::new(PALETTE[0].hex);
    let size = RwSignal::new(BrushSize::default());

    let title = {
        Memo::new(move |_| {
            state
                .with_session(&session, |s| name_in(i18n, s, tool, question))
                .unwrap_or_default()
        })
    };
    // Strokes and stamps apart: moving a stamp must not repaint the ink.
    let strokes = {
        Memo::new(move |_| read_drawing(state, &session, question, entry, |d| d.strokes.clone()))
    };
    let stamps = {
        Memo::new(move |_| read_drawing(state, &session, question, entry, |d| d.stamps.clone()))
    };
    let is_blank = move || strokes.with(Vec::is_empty) && stamps.with(Vec::is_empty);
    let chosen_stamp = RwSignal::new(StampKind::Happy);
    let selected_stamp = RwSignal::new(None::<usize>);
    let stamp_drag = StoredValue::new(None::<StampDrag>);
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
    let live = StoredValue::new(None::<LiveStroke>);
    let erasing = StoredValue::new(None::<i32>);

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

    // Fit the canvas to the space it has (again after a rotation) and paint what is stored.
    let refit = move || {
        let (Some(canvas), Some(frame)) = (canvas_ref.get_untracked(), frame_ref.get_untracked())
        else {
            return;
        };
        let view = View::fit(
            f64::from(frame.client_width()),
            f64::from(frame.client_height()),
        );
        view_box.set_value(view);
        if let Some(paper) = paper_ref.get_untracked() {
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

    // One swipe of the eraser is one undo step: the gesture's first removal opens the step and
    // later ones join it. The drawing is only changed (and repainted) when a stroke is hit.
    let erased_in_gesture = StoredValue::new(false);
    let edit_erase = editing.clone();
    let erase_at = move |point: Point| {
        let hits = strokes
            .with_untracked(|strokes| strokes.iter().any(|s| s.touches(point, ERASER_RADIUS)));
        if hits {
            let same_gesture = erased_in_gesture.get_value();
            edit_erase.change(|history, drawing| {
                history.erase_at(drawing, point, ERASER_RADIUS, same_gesture)
            });
            erased_in_gesture.set_value(true);
        }
    };

    let paint_live = move |stroke: &Stroke| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        layer.with_value(|layer| {
            if let Some(layer) = layer {
                layer.paint_live(&canvas, view_box.get_value(), stroke);
            }
        });
    };

    // A touch on a stamp picks it up to move it; a touch on bare paper puts the chosen stamp
    // there, picked up at once, so a child can place and slide it in one go.
    let edit_stamp = editing.clone();
    let stamp_down = move |pointer_id: i32, point: Point, kind: StampKind| {
        let hit = stamps.with_untracked(|stamps| stamps.iter().rposition(|s| s.contains(point)));
        let index = match hit {
            Some(index) => index,
            None => {
                let placed = edit_stamp.change(|history, drawing| {
                    history.place_stamp(drawing, Stamp::placed_at(kind, point))
                });
                edit_stamp.state.save_after_paint();
                let Some(index) = placed else { return };
                index
            }
        };
        selected_stamp.set(Some(index));
        let Some(start) = stamps.with_untracked(|stamps| stamps.get(index).copied()) else {
            return;
        };
        stamp_drag.set_value(Some(StampDrag {
            pointer_id,
            index,
            start,
            grab: (
                i32::from(point.x) - i32::from(start.x),
                i32::from(point.y) - i32::from(start.y),
            ),
        }));
    };

    let erase_down = erase_at.clone();
    let on_pointer_down = move |ev: PointerEvent| {
        // One stroke at a time: a second finger or a resting palm does not draw; nor does a
        // mouse's right or middle button.
        let busy = live.with_value(Option::is_some)
            || erasing.get_value().is_some()
            || stamp_drag.with_value(Option::is_some);
        if busy || (ev.pointer_type() == "mouse" && ev.button() != 0) {
            return;
        }
        if ev.pointer_type() == "pen" && !pen_seen.get_value() {
            pen_seen.set_value(true);
            pen_only.set(true);
        }
        if ev.pointer_type() == "touch" && pen_only.get_untracked() {
            return;
        }
        let Some(point) = point_of(&ev) else { return };
        ev.prevent_default();
        if let Some(paper) = paper_ref.get_untracked() {
            let _ = paper.set_pointer_capture(ev.pointer_id());
        }
        match tip.get_untracked() {
            Tip::Stamp(kind) => stamp_down(ev.pointer_id(), point, kind),
            Tip::Eraser => {
                erasing.set_value(Some(ev.pointer_id()));
                erased_in_gesture.set_value(false);
                erase_down(point);
            }
            Tip::Ink => {
                let stroke = Stroke {
                    colour: colour.get_untracked().to_owned(),
                    width: size.get_untracked().width(),
                    points: vec![point],
                    pen: ev.pointer_type() == "pen",
                    nib: nib.get_untracked(),
                };
                paint_live(&stroke);
                live.set_value(Some(LiveStroke {
                    pointer_id: ev.pointer_id(),
                    stroke,
                }));
            }
        }
    };

    let on_pointer_move = move |ev: PointerEvent| {
        let dragging = stamp_drag.with_value(|drag| {
            drag.as_ref()
                .filter(|drag| drag.pointer_id == ev.pointer_id())
                .map(|drag| (drag.index, drag.start, drag.grab))
        });
        if let Some((index, start, grab)) = dragging {
            if let Some(point) = point_of(&ev) {
                let to = start.moved_to(i32::from(point.x) - grab.0, i32::from(point.y) - grab.1);
                dragged.set(Some((index, to)));
            }
            return;
        }
        if erasing.get_value() == Some(ev.pointer_id()) {
            for point in samples_of(&ev).iter().filter_map(point_of) {
                erase_at(point);
            }
            return;
        }
        live.update_value(|live| {
            let Some(live) = live
                .as_mut()
                .filter(|live| live.pointer_id == ev.pointer_id())
            else {
                return;
            };
            for sample in samples_of(&ev) {
                let Some(point) = point_of(&sample) else {
                    continue;
                };
                let Some(&last) = live.stroke.points.last() else {
                    continue;
                };
                if last.x == point.x && last.y == point.y {
                    continue;
                }
                live.stroke.points.push(point);
            }
            paint_live(&live.stroke);
        });
    };

    // A stamp let go lands where it was dragged: one undo step, saved at once.
    let edit_drop = editing.clone();
    let drop_stamp = move |pointer_id: i32, keep: bool| -> bool {
        let mine =
            stamp_drag.with_value(|drag| drag.as_ref().map(|d| d.pointer_id)) == Some(pointer_id);
        if !mine {
            return false;
        }
        stamp_drag.set_value(None);
        if let Some((index, to)) = dragged.get_untracked().filter(|_| keep) {
            edit_drop.change(|history, drawing| history.change_stamp(drawing, index, to));
            edit_drop.state.save_after_paint();
        }
        dragged.set(None);
        true
    };

    let edit_up = editing.clone();
    let drop_up = drop_stamp.clone();
    let on_pointer_up = move |ev: PointerEvent| {
        if drop_up(ev.pointer_id(), true) {
            return;
        }
        if erasing.get_value() == Some(ev.pointer_id()) {
            erasing.set_value(None);
            edit_up.state.save_after_paint();
            return;
        }
        let finished = live
            .try_update_value(|live| {
                if live
                    .as_ref()
                    .is_some_and(|l| l.pointer_id == ev.pointer_id())
                {
                    live.take()
                } else {
                    None
                }
            })
            .flatten();
        if let Some(finished) = finished {
            edit_up.change(|history, drawing| history.add_stroke(drawing, finished.stroke));
            edit_up.state.save_after_paint();
        }
    };

    // The page going away or the tablet going to sleep in the middle of a stroke keeps what
    // was drawn so far, as if the finger had been lifted: saved at once, before the page goes.
    let edit_away = editing.clone();
    let keep_live_stroke = move || {
        if let Some(finished) = live.try_update_value(Option::take).flatten() {
            edit_away.change(|history, drawing| history.add_stroke(drawing, finished.stroke));
            edit_away.state.save_now();
        }
    };
    let keep_on_hide = keep_live_stroke.clone();
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

    // A cancelled pointer (a palm, a system gesture) loses only the stroke it was drawing.
    let edit_cancel = editing.clone();
    let on_pointer_cancel = move |ev: PointerEvent| {
        if drop_stamp(ev.pointer_id(), false) {
            return;
        }
        if erasing.get_value() == Some(ev.pointer_id()) {
            erasing.set_value(None);
            edit_cancel.state.save_after_paint();
            return;
        }
        let was_live = live
            .try_update_value(|live| {
                let matches = live
                    .as_ref()
                    .is_some_and(|l| l.pointer_id == ev.pointer_id());
                if matches {
                    *live = None;
                }
                matches
            })
            .unwrap_or(false);
        if was_live {
            repaint_all();
        }
    };

    let picture_name = {
        let date = state
            .with_session(&session, |s| s.date.clone())
            .unwrap_or_default();
        // No child's name in the file name: it may end up in a shared downloads folder.
        format!("hear-me-{date}-{}-{}.png", question.slug(), entry.0)
    };
    let picture_of = { move || read_drawing(state, &session, question, entry, Drawing::clone) };
    let save_picture = move || {
        let png = drawing_png(&picture_of());
        if let Some(png) = png {
            platform::download(&png, &picture_name);
        }
    };
    let edit_clear = editing.clone();
    let clear = move || {
        selected_stamp.set(None);
        edit_clear.change(|history, drawing| history.clear(drawing));
        edit_clear.state.save_after_paint();
        confirm_clear.set(false);
    };
    let (edit_undo, edit_redo) = (editing.clone(), editing.clone());
    let undo = move || {
        selected_stamp.set(None);
        edit_undo.change(|history, drawing| history.undo(drawing));
        edit_undo.state.save_after_paint();
    };
    let redo = move || {
        selected_stamp.set(None);
        edit_redo.change(|history, drawing| history.redo(drawing));
        edit_redo.state.save_after_paint();
    };
    // The chosen stamp grows, shrinks or goes; each press is one undo step.
    let edit_resize = editing.clone();
    let resize_stamp = move |step: i32| {
        let Some(index) = selected_stamp.get_untracked() else {
            return;
        };
        edit_resize.change(|history, drawing| {
            let Some(stamp) = drawing.stamps.get(index).copied() else {
                return false;
            };
            history.change_stamp(drawing, index, stamp.resized(i32::from(stamp.size) + step))
        });
        edit_resize.state.save_after_paint();
    };
    let edit_remove = editing.clone();
    let remove_stamp = move || {
        let Some(index) = selected_stamp.get_untracked() else {
            return;
        };
        selected_stamp.set(None);
        edit_remove.change(|history, drawing| history.remove_stamp(drawing, index));
        edit_remove.state.save_after_paint();
    };
    let stamping = move || matches!(tip.get(), Tip::Stamp(_));
    Effect::new(move |_| {
        if !stamping() {
            selected_stamp.set(None);
        }
    });

    // A drawing started in this visit and left blank is not kept; a drawing that had strokes
    // or stamps stays, even if the child took them all away (undo can bring them back until
    // Done).
    let opened_blank =
        strokes.with_untracked(Vec::is_empty) && stamps.with_untracked(Vec::is_empty);
    let done = move || {
        let blank_now =
            strokes.with_untracked(Vec::is_empty) && stamps.with_untracked(Vec::is_empty);
        state.close_entry(&session, tool, question, entry, opened_blank, blank_now);
    };

    let swatches = PALETTE
        .iter()
        .map(|swatch| {
            let hex = swatch.hex;
            let name = swatch.name;
            view! {
                <button
                    type="button"
                    class="swatch"
                    style=format!("--swatch: {hex}")
                    aria-label=move || colour_label(i18n, name)
                    aria-pressed=move || (tip.get() == Tip::Ink && colour.get() == hex).to_string()
                    on:click=move |_| {
                        colour.set(hex);
                        tip.set(Tip::Ink);
                    }
                ></button>
            }
        })
        .collect_view();
    let brushes = BrushSize::ALL
        .into_iter()
        .map(|brush| {
            view! {
                <button
                    type="button"
                    class="brush"
                    aria-label=move || brush_label(i18n, brush)
                    aria-pressed=move || (size.get() == brush).to_string()
                    on:click=move |_| {
                        size.set(brush);
                        tip.set(Tip::Ink);
                    }
                >
                    <span
                        class="brush-dot"
                        style=move || format!("width: {0}px; height: {0}px; background-color: {1}", brush.width() / 3, colour.get())
                    ></span>
                </button>
            }
        })
        .collect_view();

    let no_stamp_selected = Signal::derive(move || selected_stamp.get().is_none());
    view! {
        <div class="drawing-screen">
            <header class="screen-header compact">
                <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(i18n, done).to_owned())
                    on_press=done />
                <h1>{move || title.get()}</h1>
            </header>
            <div class="canvas-frame" node_ref=frame_ref>
                // The paper takes every touch; stamps lie on it, the ink on a see-through
                // canvas over them.
                <div
                    class="paper"
                    class:stamping=stamping
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
            <div class="toolbar" role="toolbar" aria-label=move || t_string!(i18n, tools)>
                <div class="swatches" role="group" hidden=stamping aria-label=move || t_string!(i18n, colours)>{swatches}</div>
                <div class="brushes" role="group" hidden=stamping aria-label=move || t_string!(i18n, brushes)>{brushes}</div>
                <div class="stamp-tools" hidden=move || !stamping()>
                    <div class="stamp-actions">
                        <IconButton icon="icon-smaller" label=Signal::derive(move || t_string!(i18n, stamp_smaller).to_owned())
                            disabled=no_stamp_selected
                            on_press={
                                let resize_stamp = resize_stamp.clone();
                                move || resize_stamp(-i32::from(STAMP_SIZE_STEP))
                            } />
                        <IconButton icon="icon-bigger" label=Signal::derive(move || t_string!(i18n, stamp_bigger).to_owned())
                            disabled=no_stamp_selected
                            on_press=move || resize_stamp(i32::from(STAMP_SIZE_STEP)) />
                        <IconButton icon="icon-delete" label=Signal::derive(move || t_string!(i18n, stamp_remove).to_owned())
                            disabled=no_stamp_selected
                            on_press=move || remove_stamp() />
                    </div>
                    <StampTray
                        chosen=Signal::derive(move || match tip.get() {
                            Tip::Stamp(kind) => Some(kind),
                            _ => None,
                        })
                        on_choose=move |kind| {
                            chosen_stamp.set(kind);
                            selected_stamp.set(None);
                            tip.set(Tip::Stamp(kind));
                        }
                    />
                </div>
                <div class="tool-buttons">
                    {[(Nib::Marker, "icon-draw"), (Nib::Highlighter, "icon-highlighter")]
                        .into_iter()
                        .map(|(choice, icon)| view! {
                            <IconButton icon=icon label=Signal::derive(move || nib_label(i18n, choice).to_owned())
                                pressed=Signal::derive(move || tip.get() == Tip::Ink && nib.get() == choice)
                                on_press=move || {
                                    nib.set(choice);
                                    tip.set(Tip::Ink);
                                } />
                        })
                        .collect_view()}
                    <IconButton icon="icon-eraser" label=Signal::derive(move || t_string!(i18n, eraser).to_owned())
                        pressed=Signal::derive(move || tip.get() == Tip::Eraser)
                        on_press=move || tip.set(Tip::Eraser) />
                    <IconButton label=Signal::derive(move || t_string!(i18n, stamps).to_owned())
                        pressed=Signal::derive(stamping)
                        on_press=move || tip.set(Tip::Stamp(chosen_stamp.get_untracked()))>
                        <StampPicture kind=StampKind::Happy />
                    </IconButton>
                    <IconButton icon="icon-draw" label=Signal::derive(move || t_string!(i18n, pen_only).to_owned())
                        pressed=pen_only
                        on_press=move || pen_only.update(|on| *on = !*on) />
                    <IconButton icon="icon-delete" label=Signal::derive(move || t_string!(i18n, clear).to_owned())
                        disabled=Signal::derive(is_blank)
                        on_press=move || confirm_clear.set(true) />
                    // A download leaves the encrypted store: the worker's act, never the child's.
                    <IconButton icon="icon-save" label=Signal::derive(move || t_string!(i18n, save_picture).to_owned())
                        disabled=Signal::derive(is_blank)
                        hidden=Signal::derive(move || state.child_mode.with(Option::is_some))
                        on_press=move || save_picture() />
                    <IconButton icon="icon-undo" label=Signal::derive(move || t_string!(i18n, undo).to_owned())
                        disabled=Signal::derive(move || !editing.can_undo.get())
                        on_press=move || undo() />
                    <IconButton icon="icon-redo" label=Signal::derive(move || t_string!(i18n, redo).to_owned())
                        disabled=Signal::derive(move || !editing.can_redo.get())
                        on_press=move || redo() />
                </div>
            </div>
        </div>
        <Show when=move || confirm_clear.get()>
            <ConfirmDialog
                title=t_string!(i18n, confirm_clear_title)
                text=t_string!(i18n, confirm_clear_text)
                confirm_label=t_string!(i18n, clear)
                on_confirm=clear.clone()
                on_cancel=move || confirm_clear.set(false)
            />
        </Show>
    }
}
