//! Stored records: round trips, schema versions, and records that cannot be read.

use hear_me::core::ink::codec::{decode_drawing, encode_drawing};
use hear_me::core::ink::{Nib, Point, Stamp, StampKind, Stroke, DEFAULT_PRESSURE};
use hear_me::core::{
    AgeVersion, Audience, Changed, Consent, Decision, Entry, EntryId, Export, ExportKind, Helper,
    HelperColour, HelperKind, Informed, Interpreter, NewSession, Part, PersonPresent, Question,
    ReadBackMark, RespectLine, Screen, Session, SessionId, SharedItem, Shown, SummaryChoices, Tool,
    Voice, Whereabouts, Words, WorkerReason,
};
use hear_me::store::record::{
    decode_child_with_steps, decode_device_state, decode_device_state_with_steps, decode_index,
    decode_index_with_steps, decode_session, decode_session_with_steps, decode_vault,
    decode_vault_with_steps, encode_device_state, encode_index, encode_session, encode_vault,
    session_id_from_key, session_key, DeviceState, Index, IndexEntry, RecordKind, TextSetting,
    INDEX_VERSION, VAULT_VERSION,
};
use hear_me::store::vault::{
    derive_key, DerivedKey, KdfParams, SetUpRandom, UnlockError, VaultKey, VaultRecord,
    MIN_ITERATIONS, MIN_MEMORY_KIB, NONCE_BYTES, SALT_BYTES,
};
use hear_me::store::{RecordError, SCHEMA_VERSION};
use serde_json::Value;

fn session_with_everything() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam".into(),
        date: "2026-11-26".into(),
    };
    let mut session = Session::start(
        &form,
        SessionId::new(1_764_150_000_000, 0xdead_beef),
        1_764_150_000_000,
    )
    .unwrap();
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 1);
    session.add_stroke(
        Question::Worries,
        drawing,
        Stroke {
            colour: "#1d6fd1".into(),
            width: 96,
            pen: true,
            nib: Default::default(),
            points: vec![
                Point {
                    x: 0,
                    y: 0,
                    pressure: 0,
                },
                Point {
                    x: 4000,
                    y: 3000,
                    pressure: 255,
                },
            ],
        },
        2,
    );
    for (question, text) in [
        (Question::Worries, "Ich hab Angst 😢"),
        (Question::GoodThings, "J'ai peur"),
        (Question::Dreams, "أريد أن أعيش مع جدتي"),
        (Question::Dreams, "<img src=x onerror=alert(1)>"),
        (Question::Dreams, &"very long words ".repeat(2000)),
    ] {
        session.add_words(
            Tool::ThreeHouses,
            question,
            Words {
                text: text.into(),
                voice: Voice::ChildWrote,
            },
            3,
        );
    }
    session.rename(Tool::ThreeHouses, Question::Dreams, "Schloss der Träume", 4);
    session
}

#[test]
fn a_session_survives_encoding_exactly() {
    let session = session_with_everything();
    let encoded = encode_session(&session);
    assert!(encoded.starts_with(&format!("{{\"schema\":{SCHEMA_VERSION},")));
    assert_eq!(decode_session(&encoded).unwrap(), session);
}

#[test]
fn the_version_1_fixture_still_reads() {
    let raw = include_str!("fixtures/session-v1.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session.child.name, "Mia");
    assert_eq!(
        session.own_name(Tool::ThreeHouses, Question::Worries),
        Some("Stormy house")
    );
    let worries = session.entries(Question::Worries);
    assert_eq!(worries.len(), 2);
    // The drawing went through the migration to ink and kept every stroke as it was.
    let drawing = worries[0].drawing().unwrap();
    assert_eq!(
        drawing.strokes,
        [Stroke {
            colour: "#d62828".into(),
            width: 40,
            points: vec![
                Point {
                    x: 100,
                    y: 200,
                    pressure: 128
                },
                Point {
                    x: 300,
                    y: 400,
                    pressure: 200
                },
            ],
            pen: false,
            nib: Nib::Marker,
        }]
    );
    assert!(drawing.stamps.is_empty());
    assert_eq!(worries[1].words().unwrap().text, "Ich hab Angst 😢");
    let good = session.entries(Question::GoodThings)[0].words().unwrap();
    assert_eq!(
        (good.text.as_str(), good.voice),
        ("J'ai peur", Voice::ChildWrote)
    );
    // Migrated through every version: written again as today's.
    assert!(encode_session(&session).starts_with(&format!("{{\"schema\":{SCHEMA_VERSION},")));
    // A new entry after reading continues the ids instead of reusing one.
    let mut session = session;
    assert_eq!(
        session
            .add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 9)
            .0,
        4
    );
}

/// The version 2 fixture: a pen stroke with changing pressure, a highlighter stroke from a
/// finger, a stamp, and words.
fn the_version_2_session() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam".into(),
        date: "2026-11-27".into(),
    };
    let mut session = Session::start(
        &form,
        SessionId::new(1_764_236_400_000, 0x0bad_cafe),
        1_764_236_400_000,
    )
    .unwrap();
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 1_764_236_410_000);
    let pen_points = [
        (1200, 900, 90),
        (1212, 904, 120),
        (1226, 910, 150),
        (1241, 917, 171),
        (1255, 925, 180),
        (1268, 934, 176),
        (1279, 944, 160),
        (1286, 955, 131),
    ];
    session.add_stroke(
        Question::Worries,
        drawing,
        Stroke {
            colour: "#d62828".into(),
            width: 40,
            points: pen_points
                .iter()
                .map(|&(x, y, pressure)| Point { x, y, pressure })
                .collect(),
            pen: true,
            nib: Nib::Marker,
        },
        1_764_236_420_000,
    );
    session.add_stroke(
        Question::Worries,
        drawing,
        Stroke {
            colour: "#f6c90e".into(),
            width: 96,
            points: (0..6)
                .map(|i| Point {
                    x: 600 + 40 * i,
                    y: 2100 - 3 * i * i,
                    pressure: DEFAULT_PRESSURE,
                })
                .collect(),
            pen: false,
            nib: Nib::Highlighter,
        },
        1_764_236_430_000,
    );
    session.change_drawing(Question::Worries, drawing, 1_764_236_440_000, |drawing| {
        drawing.stamps.push(Stamp {
            kind: StampKind::Sad,
            x: 2400,
            y: 1500,
            size: 700,
        })
    });
    session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        Words {
            text: "Ich hab Angst 😢".into(),
            voice: Voice::ChildSaidWorkerWrote,
        },
        1_764_236_450_000,
    );
    session.rename(
        Tool::ThreeHouses,
        Question::Worries,
        "Stormy house",
        1_764_236_460_000,
    );
    session
}

