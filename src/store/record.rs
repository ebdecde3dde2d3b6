//! Stored records and their schema versions. Reading never panics: a record that cannot be
//! read is reported and left alone, so nothing the child made is overwritten by a mistake.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::vault::VaultRecord;
use crate::core::ink::{Stamp, Stroke};
use crate::core::{Drawing, Screen, Session, SessionId};

/// Each kind of stored record (session, index, device state, vault) has its own version and
/// its own table of numbered migrations; a record is read by taking it through every step
/// from its version to today's, and is written as today's. Every version of every kind keeps
/// a fixture in `tests/fixtures/` (`<kind>-v<version>.json`), and a test reads each one
/// through every step it needs, so no step goes untried.
///
/// Up to version 5 all kinds shared one number, written into every record whatever changed,
/// so that shared history is each kind's own history: versions 1 to 5 exist for every kind,
/// and a kind's steps where only another kind changed are listed as steps that change
/// nothing. From here on each kind counts on its own.
///
/// The session's versions:
/// - 1: drawings as JSON point arrays, `"strokes": [{"points": [[x, y, pressure], ...]}]`.
/// - 2: drawings as `"ink": "<base64>"` in the compact format of `core::ink::codec`.
/// - 3: the child's sharing decisions and their history on entries (`"sharing"`), and the
///   session's `place`, `present`, `worker_notes` and `named_audiences`. A version-2 record
///   reads as it is (the new fields start empty and undecided); the version goes up so that
///   an older app refuses these records instead of saving them without the child's decisions.
/// - 4: Wizards and Fairies: every entry says which tool it was made in (`"tool"`), and a
///   session may hold the helper the child chose (`"helper"`). A version-3 record reads as it
///   is: its entries were all made in the Three Houses, the default.
/// - 5: the worker's duty recorded apart from the child's wish, and summaries that hold only
///   what the child agreed: an entry's sharing may hold the worker's `holds` and `passed_on`;
///   the child's own names have their own sharing (`name_sharing`); the session has
///   `hidden_audiences`, per-audience `summary_choices` and the `exports` log; and the one
///   `worker_notes` field, which went into every summary, becomes `reflection`, which goes
///   into the worker's full record only (the safe home for whatever was written there).
/// - 6: the conversation around the child's words (issue 16): the session's `details`
///   (corrected times, who was there and where, language, interpreter, how the parents were
///   prepared), `before_we_start_at`, `age_version`, the child's `pace` (stops, breaks,
///   passes), `visits`, `finished_at`, `amendments`, `next_steps` and `network_responses`;
///   an entry's `worker_question`, `caption`, `read_back` and `taken_out`. Each is written
///   only when it holds something, so a version-5 record reads as it is and is written back
///   the same but for its version. The version goes up so that an older app refuses these
///   records instead of saving them without the take-outs, passes and amendments: an older
///   app would show an entry the child took out to Mum.
/// - 7: nothing the child said is lost during the conversation (issue 22): an entry's
///   `changes` keep what its words, who said and who wrote them, its caption or its drawing
///   were before each change (a drawing in the compact ink format). Written only when there
///   is one, so a version-6 record reads as it is and is written back the same but for its
///   version. The version goes up so that an older app refuses these records instead of
///   saving them without the earlier versions.
pub const SESSION_VERSION: u32 = 7;

/// The index's version. Its shape, `{"sessions": [{"id", "child_name", "date"}]}`, has not
/// changed since version 1; versions 2 to 5 are the shared number going up for sessions.
pub const INDEX_VERSION: u32 = 5;

/// The device state's version: `{"place": {...}, "language": "de"}` since version 1. At 4
/// a place gained the tool it is in, and the screens `three_houses` and `house` became
/// `tool` and `question`; `core::Screen` reads the older names and a missing tool (the Three
/// Houses) itself, so no step rewrites them. Otherwise only the shared number went up.
pub const DEVICE_VERSION: u32 = 5;

