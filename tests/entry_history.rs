//! Nothing the child said is lost during the conversation (issue 22): a change to an entry's
//! words, who said and who wrote them, its caption or its drawing keeps the earlier version,
//! one per opening of the editor; the full record shows it, a summary for an audience does
//! not; after the end no entry is deleted, drawn on or written in.

use hear_me::core::ink::{Nib, Point, Stroke};
use hear_me::core::summary_html::Painters;
use hear_me::core::{
    render_summary_html, Audience, Changed, Decision, Entry, EntryId, HelperKind, NewSession, Part,
    Question, Session, SessionId, Summary, SummaryText, Tool, Voice, Words,
};
use serde_json::Value;

mod common;

const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=";
const EARLIER_PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAI=";

fn mia() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam".into(),
        date: "2026-12-07".into(),
    };
    Session::start(&form, SessionId::new(1, 2), 1_000).unwrap()
}

fn said(text: &str) -> Words {
    Words {
        text: text.into(),
        voice: Voice::ChildSaidWorkerWrote,
    }
}

fn stroke(x: i32) -> Stroke {
    Stroke {
        colour: "#1b1b1b".into(),
        width: 16,
        points: vec![
            Point {
                x: x as u16,
                y: 10,
                pressure: 128,
            },
            Point {
                x: x as u16 + 40,
                y: 60,
                pressure: 128,
            },
        ],
        pen: false,
        nib: Nib::Marker,
    }
}

fn entry(session: &Session, question: Question, id: EntryId) -> &Entry {
    session.entry(question, id).unwrap()
}

/// Mia's words in the House of Worries, written in an opening of their own.
fn with_words(text: &str) -> (Session, EntryId) {
    let mut session = mia();
    let id = session.add_words(Tool::ThreeHouses, Question::Worries, said(""), 1_100);
    let first = session
        .open_for_editing(Question::Worries, id, Part::Words, 1_200)
        .unwrap();
    for (end, at) in [(text.len() / 2, 1_210), (text.len(), 1_220)] {
        assert!(session.write_words(&first, &text[..end], Voice::ChildSaidWorkerWrote, at));
    }
    (session, id)
}

#[test]
fn words_typed_into_a_new_entry_are_no_change() {
    let (session, id) = with_words("Papa schreit");
    let entry = entry(&session, Question::Worries, id);
    assert_eq!(entry.words().unwrap().text, "Papa schreit");
    assert!(entry.changes.is_empty());
}

#[test]
fn words_changed_twice_in_one_opening_make_one_change_and_reopening_a_new_one() {
    let (mut session, id) = with_words("Papa schreit");
    let again = session
        .open_for_editing(Question::Worries, id, Part::Words, 2_000)
        .unwrap();
    // Each keystroke is saved; the opening keeps one change, its "after" the latest.
    assert!(session.write_words(&again, "Papa", Voice::ChildSaidWorkerWrote, 2_100));
    assert!(session.write_words(&again, "", Voice::ChildSaidWorkerWrote, 2_200));
    assert!(session.write_words(&again, "Nichts", Voice::ChildSaidWorkerWrote, 2_300));
    let changes = &entry(&session, Question::Worries, id).changes;
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].at_ms, 2_100);
    assert_eq!(changes[0].opened_at_ms, 2_000);
    assert_eq!(
        changes[0].what,
        Changed::Words {
            before: said("Papa schreit"),
            after: said("Nichts"),
        }
    );
    let third = session
        .open_for_editing(Question::Worries, id, Part::Words, 3_000)
        .unwrap();
    assert!(session.write_words(&third, "Nichts mehr", Voice::ChildSaidWorkerWrote, 3_100));
    let changes = &entry(&session, Question::Worries, id).changes;
    assert_eq!(changes.len(), 2);
    assert_eq!(
        changes[1].what,
        Changed::Words {
            before: said("Nichts"),
            after: said("Nichts mehr"),
        }
    );
    // Typed and taken away again in one opening: nothing changed, nothing kept.
    let fourth = session
        .open_for_editing(Question::Worries, id, Part::Words, 4_000)
        .unwrap();
    assert!(session.write_words(&fourth, "Nichts mehr!", Voice::ChildSaidWorkerWrote, 4_100));
    assert_eq!(entry(&session, Question::Worries, id).changes.len(), 3);
    assert!(session.write_words(&fourth, "Nichts mehr", Voice::ChildSaidWorkerWrote, 4_200));
    assert_eq!(entry(&session, Question::Worries, id).changes.len(), 2);
}