#[test]
fn the_version_2_fixture_reads_and_is_written_again_as_today_s_version() {
    let raw = include_str!("fixtures/session-v2.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session, the_version_2_session());
    // Nothing in a version-2 record had been decided or written by the worker yet.
    for question in Question::ALL {
        for entry in session.entries(question) {
            assert!(entry.sharing.is_untouched());
        }
    }
    assert_eq!(
        (
            session.place.as_str(),
            session.present.as_str(),
            session.reflection.as_str()
        ),
        ("", "", "")
    );
    assert!(session.named_audiences().is_empty());
    let encoded = encode_session(&session);
    assert!(
        encoded.starts_with(&format!(r#"{{"schema":{SCHEMA_VERSION},"session":"#)),
        "{encoded}"
    );
    assert!(
        !encoded.contains("sharing"),
        "undecided entries carry no sharing"
    );
    assert_eq!(decode_session(&encoded).unwrap(), session);
}

/// The version 3 fixture: the version 2 session with the worker's header and notes, a name
/// the child gave, and sharing decisions, one of them changed, one entry left undecided.
fn the_version_3_session() -> Session {
    let mut session = the_version_2_session();
    let at = 1_764_236_500_000;
    session.set_place("Grundschule am Park, Raum 2", at);
    session.set_present("Mia, Sam (Fachkraft)", at + 1);
    session.set_reflection(
        "Mia sprach ruhig.\n\nNächster Schritt: Gespräch mit Oma.  ",
        at + 2,
    );
    session.add_named_audience("Oma", at + 3);
    let dream = session.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        Words {
            text: "  Bei Oma wohnen\nmit Katze 🐈 ".into(),
            voice: Voice::ChildWrote,
        },
        at + 4,
    );
    let good = session.add_words(
        Tool::ThreeHouses,
        Question::GoodThings,
        Words {
            text: "Fußball".into(),
            voice: Voice::ChildSaidWorkerWrote,
        },
        at + 5,
    );
    let [drawing, words] = [1, 2].map(hear_me::core::EntryId);
    session.decide_sharing(
        Question::Worries,
        drawing,
        Decision::shared_with([Audience::Mum, Audience::Court]),
        at + 6,
    );
    session.decide_sharing(Question::Worries, drawing, Some(Decision::Private), at + 7);
    session.decide_sharing(
        Question::Dreams,
        dream,
        Decision::shared_with([Audience::Named("Oma".into()), Audience::Meeting]),
        at + 8,
    );
    session.decide_sharing(
        Question::GoodThings,
        good,
        Decision::shared_with([Audience::Family]),
        at + 9,
    );
    assert!(session
        .entry(Question::Worries, words)
        .unwrap()
        .sharing
        .is_undecided());
    session
}

#[test]
fn the_version_3_fixture_reads_with_every_entry_made_in_the_three_houses() {
    let raw = include_str!("fixtures/session-v3.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session, the_version_3_session());
    assert_eq!(session.helper, None);
    assert_eq!(session.tools_used(), [Tool::ThreeHouses]);
    for question in Question::ALL {
        assert!(session
            .entries(question)
            .iter()
            .all(|entry| entry.tool == Tool::ThreeHouses));
    }
    let encoded = encode_session(&session);
    assert!(
        encoded.starts_with(&format!(r#"{{"schema":{SCHEMA_VERSION},"session":"#)),
        "{encoded}"
    );
    assert_eq!(decode_session(&encoded).unwrap(), session);
    let drawing = session
        .entry(Question::Worries, hear_me::core::EntryId(1))
        .unwrap();
    assert_eq!(drawing.sharing.decision, Some(Decision::Private));
    assert_eq!(drawing.sharing.history.len(), 2);
    assert_eq!(session.named_audiences(), ["Oma"]);
}

/// The version 4 fixture: the version 3 session, then Wizards and Fairies in the same
/// session: a unicorn in the child's colours, a renamed helper, and entries for the helpers.
fn the_version_4_session() -> Session {
    let mut session = the_version_3_session();
    let at = 1_764_237_000_000;
    session.choose_helper(
        Helper {
            kind: HelperKind::Unicorn,
            main: HelperColour::Teal,
            accent: HelperColour::Pink,
        },
        at,
    );
    session.rename(
        Tool::WizardsAndFairies,
        Question::Dreams,
        "Sternchen",
        at + 1,
    );
    let wish = session.add_words(
        Tool::WizardsAndFairies,
        Question::Dreams,
        Words {
            text: "Dass Papa wieder lacht".into(),
            voice: Voice::ChildSaidWorkerWrote,
        },
        at + 2,
    );
    let drawing = session.add_drawing(Tool::WizardsAndFairies, Question::Worries, at + 3);
    session.add_stroke(
        Question::Worries,
        drawing,
        Stroke {
            colour: "#3f7fd0".into(),
            width: 60,
            pen: false,
            nib: Default::default(),
            points: vec![
                Point {
                    x: 100,
                    y: 200,
                    pressure: 128,
                },
                Point {
                    x: 900,
                    y: 650,
                    pressure: 128,
                },
            ],
        },
        at + 4,
    );
    session.decide_sharing(
        Question::Dreams,
        wish,
        Decision::shared_with([Audience::Dad]),
        at + 5,
    );
    session
}

#[test]
fn the_version_4_fixture_reads_with_its_notes_as_the_workers_reflection() {
    let raw = include_str!("fixtures/session-v4.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session, the_version_4_session());
    // The notes of version 4 went into every summary; from version 5 they are the worker's
    // reflection, in the full record only. Moved exactly, and nothing else changes.
    assert_eq!(
        session.reflection,
        "Mia sprach ruhig.\n\nNächster Schritt: Gespräch mit Oma.  "
    );
    assert_eq!(
        encode_session(&session),
        raw.replacen(r#""schema":4"#, &format!(r#""schema":{SCHEMA_VERSION}"#), 1)
            .replacen(r#""worker_notes":"#, r#""reflection":"#, 1)
    );
    let for_dad = hear_me::core::Summary::of(&session, Some(&Audience::Dad));
    assert!(!format!("{for_dad:?}").contains("Mia sprach ruhig"));
    assert_eq!(
        session.tools_used(),
        [Tool::ThreeHouses, Tool::WizardsAndFairies]
    );
    assert_eq!(
        session.helper.map(|helper| helper.kind),
        Some(HelperKind::Unicorn)
    );
}

/// The version 5 fixture: the version 4 session with the worker's duty recorded apart from
/// the child's wish: a hold, a passing-on the child was told about, a helper's name shared,
/// an audience that does not apply hidden, choices for Mum's summary, and two exports.
fn the_version_5_session() -> Session {
    let mut session = the_version_4_session();
    let at = 1_764_300_000_000;
    let wish = SharedItem::Entry {
        question: Question::Dreams,
        entry: EntryId(5),
    };
    assert!(session.hold_back(
        wish,
        Audience::Dad,
        WorkerReason::new("2026-11-28", "Protection plan not yet agreed", "Sam").unwrap(),
        at,
    ));
    let worry = SharedItem::Entry {
        question: Question::Worries,
        entry: EntryId(2),
    };
    assert!(session.record_passed_on(
        worry,
        Audience::Court,
        WorkerReason::new("2026-11-28", "§8a SGB VIII: risk to the child", "Sam").unwrap(),
        at + 1,
    ));
    assert!(session.record_child_told(worry, 0, "2026-11-29", at + 2));
    let name = SharedItem::Name {
        tool: Tool::WizardsAndFairies,
        question: Question::Dreams,
    };
    assert!(session.decide(
        name,
        Decision::shared_with([Audience::Mum, Audience::Sibling]),
        at + 3
    ));
    session.set_hidden(&Audience::Teacher, true, at + 4);
    session.set_summary_choices(
        SummaryChoices {
            audience: Audience::Mum,
            shown: Shown {
                worker: true,
                ..Shown::NOTHING
            },
            note: "Bitte sprechen Sie zuerst mit mir.".into(),
            respect_line: Some(RespectLine::KeepForNow),
        },
        at + 5,
    );
    session.record_export(Export {
        at_ms: at + 6,
        audience: Some(Audience::Mum),
        kind: ExportKind::Downloaded,
        file_name: "hear-me-summary-Mia-2026-11-27-for-mum.html".into(),
        confirmed_worries: Vec::new(),
        picture: None,
    });
    session.record_export(Export {
        at_ms: at + 7,
        audience: None,
        kind: ExportKind::Printed,
        file_name: "hear-me-summary-Mia-2026-11-27-full-record.html".into(),
        confirmed_worries: Vec::new(),
        picture: None,
    });
    session
}

#[test]
fn the_version_5_fixture_reads_and_is_written_again_byte_for_byte() {
    let raw = include_str!("fixtures/session-v5.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session, the_version_5_session());
    // Only the version goes up: none of version 6's fields is written while it is empty.
    assert_eq!(
        encode_session(&session),
        raw.replacen(r#""schema":5"#, &format!(r#""schema":{SCHEMA_VERSION}"#), 1)
    );
    let wish = session.entry(Question::Dreams, EntryId(5)).unwrap();
    assert!(wish.sharing.is_shared_with(&Audience::Dad));
    assert!(!wish.sharing.is_shown_to(&Audience::Dad));
    assert!(session.is_hidden(&Audience::Teacher));
    assert_eq!(session.exports.len(), 2);
}

/// The version 6 fixture: the version 5 session with the conversation around the child's
/// words: corrected times, who was there and where, language, interpreter, the parents'
/// preparation, "Before we start" done, the older version chosen, visits, a break, a pass
/// and a stop, a worker's question, a caption, read-back marks, an entry taken out, put back
/// and taken out again, another taken out once, what the child wants next, the end, an end
/// time corrected after it, two amendments, what the worker told the child, and a response.
fn the_version_6_session() -> Session {
    let mut session = the_version_5_session();
    the_version_6_additions(&mut session);
    session
}

/// What version 6 added to the version 5 session, up to the end and after it.
fn the_version_6_additions(session: &mut Session) {
    let at = 1_764_400_000_000;
    session.set_start_time(Some(1_764_236_300_000), at);
    session.set_people(
        vec![
            PersonPresent {
                who: "Mia".into(),
                role: String::new(),
                whereabouts: Whereabouts::InTheRoom,
            },
            PersonPresent {
                who: "Mama".into(),
                role: String::new(),
                whereabouts: Whereabouts::Nearby,
            },
            PersonPresent {
                who: "Papa".into(),
                role: String::new(),
                whereabouts: Whereabouts::NotThere,
            },
        ],
        at + 1,
    );
    session.set_conversation_language("Arabisch", at + 2);
    session.set_interpreter(
        Some(Interpreter {
            name: "Frau Haddad".into(),
            role: "Dolmetscherin".into(),
        }),
        at + 3,
    );
    session.set_parents_informed(Some(Informed::new("Sam", "2026-11-25").unwrap()), at + 4);
    session.set_parents_consent(
        Some(Consent::not_sought("§8a-Prüfung läuft").unwrap()),
        at + 5,
    );
    assert!(session.set_before_we_start_done(true, at + 6));
    session.set_age_version(Some(AgeVersion::Older), at + 7);
    assert!(session.note_visit(Tool::ThreeHouses, Question::GoodThings, at + 8));
    assert!(!session.note_visit(Tool::ThreeHouses, Question::GoodThings, at + 9));
    assert!(session.note_visit(Tool::ThreeHouses, Question::Worries, at + 10));
    assert!(session.note_visit(Tool::WizardsAndFairies, Question::Dreams, at + 11));
    assert!(session.start_break(at + 12));
    assert!(session.end_break(at + 13));
    assert!(session.pass(Tool::ThreeHouses, Question::Dreams, at + 14));
    assert!(session.set_worker_question(
        Question::Worries,
        EntryId(2),
        "Wie ist es zu Hause?",
        at + 15
    ));
    assert!(session.set_caption(
        Question::Worries,
        EntryId(1),
        Some(Words {
            text: "Das bin ich im Regen".into(),
            voice: Voice::ChildSaidWorkerWrote,
        }),
        at + 16,
    ));
    assert!(session.set_read_back(
        Question::GoodThings,
        EntryId(4),
        Some(ReadBackMark::Checked),
        at + 17
    ));
    assert!(session.set_read_back(
        Question::Worries,
        EntryId(2),
        Some(ReadBackMark::ChangedAfterReadingBack),
        at + 18
    ));
    assert!(session.take_out(Question::Dreams, EntryId(3), at + 19));
    assert!(session.put_back(Question::Dreams, EntryId(3), at + 20));
    assert!(session.take_out(Question::Dreams, EntryId(3), at + 21));
    assert!(session.take_out(Question::Worries, EntryId(6), at + 22));
    assert!(session.set_child_wants_next(
        Some(Words {
            text: "Bei Oma wohnen".into(),
            voice: Voice::ChildSaidWorkerWrote,
        }),
        at + 23,
    ));
    assert!(session.record_stop(at + 24));
    assert!(session.finish(at + 25));
    session.set_end_time(Some(at + 24), at + 26);
    session
        .amend_words(
            Question::GoodThings,
            EntryId(4),
            "Fußball mit Papa",
            "Mia hat beim Abschied ergänzt",
            at + 27,
        )
        .unwrap();
    session
        .amend_caption(
            Question::Worries,
            EntryId(1),
            "Das bin ich im Regen, ganz allein",
            "Vorlesen: Mia wollte es so",
            at + 28,
        )
        .unwrap();
    session.set_worker_told("Ich spreche mit Mama und Oma.", at + 29);
    assert!(session.add_network_response("Mama", "Ich wusste nicht, dass Mia Angst hat.", at + 30));
}

#[test]
fn the_version_6_fixture_reads_with_its_entries_unchanged() {
    let raw = include_str!("fixtures/session-v6.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session, the_version_6_session());
    // Only the version goes up: an entry with no earlier versions writes none.
    assert_eq!(
        encode_session(&session),
        raw.replacen(r#""schema":6"#, &format!(r#""schema":{SCHEMA_VERSION}"#), 1)
    );
    let stored: Value = serde_json::from_str(raw).unwrap();
    for (question, read) in entries_as_read(&session) {
        let read = read.unwrap();
        assert!(read.changes.is_empty());
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            stored_entry(raw, question, read.id),
            "{question:?} {:?} reads and writes back as stored",
            read.id
        );
    }
    assert_eq!(stored["schema"], 6);
    // Every field of version 6 is in the fixture.
    for field in [
        "\"details\"",
        "\"started_at\"",
        "\"ended_at\"",
        "\"people\"",
        "\"language\"",
        "\"interpreter\"",
        "\"parents\"",
        "\"informed\"",
        "\"consent\"",
        "\"before_we_start_at\"",
        "\"age_version\"",
        "\"pace\"",
        "\"break\"",
        "\"pass\"",
        "\"stop\"",
        "\"visits\"",
        "\"finished_at\"",
        "\"amendments\"",
        "\"next_steps\"",
        "\"child_wants\"",
        "\"worker_told\"",
        "\"network_responses\"",
        "\"worker_question\"",
        "\"caption\"",
        "\"read_back\"",
        "\"taken_out\"",
        "\"put_back_at_ms\"",
    ] {
        assert!(raw.contains(field), "{field} is in the fixture");
    }
    // What the fixture holds reads back as the rules say.
    assert!(session.is_finished());
    assert_eq!(session.age_version(), AgeVersion::Older);
    assert_eq!(
        session.visit_order(Tool::ThreeHouses),
        [Question::GoodThings, Question::Worries]
    );
    assert!(session.passed(Tool::ThreeHouses, Question::Dreams));
    let dream = session.entry(Question::Dreams, EntryId(3)).unwrap();
    assert_eq!(dream.taken_out.len(), 2);
    assert!(dream.is_taken_out());
    assert!(!dream.is_shown_to(&Audience::Named("Oma".into())));
    assert_eq!(session.amendments().len(), 2);
    assert_eq!(
        session
            .entry(Question::GoodThings, EntryId(4))
            .unwrap()
            .words()
            .unwrap()
            .text,
        "Fußball mit Papa"
    );
}

/// The version 7 fixture: the version 5 session changed during the conversation before
/// version 6's additions: words typed over in one opening and their voice changed, a
/// drawing cleared after it was reopened, a caption written and then changed.
fn the_version_7_session() -> Session {
    let mut session = the_version_5_session();
    let at = 1_764_399_000_000;
    let words = session
        .open_for_editing(Question::Worries, EntryId(2), Part::Words, at)
        .unwrap();
    assert!(session.write_words(&words, "Ich hab", Voice::ChildSaidWorkerWrote, at + 1));
    assert!(session.write_words(&words, "Ich hab große Angst 😢", Voice::ChildWrote, at + 2));
    let drawing = session
        .open_for_editing(Question::Worries, EntryId(1), Part::Drawing, at + 3)
        .unwrap();
    assert!(session
        .draw(&drawing, at + 4, |d| d.strokes.clear())
        .is_some());
    let said = |text: &str| Words {
        text: text.into(),
        voice: Voice::ChildSaidWorkerWrote,
    };
    assert!(session.set_caption(Question::Worries, EntryId(1), Some(said("Ich")), at + 5));
    assert!(session.set_caption(
        Question::Worries,
        EntryId(1),
        Some(said("Ich im Regen")),
        at + 6
    ));
    the_version_6_additions(&mut session);
    the_version_7_additions(&mut session, at + 10);
    session
}

/// What the other parts of version 7 added: a person's role, the case reference, the child's
/// sharing taps kept as one change per opening, and worries confirmed before a family copy.
fn the_version_7_additions(session: &mut Session, at: u64) {
    let mut people = session.details().people.clone();
    people.push(PersonPresent {
        who: "Frau Roth".into(),
        role: "Lehrerin".into(),
        whereabouts: Whereabouts::NotThere,
    });
    session.set_people(people, at);
    session.set_case_reference("KJ-2026-0142", at + 1);
    let worry = SharedItem::Entry {
        question: Question::Worries,
        entry: EntryId(2),
    };
    let opened = at + 2;
    assert!(session.decide_in(
        worry,
        Decision::shared_with([Audience::Dad]),
        opened,
        at + 3
    ));
    assert!(session.decide_in(
        worry,
        Decision::shared_with([Audience::Mum]),
        opened,
        at + 4
    ));
    session.record_export(Export {
        at_ms: at + 5,
        audience: Some(Audience::Mum),
        kind: ExportKind::Downloaded,
        file_name: "hear-me-summary-Mia-2026-11-27-for-mum.html".into(),
        confirmed_worries: vec![EntryId(2)],
        picture: None,
    });
}

#[test]
fn the_version_7_fixture_reads_and_is_written_again_byte_for_byte() {
    let raw = include_str!("fixtures/session-v7.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session, the_version_7_session());
    assert_eq!(encode_session(&session), raw);
    for field in [
        "\"changes\"",
        "\"opened_at_ms\"",
        "\"part\":\"words\"",
        "\"part\":\"caption\"",
        "\"part\":\"drawing\"",
        "\"before\"",
        "\"after\"",
        "\"role\":\"Lehrerin\"",
        "\"case_reference\":\"KJ-2026-0142\"",
        "\"confirmed_worries\":[2]",
    ] {
        assert!(raw.contains(field), "{field} is in the fixture");
    }
    let drawing = session.entry(Question::Worries, EntryId(1)).unwrap();
    // The drawing as it was is kept, in the ink format, and the caption's two changes.
    assert!(drawing.drawing().unwrap().strokes.is_empty());
    assert!(matches!(
        &drawing.changes[0].what,
        Changed::Drawing { before } if before.strokes.len() == 2
    ));
    assert_eq!(drawing.changes.len(), 3);
    let words = session.entry(Question::Worries, EntryId(2)).unwrap();
    assert_eq!(words.changes.len(), 1);
}

#[test]
fn an_older_app_refuses_the_version_7_fixture() {
    // What an app of version 6 does with a record of version 7: it must not save it again
    // without the earlier versions, so it has to refuse it. This app refuses the next
    // version too.
    let raw = include_str!("fixtures/session-v7.json");
    let newer = raw.replacen(r#""schema":7"#, r#""schema":8"#, 1);
    assert_eq!(decode_session(&newer), Err(RecordError::FromTheFuture(8)));
}

/// An entry of a session as stored: its JSON, found by question and id.
fn stored_entry(raw: &str, question: Question, id: EntryId) -> Value {
    let record: Value = serde_json::from_str(raw).unwrap();
    let questions = &record["session"]["questions"];
    questions[question.slug().replace('-', "_")]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"] == id.0)
        .cloned()
        .unwrap()
}

/// The session's entries with the unreadable ones as the JSON they keep.
fn entries_as_read(session: &Session) -> Vec<(Question, Result<Entry, Value>)> {
    Question::ALL
        .into_iter()
        .flat_map(|question| {
            session.entries(question).iter().map(move |entry| {
                let read = match entry.unreadable() {
                    Some(unreadable) => Err(unreadable.stored.clone()),
                    None => Ok(entry.clone()),
                };
                (question, read)
            })
        })
        .collect()
}

#[test]
fn damaged_ink_makes_only_that_drawing_unreadable_and_keeps_it_as_it_was() {
    let raw = include_str!("fixtures/session-v2.json");
    let record: Value = serde_json::from_str(raw).unwrap();
    let ink = record["session"]["questions"]["worries"]["entries"][0]["ink"]
        .as_str()
        .unwrap()
        .to_owned();
    let bytes = hear_me::core::ink::base64::base64_decode(&ink).unwrap();
    let cut = hear_me::core::ink::base64::base64_encode(&bytes[..bytes.len() - 1]);
    let mut unknown_version = bytes.clone();
    unknown_version[0] = 99;
    let unknown_version = hear_me::core::ink::base64::base64_encode(&unknown_version);
    let intact = the_version_2_session();
    for damaged in [&cut, &unknown_version, "AQ", "not base64", ""] {
        let raw = raw.replacen(&ink, damaged, 1);
        let session = decode_session(&raw).unwrap_or_else(|error| panic!("{damaged:?}: {error}"));
        let worries = session.entries(Question::Worries);
        // The drawing is unreadable, with its id, time and tool, and keeps its JSON exactly.
        let unreadable = worries[0].unreadable().expect(damaged);
        let as_stored = &stored_entry(&raw, Question::Worries, EntryId(1));
        assert_eq!(&unreadable.stored, as_stored);
        assert_eq!(
            (worries[0].id, worries[0].created_at, worries[0].tool),
            (EntryId(1), 1_764_236_410_000, Tool::ThreeHouses)
        );
        assert!(worries[0].drawing().is_none());
        // Everything else reads as it was.
        assert_eq!(&worries[1..], &intact.entries(Question::Worries)[1..]);
        for question in [Question::GoodThings, Question::Dreams] {
            assert_eq!(session.entries(question), intact.entries(question));
        }
        assert_eq!(session.child, intact.child);
        // Saved again (as today's version), the damaged drawing is written back unchanged,
        // and reads again the same.
        let encoded = encode_session(&session);
        let again = decode_session(&encoded).unwrap();
        assert_eq!(again, session);
        assert_eq!(
            &stored_entry(&encoded, Question::Worries, EntryId(1)),
            as_stored
        );
    }
    // The stored bytes themselves are what the codec writes for this drawing.
    let drawing = decode_drawing(&bytes).unwrap();
    assert_eq!(encode_drawing(&drawing), bytes);
}

/// The version 5 fixture with the Wizards and Fairies drawing's ink damaged, and the dream
/// shared with Oma and the meeting turned into a kind this app does not know ("audio"),
/// which keeps its words, its sharing and data of its own.
fn a_session_with_a_damaged_drawing_and_an_audio_entry() -> String {
    let mut record: Value = serde_json::from_str(include_str!("fixtures/session-v5.json")).unwrap();
    let questions = &mut record["session"]["questions"];
    let drawing = &mut questions["worries"]["entries"][2];
    assert_eq!(drawing["id"], 6);
    drawing["ink"] = Value::from("AQIDBAUG");
    let dream = &mut questions["dreams"]["entries"][0];
    assert_eq!(dream["id"], 3);
    dream["kind"] = Value::from("audio");
    dream["clip"] = Value::from("T2dnUwACAAAAAAAAAAA=");
    dream["length_ms"] = Value::from(4200);
    serde_json::to_string(&record).unwrap()
}

#[test]
fn an_entry_of_an_unknown_kind_or_with_damaged_ink_leaves_the_rest_of_the_session_readable() {
    let raw = a_session_with_a_damaged_drawing_and_an_audio_entry();
    let session = decode_session(&raw).unwrap();
    let intact = the_version_5_session();
    let unreadable_ids = [
        (Question::Worries, EntryId(6)),
        (Question::Dreams, EntryId(3)),
    ];
    for ((question, read), (expected_question, expected)) in entries_as_read(&session)
        .into_iter()
        .zip(entries_as_read(&intact))
    {
        assert_eq!(question, expected_question);
        let expected = expected.unwrap();
        match read {
            Ok(entry) => {
                assert!(!unreadable_ids.contains(&(question, entry.id)));
                assert_eq!(entry, expected);
            }
            Err(kept) => {
                assert!(unreadable_ids.contains(&(question, expected.id)));
                assert_eq!(kept, stored_entry(&raw, question, expected.id));
                // What could be read beside it still is.
                let entry = session.entry(question, expected.id).unwrap();
                assert_eq!(
                    (entry.created_at, entry.tool, &entry.sharing),
                    (expected.created_at, expected.tool, &expected.sharing)
                );
            }
        }
    }
    assert_eq!(session.reflection, intact.reflection);
    assert_eq!(session.exports, intact.exports);
    // Saved again, nothing at all has changed: the unreadable entries are written back as
    // they were stored, and read again the same.
    let encoded = encode_session(&session);
    let mut as_stored = serde_json::from_str::<Value>(&raw).unwrap();
    as_stored["schema"] = Value::from(SCHEMA_VERSION);
    assert_eq!(serde_json::from_str::<Value>(&encoded).unwrap(), as_stored);
    assert_eq!(decode_session(&encoded).unwrap(), session);
    // The dream cannot be checked against the child's wish, so no audience sees it, though
    // its sharing still says the child agreed.
    let dream = session.entry(Question::Dreams, EntryId(3)).unwrap();
    let oma = Audience::Named("Oma".into());
    assert!(dream.sharing.is_shared_with(&oma));
    assert!(!dream.is_shown_to(&oma));
    assert!(session
        .entries_shown_to(&oma)
        .all(|(_, entry)| entry.id != EntryId(3)));
    assert!(!session.audiences_seeing_something().contains(&oma));
}

#[test]
fn a_session_whose_own_shape_is_broken_is_still_corrupt() {
    let raw = include_str!("fixtures/session-v5.json");
    for (from, to) in [
        (r#""entries":["#, r#""entries":"gone","was":["#),
        (r#""questions":{"#, r#""questions":7,"was":{"#),
        (r#""next_entry":7"#, r#""next_entry":"seven""#),
        (r#""session":{"#, r#""session":[],"was":{"#),
    ] {
        assert!(raw.contains(from), "{from}");
        let broken = raw.replacen(from, to, 1);
        assert!(
            matches!(decode_session(&broken), Err(RecordError::Corrupt(_))),
            "{to}"
        );
    }
}

#[test]
fn a_version_1_drawing_with_damaged_strokes_is_kept_as_it_was_stored() {
    let raw =
        include_str!("fixtures/session-v1.json").replacen("[[100,200,128]", "[[100,-2,128]", 1);
    let session = decode_session(&raw).unwrap();
    let worries = session.entries(Question::Worries);
    // Not migrated, not repaired: the version 1 drawing stays as it was, points and all.
    let unreadable = worries[0].unreadable().unwrap();
    assert_eq!(
        unreadable.stored,
        stored_entry(&raw, Question::Worries, EntryId(1))
    );
    assert!(unreadable.stored["strokes"].is_array());
    assert_eq!(worries[1].words().unwrap().text, "Ich hab Angst 😢");
    let encoded = encode_session(&session);
    assert_eq!(decode_session(&encoded).unwrap(), session);
}

#[test]
fn a_record_from_a_newer_app_is_refused_not_guessed() {
    let newer = SCHEMA_VERSION + 1;
    let raw = include_str!("fixtures/session-v2.json").replacen(
        "\"schema\":2",
        &format!("\"schema\":{newer}"),
        1,
    );
    assert_eq!(decode_session(&raw), Err(RecordError::FromTheFuture(newer)));
    let newer_index = INDEX_VERSION + 1;
    assert_eq!(
        decode_index(&format!(r#"{{"schema":{newer_index},"sessions":[]}}"#)),
        Err(RecordError::FromTheFuture(newer_index))
    );
    let huge = r#"{"schema":99999999999,"session":{}}"#;
    assert!(matches!(
        decode_session(huge),
        Err(RecordError::FromTheFuture(_))
    ));
}

#[test]
fn damaged_records_are_reported_as_corrupt() {
    let cut_short = &include_str!("fixtures/session-v1.json")[..200];
    for raw in [
        "",
        "{not json",
        "null",
        "[]",
        r#"{"session":{}}"#,
        r#"{"schema":0}"#,
        r#"{"schema":1}"#,
        cut_short,
    ] {
        assert!(
            matches!(decode_session(raw), Err(RecordError::Corrupt(_))),
            "{raw:?}"
        );
    }
    // An entry of a kind this app does not know is not the whole record damaged: only that
    // entry is unreadable, and it is kept.
    let wrong_kind =
        include_str!("fixtures/session-v1.json").replace("\"kind\":\"words\"", "\"kind\":\"song\"");
    let session = decode_session(&wrong_kind).unwrap();
    assert!(session.entries(Question::Worries)[1].unreadable().is_some());
    assert!(session.entries(Question::Worries)[0].drawing().is_some());
}

#[test]
fn keys_hold_one_session_each() {
    let id = SessionId::new(10, 11);
    assert_eq!(session_id_from_key(&session_key(&id)), Some(id));
    assert_eq!(session_id_from_key("hear-me/index"), None);
    assert_eq!(session_id_from_key("hear-me/session/"), None);
    assert_eq!(session_id_from_key("other-app/session/x"), None);
}

#[test]
fn each_text_of_settings_is_its_own_field_trimmed_and_a_same_text_changes_nothing() {
    let mut index = Index::default();
    let settings = [
        TextSetting::Agency,
        TextSetting::WorkerName,
        TextSetting::AgencyPhone,
    ];
    for (n, setting) in settings.into_iter().enumerate() {
        assert!(index.set_text(setting, &format!("  text {n} ")));
        assert!(
            !index.set_text(setting, &format!("text {n}")),
            "the same again"
        );
    }
    assert_eq!(index.agency, "text 0");
    assert_eq!(index.worker_name, "text 1");
    assert_eq!(index.agency_phone, "text 2");
    for (n, setting) in settings.into_iter().enumerate() {
        assert_eq!(index.text(setting), format!("text {n}"));
    }
    assert!(index.set_text(TextSetting::WorkerName, " "));
    assert_eq!(index.worker_name, "", "emptied: left out when written");
    assert!(!encode_index(&index).contains("worker_name"));
}

#[test]
fn tools_open_in_child_mode_unless_the_index_says_the_worker_turned_it_off() {
    // An index written before the setting existed reads as on, and is written back unchanged.
    let older = format!(r#"{{"schema":{INDEX_VERSION},"sessions":[],"agency":"ASD Nord"}}"#);
    let index = decode_index(&older).unwrap();
    assert!(!index.tools_open_in_worker_mode);
    assert_eq!(encode_index(&index), older);
    assert!(!encode_index(&Index::default()).contains("tools_open_in_worker_mode"));
    // Turned off, it is kept, and read back off.
    let off = Index {
        tools_open_in_worker_mode: true,
        ..Index::default()
    };
    let written = encode_index(&off);
    assert!(
        written.contains(r#""tools_open_in_worker_mode":true"#),
        "{written}"
    );
    assert_eq!(decode_index(&written).unwrap(), off);
}

#[test]
fn the_index_round_trips_and_updates_only_on_change() {
    let session = session_with_everything();
    let mut index = Index::default();
    assert!(index.upsert(IndexEntry::of(&session)));
    assert!(!index.upsert(IndexEntry::of(&session)));
    let decoded = decode_index(&encode_index(&index)).unwrap();
    assert_eq!(decoded, index);
    assert_eq!(decoded.child_name(&session.id), Some("Mia"));
    assert!(index.remove(&session.id));
    assert!(!index.remove(&session.id));
    assert!(matches!(decode_index("{"), Err(RecordError::Corrupt(_))));
}

#[test]
fn device_state_remembers_place_and_language() {
    let state = DeviceState {
        place: Screen::Question {
            session: SessionId::from("a"),
            tool: Tool::WizardsAndFairies,
            question: Question::Dreams,
        },
        language: "de".into(),
    };
    assert_eq!(
        decode_device_state(&encode_device_state(&state)).unwrap(),
        state
    );
    assert_eq!(
        decode_device_state(r#"{"schema":1}"#).unwrap(),
        DeviceState::default(),
        "missing fields fall back to the start screen"
    );
}

#[test]
fn places_stored_before_there_were_two_tools_open_in_the_three_houses() {
    let session = SessionId::from("a");
    for (stored, place) in [
        (
            r#"{"screen":"three_houses","session":"a"}"#,
            Screen::Tool {
                session,
                tool: Tool::ThreeHouses,
            },
        ),
        (
            r#"{"screen":"house","session":"a","question":"worries"}"#,
            Screen::Question {
                session,
                tool: Tool::ThreeHouses,
                question: Question::Worries,
            },
        ),
        (
            r#"{"screen":"drawing","session":"a","question":"dreams","entry":3}"#,
            Screen::Drawing {
                session,
                tool: Tool::ThreeHouses,
                question: Question::Dreams,
                entry: EntryId(3),
            },
        ),
    ] {
        let device = format!(r#"{{"schema":3,"place":{stored},"language":"en"}}"#);
        assert_eq!(decode_device_state(&device).unwrap().place, place);
    }
}

#[test]
fn version_1_index_and_device_records_still_read() {
    let index = decode_index(
        r#"{"schema":1,"sessions":[{"id":"19ac0f3b2a1-0badcafe","child_name":"Mia","date":"2026-11-26"}]}"#,
    )
    .unwrap();
    assert_eq!(
        index.child_name(&SessionId::from("19ac0f3b2a1-0badcafe")),
        Some("Mia")
    );
    let state =
        decode_device_state(r#"{"schema":1,"place":{"screen":"start"},"language":"de"}"#).unwrap();
    assert_eq!(state.language, "de");
    assert!(encode_index(&index).starts_with(&format!(r#"{{"schema":{INDEX_VERSION},"#)));
}

/// Writes the version 5 fixture; run once with `cargo test --test store_records -- --ignored
/// write_the_version_5_fixture` when it was made, and never again (fixtures are kept forever).
#[test]
#[ignore]
fn write_the_version_5_fixture() {
    std::fs::write(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/session-v5.json"
        ),
        encode_session(&the_version_5_session()),
    )
    .unwrap();
}

/// Writes the version 6 fixture; run once with `cargo test --test store_records -- --ignored
/// write_the_version_6_fixture` when it was made, and never again (fixtures are kept forever).
#[test]
#[ignore]
fn write_the_version_6_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/session-v6.json"
    );
    std::fs::write(path, encode_session(&the_version_6_session())).unwrap();
}

/// Writes the version 7 fixture; run once with `cargo test --test store_records -- --ignored
/// write_the_version_7_fixture` when it was made, and never again (fixtures are kept forever).
#[test]
#[ignore]
fn write_the_version_7_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/session-v7.json"
    );
    std::fs::write(path, encode_session(&the_version_7_session())).unwrap();
}

// Every version of every kind of record: a fixture each, read through every migration step.

/// The path of a fixture.
fn fixture_path(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file)
}

/// The fixtures of one version of a kind: `<kind>-v<version>.json`, and any other forms of it
/// (`<kind>-v<version>-<form>.json`), sorted by name.
fn fixtures_of(kind: RecordKind, version: u32) -> Vec<(String, String)> {
    let main = format!("{}-v{version}.json", kind.name());
    let other_forms = format!("{}-v{version}-", kind.name());
    let mut found: Vec<(String, String)> = std::fs::read_dir(fixture_path(""))
        .unwrap()
        .map(|file| file.unwrap().file_name().into_string().unwrap())
        .filter(|name| *name == main || (name.starts_with(&other_forms) && name.ends_with(".json")))
        .map(|name| {
            let raw = std::fs::read_to_string(fixture_path(&name)).unwrap();
            (name, raw)
        })
        .collect();
    found.sort();
    found
}

/// Reads a record of `kind` and gives the migration steps it went through.
fn steps_to_read(kind: RecordKind, raw: &str) -> Result<Vec<u32>, RecordError> {
    match kind {
        RecordKind::Session => decode_session_with_steps(raw).map(|(_, steps)| steps),
        RecordKind::Index => decode_index_with_steps(raw).map(|(_, steps)| steps),
        RecordKind::Device => decode_device_state_with_steps(raw).map(|(_, steps)| steps),
        RecordKind::Vault => decode_vault_with_steps(raw).map(|(_, steps)| steps),
        RecordKind::Child => decode_child_with_steps(raw).map(|(_, steps)| steps),
    }
}

#[test]
fn every_version_of_every_kind_has_a_fixture_that_reads_through_every_step_after_it() {
    for kind in RecordKind::ALL {
        let current = kind.current_version();
        let mut exercised = std::collections::BTreeSet::new();
        for version in 1..=current {
            let fixtures = fixtures_of(kind, version);
            assert!(
                fixtures
                    .iter()
                    .any(|(name, _)| *name == format!("{}-v{version}.json", kind.name())),
                "no fixture for version {version} of the {} record: add tests/fixtures/{}-v{version}.json",
                kind.name(),
                kind.name()
            );
            for (name, raw) in fixtures {
                let stored: Value = serde_json::from_str(&raw).unwrap();
                assert_eq!(stored["schema"], version, "{name}");
                let steps =
                    steps_to_read(kind, &raw).unwrap_or_else(|error| panic!("{name}: {error}"));
                assert_eq!(
                    steps,
                    (version..current).collect::<Vec<_>>(),
                    "{name} goes through every step from its version to today's, in order"
                );
                exercised.extend(steps);
            }
        }
        assert_eq!(
            exercised.into_iter().collect::<Vec<_>>(),
            kind.migration_steps(),
            "every migration step of the {} record is gone through by a fixture",
            kind.name()
        );
        assert_eq!(
            kind.migration_steps(),
            (1..current).collect::<Vec<_>>(),
            "one step from each version of the {} record to the next",
            kind.name()
        );
    }
}

#[test]
fn every_kind_refuses_a_newer_version_and_never_calls_it_damaged() {
    for kind in RecordKind::ALL {
        let current = kind.current_version();
        let (_, raw) = fixtures_of(kind, current).remove(0);
        let today = format!("\"schema\":{current}");
        assert!(raw.starts_with(&format!("{{{today},")), "{raw}");
        for (newer, reported) in [
            ((current + 1).to_string(), current + 1),
            ("99999999999".into(), u32::MAX),
        ] {
            let raw = raw.replacen(&today, &format!("\"schema\":{newer}"), 1);
            assert_eq!(
                steps_to_read(kind, &raw),
                Err(RecordError::FromTheFuture(reported)),
                "{}",
                kind.name()
            );
        }
        let raw = raw.replacen(&today, "\"schema\":0", 1);
        assert!(matches!(
            steps_to_read(kind, &raw),
            Err(RecordError::Corrupt(_))
        ));
    }
}

/// Sessions as an index names them, one more at each version that brought a fixture.
fn the_index_at(version: u32) -> Index {
    let line = |id: &str, child_name: &str, date: &str| IndexEntry {
        id: SessionId::from(id),
        child_name: child_name.into(),
        date: date.into(),
        revision: 0,
        child: None,
    };
    let mut sessions = vec![line("19ac0f3b2a1-0badcafe", "Mia", "2026-11-26")];
    if version >= 2 {
        sessions.push(line("19ac4af1580-0badcafe", "Mia", "2026-11-27"));
    }
    if version >= 4 {
        sessions.push(line("19ac99b7e00-5eed1e55", "Jonas", "2026-11-28"));
    }
    if version >= 5 {
        sessions.push(line("19acec1dc00-c0ffee42", "Zoë «Z»", "2026-11-29"));
    }
    Index {
        sessions,
        ..Index::default()
    }
}

/// The device state each device fixture holds, and for versions 1 to 3 the record as those
/// versions wrote it: their places had other names (`house`, `three_houses`) and no tool.
fn the_device_state_at(version: u32) -> (DeviceState, Option<&'static str>) {
    let first = || SessionId::from("19ac0f3b2a1-0badcafe");
    let second = || SessionId::from("19ac4af1580-0badcafe");
    match version {
        1 => (
            DeviceState {
                place: Screen::Question {
                    session: first(),
                    tool: Tool::ThreeHouses,
                    question: Question::Worries,
                },
                language: "de".into(),
            },
            Some(
                r#"{"schema":1,"place":{"screen":"house","session":"19ac0f3b2a1-0badcafe","question":"worries"},"language":"de"}"#,
            ),
        ),
        2 => (
            DeviceState {
                place: Screen::Drawing {
                    session: second(),
                    tool: Tool::ThreeHouses,
                    question: Question::Worries,
                    entry: EntryId(1),
                },
                language: "en".into(),
            },
            Some(
                r#"{"schema":2,"place":{"screen":"drawing","session":"19ac4af1580-0badcafe","question":"worries","entry":1},"language":"en"}"#,
            ),
        ),
        3 => (
            DeviceState {
                place: Screen::Tool {
                    session: second(),
                    tool: Tool::ThreeHouses,
                },
                language: String::new(),
            },
            Some(
                r#"{"schema":3,"place":{"screen":"three_houses","session":"19ac4af1580-0badcafe"},"language":""}"#,
            ),
        ),
        4 => (
            DeviceState {
                place: Screen::Question {
                    session: second(),
                    tool: Tool::WizardsAndFairies,
                    question: Question::Dreams,
                },
                language: "de".into(),
            },
            None,
        ),
        _ => (
            DeviceState {
                place: Screen::WorkerDecisions { session: second() },
                language: "de".into(),
            },
            None,
        ),
    }
}

/// A record written today, as the given version wrote the same shape.
fn as_version(encoded: &str, today: u32, version: u32) -> String {
    encoded.replacen(
        &format!("{{\"schema\":{today},"),
        &format!("{{\"schema\":{version},"),
        1,
    )
}

#[test]
fn the_index_fixtures_read_as_the_sessions_they_list() {
    for version in 1..=INDEX_VERSION {
        let raw = std::fs::read_to_string(fixture_path(&format!("index-v{version}.json"))).unwrap();
        let index = decode_index(&raw).unwrap();
        assert_eq!(index, the_index_at(version), "index-v{version}");
        assert_eq!(
            as_version(&encode_index(&index), INDEX_VERSION, version),
            raw
        );
    }
}

#[test]
fn the_device_fixtures_read_as_the_place_and_language_they_hold() {
    for version in 1..=hear_me::store::record::DEVICE_VERSION {
        let raw =
            std::fs::read_to_string(fixture_path(&format!("device-v{version}.json"))).unwrap();
        let (state, as_written) = the_device_state_at(version);
        assert_eq!(
            decode_device_state(&raw).unwrap(),
            state,
            "device-v{version}"
        );
        let today = encode_device_state(&state);
        match as_written {
            Some(as_written) => assert_eq!(raw, as_written),
            None => assert_eq!(
                raw,
                as_version(&today, hear_me::store::record::DEVICE_VERSION, version)
            ),
        }
        assert_eq!(decode_device_state(&today).unwrap(), state);
    }
}

/// The vault fixtures' passphrases and PIN (made up for the fixtures, never used elsewhere).
const VAULT_PASSPHRASE: &str = "Sonnenblume am Fenster";
const VAULT_NEW_PASSPHRASE: &str = "Regenbogen über dem Haus";
const VAULT_PIN: &str = "2468";

/// Argon2id at OWASP's minimum cost, so the tests stay quick; a salt that looks random.
fn fixture_kdf(salt: [u8; SALT_BYTES]) -> KdfParams {
    KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: MIN_ITERATIONS,
        ..KdfParams::recommended(salt)
    }
}

/// The vault each vault fixture holds. Versions 1 to 3 never had a vault (it came at 4) but
/// were always accepted in its shape: they hold the one set up at 4. `wrapped`: after a change
/// of passphrase, the records' key wrapped under the new one. Version 5 also holds three
/// wrong passphrases and their wait, and a chosen auto-lock time.
fn the_vault_at(version: u32, wrapped: bool) -> VaultRecord {
    let random = SetUpRandom {
        salt: [
            0x3c, 0x91, 0x0e, 0xd4, 0x7a, 0x52, 0xb8, 0x16, 0xe3, 0x48, 0x9f, 0x2d, 0x61, 0xc7,
            0x05, 0xaa,
        ],
        check_nonce: [
            0x5e, 0x12, 0x9a, 0x77, 0xc1, 0x04, 0xde, 0x38, 0x6b, 0xf0, 0x21, 0x8d,
        ],
        pin_nonce: [
            0xa4, 0x3f, 0x60, 0x1b, 0xe9, 0x87, 0x2c, 0xd5, 0x0a, 0x93, 0x4e, 0xb6,
        ],
    };
    let (mut vault, _) = VaultRecord::set_up(
        derived(VAULT_PASSPHRASE, fixture_kdf(random.salt)),
        VAULT_PIN,
        &random,
    )
    .unwrap();
    if wrapped {
        let salt = [
            0xd2, 0x6e, 0x19, 0x84, 0x3b, 0xf7, 0x50, 0xac, 0x0d, 0x95, 0x62, 0xe1, 0x2f, 0xb3,
            0x78, 0x4c,
        ];
        let nonce: [u8; NONCE_BYTES] = [
            0x71, 0xc8, 0x0f, 0x5a, 0xe4, 0x36, 0x9d, 0x02, 0xbb, 0x67, 0x13, 0xfa,
        ];
        vault
            .change_passphrase(
                &passphrase_key(&vault, VAULT_PASSPHRASE),
                VAULT_NEW_PASSPHRASE,
                VAULT_NEW_PASSPHRASE,
                derived(VAULT_NEW_PASSPHRASE, fixture_kdf(salt)),
                nonce,
            )
            .unwrap();
    }
    if version >= 5 {
        for _ in 0..3 {
            assert!(vault
                .unlock(&passphrase_key(&vault, "not the passphrase"))
                .is_err());
        }
        vault.auto_lock_minutes = 10;
        // As versions before the time still to wait stored the wait: a wall-clock time.
        vault.wait_left_ms = 0;
        vault.retry_after_ms = 1_764_500_004_000;
    }
    vault
}

/// The key of a passphrase tried on `vault`, as the Web Worker derives it.
fn passphrase_key(vault: &VaultRecord, passphrase: &str) -> VaultKey {
    derive_key(passphrase, &vault.kdf).unwrap()
}

fn derived(passphrase: &str, params: KdfParams) -> DerivedKey {
    DerivedKey {
        key: derive_key(passphrase, &params).unwrap(),
        params,
    }
}

/// The vault fixtures: version, whether its key is wrapped, and the file.
fn vault_fixtures() -> Vec<(u32, bool, String)> {
    (1..=VAULT_VERSION)
        .flat_map(|version| {
            let plain = (version, false, format!("vault-v{version}.json"));
            let wrapped = (version, true, format!("vault-v{version}-wrapped.json"));
            if version >= 4 {
                vec![plain, wrapped]
            } else {
                vec![plain]
            }
        })
        .collect()
}

#[test]
fn the_vault_fixtures_open_with_their_passphrase_and_know_the_pin() {
    let mut expected = std::collections::HashMap::new();
    for (version, wrapped, file) in vault_fixtures() {
        let raw = std::fs::read_to_string(fixture_path(&file)).unwrap();
        let mut vault = decode_vault(&raw).unwrap();
        let kept = expected
            .entry((version.max(4), wrapped))
            .or_insert_with(|| the_vault_at(version, wrapped));
        assert_eq!(&vault, kept, "{file}");
        assert_eq!(
            as_version(&encode_vault(&vault), VAULT_VERSION, version),
            raw,
            "{file}"
        );
        assert_eq!(raw.contains("wrapped_key"), wrapped, "{file}");
        if version >= 5 {
            assert_eq!((vault.failed_unlocks, vault.auto_lock_minutes), (3, 10));
            assert_eq!(vault.wait_ms(), 2000, "the whole wait it set");
            let mut counted = vault.clone();
            counted.count_down_wait(2000);
            vault = counted;
        } else {
            assert_eq!((vault.failed_unlocks, vault.wait_ms()), (0, 0));
            assert_eq!(vault.auto_lock_minutes, 5);
        }
        let (right, old) = if wrapped {
            (VAULT_NEW_PASSPHRASE, Some(VAULT_PASSPHRASE))
        } else {
            (VAULT_PASSPHRASE, None)
        };
        if let Some(old) = old {
            let mut tried = vault.clone();
            assert_eq!(
                tried.unlock(&passphrase_key(&tried, old)).map(|_| ()),
                Err(UnlockError::WrongPassphrase),
                "{file}"
            );
        }
        let key = vault.unlock(&passphrase_key(&vault, right)).unwrap();
        assert!(vault.pin_matches(&key, VAULT_PIN), "{file}");
        assert_eq!(vault.failed_unlocks, 0);
    }
}

/// Writes the index, device and vault fixtures of every version; run once with `cargo test
/// --test store_records -- --ignored write_the_index_device_and_vault_fixtures`. A fixture
/// that exists is never written again (fixtures are kept forever).
#[test]
#[ignore]
fn write_the_index_device_and_vault_fixtures() {
    let write = |file: &str, raw: &str| {
        use std::io::Write;
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(fixture_path(file))
        {
            Ok(mut out) => out.write_all(raw.as_bytes()).unwrap(),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => panic!("{file}: {error}"),
        }
    };
    for version in 1..=INDEX_VERSION {
        let raw = as_version(
            &encode_index(&the_index_at(version)),
            INDEX_VERSION,
            version,
        );
        write(&format!("index-v{version}.json"), &raw);
    }
    let today = hear_me::store::record::DEVICE_VERSION;
    for version in 1..=today {
        let (state, as_written) = the_device_state_at(version);
        let raw = as_written
            .map(str::to_owned)
            .unwrap_or_else(|| as_version(&encode_device_state(&state), today, version));
        write(&format!("device-v{version}.json"), &raw);
    }
    for (version, wrapped, file) in vault_fixtures() {
        let raw = as_version(
            &encode_vault(&the_vault_at(version, wrapped)),
            VAULT_VERSION,
            version,
        );
        write(&file, &raw);
    }
}
