//! A backup: every session in one file, sealed under a key from a backup passphrase the
//! worker chooses, to keep a tablet's work or move it to another tablet; and the merge of a
//! read backup into the sessions a tablet holds, which never overwrites one of them.
//!
//! Pure, like `vault`: the salt and nonces come from the caller (the browser's
//! `crypto.getRandomValues`), and reading never panics on any file.
//!
//! The file is binary, with two text lines in front so that anyone opening it sees what it
//! is. Binary because the seals can then bind the exact bytes of the file (JSON can spell
//! one value in several ways, with spaces or escapes), and because base64 around the sealed
//! sessions would add a third to the largest file the app writes. In order:
//!
//! 1. `hear-me-backup 1\n`: what the file is and its format version.
//! 2. A JSON line, `{"app_version":"0.1.0","kdf":{...}}\n`: the Hear Me that made it and
//!    the Argon2id parameters with their salt. Nothing about any child.
//! 3. The check value: a known text sealed with AES-256-GCM (`VaultKey::seal_bytes`, so
//!    `hm1.`, nonce, ciphertext, tag), [`CHECK_SEALED_BYTES`] long. It opens only with the
//!    right passphrase, which tells a wrong passphrase apart from a damaged file.
//! 4. The sessions, sealed, bound to lines 1 and 2 so neither can be changed unnoticed:
//!    JSON `{"made_at_ms":..,"sessions":[<session record>, ...]}`, each session as its stored
//!    record (`store::record`, with its own schema version, so older ones migrate on restore).
//! 5. CRC-32 of everything before it, big-endian: damage anywhere is found before any key is
//!    derived, and called damage, not a wrong passphrase. The seals protect against changes
//!    on purpose; the CRC only names accidents correctly.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::record::{decode_session, encode_session, RecordError};
use super::vault::{
    check_new_passphrase, derive_key, DerivedKey, KdfParams, VaultError, VaultKey, NONCE_BYTES,
};
use crate::core::restored::backup_version;
use crate::core::{Restore, Session, SessionId};

/// The format version this app writes and reads; a newer one is refused as from the future.
pub const BACKUP_FORMAT_VERSION: u32 = 1;
/// The start of every backup, before its format version.
const MAGIC: &[u8] = b"hear-me-backup ";
/// What the check value holds, and what its seal and the sessions' are bound to.
const CHECK_TEXT: &[u8] = b"Hear Me backup";
const CHECK_AAD: &str = "hear-me-backup/check";
const SESSIONS_AAD: &str = "hear-me-backup/sessions";
/// A sealed value's length beyond its plaintext: `hm1.`, the nonce and the GCM tag.
const SEAL_OVERHEAD: usize = 4 + NONCE_BYTES + 16;
/// The length of the sealed check value in every version-1 file.
pub const CHECK_SEALED_BYTES: usize = SEAL_OVERHEAD + CHECK_TEXT.len();
const CRC_BYTES: usize = 4;

/// Randomness the browser draws for each backup: a nonce for the check value and one for the
/// sessions. (The salt comes in the [`KdfParams`].)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupRandom {
    pub check_nonce: [u8; NONCE_BYTES],
    pub sessions_nonce: [u8; NONCE_BYTES],
}

/// Why a backup could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MakeBackupError {
    /// The backup passphrase is shorter than the vault's minimum.
    PassphraseTooShort,
    /// The backup passphrase is one of the most common ones.
    PassphraseTooCommon,
    /// Argon2id parameters weaker than the minimum, or malformed.
    BadParameters,
    /// The two nonces were the same: the randomness failed, and one nonce used twice under
    /// one key would give the seal away.
    NoncesRepeat,
}

impl std::fmt::Display for MakeBackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MakeBackupError::PassphraseTooShort => "the backup passphrase is too short",
            MakeBackupError::PassphraseTooCommon => {
                "the backup passphrase is one of the most common ones"
            }
            MakeBackupError::BadParameters => "the key parameters are not acceptable",
            MakeBackupError::NoncesRepeat => "the random numbers repeat",
        })
    }
}