#[test]
fn who_said_and_who_wrote_changing_is_kept() {
    let (mut session, id) = with_words("Ich will zu Oma");
    // The one-step form is an opening of its own.
    assert!(session.set_words(
        Question::Worries,
        id,
        "Ich will zu Oma",
        Voice::ChildWrote,
        2_000
    ));
    let changes = &entry(&session, Question::Worries, id).changes;
    assert_eq!(
        changes[..],
        [hear_me::core::EntryChange {
            opened_at_ms: 2_000,
            at_ms: 2_000,
            what: Changed::Words {
                before: said("Ich will zu Oma"),
                after: Words {
                    text: "Ich will zu Oma".into(),
                    voice: Voice::ChildWrote,
                },
            },
        }]
    );
}

#[test]
fn a_caption_that_was_there_is_kept_when_it_changes_or_goes() {
    let mut session = mia();
    let id = session.add_drawing(Tool::ThreeHouses, Question::Dreams, 1_100);
    let first = session
        .open_for_editing(Question::Dreams, id, Part::Caption, 1_200)
        .unwrap();
    assert!(session.write_caption(&first, Some(said("Oma")), 1_210));
    assert!(session.write_caption(&first, Some(said("Oma und ich")), 1_220));
    assert!(entry(&session, Question::Dreams, id).changes.is_empty());
    let second = session
        .open_for_editing(Question::Dreams, id, Part::Caption, 2_000)
        .unwrap();
    assert!(session.write_caption(&second, None, 2_100));
    assert_eq!(
        entry(&session, Question::Dreams, id).changes[0].what,
        Changed::Caption {
            before: Some(said("Oma und ich")),
            after: None,
        }
    );
    // A words entry has no caption to open.
    let words = session.add_words(Tool::ThreeHouses, Question::Dreams, said("x"), 2_200);
    assert!(session
        .open_for_editing(Question::Dreams, words, Part::Caption, 2_300)
        .is_none());
}

#[test]
fn adding_strokes_to_a_drawing_keeps_no_copy_and_clearing_a_reopened_one_keeps_it_as_it_was() {
    let mut session = mia();
    let id = session.add_drawing(Tool::ThreeHouses, Question::Worries, 1_100);
    let first = session
        .open_for_editing(Question::Worries, id, Part::Drawing, 1_200)
        .unwrap();
    for (n, at) in [(0, 1_300), (100, 1_400)] {
        session
            .draw(&first, at, |d| d.strokes.push(stroke(n)))
            .unwrap();
    }
    // The child erasing their own stroke in the drawing they are making is no change either.
    session.draw(&first, 1_500, |d| d.strokes.pop()).unwrap();
    session
        .draw(&first, 1_600, |d| d.strokes.push(stroke(200)))
        .unwrap();
    assert!(entry(&session, Question::Worries, id).changes.is_empty());
    let as_made = entry(&session, Question::Worries, id)
        .drawing()
        .unwrap()
        .clone();

    // Reopened: more ink is no change; Clear is.
    let second = session
        .open_for_editing(Question::Worries, id, Part::Drawing, 2_000)
        .unwrap();
    session
        .draw(&second, 2_100, |d| d.strokes.push(stroke(300)))
        .unwrap();
    assert!(entry(&session, Question::Worries, id).changes.is_empty());
    session.draw(&second, 2_200, |d| d.strokes.clear()).unwrap();
    session
        .draw(&second, 2_300, |d| d.strokes.push(stroke(400)))
        .unwrap();
    let changes = &entry(&session, Question::Worries, id).changes;
    assert_eq!(changes.len(), 1, "one copy per opening");
    assert_eq!(changes[0].at_ms, 2_200);
    assert_eq!(
        changes[0].what,
        Changed::Drawing {
            before: as_made.clone()
        }
    );

    // Erasing one stroke that was there when opened keeps a copy; undoing it drops the copy.
    let third = session
        .open_for_editing(Question::Worries, id, Part::Drawing, 3_000)
        .unwrap();
    let erased = session
        .draw(&third, 3_100, |d| d.strokes.remove(0))
        .unwrap();
    assert_eq!(entry(&session, Question::Worries, id).changes.len(), 2);
    session
        .draw(&third, 3_200, |d| d.strokes.insert(0, erased))
        .unwrap();
    assert_eq!(entry(&session, Question::Worries, id).changes.len(), 1);
}

