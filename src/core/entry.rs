//! What a child gives for a question: their words, or a drawing.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::ink::Drawing;
use super::sharing::{Audience, Sharing};
use super::tool::Tool;

/// Identifies an entry within its session; never reused, so a deleted entry's id stays gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub u64);

impl EntryId {
    /// Names no entry: ids start at 1. What an adding call gives back when nothing was added
    /// (the session is finished).
    pub const NONE: EntryId = EntryId(0);
}

/// Who said the words and who wrote them down, as the practice asks every entry to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The child spoke and the worker wrote the child's exact words.
    #[default]
    ChildSaidWorkerWrote,
    /// The child wrote the words themself.
    ChildWrote,
}

/// The child's words, kept exactly as given: never trimmed, corrected or rephrased.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    pub text: String,
    #[serde(default)]
    pub voice: Voice,
}

/// One time the child took an entry out, and when the worker put it back, if they did.
/// Kept for good: a child taking back what they said is itself significant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakenOut {
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub put_back_at_ms: Option<u64>,
}

/// What reading an entry back to the child showed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadBackMark {
    /// Read back, and the child said it is right.
    Checked,
    /// Read back, and changed as the child asked.
    ChangedAfterReadingBack,
}

/// The read-back mark with its time: it proves the words are the child's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadBack {
    pub mark: ReadBackMark,
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
}

/// Which part of an entry an editor opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The words of a words entry, with who said and who wrote them.
    Words,
    /// The child's caption of a drawing.
    Caption,
    /// The strokes and stamps of a drawing.
    Drawing,
}

/// One change during the conversation (see `core::entry_history`), kept with the entry: what it was before, and for
/// words and captions also what it became (a drawing's later versions are the next change's
/// "before", or the drawing itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryChange {
    /// When the editor was opened (milliseconds since the Unix epoch): the edits of one
    /// opening make one change.
    pub opened_at_ms: u64,
    /// When the first edit of that opening was made.
    pub at_ms: u64,
    #[serde(flatten)]
    pub what: Changed,
}

/// What changed, with the version from before.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum Changed {
    /// The words or who said and who wrote them.
    Words { before: Words, after: Words },
    /// The caption of a drawing; None is no caption.
    Caption {
        before: Option<Words>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<Words>,
    },
    /// The drawing as it was when opened, kept because something it held then was erased,
    /// cleared or moved. Stored in the compact ink format, like the drawing itself.
    Drawing { before: Drawing },
}

impl Changed {
    pub fn part(&self) -> Part {
        match self {
            Changed::Words { .. } => Part::Words,
            Changed::Caption { .. } => Part::Caption,
            Changed::Drawing { .. } => Part::Drawing,
        }
    }
}

/// The content of an entry.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryContent {
    Words(Words),
    Drawing(Drawing),
    /// An entry this app cannot read: a damaged drawing, or a kind it does not know. Only this
    /// entry is lost to view; the rest of the session reads, and the entry is written back
    /// exactly as it was stored, never dropped or "repaired".
    Unreadable(UnreadableEntry),
}

/// An entry as it was stored, which this app could not read.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableEntry {
    /// The whole entry exactly as stored: its kind, content, id and sharing.
    pub stored: Value,
    /// What could not be read, for the log.
    pub problem: String,
}

impl UnreadableEntry {
    /// The sharing stored with the entry (none stored is an untouched sharing); None when
    /// the stored sharing itself cannot be read.
    fn stored_sharing(&self) -> Option<Sharing> {
        match self.stored.get("sharing") {
            None => Some(Sharing::default()),
            Some(stored) => Sharing::deserialize(stored).ok(),
        }
    }

    /// Whether the child's and the worker's decisions may be recorded on this entry: only
    /// when its stored sharing could be read, so nothing unreadable is ever written over.
    pub fn sharing_may_change(&self) -> bool {
        self.stored.is_object() && self.stored_sharing().is_some()
    }

    /// What is written back: the entry exactly as stored, with only its sharing replaced, and
    /// only when a decision was recorded on it since it was read.
    fn to_store(&self, sharing: &Sharing) -> Result<Cow<'_, Value>, serde_json::Error> {
        match (self.stored_sharing(), self.stored.as_object()) {
            (Some(stored), Some(fields)) if stored != *sharing => {
                let mut fields = fields.clone();
                if sharing.is_untouched() {
                    fields.remove("sharing");
                } else {
                    fields.insert("sharing".into(), serde_json::to_value(sharing)?);
                }
                Ok(Cow::Owned(Value::Object(fields)))
            }
            _ => Ok(Cow::Borrowed(&self.stored)),
        }
    }
}

