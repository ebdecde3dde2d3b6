//! The storage module against the browser's real localStorage (wasm-bindgen-test in
//! headless Chromium): saving, reading back, damaged records and a full disk.
#![cfg(target_arch = "wasm32")]

use hear_me::core::{NewSession, Question, Session, SessionId, Tool, Voice, Words};
use hear_me::store::record::session_key;
use hear_me::store::{self, RecordError, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn session(name: &str, created_at: u64) -> Session {
    let form = NewSession {
        child_name: name.into(),
        age: String::new(),
        worker_name: String::new(),
        date: "2026-11-26".into(),
    };
    let mut session = Session::start(&form, SessionId::new(created_at, 7), created_at).unwrap();
    session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        Words {
            text: "Ich hab Angst 😢".into(),
            voice: Voice::ChildSaidWorkerWrote,
        },
        created_at,
    );
    session
}

#[wasm_bindgen_test]
fn saved_sessions_load_back_exactly() {
    local_storage().clear().unwrap();
    let mia = session("Mia", 1);
    let ben = session("Ben", 2);
    store::save_session(&mia).unwrap();
    store::save_session(&ben).unwrap();
    let loaded = store::load();
    assert_eq!(loaded.problem, None);
    assert!(loaded.unreadable.is_empty());
    let mut names: Vec<_> = loaded
        .sessions
        .iter()
        .map(|s| s.child.name.clone())
        .collect();
    names.sort();
    assert_eq!(names, ["Ben", "Mia"]);
    assert!(loaded.sessions.contains(&mia));

    store::delete_session(&mia.id).unwrap();
    let loaded = store::load();
    assert_eq!(loaded.sessions, vec![ben]);
    assert_eq!(
        local_storage().get_item(&session_key(&mia.id)).unwrap(),
        None
    );
    assert!(!local_storage()
        .get_item("hear-me/index")
        .unwrap()
        .unwrap()
        .contains("Mia"));
}

#[wasm_bindgen_test]
fn a_damaged_record_is_named_and_left_untouched() {
    local_storage().clear().unwrap();
    let zoe = session("Zoe", 3);
    let ada = session("Ada", 4);
    store::save_session(&zoe).unwrap();
    store::save_session(&ada).unwrap();
    local_storage()
        .set_item(&session_key(&zoe.id), "{not json")
        .unwrap();

    let loaded = store::load();
    assert_eq!(loaded.sessions, vec![ada.clone()]);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].child_name.as_deref(), Some("Zoe"));
    assert!(matches!(
        loaded.unreadable[0].error,
        RecordError::Corrupt(_)
    ));

    // Saving another session neither repairs nor drops the damaged one.
    store::save_session(&ada).unwrap();
    assert_eq!(
        local_storage()
            .get_item(&session_key(&zoe.id))
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
    assert!(local_storage()
        .get_item("hear-me/index")
        .unwrap()
        .unwrap()
        .contains("Zoe"));
}

#[wasm_bindgen_test]
fn a_record_from_a_newer_app_is_kept_as_it_is() {
    local_storage().clear().unwrap();
    let future = r#"{"schema":7,"session":{"something":"new"}}"#;
    local_storage()
        .set_item("hear-me/session/from-the-future", future)
        .unwrap();
    let loaded = store::load();
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].error, RecordError::FromTheFuture(7));
    assert_eq!(
        local_storage()
            .get_item("hear-me/session/from-the-future")
            .unwrap()
            .as_deref(),
        Some(future)
    );
}

#[wasm_bindgen_test]
fn a_damaged_index_is_rebuilt_from_the_records() {
    local_storage().clear().unwrap();
    let mia = session("Mia", 5);
    store::save_session(&mia).unwrap();
    local_storage()
        .set_item("hear-me/index", "garbage")
        .unwrap();
    let ben = session("Ben", 6);
    store::save_session(&ben).unwrap();
    let index = local_storage().get_item("hear-me/index").unwrap().unwrap();
    assert!(index.contains("Mia") && index.contains("Ben"), "{index}");
    assert_eq!(store::load().sessions.len(), 2);
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_nothing_stored_is_lost() {
    local_storage().clear().unwrap();
    let mia = session("Mia", 8);
    store::save_session(&mia).unwrap();

    // Fill localStorage until the browser refuses with QuotaExceededError.
    let chunk = "x".repeat(512 * 1024);
    let mut filler_keys = Vec::new();
    for i in 0.. {
        let key = format!("filler-{i}");
        if local_storage().set_item(&key, &chunk).is_err() {
            break;
        }
        filler_keys.push(key);
        assert!(i < 200, "storage never filled up");
    }
    // Fill the last gaps with smaller pieces, so even a small record cannot fit.
    for size in [64 * 1024, 4 * 1024, 256, 16] {
        let piece = "y".repeat(size);
        for i in 0.. {
            let key = format!("filler-{size}-{i}");
            if local_storage().set_item(&key, &piece).is_err() {
                break;
            }
            filler_keys.push(key);
        }
    }

    let mut bigger = mia.clone();
    bigger.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        Words {
            text: "a wish ".repeat(100),
            voice: Voice::ChildWrote,
        },
        9,
    );
    assert_eq!(store::save_session(&bigger), Err(StoreError::Full));
    // The earlier save of the same session is intact.
    let loaded = store::load();
    assert_eq!(loaded.sessions, vec![mia]);

    for key in filler_keys {
        local_storage().remove_item(&key).unwrap();
    }
    store::save_session(&bigger).unwrap();
    assert_eq!(store::load().sessions, vec![bigger]);
}
