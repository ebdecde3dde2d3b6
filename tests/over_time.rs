//! Issue 25, the child over months: each question across a child's visits, and the
//! over-time documents. The audience rule holds per entry, in the entry's own visit: Mum's
//! document holds an entry only where the child agreed in that visit that Mum may see it;
//! "still so / not any more" travels only with an entry the reader may see; what happened
//! and the child's further words stay with the worker (and what happened with the readers
//! who weigh the proceedings); the full record over time holds everything, per visit.

use hear_me::core::child::ChildId;
use hear_me::core::html_text::escape;
use hear_me::core::over_months::{
    EarlierEntry, FeedbackHeard, FeedbackToChild, LastTimeAnswer, StillSo,
};
use hear_me::core::over_time::{
    audiences_over_time, named_over_time, visits_of, OverTime, QuestionOverTime,
};
use hear_me::core::over_time_html::{render_over_time_html, OverTimePainters, OverTimeText};
use hear_me::core::{
    Audience, Decision, EntryId, HelperKind, NewSession, Question, Session, SessionId,
    SummaryContent, Tool, Voice, Words,
};

mod common;

const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=";
const MARCH: &str = "2026-03-03";
const MAY: &str = "2026-05-12";
const SEPTEMBER: &str = "2026-09-01";

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
    let at = 1_000_000 * u64::from(number + 1);
    let mut session = Session::start(&form, SessionId::new(at, number), at).unwrap();
    session.set_child_id(ChildId::from(child), at);
    session
}

fn add(
    session: &mut Session,
    question: Question,
    text: &str,
    shared: &[Audience],
    at: u64,
) -> EntryId {
    let id = session.add_words(Tool::ThreeHouses, question, said(text), at);
    let decision = if shared.is_empty() {
        Some(Decision::Private)
    } else {
        Decision::shared_with(shared.iter().cloned())
    };
    session.decide_sharing(question, id, decision, at + 1);
    id
}

/// Mia's three visits, as the end-to-end fixture has them, and one of another child.
/// March: lunchtimes (teacher), Dad shouts (private), Pepper (Mum, teacher), a bike (Mum),
/// a drawing (Mum). May: Dad shouts (Mum, this time), swimming (Mum), a bike (Mum). September:
/// nothing yet, but the child's answers about March.
struct Visits {
    sessions: Vec<Session>,
    lunchtimes: EntryId,
    dad_march: EntryId,
    bike_march: EntryId,
}

fn mias_visits() -> Visits {
    use Audience::{Mum, Teacher};
    let mut march = visit("c-mia", MARCH, 1);
    let lunchtimes = add(
        &mut march,
        Question::Worries,
        "Lunchtimes at school are hard",
        &[Teacher],
        1_000_010,
    );
    let dad_march = add(
        &mut march,
        Question::Worries,
        "Dad shouts at night",
        &[],
        1_000_020,
    );
    add(
        &mut march,
        Question::GoodThings,
        "My cat Pepper",
        &[Mum, Teacher],
        1_000_030,
    );
    let bike_march = add(
        &mut march,
        Question::Dreams,
        "A bike of my own",
        &[Mum],
        1_000_040,
    );
    let drawing = march.add_drawing(Tool::ThreeHouses, Question::GoodThings, 1_000_050);
    march.decide_sharing(
        Question::GoodThings,
        drawing,
        Decision::shared_with([Mum]),
        1_000_051,
    );
    march.feedback.push(FeedbackToChild {
        id: 1,
        about: Some(EarlierEntry {
            session: march.id,
            question: Question::Worries,
            entry: lunchtimes,
        }),
        text: "I told your teacher you find lunchtimes hard.".into(),
        heard_by: vec![Teacher],
        on: "2026-03-10".into(),
        written_at: 1_000_100,
        removed_at: None,
    });
    march.set_reflection("Worker's reflection of March", 1_000_200);
    march.finish(1_000_300);

    let mut may = visit("c-mia", MAY, 2);
    add(
        &mut may,
        Question::Worries,
        "Dad shouts at night",
        &[Mum],
        2_000_010,
    );
    add(
        &mut may,
        Question::GoodThings,
        "Swimming on Saturdays",
        &[Mum],
        2_000_020,
    );
    add(
        &mut may,
        Question::Dreams,
        "A bike of my own",
        &[Mum],
        2_000_030,
    );
    may.last_time = vec![
        LastTimeAnswer {
            about: EarlierEntry {
                session: march.id,
                question: Question::Worries,
                entry: lunchtimes,
            },
            answer: StillSo::StillSo,
            words: None,
            at_ms: 2_000_001,
        },
        LastTimeAnswer {
            about: EarlierEntry {
                session: march.id,
                question: Question::Dreams,
                entry: bike_march,
            },
            answer: StillSo::Passed,
            words: None,
            at_ms: 2_000_002,
        },
    ];
    may.feedback_heard.push(FeedbackHeard {
        session: march.id,
        feedback: 1,
        reaction: Some(said("That was good")),
        at_ms: 2_000_003,
    });
    may.finish(2_000_300);

    let mut september = visit("c-mia", SEPTEMBER, 3);
    september.last_time = vec![
        LastTimeAnswer {
            about: EarlierEntry {
                session: march.id,
                question: Question::Worries,
                entry: lunchtimes,
            },
            answer: StillSo::NotAnyMore,
            words: Some(said("I sit with Lena now")),
            at_ms: 3_000_001,
        },
        LastTimeAnswer {
            about: EarlierEntry {
                session: march.id,
                question: Question::Worries,
                entry: dad_march,
            },
            answer: StillSo::Changed,
            words: None,
            at_ms: 3_000_002,
        },
    ];

    let mut jonas = visit("c-jonas", "2026-04-10", 4);
    add(
        &mut jonas,
        Question::GoodThings,
        "Football with Ali",
        &[Mum],
        4_000_010,
    );
    // Stored out of order, as a list may be.
    Visits {
        sessions: vec![september, jonas, may, march],
        lunchtimes,
        dad_march,
        bike_march,
    }
}

