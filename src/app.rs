//! The shell: loads what the device holds, provides the app state, and shows the screen the
//! worker is on. State flows one way: an event changes a session here, the store persists
//! it, and the screens re-render from the session.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::{text_direction, Screen};
use crate::i18n::*;
use crate::platform;
use crate::state::{AppState, Gate};
use crate::store::{self, DeviceState};
use crate::ui;

/// How often unsaved changes are retried while storage refuses them.
const RETRY_EVERY: Duration = Duration::from_secs(2);
/// How often the app checks whether it has been idle long enough to lock itself.
const IDLE_CHECK_EVERY: Duration = Duration::from_secs(5);

/// Starts the app. The worker's language is fetched first (when it is not the English
/// compiled in), so the very first screen is in it; if it cannot be, the app starts in
/// English and the language picker says why.
pub async fn start() {
    let device = store::device_state();
    let language = workers_language(&device.language);
    let place = device.place;
    let _ = crate::i18n::load(language).await;
    leptos::mount::mount_to_body(move || view! { <App language place /> });
}

/// The worker's language: the one last chosen on this tablet, else the browser's if the app
/// has it, else English.
fn workers_language(last_chosen: &str) -> Locale {
    Some(last_chosen.to_owned())
        .filter(|code| !code.is_empty())
        .or_else(platform::browser_language)
        .as_deref()
        .and_then(ui::language::locale_for)
        .unwrap_or(DEFAULT_LOCALE)
}

#[component]
pub fn App(
    /// The worker's language to start in.
    language: Locale,
    /// Where the worker was when the app was last open.
    place: Screen,
) -> impl IntoView {
    provide_context(I18n::workers(language));
    let state = AppState::new(place);
    provide_context(state);
    ui::backup::BackupOf::provide();
    // Only one tab works with the sessions at a time. Without storage there is nothing to
    // share between tabs.
    if !store::has_storage() {
        state.open_gate();
    } else {
        platform::one_tab::start(platform::one_tab::TabEvents {
            claimed: std::rc::Rc::new(move || state.open_gate()),
            elsewhere: std::rc::Rc::new(move || state.gate.set(Gate::OtherTab)),
            asked_to_let_go: std::rc::Rc::new(move |let_go| state.leave_for_other_tab(let_go)),
            taken: std::rc::Rc::new(move || state.taken_by_other_tab()),
        });
    }

    // Keep retrying while storage refuses, and flush before the page goes away.
    set_interval(
        move || {
            if state.has_unsaved() || !store::all_written() {
                state.save_now();
            }
        },
        RETRY_EVERY,
    );
    store::on_write_finished(move || state.show_save_problem());
    platform::update::register(move || state.update_ready.set(true));
    let flush = window_event_listener(leptos::ev::pagehide, move |_| state.keep_unwritten());
    // Hidden: save at once, and remember since when, so coming back after the auto-lock time
    // finds the app locked (timers may not run while a tablet sleeps).
    let flush_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        state.page_hidden(document().visibility_state() == web_sys::VisibilityState::Hidden);
    });
    let touched = window_event_listener(leptos::ev::pointerdown, move |_| state.note_activity());
    let back = window_event_listener(leptos::ev::popstate, move |_| state.went_back());
    // No long-press menu (copy, share, look up, translate) on the child's screens.
    let long_press = window_event_listener(leptos::ev::contextmenu, move |ev| {
        if state.child_mode.with_untracked(Option::is_some) {
            ev.prevent_default();
        }
    });
    let typed = window_event_listener(leptos::ev::keydown, move |_| state.note_activity());
    set_interval(move || state.lock_if_idle(), IDLE_CHECK_EVERY);
    on_cleanup(move || {
        flush.remove();
        flush_hidden.remove();
        touched.remove();
        typed.remove();
        back.remove();
        long_press.remove();
    });

    view! { <Shell state /> }
}

#[component]
fn Shell(state: AppState) -> impl IntoView {
    let i18n = use_i18n();
    // The page speaks the worker's language and runs its way: switching to Arabic mirrors the
    // whole page at once, and switching back unmirrors it. An element inside (a child's screen
    // in the child's language) may carry a `lang` and `dir` of its own.
    Effect::new(move |_| {
        let code = i18n.get_locale().as_str();
        if let Some(page) = document().document_element() {
            let _ = page.set_attribute("lang", code);
            let _ = page.set_attribute("dir", text_direction(code).as_str());
        }
    });

    // Remember where the worker is and the language, so a reload reopens right here.
    Effect::new(move |_| {
        let device = DeviceState {
            place: state.screen.get(),
            language: i18n.get_locale().as_str().to_owned(),
        };
        if let Err(error) = store::save_device_state(&device) {
            web_sys::console::warn_1(
                &format!("Hear Me could not remember the screen: {error:?}").into(),
            );
        }
    });

    // Every screen opens at its top, with its title and Lock in view: the browser would keep
    // the previous screen's scroll (a long session list, a tool scrolled to its foot), and a
    // screen shorter than that would open part-way down.
    Effect::new(move |_| {
        state.screen.track();
        state.gate.track();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    // Only an open app shows sessions; every other gate shows its own screen, and the
    // screens behind it are not even made.
    let screen = move || {
        match state.gate.get() {
        Gate::SetUp { plain_sessions } => {
            view! { <ui::lock::SetUpScreen plain_sessions /> }.into_any()
        }
        Gate::Locked => view! { <ui::lock::UnlockScreen /> }.into_any(),
        Gate::Damaged => view! { <ui::lock::DamagedVaultScreen /> }.into_any(),
        Gate::Newer => view! { <ui::lock::NewerVersionScreen /> }.into_any(),
        Gate::Claiming => view! { <ui::lock::ClaimingScreen /> }.into_any(),
        Gate::OtherTab => view! { <ui::lock::OtherTabScreen /> }.into_any(),
        Gate::Open | Gate::NoStorage => view! {
            <Show when=move || !state.quick_hidden.get() fallback=|| view! { <ui::lock::QuickHideScreen /> }>
                <ui::lock::AppBar />
                {move || ui::screen_for(state.screen.get())}
            </Show>
            <ui::lock::PinDialog />
            <ui::retention::RetentionQuestion />
        }
        .into_any(),
    }
    };
    view! {
        <ui::storage_banner::StorageBanner />
        <ui::update_banner::UpdateBanner />
        // Named, so it stays a landmark of its own beside the summary file's main shown inside it.
        <main class="screen" class:child-mode=move || state.child_mode.with(Option::is_some)
            aria-label=move || t_string!(i18n, app_bar)>{screen}</main>
    }
}
