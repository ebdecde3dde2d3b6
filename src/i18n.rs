//! The app's words, in the worker's language and in a child's.
//!
//! English is compiled in. Every other language is a file (`locales/<code>.json`, copied
//! to `dist/locales/` by the build and kept offline by the service worker) fetched the first
//! time it is chosen, so a language adds nothing to what a tablet downloads before the app
//! starts. Its texts are then kept for the life of the page.
//!
//! A screen reads a text with `t!(i18n, key)` (a view that follows the language) or
//! `t_string!(i18n, key, name = value)` (the text now, with its placeholders filled in). A
//! key that does not exist, or values that are not exactly the text's placeholders, fail the
//! build.

use std::cell::RefCell;
use std::fmt::Display;

use leptos::prelude::*;

use crate::core::translation::{fill, same_names, texts_in_key_order};
use crate::platform;

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

impl Locale {
    /// The language's code, as in its file name and in `lang`.
    pub fn as_str(self) -> &'static str {
        LOCALE_CODES[self as usize]
    }

    /// Every language the app has.
    pub fn get_all() -> &'static [Locale] {
        &ALL_LOCALES
    }
}

impl Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `key`'s text fills in exactly `names`: checked at build time by the macros.
pub const fn takes(key: Key, names: &[&str]) -> bool {
    same_names(PLACEHOLDERS[key as usize], names)
}

/// Where a language's texts are.
#[derive(Clone, Copy)]
enum Texts {
    NotAsked,
    Loading,
    Here(&'static [&'static str]),
    /// The file could not be fetched (offline before the app was ever kept for offline use)
    /// or read. Asked again when the worker chooses the language again.
    Failed,
}

thread_local! {
    static TEXTS: RefCell<[Texts; LOCALE_CODES.len()]> =
        const { RefCell::new([Texts::NotAsked; LOCALE_CODES.len()]) };
    /// Notified when a language's file has arrived (or failed), so what fell back to English
    /// while it was on its way is shown again in the language.
    static ARRIVED: ArcTrigger = ArcTrigger::new();
}

fn texts_state(locale: Locale) -> Texts {
    if locale == DEFAULT_LOCALE {
        return Texts::Here(&ENGLISH);
    }
    TEXTS.with(|texts| texts.borrow()[locale as usize])
}

fn set_texts_state(locale: Locale, state: Texts) {
    TEXTS.with(|texts| texts.borrow_mut()[locale as usize] = state);
}

/// A language's texts if they are here. If not, starts fetching them, and the caller (a
/// reactive view) runs again when they arrive.
fn texts_of(locale: Locale) -> Option<&'static [&'static str]> {
    match texts_state(locale) {
        Texts::Here(texts) => Some(texts),
        state => {
            ARRIVED.with(|arrived| arrived.track());
            if matches!(state, Texts::NotAsked) {
                // Marked before the fetch starts: a screen asks for hundreds of texts at once.
                set_texts_state(locale, Texts::Loading);
                leptos::task::spawn_local(async move {
                    let _ = fetch_texts(locale).await;
                });
            }
            None
        }
    }
}

/// Fetches a language's texts, unless they are here or on their way. The app awaits this for
/// the worker's language before it shows anything, so the first screen is in it.
pub async fn load(locale: Locale) -> Result<(), String> {
    if !matches!(texts_state(locale), Texts::NotAsked | Texts::Failed) {
        return Ok(());
    }
    set_texts_state(locale, Texts::Loading);
    fetch_texts(locale).await
}

