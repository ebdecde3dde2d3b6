//! The child's pace, in child mode: three picture buttons always in reach. **Stop** hands the
//! tablet back to the worker, **Break** shows a calm screen the child comes back from, and
//! **Pass** ("I don't want to say") marks the house or helper the child is in, which the
//! summary then states instead of "nothing here". Each is logged with its time.

use leptos::prelude::*;

use crate::core::{AgeVersion, ChildMode, Screen, Session};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, PinRequest, SavePolicy};
use crate::ui::dialog::Modal;
use crate::ui::labels::isolated;
use crate::ui::language::workers_language;
use crate::ui::{I18n, IconButton};

/// What taking an entry out means, said to the child without a promise the worker cannot
/// keep: the worker still sees it, and may have to pass it on if it means the child is not
/// safe. Without the worker's name, "the worker who is with you".
pub fn take_out_promise(i18n: I18n, age: AgeVersion, worker: &str) -> String {
    let worker = worker.trim();
    let unnamed = worker.is_empty();
    // The name keeps its own direction inside the sentence.
    let worker = isolated(worker);
    match (age, unnamed) {
        (AgeVersion::Younger, false) => {
            t_string!(i18n, confirm_take_out_younger_text, worker).to_string()
        }
        (AgeVersion::Older, false) => {
            t_string!(i18n, confirm_take_out_older_text, worker).to_string()
        }
        (AgeVersion::Younger, true) => t_string!(i18n, confirm_take_out_younger_unnamed).to_owned(),
        (AgeVersion::Older, true) => t_string!(i18n, confirm_take_out_older_unnamed).to_owned(),
    }
}

#[component]
pub fn ChildsPace(mode: ChildMode) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let session = mode.session;
    // When the child pressed Stop, until the worker has taken the tablet back.
    let stopped_at = RwSignal::new(None::<u64>);
    let on_break = Memo::new(move |_| {
        state
            .with_session(&session, Session::on_break)
            .unwrap_or(false)
    });
    // Pass belongs to the house or helper the child is in, and is given once.
    let here = Memo::new(move |_| match state.screen.get() {
        Screen::Question { tool, question, .. } => state
            .with_session(&session, |s| {
                (!s.is_finished() && !s.passed(tool, question)).then_some((tool, question))
            })
            .flatten(),
        _ => None,
    });

    let stop = move || {
        let logged = state.edit(&session, SavePolicy::Now, |s, now| {
            s.record_stop(now).then_some(now)
        });
        stopped_at.set(Some(logged.flatten().unwrap_or_else(platform::now_ms)));
    };
    let take_a_break = move || {
        state.edit(&session, SavePolicy::Now, |s, now| s.start_break(now));
    };
    let pass = move || {
        if let Some((tool, question)) = here.get_untracked() {
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.pass(tool, question, now)
            });
        }
    };
    view! {
        <div class="childs-pace" role="group" aria-label=move || t_string!(i18n, childs_pace)>
            <IconButton icon="icon-stop" class="pace-button"
                label=Signal::derive(move || t_string!(i18n, pace_stop).to_owned())
                on_press=stop />
            <IconButton icon="icon-break" class="pace-button"
                label=Signal::derive(move || t_string!(i18n, pace_break).to_owned())
                on_press=take_a_break />
            <IconButton icon="icon-pass" class="pace-button"
                label=Signal::derive(move || t_string!(i18n, pace_pass).to_owned())
                hidden=Signal::derive(move || here.get().is_none())
                on_press=pass />
        </div>
        <Show when=move || on_break.get()>
            <BreakScreen on_back=move || {
                state.edit(&session, SavePolicy::Now, |s, now| s.end_break(now));
            } />
        </Show>
        {move || stopped_at.get().map(|at| view! { <StoppedScreen at mode /> })}
    }
}

/// A calm screen with nothing to do but come back when ready.
#[component]
fn BreakScreen(on_back: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Modal labelled_by="break-heading" on_escape=|| {}>
            <div class="break-screen">
                <img src="public/neutral-sky.svg" alt="" aria-hidden="true" />
                <h2 id="break-heading">{t!(i18n, break_heading)}</h2>
                <p>{t!(i18n, break_text)}</p>
                <div class="dialog-actions">
                    <button type="button" class="primary big" autofocus on:click=move |_| on_back()>
                        {t!(i18n, break_back)}
                    </button>
                </div>
            </div>
        </Modal>
    }
}

/// After Stop: the worker's, in the worker's language. Taking over asks for the worker's PIN,
/// as every way out of child mode does.
#[component]
fn StoppedScreen(at: u64, mode: ChildMode) -> impl IntoView {
    let state = use_app_state();
    let i18n = workers_language().unwrap_or_else(use_i18n);
    let take_over = move || {
        state
            .pin_asked_for
            .set(Some(PinRequest::Leave(Screen::Session {
                session: mode.session,
            })))
    };
    let lang = move || i18n.get_locale().as_str();
    view! {
        <Modal labelled_by="stopped-heading" on_escape=|| {}>
            <div class="stopped-screen" lang=lang>
                <h2 id="stopped-heading">{t!(i18n, stopped_heading)}</h2>
                <p>{move || t_string!(i18n, stopped_text, time = platform::local_date_time(at, i18n.get_locale().as_str()))}</p>
                <div class="dialog-actions">
                    <button type="button" class="primary" autofocus on:click=move |_| take_over()>
                        {t!(i18n, worker_takes_over)}
                    </button>
                </div>
            </div>
        </Modal>
    }
}
