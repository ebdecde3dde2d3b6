//! The child chooses their magical helper and its colours. Every kind is offered to every
//! child in the same order, and nothing is preselected: the choice is the child's.

use leptos::prelude::*;

use crate::core::{Helper, HelperColour, HelperKind, Question, Screen, SessionId, Tool};
use crate::i18n::*;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::labels::{helper_colour_name, helper_kind_label};
use crate::ui::look::usual_name;
use crate::ui::read_aloud::ReadAloud;
use crate::ui::{IconButton, SessionScreenHeader};

#[component]
pub fn ChooseHelperScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let helper = { Memo::new(move |_| state.with_session(&session, |s| s.helper).flatten()) };
    // Each tap is the child's choice and is kept at once, like everything else they make.
    let choose = move |helper: Helper| {
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.choose_helper(helper, now)
        });
    };
    // Colours picked before a kind stay for the kind picked next.
    let colours = RwSignal::new(
        helper
            .get_untracked()
            .map(|h| (h.main, h.accent))
            .unwrap_or((HelperColour::Purple, HelperColour::Gold)),
    );
    let looks_like = move |kind: HelperKind| {
        let (main, accent) = colours.get();
        Helper { kind, main, accent }
    };

    let kinds = HelperKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <li>
                    <button type="button" class="helper-kind"
                        aria-pressed=move || (helper.get().map(|h| h.kind) == Some(kind)).to_string()
                        on:click=move |_| choose(looks_like(kind))>
                        <img src=move || looks_like(kind).picture_url(Question::GoodThings) alt="" aria-hidden="true" />
                        <span>{move || helper_kind_label(i18n, kind)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let swatches = move |second: bool| {
        HelperColour::ALL
            .into_iter()
            .map(|colour| {
                let picked = move || {
                    let (main, accent) = colours.get();
                    if second { accent == colour } else { main == colour }
                };
                view! {
                    <button type="button" class="swatch" style=format!("--swatch: {}", colour.hex())
                        aria-label=move || helper_colour_name(i18n, colour)
                        aria-pressed=move || picked().to_string()
                        on:click=move |_| {
                            colours.update(|(main, accent)| if second { *accent = colour } else { *main = colour });
                            if let Some(kind) = helper.get_untracked().map(|h| h.kind) {
                                choose(looks_like(kind));
                            }
                        }>
                    </button>
                }
            })
            .collect_view()
    };
    let main_swatches = swatches(false);
    let accent_swatches = swatches(true);

    // The three helpers the child will meet, as they will look.
    let preview = move || {
        helper.get().map(|chosen| {
            let kind = Some(chosen.kind);
            Tool::WizardsAndFairies
                .questions()
                .iter()
                .map(|&question| {
                    view! {
                        <figure class="helper-preview">
                            <img src=chosen.picture_url(question) alt="" aria-hidden="true" />
                            <figcaption>{usual_name(i18n, Tool::WizardsAndFairies, kind, question)}</figcaption>
                        </figure>
                    }
                })
                .collect_view()
        })
    };

    // The child may choose with the tablet in their hands: then the way back to the session
    // (the worker's) is not on this screen; the worker leaves through the bar, with the PIN.
    let in_child_mode = move || state.child_mode.with(Option::is_some);
    view! {
        {move || if in_child_mode() {
            view! {
                <header class="screen-header">
                    <h1>{t!(i18n, choose_helper_heading)}</h1>
                </header>
            }
            .into_any()
        } else {
            view! {
                <SessionScreenHeader session=session
                    title=Signal::derive(move || t_string!(i18n, choose_helper_heading).to_owned()) />
            }
            .into_any()
        }}
        <div class="prompt-row">
            <p class="hint">{t!(i18n, choose_helper_hint)}</p>
            <ReadAloud text=Signal::derive(move || t_string!(i18n, choose_helper_hint).to_owned()) />
        </div>
        <ul class="helper-kinds" aria-label=move || t_string!(i18n, choose_helper_heading)>{kinds}</ul>
        <div class="helper-colours">
            <div role="group" aria-labelledby="helper-main-colour">
                <h2 id="helper-main-colour">{t!(i18n, helper_main_colour)}</h2>
                <div class="swatches">{main_swatches}</div>
            </div>
            <div role="group" aria-labelledby="helper-accent-colour">
                <h2 id="helper-accent-colour">{t!(i18n, helper_accent_colour)}</h2>
                <div class="swatches">{accent_swatches}</div>
            </div>
        </div>
        // The three helpers as they will look, and the way on beside them: in sight without
        // scrolling on a tablet held either way.
        <div class="helper-go">
            <div class="helper-previews">{preview}</div>
            <Show when=move || helper.with(Option::is_some)>
                {
                    view! {
                        <IconButton icon="icon-magic" class="big primary"
                            label=Signal::derive(move || t_string!(i18n, go_to_helpers).to_owned())
                            on_press=move || state.go(Screen::Tool { session, tool: Tool::WizardsAndFairies }) />
                    }
                }
            </Show>
        </div>
    }
}