#[test]
fn earlier_versions_are_stored_with_the_entry_and_read_back_exactly() {
    let (mut session, id) = with_words("Angst");
    assert!(session.set_words(Question::Worries, id, "Mut", Voice::ChildWrote, 2_000));
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2_100);
    assert!(session.add_stroke(Question::Worries, drawing, stroke(5), 2_200));
    session
        .change_drawing(Question::Worries, drawing, 2_300, |d| d.strokes.clear())
        .unwrap();
    for id in [id, drawing] {
        let entry = entry(&session, Question::Worries, id);
        let json = serde_json::to_value(entry).unwrap();
        assert!(json["changes"].is_array());
        assert_eq!(serde_json::from_value::<Entry>(json).unwrap(), *entry);
    }
    let stored = serde_json::to_value(entry(&session, Question::Worries, drawing)).unwrap();
    // The drawing as it was is kept in the compact ink format, like the drawing itself.
    assert!(stored["changes"][0]["before"]["ink"].is_string());
    assert_eq!(stored["changes"][0]["part"], "drawing");
}

#[test]
fn a_version_6_record_reads_with_its_entries_unchanged() {
    let raw = include_str!("fixtures/session-v6.json");
    let session = hear_me::store::record::decode_session(raw).unwrap();
    let stored: Value = serde_json::from_str(raw).unwrap();
    for question in Question::ALL {
        let key = question.slug().replace('-', "_");
        let as_stored = &stored["session"]["questions"][key]["entries"];
        assert_eq!(
            serde_json::to_value(session.entries(question)).unwrap(),
            *as_stored
        );
        assert!(session
            .entries(question)
            .iter()
            .all(|e| e.changes.is_empty()));
    }
}

#[test]
fn after_the_end_no_entry_is_deleted_drawn_on_or_written_in() {
    let (mut session, words) = with_words("Ich spiele mit Ben");
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 1_300);
    assert!(session.add_stroke(Question::Worries, drawing, stroke(1), 1_400));
    let opened_before_the_end = session
        .open_for_editing(Question::Worries, words, Part::Words, 1_500)
        .unwrap();
    assert!(session.finish(2_000));
    let before = session.clone();
    assert!(session
        .delete_entry(Question::Worries, words, 2_100)
        .is_none());
    assert!(session
        .delete_entry(Question::Worries, drawing, 2_100)
        .is_none());
    assert!(!session.write_words(&opened_before_the_end, "", Voice::ChildWrote, 2_200));
    assert!(!session.set_words(Question::Worries, words, "", Voice::ChildWrote, 2_200));
    assert!(session
        .change_drawing(Question::Worries, drawing, 2_300, |d| d.strokes.clear())
        .is_none());
    for part in [Part::Words, Part::Drawing, Part::Caption] {
        for id in [words, drawing] {
            assert!(session
                .open_for_editing(Question::Worries, id, part, 2_400)
                .is_none());
        }
    }
    assert_eq!(
        session.add_drawing(Tool::ThreeHouses, Question::Worries, 2_500),
        EntryId::NONE
    );
    assert_eq!(session, before);
    // Amendment stays the way to change words after the end.
    session
        .amend_words(
            Question::Worries,
            words,
            "Ich spiele mit Ben und Aylin",
            "Mia added",
            3_000,
        )
        .unwrap();
}

