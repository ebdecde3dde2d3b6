//! The app's English texts, read from `locales/en.json`, so a test checks the words the app
//! shows rather than a copy of them.

use std::collections::BTreeMap;

use hear_me::core::{HelperKind, SummaryText, Tool};

/// Every English text by its key, as written in `locales/en.json`.
pub fn texts() -> BTreeMap<String, String> {
    serde_json::from_str(include_str!("../../locales/en.json")).unwrap()
}

/// The English text of `key`, with each `{{ name }}` filled as given.
pub fn text(key: &str, fill: &[(&str, &str)]) -> String {
    let texts = texts();
    let mut text = texts
        .get(key)
        .unwrap_or_else(|| panic!("no {key} in en.json"))
        .clone();
    for (name, value) in fill {
        text = text.replace(&format!("{{{{ {name} }}}}"), value);
    }
    assert!(!text.contains("{{"), "{key} has a placeholder left: {text}");
    text
}

/// The summary's words as the app fills them in English (`ui::summary`) for the full record
/// of a child called `name` who chose a helper of `helper`, with `undecided` entries not
/// decided yet.
pub fn summary_text(name: &str, helper: HelperKind, undecided: usize) -> SummaryText {
    let t = |key: &str| text(key, &[]);
    let named = |key: &str| text(key, &[("name", name)]);
    // A template the renderer fills itself (a time, a version), as the UI passes it.
    let raw = |key: &str| texts()[key].clone();
    let kind = t(&format!("helper_noun_{}", helper.slug()));
    let usual_name = |tool: Tool, question: hear_me::core::Question| {
        let key = match (tool, question.slug()) {
            (Tool::ThreeHouses, slug) => format!("house_{}", slug.replace('-', "_")),
            (Tool::WizardsAndFairies, "dreams") => "helper_wishes".to_owned(),
            (Tool::WizardsAndFairies, slug) => format!("helper_{}", slug.replace('-', "_")),
        };
        text(&key, &[("kind", &kind)])
    };
    SummaryText {
        lang: "en".into(),
        title: named("summary_title"),
        audience_line: t("summary_full_record_line"),
        page_line: named("summary_page_full"),
        child_label: t("summary_child"),
        age_label: t("summary_age"),
        date_label: t("date_label"),
        place_label: t("summary_place"),
        present_label: t("summary_present"),
        tools_label: t("summary_tools"),
        worker_label: t("summary_worker"),
        tool_names: Tool::ALL
            .into_iter()
            .map(|tool| (tool, t(&tool.slug().replace('-', "_"))))
            .collect(),
        asked_in_label: t("summary_asked_in"),
        usual_names: Tool::ALL
            .into_iter()
            .flat_map(|tool| {
                tool.questions()
                    .iter()
                    .map(move |&question| ((tool, question), usual_name(tool, question)))
            })
            .collect(),
        empty_house: t("summary_empty_house"),
        nothing_shared_here: t("summary_nothing_shared_here"),
        child_said_worker_wrote: t("voice_child_said"),
        child_wrote: t("voice_child_wrote"),
        child_drew: t("summary_child_drew"),
        drawing_alt: t("summary_drawing_alt"),
        picture_missing: t("summary_picture_missing"),
        unreadable_entry: t("unreadable_entry"),
        list_separator: t("list_separator"),
        mum: t("audience_mum"),
        dad: t("audience_dad"),
        family: t("audience_family"),
        sibling: t("audience_sibling"),
        foster_carer: t("audience_foster_carer"),
        teacher: t("audience_teacher"),
        guardian: t("audience_guardian"),
        advocate: t("audience_advocate"),
        court: t("audience_court"),
        meeting: t("audience_meeting"),
        made_label: t("summary_made"),
        wish_label: t("summary_wish"),
        wish_private: t("summary_wish_private"),
        wish_none: t("undecided"),
        history_label: t("summary_history"),
        own_name_label: t("summary_own_name"),
        held_back_label: t("summary_held_back"),
        passed_on_label: t("summary_passed_on"),
        on_label: t("summary_on"),
        decided_by_label: t("summary_decided_by"),
        reason_label: t("summary_reason"),
        lifted_label: t("summary_lifted"),
        child_told_label: t("summary_child_told"),
        child_not_told: t("summary_child_not_told"),
        sharing_heading: t("sharing_heading"),
        undecided_line: text("summary_undecided", &[("count", &undecided.to_string())]),
        given_to_heading: t("summary_given_to"),
        printed: t("summary_printed"),
        downloaded: t("summary_downloaded"),
        full_record_reader: t("summary_full_record_reader"),
        picture_reader: t("summary_picture_reader"),
        nothing_given: t("summary_nothing_given"),
        copy_holds_held_back: raw("summary_copy_holds_held_back"),
        reflection_heading: t("reflection"),
        no_reflection: t("summary_no_reflection"),
        note_heading: t("summary_note_heading"),
        respect_keep_for_now: named("respect_keep_for_now"),
        respect_chose_what_is_shared: named("respect_chose_what_is_shared"),
        respect_decided_who_sees_what: named("respect_decided_who_sees_what"),
        details_heading: raw("details_heading"),
        started_label: raw("details_started"),
        ended_label: raw("details_ended"),
        people_heading: raw("people_heading"),
        where_in_room: raw("where_in_room"),
        where_nearby: raw("where_nearby"),
        where_not_there: raw("where_not_there"),
        language_label: raw("summary_language"),
        interpreter_label: raw("summary_interpreter"),
        informed_by_label: raw("informed_by_label"),
        informed_on_label: raw("informed_on_label"),
        consent_label: raw("summary_consent"),
        consent_given: raw("consent_given"),
        consent_refused: raw("consent_refused"),
        consent_not_sought: raw("consent_not_sought"),
        before_done_mark: raw("before_done_mark"),
        age_version_label: raw("age_version_label"),
        age_younger: raw("age_younger"),
        age_older: raw("age_older"),
        pace_heading: raw("summary_pace"),
        pace_stop: raw("pace_line_stop"),
        pace_break: raw("pace_line_break"),
        pace_pass: raw("pace_line_pass"),
        order_heading: raw("summary_order"),
        caption_label: raw("caption_label"),
        worker_question: raw("summary_worker_question"),
        read_back_checked: raw("read_back_mark_checked"),
        read_back_changed: raw("read_back_mark_changed"),
        taken_out_mark: raw("taken_out_mark"),
        put_back_mark: raw("summary_put_back"),
        changed_words: raw("summary_changed_words"),
        changed_caption: raw("summary_changed_caption"),
        changed_drawing: raw("summary_changed_drawing"),
        changed_before: raw("summary_changed_before"),
        changed_after: raw("summary_changed_after"),
        changed_nothing: raw("summary_changed_nothing"),
        earlier_drawing_alt: raw("summary_earlier_drawing"),
        amendments_heading: raw("summary_amendments"),
        amendment_line: raw("amendment_line"),
        amended_on: raw("amended_on"),
        responses_heading: raw("responses_heading"),
        finished_mark: raw("finished_mark"),
        restored_from: raw("restored_from"),
        restored_from_unknown: raw("restored_from_unknown"),
        restored_unknown_version: t("restored_unknown_version"),
        restored_beside_own: t("restored_beside_own"),
        chose_not_to_say: raw("summary_chose_not_to_say"),
        signature_label: raw("summary_signature"),
        page_word: raw("summary_page"),
        of_word: raw("summary_of"),
        made_with: raw("summary_made_with"),
        next_wants_label: named("next_wants_label"),
        next_told_label: named("next_told_label"),
        version: "9.9.9".into(),
        made_on: "2026-11-30".into(),
        poster_title: named("poster_title"),
        // The prompts of the younger children's version, as a child in English saw them.
        prompts: Tool::ALL
            .into_iter()
            .flat_map(|tool| {
                tool.questions().iter().map(move |&question| {
                    let key = match (tool, question.slug()) {
                        (Tool::ThreeHouses, slug) => format!("prompt_{}", slug.replace('-', "_")),
                        (Tool::WizardsAndFairies, "dreams") => "helper_prompt_wishes".to_owned(),
                        (Tool::WizardsAndFairies, slug) => {
                            format!("helper_prompt_{}", slug.replace('-', "_"))
                        }
                    };
                    ((tool, question), texts()[&key].clone())
                })
            })
            .collect(),
        prompts_lang: "en".into(),
        prompt_label: t("summary_prompt_asked"),
        duration_label: t("summary_duration"),
        agency_label: t("agency_label"),
        agency: String::new(),
        case_reference_label: t("case_reference_label"),
        last_time: hear_me::core::summary_html::LastTimeText {
            heading: t("summary_last_time_heading"),
            line: raw("summary_last_time_line"),
            line_no_date: raw("summary_last_time_line_no_date"),
            then: t("summary_last_time_then"),
            drawing: t("summary_last_time_drawing"),
            said_more: t("summary_last_time_said_more"),
            earlier_answer: raw("summary_last_time_earlier_answer"),
            still_so: t("summary_last_time_still_so"),
            changed: t("summary_last_time_changed"),
            not_any_more: t("summary_last_time_not_any_more"),
            passed: t("summary_last_time_passed"),
        },
        feedback: feedback_text(name),
    }
}

