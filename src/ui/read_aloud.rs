//! The speaker button: reads a prompt, or the child's own words, aloud in the language of the
//! screen it sits on, for a child who cannot read (yet). When the tablet has no voice for
//! that language it says so beside the button instead of staying silent.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::speech;
use crate::ui::language::{own_name, workers_language};
use crate::ui::IconButton;

thread_local! {
    /// Counts the changes of the tablet's voices, which can arrive after the page loads. One
    /// listener for the whole app; an Arc signal, so no screen's owner takes it away.
    static VOICES_CHANGED: ArcRwSignal<u32> = {
        let changed = ArcRwSignal::new(0);
        let bump = changed.clone();
        speech::on_voices_changed(move || bump.update(|count| *count += 1));
        changed
    };
}

/// A speaker button beside `text`. It reads in the locale of the translation context it is
/// placed in (the child's language where the child's screens have their own), never a
/// global one. The text is read exactly as given, sentence by sentence. When the tablet has
/// no voice for that language, and the worker's language differs and has one, it offers to
/// read `in_workers_language` (the same text in the worker's language) instead.
#[component]
pub fn ReadAloud(
    #[prop(into)] text: Signal<String>,
    #[prop(default = None)] in_workers_language: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let workers = workers_language();
    let voices_changed = VOICES_CHANGED.with(Clone::clone);
    // Shown after a tap found no voice; cleared when the language or the voices change and
    // a voice is there after all.
    let no_voice = RwSignal::new(false);
    Effect::new(move |_| {
        voices_changed.track();
        let locale = i18n.get_locale();
        if no_voice.get_untracked() && speech::has_voice_for(locale.as_str()) {
            no_voice.set(false);
        }
    });
    // Reading stops when the child leaves the screen it was started on, so a prompt is not
    // heard over the next screen.
    let started = Arc::new(AtomicBool::new(false));
    let started_here = Arc::clone(&started);
    on_cleanup(move || {
        if started_here.load(Ordering::Relaxed) {
            speech::stop();
        }
    });
    let started_in_workers = Arc::clone(&started);
    // Straight inside the tap, with nothing awaited first: iPad Safari speaks only there.
    let read = move || {
        let locale = i18n.get_locale_untracked();
        let spoken = speech::speak(&text.get_untracked(), locale.as_str());
        started.store(spoken.is_ok(), Ordering::Relaxed);
        no_voice.set(spoken.is_err());
    };
    view! {
        <div class="read-aloud">
            <IconButton icon="icon-read-aloud" class="read-aloud-button"
                label=Signal::derive(move || t_string!(i18n, read_aloud).to_owned())
                on_press=read />
            <p class="read-aloud-none" role="status">
                {move || no_voice.get().then(|| t_string!(i18n, no_voice_here))}
            </p>
            {move || {
                let (workers, text) = (workers?, in_workers_language?);
                let language = workers.get_locale();
                let offered = no_voice.get()
                    && language != i18n.get_locale()
                    && speech::has_voice_for(language.as_str());
                let started = Arc::clone(&started_in_workers);
                offered.then(|| view! {
                    <IconButton icon="icon-read-aloud" class="read-aloud-button"
                        label=Signal::derive(move || t_string!(i18n, read_in_language, language = own_name(language)).to_string())
                        on_press=move || {
                            let spoken = speech::speak(&text.get_untracked(), language.as_str());
                            started.store(spoken.is_ok(), Ordering::Relaxed);
                        } />
                })
            }}
        </div>
    }
}