/// Why a backup could not be read. Each has its own message for the worker; in every case
/// nothing was read into the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackupError {
    /// Not a Hear Me backup at all: another file was chosen.
    NotABackup,
    /// A backup in a newer format (its version): this Hear Me must be updated to read it.
    FromTheFuture(u32),
    /// A backup this format can read, holding sessions written by a newer Hear Me (their
    /// schema version): this Hear Me must be updated to read them.
    SessionsFromTheFuture(u32),
    /// The passphrase does not open the check value.
    WrongPassphrase,
    /// Changed or cut: the passphrase may be right, but the file cannot be trusted.
    Damaged,
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupError::NotABackup => f.write_str("the file is not a Hear Me backup"),
            BackupError::FromTheFuture(version) => write!(
                f,
                "the backup has format version {version}, newer than this app can read"
            ),
            BackupError::SessionsFromTheFuture(version) => write!(
                f,
                "the backup holds sessions of schema version {version}, too new for this app"
            ),
            BackupError::WrongPassphrase => f.write_str("the passphrase does not open the backup"),
            BackupError::Damaged => f.write_str("the backup is damaged"),
        }
    }
}

/// What a backup holds, every part of it checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// Milliseconds since the Unix epoch.
    pub made_at_ms: u64,
    /// The version of the Hear Me that made it.
    pub app_version: String,
    /// As they were when the backup was made, read as today's sessions.
    pub sessions: Vec<Session>,
}

/// The largest file Restore reads, in bytes (200 MB): far more than a tablet's sessions
/// fill, and small enough that reading it cannot exhaust a tablet's memory. A larger file
/// is refused before any of it is read.
pub const MAX_BACKUP_FILE_BYTES: u64 = 200 * 1000 * 1000;

impl Backup {
    /// The mark each of its sessions gets when restored at `at_ms`: when and by which
    /// version the backup says it was made (a version no Hear Me writes is not repeated).
    pub fn restore_mark(&self, at_ms: u64) -> Restore {
        Restore {
            at_ms,
            backup_made_at_ms: Some(self.made_at_ms),
            backup_app_version: backup_version(&self.app_version),
            beside_own_copy: false,
        }
    }
}

/// Days with new work and no backup after which the worker is reminded to make one.
pub const REMIND_AFTER_DAYS: u64 = 14;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// Whether to remind the worker to make a backup: some session changed after the last
/// backup (or there never was one), and that backup, or without one the oldest change not
/// in any backup, is at least [`REMIND_AFTER_DAYS`] old. `updated` are the sessions' last
/// changes, milliseconds since the Unix epoch.
pub fn backup_reminder_due(
    last_backup_ms: Option<u64>,
    updated: impl IntoIterator<Item = u64>,
    now_ms: u64,
) -> bool {
    let since = last_backup_ms.unwrap_or(0);
    let Some(oldest_new_work) = updated.into_iter().filter(|&at| at > since).min() else {
        return false;
    };
    let waiting_since = last_backup_ms.unwrap_or(oldest_new_work);
    now_ms.saturating_sub(waiting_since) >= REMIND_AFTER_DAYS * DAY_MS
}

/// The file name a backup is downloaded as: a date, and no child's name.
pub fn backup_file_name(date: &str) -> String {
    format!("hear-me-backup-{date}.hearme")
}

/// Line 2 of the file.
#[derive(Serialize, Deserialize)]
struct Header {
    app_version: String,
    kdf: KdfParams,
}

#[derive(Serialize)]
struct SessionsOut {
    made_at_ms: u64,
    sessions: Vec<Box<RawValue>>,
    /// The records of the sessions' children (issue 25), each as stored; absent in backups
    /// from before children, which restore into children as the migration makes them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    children: Vec<Box<RawValue>>,
}

#[derive(Deserialize)]
struct SessionsIn<'a> {
    made_at_ms: u64,
    #[serde(borrow)]
    sessions: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    children: Vec<&'a RawValue>,
}

/// Checks a new backup passphrase: the same rules as the vault's, but its own. Before any
/// key is derived.
pub fn check_backup_passphrase(passphrase: &str) -> Result<(), MakeBackupError> {
    check_new_passphrase(passphrase).map_err(|error| match error {
        VaultError::PassphraseTooCommon => MakeBackupError::PassphraseTooCommon,
        _ => MakeBackupError::PassphraseTooShort,
    })
}

/// Makes a backup of `sessions` under a key from `passphrase`, derived here: for native
/// tools and tests (the app derives the key in its Web Worker and calls
/// [`make_backup_with_key`]). `params` are normally [`KdfParams::recommended`] with a fresh
/// random salt.
pub fn make_backup(
    sessions: &[Session],
    passphrase: &str,
    params: KdfParams,
    random: &BackupRandom,
    made_at_ms: u64,
    app_version: &str,
) -> Result<Vec<u8>, MakeBackupError> {
    check_backup_passphrase(passphrase)?;
    let key = derive_key(passphrase, &params).map_err(|_| MakeBackupError::BadParameters)?;
    make_backup_with_key(
        sessions,
        DerivedKey { key, params },
        random,
        made_at_ms,
        app_version,
    )
}

