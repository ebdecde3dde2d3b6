//! "What happened with what you told me" (issue 25): the worker's feedback to the child about
//! what was done with what the child shared, the child hearing it at a later visit with their
//! reaction, and the check of what the worker promised at the end of a visit.

use hear_me::core::child::ChildId;
use hear_me::core::feedback::{
    earlier_visits, for_the_child_at, heard, promises_to_check, waiting_for_the_child,
    who_may_have_heard, FeedbackError, FeedbackRecord,
};
use hear_me::core::over_months::{EarlierEntry, Happened};
use hear_me::core::{
    Audience, Decision, NewSession, Question, Session, SessionId, Tool, Voice, Words, WorkerReason,
};

fn said(text: &str) -> Words {
    Words {
        text: text.into(),
        voice: Voice::ChildSaidWorkerWrote,
    }
}

fn visit(child: &str, date: &str, number: u32) -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "8".into(),
        worker_name: "Sam".into(),
        date: date.into(),
    };
    let at = 1_000 * u64::from(number);
    let mut session = Session::start(&form, SessionId::new(at, number), at).unwrap();
    session.set_child_id(ChildId::from(child), at);
    session
}

/// A visit with a worry shared with the teacher, a private one, and a good thing shared with
/// Mum; the worker told the child what would happen next.
fn first_visit() -> (Session, EarlierEntry, EarlierEntry, EarlierEntry) {
    let mut session = visit("c-mia", "2026-03-03", 1);
    let mut add = |question, text: &str, decision| {
        let id = session.add_words(Tool::ThreeHouses, question, said(text), 10);
        session.decide_sharing(question, id, decision, 11);
        EarlierEntry {
            session: session.id,
            question,
            entry: id,
        }
    };
    let lunch = add(
        Question::Worries,
        "Lunchtimes are hard",
        Decision::shared_with([Audience::Teacher]),
    );
    let private = add(Question::Worries, "Dad shouts", Some(Decision::Private));
    let cat = add(
        Question::GoodThings,
        "My cat",
        Decision::shared_with([Audience::Mum, Audience::Teacher]),
    );
    session.set_worker_told("I will talk to your teacher.", 20);
    session.finish(30);
    (session, lunch, private, cat)
}

#[test]
fn feedback_is_offered_for_what_the_child_shared_or_the_worker_passed_on() {
    let (mut session, lunch, private, cat) = first_visit();
    assert_eq!(
        session.offered_for_feedback(),
        vec![lunch.clone(), cat.clone()]
    );
    assert_eq!(
        session.add_feedback(Some(private.clone()), "I told nobody.", vec![], "", 40),
        Err(FeedbackError::NotOffered)
    );
    // Passed on without the child's agreement: the child is told what happened with it too.
    let item = hear_me::core::SharedItem::Entry {
        question: private.question,
        entry: private.entry,
    };
    let why = WorkerReason::new("2026-03-04", "Safety", "Sam").unwrap();
    assert!(session.record_passed_on(item, Audience::Court, why, 41));
    assert_eq!(
        session.offered_for_feedback(),
        vec![lunch.clone(), private.clone(), cat.clone()]
    );
    assert_eq!(
        who_may_have_heard(&session, &private),
        vec![Audience::Court]
    );
    assert_eq!(
        who_may_have_heard(&session, &cat),
        vec![Audience::Mum, Audience::Teacher]
    );
}

#[test]
fn a_shared_entry_the_child_took_out_is_not_offered() {
    let mut session = visit("c-mia", "2026-03-03", 1);
    let id = session.add_words(Tool::ThreeHouses, Question::Dreams, said("A bike"), 10);
    session.decide_sharing(
        Question::Dreams,
        id,
        Decision::shared_with([Audience::Mum]),
        11,
    );
    assert_eq!(session.offered_for_feedback().len(), 1);
    assert!(session.take_out(Question::Dreams, id, 12));
    assert!(session.offered_for_feedback().is_empty());
}

