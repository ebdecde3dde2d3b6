//! The summary: the worker's full record, or only what the child agreed to share with one
//! audience. Shown, printed and downloaded as the same self-contained HTML file, made by
//! `core::summary_html`; the screen adds the worker's own choices around it. Nothing is
//! chosen at first, so a worker always picks the reader before Print or Download.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::core::leaflet_html::render_parents_leaflet_html;
use crate::core::poster_html::render_poster_html;
use crate::core::summary::Reader as SummaryReader;
use crate::core::summary_html::{render_summary_html, Painters, SummaryText};
use crate::core::{
    summary_file_name, AgeVersion, Changed, EntryId, Export, ExportKind, Question, RespectLine,
    Session, SessionId, Summary, SummaryChoices, Tool,
};
use crate::i18n::*;
use crate::platform;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::store::TextSetting;
use crate::ui::canvas::drawing_png;
use crate::ui::details::DetailsSummary;
use crate::ui::giving::{
    Confirmed, DocumentFrame, Giving, PrintAndDownload, Reader, ReaderChoice, WorriesToConfirm,
};
use crate::ui::labels::{audience_label, with_name_isolated, NAME_MARK};
use crate::ui::language::{childs_locale, own_name};
use crate::ui::leaflet::{leaflet_text, offered_tools};
use crate::ui::look::{look, prompt, usual_name};
use crate::ui::{I18n, IconButton, SessionScreenHeader};

/// What the frame shows, and Print and Download give: the summary as a list, the houses
/// poster for the chosen audience, or the parents' leaflet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Layout {
    #[default]
    List,
    Poster,
    Leaflet,
}

/// A file name for the poster or the leaflet, beside the summary's.
fn layout_file_name(layout: Layout, summary_name: &str, lang: &str) -> String {
    match layout {
        Layout::List => summary_name.to_owned(),
        Layout::Poster => summary_name.replacen("hear-me-summary-", "hear-me-poster-", 1),
        Layout::Leaflet => format!("hear-me-leaflet-for-parents-{lang}.html"),
    }
}

