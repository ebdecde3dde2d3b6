//! The summary: the worker's full record, or only what the child agreed to share with one
//! audience. Shown, printed and downloaded as the same self-contained HTML file, made by
//! `core::summary_html`; the screen adds the worker's own fields around it.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::app::use_app_state;
use crate::core::summary_html::{render_summary_html, SummaryText};
use crate::core::{Audience, EntryId, Question, SessionId, Summary, Tool};
use crate::i18n::*;
use crate::platform;
use crate::ui::canvas::drawing_png;
use crate::ui::look::usual_name;
use crate::ui::sharing::{audience_label, audiences_of};
use crate::ui::{I18n, IconButton, SessionScreenHeader};

/// The summary's words in the active language, with the counts filled in.
fn summary_text(i18n: I18n, summary: &Summary) -> SummaryText {
    let left_out = summary.left_out;
    let helper = summary.helper.map(|helper| helper.kind);
    SummaryText {
        lang: i18n.get_locale_untracked().to_string(),
        title: t_string!(i18n, summary_title, name = summary.child_name.clone()).to_string(),
        audience_line: match &summary.audience {
            Some(audience) => {
                t_string!(i18n, summary_for, audience = audience_label(i18n, audience)).to_string()
            }
            None => t_string!(i18n, summary_full_record).to_owned(),
        },
        child_label: t_string!(i18n, summary_child).to_owned(),
        age_label: t_string!(i18n, summary_age).to_owned(),
        date_label: t_string!(i18n, date_label).to_owned(),
        place_label: t_string!(i18n, summary_place).to_owned(),
        present_label: t_string!(i18n, summary_present).to_owned(),
        tools_label: t_string!(i18n, summary_tools).to_owned(),
        worker_label: t_string!(i18n, summary_worker).to_owned(),
        three_houses: t_string!(i18n, three_houses).to_owned(),
        worries_house: t_string!(i18n, house_worries).to_owned(),
        good_things_house: t_string!(i18n, house_good_things).to_owned(),
        dreams_house: t_string!(i18n, house_dreams).to_owned(),
        wizards_and_fairies: t_string!(i18n, wizards_and_fairies).to_owned(),
        asked_in_label: t_string!(i18n, summary_asked_in).to_owned(),
        good_things_helper: usual_name(i18n, Tool::WizardsAndFairies, helper, Question::GoodThings),
        worries_helper: usual_name(i18n, Tool::WizardsAndFairies, helper, Question::Worries),
        wishes_helper: usual_name(i18n, Tool::WizardsAndFairies, helper, Question::Dreams),
        empty_house: t_string!(i18n, summary_empty_house).to_owned(),
        nothing_shared_here: t_string!(i18n, summary_nothing_shared_here).to_owned(),
        child_said_worker_wrote: t_string!(i18n, voice_child_said).to_owned(),
        child_wrote: t_string!(i18n, voice_child_wrote).to_owned(),
        child_drew: t_string!(i18n, summary_child_drew).to_owned(),
        drawing_alt: t_string!(i18n, summary_drawing_alt).to_owned(),
        picture_missing: t_string!(i18n, summary_picture_missing).to_owned(),
        sharing_heading: t_string!(i18n, sharing_heading).to_owned(),
        decision_private: t_string!(i18n, audience_private).to_owned(),
        decision_shared_with: t_string!(i18n, summary_shared_with).to_owned(),
        decision_none: t_string!(i18n, undecided).to_owned(),
        list_separator: t_string!(i18n, list_separator).to_owned(),
        mum: t_string!(i18n, audience_mum).to_owned(),
        dad: t_string!(i18n, audience_dad).to_owned(),
        family: t_string!(i18n, audience_family).to_owned(),
        teacher: t_string!(i18n, audience_teacher).to_owned(),
        court: t_string!(i18n, audience_court).to_owned(),
        meeting: t_string!(i18n, audience_meeting).to_owned(),
        kept_private_line: t_string!(i18n, summary_kept_private, count = left_out.kept_private)
            .to_string(),
        shared_only_with_others_line: t_string!(
            i18n,
            summary_shared_with_others,
            count = left_out.shared_only_with_others
        )
        .to_string(),
        undecided_line: t_string!(i18n, summary_undecided, count = summary.undecided).to_string(),
        worker_notes_heading: t_string!(i18n, worker_notes).to_owned(),
        no_worker_notes: t_string!(i18n, summary_no_worker_notes).to_owned(),
    }
}

/// A file name with the child's alias and the date, in characters every computer accepts.
fn summary_file_name(alias: &str, date: &str) -> String {
    let alias: String = alias
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("hear-me-summary-{}-{date}.html", alias.trim_matches('-'))
}

