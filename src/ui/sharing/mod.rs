//! Who may see what: the child decides, entry by entry, by tapping big pictures with words;
//! a chosen person carries a tick. Nothing is shared until the child has said so; "nobody
//! else" is the child's wish to keep an entry private. The walk through it, one entry per
//! screen, is in [`walk`]; here are the choices themselves, which the "Who may see?" dialog
//! of an entry uses too.

use leptos::prelude::*;

use crate::core::{Audience, Decision, EntryContent, EntryId, Question, SessionId, SharedItem};
use crate::i18n::*;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::ui::entry_summary::EntrySummary;
use crate::ui::labels::audience_label;
use crate::ui::look::{name_in, usual_name};
use crate::ui::I18n;

mod walk;

pub use walk::{way_out, SharingScreen, WalkArrow};

/// The picture for an audience; every name the child gave shares one.
pub fn audience_picture(audience: &Audience) -> String {
    format!("public/audience-{}.svg", audience.slug().unwrap_or("other"))
}

/// The decision after the child taps `audience`: it joins or leaves those who may see the
/// entry, and sharing with someone ends "nobody else".
fn toggled(decision: Option<&Decision>, audience: &Audience) -> Option<Decision> {
    let mut audiences = decision.map(|d| d.audiences().to_vec()).unwrap_or_default();
    if let Some(at) = audiences.iter().position(|known| known == audience) {
        audiences.remove(at);
    } else {
        audiences.push(audience.clone());
    }
    Decision::shared_with(audiences)
}

/// The decision after the child taps "nobody else": private, or undecided again.
fn toggled_private(decision: Option<&Decision>) -> Option<Decision> {
    match decision {
        Some(Decision::Private) => None,
        _ => Some(Decision::Private),
    }
}

/// The tick on a chosen person: seen without reading, more than a border.
#[component]
fn Tick() -> impl IntoView {
    view! {
        <span class="tick" aria-hidden="true">
            <svg viewBox="0 0 24 24" focusable="false">
                <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="3.2"
                    stroke-linecap="round" stroke-linejoin="round" />
            </svg>
        </span>
    }
}

