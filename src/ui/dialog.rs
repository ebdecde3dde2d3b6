//! Modal dialogs: asking before anything is deleted, and small questions like a house's name.

use leptos::prelude::*;

use crate::i18n::*;

/// The frame every dialog shares: a dimmed page behind, a labelled modal box, Escape to leave.
#[component]
pub fn Modal(
    /// The id of the element that names the dialog.
    labelled_by: &'static str,
    on_escape: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_escape();
                    }
                }
            >
                {children()}
            </div>
        </div>
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
