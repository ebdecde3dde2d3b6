//! How the parents were prepared: who told them and when, and their consent; "not sought"
//! needs a reason. What the core refuses is said beside its field and not saved.

use leptos::prelude::*;

use crate::core::{Consent, Informed, PreparedError, SessionId};
use crate::i18n::*;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::I18n;

/// The parents' consent as the four choices on the screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ConsentChoice {
    Unrecorded,
    Given,
    Refused,
    NotSought,
}

/// The parents' heading, informed by and on, and the consent with its reason.
#[component]
pub(super) fn ParentsFields(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
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
    view! {
        <h3>{t!(i18n, parents_heading)}</h3>
        <div class="details-row">
            <label>
                <span>{t!(i18n, informed_by_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=informed_by.get_untracked()
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
                <input {..crate::ui::fields::as_typed()} type="date" prop:value=informed_on.get_untracked()
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
                <textarea {..crate::ui::fields::workers_sentences()} rows="2" dir="auto" prop:value=consent_reason.get_untracked()
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
    }
}
