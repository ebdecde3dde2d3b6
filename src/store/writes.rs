//! The writes on their way to storage, and the journal that keeps them when the page goes.
//!
//! IndexedDB writes finish later than they are asked for, and a write started as the page is
//! hidden or closed may never finish. So each sealed record waits here until its transaction
//! has committed; the newest wanted value of a record replaces an older one still waiting.
//! A write lands only over the value this tab last read or wrote (compared by
//! [`Fingerprint`]), so a tab that missed another's change is refused instead of undoing it.
//! When the page is hidden, whatever has not landed is written synchronously to a small
//! journal in localStorage and replayed at the next unlock, on the same condition.
//!
//! Pure: the browser layer runs the transactions and reports how they went.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::core::ink::base64::{base64_decode, base64_encode};

use super::fault::serde_fault;
use super::record::{decode_session_revision, encode_session_revision, session_key, RecordError};
use super::vault::{VaultKey, NONCE_BYTES};
use crate::core::{Session, SessionId};

/// localStorage key of the journal of writes that had not landed when the page was hidden.
pub const JOURNAL_KEY: &str = "hear-me/journal";
/// The journal's format; a newer one is left for the Hear Me that wrote it.
const JOURNAL_VERSION: u32 = 1;

/// What a stored sealed value looks like from outside: its length and its last 16 bytes,
/// the AES-GCM tag, which differs for every value sealed. Empty for "nothing stored".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn of(stored: Option<&[u8]>) -> Fingerprint {
        match stored {
            None => Fingerprint::default(),
            Some(bytes) => {
                Fingerprint::of_tail(bytes.len(), &bytes[bytes.len().saturating_sub(16)..])
            }
        }
    }

    /// The length of the value; None for "nothing stored".
    pub fn stored_len(&self) -> Option<u64> {
        self.0.split_once(':')?.0.parse().ok()
    }

    /// From a value's length and its last (up to) 16 bytes, read without copying it whole.
    pub fn of_tail(len: usize, tail: &[u8]) -> Fingerprint {
        let hex: String = tail.iter().map(|byte| format!("{byte:02x}")).collect();
        Fingerprint(format!("{len}:{hex}"))
    }
}

/// One record's wanted change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Put(Vec<u8>),
    Delete,
}

impl Change {
    fn fingerprint(&self) -> Fingerprint {
        match self {
            Change::Put(bytes) => Fingerprint::of(Some(bytes)),
            Change::Delete => Fingerprint::default(),
        }
    }
}

/// A write handed to a transaction: change `key` only if it still looks like `over`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Write {
    pub key: String,
    pub change: Change,
    pub over: Fingerprint,
}

/// How one write of a transaction went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Landed {
    Written,
    /// Storage held something else: another tab wrote it. Kept, and refused again.
    Refused,
    /// The transaction failed (storage full, or gone): kept and tried again.
    NotWritten,
}

/// The writes of one tab: what it knows is stored, what it wants stored, and what a
/// transaction is writing now.
#[derive(Debug, Default)]
pub struct Writes {
    known: HashMap<String, Fingerprint>,
    /// The revision of each record as this tab last wanted or knew it.
    revisions: HashMap<String, u64>,
    waiting: BTreeMap<String, Change>,
    writing: BTreeMap<String, Write>,
}

impl Writes {
    /// Storage holds `stored` under `key` (read at unlock, or replayed from the journal).
    pub fn knew(&mut self, key: &str, stored: Option<&[u8]>, revision: u64) {
        self.known.insert(key.to_owned(), Fingerprint::of(stored));
        self.revisions.insert(key.to_owned(), revision);
    }

    /// The revision of `key` this tab last wanted or knew; 0 for a record it never saw.
    pub fn revision(&self, key: &str) -> u64 {
        self.revisions.get(key).copied().unwrap_or(0)
    }

    /// The revision found inside the record stored (or replayed) under `key`.
    pub fn note_revision(&mut self, key: &str, revision: u64) {
        self.revisions.insert(key.to_owned(), revision);
    }

    /// `key` should become `change`, replacing whatever was waiting for it.
    pub fn want(&mut self, key: &str, change: Change, revision: u64) {
        self.revisions.insert(key.to_owned(), revision);
        self.waiting.insert(key.to_owned(), change);
    }

    /// The value `key` will have once every write this tab asked for has landed.
    pub fn wanted(&self, key: &str) -> Option<&Change> {
        self.waiting
            .get(key)
            .or_else(|| self.writing.get(key).map(|write| &write.change))
    }

    /// Whether anything waits to be written or is being written.
    pub fn is_idle(&self) -> bool {
        self.waiting.is_empty() && self.writing.is_empty()
    }

