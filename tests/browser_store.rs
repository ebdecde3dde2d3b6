//! The storage module against the browser's real storage (wasm-bindgen-test in headless
//! Chromium): sessions and the index sealed in IndexedDB, the vault and the journal of
//! writes not yet landed in localStorage. Sealing and opening, saving, reading back, damaged
//! records, records from before encryption and from localStorage, wiping, writes that
//! cannot land, and the journal a page leaves when it goes.
//!
//! The tests share one page and one wasm instance (the store's memory too): each starts
//! with [`fresh_device`], and reads and writes IndexedDB itself only through the helpers
//! below.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use hear_me::core::ink::{Nib, Point, Stroke};
use hear_me::core::{EntryId, NewSession, Question, Session, SessionId, Tool, Voice, Words};
use hear_me::store::ink_log::{encode_ink_log, ink_key, ink_key_parts, InkStroke, LOG_LIMIT};
use hear_me::store::record::{
    encode_index, encode_session, encode_session_revision, session_key, Index, IndexEntry,
    INDEX_KEY, VAULT_KEY,
};
use hear_me::store::vault::{
    derive_key, sealed_text_to_bytes, DerivedKey, ResealRandom, SetUpRandom, VaultKey, VaultRecord,
    SALT_BYTES,
};
use hear_me::store::writes::{decode_journal, Change, JOURNAL_KEY};
use hear_me::store::{self, DeviceState, RecordError, StoreError};
use idb::{Database, DatabaseEvent, Factory, ObjectStore, TransactionMode, TransactionResult};
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Every localStorage item, by key.
fn local_items() -> Vec<(String, String)> {
    let storage = local_storage();
    let mut items: Vec<(String, String)> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .map(|k| {
            let value = storage.get_item(&k).unwrap().unwrap();
            (k, value)
        })
        .collect();
    items.sort();
    items
}

fn local_keys() -> Vec<String> {
    local_items().into_iter().map(|(k, _)| k).collect()
}

// IndexedDB as the store keeps it, read and written from outside the store: the database
// `hear-me`, one object store `records`, sealed bytes under the storage key.

const DATABASE: &str = "hear-me";
const RECORDS: &str = "records";

/// A connection of its own, as another tab or someone with the browser's tools would have.
async fn database() -> Database {
    let mut request = Factory::new().unwrap().open(DATABASE, Some(1)).unwrap();
    // Only if the store never opened it yet: made exactly as the store makes it.
    request.on_upgrade_needed(|event| {
        let database = event.database().unwrap();
        if !database.store_names().iter().any(|name| name == RECORDS) {
            database
                .create_object_store(RECORDS, idb::ObjectStoreParams::new())
                .unwrap();
        }
    });
    request.await.unwrap()
}

fn records(database: &Database, mode: TransactionMode) -> ObjectStore {
    database
        .transaction(&[RECORDS], mode)
        .unwrap()
        .object_store(RECORDS)
        .unwrap()
}

/// The value stored under `key`, as it is.
async fn raw(key: &str) -> Option<JsValue> {
    let database = database().await;
    let store = records(&database, TransactionMode::ReadOnly);
    let value = store.get(JsValue::from_str(key)).unwrap().await.unwrap();
    database.close();
    value
}

/// The sealed bytes stored under `key`; panics on a value that is not bytes.
async fn stored_bytes(key: &str) -> Option<Vec<u8>> {
    raw(key).await.map(|value| {
        value
            .dyn_into::<Uint8Array>()
            .expect("a value stored as bytes")
            .to_vec()
    })
}

/// Every stored record, by key.
async fn all_raw() -> Vec<(String, JsValue)> {
    let database = database().await;
    let store = records(&database, TransactionMode::ReadOnly);
    let keys = store.get_all_keys(None, None).unwrap().await.unwrap();
    let values = store.get_all(None, None).unwrap().await.unwrap();
    database.close();
    keys.iter()
        .zip(values)
        .map(|(key, value)| (key.as_string().unwrap(), value))
        .collect()
}

/// Puts `value` under `key` (None: removes it), committed before this returns.
async fn put_raw(key: &str, value: Option<&JsValue>) {
    let database = database().await;
    let store = records(&database, TransactionMode::ReadWrite);
    let key = JsValue::from_str(key);
    match value {
        Some(value) => {
            store.put(value, Some(&key)).unwrap().await.unwrap();
        }
        None => store.delete(key).unwrap().await.unwrap(),
    }
    let outcome = store.transaction().commit().unwrap().await.unwrap();
    assert_eq!(outcome, TransactionResult::Committed);
    database.close();
}

async fn put_bytes(key: &str, bytes: &[u8]) {
    put_raw(key, Some(&Uint8Array::from(bytes).into())).await;
}

/// Every value Hear Me stored, in localStorage and in IndexedDB, for scanning.
async fn everything_stored() -> String {
    let mut all: String = local_items()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}\n"))
        .collect();
    for (k, value) in all_raw().await {
        let shown = match value.dyn_ref::<Uint8Array>() {
            Some(bytes) => String::from_utf8_lossy(&bytes.to_vec()).into_owned(),
            None => format!("{value:?}"),
        };
        all.push_str(&format!("indexeddb:{k}={shown}\n"));
    }
    all
}

fn derive(passphrase: &str) -> VaultKey {
    derive_key(passphrase, &cheap(4)).unwrap()
}

mod common;
use common::cheap_params as cheap;

/// Deriving is slow on purpose: the tests share one vault and its key.
fn vault_and_key() -> &'static (VaultRecord, VaultKey) {
    static VAULT: OnceLock<(VaultRecord, VaultKey)> = OnceLock::new();
    VAULT.get_or_init(|| {
        let random = SetUpRandom {
            salt: [4; SALT_BYTES],
            check_nonce: [5; 12],
            pin_nonce: [6; 12],
        };
        let key = DerivedKey {
            key: derive("the tests' passphrase"),
            params: cheap(4),
        };
        VaultRecord::set_up(key, "2468", &random).unwrap()
    })
}

fn key() -> &'static VaultKey {
    &vault_and_key().1
}

/// An empty device set up with the tests' vault, as after the worker's set-up, and a store
/// that remembers nothing of an earlier test.
async fn fresh_device() {
    store::wipe().await.unwrap();
    local_storage().clear().unwrap();
    assert!(all_raw().await.is_empty());
    store::save_vault(&vault_and_key().0, None).unwrap();
}

