//! localStorage, through gloo-storage. Every call first asks the browser for its storage
//! without throwing, because private modes and locked-down tablets can refuse it.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::value::RawValue;

use wasm_bindgen::JsCast;

use std::cell::RefCell;
use std::collections::HashMap;

use super::record::{
    decode_device_state, decode_index, decode_session, decode_session_revision, decode_vault,
    encode_device_state, encode_index, encode_session_revision, encode_vault, session_id_from_key,
    session_key, session_revision, DeviceState, Index, IndexEntry, RecordError, UnreadableSession,
    DEVICE_KEY, INDEX_KEY, KEY_PREFIX, VAULT_KEY,
};
use super::vault::{is_sealed, is_sealed_unknown, VaultKey, VaultRecord};
use super::StoreError;
use crate::core::{Session, SessionId};
use crate::platform;

/// What a sealed value looks like from outside: its length and its last characters, which
/// hold the AES-GCM tag and so differ for every value sealed.
#[derive(Clone, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    tail: String,
}

fn fingerprint(sealed: &str) -> Fingerprint {
    let start = sealed.char_indices().rev().nth(31).map_or(0, |(at, _)| at);
    Fingerprint {
        len: sealed.len(),
        tail: sealed[start..].to_owned(),
    }
}

thread_local! {
    /// The sealed session records this tab last read or wrote, with their revisions: a
    /// stored value that still looks the same was written by nobody else, so a save need not
    /// open it to learn its revision. Anything else is opened and checked.
    static KNOWN: RefCell<HashMap<String, (Fingerprint, u64)>> = RefCell::new(HashMap::new());
}

fn remember(storage_key: &str, sealed: &str, revision: u64) {
    KNOWN.with(|known| {
        known
            .borrow_mut()
            .insert(storage_key.to_owned(), (fingerprint(sealed), revision))
    });
}

fn remembered_revision(storage_key: &str, sealed: &str) -> Option<u64> {
    KNOWN.with(|known| {
        known
            .borrow()
            .get(storage_key)
            .filter(|(seen, _)| *seen == fingerprint(sealed))
            .map(|(_, revision)| *revision)
    })
}

fn forget_all() {
    KNOWN.with(|known| known.borrow_mut().clear());
}

/// Everything found in storage once it is unlocked.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sessions: Vec<Session>,
    /// The revision each session was stored at; a save must start from it.
    pub revisions: HashMap<SessionId, u64>,
    /// Sessions whose record is older than the index says this tablet last wrote: someone
    /// put back an older copy. They open as they are; the worker is told.
    pub rolled_back: Vec<SessionId>,
    pub unreadable: Vec<UnreadableSession>,
    /// Set when storage could not be used at all.
    pub problem: Option<StoreError>,
}

/// What the app finds before anything is unlocked.
#[derive(Debug)]
pub enum Opening {
    /// No passphrase yet: the worker sets one up. `plain_sessions` counts sessions stored
    /// unencrypted by an earlier version, which set-up will encrypt.
    SetUp { plain_sessions: usize },
    /// Sealed data and the record to unlock it.
    Locked(VaultRecord),
    /// The vault record is damaged: nothing sealed can be opened any more.
    Damaged,
    /// The vault record was written by a newer Hear Me: not damaged, and left untouched.
    Newer(u32),
    /// The browser gives no storage at all.
    Unavailable(StoreError),
}

/// Looks at storage without opening anything: is there a vault, and what needs doing.
pub fn opening() -> Opening {
    let storage = match available_storage() {
        Ok(storage) => storage,
        Err(problem) => return Opening::Unavailable(problem),
    };
    match read_raw(&storage, VAULT_KEY) {
        None => Opening::SetUp {
            plain_sessions: stored_session_ids(&storage).len(),
        },
        Some(raw) => match decode_vault(&raw) {
            Ok(vault) => Opening::Locked(vault),
            Err(RecordError::FromTheFuture(version)) => Opening::Newer(version),
            Err(_) => Opening::Damaged,
        },
    }
}

/// Whether the browser gives this site storage at all (private modes and locked-down tablets
/// may not).
pub fn has_storage() -> bool {
    available_storage().is_ok()
}

