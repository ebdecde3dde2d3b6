//! Stored records: round trips, schema versions, and records that cannot be read.

use hear_me::core::ink::{Point, Stroke};
use hear_me::core::{NewSession, Place, Question, Session, SessionId, Tool, Voice, Words};
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
    let drawing = session.add_drawing(Question::Worries, 1);
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
    let strokes = &worries[0].drawing().unwrap().strokes;
    assert_eq!(
        strokes[0].points[1],
        Point {
            x: 300,
            y: 400,
            pressure: 200
        }
    );
    assert_eq!(worries[1].words().unwrap().text, "Ich hab Angst 😢");
    let good = session.entries(Question::GoodThings)[0].words().unwrap();
    assert_eq!(
        (good.text.as_str(), good.voice),
        ("J'ai peur", Voice::ChildWrote)
    );
    // A new entry after reading continues the ids instead of reusing one.
    let mut session = session;
    assert_eq!(
        session.add_words(Question::Dreams, Words::default(), 9).0,
        4
    );
}

#[test]
fn a_record_from_a_newer_app_is_refused_not_guessed() {
    let raw = include_str!("fixtures/session-v1.json").replacen("\"schema\":1", "\"schema\":2", 1);
    assert_eq!(decode_session(&raw), Err(RecordError::FromTheFuture(2)));
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
        place: Place::House {
            session: SessionId("a".into()),
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
