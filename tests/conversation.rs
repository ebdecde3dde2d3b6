//! The conversation around the child's words (issue 16): taking out instead of deleting,
//! "I don't want to say", the end of a session and its amendments, the age version, the order
//! the child went through the questions, and what the full record carries.

use hear_me::core::ink::{Point, Stroke};
use hear_me::core::summary::{FullRecord, Reader};
use hear_me::core::summary_html::Painters;
use hear_me::core::{
    render_summary_html, AgeVersion, AmendError, Amended, Audience, Consent, Decision, EntryId,
    Helper, HelperKind, Informed, Interpreter, NewSession, Pace, PersonPresent, Question,
    ReadBackMark, Session, SessionId, SharedItem, Summary, SummaryChoices, SummaryContent, Tool,
    Voice, Whereabouts, Words, WorkerReason,
};

mod common;

fn child(age: &str) -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: age.into(),
        worker_name: "Sam".into(),
        date: "2026-11-27".into(),
    };
    Session::start(&form, SessionId::new(1, 2), 1_000).unwrap()
}

fn mia() -> Session {
    child("7")
}

fn said(text: &str) -> Words {
    Words {
        text: text.into(),
        voice: Voice::ChildSaidWorkerWrote,
    }
}

/// Every audience a summary can be made for, the names the child gave among them.
fn every_audience(session: &Session) -> Vec<Audience> {
    let audiences = session.summary_audiences();
    assert!(audiences.iter().any(|a| matches!(a, Audience::Named(_))));
    assert!(audiences.len() > Audience::PICTURED.len());
    audiences
}

fn full_record(summary: &Summary) -> &FullRecord {
    match &summary.reader {
        Reader::FullRecord(record) => record,
        Reader::ForAudience(_) => panic!("a summary for an audience"),
    }
}

fn stroke() -> Stroke {
    Stroke {
        colour: "#1d6fd1".into(),
        width: 16,
        pen: true,
        nib: Default::default(),
        points: vec![Point {
            x: 1,
            y: 2,
            pressure: 128,
        }],
    }
}

#[test]
fn a_taken_out_entry_is_in_no_summary_for_any_audience_but_stays_in_the_full_record() {
    let mut session = mia();
    session.add_named_audience("Oma", 1_100);
    let everyone = Decision::shared_with(
        Audience::PICTURED
            .into_iter()
            .chain([Audience::Named("Oma".into())]),
    );
    let secret = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        said("Papa haut Mama"),
        2_000,
    );
    let kept = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        said("Ich bin müde"),
        2_100,
    );
    for id in [secret, kept] {
        assert!(session.decide_sharing(Question::Worries, id, everyone.clone(), 2_200));
    }
    assert!(session.take_out(Question::Worries, secret, 3_000));
    assert!(
        !session.take_out(Question::Worries, secret, 3_100),
        "out already"
    );
    assert_eq!(session.updated_at, 3_000);

    let text = common::english::summary_text("Mia", HelperKind::Dragon, 0);
    let painters = Painters {
        picture: &|_, _| None,
        earlier_picture: &|_, _, _| None,
        time: &|at_ms| at_ms.to_string(),
        day: &|at_ms| format!("day {at_ms}"),
    };
    for audience in every_audience(&session) {
        let summary = Summary::of(&session, Some(&audience));
        let worries = summary.question(Question::Worries).unwrap();
        let ids: Vec<EntryId> = worries.entries.iter().map(|entry| entry.id).collect();
        assert_eq!(ids, [kept], "{audience:?}");
        assert!(worries
            .entries
            .iter()
            .all(|entry| entry.taken_out.is_empty()));
        let html = render_summary_html(&summary, &text, &painters);
        assert!(!html.contains("Papa haut Mama"), "{audience:?}");
        assert!(html.contains("Ich bin müde"), "{audience:?}");
        assert!(session
            .entries_shown_to(&audience)
            .all(|(_, entry)| entry.id != secret));
    }
    // Not in the child's lists, nor offered when the child shares everything.
    let for_child: Vec<EntryId> = session
        .child_entries(Question::Worries)
        .map(|entry| entry.id)
        .collect();
    assert_eq!(for_child, [kept]);
    // The worker's full record keeps it, with when it was taken out.
    let full = Summary::of(&session, None);
    let worries = &full.question(Question::Worries).unwrap().entries;
    assert_eq!(worries.len(), 2);
    assert!(worries[0].is_taken_out());
    assert_eq!(worries[0].taken_out[0].at_ms, 3_000);
    assert_eq!(
        worries[0].content,
        SummaryContent::Words(said("Papa haut Mama"))
    );
    assert!(!worries[1].is_taken_out());
}