/// The id an unreadable entry gets when its stored id cannot be read: counted down from the
/// largest id by its place in the list, so it names no other entry. It is never written: the
/// entry is written back as it was stored.
const UNREAD_ID: u64 = u64::MAX;

/// One thing the child gave for a question.
///
/// Stored as one JSON object: `id`, `created_at`, `tool`, then the content tagged by `kind`
/// (`"words"` with `text` and `voice`, `"drawing"` with `ink`), then `sharing` once the child
/// decided, then (each only when there is one) `worker_question`, `caption`, `read_back` and
/// `taken_out`, and `changes` (its earlier versions, see `core::entry_history`). An entry that
/// does not read so is kept as [`EntryContent::Unreadable`].
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: EntryId,
    /// Milliseconds since the Unix epoch.
    pub created_at: u64,
    /// The tool the child was using when they made it. The entry answers its question in
    /// every tool; this says how the question was put to the child.
    pub tool: Tool,
    pub content: EntryContent,
    /// Who the child lets see this entry; left out of the record until the child decides.
    pub sharing: Sharing,
    /// What the worker asked before the child gave this, as typed: a court weighs an answer
    /// by the question that led to it.
    pub worker_question: Option<String>,
    /// The child's own explanation of a drawing ("this is me and my dog"), so the drawing is
    /// not left to adult interpretation. Only on drawings.
    pub caption: Option<Words>,
    /// Whether it was read back to the child, and what came of it.
    pub read_back: Option<ReadBack>,
    /// Every time the child took it out, oldest first; the last one without a put-back is in
    /// force. A taken-out entry is in no summary for an audience and not in the child's
    /// lists, but stays in the worker's full record with its times.
    pub taken_out: Vec<TakenOut>,
    /// What its words, caption or drawing were before each change during the conversation,
    /// oldest first: in the worker's full record only.
    pub changes: Vec<EntryChange>,
}

/// An entry as it is read when it can be.
#[derive(Deserialize)]
struct ReadableEntry {
    id: EntryId,
    created_at: u64,
    #[serde(default)]
    tool: Tool,
    #[serde(flatten)]
    content: KnownContent,
    #[serde(default)]
    sharing: Sharing,
    #[serde(default)]
    worker_question: Option<String>,
    #[serde(default)]
    caption: Option<Words>,
    #[serde(default)]
    read_back: Option<ReadBack>,
    #[serde(default)]
    taken_out: Vec<TakenOut>,
    #[serde(default)]
    changes: Vec<EntryChange>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum KnownContent {
    Words(Words),
    Drawing(Drawing),
}

/// An entry as it is written when it was read.
#[derive(Serialize)]
struct ReadableEntryOut<'a> {
    id: EntryId,
    created_at: u64,
    tool: Tool,
    #[serde(flatten)]
    content: KnownContentOut<'a>,
    #[serde(skip_serializing_if = "is_untouched")]
    sharing: &'a Sharing,
    #[serde(skip_serializing_if = "Option::is_none")]
    worker_question: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: &'a Option<Words>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_back: &'a Option<ReadBack>,
    #[serde(skip_serializing_if = "<[TakenOut]>::is_empty")]
    taken_out: &'a [TakenOut],
    #[serde(skip_serializing_if = "<[EntryChange]>::is_empty")]
    changes: &'a [EntryChange],
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum KnownContentOut<'a> {
    Words(&'a Words),
    Drawing(&'a Drawing),
}

fn is_untouched(sharing: &&Sharing) -> bool {
    sharing.is_untouched()
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let content = match &self.content {
            EntryContent::Words(words) => KnownContentOut::Words(words),
            EntryContent::Drawing(drawing) => KnownContentOut::Drawing(drawing),
            EntryContent::Unreadable(unreadable) => {
                return unreadable
                    .to_store(&self.sharing)
                    .map_err(serde::ser::Error::custom)?
                    .serialize(serializer);
            }
        };
        ReadableEntryOut {
            id: self.id,
            created_at: self.created_at,
            tool: self.tool,
            content,
            sharing: &self.sharing,
            worker_question: &self.worker_question,
            caption: &self.caption,
            read_back: &self.read_back,
            taken_out: &self.taken_out,
            changes: &self.changes,
        }
        .serialize(serializer)
    }
}

/// Reading an entry never fails: what does not read as words or a drawing is kept as an
/// unreadable entry, so one damaged entry cannot make the whole session unreadable.
impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer)
            .map(|stored| Entry::from_stored(stored, EntryId(UNREAD_ID)))
    }
}