fn words_in(question: &QuestionOverTime, visit: usize) -> Vec<String> {
    question.cells[visit]
        .entries
        .iter()
        .filter_map(|entry| match &entry.entry.content {
            SummaryContent::Words(words) => Some(words.text.clone()),
            _ => None,
        })
        .collect()
}

fn over_time(visits: &Visits, audience: Option<&Audience>) -> OverTime {
    let of = visits.sessions.iter().find(|s| s.date == MAY).unwrap();
    let mine = visits_of(&visits.sessions, of);
    OverTime::of(&mine, audience)
}

fn english(over_time: &OverTime) -> OverTimeText {
    let t = |key: &str| common::english::texts()[key].clone();
    let name = over_time.child_name.as_str();
    let mut summary = common::english::summary_text(name, HelperKind::Dragon, 0);
    summary.title = common::english::text("over_time_title", &[("name", name)]);
    summary.audience_line = match &over_time.audience {
        None => t("over_time_full_record_line"),
        Some(audience) => common::english::text(
            "over_time_for",
            &[("audience", summary.audience_name(audience))],
        ),
    };
    OverTimeText {
        visits: over_time.visits.iter().map(|_| summary.clone()).collect(),
        summary,
        visits_label: t("over_time_visits"),
        visit_heading: t("over_time_visit_heading"),
        not_finished: t("over_time_not_finished"),
        still_so: t("over_time_still_so"),
        changed: t("over_time_changed"),
        not_any_more: t("over_time_not_any_more"),
        passed: t("over_time_passed"),
        happened_label: t("over_time_happened"),
        heard_by: t("over_time_heard_by"),
        child_heard: t("over_time_child_heard"),
        childs_words_label: t("over_time_childs_words"),
    }
}

fn html(over_time: &OverTime) -> String {
    render_over_time_html(
        over_time,
        &english(over_time),
        &OverTimePainters {
            picture: &|_, _, _| Some(PNG.to_owned()),
            earlier_picture: &|_, _, _, _| None,
            time: &|at_ms| format!("t{at_ms}"),
            day: &|_| "some day".to_owned(),
        },
    )
}

/// The html of one question's section.
fn house(html: &str, question: Question) -> &str {
    let start = html
        .find(&format!("<section class=\"house {}\">", question.slug()))
        .unwrap();
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap()]
}

/// The rows of one question's section, one per visit.
fn rows(section: &str) -> Vec<&str> {
    section.split("<div class=\"visit-row\">").skip(1).collect()
}

