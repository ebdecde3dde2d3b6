//! Who may see what: the child decides, entry by entry, by tapping pictures with words.
//! Nothing is shared until the child has said so; "nobody else" is the child's wish to keep
//! an entry private. The screen says plainly where that wish ends.

use leptos::prelude::*;

use crate::core::{
    AgeVersion, Audience, Decision, EntryId, Question, Screen, SessionId, SharedItem, Tool,
};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::entry_summary::EntrySummary;
use crate::ui::labels::audience_label;
use crate::ui::look::{age_version_of, name_across_tools};
use crate::ui::{IconButton, SessionScreenHeader};

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

/// One row of choices: a picture-and-word button per audience, and "nobody else".
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
                <img src="public/audience-private.svg" alt="" aria-hidden="true" />
                <span>{t!(i18n, audience_private)}</span>
            </button>
        </div>
    }
}

/// Everyone the child can choose in a session: the pictured choices that apply to this
/// child, then the names the child gave.
pub fn audiences_of(state: AppState, session: SessionId) -> Memo<Vec<Audience>> {
    Memo::new(move |_| {
        state
            .with_session(&session, |s| s.audiences_to_offer())
            .unwrap_or_default()
    })
}

/// The child's choice for one entry: whether it is decided yet, and who may see it.
/// `opened_at_ms` is when the dialog or screen it is in was opened: each tap is saved at
/// once, and the full record keeps what the child chose there as one change.
#[component]
pub fn EntryChoices(
    session: SessionId,
    question: Question,
    entry: EntryId,
    opened_at_ms: u64,
) -> impl IntoView {
    view! { <ItemChoices session item=SharedItem::Entry { question, entry } opened_at_ms /> }
}

/// The child's choice for an entry or one of their own names.
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
                label=Signal::derive(move || t_string!(i18n, who_may_see).to_owned())
                on_change=move |choice| {
                    state.edit(&session, SavePolicy::Now, |s, now| {
                        s.decide_in(item, choice, opened_at_ms, now)
                    });
                }
            />
        </div>
    }
}

#[component]
pub fn SharingScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let audiences = audiences_of(state, session);
    let age = age_version_of(session);
    // The child's taps on this screen, entry by entry, are one decision each per visit.
    let opened_at_ms = platform::now_ms();

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

    let questions = Question::ALL
        .into_iter()
        .map(|question| {
            // What the child took out is not theirs to share any more: it is the worker's.
            let entries = Memo::new(move |_| {
                state
                    .with_session(&session, |s| {
                        s.child_entries(question).cloned().collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            });
            let name = move || {
                state
                    .with_session(&session, |s| name_across_tools(i18n, s, question))
                    .unwrap_or_default()
            };
            view! {
                <section class=format!("sharing-question question-{}", question.slug())>
                    <h2>{name}</h2>
                    <Show when=move || entries.with(Vec::is_empty)>
                        <p class="quiet">{t!(i18n, sharing_nothing_here)}</p>
                    </Show>
                    <ol class="entries">
                        <OwnNameChoices session=session question opened_at_ms />
                        {move || {
                            entries
                                .get()
                                .into_iter()
                                .map(|entry| {
                                    let id = entry.id;
                                    view! {
                                        <li class="entry sharing-entry">
                                            <EntrySummary entry />
                                            <EntryChoices session question entry=id opened_at_ms />
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                </section>
            }
        })
        .collect_view();

    view! {
        <SessionScreenHeader session=session
            title=Signal::derive(move || t_string!(i18n, sharing_heading).to_owned()) />
        <p class="quiet">{t!(i18n, sharing_intro)}</p>
        // Said to the child before anything is decided: the wish is the child's, and this is
        // where it ends.
        <p class="privacy-limit" role="note">
            <img src="public/audience-private.svg" alt="" aria-hidden="true" />
            <span>{move || match age.get() {
                AgeVersion::Younger => t_string!(i18n, sharing_younger_limit),
                AgeVersion::Older => t_string!(i18n, sharing_older_limit),
            }}</span>
        </p>
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
                <input id="add-person-name" type="text" autocomplete="off"
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <button type="submit" disabled=move || new_name.with(|name| name.trim().is_empty())>
                    {t!(i18n, add_person)}
                </button>
            </div>
        </form>
        {questions}
        <div class="after-sharing">
            <IconButton icon="icon-read-back" class="primary big"
                label=Signal::derive(move || t_string!(i18n, who_will_see_button).to_owned())
                on_press=move || state.go(Screen::WhoWillSee { session }) />
        </div>
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

fn decision_of(state: AppState, session: &SessionId, item: SharedItem) -> Option<Decision> {
    state
        .with_session(session, |s| {
            s.sharing(item).and_then(|sharing| sharing.decision.clone())
        })
        .flatten()
}

/// The child's own names for the houses and helpers of one question, with who may see each:
/// a name is the child's words too ("When Dad drinks").
#[component]
fn OwnNameChoices(session: SessionId, question: Question, opened_at_ms: u64) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let named_in = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                Tool::ALL
                    .into_iter()
                    .filter_map(|tool| {
                        s.own_name(tool, question)
                            .map(|name| (tool, name.to_owned()))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    move || {
        named_in
            .get()
            .into_iter()
            .map(|(tool, name)| {
                view! {
                    <li class="entry sharing-entry own-name">
                        <figure class="entry-words">
                            <blockquote class="childs-words" dir="auto">{name.clone()}</blockquote>
                            <figcaption class="voice">
                                {move || t_string!(i18n, sharing_own_name, name = name.clone()).to_string()}
                            </figcaption>
                        </figure>
                        <ItemChoices session item=SharedItem::Name { tool, question } opened_at_ms />
                    </li>
                }
            })
            .collect_view()
    }
}
