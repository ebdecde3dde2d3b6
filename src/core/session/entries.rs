//! What the child makes: words and drawings added, written, drawn, captioned, asked about,
//! read back, taken out and put back. Every change during the conversation goes through an
//! opening (see `core::entry_history`), so what was there before is kept; once the session
//! is finished nothing here changes (then see `finish` for amendments).

use crate::core::entry::{
    Entry, EntryContent, EntryId, Part, ReadBack, ReadBackMark, TakenOut, Voice, Words,
};
use crate::core::entry_history::{keep_earlier, Opening, Version};
use crate::core::ink::{Drawing, Stroke};
use crate::core::question::Question;
use crate::core::tool::Tool;

use super::Session;

impl Session {
    /// Adds the child's words for a question, asked in `tool`. Once the session is finished
    /// nothing is added and [`EntryId::NONE`] comes back.
    pub fn add_words(
        &mut self,
        tool: Tool,
        question: Question,
        words: Words,
        now_ms: u64,
    ) -> EntryId {
        self.add_entry(tool, question, EntryContent::Words(words), now_ms)
    }

    /// Adds an empty drawing for a question, asked in `tool`; once the session is finished,
    /// nothing (see [`Session::add_words`]).
    pub fn add_drawing(&mut self, tool: Tool, question: Question, now_ms: u64) -> EntryId {
        self.add_entry(
            tool,
            question,
            EntryContent::Drawing(Drawing::default()),
            now_ms,
        )
    }

    /// Opens part of an entry for editing: what it holds now is what a change in this
    /// opening keeps (see `core::entry_history`). None when there is no such part, the entry
    /// cannot be read, or the session is finished (then only amendments change it).
    pub fn open_for_editing(
        &self,
        question: Question,
        id: EntryId,
        part: Part,
        now_ms: u64,
    ) -> Option<Opening> {
        if self.is_finished() {
            return None;
        }
        let before = Version::of(self.entry(question, id)?, part)?;
        Some(Opening {
            question,
            entry: id,
            at_ms: now_ms,
            before,
        })
    }

    /// Changes the opened part of an entry through `change`, and keeps what it was before
    /// when something that was there changed. None when the entry is gone, `change` finds no
    /// such part, or the session is finished.
    fn edit_opened<R>(
        &mut self,
        opening: &Opening,
        now_ms: u64,
        change: impl FnOnce(&mut Entry) -> Option<R>,
    ) -> Option<R> {
        if self.is_finished() {
            return None;
        }
        let entry = self.entry_mut(opening.question, opening.entry)?;
        let result = change(entry)?;
        keep_earlier(entry, opening, now_ms);
        self.touch(now_ms);
        Some(result)
    }

    /// Replaces the words of an entry opened for editing, exactly as given, with who said and
    /// who wrote them. Returns false if there is no such words entry, or the session is
    /// finished (then see [`Session::amend_words`]).
    pub fn write_words(
        &mut self,
        opening: &Opening,
        text: &str,
        voice: Voice,
        now_ms: u64,
    ) -> bool {
        self.edit_opened(opening, now_ms, |entry| match &mut entry.content {
            EntryContent::Words(words) => {
                words.text = text.to_owned();
                words.voice = voice;
                Some(())
            }
            _ => None,
        })
        .is_some()
    }

    /// [`Session::write_words`] as one opening of its own: every call that changes words
    /// that were there keeps a change. Editors that save per keystroke open once instead.
    pub fn set_words(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        voice: Voice,
        now_ms: u64,
    ) -> bool {
        self.open_for_editing(question, id, Part::Words, now_ms)
            .is_some_and(|opening| self.write_words(&opening, text, voice, now_ms))
    }

    /// Changes a drawing opened for editing through `change`, which gets the drawing and
    /// returns a result; when something the drawing held at opening is gone, the drawing as
    /// it was then is kept. Returns None if there is no such drawing, or the session is
    /// finished (a drawing is never amended: the child drew it).
    pub fn draw<R>(
        &mut self,
        opening: &Opening,
        now_ms: u64,
        change: impl FnOnce(&mut Drawing) -> R,
    ) -> Option<R> {
        self.edit_opened(opening, now_ms, |entry| match &mut entry.content {
            EntryContent::Drawing(drawing) => Some(change(drawing)),
            _ => None,
        })
    }

