//! Issue 22: the child's sharing decisions are recorded when the child has decided (one change
//! per dialog opening, each tap saved at once); a hold recorded after a copy left says which
//! copies still hold the entry; a family copy with worries is confirmed first.

use hear_me::core::summary_html::Painters;
use hear_me::core::{
    render_summary_html, Audience, Decision, EntryId, Export, ExportKind, HelperKind, NewSession,
    Question, Session, SessionId, SharedItem, Sharing, SharingChange, Summary, Tool, Voice, Words,
    WorkerReason,
};

mod common;

fn mia() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam Worker".into(),
        date: "2026-11-27".into(),
    };
    Session::start(&form, SessionId::new(1, 2), 1_000).unwrap()
}

fn said(session: &mut Session, question: Question, text: &str, at: u64) -> SharedItem {
    let entry = session.add_words(
        Tool::ThreeHouses,
        question,
        Words {
            text: text.into(),
            voice: Voice::ChildSaidWorkerWrote,
        },
        at,
    );
    SharedItem::Entry { question, entry }
}

fn with(audiences: &[Audience]) -> Option<Decision> {
    Decision::shared_with(audiences.iter().cloned())
}

fn history(session: &Session, item: SharedItem) -> Vec<Option<Decision>> {
    session
        .sharing(item)
        .unwrap()
        .history
        .iter()
        .map(|change| change.decision.clone())
        .collect()
}

fn export(session: &mut Session, at_ms: u64, audience: Option<Audience>) {
    session.record_export(Export {
        at_ms,
        audience,
        kind: ExportKind::Downloaded,
        file_name: format!("copy-{at_ms}.html"),
        confirmed_worries: Vec::new(),
        picture: None,
    });
}

fn reason() -> WorkerReason {
    WorkerReason::new("2026-11-27", "Mum may press the child", "Sam Worker").unwrap()
}

#[test]
fn the_taps_of_one_opening_are_one_change_saved_at_each_tap() {
    let mut s = mia();
    let wish = said(&mut s, Question::Dreams, "A dog", 2_000);
    let opened = 3_000;
    // Mum, then Dad, then Mum off again, then nobody else, then Dad: each tap is saved at once.
    assert!(s.decide_in(wish, with(&[Audience::Mum]), opened, 3_100));
    assert_eq!(s.sharing(wish).unwrap().decision, with(&[Audience::Mum]));
    assert!(s.decide_in(wish, with(&[Audience::Mum, Audience::Dad]), opened, 3_200));
    assert!(s.decide_in(wish, with(&[Audience::Dad]), opened, 3_300));
    assert!(s.decide_in(wish, Some(Decision::Private), opened, 3_400));
    assert!(s.decide_in(wish, with(&[Audience::Dad]), opened, 3_500));
    let sharing = s.sharing(wish).unwrap();
    assert_eq!(sharing.decision, with(&[Audience::Dad]));
    assert_eq!(
        sharing.history,
        vec![SharingChange {
            at_ms: 3_500,
            decision: with(&[Audience::Dad]),
            opened_at_ms: Some(opened),
        }],
        "one change, with what the child chose when the dialog closed"
    );
    // The same decision again is no tap that changes anything.
    assert!(!s.decide_in(wish, with(&[Audience::Dad]), opened, 3_600));

    // A second opening is a second change; the first stays as it was.
    assert!(s.decide_in(wish, with(&[Audience::Court]), 4_000, 4_100));
    assert!(s.decide_in(wish, with(&[Audience::Court, Audience::Mum]), 4_000, 4_200));
    assert_eq!(
        history(&s, wish),
        vec![
            with(&[Audience::Dad]),
            with(&[Audience::Court, Audience::Mum])
        ]
    );
    assert_eq!(s.sharing(wish).unwrap().history[1].at_ms, 4_200);
}

#[test]
fn ending_where_the_opening_started_adds_no_change() {
    let mut s = mia();
    let wish = said(&mut s, Question::Dreams, "A dog", 2_000);
    // Undecided, Mum on and off again: still undecided, and nothing in the history.
    assert!(s.decide_in(wish, with(&[Audience::Mum]), 3_000, 3_100));
    assert!(s.decide_in(wish, None, 3_000, 3_200));
    let sharing = s.sharing(wish).unwrap();
    assert!(sharing.is_undecided());
    assert!(sharing.history.is_empty());

    // Decided before, then changed and changed back in a later opening: the history keeps
    // only the earlier decision.
    assert!(s.decide_in(wish, with(&[Audience::Mum]), 4_000, 4_100));
    assert!(s.decide_in(wish, Some(Decision::Private), 5_000, 5_100));
    assert!(s.decide_in(wish, with(&[Audience::Mum]), 5_000, 5_200));
    assert_eq!(s.sharing(wish).unwrap().decision, with(&[Audience::Mum]));
    assert_eq!(history(&s, wish), vec![with(&[Audience::Mum])]);
    assert_eq!(s.sharing(wish).unwrap().history[0].at_ms, 4_100);
}

