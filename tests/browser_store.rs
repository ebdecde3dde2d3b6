//! The storage module against the browser's real localStorage (wasm-bindgen-test in
//! headless Chromium): sealing and opening, saving, reading back, damaged records, records
//! from before encryption, wiping and a full disk.
#![cfg(target_arch = "wasm32")]

use hear_me::core::{NewSession, Question, Session, SessionId, Tool, Voice, Words};
use std::sync::OnceLock;

use hear_me::store::record::{encode_session, session_key};
use hear_me::store::vault::{
    derive_key, KdfParams, ResealRandom, SetUpRandom, VaultKey, VaultRecord, MIN_ITERATIONS,
    MIN_MEMORY_KIB, SALT_BYTES,
};
use hear_me::store::{self, RecordError, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn derive(passphrase: &str) -> VaultKey {
    derive_key(passphrase, &cheap(4)).unwrap()
}

/// The cheapest parameters the vault accepts, with a salt of `salt_byte`.
fn cheap(salt_byte: u8) -> KdfParams {
    KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: MIN_ITERATIONS,
        ..KdfParams::recommended([salt_byte; SALT_BYTES])
    }
}

/// Deriving is slow on purpose: the tests share one vault and its key.
fn vault_and_key() -> &'static (VaultRecord, VaultKey) {
    static VAULT: OnceLock<(VaultRecord, VaultKey)> = OnceLock::new();
    VAULT.get_or_init(|| {
        let random = SetUpRandom {
            salt: [4; SALT_BYTES],
            check_nonce: [5; 12],
            pin_nonce: [6; 12],
        };
        VaultRecord::set_up(
            "the tests' passphrase",
            "the tests' passphrase",
            "2468",
            "2468",
            cheap(4),
            &random,
        )
        .unwrap()
    })
}

fn key() -> &'static VaultKey {
    &vault_and_key().1
}

/// Saves a session as a tab does that has just opened the stored sessions: from the
/// revision storage holds.
fn save(session: &Session) -> Result<u64, StoreError> {
    let revision = store::load(key(), false)
        .revisions
        .get(&session.id)
        .copied()
        .unwrap_or(0);
    store::save_session(session, key(), revision)
}

/// An empty device set up with the tests' vault, as after the worker's set-up.
fn fresh_device() {
    local_storage().clear().unwrap();
    store::save_vault(&vault_and_key().0, None).unwrap();
}

/// Every value Hear Me stored, for scanning.
fn everything_stored() -> String {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .map(|k| format!("{k}={}\n", storage.get_item(&k).unwrap().unwrap()))
        .collect()
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
    fresh_device();
    let mia = session("Mia", 1);
    let ben = session("Ben", 2);
    save(&mia).unwrap();
    save(&ben).unwrap();
    let loaded = store::load(key(), false);
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

    store::delete_session(&mia.id, key()).unwrap();
    let loaded = store::load(key(), false);
    assert_eq!(loaded.sessions, vec![ben]);
    assert_eq!(
        local_storage().get_item(&session_key(&mia.id)).unwrap(),
        None
    );
    assert!(!everything_stored().contains("Mia"));
    assert!(everything_stored().contains("hear-me/index=hm1."));
}

#[wasm_bindgen_test]
fn nothing_the_child_said_or_is_called_is_stored_in_plain_text() {
    fresh_device();
    let mut mia = session("Mirabelle", 11);
    mia.add_words(
        Tool::WizardsAndFairies,
        Question::Dreams,
        Words {
            text: "Zauberwunsch".into(),
            voice: Voice::ChildWrote,
        },
        12,
    );
    save(&mia).unwrap();
    let stored = everything_stored();
    for secret in ["Mirabelle", "Zauberwunsch", "Angst", "worries", "wizards"] {
        assert!(!stored.contains(secret), "{secret} is readable in {stored}");
    }
    assert_eq!(store::load(key(), false).sessions, vec![mia]);
    // Another passphrase's key opens nothing, and changes nothing.
    let before = everything_stored();
    let wrong = store::load(&derive("another passphrase"), false);
    assert!(wrong.sessions.is_empty());
    assert_eq!(wrong.unreadable.len(), 1);
    assert_eq!(everything_stored(), before);
}

#[wasm_bindgen_test]
fn records_from_before_encryption_are_read_and_sealed_on_opening() {
    fresh_device();
    let old = session("Oskar", 13);
    local_storage()
        .set_item(&session_key(&old.id), &encode_session(&old))
        .unwrap();
    assert!(everything_stored().contains("Oskar"));
    assert_eq!(store::load(key(), true).sessions, vec![old.clone()]);
    assert!(
        !everything_stored().contains("Oskar"),
        "sealed at the first opening"
    );
    assert_eq!(store::load(key(), true).sessions, vec![old]);
}

#[wasm_bindgen_test]
fn wiping_removes_everything_of_hear_me_and_nothing_else() {
    fresh_device();
    store::save_session(&session("Mia", 14), key(), 0).unwrap();
    local_storage().set_item("another-app", "kept").unwrap();
    store::wipe().unwrap();
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .collect();
    assert_eq!(keys, ["another-app"]);
    assert!(matches!(
        store::opening(),
        store::Opening::SetUp { plain_sessions: 0 }
    ));
}

