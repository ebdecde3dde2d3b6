//! Stored records: round trips, schema versions, and records that cannot be read.

use hear_me::core::ink::codec::{decode_drawing, encode_drawing};
use hear_me::core::ink::{Nib, Point, Stamp, StampKind, Stroke, DEFAULT_PRESSURE};
use hear_me::core::{
    Audience, Decision, EntryId, Export, ExportKind, Helper, HelperColour, HelperKind, NewSession,
    Place, Question, RespectLine, Session, SessionId, SharedItem, Shown, SummaryChoices, Tool,
    Voice, Words, WorkerReason,
};
use hear_me::store::record::{
    decode_device_state, decode_index, decode_session, encode_device_state, encode_index,
    encode_session, session_id_from_key, session_key, DeviceState, Index, IndexEntry,
};
use hear_me::store::{RecordError, SCHEMA_VERSION};

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
        raw.replacen(r#""schema":4"#, r#""schema":5"#, 1).replacen(
            r#""worker_notes":"#,
            r#""reflection":"#,
            1
        )
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
    });
    session.record_export(Export {
        at_ms: at + 7,
        audience: None,
        kind: ExportKind::Printed,
        file_name: "hear-me-summary-Mia-2026-11-27-full-record.html".into(),
    });
    session
}

#[test]
fn the_version_5_fixture_reads_and_is_written_again_byte_for_byte() {
    let raw = include_str!("fixtures/session-v5.json");
    let session = decode_session(raw).unwrap();
    assert_eq!(session, the_version_5_session());
    assert_eq!(encode_session(&session), raw);
    let wish = session.entry(Question::Dreams, EntryId(5)).unwrap();
    assert!(wish.sharing.is_shared_with(&Audience::Dad));
    assert!(!wish.sharing.is_shown_to(&Audience::Dad));
    assert!(session.is_hidden(&Audience::Teacher));
    assert_eq!(session.exports.len(), 2);
}

#[test]
fn damaged_ink_makes_the_session_corrupt() {
    let raw = include_str!("fixtures/session-v2.json");
    let record: serde_json::Value = serde_json::from_str(raw).unwrap();
    let ink = record["session"]["questions"]["worries"]["entries"][0]["ink"]
        .as_str()
        .unwrap()
        .to_owned();
    let bytes = hear_me::core::ink::codec::base64_decode(&ink).unwrap();
    let cut = hear_me::core::ink::codec::base64_encode(&bytes[..bytes.len() - 1]);
    let mut unknown_version = bytes.clone();
    unknown_version[0] = 99;
    let unknown_version = hear_me::core::ink::codec::base64_encode(&unknown_version);
    for damaged in [&cut, &unknown_version, "AQ", "not base64", ""] {
        let raw = raw.replacen(&ink, damaged, 1);
        assert!(
            matches!(decode_session(&raw), Err(RecordError::Corrupt(_))),
            "{damaged:?}"
        );
    }
    // The stored bytes themselves are what the codec writes for this drawing.
    let drawing = decode_drawing(&bytes).unwrap();
    assert_eq!(encode_drawing(&drawing), bytes);
}

#[test]
fn a_version_1_drawing_with_damaged_strokes_is_corrupt() {
    let raw =
        include_str!("fixtures/session-v1.json").replacen("[[100,200,128]", "[[100,-2,128]", 1);
    assert!(matches!(decode_session(&raw), Err(RecordError::Corrupt(_))));
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
    assert_eq!(
        decode_index(&format!(r#"{{"schema":{newer},"sessions":[]}}"#)),
        Err(RecordError::FromTheFuture(newer))
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
    let wrong_kind =
        include_str!("fixtures/session-v1.json").replace("\"kind\":\"words\"", "\"kind\":\"song\"");
    assert!(matches!(
        decode_session(&wrong_kind),
        Err(RecordError::Corrupt(_))
    ));
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
        place: Place::Question {
            session: SessionId("a".into()),
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
    let session = SessionId("a".into());
    for (stored, place) in [
        (
            r#"{"screen":"three_houses","session":"a"}"#,
            Place::Tool {
                session: session.clone(),
                tool: Tool::ThreeHouses,
            },
        ),
        (
            r#"{"screen":"house","session":"a","question":"worries"}"#,
            Place::Question {
                session: session.clone(),
                tool: Tool::ThreeHouses,
                question: Question::Worries,
            },
        ),
        (
            r#"{"screen":"drawing","session":"a","question":"dreams","entry":3}"#,
            Place::Drawing {
                session: session.clone(),
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
        index.child_name(&SessionId("19ac0f3b2a1-0badcafe".into())),
        Some("Mia")
    );
    let state =
        decode_device_state(r#"{"schema":1,"place":{"screen":"start"},"language":"de"}"#).unwrap();
    assert_eq!(state.language, "de");
    assert!(encode_index(&index).starts_with(&format!(r#"{{"schema":{SCHEMA_VERSION},"#)));
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
