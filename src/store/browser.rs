//! localStorage, through gloo-storage. Every call first asks the browser for its storage
//! without throwing, because private modes and locked-down tablets can refuse it.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::value::RawValue;

use super::record::{
    decode_device_state, decode_index, decode_session, encode_device_state, encode_index,
    encode_session, session_id_from_key, session_key, DeviceState, Index, IndexEntry,
    UnreadableSession, DEVICE_KEY, INDEX_KEY,
};
use super::StoreError;
use crate::core::{Session, SessionId};

/// Everything found in storage at start.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sessions: Vec<Session>,
    pub unreadable: Vec<UnreadableSession>,
    pub device: DeviceState,
    /// Set when storage could not be used at all.
    pub problem: Option<StoreError>,
}

/// Reads every session, the index and the device state. Never fails: what cannot be read is
/// reported in `unreadable` or `problem` and left as it is.
pub fn load() -> Loaded {
    let storage = match available_storage() {
        Ok(storage) => storage,
        Err(problem) => {
            return Loaded {
                problem: Some(problem),
                ..Loaded::default()
            }
        }
    };
    let index = read_index(&storage);
    let mut loaded = Loaded::default();
    for id in stored_session_ids(&storage) {
        let Some(raw) = read_raw(&storage, &crate::store::record::session_key(&id)) else {
            continue;
        };
        match decode_session(&raw) {
            Ok(session) => loaded.sessions.push(session),
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
    loaded.device = read_raw(&storage, DEVICE_KEY)
        .and_then(|raw| decode_device_state(&raw).ok())
        .unwrap_or_default();
    loaded
}

/// Saves a session's record and keeps the index in step.
pub fn save_session(session: &Session) -> Result<(), StoreError> {
    let storage = available_storage()?;
    write(&session_key(&session.id), encode_session(session))?;
    let mut index = read_index(&storage);
    index.upsert(IndexEntry::of(session));
    write_index_if_changed(&storage, &index)
}

/// Removes a session completely from this device.
pub fn delete_session(id: &SessionId) -> Result<(), StoreError> {
    let storage = available_storage()?;
    LocalStorage::delete(session_key(id));
    let mut index = read_index(&storage);
    index.remove(id);
    write_index_if_changed(&storage, &index)
}

pub fn save_device_state(state: &DeviceState) -> Result<(), StoreError> {
    available_storage()?;
    write(DEVICE_KEY, encode_device_state(state))
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

/// Writes the index unless storage already holds exactly this one: most saves are strokes and
/// words, which leave the index as it was.
fn write_index_if_changed(storage: &web_sys::Storage, index: &Index) -> Result<(), StoreError> {
    let encoded = encode_index(index);
    if read_raw(storage, INDEX_KEY).as_deref() == Some(encoded.as_str()) {
        return Ok(());
    }
    write(INDEX_KEY, encoded)
}

fn read_raw(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

/// The index, or one rebuilt from the session keys when it is missing or damaged.
fn read_index(storage: &web_sys::Storage) -> Index {
    let stored = read_raw(storage, INDEX_KEY).map(|raw| decode_index(&raw));
    let mut index = match stored {
        Some(Ok(index)) => index,
        _ => Index::default(),
    };
    let present = stored_session_ids(storage);
    index.sessions.retain(|entry| present.contains(&entry.id));
    for id in present {
        if index.child_name(&id).is_none() {
            if let Some(session) =
                read_raw(storage, &session_key(&id)).and_then(|raw| decode_session(&raw).ok())
            {
                index.upsert(IndexEntry::of(&session));
            }
        }
    }
    index
}

fn stored_session_ids(storage: &web_sys::Storage) -> Vec<SessionId> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| session_id_from_key(&key))
        .collect()
}