/// Saves a session as a tab does that has just opened the stored sessions: from the
/// revision storage holds; returns once the write has landed.
async fn save(session: &Session) -> Result<u64, StoreError> {
    let revision = store::load(key(), false)
        .await
        .revisions
        .get(&session.id)
        .copied()
        .unwrap_or(0);
    let next = store::save_session(session, key(), revision)?;
    store::flushed().await?;
    Ok(next)
}

/// A new page on this device: nothing of the store's memory of the page before (`wipe`
/// forgets it, with storage), and storage put back exactly as that page left it. Call it
/// with no `.await` since the writes to lose were asked for: they must not land meanwhile.
async fn new_page(records: &[(String, JsValue)], local: &[(String, String)]) {
    store::wipe().await.unwrap();
    local_storage().clear().unwrap();
    for (k, v) in local {
        local_storage().set_item(k, v).unwrap();
    }
    for (k, value) in records {
        put_raw(k, Some(value)).await;
    }
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

fn with_words(session: &Session, text: &str, at: u64) -> Session {
    let mut changed = session.clone();
    changed.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        Words {
            text: text.into(),
            voice: Voice::ChildWrote,
        },
        at,
    );
    changed
}

/// The worker chooses a new passphrase, and with it a new key (`fresh` its random bytes):
/// the vault is saved, as before every record is sealed anew. Gives the new key, which still
/// opens what the old one sealed.
fn new_passphrase_and_key(fresh: u8) -> VaultKey {
    let (old_vault, _) = vault_and_key();
    let mut vault = old_vault.clone();
    let new_key = vault
        .change_passphrase_and_key(
            &derive("the tests' passphrase"),
            "a new passphrase",
            "a new passphrase",
            DerivedKey {
                key: derive_key("a new passphrase", &cheap(8)).unwrap(),
                params: cheap(8),
            },
            &ResealRandom {
                fresh_key: [fresh; 32],
                nonces: [[1; 12], [2; 12], [3; 12], [4; 12], [5; 12]],
            },
        )
        .unwrap();
    store::save_vault(&vault, Some(old_vault.salt())).unwrap();
    new_key
}

/// `session` sealed at `revision`, as another tab would have written it.
fn sealed_elsewhere(session: &Session, revision: u64, nonce: u8) -> Vec<u8> {
    key().seal_bytes(
        &session_key(&session.id),
        encode_session_revision(session, revision).as_bytes(),
        [nonce; 12],
    )
}

#[wasm_bindgen_test]
async fn saved_sessions_load_back_exactly() {
    fresh_device().await;
    let mia = session("Mia", 1);
    let ben = session("Ben", 2);
    save(&mia).await.unwrap();
    save(&ben).await.unwrap();
    let loaded = store::load(key(), false).await;
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
    store::flushed().await.unwrap();
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![ben.clone()]);
    assert!(raw(&session_key(&mia.id)).await.is_none());
    assert!(!everything_stored().await.contains("Mia"));
    // Sealed bytes in IndexedDB; localStorage keeps only the vault.
    assert!(stored_bytes(INDEX_KEY).await.unwrap().starts_with(b"hm1."));
    assert!(stored_bytes(&session_key(&ben.id))
        .await
        .unwrap()
        .starts_with(b"hm1."));
    assert_eq!(local_keys(), [VAULT_KEY]);
}

