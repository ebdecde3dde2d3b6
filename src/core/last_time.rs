//! "Last time you told me…": at the start of a visit the child sees again what they put in
//! each house or helper at their visit before, one thing at a time, and says whether it is
//! still so, changed, or not so any more, or passes.
//!
//! What is shown is the earlier visit's entries as the child left them: not the ones the child
//! took out, and after the end as amended (an amendment changes the entry itself). The
//! answers are recorded in the new visit ([`Session::last_time`]); the earlier visit is never
//! changed. A child may answer the same thing again (going back a step): every answer is
//! kept in order, the newest is the current one, since a child changing their answer is
//! itself something they said.

use super::entry::{Entry, EntryContent, Words};
use super::over_months::{EarlierEntry, LastTimeAnswer, StillSo};
use super::question::Question;
use super::session::Session;
use super::tool::Tool;

/// One thing the child put somewhere last time, to be shown to them again.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownAgain<'a> {
    pub about: EarlierEntry,
    /// The tool the child made it in: its picture and name are shown with it.
    pub tool: Tool,
    /// The child's own name for that house or helper at that visit, if they gave one.
    pub own_name: Option<&'a str>,
    pub entry: &'a Entry,
}

impl Session {
    /// The child's visit before this one that holds something to show again: of the same
    /// child, dated before this one (or made before it on the same day), the newest. A visit
    /// between with nothing in it (stopped at once) does not hide what the child said before.
    pub fn visit_before<'a>(&self, sessions: &'a [Session]) -> Option<&'a Session> {
        let child = self.child_id();
        sessions
            .iter()
            .filter(|other| other.id != self.id && other.child_id() == child)
            .filter(|other| (&other.date, other.created_at) < (&self.date, self.created_at))
            .filter(|other| !other.to_show_again().is_empty())
            .max_by(|a, b| (&a.date, a.created_at).cmp(&(&b.date, b.created_at)))
    }

    /// What of this visit is shown to the child at their next one: every entry the child left
    /// here (not taken out, not blank, readable), house by house in the houses' order, and in
    /// each in the order made.
    pub fn to_show_again(&self) -> Vec<ShownAgain<'_>> {
        Question::ALL
            .into_iter()
            .flat_map(|question| {
                self.child_entries(question)
                    .filter(|entry| has_something(entry))
                    .map(move |entry| ShownAgain {
                        about: EarlierEntry {
                            session: self.id,
                            question,
                            entry: entry.id,
                        },
                        tool: entry.tool,
                        own_name: self.own_name(entry.tool, question),
                        entry,
                    })
            })
            .collect()
    }

    /// The earlier visit and what of it to show at this one, when there is any.
    pub fn last_time<'a>(
        &self,
        sessions: &'a [Session],
    ) -> Option<(&'a Session, Vec<ShownAgain<'a>>)> {
        let before = self.visit_before(sessions)?;
        Some((before, before.to_show_again()))
    }

    /// Records the child's answer about something from an earlier visit, with their words
    /// about it if they said more (kept exactly; blank words are none). Earlier answers stay.
    /// False when the visit is finished, it names this visit, or it is the same as the
    /// current answer.
    pub fn answer_last_time(
        &mut self,
        about: EarlierEntry,
        answer: StillSo,
        words: Option<Words>,
        now_ms: u64,
    ) -> bool {
        if self.is_finished() || about.session == self.id {
            return false;
        }
        let words = words.filter(|words| !words.text.trim().is_empty());
        let same = self
            .last_time_answer(&about)
            .is_some_and(|current| current.answer == answer && current.words == words);
        if same {
            return false;
        }
        self.last_time.push(LastTimeAnswer {
            about,
            answer,
            words,
            at_ms: now_ms,
        });
        self.updated_at = now_ms;
        true
    }

    /// The child's current answer about an earlier entry: the newest.
    pub fn last_time_answer(&self, about: &EarlierEntry) -> Option<&LastTimeAnswer> {
        self.last_time
            .iter()
            .rev()
            .find(|answer| &answer.about == about)
    }

    /// The answers of this visit for the worker's full record, one line per earlier entry in
    /// the order first answered, with the earlier visit's date and entry from `sessions`
    /// (None when that visit is no longer on this tablet).
    pub fn last_time_lines(&self, sessions: &[Session]) -> Vec<LastTimeLine> {
        let mut lines: Vec<LastTimeLine> = Vec::new();
        for answer in &self.last_time {
            if let Some(line) = lines.iter_mut().find(|line| line.about == answer.about) {
                line.answers.push(answer.clone());
                continue;
            }
            let earlier = sessions.iter().find(|s| s.id == answer.about.session);
            let entry = earlier.and_then(|s| s.entry(answer.about.question, answer.about.entry));
            lines.push(LastTimeLine {
                about: answer.about.clone(),
                tool: entry.map(|entry| entry.tool).unwrap_or_default(),
                earlier_date: earlier.map(|s| s.date.clone()),
                earlier: entry.cloned(),
                answers: vec![answer.clone()],
            });
        }
        lines
    }
}