#[test]
fn feedback_waits_for_what_was_offered_at_a_finished_visit_until_it_is_written() {
    // While the visit goes on, nothing waits: nothing has been done with it yet.
    let mut open = visit("c-mia", "2026-03-03", 9);
    let id = open.add_words(Tool::ThreeHouses, Question::Dreams, said("A bike"), 10);
    open.decide_sharing(
        Question::Dreams,
        id,
        Decision::shared_with([Audience::Mum]),
        11,
    );
    assert_eq!(open.offered_for_feedback().len(), 1);
    assert!(open.feedback_to_give().is_empty());

    let (mut session, lunch, private, cat) = first_visit();
    assert_eq!(
        session.feedback_to_give(),
        vec![lunch.clone(), cat.clone()],
        "the private worry waits for nothing"
    );
    session
        .add_feedback(Some(lunch.clone()), "I told your teacher.", vec![], "", 40)
        .unwrap();
    assert_eq!(session.feedback_to_give(), vec![cat.clone()]);
    // Feedback about the visit as a whole tells nothing about the cat.
    session
        .add_feedback(None, "Thank you for today.", vec![], "", 41)
        .unwrap();
    assert_eq!(session.feedback_to_give(), vec![cat.clone()]);
    // Taken back, it waits again.
    let taken = session
        .add_feedback(Some(cat.clone()), "Mum was glad.", vec![], "", 42)
        .unwrap();
    assert!(session.feedback_to_give().is_empty());
    session.remove_feedback(taken, false, 43).unwrap();
    assert_eq!(session.feedback_to_give(), vec![cat.clone()]);
    // Passed on by the worker: the child is told what happened with it too.
    let item = hear_me::core::SharedItem::Entry {
        question: private.question,
        entry: private.entry,
    };
    let why = WorkerReason::new("2026-03-04", "Safety", "Sam").unwrap();
    assert!(session.record_passed_on(item, Audience::Court, why, 44));
    assert_eq!(session.feedback_to_give(), vec![private, cat]);
}

#[test]
fn feedback_is_the_workers_record_written_after_the_end_with_ids_never_given_twice() {
    let (mut session, lunch, _, cat) = first_visit();
    assert!(session.is_finished());
    let first = session
        .add_feedback(
            Some(lunch.clone()),
            "  I told your teacher lunchtimes are hard. ",
            vec![Audience::Teacher, Audience::Teacher],
            "2026-03-10",
            100,
        )
        .unwrap();
    let stored = &session.feedback[0];
    assert_eq!(stored.text, "I told your teacher lunchtimes are hard.");
    assert_eq!(stored.heard_by, vec![Audience::Teacher]);
    assert_eq!(stored.on, "2026-03-10");
    assert_eq!(stored.about, Some(lunch.clone()));
    // Taken back before the child heard it: kept, marked, and its id not given again.
    let second = session
        .add_feedback(Some(cat.clone()), "Mum was happy.", vec![], "", 100)
        .unwrap();
    assert!(second > first);
    session.remove_feedback(second, false, 101).unwrap();
    assert_eq!(session.feedback[1].removed_at, Some(101));
    assert!(session.feedback_about(&cat).is_empty());
    assert_eq!(
        session.remove_feedback(second, false, 102),
        Err(FeedbackError::NotThere)
    );
    let third = session
        .add_feedback(Some(cat.clone()), "Mum was glad.", vec![], "", 5_000)
        .unwrap();
    assert!(third > second);
    assert_eq!(session.updated_at, 5_000);
    assert_eq!(session.feedback_about(&cat).len(), 1);
    assert_eq!(
        session.add_feedback(None, "   ", vec![], "", 102),
        Err(FeedbackError::TextMissing)
    );
    assert_eq!(
        session.add_feedback(None, "We met.", vec![], "10 March", 102),
        Err(FeedbackError::DateInvalid)
    );
}

#[test]
fn what_the_child_heard_is_not_changed_or_removed() {
    let (mut march, lunch, _, _) = first_visit();
    let id = march
        .add_feedback(
            Some(lunch),
            "I told your teacher.",
            vec![Audience::Teacher],
            "",
            100,
        )
        .unwrap();
    // Not heard yet: the worker may still change their words.
    march
        .change_feedback(
            id,
            "I told Ms Berg, your teacher.",
            vec![],
            "2026-03-09",
            false,
            110,
        )
        .unwrap();
    assert_eq!(march.feedback[0].text, "I told Ms Berg, your teacher.");
    assert_eq!(march.feedback[0].on, "2026-03-09");
    let mut may = visit("c-mia", "2026-05-12", 2);
    assert!(may.record_feedback_heard(march.id, id, Some(said("Good.")), 200));
    let sessions = vec![march.clone(), may.clone()];
    let was_heard = heard(&sessions, march.id, id).is_some();
    assert!(was_heard);
    assert_eq!(
        march.change_feedback(id, "Something else", vec![], "", was_heard, 300),
        Err(FeedbackError::AlreadyHeard)
    );
    assert_eq!(
        march.remove_feedback(id, was_heard, 300),
        Err(FeedbackError::AlreadyHeard)
    );
    assert_eq!(march.feedback[0].text, "I told Ms Berg, your teacher.");
    assert_eq!(
        march.change_feedback(999, "x", vec![], "", false, 300),
        Err(FeedbackError::NotThere)
    );
}