#[test]
fn putting_back_keeps_that_it_was_taken_out() {
    let mut session = mia();
    let id = session.add_drawing(Tool::ThreeHouses, Question::Dreams, 2_000);
    session.decide_sharing(
        Question::Dreams,
        id,
        Decision::shared_with([Audience::Mum]),
        2_100,
    );
    assert!(!session.put_back(Question::Dreams, id, 2_200), "not out");
    assert!(session.take_out(Question::Dreams, id, 3_000));
    assert!(!session
        .entry(Question::Dreams, id)
        .unwrap()
        .is_shown_to(&Audience::Mum));
    assert!(session.put_back(Question::Dreams, id, 4_000));
    assert!(!session.put_back(Question::Dreams, id, 4_100));
    let entry = session.entry(Question::Dreams, id).unwrap();
    assert!(entry.is_shown_to(&Audience::Mum));
    assert_eq!(entry.taken_out_at(), None);
    assert_eq!(entry.taken_out.len(), 1);
    assert_eq!(entry.taken_out[0].at_ms, 3_000);
    assert_eq!(entry.taken_out[0].put_back_at_ms, Some(4_000));
    assert!(session.take_out(Question::Dreams, id, 5_000));
    let entry = session.entry(Question::Dreams, id).unwrap();
    assert_eq!(entry.taken_out_at(), Some(5_000));
    assert_eq!(entry.taken_out.len(), 2);
}

#[test]
fn sharing_everything_leaves_out_what_the_child_took_out() {
    let mut session = mia();
    let out = session.add_words(Tool::ThreeHouses, Question::Worries, said("x"), 2_000);
    let kept = session.add_words(Tool::ThreeHouses, Question::Worries, said("y"), 2_100);
    session.take_out(Question::Worries, out, 2_200);
    let mum = Decision::shared_with([Audience::Mum]).unwrap();
    assert_eq!(session.share_everything(mum, 3_000), 1);
    assert!(session
        .entry(Question::Worries, out)
        .unwrap()
        .sharing
        .is_undecided());
    assert!(!session
        .entry(Question::Worries, kept)
        .unwrap()
        .sharing
        .is_undecided());
    // The full record does not count it as waiting for a decision: it is never shown.
    assert_eq!(full_record(&Summary::of(&session, None)).undecided, 0);
}

