//! The full record holds the whole conversation (issue 16); no summary for an audience holds
//! any of the worker's part of it; every printed page says whose it is, which page of how
//! many, and what made it; the full record ends with a line to sign.

use hear_me::core::html_text::escape;
use hear_me::core::summary_html::{css_string, made_with_line, Painters};
use hear_me::core::{
    render_summary_html, Audience, Consent, Decision, EntryId, HelperKind, Informed, Interpreter,
    NewSession, PersonPresent, Question, ReadBackMark, Restore, Session, SessionId, Summary,
    SummaryText, Tool, Voice, Whereabouts, Words,
};

mod common;

fn english() -> SummaryText {
    common::english::summary_text("Mia", HelperKind::Dragon, 0)
}

const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=";

fn render(summary: &Summary, text: &SummaryText) -> String {
    render_summary_html(
        summary,
        text,
        &Painters {
            picture: &|_: Question, _: EntryId| Some(PNG.to_owned()),
            earlier_picture: &|_, _, _| None,
            time: &|at_ms| format!("t{at_ms}"),
            day: &|at_ms| format!("day {at_ms}"),
        },
    )
}

fn words(text: &str, voice: Voice) -> Words {
    Words {
        text: text.into(),
        voice,
    }
}

fn mia() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam Worker".into(),
        date: "2026-11-27".into(),
    };
    Session::start(&form, SessionId::new(1, 2), 1_000).unwrap()
}

fn shared_with_everyone(session: &Session) -> Option<Decision> {
    Decision::shared_with(session.summary_audiences())
}

/// A session with every part of issue 16 in it, each marked with a word of its own.
fn rich() -> Session {
    let mut s = mia();
    s.add_named_audience("Oma", 1_100);
    s.set_start_time(Some(1_500), 1_200);
    s.set_people(
        vec![
            PersonPresent {
                who: "PERSON-MUM".into(),
                role: String::new(),
                whereabouts: Whereabouts::Nearby,
            },
            PersonPresent {
                who: "PERSON-OMA".into(),
                role: "PERSON-ROLE-GRAN".into(),
                whereabouts: Whereabouts::InTheRoom,
            },
        ],
        1_200,
    );
    s.set_present("PRESENT-TYPED", 1_200);
    s.set_place("PLACE-TYPED", 1_200);
    s.set_conversation_language("LANGUAGE-TYPED", 1_200);
    s.set_interpreter(
        Some(Interpreter {
            name: "INTERPRETER-NAME".into(),
            role: "INTERPRETER-ROLE".into(),
        }),
        1_200,
    );
    s.set_parents_informed(
        Some(Informed::new("INFORMED-BY", "2026-11-20").unwrap()),
        1_200,
    );
    s.set_parents_consent(Some(Consent::not_sought("CONSENT-REASON").unwrap()), 1_200);
    assert!(s.set_before_we_start_done(true, 2_000));
    assert!(s.note_visit(Tool::ThreeHouses, Question::Dreams, 2_100));
    assert!(s.note_visit(Tool::ThreeHouses, Question::Worries, 2_200));
    let everyone = shared_with_everyone(&s);

    let drawing = s.add_drawing(Tool::ThreeHouses, Question::Worries, 2_300);
    s.decide_sharing(Question::Worries, drawing, everyone.clone(), 2_301);
    assert!(s.set_caption(
        Question::Worries,
        drawing,
        Some(words("CAPTION-WORDS", Voice::ChildSaidWorkerWrote)),
        2_302,
    ));
    let said = s.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("FIRST-WORDS", Voice::ChildWrote),
        2_400,
    );
    s.decide_sharing(Question::Worries, said, everyone.clone(), 2_401);
    assert!(s.set_worker_question(Question::Worries, said, "QUESTION-ASKED", 2_402));
    assert!(s.set_read_back(Question::Worries, said, Some(ReadBackMark::Checked), 2_450));
    let out = s.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("TAKEN-OUT-WORDS", Voice::ChildWrote),
        2_500,
    );
    s.decide_sharing(Question::Worries, out, everyone.clone(), 2_501);
    assert!(s.take_out(Question::Worries, out, 2_600));
    let back = s.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        words("PUT-BACK-WORDS", Voice::ChildWrote),
        2_700,
    );
    s.decide_sharing(Question::Dreams, back, everyone, 2_701);
    assert!(s.take_out(Question::Dreams, back, 2_750));
    assert!(s.put_back(Question::Dreams, back, 2_800));
    assert!(s.pass(Tool::ThreeHouses, Question::GoodThings, 2_900));
    assert!(s.start_break(3_100));
    assert!(s.end_break(3_200));
    assert!(s.record_stop(3_300));
    assert!(s.set_child_wants_next(
        Some(words("CHILD-WANTS-NEXT", Voice::ChildSaidWorkerWrote)),
        3_400
    ));
    s.set_worker_told("WORKER-TOLD-NEXT", 3_500);
    assert!(s.finish(4_000));
    s.amend_words(
        Question::Worries,
        said,
        "AMENDED-WORDS",
        "AMEND-REASON",
        4_100,
    )
    .unwrap();
    assert!(s.add_network_response("RESPONSE-WHO", "RESPONSE-TEXT", 4_200));
    s.set_reflection("REFLECTION-TYPED", 4_300);
    s
}