#[wasm_bindgen_test]
fn a_damaged_record_is_named_and_left_untouched() {
    fresh_device();
    let zoe = session("Zoe", 3);
    let ada = session("Ada", 4);
    save(&zoe).unwrap();
    save(&ada).unwrap();
    // Sealed by this tablet, but what is inside is damaged.
    let damaged = key().seal(&session_key(&zoe.id), b"{not json", [9; 12]);
    local_storage()
        .set_item(&session_key(&zoe.id), &damaged)
        .unwrap();

    let loaded = store::load(key(), false);
    assert_eq!(loaded.sessions, vec![ada.clone()]);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].child_name.as_deref(), Some("Zoe"));
    assert!(matches!(
        loaded.unreadable[0].error,
        RecordError::Corrupt(_)
    ));

    // Saving another session neither repairs nor drops the damaged one: it is kept exactly,
    // sealed like everything else.
    save(&ada).unwrap();
    let kept = local_storage()
        .get_item(&session_key(&zoe.id))
        .unwrap()
        .unwrap();
    assert_eq!(kept, damaged, "byte for byte");
    assert_eq!(
        key().open(&session_key(&zoe.id), &kept).unwrap(),
        b"{not json"
    );
    assert_eq!(
        store::load(key(), false).unreadable[0]
            .child_name
            .as_deref(),
        Some("Zoe")
    );
}

#[wasm_bindgen_test]
fn a_record_from_a_newer_app_is_kept_as_it_is() {
    fresh_device();
    let future = r#"{"schema":7,"session":{"something":"new"}}"#;
    local_storage()
        .set_item("hear-me/session/from-the-future", future)
        .unwrap();
    let loaded = store::load(key(), true);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].error, RecordError::FromTheFuture(7));
    let kept = local_storage()
        .get_item("hear-me/session/from-the-future")
        .unwrap()
        .unwrap();
    assert_eq!(
        key()
            .open("hear-me/session/from-the-future", &kept)
            .unwrap(),
        future.as_bytes()
    );
}

#[wasm_bindgen_test]
fn a_damaged_index_is_rebuilt_from_the_records() {
    fresh_device();
    let mia = session("Mia", 5);
    save(&mia).unwrap();
    local_storage()
        .set_item("hear-me/index", "garbage")
        .unwrap();
    let ben = session("Ben", 6);
    save(&ben).unwrap();
    let sealed = local_storage().get_item("hear-me/index").unwrap().unwrap();
    let index = String::from_utf8(key().open("hear-me/index", &sealed).unwrap()).unwrap();
    assert!(index.contains("Mia") && index.contains("Ben"), "{index}");
    assert_eq!(store::load(key(), false).sessions.len(), 2);
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_nothing_stored_is_lost() {
    fresh_device();
    let mia = session("Mia", 8);
    save(&mia).unwrap();

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
    assert_eq!(save(&bigger), Err(StoreError::Full));
    // The earlier save of the same session is intact.
    let loaded = store::load(key(), false);
    assert_eq!(loaded.sessions, vec![mia]);

    for key in filler_keys {
        local_storage().remove_item(&key).unwrap();
    }
    save(&bigger).unwrap();
    assert_eq!(store::load(key(), false).sessions, vec![bigger]);
}

#[wasm_bindgen_test]
fn a_tab_with_another_key_or_a_vault_it_did_not_expect_writes_nothing() {
    fresh_device();
    let mia = session("Mia", 30);
    save(&mia).unwrap();
    let before = everything_stored();
    // As a tab left open across a wipe and a new set-up elsewhere: its key is not the
    // stored vault's, so what it seals could never be opened again. Refused.
    let stale_key = derive("another passphrase");
    let mut ben = session("Ben", 31);
    assert_eq!(
        store::save_session(&ben, &stale_key, 0),
        Err(StoreError::Stale)
    );
    assert_eq!(
        store::delete_session(&mia.id, &stale_key),
        Err(StoreError::Stale)
    );
    assert_eq!(everything_stored(), before);
    // The vault is written only over the one a tab expects.
    let vault = &vault_and_key().0;
    assert_eq!(
        store::save_vault(vault, None),
        Err(StoreError::Stale),
        "no second set-up"
    );
    assert_eq!(
        store::save_vault(vault, Some("not the stored salt")),
        Err(StoreError::Stale)
    );
    assert_eq!(everything_stored(), before);
    store::save_vault(vault, Some(vault.salt())).unwrap();
    ben.child.name = "Ben".into();
    save(&ben).unwrap();
    assert_eq!(store::load(key(), false).sessions.len(), 2);
}

#[wasm_bindgen_test]
fn a_write_from_an_older_revision_is_refused_and_nothing_is_undone() {
    fresh_device();
    let mut mia = session("Mia", 40);
    assert_eq!(store::save_session(&mia, key(), 0), Ok(1));
    // Another tab adds the child's words and saves: revision 2.
    let mut other_tab = mia.clone();
    other_tab.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        Words {
            text: "the other tab's words".into(),
            voice: Voice::ChildWrote,
        },
        41,
    );
    assert_eq!(store::save_session(&other_tab, key(), 1), Ok(2));
    // This tab still holds revision 1: its write would erase those words. Refused.
    mia.child.age = Some(9);
    assert_eq!(store::save_session(&mia, key(), 1), Err(StoreError::Stale));
    let loaded = store::load(key(), false);
    assert_eq!(loaded.sessions, vec![other_tab.clone()]);
    assert_eq!(loaded.revisions[&mia.id], 2);
    // A session deleted elsewhere is not brought back by a tab that had it open.
    store::delete_session(&mia.id, key()).unwrap();
    assert_eq!(
        store::save_session(&other_tab, key(), 2),
        Err(StoreError::Stale)
    );
    assert!(store::load(key(), false).sessions.is_empty());
}