#[test]
fn a_pass_reads_as_chosen_not_to_say_only_where_the_child_gave_nothing_there_and_never_to_family() {
    let mut session = mia();
    assert!(session.pass(Tool::ThreeHouses, Question::Worries, 2_000));
    assert!(
        !session.pass(Tool::ThreeHouses, Question::Worries, 2_100),
        "one pass per question and tool"
    );
    assert!(session.passed(Tool::ThreeHouses, Question::Worries));
    assert!(!session.passed(Tool::WizardsAndFairies, Question::Worries));
    assert!(!session.passed(Tool::ThreeHouses, Question::Dreams));
    assert_eq!(
        session.tools_used(),
        [Tool::ThreeHouses],
        "passing is taking part"
    );
    let marked = |session: &Session, audience: Option<&Audience>| {
        Summary::of(session, audience)
            .questions
            .iter()
            .filter(|question| question.chose_not_to_say)
            .map(|question| question.question)
            .collect::<Vec<_>>()
    };
    assert_eq!(marked(&session, None), [Question::Worries]);
    assert_eq!(
        marked(&session, Some(&Audience::Court)),
        [Question::Worries]
    );
    // Never to the family: a silence read at home can become pressure on the child.
    assert_eq!(
        marked(&session, Some(&Audience::Mum)),
        Vec::<Question>::new()
    );

    // The child adds something later: the pass stays in the log, and where the words are
    // there they are shown instead.
    let later = session.add_words(Tool::ThreeHouses, Question::Worries, said("doch"), 3_000);
    session.decide_sharing(
        Question::Worries,
        later,
        Decision::shared_with([Audience::Court]),
        3_100,
    );
    assert!(session.passed(Tool::ThreeHouses, Question::Worries));
    assert_eq!(marked(&session, None), Vec::<Question>::new());
    assert_eq!(
        marked(&session, Some(&Audience::Court)),
        Vec::<Question>::new()
    );
    // Mum sees nothing of the question, yet the child did speak: no silence for her either.
    assert_eq!(
        marked(&session, Some(&Audience::Mum)),
        Vec::<Question>::new()
    );
    // Taken out again, the words are not the child's answer any more, in the full record too.
    session.take_out(Question::Worries, later, 3_200);
    assert_eq!(marked(&session, None), [Question::Worries]);
    assert_eq!(
        marked(&session, Some(&Audience::Court)),
        [Question::Worries]
    );
    assert_eq!(
        full_record(&Summary::of(&session, None))
            .pace
            .iter()
            .map(|event| event.what)
            .collect::<Vec<_>>(),
        [Pace::Pass {
            tool: Tool::ThreeHouses,
            question: Question::Worries
        }]
    );
}

#[test]
fn a_break_is_open_until_it_ends_and_finishing_ends_it() {
    let mut session = mia();
    assert!(!session.end_break(1_500), "no break going on");
    assert!(session.start_break(2_000));
    assert!(session.on_break());
    assert!(!session.start_break(2_100), "one break at a time");
    assert!(session.end_break(2_500));
    assert!(!session.on_break());
    assert!(session.record_stop(2_600));
    assert!(session.start_break(3_000));
    assert!(session.finish(4_000));
    assert!(!session.on_break());
    assert_eq!(
        session
            .pace()
            .iter()
            .map(|event| (event.at_ms, event.what))
            .collect::<Vec<_>>(),
        [
            (
                2_000,
                Pace::Break {
                    ended_at_ms: Some(2_500)
                }
            ),
            (2_600, Pace::Stop),
            (
                3_000,
                Pace::Break {
                    ended_at_ms: Some(4_000)
                }
            ),
        ]
    );
}

#[test]
fn the_age_version_comes_from_the_age_and_the_workers_choice_wins() {
    for (age, version) in [
        ("4", AgeVersion::Younger),
        ("8", AgeVersion::Younger),
        ("9", AgeVersion::Older),
        ("16", AgeVersion::Older),
        ("", AgeVersion::Younger),
    ] {
        assert_eq!(child(age).age_version(), version, "age {age:?}");
    }
    let mut session = child("15");
    session.set_age_version(Some(AgeVersion::Younger), 2_000);
    assert_eq!(session.age_version(), AgeVersion::Younger);
    assert_eq!(session.age_version_chosen(), Some(AgeVersion::Younger));
    assert_eq!(session.updated_at, 2_000);
    session.set_age_version(None, 3_000);
    assert_eq!(session.age_version(), AgeVersion::Older);
}