/// Fetches and keeps a language's texts (already marked as loading), and tells the screens.
async fn fetch_texts(locale: Locale) -> Result<(), String> {
    let address = format!(
        "locales/{}.json?v={}",
        locale.as_str(),
        LOCALE_VERSIONS[locale as usize]
    );
    let result = platform::fetch_own_file(&address)
        .await
        .and_then(|file| texts_in_key_order(&file, &KEY_NAMES, &ENGLISH).map_err(|e| e.0));
    let state = match &result {
        // Kept for the life of the page, like the English compiled in: a few tens of KB,
        // once per language, so a text can be handed out as `&'static str`.
        Ok(texts) => Texts::Here(Box::leak(
            texts
                .iter()
                .map(|text| &*Box::leak(text.clone().into_boxed_str()))
                .collect::<Box<[&'static str]>>(),
        )),
        Err(error) => {
            web_sys::console::warn_1(
                &format!("Hear Me could not load {}: {error}", locale.as_str()).into(),
            );
            Texts::Failed
        }
    };
    set_texts_state(locale, state);
    ARRIVED.with(|arrived| arrived.notify());
    result.map(|_| ())
}

/// Whether a language's file could not be loaded (shown to the worker who chose it).
pub fn failed_to_load(locale: Locale) -> bool {
    ARRIVED.with(|arrived| arrived.track());
    matches!(texts_state(locale), Texts::Failed)
}

/// Chosen again after it failed: try once more.
fn try_again(locale: Locale) {
    if matches!(texts_state(locale), Texts::Failed) {
        set_texts_state(locale, Texts::NotAsked);
        ARRIVED.with(|arrived| arrived.notify());
    }
}

/// A language to read texts in: the worker's (the app's, chosen in Settings), or a child's
/// (following their session's choice).
#[derive(Clone, Copy)]
pub struct I18n {
    /// The language shown.
    locale: Signal<Locale>,
    /// The language chosen, which is shown once its texts are here; only the worker's.
    chosen: Option<RwSignal<Locale>>,
}

impl I18n {
    /// The worker's language. A newly chosen one is shown once its texts are here, so the
    /// screen never turns to English on the way from one language to another.
    pub fn workers(initial: Locale) -> Self {
        let chosen = RwSignal::new(initial);
        let shown = Memo::new(move |shown: Option<&Locale>| {
            let wanted = chosen.get();
            match texts_of(wanted) {
                Some(_) => wanted,
                None => shown.copied().unwrap_or(DEFAULT_LOCALE),
            }
        });
        I18n {
            locale: shown.into(),
            chosen: Some(chosen),
        }
    }

    /// Texts in a language that follows `locale`, such as a child's. Until a language's texts
    /// are here (a moment, the first time), its texts are English.
    pub fn following(locale: Signal<Locale>) -> Self {
        I18n {
            locale,
            chosen: None,
        }
    }

    pub fn get_locale(self) -> Locale {
        self.locale.get()
    }

    /// The language last chosen: the one shown, or the one on its way.
    pub fn chosen_locale(self) -> Locale {
        self.chosen
            .map_or_else(|| self.locale.get(), |chosen| chosen.get())
    }

    pub fn get_locale_untracked(self) -> Locale {
        self.locale.get_untracked()
    }

    /// Chooses the worker's language (a language that follows another is not chosen here).
    pub fn set_locale(self, locale: Locale) {
        try_again(locale);
        if let Some(chosen) = self.chosen {
            chosen.set(locale);
        }
    }

    /// The text for `key` in this language, now.
    pub fn text(self, key: Key) -> &'static str {
        texts_of(self.locale.get()).unwrap_or(&ENGLISH)[key as usize]
    }

    /// The text for `key` with its placeholders filled in.
    pub fn fill(self, key: Key, values: &[(&str, &dyn Display)]) -> String {
        fill(self.text(key), values)
    }
}

/// The language of the screen being made: the worker's, or inside a child's screen theirs.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Fetches a language's texts now, ahead of the screens that show them (asking again if they
/// failed before): a child's language as soon as the worker chooses it, so the child's first
/// screen is in it and the worker hears at once if it cannot be had.
pub fn prepare(locale: Locale) {
    try_again(locale);
    let _ = untrack(|| texts_of(locale));
}

/// A text as a view that follows the language: `t!(i18n, key)`.
macro_rules! t {
    ($i18n:expr, $key:ident $(,)?) => {{
        let i18n: $crate::i18n::I18n = $i18n;
        move || $crate::i18n::t_string!(i18n, $key)
    }};
}

/// A text now: `t_string!(i18n, key)` is a `&'static str`; with values,
/// `t_string!(i18n, key, name = value, count)` (`count` for `count = count`) is a `String`.
macro_rules! t_string {
    ($i18n:expr, $key:ident $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::takes($crate::i18n::Key::$key, &[]),
            concat!("`", stringify!($key), "` has placeholders: give each a value"),
        );
        $crate::i18n::I18n::text($i18n, $crate::i18n::Key::$key)
    }};
    ($i18n:expr, $key:ident, $($name:ident $(= $value:expr)?),+ $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::takes($crate::i18n::Key::$key, &[$(stringify!($name)),+]),
            concat!("`", stringify!($key), "` fills in other placeholders than these"),
        );
        $crate::i18n::I18n::fill(
            $i18n,
            $crate::i18n::Key::$key,
            &[$((
                stringify!($name),
                &$crate::i18n::value_of!($name $(= $value)?) as &dyn ::std::fmt::Display,
            )),+],
        )
    }};
}

/// A placeholder's value: the expression given, or the variable of the same name.
macro_rules! value_of {
    ($name:ident) => {
        $name
    };
    ($name:ident = $value:expr) => {
        $value
    };
}

pub(crate) use {t, t_string, value_of};
