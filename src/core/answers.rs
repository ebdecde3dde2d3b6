//! What the child gave for each question, whichever tool asked it: both tools (Three Houses,
//! Wizards and Fairies) are looks on this one model, so a session's answers do not depend on
//! which tool collected them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::question::Question;
use super::sharing::Sharing;
use super::tool::Tool;

/// What the child said and drew for one question, and any name the child gave it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    /// The child's own name for the house (or helper), per tool; absent means the usual name.
    #[serde(default)]
    pub own_names: BTreeMap<Tool, String>,
    /// Who may see each own name: the child's names for the houses are the child's words too
    /// ("When Dad drinks"), so a summary for an audience shows one only where the child agreed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub name_sharing: BTreeMap<Tool, Sharing>,
    /// Entries in the order they were made. Each is read on its own, so one that cannot be
    /// read is kept as it was stored and the others read (see [`Entry::from_stored`]).
    #[serde(default, deserialize_with = "super::entry::entries_from_stored")]
    pub entries: Vec<Entry>,
}

/// The answers to every question a session's tools asked, by question.
///
/// Stored as a JSON object keyed by the question's stored name (`"worries"`, `"good_things"`,
/// `"dreams"`), in the questions' order. The three questions of Signs of Safety are always
/// written, asked or not, as every record since the first has them; a question another tool
/// asks is written once it has answers. A stored key this app does not know is left out when
/// reading, as it always was.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswersByQuestion(BTreeMap<Question, Answers>);

/// The questions every stored session has, asked or not.
const ALWAYS_STORED: [Question; 3] = [Question::Worries, Question::GoodThings, Question::Dreams];

/// The answers of a question nobody asked yet.
static NO_ANSWERS: Answers = Answers {
    own_names: BTreeMap::new(),
    name_sharing: BTreeMap::new(),
    entries: Vec::new(),
};

impl Default for AnswersByQuestion {
    fn default() -> Self {
        AnswersByQuestion(
            ALWAYS_STORED
                .into_iter()
                .map(|question| (question, Answers::default()))
                .collect(),
        )
    }
}

impl AnswersByQuestion {
    pub fn answers(&self, question: Question) -> &Answers {
        self.0.get(&question).unwrap_or(&NO_ANSWERS)
    }

    pub fn answers_mut(&mut self, question: Question) -> &mut Answers {
        self.0.entry(question).or_default()
    }
}

impl Serialize for AnswersByQuestion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(&self.0)
    }
}

impl<'de> Deserialize<'de> for AnswersByQuestion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AnswersVisitor)
    }
}

struct AnswersVisitor;

impl<'de> serde::de::Visitor<'de> for AnswersVisitor {
    type Value = AnswersByQuestion;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the answers by question")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::{value::StrDeserializer, Error, IgnoredAny};
        let mut read = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match Question::deserialize(StrDeserializer::<A::Error>::new(&key)) {
                Ok(question) => {
                    if read
                        .insert(question, map.next_value::<Answers>()?)
                        .is_some()
                    {
                        return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                }
                Err(_) => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let mut answers = AnswersByQuestion::default();
        answers.0.extend(read);
        Ok(answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_question_has_its_own_answers() {
        let mut questions = AnswersByQuestion::default();
        questions
            .answers_mut(Question::Dreams)
            .own_names
            .insert(Tool::ThreeHouses, "Castle".into());
        assert!(questions.answers(Question::Worries).own_names.is_empty());
        assert!(questions.answers(Question::GoodThings).own_names.is_empty());
        assert_eq!(
            questions.answers(Question::Dreams).own_names[&Tool::ThreeHouses],
            "Castle"
        );
    }
}

#[cfg(test)]
mod stored {
    use super::*;

    #[test]
    fn the_three_questions_are_written_in_their_order_even_when_missing_or_unasked() {
        let empty = r#"{"worries":{"own_names":{},"entries":[]},"good_things":{"own_names":{},"entries":[]},"dreams":{"own_names":{},"entries":[]}}"#;
        assert_eq!(
            serde_json::to_string(&AnswersByQuestion::default()).unwrap(),
            empty
        );
        // Missing keys read as no answers, a key this app does not know is left out, and
        // what is written is what earlier versions wrote for the same record.
        let stored = r#"{"future":[1,{"x":2}],"dreams":{"own_names":{"three_houses":"Castle"}}}"#;
        let read: AnswersByQuestion = serde_json::from_str(stored).unwrap();
        assert_eq!(
            read.answers(Question::Dreams).own_names[&Tool::ThreeHouses],
            "Castle"
        );
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            r#"{"worries":{"own_names":{},"entries":[]},"good_things":{"own_names":{},"entries":[]},"dreams":{"own_names":{"three_houses":"Castle"},"entries":[]}}"#
        );
        assert_eq!(
            serde_json::from_str::<AnswersByQuestion>(empty).unwrap(),
            AnswersByQuestion::default()
        );
        assert!(
            serde_json::from_str::<AnswersByQuestion>(r#"{"worries":{},"worries":{}}"#).is_err()
        );
        assert!(serde_json::from_str::<AnswersByQuestion>(r#"{"worries":7}"#).is_err());
    }
}