/// What a template says before its first placeholder, as the file writes it.
fn lead(key: &str) -> String {
    let template = common::english::texts()[key].clone();
    escape(template.split("{{").next().unwrap().trim_end())
}

/// The worker's part of the conversation, by a word or a label only it carries.
fn full_record_only() -> Vec<String> {
    let t = |key: &str| escape(&common::english::text(key, &[]));
    // The child's name is isolated in its own direction inside the heading.
    let named =
        |key: &str| escape(&common::english::texts()[key]).replace("{{ name }}", "<bdi>Mia</bdi>");
    let mut only: Vec<String> = [
        "TAKEN-OUT-WORDS",
        "QUESTION-ASKED",
        "LANGUAGE-TYPED",
        "INTERPRETER-NAME",
        "INTERPRETER-ROLE",
        "INFORMED-BY",
        "CONSENT-REASON",
        "CHILD-WANTS-NEXT",
        "WORKER-TOLD-NEXT",
        "FIRST-WORDS",
        "AMEND-REASON",
        "RESPONSE-WHO",
        "RESPONSE-TEXT",
        "REFLECTION-TYPED",
    ]
    .map(str::to_owned)
    .into();
    only.extend([
        t("details_heading"),
        t("summary_pace"),
        t("summary_order"),
        t("summary_amendments"),
        t("responses_heading"),
        t("summary_signature"),
        t("age_version_label"),
        named("next_wants_label"),
        named("next_told_label"),
        "class=\"signature".to_owned(),
    ]);
    only.extend(
        [
            "before_done_mark",
            "pace_line_stop",
            "pace_line_break",
            "pace_line_pass",
            "summary_worker_question",
            "read_back_mark_checked",
            "taken_out_mark",
            "summary_put_back",
            "amendment_line",
            "finished_mark",
        ]
        .map(lead),
    );
    only
}

#[test]
fn the_full_record_holds_every_part_of_the_conversation() {
    let session = rich();
    let html = render(&Summary::of(&session, None), &english());
    let t = |key: &str, fill: &[(&str, &str)]| escape(&common::english::text(key, fill));
    // A text whose values (the child's words, names, the worker's words) are isolated.
    let isolated = |key: &str, fill: &[(&str, &str)]| {
        let mut html = escape(&common::english::texts()[key]);
        for (name, value) in fill {
            html = html.replace(&format!("{{{{ {name} }}}}"), &format!("<bdi>{value}</bdi>"));
        }
        html
    };
    let expected = [
        "<dd dir=\"auto\">t1500</dd>".to_owned(),
        "<dd dir=\"auto\">t4000</dd>".to_owned(),
        t("details_started", &[]),
        t("details_ended", &[]),
        "<bdi>PERSON-MUM</bdi> — Nearby".into(),
        "<bdi>PERSON-OMA</bdi> (<bdi>PERSON-ROLE-GRAN</bdi>) — In the room".into(),
        "PRESENT-TYPED".into(),
        "PLACE-TYPED".into(),
        "LANGUAGE-TYPED".into(),
        "<bdi>INTERPRETER-NAME</bdi> (<bdi>INTERPRETER-ROLE</bdi>)".into(),
        "INFORMED-BY".into(),
        "20 November 2026".into(),
        "Not sought (Reason: <bdi>CONSENT-REASON</bdi>)".into(),
        t("before_done_mark", &[("time", "t2000")]),
        t("age_younger", &[]),
        t("pace_line_stop", &[("time", "t3300")]),
        t("pace_line_break", &[("from", "t3100"), ("to", "t3200")]),
        t(
            "pace_line_pass",
            &[("house", "House of Good Things"), ("time", "t2900")],
        ),
        "Three Houses: House of Dreams → House of Worries".into(),
        t("caption_label", &[]),
        "CAPTION-WORDS".into(),
        isolated("summary_worker_question", &[("question", "QUESTION-ASKED")]),
        t("read_back_mark_checked", &[("time", "t2450")]),
        "TAKEN-OUT-WORDS".into(),
        t("taken_out_mark", &[("time", "t2600")]),
        t("taken_out_mark", &[("time", "t2750")]),
        t("summary_put_back", &[("time", "t2800")]),
        isolated(
            "amendment_line",
            &[
                ("time", "t4100"),
                ("before", "FIRST-WORDS"),
                ("after", "AMENDED-WORDS"),
                ("why", "AMEND-REASON"),
            ],
        ),
        isolated("next_wants_label", &[("name", "Mia")]),
        "CHILD-WANTS-NEXT".into(),
        isolated("next_told_label", &[("name", "Mia")]),
        "WORKER-TOLD-NEXT".into(),
        t("responses_heading", &[]),
        "<bdi>RESPONSE-WHO</bdi> (t4200): ".into(),
        "RESPONSE-TEXT".into(),
        t("finished_mark", &[("time", "t4000")]),
    ];
    for part in &expected {
        assert!(html.contains(part.as_str()), "missing {part}");
    }
    // Every marker of the worker's part is there too.
    for part in full_record_only() {
        assert!(html.contains(&part), "missing {part}");
    }
    // The child's words about the drawing stand under it, marked with who said and wrote.
    let caption = &html[html.find("class=\"caption\"").unwrap()..];
    assert!(caption[..caption.find("</div>").unwrap()].contains("Child said, worker wrote"));
    // The taken-out entry is marked as such.
    assert!(html.contains("<li class=\"entry words taken-out\">"));
}

