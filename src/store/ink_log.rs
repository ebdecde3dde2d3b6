//! The ink log: a finished stroke saved as a small sealed record of its own, so its save
//! costs the same in a visit of 5 strokes or 2,000, instead of the whole visit sealed anew.
//!
//! Each log record names the revision of the visit record it applies over (its base). The
//! visit record keeps its revision while strokes are logged; the next full save of the
//! visit holds every stroke and, in the same transaction, deletes the log ([`InkLogs`]).
//! At unlock the records over the stored revision are replayed in order through the same
//! `Session` method the editor draws with ([`replay`]). Records over another revision are
//! leftovers: of a full save whose deletion of the log did not land, of an older Hear Me
//! that saved the visit without knowing the log, or of an older copy of the visit put back.
//! A leftover's stroke the visit already holds is never applied twice; one it does not hold
//! is drawn back in, and its record kept until a full save holds it.
//!
//! Pure: the browser layer seals, writes and reads the records.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::fault::serde_fault;
use super::record::RecordError;
use crate::core::ink::codec::{drawing_from_base64, drawing_to_base64};
use crate::core::ink::Stroke;
use crate::core::{Drawing, EntryId, Question, Session, SessionId};

/// The log record's format; a newer one is left for the Hear Me that wrote it.
pub const INK_LOG_VERSION: u32 = 1;

/// How many strokes a visit's log holds before the visit is saved in full again. Each
/// record is opened and replayed at unlock (well under a millisecond natively), and a full
/// save of a heavy visit costs tens of milliseconds: one full save every 64 strokes costs
/// each stroke well under a millisecond on average, keeps the unlock's replay short, and
/// keeps the log (a record of about 1-3 KB per stroke) far smaller than the visit.
pub const LOG_LIMIT: usize = 64;

const INK_PREFIX: &str = "hear-me/ink/";

/// The storage key of a logged stroke. The numbers are zero-padded so the keys of one visit
/// sort (in IndexedDB and in a `BTreeMap`) by base revision, then by order of drawing.
pub fn ink_key(session: &SessionId, base_revision: u64, seq: u32) -> String {
    format!("{INK_PREFIX}{session}/{base_revision:020}/{seq:010}")
}

/// The visit, base revision and place in the log a storage key names, if it is a logged
/// stroke's key.
pub fn ink_key_parts(key: &str) -> Option<(SessionId, u64, u32)> {
    let rest = key.strip_prefix(INK_PREFIX)?;
    let mut parts = rest.rsplitn(3, '/');
    let seq = parts.next()?.parse().ok()?;
    let base = parts.next()?.parse().ok()?;
    let session = parts.next().filter(|id| !id.is_empty())?;
    Some((SessionId::from(session), base, seq))
}

/// A finished stroke as the editor added it: to which drawing, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct InkStroke {
    pub question: Question,
    pub entry: EntryId,
    pub stroke: Stroke,
    pub at_ms: u64,
}

/// A logged stroke, as read back from its record.
#[derive(Clone, Debug, PartialEq)]
pub struct LoggedStroke {
    pub base_revision: u64,
    pub seq: u32,
    pub ink: InkStroke,
}

#[derive(Serialize, Deserialize)]
struct StoredStroke {
    ink: u32,
    base: u64,
    question: Question,
    entry: EntryId,
    at_ms: u64,
    /// The stroke in the app's ink codec, as drawings are kept in a visit's record.
    stroke: String,
}

/// The text sealed in a log record (the base revision is also in its key, which the seal
/// binds: a record moved under another key does not open).
pub fn encode_ink_log(base_revision: u64, ink: &InkStroke) -> String {
    let drawing = Drawing {
        strokes: vec![ink.stroke.clone()],
        ..Drawing::default()
    };
    serde_json::to_string(&StoredStroke {
        ink: INK_LOG_VERSION,
        base: base_revision,
        question: ink.question,
        entry: ink.entry,
        at_ms: ink.at_ms,
        stroke: drawing_to_base64(&drawing),
    })
    .expect("a logged stroke always serialises")
}