/// Reads a question's entries, each on its own (see [`Entry::from_stored`]); only a list that
/// is not a list fails.
pub(crate) fn entries_from_stored<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Entry>, D::Error> {
    let stored = Vec::<Value>::deserialize(deserializer)?;
    Ok(stored
        .into_iter()
        .enumerate()
        .map(|(place, stored)| Entry::from_stored(stored, EntryId(UNREAD_ID - place as u64)))
        .collect())
}

impl Entry {
    /// A new entry the child has not yet decided about.
    pub fn new(id: EntryId, created_at: u64, tool: Tool, content: EntryContent) -> Entry {
        Entry {
            id,
            created_at,
            tool,
            content,
            sharing: Sharing::default(),
            worker_question: None,
            caption: None,
            read_back: None,
            taken_out: Vec::new(),
            changes: Vec::new(),
        }
    }

    /// An entry from its stored JSON: words or a drawing when it reads as one, otherwise an
    /// unreadable entry that keeps the JSON exactly, with its id, time, tool and sharing read
    /// where they can be (`unread_id` when its id cannot).
    pub(crate) fn from_stored(stored: Value, unread_id: EntryId) -> Entry {
        let problem = match ReadableEntry::deserialize(&stored) {
            Ok(entry) => {
                return Entry {
                    id: entry.id,
                    created_at: entry.created_at,
                    tool: entry.tool,
                    content: match entry.content {
                        KnownContent::Words(words) => EntryContent::Words(words),
                        KnownContent::Drawing(drawing) => EntryContent::Drawing(drawing),
                    },
                    sharing: entry.sharing,
                    worker_question: entry.worker_question,
                    caption: entry.caption,
                    read_back: entry.read_back,
                    taken_out: entry.taken_out,
                    changes: entry.changes,
                }
            }
            Err(error) => error.to_string(),
        };
        let id = stored
            .get("id")
            .and_then(Value::as_u64)
            .map_or(unread_id, EntryId);
        let created_at = stored
            .get("created_at")
            .and_then(Value::as_u64)
            .unwrap_or_default();
        let tool = stored
            .get("tool")
            .and_then(|tool| Tool::deserialize(tool).ok())
            .unwrap_or_default();
        // Read where it can be, so an entry the child took out stays out of every summary
        // and list even when its content cannot be read.
        let taken_out = stored
            .get("taken_out")
            .and_then(|taken_out| Vec::<TakenOut>::deserialize(taken_out).ok())
            .unwrap_or_default();
        let unreadable = UnreadableEntry { stored, problem };
        Entry {
            id,
            created_at,
            tool,
            sharing: unreadable.stored_sharing().unwrap_or_default(),
            content: EntryContent::Unreadable(unreadable),
            worker_question: None,
            caption: None,
            read_back: None,
            taken_out,
            changes: Vec::new(),
        }
    }

    pub fn words(&self) -> Option<&Words> {
        match &self.content {
            EntryContent::Words(words) => Some(words),
            EntryContent::Drawing(_) | EntryContent::Unreadable(_) => None,
        }
    }

    pub fn drawing(&self) -> Option<&Drawing> {
        match &self.content {
            EntryContent::Drawing(drawing) => Some(drawing),
            EntryContent::Words(_) | EntryContent::Unreadable(_) => None,
        }
    }

    /// The stored entry, when this app could not read it.
    pub fn unreadable(&self) -> Option<&UnreadableEntry> {
        match &self.content {
            EntryContent::Unreadable(unreadable) => Some(unreadable),
            EntryContent::Words(_) | EntryContent::Drawing(_) => None,
        }
    }

    /// Whether a summary for `audience` shows this entry: the child agreed, the worker holds
    /// nothing back, the child has not taken it out, and it could be read (what cannot be
    /// read cannot be checked against the child's wish, so it is left out).
    pub fn is_shown_to(&self, audience: &Audience) -> bool {
        self.unreadable().is_none() && !self.is_taken_out() && self.sharing.is_shown_to(audience)
    }

    /// When the child took this entry out, if it is out now (the worker has not put it back).
    pub fn taken_out_at(&self) -> Option<u64> {
        self.taken_out
            .last()
            .filter(|spell| spell.put_back_at_ms.is_none())
            .map(|spell| spell.at_ms)
    }

    /// Whether the child has taken this entry out: hidden from every audience and from the
    /// child's lists, kept in the worker's full record.
    pub fn is_taken_out(&self) -> bool {
        self.taken_out_at().is_some()
    }