#[test]
fn the_childs_visits_are_the_columns_oldest_first_and_no_other_childs() {
    let visits = mias_visits();
    let full = over_time(&visits, None);
    let dates: Vec<&str> = full.visits.iter().map(|v| v.date.as_str()).collect();
    assert_eq!(dates, [MARCH, MAY, SEPTEMBER]);
    let worries = full.question(Question::Worries).unwrap();
    assert_eq!(
        words_in(worries, 0),
        ["Lunchtimes at school are hard", "Dad shouts at night"]
    );
    assert_eq!(words_in(worries, 1), ["Dad shouts at night"]);
    assert!(words_in(worries, 2).is_empty());
    let dreams = full.question(Question::Dreams).unwrap();
    assert_eq!(words_in(dreams, 0), ["A bike of my own"]);
    assert_eq!(words_in(dreams, 1), ["A bike of my own"]);
    let everything = html(&full);
    assert!(!everything.contains("Football with Ali"), "Jonas's words");
}

#[test]
fn each_entry_reaches_an_audience_only_where_its_own_visit_shared_it() {
    let visits = mias_visits();
    let mum = over_time(&visits, Some(&Audience::Mum));
    let worries = mum.question(Question::Worries).unwrap();
    // Private in March, shared with Mum in May: Mum reads May's alone.
    assert!(words_in(worries, 0).is_empty());
    assert_eq!(words_in(worries, 1), ["Dad shouts at night"]);
    let good = mum.question(Question::GoodThings).unwrap();
    assert_eq!(words_in(good, 0), ["My cat Pepper"]);
    assert_eq!(good.cells[0].entries.len(), 2, "Pepper and the drawing");
    assert_eq!(words_in(good, 1), ["Swimming on Saturdays"]);

    let file = html(&mum);
    let march_worries = rows(house(&file, Question::Worries))[0];
    assert!(!march_worries.contains("Dad shouts"));
    assert!(!file.contains("Lunchtimes"), "the teacher's alone");
    // A visit with nothing for Mum in a question says so, as its own summary would.
    let nothing = escape(&common::english::text("summary_nothing_shared_here", &[]));
    assert!(march_worries.contains(&nothing), "{march_worries}");
    assert_eq!(rows(house(&file, Question::Worries)).len(), 3);
    assert!(file.contains(PNG), "the drawing shared with Mum");
    assert!(!file.contains("Worker&#39;s reflection"));
    assert!(!file.contains("Worker's reflection"));

    let teacher = html(&over_time(&visits, Some(&Audience::Teacher)));
    assert!(teacher.contains("Lunchtimes at school are hard"));
    assert!(teacher.contains("My cat Pepper"));
    assert!(!teacher.contains("A bike of my own"));
    assert!(!teacher.contains("Dad shouts"));
}

#[test]
fn still_so_and_not_any_more_go_only_with_an_entry_the_reader_sees() {
    let visits = mias_visits();
    let teacher = over_time(&visits, Some(&Audience::Teacher));
    let lunchtimes = &teacher.question(Question::Worries).unwrap().cells[0].entries[0];
    assert_eq!(lunchtimes.entry.id, visits.lunchtimes);
    let answers: Vec<(&str, StillSo)> = lunchtimes
        .later
        .iter()
        .map(|later| (later.date.as_str(), later.answer))
        .collect();
    assert_eq!(
        answers,
        [(MAY, StillSo::StillSo), (SEPTEMBER, StillSo::NotAnyMore)]
    );
    // The child's words about it were shared with nobody.
    assert!(lunchtimes.later.iter().all(|later| later.words.is_none()));
    let file = html(&teacher);
    assert!(file.contains("Not any more (1 September 2026)"), "{file}");
    assert!(file.contains("Still so (12 May 2026)"));
    assert!(!file.contains("I sit with Lena"));
    // "Changed" was said of Dad shouting, which the teacher may not see.
    assert!(!file.contains("Different now"));

    // Mum sees the bike of March; the child passed on it in May: no silence told to Mum.
    let mum = html(&over_time(&visits, Some(&Audience::Mum)));
    assert!(mum.contains("A bike of my own"));
    assert!(!mum.contains("Did not want to say"));
    assert!(!mum.contains("Not any more"));
    assert!(!mum.contains("Still so"));
}

