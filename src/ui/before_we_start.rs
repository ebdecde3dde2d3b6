//! "Before we start": the first thing the child hears, in their language and in the version for
//! their age. Who the worker is, that there are no wrong answers, that they may pass, take a
//! break or stop, that they decide with the worker who sees what, and, honestly, where privacy
//! ends. Each line has a picture and can be read aloud; the worker marks it as talked through,
//! and the full record says when.

use leptos::prelude::*;

use crate::core::conversation::worker_introduction;
use crate::core::{AgeVersion, Screen, SessionId};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::labels::isolated;
use crate::ui::language::workers_language;
use crate::ui::look::age_version_of;
use crate::ui::read_aloud::ReadAloud;
use crate::ui::IconButton;

#[component]
pub fn BeforeWeStartScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let workers = workers_language().unwrap_or(i18n);
    let age = age_version_of(session);
    let worker = state
        .with_session_untracked(&session, |s| s.worker.clone())
        .unwrap_or_default();
    let done_at = Memo::new(move |_| {
        state
            .with_session(&session, |s| s.before_we_start_at())
            .flatten()
    });
    let line = move |picture: &'static str, text: Signal<String>| {
        view! {
            <li class="before-line">
                <img src=format!("public/{picture}.svg") alt="" aria-hidden="true" />
                <p>{move || text.get()}</p>
                <ReadAloud text />
            </li>
        }
    };
    let text = move |younger: fn(I18n) -> &'static str, older: fn(I18n) -> &'static str| {
        Signal::derive(move || {
            match age.get() {
                AgeVersion::Younger => younger(i18n),
                AgeVersion::Older => older(i18n),
            }
            .to_owned()
        })
    };
    // Who the worker is, by name; without a name only what their job is, never "I'm ."
    let who = Signal::derive(move || match age.get() {
        AgeVersion::Younger => worker_introduction(
            &worker,
            i18n.text(Key::before_younger_who),
            t_string!(i18n, before_younger_job),
            isolated,
        ),
        AgeVersion::Older => worker_introduction(
            &worker,
            i18n.text(Key::before_older_who),
            t_string!(i18n, before_older_job),
            isolated,
        ),
    });
    let mark_done = move || {
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.set_before_we_start_done(true, now)
        });
        state.go(Screen::Session { session });
    };
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(workers, back_to_session).to_owned())
                on_press=move || state.go(Screen::Session { session }) />
            <h1>{t!(i18n, before_heading)}</h1>
        </header>
        <ul class="before-we-start">
            {line("icon-hand-over", who)}
            {line("icon-done", text(|i| t_string!(i, before_younger_no_wrong), |i| t_string!(i, before_older_no_wrong)))}
            {line("icon-pass", text(|i| t_string!(i, before_younger_pass), |i| t_string!(i, before_older_pass)))}
            {line("icon-share", text(|i| t_string!(i, before_younger_who_sees), |i| t_string!(i, before_older_who_sees)))}
            {line("audience-meeting", text(|i| t_string!(i, before_younger_limit), |i| t_string!(i, before_older_limit)))}
        </ul>
        // The worker's part, in the worker's language.
        <div class="before-done" lang=move || workers.get_locale().as_str()>
            <IconButton icon="icon-done" class="primary" label=Signal::derive(move || t_string!(workers, before_done).to_owned())
                on_press=mark_done />
            {move || done_at.get().map(|at| view! {
                <p class="quiet">{move || t_string!(workers, before_done_mark, time = platform::local_date_time(at, workers.get_locale().as_str()))}</p>
            })}
        </div>
    }
}