/// Reads a log record stored under `key`; refuses one whose key is not a log key, one that
/// says another base than its key, and one from a newer Hear Me.
pub fn decode_ink_log(key: &str, text: &str) -> Result<LoggedStroke, RecordError> {
    let (_, base_revision, seq) =
        ink_key_parts(key).ok_or_else(|| RecordError::Corrupt("not a log key".into()))?;
    let version: serde_json::Value =
        serde_json::from_str(text).map_err(|error| RecordError::Corrupt(serde_fault(&error)))?;
    match version.get("ink").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(INK_LOG_VERSION) => {
            return Err(RecordError::FromTheFuture(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        _ => {}
    }
    let stored: StoredStroke = serde_json::from_value(version)
        .map_err(|error| RecordError::Corrupt(serde_fault(&error)))?;
    if stored.base != base_revision {
        return Err(RecordError::Corrupt(
            "the logged stroke names another revision than its key".into(),
        ));
    }
    let mut drawing = drawing_from_base64(&stored.stroke)
        .map_err(|error| RecordError::Corrupt(format!("the logged stroke: {error:?}")))?;
    if drawing.strokes.len() != 1 || !drawing.stamps.is_empty() {
        return Err(RecordError::Corrupt("a log record holds one stroke".into()));
    }
    Ok(LoggedStroke {
        base_revision,
        seq,
        ink: InkStroke {
            question: stored.question,
            entry: stored.entry,
            stroke: drawing.strokes.remove(0),
            at_ms: stored.at_ms,
        },
    })
}

/// What [`replay`] did with a visit's log.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Strokes added to the visit.
    pub applied: usize,
    /// Strokes the visit refused as live drawing would (finished, or the drawing is gone).
    pub refused: usize,
    /// Records over another revision than the visit's, each with what became of it.
    pub leftovers: Vec<Leftover>,
}

/// A log record over another revision than the stored visit's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leftover {
    pub base_revision: u64,
    pub seq: u32,
    pub fate: LeftoverFate,
}

/// What [`replay`] did with a leftover's stroke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftoverFate {
    /// The visit holds the stroke already: the record may go.
    Held,
    /// The visit did not hold it: drawn back in; the record stays until a full save holds it.
    Recovered,
    /// The visit refuses it (finished, or the drawing is gone): the record stays as it is.
    Refused,
}

impl LeftoverFate {
    /// Whether the leftover's record can be deleted without losing a stroke.
    pub fn may_delete(self) -> bool {
        self == LeftoverFate::Held
    }
}

/// Adds to `session`, stored at `revision`, the logged strokes made over that revision, in
/// the order they were drawn, through [`Session::add_stroke`] (the editor's `draw` on an
/// opening of its own): a finished visit or a missing drawing refuses a stroke exactly as
/// it refuses live ink. A leftover (over any other revision) is drawn in only where the
/// drawing does not hold its stroke already: nothing the child drew is lost, nothing twice.
pub fn replay(session: &mut Session, revision: u64, mut log: Vec<LoggedStroke>) -> Replayed {
    log.sort_by_key(|logged| (logged.base_revision, logged.seq));
    let mut replayed = Replayed::default();
    for logged in log {
        let InkStroke {
            question,
            entry,
            stroke,
            at_ms,
        } = logged.ink;
        if logged.base_revision == revision {
            if session.add_stroke(question, entry, stroke, at_ms) {
                replayed.applied += 1;
            } else {
                replayed.refused += 1;
            }
            continue;
        }
        let held = session
            .entry(question, entry)
            .and_then(|e| e.drawing())
            .is_some_and(|drawing| drawing.strokes.contains(&stroke));
        let fate = if held {
            LeftoverFate::Held
        } else if session.add_stroke(question, entry, stroke, at_ms) {
            LeftoverFate::Recovered
        } else {
            LeftoverFate::Refused
        };
        replayed.leftovers.push(Leftover {
            base_revision: logged.base_revision,
            seq: logged.seq,
            fate,
        });
    }
    replayed
}

