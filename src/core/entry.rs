//! What a child gives for a question: their words, or a drawing.

use serde::{Deserialize, Serialize};

use super::ink::codec::{drawing_from_base64, drawing_to_base64, InkCodecError};
use super::ink::{Stamp, Stroke};
use super::questions::Tool;
use super::sharing::Sharing;

/// Identifies an entry within its session; never reused, so a deleted entry's id stays gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub u64);

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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Words {
    pub text: String,
    #[serde(default)]
    pub voice: Voice,
}

/// A drawing as the strokes that made it, in drawing order, and the stamps placed on it.
/// Stamps lie under the ink, so a child can draw on a stamp and still move it later.
///
/// Stored as `{"ink": "<base64>"}` in the compact format of `ink::codec`: JSON point arrays
/// took about 16 bytes a point, too many for localStorage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredDrawing", into = "StoredDrawing")]
pub struct Drawing {
    pub strokes: Vec<Stroke>,
    pub stamps: Vec<Stamp>,
}

/// How a drawing is kept in a stored record.
#[derive(Serialize, Deserialize)]
struct StoredDrawing {
    ink: String,
}

impl From<Drawing> for StoredDrawing {
    fn from(drawing: Drawing) -> Self {
        StoredDrawing {
            ink: drawing_to_base64(&drawing),
        }
    }
}

impl TryFrom<StoredDrawing> for Drawing {
    type Error = InkCodecError;

    fn try_from(stored: StoredDrawing) -> Result<Self, Self::Error> {
        drawing_from_base64(&stored.ink)
    }
}

impl Drawing {
    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty() && self.stamps.is_empty()
    }
}

/// The content of an entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryContent {
    Words(Words),
    Drawing(Drawing),
}

/// One thing the child gave for a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: EntryId,
    /// Milliseconds since the Unix epoch.
    pub created_at: u64,
    /// The tool the child was using when they made it. The entry answers its question in
    /// every tool; this says how the question was put to the child.
    #[serde(default)]
    pub tool: Tool,
    #[serde(flatten)]
    pub content: EntryContent,
    /// Who the child lets see this entry; left out of the record until the child decides.
    #[serde(default, skip_serializing_if = "Sharing::is_untouched")]
    pub sharing: Sharing,
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
        }
    }

    pub fn words(&self) -> Option<&Words> {
        match &self.content {
            EntryContent::Words(words) => Some(words),
            EntryContent::Drawing(_) => None,
        }
    }

    pub fn drawing(&self) -> Option<&Drawing> {
        match &self.content {
            EntryContent::Drawing(drawing) => Some(drawing),
            EntryContent::Words(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        use crate::core::ink::{Nib, Point, StampKind};
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
            assert!(serde_json::from_str::<Entry>(json).is_err(), "{json}");
        }
    }
}