/// Makes a backup of `sessions` under the key of a backup passphrase that
/// [`check_backup_passphrase`] accepted.
pub fn make_backup_with_key(
    sessions: &[Session],
    key: DerivedKey,
    random: &BackupRandom,
    made_at_ms: u64,
    app_version: &str,
) -> Result<Vec<u8>, MakeBackupError> {
    let records = sessions.iter().map(encode_session).collect::<Vec<_>>();
    seal_records(&records, key, random, made_at_ms, app_version)
}

/// Writes the file around session records already encoded: the app encodes them on the
/// page a few at a time and seals them in its Web Worker (tests give records of other
/// versions here).
pub fn seal_records(
    records: &[String],
    key: DerivedKey,
    random: &BackupRandom,
    made_at_ms: u64,
    app_version: &str,
) -> Result<Vec<u8>, MakeBackupError> {
    seal_records_with_children(records, &[], key, random, made_at_ms, app_version)
}

/// [`seal_records`] with the records of the sessions' children (see `store::record`'s
/// `encode_child`).
pub fn seal_records_with_children(
    records: &[String],
    children: &[String],
    key: DerivedKey,
    random: &BackupRandom,
    made_at_ms: u64,
    app_version: &str,
) -> Result<Vec<u8>, MakeBackupError> {
    if random.check_nonce == random.sessions_nonce {
        return Err(MakeBackupError::NoncesRepeat);
    }
    let DerivedKey { key, params } = key;
    if !params.acceptable() {
        return Err(MakeBackupError::BadParameters);
    }
    let version_line = format!("hear-me-backup {BACKUP_FORMAT_VERSION}\n");
    let header = serde_json::to_string(&Header {
        app_version: app_version.to_owned(),
        kdf: params,
    })
    .expect("a header always serialises");
    let sessions = SessionsOut {
        made_at_ms,
        sessions: records
            .iter()
            .map(|record| RawValue::from_string(record.clone()))
            .collect::<Result<_, _>>()
            .expect("a session record is always JSON"),
        children: children
            .iter()
            .map(|record| RawValue::from_string(record.clone()))
            .collect::<Result<_, _>>()
            .expect("a child record is always JSON"),
    };
    let plaintext = serde_json::to_vec(&sessions).expect("sessions always serialise");
    let mut file = Vec::with_capacity(plaintext.len() + header.len() + 128);
    file.extend_from_slice(version_line.as_bytes());
    file.extend_from_slice(header.as_bytes());
    file.push(b'\n');
    file.extend(key.seal_bytes(CHECK_AAD, CHECK_TEXT, random.check_nonce));
    let aad = sessions_aad(&version_line, &header);
    file.extend(key.seal_bytes(&aad, &plaintext, random.sessions_nonce));
    let crc = crc32(&file);
    file.extend_from_slice(&crc.to_be_bytes());
    Ok(file)
}

/// What the sealed sessions are bound to: the two text lines, exactly as in the file.
fn sessions_aad(version_line: &str, header: &str) -> String {
    format!("{SESSIONS_AAD}\n{version_line}{header}")
}

/// Reads and checks a whole backup: its format, its CRC, the passphrase, the seal and every
/// session in it. Only an Ok may be written anywhere; it never panics, whatever the file.
/// Derives the key here: for native tools and tests (the app asks [`backup_kdf`], derives
/// the key in its Web Worker and calls [`open_backup`]).
pub fn read_backup(file: &[u8], passphrase: &str) -> Result<Backup, BackupError> {
    let params = backup_kdf(file)?;
    let key = derive_key(passphrase, &params).map_err(|_| BackupError::Damaged)?;
    open_backup(file, &key)
}

/// The Argon2id parameters a backup's key is derived with, after every check that needs no
/// key (its format, its CRC, costs this version could have written): a damaged or crafted
/// file is refused at once, before any key is derived.
pub fn backup_kdf(file: &[u8]) -> Result<KdfParams, BackupError> {
    let parts = parts(file)?;
    if !parts.header.kdf.acceptable() {
        return Err(BackupError::Damaged);
    }
    Ok(parts.header.kdf)
}

/// A backup's parts, before any key.
struct Parts<'a> {
    version_line: &'a [u8],
    header_text: &'a str,
    header: Header,
    check: &'a [u8],
    sealed_sessions: &'a [u8],
}