/// The log of one visit as this tab knows it is (or will be) stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct VisitLog {
    base_revision: u64,
    /// Keys of the records over `base_revision`, readable or not.
    keys: Vec<String>,
    next_seq: u32,
    /// Leftovers whose strokes were drawn back in: deleted by the next full save, which
    /// holds them; until then no stroke is logged, so that save comes with the next stroke.
    recovered: Vec<String>,
}

/// Every visit's log: which key a new stroke gets, and which records a full save of the
/// visit supersedes.
#[derive(Debug, Default)]
pub struct InkLogs {
    visits: HashMap<SessionId, VisitLog>,
}

impl InkLogs {
    /// A record found in storage at unlock over `base_revision`, the visit's stored revision.
    /// One that could not be opened (not `readable`) is left as it is: never superseded, and
    /// its place in the log never taken by a new stroke.
    pub fn found(&mut self, session: SessionId, base_revision: u64, seq: u32, readable: bool) {
        let log = self.visits.entry(session).or_insert_with(|| VisitLog {
            base_revision,
            ..VisitLog::default()
        });
        if log.base_revision != base_revision {
            return;
        }
        if readable {
            log.keys.push(ink_key(&session, base_revision, seq));
        }
        log.next_seq = log.next_seq.max(seq.saturating_add(1));
    }

    /// A leftover of `session` (stored at `revision`) whose stroke was drawn back in.
    pub fn recovered(&mut self, session: SessionId, revision: u64, key: String) {
        self.visits
            .entry(session)
            .or_insert_with(|| VisitLog {
                base_revision: revision,
                ..VisitLog::default()
            })
            .recovered
            .push(key);
    }

    /// The key for the next stroke of `session` over `base_revision`; None once the log
    /// holds [`LOG_LIMIT`] strokes, is over another revision, or leftovers were drawn back
    /// in: the visit is saved in full.
    pub fn next_key(&mut self, session: SessionId, base_revision: u64) -> Option<String> {
        let log = self.visits.entry(session).or_insert_with(|| VisitLog {
            base_revision,
            ..VisitLog::default()
        });
        if log.base_revision != base_revision
            || log.keys.len() >= LOG_LIMIT
            || !log.recovered.is_empty()
        {
            return None;
        }
        let key = ink_key(&session, base_revision, log.next_seq);
        log.next_seq += 1;
        log.keys.push(key.clone());
        Some(key)
    }

    /// The records a full save of `session` (or its deletion) supersedes: deleted in the same
    /// transaction. The visit's log starts empty again.
    pub fn superseded(&mut self, session: &SessionId) -> Vec<String> {
        self.visits
            .remove(session)
            .map(|log| [log.keys, log.recovered].concat())
            .unwrap_or_default()
    }

    /// Whether `session` has strokes in its log (or leftovers drawn back in) that only a
    /// full save holds.
    pub fn holds(&self, session: &SessionId) -> bool {
        self.visits
            .get(session)
            .is_some_and(|log| !log.keys.is_empty() || !log.recovered.is_empty())
    }

