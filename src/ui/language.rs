//! The worker's language (the app's) and the child's (a session's), each named in itself so
//! anyone can find theirs. The child's screens are shown inside [`InChildsLanguage`]; the
//! worker's own controls on them (the way back, handing over, what to do next) inside
//! [`InWorkersLanguage`].

use leptos::context::Provider;
use leptos::prelude::*;

use crate::core::language::{primary_subtag, text_direction};
use crate::core::SessionId;
use crate::i18n::*;
use crate::state::use_app_state;
use crate::ui::I18n;

pub fn own_name(locale: Locale) -> &'static str {
    crate::core::language::own_name(locale.as_str()).unwrap_or("")
}

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let choices = Locale::get_all()
        .iter()
        .copied()
        .map(|locale| {
            view! {
                <button
                    type="button"
                    class="language-choice"
                    lang=locale.as_str()
                    aria-pressed=move || (i18n.get_locale() == locale).to_string()
                    on:click=move |_| i18n.set_locale(locale)
                >
                    {own_name(locale)}
                </button>
            }
        })
        .collect_view();
    view! {
        <nav class="language-picker" aria-label=move || t_string!(i18n, language)>
            {choices}
        </nav>
        <NotLoaded chosen=Signal::derive(move || i18n.chosen_locale()) />
    }
}

/// Says so when a chosen language's texts could not be fetched (a tablet that was offline
/// before the app was ever kept for offline use), instead of quietly staying in English.
#[component]
fn NotLoaded(chosen: Signal<Locale>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = chosen.get();
        crate::i18n::failed_to_load(locale).then(|| {
            view! {
                <p class="warning language-not-loaded" role="alert">
                    {t_string!(i18n, language_not_loaded, language = own_name(locale))}
                </p>
            }
        })
    }
}

/// The app's language for a language code such as `de-AT`: its primary subtag, if the app
/// has that language.
pub fn locale_for(code: &str) -> Option<Locale> {
    let primary = primary_subtag(code);
    Locale::get_all()
        .iter()
        .copied()
        .find(|locale| locale.as_str() == primary)
}

/// The language a session's child sees and hears: the one chosen for them, or the worker's.
pub fn childs_locale(session: SessionId) -> Signal<Locale> {
    let state = use_app_state();
    let worker = use_i18n();
    Signal::derive(move || {
        state
            .with_session(&session, |s| s.child_language().and_then(locale_for))
            .flatten()
            .unwrap_or_else(|| worker.get_locale())
    })
}

/// The worker's translation context, seen from inside the child's screens (whose own context
/// is the child's language): for what the worker may need in their own language there, such
/// as reading a prompt aloud when the tablet has no voice for the child's.
#[derive(Clone, Copy)]
pub struct WorkersLanguage(pub I18n);

/// The worker's translation context, on a child's screen; None elsewhere.
pub fn workers_language() -> Option<I18n> {
    use_context::<WorkersLanguage>().map(|workers| workers.0)
}

/// Shows `children` in the child's language: every word they read (and hear) comes from a
/// language of its own, and the element carries the language and its direction.
#[component]
pub fn InChildsLanguage(session: SessionId, children: ChildrenFn) -> impl IntoView {
    let locale = childs_locale(session);
    provide_context(WorkersLanguage(use_i18n()));
    let lang = move || locale.get().as_str();
    let dir = move || text_direction(locale.get().as_str()).as_str();
    view! {
        <Provider value=I18n::following(locale)>
            <div class="childs-language" lang=lang dir=dir>{children()}</div>
        </Provider>
    }
}

/// Shows `children` in the worker's language, also inside a child's screen: the worker's own
/// controls and instructions there ("Give to the child", the way back to the session) stay
/// readable to the worker beside a child in another language. Outside a child's screen it is
/// the language already shown. The wrapper takes no room of its own (`display: contents`), so
/// it can sit inside a header or a row of buttons; it only carries the language and direction.
#[component]
pub fn InWorkersLanguage(children: ChildrenFn) -> impl IntoView {
    let i18n = workers_language().unwrap_or_else(use_i18n);
    let lang = move || i18n.get_locale().as_str();
    let dir = move || text_direction(i18n.get_locale().as_str()).as_str();
    view! {
        <Provider value=i18n>
            <div class="workers-language" lang=lang dir=dir>{children()}</div>
        </Provider>
    }
}

/// The worker's choice of the child's language: a list of every language, each in itself.
#[component]
pub fn ChildLanguageChoice(
    /// The chosen language.
    chosen: Signal<Locale>,
    on_choose: impl Fn(Locale) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = Locale::get_all()
        .iter()
        .copied()
        .map(|locale| {
            view! {
                <option value=locale.as_str() lang=locale.as_str()
                    selected=move || chosen.get() == locale>
                    {own_name(locale)}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="child-language">
            <span>{t!(i18n, child_language_label)}</span>
            <select on:change=move |ev| {
                if let Some(locale) = locale_for(&event_target_value(&ev)) {
                    crate::i18n::prepare(locale);
                    on_choose(locale);
                }
            }>{options}</select>
        </label>
        <NotLoaded chosen />
    }
}
