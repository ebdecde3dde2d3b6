//! When the conversation began and ended, as times of day on its own day; an end before the
//! start is said beside the fields and not saved.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::core::SessionId;
use crate::i18n::*;
use crate::state::{use_app_state, SavePolicy};

/// Why a time was not taken.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TimeProblem {
    EndBeforeStart,
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

/// Started and, once there is an end, ended. `first_field` is the start field, which the
/// dialog focuses when it opens.
#[component]
pub(super) fn TimeFields(
    session: SessionId,
    first_field: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
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
        // The start as typed: one refused a moment ago (it was after the stored end) is the
        // one this end must follow, and is saved with it.
        let typed_start = started.get_untracked();
        let Some((start, start_typed, end)) = state.with_session_untracked(&session, |s| {
            let day = s.end_time().unwrap_or_else(|| s.start_time());
            let typed = at_time_of_day(s.start_time(), &typed_start);
            (
                typed.unwrap_or_else(|| s.start_time()),
                typed.filter(|at| *at != s.start_time()),
                at_time_of_day(day, &value),
            )
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
            if let Some(start) = start_typed {
                s.set_start_time(Some(start), now);
            }
            s.set_end_time(Some(end), now)
        });
    };
    view! {
        <div class="details-row">
            <label>
                <span>{t!(i18n, details_started)}</span>
                <input {..crate::ui::fields::as_typed()} type="time" node_ref=first_field prop:value=move || started.get()
                    on:change=move |ev| set_start(event_target_value(&ev)) />
            </label>
            <Show when=is_ended>
                <label>
                    <span>{t!(i18n, details_ended)}</span>
                    <input {..crate::ui::fields::as_typed()} type="time" prop:value=move || ended.get()
                        on:change=move |ev| set_end(event_target_value(&ev)) />
                </label>
            </Show>
        </div>
        {move || time_problem.get().map(|TimeProblem::EndBeforeStart| view! {
            <p class="form-error" role="alert">{t!(i18n, error_end_before_start)}</p>
        })}
    }
}