#[test]
fn a_change_made_otherwise_is_never_replaced_by_a_tap() {
    let mut s = mia();
    let wish = said(&mut s, Question::Dreams, "A dog", 2_000);
    // "Share everything" is a decision of its own, not part of a later dialog's taps.
    assert_eq!(s.share_everything(Decision::Private, 2_500), 1);
    assert!(s.decide_in(wish, with(&[Audience::Mum]), 3_000, 3_100));
    assert!(s.decide_in(wish, Some(Decision::Private), 3_000, 3_200));
    assert_eq!(history(&s, wish), vec![Some(Decision::Private)]);
    assert_eq!(s.sharing(wish).unwrap().history[0].at_ms, 2_500);
}

#[test]
fn an_old_history_reads_and_writes_back_unchanged() {
    // A history written per tap by an earlier version: every change is kept, as it was.
    let old = r#"{"decision":"private","history":[{"at_ms":1,"decision":{"shared_with":["mum"]}},{"at_ms":2,"decision":{"shared_with":["mum","dad"]}},{"at_ms":3,"decision":"private"}]}"#;
    let sharing: Sharing = serde_json::from_str(old).unwrap();
    assert_eq!(sharing.history.len(), 3);
    assert!(sharing
        .history
        .iter()
        .all(|change| change.opened_at_ms.is_none()));
    assert_eq!(serde_json::to_string(&sharing).unwrap(), old);

    // A tap in a new opening after it adds one change and leaves the old ones alone.
    let mut sharing = sharing;
    assert!(sharing.decide_in(Decision::shared_with([Audience::Court]), 10, 11));
    assert!(sharing.decide_in(Decision::shared_with([Audience::Teacher]), 10, 12));
    assert_eq!(sharing.history.len(), 4);
    assert_eq!(
        serde_json::to_string(&sharing.history[3]).unwrap(),
        r#"{"at_ms":12,"decision":{"shared_with":["teacher"]},"opened_at_ms":10}"#
    );
}

#[test]
fn a_copy_holds_what_was_shown_to_its_reader_when_it_left() {
    let mut s = mia();
    let worry = said(&mut s, Question::Worries, "Dad shouts", 2_000);
    let good = said(&mut s, Question::GoodThings, "My cat", 2_010);
    s.decide(worry, with(&[Audience::Mum, Audience::Court]), 2_100);
    s.decide(good, with(&[Audience::Mum]), 2_100);
    export(&mut s, 3_000, Some(Audience::Mum));
    export(&mut s, 3_100, Some(Audience::Court));
    export(&mut s, 3_200, None);
    // Nothing held back yet: no copy to mark, and the worry is in both copies.
    assert!(s.copies_holding_since_held_back().is_empty());
    assert_eq!(s.copies_holding(worry, &Audience::Mum).len(), 1);
    assert_eq!(s.copies_holding(worry, &Audience::Court).len(), 1);
    assert!(s.copies_holding(worry, &Audience::Dad).is_empty());

    // After Mum's copy left, the worker holds the worry back from Mum.
    assert!(s.hold_back(worry, Audience::Mum, reason(), 4_000));
    assert_eq!(s.copies_holding_since_held_back(), vec![(0, vec![worry])]);
    // A copy for Mum made after the hold does not hold it, and is not marked.
    export(&mut s, 5_000, Some(Audience::Mum));
    assert_eq!(s.copies_holding_since_held_back(), vec![(0, vec![worry])]);
    assert_eq!(
        s.copies_holding(worry, &Audience::Mum)
            .iter()
            .map(|copy| copy.at_ms)
            .collect::<Vec<_>>(),
        vec![3_000]
    );
    // Lifting the hold ends the mark: Mum may see it again.
    assert!(s.lift_hold(worry, &Audience::Mum, "Sam Worker", 6_000));
    assert!(s.copies_holding_since_held_back().is_empty());
}

#[test]
fn a_copy_does_not_hold_what_came_after_it_or_was_not_shown_then() {
    let mut s = mia();
    let early = said(&mut s, Question::Worries, "Dad shouts", 2_000);
    export(&mut s, 3_000, Some(Audience::Mum));
    // Shared with Mum only after her copy left: not in it.
    s.decide(early, with(&[Audience::Mum]), 3_500);
    let later = said(&mut s, Question::Dreams, "A dog", 3_600);
    s.decide(later, with(&[Audience::Mum]), 3_700);
    s.hold_back(early, Audience::Mum, reason(), 4_000);
    s.hold_back(later, Audience::Mum, reason(), 4_000);
    assert!(s.copies_holding_since_held_back().is_empty());
    assert!(s.copies_holding(early, &Audience::Mum).is_empty());

    // Taken out by the child before a copy left: not in that copy either.
    let mut s = mia();
    let worry = said(&mut s, Question::Worries, "Dad shouts", 2_000);
    s.decide(worry, with(&[Audience::Mum]), 2_100);
    let Some(SharedItem::Entry { entry, .. }) = Some(worry) else {
        unreachable!()
    };
    assert!(s.take_out(Question::Worries, entry, 2_200));
    export(&mut s, 3_000, Some(Audience::Mum));
    s.hold_back(worry, Audience::Mum, reason(), 4_000);
    assert!(s.copies_holding_since_held_back().is_empty());
}