    /// [`Session::draw`] as one opening of its own.
    pub fn change_drawing<R>(
        &mut self,
        question: Question,
        id: EntryId,
        now_ms: u64,
        change: impl FnOnce(&mut Drawing) -> R,
    ) -> Option<R> {
        let opening = self.open_for_editing(question, id, Part::Drawing, now_ms)?;
        self.draw(&opening, now_ms, change)
    }

    /// Adds a finished stroke to a drawing without undo history (used by tests and imports).
    pub fn add_stroke(
        &mut self,
        question: Question,
        id: EntryId,
        stroke: Stroke,
        now_ms: u64,
    ) -> bool {
        self.change_drawing(question, id, now_ms, |drawing| drawing.strokes.push(stroke))
            .is_some()
    }

    /// Removes an entry for good: the worker's act (a child takes an entry out instead, see
    /// [`Session::take_out`]), and only during the conversation, for an entry just begun and
    /// left empty or one made by mistake. Once the session is finished the child's entries
    /// stay (None): the worker can still delete the whole session, as deleting a child's data
    /// must always be possible. Returns it, so a caller could offer to bring it back.
    pub fn delete_entry(&mut self, question: Question, id: EntryId, now_ms: u64) -> Option<Entry> {
        if self.is_finished() {
            return None;
        }
        let entries = &mut self.questions.answers_mut(question).entries;
        let position = entries.iter().position(|entry| entry.id == id)?;
        let removed = entries.remove(position);
        self.touch(now_ms);
        Some(removed)
    }

