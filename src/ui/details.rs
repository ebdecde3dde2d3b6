//! The worker's record of the conversation around the child's words, on the session screen:
//! when it began and ended, where, who was there and where they were, its language and
//! interpreter, how the parents were prepared (in "About this conversation"); which version
//! of the questions suits the child; finishing the conversation; and amending the child's
//! words afterwards, with a reason. What happens next and the family's responses are in
//! [`after`].

mod after;

pub use after::{NetworkResponses, NextStepsSection};

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::core::{
    AgeVersion, AmendError, Amended, Consent, Informed, Interpreter, PersonPresent, PreparedError,
    SessionId, Whereabouts,
};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::dialog::{ConfirmDialog, Modal};
use crate::ui::I18n;

/// A moment as the worker reads it, in the worker's language.
pub fn when(i18n: I18n, at_ms: u64) -> String {
    platform::local_date_time(at_ms, i18n.get_locale().as_str())
}

/// The local time of day of a moment, as a time field shows it ("14:05").
fn time_of_day(at_ms: u64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at_ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// The moment on the local day of `day_of` at the time of day a time field gave ("14:05"
/// or "14:05:30"); None for anything else.
fn at_time_of_day(day_of: u64, value: &str) -> Option<u64> {
    let (hours, minutes) = value.split_once(':')?;
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.get(..2)?.parse().ok()?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    let date = js_sys::Date::new(&JsValue::from_f64(day_of as f64));
    date.set_hours(hours);
    date.set_minutes(minutes);
    date.set_seconds(0);
    date.set_milliseconds(0);
    let at = date.get_time();
    (at.is_finite() && at >= 0.0).then_some(at as u64)
}

/// The short account of the conversation on the session screen, and the way into it.
#[component]
pub fn DetailsSummary(session: SessionId) -> impl IntoView {
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
            <DetailsDialog session on_close=move || open.set(false) />
        </Show>
    }
}

/// One row of "Who was there" while the dialog is open: a key that stays while the worker
/// types, so the field keeps its focus.
#[derive(Clone, Copy)]
struct PersonRow {
    key: u32,
    who: RwSignal<String>,
    whereabouts: RwSignal<Whereabouts>,
}

/// The parents' consent as the four choices on the screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ConsentChoice {
    Unrecorded,
    Given,
    Refused,
    NotSought,
}

/// Why a time was not taken.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TimeProblem {
    EndBeforeStart,
}