#[test]
fn the_full_record_marks_the_copy_that_holds_an_entry_since_held_back() {
    let mut s = mia();
    s.add_named_audience("Oma", 1_100);
    let worry = said(&mut s, Question::Worries, "Dad shouts", 2_000);
    let oma = Audience::Named("Oma".into());
    s.decide(worry, with(&[Audience::Mum, oma.clone()]), 2_100);
    export(&mut s, 3_000, Some(Audience::Mum));
    export(&mut s, 3_100, Some(oma.clone()));
    s.hold_back(worry, oma, reason(), 4_000);
    let text = common::english::summary_text("Mia", HelperKind::Dragon, 0);
    let html = render_summary_html(
        &Summary::of(&s, None),
        &text,
        &Painters {
            picture: &|_: Question, _: EntryId| None,
            time: &|at_ms| format!("t{at_ms}"),
            day: &|at_ms| format!("day {at_ms}"),
            earlier_picture: &|_, _, _| None,
        },
    );
    let marked = "<strong class=\"since-held-back\">The copy for <bdi>Oma</bdi> of t3100 holds an entry since held back.</strong>";
    assert!(html.contains(marked), "{html}");
    assert_eq!(
        html.matches("since-held-back").count(),
        1,
        "Mum's copy is not marked"
    );
    // A summary for an audience says nothing of it.
    let for_mum = render_summary_html(
        &Summary::of(&s, Some(&Audience::Mum)),
        &text,
        &Painters {
            picture: &|_: Question, _: EntryId| None,
            time: &|at_ms| format!("t{at_ms}"),
            day: &|at_ms| format!("day {at_ms}"),
            earlier_picture: &|_, _, _| None,
        },
    );
    assert!(!for_mum.contains("since held back"));
}

#[test]
fn worries_for_a_family_reader_are_confirmed_once_before_they_leave() {
    let mut s = mia();
    s.add_named_audience("Oma", 1_100);
    let oma = Audience::Named("Oma".into());
    let worry = said(&mut s, Question::Worries, "Dad shouts", 2_000);
    let private = said(&mut s, Question::Worries, "I hide", 2_010);
    let good = said(&mut s, Question::GoodThings, "My cat", 2_020);
    s.decide(
        worry,
        with(&[Audience::Mum, Audience::Court, oma.clone()]),
        2_100,
    );
    s.decide(private, Some(Decision::Private), 2_100);
    s.decide(good, with(&[Audience::Mum]), 2_100);
    let ids = |entries: Vec<&hear_me::core::Entry>| -> Vec<EntryId> {
        entries.iter().map(|entry| entry.id).collect()
    };
    let SharedItem::Entry {
        entry: worry_id, ..
    } = worry
    else {
        unreachable!()
    };
    // Only the worry shown to Mum; nothing for the court, nothing for a reader without one.
    assert_eq!(ids(s.worries_to_confirm(&Audience::Mum)), vec![worry_id]);
    assert_eq!(ids(s.worries_to_confirm(&oma)), vec![worry_id]);
    assert!(s.worries_to_confirm(&Audience::Court).is_empty());
    assert!(s.worries_to_confirm(&Audience::Dad).is_empty());

    // Confirmed with Mum's first copy: her next copy asks nothing, Oma's still asks.
    s.record_export(Export {
        at_ms: 3_000,
        audience: Some(Audience::Mum),
        kind: ExportKind::Printed,
        file_name: "for-mum.html".into(),
        confirmed_worries: vec![worry_id],
        picture: None,
    });
    assert!(s.worries_to_confirm(&Audience::Mum).is_empty());
    assert_eq!(ids(s.worries_to_confirm(&oma)), vec![worry_id]);
    // A worry shared with Mum later is asked about on its own.
    let later = said(&mut s, Question::Worries, "School is hard", 3_500);
    s.decide(later, with(&[Audience::Mum]), 3_600);
    let SharedItem::Entry {
        entry: later_id, ..
    } = later
    else {
        unreachable!()
    };
    assert_eq!(ids(s.worries_to_confirm(&Audience::Mum)), vec![later_id]);

    // The confirmation is stored with the export and read back; an old export reads as none.
    let json = serde_json::to_string(&s.exports[0]).unwrap();
    assert!(json.ends_with(r#""confirmed_worries":[1]}"#), "{json}");
    let old: Export = serde_json::from_str(
        r#"{"at_ms":1,"audience":"mum","kind":"printed","file_name":"f.html"}"#,
    )
    .unwrap();
    assert!(old.confirmed_worries.is_empty());
}