#[wasm_bindgen_test]
async fn nothing_the_child_said_or_is_called_is_stored_in_plain_text() {
    fresh_device().await;
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
    save(&mia).await.unwrap();
    let stored = everything_stored().await;
    for secret in ["Mirabelle", "Zauberwunsch", "Angst", "worries", "wizards"] {
        assert!(!stored.contains(secret), "{secret} is readable in {stored}");
    }
    // Nor in the journal kept when the page goes before a write landed.
    let later = with_words(&mia, "Geheimversteck", 13);
    assert_eq!(store::save_session(&later, key(), 1), Ok(2));
    store::keep_unwritten();
    // Read at once: the journal goes as soon as the write has landed.
    let text = local_storage()
        .get_item(JOURNAL_KEY)
        .unwrap()
        .expect("the unlanded write is in the journal");
    let mut journal = text.clone();
    for entry in decode_journal(&text).unwrap() {
        if let Change::Put(bytes) = entry.change {
            assert!(bytes.starts_with(b"hm1."), "{}", entry.key);
            journal.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    for secret in ["Mirabelle", "Geheimversteck", "Zauberwunsch", "Angst"] {
        assert!(
            !journal.contains(secret),
            "{secret} is readable in {journal}"
        );
    }
    store::flushed().await.unwrap();
    assert_eq!(store::load(key(), false).await.sessions, vec![later]);

    // Another passphrase's key opens nothing, and leaves the session's record as it is
    // (that it leaves the index too: `a_key_not_the_vaults_changes_nothing_when_it_loads`).
    let mia_key = session_key(&mia.id);
    let before = stored_bytes(&mia_key).await;
    let wrong = store::load(&derive("another passphrase"), false).await;
    assert!(wrong.sessions.is_empty());
    assert_eq!(wrong.unreadable.len(), 1);
    assert_eq!(stored_bytes(&mia_key).await, before);
    assert_eq!(local_storage().get_item(JOURNAL_KEY).unwrap(), None);
}

/// `load` mends the index only with the vault's own key: a key that cannot open it (a
/// wrong passphrase's, or the old one after a change) writes nothing.
#[wasm_bindgen_test]
async fn a_key_not_the_vaults_changes_nothing_when_it_loads() {
    fresh_device().await;
    let mia = session("Mia", 16);
    save(&mia).await.unwrap();
    let before = everything_stored().await;
    let wrong = store::load(&derive("another passphrase"), false).await;
    assert!(wrong.sessions.is_empty());
    assert_eq!(wrong.unreadable.len(), 1);
    assert_eq!(everything_stored().await, before);
    // The vault's own key still finds the index it wrote.
    let index = stored_bytes(INDEX_KEY).await.unwrap();
    assert!(key().open_bytes(INDEX_KEY, &index).is_ok());
}

#[wasm_bindgen_test]
async fn records_from_before_encryption_are_read_and_sealed_on_opening() {
    fresh_device().await;
    let old = session("Oskar", 13);
    local_storage()
        .set_item(&session_key(&old.id), &encode_session(&old))
        .unwrap();
    assert!(everything_stored().await.contains("Oskar"));
    assert!(matches!(store::opening(), store::Opening::Locked(_)));
    assert_eq!(store::load(key(), true).await.sessions, vec![old.clone()]);
    assert!(
        !everything_stored().await.contains("Oskar"),
        "sealed at the first opening"
    );
    assert_eq!(
        local_storage().get_item(&session_key(&old.id)).unwrap(),
        None
    );
    assert!(stored_bytes(&session_key(&old.id))
        .await
        .unwrap()
        .starts_with(b"hm1."));
    assert_eq!(store::load(key(), true).await.sessions, vec![old]);
}

#[wasm_bindgen_test]
async fn wiping_removes_everything_of_hear_me_and_nothing_else() {
    fresh_device().await;
    save(&session("Mia", 14)).await.unwrap();
    local_storage().set_item("another-app", "kept").unwrap();
    assert!(!all_raw().await.is_empty());
    // A write still waiting when the wipe comes does not land after it.
    store::save_session(&session("Ben", 15), key(), 0).unwrap();
    store::wipe().await.unwrap();
    store::flushed().await.unwrap();
    assert!(store::all_written());
    assert_eq!(local_keys(), ["another-app"]);
    assert!(all_raw().await.is_empty(), "{}", everything_stored().await);
    assert!(matches!(
        store::opening(),
        store::Opening::SetUp { plain_sessions: 0 }
    ));
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_named_and_left_untouched() {
    fresh_device().await;
    let zoe = session("Zoe", 3);
    let ada = session("Ada", 4);
    save(&zoe).await.unwrap();
    save(&ada).await.unwrap();
    // Sealed by this tablet, but what is inside is damaged.
    let damaged = key().seal_bytes(&session_key(&zoe.id), b"{not json", [9; 12]);
    put_bytes(&session_key(&zoe.id), &damaged).await;

    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![ada.clone()]);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].child_name.as_deref(), Some("Zoe"));
    assert!(matches!(
        loaded.unreadable[0].error,
        RecordError::Corrupt(_)
    ));

    // Saving another session neither repairs nor drops the damaged one: it is kept exactly,
    // sealed like everything else.
    save(&with_words(&ada, "more", 5)).await.unwrap();
    let kept = stored_bytes(&session_key(&zoe.id)).await.unwrap();
    assert_eq!(kept, damaged, "byte for byte");
    assert_eq!(
        key().open_bytes(&session_key(&zoe.id), &kept).unwrap(),
        b"{not json"
    );
    let again = store::load(key(), false).await;
    assert_eq!(again.unreadable.len(), 1);
    assert_eq!(again.unreadable[0].id, zoe.id);
    assert_eq!(stored_bytes(&session_key(&zoe.id)).await.unwrap(), damaged);
}

/// The index `load` mends keeps what it said of a session it cannot open, so the child's
/// name of a damaged one is still given at every unlock.
#[wasm_bindgen_test]
async fn a_damaged_record_keeps_its_childs_name_at_every_unlock() {
    fresh_device().await;
    let zoe = session("Zoe", 17);
    save(&zoe).await.unwrap();
    let damaged = key().seal_bytes(&session_key(&zoe.id), b"{not json", [9; 12]);
    put_bytes(&session_key(&zoe.id), &damaged).await;
    for unlock in 0..2 {
        let loaded = store::load(key(), false).await;
        assert_eq!(loaded.unreadable.len(), 1);
        assert_eq!(
            loaded.unreadable[0].child_name.as_deref(),
            Some("Zoe"),
            "at unlock {unlock}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_record_from_a_newer_app_is_kept_as_it_is() {
    fresh_device().await;
    let future = r#"{"schema":8,"session":{"something":"new"}}"#;
    let storage_key = "hear-me/session/from-the-future";
    local_storage().set_item(storage_key, future).unwrap();
    let loaded = store::load(key(), true).await;
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].error, RecordError::FromTheFuture(8));
    // Sealed on the way to IndexedDB, as every record from before encryption, and the text
    // inside exactly as it was.
    assert_eq!(local_storage().get_item(storage_key).unwrap(), None);
    let kept = stored_bytes(storage_key).await.unwrap();
    assert_eq!(
        key().open_bytes(storage_key, &kept).unwrap(),
        future.as_bytes()
    );
    let again = store::load(key(), false).await;
    assert_eq!(again.unreadable.len(), 1);
    assert_eq!(again.unreadable[0].error, RecordError::FromTheFuture(8));
    assert_eq!(stored_bytes(storage_key).await.unwrap(), kept);
}

#[wasm_bindgen_test]
async fn a_damaged_index_is_rebuilt_from_the_records() {
    fresh_device().await;
    let mia = session("Mia", 5);
    save(&mia).await.unwrap();
    put_bytes(INDEX_KEY, b"garbage").await;
    // Rebuilt at unlock, from the records.
    assert_eq!(store::load(key(), false).await.sessions, vec![mia.clone()]);
    let sealed = stored_bytes(INDEX_KEY).await.unwrap();
    let index = String::from_utf8(key().open_bytes(INDEX_KEY, &sealed).unwrap()).unwrap();
    assert!(index.contains("Mia"), "{index}");
    // And again when it is damaged while a tab has it open, once that tab saves.
    put_bytes(INDEX_KEY, b"garbage").await;
    let ben = session("Ben", 6);
    save(&ben).await.unwrap();
    let sealed = stored_bytes(INDEX_KEY).await.unwrap();
    let index = String::from_utf8(key().open_bytes(INDEX_KEY, &sealed).unwrap()).unwrap();
    assert!(index.contains("Mia") && index.contains("Ben"), "{index}");
    assert_eq!(store::load(key(), false).await.sessions.len(), 2);
}