/// Reads and checks a whole backup with the key derived from its passphrase with
/// [`backup_kdf`]'s parameters, as [`read_backup`] does.
pub fn open_backup(file: &[u8], key: &VaultKey) -> Result<Backup, BackupError> {
    let opened = unseal_backup(file, key)?;
    let sessions = opened
        .records
        .iter()
        .map(|record| decode_backup_session(record))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Backup {
        made_at_ms: opened.made_at_ms,
        app_version: opened.app_version,
        sessions,
    })
}

/// A backup whose seals are checked and opened, its sessions still as their stored records:
/// the app opens the seal in its Web Worker (one AES-GCM over the whole file) and decodes
/// the sessions on the page a few at a time with [`decode_backup_session`], so the page
/// answers between them. Only when every one decodes may any be written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsealedBackup {
    pub made_at_ms: u64,
    pub app_version: String,
    /// Each session's record (JSON, of its own schema version).
    pub records: Vec<String>,
    /// Each child's record; empty in a backup from before children.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
}

/// The first part of [`open_backup`]: the passphrase's check, the seal and the list of
/// sessions, without decoding them.
pub fn unseal_backup(file: &[u8], key: &VaultKey) -> Result<UnsealedBackup, BackupError> {
    let Parts {
        version_line,
        header_text,
        header: parsed,
        check,
        sealed_sessions,
    } = parts(file)?;
    match key.open_bytes(CHECK_AAD, check) {
        Ok(text) if text == CHECK_TEXT => {}
        Err(VaultError::WrongKeyOrTampered) => return Err(BackupError::WrongPassphrase),
        Ok(_) | Err(_) => return Err(BackupError::Damaged),
    }
    let version_line = std::str::from_utf8(version_line).map_err(|_| BackupError::Damaged)?;
    let plaintext = key
        .open_bytes(&sessions_aad(version_line, header_text), sealed_sessions)
        .map_err(|_| BackupError::Damaged)?;
    let stored: SessionsIn =
        serde_json::from_slice(&plaintext).map_err(|_| BackupError::Damaged)?;
    Ok(UnsealedBackup {
        made_at_ms: stored.made_at_ms,
        app_version: parsed.app_version,
        records: stored
            .sessions
            .iter()
            .map(|record| record.get().to_owned())
            .collect(),
        children: stored
            .children
            .iter()
            .map(|record| record.get().to_owned())
            .collect(),
    })
}

/// One session of an [`UnsealedBackup`], read as today's session.
pub fn decode_backup_session(record: &str) -> Result<Session, BackupError> {
    match decode_session(record) {
        // An empty id could not be stored as a session of its own.
        Ok(session) if !session.id.as_str().is_empty() => Ok(session),
        Err(RecordError::FromTheFuture(version)) => {
            Err(BackupError::SessionsFromTheFuture(version))
        }
        Ok(_) | Err(_) => Err(BackupError::Damaged),
    }
}

/// The parts of a backup after the checks that need no key: its format and its CRC.
fn parts(file: &[u8]) -> Result<Parts<'_>, BackupError> {
    let after_magic = file.strip_prefix(MAGIC).ok_or(BackupError::NotABackup)?;
    let (version, _) = split_line(after_magic).ok_or(BackupError::Damaged)?;
    match read_version(version).ok_or(BackupError::Damaged)? {
        BACKUP_FORMAT_VERSION => {}
        0 => return Err(BackupError::Damaged),
        newer => return Err(BackupError::FromTheFuture(newer)),
    }
    let version_line_len = MAGIC.len() + version.len() + 1;
    // A file too short to hold its CRC after the version line is cut, whatever its last
    // bytes say.
    let body_len = file
        .len()
        .checked_sub(CRC_BYTES)
        .filter(|&len| len >= version_line_len)
        .ok_or(BackupError::Damaged)?;
    let (body, crc) = file.split_at(body_len);
    if crc32(body).to_be_bytes() != crc {
        return Err(BackupError::Damaged);
    }

    let (version_line, rest) = body.split_at(version_line_len);
    let (header, rest) = split_line(rest).ok_or(BackupError::Damaged)?;
    let header_text = std::str::from_utf8(header).map_err(|_| BackupError::Damaged)?;
    let header: Header = serde_json::from_str(header_text).map_err(|_| BackupError::Damaged)?;
    if rest.len() < CHECK_SEALED_BYTES {
        return Err(BackupError::Damaged);
    }
    let (check, sealed_sessions) = rest.split_at(CHECK_SEALED_BYTES);
    Ok(Parts {
        version_line,
        header_text,
        header,
        check,
        sealed_sessions,
    })
}