/// The vault record's version. The vault came with encryption at rest, when the shared
/// number was 4: no Hear Me wrote a vault of version 1 to 3, but those numbers were always
/// accepted for it in the same shape, and still are. Its `wrapped_key` came later within
/// version 4 (a vault without it still reads: the passphrase's key seals the records), and
/// nothing changed at 5.
pub const VAULT_VERSION: u32 = 5;

/// The session's version, under the name it had when every record shared one.
pub const SCHEMA_VERSION: u32 = SESSION_VERSION;

/// One numbered step: takes a parsed record from the version it is listed with to the next.
/// The version number in the record is set by [`migrate`], not by the step.
type Migration = fn(Value) -> Result<Value, RecordError>;

/// The session's steps, one from each version to the next.
const SESSION_MIGRATIONS: &[(u32, Migration)] = &[
    (1, session_v1_to_v2),
    // Sharing, place, present, worker notes and named audiences were added; all default.
    (2, unchanged),
    // The entries' tool and the session's helper were added; both default.
    (3, unchanged),
    (4, session_v4_to_v5),
    // The conversation's details, pace, visits, end, amendments, next steps and responses,
    // and the entries' questions, captions, read-backs and take-outs were added; all default.
    (5, unchanged),
    // The entries' earlier versions were added; none in an older record.
    (6, unchanged),
];

/// The index's steps: only the shared number went up.
const INDEX_MIGRATIONS: &[(u32, Migration)] = &[
    (1, unchanged),
    (2, unchanged),
    (3, unchanged),
    (4, unchanged),
];

/// The device state's steps.
const DEVICE_MIGRATIONS: &[(u32, Migration)] = &[
    (1, unchanged),
    (2, unchanged),
    // Places gained their tool; `core::Screen` reads the places stored before (see
    // [`DEVICE_VERSION`]).
    (3, unchanged),
    (4, unchanged),
];

/// The vault's steps: there was no vault before 4, and nothing changed at 5.
const VAULT_MIGRATIONS: &[(u32, Migration)] = &[
    (1, unchanged),
    (2, unchanged),
    (3, unchanged),
    (4, unchanged),
];

/// True when `steps` go from version 1 to `current`, one step per version, in order.
const fn numbered_in_order(steps: &[(u32, Migration)], current: u32) -> bool {
    let mut index = 0;
    while index < steps.len() {
        if steps[index].0 != index as u32 + 1 {
            return false;
        }
        index += 1;
    }
    steps.len() as u32 + 1 == current
}

const _: () = assert!(numbered_in_order(SESSION_MIGRATIONS, SESSION_VERSION));
const _: () = assert!(numbered_in_order(INDEX_MIGRATIONS, INDEX_VERSION));
const _: () = assert!(numbered_in_order(DEVICE_MIGRATIONS, DEVICE_VERSION));
const _: () = assert!(numbered_in_order(VAULT_MIGRATIONS, VAULT_VERSION));

/// A step where the record's shape did not change.
fn unchanged(record: Value) -> Result<Value, RecordError> {
    Ok(record)
}

/// The kinds of stored record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Session,
    Index,
    Device,
    Vault,
}

impl RecordKind {
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Session,
        RecordKind::Index,
        RecordKind::Device,
        RecordKind::Vault,
    ];

    /// The kind's name in its fixtures' file names.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Session => "session",
            RecordKind::Index => "index",
            RecordKind::Device => "device",
            RecordKind::Vault => "vault",
        }
    }

    /// The version this app writes.
    pub fn current_version(self) -> u32 {
        match self {
            RecordKind::Session => SESSION_VERSION,
            RecordKind::Index => INDEX_VERSION,
            RecordKind::Device => DEVICE_VERSION,
            RecordKind::Vault => VAULT_VERSION,
        }
    }

    fn migrations(self) -> &'static [(u32, Migration)] {
        match self {
            RecordKind::Session => SESSION_MIGRATIONS,
            RecordKind::Index => INDEX_MIGRATIONS,
            RecordKind::Device => DEVICE_MIGRATIONS,
            RecordKind::Vault => VAULT_MIGRATIONS,
        }
    }

    /// The numbers of the kind's migration steps, in order: step `n` takes a record from
    /// version `n` to `n + 1`.
    pub fn migration_steps(self) -> Vec<u32> {
        self.migrations().iter().map(|&(from, _)| from).collect()
    }
}