/// The device state (screen and language) is kept unencrypted: it names no child, and the
/// language is needed before unlocking.
pub fn device_state() -> DeviceState {
    available_storage()
        .ok()
        .and_then(|storage| read_raw(&storage, DEVICE_KEY))
        .and_then(|raw| decode_device_state(&raw).ok())
        .unwrap_or_default()
}

/// The vault record as stored now; None when there is none yet. Every change of the vault
/// starts from this, never from a copy read when the page was loaded.
pub fn read_vault() -> Result<Option<VaultRecord>, StoreError> {
    let storage = available_storage()?;
    match read_raw(&storage, VAULT_KEY) {
        None => Ok(None),
        Some(raw) => decode_vault(&raw)
            .map(Some)
            .map_err(|error| StoreError::Failed(format!("the vault record: {error}"))),
    }
}

/// Writes the vault record over the one stored, but only over the one this tab expects:
/// with `expected_salt` None only where there is none yet (set-up), otherwise only over a
/// vault with that salt. Anything else means another tab set up, wiped or changed the
/// passphrase meanwhile, and this write would undo it.
pub fn save_vault(vault: &VaultRecord, expected_salt: Option<&str>) -> Result<(), StoreError> {
    let stored = read_vault().map_err(|error| match error {
        StoreError::Failed(_) => StoreError::Stale,
        other => other,
    })?;
    let as_expected = match (&stored, expected_salt) {
        (None, None) => true,
        (Some(stored), Some(salt)) => stored.salt() == salt,
        _ => false,
    };
    if !as_expected {
        return Err(StoreError::Stale);
    }
    write(VAULT_KEY, encode_vault(vault))
}

/// Refuses to write sealed records with a key that is not the stored vault's: after a wipe
/// and a new set-up in another tab, such records could never be opened again.
fn ensure_key_is_current(storage: &web_sys::Storage, key: &VaultKey) -> Result<(), StoreError> {
    let current = read_raw(storage, VAULT_KEY)
        .and_then(|raw| decode_vault(&raw).ok())
        .is_some_and(|vault| vault.is_key_of(key));
    if current {
        Ok(())
    } else {
        Err(StoreError::Stale)
    }
}

/// Opens every session with `key`. Never fails: what cannot be read is reported in
/// `unreadable` or `problem` and left as it is. With `seal_plain` (right after set-up only),
/// records from before encryption are read and sealed in place, so nothing stays in plain
/// text. After set-up a plain record was not sealed by this tablet: someone may have planted
/// it, so it is listed as not sealed and kept apart, never opened as the child's. A record
/// sealed in a way this version does not know is left byte for byte.
pub fn load(key: &VaultKey, seal_plain: bool) -> Loaded {
    let storage = match available_storage() {
        Ok(storage) => storage,
        Err(problem) => {
            return Loaded {
                problem: Some(problem),
                ..Loaded::default()
            }
        }
    };
    let mut loaded = Loaded::default();
    // Records from before encryption are sealed as they are, the index too, while each is
    // read once anyway.
    if seal_plain {
        if let Some(raw) = read_raw(&storage, INDEX_KEY).filter(|raw| is_plain(raw)) {
            if let Err(problem) = write_sealed(key, INDEX_KEY, &raw) {
                loaded.problem = Some(problem);
            }
        }
    }
    let (index, _) = read_index(&storage, key);
    for id in stored_session_ids(&storage) {
        let storage_key = session_key(&id);
        let Some(raw) = read_raw(&storage, &storage_key) else {
            continue;
        };
        let sealed = is_sealed(&raw).then(|| raw.clone());
        let opened = if is_sealed_unknown(&raw) {
            Err(RecordError::UnknownSeal)
        } else if is_sealed(&raw) {
            open_raw(key, &storage_key, raw)
        } else if seal_plain {
            if let Err(problem) = write_sealed(key, &storage_key, &raw) {
                loaded.problem = Some(problem);
            }
            Ok(raw)
        } else {
            Err(RecordError::NotSealed)
        };
        match opened.and_then(|text| decode_session_revision(&text)) {
            Ok((session, revision)) => {
                if let Some(sealed) = &sealed {
                    remember(&storage_key, sealed, revision);
                }
                if revision < index.revision(&session.id) {
                    loaded.rolled_back.push(session.id.clone());
                }
                loaded.revisions.insert(session.id.clone(), revision);
                loaded.sessions.push(session);
            }
            Err(error) => {
                web_sys::console::warn_1(
                    &format!("Hear Me: session {id} could not be read: {error}").into(),
                );
                loaded.unreadable.push(UnreadableSession {
                    child_name: index.child_name(&id).map(str::to_owned),
                    id,
                    error,
                });
            }
        }
    }
    loaded
}

