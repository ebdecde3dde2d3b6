//! Modal dialogs: asking before anything is deleted, and small questions like a house's name.

use leptos::prelude::*;

use crate::i18n::*;

/// The frame every dialog shares: a dimmed page behind, a labelled modal box, Escape to leave,
/// and the keyboard kept inside: Tab from the last control goes to the first, Shift+Tab from
/// the first to the last, so nobody tabs into the page behind.
#[component]
pub fn Modal(
    /// The id of the element that names the dialog.
    labelled_by: &'static str,
    on_escape: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Div>::new();
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                node_ref=dialog
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_escape();
                    } else if ev.key() == "Tab" {
                        if let Some(dialog) = dialog.get_untracked() {
                            keep_focus_inside(&dialog, &ev);
                        }
                    }
                }
            >
                {children()}
            </div>
        </div>
    }
}

/// What Tab can reach: enabled controls and links, nothing taken out of the tab order.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// Wraps Tab around the dialog's own controls.
fn keep_focus_inside(dialog: &web_sys::HtmlDivElement, ev: &web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Ok(found) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let controls: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        // Hidden controls (display: none) have no box and cannot take the focus.
        .filter(|control| control.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        ev.prevent_default();
        return;
    };
    let focused = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element());
    let inside = focused
        .as_ref()
        .is_some_and(|element| dialog.contains(Some(element)));
    let at = |control: &web_sys::HtmlElement| {
        focused
            .as_ref()
            .is_some_and(|element| element == control.unchecked_ref::<web_sys::Element>())
    };
    let next = if !inside {
        Some(first)
    } else if ev.shift_key() && at(first) {
        Some(last)
    } else if !ev.shift_key() && at(last) {
        Some(first)
    } else {
        None
    };
    if let Some(next) = next {
        ev.prevent_default();
        let _ = next.focus();
    }
}

/// A question before something is deleted: the safe choice is focused first, and the text
/// names what would be lost.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    #[prop(into)] text: String,
    #[prop(into)] confirm_label: String,
    on_confirm: impl Fn() + Send + 'static,
    on_cancel: impl Fn() + Clone + Send + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let keep_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(keep) = keep_ref.get() {
            let _ = keep.focus();
        }
    });
    let cancel_on_escape = on_cancel.clone();
    view! {
        <Modal labelled_by="dialog-title" on_escape=cancel_on_escape>
            <h2 id="dialog-title">{title}</h2>
            <p>{text}</p>
            <div class="dialog-actions">
                <button type="button" class="safe" node_ref=keep_ref on:click=move |_| on_cancel()>
                    {t!(i18n, keep)}
                </button>
                <button type="button" class="danger" on:click=move |_| on_confirm()>
                    {confirm_label}
                </button>
            </div>
        </Modal>
    }
}