    /// The entries the child sees for a question: all but those the child took out.
    pub fn child_entries(&self, question: Question) -> impl Iterator<Item = &Entry> + '_ {
        self.entries(question)
            .iter()
            .filter(|entry| !entry.is_taken_out())
    }

    /// The child takes an entry out instead of deleting it: it leaves every summary for an
    /// audience and the child's lists, and stays in the worker's full record with the time.
    /// False when it is out already, cannot be read, is not there, or the session is finished.
    pub fn take_out(&mut self, question: Question, id: EntryId, now_ms: u64) -> bool {
        self.change_entry(question, id, now_ms, |entry| {
            if entry.is_taken_out() || entry.unreadable().is_some() {
                return false;
            }
            entry.taken_out.push(TakenOut {
                at_ms: now_ms,
                put_back_at_ms: None,
            });
            true
        })
    }

    /// The worker puts a taken-out entry back (the child changed their mind); that it was
    /// taken out stays in the record. False when it is not out, or the session is finished.
    pub fn put_back(&mut self, question: Question, id: EntryId, now_ms: u64) -> bool {
        self.change_entry(question, id, now_ms, |entry| {
            match entry.taken_out.last_mut() {
                Some(spell) if spell.put_back_at_ms.is_none() => {
                    spell.put_back_at_ms = Some(now_ms);
                    true
                }
                _ => false,
            }
        })
    }

    /// The child's own explanation of a drawing opened for editing (see
    /// [`Session::open_for_editing`] with [`Part::Caption`]), exactly as given; None, or blank
    /// words, removes it. A caption that was there and changes is kept as it was. False when
    /// it is not a drawing, nothing changed, or the session is finished (then see
    /// [`Session::amend_caption`]).
    pub fn write_caption(
        &mut self,
        opening: &Opening,
        caption: Option<Words>,
        now_ms: u64,
    ) -> bool {
        let caption = caption.filter(|words| !words.text.trim().is_empty());
        self.edit_opened(opening, now_ms, |entry| {
            (entry.drawing().is_some() && entry.caption != caption).then(|| {
                entry.caption = caption;
            })
        })
        .is_some()
    }

    /// [`Session::write_caption`] as one opening of its own.
    pub fn set_caption(
        &mut self,
        question: Question,
        id: EntryId,
        caption: Option<Words>,
        now_ms: u64,
    ) -> bool {
        self.open_for_editing(question, id, Part::Caption, now_ms)
            .is_some_and(|opening| self.write_caption(&opening, caption, now_ms))
    }

    /// What the worker asked before the child gave an entry, as typed; blank removes it.
    /// False when nothing changed or the session is finished (then see
    /// [`Session::amend_worker_question`]).
    pub fn set_worker_question(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        now_ms: u64,
    ) -> bool {
        let asked = (!text.trim().is_empty()).then(|| text.to_owned());
        self.change_entry(question, id, now_ms, |entry| {
            if entry.worker_question == asked {
                return false;
            }
            entry.worker_question = asked;
            true
        })
    }

    /// Marks an entry as read back to the child, with the time; None clears the mark. False
    /// when nothing changed or the session is finished.
    pub fn set_read_back(
        &mut self,
        question: Question,
        id: EntryId,
        mark: Option<ReadBackMark>,
        now_ms: u64,
    ) -> bool {
        self.change_entry(question, id, now_ms, |entry| {
            if entry.read_back.map(|read_back| read_back.mark) == mark {
                return false;
            }
            entry.read_back = mark.map(|mark| ReadBack {
                mark,
                at_ms: now_ms,
            });
            true
        })
    }

    /// Changes an entry through `change`, which says whether it changed anything; nothing
    /// changes once the session is finished.
    fn change_entry(
        &mut self,
        question: Question,
        id: EntryId,
        now_ms: u64,
        change: impl FnOnce(&mut Entry) -> bool,
    ) -> bool {
        if self.is_finished() {
            return false;
        }
        let changed = self.entry_mut(question, id).is_some_and(change);
        if changed {
            self.touch(now_ms);
        }
        changed
    }

    fn add_entry(
        &mut self,
        tool: Tool,
        question: Question,
        content: EntryContent,
        now_ms: u64,
    ) -> EntryId {
        if self.is_finished() {
            return EntryId::NONE;
        }
        let id = EntryId(self.next_entry.max(1));
        self.next_entry = id.0 + 1;
        self.questions
            .answers_mut(question)
            .entries
            .push(Entry::new(id, now_ms, tool, content));
        self.touch(now_ms);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ink::Point;
    use crate::core::session::tests::mia;

    #[test]
    fn entries_keep_their_order_and_ids_are_never_reused() {
        let mut session = mia();
        let first = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2000);
        let second =
            session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 3000);
        assert_eq!(
            session
                .entries(Question::Worries)
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            vec![first, second]
        );
        session
            .delete_entry(Question::Worries, second, 4000)
            .unwrap();
        let third = session.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 5000);
        assert!(third.0 > second.0);
        assert!(session.entries(Question::GoodThings).is_empty());
        assert_eq!(session.updated_at, 5000);
    }

    #[test]
    fn words_are_replaced_exactly_as_typed() {
        let mut session = mia();
        let id = session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 2000);
        assert!(session.set_words(
            Question::Worries,
            id,
            "  Ich hab Angst 😢  ",
            Voice::ChildWrote,
            2100
        ));
        let words = session
            .entry(Question::Worries, id)
            .unwrap()
            .words()
            .unwrap();
        assert_eq!(words.text, "  Ich hab Angst 😢  ");
        assert_eq!(words.voice, Voice::ChildWrote);
        assert!(!session.set_words(Question::GoodThings, id, "x", Voice::ChildWrote, 2200));
    }

    #[test]
    fn strokes_go_only_to_drawings() {
        let mut session = mia();
        let drawing = session.add_drawing(Tool::ThreeHouses, Question::GoodThings, 2000);
        let words = session.add_words(
            Tool::ThreeHouses,
            Question::GoodThings,
            Words::default(),
            2000,
        );
        let stroke = Stroke {
            colour: "#222222".into(),
            width: 40,
            points: vec![Point {
                x: 1,
                y: 1,
                pressure: 9,
            }],
            pen: false,
            nib: Default::default(),
        };
        assert!(session.add_stroke(Question::GoodThings, drawing, stroke.clone(), 2100));
        assert!(!session.add_stroke(Question::GoodThings, words, stroke, 2100));
        let strokes = &session
            .entry(Question::GoodThings, drawing)
            .unwrap()
            .drawing()
            .unwrap()
            .strokes;
        assert_eq!(strokes.len(), 1);
    }
}