#[test]
fn what_happened_is_for_the_worker_and_the_proceedings_not_the_family_or_school() {
    let mut visits = mias_visits();
    // The child shared the lunchtimes with the court as well.
    let march = visits
        .sessions
        .iter_mut()
        .find(|s| s.date == MARCH)
        .unwrap();
    march.amend_sharing_for_test(visits.lunchtimes);
    let court = html(&over_time(&visits, Some(&Audience::Court)));
    assert!(court.contains("I told your teacher you find lunchtimes hard."));
    assert!(court.contains("The child heard this on 12 May 2026"));
    assert!(!court.contains("That was good"), "the child's reaction");
    let teacher = html(&over_time(&visits, Some(&Audience::Teacher)));
    assert!(teacher.contains("Lunchtimes at school are hard"));
    assert!(!teacher.contains("I told your teacher"));
}

#[test]
fn feedback_the_worker_took_back_is_not_what_happened() {
    let mut visits = mias_visits();
    let march = visits
        .sessions
        .iter_mut()
        .find(|s| s.date == MARCH)
        .unwrap();
    march.feedback[0].removed_at = Some(1_000_200);
    let full = html(&over_time(&visits, None));
    assert!(full.contains("Lunchtimes at school are hard"));
    assert!(!full.contains("I told your teacher you find lunchtimes hard."));
}

trait ForTest {
    fn amend_sharing_for_test(&mut self, entry: EntryId);
}

impl ForTest for Session {
    /// A finished visit's sharing can still be changed: the child's wish is theirs.
    fn amend_sharing_for_test(&mut self, entry: EntryId) {
        assert!(self.decide_sharing(
            Question::Worries,
            entry,
            Decision::shared_with([Audience::Teacher, Audience::Court]),
            1_000_400,
        ));
    }
}

#[test]
fn the_full_record_over_time_holds_everything_per_visit() {
    let mut visits = mias_visits();
    let may = visits.sessions.iter_mut().find(|s| s.date == MAY).unwrap();
    may.set_reflection("Worker's reflection of May", 2_000_400);
    let full = over_time(&visits, None);
    let file = html(&full);
    for words in [
        "Lunchtimes at school are hard",
        "Dad shouts at night",
        "My cat Pepper",
        "A bike of my own",
        "Swimming on Saturdays",
        "I sit with Lena now",
        "That was good",
        "I told your teacher you find lunchtimes hard.",
        "Did not want to say (12 May 2026)",
        "Different now (1 September 2026)",
        "The visit of 3 March 2026",
        "The visit of 12 May 2026",
        "The visit of 1 September 2026",
    ] {
        assert!(file.contains(&escape(words)), "{words} missing");
    }
    assert!(file.contains(&escape("Worker's reflection of March")));
    assert!(file.contains(&escape("Worker's reflection of May")));
    assert!(file.contains(&escape(
        &common::english::texts()["over_time_full_record_line"]
    )));
    // The child's wish per entry, as in each visit's full record.
    assert!(file.contains("class=\"decision\""));
    // The visit still going on says so.
    assert!(file.contains("not finished yet"));
    assert_eq!(full.drawn_from().len(), 3);
    let _ = visits.dad_march;
    let _ = visits.bike_march;
}

#[test]
fn a_copy_is_recorded_only_in_the_visits_it_draws_from() {
    let visits = mias_visits();
    let mum = over_time(&visits, Some(&Audience::Mum));
    let dates: Vec<&str> = mum
        .drawn_from()
        .iter()
        .map(|id| {
            visits
                .sessions
                .iter()
                .find(|s| s.id == *id)
                .unwrap()
                .date
                .as_str()
        })
        .collect();
    assert_eq!(dates, [MARCH, MAY], "September holds nothing for Mum");
    // The teacher's copy holds September's "not any more" about March's lunchtimes.
    let teacher = over_time(&visits, Some(&Audience::Teacher));
    assert_eq!(teacher.drawn_from().len(), 3);
}

#[test]
fn the_readers_offered_are_those_the_child_chose_across_visits() {
    let mut visits = mias_visits();
    let may = visits.sessions.iter_mut().find(|s| s.date == MAY).unwrap();
    let oma = may
        .add_named_audience("Oma Hildegard", 2_000_500)
        .expect("a name");
    let swim = may.entries(Question::GoodThings)[0].id;
    may.decide_sharing(
        Question::GoodThings,
        swim,
        Decision::shared_with([Audience::Mum, oma.clone()]),
        2_000_501,
    );
    let of = visits.sessions.iter().find(|s| s.date == MAY).unwrap();
    let mine = visits_of(&visits.sessions, of);
    assert_eq!(
        audiences_over_time(&mine),
        [Audience::Mum, Audience::Teacher, oma]
    );
    assert_eq!(named_over_time(&mine), ["Oma Hildegard"]);
}

