//! The drawing editor: a canvas for finger, pen or mouse, a palette, an eraser and undo.
//! Ink is painted as the pointer moves; each finished stroke is saved at once.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;

use crate::app::{use_app_state, AppState};
use crate::core::ink::{
    pressure_from_pointer, BrushSize, ColourName, DrawingHistory, Nib, Point, Stroke, View,
    ERASER_RADIUS, PALETTE,
};
use crate::core::{Drawing, EntryId, Question, SessionId};
use crate::i18n::*;
use crate::platform;
use crate::ui::canvas::{context_2d, drawing_png, fit_canvas, paint_drawing, InkLayer};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::houses::house_name;
use crate::ui::I18n;
use crate::ui::IconButton;

/// What touching the paper does: lay down ink (with the chosen nib), or lift strokes off.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tip {
    Ink,
    Eraser,
}

/// The stroke being drawn, by the one pointer drawing it.
struct LiveStroke {
    pointer_id: i32,
    stroke: Stroke,
}

fn colour_label(i18n: I18n, name: ColourName) -> &'static str {
    match name {
        ColourName::Black => t_string!(i18n, colour_black),
        ColourName::Red => t_string!(i18n, colour_red),
        ColourName::Orange => t_string!(i18n, colour_orange),
        ColourName::Yellow => t_string!(i18n, colour_yellow),
        ColourName::Green => t_string!(i18n, colour_green),
        ColourName::Blue => t_string!(i18n, colour_blue),
        ColourName::Purple => t_string!(i18n, colour_purple),
        ColourName::Brown => t_string!(i18n, colour_brown),
        ColourName::Pink => t_string!(i18n, colour_pink),
        ColourName::Grey => t_string!(i18n, colour_grey),
        ColourName::LightSkin => t_string!(i18n, colour_light_skin),
        ColourName::MediumSkin => t_string!(i18n, colour_medium_skin),
        ColourName::DarkSkin => t_string!(i18n, colour_dark_skin),
    }
}

fn nib_label(i18n: I18n, nib: Nib) -> &'static str {
    match nib {
        Nib::Marker => t_string!(i18n, marker),
        Nib::Highlighter => t_string!(i18n, highlighter),
    }
}

