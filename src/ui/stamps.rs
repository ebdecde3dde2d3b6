//! Stamps on screen: their art as inline SVG, the tray a child picks them from (a page at a
//! time), and the layer that shows them under the ink in the drawing editor.

use leptos::prelude::*;

use crate::core::ink::stamp_art::art;
use crate::core::ink::{Stamp, StampKind, StampPage, LOGICAL_HEIGHT, LOGICAL_WIDTH};
use crate::i18n::*;
use crate::ui::labels::{stamp_label, stamp_page_label, stamp_tray_word};

/// The paths of a stamp's picture, for inside an `<svg viewBox="0 0 100 100">`.
fn art_paths(kind: StampKind) -> impl IntoView {
    art(kind)
        .iter()
        .map(|part| {
            view! {
                <path
                    d=part.path
                    fill=part.fill.unwrap_or("none")
                    stroke=part.line.unwrap_or("none")
                    stroke-width=part.line_width.to_string()
                    stroke-linejoin="round"
                    stroke-linecap="round"
                ></path>
            }
        })
        .collect_view()
}

/// A stamp's picture on its own, beside a word that names it.
#[component]
pub fn StampPicture(kind: StampKind) -> impl IntoView {
    view! { <svg class="stamp-picture" viewBox="0 0 100 100" aria-hidden="true">{art_paths(kind)}</svg> }
}

/// The stamps a child can choose from, a page at a time (feelings, people, things) so every
/// stamp is in sight without scrolling: each a big button with its picture and its word.
#[component]
pub fn StampTray(
    #[prop(into)] chosen: Signal<Option<StampKind>>,
    on_choose: impl Fn(StampKind) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // The tray opens on the page of the stamp last chosen.
    let page = RwSignal::new(
        chosen
            .get_untracked()
            .map(StampKind::page)
            .unwrap_or(StampPage::Feelings),
    );
    let pages = StampPage::ALL
        .into_iter()
        .map(|shown| {
            view! {
                <button type="button" class="stamp-page"
                    aria-pressed=move || (page.get() == shown).to_string()
                    on:click=move |_| page.set(shown)>
                    <StampPicture kind=shown.picture() />
                    <span>{move || stamp_page_label(i18n, shown)}</span>
                </button>
            }
        })
        .collect_view();
    let buttons = move || {
        page.get()
            .stamps()
            .map(|kind| {
                let on_choose = on_choose.clone();
                // The word under the picture is short; the button's name says all (a person
                // with a neutral face), and begins with that word.
                view! {
                    <button
                        type="button"
                        class="stamp-choice"
                        aria-label=move || stamp_label(i18n, kind)
                        aria-pressed=move || (chosen.get() == Some(kind)).to_string()
                        on:click=move |_| on_choose(kind)
                    >
                        <StampPicture kind />
                        <span>{move || stamp_tray_word(i18n, kind)}</span>
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <div class="stamp-choose">
            <div class="stamp-pages" role="group" aria-label=move || t_string!(i18n, stamp_pages)>
                {pages}
            </div>
            <div class="stamp-tray" role="group" aria-label=move || t_string!(i18n, stamp_tray)>
                {buttons}
            </div>
        </div>
    }
}

/// Where a stamp sits on the paper, as percentages, so it follows the paper at any size.
fn placement_style(stamp: &Stamp) -> String {
    let (left, top, side) = stamp.square();
    let (width, height) = (f64::from(LOGICAL_WIDTH), f64::from(LOGICAL_HEIGHT));
    format!(
        "left: {:.3}%; top: {:.3}%; width: {:.3}%; height: {:.3}%",
        100.0 * left / width,
        100.0 * top / height,
        100.0 * side / width,
        100.0 * side / height,
    )
}

/// The stamps of the drawing being edited, under its ink. The editor handles every touch on
/// the paper, so the stamps themselves take no input.
#[component]
pub fn StampLayer(
    #[prop(into)] stamps: Signal<Vec<Stamp>>,
    #[prop(into)] selected: Signal<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="stamp-layer">
            {move || {
                stamps
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, stamp)| {
                        let kind = stamp.kind;
                        view! {
                            <svg
                                class="stamp"
                                class:selected=move || selected.get() == Some(index)
                                viewBox="0 0 100 100"
                                role="img"
                                aria-label=move || stamp_label(i18n, kind)
                                style=placement_style(&stamp)
                            >
                                {art_paths(kind)}
                            </svg>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