/// Whether an entry holds something to show: words that are not blank, a drawing with
/// something on it. An entry that cannot be read cannot be shown.
fn has_something(entry: &Entry) -> bool {
    match &entry.content {
        EntryContent::Words(words) => !words.text.trim().is_empty(),
        EntryContent::Drawing(drawing) => !drawing.is_empty(),
        EntryContent::Unreadable(_) => false,
    }
}

/// One earlier entry the child answered about at this visit, for the full record.
#[derive(Clone, Debug, PartialEq)]
pub struct LastTimeLine {
    pub about: EarlierEntry,
    pub tool: Tool,
    /// `YYYY-MM-DD` of the earlier visit; None when it is not on this tablet.
    pub earlier_date: Option<String>,
    /// The entry as it is in the earlier visit; None when it is not on this tablet.
    pub earlier: Option<Entry>,
    /// Every answer, oldest first; the last is the current one.
    pub answers: Vec<LastTimeAnswer>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::child::ChildId;
    use crate::core::ink::{Point, Stroke};
    use crate::core::{EntryId, NewSession, SessionId, Voice};

    fn visit(child: &str, date: &str, made: u64) -> Session {
        let form = NewSession {
            child_name: "Mia".into(),
            age: "8".into(),
            worker_name: "Sam".into(),
            date: date.into(),
        };
        let mut session = Session::start(&form, SessionId::new(made, 1), made).unwrap();
        session.set_child_id(ChildId::from(child), made);
        session
    }

    fn words(text: &str) -> Words {
        Words {
            text: text.into(),
            voice: Voice::ChildSaidWorkerWrote,
        }
    }

    fn said(session: &mut Session, question: Question, text: &str) -> EntryId {
        session.add_words(
            Tool::ThreeHouses,
            question,
            words(text),
            session.updated_at + 1,
        )
    }

    fn a_stroke() -> Stroke {
        Stroke {
            colour: "#1f5fa8".into(),
            width: 24,
            points: (0..5u16)
                .map(|step| Point {
                    x: 100 + step * 100,
                    y: 200,
                    pressure: 128,
                })
                .collect(),
            pen: false,
            nib: Default::default(),
        }
    }

    /// Mia's visits: 3 March and 12 May with something said, a third on 1 September.
    fn mias_visits() -> (Session, Session, Session) {
        let mut march = visit("c-mia", "2026-03-03", 100);
        said(&mut march, Question::Worries, "Lunchtimes are hard");
        let mut may = visit("c-mia", "2026-05-12", 200);
        said(&mut may, Question::Dreams, "A bike of my own");
        said(&mut may, Question::Worries, "Dad shouts at night");
        let september = visit("c-mia", "2026-09-01", 300);
        (march, may, september)
    }

