//! A session: one conversation with one child on one day.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Serialize};

use super::answers::AnswersByQuestion;
use super::child::ChildId;
use super::conversation::{
    AgeVersion, AmendError, Amended, Amendment, Consent, ConversationDetails, Informed,
    Interpreter, NetworkResponse, NextSteps, Pace, PaceEvent, PersonPresent, Visit,
};
use super::entry::Part;
use super::entry::{Entry, EntryContent, EntryId, ReadBack, ReadBackMark, TakenOut, Voice, Words};
use super::entry_history::{keep_earlier, Opening, Version};
use super::exports::Export;
use super::ink::{Drawing, Stroke};
use super::over_months::{FeedbackHeard, FeedbackToChild, LastTimeAnswer, PromiseChecked};
use super::question::Question;
use super::restored::Restore;
use super::sharing::{is_iso_date, Audience, Decision, Sharing, WorkerReason};
use super::summary_choices::SummaryChoices;
use super::tool::{Helper, Tool};

/// Something of the child's that the child decides about: an entry, or the child's own name
/// for a house or helper (the child's words too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SharedItem {
    Entry { question: Question, entry: EntryId },
    Name { tool: Tool, question: Question },
}

/// One question as a tool shows it: a house, or a helper.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuestionInTool<'a> {
    pub tool: Tool,
    pub question: Question,
    /// The child's own name for this house or helper; None means the usual name.
    pub own_name: Option<&'a str>,
    /// In the order made, from every tool.
    pub entries: &'a [Entry],
}

impl QuestionInTool<'_> {
    /// The dots under a house or helper: one for each thing the child has put here (from
    /// either tool) and still has in. What the child took out has left their lists, so it
    /// is not counted; put back, it counts again.
    pub fn dots(&self) -> usize {
        self.entries
            .iter()
            .filter(|entry| !entry.is_taken_out())
            .count()
    }
}

/// Identifies a session on this device. Stored and used in storage keys as its text; held
/// as a shared copy of that text, so an id copies like a number.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionId(&'static str);

impl SessionId {
    /// An id from the creation time and a random number, safe in a storage key.
    pub fn new(now_ms: u64, random: u32) -> SessionId {
        SessionId::from(format!("{now_ms:x}-{random:08x}").as_str())
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl From<&str> for SessionId {
    /// Each distinct id's text is kept once for the life of the page: a device holds a few
    /// hundred sessions at most, so this costs a few kilobytes.
    fn from(text: &str) -> SessionId {
        static KNOWN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
        let mut known = KNOWN
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(same) = known.get(text) {
            return SessionId(same);
        }
        let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
        known.insert(kept);
        SessionId(kept)
    }
}

impl std::fmt::Debug for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("SessionId").field(&self.0).finish()
    }
}

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for SessionId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for SessionId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SessionId, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Ok(SessionId::from(text.as_ref()))
    }
}

/// The child, with as little about them as the work needs: a first name or alias is enough.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Child {
    pub name: String,
    #[serde(default)]
    pub age: Option<u8>,
}

/// What the worker types to start a session, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewSession {
    pub child_name: String,
    pub age: String,
    pub worker_name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// Why a session could not be started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionError {
    NameMissing,
    AgeInvalid,
    DateInvalid,
}

/// The oldest age the form accepts; young adults leaving care are still heard.
pub const MAX_AGE: u8 = 25;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub child: Child,
    /// Empty when the worker gave no name.
    #[serde(default)]
    pub worker: String,
    /// `YYYY-MM-DD`, the day of the conversation.
    pub date: String,
    /// Where the conversation happened, as the worker typed it (not a screen: see
    /// `core::place`).
    #[serde(default)]
    pub place: String,
    /// Who was present, as the worker typed it.
    #[serde(default)]
    pub present: String,
    /// Milliseconds since the Unix epoch.
    pub created_at: u64,
    pub updated_at: u64,
    pub questions: AnswersByQuestion,
    /// The worker's reflection: observations, analysis, risk. Kept apart from the child's
    /// words, and only ever in the worker's full record, never in a summary for an audience.
    /// Stored as `worker_notes` up to schema 4, which appeared in every summary.
    #[serde(default)]
    pub reflection: String,
    /// Pictured audiences that do not apply to this child (a dad who has died): they are not
    /// offered, so the child is never asked about them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hidden_audiences: Vec<Audience>,
    /// The worker's choices for each audience's summary, for those the worker changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    summary_choices: Vec<SummaryChoices>,
    /// Every print and download of a summary, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<Export>,
    /// The magical helper the child chose for Wizards and Fairies; None until they choose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<Helper>,
    /// `YYYY-MM-DD`: the day this session came back from a backup as a second copy, beside
    /// the tablet's own different one, as restores marked it before [`Session::restores`]:
    /// kept, and shown as a restore from a backup of unknown date and version. None for
    /// every other session, and then not written, so their records stay as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_from_backup_on: Option<String>,
    /// Each time this session came onto a tablet from a backup, oldest first (a session can
    /// travel through several). Empty for a session made here, and then not written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restores: Vec<Restore>,
    /// The language the child sees and hears the tools in (a code such as `ar`), apart from
    /// the worker's. None for sessions from before it could be chosen, and then not written,
    /// so their records stay as before: the child's screens use the worker's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    child_language: Option<String>,
    /// Names the child gave for people who may see entries ("Oma"), in the order given.
    #[serde(default)]
    named_audiences: Vec<String>,
    /// The facts of the conversation: times, who was there and where, language, interpreter,
    /// how the parents were prepared. Each new field from here on is written only when it
    /// holds something, so a record from before reads and writes back as it was.
    #[serde(default, skip_serializing_if = "ConversationDetails::is_empty")]
    details: ConversationDetails,
    /// When the worker marked the child's "Before we start" page as done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before_we_start_at: Option<u64>,
    /// The worker's choice of the child's version; None: the one for the child's age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    age_version: Option<AgeVersion>,
    /// The child's stops, breaks and passes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pace: Vec<PaceEvent>,
    /// Each question the child opened, in order, without immediate repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    visits: Vec<Visit>,
    /// When the worker finished the session; from then on the child's part changes only by
    /// amendment (see `core::conversation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    finished_at: Option<u64>,
    /// Changes to the child's part after the end, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    amendments: Vec<Amendment>,
    #[serde(default, skip_serializing_if = "NextSteps::is_empty")]
    next_steps: NextSteps,
    /// The family's and network's responses to the houses, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    network_responses: Vec<NetworkResponse>,
    /// The child this visit belongs to; None for a session from before children, which is
    /// its own child (see [`Session::child_id`] in `core::child`), and then not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(in crate::core) child_id: Option<ChildId>,
    /// The child's answers to "Last time you told me…" at this visit (`core::over_months`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_time: Vec<LastTimeAnswer>,
    /// What the worker tells the child happened with this visit's entries and promises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<FeedbackToChild>,
    /// Feedback from earlier visits the child heard at this one, with their reaction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback_heard: Vec<FeedbackHeard>,
    /// The worker's checks at this visit of what earlier visits promised would happen next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promises_checked: Vec<PromiseChecked>,
    /// The id the next entry gets; ids are never reused.
    next_entry: u64,
}

