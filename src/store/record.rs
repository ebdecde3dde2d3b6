//! Stored records and their schema versions. Reading never panics: a record that cannot be
//! read is reported and left alone, so nothing the child made is overwritten by a mistake.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::vault::VaultRecord;
use crate::core::ink::{Stamp, Stroke};
use crate::core::{Drawing, Place, Session, SessionId};

/// The version written into every record today. Older versions are migrated on reading;
/// every past version keeps a fixture in `tests/fixtures/`.
///
/// - 1: drawings as JSON point arrays, `"strokes": [{"points": [[x, y, pressure], ...]}]`.
/// - 2: drawings as `"ink": "<base64>"` in the compact format of `core::ink::codec`. Index and
///   device records did not change.
/// - 3: the child's sharing decisions and their history on entries (`"sharing"`), and the
///   session's `place`, `present`, `worker_notes` and `named_audiences`. A version-2 record
///   reads as it is (the new fields start empty and undecided); the version goes up so that
///   an older app refuses these records instead of saving them without the child's decisions.
///   Index and device records did not change.
/// - 4: Wizards and Fairies: every entry says which tool it was made in (`"tool"`), and a
///   session may hold the helper the child chose (`"helper"`). A version-3 record reads as it
///   is: its entries were all made in the Three Houses, the default.
/// - 5: the worker's duty recorded apart from the child's wish, and summaries that hold only
///   what the child agreed: an entry's sharing may hold the worker's `holds` and `passed_on`;
///   the child's own names have their own sharing (`name_sharing`); the session has
///   `hidden_audiences`, per-audience `summary_choices` and the `exports` log; and the one
///   `worker_notes` field, which went into every summary, becomes `reflection`, which goes
///   into the worker's full record only (the safe home for whatever was written there).
pub const SCHEMA_VERSION: u32 = 5;

/// Key prefix shared by everything Hear Me stores.
pub const KEY_PREFIX: &str = "hear-me/";
/// Key of the index of sessions.
pub const INDEX_KEY: &str = "hear-me/index";
/// Key of this device's state: the screen the worker was on and the language.
pub const DEVICE_KEY: &str = "hear-me/device";
/// Key of the vault record: how to derive the key from the passphrase (see `store::vault`).
pub const VAULT_KEY: &str = "hear-me/vault";
const SESSION_PREFIX: &str = "hear-me/session/";

pub fn session_key(id: &SessionId) -> String {
    format!("{SESSION_PREFIX}{id}")
}

/// The session id in a storage key, if the key holds a session.
pub fn session_id_from_key(key: &str) -> Option<SessionId> {
    key.strip_prefix(SESSION_PREFIX)
        .filter(|id| !id.is_empty())
        .map(|id| SessionId(id.to_owned()))
}

/// Why a stored record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Not valid JSON, or not the shape its version promises.
    Corrupt(String),
    /// Written by a newer Hear Me than this one.
    FromTheFuture(u32),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Corrupt(detail) => write!(f, "the record is damaged: {detail}"),
            RecordError::FromTheFuture(version) => write!(
                f,
                "the record has schema version {version}, newer than this app's {SCHEMA_VERSION}"
            ),
        }
    }
}

/// A session whose record could not be read; its raw record stays untouched in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableSession {
    pub id: SessionId,
    /// From the index, when the index still knows it.
    pub child_name: Option<String>,
    pub error: RecordError,
}

#[derive(Serialize)]
struct SessionRecordOut<'a> {
    schema: u32,
    session: &'a Session,
}

#[derive(Deserialize)]
struct SessionRecordIn {
    session: Session,
}

pub fn encode_session(session: &Session) -> String {
    let record = SessionRecordOut {
        schema: SCHEMA_VERSION,
        session,
    };
    serde_json::to_string(&record).expect("a session always serialises")
}

pub fn decode_session(raw: &str) -> Result<Session, RecordError> {
    let (version, mut value) = parse_versioned(raw)?;
    // Each migration takes a record one version forward, until it is today's. From 2 to 3
    // and from 3 to 4 only fields were added, and they default when missing.
    if version == 1 {
        value = migrate_session_v1_to_v2(value)?;
    }
    if version <= 4 {
        value = migrate_session_v4_to_v5(value);
    }
    let record: SessionRecordIn = serde_json::from_value(value).map_err(corrupt)?;
    Ok(record.session)
}

/// Version 1 kept a drawing's strokes and stamps as JSON arrays in its entry; version 2 keeps
/// them as one base64 `ink` string. Nothing else in a session record changed.
fn migrate_session_v1_to_v2(mut record: Value) -> Result<Value, RecordError> {
    let entries = record
        .pointer_mut("/session/questions")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|questions| questions.values_mut())
        .filter_map(|answers| answers.get_mut("entries").and_then(Value::as_array_mut))
        .flatten()
        .filter_map(Value::as_object_mut)
        .filter(|entry| entry.get("kind").and_then(Value::as_str) == Some("drawing"));
    for entry in entries {
        let strokes: Vec<Stroke> = entry
            .remove("strokes")
            .map(from_value)
            .transpose()?
            .unwrap_or_default();
        let stamps: Vec<Stamp> = entry
            .remove("stamps")
            .map(from_value)
            .transpose()?
            .unwrap_or_default();
        let drawing = Drawing { strokes, stamps };
        let stored = serde_json::to_value(&drawing).map_err(corrupt)?;
        entry.extend(stored.as_object().cloned().unwrap_or_default());
    }
    if let Some(fields) = record.as_object_mut() {
        fields.insert("schema".into(), Value::from(2));
    }
    Ok(record)
}