/// Seals a session's record and keeps the sealed index in step. `revision` is the one this
/// tab read or last wrote; the record is written at the next one, and only if storage still
/// holds `revision`: a tab that missed a change (another tab's strokes, a deletion) is
/// refused with [`StoreError::Stale`] instead of undoing it. Returns the new revision.
pub fn save_session(session: &Session, key: &VaultKey, revision: u64) -> Result<u64, StoreError> {
    let storage = available_storage()?;
    ensure_key_is_current(&storage, key)?;
    let storage_key = session_key(&session.id);
    let stored = match read_raw(&storage, &storage_key) {
        // Nothing stored: a new session, or one deleted elsewhere since this tab read it.
        None if revision == 0 => 0,
        None => return Err(StoreError::Stale),
        Some(raw) if is_sealed(&raw) => match remembered_revision(&storage_key, &raw) {
            Some(revision) => revision,
            None => open_raw(key, &storage_key, raw)
                .and_then(|text| session_revision(&text))
                .map_err(|_| StoreError::Stale)?,
        },
        // Plain or sealed in an unknown way: not this tab's to write over.
        Some(_) => return Err(StoreError::Stale),
    };
    if stored != revision {
        return Err(StoreError::Stale);
    }
    let next = revision + 1;
    let sealed = write_sealed(key, &storage_key, &encode_session_revision(session, next))?;
    remember(&storage_key, &sealed, next);
    let (mut index, stored) = read_index(&storage, key);
    index.upsert(IndexEntry::written(session, next));
    write_index_if_changed(key, &index, stored.as_ref())?;
    Ok(next)
}

/// Seals every readable record anew under `key`'s own key (after a new records key: see
/// `VaultRecord::change_passphrase_and_key`). What `key` opens only through the previous key
/// is sealed anew; what cannot be opened at all is left exactly as it is. The text inside,
/// revision and all, does not change.
pub fn reseal_all(key: &VaultKey) -> Result<(), StoreError> {
    let storage = available_storage()?;
    // Every value changes: the next saves open what is stored once again.
    forget_all();
    ensure_key_is_current(&storage, key)?;
    let keys: Vec<String> = stored_session_ids(&storage)
        .iter()
        .map(session_key)
        .chain([INDEX_KEY.to_owned()])
        .collect();
    for storage_key in keys {
        let Some(raw) = read_raw(&storage, &storage_key) else {
            continue;
        };
        if let Ok(text) = open_raw(key, &storage_key, raw) {
            write_sealed(key, &storage_key, &text)?;
        }
    }
    Ok(())
}

/// Removes a session completely from this device.
pub fn delete_session(id: &SessionId, key: &VaultKey) -> Result<(), StoreError> {
    let storage = available_storage()?;
    ensure_key_is_current(&storage, key)?;
    storage
        .remove_item(&session_key(id))
        .map_err(|_| StoreError::Failed("the session could not be removed".into()))?;
    let (mut index, stored) = read_index(&storage, key);
    index.remove(id);
    write_index_if_changed(key, &index, stored.as_ref())
}

pub fn save_device_state(state: &DeviceState) -> Result<(), StoreError> {
    available_storage()?;
    write(DEVICE_KEY, encode_device_state(state))
}

/// How full this site's localStorage is, and how much of it the sessions take. None when the
/// browser gives no storage.
pub fn room() -> Option<super::room::Room> {
    let storage = available_storage().ok()?;
    let count = storage.length().unwrap_or(0);
    let mut room = super::room::Room {
        capacity: super::room::LOCAL_STORAGE_CHARS,
        ..Default::default()
    };
    for key in (0..count).filter_map(|i| storage.key(i).ok().flatten()) {
        let value = read_raw(&storage, &key).unwrap_or_default();
        // Browsers count localStorage in UTF-16 code units, key and value.
        let size = (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
        room.used += size;
        if session_id_from_key(&key).is_some() {
            room.sessions += 1;
            room.sessions_size += size;
        }
    }
    Some(room)
}

/// Removes everything Hear Me stored on this device: every session, the index, the vault and
/// the device state. Other sites' and apps' data is not touched.
pub fn wipe() -> Result<(), StoreError> {
    let storage = available_storage()?;
    forget_all();
    let count = storage.length().unwrap_or(0);
    let ours: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(KEY_PREFIX))
        .collect();
    for key in ours {
        storage
            .remove_item(&key)
            .map_err(|_| StoreError::Failed(format!("{key} could not be removed")))?;
    }
    Ok(())
}

