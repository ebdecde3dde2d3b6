//! Leptos components, one file per screen or widget. They hold view logic only; rules live
//! in `core`, storage in `store`.

pub mod canvas;
pub mod dialog;
pub mod drawing;
pub mod house;
pub mod houses;
pub mod ink_layer;
pub mod language;
pub mod read_back;
pub mod session;
pub mod sharing;
pub mod stamps;
pub mod start;
pub mod storage_banner;
pub mod summary;
pub mod words;

use leptos::prelude::*;

use crate::core::Place;

/// The translation context every screen reads its words from.
pub type I18n = leptos_i18n::I18nContext<crate::i18n::Locale>;

/// The screen for a place in the app.
pub fn screen_for(place: Place) -> AnyView {
    match place {
        Place::Start => view! { <start::StartScreen /> }.into_any(),
        Place::Session { session } => view! { <session::SessionScreen session /> }.into_any(),
        Place::ThreeHouses { session } => view! { <houses::HousesScreen session /> }.into_any(),
        Place::House { session, question } => {
            view! { <house::HouseScreen session question /> }.into_any()
        }
        Place::Drawing {
            session,
            question,
            entry,
        } => view! { <drawing::DrawingScreen session question entry /> }.into_any(),
        Place::Words {
            session,
            question,
            entry,
        } => view! { <words::WordsScreen session question entry /> }.into_any(),
        Place::ReadBack { session, question } => {
            view! { <read_back::ReadBackScreen session question /> }.into_any()
        }
        Place::Sharing { session } => view! { <sharing::SharingScreen session /> }.into_any(),
        Place::Summary { session } => view! { <summary::SummaryScreen session /> }.into_any(),
    }
}

/// A button with a picture and a visible word: children who cannot read know it by the
/// picture, everyone else by the word, and assistive technology by its name.
#[component]
pub fn IconButton(
    #[prop(into)] icon: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] class: String,
    on_press: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class=format!("icon-button {class}") on:click=move |_| on_press()>
            <img src=format!("public/{icon}.svg") alt="" aria-hidden="true" />
            <span>{move || label.get()}</span>
        </button>
    }
}