/// One set of choices: a big picture-and-word button per audience, and "nobody else". The
/// group's name says what the choice is about, so a screen reader hears it.
#[component]
fn AudienceChoices(
    #[prop(into)] audiences: Signal<Vec<Audience>>,
    #[prop(into)] decision: Signal<Option<Decision>>,
    #[prop(into)] label: Signal<String>,
    on_change: impl Fn(Option<Decision>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let private_change = on_change.clone();
    view! {
        <div class="audience-choices" role="group" aria-label=move || label.get()>
            {move || {
                audiences
                    .get()
                    .into_iter()
                    .map(|audience| {
                        let on_change = on_change.clone();
                        let shown = audience.clone();
                        let pressed = audience.clone();
                        view! {
                            <button
                                type="button"
                                class="audience"
                                aria-pressed=move || {
                                    decision.with(|d| d.as_ref().is_some_and(|d| d.allows(&pressed))).to_string()
                                }
                                on:click=move |_| on_change(decision.with_untracked(|d| toggled(d.as_ref(), &audience)))
                            >
                                <Tick />
                                <img src=audience_picture(&shown) alt="" aria-hidden="true" />
                                // A name the child gave keeps its own direction.
                                <span><bdi>{move || audience_label(i18n, &shown)}</bdi></span>
                            </button>
                        }
                    })
                    .collect_view()
            }}
            <button
                type="button"
                class="audience private"
                aria-pressed=move || decision.with(|d| matches!(d, Some(Decision::Private))).to_string()
                on:click=move |_| private_change(decision.with_untracked(|d| toggled_private(d.as_ref())))
            >
                <Tick />
                <img src="public/audience-private.svg" alt="" aria-hidden="true" />
                <span>{t!(i18n, audience_private)}</span>
            </button>
        </div>
    }
}

/// Everyone the child can choose in a session: the pictured choices the worker left on for
/// this child, then the names the child gave.
pub fn audiences_of(state: AppState, session: SessionId) -> Memo<Vec<Audience>> {
    Memo::new(move |_| {
        state
            .with_session(&session, |s| s.audiences_to_offer())
            .unwrap_or_default()
    })
}

/// The child's choice for one entry, with the entry itself above it so the child (and the
/// worker) sees what it is about. `opened_at_ms` is when the dialog or screen it is in was
/// opened: each tap is saved at once, and the full record keeps what the child chose there
/// as one change.
#[component]
pub fn EntryChoices(
    session: SessionId,
    question: Question,
    entry: EntryId,
    opened_at_ms: u64,
) -> impl IntoView {
    let state = use_app_state();
    let shown = state
        .with_session_untracked(&session, |s| s.entry(question, entry).cloned())
        .flatten();
    view! {
        {shown.map(|entry| view! { <div class="sharing-shown in-dialog"><EntrySummary entry /></div> })}
        <ItemChoices session item=SharedItem::Entry { question, entry } opened_at_ms />
    }
}

/// What a choice is about, for the group's accessible name: the child's words themselves, the
/// drawing and where it is, or the name the child gave.
fn choices_label(i18n: I18n, state: AppState, session: &SessionId, item: SharedItem) -> String {
    state
        .with_session(session, |s| match item {
            SharedItem::Entry { question, entry } => {
                let Some(entry) = s.entry(question, entry) else {
                    return t_string!(i18n, who_may_see).to_owned();
                };
                let place = name_in(i18n, s, entry.tool, question);
                match &entry.content {
                    EntryContent::Words(words) if !words.text.trim().is_empty() => {
                        t_string!(i18n, share_choices_words, words = words.text.clone()).to_string()
                    }
                    EntryContent::Drawing(_) => {
                        t_string!(i18n, share_choices_drawing, place = place).to_string()
                    }
                    _ => t_string!(i18n, share_choices_entry, place = place).to_string(),
                }
            }
            SharedItem::Name { tool, question } => {
                let name = s.own_name(tool, question).unwrap_or_default().to_owned();
                t_string!(i18n, share_choices_name, name = name).to_string()
            }
        })
        .unwrap_or_else(|| t_string!(i18n, who_may_see).to_owned())
}

/// The name a house or helper usually has, beside the child's own name for it.
fn usual_name_of(i18n: I18n, state: AppState, session: &SessionId, item: SharedItem) -> String {
    match item {
        SharedItem::Name { tool, question } => state
            .with_session(session, |s| {
                usual_name(i18n, tool, s.helper.map(|h| h.kind), question)
            })
            .unwrap_or_default(),
        SharedItem::Entry { .. } => String::new(),
    }
}

/// The child's choice for an entry or one of their own names: whether it is decided yet,
/// and who may see it.
#[component]
fn ItemChoices(session: SessionId, item: SharedItem, opened_at_ms: u64) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let audiences = audiences_of(state, session);
    let decision = Signal::derive(move || decision_of(state, &session, item));
    view! {
        <div class="sharing-decision">
            <p class="decision-status" class:undecided=move || decision.with(Option::is_none)>
                {move || if decision.with(Option::is_none) {
                    t_string!(i18n, undecided)
                } else {
                    t_string!(i18n, who_may_see)
                }}
            </p>
            <AudienceChoices
                audiences=audiences
                decision=decision
                label=Signal::derive(move || choices_label(i18n, state, &session, item))
                on_change=move |choice| {
                    state.edit(&session, SavePolicy::Now, |s, now| {
                        s.decide_in(item, choice, opened_at_ms, now)
                    });
                }
            />
        </div>
    }
}

fn decision_of(state: AppState, session: &SessionId, item: SharedItem) -> Option<Decision> {
    state
        .with_session(session, |s| {
            s.sharing(item).and_then(|sharing| sharing.decision.clone())
        })
        .flatten()
}