#[test]
fn the_child_hears_feedback_from_earlier_visits_once_with_their_reaction_kept_exactly() {
    let (mut march, lunch, _, cat) = first_visit();
    let a = march
        .add_feedback(Some(lunch), "I told your teacher.", vec![], "", 100)
        .unwrap();
    let b = march
        .add_feedback(Some(cat), "Mum loves Pepper too.", vec![], "", 101)
        .unwrap();
    let mut may = visit("c-mia", "2026-05-12", 2);
    let jonas = visit("c-jonas", "2026-06-01", 3);
    let mut september = visit("c-mia", "2026-09-01", 4);
    let all = |m: &Session, may: &Session, s: &Session| {
        vec![m.clone(), may.clone(), jonas.clone(), s.clone()]
    };
    // Feedback waits at the child's later visits, not at another child's, not at its own.
    let sessions = all(&march, &may, &september);
    assert_eq!(waiting_for_the_child(&sessions, &may), 2);
    assert_eq!(waiting_for_the_child(&sessions, &jonas), 0);
    assert_eq!(waiting_for_the_child(&sessions, &march), 0);
    let pieces = for_the_child_at(&sessions, &may);
    assert_eq!(pieces[0].feedback.id, a);
    assert_eq!(pieces[0].from_date, "2026-03-03");
    assert_eq!(
        pieces[0]
            .entry
            .as_ref()
            .and_then(|e| e.words())
            .map(|w| w.text.as_str()),
        Some("Lunchtimes are hard")
    );
    // Heard in May with the child's own words, exactly; the other one with nothing said.
    let reaction = Words {
        text: "  ok  she was nice ".into(),
        voice: Voice::ChildWrote,
    };
    assert!(may.record_feedback_heard(march.id, a, Some(reaction.clone()), 500));
    assert!(!may.record_feedback_heard(march.id, a, Some(said("changed")), 501));
    assert!(may.record_feedback_heard(march.id, b, Some(said("   ")), 502));
    assert_eq!(may.feedback_heard[0].reaction, Some(reaction));
    assert_eq!(may.feedback_heard[1].reaction, None);
    assert!(!march.record_feedback_heard(march.id, a, None, 503));
    let sessions = all(&march, &may, &september);
    // In May the pieces keep their place, marked heard; in September nothing waits.
    let in_may = for_the_child_at(&sessions, &may);
    assert_eq!(in_may.len(), 2);
    assert!(in_may.iter().all(|piece| piece.heard_here.is_some()));
    assert_eq!(waiting_for_the_child(&sessions, &may), 0);
    assert!(for_the_child_at(&sessions, &september).is_empty());
    // New feedback written after May waits for September.
    let c = march
        .add_feedback(None, "We had a meeting at school.", vec![], "", 600)
        .unwrap();
    let sessions = all(&march, &may, &september);
    let waiting = for_the_child_at(&sessions, &september);
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].feedback.id, c);
    assert!(waiting[0].entry.is_none());
    september.record_feedback_heard(march.id, c, None, 700);
    assert_eq!(earlier_visits(&sessions, &september).len(), 2);
    // A finished visit is over: nothing waits for the child there.
    let d = march
        .add_feedback(None, "The school has a new lunch club.", vec![], "", 800)
        .unwrap();
    may.finish(900);
    let sessions = all(&march, &may, &september);
    assert_eq!(waiting_for_the_child(&sessions, &may), 0);
    assert_eq!(
        for_the_child_at(&sessions, &september)
            .last()
            .unwrap()
            .feedback
            .id,
        d
    );
}