    /// The sharing to record a decision in; None for an unreadable entry whose stored sharing
    /// cannot be read, which stays exactly as it was.
    pub fn sharing_mut(&mut self) -> Option<&mut Sharing> {
        match &self.content {
            EntryContent::Unreadable(unreadable) if !unreadable.sharing_may_change() => None,
            _ => Some(&mut self.sharing),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ink::codec::drawing_to_base64;

    #[test]
    fn words_keep_every_character_through_json() {
        let tricky = [
            "  two  spaces inside and around  ",
            "Ich hab Angst 😢",
            "J'ai peur, ça fait mal",
            "أريد أن أعيش مع جدتي",
            "<img src=x onerror=alert(1)>",
            "line one\nline two\ttab",
        ];
        for text in tricky {
            let entry = Entry::new(
                EntryId(1),
                5,
                Tool::ThreeHouses,
                EntryContent::Words(Words {
                    text: text.into(),
                    voice: Voice::ChildWrote,
                }),
            );
            let json = serde_json::to_string(&entry).unwrap();
            let back: Entry = serde_json::from_str(&json).unwrap();
            assert_eq!(back.words().unwrap().text, text);
            assert_eq!(back, entry);
        }
    }

    #[test]
    fn entries_are_tagged_by_kind() {
        let entry = Entry::new(
            EntryId(3),
            7,
            Tool::ThreeHouses,
            EntryContent::Words(Words::default()),
        );
        let json = serde_json::to_value(&entry).unwrap();
        assert_eq!(json["kind"], "words");
        assert_eq!(json["voice"], "child_said_worker_wrote");
        let drawing = Entry::new(
            EntryId(4),
            7,
            Tool::ThreeHouses,
            EntryContent::Drawing(Drawing::default()),
        );
        assert_eq!(serde_json::to_value(&drawing).unwrap()["kind"], "drawing");
    }

    #[test]
    fn a_drawing_is_stored_as_base64_ink() {
        use crate::core::ink::{Nib, Point, Stamp, StampKind, Stroke};
        let drawing = Drawing {
            strokes: vec![Stroke {
                colour: "#2a9d3f".into(),
                width: 16,
                points: vec![
                    Point {
                        x: 10,
                        y: 20,
                        pressure: 90,
                    },
                    Point {
                        x: 14,
                        y: 26,
                        pressure: 97,
                    },
                ],
                pen: true,
                nib: Nib::Marker,
            }],
            stamps: vec![Stamp {
                kind: StampKind::Heart,
                x: 2000,
                y: 1500,
                size: 700,
            }],
        };
        let entry = Entry::new(
            EntryId(9),
            11,
            Tool::ThreeHouses,
            EntryContent::Drawing(drawing.clone()),
        );
        // Records from before Wizards and Fairies have no tool: they were made in the houses.
        let old = format!(
            r#"{{"id":9,"created_at":11,"kind":"drawing","ink":"{}"}}"#,
            drawing_to_base64(&drawing)
        );
        assert_eq!(serde_json::from_str::<Entry>(&old).unwrap(), entry);
        let json = serde_json::to_string(&entry).unwrap();
        let ink = drawing_to_base64(&drawing);
        assert_eq!(
            json,
            format!(
                r#"{{"id":9,"created_at":11,"tool":"three_houses","kind":"drawing","ink":"{ink}"}}"#
            )
        );
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), entry);
    }

