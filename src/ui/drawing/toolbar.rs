//! The drawing editor's toolbar: colours, brush sizes, the stamp tray, the nibs, the eraser,
//! "Pen only", Clear, Save picture, undo and redo. It chooses what touching the paper does;
//! the editor does the drawing.

use leptos::prelude::*;

use crate::core::ink::gesture::{Brush, Tip};
use crate::core::ink::{BrushSize, Nib, StampKind, PALETTE, STAMP_SIZE_STEP};
use crate::i18n::*;
use crate::state::use_app_state;
use crate::ui::labels::{brush_label, colour_label, nib_label};
use crate::ui::stamps::{StampPicture, StampTray};
use crate::ui::IconButton;

/// What the toolbar has chosen: read by the editor when the paper is touched.
#[derive(Clone, Copy)]
pub struct ToolChoice {
    pub tip: RwSignal<Tip>,
    pub nib: RwSignal<Nib>,
    pub colour: RwSignal<&'static str>,
    pub size: RwSignal<BrushSize>,
    /// The stamp the stamp button goes back to.
    pub chosen_stamp: RwSignal<StampKind>,
}

impl ToolChoice {
    pub fn new() -> ToolChoice {
        ToolChoice {
            tip: RwSignal::new(Tip::Ink),
            nib: RwSignal::new(Nib::Marker),
            colour: RwSignal::new(PALETTE[0].hex),
            size: RwSignal::new(BrushSize::default()),
            chosen_stamp: RwSignal::new(StampKind::Happy),
        }
    }

    /// The ink a stroke begun now gets.
    pub fn brush(&self) -> Brush {
        Brush {
            colour: self.colour.get_untracked(),
            width: self.size.get_untracked().width(),
            nib: self.nib.get_untracked(),
        }
    }

    pub fn stamping(&self) -> bool {
        matches!(self.tip.get(), Tip::Stamp(_))
    }
}

impl Default for ToolChoice {
    fn default() -> Self {
        ToolChoice::new()
    }
}

#[component]
pub fn DrawingToolbar(
    choice: ToolChoice,
    /// The stamp on the paper that "smaller", "bigger" and "remove" act on.
    selected_stamp: RwSignal<Option<usize>>,
    #[prop(into)] pen_only: Signal<bool>,
    #[prop(into)] is_blank: Signal<bool>,
    #[prop(into)] can_undo: Signal<bool>,
    #[prop(into)] can_redo: Signal<bool>,
    #[prop(into)] on_pen_only: Callback<()>,
    /// Grows (or, below zero, shrinks) the selected stamp by this much.
    #[prop(into)]
    on_resize_stamp: Callback<(i32,)>,
    #[prop(into)] on_remove_stamp: Callback<()>,
    /// Asks before clearing.
    #[prop(into)]
    on_clear: Callback<()>,
    #[prop(into)] on_save_picture: Callback<()>,
    #[prop(into)] on_undo: Callback<()>,
    #[prop(into)] on_redo: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let ToolChoice {
        tip,
        nib,
        colour,
        size,
        chosen_stamp,
    } = choice;
    let stamping = move || choice.stamping();
    let no_stamp_selected = Signal::derive(move || selected_stamp.get().is_none());

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
    let nibs = [
        (Nib::Marker, "icon-draw"),
        (Nib::Highlighter, "icon-highlighter"),
    ]
    .into_iter()
    .map(|(choice, icon)| {
        view! {
            <IconButton icon=icon label=Signal::derive(move || nib_label(i18n, choice).to_owned())
                pressed=Signal::derive(move || tip.get() == Tip::Ink && nib.get() == choice)
                on_press=move || {
                    nib.set(choice);
                    tip.set(Tip::Ink);
                } />
        }
    })
    .collect_view();
    let step = i32::from(STAMP_SIZE_STEP);

    view! {
        <div class="toolbar" role="toolbar" aria-label=move || t_string!(i18n, tools)>
            <div class="swatches" role="group" hidden=stamping aria-label=move || t_string!(i18n, colours)>{swatches}</div>
            <div class="brushes" role="group" hidden=stamping aria-label=move || t_string!(i18n, brushes)>{brushes}</div>
            <div class="stamp-tools" hidden=move || !stamping()>
                <div class="stamp-actions">
                    <IconButton icon="icon-smaller" label=Signal::derive(move || t_string!(i18n, stamp_smaller).to_owned())
                        disabled=no_stamp_selected
                        on_press=move || on_resize_stamp.run((-step,)) />
                    <IconButton icon="icon-bigger" label=Signal::derive(move || t_string!(i18n, stamp_bigger).to_owned())
                        disabled=no_stamp_selected
                        on_press=move || on_resize_stamp.run((step,)) />
                    <IconButton icon="icon-delete" label=Signal::derive(move || t_string!(i18n, stamp_remove).to_owned())
                        disabled=no_stamp_selected
                        on_press=move || on_remove_stamp.run(()) />
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
                {nibs}
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
                    on_press=move || on_pen_only.run(()) />
                <IconButton icon="icon-delete" label=Signal::derive(move || t_string!(i18n, clear).to_owned())
                    disabled=is_blank
                    on_press=move || on_clear.run(()) />
                // A download leaves the encrypted store: the worker's act, never the child's.
                <IconButton icon="icon-save" label=Signal::derive(move || t_string!(i18n, save_picture).to_owned())
                    disabled=is_blank
                    hidden=Signal::derive(move || state.child_mode.with(Option::is_some))
                    on_press=move || on_save_picture.run(()) />
                <IconButton icon="icon-undo" label=Signal::derive(move || t_string!(i18n, undo).to_owned())
                    disabled=Signal::derive(move || !can_undo.get())
                    on_press=move || on_undo.run(()) />
                <IconButton icon="icon-redo" label=Signal::derive(move || t_string!(i18n, redo).to_owned())
                    disabled=Signal::derive(move || !can_redo.get())
                    on_press=move || on_redo.run(()) />
            </div>
        </div>
    }
}