    /// Whether a re-seal may seal `key` anew from `stored`, the value it read: not while a
    /// write of it waits or runs, nor once one landed after the read. That write is newer,
    /// and sealed under the new key already; sealing the older read over it would undo it.
    pub fn may_reseal(&self, key: &str, stored: &[u8]) -> bool {
        self.wanted(key).is_none()
            && self
                .known
                .get(key)
                .is_none_or(|known| *known == Fingerprint::of(Some(stored)))
    }

    /// Whether a transaction is writing now (only one at a time, so they land in order).
    pub fn is_writing(&self) -> bool {
        !self.writing.is_empty()
    }

    /// The waiting writes for the next transaction, each over what this tab knows is stored.
    pub fn start(&mut self) -> Vec<Write> {
        let waiting = std::mem::take(&mut self.waiting);
        for (key, change) in waiting {
            let over = self.known.get(&key).cloned().unwrap_or_default();
            self.writing
                .insert(key.clone(), Write { key, change, over });
        }
        self.writing.values().cloned().collect()
    }

    /// How the transaction went. A written value is what storage now holds; anything else
    /// waits again, unless a newer value for the same record is already waiting.
    pub fn finished(&mut self, outcomes: Vec<(String, Landed)>) {
        for (key, landed) in outcomes {
            let Some(write) = self.writing.remove(&key) else {
                continue;
            };
            match landed {
                Landed::Written => {
                    self.known.insert(key, write.change.fingerprint());
                }
                Landed::Refused | Landed::NotWritten => {
                    self.waiting.entry(key).or_insert(write.change);
                }
            }
        }
    }

    /// Everything not yet landed, for the journal: the newest value of each record, and the
    /// stored values it may replace (what this tab knew, or what a transaction still
    /// running may have written).
    pub fn journal(&self) -> Vec<JournalEntry> {
        let mut keys: Vec<&String> = self.waiting.keys().chain(self.writing.keys()).collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter_map(|key| {
                let change = self.wanted(key)?.clone();
                let mut over = vec![self.known.get(key).cloned().unwrap_or_default()];
                if let Some(write) = self.writing.get(key) {
                    over.push(write.change.fingerprint());
                }
                over.dedup();
                Some(JournalEntry {
                    key: key.clone(),
                    change,
                    over,
                })
            })
            .collect()
    }

    /// How many records `counted` picks of those stored as this tab knows them, and their
    /// bytes together: the room the sessions take, without reading them again.
    pub fn stored_sizes(&self, counted: impl Fn(&str) -> bool) -> (u64, u64) {
        self.known
            .iter()
            .filter(|(key, _)| counted(key))
            .filter_map(|(_, fingerprint)| fingerprint.stored_len())
            .fold((0, 0), |(count, bytes), len| (count + 1, bytes + len))
    }

    /// Forgets everything: after a wipe, or a new records key.
    pub fn clear(&mut self) {
        *self = Writes::default();
    }

    /// Forgets what this tab knew was stored, so every next write is compared anew.
    pub fn forget_known(&mut self) {
        self.known.clear();
    }
}

/// A session changed in memory that storage would not take before a lock (the vault
/// changed, a stale revision), sealed with the key as the lock drops it: a locked tab keeps
/// no child's words or name readable. Opened and saved again at the next unlock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedUnsaved {
    pub id: SessionId,
    sealed: Vec<u8>,
}

impl SealedUnsaved {
    /// Seals `session` as it was read at `revision` (the revision its save starts from).
    pub fn seal(
        session: &Session,
        revision: u64,
        key: &VaultKey,
        nonce: [u8; NONCE_BYTES],
    ) -> SealedUnsaved {
        let text = encode_session_revision(session, revision);
        SealedUnsaved {
            id: session.id,
            sealed: key.seal_bytes(&unsaved_key(&session.id), text.as_bytes(), nonce),
        }
    }