/// The full record's words about feedback to the child, as `ui::feedback` passes them:
/// templates with their placeholders.
pub fn feedback_text(name: &str) -> hear_me::core::feedback_html::FeedbackText {
    let raw = |key: &str| texts()[key].clone();
    hear_me::core::feedback_html::FeedbackText {
        lang: "en".into(),
        list_separator: raw("list_separator"),
        next_told_label: text("next_told_label", &[("name", name)]),
        child_said_worker_wrote: raw("voice_child_said"),
        child_wrote: raw("voice_child_wrote"),
        audiences: hear_me::core::Audience::PICTURED
            .into_iter()
            .map(|audience| {
                let key = format!("audience_{}", audience.slug().unwrap().replace('-', "_"));
                (audience, raw(&key))
            })
            .collect(),
        heading: raw("fb_heading"),
        told_label: raw("fb_told"),
        heard_by_label: raw("fb_heard_by"),
        on_label: raw("fb_on"),
        heard_line: raw("fb_heard"),
        reaction_label: raw("fb_said"),
        no_reaction: raw("fb_said_nothing"),
        not_heard: raw("fb_not_heard"),
        drawing: raw("fb_drawing"),
        checked_line: raw("fb_checked_line"),
        checked_at: raw("fb_checked_at"),
        happened_yes: raw("happened_yes"),
        happened_partly: raw("happened_partly"),
        happened_no: raw("happened_no"),
        happened_not_yet: raw("happened_not_yet"),
        note_label: raw("fb_note"),
        heard_here_heading: raw("fb_heard_here"),
        from_visit: raw("fb_from_visit"),
        checked_here_heading: raw("fb_checked_here"),
        promised_at: raw("fb_promised_at"),
    }
}