/// Checks a record's version and takes it through every step from there to today's version
/// of its kind. Gives the record and the steps that ran, in order.
fn migrate(kind: RecordKind, raw: &str) -> Result<(Value, Vec<u32>), RecordError> {
    let (version, mut record) = parse_versioned(raw, kind.current_version())?;
    let mut ran = Vec::new();
    for &(from, step) in kind.migrations() {
        if from < version {
            continue;
        }
        record = step(record)?;
        if let Some(fields) = record.as_object_mut() {
            fields.insert("schema".into(), Value::from(from + 1));
        }
        ran.push(from);
    }
    Ok((record, ran))
}

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
        .map(SessionId::from)
}

/// Why a stored record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Not valid JSON, or not the shape its version promises.
    Corrupt(String),
    /// Written by a newer Hear Me than this one.
    FromTheFuture(u32),
    /// Found in plain text after set-up: not sealed by this tablet, so not trusted as the
    /// child's record. Kept apart and left as it is.
    NotSealed,
    /// Sealed in a way this version does not know (a newer Hear Me): left byte for byte.
    UnknownSeal,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Corrupt(detail) => write!(f, "the record is damaged: {detail}"),
            RecordError::FromTheFuture(version) => write!(
                f,
                "the record has schema version {version}, newer than this app can read"
            ),
            RecordError::NotSealed => write!(f, "the record is in plain text, not sealed"),
            RecordError::UnknownSeal => write!(f, "the record is sealed in an unknown way"),
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
    /// How many times the record was written; a write that did not start from the stored
    /// revision comes from a stale tab and is refused (see `store::browser`). Absent for 0.
    #[serde(skip_serializing_if = "is_zero")]
    revision: u64,
    session: &'a Session,
}

fn is_zero(revision: &u64) -> bool {
    *revision == 0
}

#[derive(Deserialize)]
struct SessionRecordIn {
    #[serde(default)]
    revision: u64,
    session: Session,
}

/// Only the revision of a session record, without reading the session.
#[derive(Deserialize)]
struct RevisionOnly {
    #[serde(default)]
    revision: u64,
}

pub fn encode_session(session: &Session) -> String {
    encode_session_revision(session, 0)
}

/// A session record with its revision, the one a save writes.
pub fn encode_session_revision(session: &Session, revision: u64) -> String {
    let record = SessionRecordOut {
        schema: SESSION_VERSION,
        revision,
        session,
    };
    serde_json::to_string(&record).expect("a session always serialises")
}

/// A session with the revision it was stored at (0 for records from before revisions).
pub fn decode_session_revision(raw: &str) -> Result<(Session, u64), RecordError> {
    let (record, _) = migrate(RecordKind::Session, raw)?;
    let record: SessionRecordIn = from_value(record)?;
    Ok((record.session, record.revision))
}

/// The revision of a stored session record, read without building the session.
pub fn session_revision(raw: &str) -> Result<u64, RecordError> {
    serde_json::from_str::<RevisionOnly>(raw)
        .map(|record| record.revision)
        .map_err(corrupt)
}

pub fn decode_session(raw: &str) -> Result<Session, RecordError> {
    decode_session_with_steps(raw).map(|(session, _)| session)
}

/// Reads a session of any version, and says which migration steps it went through.
pub fn decode_session_with_steps(raw: &str) -> Result<(Session, Vec<u32>), RecordError> {
    let (record, steps) = migrate(RecordKind::Session, raw)?;
    let record: SessionRecordIn = from_value(record)?;
    Ok((record.session, steps))
}