#[test]
fn a_promise_comes_back_until_the_worker_says_whether_it_happened() {
    let (march, _, _, _) = first_visit();
    let mut may = visit("c-mia", "2026-05-12", 2);
    may.set_worker_told("I will come back after the summer.", 50);
    let mut september = visit("c-mia", "2026-09-01", 4);
    let sessions = vec![march.clone(), may.clone(), september.clone()];
    let in_may = promises_to_check(&sessions, &may);
    assert_eq!(in_may.len(), 1);
    assert_eq!(in_may[0].told, "I will talk to your teacher.");
    assert_eq!(in_may[0].from_date, "2026-03-03");
    assert!(in_may[0].checked_here.is_none());
    // "Not yet" in May: it comes back in September.
    assert!(may.check_promise(march.id, Happened::NotYet, " Teacher was ill ", 60));
    assert!(!may.check_promise(march.id, Happened::NotYet, "Teacher was ill", 61));
    assert!(!may.check_promise(may.id, Happened::Yes, "", 61));
    assert_eq!(may.promise_check(march.id).unwrap().note, "Teacher was ill");
    let sessions = vec![march.clone(), may.clone(), september.clone()];
    let in_september = promises_to_check(&sessions, &september);
    assert_eq!(
        in_september.iter().map(|p| p.from).collect::<Vec<_>>(),
        vec![march.id, may.id]
    );
    // Answered "Yes" in September: a visit after that has nothing of March's to check.
    assert!(september.check_promise(march.id, Happened::Yes, "", 70));
    assert!(september.check_promise(march.id, Happened::Partly, "Only once", 71));
    assert_eq!(september.promises_checked.len(), 1);
    assert_eq!(september.promises_checked[0].happened, Happened::Partly);
    let december = visit("c-mia", "2026-12-01", 5);
    let sessions = vec![
        march.clone(),
        may.clone(),
        september.clone(),
        december.clone(),
    ];
    let in_december = promises_to_check(&sessions, &december);
    assert_eq!(
        in_december.iter().map(|p| p.from).collect::<Vec<_>>(),
        vec![may.id]
    );
    // September still shows its own check.
    assert_eq!(
        promises_to_check(&sessions, &september)[0]
            .checked_here
            .as_ref()
            .map(|c| c.happened),
        Some(Happened::Partly)
    );
}

#[test]
fn the_full_record_of_each_visit_tells_what_was_said_heard_and_checked() {
    let (mut march, lunch, _, _) = first_visit();
    let id = march
        .add_feedback(
            Some(lunch),
            "I told your teacher.",
            vec![Audience::Teacher],
            "2026-03-10",
            100,
        )
        .unwrap();
    let mut may = visit("c-mia", "2026-05-12", 2);
    may.record_feedback_heard(march.id, id, Some(said("She helps me now")), 500);
    may.check_promise(march.id, Happened::Yes, "Met on 10 March", 510);
    let sessions = vec![march.clone(), may.clone()];

    let of_march = FeedbackRecord::of(&march, &sessions);
    assert_eq!(of_march.given.len(), 1);
    let given = &of_march.given[0];
    assert_eq!(given.feedback.text, "I told your teacher.");
    assert_eq!(
        given.about_words.as_ref().map(|w| w.text.as_str()),
        Some("Lunchtimes are hard")
    );
    let (day, heard) = given.heard.as_ref().unwrap();
    assert_eq!(day, "2026-05-12");
    assert_eq!(heard.reaction.as_ref().unwrap().text, "She helps me now");
    assert_eq!(of_march.this_promise.len(), 1);
    assert_eq!(of_march.this_promise[0].date, "2026-05-12");
    assert_eq!(
        of_march.this_promise[0].told,
        "I will talk to your teacher."
    );
    assert_eq!(of_march.this_promise[0].check.happened, Happened::Yes);

    let of_may = FeedbackRecord::of(&may, &sessions);
    assert!(of_may.given.is_empty());
    assert_eq!(of_may.heard_here[0].text, "I told your teacher.");
    assert_eq!(of_may.heard_here[0].from_date, "2026-03-03");
    assert_eq!(of_may.checked_here[0].told, "I will talk to your teacher.");
    assert_eq!(of_may.checked_here[0].date, "2026-03-03");
    assert!(FeedbackRecord::of(&visit("c-jonas", "2026-01-01", 9), &sessions).is_empty());
}

#[test]
fn a_reaction_is_kept_as_typed_until_next_and_then_heard_exactly() {
    let (mut march, lunch, _, _) = first_visit();
    let id = march
        .add_feedback(Some(lunch), "I told your teacher.", vec![], "", 100)
        .unwrap();
    let mut may = visit("c-mia", "2026-05-12", 2);
    let typed = |text: &str| Words {
        text: text.into(),
        voice: Voice::ChildWrote,
    };
    assert_eq!(may.reaction_typed(march.id, id), None);
    assert!(may.type_reaction(march.id, id, typed("Lea"), 3_000));
    assert!(may.type_reaction(march.id, id, typed("Lea is nice  "), 3_001));
    assert!(!may.type_reaction(march.id, id, typed("Lea is nice  "), 3_002));
    assert_eq!(may.updated_at, 3_001);
    // Stored and read back (a reload), exactly, spaces and who wrote it too.
    let back: Session = serde_json::from_str(&serde_json::to_string(&may).unwrap()).unwrap();
    assert_eq!(
        back.reaction_typed(march.id, id),
        Some(&typed("Lea is nice  "))
    );
    // Not heard yet: nothing counts as heard, the piece still waits.
    assert!(back.feedback_heard.is_empty());
    let sessions = vec![march.clone(), back.clone()];
    assert_eq!(waiting_for_the_child(&sessions, &back), 1);
    // "Next": heard with exactly those words; what was typed is not kept twice.
    let mut may = back;
    let words = may.reaction_typed(march.id, id).cloned();
    assert!(may.record_feedback_heard(march.id, id, words, 4_000));
    assert_eq!(may.feedback_heard[0].reaction, Some(typed("Lea is nice  ")));
    assert_eq!(may.reaction_typed(march.id, id), None);
    assert!(may.reactions_typed.is_empty());
    // Heard: typing changes nothing any more.
    assert!(!may.type_reaction(march.id, id, typed("Something else"), 4_001));
    assert_eq!(may.reaction_typed(march.id, id), None);
    // Feedback of the visit itself is never this visit's to react to.
    assert!(!march.type_reaction(march.id, id, typed("x"), 4_002));
}

