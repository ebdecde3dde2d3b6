//! Asks before anything is deleted, naming what would be lost.

use leptos::prelude::*;

use crate::i18n::*;

/// A modal question with a safe choice (focused first) and a destructive one.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    #[prop(into)] text: String,
    #[prop(into)] confirm_label: String,
    on_confirm: impl Fn() + 'static,
    on_cancel: impl Fn() + Clone + 'static,
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
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="dialog-title"
                aria-describedby="dialog-text"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        cancel_on_escape();
                    }
                }
            >
                <h2 id="dialog-title">{title}</h2>
                <p id="dialog-text">{text}</p>
                <div class="dialog-actions">
                    <button type="button" class="safe" node_ref=keep_ref on:click=move |_| on_cancel()>
                        {t!(i18n, keep)}
                    </button>
                    <button type="button" class="danger" on:click=move |_| on_confirm()>
                        {confirm_label}
                    </button>
                </div>
            </div>
        </div>
    }
}
