//! The browser's storage. Sessions and their index are sealed records in IndexedDB (see
//! `indexed`), written behind the app through the queue in `writes`; localStorage keeps only
//! what must be read synchronously: the device state, the vault record, and the journal of
//! writes not yet landed when the page was hidden. Sessions an earlier Hear Me kept in
//! localStorage move to IndexedDB at unlock, byte for byte, and are removed from
//! localStorage only once their copy is stored and read back.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::value::RawValue;

use super::fault::serde_fault;
use super::indexed::{self, Stored};
use super::ink_log::{
    decode_ink_log, encode_ink_log, ink_key, ink_key_parts, replay as replay_ink, InkLogs,
    InkStroke, LeftoverFate,
};
use super::record::{
    child_id_from_key, child_key, decode_child, decode_device_state, decode_index,
    decode_session_revision, decode_vault, encode_child, encode_device_state, encode_index,
    encode_session_revision, session_id_from_key, session_key, DeviceState, Index, IndexEntry,
    RecordError, TextSetting, UnreadableSession, DEVICE_KEY, INDEX_KEY, KEY_PREFIX, VAULT_KEY,
};
use super::vault::{
    is_sealed, is_sealed_bytes, is_sealed_unknown, is_sealed_unknown_bytes, sealed_text_to_bytes,
    VaultKey, VaultRecord,
};
use super::writes::{
    decode_journal, encode_journal, Change, JournalEntry, Landed, Writes, JOURNAL_KEY,
};
use super::StoreError;
use crate::core::child::{ChildId, ChildRecord};
use crate::core::children::missing_children;
use crate::core::retention::RetentionPeriod;
use crate::core::{Session, SessionId};
use crate::platform;

thread_local! {
    static WRITES: RefCell<Writes> = RefCell::new(Writes::default());
    /// The index as this tab last wanted it stored; None until unlocked.
    static INDEX: RefCell<Option<Index>> = const { RefCell::new(None) };
    /// How the last transaction went; the app shows it.
    static WRITE_PROBLEM: RefCell<Option<StoreError>> = const { RefCell::new(None) };
    /// Every visit's ink log: the strokes saved as records of their own since its last full
    /// save (see `ink_log`).
    static INK: RefCell<InkLogs> = RefCell::new(InkLogs::default());
    /// Visits whose logged stroke did not land: their next save is a full one.
    static UNLOGGED: RefCell<BTreeSet<SessionId>> = const { RefCell::new(BTreeSet::new()) };
    /// Told after every transaction, so the app can show how saving goes.
    static REPORTER: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Everything found in storage once it is unlocked.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sessions: Vec<Session>,
    /// Every child the sessions belong to: their stored records, and those made at this
    /// unlock for sessions stored without one (saved on the way).
    pub children: Vec<ChildRecord>,
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
            plain_sessions: legacy_session_keys(&storage).len(),
        },
        Some(raw) => match decode_vault(&raw) {
            Ok(vault) => Opening::Locked(vault),
            Err(RecordError::FromTheFuture(version)) => Opening::Newer(version),
            Err(_) => Opening::Damaged,
        },
    }
}