impl Session {
    /// Starts a session from the form. Names are trimmed at the ends (they are labels, not
    /// the child's words); the child's own words are never touched.
    pub fn start(form: &NewSession, id: SessionId, now_ms: u64) -> Result<Session, SessionError> {
        let name = form.child_name.trim();
        if name.is_empty() {
            return Err(SessionError::NameMissing);
        }
        let age = match form.age.trim() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(age) if age <= MAX_AGE => Some(age),
                _ => return Err(SessionError::AgeInvalid),
            },
        };
        if !is_iso_date(&form.date) {
            return Err(SessionError::DateInvalid);
        }
        Ok(Session {
            id,
            child: Child {
                name: name.to_owned(),
                age,
            },
            worker: form.worker_name.trim().to_owned(),
            date: form.date.clone(),
            place: String::new(),
            present: String::new(),
            created_at: now_ms,
            updated_at: now_ms,
            questions: AnswersByQuestion::default(),
            reflection: String::new(),
            hidden_audiences: Vec::new(),
            summary_choices: Vec::new(),
            exports: Vec::new(),
            helper: None,
            restored_from_backup_on: None,
            restores: Vec::new(),
            child_language: None,
            named_audiences: Vec::new(),
            details: ConversationDetails::default(),
            before_we_start_at: None,
            age_version: None,
            pace: Vec::new(),
            visits: Vec::new(),
            finished_at: None,
            amendments: Vec::new(),
            next_steps: NextSteps::default(),
            network_responses: Vec::new(),
            child_id: None,
            last_time: Vec::new(),
            feedback: Vec::new(),
            feedback_heard: Vec::new(),
            promises_checked: Vec::new(),
            next_entry: 1,
        })
    }

    pub fn entries(&self, question: Question) -> &[Entry] {
        &self.questions.answers(question).entries
    }

    pub fn entry(&self, question: Question, id: EntryId) -> Option<&Entry> {
        self.entries(question).iter().find(|entry| entry.id == id)
    }

    /// The child's own name for a question in a tool, if they gave one.
    pub fn own_name(&self, tool: Tool, question: Question) -> Option<&str> {
        self.questions
            .answers(question)
            .own_names
            .get(&tool)
            .map(String::as_str)
    }

    /// Gives a house (or helper) the child's own name; a blank name brings the usual one back.
    /// What the child decided about sharing a name held for that name only, so a new name
    /// starts undecided again (the history keeps the earlier decision). Does nothing once
    /// the session is finished: the name is the child's words.
    pub fn rename(&mut self, tool: Tool, question: Question, name: &str, now_ms: u64) {
        if self.is_finished() {
            return;
        }
        let answers = self.questions.answers_mut(question);
        let new_name = (!name.trim().is_empty()).then(|| name.to_owned());
        if answers.own_names.get(&tool) == new_name.as_ref() {
            return;
        }
        match new_name {
            Some(name) => answers.own_names.insert(tool, name),
            None => answers.own_names.remove(&tool),
        };
        if let Some(sharing) = answers.name_sharing.get_mut(&tool) {
            sharing.decide(None, now_ms);
        }
        self.touch(now_ms);
    }

    /// The child's own name for a question in `tool`, if a summary for `audience` may show
    /// it: the child agreed, and the worker holds nothing back.
    pub fn own_name_shown_to(
        &self,
        tool: Tool,
        question: Question,
        audience: &Audience,
    ) -> Option<&str> {
        let shown = self
            .sharing(SharedItem::Name { tool, question })
            .is_some_and(|sharing| sharing.is_shown_to(audience));
        self.own_name(tool, question).filter(|_| shown)
    }

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

    /// Keeps the helper the child chose (kind and colours); choosing again replaces it, and
    /// every entry stays where it is. Does nothing once the session is finished.
    pub fn choose_helper(&mut self, helper: Helper, now_ms: u64) {
        if self.helper != Some(helper) && !self.is_finished() {
            self.helper = Some(helper);
            self.touch(now_ms);
        }
    }

    /// The tools the child took part in, in a fixed order: a tool counts once the child made
    /// an entry in it, named one of its houses or helpers, chose a helper, or said "I don't
    /// want to say" in it. Choosing, naming and passing are already the child taking part.
    pub fn tools_used(&self) -> Vec<Tool> {
        Tool::ALL
            .into_iter()
            .filter(|&tool| {
                (tool.choosing_counts() && self.helper.is_some())
                    || tool.questions().iter().any(|&question| {
                        self.own_name(tool, question).is_some()
                            || self.passed(tool, question)
                            || self
                                .entries(question)
                                .iter()
                                .any(|entry| entry.tool == tool)
                    })
            })
            .collect()
    }

    /// The three questions as `tool` shows them, in its order: the child's name for each in
    /// that tool, and the entries, which are the same whichever tool shows them.
    pub fn questions_in(&self, tool: Tool) -> Vec<QuestionInTool<'_>> {
        tool.questions()
            .iter()
            .map(|&question| QuestionInTool {
                tool,
                question,
                own_name: self.own_name(tool, question),
                entries: self.entries(question),
            })
            .collect()
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

    /// Where the conversation happened, kept exactly as typed.
    pub fn set_place(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.place, text) {
            self.touch(now_ms);
        }
    }

    /// Who was present, kept exactly as typed.
    pub fn set_present(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.present, text) {
            self.touch(now_ms);
        }
    }

    /// The language the child sees and hears the tools in; None: the worker's.
    pub fn child_language(&self) -> Option<&str> {
        self.child_language.as_deref()
    }

    /// The worker chose the child's language, on the start form or during the session.
    pub fn set_child_language(&mut self, code: &str, now_ms: u64) {
        if self.child_language.as_deref() != Some(code) {
            self.child_language = Some(code.to_owned());
            self.touch(now_ms);
        }
    }

    /// The languages of the conversation as a record names them: the child's language (in
    /// its own name) and, when the worker noted another language spoken, that one too, as
    /// typed. Empty when neither is known (a session from before either could be set).
    pub fn languages_spoken(&self) -> String {
        let childs = self
            .child_language
            .as_deref()
            .and_then(super::language::own_name);
        let spoken = self.details.language.trim();
        match childs {
            Some(childs) if !spoken.is_empty() && spoken != childs => {
                format!("{childs} · {spoken}")
            }
            Some(childs) => childs.to_owned(),
            None => spoken.to_owned(),
        }
    }

    /// The worker's name for this session, as given (trimmed at the ends: a label); empty
    /// when the worker gives none. A new session starts with the name from Settings.
    pub fn set_worker(&mut self, name: &str, now_ms: u64) {
        if replace_if_different(&mut self.worker, name.trim()) {
            self.touch(now_ms);
        }
    }

    /// The day of the conversation (`YYYY-MM-DD`), for a session started on another day
    /// than it was held; anything else is refused and changes nothing.
    pub fn set_date(&mut self, date: &str, now_ms: u64) -> Result<(), SessionError> {
        if !is_iso_date(date) {
            return Err(SessionError::DateInvalid);
        }
        if replace_if_different(&mut self.date, date) {
            self.touch(now_ms);
        }
        Ok(())
    }

    /// The worker's reflection, kept exactly as typed.
    pub fn set_reflection(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.reflection, text) {
            self.touch(now_ms);
        }
    }

    /// The names the child gave for people who may see entries, in the order given.
    pub fn named_audiences(&self) -> &[String] {
        &self.named_audiences
    }

    pub fn is_hidden(&self, audience: &Audience) -> bool {
        self.hidden_audiences.contains(audience)
    }

    /// Hides a pictured audience that does not apply to this child, or shows it again.
    /// Decisions already made stay as they are: hiding changes what is asked, not what the
    /// child said. Names the child gave cannot be hidden.
    pub fn set_hidden(&mut self, audience: &Audience, hidden: bool, now_ms: u64) {
        if matches!(audience, Audience::Named(_)) || self.is_hidden(audience) == hidden {
            return;
        }
        if hidden {
            self.hidden_audiences.push(audience.clone());
            self.hidden_audiences.sort();
        } else {
            self.hidden_audiences.retain(|known| known != audience);
        }
        self.touch(now_ms);
    }

    /// Everyone the child is offered: the pictured choices that apply, then the names the
    /// child gave.
    pub fn audiences_to_offer(&self) -> Vec<Audience> {
        Audience::PICTURED
            .into_iter()
            .filter(|audience| !self.is_hidden(audience))
            .chain(
                self.named_audiences
                    .iter()
                    .filter_map(|n| Audience::named(n)),
            )
            .collect()
    }

    /// Everyone a summary can be made for: those offered, and anyone a decision names even
    /// if hidden since, in the offered order.
    pub fn summary_audiences(&self) -> Vec<Audience> {
        let decided: Vec<&Audience> = self
            .shared_items()
            .into_iter()
            .filter_map(|item| self.sharing(item))
            .filter_map(|sharing| sharing.decision.as_ref())
            .flat_map(Decision::audiences)
            .collect();
        Audience::PICTURED
            .into_iter()
            .chain(
                self.named_audiences
                    .iter()
                    .filter_map(|n| Audience::named(n)),
            )
            .filter(|audience| !self.is_hidden(audience) || decided.contains(&audience))
            .collect()
    }

    /// The worker's choices for `audience`'s summary: as last set, or the safe defaults.
    pub fn summary_choices(&self, audience: &Audience) -> SummaryChoices {
        self.summary_choices
            .iter()
            .find(|choices| &choices.audience == audience)
            .cloned()
            .unwrap_or_else(|| SummaryChoices::default_for(audience))
    }

    /// Keeps the worker's choices for one audience's summary (the note exactly as typed).
    pub fn set_summary_choices(&mut self, choices: SummaryChoices, now_ms: u64) {
        if self.summary_choices(&choices.audience) == choices {
            return;
        }
        match self
            .summary_choices
            .iter_mut()
            .find(|known| known.audience == choices.audience)
        {
            Some(known) => *known = choices,
            None => self.summary_choices.push(choices),
        }
        self.touch(now_ms);
    }

    /// Whether this session came onto this tablet from a backup, at any time.
    pub fn was_restored(&self) -> bool {
        !self.restores.is_empty() || self.restored_from_backup_on.is_some()
    }

    /// Records a print or download of a summary.
    pub fn record_export(&mut self, export: Export) {
        let at_ms = export.at_ms;
        self.exports.push(export);
        self.touch(at_ms);
    }

    /// Every item the child decides about: the entries question by question in the houses'
    /// order, each in the order made, then the child's own names.
    pub fn shared_items(&self) -> Vec<SharedItem> {
        let entries = Question::ALL.into_iter().flat_map(|question| {
            self.entries(question)
                .iter()
                .map(move |entry| SharedItem::Entry {
                    question,
                    entry: entry.id,
                })
        });
        let names = Question::ALL.into_iter().flat_map(|question| {
            Tool::ALL
                .into_iter()
                .filter(move |&tool| self.own_name(tool, question).is_some())
                .map(move |tool| SharedItem::Name { tool, question })
        });
        entries.chain(names).collect()
    }

    /// The sharing of an item; a name the child gave that nobody decided about yet has an
    /// untouched sharing. None for an entry or a name that is not there.
    pub fn sharing(&self, item: SharedItem) -> Option<&Sharing> {
        static UNTOUCHED: Sharing = Sharing {
            decision: None,
            history: Vec::new(),
            holds: Vec::new(),
            passed_on: Vec::new(),
        };
        match item {
            SharedItem::Entry { question, entry } => {
                self.entry(question, entry).map(|entry| &entry.sharing)
            }
            SharedItem::Name { tool, question } => {
                self.own_name(tool, question)?;
                let answers = self.questions.answers(question);
                Some(answers.name_sharing.get(&tool).unwrap_or(&UNTOUCHED))
            }
        }
    }

    fn sharing_mut(&mut self, item: SharedItem) -> Option<&mut Sharing> {
        match item {
            SharedItem::Entry { question, entry } => self
                .questions
                .answers_mut(question)
                .entries
                .iter_mut()
                .find(|known| known.id == entry)
                .and_then(Entry::sharing_mut),
            SharedItem::Name { tool, question } => {
                let answers = self.questions.answers_mut(question);
                answers
                    .own_names
                    .contains_key(&tool)
                    .then(|| answers.name_sharing.entry(tool).or_default())
            }
        }
    }

    /// Changes an item's sharing through `change`; touches the session when it says it
    /// changed something. False for an item that is not there.
    fn change_sharing(
        &mut self,
        item: SharedItem,
        now_ms: u64,
        change: impl FnOnce(&mut Sharing) -> bool,
    ) -> bool {
        let changed = self.sharing_mut(item).is_some_and(change);
        if changed {
            self.touch(now_ms);
        }
        changed
    }

    /// The worker holds an item back from `from`, although the child agreed (for the child's
    /// safety). Returns false when such a hold is already in force or there is no such item.
    pub fn hold_back(
        &mut self,
        item: SharedItem,
        from: Audience,
        why: WorkerReason,
        now_ms: u64,
    ) -> bool {
        self.change_sharing(item, now_ms, |sharing| sharing.hold_back(from, why, now_ms))
    }

    /// Ends the worker's hold from `from`; the hold stays in the record.
    pub fn lift_hold(&mut self, item: SharedItem, from: &Audience, by: &str, now_ms: u64) -> bool {
        self.change_sharing(item, now_ms, |sharing| sharing.lift_hold(from, by, now_ms))
    }

    /// Records that the worker passed an item on without the child's agreement.
    pub fn record_passed_on(
        &mut self,
        item: SharedItem,
        to: Audience,
        why: WorkerReason,
        now_ms: u64,
    ) -> bool {
        self.change_sharing(item, now_ms, |sharing| {
            sharing.record_passed_on(to, why, now_ms);
            true
        })
    }

    /// Records the day the child was told about passing-on number `index` of an item.
    pub fn record_child_told(
        &mut self,
        item: SharedItem,
        index: usize,
        on: &str,
        now_ms: u64,
    ) -> bool {
        self.change_sharing(item, now_ms, |sharing| sharing.record_child_told(index, on))
    }

    /// The entries a summary for `audience` shows, question by question in the houses'
    /// order: what the child agreed to share with exactly that audience, less what the worker
    /// holds back.
    pub fn entries_shown_to<'a>(
        &'a self,
        audience: &'a Audience,
    ) -> impl Iterator<Item = (Question, &'a Entry)> + 'a {
        Question::ALL.into_iter().flat_map(move |question| {
            self.entries(question)
                .iter()
                .filter(move |entry| entry.is_shown_to(audience))
                .map(move |entry| (question, entry))
        })
    }

    /// The audiences that will see something of the child's, in the offered order: for the
    /// child to hear back who will see what.
    pub fn audiences_seeing_something(&self) -> Vec<Audience> {
        self.summary_audiences()
            .into_iter()
            .filter(|audience| {
                self.shared_items().into_iter().any(|item| match item {
                    SharedItem::Entry { question, entry } => self
                        .entry(question, entry)
                        .is_some_and(|entry| entry.is_shown_to(audience)),
                    SharedItem::Name { .. } => self
                        .sharing(item)
                        .is_some_and(|sharing| sharing.is_shown_to(audience)),
                })
            })
            .collect()
    }

    /// Adds a name the child gave ("Oma") to the people the child can choose from. The name
    /// is trimmed at the ends, as a label; a name already there is not added twice. Returns
    /// the audience to decide with, or None for a blank name.
    pub fn add_named_audience(&mut self, name: &str, now_ms: u64) -> Option<Audience> {
        let audience = Audience::named(name)?;
        if let Audience::Named(name) = &audience {
            if !self.named_audiences.contains(name) {
                self.named_audiences.push(name.clone());
                self.touch(now_ms);
            }
        }
        Some(audience)
    }

    /// Records the child's decision for one entry; None takes a decision back. Returns whether
    /// the decision changed: false for the same decision again or an entry that is not there.
    /// Names in the decision join the session's named audiences, so they are offered again.
    pub fn decide_sharing(
        &mut self,
        question: Question,
        id: EntryId,
        decision: Option<Decision>,
        now_ms: u64,
    ) -> bool {
        self.decide(
            SharedItem::Entry {
                question,
                entry: id,
            },
            decision,
            now_ms,
        )
    }

    /// Records the child's decision for an entry or one of their names; see
    /// [`Session::decide_sharing`].
    pub fn decide(&mut self, item: SharedItem, decision: Option<Decision>, now_ms: u64) -> bool {
        let decision = decision.and_then(Decision::normalised);
        let names = decision.clone();
        if !self.change_sharing(item, now_ms, |sharing| sharing.decide(decision, now_ms)) {
            return false;
        }
        self.remember_names_in(names.as_ref(), now_ms);
        true
    }

    /// Records one tap of the child in a dialog or screen opened at `opened_at_ms`: kept at
    /// once, but one change in the history per opening (see [`Sharing::decide_in`]).
    pub fn decide_in(
        &mut self,
        item: SharedItem,
        decision: Option<Decision>,
        opened_at_ms: u64,
        now_ms: u64,
    ) -> bool {
        let decision = decision.and_then(Decision::normalised);
        let names = decision.clone();
        if !self.change_sharing(item, now_ms, |sharing| {
            sharing.decide_in(decision, opened_at_ms, now_ms)
        }) {
            return false;
        }
        self.remember_names_in(names.as_ref(), now_ms);
        true
    }

    /// Whether a summary for `audience` made at `at_ms` showed the item: it was there, the
    /// child had not taken it out, and it was shown to that audience then.
    pub fn was_shown_to(&self, item: SharedItem, audience: &Audience, at_ms: u64) -> bool {
        let there_then = match item {
            SharedItem::Entry { question, entry } => {
                self.entry(question, entry).is_some_and(|entry| {
                    entry.created_at <= at_ms
                        && entry.unreadable().is_none()
                        && !entry.taken_out.iter().any(|spell| {
                            spell.at_ms <= at_ms
                                && spell.put_back_at_ms.is_none_or(|back| back > at_ms)
                        })
                })
            }
            SharedItem::Name { .. } => true,
        };
        there_then
            && self
                .sharing(item)
                .is_some_and(|sharing| sharing.was_shown_to(audience, at_ms))
    }

    /// The copies already given to `audience` that hold the item: what a hold from
    /// `audience` cannot take back.
    pub fn copies_holding(&self, item: SharedItem, audience: &Audience) -> Vec<&Export> {
        self.exports
            .iter()
            .filter(|export| export.audience.as_ref() == Some(audience))
            .filter(|export| self.was_shown_to(item, audience, export.at_ms))
            .collect()
    }

    /// The copies given to an audience that hold something the worker has held back from
    /// that audience since: each as its place in [`Session::exports`] with those items.
    pub fn copies_holding_since_held_back(&self) -> Vec<(usize, Vec<SharedItem>)> {
        let items = self.shared_items();
        self.exports
            .iter()
            .enumerate()
            .filter_map(|(at, export)| {
                let audience = export.audience.as_ref()?;
                let held: Vec<SharedItem> = items
                    .iter()
                    .copied()
                    .filter(|&item| self.was_shown_to(item, audience, export.at_ms))
                    .filter(|&item| {
                        self.sharing(item).is_some_and(|sharing| {
                            sharing.held_back_since(audience, export.at_ms).is_some()
                        })
                    })
                    .collect();
                (!held.is_empty()).then_some((at, held))
            })
            .collect()
    }

    /// The worries a summary for `audience` shows that the worker must confirm this reader
    /// may safely read before it is printed or downloaded: for the family and anyone the
    /// child named (who may be the very person a worry is about), those not yet confirmed
    /// with an earlier copy for the same reader. Empty for everyone else.
    pub fn worries_to_confirm(&self, audience: &Audience) -> Vec<&Entry> {
        if !audience.is_family() {
            return Vec::new();
        }
        let confirmed: HashSet<EntryId> = self
            .exports
            .iter()
            .filter(|export| export.audience.as_ref() == Some(audience))
            .flat_map(|export| export.confirmed_worries.iter().copied())
            .collect();
        self.entries(Question::Worries)
            .iter()
            .filter(|entry| entry.is_shown_to(audience) && !confirmed.contains(&entry.id))
            .collect()
    }

    /// The quick choice "share everything with …": the decision for every entry and name the
    /// child has not decided about yet and has not taken out; what the child already decided
    /// stays. The child can
    /// still change single ones afterwards. Returns how many changed. Sharing with an empty
    /// list changes nothing: it is no decision.
    pub fn share_everything(&mut self, decision: Decision, now_ms: u64) -> usize {
        let Some(decision) = decision.normalised() else {
            return 0;
        };
        let undecided: Vec<SharedItem> = self
            .shared_items()
            .into_iter()
            .filter(|&item| !self.is_taken_out(item))
            .filter(|&item| self.sharing(item).is_some_and(Sharing::is_undecided))
            .collect();
        undecided
            .into_iter()
            .filter(|&item| self.decide(item, Some(decision.clone()), now_ms))
            .count()
    }

    fn remember_names_in(&mut self, decision: Option<&Decision>, now_ms: u64) {
        for audience in decision.map(Decision::audiences).unwrap_or_default() {
            if let Audience::Named(name) = audience {
                self.add_named_audience(name, now_ms);
            }
        }
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

    fn touch(&mut self, now_ms: u64) {
        self.updated_at = self.updated_at.max(now_ms);
    }
}

/// Before, during and after the conversation (the types and the rule of what the end locks
/// are in `core::conversation`).
impl Session {
    /// Whether the worker finished the session: the child's part then changes only by
    /// amendment.
    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// When the worker finished the session.
    pub fn finished_at(&self) -> Option<u64> {
        self.finished_at
    }

    /// Finishes the session: the end time is now (unless the worker set one), a break still
    /// going on ends, and from now on the child's part changes only by amendment. Returns
    /// false when it was already finished.
    pub fn finish(&mut self, now_ms: u64) -> bool {
        if self.is_finished() {
            return false;
        }
        self.end_break(now_ms);
        self.finished_at = Some(now_ms);
        self.touch(now_ms);
        true
    }

    /// The facts of the conversation, as recorded.
    pub fn details(&self) -> &ConversationDetails {
        &self.details
    }

    /// When the conversation began: as the worker corrected it, or when the session was
    /// started.
    pub fn start_time(&self) -> u64 {
        self.details.started_at.unwrap_or(self.created_at)
    }

    /// When the conversation ended: as the worker corrected it, or when they finished it;
    /// None while it goes on.
    pub fn end_time(&self) -> Option<u64> {
        self.details.ended_at.or(self.finished_at)
    }

    /// Corrects when the conversation began; None goes back to when the session was started.
    pub fn set_start_time(&mut self, at_ms: Option<u64>, now_ms: u64) {
        self.change_details(now_ms, |details| details.started_at = at_ms);
    }

    /// Corrects when the conversation ended; None goes back to when it was finished. The
    /// session stays finished (or not) either way.
    pub fn set_end_time(&mut self, at_ms: Option<u64>, now_ms: u64) {
        self.change_details(now_ms, |details| details.ended_at = at_ms);
    }

    /// Who was there and where, in the order given; each exactly as typed.
    pub fn set_people(&mut self, people: Vec<PersonPresent>, now_ms: u64) {
        self.change_details(now_ms, |details| details.people = people);
    }

    /// Another language spoken, as typed (see `ConversationDetails::language`).
    pub fn set_conversation_language(&mut self, language: &str, now_ms: u64) {
        self.change_details(now_ms, |details| language.clone_into(&mut details.language));
    }

    /// The agency's case reference, as typed; empty when there is none.
    pub fn set_case_reference(&mut self, reference: &str, now_ms: u64) {
        self.change_details(now_ms, |details| {
            reference.clone_into(&mut details.case_reference)
        });
    }

    /// The interpreter; None when there was none.
    pub fn set_interpreter(&mut self, interpreter: Option<Interpreter>, now_ms: u64) {
        self.change_details(now_ms, |details| details.interpreter = interpreter);
    }

    /// Who informed the parents and when; None: not recorded.
    pub fn set_parents_informed(&mut self, informed: Option<Informed>, now_ms: u64) {
        self.change_details(now_ms, |details| details.parents.informed = informed);
    }

    /// The parents' consent; None: not recorded.
    pub fn set_parents_consent(&mut self, consent: Option<Consent>, now_ms: u64) {
        self.change_details(now_ms, |details| details.parents.consent = consent);
    }

    fn change_details(&mut self, now_ms: u64, change: impl FnOnce(&mut ConversationDetails)) {
        let before = self.details.clone();
        change(&mut self.details);
        if self.details != before {
            self.touch(now_ms);
        }
    }

    /// When the worker marked the child's "Before we start" page as done.
    pub fn before_we_start_at(&self) -> Option<u64> {
        self.before_we_start_at
    }

    /// Marks the "Before we start" page as done (the first time is kept) or not done. Returns
    /// whether that changed anything; nothing changes once the session is finished.
    pub fn set_before_we_start_done(&mut self, done: bool, now_ms: u64) -> bool {
        if self.is_finished() || self.before_we_start_at.is_some() == done {
            return false;
        }
        self.before_we_start_at = done.then_some(now_ms);
        self.touch(now_ms);
        true
    }

    /// The version of the child's pages: the worker's choice, or the one for the child's age.
    pub fn age_version(&self) -> AgeVersion {
        self.age_version
            .unwrap_or_else(|| AgeVersion::for_age(self.child.age))
    }

    /// The worker's choice of version, if they made one.
    pub fn age_version_chosen(&self) -> Option<AgeVersion> {
        self.age_version
    }

    /// Chooses the child's version; None goes back to the one for the child's age.
    pub fn set_age_version(&mut self, version: Option<AgeVersion>, now_ms: u64) {
        if self.age_version != version {
            self.age_version = version;
            self.touch(now_ms);
        }
    }

    /// The child's stops, breaks and passes, oldest first.
    pub fn pace(&self) -> &[PaceEvent] {
        &self.pace
    }

    /// Records that the child stopped. False once the session is finished.
    pub fn record_stop(&mut self, now_ms: u64) -> bool {
        self.log_pace(Pace::Stop, now_ms)
    }

    /// Whether a break is going on.
    pub fn on_break(&self) -> bool {
        self.pace
            .iter()
            .any(|event| matches!(event.what, Pace::Break { ended_at_ms: None }))
    }

    /// Starts a break. False when one is going on or the session is finished.
    pub fn start_break(&mut self, now_ms: u64) -> bool {
        !self.on_break() && self.log_pace(Pace::Break { ended_at_ms: None }, now_ms)
    }

    /// Ends the break going on. False when there is none or the session is finished.
    pub fn end_break(&mut self, now_ms: u64) -> bool {
        if self.is_finished() {
            return false;
        }
        let open = self
            .pace
            .iter_mut()
            .find_map(|event| match &mut event.what {
                Pace::Break { ended_at_ms } if ended_at_ms.is_none() => Some(ended_at_ms),
                _ => None,
            });
        let Some(ended_at_ms) = open else {
            return false;
        };
        *ended_at_ms = Some(now_ms);
        self.touch(now_ms);
        true
    }

    /// "I don't want to say" for a question in a tool. The pass stays in the log whatever the
    /// child adds later. False when the child already passed there, or the session is
    /// finished.
    pub fn pass(&mut self, tool: Tool, question: Question, now_ms: u64) -> bool {
        !self.passed(tool, question) && self.log_pace(Pace::Pass { tool, question }, now_ms)
    }

    /// Whether the child said "I don't want to say" for a question in a tool.
    pub fn passed(&self, tool: Tool, question: Question) -> bool {
        self.pace
            .iter()
            .any(|event| event.what == Pace::Pass { tool, question })
    }

    /// Whether the child passed on a question in any tool.
    pub fn passed_anywhere(&self, question: Question) -> bool {
        Tool::ALL
            .into_iter()
            .any(|tool| self.passed(tool, question))
    }

    fn log_pace(&mut self, what: Pace, now_ms: u64) -> bool {
        if self.is_finished() {
            return false;
        }
        self.pace.push(PaceEvent {
            at_ms: now_ms,
            what,
        });
        self.touch(now_ms);
        true
    }

    /// Every question the child opened, in order, without immediate repeats.
    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// Records that the child opened a question in a tool; opening the same one again at
    /// once (a reload, going back and forth within it) is not a new visit. False when
    /// nothing was recorded, as after the end.
    pub fn note_visit(&mut self, tool: Tool, question: Question, now_ms: u64) -> bool {
        if !self.would_be_a_new_visit(tool, question) {
            return false;
        }
        self.visits.push(Visit {
            tool,
            question,
            at_ms: now_ms,
        });
        self.touch(now_ms);
        true
    }

    /// Whether opening this question now is a visit to record (not a repeat of the last
    /// one, not after the end): so a screen that only reopens does not write the session.
    pub fn would_be_a_new_visit(&self, tool: Tool, question: Question) -> bool {
        let repeat = self
            .visits
            .last()
            .is_some_and(|last| last.tool == tool && last.question == question);
        !repeat && !self.is_finished()
    }

    /// The order the child went through a tool's questions: each question at its first
    /// visit. A question never opened is not in it.
    pub fn visit_order(&self, tool: Tool) -> Vec<Question> {
        let mut order = Vec::new();
        for visit in self.visits.iter().filter(|visit| visit.tool == tool) {
            if !order.contains(&visit.question) {
                order.push(visit.question);
            }
        }
        order
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

    fn entry_mut(&mut self, question: Question, id: EntryId) -> Option<&mut Entry> {
        self.questions
            .answers_mut(question)
            .entries
            .iter_mut()
            .find(|entry| entry.id == id)
    }

    /// Every change made to the child's part after the end, oldest first.
    pub fn amendments(&self) -> &[Amendment] {
        &self.amendments
    }

    /// After the end, changes the text of a words entry and records the change with its time
    /// and reason; who said and who wrote stay as they were.
    pub fn amend_words(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        let what = Amended::Words {
            question,
            entry: id,
        };
        self.amend(what, text, why, now_ms, |session| {
            session
                .entry_mut(question, id)
                .and_then(|entry| match &mut entry.content {
                    EntryContent::Words(words) => Some(&mut words.text),
                    _ => None,
                })
                .map(Slot::Text)
        })
    }

    /// After the end, changes (or adds, or with blank text removes) the child's caption of a
    /// drawing, and records the change. A new caption is "child said, worker wrote".
    pub fn amend_caption(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        let what = Amended::Caption {
            question,
            entry: id,
        };
        self.amend(what, text, why, now_ms, |session| {
            session
                .entry_mut(question, id)
                .filter(|entry| entry.drawing().is_some())
                .map(|entry| Slot::Words(&mut entry.caption))
        })
    }

    /// After the end, changes what the worker asked before an entry, and records the change.
    pub fn amend_worker_question(
        &mut self,
        question: Question,
        id: EntryId,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        let what = Amended::WorkerQuestion {
            question,
            entry: id,
        };
        self.amend(what, text, why, now_ms, |session| {
            session
                .entry_mut(question, id)
                .map(|entry| Slot::Asked(&mut entry.worker_question))
        })
    }

    /// After the end, changes (or adds) what the child wants to happen next, and records the
    /// change.
    pub fn amend_child_wants_next(
        &mut self,
        text: &str,
        why: &str,
        now_ms: u64,
    ) -> Result<(), AmendError> {
        self.amend(Amended::ChildWantsNext, text, why, now_ms, |session| {
            Some(Slot::Words(&mut session.next_steps.child_wants))
        })
    }

    /// The one way the child's part changes after the end: the new text replaces the old,
    /// and an amendment keeps both with the time and the reason.
    fn amend(
        &mut self,
        what: Amended,
        text: &str,
        why: &str,
        now_ms: u64,
        slot: impl FnOnce(&mut Session) -> Option<Slot<'_>>,
    ) -> Result<(), AmendError> {
        if !self.is_finished() {
            return Err(AmendError::NotFinished);
        }
        if why.trim().is_empty() {
            return Err(AmendError::ReasonMissing);
        }
        let slot = slot(self).ok_or(AmendError::NotThere)?;
        let (before, after) = slot.replace(text).ok_or(AmendError::Unchanged)?;
        self.amendments.push(Amendment {
            at_ms: now_ms,
            what,
            before,
            after,
            why: why.to_owned(),
        });
        self.touch(now_ms);
        Ok(())
    }

    /// What happens next, as recorded.
    pub fn next_steps(&self) -> &NextSteps {
        &self.next_steps
    }

    /// What the child wants to happen next, exactly as given; None or blank removes it.
    /// False when nothing changed or the session is finished (then see
    /// [`Session::amend_child_wants_next`]).
    pub fn set_child_wants_next(&mut self, words: Option<Words>, now_ms: u64) -> bool {
        let words = words.filter(|words| !words.text.trim().is_empty());
        if self.is_finished() || self.next_steps.child_wants == words {
            return false;
        }
        self.next_steps.child_wants = words;
        self.touch(now_ms);
        true
    }

    /// What the worker told the child will happen next, as typed; the worker's words, so it
    /// stays editable after the end.
    pub fn set_worker_told(&mut self, text: &str, now_ms: u64) {
        if replace_if_different(&mut self.next_steps.worker_told, text) {
            self.touch(now_ms);
        }
    }

    /// The family's and network's responses, oldest first.
    pub fn network_responses(&self) -> &[NetworkResponse] {
        &self.network_responses
    }

    /// Records what someone said when shown the houses (who trimmed, as a label; what they
    /// said as typed). False for blank words.
    pub fn add_network_response(&mut self, who: &str, text: &str, now_ms: u64) -> bool {
        if text.trim().is_empty() {
            return false;
        }
        self.network_responses.push(NetworkResponse {
            who: who.trim().to_owned(),
            text: text.to_owned(),
            at_ms: now_ms,
        });
        self.touch(now_ms);
        true
    }

    /// Corrects response number `index`; its time stays. False when there is none, the words
    /// are blank, or nothing changed.
    pub fn set_network_response(
        &mut self,
        index: usize,
        who: &str,
        text: &str,
        now_ms: u64,
    ) -> bool {
        let Some(response) = self.network_responses.get_mut(index) else {
            return false;
        };
        let who = who.trim();
        if text.trim().is_empty() || (response.who == who && response.text == text) {
            return false;
        }
        who.clone_into(&mut response.who);
        text.clone_into(&mut response.text);
        self.touch(now_ms);
        true
    }

    /// Removes response number `index`. False when there is none.
    pub fn remove_network_response(&mut self, index: usize, now_ms: u64) -> bool {
        if index >= self.network_responses.len() {
            return false;
        }
        self.network_responses.remove(index);
        self.touch(now_ms);
        true
    }

    fn is_taken_out(&self, item: SharedItem) -> bool {
        match item {
            SharedItem::Entry { question, entry } => {
                self.entry(question, entry).is_some_and(Entry::is_taken_out)
            }
            SharedItem::Name { .. } => false,
        }
    }
}

/// Where an amendment writes its text.
enum Slot<'a> {
    /// A words entry's text.
    Text(&'a mut String),
    /// Words that may be absent (a caption, what the child wants next): blank removes them,
    /// and new ones are "child said, worker wrote".
    Words(&'a mut Option<Words>),
    /// What the worker asked: blank removes it.
    Asked(&'a mut Option<String>),
}

impl Slot<'_> {
    /// Writes `text`; gives the text before and after (empty when absent), or None when
    /// nothing changed.
    fn replace(self, text: &str) -> Option<(String, String)> {
        let blank = text.trim().is_empty();
        let after = if blank { "" } else { text };
        let before = match self {
            Slot::Text(old) => {
                return (old != text)
                    .then(|| (std::mem::replace(old, text.to_owned()), text.to_owned()))
            }
            Slot::Words(old) => {
                let before = old.as_ref().map(|words| words.text.clone());
                let after = (!blank).then(|| text.to_owned());
                if before == after {
                    return None;
                }
                match (old.as_mut(), after) {
                    (Some(words), Some(after)) => words.text = after,
                    (_, None) => *old = None,
                    (None, Some(after)) => {
                        *old = Some(Words {
                            text: after,
                            voice: Voice::default(),
                        })
                    }
                }
                before.unwrap_or_default()
            }
            Slot::Asked(old) => {
                let after = (!blank).then(|| text.to_owned());
                if *old == after {
                    return None;
                }
                std::mem::replace(old, after).unwrap_or_default()
            }
        };
        Some((before, after.to_owned()))
    }
}

/// Replaces `field` with `text` exactly as typed; returns whether that changed anything.
fn replace_if_different(field: &mut String, text: &str) -> bool {
    let different = field != text;
    if different {
        text.clone_into(field);
    }
    different
}

/// Sorts sessions newest first: by the conversation's date, then by when they were made.
pub fn newest_first(sessions: &mut [Session]) {
    sessions.sort_by(|a, b| (&b.date, b.created_at).cmp(&(&a.date, a.created_at)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ink::Point;
    use crate::core::WorkerReason;
    use crate::core::{HelperColour, HelperKind};

    fn form(name: &str) -> NewSession {
        NewSession {
            child_name: name.into(),
            age: "7".into(),
            worker_name: " Sam ".into(),
            date: "2026-11-26".into(),
        }
    }

    fn mia() -> Session {
        Session::start(&form("Mia"), SessionId::new(1, 2), 1000).unwrap()
    }

    #[test]
    fn the_childs_language_is_kept_apart_and_only_written_once_chosen() {
        let mut session = Session::start(&form("Mia"), SessionId::new(1, 2), 0).unwrap();
        assert_eq!(session.child_language(), None);
        let before = serde_json::to_string(&session).unwrap();
        assert!(!before.contains("child_language"), "{before}");

        session.set_child_language("ar", 10);
        assert_eq!(session.child_language(), Some("ar"));
        assert_eq!(session.updated_at, 10);
        let written = serde_json::to_string(&session).unwrap();
        assert!(written.contains(r#""child_language":"ar""#), "{written}");
        let read: Session = serde_json::from_str(&written).unwrap();
        assert_eq!(read.child_language(), Some("ar"));

        // Choosing the same language again changes nothing.
        session.set_child_language("ar", 20);
        assert_eq!(session.updated_at, 10);
    }

    #[test]
    fn a_session_id_copies_and_keeps_its_text_exactly() {
        let id = SessionId::new(0x19ac0f3b2a1, 0x0bad_cafe);
        assert_eq!(id.as_str(), "19ac0f3b2a1-0badcafe");
        let copy = id;
        assert_eq!(copy, id);
        // The same text read again (from storage, a key, a backup) is the same id.
        let read: SessionId = serde_json::from_str("\"19ac0f3b2a1-0badcafe\"").unwrap();
        assert_eq!(read, id);
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            "\"19ac0f3b2a1-0badcafe\""
        );
        // Any text an earlier version or a backup holds, escaped or long, reads back as it was.
        let odd = "a\"b/\u{e9}-".repeat(20);
        let written = serde_json::to_string(&SessionId::from(odd.as_str())).unwrap();
        assert_eq!(
            serde_json::from_str::<SessionId>(&written)
                .unwrap()
                .as_str(),
            odd
        );
        // Ordered as their texts are, so anything kept in id order stays in the same order.
        let (a, b) = (SessionId::from("a-2"), SessionId::from("a-10"));
        assert_eq!(a.cmp(&b), "a-2".cmp("a-10"));
        assert_ne!(SessionId::from("a"), SessionId::from("b"));
    }

    #[test]
    fn starting_needs_a_name_and_accepts_the_rest_optional() {
        assert_eq!(
            Session::start(&form("  "), SessionId::new(1, 2), 0),
            Err(SessionError::NameMissing)
        );
        let session = Session::start(
            &NewSession {
                age: String::new(),
                worker_name: String::new(),
                ..form(" Mia ")
            },
            SessionId::new(1, 2),
            0,
        )
        .unwrap();
        assert_eq!(
            session.child,
            Child {
                name: "Mia".into(),
                age: None
            }
        );
        assert_eq!(session.worker, "");
        assert_eq!(mia().worker, "Sam");
        assert_eq!(mia().child.age, Some(7));
    }

    #[test]
    fn bad_age_or_date_is_refused() {
        let too_old = NewSession {
            age: "99".into(),
            ..form("Mia")
        };
        assert_eq!(
            Session::start(&too_old, SessionId::new(1, 2), 0),
            Err(SessionError::AgeInvalid)
        );
        let words = NewSession {
            age: "seven".into(),
            ..form("Mia")
        };
        assert_eq!(
            Session::start(&words, SessionId::new(1, 2), 0),
            Err(SessionError::AgeInvalid)
        );
        for date in ["", "26.11.2026", "2026-13-01", "2026-1-1"] {
            let bad = NewSession {
                date: date.into(),
                ..form("Mia")
            };
            assert_eq!(
                Session::start(&bad, SessionId::new(1, 2), 0),
                Err(SessionError::DateInvalid),
                "{date}"
            );
        }
    }

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

    #[test]
    fn a_house_can_have_the_childs_own_name_and_lose_it_again() {
        let mut session = mia();
        session.rename(Tool::ThreeHouses, Question::Worries, "Stormy house", 2000);
        assert_eq!(
            session.own_name(Tool::ThreeHouses, Question::Worries),
            Some("Stormy house")
        );
        session.rename(Tool::ThreeHouses, Question::Worries, "   ", 2100);
        assert_eq!(session.own_name(Tool::ThreeHouses, Question::Worries), None);
    }

    #[test]
    fn header_texts_are_kept_exactly_as_typed() {
        let mut session = mia();
        session.set_place("  Schule,\n Raum 2 ", 2000);
        session.set_present(" Mia, Oma und ich ", 2100);
        session.set_reflection("Mia was calm.\n\nNext: talk to Oma.  ", 2200);
        assert_eq!(session.place, "  Schule,\n Raum 2 ");
        assert_eq!(session.present, " Mia, Oma und ich ");
        assert_eq!(session.reflection, "Mia was calm.\n\nNext: talk to Oma.  ");
        assert_eq!(session.updated_at, 2200);
        session.set_place("  Schule,\n Raum 2 ", 9000);
        assert_eq!(session.updated_at, 2200, "the same text again is no change");
    }

    #[test]
    fn named_audiences_keep_their_order_without_duplicates_or_blanks() {
        let mut session = mia();
        assert_eq!(
            session.add_named_audience(" Oma ", 2000),
            Some(Audience::Named("Oma".into()))
        );
        assert_eq!(
            session.add_named_audience("my foster carer", 2100),
            Some(Audience::Named("my foster carer".into()))
        );
        assert_eq!(
            session.add_named_audience("Oma", 2200),
            Some(Audience::Named("Oma".into()))
        );
        assert_eq!(session.add_named_audience(" \t ", 2300), None);
        assert_eq!(session.named_audiences(), ["Oma", "my foster carer"]);
        assert_eq!(session.updated_at, 2100);
    }

    #[test]
    fn a_decision_is_recorded_with_its_history_only_when_it_changes() {
        let mut session = mia();
        let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2000);
        let to_mum = Decision::shared_with([Audience::Mum]);
        assert!(session.decide_sharing(Question::Worries, drawing, to_mum.clone(), 3000));
        assert_eq!(session.updated_at, 3000);
        assert!(!session.decide_sharing(Question::Worries, drawing, to_mum.clone(), 4000));
        assert_eq!(session.updated_at, 3000, "no change, no new time");
        assert!(!session.decide_sharing(Question::Dreams, drawing, to_mum, 4000));
        assert!(!session.decide_sharing(Question::Worries, EntryId(99), None, 4000));
        assert!(session.decide_sharing(Question::Worries, drawing, Some(Decision::Private), 5000));
        let sharing = &session.entry(Question::Worries, drawing).unwrap().sharing;
        assert_eq!(sharing.decision, Some(Decision::Private));
        assert_eq!(
            sharing
                .history
                .iter()
                .map(|change| change.at_ms)
                .collect::<Vec<_>>(),
            [3000, 5000]
        );
    }

    #[test]
    fn an_empty_share_list_is_no_decision() {
        let mut session = mia();
        let words = session.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 2000);
        assert!(!session.decide_sharing(
            Question::Dreams,
            words,
            Some(Decision::SharedWith(vec![])),
            3000
        ));
        assert!(session
            .entry(Question::Dreams, words)
            .unwrap()
            .sharing
            .is_untouched());
    }

    #[test]
    fn names_in_a_decision_are_offered_again() {
        let mut session = mia();
        let words = session.add_words(
            Tool::ThreeHouses,
            Question::GoodThings,
            Words::default(),
            2000,
        );
        let decision = Decision::shared_with([Audience::Named(" Oma".into()), Audience::Dad]);
        assert!(session.decide_sharing(Question::GoodThings, words, decision, 3000));
        assert_eq!(session.named_audiences(), ["Oma"]);
        assert_eq!(
            session
                .entry(Question::GoodThings, words)
                .unwrap()
                .sharing
                .decision,
            Some(Decision::SharedWith(vec![
                Audience::Dad,
                Audience::Named("Oma".into())
            ]))
        );
    }

    #[test]
    fn share_everything_reaches_only_what_the_child_has_not_decided_and_keeps_the_history() {
        let mut session = mia();
        let worry = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2000);
        let good = session.add_words(
            Tool::ThreeHouses,
            Question::GoodThings,
            Words::default(),
            2100,
        );
        let dream = session.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 2200);
        let private =
            session.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 2250);
        session.rename(Tool::ThreeHouses, Question::Dreams, "Castle", 2260);
        session.decide_sharing(
            Question::Dreams,
            dream,
            Decision::shared_with([Audience::Meeting]),
            2300,
        );
        session.decide_sharing(Question::Dreams, private, Some(Decision::Private), 2310);
        let dad = Decision::shared_with([Audience::Dad]).unwrap();
        // The drawing, the words and the house's name were undecided; the rest stays.
        assert_eq!(session.share_everything(dad.clone(), 3000), 3);
        assert_eq!(session.share_everything(dad.clone(), 3100), 0);
        assert_eq!(session.updated_at, 3000);
        let decision = |session: &Session, item| session.sharing(item).unwrap().decision.clone();
        let entry = |question, entry| SharedItem::Entry { question, entry };
        let name = SharedItem::Name {
            tool: Tool::ThreeHouses,
            question: Question::Dreams,
        };
        for item in [
            entry(Question::Worries, worry),
            entry(Question::GoodThings, good),
            name,
        ] {
            assert_eq!(decision(&session, item), Some(dad.clone()), "{item:?}");
        }
        assert_eq!(
            decision(&session, entry(Question::Dreams, dream)),
            Decision::shared_with([Audience::Meeting]),
            "the child's earlier choice stays"
        );
        assert_eq!(
            decision(&session, entry(Question::Dreams, private)),
            Some(Decision::Private)
        );
        // Each can still differ afterwards, and every change is in the history.
        assert!(session.decide_sharing(Question::Worries, worry, Some(Decision::Private), 3200));
        let history: Vec<_> = session
            .sharing(entry(Question::Worries, worry))
            .unwrap()
            .history
            .iter()
            .map(|change| (change.at_ms, change.decision.clone()))
            .collect();
        assert_eq!(
            history,
            [(3000, Some(dad.clone())), (3200, Some(Decision::Private))]
        );
        assert_eq!(
            session.share_everything(Decision::SharedWith(vec![]), 3300),
            0,
            "an empty list is no decision"
        );
    }

    #[test]
    fn the_worker_holds_back_and_passes_on_beside_the_childs_wish() {
        let mut session = mia();
        let id = session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 2000);
        let item = SharedItem::Entry {
            question: Question::Worries,
            entry: id,
        };
        let to_both = Decision::shared_with([Audience::Mum, Audience::Dad]);
        session.decide(item, to_both.clone(), 2100);
        let why = WorkerReason::new("2026-11-30", " not safe yet ", "Sam").unwrap();
        assert_eq!(why.reason, "not safe yet");
        assert!(session.hold_back(item, Audience::Dad, why.clone(), 2200));
        assert!(
            !session.hold_back(item, Audience::Dad, why.clone(), 2300),
            "one hold in force at a time"
        );
        let sharing = session.sharing(item).unwrap();
        assert_eq!(
            sharing.decision, to_both,
            "the child's wish stays as it was"
        );
        assert!(sharing.is_shown_to(&Audience::Mum));
        assert!(!sharing.is_shown_to(&Audience::Dad));
        assert_eq!(
            session
                .entries_shown_to(&Audience::Dad)
                .map(|(_, entry)| entry.id)
                .collect::<Vec<_>>(),
            []
        );
        assert_eq!(session.audiences_seeing_something(), [Audience::Mum]);
        assert!(session.lift_hold(item, &Audience::Dad, "Sam", 2400));
        assert!(!session.lift_hold(item, &Audience::Dad, "Sam", 2500));
        let sharing = session.sharing(item).unwrap();
        assert!(sharing.is_shown_to(&Audience::Dad));
        assert_eq!(sharing.holds.len(), 1, "a lifted hold stays in the record");
        assert_eq!(sharing.holds[0].lifted.as_ref().unwrap().at_ms, 2400);

        assert!(session.record_passed_on(item, Audience::Court, why, 2600));
        assert!(!session.record_child_told(item, 0, "30.11.2026", 2700));
        assert!(session.record_child_told(item, 0, "2026-12-01", 2700));
        assert!(
            !session.record_child_told(item, 0, "2026-12-02", 2800),
            "the day first written stays"
        );
        assert!(!session.record_child_told(item, 1, "2026-12-02", 2800));
        let passed = &session.sharing(item).unwrap().passed_on[0];
        assert_eq!(passed.to, Audience::Court);
        assert_eq!(passed.child_told_on.as_deref(), Some("2026-12-01"));
        assert!(
            !session.sharing(item).unwrap().is_shown_to(&Audience::Court),
            "passing on is the worker's act, not the child's agreement"
        );
        assert_eq!(session.updated_at, 2700);
        let missing = SharedItem::Entry {
            question: Question::Dreams,
            entry: id,
        };
        assert!(!session.record_passed_on(
            missing,
            Audience::Court,
            WorkerReason::new("2026-11-30", "x", "Sam").unwrap(),
            2900
        ));
    }

    #[test]
    fn a_worker_reason_needs_a_date_a_reason_and_who_decided() {
        use crate::core::WorkerReasonError;
        assert_eq!(
            WorkerReason::new("30.11.2026", "x", "Sam"),
            Err(WorkerReasonError::DateInvalid)
        );
        assert_eq!(
            WorkerReason::new("2026-11-30", "  ", "Sam"),
            Err(WorkerReasonError::ReasonMissing)
        );
        assert_eq!(
            WorkerReason::new("2026-11-30", "x", " "),
            Err(WorkerReasonError::DeciderMissing)
        );
    }

    #[test]
    fn audiences_that_do_not_apply_are_not_offered_but_decisions_stay() {
        let mut session = mia();
        let id = session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 2000);
        session.decide_sharing(
            Question::Worries,
            id,
            Decision::shared_with([Audience::Dad]),
            2100,
        );
        session.add_named_audience("Oma", 2150);
        session.set_hidden(&Audience::Dad, true, 2200);
        session.set_hidden(&Audience::Teacher, true, 2200);
        session.set_hidden(&Audience::Named("Oma".into()), true, 2200);
        let offered = session.audiences_to_offer();
        assert!(!offered.contains(&Audience::Dad));
        assert!(!offered.contains(&Audience::Teacher));
        assert_eq!(
            offered.last(),
            Some(&Audience::Named("Oma".into())),
            "names the child gave stay"
        );
        assert_eq!(offered.len(), Audience::PICTURED.len() - 2 + 1);
        // A summary can still be made for Dad, whom a decision names.
        let for_summary = session.summary_audiences();
        assert!(for_summary.contains(&Audience::Dad));
        assert!(!for_summary.contains(&Audience::Teacher));
        assert!(session
            .sharing(SharedItem::Entry {
                question: Question::Worries,
                entry: id
            })
            .unwrap()
            .is_shown_to(&Audience::Dad));
        session.set_hidden(&Audience::Teacher, false, 2300);
        assert!(session.audiences_to_offer().contains(&Audience::Teacher));
    }

    #[test]
    fn summary_choices_start_safe_and_are_kept_per_audience() {
        use crate::core::{Shown, SummaryChoices};
        let mut session = mia();
        assert_eq!(
            session.summary_choices(&Audience::Mum).shown,
            Shown::NOTHING
        );
        assert_eq!(
            session.summary_choices(&Audience::Court).shown,
            Shown::EVERYTHING
        );
        let mut for_mum = session.summary_choices(&Audience::Mum);
        for_mum.shown.worker = true;
        for_mum.note = "Please talk to me first.\n".into();
        session.set_summary_choices(for_mum.clone(), 2000);
        session.set_summary_choices(for_mum.clone(), 3000);
        assert_eq!(session.updated_at, 2000);
        assert_eq!(session.summary_choices(&Audience::Mum), for_mum);
        assert_eq!(
            session.summary_choices(&Audience::Dad),
            SummaryChoices::default_for(&Audience::Dad)
        );
    }

    #[test]
    fn the_new_header_fields_default_in_older_records() {
        let mut json = serde_json::to_value(mia()).unwrap();
        let fields = json.as_object_mut().unwrap();
        for field in ["place", "present", "reflection", "named_audiences"] {
            assert!(fields.remove(field).is_some(), "{field} is written");
        }
        let read: Session = serde_json::from_value(json).unwrap();
        assert_eq!(read, mia());
    }

    #[test]
    fn sessions_sort_newest_first() {
        let mut older = mia();
        older.date = "2026-11-01".into();
        let mut newer_same_day = Session::start(&form("Ben"), SessionId::new(3, 4), 9000).unwrap();
        newer_same_day.date = "2026-11-26".into();
        let earlier_same_day = mia();
        let mut sessions = vec![
            older.clone(),
            earlier_same_day.clone(),
            newer_same_day.clone(),
        ];
        newest_first(&mut sessions);
        let names: Vec<_> = sessions
            .iter()
            .map(|s| (s.child.name.as_str(), s.created_at))
            .collect();
        assert_eq!(names, vec![("Ben", 9000), ("Mia", 1000), ("Mia", 1000)]);
        assert_eq!(sessions[2].date, "2026-11-01");
    }

    #[test]
    fn the_same_answers_show_as_houses_and_as_helpers() {
        let mut session = mia();
        let worry = session.add_words(
            Tool::ThreeHouses,
            Question::Worries,
            Words {
                text: "the shouting".into(),
                voice: Voice::ChildSaidWorkerWrote,
            },
            2000,
        );
        let wish = session.add_drawing(Tool::WizardsAndFairies, Question::Dreams, 2100);
        session.rename(Tool::ThreeHouses, Question::Dreams, "Castle", 2200);
        session.rename(Tool::WizardsAndFairies, Question::Dreams, "Sparkle", 2300);

        let houses = session.questions_in(Tool::ThreeHouses);
        let helpers = session.questions_in(Tool::WizardsAndFairies);
        // Each tool in its own order: worries first in the houses, good things first with the
        // helpers.
        let order = |shown: &[QuestionInTool]| -> Vec<Question> {
            shown.iter().map(|shown| shown.question).collect()
        };
        assert_eq!(order(&houses), Question::ALL);
        assert_eq!(
            order(&helpers),
            [Question::GoodThings, Question::Worries, Question::Dreams]
        );
        for question in Question::ALL {
            let in_houses = houses
                .iter()
                .find(|shown| shown.question == question)
                .unwrap();
            let in_helpers = helpers
                .iter()
                .find(|shown| shown.question == question)
                .unwrap();
            // The same entries, whichever tool made them.
            assert_eq!(in_houses.entries, in_helpers.entries);
            assert_eq!(in_houses.entries, session.entries(question));
        }
        assert_eq!(houses[0].entries[0].id, worry);
        assert_eq!(houses[0].entries[0].tool, Tool::ThreeHouses);
        assert_eq!(helpers[2].entries[0].id, wish);
        assert_eq!(helpers[2].entries[0].tool, Tool::WizardsAndFairies);
        // Names are each tool's own.
        assert_eq!(houses[2].own_name, Some("Castle"));
        assert_eq!(helpers[2].own_name, Some("Sparkle"));
        assert_eq!(helpers[1].own_name, None);
    }

    #[test]
    fn a_tool_counts_as_used_once_the_child_takes_part_in_it() {
        let mut session = mia();
        assert!(session.tools_used().is_empty());
        session.add_drawing(Tool::WizardsAndFairies, Question::Worries, 2000);
        assert_eq!(session.tools_used(), [Tool::WizardsAndFairies]);
        session.rename(Tool::ThreeHouses, Question::GoodThings, "Home", 2100);
        assert_eq!(
            session.tools_used(),
            [Tool::ThreeHouses, Tool::WizardsAndFairies]
        );
        let mut chose = mia();
        chose.choose_helper(Helper::new(HelperKind::Unicorn), 2000);
        assert_eq!(chose.tools_used(), [Tool::WizardsAndFairies]);
    }

    #[test]
    fn the_childs_helper_is_kept_and_can_be_changed_without_touching_entries() {
        let mut session = mia();
        assert_eq!(session.helper, None, "no helper is chosen for the child");
        let entry = session.add_drawing(Tool::WizardsAndFairies, Question::GoodThings, 2000);
        session.choose_helper(Helper::new(HelperKind::Dragon), 3000);
        assert_eq!(session.updated_at, 3000);
        let recoloured = Helper {
            kind: HelperKind::Dragon,
            main: HelperColour::Green,
            accent: HelperColour::Red,
        };
        session.choose_helper(recoloured, 4000);
        session.choose_helper(recoloured, 5000);
        assert_eq!(
            session.updated_at, 4000,
            "choosing the same again changes nothing"
        );
        assert_eq!(session.helper, Some(recoloured));
        assert!(session.entry(Question::GoodThings, entry).is_some());
        let json = serde_json::to_string(&session).unwrap();
        assert!(json.contains(r#""helper":{"kind":"dragon","main":"green","accent":"red"}"#));
        assert_eq!(serde_json::from_str::<Session>(&json).unwrap(), session);
    }
}