    fn about(session: &Session, question: Question, entry: EntryId) -> EarlierEntry {
        EarlierEntry {
            session: session.id,
            question,
            entry,
        }
    }

    #[test]
    fn last_time_is_the_newest_earlier_visit_of_the_same_child() {
        let (march, may, september) = mias_visits();
        let mut jonas = visit("c-jonas", "2026-06-20", 250);
        said(&mut jonas, Question::Worries, "Mum is sad a lot");
        let all = vec![september.clone(), jonas.clone(), march.clone(), may.clone()];

        assert_eq!(september.visit_before(&all).map(|s| s.id), Some(may.id));
        assert_eq!(may.visit_before(&all).map(|s| s.id), Some(march.id));
        // The first visit has none; another child's visit never counts.
        assert_eq!(march.visit_before(&all), None);
        assert_eq!(jonas.visit_before(&all), None);
    }

    #[test]
    fn a_visit_the_same_day_counts_when_made_before_and_an_empty_one_is_skipped() {
        let (march, may, _) = mias_visits();
        let morning = visit("c-mia", "2026-05-12", 150);
        let mut morning_with_words = morning.clone();
        said(&mut morning_with_words, Question::GoodThings, "Pepper");
        let afternoon = visit("c-mia", "2026-05-12", 400);

        // The empty visit made that morning does not hide what Mia said in March.
        let all = vec![march.clone(), morning.clone()];
        let later = visit("c-mia", "2026-05-12", 400);
        assert_eq!(later.visit_before(&all).map(|s| s.id), Some(march.id));
        // Made before on the same day, with something in it: that one.
        let all = vec![march.clone(), morning_with_words.clone(), may.clone()];
        assert_eq!(afternoon.visit_before(&all).map(|s| s.id), Some(may.id));
        let all = vec![march.clone(), morning_with_words.clone()];
        assert_eq!(
            afternoon.visit_before(&all).map(|s| s.id),
            Some(morning_with_words.id)
        );
        // A visit made later the same day is not "before".
        assert_eq!(
            morning_with_words
                .visit_before(&[march.clone(), afternoon])
                .map(|s| s.id),
            Some(march.id)
        );
    }

    #[test]
    fn what_is_shown_again_is_what_the_child_left_in_the_houses_order() {
        let mut may = visit("c-mia", "2026-05-12", 200);
        let dream = said(&mut may, Question::Dreams, "A bike of my own");
        let taken_out = said(&mut may, Question::Worries, "I lost my hat");
        let worry = said(&mut may, Question::Worries, "Dad shouts at night");
        let blank = said(&mut may, Question::GoodThings, "   ");
        let empty_drawing = may.add_drawing(Tool::ThreeHouses, Question::GoodThings, 210);
        let drawing = may.add_drawing(Tool::WizardsAndFairies, Question::GoodThings, 211);
        may.add_stroke(Question::GoodThings, drawing, a_stroke(), 212);
        may.rename(
            Tool::WizardsAndFairies,
            Question::GoodThings,
            "Sparkle",
            213,
        );
        assert!(may.take_out(Question::Worries, taken_out, 214));

        let shown = may.to_show_again();
        let ids: Vec<(Question, EntryId)> = shown
            .iter()
            .map(|item| (item.about.question, item.about.entry))
            .collect();
        assert_eq!(
            ids,
            [
                (Question::Worries, worry),
                (Question::GoodThings, drawing),
                (Question::Dreams, dream),
            ],
            "taken out ({taken_out:?}), blank ({blank:?}) and empty ({empty_drawing:?}) are not shown"
        );
        assert_eq!(shown[1].tool, Tool::WizardsAndFairies);
        assert_eq!(shown[1].own_name, Some("Sparkle"));
        assert_eq!(shown[0].own_name, None);
    }