fn available_storage() -> Result<web_sys::Storage, StoreError> {
    match web_sys::window().map(|window| window.local_storage()) {
        Some(Ok(Some(storage))) => Ok(storage),
        _ => Err(StoreError::Unavailable),
    }
}

fn write(key: &str, encoded: String) -> Result<(), StoreError> {
    let raw =
        RawValue::from_string(encoded).map_err(|error| StoreError::Failed(error.to_string()))?;
    LocalStorage::set(key, raw).map_err(|error| match error {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => StoreError::Full,
        other => StoreError::Failed(other.to_string()),
    })
}

/// Writes the index unless it is the one stored: most saves are strokes and words, which
/// leave the index as it was.
fn write_index_if_changed(
    key: &VaultKey,
    index: &Index,
    stored: Option<&Index>,
) -> Result<(), StoreError> {
    if stored == Some(index) {
        return Ok(());
    }
    write_sealed(key, INDEX_KEY, &encode_index(index)).map(|_| ())
}

/// Seals `text` for `storage_key` under a fresh random nonce, stores it, and gives the
/// sealed value.
fn write_sealed(key: &VaultKey, storage_key: &str, text: &str) -> Result<String, StoreError> {
    let storage = available_storage()?;
    let sealed = key.seal(storage_key, text.as_bytes(), platform::random_bytes());
    storage
        .set_item(storage_key, &sealed)
        .map(|()| sealed)
        .map_err(|error| {
            let name = error
                .dyn_ref::<web_sys::DomException>()
                .map(web_sys::DomException::name);
            match name.as_deref() {
                Some("QuotaExceededError") => StoreError::Full,
                _ => StoreError::Failed(format!("{error:?}")),
            }
        })
}

/// A stored record's text, opened with `key`. None when there is no such record.
fn read_sealed(
    storage: &web_sys::Storage,
    key: &VaultKey,
    storage_key: &str,
) -> Option<Result<String, RecordError>> {
    read_raw(storage, storage_key).map(|raw| open_raw(key, storage_key, raw))
}

/// Plain text: neither this version's seal nor another's.
fn is_plain(raw: &str) -> bool {
    !is_sealed(raw) && !is_sealed_unknown(raw)
}

/// The text of a stored value sealed with `key`. Plain text is refused: after set-up
/// nothing this tablet wrote is plain.
fn open_raw(key: &VaultKey, storage_key: &str, raw: String) -> Result<String, RecordError> {
    if is_sealed_unknown(&raw) {
        return Err(RecordError::UnknownSeal);
    }
    if !is_sealed(&raw) {
        return Err(RecordError::NotSealed);
    }
    key.open(storage_key, &raw)
        .map_err(|error| RecordError::Corrupt(format!("the sealed record: {error}")))
        .and_then(|bytes| {
            String::from_utf8(bytes)
                .map_err(|_| RecordError::Corrupt("the sealed record is not text".into()))
        })
}

fn read_raw(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

/// The index, mended from the session keys where it is missing, damaged or out of step;
/// with the index as stored, when it could be read, to tell whether it needs writing.
fn read_index(storage: &web_sys::Storage, key: &VaultKey) -> (Index, Option<Index>) {
    let stored = read_sealed(storage, key, INDEX_KEY)
        .and_then(|raw| raw.and_then(|raw| decode_index(&raw)).ok());
    let mut index = stored.clone().unwrap_or_default();
    let present = stored_session_ids(storage);
    index.sessions.retain(|entry| present.contains(&entry.id));
    for id in present {
        if index.child_name(&id).is_none() {
            if let Some(session) = read_sealed(storage, key, &session_key(&id))
                .and_then(|raw| raw.and_then(|raw| decode_session(&raw)).ok())
            {
                index.upsert(IndexEntry::of(&session));
            }
        }
    }
    (index, stored)
}

fn stored_session_ids(storage: &web_sys::Storage) -> Vec<SessionId> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| session_id_from_key(&key))
        .collect()
}