#[test]
fn no_summary_for_any_audience_holds_the_worker_s_part_or_a_taken_out_entry() {
    let session = rich();
    let text = english();
    let only = full_record_only();
    let audiences = session.summary_audiences();
    assert!(audiences.iter().any(|a| matches!(a, Audience::Named(_))));
    for audience in &audiences {
        let html = render(&Summary::of(&session, Some(audience)), &text);
        for part in &only {
            assert!(!html.contains(part.as_str()), "{audience:?} shows {part}");
        }
        // Who was there is the worker's choice per audience: off for the family by default,
        // on for the court and the meeting, and then the people from the details.
        let people = Summary::of(&session, Some(audience)).people;
        if matches!(audience, Audience::Court | Audience::Meeting) {
            assert!(
                html.contains("<bdi>PERSON-OMA</bdi> (<bdi>PERSON-ROLE-GRAN</bdi>) — In the room")
            );
            assert_eq!(people.len(), 2);
        } else {
            for person in ["PERSON-MUM", "PERSON-OMA", "PERSON-ROLE-GRAN"] {
                assert!(!html.contains(person), "{audience:?} shows {person}");
            }
            assert!(people.is_empty());
        }
        // What the child shared is there, the caption with its drawing included.
        for shared in ["AMENDED-WORDS", "CAPTION-WORDS", "PUT-BACK-WORDS"] {
            assert!(html.contains(shared), "{audience:?} lacks {shared}");
        }
    }
}

/// The html of one house's section.
fn house(html: &str, question: Question) -> &str {
    let start = html
        .find(&format!("<section class=\"house {}\">", question.slug()))
        .unwrap();
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap()]
}