fn brush_label(i18n: I18n, size: BrushSize) -> &'static str {
    match size {
        BrushSize::Thin => t_string!(i18n, brush_thin),
        BrushSize::Medium => t_string!(i18n, brush_medium),
        BrushSize::Thick => t_string!(i18n, brush_thick),
    }
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
pub fn DrawingScreen(session: SessionId, question: Question, entry: EntryId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let editing = Editing {
        state,
        session: session.clone(),
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
        let session = session.clone();
        Memo::new(move |_| {
            state
                .with_session(&session, |s| house_name(i18n, s, question))
                .unwrap_or_default()
        })
    };
    let strokes = {
        let session = session.clone();
        Memo::new(move |_| {
            state
                .with_session(&session, |s| {
                    s.entry(question, entry)
                        .and_then(|e| e.drawing())
                        .map(|d| d.strokes.clone())
                })
                .flatten()
                .unwrap_or_default()
        })
    };

    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();
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
        if let Some(context) = context_2d(&canvas) {
            strokes
                .with_untracked(|strokes| paint_drawing(&context, view_box.get_value(), strokes));
        }
        layer.with_value(|layer| {
            if let Some(layer) = layer {
                layer.keep(&canvas);
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

    let erase_down = erase_at.clone();
    let on_pointer_down = move |ev: PointerEvent| {
        // One stroke at a time: a second finger or a resting palm does not draw; nor does a
        // mouse's right or middle button.
        let busy = live.with_value(Option::is_some) || erasing.get_value().is_some();
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
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.set_pointer_capture(ev.pointer_id());
        }
        match tip.get_untracked() {
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

    let edit_up = editing.clone();
    let on_pointer_up = move |ev: PointerEvent| {
        if erasing.get_value() == Some(ev.pointer_id()) {
            erasing.set_value(None);
            edit_up.state.save_now();
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
            edit_up.state.save_now();
        }
    };

    // A cancelled pointer (a palm, a system gesture) loses only the stroke it was drawing.
    let edit_cancel = editing.clone();
    let on_pointer_cancel = move |ev: PointerEvent| {
        if erasing.get_value() == Some(ev.pointer_id()) {
            erasing.set_value(None);
            edit_cancel.state.save_now();
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
    let save_picture = move || {
        let png = strokes.with_untracked(|strokes| drawing_png(strokes));
        if let Some(png) = png {
            platform::download(&png, &picture_name);
        }
    };
    let edit_clear = editing.clone();
    let clear = move || {
        edit_clear.change(|history, drawing| history.clear(drawing));
        edit_clear.state.save_now();
        confirm_clear.set(false);
    };
    let (edit_undo, edit_redo) = (editing.clone(), editing.clone());
    let undo = move || {
        edit_undo.change(|history, drawing| history.undo(drawing));
        edit_undo.state.save_now();
    };
    let redo = move || {
        edit_redo.change(|history, drawing| history.redo(drawing));
        edit_redo.state.save_now();
    };
    // A drawing started in this visit and left blank is not kept; a drawing that had strokes
    // stays, even if the child erased them all (undo can bring them back until Done).
    let opened_blank = strokes.with_untracked(Vec::is_empty);
    let done = move || {
        let blank = opened_blank && strokes.with_untracked(Vec::is_empty);
        state.close_entry(&session, question, entry, blank);
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

    view! {
        <div class="drawing-screen">
            <header class="screen-header compact">
                <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(i18n, done).to_owned())
                    on_press=done />
                <h1>{move || title.get()}</h1>
            </header>
            <div class="canvas-frame" node_ref=frame_ref>
                <canvas
                    class="drawing-canvas"
                    node_ref=canvas_ref
                    role="img"
                    aria-label=move || t_string!(i18n, drawing_area)
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_up
                    on:pointercancel=on_pointer_cancel
                ></canvas>
            </div>
            <div class="toolbar" role="toolbar" aria-label=move || t_string!(i18n, tools)>
                <div class="swatches" role="group" aria-label=move || t_string!(i18n, colours)>{swatches}</div>
                <div class="brushes" role="group" aria-label=move || t_string!(i18n, brushes)>{brushes}</div>
                <div class="tool-buttons">
                    {[(Nib::Marker, "icon-draw"), (Nib::Highlighter, "icon-highlighter")]
                        .into_iter()
                        .map(|(choice, icon)| view! {
                            <button
                                type="button"
                                class="icon-button"
                                aria-pressed=move || (tip.get() == Tip::Ink && nib.get() == choice).to_string()
                                on:click=move |_| {
                                    nib.set(choice);
                                    tip.set(Tip::Ink);
                                }
                            >
                                <img src=format!("public/{icon}.svg") alt="" aria-hidden="true" />
                                <span>{move || nib_label(i18n, choice)}</span>
                            </button>
                        })
                        .collect_view()}
                    <button
                        type="button"
                        class="icon-button"
                        aria-pressed=move || (tip.get() == Tip::Eraser).to_string()
                        on:click=move |_| tip.set(Tip::Eraser)
                    >
                        <img src="public/icon-eraser.svg" alt="" aria-hidden="true" />
                        <span>{t!(i18n, eraser)}</span>
                    </button>
                    <button
                        type="button"
                        class="icon-button"
                        aria-pressed=move || pen_only.get().to_string()
                        on:click=move |_| pen_only.update(|on| *on = !*on)
                    >
                        <img src="public/icon-draw.svg" alt="" aria-hidden="true" />
                        <span>{t!(i18n, pen_only)}</span>
                    </button>
                    <button type="button" class="icon-button" disabled=move || strokes.with(Vec::is_empty)
                        on:click=move |_| confirm_clear.set(true)>
                        <img src="public/icon-delete.svg" alt="" aria-hidden="true" />
                        <span>{t!(i18n, clear)}</span>
                    </button>
                    <button type="button" class="icon-button" disabled=move || strokes.with(Vec::is_empty)
                        on:click=move |_| save_picture()>
                        <img src="public/icon-save.svg" alt="" aria-hidden="true" />
                        <span>{t!(i18n, save_picture)}</span>
                    </button>
                    <button type="button" class="icon-button" disabled=move || !editing.can_undo.get() on:click=move |_| undo()>
                        <img src="public/icon-undo.svg" alt="" aria-hidden="true" />
                        <span>{t!(i18n, undo)}</span>
                    </button>
                    <button type="button" class="icon-button" disabled=move || !editing.can_redo.get() on:click=move |_| redo()>
                        <img src="public/icon-redo.svg" alt="" aria-hidden="true" />
                        <span>{t!(i18n, redo)}</span>
                    </button>
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
