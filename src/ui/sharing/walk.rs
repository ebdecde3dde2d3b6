//! Who may see what, as the child's own walk: first where the wish ends (with "share
//! everything with …" and someone the child names), then one drawing, words or name per
//! screen, large, with the people as big pictures, then "Who will see what" as the last
//! screen. It is the child's, so it is open in child mode; the worker's own records (held
//! back, passed on) are not here but on the worker's screen behind the PIN.

use leptos::prelude::*;

use crate::core::{AgeVersion, Decision, Screen, SessionId, SharedItem, SharingWalk, WalkStep};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::entry_summary::EntrySummary;
use crate::ui::language::{workers_language, InWorkersLanguage};
use crate::ui::look::{age_version_of, back_label, name_in, picture};
use crate::ui::IconButton;

use super::{audiences_of, usual_name_of, AudienceChoices, ItemChoices};

/// Where the walk leads out to: the child's tool in child mode (where the child came from),
/// the session for the worker.
pub fn way_out(state: AppState, session: SessionId) -> Screen {
    match state.child_mode.get_untracked() {
        Some(mode) if mode.session == session => Screen::Tool {
            session,
            tool: mode.tool,
        },
        _ => Screen::Session { session },
    }
}

/// The label of the way out: back to the houses or helpers, or to the session.
pub fn way_out_label(state: AppState, i18n: crate::ui::I18n) -> String {
    match state.child_mode.get_untracked() {
        Some(mode) => back_label(i18n, mode.tool).to_owned(),
        None => t_string!(i18n, back_to_session).to_owned(),
    }
}

/// An arrow along the reading direction (turned round in a right-to-left language):
/// backwards for "previous", forwards for "next".
#[component]
pub fn WalkArrow(forward: bool) -> impl IntoView {
    let path = if forward {
        "M4 12h15M13 5l7 7-7 7"
    } else {
        "M20 12H5M11 5l-7 7 7 7"
    };
    view! {
        <svg class="walk-arrow mirror-in-rtl" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke="currentColor" stroke-width="2.4"
                stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

#[component]
pub fn SharingScreen(session: SessionId, step: u32) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let walk = Memo::new(move |_| {
        state
            .with_session(&session, SharingWalk::of)
            .unwrap_or(SharingWalk { items: Vec::new() })
    });
    let here = Memo::new(move |_| walk.with(|walk| walk.step(step)));
    // The child's taps on this screen are one decision per visit.
    let opened_at_ms = platform::now_ms();
    let out = way_out(state, session);
    // Back to the child's houses is the child's way, in the child's language; back to the
    // session is the worker's, in the worker's.
    let back = move |label: String| {
        view! { <IconButton icon="icon-back" label=Signal::derive(move || label.clone())
        on_press=move || state.go(out) /> }
    };
    let back = match state.child_mode.get_untracked() {
        Some(_) => back(way_out_label(state, i18n)).into_any(),
        None => {
            let label = way_out_label(state, workers_language().unwrap_or(i18n));
            view! { <InWorkersLanguage>{back(label.clone())}</InWorkersLanguage> }.into_any()
        }
    };
    view! {
        <header class="screen-header">
            {back}
            <h1>{t!(i18n, sharing_heading)}</h1>
        </header>
        {move || match here.get() {
            WalkStep::Start => view! { <StartStep session /> }.into_any(),
            WalkStep::Item { item, .. } => view! { <ItemStep session item opened_at_ms /> }.into_any(),
        }}
        <WalkNav session step walk here />
    }
}

/// Previous and next, big, and where the child is: a dot for each thing to decide.
#[component]
fn WalkNav(
    session: SessionId,
    step: u32,
    walk: Memo<SharingWalk>,
    here: Memo<WalkStep>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let previous = Memo::new(move |_| walk.with(|walk| walk.previous(session, step)));
    let next = Memo::new(move |_| walk.with(|walk| walk.next(session, step)));
    let position = Memo::new(move |_| match here.get() {
        WalkStep::Start => None,
        WalkStep::Item { at, .. } => Some((at, walk.with(|walk| walk.items.len()))),
    });
    let next_label = Signal::derive(move || match next.get() {
        Screen::WhoWillSee { .. } => t_string!(i18n, who_will_see_button).to_owned(),
        _ => t_string!(i18n, sharing_next).to_owned(),
    });
    view! {
        <nav class="walk-nav" aria-label=move || t_string!(i18n, sharing_heading)>
            <IconButton class="big walk-previous" label=Signal::derive(move || t_string!(i18n, sharing_previous).to_owned())
                hidden=Signal::derive(move || previous.with(Option::is_none))
                on_press=move || if let Some(place) = previous.get_untracked() { state.go(place) }>
                <WalkArrow forward=false />
            </IconButton>
            <div class="walk-position">
                {move || position.get().map(|(at, count)| view! {
                    <span class="walk-dots" aria-hidden="true">
                        {(0..count).map(|dot| view! {
                            <span class="walk-dot" class:here=dot == at class:done=dot < at></span>
                        }).collect_view()}
                    </span>
                    <span class="walk-count">
                        {t_string!(i18n, sharing_position, at = at + 1, count = count).to_string()}
                    </span>
                })}
            </div>
            <IconButton class="big primary walk-next" label=next_label
                on_press=move || state.go(next.get_untracked())>
                <WalkArrow forward=true />
            </IconButton>
        </nav>
    }
}

/// The start of the walk: where the child's wish ends, said before anything is decided;
/// "share everything with …" for what is not decided yet; someone else the child names.
#[component]
fn StartStep(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let audiences = audiences_of(state, session);
    let age = age_version_of(session);
    let in_child_mode = move || state.child_mode.with(Option::is_some);

    // "Share everything with …": chosen here first, then applied to every entry at once.
    let everything = RwSignal::new(None::<Decision>);
    let confirm_everything = RwSignal::new(false);
    let share_everything = move || {
        if let Some(decision) = everything.get_untracked() {
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.share_everything(decision, now)
            });
        }
        confirm_everything.set(false);
    };

    let new_name = RwSignal::new(String::new());
    let add_name = move || {
        let name = new_name.get_untracked();
        let added = state
            .edit(&session, SavePolicy::Now, |s, now| {
                s.add_named_audience(&name, now)
            })
            .flatten();
        if added.is_some() {
            new_name.set(String::new());
        }
    };
    let nothing_to_decide = Memo::new(move |_| {
        state
            .with_session(&session, |s| SharingWalk::of(s).items.is_empty())
            .unwrap_or(true)
    });

    view! {
        // The worker's guidance is the worker's: the child's screen shows the child's things.
        <Show when=move || !in_child_mode()>
            <InWorkersLanguage>
                <WorkersIntro />
            </InWorkersLanguage>
        </Show>
        // Said to the child before anything is decided: the wish is the child's, and this is
        // where it ends.
        <p class="privacy-limit" role="note">
            <img src="public/audience-private.svg" alt="" aria-hidden="true" />
            <span>{move || match age.get() {
                AgeVersion::Younger => t_string!(i18n, sharing_younger_limit),
                AgeVersion::Older => t_string!(i18n, sharing_older_limit),
            }}</span>
        </p>
        <Show when=move || nothing_to_decide.get()>
            <p class="quiet">{t!(i18n, sharing_nothing_here)}</p>
        </Show>
        <section class="share-everything">
            <h2>{t!(i18n, share_everything_heading)}</h2>
            <AudienceChoices
                audiences=audiences
                decision=everything
                label=Signal::derive(move || t_string!(i18n, share_everything_heading).to_owned())
                on_change=move |choice| everything.set(choice)
            />
            <button type="button" class="primary" disabled=move || everything.with(Option::is_none)
                on:click=move |_| confirm_everything.set(true)>
                {t!(i18n, share_everything_button)}
            </button>
        </section>
        <form class="add-person" on:submit=move |ev| {
            ev.prevent_default();
            add_name();
        }>
            <label for="add-person-name">{t!(i18n, add_person_label)}</label>
            <div class="add-person-row">
                <input {..crate::ui::fields::as_typed()} id="add-person-name" type="text"
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <button type="submit" disabled=move || new_name.with(|name| name.trim().is_empty())>
                    {t!(i18n, add_person)}
                </button>
            </div>
        </form>
        // The worker's overview of every entry, with the worker's own holds and passings-on:
        // the worker's screen, never offered to the child.
        <Show when=move || !in_child_mode()>
            <div class="workers-overview">
                <button type="button" on:click=move |_| state.go(Screen::WorkerDecisions { session })>
                    {t!(i18n, worker_decisions_open)}
                </button>
            </div>
        </Show>
        <Show when=move || confirm_everything.get()>
            <ConfirmDialog
                title=t_string!(i18n, confirm_share_everything_title)
                text=t_string!(i18n, confirm_share_everything_text)
                confirm_label=t_string!(i18n, share_everything_button)
                on_confirm=share_everything
                on_cancel=move || confirm_everything.set(false)
            />
        </Show>
    }
}

