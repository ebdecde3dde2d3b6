//! A tool's three questions side by side: three friendly houses, or the child's three
//! magical helpers. The child enters them in any order and may give each their own name.

use leptos::prelude::*;

use crate::core::{Question, Screen, SessionId, Tool};
use crate::i18n::*;
use crate::state::{use_app_state, SavePolicy};
use crate::ui::dialog::Modal;
use crate::ui::language::InWorkersLanguage;
use crate::ui::look::{look, name_in, picture, usual_name};
use crate::ui::IconButton;
use crate::ui::SessionScreenHeader;

#[component]
pub fn ToolScreen(session: SessionId, tool: Tool) -> impl IntoView {
    let state = use_app_state();
    // A choice the tool needs first (the child's own helper) comes before its questions.
    let look = look(tool);
    let needed = state
        .with_session_untracked(&session, |s| (look.choice_needed)(Some(s)))
        .unwrap_or_else(|| (look.choice_needed)(None));
    if needed {
        return (look.choice)(session);
    }
    view! { <Doors session tool /> }.into_any()
}

#[component]
fn Doors(session: SessionId, tool: Tool) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let renaming = RwSignal::new(None::<Question>);
    let doors = tool
        .questions()
        .iter()
        .copied()
        .enumerate()
        .map(|(position, question)| {
            let (id, name_id, picture_id, count_id) =
                (session, session, session, session);
            // One dot for each thing the child has put here and not taken out, from either
            // tool: a count a child can see without reading (see `QuestionInTool::dots`).
            let entries = Memo::new(move |_| {
                state
                    .with_session(&count_id, |s| s.questions_in(tool)[position].dots())
                    .unwrap_or(0)
            });
            let name = Memo::new(move |_| {
                state
                    .with_session(&name_id, |s| name_in(i18n, s, tool, question))
                    .unwrap_or_default()
            });
            let usual = Memo::new(move |_| {
                state
                    .with_session(&picture_id, |s| {
                        (
                            usual_name(i18n, tool, s.helper.map(|h| h.kind), question),
                            picture(s, tool, question),
                        )
                    })
                    .unwrap_or_default()
            });
            view! {
                <li class=format!("door door-{}", question.slug())>
                    <button
                        type="button"
                        class="door-open"
                        on:click=move |_| state.go(Screen::Question { session: id, tool, question })
                    >
                        <img src=move || usual.get().1 alt="" aria-hidden="true" />
                        <span class="door-name">{move || name.get()}</span>
                        <span class="door-dots" aria-hidden="true">{move || "●".repeat(entries.get().min(12))}</span>
                        {move || {
                            let usual = usual.get().0;
                            (name.get() != usual).then(|| view! { <span class="usual-name">"(" {usual} ")"</span> })
                        }}
                    </button>
                    <button
                        type="button"
                        class="rename"
                        aria-label=move || (look(tool).rename_label)(i18n, name.get())
                        on:click=move |_| renaming.set(Some(question))
                    >
                        <img src="public/icon-rename.svg" alt="" aria-hidden="true" />
                    </button>
                </li>
            }
        })
        .collect_view();

    let in_child_mode = move || state.child_mode.with(Option::is_some);
    let heading = move || (look(tool).heading)(i18n);
    view! {
        <SessionScreenHeader session=session title=Signal::derive(move || heading().to_owned()) />
        <p class="hint">
            {move || (look(tool).doors_hint)(i18n)}
        </p>
        <ul class=format!("doors doors-{}", tool.slug())>{doors}</ul>
        // At the end of the tool, the child decides who may see what.
        <div class="after-doors">
            // Without storage there is no worker PIN, so nothing could keep the child inside.
            // After the end of the conversation the tablet is not handed to the child again.
            // With "Open tools in child mode" on, the tool opened in the child's hands; this is
            // for when the worker turned that off, or took the tablet back.
            <Show when=move || !in_child_mode() && state.can_hand_to_child(&session)>
                <InWorkersLanguage>
                    <HandToChild session tool />
                </InWorkersLanguage>
            </Show>
            {(look(tool).more_actions)(session)}
            <IconButton icon="icon-share" class="big" label=Signal::derive(move || t_string!(i18n, sharing_tool).to_owned())
                on_press=move || state.go(Screen::Sharing { session, step: 0 }) />
        </div>
        {move || renaming.get().map(|question| view! { <RenameDialog session=session tool question renaming /> })}
    }
}

/// "Give to the child": the worker's, so in the worker's language beside a child in another.
#[component]
fn HandToChild(session: SessionId, tool: Tool) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    view! {
        <IconButton icon="icon-hand-over" label=Signal::derive(move || t_string!(i18n, hand_to_child).to_owned())
            on_press=move || state.hand_to_child(session, tool) />
    }
}

/// Lets the child give a house or helper their own name, or bring the usual name back.
#[component]
fn RenameDialog(
    session: SessionId,
    tool: Tool,
    question: Question,
    renaming: RwSignal<Option<Question>>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let current = state
        .with_session(&session, |s| s.own_name(tool, question).map(str::to_owned))
        .flatten()
        .unwrap_or_default();
    let draft = RwSignal::new(current);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
        }
    });
    let apply = move |name: String| {
        state.edit(&session, SavePolicy::Now, |s, now| {
            s.rename(tool, question, &name, now)
        });
        renaming.set(None);
    };
    let apply_usual = apply;
    let (title, field) = (look(tool).rename_dialog)(i18n);
    view! {
        <Modal labelled_by="rename-title" on_escape=move || renaming.set(None)>
            <form on:submit=move |ev| {
                ev.prevent_default();
                apply(draft.get_untracked());
            }>
                <h2 id="rename-title">{title}</h2>
                <label>
                    <span>{field}</span>
                    <input {..crate::ui::fields::as_typed()} type="text" node_ref=input_ref bind:value=draft />
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