    #[test]
    fn after_the_end_the_entry_is_shown_as_amended() {
        let mut may = visit("c-mia", "2026-05-12", 200);
        let worry = said(&mut may, Question::Worries, "Dad shout at nigth");
        assert!(may.finish(300));
        may.amend_words(
            Question::Worries,
            worry,
            "Dad shouts at night",
            "typo of mine",
            400,
        )
        .unwrap();
        let shown = may.to_show_again();
        assert_eq!(
            shown[0].entry.words().map(|w| w.text.as_str()),
            Some("Dad shouts at night")
        );
    }

    #[test]
    fn answers_are_kept_in_order_and_the_newest_is_current() {
        let (_, may, mut september) = mias_visits();
        let worry = may.to_show_again()[0].about.clone();
        assert_eq!(worry.question, Question::Worries);

        assert!(september.answer_last_time(worry.clone(), StillSo::StillSo, None, 1_000));
        assert_eq!(september.updated_at, 1_000);
        // The same answer again records nothing new.
        assert!(!september.answer_last_time(worry.clone(), StillSo::StillSo, None, 1_001));
        // The child goes back and says it changed, with words: both answers are kept.
        let more = Words {
            text: "  only sometimes now ".into(),
            voice: Voice::ChildWrote,
        };
        assert!(september.answer_last_time(
            worry.clone(),
            StillSo::Changed,
            Some(more.clone()),
            1_002
        ));
        assert_eq!(september.last_time.len(), 2);
        assert_eq!(september.last_time[0].answer, StillSo::StillSo);
        let current = september.last_time_answer(&worry).unwrap();
        assert_eq!(current.answer, StillSo::Changed);
        // Kept exactly, spaces and all, with who wrote them.
        assert_eq!(current.words.as_ref(), Some(&more));
        assert_eq!(current.at_ms, 1_002);
        // Blank words are no words; passing is an answer like any other.
        assert!(september.answer_last_time(
            worry.clone(),
            StillSo::Passed,
            Some(words("  ")),
            1_003
        ));
        assert_eq!(september.last_time_answer(&worry).unwrap().words, None);
        assert_eq!(september.last_time.len(), 3);
    }

    #[test]
    fn a_finished_visit_takes_no_answers_and_a_visit_none_about_itself() {
        let (_, may, mut september) = mias_visits();
        let worry = may.to_show_again()[0].about.clone();
        let own = about(&september, Question::Worries, EntryId(1));
        assert!(!september.answer_last_time(own, StillSo::StillSo, None, 900));
        assert!(september.finish(950));
        assert!(!september.answer_last_time(worry, StillSo::NotAnyMore, None, 1_000));
        assert!(september.last_time.is_empty());
    }

    #[test]
    fn answers_are_written_only_once_given_and_read_back_unchanged() {
        let (_, may, mut september) = mias_visits();
        let before = serde_json::to_string(&september).unwrap();
        assert!(!before.contains("last_time"), "{before}");
        let worry = may.to_show_again()[1].about.clone();
        september.answer_last_time(worry, StillSo::NotAnyMore, Some(words("He stopped")), 1_000);
        let written = serde_json::to_string(&september).unwrap();
        assert!(written.contains(r#""answer":"not_any_more""#), "{written}");
        let read: Session = serde_json::from_str(&written).unwrap();
        assert_eq!(read, september);
    }

    #[test]
    fn the_child_may_answer_in_child_mode_of_their_visit_only() {
        use crate::core::{ChildMode, Screen};
        let (_, may, september) = mias_visits();
        let mode = ChildMode {
            session: september.id,
            tool: Tool::ThreeHouses,
        };
        let here = Screen::LastTime {
            session: september.id,
            step: 2,
        };
        assert!(mode.allows(&here));
        assert!(!mode.allows(&Screen::LastTime {
            session: may.id,
            step: 0
        }));
        assert_eq!(
            here.parent(),
            Screen::Session {
                session: september.id
            }
        );
        // A place stored at the first step reads as before steps were written.
        let first = serde_json::to_string(&Screen::LastTime {
            session: september.id,
            step: 0,
        })
        .unwrap();
        assert!(!first.contains("step"), "{first}");
    }
}
