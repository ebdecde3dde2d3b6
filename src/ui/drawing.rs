//! The drawing editor: the paper for finger, pen or mouse ([`paper`]), its toolbar
//! ([`toolbar`]) and what the toolbar's buttons do to the drawing. Ink is painted as the
//! pointer moves; each finished stroke is saved at once.

mod paper;
mod toolbar;

use leptos::prelude::*;

use crate::core::ink::gesture::Gesture;
use crate::core::ink::{DrawingHistory, Stroke};
use crate::core::{
    Drawing, EntryId, Export, ExportKind, Opening, Part, Question, SavedPicture, Screen, SessionId,
    Tool,
};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::ui::canvas::{drawing_png, DrawingPreview};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::look::name_in;
use crate::ui::IconButton;
use paper::DrawingPaper;
use toolbar::{DrawingToolbar, ToolChoice};

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
#[derive(Clone, Copy)]
pub struct Editing {
    pub(crate) state: AppState,
    session: SessionId,
    history: StoredValue<DrawingHistory>,
    /// This screen's opening of the drawing: erasing what it held then keeps a copy (see
    /// `core::entry_history`). None when it may not be drawn on.
    opening: StoredValue<Option<Opening>>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
}

impl Editing {
    /// Changes the drawing through its history, then refreshes the undo buttons. Ink is
    /// saved after paint; a step of a gesture still going on (an eraser swipe) is saved when
    /// the gesture ends.
    pub(crate) fn change<R>(
        &self,
        policy: SavePolicy,
        change: impl FnOnce(&mut DrawingHistory, &mut Drawing) -> R,
    ) -> Option<R> {
        // Take the history out rather than clone it: it holds a copy of every undoable stroke.
        let mut history = self
            .history
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let result = self.opening.with_value(|opening| {
            let opening = opening.as_ref()?;
            self.state.edit(&self.session, policy, |s, now| {
                s.draw(opening, now, |drawing| change(&mut history, drawing))
            })
        });
        self.can_undo.set(history.can_undo());
        self.can_redo.set(history.can_redo());
        self.history.set_value(history);
        result.flatten()
    }

