//! Leptos components, one file per screen or widget. They hold view logic only; rules live
//! in `core`, storage in `store`.

pub mod backup;
pub mod before_we_start;
pub mod canvas;
pub mod child;
pub mod confirm_passphrase;
pub mod details;
pub mod dialog;
pub mod drawing;
pub mod entry_notes;
pub mod entry_summary;
pub mod feedback;
pub mod feedback_page;
pub mod fields;
pub mod giving;
pub mod home_screen_hint;
pub mod ink_layer;
pub mod labels;
pub mod language;
pub mod last_time;
pub mod leaflet;
pub mod lock;
pub mod look;
pub mod over_time;
pub mod pace;
pub mod privacy;
pub mod question;
pub mod read_aloud;
pub mod read_back;
pub mod retention;
pub mod room;
pub mod session;
pub mod settings;
pub mod sharing;
pub mod stamps;
pub mod start;
pub mod storage_banner;
pub mod summary;
pub mod tool;
pub mod update_banner;
pub mod voice_choice;
pub mod who_will_see;
pub mod words;
pub mod worker_decisions;

use leptos::prelude::*;

use crate::core::{Screen, SessionId};
use crate::i18n::*;
use crate::state::use_app_state;

/// The language every screen reads its words in.
pub use crate::i18n::I18n;

/// The screen for a place in the app. The screens a child sees and uses are in the child's
/// language; the worker's screens in the worker's.
pub fn screen_for(place: Screen) -> AnyView {
    match place {
        Screen::Start => view! { <start::StartScreen /> }.into_any(),
        Screen::Settings => view! { <settings::SettingsScreen /> }.into_any(),
        Screen::Privacy => view! { <privacy::PrivacyScreen /> }.into_any(),
        Screen::Child { child } => view! { <child::ChildScreen child /> }.into_any(),
        Screen::Session { session } => view! { <session::SessionScreen session /> }.into_any(),
        Screen::Summary { session } => view! { <summary::SummaryScreen session /> }.into_any(),
        Screen::OverTime { session } => view! { <over_time::OverTimeScreen session /> }.into_any(),
        Screen::WorkerDecisions { session } => {
            view! { <worker_decisions::WorkerDecisionsScreen session /> }.into_any()
        }
        childs => {
            let Some(session) = childs.session().copied() else {
                return ().into_any();
            };
            view! {
                <language::InChildsLanguage session>
                    {move || childs_screen(childs)}
                </language::InChildsLanguage>
            }
            .into_any()
        }
    }
}

/// The screens the child sees and uses: a tool, its questions, drawing and words, reading
/// back, and deciding who may see what.
fn childs_screen(place: Screen) -> AnyView {
    match place {
        Screen::Tool { session, tool } => view! { <tool::ToolScreen session tool /> }.into_any(),
        Screen::ChooseHelper { session } => {
            view! { <look::wizards_and_fairies::helper_choice::ChooseHelperScreen session /> }
                .into_any()
        }
        Screen::Question {
            session,
            tool,
            question,
        } => view! { <question::QuestionScreen session tool question /> }.into_any(),
        Screen::Drawing {
            session,
            tool,
            question,
            entry,
        } => view! { <drawing::DrawingScreen session tool question entry /> }.into_any(),
        Screen::Words {
            session,
            tool,
            question,
            entry,
        } => view! { <words::WordsScreen session tool question entry /> }.into_any(),
        Screen::ReadBack {
            session,
            tool,
            question,
        } => view! { <read_back::ReadBackScreen session tool question /> }.into_any(),
        Screen::Sharing { session, step } => {
            view! { <sharing::SharingScreen session step /> }.into_any()
        }
        Screen::BeforeWeStart { session } => {
            view! { <before_we_start::BeforeWeStartScreen session /> }.into_any()
        }
        Screen::WhoWillSee { session } => {
            view! { <who_will_see::WhoWillSeeScreen session /> }.into_any()
        }
        Screen::LastTime { session, step } => {
            view! { <last_time::LastTimeScreen session step /> }.into_any()
        }
        Screen::Feedback { session, step } => {
            view! { <feedback_page::FeedbackScreen session step /> }.into_any()
        }
        worker => screen_for(worker),
    }
}

/// The icons whose arrow points along the reading direction, turned round in a right-to-left
/// language (see `.mirror-in-rtl` in style/base.css).
const MIRRORED_IN_RTL: [&str; 3] = ["icon-back", "icon-undo", "icon-redo"];

/// A button with a picture and a visible word: children who cannot read know it by the
/// picture, everyone else by the word, and assistive technology by its name. `pressed` makes
/// it a toggle (`aria-pressed`); `hidden` takes it out of the way without moving the others'
/// code; `children`, when given, are the picture instead of `public/<icon>.svg`.
#[component]
pub fn IconButton(
    #[prop(optional, into)] icon: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] disabled: MaybeProp<bool>,
    #[prop(optional, into)] pressed: MaybeProp<bool>,
    #[prop(optional, into)] hidden: MaybeProp<bool>,
    on_press: impl Fn() + 'static,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let picture = match children {
        Some(children) => children(),
        None => {
            let class = MIRRORED_IN_RTL
                .contains(&icon.as_str())
                .then_some("mirror-in-rtl");
            view! { <img src=format!("public/{icon}.svg") class=class alt="" aria-hidden="true" /> }
                .into_any()
        }
    };
    view! {
        <button
            type="button"
            class=format!("icon-button {class}")
            disabled=move || disabled.get().unwrap_or(false)
            aria-pressed=move || pressed.get().map(|on| on.to_string())
            hidden=move || hidden.get().unwrap_or(false)
            on:click=move |_| on_press()
        >
            {picture}
            <span>{move || label.get()}</span>
        </button>
    }
}

/// The header of a screen inside a session, with the way back to the session. The way back
/// is the worker's (in child mode it asks for the PIN), so it is in the worker's language.
#[component]
pub fn SessionScreenHeader(
    session: SessionId,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <header class="screen-header">
            <language::InWorkersLanguage>
                <BackToSession go=move || state.go(Screen::Session { session }) />
            </language::InWorkersLanguage>
            <h1>{move || title.get()}</h1>
        </header>
    }
}

/// "Back to the session", in the language it is shown in.
#[component]
fn BackToSession(go: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, back_to_session).to_owned())
            on_press=go />
    }
}

/// A big button that opens one of a session's tools (or another part of the session): a
/// picture, its name and a hint. A tool opens in the child's hands when the worker's setting
/// says so (see [`AppState::open_tool`](crate::state::AppState::open_tool)).
#[component]
pub fn ToolCard(
    #[prop(into)] icon: Signal<String>,
    #[prop(into)] name: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    to: Screen,
) -> impl IntoView {
    let state = use_app_state();
    let open = move || match to {
        Screen::Tool { session, tool } => state.open_tool(session, tool),
        elsewhere => state.go(elsewhere),
    };
    view! {
        <button type="button" class="tool-card" on:click=move |_| open()>
            <img src=move || icon.get() alt="" aria-hidden="true" />
            <span class="tool-name">{move || name.get()}</span>
            <span class="tool-hint" aria-hidden="true">{move || hint.get()}</span>
        </button>
    }
}