#[test]
fn the_visit_order_keeps_first_visits_and_ignores_immediate_repeats() {
    let mut session = mia();
    assert!(session.visit_order(Tool::ThreeHouses).is_empty());
    assert!(session.note_visit(Tool::ThreeHouses, Question::GoodThings, 2_000));
    assert!(!session.note_visit(Tool::ThreeHouses, Question::GoodThings, 2_100));
    assert!(session.note_visit(Tool::ThreeHouses, Question::Dreams, 2_200));
    assert!(session.note_visit(Tool::WizardsAndFairies, Question::Worries, 2_300));
    assert!(session.note_visit(Tool::ThreeHouses, Question::GoodThings, 2_400));
    assert!(session.note_visit(Tool::ThreeHouses, Question::Worries, 2_500));
    assert_eq!(session.visits().len(), 5);
    assert_eq!(
        session.visit_order(Tool::ThreeHouses),
        [Question::GoodThings, Question::Dreams, Question::Worries]
    );
    assert_eq!(
        session.visit_order(Tool::WizardsAndFairies),
        [Question::Worries]
    );
}

#[test]
fn after_the_end_the_childs_part_changes_only_by_amendment() {
    let mut session = mia();
    let words = session.add_words(Tool::ThreeHouses, Question::Worries, said("Angst"), 2_000);
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Dreams, 2_100);
    assert!(session.set_caption(Question::Dreams, drawing, Some(said("Oma")), 2_200));
    assert!(
        !session.set_caption(Question::Worries, words, Some(said("x")), 2_250),
        "only a drawing has a caption"
    );
    assert_eq!(
        session.amend_words(Question::Worries, words, "Angst!", "why", 2_300),
        Err(AmendError::NotFinished)
    );
    assert!(session.finish(3_000));
    assert!(!session.finish(3_100), "finished once");
    assert_eq!(session.finished_at(), Some(3_000));
    assert_eq!(session.end_time(), Some(3_000));
    let before = session.clone();

    // The ordinary setters change nothing now.
    let later = 4_000;
    assert!(!session.set_words(Question::Worries, words, "x", Voice::ChildWrote, later));
    assert_eq!(
        session.change_drawing(Question::Dreams, drawing, later, |d| d.strokes.clear()),
        None
    );
    assert!(!session.add_stroke(Question::Dreams, drawing, stroke(), later));
    assert_eq!(
        session.add_words(Tool::ThreeHouses, Question::Worries, said("x"), later),
        EntryId::NONE
    );
    assert_eq!(
        session.add_drawing(Tool::ThreeHouses, Question::Worries, later),
        EntryId::NONE
    );
    session.rename(Tool::ThreeHouses, Question::Worries, "Sturm", later);
    session.choose_helper(Helper::new(HelperKind::Dragon), later);
    assert!(!session.set_caption(Question::Dreams, drawing, Some(said("x")), later));
    assert!(!session.set_worker_question(Question::Worries, words, "Und?", later));
    assert!(!session.take_out(Question::Worries, words, later));
    assert!(!session.set_read_back(Question::Worries, words, Some(ReadBackMark::Checked), later));
    assert!(!session.pass(Tool::ThreeHouses, Question::Dreams, later));
    assert!(!session.record_stop(later));
    assert!(!session.start_break(later));
    assert!(!session.note_visit(Tool::ThreeHouses, Question::Dreams, later));
    assert!(!session.set_before_we_start_done(true, later));
    assert!(!session.set_child_wants_next(Some(said("x")), later));
    assert_eq!(session, before, "nothing of the child's changed");

    // An amendment needs a reason, and an entry of the right kind.
    assert_eq!(
        session.amend_words(Question::Worries, words, "Angst!", " \n", later),
        Err(AmendError::ReasonMissing)
    );
    assert_eq!(
        session.amend_words(Question::Worries, drawing, "x", "why", later),
        Err(AmendError::NotThere)
    );
    assert_eq!(
        session.amend_caption(Question::Worries, words, "x", "why", later),
        Err(AmendError::NotThere)
    );
    assert_eq!(
        session.amend_words(Question::Worries, words, "Angst", "why", later),
        Err(AmendError::Unchanged)
    );
    assert_eq!(session, before);
    session
        .amend_words(
            Question::Worries,
            words,
            "Angst vor Papa",
            "Mia said more at the door",
            5_000,
        )
        .unwrap();
    session
        .amend_caption(
            Question::Dreams,
            drawing,
            "",
            "Mia took the caption back",
            5_100,
        )
        .unwrap();
    session
        .amend_child_wants_next("Zu Oma", "Said on the way out", 5_200)
        .unwrap();
    session
        .amend_worker_question(
            Question::Worries,
            words,
            "Is anything worrying you?",
            "Typed late",
            5_300,
        )
        .unwrap();
    assert_eq!(
        session
            .entry(Question::Worries, words)
            .unwrap()
            .worker_question
            .as_deref(),
        Some("Is anything worrying you?")
    );
    let words_now = session
        .entry(Question::Worries, words)
        .unwrap()
        .words()
        .unwrap();
    assert_eq!(words_now.text, "Angst vor Papa");
    assert_eq!(words_now.voice, Voice::ChildSaidWorkerWrote);
    assert_eq!(
        session.entry(Question::Dreams, drawing).unwrap().caption,
        None
    );
    assert_eq!(
        session.next_steps().child_wants,
        Some(said("Zu Oma")),
        "new words are the child's, written by the worker"
    );
    let amendments: Vec<_> = session
        .amendments()
        .iter()
        .map(|a| {
            (
                a.at_ms,
                a.what,
                a.before.as_str(),
                a.after.as_str(),
                a.why.as_str(),
            )
        })
        .collect();
    assert_eq!(
        amendments,
        [
            (
                5_000,
                Amended::Words {
                    question: Question::Worries,
                    entry: words
                },
                "Angst",
                "Angst vor Papa",
                "Mia said more at the door"
            ),
            (
                5_100,
                Amended::Caption {
                    question: Question::Dreams,
                    entry: drawing
                },
                "Oma",
                "",
                "Mia took the caption back"
            ),
            (
                5_200,
                Amended::ChildWantsNext,
                "",
                "Zu Oma",
                "Said on the way out"
            ),
            (
                5_300,
                Amended::WorkerQuestion {
                    question: Question::Worries,
                    entry: words
                },
                "",
                "Is anything worrying you?",
                "Typed late"
            ),
        ]
    );
    assert_eq!(session.updated_at, 5_300);
    assert_eq!(
        full_record(&Summary::of(&session, None)).amendments.len(),
        4
    );
}