#[wasm_bindgen_test]
async fn a_full_local_storage_is_reported_and_nothing_stored_is_lost() {
    fresh_device().await;
    let mia = session("Mia", 8);
    save(&mia).await.unwrap();

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
    for size in [64 * 1024, 4 * 1024, 256, 16, 1] {
        let piece = "y".repeat(size);
        for i in 0.. {
            let key = format!("filler-{size}-{i}");
            if local_storage().set_item(&key, &piece).is_err() {
                break;
            }
            filler_keys.push(key);
        }
    }

    // What must go to localStorage is refused, and said so.
    let state = DeviceState {
        language: "de".into(),
        ..DeviceState::default()
    };
    assert_eq!(store::save_device_state(&state), Err(StoreError::Full));
    assert_eq!(store::device_state(), DeviceState::default());
    // Sessions live in IndexedDB: they still save, and the earlier save is intact.
    let bigger = with_words(&mia, &"a wish ".repeat(100), 9);
    assert_eq!(save(&bigger).await, Ok(2));
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.sessions, vec![bigger.clone()]);
    assert!(matches!(store::opening(), store::Opening::Locked(_)));

    for key in filler_keys {
        local_storage().remove_item(&key).unwrap();
    }
    store::save_device_state(&state).unwrap();
    assert_eq!(store::device_state(), state);
    assert_eq!(store::load(key(), false).await.sessions, vec![bigger]);
}

#[wasm_bindgen_test]
async fn a_write_that_cannot_land_stays_waiting_is_reported_and_lands_later() {
    fresh_device().await;
    let mia = session("Mia", 20);
    save(&mia).await.unwrap();
    let mia_key = session_key(&mia.id);
    let landed = stored_bytes(&mia_key).await.unwrap();
    // Storage holds something else than what this tab knew (here a foreign value, as another
    // tab or someone with the browser's tools would put there).
    let foreign = sealed_elsewhere(&session("Someone else", 21), 1, 40);
    put_bytes(&mia_key, &foreign).await;

    let bigger = with_words(&mia, &"a wish ".repeat(100), 22);
    assert_eq!(store::save_session(&bigger, key(), 1), Ok(2));
    assert_eq!(store::flushed().await, Err(StoreError::Stale));
    assert_eq!(store::write_problem(), Some(StoreError::Stale));
    assert!(!store::all_written(), "still waiting");
    assert_eq!(
        stored_bytes(&mia_key).await.unwrap(),
        foreign,
        "what is stored is not written over"
    );
    // Asked again, it is refused again, and still waits.
    store::flush();
    assert_eq!(store::flushed().await, Err(StoreError::Stale));
    assert_eq!(stored_bytes(&mia_key).await.unwrap(), foreign);

    // Once storage holds again what this tab knew, the waiting write lands.
    put_bytes(&mia_key, &landed).await;
    assert_eq!(store::flushed().await, Ok(()));
    assert_eq!(store::write_problem(), None);
    assert!(store::all_written());
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![bigger]);
    assert_eq!(loaded.revisions[&mia.id], 2);
}

#[wasm_bindgen_test]
async fn a_tab_with_another_key_or_a_vault_it_did_not_expect_writes_nothing() {
    fresh_device().await;
    let mia = session("Mia", 30);
    save(&mia).await.unwrap();
    let before = everything_stored().await;
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
    assert!(store::all_written(), "nothing was queued");
    store::flushed().await.unwrap();
    assert_eq!(everything_stored().await, before);
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
    assert_eq!(everything_stored().await, before);
    store::save_vault(vault, Some(vault.salt())).unwrap();
    ben.child.name = "Ben".into();
    save(&ben).await.unwrap();
    assert_eq!(store::load(key(), false).await.sessions.len(), 2);
}

#[wasm_bindgen_test]
async fn a_write_from_an_older_revision_is_refused_and_nothing_is_undone() {
    fresh_device().await;
    store::load(key(), false).await;
    let mut mia = session("Mia", 40);
    assert_eq!(store::save_session(&mia, key(), 0), Ok(1));
    // Another tab adds the child's words and saves: revision 2.
    let other_tab = with_words(&mia, "the other tab's words", 41);
    assert_eq!(store::save_session(&other_tab, key(), 1), Ok(2));
    // This tab still holds revision 1: its write would erase those words. Refused.
    mia.child.age = Some(9);
    assert_eq!(store::save_session(&mia, key(), 1), Err(StoreError::Stale));
    store::flushed().await.unwrap();
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![other_tab.clone()]);
    assert_eq!(loaded.revisions[&mia.id], 2);
    // A session deleted elsewhere is not brought back by a tab that had it open.
    store::delete_session(&mia.id, key()).unwrap();
    assert_eq!(
        store::save_session(&other_tab, key(), 2),
        Err(StoreError::Stale)
    );
    store::flushed().await.unwrap();
    assert!(store::load(key(), false).await.sessions.is_empty());
    assert!(raw(&session_key(&mia.id)).await.is_none());
}

#[wasm_bindgen_test]
async fn after_set_up_a_plain_record_is_kept_apart_and_an_unknown_seal_is_left_byte_for_byte() {
    fresh_device().await;
    let mia = session("Mia", 50);
    save(&mia).await.unwrap();
    // Planted in plain text after set-up: not sealed by this tablet.
    let planted = session("Planted", 51);
    let plain = encode_session(&planted);
    local_storage()
        .set_item(&session_key(&planted.id), &plain)
        .unwrap();
    // Sealed by some newer Hear Me, in localStorage and in IndexedDB.
    let newer = "hm2.c29tZXRoaW5nIG5ldw==";
    local_storage()
        .set_item("hear-me/session/from-a-newer-seal", newer)
        .unwrap();
    let newer_bytes = b"hm2.something new".to_vec();
    put_bytes("hear-me/session/a-newer-seal-in-indexeddb", &newer_bytes).await;
    // In IndexedDB, a value this version never writes (not bytes).
    let not_bytes = JsValue::from_str("planted, not bytes");
    put_raw("hear-me/session/not-bytes", Some(&not_bytes)).await;

    let loaded = store::load(key(), false).await;
    assert_eq!(
        loaded.sessions,
        vec![mia.clone()],
        "only the sealed session opens"
    );
    let mut errors: Vec<_> = loaded.unreadable.iter().map(|u| u.error.clone()).collect();
    errors.sort_by_key(|error| format!("{error:?}"));
    assert_eq!(
        errors,
        [
            RecordError::NotSealed,
            RecordError::NotSealed,
            RecordError::UnknownSeal,
            RecordError::UnknownSeal
        ]
    );
    // Saving the real session leaves all of them exactly as they were, and where they were,
    // and so does a second load.
    save(&with_words(&mia, "more", 52)).await.unwrap();
    store::load(key(), false).await;
    let stored = |key: &str| local_storage().get_item(key).unwrap().unwrap();
    assert_eq!(stored(&session_key(&planted.id)), plain);
    assert_eq!(stored("hear-me/session/from-a-newer-seal"), newer);
    assert!(raw(&session_key(&planted.id)).await.is_none());
    assert!(raw("hear-me/session/from-a-newer-seal").await.is_none());
    assert_eq!(
        stored_bytes("hear-me/session/a-newer-seal-in-indexeddb")
            .await
            .unwrap(),
        newer_bytes
    );
    assert_eq!(
        raw("hear-me/session/not-bytes").await.unwrap().as_string(),
        not_bytes.as_string()
    );
    // Nor can a tab write over them.
    let mut over_not_bytes = session("Over", 53);
    over_not_bytes.id = SessionId::from("not-bytes");
    assert_eq!(
        store::save_session(&over_not_bytes, key(), 0),
        Err(StoreError::Stale)
    );
    assert_eq!(
        raw("hear-me/session/not-bytes").await.unwrap().as_string(),
        not_bytes.as_string()
    );
    // (Over a newer seal in IndexedDB, and beside a record kept apart in localStorage:
    // `a_tab_cannot_write_a_session_over_one_it_cannot_read`.)
}