/// Version 1 kept a drawing's strokes and stamps as JSON arrays in its entry; version 2 keeps
/// them as one base64 `ink` string. Nothing else in a session record changed. A drawing whose
/// arrays cannot be read is left exactly as it was: it reads as an unreadable entry, kept.
fn session_v1_to_v2(mut record: Value) -> Result<Value, RecordError> {
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
        let array = |name: &str| entry.get(name).cloned().unwrap_or(Value::Array(Vec::new()));
        let strokes = from_value::<Vec<Stroke>>(array("strokes"));
        let stamps = from_value::<Vec<Stamp>>(array("stamps"));
        let (Ok(strokes), Ok(stamps)) = (strokes, stamps) else {
            continue;
        };
        let drawing = Drawing { strokes, stamps };
        let stored = serde_json::to_value(&drawing).map_err(corrupt)?;
        entry.remove("strokes");
        entry.remove("stamps");
        entry.extend(stored.as_object().cloned().unwrap_or_default());
    }
    Ok(record)
}

/// Version 4 had one `worker_notes` field that appeared in every summary; version 5 keeps it
/// as the worker's `reflection`, which appears in the worker's full record only, so nothing
/// written there before reaches a summary for an audience. The text is moved exactly.
fn session_v4_to_v5(mut record: Value) -> Result<Value, RecordError> {
    if let Some(session) = record.get_mut("session").and_then(Value::as_object_mut) {
        if let Some(notes) = session.remove("worker_notes") {
            session.insert("reflection".into(), notes);
        }
    }
    Ok(record)
}

fn from_value<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, RecordError> {
    serde_json::from_value(value).map_err(corrupt)
}

/// serde's fault, told without what the record holds (see `fault`).
fn corrupt(error: serde_json::Error) -> RecordError {
    RecordError::Corrupt(super::fault::serde_fault(&error))
}

/// One line of the index: enough to list a session, and to name it if its record breaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: SessionId,
    pub child_name: String,
    pub date: String,
    /// The revision the session was last written at, sealed in the index apart from the
    /// session's own record: a record older than this was put back by someone. Absent for 0
    /// (indexes from before revisions).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
}

impl IndexEntry {
    pub fn of(session: &Session) -> IndexEntry {
        IndexEntry {
            id: session.id,
            child_name: session.child.name.clone(),
            date: session.date.clone(),
            revision: 0,
        }
    }

    /// The line for a session just written at `revision`.
    pub fn written(session: &Session, revision: u64) -> IndexEntry {
        IndexEntry {
            revision,
            ..IndexEntry::of(session)
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub sessions: Vec<IndexEntry>,
    /// The worker's agency, set once in Settings, for the header of every full record. Kept
    /// here because the index is sealed like the sessions (and sealed anew with them), so it
    /// is not readable in plain storage. Absent when not set: older indexes are unchanged.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    /// The worker turned "Open tools in child mode" off in Settings, so a tool opens in the
    /// worker's hands. Absent when on: an older index (without it) reads as on, and is
    /// written as before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tools_open_in_worker_mode: bool,
    /// The worker's name, set once in Settings (or at set-up): every new session starts
    /// with it. Sealed here for the same reason as the agency; absent when not set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub worker_name: String,
    /// The agency's phone number for parents, printed on the parents' leaflet; absent when
    /// not set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency_phone: String,
    /// Months after a closed case's last visit before the worker is asked whether to delete
    /// its records (`core::retention`); absent for the default, six.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<u16>,
}

/// A line of text the worker sets once in Settings, sealed in the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSetting {
    /// The agency, for the full record's header.
    Agency,
    /// The worker's name, which every new session starts with.
    WorkerName,
    /// The agency's phone number, for the parents' leaflet.
    AgencyPhone,
}

impl Index {
    /// The text of a setting; empty when not set.
    pub fn text(&self, setting: TextSetting) -> &str {
        match setting {
            TextSetting::Agency => &self.agency,
            TextSetting::WorkerName => &self.worker_name,
            TextSetting::AgencyPhone => &self.agency_phone,
        }
    }

