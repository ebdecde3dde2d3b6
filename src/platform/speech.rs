//! The browser's speech synthesis: reading a prompt or the child's words aloud. Which voice
//! and where sentences end is decided in `core::speech`; this is only the glue.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::core::speech::{choose_voice, sentences, VoiceInfo};

/// The browser's speech synthesis, where it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let found = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    if found.is_undefined() || found.is_null() {
        return None;
    }
    // Unchecked: a stand-in (as in the end-to-end tests) is not an instance of the class.
    Some(found.unchecked_into())
}

/// The voices the tablet has now. Some browsers fill the list only later (`voiceschanged`).
fn voices(synthesis: &SpeechSynthesis) -> Vec<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .map(JsCast::unchecked_into)
        .collect()
}

fn described(voices: &[SpeechSynthesisVoice]) -> Vec<VoiceInfo> {
    voices
        .iter()
        .map(|voice| VoiceInfo {
            lang: voice.lang(),
            name: voice.name(),
            local_service: voice.local_service(),
            default: voice.default(),
        })
        .collect()
}

/// Whether the tablet has a voice for the language `lang` (`de`, `en-GB`).
pub fn has_voice_for(lang: &str) -> bool {
    synthesis()
        .is_some_and(|synthesis| choose_voice(&described(&voices(&synthesis)), lang).is_some())
}

/// Why nothing is read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unspoken {
    /// The tablet has no voice for the language (or no speech synthesis at all).
    NoVoice,
}

/// Reads `text` aloud in the language `lang`, one sentence per utterance, after stopping
/// anything still being read. Call it straight from a tap, with nothing awaited before:
/// Safari on an iPad speaks only inside the tap's own handler.
pub fn speak(text: &str, lang: &str) -> Result<(), Unspoken> {
    let synthesis = synthesis().ok_or(Unspoken::NoVoice)?;
    let voices = voices(&synthesis);
    let chosen = choose_voice(&described(&voices), lang).ok_or(Unspoken::NoVoice)?;
    let voice = &voices[chosen];
    synthesis.cancel();
    for sentence in sentences(text) {
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&sentence) else {
            continue;
        };
        utterance.set_lang(&voice.lang());
        utterance.set_voice(Some(voice));
        synthesis.speak(&utterance);
    }
    Ok(())
}

/// Stops reading aloud.
pub fn stop() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}

/// Calls `changed` whenever the tablet's list of voices changes (they can arrive after the
/// page has loaded). Also asks for the list once, which makes Chrome start loading it.
/// Meant to be called once for the whole app: the listener stays for the page's life.
pub fn on_voices_changed(changed: impl Fn() + 'static) {
    let Some(synthesis) = synthesis() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(changed);
    let _ = synthesis
        .add_event_listener_with_callback("voiceschanged", listener.as_ref().unchecked_ref());
    listener.forget();
    let _ = synthesis.get_voices();
}