/// A stored record this tab cannot read is never written over: not by a save at revision
/// 0 (a new session with the same id), wherever the record is kept.
#[wasm_bindgen_test]
async fn a_tab_cannot_write_a_session_over_one_it_cannot_read() {
    fresh_device().await;
    let newer_bytes = b"hm2.something new".to_vec();
    put_bytes("hear-me/session/a-newer-seal", &newer_bytes).await;
    let planted = session("Planted", 55);
    let plain = encode_session(&planted);
    local_storage()
        .set_item(&session_key(&planted.id), &plain)
        .unwrap();
    let loaded = store::load(key(), false).await;
    assert!(loaded.sessions.is_empty());
    assert_eq!(loaded.unreadable.len(), 2);

    let mut over_newer = session("Over", 56);
    over_newer.id = SessionId::from("a-newer-seal");
    let refused = store::save_session(&over_newer, key(), 0) == Err(StoreError::Stale);
    assert!(refused || store::flushed().await == Err(StoreError::Stale));
    assert_eq!(
        stored_bytes("hear-me/session/a-newer-seal").await.unwrap(),
        newer_bytes
    );
    let refused = store::save_session(&planted, key(), 0) == Err(StoreError::Stale);
    assert!(refused || store::flushed().await == Err(StoreError::Stale));
    assert_eq!(
        local_storage()
            .get_item(&session_key(&planted.id))
            .unwrap()
            .unwrap(),
        plain
    );
    assert!(
        raw(&session_key(&planted.id)).await.is_none(),
        "no second record of the same session"
    );
}

#[wasm_bindgen_test]
async fn a_re_seal_cut_short_loses_nothing_and_finishes_later() {
    fresh_device().await;
    let mia = session("Mia", 60);
    let ben = session("Ben", 61);
    save(&mia).await.unwrap();
    save(&ben).await.unwrap();
    let new_key = new_passphrase_and_key(77);
    // Cut short before any record was sealed anew: everything still opens.
    let loaded = store::load(&new_key, false).await;
    assert_eq!(loaded.sessions.len(), 2);
    assert!(loaded.unreadable.is_empty());
    // Finished: every record is sealed under the new key alone, revisions kept.
    store::reseal_all(&new_key).await.unwrap();
    let alone = new_key.without_previous();
    let loaded = store::load(&alone, false).await;
    assert_eq!(loaded.sessions.len(), 2);
    assert!(loaded.unreadable.is_empty());
    assert_eq!(loaded.revisions[&mia.id], 1);
    for storage_key in [session_key(&mia.id), session_key(&ben.id)] {
        let bytes = stored_bytes(&storage_key).await.unwrap();
        assert!(key().open_bytes(&storage_key, &bytes).is_err());
    }
    assert!(
        store::load(key(), false).await.sessions.is_empty(),
        "the old key opens nothing"
    );
}

#[wasm_bindgen_test]
async fn a_session_saved_while_everything_is_sealed_anew_keeps_its_new_words() {
    fresh_device().await;
    let mia = session("Mia", 65);
    let ben = session("Ben", 66);
    save(&mia).await.unwrap();
    save(&ben).await.unwrap();
    let new_key = new_passphrase_and_key(78);
    let revision = store::load(&new_key, false).await.revisions[&mia.id];

    // The re-seal starts and reads every record; the child's new words are saved meanwhile.
    let resealed = Rc::new(RefCell::new(None));
    wasm_bindgen_futures::spawn_local({
        let (resealed, new_key) = (resealed.clone(), new_key.clone());
        async move {
            let outcome = store::reseal_all(&new_key).await;
            *resealed.borrow_mut() = Some(outcome);
        }
    });
    // One turn of the microtasks: the re-seal is now waiting for IndexedDB to give the records.
    JsFuture::from(Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
    assert!(resealed.borrow().is_none(), "the re-seal is still running");
    let mia = with_words(&mia, "said during the re-seal", 67);
    store::save_session(&mia, &new_key, revision).unwrap();
    while resealed.borrow().is_none() {
        hear_me::platform::sleep_ms(5).await;
    }
    resealed.borrow_mut().take().unwrap().unwrap();
    store::flushed().await.unwrap();

    let alone = new_key.without_previous();
    let loaded = store::load(&alone, false).await;
    assert!(
        loaded.unreadable.is_empty(),
        "everything is sealed under the new key"
    );
    assert!(loaded.rolled_back.is_empty(), "no older copy was put back");
    let stored_mia = loaded.sessions.iter().find(|s| s.id == mia.id).unwrap();
    assert_eq!(
        stored_mia, &mia,
        "the words said during the re-seal are kept"
    );
    assert_eq!(loaded.revisions[&mia.id], revision + 1);
}

#[wasm_bindgen_test]
async fn an_older_copy_put_back_is_noticed_and_still_opens() {
    fresh_device().await;
    let mia = session("Mia", 70);
    save(&mia).await.unwrap();
    let older = stored_bytes(&session_key(&mia.id)).await.unwrap();
    let mia = with_words(&mia, "added later", 71);
    save(&mia).await.unwrap();
    assert!(store::load(key(), false).await.rolled_back.is_empty());
    // Someone puts the older sealed copy back.
    put_bytes(&session_key(&mia.id), &older).await;
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.rolled_back, vec![mia.id]);
    assert_eq!(loaded.sessions.len(), 1, "it still opens, as it is now");
    assert_eq!(loaded.revisions[&mia.id], 1);
}