    /// Forgets everything: after a wipe, a new records key, or before reading storage anew.
    pub fn clear(&mut self) {
        self.visits.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ink::DrawingHistory;
    use crate::core::ink::{Nib, Point};
    use crate::core::{NewSession, Part, Tool};

    fn visit() -> (Session, EntryId) {
        let form = NewSession {
            child_name: "Mia".into(),
            age: "8".into(),
            worker_name: "Sam".into(),
            date: "2026-05-12".into(),
        };
        let mut session = Session::start(&form, SessionId::new(1_000, 7), 1_000).unwrap();
        let entry = session.add_drawing(Tool::ThreeHouses, Question::Dreams, 1_001);
        (session, entry)
    }

    fn line(from: u16) -> Stroke {
        Stroke {
            colour: "#223344".into(),
            width: 6,
            points: (0..5)
                .map(|i| Point {
                    x: from + i * 10,
                    y: from,
                    pressure: 128,
                })
                .collect(),
            pen: false,
            nib: Nib::default(),
        }
    }

    fn logged(base: u64, seq: u32, entry: EntryId, stroke: Stroke, at_ms: u64) -> LoggedStroke {
        LoggedStroke {
            base_revision: base,
            seq,
            ink: InkStroke {
                question: Question::Dreams,
                entry,
                stroke,
                at_ms,
            },
        }
    }

    #[test]
    fn a_logged_stroke_reads_back_as_written() {
        let (session, entry) = visit();
        let ink = InkStroke {
            question: Question::Dreams,
            entry,
            stroke: line(40),
            at_ms: 1_234,
        };
        let key = ink_key(&session.id, 3, 17);
        let text = encode_ink_log(3, &ink);
        assert!(text.contains(r#""ink":1"#), "versioned: {text}");
        assert_eq!(
            decode_ink_log(&key, &text),
            Ok(LoggedStroke {
                base_revision: 3,
                seq: 17,
                ink
            })
        );
    }

    #[test]
    fn a_log_record_from_a_newer_hear_me_or_under_another_key_is_not_read() {
        let (session, entry) = visit();
        let ink = InkStroke {
            question: Question::Dreams,
            entry,
            stroke: line(1),
            at_ms: 5,
        };
        let text = encode_ink_log(3, &ink);
        let newer = text.replace(r#""ink":1"#, r#""ink":2"#);
        let key = ink_key(&session.id, 3, 0);
        assert_eq!(
            decode_ink_log(&key, &newer),
            Err(RecordError::FromTheFuture(2))
        );
        // A record that says another base than its key is damaged, not applied.
        assert!(decode_ink_log(&ink_key(&session.id, 4, 0), &text).is_err());
        assert!(decode_ink_log("hear-me/session/x", &text).is_err());
        assert!(decode_ink_log(&key, "{").is_err());
    }

    #[test]
    fn log_keys_are_never_taken_for_a_session_or_a_child_and_sort_in_drawing_order() {
        use crate::store::record::{child_id_from_key, session_id_from_key};
        let id = SessionId::new(1_764_500_000_000, 0xabcd);
        let key = ink_key(&id, 12, 3);
        assert_eq!(session_id_from_key(&key), None);
        assert_eq!(child_id_from_key(&key), None);
        assert_eq!(ink_key_parts(&key), Some((id, 12, 3)));
        assert_eq!(ink_key_parts("hear-me/session/abc"), None);
        assert_eq!(ink_key_parts("hear-me/ink//1/2"), None);
        assert!(ink_key(&id, 12, 9) < ink_key(&id, 12, 10));
        assert!(ink_key(&id, 9, 99) < ink_key(&id, 12, 0));
    }

    #[test]
    fn replay_gives_the_visit_the_editor_made_in_the_order_drawn() {
        let (stored, entry) = visit();
        // Live: the editor's opening, its history, one stroke after another.
        let mut live = stored.clone();
        let opening = live
            .open_for_editing(Question::Dreams, entry, Part::Drawing, 2_000)
            .unwrap();
        let mut history = DrawingHistory::default();
        let strokes = [line(10), line(20), line(30)];
        for (i, stroke) in strokes.iter().enumerate() {
            live.draw(&opening, 2_100 + i as u64, |drawing| {
                history.add_stroke(drawing, stroke.clone())
            });
        }
        // The log, read back in any order.
        let log = vec![
            logged(5, 2, entry, line(30), 2_102),
            logged(5, 0, entry, line(10), 2_100),
            logged(5, 1, entry, line(20), 2_101),
        ];
        let mut replayed = stored;
        let outcome = replay(&mut replayed, 5, log);
        assert_eq!(outcome.applied, 3);
        assert_eq!(replayed, live);
    }

    #[test]
    fn a_leftover_is_never_applied_twice_and_never_lost() {
        let (mut session, entry) = visit();
        session.add_stroke(Question::Dreams, entry, line(10), 1_500);
        let log = vec![
            // Held already: a full save holds it, its deletion did not land.
            logged(4, 0, entry, line(10), 2_000),
            // Not held: an older Hear Me saved the visit without it, or an older copy was
            // put back.
            logged(6, 0, entry, line(20), 2_001),
        ];
        let outcome = replay(&mut session, 5, log);
        assert_eq!(outcome.applied, 0);
        let fates: Vec<_> = outcome
            .leftovers
            .iter()
            .map(|l| (l.base_revision, l.seq, l.fate))
            .collect();
        assert_eq!(
            fates,
            vec![(4, 0, LeftoverFate::Held), (6, 0, LeftoverFate::Recovered)]
        );
        let strokes = &session
            .entry(Question::Dreams, entry)
            .unwrap()
            .drawing()
            .unwrap()
            .strokes;
        assert_eq!(strokes, &vec![line(10), line(20)]);
        assert!(LeftoverFate::Held.may_delete());
        assert!(!LeftoverFate::Recovered.may_delete() && !LeftoverFate::Refused.may_delete());
    }

    #[test]
    fn a_recovered_leftover_waits_for_the_next_full_save_which_deletes_it() {
        let session = SessionId::from("s-recovered");
        let mut logs = InkLogs::default();
        let leftover = ink_key(&session, 4, 0);
        logs.recovered(session, 5, leftover.clone());
        assert_eq!(
            logs.next_key(session, 5),
            None,
            "the next stroke saves the visit in full"
        );
        assert_eq!(logs.superseded(&session), vec![leftover]);
        assert!(
            logs.next_key(session, 6).is_some(),
            "then strokes are logged again"
        );
    }

    #[test]
    fn a_finished_visit_or_a_missing_drawing_refuses_logged_ink_as_it_refuses_live_ink() {
        let (mut session, entry) = visit();
        let log = vec![logged(1, 0, EntryId(999), line(10), 2_000)];
        let outcome = replay(&mut session, 1, log);
        assert_eq!((outcome.applied, outcome.refused), (0, 1));

        session.finish(3_000);
        assert!(session.is_finished());
        let before = session.clone();
        let outcome = replay(&mut session, 1, vec![logged(1, 0, entry, line(10), 4_000)]);
        assert_eq!((outcome.applied, outcome.refused), (0, 1));
        assert_eq!(session, before);
    }

    #[test]
    fn a_full_save_supersedes_the_log_and_a_new_log_starts_over_its_revision() {
        let id = SessionId::new(1, 1);
        let mut logs = InkLogs::default();
        let first = logs.next_key(id, 3).unwrap();
        let second = logs.next_key(id, 3).unwrap();
        assert_ne!(first, second);
        assert!(logs.holds(&id));
        assert_eq!(logs.superseded(&id), vec![first, second]);
        assert!(!logs.holds(&id));
        assert_eq!(logs.superseded(&id), Vec::<String>::new());
        // After the full save at revision 4, strokes log over 4.
        assert_eq!(logs.next_key(id, 4), Some(ink_key(&id, 4, 0)));
        // A stale base is refused: the caller saves in full.
        assert_eq!(logs.next_key(id, 3), None);
    }

    #[test]
    fn the_log_is_saved_in_full_after_its_limit() {
        let id = SessionId::new(1, 1);
        let mut logs = InkLogs::default();
        for _ in 0..LOG_LIMIT {
            assert!(logs.next_key(id, 1).is_some());
        }
        assert_eq!(logs.next_key(id, 1), None);
        assert_eq!(logs.superseded(&id).len(), LOG_LIMIT);
        assert!(logs.next_key(id, 2).is_some());
    }

    #[test]
    fn records_found_at_unlock_continue_the_log_and_are_superseded_with_it() {
        let id = SessionId::new(1, 1);
        let mut logs = InkLogs::default();
        logs.found(id, 7, 0, true);
        // Seq 2 could not be opened: left as it is, and its place never reused.
        logs.found(id, 7, 2, false);
        assert_eq!(logs.next_key(id, 7), Some(ink_key(&id, 7, 3)));
        assert_eq!(
            logs.superseded(&id),
            vec![ink_key(&id, 7, 0), ink_key(&id, 7, 3)]
        );
    }
}
