//! After the tools: what happens next (the child's wish in the child's words, and what the
//! worker told the child), and what the family and the network said when they saw the
//! houses (in the full record only).

use leptos::prelude::*;

use super::{when, AmendDialog, AmendmentLines};
use crate::core::{Amended, NetworkResponse, SessionId, Words};
use crate::i18n::*;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::voice_choice::VoiceChoice;

#[component]
pub fn NextStepsSection(session: SessionId, name: String) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let stored = state
        .with_session_untracked(&session, |s| s.next_steps().clone())
        .unwrap_or_default();
    let wants = stored.child_wants.unwrap_or_default();
    let wants_text = RwSignal::new(wants.text);
    let wants_voice = RwSignal::new(wants.voice);
    let finished = move || {
        state
            .with_session(&session, |s| s.is_finished())
            .unwrap_or(false)
    };
    // Before the end the child's words are written as given; after it, only by amendment.
    let keep_wants = move |policy: SavePolicy| {
        let words = Words {
            text: wants_text.get_untracked(),
            voice: wants_voice.get_untracked(),
        };
        state.edit(&session, policy, |s, now| {
            s.set_child_wants_next(Some(words), now)
        });
    };
    let amending = RwSignal::new(false);
    let wants_label = name.clone();
    let told_label = name.clone();
    view! {
        <section class="card next-steps" aria-labelledby="next-steps-heading">
            <h2 id="next-steps-heading">{t!(i18n, next_steps_heading)}</h2>
            <label class="words-field">
                <span>{move || t_string!(i18n, next_wants_label, name = wants_label.clone()).to_string()}</span>
                <textarea {..crate::ui::fields::as_typed()} rows="3" dir="auto"
                    readonly=finished
                    prop:value=move || wants_text.get()
                    on:input=move |ev| {
                        wants_text.set(event_target_value(&ev));
                        keep_wants(SavePolicy::AfterTyping);
                    }></textarea>
            </label>
            <VoiceChoice i18n name="next-voice" chosen=wants_voice disabled=Signal::derive(finished)
                on_choose=move |choice| {
                    wants_voice.set(choice);
                    keep_wants(SavePolicy::Now);
                } />
            <Show when=finished>
                <button type="button" class="amend-button" on:click=move |_| amending.set(true)>
                    {t!(i18n, amend_button)}
                </button>
            </Show>
            <AmendmentLines session what=Amended::ChildWantsNext />
            <label>
                <span>{move || t_string!(i18n, next_told_label, name = told_label.clone()).to_string()}</span>
                <textarea {..crate::ui::fields::workers_sentences()} rows="3" dir="auto"
                    prop:value=stored.worker_told
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_worker_told(&text, now));
                    }></textarea>
            </label>
        </section>
        <Show when=move || amending.get()>
            <AmendDialog
                current=wants_text.get_untracked()
                text_label=t_string!(i18n, next_wants_label, name = name.clone()).to_string()
                amend=move |text, why| {
                    let result = state.edit(&session, SavePolicy::Now, |s, now| {
                        s.amend_child_wants_next(&text, &why, now)
                    });
                    if matches!(result, Some(Ok(()))) {
                        wants_text.set(text);
                    }
                    result
                }
                on_close=move || amending.set(false) />
        </Show>
    }
}

/// The family's and network's responses: a list to add to, correct and remove from.
#[component]
pub fn NetworkResponses(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // Each response keyed by its place and time: a correction keeps both, so the row (and
    // its focus) stays while the worker types.
    let responses = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                s.network_responses()
                    .iter()
                    .enumerate()
                    .map(|(index, response)| (index, response.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let to_remove = RwSignal::new(None::<(usize, String)>);
    let new_who = RwSignal::new(String::new());
    let new_text = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let add = move || {
        let (who, text) = (new_who.get_untracked(), new_text.get_untracked());
        let added = state
            .edit(&session, SavePolicy::Now, |s, now| {
                s.add_network_response(&who, &text, now)
            })
            .unwrap_or(false);
        missing.set(!added);
        if added {
            new_who.set(String::new());
            new_text.set(String::new());
        }
    };
    let row = move |(index, response): (usize, NetworkResponse)| {
        let who = RwSignal::new(response.who.clone());
        let text = RwSignal::new(response.text.clone());
        let write = move || {
            let (who, text) = (who.get_untracked(), text.get_untracked());
            state.edit(&session, SavePolicy::AfterTyping, |s, now| {
                s.set_network_response(index, &who, &text, now)
            });
        };
        let said = response.text.clone();
        view! {
            <li class="response-row">
                <p class="quiet response-time">{when(i18n, response.at_ms)}</p>
                <label>
                    <span>{t!(i18n, response_who_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=response.who
                        on:input=move |ev| {
                            who.set(event_target_value(&ev));
                            write();
                        } />
                </label>
                <label>
                    <span>{t!(i18n, response_text_label)}</span>
                    <textarea {..crate::ui::fields::as_typed()} rows="2" dir="auto" prop:value=response.text
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            write();
                        }></textarea>
                </label>
                <button type="button" class="danger-quiet"
                    on:click=move |_| to_remove.set(Some((index, said.clone())))>
                    {t!(i18n, remove_response)}
                </button>
            </li>
        }
    };
    view! {
        <section class="card responses" aria-labelledby="responses-heading">
            <h2 id="responses-heading">{t!(i18n, responses_heading)}</h2>
            <p class="hint">{t!(i18n, responses_hint)}</p>
            <ul class="response-list" aria-labelledby="responses-heading">
                <For each=move || responses.get() key=|(index, response)| (*index, response.at_ms) children=row />
            </ul>
            <div class="response-new">
                <label>
                    <span>{t!(i18n, response_who_label)}</span>
                    <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=move || new_who.get()
                        on:input=move |ev| new_who.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t!(i18n, response_text_label)}</span>
                    <textarea {..crate::ui::fields::as_typed()} rows="2" dir="auto" prop:value=move || new_text.get()
                        aria-invalid=move || missing.get().then_some("true")
                        on:input=move |ev| new_text.set(event_target_value(&ev))></textarea>
                    {move || missing.get().then(|| view! {
                        <span class="form-error" role="alert">{t!(i18n, error_response_missing)}</span>
                    })}
                </label>
                <button type="button" on:click=move |_| add()>{t!(i18n, add_response)}</button>
            </div>
        </section>
        {move || to_remove.get().map(|(index, said)| view! {
            <ConfirmDialog
                title=t_string!(i18n, confirm_remove_response_title).to_owned()
                text=said
                confirm_label=t_string!(i18n, remove_response).to_owned()
                on_confirm=move || {
                    state.edit(&session, SavePolicy::Now, |s, now| s.remove_network_response(index, now));
                    to_remove.set(None);
                }
                on_cancel=move || to_remove.set(None) />
        })}
    }
}