#[wasm_bindgen_test]
async fn a_sealed_record_kept_in_local_storage_moves_to_indexeddb_byte_for_byte() {
    fresh_device().await;
    // As an earlier Hear Me left them: sealed text in localStorage, the index too.
    let lea = session("Lea", 90);
    let lea_key = session_key(&lea.id);
    let text = key().seal(
        &lea_key,
        encode_session_revision(&lea, 3).as_bytes(),
        [21; 12],
    );
    let mut index = Index::default();
    index.upsert(IndexEntry::written(&lea, 3));
    let index_text = key().seal(INDEX_KEY, encode_index(&index).as_bytes(), [22; 12]);
    local_storage().set_item(&lea_key, &text).unwrap();
    local_storage().set_item(INDEX_KEY, &index_text).unwrap();
    assert!(all_raw().await.is_empty());

    // Sealed records move at any unlock, not only right after set-up.
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.sessions, vec![lea.clone()]);
    assert_eq!(loaded.revisions[&lea.id], 3);
    assert!(loaded.unreadable.is_empty());
    assert!(loaded.rolled_back.is_empty());
    // The very bytes of the text, so the same key opens them; gone from localStorage.
    assert_eq!(stored_bytes(&lea_key).await, sealed_text_to_bytes(&text));
    assert_eq!(
        stored_bytes(INDEX_KEY).await,
        sealed_text_to_bytes(&index_text)
    );
    assert_eq!(local_keys(), [VAULT_KEY]);

    // Moved before but not removed (the page went in between): removed now, not doubled.
    local_storage().set_item(&lea_key, &text).unwrap();
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![lea.clone()]);
    assert!(loaded.unreadable.is_empty());
    assert_eq!(local_keys(), [VAULT_KEY]);
    assert_eq!(stored_bytes(&lea_key).await, sealed_text_to_bytes(&text));

    // The moved record is saved on from the revision it had.
    let later = with_words(&lea, "after the move", 91);
    assert_eq!(store::save_session(&later, key(), 3), Ok(4));
    store::flushed().await.unwrap();
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![later]);
    assert_eq!(loaded.revisions[&lea.id], 4);
}

#[wasm_bindgen_test]
async fn writes_not_landed_when_the_page_went_are_journaled_and_land_at_the_next_unlock() {
    fresh_device().await;
    let mia = session("Mia", 80);
    let ben = session("Ben", 81);
    save(&mia).await.unwrap();
    save(&ben).await.unwrap();
    let mia_key = session_key(&mia.id);
    let landed_mia = stored_bytes(&mia_key).await.unwrap();
    let landed = all_raw().await;

    // The page is hidden right after these changes; no `.await` until the new page, so
    // none of them lands.
    let mia = with_words(&mia, "said just before the tablet was closed", 82);
    assert_eq!(store::save_session(&mia, key(), 1), Ok(2));
    store::delete_session(&ben.id, key()).unwrap();
    assert!(!store::all_written());
    store::keep_unwritten();
    let left = local_items();
    let text = local_storage()
        .get_item(JOURNAL_KEY)
        .unwrap()
        .expect("a journal");
    let journal = decode_journal(&text).unwrap();
    let mut keys: Vec<&str> = journal.iter().map(|entry| entry.key.as_str()).collect();
    keys.sort();
    let mut expected = [INDEX_KEY.to_owned(), session_key(&ben.id), mia_key.clone()];
    expected.sort();
    assert_eq!(keys, expected);
    let entry = |storage_key: &str| {
        journal
            .iter()
            .find(|entry| entry.key == storage_key)
            .unwrap()
            .clone()
    };
    assert_eq!(entry(&session_key(&ben.id)).change, Change::Delete);
    let mia_entry = entry(&mia_key);
    let Change::Put(newest) = mia_entry.change.clone() else {
        panic!("Mia's newest record is journaled");
    };
    assert_eq!(
        key().open_bytes(&mia_key, &newest).unwrap(),
        encode_session_revision(&mia, 2).as_bytes()
    );
    // Made over the value stored now, and over nothing else.
    assert!(mia_entry.applies_over(Some(&landed_mia)));
    assert!(!mia_entry.applies_over(None));
    new_page(&landed, &left).await;

    assert_eq!(
        local_storage().get_item(JOURNAL_KEY).unwrap().as_ref(),
        Some(&text)
    );
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.sessions, vec![mia.clone()]);
    assert_eq!(loaded.revisions[&mia.id], 2);
    assert!(loaded.rolled_back.is_empty());
    assert_eq!(stored_bytes(&mia_key).await, Some(newest));
    assert!(raw(&session_key(&ben.id)).await.is_none());
    assert_eq!(
        local_storage().get_item(JOURNAL_KEY).unwrap(),
        None,
        "the journal goes once it has landed"
    );
    // Landed for good: the page after that finds the same.
    let now = all_raw().await;
    new_page(&now, &local_items()).await;
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![mia]);
    assert!(loaded.rolled_back.is_empty());
}

#[wasm_bindgen_test]
async fn a_journaled_write_over_a_value_another_tab_changed_since_is_not_applied() {
    fresh_device().await;
    let mia = session("Mia", 85);
    save(&mia).await.unwrap();
    let mia_key = session_key(&mia.id);
    let landed = all_raw().await;

    let here = with_words(&mia, "this tab's words", 86);
    assert_eq!(store::save_session(&here, key(), 1), Ok(2));
    store::keep_unwritten();
    let left = local_items();
    assert!(local_storage().get_item(JOURNAL_KEY).unwrap().is_some());
    new_page(&landed, &left).await;

    // Before this page unlocks, another tab writes its own change of Mia, and its index.
    let theirs = with_words(&mia, "the other tab's words", 87);
    let their_record = sealed_elsewhere(&theirs, 2, 50);
    let mut index = Index::default();
    index.upsert(IndexEntry::written(&theirs, 2));
    let their_index = key().seal_bytes(INDEX_KEY, encode_index(&index).as_bytes(), [51; 12]);
    put_bytes(&mia_key, &their_record).await;
    put_bytes(INDEX_KEY, &their_index).await;

    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.sessions, vec![theirs.clone()]);
    assert_eq!(loaded.revisions[&mia.id], 2);
    assert!(loaded.rolled_back.is_empty());
    assert_eq!(stored_bytes(&mia_key).await, Some(their_record));
    assert_eq!(stored_bytes(INDEX_KEY).await, Some(their_index));
    // And never later either.
    store::flushed().await.unwrap();
    assert_eq!(store::load(key(), false).await.sessions, vec![theirs]);
}