#[test]
fn after_the_end_the_workers_own_records_stay_editable() {
    let mut session = mia();
    let id = session.add_words(Tool::ThreeHouses, Question::Worries, said("Angst"), 2_000);
    session.finish(3_000);
    session.set_reflection("Mia was calm.", 4_000);
    session.set_worker_told("I will talk to Mum.", 4_100);
    assert!(session.add_network_response(" Mum ", "I did not know.", 4_200));
    assert!(!session.add_network_response("Dad", "  ", 4_250));
    assert!(session.decide_sharing(
        Question::Worries,
        id,
        Decision::shared_with([Audience::Court]),
        4_300
    ));
    let item = SharedItem::Entry {
        question: Question::Worries,
        entry: id,
    };
    assert!(session.hold_back(
        item,
        Audience::Court,
        WorkerReason::new("2026-11-28", "not yet", "Sam").unwrap(),
        4_400
    ));
    let mut for_mum = SummaryChoices::default_for(&Audience::Mum);
    for_mum.note = "Talk to me first".into();
    session.set_summary_choices(for_mum.clone(), 4_500);
    session.set_place("School", 4_600);
    session.set_conversation_language("Arabic", 4_700);
    session.set_end_time(Some(3_500), 4_800);
    // The child's entries are not: deleting one is refused (the whole session can still go).
    assert!(session.delete_entry(Question::Worries, id, 4_900).is_none());
    assert!(session.entry(Question::Worries, id).is_some());
    assert_eq!(session.reflection, "Mia was calm.");
    assert_eq!(session.next_steps().worker_told, "I will talk to Mum.");
    assert_eq!(session.network_responses()[0].who, "Mum");
    assert_eq!(session.summary_choices(&Audience::Mum), for_mum);
    assert_eq!(session.details().language, "Arabic");
    assert_eq!(session.end_time(), Some(3_500));
    assert!(
        session.is_finished(),
        "correcting the end time does not reopen"
    );
    assert_eq!(session.updated_at, 4_800);
}

