//! An entry as it appears in a list, wherever entries are listed: inside a house or helper,
//! read back to the child, on the sharing screens and the worker's decisions.

use leptos::prelude::*;

use crate::core::{Entry, EntryContent};
use crate::i18n::*;
use crate::ui::canvas::DrawingPreview;
use crate::ui::labels::voice_label;

/// An entry as it appears in a list: a drawing's picture, the words with who said them, or a
/// plain line for an entry that could not be read.
#[component]
pub fn EntrySummary(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    match entry.content {
        EntryContent::Drawing(drawing) => {
            let empty = drawing.is_empty();
            view! {
                <div class="entry-drawing">
                    <DrawingPreview drawing />
                    <span class="entry-kind">
                        {move || if empty { t_string!(i18n, empty_drawing) } else { t_string!(i18n, drawing_entry) }}
                    </span>
                </div>
            }
            .into_any()
        }
        EntryContent::Words(words) => {
            let empty = words.text.is_empty();
            view! {
                <figure class="entry-words">
                    <blockquote class="childs-words" dir="auto">{words.text}</blockquote>
                    <figcaption class="voice">
                        {move || if empty { t_string!(i18n, empty_words) } else { voice_label(i18n, words.voice) }}
                    </figcaption>
                </figure>
            }
            .into_any()
        }
        EntryContent::Unreadable(_) => view! {
            <p class="quiet entry-unreadable">{t!(i18n, unreadable_entry)}</p>
        }
        .into_any(),
    }
}
