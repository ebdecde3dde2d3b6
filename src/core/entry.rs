//! What a child gives for a question: their words, or a drawing.

use serde::{Deserialize, Serialize};

use super::ink::{Stamp, Stroke};

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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Drawing {
    #[serde(default)]
    pub strokes: Vec<Stroke>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stamps: Vec<Stamp>,
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
    #[serde(flatten)]
    pub content: EntryContent,
}

impl Entry {
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
            let entry = Entry {
                id: EntryId(1),
                created_at: 5,
                content: EntryContent::Words(Words {
                    text: text.into(),
                    voice: Voice::ChildWrote,
                }),
            };
            let json = serde_json::to_string(&entry).unwrap();
            let back: Entry = serde_json::from_str(&json).unwrap();
            assert_eq!(back.words().unwrap().text, text);
            assert_eq!(back, entry);
        }
    }

    #[test]
    fn entries_are_tagged_by_kind() {
        let entry = Entry {
            id: EntryId(3),
            created_at: 7,
            content: EntryContent::Words(Words::default()),
        };
        let json = serde_json::to_value(&entry).unwrap();
        assert_eq!(json["kind"], "words");
        assert_eq!(json["voice"], "child_said_worker_wrote");
        let drawing = Entry {
            id: EntryId(4),
            created_at: 7,
            content: EntryContent::Drawing(Drawing::default()),
        };
        assert_eq!(serde_json::to_value(&drawing).unwrap()["kind"], "drawing");
    }
}