#[test]
fn the_details_are_kept_as_typed_and_change_the_session_only_when_different() {
    let mut session = mia();
    assert_eq!(session.start_time(), 1_000, "the session's start");
    assert_eq!(session.end_time(), None);
    session.set_start_time(Some(900), 2_000);
    assert_eq!(session.start_time(), 900);
    let people = vec![
        PersonPresent {
            who: "Mum".into(),
            role: String::new(),
            whereabouts: Whereabouts::Nearby,
        },
        PersonPresent {
            who: "Ms Kaya, teacher".into(),
            role: String::new(),
            whereabouts: Whereabouts::InTheRoom,
        },
    ];
    session.set_people(people.clone(), 2_100);
    session.set_interpreter(
        Some(Interpreter {
            name: "Mr Haddad".into(),
            role: "interpreter".into(),
        }),
        2_200,
    );
    session.set_parents_informed(Some(Informed::new("Sam", "2026-11-20").unwrap()), 2_300);
    session.set_parents_consent(Some(Consent::Given), 2_400);
    assert_eq!(session.updated_at, 2_400);
    session.set_people(people.clone(), 9_000);
    session.set_parents_consent(Some(Consent::Given), 9_000);
    assert_eq!(session.updated_at, 2_400, "the same again changes nothing");
    assert!(session.set_before_we_start_done(true, 2_500));
    assert!(
        !session.set_before_we_start_done(true, 2_600),
        "the first time is kept"
    );
    assert_eq!(session.before_we_start_at(), Some(2_500));

    let full = Summary::of(&session, None);
    let record = full_record(&full);
    assert_eq!(record.details.people, people);
    assert_eq!(record.details.parents.consent, Some(Consent::Given));
    assert_eq!(record.start_time, 900);
    assert_eq!(record.before_we_start_at, Some(2_500));
    assert_eq!(record.age_version, AgeVersion::Younger);
}

#[test]
fn captions_go_with_their_drawing_and_the_workers_question_and_read_back_stay_in_the_full_record() {
    let mut session = mia();
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::GoodThings, 2_000);
    assert!(session.set_caption(
        Question::GoodThings,
        drawing,
        Some(said("me and my dog")),
        2_100
    ));
    assert!(!session.set_caption(
        Question::GoodThings,
        drawing,
        Some(said("me and my dog")),
        2_150
    ));
    assert!(session.set_worker_question(Question::GoodThings, drawing, "What do you like?", 2_200));
    assert!(session.set_read_back(
        Question::GoodThings,
        drawing,
        Some(ReadBackMark::Checked),
        2_300
    ));
    session.decide_sharing(
        Question::GoodThings,
        drawing,
        Decision::shared_with([Audience::Mum]),
        2_400,
    );
    assert!(session.note_visit(Tool::ThreeHouses, Question::GoodThings, 2_500));
    let for_mum = Summary::of(&session, Some(&Audience::Mum));
    let shown = &for_mum.question(Question::GoodThings).unwrap().entries[0];
    assert_eq!(shown.caption, Some(said("me and my dog")));
    assert_eq!(shown.worker_question, None);
    assert_eq!(shown.read_back, None);
    let full = Summary::of(&session, None);
    let kept = &full.question(Question::GoodThings).unwrap().entries[0];
    assert_eq!(kept.worker_question.as_deref(), Some("What do you like?"));
    let read_back = kept.read_back.unwrap();
    assert_eq!(
        (read_back.mark, read_back.at_ms),
        (ReadBackMark::Checked, 2_300)
    );
    assert_eq!(
        full_record(&full).visit_order,
        [(Tool::ThreeHouses, vec![Question::GoodThings])]
    );
    // Clearing is allowed, and a blank question is no question.
    assert!(session.set_read_back(Question::GoodThings, drawing, None, 2_600));
    assert!(session.set_worker_question(Question::GoodThings, drawing, "  ", 2_700));
    let entry = session.entry(Question::GoodThings, drawing).unwrap();
    assert_eq!(
        (entry.read_back, entry.worker_question.as_deref()),
        (None, None)
    );
}