/// "About this conversation": every detail, each saved as it is typed or chosen; what the
/// core refuses is said beside its field and not saved.
#[component]
fn DetailsDialog(
    session: SessionId,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let read = move |read: fn(&crate::core::Session) -> String| {
        state
            .with_session_untracked(&session, read)
            .unwrap_or_default()
    };

    // The times.
    let start_ms = state
        .with_session_untracked(&session, |s| s.start_time())
        .unwrap_or(0);
    let started = RwSignal::new(time_of_day(start_ms));
    let time_problem = RwSignal::new(None::<TimeProblem>);
    let is_ended = move || {
        state
            .with_session(&session, |s| s.end_time().is_some())
            .unwrap_or(false)
    };
    let ended = RwSignal::new(
        state
            .with_session_untracked(&session, |s| s.end_time().map(time_of_day))
            .flatten()
            .unwrap_or_default(),
    );
    let set_start = move |value: String| {
        started.set(value.clone());
        let Some((start, end)) = state.with_session_untracked(&session, |s| {
            (at_time_of_day(s.start_time(), &value), s.end_time())
        }) else {
            return;
        };
        if value.is_empty() {
            time_problem.set(None);
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.set_start_time(None, now)
            });
            return;
        }
        let Some(start) = start else { return };
        if end.is_some_and(|end| end < start) {
            time_problem.set(Some(TimeProblem::EndBeforeStart));
            return;
        }
        time_problem.set(None);
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.set_start_time(Some(start), now)
        });
    };
    let set_end = move |value: String| {
        ended.set(value.clone());
        let Some((start, end)) = state.with_session_untracked(&session, |s| {
            let day = s.end_time().unwrap_or_else(|| s.start_time());
            (s.start_time(), at_time_of_day(day, &value))
        }) else {
            return;
        };
        if value.is_empty() {
            time_problem.set(None);
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.set_end_time(None, now)
            });
            return;
        }
        let Some(end) = end else { return };
        if end < start {
            time_problem.set(Some(TimeProblem::EndBeforeStart));
            return;
        }
        time_problem.set(None);
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.set_end_time(Some(end), now)
        });
    };

    // Who was there.
    let next_key = StoredValue::new(0u32);
    let new_row = move |person: PersonPresent| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        PersonRow {
            key,
            who: RwSignal::new(person.who),
            whereabouts: RwSignal::new(person.whereabouts),
        }
    };
    let rows = RwSignal::new(
        state
            .with_session_untracked(&session, |s| s.details().people.clone())
            .unwrap_or_default()
            .into_iter()
            .map(new_row)
            .collect::<Vec<_>>(),
    );
    // A row without a name is not a person yet: it is not stored.
    let write_people = move |policy: SavePolicy| {
        let people: Vec<PersonPresent> = rows
            .get_untracked()
            .iter()
            .map(|row| PersonPresent {
                who: row.who.get_untracked(),
                whereabouts: row.whereabouts.get_untracked(),
            })
            .filter(|person| !person.who.trim().is_empty())
            .collect();
        state.edit(&session, policy, |s, now| s.set_people(people, now));
    };
    let to_remove = RwSignal::new(None::<PersonRow>);
    let remove_row = move |gone: PersonRow| {
        rows.update(|rows| rows.retain(|row| row.key != gone.key));
        write_people(SavePolicy::Now);
    };

    // Language and interpreter.
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

    // The parents.
    let (parents_informed, parents_consent) = state
        .with_session_untracked(&session, |s| {
            let parents = &s.details().parents;
            (parents.informed.clone(), parents.consent.clone())
        })
        .unwrap_or_default();
    let informed = parents_informed.unwrap_or_default();
    let informed_by = RwSignal::new(informed.by);
    let informed_on = RwSignal::new(informed.on);
    let informed_problem = RwSignal::new(None::<PreparedError>);
    let write_informed = move |policy: SavePolicy| {
        let (by, on) = (informed_by.get_untracked(), informed_on.get_untracked());
        let informed = if by.trim().is_empty() && on.is_empty() {
            Ok(None)
        } else {
            Informed::new(&by, &on).map(Some)
        };
        match informed {
            Ok(informed) => {
                informed_problem.set(None);
                state.edit(&session, policy, |s, now| {
                    s.set_parents_informed(informed, now)
                });
            }
            Err(problem) => informed_problem.set(Some(problem)),
        }
    };
    let (choice, reason) = match parents_consent {
        None => (ConsentChoice::Unrecorded, String::new()),
        Some(Consent::Given) => (ConsentChoice::Given, String::new()),
        Some(Consent::Refused) => (ConsentChoice::Refused, String::new()),
        Some(Consent::NotSought { reason }) => (ConsentChoice::NotSought, reason),
    };
    let consent_choice = RwSignal::new(choice);
    let consent_reason = RwSignal::new(reason);
    let reason_problem = RwSignal::new(false);
    let write_consent = move |policy: SavePolicy| {
        let consent = match consent_choice.get_untracked() {
            ConsentChoice::Unrecorded => Ok(None),
            ConsentChoice::Given => Ok(Some(Consent::Given)),
            ConsentChoice::Refused => Ok(Some(Consent::Refused)),
            ConsentChoice::NotSought => {
                Consent::not_sought(&consent_reason.get_untracked()).map(Some)
            }
        };
        match consent {
            Ok(consent) => {
                reason_problem.set(false);
                state.edit(&session, policy, |s, now| {
                    s.set_parents_consent(consent, now)
                });
            }
            Err(_) => reason_problem.set(true),
        }
    };

    let consent_option = move |value: ConsentChoice, label: fn(I18n) -> &'static str| {
        view! {
            <label class="toggle-choice">
                <input type="radio" name="consent"
                    prop:checked=move || consent_choice.get() == value
                    on:change=move |_| {
                        consent_choice.set(value);
                        write_consent(SavePolicy::Now);
                    } />
                <span>{move || label(i18n)}</span>
            </label>
        }
    };

    let person_view = move |row: PersonRow| {
        let place_choice = move |value: Whereabouts, label: fn(I18n) -> &'static str| {
            view! {
                <label class="toggle-choice">
                    <input type="radio" name=format!("whereabouts-{}", row.key)
                        prop:checked=move || row.whereabouts.get() == value
                        on:change=move |_| {
                            row.whereabouts.set(value);
                            write_people(SavePolicy::Now);
                        } />
                    <span>{move || label(i18n)}</span>
                </label>
            }
        };
        let shown_name = move || {
            let who = row.who.get();
            if who.trim().is_empty() {
                t_string!(i18n, person_label).to_owned()
            } else {
                who
            }
        };
        view! {
            <li class="person-row">
                <label class="person-who">
                    <span>{t!(i18n, person_label)}</span>
                    <input type="text" autocomplete="off" dir="auto" prop:value=row.who.get_untracked()
                        on:input=move |ev| {
                            row.who.set(event_target_value(&ev));
                            write_people(SavePolicy::AfterTyping);
                        } />
                </label>
                <div class="toggle-group" role="radiogroup" aria-label=shown_name>
                    {place_choice(Whereabouts::InTheRoom, |i18n| t_string!(i18n, where_in_room))}
                    {place_choice(Whereabouts::Nearby, |i18n| t_string!(i18n, where_nearby))}
                    {place_choice(Whereabouts::NotThere, |i18n| t_string!(i18n, where_not_there))}
                </div>
                <button type="button" class="danger-quiet"
                    on:click=move |_| {
                        // Nothing typed, nothing to lose: it goes without asking.
                        if row.who.get_untracked().trim().is_empty() {
                            remove_row(row);
                        } else {
                            to_remove.set(Some(row));
                        }
                    }>
                    {move || t_string!(i18n, remove_person, name = shown_name()).to_string()}
                </button>
            </li>
        }
    };

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
            <div class="details-row">
                <label>
                    <span>{t!(i18n, details_started)}</span>
                    <input type="time" node_ref=first_field prop:value=move || started.get()
                        on:change=move |ev| set_start(event_target_value(&ev)) />
                </label>
                <Show when=is_ended>
                    <label>
                        <span>{t!(i18n, details_ended)}</span>
                        <input type="time" prop:value=move || ended.get()
                            on:change=move |ev| set_end(event_target_value(&ev)) />
                    </label>
                </Show>
            </div>
            {move || time_problem.get().map(|TimeProblem::EndBeforeStart| view! {
                <p class="form-error" role="alert">{t!(i18n, error_end_before_start)}</p>
            })}
            <label>
                <span>{t!(i18n, summary_place)}</span>
                <input type="text" autocomplete="off" dir="auto" prop:value=read(|s| s.place.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_place(&text, now));
                    } />
            </label>

            <h3 id="people-heading">{t!(i18n, people_heading)}</h3>
            <ul class="people" aria-labelledby="people-heading">
                <For each=move || rows.get() key=|row| row.key children=person_view />
            </ul>
            <button type="button" class="add-person"
                on:click=move |_| rows.update(|rows| rows.push(new_row(PersonPresent::default())))>
                {t!(i18n, add_person)}
            </button>

            <label>
                <span>{t!(i18n, conversation_language_label)}</span>
                <input type="text" autocomplete="off" dir="auto" prop:value=read(|s| s.details().language.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_conversation_language(&text, now));
                    } />
            </label>
            <div class="details-row">
                <label>
                    <span>{t!(i18n, interpreter_name_label)}</span>
                    <input type="text" autocomplete="off" dir="auto" prop:value=interpreter_name.get_untracked()
                        on:input=move |ev| {
                            interpreter_name.set(event_target_value(&ev));
                            write_interpreter();
                        } />
                </label>
                <label>
                    <span>{t!(i18n, interpreter_role_label)}</span>
                    <input type="text" autocomplete="off" dir="auto" prop:value=interpreter_role.get_untracked()
                        on:input=move |ev| {
                            interpreter_role.set(event_target_value(&ev));
                            write_interpreter();
                        } />
                </label>
            </div>

            <h3>{t!(i18n, parents_heading)}</h3>
            <div class="details-row">
                <label>
                    <span>{t!(i18n, informed_by_label)}</span>
                    <input type="text" autocomplete="off" dir="auto" prop:value=informed_by.get_untracked()
                        aria-invalid=move || (informed_problem.get() == Some(PreparedError::WhoMissing)).then_some("true")
                        on:input=move |ev| {
                            informed_by.set(event_target_value(&ev));
                            write_informed(SavePolicy::AfterTyping);
                        } />
                    {move || (informed_problem.get() == Some(PreparedError::WhoMissing)).then(|| view! {
                        <span class="form-error" role="alert">{t!(i18n, error_informed_by_missing)}</span>
                    })}
                </label>
                <label>
                    <span>{t!(i18n, informed_on_label)}</span>
                    <input type="date" prop:value=informed_on.get_untracked()
                        aria-invalid=move || (informed_problem.get() == Some(PreparedError::DateInvalid)).then_some("true")
                        on:change=move |ev| {
                            informed_on.set(event_target_value(&ev));
                            write_informed(SavePolicy::Now);
                        } />
                    {move || (informed_problem.get() == Some(PreparedError::DateInvalid)).then(|| view! {
                        <span class="form-error" role="alert">{t!(i18n, error_pick_date)}</span>
                    })}
                </label>
            </div>
            <fieldset class="consent">
                <legend>{t!(i18n, consent_label)}</legend>
                <div class="toggle-group">
                    {consent_option(ConsentChoice::Unrecorded, |i18n| t_string!(i18n, consent_unrecorded))}
                    {consent_option(ConsentChoice::Given, |i18n| t_string!(i18n, consent_given))}
                    {consent_option(ConsentChoice::Refused, |i18n| t_string!(i18n, consent_refused))}
                    {consent_option(ConsentChoice::NotSought, |i18n| t_string!(i18n, consent_not_sought))}
                </div>
            </fieldset>
            <Show when=move || consent_choice.get() == ConsentChoice::NotSought>
                <label>
                    <span>{t!(i18n, consent_reason_label)}</span>
                    <textarea rows="2" dir="auto" prop:value=consent_reason.get_untracked()
                        aria-invalid=move || reason_problem.get().then_some("true")
                        on:input=move |ev| {
                            consent_reason.set(event_target_value(&ev));
                            write_consent(SavePolicy::AfterTyping);
                        }></textarea>
                    {move || reason_problem.get().then(|| view! {
                        <span class="form-error" role="alert">{t!(i18n, error_reason_missing)}</span>
                    })}
                </label>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=move |_| done()>{t!(i18n, done)}</button>
            </div>
            </div>
        </Modal>
        {move || to_remove.get().map(|row| {
            let name = row.who.get_untracked();
            view! {
                <ConfirmDialog
                    title=t_string!(i18n, confirm_remove_person_title, name = name.clone()).to_string()
                    text=String::new()
                    confirm_label=t_string!(i18n, remove_person, name = name).to_string()
                    on_confirm=move || {
                        remove_row(row);
                        to_remove.set(None);
                    }
                    on_cancel=move || to_remove.set(None) />
            }
        })}
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
                <textarea rows="4" dir="auto" spellcheck="false" autocapitalize="off" autocomplete="off"
                    node_ref=text_field
                    prop:value=text.get_untracked()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t!(i18n, amend_reason_label)}</span>
                <textarea rows="2" dir="auto"
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