// The ink log: a finished stroke saved as a small record of its own (`store::ink_log`).

fn line(from: u16) -> Stroke {
    Stroke {
        colour: "#884422".into(),
        width: 8,
        points: (0..30)
            .map(|i| Point {
                x: from + i * 7,
                y: from + i * 3,
                pressure: 140,
            })
            .collect(),
        pen: false,
        nib: Nib::default(),
    }
}

/// A visit with a drawing of `strokes` strokes in the House of Dreams.
fn drawn(name: &str, created_at: u64, strokes: u16) -> (Session, EntryId) {
    let mut visit = session(name, created_at);
    let entry = visit.add_drawing(Tool::ThreeHouses, Question::Dreams, created_at);
    for i in 0..strokes {
        visit.add_stroke(Question::Dreams, entry, line(i), created_at + 1);
    }
    (visit, entry)
}

fn ink(entry: EntryId, stroke: Stroke, at_ms: u64) -> InkStroke {
    InkStroke {
        question: Question::Dreams,
        entry,
        stroke,
        at_ms,
    }
}

/// The keys of the stored log records.
async fn ink_keys() -> Vec<String> {
    all_raw()
        .await
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| ink_key_parts(k).is_some())
        .collect()
}

#[wasm_bindgen_test]
async fn a_strokes_save_writes_one_small_new_record_and_leaves_the_visit_byte_for_byte() {
    fresh_device().await;
    let (mut mia, entry) = drawn("Mia", 40, 200);
    let revision = save(&mia).await.unwrap();
    let visit_before = stored_bytes(&session_key(&mia.id)).await.unwrap();
    let index_before = stored_bytes(INDEX_KEY).await.unwrap();
    let keys_before: Vec<String> = all_raw().await.into_iter().map(|(k, _)| k).collect();

    for (i, stroke) in [line(500), line(600), line(700)].into_iter().enumerate() {
        let at = 1_000 + i as u64;
        assert_eq!(
            store::log_stroke(&mia.id, revision, &ink(entry, stroke.clone(), at), key()),
            Ok(true)
        );
        mia.add_stroke(Question::Dreams, entry, stroke, at);
        store::flushed().await.unwrap();
    }
    assert_eq!(
        stored_bytes(&session_key(&mia.id)).await.unwrap(),
        visit_before
    );
    assert_eq!(stored_bytes(INDEX_KEY).await.unwrap(), index_before);
    let logged = ink_keys().await;
    assert_eq!(logged.len(), 3);
    let keys_after: Vec<String> = all_raw().await.into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys_after.len(), keys_before.len() + 3);
    for k in &logged {
        let bytes = stored_bytes(k).await.unwrap();
        assert!(bytes.starts_with(b"hm1."), "sealed like every record");
        assert!(
            bytes.len() < 1_000,
            "one stroke, not the visit: {}",
            bytes.len()
        );
        assert!(bytes.len() * 20 < visit_before.len());
    }
    assert!(!everything_stored().await.contains("#884422"));

    // A fresh unlock gives the strokes back, in the order drawn, over the same revision.
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.problem, None);
    assert!(loaded.unreadable.is_empty());
    assert_eq!(loaded.sessions, vec![mia.clone()]);
    assert_eq!(loaded.revisions[&mia.id], revision);
    assert!(store::has_ink_log(&mia.id));
    // The log goes on where it was.
    assert_eq!(
        store::log_stroke(&mia.id, revision, &ink(entry, line(800), 2_000), key()),
        Ok(true)
    );
    store::flushed().await.unwrap();
    assert_eq!(ink_keys().await.len(), 4);
}

#[wasm_bindgen_test]
async fn a_full_save_deletes_the_log_and_leftovers_are_never_applied_twice_nor_lost() {
    fresh_device().await;
    let (mut ben, entry) = drawn("Ben", 41, 3);
    let revision = save(&ben).await.unwrap();
    for i in 0..2 {
        let stroke = line(300 + i * 50);
        store::log_stroke(
            &ben.id,
            revision,
            &ink(entry, stroke.clone(), 900 + u64::from(i)),
            key(),
        )
        .unwrap();
        ben.add_stroke(Question::Dreams, entry, stroke, 900 + u64::from(i));
    }
    store::flushed().await.unwrap();
    assert_eq!(ink_keys().await.len(), 2);
    // Leftovers over the revision before (put here by hand): one holding a stroke the visit
    // has, as a full save whose deletion of the log did not land leaves it; one holding a
    // stroke the visit lacks, as an older Hear Me that saved without the log leaves it.
    let held_key = ink_key(&ben.id, revision - 1, 0);
    let held = encode_ink_log(revision - 1, &ink(entry, line(300), 900));
    put_bytes(
        &held_key,
        &key().seal_bytes(&held_key, held.as_bytes(), [7; 12]),
    )
    .await;
    let lost_key = ink_key(&ben.id, revision - 1, 1);
    let lost = encode_ink_log(revision - 1, &ink(entry, line(999), 5));
    put_bytes(
        &lost_key,
        &key().seal_bytes(&lost_key, lost.as_bytes(), [8; 12]),
    )
    .await;

    // The full save holds both strokes and deletes the log in the same write.
    let next = store::save_session(&ben, key(), revision).unwrap();
    assert!(!store::has_ink_log(&ben.id));
    store::flushed().await.unwrap();
    assert_eq!(ink_keys().await, vec![held_key.clone(), lost_key.clone()]);
    let loaded = store::load(key(), false).await;
    let mut recovered = ben.clone();
    recovered.add_stroke(Question::Dreams, entry, line(999), 5);
    assert_eq!(
        loaded.sessions,
        vec![recovered.clone()],
        "the held stroke is not applied twice; the lost one is drawn back in"
    );
    assert_eq!(loaded.revisions[&ben.id], next);
    store::flushed().await.unwrap();
    assert_eq!(
        ink_keys().await,
        vec![lost_key.clone()],
        "the held leftover is deleted; the recovered one stays until a full save holds it"
    );
    assert!(
        store::has_ink_log(&ben.id),
        "so the next stroke saves in full"
    );
    let ben = recovered;
    let next = store::save_session(&ben, key(), next).unwrap();
    assert!(!store::has_ink_log(&ben.id));
    store::flushed().await.unwrap();
    assert!(ink_keys().await.is_empty());
    assert_eq!(store::load(key(), false).await.sessions, vec![ben.clone()]);

    // Deleting the visit deletes its log.
    store::log_stroke(&ben.id, next, &ink(entry, line(10), 950), key()).unwrap();
    store::flushed().await.unwrap();
    assert_eq!(ink_keys().await.len(), 1);
    store::delete_session(&ben.id, key()).unwrap();
    store::flushed().await.unwrap();
    assert!(ink_keys().await.is_empty());
    assert!(raw(&session_key(&ben.id)).await.is_none());
}