#[test]
fn a_visit_without_feedback_is_stored_as_before() {
    let (march, _, _, _) = first_visit();
    let json = serde_json::to_string(&march).unwrap();
    for field in [
        "feedback",
        "feedback_heard",
        "promises_checked",
        "reactions_typed",
    ] {
        assert!(!json.contains(&format!("\"{field}\"")), "{field} written");
    }
    let mut with = march.clone();
    let id = with.add_feedback(None, "We met.", vec![], "", 100).unwrap();
    with.check_promise(SessionId::from("other"), Happened::No, "", 101);
    let back: Session = serde_json::from_str(&serde_json::to_string(&with).unwrap()).unwrap();
    assert_eq!(back.feedback[0].id, id);
    assert_eq!(back.promises_checked, with.promises_checked);
}

mod common;

/// The file for a summary, dates and times as the tests write them.
fn render(summary: &hear_me::core::Summary) -> String {
    use hear_me::core::summary_html::Painters;
    let text = common::english::summary_text("Mia", hear_me::core::HelperKind::Dragon, 0);
    hear_me::core::render_summary_html(
        summary,
        &text,
        &Painters {
            picture: &|_, _| None,
            earlier_picture: &|_, _, _| None,
            time: &|at| format!("t{at}"),
            day: &|at| format!("d{at}"),
        },
    )
}

#[test]
fn the_full_record_file_says_it_all_and_a_summary_for_an_audience_says_none_of_it() {
    use hear_me::core::Summary;
    let (mut march, lunch, _, _) = first_visit();
    let id = march
        .add_feedback(
            Some(lunch),
            "I told your teacher <Ms Berg>.",
            vec![Audience::Teacher],
            "2026-03-10",
            100,
        )
        .unwrap();
    let mut may = visit("c-mia", "2026-05-12", 2);
    may.record_feedback_heard(march.id, id, Some(said("She helps me now")), 500);
    may.check_promise(march.id, Happened::Partly, "Only one talk so far", 510);
    let sessions = vec![march.clone(), may.clone()];

    let full = render(&Summary::of(&march, None).with_the_childs_visits(&march, &sessions));
    let heading = common::english::text("fb_heading", &[("name", "<bdi>Mia</bdi>")]);
    assert!(full.contains(&heading), "{full}");
    assert!(full.contains("I told your teacher &lt;Ms Berg&gt;."));
    assert!(!full.contains("<Ms Berg>"));
    let teacher = common::english::text("audience_teacher", &[]);
    assert!(
        full.contains(&format!("<bdi>{teacher}</bdi>")),
        "who heard it, named"
    );
    assert!(full.contains("Lunchtimes are hard"));
    assert!(full.contains("She helps me now"));
    assert!(full.contains("Only one talk so far"));
    let happened = common::english::text("happened_partly", &[]);
    assert!(full.contains(&format!("<bdi>{happened}</bdi>")));
    assert!(
        full.contains("12 May 2026"),
        "the visit where the child heard it"
    );
    // Without the child's visits the record says nothing it cannot know.
    let alone = render(&Summary::of(&march, None));
    assert!(!alone.contains("feedback-to-child"));

    let later = render(&Summary::of(&may, None).with_the_childs_visits(&may, &sessions));
    assert!(later.contains("She helps me now"));
    assert!(later.contains("I will talk to your teacher."));
    assert!(later.contains("3 March 2026"));

    let for_teacher = render(
        &Summary::of(&march, Some(&Audience::Teacher)).with_the_childs_visits(&march, &sessions),
    );
    assert!(for_teacher.contains("Lunchtimes are hard"));
    for worker_only in [
        "feedback-to-child",
        "I told your teacher",
        "She helps me now",
    ] {
        assert!(!for_teacher.contains(worker_only), "{worker_only}");
    }
}
