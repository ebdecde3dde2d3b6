//! "Last time you told me…" in the worker's full record (issue 25): each answer under the new
//! visit with its house, the earlier visit's day, what the child said then and now, and an
//! answer the child changed; in no summary for an audience.

use hear_me::core::child::ChildId;
use hear_me::core::over_months::StillSo;
use hear_me::core::summary_html::Painters;
use hear_me::core::{
    render_summary_html, Audience, Decision, EntryId, HelperKind, NewSession, Question, Session,
    SessionId, Summary, Tool, Voice, Words,
};

mod common;

fn visit(date: &str, made: u64) -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "8".into(),
        worker_name: "Sam".into(),
        date: date.into(),
    };
    let mut session = Session::start(&form, SessionId::new(made, 1), made).unwrap();
    session.set_child_id(ChildId::from("c-mia"), made);
    session
}

fn words(text: &str) -> Words {
    Words {
        text: text.into(),
        voice: Voice::ChildSaidWorkerWrote,
    }
}

fn render(summary: &Summary) -> String {
    let text = common::english::summary_text("Mia", HelperKind::Dragon, 0);
    render_summary_html(
        summary,
        &text,
        &Painters {
            picture: &|_: Question, _: EntryId| None,
            earlier_picture: &|_, _, _| None,
            time: &|at_ms| format!("t{at_ms}"),
            day: &|at_ms| format!("day {at_ms}"),
        },
    )
}

/// Mia said on 12 May that Dad shouts at night; on 1 September she first says it is still so,
/// then, going back, that it is not any more, in her own words.
fn may_and_september() -> (Session, Session) {
    let mut may = visit("2026-05-12", 200);
    may.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("Dad shouts at night"),
        210,
    );
    let mut september = visit("2026-09-01", 300);
    let worry = may.to_show_again()[0].about.clone();
    assert!(september.answer_last_time(worry.clone(), StillSo::StillSo, None, 1_000));
    assert!(september.answer_last_time(
        worry,
        StillSo::NotAnyMore,
        Some(words("He <stopped>")),
        2_000
    ));
    (may, september)
}

#[test]
fn the_full_record_says_what_the_child_answered_about_which_day() {
    let (may, september) = may_and_september();
    let mut summary = Summary::of(&september, None);
    summary.see_earlier_visits(&september, &[may, september.clone()]);
    let html = render(&summary);

    assert!(html.contains("<section class=\"last-time\">"), "{html}");
    assert!(html.contains("Last time you told me…: the child"), "{html}");
    assert!(
        html.contains("House of Worries from 12 May 2026: not any more (day 2000)"),
        "{html}"
    );
    // What the child said then, and now, exactly (escaped, never markup).
    assert!(html.contains("Dad shouts at night"), "{html}");
    assert!(html.contains("He &lt;stopped&gt;"), "{html}");
    // The answer given first stays in the record.
    assert!(html.contains("Answered before: still so (t1000)"), "{html}");
}

#[test]
fn without_the_earlier_visit_the_line_still_stands_and_says_so() {
    let (_, september) = may_and_september();
    // Summary::of alone does not know the other visits.
    let html = render(&Summary::of(&september, None));
    assert!(
        html.contains(
            "House of Worries from an earlier visit no longer on this tablet: not any more (day 2000)"
        ),
        "{html}"
    );
}

#[test]
fn no_summary_for_an_audience_holds_the_answers() {
    let (may, mut september) = may_and_september();
    let swimming = september.add_words(
        Tool::ThreeHouses,
        Question::GoodThings,
        words("Swimming"),
        3_000,
    );
    september.decide_sharing(
        Question::GoodThings,
        swimming,
        Decision::shared_with([Audience::Mum]),
        3_100,
    );
    for audience in september.summary_audiences() {
        let mut summary = Summary::of(&september, Some(&audience));
        summary.see_earlier_visits(&september, &[may.clone(), september.clone()]);
        let html = render(&summary);
        assert!(!html.contains("last-time"), "{audience:?}: {html}");
        assert!(!html.contains("He &lt;stopped&gt;"), "{audience:?}: {html}");
        assert!(
            !html.contains("Dad shouts at night"),
            "{audience:?}: {html}"
        );
    }
    let html = render(&Summary::of(&september, Some(&Audience::Mum)));
    assert!(html.contains("Swimming"), "{html}");
}