    /// Sets a setting's text, trimmed at the ends. Returns whether it changed.
    pub fn set_text(&mut self, setting: TextSetting, text: &str) -> bool {
        let text = text.trim();
        let field = match setting {
            TextSetting::Agency => &mut self.agency,
            TextSetting::WorkerName => &mut self.worker_name,
            TextSetting::AgencyPhone => &mut self.agency_phone,
        };
        let changed = field != text;
        text.clone_into(field);
        changed
    }
}

impl Index {
    /// The same settings with no sessions: what an index rebuilt from the records keeps.
    pub fn settings_only(&self) -> Index {
        Index {
            sessions: Vec::new(),
            ..self.clone()
        }
    }
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

    /// The revision the index last saw a session written at; 0 when it does not know.
    pub fn revision(&self, id: &SessionId) -> u64 {
        self.sessions
            .iter()
            .find(|entry| &entry.id == id)
            .map_or(0, |entry| entry.revision)
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
        schema: INDEX_VERSION,
        index,
    })
    .expect("an index always serialises")
}

pub fn decode_index(raw: &str) -> Result<Index, RecordError> {
    decode_index_with_steps(raw).map(|(index, _)| index)
}

/// Reads an index of any version, and says which migration steps it went through.
pub fn decode_index_with_steps(raw: &str) -> Result<(Index, Vec<u32>), RecordError> {
    let (record, steps) = migrate(RecordKind::Index, raw)?;
    Ok((from_value(record)?, steps))
}

/// Parses JSON and checks its schema version before anything else is trusted. Gives the
/// version (1 to `current`) with the parsed record; a higher one is from a newer app.
fn parse_versioned(raw: &str, current: u32) -> Result<(u32, Value), RecordError> {
    let value: Value = serde_json::from_str(raw).map_err(corrupt)?;
    let version = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| RecordError::Corrupt("no schema version".into()))?;
    match u32::try_from(version) {
        Ok(0) => Err(RecordError::Corrupt(
            "schema version 0 never existed".into(),
        )),
        Ok(version) if version <= current => Ok((version, value)),
        Ok(version) => Err(RecordError::FromTheFuture(version)),
        Err(_) => Err(RecordError::FromTheFuture(u32::MAX)),
    }
}

/// What this device remembers besides sessions: where the worker was, and the language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceState {
    #[serde(default)]
    pub place: Screen,
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
        schema: DEVICE_VERSION,
        state,
    })
    .expect("device state always serialises")
}

pub fn decode_device_state(raw: &str) -> Result<DeviceState, RecordError> {
    decode_device_state_with_steps(raw).map(|(state, _)| state)
}

/// Reads device state of any version, and says which migration steps it went through.
pub fn decode_device_state_with_steps(raw: &str) -> Result<(DeviceState, Vec<u32>), RecordError> {
    let (record, steps) = migrate(RecordKind::Device, raw)?;
    Ok((from_value(record)?, steps))
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
        schema: VAULT_VERSION,
        vault,
    })
    .expect("a vault record always serialises")
}

pub fn decode_vault(raw: &str) -> Result<VaultRecord, RecordError> {
    decode_vault_with_steps(raw).map(|(vault, _)| vault)
}

/// Reads a vault record of any version, and says which migration steps it went through.
pub fn decode_vault_with_steps(raw: &str) -> Result<(VaultRecord, Vec<u32>), RecordError> {
    let (record, steps) = migrate(RecordKind::Vault, raw)?;
    let record: VaultRecordIn = from_value(record)?;
    Ok((record.vault, steps))
}