/// Version 4 had one `worker_notes` field that appeared in every summary; version 5 keeps it
/// as the worker's `reflection`, which appears in the worker's full record only, so nothing
/// written there before reaches a summary for an audience. The text is moved exactly.
fn migrate_session_v4_to_v5(mut record: Value) -> Value {
    if let Some(session) = record.get_mut("session").and_then(Value::as_object_mut) {
        if let Some(notes) = session.remove("worker_notes") {
            session.insert("reflection".into(), notes);
        }
    }
    if let Some(fields) = record.as_object_mut() {
        fields.insert("schema".into(), Value::from(5));
    }
    record
}

fn from_value<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, RecordError> {
    serde_json::from_value(value).map_err(corrupt)
}

fn corrupt(error: impl std::fmt::Display) -> RecordError {
    RecordError::Corrupt(error.to_string())
}

/// One line of the index: enough to list a session, and to name it if its record breaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: SessionId,
    pub child_name: String,
    pub date: String,
}

impl IndexEntry {
    pub fn of(session: &Session) -> IndexEntry {
        IndexEntry {
            id: session.id.clone(),
            child_name: session.child.name.clone(),
            date: session.date.clone(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub sessions: Vec<IndexEntry>,
}

impl Index {
    /// Adds or updates a session's line. Returns whether anything changed.
    pub fn upsert(&mut self, entry: IndexEntry) -> bool {
        match self.sessions.iter_mut().find(|known| known.id == entry.id) {
            Some(known) if *known == entry => false,
            Some(known) => {
                *known = entry;
                true
            }
            None => {
                self.sessions.push(entry);
                true
            }
        }
    }

    pub fn remove(&mut self, id: &SessionId) -> bool {
        let before = self.sessions.len();
        self.sessions.retain(|entry| &entry.id != id);
        before != self.sessions.len()
    }

    pub fn child_name(&self, id: &SessionId) -> Option<&str> {
        self.sessions
            .iter()
            .find(|entry| &entry.id == id)
            .map(|entry| entry.child_name.as_str())
    }
}

#[derive(Serialize)]
struct IndexRecordOut<'a> {
    schema: u32,
    #[serde(flatten)]
    index: &'a Index,
}

pub fn encode_index(index: &Index) -> String {
    serde_json::to_string(&IndexRecordOut {
        schema: SCHEMA_VERSION,
        index,
    })
    .expect("an index always serialises")
}

/// Reads an index of any version: its shape has not changed since version 1.
pub fn decode_index(raw: &str) -> Result<Index, RecordError> {
    let (_, value) = parse_versioned(raw)?;
    serde_json::from_value(value).map_err(corrupt)
}

/// Parses JSON and checks its schema version before anything else is trusted. Gives the
/// version (1 to today's) with the parsed record.
fn parse_versioned(raw: &str) -> Result<(u32, Value), RecordError> {
    let value: Value = serde_json::from_str(raw).map_err(corrupt)?;
    let version = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| RecordError::Corrupt("no schema version".into()))?;
    match u32::try_from(version) {
        Ok(0) => Err(RecordError::Corrupt(
            "schema version 0 never existed".into(),
        )),
        Ok(version) if version <= SCHEMA_VERSION => Ok((version, value)),
        Ok(version) => Err(RecordError::FromTheFuture(version)),
        Err(_) => Err(RecordError::FromTheFuture(u32::MAX)),
    }
}

/// What this device remembers besides sessions: where the worker was, and the language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceState {
    #[serde(default)]
    pub place: Place,
    /// A locale code such as `en` or `de`; empty means the browser's language.
    #[serde(default)]
    pub language: String,
}

#[derive(Serialize)]
struct DeviceRecordOut<'a> {
    schema: u32,
    #[serde(flatten)]
    state: &'a DeviceState,
}

pub fn encode_device_state(state: &DeviceState) -> String {
    serde_json::to_string(&DeviceRecordOut {
        schema: SCHEMA_VERSION,
        state,
    })
    .expect("device state always serialises")
}

/// Reads device state of any version: its shape has not changed since version 1.
pub fn decode_device_state(raw: &str) -> Result<DeviceState, RecordError> {
    let (_, value) = parse_versioned(raw)?;
    serde_json::from_value(value).map_err(corrupt)
}

#[derive(Serialize)]
struct VaultRecordOut<'a> {
    schema: u32,
    vault: &'a VaultRecord,
}

#[derive(Deserialize)]
struct VaultRecordIn {
    vault: VaultRecord,
}

/// The vault record, unencrypted: it holds only the key's parameters and sealed values.
pub fn encode_vault(vault: &VaultRecord) -> String {
    serde_json::to_string(&VaultRecordOut {
        schema: SCHEMA_VERSION,
        vault,
    })
    .expect("a vault record always serialises")
}

pub fn decode_vault(raw: &str) -> Result<VaultRecord, RecordError> {
    let (_, value) = parse_versioned(raw)?;
    let record: VaultRecordIn = serde_json::from_value(value).map_err(corrupt)?;
    Ok(record.vault)
}