    /// Adds a finished stroke through the history, saved after paint as a record of its own
    /// (see `AppState::finish_stroke`): the save costs the same in any drawing.
    pub(crate) fn finish_stroke(&self, stroke: Stroke) {
        let mut history = self
            .history
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        self.opening.with_value(|opening| {
            let opening = opening.as_ref()?;
            self.state
                .finish_stroke(&self.session, opening, &stroke.clone(), |s, now| {
                    s.draw(opening, now, |drawing| history.add_stroke(drawing, stroke))
                })
        });
        self.can_undo.set(history.can_undo());
        self.can_redo.set(history.can_redo());
        self.history.set_value(history);
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
    // In child mode a drawing that held something before this screen opened is only looked
    // at: no ink, no eraser, no Clear. The child adds a new drawing or takes this one out.
    // After the end nobody draws on it either.
    let opened_with_ink = !read_drawing(state, &session, question, entry, Drawing::is_empty);
    let finished = state
        .with_session_untracked(&session, |s| s.is_finished())
        .unwrap_or(false);
    if finished || (state.child_mode.with_untracked(Option::is_some) && opened_with_ink) {
        let drawing = read_drawing(state, &session, question, entry, Drawing::clone);
        return view! { <KeptAsMade session tool question drawing /> }.into_any();
    }
    let opening = state
        .with_session_untracked(&session, |s| {
            s.open_for_editing(question, entry, Part::Drawing, platform::now_ms())
        })
        .flatten();
    let editing = Editing {
        state,
        session,
        opening: StoredValue::new(opening),
        history: StoredValue::new(DrawingHistory::default()),
        can_undo: RwSignal::new(false),
        can_redo: RwSignal::new(false),
    };
    // Leaving the drawing saves the visit in full: its strokes' log is superseded.
    on_cleanup(move || state.finish_drawing(&session));
    let choice = ToolChoice::new();
    // What a touch on the paper means (`core::ink::gesture`); "Pen only" changes it too.
    let gesture = StoredValue::new(Gesture::default());
    let pen_only = RwSignal::new(false);
    let confirm_clear = RwSignal::new(false);

    let title = Memo::new(move |_| {
        state
            .with_session(&session, |s| name_in(i18n, s, tool, question))
            .unwrap_or_default()
    });
    // Strokes and stamps apart: moving a stamp must not repaint the ink.
    let strokes =
        Memo::new(move |_| read_drawing(state, &session, question, entry, |d| d.strokes.clone()));
    let stamps =
        Memo::new(move |_| read_drawing(state, &session, question, entry, |d| d.stamps.clone()));
    let is_blank = move || strokes.with(Vec::is_empty) && stamps.with(Vec::is_empty);
    let selected_stamp = RwSignal::new(None::<usize>);
    let picture_name = {
        let date = state
            .with_session(&session, |s| s.date.clone())
            .unwrap_or_default();
        // No child's name in the file name: it may end up in a shared downloads folder.
        format!("hear-me-{date}-{}-{}.png", question.slug(), entry.0)
    };
    let picture_of = move || read_drawing(state, &session, question, entry, Drawing::clone);
    // A picture that leaves the tablet is noted under "Given to", like every summary.
    let save_picture = move || {
        let Some(png) = drawing_png(&picture_of()) else {
            return;
        };
        if platform::download(&png, &picture_name).is_some() {
            let file_name = picture_name.clone();
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.record_export(Export {
                    at_ms: now,
                    audience: None,
                    kind: ExportKind::Downloaded,
                    file_name,
                    confirmed_worries: Vec::new(),
                    picture: Some(SavedPicture { question, entry }),
                })
            });
        }
    };
    let clear = move || {
        selected_stamp.set(None);
        editing.change(SavePolicy::AfterPaint, |history, drawing| {
            history.clear(drawing)
        });
        confirm_clear.set(false);
    };
    let undo = move || {
        selected_stamp.set(None);
        editing.change(SavePolicy::AfterPaint, |history, drawing| {
            history.undo(drawing)
        });
    };
    let redo = move || {
        selected_stamp.set(None);
        editing.change(SavePolicy::AfterPaint, |history, drawing| {
            history.redo(drawing)
        });
    };
    // The chosen stamp grows, shrinks or goes; each press is one undo step.
    let resize_stamp = move |step: i32| {
        let Some(index) = selected_stamp.get_untracked() else {
            return;
        };
        editing.change(SavePolicy::AfterPaint, |history, drawing| {
            let Some(stamp) = drawing.stamps.get(index).copied() else {
                return false;
            };
            history.change_stamp(drawing, index, stamp.resized(i32::from(stamp.size) + step))
        });
    };
    let remove_stamp = move || {
        let Some(index) = selected_stamp.get_untracked() else {
            return;
        };
        selected_stamp.set(None);
        editing.change(SavePolicy::AfterPaint, |history, drawing| {
            history.remove_stamp(drawing, index)
        });
    };
    let toggle_pen_only = move || {
        let on = !pen_only.get_untracked();
        gesture.update_value(|gesture| gesture.set_pen_only(on));
        pen_only.set(on);
    };
    let stamping = move || choice.stamping();
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

    view! {
        <div class="drawing-screen">
            <header class="screen-header compact">
                <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(i18n, done).to_owned())
                    on_press=done />
                <h1>{move || title.get()}</h1>
            </header>
            <DrawingPaper
                editing
                choice
                gesture
                pen_only
                strokes
                stamps
                selected_stamp
            />
            <DrawingToolbar
                choice
                selected_stamp
                pen_only
                is_blank=Signal::derive(is_blank)
                can_undo=editing.can_undo
                can_redo=editing.can_redo
                on_pen_only=toggle_pen_only
                on_resize_stamp=resize_stamp
                on_remove_stamp=remove_stamp
                on_clear=move || confirm_clear.set(true)
                on_save_picture=save_picture
                on_undo=undo
                on_redo=redo
            />
        </div>
        <Show when=move || confirm_clear.get()>
            <ConfirmDialog
                title=t_string!(i18n, confirm_clear_title)
                text=t_string!(i18n, confirm_clear_text)
                confirm_label=t_string!(i18n, clear)
                on_confirm=clear
                on_cancel=move || confirm_clear.set(false)
            />
        </Show>
    }
    .into_any()
}

/// An earlier drawing in child mode: shown large, as it was made, with Done.
#[component]
fn KeptAsMade(
    session: SessionId,
    tool: Tool,
    question: Question,
    drawing: Drawing,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let title = state
        .with_session_untracked(&session, |s| name_in(i18n, s, tool, question))
        .unwrap_or_default();
    let back = move || {
        state.go(Screen::Question {
            session,
            tool,
            question,
        })
    };
    view! {
        <header class="screen-header compact">
            <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(i18n, done).to_owned())
                on_press=back />
            <h1>{title}</h1>
        </header>
        {state.child_mode.with_untracked(Option::is_some).then(|| view! {
            <p class="kept-as-made" role="note">{t!(i18n, kept_as_made)}</p>
        })}
        <div class="kept-drawing">
            <DrawingPreview drawing />
        </div>
    }
}