#[wasm_bindgen_test]
async fn a_log_record_that_cannot_be_opened_is_left_as_it_is_and_deletes_nothing() {
    fresh_device().await;
    let (mut ava, entry) = drawn("Ava", 42, 2);
    let revision = save(&ava).await.unwrap();
    store::log_stroke(&ava.id, revision, &ink(entry, line(20), 700), key()).unwrap();
    ava.add_stroke(Question::Dreams, entry, line(20), 700);
    store::flushed().await.unwrap();
    // A damaged record in the log's next place, and one sealed under another key.
    let damaged_key = ink_key(&ava.id, revision, 1);
    put_bytes(&damaged_key, b"hm1.not really sealed").await;
    let other_key = ink_key(&ava.id, revision, 2);
    let other = derive("another passphrase").seal_bytes(
        &other_key,
        encode_ink_log(revision, &ink(entry, line(30), 701)).as_bytes(),
        [9; 12],
    );
    put_bytes(&other_key, &other).await;
    let visit_before = stored_bytes(&session_key(&ava.id)).await.unwrap();

    let loaded = store::load(key(), false).await;
    assert_eq!(
        loaded.sessions,
        vec![ava.clone()],
        "the readable stroke is back"
    );
    store::flushed().await.unwrap();
    assert_eq!(
        stored_bytes(&damaged_key).await.unwrap(),
        b"hm1.not really sealed"
    );
    assert_eq!(stored_bytes(&other_key).await.unwrap(), other);
    assert_eq!(
        stored_bytes(&session_key(&ava.id)).await.unwrap(),
        visit_before
    );

    // A new stroke never takes their places, and a full save leaves them too.
    store::log_stroke(&ava.id, revision, &ink(entry, line(40), 702), key()).unwrap();
    ava.add_stroke(Question::Dreams, entry, line(40), 702);
    store::flushed().await.unwrap();
    assert!(ink_keys().await.contains(&ink_key(&ava.id, revision, 3)));
    store::save_session(&ava, key(), revision).unwrap();
    store::flushed().await.unwrap();
    assert_eq!(ink_keys().await, vec![damaged_key, other_key]);
}

#[wasm_bindgen_test]
async fn after_its_limit_the_log_asks_for_a_full_save_and_a_stale_revision_is_refused() {
    fresh_device().await;
    let (mut leo, entry) = drawn("Leo", 43, 1);
    let revision = save(&leo).await.unwrap();
    for i in 0..LOG_LIMIT as u16 {
        let at = 3_000 + u64::from(i);
        assert_eq!(
            store::log_stroke(&leo.id, revision, &ink(entry, line(i), at), key()),
            Ok(true)
        );
        leo.add_stroke(Question::Dreams, entry, line(i), at);
    }
    // The next stroke is not logged: the visit is saved in full, which supersedes the log.
    assert_eq!(
        store::log_stroke(&leo.id, revision, &ink(entry, line(99), 4_000), key()),
        Ok(false)
    );
    assert_eq!(
        store::log_stroke(&leo.id, revision - 1, &ink(entry, line(99), 4_000), key()),
        Err(StoreError::Stale)
    );
    leo.add_stroke(Question::Dreams, entry, line(99), 4_000);
    let next = store::save_session(&leo, key(), revision).unwrap();
    store::flushed().await.unwrap();
    assert!(ink_keys().await.is_empty());
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![leo.clone()]);
    assert_eq!(loaded.revisions[&leo.id], next);
}

#[wasm_bindgen_test]
async fn a_logged_stroke_that_does_not_land_makes_the_next_save_a_full_one() {
    fresh_device().await;
    let (mut zoe, entry) = drawn("Zoe", 44, 1);
    let revision = save(&zoe).await.unwrap();
    // Something is stored already where the log's first record would go: a log record is
    // written only where nothing is, so this one is refused.
    let taken = ink_key(&zoe.id, revision, 0);
    put_bytes(&taken, b"something else").await;
    assert_eq!(
        store::log_stroke(&zoe.id, revision, &ink(entry, line(5), 500), key()),
        Ok(true)
    );
    zoe.add_stroke(Question::Dreams, entry, line(5), 500);
    assert_eq!(store::flushed().await, Err(StoreError::Stale));
    assert_eq!(store::visits_to_save_in_full(), vec![zoe.id]);
    // The next stroke is not logged: the whole visit is saved, with both strokes.
    assert_eq!(
        store::log_stroke(&zoe.id, revision, &ink(entry, line(6), 501), key()),
        Ok(false)
    );
    zoe.add_stroke(Question::Dreams, entry, line(6), 501);
    let next = store::save_session(&zoe, key(), revision).unwrap();
    assert!(store::visits_to_save_in_full().is_empty());
    let _ = store::flushed().await;
    assert_eq!(stored_bytes(&taken).await.unwrap(), b"something else");
    let loaded = store::load(key(), false).await;
    assert_eq!(loaded.sessions, vec![zoe.clone()]);
    assert_eq!(loaded.revisions[&zoe.id], next);
}