#[test]
fn the_next_steps_and_the_networks_responses_are_in_the_full_record_only() {
    let mut session = mia();
    assert!(session.set_child_wants_next(Some(said("Live with Oma")), 2_000));
    session.set_worker_told("I will talk to the judge.", 2_100);
    assert!(session.add_network_response("Mum", "I did not know.", 2_200));
    assert!(session.set_network_response(0, "Mum", "I did not know that.", 2_300));
    assert!(!session.set_network_response(1, "Dad", "x", 2_400));
    let full = Summary::of(&session, None);
    let record = full_record(&full);
    assert_eq!(record.next_steps.child_wants, Some(said("Live with Oma")));
    assert_eq!(record.next_steps.worker_told, "I will talk to the judge.");
    assert_eq!(record.network_responses[0].text, "I did not know that.");
    assert_eq!(record.network_responses[0].at_ms, 2_200);
    for audience in [Audience::Mum, Audience::Court] {
        let debug = format!("{:?}", Summary::of(&session, Some(&audience)));
        assert!(!debug.contains("Live with Oma"), "{audience:?}");
        assert!(!debug.contains("I did not know"), "{audience:?}");
    }
    assert!(session.remove_network_response(0, 2_500));
    assert!(session.network_responses().is_empty());
}

#[test]
fn the_dots_under_a_house_count_what_the_child_still_has_in() {
    let mut session = mia();
    let dots = |session: &Session, tool: Tool| -> Vec<usize> {
        session
            .questions_in(tool)
            .iter()
            .map(|q| q.dots())
            .collect()
    };
    let first = session.add_words(Tool::ThreeHouses, Question::Worries, said("a"), 2_000);
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2_100);
    session.add_words(Tool::WizardsAndFairies, Question::Worries, said("b"), 2_200);
    session.add_words(Tool::ThreeHouses, Question::Dreams, said("c"), 2_300);
    let worries = |session: &Session, tool| {
        let position = tool_position(tool, Question::Worries);
        dots(session, tool)[position]
    };
    assert_eq!(worries(&session, Tool::ThreeHouses), 3, "from either tool");
    assert_eq!(worries(&session, Tool::WizardsAndFairies), 3);

    assert!(session.take_out(Question::Worries, first, 3_000));
    assert!(session.take_out(Question::Worries, drawing, 3_100));
    assert_eq!(worries(&session, Tool::ThreeHouses), 1, "taken out: no dot");
    assert_eq!(worries(&session, Tool::WizardsAndFairies), 1);
    // The entries are still kept for the worker; only the count the child sees is less.
    assert_eq!(session.entries(Question::Worries).len(), 3);
    let dreams = tool_position(Tool::ThreeHouses, Question::Dreams);
    assert_eq!(dots(&session, Tool::ThreeHouses)[dreams], 1);

    assert!(session.put_back(Question::Worries, first, 4_000));
    assert_eq!(
        worries(&session, Tool::ThreeHouses),
        2,
        "put back: counted again"
    );
}

