//! Who said and who wrote the child's words: one choice wherever the child's words are
//! written down (an entry, a drawing's caption, what the child wants to happen next).

use leptos::prelude::*;

use crate::core::Voice;
use crate::i18n::*;
use crate::ui::labels::voice_label;
use crate::ui::I18n;

#[component]
pub fn VoiceChoice(
    /// The language of the question and the choices.
    i18n: I18n,
    /// The radio group's name, unique on the screen.
    #[prop(into)]
    name: String,
    #[prop(into)] chosen: Signal<Voice>,
    #[prop(into)] disabled: Signal<bool>,
    on_choose: impl Fn(Voice) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let choice = move |voice: Voice| {
        view! {
            <label class="voice-choice">
                <input type="radio" name=name.clone()
                    prop:disabled=move || disabled.get()
                    prop:checked=move || chosen.get() == voice
                    on:change=move |_| on_choose(voice) />
                <span>{move || voice_label(i18n, voice)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="voice">
            <legend>{t!(i18n, voice_question)}</legend>
            {choice(Voice::ChildSaidWorkerWrote)}
            {choice(Voice::ChildWrote)}
        </fieldset>
    }
}