#[test]
fn a_visit_from_before_children_is_its_own_child() {
    let form = NewSession {
        child_name: "Mia".into(),
        date: MARCH.into(),
        ..NewSession::default()
    };
    let alone = Session::start(&form, SessionId::new(9, 9), 9).unwrap();
    let visits = mias_visits();
    let mut all = visits.sessions.clone();
    all.push(alone.clone());
    // Two "Mia"s may be two children: never joined behind the worker's back.
    assert_eq!(visits_of(&all, &alone).len(), 1);
    let of = all.iter().find(|s| s.date == MAY).unwrap();
    assert_eq!(visits_of(&all, of).len(), 3);
}

#[test]
fn the_document_escapes_what_was_typed() {
    let mut visits = mias_visits();
    let may = visits.sessions.iter_mut().find(|s| s.date == MAY).unwrap();
    let id = may.entries(Question::Dreams)[0].id;
    may.amend_words(
        Question::Dreams,
        id,
        "<script>alert(1)</script>",
        "typed wrong",
        2_000_600,
    )
    .unwrap();
    let file = html(&over_time(&visits, Some(&Audience::Mum)));
    assert!(!file.contains("<script>"));
    assert!(file.contains("&lt;script&gt;"));
    // Changed words carry their mark for every reader.
    assert!(file.contains("amended on"));
}

#[test]
fn the_file_names_the_child_the_newest_visit_and_the_reader_by_kind() {
    use hear_me::core::over_time::over_time_file_name;
    let visits = over_time(&mias_visits(), Some(&Audience::Mum));
    assert_eq!(
        over_time_file_name(&visits, &[]),
        "hear-me-over-time-Mia-2026-09-01-for-mum.html"
    );
    let full = over_time(&mias_visits(), None);
    assert_eq!(
        over_time_file_name(&full, &[]),
        "hear-me-over-time-Mia-2026-09-01-full-record.html"
    );
}

#[test]
fn over_time_is_the_workers_screen_and_leads_back_to_its_visit() {
    use hear_me::core::{ChildMode, Screen};
    let session = SessionId::from("s-over-time");
    let place = Screen::OverTime { session };
    assert_eq!(place.parent(), Screen::Session { session });
    assert_eq!(place.session(), Some(&session));
    for tool in Tool::ALL {
        assert!(!ChildMode { session, tool }.allows(&place));
    }
}

#[test]
fn worries_for_the_family_are_confirmed_visit_by_visit_before_a_copy_leaves() {
    use hear_me::core::over_time::worries_to_confirm;
    use hear_me::core::{Export, ExportKind};
    let mut visits = mias_visits();
    let of = visits.sessions.iter().find(|s| s.date == MAY).unwrap();
    let mine = visits_of(&visits.sessions, of);
    // May's "Dad shouts at night" is shared with Mum: asked before Mum's copy leaves.
    let asked: Vec<(SessionId, EntryId)> = worries_to_confirm(&mine, &Audience::Mum)
        .into_iter()
        .map(|(visit, entry)| (visit, entry.id))
        .collect();
    let may_id = of.id;
    let dad_may = of.entries(Question::Worries)[0].id;
    assert_eq!(asked, [(may_id, dad_may)]);
    // The court is not asked; the teacher is not family.
    assert!(worries_to_confirm(&mine, &Audience::Court).is_empty());
    assert!(worries_to_confirm(&mine, &Audience::Teacher).is_empty());
    // Confirmed with a copy noted in May: not asked again.
    let may = visits.sessions.iter_mut().find(|s| s.id == may_id).unwrap();
    may.record_export(Export {
        at_ms: 2_000_900,
        audience: Some(Audience::Mum),
        kind: ExportKind::Downloaded,
        file_name: "hear-me-over-time-Mia-2026-09-01-for-mum.html".into(),
        confirmed_worries: vec![dad_may],
        picture: None,
    });
    let of = visits.sessions.iter().find(|s| s.date == MAY).unwrap();
    let mine = visits_of(&visits.sessions, of);
    assert!(worries_to_confirm(&mine, &Audience::Mum).is_empty());
}