/// The bytes before the first newline, and those after it; None without a newline.
fn split_line(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = bytes.iter().position(|&byte| byte == b'\n')?;
    Some((&bytes[..end], &bytes[end + 1..]))
}

/// A format version as written: decimal digits without a leading zero, so each version is
/// spelled one way. A number too large for u32 reads as u32::MAX (still from the future).
fn read_version(digits: &[u8]) -> Option<u32> {
    let canonical = match digits {
        [b'0'] => true,
        [b'0', ..] | [] => false,
        _ => digits.iter().all(u8::is_ascii_digit),
    };
    if !canonical {
        return None;
    }
    Some(digits.iter().fold(0u32, |version, &digit| {
        version
            .saturating_mul(10)
            .saturating_add(u32::from(digit - b'0'))
    }))
}

/// CRC-32 (IEEE 802.3, as in zip and PNG) of `bytes`.
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &byte| {
        CRC_TABLE[usize::from(crc as u8 ^ byte)] ^ (crc >> 8)
    })
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut index = 0;
    while index < 256 {
        let mut crc = index as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                0xEDB8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[index] = crc;
        index += 1;
    }
    table
};

/// A session as the restore report names it: the child and the day, never more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    pub child_name: String,
    /// `YYYY-MM-DD`, the day of the conversation.
    pub date: String,
}

impl ReportLine {
    fn of(session: &Session) -> ReportLine {
        ReportLine {
            child_name: session.child.name.clone(),
            date: session.date.clone(),
        }
    }
}

/// What restoring a backup does to the tablet, and the report for the worker. Each list is
/// in the backup's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    /// The sessions to write: those the tablet did not have, and the backup's copies of
    /// those kept twice under their new ids. Never one of the tablet's ids otherwise.
    pub add: Vec<Session>,
    /// Sessions the tablet did not have, added as they are.
    pub added: Vec<ReportLine>,
    /// Sessions the tablet already has exactly as in the backup.
    pub skipped: Vec<ReportLine>,
    /// Sessions the tablet has in another form: the tablet's stays untouched, and the
    /// backup's is added beside it, its restore mark saying so.
    pub kept_twice: Vec<ReportLine>,
}

/// Merges the sessions of a backup into those on the tablet, by id: a session the tablet
/// does not have is added; one it has the same is skipped; one it has otherwise is kept
/// twice, the backup's under an id from `new_id`. Every session added carries `restore`
/// (when, and what the backup says of itself; a copy kept twice also says so), after any
/// marks it brought along, so no restored session looks like one made here. A copy
/// restored before, equal but for its id and marks, is the same session, so restoring one
/// backup twice adds nothing the second time.
///
/// `unreadable` are the ids of records the tablet holds but cannot read (damaged, newer,
/// kept apart): such a record is never written over, so a backup's session of that id is
/// kept twice too.
pub fn merge(
    on_tablet: &[Session],
    unreadable: &[SessionId],
    from_backup: Vec<Session>,
    restore: &Restore,
    mut new_id: impl FnMut() -> SessionId,
) -> Merge {
    let mut merge = Merge::default();
    for session in from_backup {
        let line = ReportLine::of(&session);
        let known = || on_tablet.iter().chain(&merge.add);
        let same_id = known().find(|known| known.id == session.id);
        if same_id.is_none() && !unreadable.contains(&session.id) {
            let mut session = session;
            session.restores.push(restore.clone());
            merge.add.push(session);
            merge.added.push(line);
            continue;
        }
        if same_id == Some(&session) || known().any(|known| same_but_id_and_mark(known, &session)) {
            merge.skipped.push(line);
            continue;
        }
        let taken =
            |id: &SessionId| unreadable.contains(id) || known().any(|known| &known.id == id);
        let id = unused_id(new_id(), taken);
        let mut copy = session;
        copy.id = id;
        copy.restores.push(Restore {
            beside_own_copy: true,
            ..restore.clone()
        });
        merge.add.push(copy);
        merge.kept_twice.push(line);
    }
    merge
}

/// Whether two sessions are the same apart from their ids and restore marks (old and new).
fn same_but_id_and_mark(a: &Session, b: &Session) -> bool {
    // Cheap fields first: the full comparison clones a session.
    if (a.created_at, a.updated_at, &a.child.name) != (b.created_at, b.updated_at, &b.child.name) {
        return false;
    }
    let mut a = a.clone();
    a.id = b.id;
    a.restored_from_backup_on = b.restored_from_backup_on.clone();
    a.restores = b.restores.clone();
    a == *b
}