fn tool_position(tool: Tool, question: Question) -> usize {
    tool.questions()
        .iter()
        .position(|&q| q == question)
        .unwrap()
}

#[test]
fn a_new_session_takes_the_worker_s_name_from_settings_and_may_change_it_for_itself() {
    // The start form gives the name kept in Settings.
    let from_settings = "Sam Kaya";
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: from_settings.into(),
        date: "2026-12-07".into(),
    };
    let mut session = Session::start(&form, SessionId::new(1, 2), 1_000).unwrap();
    assert_eq!(session.worker, "Sam Kaya");
    session.set_worker("  Alex  ", 2_000);
    assert_eq!(session.worker, "Alex", "a label: trimmed at the ends");
    assert_eq!(session.updated_at, 2_000);
    session.set_worker("Alex", 3_000);
    assert_eq!(
        session.updated_at, 2_000,
        "the same name again changes nothing"
    );
}

#[test]
fn before_we_start_without_a_worker_s_name_says_the_job_and_never_i_m_with_a_gap() {
    use hear_me::core::conversation::worker_introduction;
    for code in ["en", "de", "fr", "pl", "ro", "tr", "uk", "ar"] {
        let path = format!("{}/locales/{code}.json", env!("CARGO_MANIFEST_DIR"));
        let texts: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for version in ["younger", "older"] {
            let named = &texts[&format!("before_{version}_who")];
            let unnamed = &texts[&format!("before_{version}_job")];
            let isolate = |name: &str| format!("\u{2068}{name}\u{2069}");
            let without = worker_introduction(" ", named, unnamed, isolate);
            assert_eq!(&without, unnamed, "{code} {version}");
            assert!(
                !without.contains("{{") && !without.contains(" ."),
                "{code}: {without}"
            );
            // The job line is the named line's second sentence, word for word.
            assert!(
                named.ends_with(unnamed.as_str()),
                "{code} {version}: {named} / {unnamed}"
            );
            let with = worker_introduction("Sam", named, unnamed, isolate);
            assert!(with.contains("\u{2068}Sam\u{2069}"), "{code}: {with}");
        }
    }
    let en = worker_introduction("", "I'm {{ worker }}. My job is…", "My job is…", |n| {
        n.into()
    });
    assert!(!en.contains("I'm"), "{en}");
}

#[test]
fn the_record_names_the_child_s_language_and_another_language_spoken_as_typed() {
    let mut session = mia();
    assert_eq!(session.languages_spoken(), "", "nothing set, nothing said");
    session.set_child_language("ar", 1_100);
    assert_eq!(session.languages_spoken(), "العربية");
    session.set_conversation_language("Kurdish (Sorani)", 1_200);
    assert_eq!(session.languages_spoken(), "العربية · Kurdish (Sorani)");
    // A session from before the child's language could be chosen keeps what was typed.
    let mut old = mia();
    old.set_conversation_language("Arabic", 1_300);
    assert_eq!(old.languages_spoken(), "Arabic");
    // The same language typed again is not said twice.
    let mut same = mia();
    same.set_child_language("de-AT", 1_400);
    same.set_conversation_language("Deutsch", 1_500);
    assert_eq!(same.languages_spoken(), "Deutsch");
}

#[test]
fn the_day_of_the_conversation_can_be_corrected_after_a_quick_start_and_only_to_a_day() {
    let mut session = mia();
    assert_eq!(session.set_date("2026-11-26", 2_000), Ok(()));
    assert_eq!(session.date, "2026-11-26");
    assert_eq!(session.updated_at, 2_000);
    assert_eq!(
        session.set_date("26.11.2026", 3_000),
        Err(hear_me::core::SessionError::DateInvalid)
    );
    assert_eq!(session.date, "2026-11-26", "a refused day changes nothing");
    assert_eq!(session.updated_at, 2_000);
}
