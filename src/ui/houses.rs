//! The Three Houses: three friendly houses the child can enter in any order, and name.

use leptos::prelude::*;

use crate::app::use_app_state;
use crate::core::{Place, Question, Session, SessionId, Tool};
use crate::i18n::*;
use crate::platform;
use crate::ui::dialog::Modal;
use crate::ui::IconButton;
use crate::ui::{I18n, SessionScreenHeader};

/// The usual name of the house for a question, in the active language.
pub fn usual_house_name(i18n: I18n, question: Question) -> &'static str {
    match question {
        Question::Worries => t_string!(i18n, house_worries),
        Question::GoodThings => t_string!(i18n, house_good_things),
        Question::Dreams => t_string!(i18n, house_dreams),
    }
}

/// The house's name as the child sees it: their own, or the usual one.
pub fn house_name(i18n: I18n, session: &Session, question: Question) -> String {
    session
        .own_name(Tool::ThreeHouses, question)
        .map(str::to_owned)
        .unwrap_or_else(|| usual_house_name(i18n, question).to_owned())
}

/// The question a house asks, as the worker may read it aloud.
pub fn house_prompt(i18n: I18n, question: Question) -> &'static str {
    match question {
        Question::Worries => t_string!(i18n, prompt_worries),
        Question::GoodThings => t_string!(i18n, prompt_good_things),
        Question::Dreams => t_string!(i18n, prompt_dreams),
    }
}

#[component]
pub fn HousesScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let renaming = RwSignal::new(None::<Question>);
    let houses = Question::ALL
        .into_iter()
        .map(|question| {
            let id = session.clone();
            let name_id = session.clone();
            let name = Memo::new(move |_| {
                state
                    .with_session(&name_id, |s| house_name(i18n, s, question))
                    .unwrap_or_default()
            });
            view! {
                <li class=format!("house house-{}", question.slug())>
                    <button
                        type="button"
                        class="house-door"
                        on:click=move |_| state.go(Place::House { session: id.clone(), question })
                    >
                        <img src=format!("public/house-{}.svg", question.slug()) alt="" aria-hidden="true" />
                        <span class="house-name">{move || name.get()}</span>
                        {move || {
                            let usual = usual_house_name(i18n, question);
                            (name.get() != usual).then(|| view! { <span class="usual-name">"(" {usual} ")"</span> })
                        }}
                    </button>
                    <button
                        type="button"
                        class="rename"
                        aria-label=move || t_string!(i18n, rename_house, house = name.get())
                        on:click=move |_| renaming.set(Some(question))
                    >
                        <img src="public/icon-rename.svg" alt="" aria-hidden="true" />
                    </button>
                </li>
            }
        })
        .collect_view();

    let sharing_id = session.clone();
    view! {
        <SessionScreenHeader session=session.clone()
            title=Signal::derive(move || t_string!(i18n, houses_heading).to_owned()) />
        <p class="hint">{t!(i18n, houses_hint)}</p>
        <ul class="houses">{houses}</ul>
        // At the end of the tool, the child decides who may see what.
        <div class="after-houses">
            <IconButton icon="icon-share" class="big" label=Signal::derive(move || t_string!(i18n, sharing_tool).to_owned())
                on_press=move || state.go(Place::Sharing { session: sharing_id.clone() }) />
        </div>
        {move || renaming.get().map(|question| view! { <RenameDialog session=session.clone() question renaming /> })}
    }
}

/// Lets the child give a house their own name, or bring the usual name back.
#[component]
fn RenameDialog(
    session: SessionId,
    question: Question,
    renaming: RwSignal<Option<Question>>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let current = state
        .with_session(&session, |s| {
            s.own_name(Tool::ThreeHouses, question).map(str::to_owned)
        })
        .flatten()
        .unwrap_or_default();
    let draft = RwSignal::new(current);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let _ = input.set_attribute("autocorrect", "off");
            let _ = input.focus();
        }
    });
    let apply = {
        let session = session.clone();
        move |name: String| {
            state.change_session(&session, |s| {
                s.rename(Tool::ThreeHouses, question, &name, platform::now_ms())
            });
            state.save_now();
            renaming.set(None);
        }
    };
    let apply_usual = apply.clone();
    view! {
        <Modal labelled_by="rename-title" on_escape=move || renaming.set(None)>
            <form on:submit=move |ev| {
                ev.prevent_default();
                apply(draft.get_untracked());
            }>
                <h2 id="rename-title">{t!(i18n, rename_title)}</h2>
                <label>
                    <span>{t!(i18n, rename_field)}</span>
                    <input type="text" node_ref=input_ref bind:value=draft autocomplete="off"
                        autocapitalize="off" spellcheck="false" />
                </label>
                <div class="dialog-actions">
                    <button type="button" class="safe" on:click=move |_| renaming.set(None)>{t!(i18n, cancel)}</button>
                    <button type="button" on:click=move |_| apply_usual(String::new())>{t!(i18n, usual_name)}</button>
                    <button type="submit" class="primary">{t!(i18n, save_name)}</button>
                </div>
            </form>
        </Modal>
    }
}