fn english() -> SummaryText {
    common::english::summary_text("Mia", HelperKind::Dragon, 0)
}

fn render(session: &Session, audience: Option<&Audience>) -> String {
    render_summary_html(
        &Summary::of(session, audience),
        &english(),
        &Painters {
            picture: &|_: Question, _: EntryId| Some(PNG.to_owned()),
            earlier_picture: &|_, _, index| (index == 0).then(|| EARLIER_PNG.to_owned()),
            time: &|at_ms| format!("t{at_ms}"),
            day: &|at_ms| format!("day {at_ms}"),
        },
    )
}

#[test]
fn the_full_record_shows_before_after_and_when_and_an_audience_summary_does_not() {
    let (mut session, words) = with_words("Papa schreit laut");
    assert!(session.set_words(
        Question::Worries,
        words,
        "Papa ist laut",
        Voice::ChildWrote,
        5_000
    ));
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 5_100);
    assert!(session.add_stroke(Question::Worries, drawing, stroke(1), 5_200));
    session
        .change_drawing(Question::Worries, drawing, 6_000, |d| d.strokes.clear())
        .unwrap();
    assert!(session.add_stroke(Question::Worries, drawing, stroke(2), 6_100));
    assert!(session.set_caption(Question::Worries, drawing, Some(said("Mein Haus")), 6_200));
    assert!(session.set_caption(Question::Worries, drawing, Some(said("Unser Haus")), 7_000));
    for id in [words, drawing] {
        assert!(session.decide_sharing(
            Question::Worries,
            id,
            Decision::shared_with([Audience::Mum, Audience::Court]),
            8_000
        ));
    }

    let full = render(&session, None);
    let text = english();
    let fill = |template: &str, time: &str| template.replace("{{ time }}", time);
    assert!(full.contains(&fill(&text.changed_words, "t5000")), "{full}");
    assert!(full.contains("Papa schreit laut"));
    assert!(full.contains("Papa ist laut"));
    assert!(full.contains(&text.changed_before));
    assert!(full.contains(&text.changed_after));
    assert!(full.contains(&fill(&text.changed_drawing, "t6000")));
    assert!(
        full.contains(EARLIER_PNG),
        "the drawing as it was is painted"
    );
    assert!(full.contains(&text.earlier_drawing_alt));
    assert!(full.contains(&fill(&text.changed_caption, "t7000")));
    assert!(full.contains("Mein Haus"));
    // Who said and who wrote, before and after.
    let change = &full[full.find("class=\"changed\"").unwrap()..];
    let change = &change[..change.find("</div>").unwrap()];
    assert!(change.contains(&text.child_said_worker_wrote));
    assert!(change.contains(&text.child_wrote));

    for audience in [Audience::Mum, Audience::Court] {
        let html = render(&session, Some(&audience));
        assert!(html.contains("Papa ist laut"), "the words as they are now");
        assert!(html.contains("Unser Haus"));
        for earlier in [
            "Papa schreit laut",
            "Mein Haus",
            EARLIER_PNG,
            "class=\"changed\"",
            text.changed_before.as_str(),
            text.earlier_drawing_alt.as_str(),
        ] {
            assert!(!html.contains(earlier), "{audience:?} reads {earlier}");
        }
        assert!(!html.contains(&fill(&text.changed_words, "t5000")));
    }
}

#[test]
fn earlier_words_are_escaped_like_every_word_of_the_child() {
    let (mut session, id) = with_words("<img src=x onerror=alert(1)>");
    assert!(session.set_words(
        Question::Worries,
        id,
        "<script>x</script>",
        Voice::ChildWrote,
        2_000
    ));
    let full = render(&session, None);
    assert!(full.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(full.contains("&lt;script&gt;x&lt;/script&gt;"));
    assert!(!full.contains("<img src=x"));
    assert!(!full.to_lowercase().contains("<script"));
}