    /// The session and its revision, with the key it was sealed with (or one that holds it
    /// as the previous key, after a re-seal).
    pub fn open(&self, key: &VaultKey) -> Result<(Session, u64), RecordError> {
        let bytes = key
            .open_bytes(&unsaved_key(&self.id), &self.sealed)
            .map_err(|error| RecordError::Corrupt(format!("an unsaved change: {error}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| RecordError::Corrupt("an unsaved change is not text".into()))?;
        decode_session_revision(&text)
    }
}

/// What an unsaved change is bound to: never a stored record's key, so it cannot pass for one.
fn unsaved_key(id: &SessionId) -> String {
    format!("{}#unsaved", session_key(id))
}

/// A write kept in the journal: `change` for `key`, if storage still holds one of `over`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalEntry {
    pub key: String,
    pub change: Change,
    pub over: Vec<Fingerprint>,
}

impl JournalEntry {
    /// Whether this write may replace `stored`: it was made over that very value.
    pub fn applies_over(&self, stored: Option<&[u8]>) -> bool {
        self.over.contains(&Fingerprint::of(stored))
    }
}

#[derive(Serialize, Deserialize)]
struct StoredJournal {
    journal: u32,
    entries: Vec<StoredEntry>,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    key: String,
    /// Base64 of the sealed bytes; absent for a deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    put: Option<String>,
    over: Vec<Fingerprint>,
}

pub fn encode_journal(entries: &[JournalEntry]) -> String {
    let stored = StoredJournal {
        journal: JOURNAL_VERSION,
        entries: entries
            .iter()
            .map(|entry| StoredEntry {
                key: entry.key.clone(),
                put: match &entry.change {
                    Change::Put(bytes) => Some(base64_encode(bytes)),
                    Change::Delete => None,
                },
                over: entry.over.clone(),
            })
            .collect(),
    };
    serde_json::to_string(&stored).expect("the journal is plain data")
}

pub fn decode_journal(text: &str) -> Result<Vec<JournalEntry>, RecordError> {
    let stored: StoredJournal =
        serde_json::from_str(text).map_err(|error| RecordError::Corrupt(serde_fault(&error)))?;
    if stored.journal > JOURNAL_VERSION {
        return Err(RecordError::FromTheFuture(stored.journal));
    }
    stored
        .entries
        .into_iter()
        .map(|entry| {
            let change = match entry.put {
                Some(data) => Change::Put(
                    base64_decode(&data)
                        .map_err(|_| RecordError::Corrupt("a journal entry's value".into()))?,
                ),
                None => Change::Delete,
            };
            Ok(JournalEntry {
                key: entry.key,
                change,
                over: entry.over,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(bytes: &[u8]) -> Change {
        Change::Put(bytes.to_vec())
    }

    #[test]
    fn a_write_lands_only_over_what_this_tab_knew() {
        let mut writes = Writes::default();
        writes.knew("a", Some(b"first value, sealed"), 3);
        writes.want("a", put(b"second value, sealed"), 4);
        let started = writes.start();
        assert_eq!(started.len(), 1);
        assert_eq!(
            started[0].over,
            Fingerprint::of(Some(b"first value, sealed"))
        );
        writes.finished(vec![("a".into(), Landed::Written)]);
        assert!(writes.is_idle());
        // The next write goes over the value just written.
        writes.want("a", put(b"third value, sealed"), 5);
        assert_eq!(
            writes.start()[0].over,
            Fingerprint::of(Some(b"second value, sealed"))
        );
        assert_eq!(writes.revision("a"), 5);
        assert_eq!(writes.revision("never seen"), 0);
    }

    #[test]
    fn a_new_record_goes_only_where_nothing_is_stored() {
        let mut writes = Writes::default();
        writes.want("new", put(b"x"), 1);
        assert_eq!(writes.start()[0].over, Fingerprint::of(None));
    }

    #[test]
    fn a_refused_or_failed_write_waits_again_unless_a_newer_one_waits() {
        let mut writes = Writes::default();
        writes.knew("a", Some(b"stored"), 1);
        writes.knew("b", Some(b"stored b"), 1);
        writes.want("a", put(b"a2"), 2);
        writes.want("b", put(b"b2"), 2);
        writes.start();
        assert!(writes.is_writing());
        // While the transaction runs, a newer value of "a" is wanted.
        writes.want("a", put(b"a3"), 3);
        writes.finished(vec![
            ("a".into(), Landed::NotWritten),
            ("b".into(), Landed::Refused),
        ]);
        assert_eq!(
            writes.wanted("a"),
            Some(&put(b"a3")),
            "the newer value wins"
        );
        assert_eq!(writes.wanted("b"), Some(&put(b"b2")), "kept, not dropped");
        let again = writes.start();
        assert_eq!(again.len(), 2);
        // Still over the value stored before, since nothing landed.
        assert!(again
            .iter()
            .all(|write| write.over != Fingerprint::of(Some(b"a2"))));
    }

    #[test]
    fn the_journal_holds_the_newest_value_and_what_it_may_replace() {
        let mut writes = Writes::default();
        writes.knew("a", Some(b"stored"), 1);
        writes.want("a", put(b"a2"), 2);
        writes.start();
        writes.want("a", put(b"a3"), 3);
        writes.want("gone", Change::Delete, 0);
        let journal = writes.journal();
        assert_eq!(journal.len(), 2);
        let a = &journal[0];
        assert_eq!(a.change, put(b"a3"));
        // Over what was stored, or over a2 should the running transaction still land.
        assert!(a.applies_over(Some(b"stored")));
        assert!(a.applies_over(Some(b"a2")));
        assert!(!a.applies_over(Some(b"another tab's value")));
        assert!(!a.applies_over(None));
        assert_eq!(journal[1].change, Change::Delete);

        let decoded = decode_journal(&encode_journal(&journal)).unwrap();
        assert_eq!(decoded, journal);
    }

    #[test]
    fn a_journal_from_a_newer_version_or_damaged_is_not_read() {
        assert_eq!(
            decode_journal(r#"{"journal":2,"entries":[]}"#),
            Err(RecordError::FromTheFuture(2))
        );
        assert!(decode_journal("{").is_err());
        assert!(
            decode_journal(r#"{"journal":1,"entries":[{"key":"a","put":"!!","over":[]}]}"#)
                .is_err()
        );
    }

    #[test]
    fn a_re_seal_leaves_a_record_whose_own_write_waits_runs_or_landed_since_it_was_read() {
        let mut writes = Writes::default();
        writes.knew("quiet", Some(b"old seal q"), 1);
        writes.knew("waiting", Some(b"old seal w"), 1);
        writes.knew("running", Some(b"old seal r"), 1);
        writes.knew("landed", Some(b"old seal l"), 1);
        // "landed" is written in a transaction of its own, after the re-seal read it.
        writes.want("landed", put(b"new words l"), 2);
        writes.start();
        writes.finished(vec![("landed".into(), Landed::Written)]);
        writes.want("running", put(b"new words r"), 2);
        writes.start();
        writes.want("waiting", put(b"new words w"), 2);

        assert!(writes.may_reseal("quiet", b"old seal q"));
        assert!(writes.may_reseal("never known", b"anything"));
        assert!(!writes.may_reseal("waiting", b"old seal w"));
        assert!(!writes.may_reseal("running", b"old seal r"));
        assert!(!writes.may_reseal("landed", b"old seal l"));
        // Read after its write landed: the newest value, sealed anew like any other.
        assert!(writes.may_reseal("landed", b"new words l"));
    }

    #[test]
    fn an_unsaved_change_kept_through_a_lock_is_sealed_and_opens_only_with_the_key() {
        use crate::core::{NewSession, Question, Tool, Voice, Words};
        use crate::store::vault::derive_key;

        let form = NewSession {
            child_name: "Ravenna".into(),
            age: "6".into(),
            worker_name: String::new(),
            date: "2026-12-07".into(),
        };
        let mut session = Session::start(&form, SessionId::new(5, 1), 5).unwrap();
        session.add_words(
            Tool::ThreeHouses,
            Question::Dreams,
            Words {
                text: "a treehouse".into(),
                voice: Voice::ChildWrote,
            },
            6,
        );
        use crate::store::vault::{KdfParams, MIN_ITERATIONS, MIN_MEMORY_KIB};
        let cheap = KdfParams {
            memory_kib: MIN_MEMORY_KIB,
            iterations: MIN_ITERATIONS,
            ..KdfParams::recommended([1; 16])
        };
        let key = derive_key("the worker's passphrase", &cheap).unwrap();
        let sealed = SealedUnsaved::seal(&session, 4, &key, [9; NONCE_BYTES]);

        let inside = String::from_utf8_lossy(&sealed.sealed);
        assert!(!inside.contains("Ravenna") && !inside.contains("treehouse"));
        assert_eq!(sealed.open(&key), Ok((session, 4)));
        let other = derive_key("another passphrase", &cheap).unwrap();
        assert!(sealed.open(&other).is_err());
    }

    #[test]
    fn the_room_the_sessions_take_is_known_without_reading_them() {
        let mut writes = Writes::default();
        writes.knew("session/a", Some(&[0; 100]), 1);
        writes.knew("session/b", Some(&[0; 50]), 1);
        writes.knew("session/gone", None, 0);
        writes.knew("index", Some(&[0; 10]), 0);
        writes.want("session/b", put(&[1; 70]), 2);
        let sessions = |key: &str| key.starts_with("session/");
        assert_eq!(writes.stored_sizes(sessions), (2, 150));
        writes.start();
        writes.finished(vec![("session/b".into(), Landed::Written)]);
        assert_eq!(writes.stored_sizes(sessions), (2, 170), "the write landed");
        assert_eq!(Fingerprint::of(None).stored_len(), None);
    }

    #[test]
    fn fingerprints_tell_values_and_nothing_apart() {
        assert_ne!(Fingerprint::of(Some(b"")), Fingerprint::of(None));
        assert_ne!(
            Fingerprint::of(Some(b"same length 1")),
            Fingerprint::of(Some(b"same length 2"))
        );
        assert_eq!(Fingerprint::of(Some(b"x")), Fingerprint::of(Some(b"x")));
    }
}