#[wasm_bindgen_test]
fn after_set_up_a_plain_record_is_kept_apart_and_an_unknown_seal_is_left_byte_for_byte() {
    fresh_device();
    let mia = session("Mia", 50);
    save(&mia).unwrap();
    // Planted in plain text after set-up: not sealed by this tablet.
    let planted = session("Planted", 51);
    let plain = encode_session(&planted);
    local_storage()
        .set_item(&session_key(&planted.id), &plain)
        .unwrap();
    // Sealed by some newer Hear Me.
    let newer = "hm2.c29tZXRoaW5nIG5ldw==";
    local_storage()
        .set_item("hear-me/session/from-a-newer-seal", newer)
        .unwrap();
    let loaded = store::load(key(), false);
    assert_eq!(
        loaded.sessions,
        vec![mia.clone()],
        "only the sealed session opens"
    );
    let mut errors: Vec<_> = loaded.unreadable.iter().map(|u| u.error.clone()).collect();
    errors.sort_by_key(|error| format!("{error:?}"));
    assert_eq!(errors, [RecordError::NotSealed, RecordError::UnknownSeal]);
    // Saving the real session leaves both exactly as they were, and so does a second load.
    save(&mia).unwrap();
    store::load(key(), false);
    let stored = |key: &str| local_storage().get_item(key).unwrap().unwrap();
    assert_eq!(stored(&session_key(&planted.id)), plain);
    assert_eq!(stored("hear-me/session/from-a-newer-seal"), newer);
    // Nor can a tab write over them.
    assert_eq!(
        store::save_session(&planted, key(), 0),
        Err(StoreError::Stale)
    );
}

#[wasm_bindgen_test]
fn a_re_seal_cut_short_loses_nothing_and_finishes_later() {
    fresh_device();
    let mia = session("Mia", 60);
    let ben = session("Ben", 61);
    save(&mia).unwrap();
    save(&ben).unwrap();
    let (old_vault, _) = vault_and_key();
    let mut vault = old_vault.clone();
    let new_key = vault
        .change_passphrase_and_key(
            "the tests' passphrase",
            "a new passphrase",
            "a new passphrase",
            cheap(8),
            &ResealRandom {
                fresh_key: [77; 32],
                nonces: [[1; 12], [2; 12], [3; 12], [4; 12], [5; 12]],
            },
            0,
        )
        .unwrap();
    store::save_vault(&vault, Some(old_vault.salt())).unwrap();
    // Cut short before any record was sealed anew: everything still opens.
    let loaded = store::load(&new_key, false);
    assert_eq!(loaded.sessions.len(), 2);
    assert!(loaded.unreadable.is_empty());
    // Finished: every record is sealed under the new key alone, revisions kept.
    store::reseal_all(&new_key).unwrap();
    let alone = new_key.without_previous();
    let loaded = store::load(&alone, false);
    assert_eq!(loaded.sessions.len(), 2);
    assert_eq!(loaded.revisions[&mia.id], 1);
    assert!(
        store::load(key(), false).sessions.is_empty(),
        "the old key opens nothing"
    );
}

#[wasm_bindgen_test]
fn an_older_copy_put_back_is_noticed_and_still_opens() {
    fresh_device();
    let mut mia = session("Mia", 70);
    save(&mia).unwrap();
    let older = local_storage()
        .get_item(&session_key(&mia.id))
        .unwrap()
        .unwrap();
    mia.add_words(
        Tool::ThreeHouses,
        Question::GoodThings,
        Words {
            text: "added later".into(),
            voice: Voice::ChildWrote,
        },
        71,
    );
    save(&mia).unwrap();
    assert!(store::load(key(), false).rolled_back.is_empty());
    // Someone puts the older sealed copy back.
    local_storage()
        .set_item(&session_key(&mia.id), &older)
        .unwrap();
    let loaded = store::load(key(), false);
    assert_eq!(loaded.rolled_back, vec![mia.id.clone()]);
    assert_eq!(loaded.sessions.len(), 1, "it still opens, as it is now");
    assert_eq!(loaded.revisions[&mia.id], 1);
}
