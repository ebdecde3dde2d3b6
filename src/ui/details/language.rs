//! The child's language (the one field for it: the start form sets the same), another
//! language spoken if there was one, and the interpreter if there was one.

use leptos::prelude::*;

use crate::core::{Interpreter, SessionId};
use crate::i18n::*;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::language::{childs_locale, ChildLanguageChoice};

/// The child's language, another language spoken (as typed; older records held the
/// conversation's language here and keep it), then the interpreter's name and role; an
/// interpreter with neither is none.
#[component]
pub(super) fn LanguageFields(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let language = state
        .with_session_untracked(&session, |s| s.details().language.clone())
        .unwrap_or_default();
    let interpreter = state
        .with_session_untracked(&session, |s| s.details().interpreter.clone())
        .flatten()
        .unwrap_or_default();
    let interpreter_name = RwSignal::new(interpreter.name);
    let interpreter_role = RwSignal::new(interpreter.role);
    let write_interpreter = move || {
        let (name, role) = (
            interpreter_name.get_untracked(),
            interpreter_role.get_untracked(),
        );
        let interpreter = (!name.trim().is_empty() || !role.trim().is_empty())
            .then_some(Interpreter { name, role });
        state.edit(&session, SavePolicy::AfterTyping, |s, now| {
            s.set_interpreter(interpreter, now)
        });
    };
    view! {
        <ChildLanguageChoice chosen=childs_locale(session) on_choose=move |locale: Locale| {
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.set_child_language(locale.as_str(), now)
            });
        } />
        <p class="quiet">{t!(i18n, child_language_hint)}</p>
        <label>
            <span>{t!(i18n, conversation_language_label)}</span>
            <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=language
                aria-describedby="spoken-language-hint"
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_conversation_language(&text, now));
                } />
        </label>
        <p class="quiet" id="spoken-language-hint">{t!(i18n, spoken_language_hint)}</p>
        <div class="details-row">
            <label>
                <span>{t!(i18n, interpreter_name_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=interpreter_name.get_untracked()
                    on:input=move |ev| {
                        interpreter_name.set(event_target_value(&ev));
                        write_interpreter();
                    } />
            </label>
            <label>
                <span>{t!(i18n, interpreter_role_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=interpreter_role.get_untracked()
                    on:input=move |ev| {
                        interpreter_role.set(event_target_value(&ev));
                        write_interpreter();
                    } />
            </label>
        </div>
    }
}