/// Offers `html` as a file download.
fn download_html(html: &str, file_name: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(html));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    platform::download(&url, file_name);
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[component]
pub fn SummaryScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let audience = RwSignal::new(None::<Audience>);
    // The preview is made again when a field is left, not at every key: pictures are large.
    let refresh = RwSignal::new(0_u32);
    let frame_ref = NodeRef::<leptos::html::Iframe>::new();

    let audiences = audiences_of(state, session.clone());
    // Each drawing as a print-sized PNG, made again only when a drawing changes.
    let drawings = {
        let session = session.clone();
        Memo::new(move |_| {
            state
                .with_session(&session, |s| {
                    Question::ALL
                        .into_iter()
                        .flat_map(|question| {
                            s.entries(question).iter().filter_map(move |entry| {
                                entry.drawing().map(|d| (question, entry.id, d.clone()))
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let pictures = Memo::new(move |_| {
        drawings.with(|drawings| {
            drawings
                .iter()
                .filter_map(|(question, id, drawing)| {
                    drawing_png(drawing).map(|png| ((*question, *id), png))
                })
                .collect::<HashMap<(Question, EntryId), String>>()
        })
    });
    let document = {
        let session = session.clone();
        Memo::new(move |_| {
            refresh.track();
            let audience = audience.get();
            pictures.with(|pictures| {
                state
                    .with_session_untracked(&session, |s| {
                        let summary = Summary::of(s, audience.as_ref());
                        let text = summary_text(i18n, &summary);
                        render_summary_html(&summary, &text, &|question, id| {
                            pictures.get(&(question, id)).cloned()
                        })
                    })
                    .unwrap_or_default()
            })
        })
    };

    let field = {
        let session = session.clone();
        move |read: fn(&crate::core::Session) -> String| {
            state
                .with_session_untracked(&session, read)
                .unwrap_or_default()
        }
    };
    let (place_id, present_id, notes_id) = (session.clone(), session.clone(), session.clone());
    let file_name = state
        .with_session_untracked(&session, |s| summary_file_name(&s.child.name, &s.date))
        .unwrap_or_default();
    let print = move || {
        if let Some(window) = frame_ref
            .get_untracked()
            .and_then(|frame| frame.content_window())
        {
            let _ = window.print();
        }
    };
    let download = move || document.with_untracked(|html| download_html(html, &file_name));

    view! {
        <SessionScreenHeader session=session.clone()
            title=Signal::derive(move || t_string!(i18n, summary_tool).to_owned()) />
        <div class="summary-controls">
            <label class="summary-audience">
                <span>{t!(i18n, summary_for_label)}</span>
                <select on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    let all = audiences.get_untracked();
                    audience.set(chosen.parse::<usize>().ok().and_then(|at| all.get(at).cloned()));
                }>
                    <option value="" selected=true>{t!(i18n, summary_full_record)}</option>
                    {move || {
                        audiences
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(at, choice)| {
                                view! { <option value=at.to_string()>{audience_label(i18n, &choice)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label>
                <span>{t!(i18n, summary_place)}</span>
                <input type="text" prop:value=field(|s| s.place.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.change_session(&place_id, |s| s.set_place(&text, platform::now_ms()));
                        state.save_soon();
                    }
                    on:change=move |_| refresh.update(|n| *n += 1) />
            </label>
            <label>
                <span>{t!(i18n, summary_present)}</span>
                <input type="text" prop:value=field(|s| s.present.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.change_session(&present_id, |s| s.set_present(&text, platform::now_ms()));
                        state.save_soon();
                    }
                    on:change=move |_| refresh.update(|n| *n += 1) />
            </label>
            <label class="worker-notes-field">
                <span>{t!(i18n, worker_notes)}</span>
                <span class="quiet">{t!(i18n, worker_notes_hint)}</span>
                <textarea rows="5" prop:value=field(|s| s.worker_notes.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.change_session(&notes_id, |s| s.set_worker_notes(&text, platform::now_ms()));
                        state.save_soon();
                    }
                    on:change=move |_| refresh.update(|n| *n += 1)></textarea>
            </label>
            <div class="summary-actions">
                <IconButton icon="icon-read-back" class="primary" label=Signal::derive(move || t_string!(i18n, print_summary).to_owned())
                    on_press=print />
                <IconButton icon="icon-save" label=Signal::derive(move || t_string!(i18n, download_summary).to_owned())
                    on_press=download />
            </div>
        </div>
        // The summary in its own frame, exactly as the downloaded file shows it; its own
        // Content-Security-Policy lets nothing run in it.
        <iframe
            class="summary-frame"
            node_ref=frame_ref
            title=move || t_string!(i18n, summary_tool)
            srcdoc=move || document.get()
        ></iframe>
    }
}