/// One thing the child decides about, large at the top: the drawing, the words, or the name
/// the child gave a house or helper; where it is from; then who may see it.
#[component]
fn ItemStep(session: SessionId, item: SharedItem, opened_at_ms: u64) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let place = state
        .with_session_untracked(&session, |s| {
            let (tool, question) = match item {
                SharedItem::Entry { question, entry } => {
                    (s.entry(question, entry).map(|e| e.tool)?, question)
                }
                SharedItem::Name { tool, question } => (tool, question),
            };
            // A name the child gave is shown with the house's or helper's usual name.
            let name = match item {
                SharedItem::Entry { .. } => name_in(i18n, s, tool, question),
                SharedItem::Name { .. } => usual_name_of(i18n, state, &session, item),
            };
            Some((picture(s, tool, question), name))
        })
        .flatten();
    let shown = state
        .with_session_untracked(&session, |s| match item {
            SharedItem::Entry { question, entry } => s
                .entry(question, entry)
                .cloned()
                .map(|entry| view! { <EntrySummary entry /> }.into_any()),
            SharedItem::Name { tool, question } => s.own_name(tool, question).map(|name| {
                let name = name.to_owned();
                view! {
                    <figure class="entry-words own-name">
                        <blockquote class="childs-words" dir="auto">{name.clone()}</blockquote>
                        <figcaption class="voice">
                            {move || t_string!(i18n, sharing_own_name, name = name.clone()).to_string()}
                        </figcaption>
                    </figure>
                }
                .into_any()
            }),
        })
        .flatten();
    view! {
        <article class="sharing-step">
            {place.map(|(picture, name)| view! {
                <p class="sharing-place">
                    <img src=picture alt="" aria-hidden="true" />
                    <span dir="auto">{name}</span>
                </p>
            })}
            <div class="sharing-shown">{shown}</div>
            <ItemChoices session item opened_at_ms />
        </article>
    }
}

/// The worker's guidance on asking the child, in the language it is shown in.
#[component]
fn WorkersIntro() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="quiet">{t!(i18n, sharing_intro)}</p> }
}