/// `id`, or, should it be taken already, `id` with a number after it that is not: a
/// record of the tablet is never overwritten, whatever `new_id` gives.
fn unused_id(id: SessionId, taken: impl Fn(&SessionId) -> bool) -> SessionId {
    let mut candidate = id;
    let mut number = 2;
    while taken(&candidate) {
        candidate = SessionId::from(format!("{id}-{number}").as_str());
        number += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reminder_comes_after_fourteen_days_of_new_work_without_a_backup() {
        let day = DAY_MS;
        let now = 100 * day;
        // No work at all: nothing to back up.
        assert!(!backup_reminder_due(None, [], now));
        // Work from 13 days ago, never backed up: not yet; from 14 days ago: now.
        assert!(!backup_reminder_due(None, [now - 13 * day], now));
        assert!(backup_reminder_due(None, [now - 14 * day, now - day], now));
        // A backup 20 days ago and work since: remind. Nothing new since: no.
        assert!(backup_reminder_due(Some(now - 20 * day), [now - day], now));
        assert!(!backup_reminder_due(
            Some(now - 20 * day),
            [now - 21 * day],
            now
        ));
        // A backup 3 days ago, work since: not yet.
        assert!(!backup_reminder_due(Some(now - 3 * day), [now - day], now));
    }
    use crate::core::{NewSession, Question, Tool, Voice, Words};
    use crate::store::vault::{MIN_ITERATIONS, MIN_MEMORY_KIB, SALT_BYTES};

    /// The key of the tests' backup passphrase, as the Web Worker derives it.
    fn derived(params: KdfParams) -> DerivedKey {
        DerivedKey {
            key: derive_key(PASSPHRASE, &params).unwrap(),
            params,
        }
    }

    fn cheap(salt: u8) -> KdfParams {
        KdfParams {
            memory_kib: MIN_MEMORY_KIB,
            iterations: MIN_ITERATIONS,
            ..KdfParams::recommended([salt; SALT_BYTES])
        }
    }

    fn random() -> BackupRandom {
        BackupRandom {
            check_nonce: [1; NONCE_BYTES],
            sessions_nonce: [2; NONCE_BYTES],
        }
    }

    fn session(name: &str, random: u32, words: &str) -> Session {
        let form = NewSession {
            child_name: name.into(),
            age: "7".into(),
            worker_name: "Sam".into(),
            date: "2026-11-26".into(),
        };
        let mut session = Session::start(&form, SessionId::new(1000, random), 1000).unwrap();
        session.add_words(
            Tool::ThreeHouses,
            Question::Worries,
            Words {
                text: words.into(),
                voice: Voice::ChildWrote,
            },
            2000,
        );
        session
    }

    const PASSPHRASE: &str = "Apfelbaum am Fluss";

    #[test]
    fn a_backup_reads_back_exactly_and_names_no_child_in_clear() {
        let sessions = [
            session("Mia Zauberwald", 1, "Ich hab Angst vor dem Gewitter"),
            session("Jonas", 2, "my dog Bello"),
        ];
        let file = make_backup(&sessions, PASSPHRASE, cheap(5), &random(), 42, "0.1.0").unwrap();
        assert!(file.starts_with(b"hear-me-backup 1\n{\"app_version\":\"0.1.0\",\"kdf\":{"));
        for secret in ["Mia", "Zauberwald", "Gewitter", "Jonas", "Bello", "Sam"] {
            assert!(
                !file
                    .windows(secret.len())
                    .any(|window| window == secret.as_bytes()),
                "{secret} is in the file"
            );
        }
        let backup = read_backup(&file, PASSPHRASE).unwrap();
        assert_eq!(
            backup,
            Backup {
                made_at_ms: 42,
                app_version: "0.1.0".into(),
                sessions: sessions.to_vec(),
            }
        );
    }

    #[test]
    fn a_backup_passphrase_follows_the_vaults_rules() {
        let make =
            |passphrase| make_backup(&[], passphrase, cheap(5), &random(), 0, "0.1.0").map(|_| ());
        assert_eq!(make("short"), Err(MakeBackupError::PassphraseTooShort));
        assert_eq!(
            make("Passwort123"),
            Err(MakeBackupError::PassphraseTooCommon)
        );
        let weak = KdfParams {
            iterations: 1,
            ..cheap(5)
        };
        assert_eq!(
            make_backup(&[], PASSPHRASE, weak, &random(), 0, "0.1.0").map(|_| ()),
            Err(MakeBackupError::BadParameters)
        );
        let repeating = BackupRandom {
            check_nonce: [7; NONCE_BYTES],
            sessions_nonce: [7; NONCE_BYTES],
        };
        assert_eq!(
            make_backup(&[], PASSPHRASE, cheap(5), &repeating, 0, "0.1.0").map(|_| ()),
            Err(MakeBackupError::NoncesRepeat)
        );
    }

    #[test]
    fn a_wrong_passphrase_is_told_apart_from_damage() {
        let file = make_backup(
            &[session("Mia", 1, "x")],
            PASSPHRASE,
            cheap(5),
            &random(),
            0,
            "0.1.0",
        )
        .unwrap();
        assert_eq!(
            read_backup(&file, "Apfelbaum am FlusS"),
            Err(BackupError::WrongPassphrase)
        );
        // A byte of the sealed sessions changed on purpose, with the CRC made to fit: the
        // check opens, the sessions do not.
        let mut changed = file.clone();
        let at = changed.len() - CRC_BYTES - 20;
        changed[at] ^= 1;
        refit_crc(&mut changed);
        assert_eq!(read_backup(&changed, PASSPHRASE), Err(BackupError::Damaged));
        // And the app version in the clear header: bound to the sessions' seal.
        let mut changed = file;
        let at = changed.windows(5).position(|w| w == b"0.1.0").unwrap();
        changed[at + 4] = b'9';
        refit_crc(&mut changed);
        assert_eq!(read_backup(&changed, PASSPHRASE), Err(BackupError::Damaged));
    }

    fn refit_crc(file: &mut [u8]) {
        let body = file.len() - CRC_BYTES;
        let crc = crc32(&file[..body]);
        file[body..].copy_from_slice(&crc.to_be_bytes());
    }

    #[test]
    fn unsealed_then_decoded_one_by_one_is_the_whole_backup() {
        let sessions = [session("Mia", 1, "Gewitter"), session("Jonas", 2, "Bello")];
        let file = make_backup(&sessions, PASSPHRASE, cheap(5), &random(), 42, "0.1.0").unwrap();
        let key = derive_key(PASSPHRASE, &backup_kdf(&file).unwrap()).unwrap();
        let unsealed = unseal_backup(&file, &key).unwrap();
        assert_eq!(
            (unsealed.made_at_ms, unsealed.app_version.as_str()),
            (42, "0.1.0")
        );
        let decoded = unsealed
            .records
            .iter()
            .map(|record| decode_backup_session(record).unwrap())
            .collect::<Vec<_>>();
        assert_eq!(decoded, sessions.to_vec());
        assert_eq!(open_backup(&file, &key).unwrap().sessions, decoded);
        // The checks of the whole stay in the first step: a wrong key opens nothing.
        let wrong = derive_key("Apfelbaum am FlusS", &backup_kdf(&file).unwrap()).unwrap();
        assert_eq!(
            unseal_backup(&file, &wrong),
            Err(BackupError::WrongPassphrase)
        );
        // A record that is not a session is damage, one newer than this app is said so.
        assert_eq!(
            decode_backup_session("{\"schema\":5}"),
            Err(BackupError::Damaged)
        );
        let newer = encode_session(&sessions[0]).replacen(
            &format!("\"schema\":{}", crate::store::SCHEMA_VERSION),
            "\"schema\":99",
            1,
        );
        assert_eq!(
            decode_backup_session(&newer),
            Err(BackupError::SessionsFromTheFuture(99))
        );
    }

    #[test]
    fn older_sessions_in_a_backup_are_read_as_todays() {
        let v1 = include_str!("../../tests/fixtures/session-v1.json").to_owned();
        let file = seal_records(&[v1], derived(cheap(5)), &random(), 0, "0.0.1").unwrap();
        let backup = read_backup(&file, PASSPHRASE).unwrap();
        assert_eq!(backup.sessions[0].child.name, "Mia");
        assert_eq!(backup.sessions[0].entries(Question::Worries).len(), 2);
    }

    #[test]
    fn sessions_of_a_newer_schema_are_from_the_future_not_damaged() {
        let newer = encode_session(&session("Mia", 1, "x")).replacen(
            &format!("\"schema\":{}", crate::store::SCHEMA_VERSION),
            "\"schema\":99",
            1,
        );
        let file = seal_records(&[newer], derived(cheap(5)), &random(), 0, "9.0.0").unwrap();
        assert_eq!(
            read_backup(&file, PASSPHRASE),
            Err(BackupError::SessionsFromTheFuture(99))
        );
        // A session record that is not one is damage.
        let file = seal_records(
            &["{\"schema\":5}".to_owned()],
            derived(cheap(5)),
            &random(),
            0,
            "0.1.0",
        )
        .unwrap();
        assert_eq!(read_backup(&file, PASSPHRASE), Err(BackupError::Damaged));
    }

    #[test]
    fn the_format_version_is_read_strictly() {
        assert_eq!(read_version(b"1"), Some(1));
        assert_eq!(read_version(b"0"), Some(0));
        assert_eq!(read_version(b"12"), Some(12));
        assert_eq!(read_version(b"99999999999"), Some(u32::MAX));
        for bad in [&b""[..], b"01", b"1 ", b"x", b"-1", b"+1"] {
            assert_eq!(read_version(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_crc_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_file_name_names_no_child() {
        assert_eq!(
            backup_file_name("2026-11-30"),
            "hear-me-backup-2026-11-30.hearme"
        );
    }

    #[test]
    fn a_new_id_that_is_taken_gets_a_number() {
        let taken = |id: &SessionId| ["a", "a-2", "b"].contains(&id.as_str());
        assert_eq!(
            unused_id(SessionId::from("a"), taken),
            SessionId::from("a-3")
        );
        assert_eq!(unused_id(SessionId::from("c"), taken), SessionId::from("c"));
    }

    #[test]
    fn a_record_the_tablet_cannot_read_is_never_written_over() {
        let from_backup = session("Mia", 1, "x");
        let merged = merge(
            &[],
            std::slice::from_ref(&from_backup.id),
            vec![from_backup.clone()],
            &mark(),
            || from_backup.id,
        );
        assert_eq!(merged.kept_twice, [ReportLine::of(&from_backup)]);
        assert_eq!(merged.add.len(), 1);
        assert_eq!(
            merged.add[0].id,
            SessionId::from(format!("{}-2", from_backup.id).as_str())
        );
    }

    /// A restore on 30 November 2026 of a backup that says 0.1.0 made it the day before.
    fn mark() -> Restore {
        Backup {
            made_at_ms: 1_764_400_000_000,
            app_version: "0.1.0".into(),
            sessions: Vec::new(),
        }
        .restore_mark(1_764_500_000_000)
    }

    #[test]
    fn the_restore_mark_is_what_the_backup_says_of_itself() {
        assert_eq!(
            mark(),
            Restore {
                at_ms: 1_764_500_000_000,
                backup_made_at_ms: Some(1_764_400_000_000),
                backup_app_version: Some("0.1.0".into()),
                beside_own_copy: false,
            }
        );
        // A crafted header's "version" is not repeated as one.
        let crafted = Backup {
            made_at_ms: 1,
            app_version: "<b>trusted</b>".into(),
            sessions: Vec::new(),
        };
        assert_eq!(crafted.restore_mark(2).backup_app_version, None);
    }

    #[test]
    fn merging_adds_skips_and_keeps_twice() {
        let same = session("Mia", 1, "the same");
        let mut on_tablet_changed = session("Ben", 2, "before");
        let only_in_backup = session("Zoë", 3, "new here");
        let mut backup_changed = on_tablet_changed.clone();
        backup_changed.set_reflection("written on the other tablet", 5000);
        on_tablet_changed.set_place("at school", 6000);
        let tablet = [same.clone(), on_tablet_changed.clone()];
        let merged = merge(
            &tablet,
            &[],
            vec![same.clone(), backup_changed.clone(), only_in_backup.clone()],
            &mark(),
            || SessionId::from("fresh"),
        );
        let line = |name: &str| ReportLine {
            child_name: name.into(),
            date: "2026-11-26".into(),
        };
        assert_eq!(merged.added, [line("Zoë")]);
        assert_eq!(merged.skipped, [line("Mia")]);
        assert_eq!(merged.kept_twice, [line("Ben")]);
        // Every session added is marked restored; the copy kept twice says so too.
        let mut copy = backup_changed.clone();
        copy.id = SessionId::from("fresh");
        copy.restores = vec![Restore {
            beside_own_copy: true,
            ..mark()
        }];
        let mut added = only_in_backup.clone();
        added.restores = vec![mark()];
        assert_eq!(merged.add, [copy.clone(), added]);

        // Restoring the same backup again adds nothing more.
        let tablet_after: Vec<Session> = tablet.iter().cloned().chain(merged.add).collect();
        let again = merge(
            &tablet_after,
            &[],
            vec![same, backup_changed, only_in_backup],
            &Restore {
                at_ms: 1_764_600_000_000,
                ..mark()
            },
            || SessionId::from("fresher"),
        );
        assert!(again.add.is_empty());
        assert_eq!(again.skipped, [line("Mia"), line("Ben"), line("Zoë")]);
    }
}
