//! The worker's record of the conversation around the child's words, on the session screen:
//! when it began and ended, where, who was there and where they were, its language and
//! interpreter, how the parents were prepared, the agency's case reference (in "About this
//! conversation"); which version of the questions suits the child; finishing the
//! conversation; and amending the child's words afterwards, with a reason. What happens next and the family's responses are in
//! [`after`].

mod after;
mod language;
mod parents;
mod people;
mod times;

pub use after::{NetworkResponses, NextStepsSection};

use language::LanguageFields;
use parents::ParentsFields;
use people::{People, PeopleFields, RemovePersonConfirm};
use times::TimeFields;

use leptos::prelude::*;

use crate::core::{AgeVersion, AmendError, Amended, SessionId};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::dialog::{ConfirmDialog, Modal};
use crate::ui::I18n;

/// A moment as the worker reads it, in the worker's language.
pub fn when(i18n: I18n, at_ms: u64) -> String {
    platform::local_date_time(at_ms, i18n.get_locale().as_str())
}

/// The short account of the conversation on the session screen (and the summary screen), and
/// the way into it; `on_closed` runs when the dialog closes, for a screen that shows what
/// the dialog changes.
#[component]
pub fn DetailsSummary(
    session: SessionId,
    #[prop(optional)] on_closed: Option<Callback<()>>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let started = move || {
        state
            .with_session(&session, |s| when(i18n, s.start_time()))
            .unwrap_or_default()
    };
    let ended = move || {
        state
            .with_session(&session, |s| s.end_time().map(|at| when(i18n, at)))
            .flatten()
    };
    view! {
        <section class="details-summary" aria-labelledby="details-summary-heading">
            <h2 id="details-summary-heading" class="visually-hidden">{t!(i18n, details_heading)}</h2>
            <dl class="details-times">
                <div>
                    <dt>{t!(i18n, details_started)}</dt>
                    <dd>{started}</dd>
                </div>
                {move || ended().map(|ended| view! {
                    <div>
                        <dt>{t!(i18n, details_ended)}</dt>
                        <dd>{ended}</dd>
                    </div>
                })}
            </dl>
            <button type="button" class="details-open" aria-haspopup="dialog" on:click=move |_| open.set(true)>
                {t!(i18n, details_heading)}
            </button>
        </section>
        <Show when=move || open.get()>
            <DetailsDialog session on_close=move || {
                open.set(false);
                if let Some(closed) = on_closed {
                    closed.run(());
                }
            } />
        </Show>
    }
}

/// "About this conversation": every detail, each saved as it is typed or chosen; what the
/// core refuses is said beside its field and not saved. Each part is its own component, so
/// the dialog's view stays small.
#[component]
fn DetailsDialog(
    session: SessionId,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let place = state
        .with_session_untracked(&session, |s| s.place.clone())
        .unwrap_or_default();
    let people = People::load(session);

    // The keyboard starts inside the dialog, so Escape and Tab work at once.
    let first_field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(field) = first_field.get() {
            let _ = field.focus();
        }
    });
    let done = on_close.clone();
    view! {
        <Modal labelled_by="details-title" on_escape=on_close>
            <div class="details-dialog">
            <h2 id="details-title">{t!(i18n, details_heading)}</h2>
            <TimeFields session first_field />
            <DateField session />
            <label>
                <span>{t!(i18n, summary_place)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=place
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_place(&text, now));
                    } />
            </label>
            <WorkerField session />
            <PeopleFields people />
            <LanguageFields session />
            <ParentsFields session />
            <CaseReferenceField session />
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=move |_| done()>{t!(i18n, done)}</button>
            </div>
            </div>
        </Modal>
        // Beside the dialog, not in it: the question keeps its own Escape and Tab.
        <RemovePersonConfirm people />
    }
}

/// The day of the conversation: today when the session was started, corrected here; a day
/// that is not one is said and not saved.
#[component]
fn DateField(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let date = state
        .with_session_untracked(&session, |s| s.date.clone())
        .unwrap_or_default();
    let refused = RwSignal::new(false);
    view! {
        <label>
            <span>{t!(i18n, date_label)}</span>
            <input {..crate::ui::fields::as_typed()} type="date" prop:value=date
                aria-invalid=move || refused.get().then_some("true")
                on:change=move |ev| {
                    let day = event_target_value(&ev);
                    let taken = state
                        .edit(&session, SavePolicy::Now, |s, now| s.set_date(&day, now).is_ok())
                        .unwrap_or(false);
                    refused.set(!taken);
                } />
            {move || refused.get().then(|| view! {
                <span class="form-error" role="alert">{t!(i18n, error_date_invalid)}</span>
            })}
        </label>
    }
}

/// The worker's name for this session: the one from Settings unless changed here.
#[component]
fn WorkerField(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let worker = state
        .with_session_untracked(&session, |s| s.worker.clone())
        .unwrap_or_default();
    view! {
        <label>
            <span>{t!(i18n, worker_label)}</span>
            <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=worker
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_worker(&text, now));
                } />
        </label>
    }
}

/// The agency's reference for this case, for the full record's header alone.
#[component]
fn CaseReferenceField(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let reference = state
        .with_session_untracked(&session, |s| s.details().case_reference.clone())
        .unwrap_or_default();
    view! {
        <label>
            <span>{t!(i18n, case_reference_label)}</span>
            <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=reference
                aria-describedby="case-reference-hint"
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_case_reference(&text, now));
                } />
        </label>
        <p class="quiet" id="case-reference-hint">{t!(i18n, case_reference_hint)}</p>
    }
}

