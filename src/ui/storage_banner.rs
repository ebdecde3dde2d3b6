//! Tells the worker, in plain words, when the newest changes are not saved yet.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app_state;
use crate::store::StoreError;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    move || {
        state.save_problem.get().map(|problem| {
            let message = match problem {
                StoreError::Full => t_string!(i18n, storage_full),
                StoreError::Unavailable => t_string!(i18n, storage_unavailable),
                StoreError::Failed(_) => t_string!(i18n, storage_failed),
                StoreError::Stale => t_string!(i18n, storage_stale),
            };
            view! { <div class="storage-banner" role="alert">{message}</div> }
        })
    }
}
