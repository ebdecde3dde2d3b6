//! "Who will see what": the child's choices read back to the child as a whole, before
//! anything is printed. For each person who will see something, their picture and, large,
//! the child's own pictures and words they will see: exactly what their summary holds.
//! It is the last screen of the child's walk through who may see what (`ui::sharing`), and
//! the child's too: open in child mode.

use leptos::prelude::*;

use crate::core::{Audience, Entry, Question, Screen, SessionId, Tool};
use crate::i18n::*;
use crate::state::use_app_state;
use crate::ui::entry_summary::EntrySummary;
use crate::ui::labels::audience_label;
use crate::ui::sharing::{audience_picture, way_out, WalkArrow};
use crate::ui::IconButton;

/// What one person will see: the entries, and the child's own names they may read.
#[derive(Clone, PartialEq)]
struct SeenBy {
    audience: Audience,
    entries: Vec<Entry>,
    names: Vec<String>,
}

#[component]
pub fn WhoWillSeeScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let seen = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                s.audiences_seeing_something()
                    .into_iter()
                    .map(|audience| {
                        let mut names = Vec::new();
                        for question in Question::ALL {
                            for tool in Tool::ALL {
                                if let Some(name) = s.own_name_shown_to(tool, question, &audience) {
                                    names.push(name.to_owned());
                                }
                            }
                        }
                        SeenBy {
                            entries: s
                                .entries_shown_to(&audience)
                                .map(|(_, entry)| entry.clone())
                                .collect(),
                            names,
                            audience,
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let back = Screen::WhoWillSee { session }.parent();
    view! {
        <header class="screen-header">
            <IconButton icon="icon-back" label=Signal::derive(move || t_string!(i18n, back_to_sharing).to_owned())
                on_press=move || state.go(back) />
            <h1>{t!(i18n, who_will_see_heading)}</h1>
        </header>
        <p class="prompt">{t!(i18n, who_will_see_intro)}</p>
        <Show when=move || seen.with(Vec::is_empty)>
            <p class="prompt nobody-sees">
                <img src="public/audience-private.svg" alt="" aria-hidden="true" />
                <span>{t!(i18n, who_will_see_nobody)}</span>
            </p>
        </Show>
        <div class="who-will-see">
            {move || {
                seen.get()
                    .into_iter()
                    .map(|seen| {
                        let label = audience_label(i18n, &seen.audience);
                        let heading = label.clone();
                        view! {
                            <section class="seen-by" aria-label=label.clone()>
                                <h2 class="seen-by-who">
                                    <img src=audience_picture(&seen.audience) alt="" aria-hidden="true" />
                                    <span><bdi>{heading}</bdi></span>
                                </h2>
                                <ul class="seen-things">
                                    {seen.names.into_iter().map(|name| view! {
                                        <li class="seen-name">
                                            <blockquote class="childs-words" dir="auto">{name}</blockquote>
                                        </li>
                                    }).collect_view()}
                                    {seen.entries.into_iter().map(|entry| view! {
                                        <li><EntrySummary entry /></li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </div>
        <nav class="walk-nav" aria-label=move || t_string!(i18n, who_will_see_heading)>
            <IconButton class="big walk-previous" label=Signal::derive(move || t_string!(i18n, sharing_previous).to_owned())
                on_press=move || state.go(back)>
                <WalkArrow forward=false />
            </IconButton>
            <div class="walk-position"></div>
            // The end of the walk: back where the child came from (the houses or helpers).
            <IconButton icon="icon-done" class="big primary walk-done"
                label=Signal::derive(move || t_string!(i18n, done).to_owned())
                on_press=move || state.go(way_out(state, session)) />
        </nav>
    }
}