/// "Questions for": the version of the child's pages, from the age unless the worker chose.
#[component]
pub fn AgeVersionChoice(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let option = move |version: AgeVersion, label: fn(I18n) -> &'static str| {
        view! {
            <label class="toggle-choice">
                <input type="radio" name="age-version"
                    prop:checked=move || state.with_session(&session, |s| s.age_version() == version).unwrap_or(false)
                    on:change=move |_| {
                        state.edit(&session, SavePolicy::Now, |s, now| s.set_age_version(Some(version), now));
                    } />
                <span>{move || label(i18n)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="age-version">
            <legend>{t!(i18n, age_version_label)}</legend>
            <div class="toggle-group">
                {option(AgeVersion::Younger, |i18n| t_string!(i18n, age_younger))}
                {option(AgeVersion::Older, |i18n| t_string!(i18n, age_older))}
            </div>
        </fieldset>
    }
}

/// Finishing the conversation, asked first; afterwards, when it was finished.
#[component]
pub fn FinishConversation(session: SessionId, name: String) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let finished_at = move || state.with_session(&session, |s| s.finished_at()).flatten();
    view! {
        {move || match finished_at() {
            Some(at) => view! {
                <div class="finished" role="status">
                    <p class="finished-mark">{t_string!(i18n, finished_mark, time = when(i18n, at)).to_string()}</p>
                    <p class="quiet">{t!(i18n, finished_hint)}</p>
                </div>
            }
            .into_any(),
            None => view! {
                <button type="button" class="finish-button" on:click=move |_| asking.set(true)>
                    {t!(i18n, finish_button)}
                </button>
            }
            .into_any(),
        }}
        <Show when=move || asking.get()>
            <ConfirmDialog
                title=t_string!(i18n, confirm_finish_title, name = name.clone()).to_string()
                text=t_string!(i18n, confirm_finish_text).to_owned()
                confirm_label=t_string!(i18n, finish_button).to_owned()
                on_confirm=move || {
                    state.edit(&session, SavePolicy::Now, |s, now| s.finish(now));
                    asking.set(false);
                }
                on_cancel=move || asking.set(false) />
        </Show>
    }
}

/// What the worker reads when the core refuses an amendment.
pub fn amend_error_text(i18n: I18n, error: AmendError) -> &'static str {
    match error {
        AmendError::ReasonMissing => t_string!(i18n, error_reason_missing),
        AmendError::Unchanged => t_string!(i18n, error_amend_unchanged),
        AmendError::NotFinished | AmendError::NotThere => t_string!(i18n, error_amend_gone),
    }
}

/// Amending the child's words after the end: the new text and the reason, both required;
/// `amend` gives the core's answer, and the dialog closes only when it was taken.
#[component]
pub fn AmendDialog(
    /// The text as it is now, to start from.
    current: String,
    /// The label of the text field ("The child's words").
    #[prop(into)]
    text_label: String,
    amend: impl Fn(String, String) -> Option<Result<(), AmendError>> + Send + Sync + 'static,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(current);
    let why = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AmendError>);
    let cancel = on_close.clone();
    let closed = on_close.clone();
    let submit = move || match amend(text.get_untracked(), why.get_untracked()) {
        Some(Ok(())) => closed(),
        Some(Err(error)) => problem.set(Some(error)),
        None => problem.set(Some(AmendError::NotThere)),
    };
    let reason_missing = move || problem.get() == Some(AmendError::ReasonMissing);
    let text_field = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(field) = text_field.get() {
            let _ = field.focus();
        }
    });
    view! {
        <Modal labelled_by="amend-title" on_escape=on_close>
            <h2 id="amend-title">{t!(i18n, amend_button)}</h2>
            <label>
                <span>{text_label}</span>
                <textarea {..crate::ui::fields::as_typed()} rows="4" dir="auto"
                    node_ref=text_field
                    prop:value=text.get_untracked()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t!(i18n, amend_reason_label)}</span>
                <textarea {..crate::ui::fields::workers_sentences()} rows="2" dir="auto"
                    aria-invalid=move || reason_missing().then_some("true")
                    on:input=move |ev| why.set(event_target_value(&ev))></textarea>
                {move || reason_missing().then(|| view! {
                    <span class="form-error" role="alert">{t!(i18n, error_reason_missing)}</span>
                })}
            </label>
            {move || problem.get().filter(|error| *error != AmendError::ReasonMissing).map(|error| view! {
                <p class="form-error" role="alert">{amend_error_text(i18n, error)}</p>
            })}
            <div class="dialog-actions">
                <button type="button" class="safe" on:click=move |_| cancel()>{t!(i18n, cancel)}</button>
                <button type="button" class="primary" on:click=move |_| submit()>{t!(i18n, amend_button)}</button>
            </div>
        </Modal>
    }
}

/// The amendments of one thing, oldest first, each with its time, before, after and why.
#[component]
pub fn AmendmentLines(session: SessionId, what: Amended) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let lines = move || {
        state
            .with_session(&session, |s| {
                s.amendments()
                    .iter()
                    .filter(|amendment| amendment.what == what)
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    move || {
        let lines = lines();
        (!lines.is_empty()).then(|| {
            let items = lines
                .into_iter()
                .map(|amendment| {
                    let line = t_string!(
                        i18n,
                        amendment_line,
                        time = when(i18n, amendment.at_ms),
                        before = amendment.before,
                        after = amendment.after,
                        why = amendment.why
                    )
                    .to_string();
                    view! { <li dir="auto">{line}</li> }
                })
                .collect_view();
            view! { <ul class="amendments">{items}</ul> }
        })
    }
}