/// Whether the browser gives this site storage at all: localStorage for the vault, and
/// IndexedDB for the sessions (private modes and locked-down tablets may refuse either).
pub fn has_storage() -> bool {
    available_storage().is_ok() && indexed::exists()
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

pub fn save_device_state(state: &DeviceState) -> Result<(), StoreError> {
    available_storage()?;
    write_local(DEVICE_KEY, encode_device_state(state))
}

/// Set once the worker has read the hint about adding Hear Me to the Home Screen.
const HOME_SCREEN_HINT_KEY: &str = "hear-me/home-screen-hint";

pub fn home_screen_hint_seen() -> bool {
    available_storage()
        .ok()
        .and_then(|storage| read_raw(&storage, HOME_SCREEN_HINT_KEY))
        .is_some()
}

pub fn remember_home_screen_hint_seen() {
    if let Ok(storage) = available_storage() {
        let _ = storage.set_item(HOME_SCREEN_HINT_KEY, "seen");
    }
}

/// When the worker last made a backup on this tablet (a moment, not what it held).
const LAST_BACKUP_KEY: &str = "hear-me/last-backup";

pub fn last_backup_ms() -> Option<u64> {
    available_storage()
        .ok()
        .and_then(|storage| read_raw(&storage, LAST_BACKUP_KEY))
        .and_then(|raw| raw.parse().ok())
}

pub fn remember_backup_made(at_ms: u64) {
    if let Ok(storage) = available_storage() {
        let _ = storage.set_item(LAST_BACKUP_KEY, &at_ms.to_string());
    }
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
    write_local(VAULT_KEY, super::record::encode_vault(vault))
}

/// Refuses to seal records with a key that is not the stored vault's: after a wipe and a
/// new set-up in another tab, such records could never be opened again.
fn ensure_key_is_current(key: &VaultKey) -> Result<(), StoreError> {
    let storage = available_storage()?;
    let current = read_raw(&storage, VAULT_KEY)
        .and_then(|raw| decode_vault(&raw).ok())
        .is_some_and(|vault| vault.is_key_of(key));
    if current {
        Ok(())
    } else {
        Err(StoreError::Stale)
    }
}

/// Opens every session with `key`. Never fails: what cannot be read is reported in
/// `unreadable` or `problem` and left as it is. Writes the journal kept from the last time
/// the page was hidden, where storage still holds what they were made over; moves records
/// an earlier version kept in localStorage. With `seal_plain` (right after set-up only),
/// records from before encryption are sealed on the way. After set-up a plain record was
/// not sealed by this tablet: someone may have planted it, so it is listed as not sealed
/// and kept apart, never opened as the child's. A record sealed in a way this version does
/// not know is left byte for byte.
pub async fn load(key: &VaultKey, seal_plain: bool) -> Loaded {
    let mut loaded = Loaded::default();
    // A transaction still running (from before a lock) finishes first; what did not land
    // is carried over.
    while WRITES.with(|writes| writes.borrow().is_writing()) {
        platform::sleep_ms(5).await;
    }
    let carried = WRITES.with(|writes| writes.borrow().journal());
    let (storage, stored) = match available_storage() {
        Ok(storage) => match indexed::read_all().await {
            Ok(stored) => (storage, stored),
            Err(problem) => {
                loaded.problem = Some(problem);
                return loaded;
            }
        },
        Err(problem) => {
            loaded.problem = Some(problem);
            return loaded;
        }
    };
    let mut records: BTreeMap<String, Stored> = stored.into_iter().collect();
    let mut writes = Writes::default();
    for (storage_key, value) in &records {
        writes.knew(storage_key, value.bytes(), 0);
    }
    // Writes still waiting from before the lock are the newest; then the journal of an
    // earlier page, for what they do not cover.
    replay(carried, &mut records, &mut writes);
    replay(journal(&storage), &mut records, &mut writes);
    let Legacy { moved, kept_apart } =
        take_legacy(&storage, key, seal_plain, &mut records, &mut writes);

    let stored_index = records
        .get(INDEX_KEY)
        .and_then(Stored::bytes)
        .and_then(|bytes| open_bytes(key, INDEX_KEY, bytes).ok())
        .and_then(|text| decode_index(&text).ok());
    let index = stored_index.clone().unwrap_or_default();
    // The settings (agency, worker's name, phone) stay; the sessions' lines are rebuilt.
    let mut mended = index.settings_only();
    for (storage_key, value) in &records {
        let Some(id) = session_id_from_key(storage_key) else {
            continue;
        };
        let opened = match value {
            Stored::Bytes(bytes) => open_bytes(key, storage_key, bytes),
            Stored::Other => Err(RecordError::NotSealed),
        };
        match opened.and_then(|text| decode_session_revision(&text)) {
            Ok((session, revision)) => {
                writes.note_revision(storage_key, revision);
                let last_written = index.revision(&session.id);
                if revision < last_written {
                    loaded.rolled_back.push(session.id);
                }
                // An older copy put back keeps being said until the session is saved anew.
                mended.upsert(IndexEntry::written(&session, revision.max(last_written)));
                loaded.revisions.insert(session.id, revision);
                loaded.sessions.push(session);
            }
            Err(error) => {
                writes.note_revision(storage_key, NOT_OURS_TO_WRITE);
                keep_entry(&index, &mut mended, &id);
                loaded.unreadable.push(unreadable(&index, id, error));
            }
        }
    }
    let can_write = ensure_key_is_current(key).is_ok();
    let logs = replay_ink_logs(key, &records, &mut loaded, &mut writes, can_write);
    // The children: their records as stored; a record that cannot be read is left as it
    // is, and its child still listed (made from the visits, never written over it).
    let mut unreadable_children = Vec::new();
    for (storage_key, value) in &records {
        let Some(id) = child_id_from_key(storage_key) else {
            continue;
        };
        let opened = match value {
            Stored::Bytes(bytes) => open_bytes(key, storage_key, bytes),
            Stored::Other => Err(RecordError::NotSealed),
        };
        match opened.and_then(|text| decode_child(&text)) {
            Ok(child) if child.id == id => loaded.children.push(child),
            Ok(_) | Err(_) => {
                web_sys::console::warn_1(
                    &format!("Hear Me: {storage_key} could not be read").into(),
                );
                writes.note_revision(storage_key, NOT_OURS_TO_WRITE);
                unreadable_children.push(id);
            }
        }
    }
    // The migration: a child for every session without a stored record. The sessions'
    // records are not touched; only the new child records are written.
    let made = missing_children(&loaded.sessions, &loaded.children, platform::now_ms());
    for child in made {
        if can_write && !unreadable_children.contains(&child.id) {
            let storage_key = child_key(&child.id);
            let sealed = seal(key, &storage_key, &encode_child(&child));
            writes.want(&storage_key, Change::Put(sealed), 0);
        }
        loaded.children.push(child);
    }
    for (id, error) in kept_apart {
        writes.note_revision(&session_key(&id), NOT_OURS_TO_WRITE);
        keep_entry(&index, &mut mended, &id);
        loaded.unreadable.push(unreadable(&index, id, error));
    }
    // The index names every session stored, and nothing else; written only with the
    // vault's own key (a key that could not open it would make it unreadable for good).
    if stored_index.as_ref() != Some(&mended) && ensure_key_is_current(key).is_ok() {
        let sealed = seal(key, INDEX_KEY, &encode_index(&mended));
        writes.want(INDEX_KEY, Change::Put(sealed), 0);
    }
    WRITES.with(|all| *all.borrow_mut() = writes);
    INK.with(|ink| *ink.borrow_mut() = logs);
    UNLOGGED.with(|unlogged| unlogged.borrow_mut().clear());
    INDEX.with(|index| *index.borrow_mut() = Some(mended));
    if let Err(problem) = flushed().await {
        loaded.problem = Some(problem);
    }
    remove_moved(&storage, moved).await;
    loaded
}

/// Adds to each visit read the strokes logged over its stored revision, in the order drawn
/// (see `ink_log::replay`). Records over another revision are leftovers: one whose stroke
/// the visit holds is deleted (with `can_write`); one it did not hold is drawn back in and
/// kept until the next full save of the visit holds it. A record that cannot be opened is left as it is and
/// reported, and deletes nothing; so are the records of a visit that could not be read.
fn replay_ink_logs(
    key: &VaultKey,
    records: &BTreeMap<String, Stored>,
    loaded: &mut Loaded,
    writes: &mut Writes,
    can_write: bool,
) -> InkLogs {
    let mut logs = InkLogs::default();
    let mut by_visit: HashMap<SessionId, Vec<(&String, u64, u32)>> = HashMap::new();
    for storage_key in records.keys() {
        if let Some((id, base, seq)) = ink_key_parts(storage_key) {
            by_visit
                .entry(id)
                .or_default()
                .push((storage_key, base, seq));
        }
    }
    for session in &mut loaded.sessions {
        let Some(found) = by_visit.remove(&session.id) else {
            continue;
        };
        let revision = loaded.revisions.get(&session.id).copied().unwrap_or(0);
        let mut log = Vec::new();
        for (storage_key, base, seq) in found {
            let opened = match &records[storage_key] {
                Stored::Bytes(bytes) => open_bytes(key, storage_key, bytes),
                Stored::Other => Err(RecordError::NotSealed),
            };
            match opened.and_then(|text| decode_ink_log(storage_key, &text)) {
                Ok(logged) => {
                    if base == revision {
                        logs.found(session.id, base, seq, true);
                    }
                    log.push(logged);
                }
                Err(error) => {
                    web_sys::console::warn_1(
                        &format!("Hear Me: {storage_key} could not be read: {error}").into(),
                    );
                    writes.note_revision(storage_key, NOT_OURS_TO_WRITE);
                    if base == revision {
                        logs.found(session.id, base, seq, false);
                    }
                }
            }
        }
        let replayed = replay_ink(session, revision, log);
        for leftover in &replayed.leftovers {
            let storage_key = ink_key(&session.id, leftover.base_revision, leftover.seq);
            match leftover.fate {
                LeftoverFate::Held if can_write => {
                    writes.want(&storage_key, Change::Delete, 0);
                }
                LeftoverFate::Recovered => logs.recovered(session.id, revision, storage_key),
                LeftoverFate::Held | LeftoverFate::Refused => {}
            }
        }
        if replayed.refused > 0 {
            web_sys::console::warn_1(
                &format!(
                    "Hear Me: {} logged strokes of {} were refused (the visit is finished or the drawing gone)",
                    replayed.refused,
                    session_key(&session.id)
                )
                .into(),
            );
        }
    }
    logs
}

/// The revision noted for a stored record this tab cannot read: no save starts from it, so
/// nothing is ever written over it (deleting it stays possible).
const NOT_OURS_TO_WRITE: u64 = u64::MAX;

/// Keeps what the stored index says of a session that cannot be read (its child's name),
/// so the worker can still tell which session it was.
fn keep_entry(index: &Index, mended: &mut Index, id: &SessionId) {
    if let Some(entry) = index.sessions.iter().find(|entry| &entry.id == id) {
        mended.upsert(entry.clone());
    }
}

fn unreadable(index: &Index, id: SessionId, error: RecordError) -> UnreadableSession {
    // The record's key and the fault's kind only: RecordError never quotes the record.
    web_sys::console::warn_1(
        &format!("Hear Me: {} could not be read: {error}", session_key(&id)).into(),
    );
    UnreadableSession {
        child_name: index.child_name(&id).map(str::to_owned),
        id,
        error,
    }
}

/// The journal kept when an earlier page was hidden; empty when there is none. A journal
/// that cannot be read is left where it is (for a newer Hear Me, or to be looked at).
fn journal(storage: &web_sys::Storage) -> Vec<JournalEntry> {
    let Some(text) = read_raw(storage, JOURNAL_KEY) else {
        return Vec::new();
    };
    decode_journal(&text).unwrap_or_else(|error| {
        web_sys::console::warn_1(
            &format!("Hear Me: {JOURNAL_KEY} could not be read: {error}").into(),
        );
        Vec::new()
    })
}

/// Takes the writes that were made over what storage still holds: their values are the
/// newest, and are written again. Others were overtaken (another tab wrote since) and are
/// left out. The journal itself goes once everything has landed.
fn replay(entries: Vec<JournalEntry>, records: &mut BTreeMap<String, Stored>, writes: &mut Writes) {
    for entry in entries {
        let stored = records.get(&entry.key).and_then(Stored::bytes);
        let stored_is_other = matches!(records.get(&entry.key), Some(Stored::Other));
        if stored_is_other || !entry.applies_over(stored) {
            web_sys::console::warn_1(
                &format!("Hear Me: {} changed since; kept as stored", entry.key).into(),
            );
            continue;
        }
        match &entry.change {
            Change::Put(bytes) => {
                records.insert(entry.key.clone(), Stored::Bytes(bytes.clone()));
            }
            Change::Delete => {
                records.remove(&entry.key);
            }
        }
        writes.want(&entry.key, entry.change, 0);
    }
}

/// Records an earlier Hear Me kept in localStorage. Sealed ones move as they are (the same
/// bytes, so the same key opens them); at set-up, plain ones are sealed on the way. Each is
/// wanted in IndexedDB, and its localStorage key returned to be removed once the copy is
/// stored. Plain records after set-up and records sealed in an unknown way stay where they
/// are, returned as kept apart.
fn take_legacy(
    storage: &web_sys::Storage,
    key: &VaultKey,
    seal_plain: bool,
    records: &mut BTreeMap<String, Stored>,
    writes: &mut Writes,
) -> Legacy {
    let mut moved = Vec::new();
    let mut kept_apart = Vec::new();
    let legacy = legacy_session_keys(storage)
        .into_iter()
        .chain(read_raw(storage, INDEX_KEY).map(|_| INDEX_KEY.to_owned()));
    for storage_key in legacy {
        let Some(raw) = read_raw(storage, &storage_key) else {
            continue;
        };
        let bytes = if is_sealed(&raw) {
            sealed_text_to_bytes(&raw)
        } else if seal_plain && !is_sealed_unknown(&raw) {
            Some(seal(key, &storage_key, &raw))
        } else {
            None
        };
        let Some(bytes) = bytes else {
            if let Some(id) = session_id_from_key(&storage_key) {
                let error = if is_sealed_unknown(&raw) {
                    RecordError::UnknownSeal
                } else if is_sealed(&raw) {
                    RecordError::Corrupt("the sealed record is not base64".into())
                } else {
                    RecordError::NotSealed
                };
                kept_apart.push((id, error));
            }
            continue;
        };
        match records.get(&storage_key) {
            // Moved before, but not yet removed: the copy is there.
            Some(Stored::Bytes(there)) if *there == bytes => {}
            // IndexedDB holds something else under this key: both are kept.
            Some(_) => continue,
            None => {
                records.insert(storage_key.clone(), Stored::Bytes(bytes.clone()));
                writes.want(&storage_key, Change::Put(bytes.clone()), 0);
            }
        }
        moved.push((storage_key, bytes));
    }
    Legacy { moved, kept_apart }
}

/// What [`take_legacy`] found in localStorage.
struct Legacy {
    /// Records wanted in IndexedDB, by storage key, with the bytes they move as: removed
    /// from localStorage once IndexedDB gives those bytes back.
    moved: Vec<(String, Vec<u8>)>,
    /// Sessions left where they are, and why they cannot be read.
    kept_apart: Vec<(SessionId, RecordError)>,
}

/// Removes moved records from localStorage, each only once IndexedDB gives back the very
/// bytes it was moved as.
async fn remove_moved(storage: &web_sys::Storage, moved: Vec<(String, Vec<u8>)>) {
    for (storage_key, bytes) in moved {
        if let Ok(Some(Stored::Bytes(back))) = indexed::read(&storage_key).await {
            if back == bytes {
                let _ = storage.remove_item(&storage_key);
            }
        }
    }
}

/// Seals a session's record and sends it to storage, with the index kept in step.
/// `revision` is the one this tab read or last wrote; the record is sealed at the next one,
/// and a tab that missed a change is refused with [`StoreError::Stale`] here or, where the
/// change came from another tab, when the write reaches storage (told through
/// [`write_problem`]). Returns the new revision at once; the write lands shortly after.
pub fn save_session(session: &Session, key: &VaultKey, revision: u64) -> Result<u64, StoreError> {
    ensure_key_is_current(key)?;
    let storage_key = session_key(&session.id);
    if WRITES.with(|writes| writes.borrow().revision(&storage_key)) != revision {
        return Err(StoreError::Stale);
    }
    let next = revision.checked_add(1).ok_or(StoreError::Stale)?;
    let sealed = seal(key, &storage_key, &encode_session_revision(session, next));
    // The full record holds every logged stroke: the log goes in the same transaction.
    let superseded = INK.with(|ink| ink.borrow_mut().superseded(&session.id));
    UNLOGGED.with(|unlogged| unlogged.borrow_mut().remove(&session.id));
    WRITES.with(|writes| {
        let mut writes = writes.borrow_mut();
        writes.want(&storage_key, Change::Put(sealed), next);
        for logged in &superseded {
            writes.want(logged, Change::Delete, 0);
        }
    });
    change_index(key, |index| {
        index.upsert(IndexEntry::written(session, next))
    });
    flush();
    Ok(next)
}

/// Saves a finished stroke as a small sealed record of its own over the visit's stored
/// `revision`, leaving the visit's record as it is: the cost does not grow with the visit.
/// Ok(false) when the visit should be saved in full instead (its log is full, or a logged
/// stroke did not land). Written only where nothing is stored.
pub fn log_stroke(
    id: &SessionId,
    revision: u64,
    ink: &InkStroke,
    key: &VaultKey,
) -> Result<bool, StoreError> {
    ensure_key_is_current(key)?;
    if WRITES.with(|writes| writes.borrow().revision(&session_key(id))) != revision {
        return Err(StoreError::Stale);
    }
    if UNLOGGED.with(|unlogged| unlogged.borrow().contains(id)) {
        return Ok(false);
    }
    let Some(storage_key) = INK.with(|ink| ink.borrow_mut().next_key(*id, revision)) else {
        return Ok(false);
    };
    let sealed = seal(key, &storage_key, &encode_ink_log(revision, ink));
    WRITES.with(|writes| {
        writes
            .borrow_mut()
            .want(&storage_key, Change::Put(sealed), 0)
    });
    flush();
    Ok(true)
}

/// Whether a visit has strokes saved in its log since its last full save.
pub fn has_ink_log(id: &SessionId) -> bool {
    INK.with(|ink| ink.borrow().holds(id))
}

/// The visits a logged stroke of which did not land (storage full, or gone), until each is
/// saved in full: that save holds the stroke and supersedes the log.
pub fn visits_to_save_in_full() -> Vec<SessionId> {
    UNLOGGED.with(|unlogged| unlogged.borrow().iter().copied().collect())
}

/// Seals a child's record and sends it to storage. A record this tab could not read is
/// never written over.
pub fn save_child(child: &ChildRecord, key: &VaultKey) -> Result<(), StoreError> {
    ensure_key_is_current(key)?;
    let storage_key = child_key(&child.id);
    if WRITES.with(|writes| writes.borrow().revision(&storage_key)) == NOT_OURS_TO_WRITE {
        return Err(StoreError::Stale);
    }
    let sealed = seal(key, &storage_key, &encode_child(child));
    WRITES.with(|writes| {
        writes
            .borrow_mut()
            .want(&storage_key, Change::Put(sealed), 0)
    });
    flush();
    Ok(())
}

/// Removes a child's record from this device (their visits are deleted one by one, each
/// with [`delete_session`]).
pub fn delete_child(id: &ChildId, key: &VaultKey) -> Result<(), StoreError> {
    ensure_key_is_current(key)?;
    WRITES.with(|writes| writes.borrow_mut().want(&child_key(id), Change::Delete, 0));
    flush();
    Ok(())
}

/// Removes a session completely from this device.
pub fn delete_session(id: &SessionId, key: &VaultKey) -> Result<(), StoreError> {
    ensure_key_is_current(key)?;
    let log = INK.with(|ink| ink.borrow_mut().superseded(id));
    WRITES.with(|writes| {
        let mut writes = writes.borrow_mut();
        writes.want(&session_key(id), Change::Delete, 0);
        for logged in &log {
            writes.want(logged, Change::Delete, 0);
        }
    });
    change_index(key, |index| index.remove(id));
    flush();
    Ok(())
}

/// Forgets the index (every child's name) at a lock; the next unlock reads it again.
pub fn forget_index() {
    INDEX.with(|index| *index.borrow_mut() = None);
}

/// A text the worker set in Settings (the agency, their name, the agency's phone); empty
/// when not set or while locked.
pub fn text_setting(setting: TextSetting) -> String {
    INDEX.with(|index| {
        index
            .borrow()
            .as_ref()
            .map(|index| index.text(setting).to_owned())
            .unwrap_or_default()
    })
}

/// Sets a text of Settings, sealed in the index.
pub fn set_text_setting(
    setting: TextSetting,
    text: &str,
    key: &VaultKey,
) -> Result<(), StoreError> {
    ensure_key_is_current(key)?;
    change_index(key, |index| index.set_text(setting, text));
    flush();
    Ok(())
}

/// Whether a tool opened from the session opens in child mode ("Open tools in child mode" in
/// Settings, on unless the worker turned it off). While locked nothing is known: on.
pub fn tools_open_in_child_mode() -> bool {
    INDEX.with(|index| {
        index
            .borrow()
            .as_ref()
            .is_none_or(|index| !index.tools_open_in_worker_mode)
    })
}

/// Turns "Open tools in child mode" on or off, sealed in the index.
pub fn set_tools_open_in_child_mode(on: bool, key: &VaultKey) -> Result<(), StoreError> {
    ensure_key_is_current(key)?;
    change_index(key, |index| {
        let changed = index.tools_open_in_worker_mode == on;
        index.tools_open_in_worker_mode = !on;
        changed
    });
    flush();
    Ok(())
}

/// How long after a closed case's last visit the worker is asked about deleting it.
pub fn retention_period() -> RetentionPeriod {
    INDEX.with(|index| {
        index
            .borrow()
            .as_ref()
            .and_then(|index| index.retention_months)
            .map_or(RetentionPeriod::DEFAULT, |months| RetentionPeriod {
                months,
            })
    })
}

/// Sets the retention period, sealed in the index (the default is not written).
pub fn set_retention_period(period: RetentionPeriod, key: &VaultKey) -> Result<(), StoreError> {
    ensure_key_is_current(key)?;
    change_index(key, |index| {
        let months = (period != RetentionPeriod::DEFAULT).then_some(period.months);
        let changed = index.retention_months != months;
        index.retention_months = months;
        changed
    });
    flush();
    Ok(())
}

/// Changes the index and, when that changed it, wants it written. Most saves are strokes
/// and words, which leave the index as it was.
fn change_index(key: &VaultKey, change: impl FnOnce(&mut Index) -> bool) {
    let sealed = INDEX.with(|index| {
        let mut index = index.borrow_mut();
        let index = index.get_or_insert_with(Index::default);
        change(index).then(|| seal(key, INDEX_KEY, &encode_index(index)))
    });
    if let Some(sealed) = sealed {
        WRITES.with(|writes| writes.borrow_mut().want(INDEX_KEY, Change::Put(sealed), 0));
    }
}

/// Seals every readable record anew under `key`'s own key (after a new records key: see
/// `VaultRecord::change_passphrase_and_key`), once every waiting write has landed. What
/// `key` opens only through the previous key is sealed anew; what cannot be opened at all
/// is left exactly as it is. The text inside, revision and all, does not change.
pub async fn reseal_all(key: &VaultKey) -> Result<(), StoreError> {
    flushed().await?;
    ensure_key_is_current(key)?;
    let stored = indexed::read_all().await?;
    WRITES.with(|writes| {
        let mut writes = writes.borrow_mut();
        for (storage_key, value) in &stored {
            let Some(bytes) = value.bytes() else {
                continue;
            };
            // A record saved meanwhile is sealed under the new key by its own write.
            if !writes.may_reseal(storage_key, bytes) {
                continue;
            }
            if let Ok(text) = open_bytes(key, storage_key, bytes) {
                let revision = writes.revision(storage_key);
                writes.knew(storage_key, Some(bytes), revision);
                let sealed = seal(key, storage_key, &text);
                writes.want(storage_key, Change::Put(sealed), revision);
            }
        }
    });
    flushed().await
}

/// Writes what waits, in one transaction at a time, in the background. Call after wanting a
/// write, and to try again after storage refused.
pub fn flush() {
    let busy = WRITES.with(|writes| {
        let writes = writes.borrow();
        writes.is_writing() || writes.is_idle()
    });
    if !busy {
        wasm_bindgen_futures::spawn_local(async {
            let _ = write_waiting().await;
        });
    }
}

/// Writes until nothing waits; returns how the last transaction went. A running
/// transaction is left to finish first.
pub async fn flushed() -> Result<(), StoreError> {
    loop {
        let (idle, writing) = WRITES.with(|writes| {
            let writes = writes.borrow();
            (writes.is_idle(), writes.is_writing())
        });
        if idle {
            return Ok(());
        }
        if writing {
            platform::sleep_ms(5).await;
        } else {
            write_waiting().await?;
        }
    }
}

/// For a page about to hand over (to another tab, or to a new version): waits until every
/// write has landed, or, where storage refuses, keeps what did not land in the journal the
/// next page replays.
pub async fn written_or_journaled() {
    if flushed().await.is_err() {
        keep_unwritten();
    }
}

/// One transaction after another while writes wait and storage takes them.
async fn write_waiting() -> Result<(), StoreError> {
    loop {
        let batch = WRITES.with(|writes| {
            let mut writes = writes.borrow_mut();
            (!writes.is_writing()).then(|| writes.start())
        });
        let Some(batch) = batch.filter(|batch| !batch.is_empty()) else {
            return Ok(());
        };
        let outcome = indexed::write(&batch).await;
        note_unlogged(&batch, outcome.as_ref().ok());
        let problem = match outcome {
            Ok(outcomes) => {
                let refused = outcomes
                    .iter()
                    .any(|(_, landed)| *landed == Landed::Refused);
                WRITES.with(|writes| writes.borrow_mut().finished(outcomes));
                refused.then_some(StoreError::Stale)
            }
            Err(problem) => {
                let outcomes = batch
                    .into_iter()
                    .map(|write| (write.key, Landed::NotWritten))
                    .collect();
                WRITES.with(|writes| writes.borrow_mut().finished(outcomes));
                Some(problem)
            }
        };
        let idle = WRITES.with(|writes| writes.borrow().is_idle());
        if idle {
            // Everything landed: the journal of an earlier page is written too.
            if let Ok(storage) = available_storage() {
                let _ = storage.remove_item(JOURNAL_KEY);
            }
        }
        WRITE_PROBLEM.with(|kept| *kept.borrow_mut() = problem.clone());
        if let Some(report) = REPORTER.with(|reporter| reporter.borrow().clone()) {
            report();
        }
        if let Some(problem) = problem {
            return Err(problem);
        }
    }
}

/// Notes the visits whose logged stroke of `batch` did not land (`outcomes` None: the
/// transaction failed). The write stays waiting; the visit's next save is a full one.
fn note_unlogged(batch: &[super::writes::Write], outcomes: Option<&Vec<(String, Landed)>>) {
    let landed = |key: &str| {
        outcomes.is_some_and(|outcomes| {
            outcomes
                .iter()
                .any(|(written, how)| written == key && *how == Landed::Written)
        })
    };
    for write in batch {
        if !matches!(write.change, Change::Put(_)) || landed(&write.key) {
            continue;
        }
        if let Some((id, _, _)) = ink_key_parts(&write.key) {
            UNLOGGED.with(|unlogged| unlogged.borrow_mut().insert(id));
        }
    }
}

/// Why the last write did not land (storage full, another tab's change); None when it did.
pub fn write_problem() -> Option<StoreError> {
    WRITE_PROBLEM.with(|kept| kept.borrow().clone())
}

/// Whether every write this tab asked for has landed.
pub fn all_written() -> bool {
    WRITES.with(|writes| writes.borrow().is_idle())
}

/// `report` is called after every transaction; read [`write_problem`] there.
pub fn on_write_finished(report: impl Fn() + 'static) {
    REPORTER.with(|reporter| *reporter.borrow_mut() = Some(Rc::new(report)));
}

/// Keeps every write that has not landed in the journal, synchronously: for the moment the
/// page is hidden or closed, when a transaction may never finish. Replayed at next unlock.
pub fn keep_unwritten() {
    let entries = WRITES.with(|writes| writes.borrow().journal());
    if entries.is_empty() {
        return;
    }
    if let Err(problem) = available_storage().and_then(|storage| {
        storage
            .set_item(JOURNAL_KEY, &encode_journal(&entries))
            .map_err(|_| StoreError::Full)
    }) {
        web_sys::console::warn_1(
            &format!("Hear Me could not keep the journal: {problem:?}").into(),
        );
    }
}

/// How full Hear Me's storage is, as the browser reports it, and how much of it the
/// sessions take (as this tab knows them since unlocking: nothing is read again). None when
/// the browser gives no storage. The quota is unknown where the browser does not say
/// (WebKit).
pub async fn room() -> Option<super::room::Room> {
    available_storage().ok()?;
    let (sessions, records_size, logged_size) = WRITES.with(|writes| {
        let writes = writes.borrow();
        let (sessions, size) =
            writes.stored_sizes(|storage_key| session_id_from_key(storage_key).is_some());
        // The strokes logged since each visit's last full save are the visits' too.
        let (_, logged) = writes.stored_sizes(|storage_key| ink_key_parts(storage_key).is_some());
        (sessions, size, logged)
    });
    let sessions_size = records_size + logged_size;
    let estimate = platform::storage_estimate().await;
    Some(super::room::Room {
        used: estimate.map_or(sessions_size, |(usage, _)| usage),
        quota: estimate.map(|(_, quota)| quota),
        sessions,
        sessions_size,
    })
}

/// Removes everything Hear Me stored on this device: every session, the index, the journal,
/// the vault and the device state. Other sites' and apps' data is not touched.
pub async fn wipe() -> Result<(), StoreError> {
    let storage = available_storage()?;
    WRITES.with(|writes| writes.borrow_mut().clear());
    INK.with(|ink| ink.borrow_mut().clear());
    UNLOGGED.with(|unlogged| unlogged.borrow_mut().clear());
    INDEX.with(|index| *index.borrow_mut() = None);
    indexed::clear().await?;
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

fn write_local(key: &str, encoded: String) -> Result<(), StoreError> {
    let raw = RawValue::from_string(encoded)
        .map_err(|error| StoreError::Failed(format!("{key}: {}", serde_fault(&error))))?;
    LocalStorage::set(key, raw).map_err(|error| match error {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => StoreError::Full,
        StorageError::SerdeError(error) => {
            StoreError::Failed(format!("{key}: {}", serde_fault(&error)))
        }
        other => StoreError::Failed(format!("{key}: {other}")),
    })
}

/// Seals `text` for `storage_key` under a fresh random nonce.
fn seal(key: &VaultKey, storage_key: &str, text: &str) -> Vec<u8> {
    key.seal_bytes(storage_key, text.as_bytes(), platform::random_bytes())
}

/// The text of a record sealed with `key`. Anything else is refused: after set-up nothing
/// this tablet wrote is plain, and a newer Hear Me's seal is not this version's to open.
fn open_bytes(key: &VaultKey, storage_key: &str, bytes: &[u8]) -> Result<String, RecordError> {
    if is_sealed_unknown_bytes(bytes) {
        return Err(RecordError::UnknownSeal);
    }
    if !is_sealed_bytes(bytes) {
        return Err(RecordError::NotSealed);
    }
    key.open_bytes(storage_key, bytes)
        .map_err(|error| RecordError::Corrupt(format!("the sealed record: {error}")))
        .and_then(|bytes| {
            String::from_utf8(bytes)
                .map_err(|_| RecordError::Corrupt("the sealed record is not text".into()))
        })
}

fn read_raw(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

/// Sessions an earlier Hear Me kept in localStorage.
fn legacy_session_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| session_id_from_key(key).is_some())
        .collect()
}