    #[test]
    fn sharing_is_stored_beside_the_content_once_the_child_decides() {
        use crate::core::sharing::{Audience, Decision};
        let mut entry = Entry::new(
            EntryId(2),
            3,
            Tool::ThreeHouses,
            EntryContent::Drawing(Drawing::default()),
        );
        let undecided = serde_json::to_string(&entry).unwrap();
        assert!(!undecided.contains("sharing"), "{undecided}");
        entry
            .sharing
            .decide(Decision::shared_with([Audience::Mum]), 4);
        let json = serde_json::to_string(&entry).unwrap();
        let ink = drawing_to_base64(&Drawing::default());
        assert_eq!(
            json,
            format!(
                r#"{{"id":2,"created_at":3,"tool":"three_houses","kind":"drawing","ink":"{ink}","sharing":{{"decision":{{"shared_with":["mum"]}},"history":[{{"at_ms":4,"decision":{{"shared_with":["mum"]}}}}]}}}}"#
            )
        );
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), entry);
        let words = Entry::new(
            EntryId(5),
            6,
            Tool::ThreeHouses,
            EntryContent::Words(Words::default()),
        );
        let json = serde_json::to_string(&words).unwrap();
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), words);
    }

    #[test]
    fn damaged_ink_or_old_point_arrays_do_not_read_as_a_drawing() {
        for json in [
            r#"{"id":1,"created_at":2,"kind":"drawing","ink":"not base64!"}"#,
            r#"{"id":1,"created_at":2,"kind":"drawing","ink":"AQ=="}"#,
            r#"{"id":1,"created_at":2,"kind":"drawing","ink":7}"#,
            r#"{"id":1,"created_at":2,"kind":"drawing","strokes":[]}"#,
        ] {
            let entry = serde_json::from_str::<Entry>(json).unwrap();
            assert!(entry.drawing().is_none(), "{json}");
            let unreadable = entry.unreadable().expect(json);
            assert!(!unreadable.problem.is_empty());
            assert_eq!((entry.id, entry.created_at), (EntryId(1), 2));
            // Written back exactly as it was stored.
            assert_eq!(
                serde_json::to_value(&entry).unwrap(),
                serde_json::from_str::<Value>(json).unwrap()
            );
        }
    }

    #[test]
    fn an_unreadable_entry_keeps_what_it_was_stored_with_and_records_new_decisions() {
        use crate::core::sharing::{Audience, Decision};
        let stored = r#"{"id":4,"created_at":9,"tool":"wizards_and_fairies","kind":"audio","clip":"AAEC","future":{"x":[1,2.5,null]},"sharing":{"decision":{"shared_with":["mum"]},"history":[{"at_ms":10,"decision":{"shared_with":["mum"]}}]}}"#;
        let mut entry: Entry = serde_json::from_str(stored).unwrap();
        assert_eq!(entry.tool, Tool::WizardsAndFairies);
        assert!(entry.sharing.is_shared_with(&Audience::Mum));
        // Never shown to an audience: what cannot be read cannot be checked.
        assert!(!entry.is_shown_to(&Audience::Mum));
        let as_stored: Value = serde_json::from_str(stored).unwrap();
        assert_eq!(serde_json::to_value(&entry).unwrap(), as_stored);
        // A decision recorded since is written beside everything else, unchanged.
        entry
            .sharing_mut()
            .unwrap()
            .decide(Some(Decision::Private), 11);
        let written = serde_json::to_value(&entry).unwrap();
        let mut expected = as_stored.clone();
        expected["sharing"] = serde_json::to_value(&entry.sharing).unwrap();
        assert_eq!(written, expected);
        assert_eq!(serde_json::from_value::<Entry>(written).unwrap(), {
            let mut read = entry.clone();
            if let EntryContent::Unreadable(unreadable) = &mut read.content {
                unreadable.stored = expected.clone();
            }
            read
        });
    }

    #[test]
    fn an_unreadable_entry_the_child_took_out_stays_out_and_is_kept_as_stored() {
        let stored = r#"{"id":4,"created_at":9,"kind":"audio","sharing":{"decision":{"shared_with":["mum"]},"history":[]},"taken_out":[{"at_ms":12}]}"#;
        let entry: Entry = serde_json::from_str(stored).unwrap();
        assert!(entry.unreadable().is_some());
        assert_eq!(entry.taken_out_at(), Some(12));
        assert!(!entry.is_shown_to(&Audience::Mum));
        assert_eq!(
            serde_json::to_value(&entry).unwrap(),
            serde_json::from_str::<Value>(stored).unwrap()
        );
    }

    #[test]
    fn an_unreadable_sharing_is_never_written_over() {
        let stored = r#"{"id":4,"created_at":9,"kind":"audio","sharing":{"decision":"maybe"}}"#;
        let mut entry: Entry = serde_json::from_str(stored).unwrap();
        assert!(entry.sharing.is_untouched());
        assert!(entry.sharing_mut().is_none());
        assert_eq!(
            serde_json::to_value(&entry).unwrap(),
            serde_json::from_str::<Value>(stored).unwrap()
        );
    }

    #[test]
    fn entries_without_a_readable_id_get_ids_no_entry_has() {
        let stored = r#"[{"id":1,"created_at":2,"tool":"three_houses","kind":"words","text":"hi","voice":"child_wrote"},{"kind":"drawing"},null,{"id":"x"}]"#;
        let entries = entries_from_stored(&mut serde_json::Deserializer::from_str(stored)).unwrap();
        let ids: Vec<u64> = entries.iter().map(|entry| entry.id.0).collect();
        assert_eq!(ids, [1, u64::MAX - 1, u64::MAX - 2, u64::MAX - 3]);
        assert_eq!(
            serde_json::to_value(&entries).unwrap(),
            serde_json::from_str::<Value>(stored).unwrap()
        );
    }
}