/// The summary's words in the active language, with the child's name and the counts filled in.
pub(crate) fn summary_text(i18n: I18n, summary: &Summary) -> SummaryText {
    let undecided = match &summary.reader {
        SummaryReader::FullRecord(record) => record.undecided,
        SummaryReader::ForAudience(_) => 0,
    };
    let helper = summary.helper.map(|helper| helper.kind);
    let name = summary.child_name.clone();
    let (audience_line, page_line) = match summary.audience() {
        Some(audience) => {
            let audience = audience_label(i18n, audience);
            (
                t_string!(i18n, summary_for, audience = audience.clone()).to_string(),
                t_string!(i18n, summary_page_for, name = name.clone(), audience).to_string(),
            )
        }
        None => (
            t_string!(i18n, summary_full_record_line).to_owned(),
            t_string!(i18n, summary_page_full, name = name.clone()).to_string(),
        ),
    };
    SummaryText {
        lang: i18n.get_locale_untracked().to_string(),
        title: t_string!(i18n, summary_title, name = name.clone()).to_string(),
        audience_line,
        page_line,
        child_label: t_string!(i18n, summary_child).to_owned(),
        age_label: t_string!(i18n, summary_age).to_owned(),
        date_label: t_string!(i18n, date_label).to_owned(),
        place_label: t_string!(i18n, summary_place).to_owned(),
        present_label: t_string!(i18n, summary_present).to_owned(),
        tools_label: t_string!(i18n, summary_tools).to_owned(),
        worker_label: t_string!(i18n, summary_worker).to_owned(),
        tool_names: Tool::ALL
            .into_iter()
            .map(|tool| (tool, (look(tool).name)(i18n).to_owned()))
            .collect(),
        asked_in_label: t_string!(i18n, summary_asked_in).to_owned(),
        usual_names: Tool::ALL
            .into_iter()
            .flat_map(|tool| {
                tool.questions().iter().map(move |&question| {
                    ((tool, question), usual_name(i18n, tool, helper, question))
                })
            })
            .collect(),
        empty_house: t_string!(i18n, summary_empty_house).to_owned(),
        nothing_shared_here: t_string!(i18n, summary_nothing_shared_here).to_owned(),
        child_said_worker_wrote: t_string!(i18n, voice_child_said).to_owned(),
        child_wrote: t_string!(i18n, voice_child_wrote).to_owned(),
        child_drew: t_string!(i18n, summary_child_drew).to_owned(),
        drawing_alt: t_string!(i18n, summary_drawing_alt).to_owned(),
        picture_missing: t_string!(i18n, summary_picture_missing).to_owned(),
        unreadable_entry: t_string!(i18n, unreadable_entry).to_owned(),
        list_separator: t_string!(i18n, list_separator).to_owned(),
        mum: t_string!(i18n, audience_mum).to_owned(),
        dad: t_string!(i18n, audience_dad).to_owned(),
        family: t_string!(i18n, audience_family).to_owned(),
        sibling: t_string!(i18n, audience_sibling).to_owned(),
        foster_carer: t_string!(i18n, audience_foster_carer).to_owned(),
        teacher: t_string!(i18n, audience_teacher).to_owned(),
        guardian: t_string!(i18n, audience_guardian).to_owned(),
        advocate: t_string!(i18n, audience_advocate).to_owned(),
        court: t_string!(i18n, audience_court).to_owned(),
        meeting: t_string!(i18n, audience_meeting).to_owned(),
        made_label: t_string!(i18n, summary_made).to_owned(),
        wish_label: t_string!(i18n, summary_wish).to_owned(),
        wish_private: t_string!(i18n, summary_wish_private).to_owned(),
        wish_none: t_string!(i18n, undecided).to_owned(),
        history_label: t_string!(i18n, summary_history).to_owned(),
        own_name_label: t_string!(i18n, summary_own_name).to_owned(),
        held_back_label: t_string!(i18n, summary_held_back).to_owned(),
        passed_on_label: t_string!(i18n, summary_passed_on).to_owned(),
        on_label: t_string!(i18n, summary_on).to_owned(),
        decided_by_label: t_string!(i18n, summary_decided_by).to_owned(),
        reason_label: t_string!(i18n, summary_reason).to_owned(),
        lifted_label: t_string!(i18n, summary_lifted).to_owned(),
        child_told_label: t_string!(i18n, summary_child_told).to_owned(),
        child_not_told: t_string!(i18n, summary_child_not_told).to_owned(),
        sharing_heading: t_string!(i18n, sharing_heading).to_owned(),
        undecided_line: t_string!(i18n, summary_undecided, count = undecided).to_string(),
        given_to_heading: t_string!(i18n, summary_given_to).to_owned(),
        printed: t_string!(i18n, summary_printed).to_owned(),
        downloaded: t_string!(i18n, summary_downloaded).to_owned(),
        full_record_reader: t_string!(i18n, summary_full_record_reader).to_owned(),
        picture_reader: t_string!(i18n, summary_picture_reader).to_owned(),
        nothing_given: t_string!(i18n, summary_nothing_given).to_owned(),
        copy_holds_held_back: i18n.text(Key::summary_copy_holds_held_back).to_owned(),
        reflection_heading: t_string!(i18n, reflection).to_owned(),
        no_reflection: t_string!(i18n, summary_no_reflection).to_owned(),
        note_heading: t_string!(i18n, summary_note_heading).to_owned(),
        respect_keep_for_now: respect_text(i18n, RespectLine::KeepForNow, &name),
        respect_chose_what_is_shared: respect_text(i18n, RespectLine::ChoseWhatIsShared, &name),
        respect_decided_who_sees_what: respect_text(i18n, RespectLine::DecidedWhoSeesWhat, &name),
        details_heading: t_string!(i18n, details_heading).to_owned(),
        started_label: t_string!(i18n, details_started).to_owned(),
        ended_label: t_string!(i18n, details_ended).to_owned(),
        people_heading: t_string!(i18n, people_heading).to_owned(),
        where_in_room: t_string!(i18n, where_in_room).to_owned(),
        where_nearby: t_string!(i18n, where_nearby).to_owned(),
        where_not_there: t_string!(i18n, where_not_there).to_owned(),
        language_label: t_string!(i18n, summary_language).to_owned(),
        interpreter_label: t_string!(i18n, summary_interpreter).to_owned(),
        informed_by_label: t_string!(i18n, informed_by_label).to_owned(),
        informed_on_label: t_string!(i18n, informed_on_label).to_owned(),
        consent_label: t_string!(i18n, summary_consent).to_owned(),
        consent_given: t_string!(i18n, consent_given).to_owned(),
        consent_refused: t_string!(i18n, consent_refused).to_owned(),
        consent_not_sought: t_string!(i18n, consent_not_sought).to_owned(),
        age_version_label: t_string!(i18n, age_version_label).to_owned(),
        age_younger: t_string!(i18n, age_younger).to_owned(),
        age_older: t_string!(i18n, age_older).to_owned(),
        pace_heading: t_string!(i18n, summary_pace).to_owned(),
        order_heading: t_string!(i18n, summary_order).to_owned(),
        caption_label: t_string!(i18n, caption_label).to_owned(),
        amendments_heading: t_string!(i18n, summary_amendments).to_owned(),
        responses_heading: t_string!(i18n, responses_heading).to_owned(),
        chose_not_to_say: t_string!(i18n, summary_chose_not_to_say).to_owned(),
        signature_label: t_string!(i18n, summary_signature).to_owned(),
        page_word: t_string!(i18n, summary_page).to_owned(),
        of_word: t_string!(i18n, summary_of).to_owned(),
        // Templates the renderer fills (a time, the version and the day).
        before_done_mark: i18n.text(Key::before_done_mark).to_owned(),
        pace_stop: i18n.text(Key::pace_line_stop).to_owned(),
        pace_break: i18n.text(Key::pace_line_break).to_owned(),
        pace_pass: i18n.text(Key::pace_line_pass).to_owned(),
        worker_question: i18n.text(Key::summary_worker_question).to_owned(),
        read_back_checked: i18n.text(Key::read_back_mark_checked).to_owned(),
        read_back_changed: i18n.text(Key::read_back_mark_changed).to_owned(),
        taken_out_mark: i18n.text(Key::taken_out_mark).to_owned(),
        put_back_mark: i18n.text(Key::summary_put_back).to_owned(),
        changed_words: i18n.text(Key::summary_changed_words).to_owned(),
        changed_caption: i18n.text(Key::summary_changed_caption).to_owned(),
        changed_drawing: i18n.text(Key::summary_changed_drawing).to_owned(),
        changed_before: i18n.text(Key::summary_changed_before).to_owned(),
        changed_after: i18n.text(Key::summary_changed_after).to_owned(),
        changed_nothing: i18n.text(Key::summary_changed_nothing).to_owned(),
        earlier_drawing_alt: i18n.text(Key::summary_earlier_drawing).to_owned(),
        amendment_line: i18n.text(Key::amendment_line).to_owned(),
        amended_on: i18n.text(Key::amended_on).to_owned(),
        finished_mark: i18n.text(Key::finished_mark).to_owned(),
        restored_from: i18n.text(Key::restored_from).to_owned(),
        restored_from_unknown: i18n.text(Key::restored_from_unknown).to_owned(),
        restored_unknown_version: t_string!(i18n, restored_unknown_version).to_owned(),
        restored_beside_own: t_string!(i18n, restored_beside_own).to_owned(),
        made_with: i18n.text(Key::summary_made_with).to_owned(),
        next_wants_label: t_string!(i18n, next_wants_label, name = name.clone()).to_string(),
        next_told_label: t_string!(i18n, next_told_label, name = name.clone()).to_string(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        made_on: platform::today_iso(),
        poster_title: t_string!(i18n, poster_title, name = name.clone()).to_string(),
        prompt_label: t_string!(i18n, summary_prompt_asked).to_owned(),
        duration_label: t_string!(i18n, summary_duration).to_owned(),
        agency_label: t_string!(i18n, agency_label).to_owned(),
        case_reference_label: t_string!(i18n, case_reference_label).to_owned(),
        last_time: crate::ui::last_time::last_time_text(i18n),
        feedback: crate::ui::feedback::feedback_text(i18n, &name),
        // Filled by `court_ready` for the summary as a whole: they are not the labels' language.
        prompts: BTreeMap::new(),
        prompts_lang: String::new(),
        agency: String::new(),
    }
}

/// What makes the full record court-ready besides the labels: each question's prompt word for
/// word as the child saw it (in `childs`, the child's language, and the version for the
/// child's age) and the worker's agency from Settings.
fn court_ready(text: SummaryText, childs: I18n, age: AgeVersion, agency: String) -> SummaryText {
    let prompts = Tool::ALL
        .into_iter()
        .flat_map(|tool| {
            tool.questions().iter().map(move |&question| {
                (
                    (tool, question),
                    prompt(childs, tool, question, age).to_owned(),
                )
            })
        })
        .collect();
    SummaryText {
        prompts,
        prompts_lang: childs.get_locale_untracked().to_string(),
        agency,
        ..text
    }
}

fn respect_text(i18n: I18n, line: RespectLine, name: &str) -> String {
    let name = name.to_owned();
    match line {
        RespectLine::KeepForNow => t_string!(i18n, respect_keep_for_now, name).to_string(),
        RespectLine::ChoseWhatIsShared => {
            t_string!(i18n, respect_chose_what_is_shared, name).to_string()
        }
        RespectLine::DecidedWhoSeesWhat => {
            t_string!(i18n, respect_decided_who_sees_what, name).to_string()
        }
    }
}

/// The file name for a reader's summary of a session.
fn file_name_for(state: AppState, session: &SessionId, reader: &Reader) -> String {
    state
        .with_session_untracked(session, |s| {
            summary_file_name(&s.child.name, &s.date, reader.as_ref(), s.named_audiences())
        })
        .unwrap_or_default()
}

/// A text field of the session, as it is now; read once when the field is drawn.
fn session_text(state: AppState, session: &SessionId, read: fn(&Session) -> String) -> String {
    state
        .with_session_untracked(session, read)
        .unwrap_or_default()
}

#[component]
pub fn SummaryScreen(session: SessionId) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    // Nothing is chosen at first: a summary for the wrong reader must never be one tap away.
    let chosen = RwSignal::new(None::<Reader>);
    // The preview is made again when a field is left, not at every key: pictures are large.
    let refresh = RwSignal::new(0_u32);
    // A family may read the headings in their own language too: the child's, whose words
    // (never translated) they are.
    let childs = childs_locale(session);
    let childs_i18n = I18n::following(childs);
    let bilingual = RwSignal::new(false);
    let can_be_bilingual = move || {
        chosen
            .get()
            .flatten()
            .is_some_and(|reader| reader.is_family())
            && childs.get() != i18n.get_locale()
    };

    let audiences = Memo::new(move |_| {
        state
            .with_session(&session, Session::summary_audiences)
            .unwrap_or_default()
    });
    // Each drawing as a print-sized PNG, made again only when a drawing changes.
    let drawings = Memo::new(move |_| {
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
    });
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
    let layout = RwSignal::new(Layout::List);
    // The poster is for an audience: for the full record the list is shown.
    let shown_layout = move || match (layout.get(), chosen.get()) {
        (Layout::Leaflet, _) => Layout::Leaflet,
        (Layout::Poster, Some(Some(_))) => Layout::Poster,
        _ => Layout::List,
    };
    let document = Memo::new(move |_| {
        refresh.track();
        let shown = shown_layout();
        if shown == Layout::Leaflet {
            let worker = session_text(state, &session, |s| s.worker.clone());
            let tools = state
                .with_session(&session, offered_tools)
                .unwrap_or_default();
            let text = leaflet_text(
                childs_i18n,
                &worker,
                &state.text_setting(TextSetting::AgencyPhone),
                tools,
            );
            return render_parents_leaflet_html(&text);
        }
        let Some(reader) = chosen.get() else {
            return String::new();
        };
        let lang = i18n.get_locale_untracked().to_string();
        pictures.with(|pictures| {
            state
                .with_session_untracked(&session, |s| {
                    let summary = state.sessions.with_untracked(|all| {
                        let mut summary =
                            Summary::of(s, reader.as_ref()).with_the_childs_visits(s, all);
                        summary.see_earlier_visits(s, all);
                        summary
                    });
                    let text = summary_text(i18n, &summary);
                    let text = if bilingual.get() && can_be_bilingual() {
                        text.bilingual(&summary_text(childs_i18n, &summary))
                    } else {
                        text
                    };
                    let text = court_ready(
                        text,
                        childs_i18n,
                        s.age_version(),
                        state.text_setting(TextSetting::Agency),
                    );
                    let picture = |question, id| pictures.get(&(question, id)).cloned();
                    // An earlier version of a drawing is painted only for the full record,
                    // the one reader who sees it.
                    let earlier_picture = |question, id, index: usize| {
                        s.entry(question, id)
                            .and_then(|entry| entry.changes.get(index))
                            .and_then(|change| match &change.what {
                                Changed::Drawing { before } => drawing_png(before),
                                _ => None,
                            })
                    };
                    let time = |at_ms| platform::local_date_time(at_ms, &lang);
                    let day = |at_ms| {
                        crate::core::local_forms::day(&platform::local_iso_day(at_ms), &lang)
                    };
                    let painters = Painters {
                        picture: &picture,
                        earlier_picture: &earlier_picture,
                        time: &time,
                        day: &day,
                    };
                    match shown {
                        Layout::Poster => render_poster_html(&summary, &text, &painters),
                        _ => render_summary_html(&summary, &text, &painters),
                    }
                })
                .unwrap_or_default()
        })
    });

    // The worker's choices for the chosen audience, kept with the session.
    let choices = Memo::new(move |_| {
        let audience = chosen.get().flatten()?;
        state.with_session(&session, |s| s.summary_choices(&audience))
    });
    let change_choices = move |change: &dyn Fn(&mut SummaryChoices)| {
        let Some(mut updated) = choices.get_untracked() else {
            return;
        };
        change(&mut updated);
        state.edit(&session, SavePolicy::AfterTyping, |s, now| {
            s.set_summary_choices(updated, now)
        });
    };

    // The file the frame shows, named for its reader and layout.
    let file_name = move || {
        let shown = untrack(shown_layout);
        let lang = childs.get_untracked().to_string();
        let summary_name = chosen
            .get_untracked()
            .map(|reader| file_name_for(state, &session, &reader))
            .unwrap_or_default();
        layout_file_name(shown, &summary_name, &lang)
    };
    // Every print and download of what holds the child's words is noted; the leaflet holds
    // nothing of the child's. The preview is made again, so "Given to" shows the copy.
    let record = move |kind: ExportKind, confirmed: Confirmed| {
        let reader = chosen
            .get_untracked()
            .filter(|_| untrack(shown_layout) != Layout::Leaflet);
        if let Some(reader) = reader {
            let file_name = file_name();
            state.edit(&session, SavePolicy::Now, |s, now| {
                s.record_export(Export {
                    at_ms: now,
                    audience: reader,
                    kind,
                    file_name,
                    // This summary's worries are all this visit's.
                    confirmed_worries: confirmed.into_iter().flat_map(|(_, ids)| ids).collect(),
                    picture: None,
                })
            });
        }
        refresh.update(|n| *n += 1);
    };
    let file = move || {
        if chosen.get_untracked().is_none() && untrack(shown_layout) != Layout::Leaflet {
            return None;
        }
        Some((document.get_untracked(), file_name()))
    };
    // Before a copy for the family or someone the child named first holds a worry, the
    // worker sees those worries and confirms this reader may safely read them.
    let worries = move || {
        let audience = chosen.get_untracked().flatten()?;
        if untrack(shown_layout) == Layout::Leaflet {
            return None;
        }
        let worries = state
            .with_session_untracked(&session, |s| {
                s.worries_to_confirm(&audience)
                    .into_iter()
                    .map(|entry| (session, entry.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        Some((audience, worries))
    };
    let giving = Giving::new(worries, file, record);

    let nothing_chosen = move || chosen.with(Option::is_none);
    let nothing_to_give = move || nothing_chosen() && layout.get() != Layout::Leaflet;
    let toggle = move |to: Layout| {
        layout.update(|now| *now = if *now == to { Layout::List } else { to });
    };
    let for_audience = move || chosen.with(|reader| matches!(reader, Some(Some(_))));
    let for_full_record = move || chosen.with(|reader| matches!(reader, Some(None)));
    let audience_name = move || {
        chosen
            .get()
            .flatten()
            .map(|audience| audience_label(i18n, &audience))
            .unwrap_or_default()
    };

    let shown_box = move |label: String,
                          read: fn(&SummaryChoices) -> bool,
                          write: fn(&mut SummaryChoices, bool)| {
        view! {
            <label class="check">
                <input type="checkbox"
                    prop:checked=move || choices.with(|c| c.as_ref().is_some_and(read))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change_choices(&|c| write(c, on));
                        refresh.update(|n| *n += 1);
                    } />
                <span>{label}</span>
            </label>
        }
    };
    let note_change = change_choices;
    let line_change = change_choices;
    // Each copy that left, and whether it holds something held back from its reader since.
    let exports = Memo::new(move |_| {
        state
            .with_session(&session, |s| {
                let since: Vec<usize> = s
                    .copies_holding_since_held_back()
                    .into_iter()
                    .map(|(at, _)| at)
                    .collect();
                s.exports
                    .iter()
                    .enumerate()
                    .map(|(at, export)| (export.clone(), since.contains(&at)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });

    // Text fields start from the session as it is when the screen opens, then write to it.
    let reflection_now = session_text(state, &session, |s| s.reflection.clone());
    let child_name = session_text(state, &session, |s| s.child.name.clone());
    view! {
        <SessionScreenHeader session=session
            title=Signal::derive(move || t_string!(i18n, summary_tool).to_owned()) />
        <div class="summary-layout">
        <div class="summary-controls">
            <ReaderChoice chosen audiences label=Key::summary_for_label
                choose=Key::summary_choose full_record=Key::summary_full_record />
            <Show when=can_be_bilingual>
                <label class="check summary-bilingual">
                    <input type="checkbox" prop:checked=move || bilingual.get()
                        on:change=move |ev| bilingual.set(event_target_checked(&ev)) />
                    <span>{move || t_string!(i18n, summary_bilingual, language = own_name(childs.get())).to_string()}</span>
                </label>
            </Show>
            <Show when=nothing_chosen>
                <p class="quiet">{t!(i18n, summary_choose_first)}</p>
            </Show>
            <Show when=for_audience>
                <fieldset class="summary-shown">
                    <legend>{t!(i18n, summary_show_heading)}</legend>
                    <p class="quiet">{t!(i18n, summary_show_hint)}</p>
                    {shown_box(t_string!(i18n, summary_place).to_owned(), |c| c.shown.place, |c, on| c.shown.place = on)}
                    {shown_box(t_string!(i18n, summary_present).to_owned(), |c| c.shown.present, |c, on| c.shown.present = on)}
                    {shown_box(t_string!(i18n, summary_worker).to_owned(), |c| c.shown.worker, |c, on| c.shown.worker = on)}
                    {shown_box(t_string!(i18n, summary_tools).to_owned(), |c| c.shown.tools, |c, on| c.shown.tools = on)}
                </fieldset>
                <label class="worker-notes-field">
                    <span>{t!(i18n, note_for_readers)}</span>
                    <span class="quiet">{move || t_string!(i18n, note_for_readers_hint, audience = audience_name()).to_string()}</span>
                    <textarea {..crate::ui::fields::workers_sentences()} rows="4"
                        prop:value=move || choices.with(|c| c.as_ref().map(|c| c.note.clone()).unwrap_or_default())
                        on:input={
                            move |ev| {
                                let text = event_target_value(&ev);
                                note_change(&|c| text.clone_into(&mut c.note));
                            }
                        }
                        on:change=move |_| refresh.update(|n| *n += 1)></textarea>
                </label>
                <label>
                    <span>{t!(i18n, respect_line_label)}</span>
                    <select
                        prop:value=move || choices.with(|c| c.as_ref().and_then(|c| c.respect_line).map(RespectLine::slug).unwrap_or_default())
                        on:change={
                            move |ev| {
                                let line = RespectLine::from_slug(&event_target_value(&ev));
                                line_change(&|c| c.respect_line = line);
                                refresh.update(|n| *n += 1);
                            }
                        }>
                        <option value="">{t!(i18n, respect_line_none)}</option>
                        {RespectLine::ALL.into_iter().map(|line| {
                            let name = child_name.clone();
                            view! { <option value=line.slug()>{respect_text(i18n, line, &name)}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            <Show when=for_full_record>
                <label class="worker-notes-field">
                    <span>{t!(i18n, reflection)}</span>
                    <span class="quiet">{t!(i18n, reflection_hint)}</span>
                    <textarea {..crate::ui::fields::workers_sentences()} rows="5" prop:value=reflection_now.clone()
                        on:input={
                            move |ev| {
                                let text = event_target_value(&ev);
                                state.edit(&session, SavePolicy::AfterTyping, |s, now| s.set_reflection(&text, now));
                            }
                        }
                        on:change=move |_| refresh.update(|n| *n += 1)></textarea>
                </label>
            </Show>
            // The place and who was there have one home, "About this conversation": the
            // summary prints them from there, and shows them again when the dialog closes.
            <Show when=move || !nothing_chosen()>
                <div class="summary-facts">
                    <p class="quiet">{t!(i18n, summary_facts_hint)}</p>
                    <DetailsSummary session on_closed=Callback::new(move |()| refresh.update(|n| *n += 1)) />
                </div>
            </Show>
            <div class="summary-actions">
                <PrintAndDownload giving download=Key::download_summary
                    disabled=Signal::derive(nothing_to_give) />
                <IconButton icon="icon-houses" label=Signal::derive(move || t_string!(i18n, poster_button).to_owned())
                    disabled=Signal::derive(move || !for_audience())
                    pressed=Signal::derive(move || shown_layout() == Layout::Poster)
                    on_press=move || toggle(Layout::Poster) />
                <IconButton icon="icon-hand-over" label=Signal::derive(move || t_string!(i18n, leaflet_button).to_owned())
                    pressed=Signal::derive(move || layout.get() == Layout::Leaflet)
                    on_press=move || toggle(Layout::Leaflet) />
                <IconButton icon="icon-lock" label=Signal::derive(move || t_string!(i18n, worker_decisions_open).to_owned())
                    on_press=move || state.go(crate::core::Screen::WorkerDecisions { session }) />
            </div>
            <section class="exports" aria-labelledby="exports-heading">
                <h2 id="exports-heading">{t!(i18n, exports_heading)}</h2>
                <Show when=move || exports.with(Vec::is_empty)>
                    <p class="quiet">{t!(i18n, summary_nothing_given)}</p>
                </Show>
                <ul>
                    {move || {
                        let lang = i18n.get_locale_untracked().to_string();
                        exports.get().into_iter().rev().map(|(export, since_held_back)| {
                            let reader = match (&export.audience, export.picture) {
                                (Some(audience), _) => audience_label(i18n, audience),
                                (None, Some(_)) => t_string!(i18n, summary_picture_reader).to_owned(),
                                (None, None) => t_string!(i18n, summary_full_record_reader).to_owned(),
                            };
                            let how = match export.kind {
                                ExportKind::Printed => t_string!(i18n, summary_printed),
                                ExportKind::Downloaded => t_string!(i18n, summary_downloaded),
                            };
                            let when = platform::local_date_time(export.at_ms, &lang);
                            view! {
                                <li>
                                    <bdi>{reader.clone()}</bdi>
                                    {format!(" — {how} {when}")}
                                    <span class="quiet file-name" dir="auto">{export.file_name}</span>
                                    {since_held_back.then(|| view! {
                                        <strong class="since-held-back">
                                            {with_name_isolated(
                                                &t_string!(i18n, summary_copy_holds_held_back, audience = NAME_MARK, time = when.clone()),
                                                &reader,
                                            )}
                                        </strong>
                                    })}
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </section>
        </div>
        <WorriesToConfirm giving />
        <DocumentFrame giving html=document shown=Signal::derive(move || !nothing_to_give())
            title=Key::summary_tool class="summary-frame" />
        </div>
    }
}