#[test]
fn a_house_the_child_passed_on_says_the_child_chose_not_to_say_to_the_court_not_to_mum() {
    let mut session = mia();
    assert!(session.pass(Tool::ThreeHouses, Question::GoodThings, 2_000));
    let chose = escape(&common::english::text("summary_chose_not_to_say", &[]));
    let nothing = escape(&common::english::text("summary_nothing_shared_here", &[]));
    let empty = escape(&common::english::text("summary_empty_house", &[]));
    let for_court = render(&Summary::of(&session, Some(&Audience::Court)), &english());
    assert!(house(&for_court, Question::GoodThings).contains(&chose));
    assert!(!house(&for_court, Question::GoodThings).contains(&nothing));
    assert!(house(&for_court, Question::Worries).contains(&nothing));
    assert!(!house(&for_court, Question::Worries).contains(&chose));
    // Mum's summary never speaks of the child's silence: the house shares nothing, as any.
    let for_mum = render(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert!(!for_mum.contains(&chose));
    assert!(house(&for_mum, Question::GoodThings).contains(&nothing));
    let full = render(&Summary::of(&session, None), &english());
    assert!(house(&full, Question::GoodThings).contains(&chose));
    assert!(!house(&full, Question::GoodThings).contains(&empty));
    assert!(house(&full, Question::Dreams).contains(&empty));
}

#[test]
fn every_printed_page_says_whose_it_is_which_page_of_how_many_and_what_made_it() {
    let session = rich();
    let mut text = english();
    let made = "Made with Hear Me 9.9.9 on 30 November 2026";
    assert_eq!(made_with_line(&text), made);
    for audience in [None, Some(Audience::Mum)] {
        let html = render(&Summary::of(&session, audience.as_ref()), &text);
        let style = &html[..html.find("</style>").unwrap()];
        assert!(style.contains(&format!(
            "@top-left {{ content: {};",
            css_string(&text.page_line)
        )));
        assert!(style.contains(&format!("@bottom-left {{ content: {};", css_string(made))));
        assert!(style
            .contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"));
        assert!(!style.contains("\" / \""));
    }
    // Right to left, the lines mirror; the words are the language's own, escaped for CSS.
    text.lang = "ar".into();
    text.page_word = "صفحة".into();
    text.of_word = "من\"".into();
    let html = render(&Summary::of(&session, None), &text);
    assert!(html
        .contains("@bottom-left { content: \"صفحة \" counter(page) \" من\\22  \" counter(pages);"));
    assert!(html.contains("@top-right {"));
}

#[test]
fn the_full_record_ends_with_a_line_to_sign_with_the_worker_s_name_and_the_day() {
    let session = rich();
    let html = render(&Summary::of(&session, None), &english());
    let signature = html
        .find("<section class=\"signature\">")
        .expect("a signature");
    let end = &html[signature..];
    assert!(end.contains("<p class=\"signature-label\">Signature</p>"));
    assert!(end.contains("<div class=\"signature-rule\"></div>"));
    assert!(end.contains("<bdi>Sam Worker</bdi> · 30 November 2026"));
    // Nothing of the record comes after it.
    assert!(end.starts_with("<section class=\"signature\">"));
    assert_eq!(end.matches("<section").count(), 1);
    assert!(html.find("class=\"given-to\"").unwrap() < signature);
    for audience in session.summary_audiences() {
        let html = render(&Summary::of(&session, Some(&audience)), &english());
        assert!(
            !html.contains("<section class=\"signature\">"),
            "{audience:?}"
        );
    }
}

#[test]
fn a_restored_session_says_so_in_the_full_record_and_nowhere_else() {
    let mut s = mia();
    // Made here: no mark.
    let html = render(&Summary::of(&s, None), &english());
    assert!(!html.contains("class=\"mark restored\""), "{html}");
    // Restored twice: from a backup that says when and by what it was made, then from one
    // whose header names no version Hear Me writes, kept beside the tablet's own copy.
    s.restores = vec![
        Restore {
            at_ms: 9_000,
            backup_made_at_ms: Some(8_000),
            backup_app_version: Some("0.1.0".into()),
            beside_own_copy: false,
        },
        Restore {
            at_ms: 12_000,
            backup_made_at_ms: Some(11_000),
            backup_app_version: None,
            beside_own_copy: true,
        },
    ];
    let html = render(&Summary::of(&s, None), &english());
    let section = &html[html.find("<section class=\"conversation\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    let first = common::english::text(
        "restored_from",
        &[("date", "t9000"), ("made", "t8000"), ("version", "0.1.0")],
    );
    let second = format!(
        "{} {}",
        common::english::text(
            "restored_from",
            &[
                ("date", "t12000"),
                ("made", "t11000"),
                (
                    "version",
                    &common::english::text("restored_unknown_version", &[])
                ),
            ],
        ),
        common::english::text("restored_beside_own", &[]),
    );
    let marks: Vec<&str> = section
        .split("<p class=\"mark restored\">")
        .skip(1)
        .map(|rest| &rest[..rest.find("</p>").unwrap()])
        .collect();
    assert_eq!(marks, [escape(&first), escape(&second)], "{section}");
    // A mark from before restores said where from: the day, and honestly nothing more.
    s.restores.clear();
    s.restored_from_backup_on = Some("2026-11-30".into());
    let html = render(&Summary::of(&s, None), &english());
    let unknown = common::english::text("restored_from_unknown", &[("date", "30 November 2026")]);
    assert!(html.contains(&escape(&unknown)), "{html}");
    // The mark is the worker's: no summary for an audience has it.
    s.restores = vec![Restore {
        at_ms: 9_000,
        backup_made_at_ms: Some(8_000),
        backup_app_version: Some("0.1.0".into()),
        beside_own_copy: false,
    }];
    for audience in [
        Audience::Mum,
        Audience::Court,
        Audience::Named("Oma".into()),
    ] {
        let html = render(&Summary::of(&s, Some(&audience)), &english());
        assert!(!html.contains("restored"), "{html}");
        assert!(!html.contains("Restored"), "{html}");
    }
}
