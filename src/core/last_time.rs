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
use super::summary_html::{element_auto, element_with, escape, Painters, SummaryText};
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
    pub fn last_time<'a>(&self, sessions: &'a [Session]) -> Option<(&'a Session, Vec<ShownAgain<'a>>)> {
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
        self.last_time.iter().rev().find(|answer| &answer.about == about)
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

/// The full record's words for "Last time you told me…", in the worker's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LastTimeText {
    pub heading: String,
    /// Template with `{{ house }}`, `{{ date }}`, `{{ answer }}` and `{{ when }}`.
    pub line: String,
    /// Template with `{{ house }}`, `{{ answer }}` and `{{ when }}`, for an earlier visit no
    /// longer on this tablet.
    pub line_no_date: String,
    /// "Then:" before what the child said or drew at the earlier visit.
    pub then: String,
    /// "A drawing".
    pub drawing: String,
    /// "Said more:" before the child's words now.
    pub said_more: String,
    /// Template with `{{ answer }}` and `{{ when }}`: an answer the child changed since.
    pub earlier_answer: String,
    pub still_so: String,
    pub changed: String,
    pub not_any_more: String,
    pub passed: String,
}

impl LastTimeText {
    pub fn answer(&self, answer: StillSo) -> &str {
        match answer {
            StillSo::StillSo => &self.still_so,
            StillSo::Changed => &self.changed,
            StillSo::NotAnyMore => &self.not_any_more,
            StillSo::Passed => &self.passed,
        }
    }

    /// In two languages, as every label of a bilingual summary.
    pub fn bilingual(&self, second: &LastTimeText) -> LastTimeText {
        let both = |first: &String, other: &String| {
            if first == other || other.is_empty() {
                first.clone()
            } else {
                format!("{first} / {other}")
            }
        };
        LastTimeText {
            heading: both(&self.heading, &second.heading),
            line: both(&self.line, &second.line),
            line_no_date: both(&self.line_no_date, &second.line_no_date),
            then: both(&self.then, &second.then),
            drawing: both(&self.drawing, &second.drawing),
            said_more: both(&self.said_more, &second.said_more),
            earlier_answer: both(&self.earlier_answer, &second.earlier_answer),
            still_so: both(&self.still_so, &second.still_so),
            changed: both(&self.changed, &second.changed),
            not_any_more: both(&self.not_any_more, &second.not_any_more),
            passed: both(&self.passed, &second.passed),
        }
    }
}

/// The full record's part "Last time you told me…": for each earlier entry, its house and
/// date, the child's current answer and when, what it was then, the child's words now, and
/// any answer given before.
pub fn render_last_time(
    out: &mut String,
    lines: &[LastTimeLine],
    text: &SummaryText,
    painters: &Painters,
) {
    let words = &text.last_time;
    if lines.is_empty() {
        return;
    }
    out.push_str("<section class=\"last-time\">\n");
    element_auto(out, "h2", &words.heading);
    out.push_str("<ul>\n");
    for line in lines {
        let Some(current) = line.answers.last() else {
            continue;
        };
        let house = text.usual_name(line.tool, line.about.question);
        let when = (painters.day)(current.at_ms);
        let answer = words.answer(current.answer);
        let said = match &line.earlier_date {
            Some(date) => super::translation::fill(
                &words.line,
                &[
                    ("house", &house),
                    ("date", &super::local_forms::day(date, &text.lang)),
                    ("answer", &answer),
                    ("when", &when),
                ],
            ),
            None => super::translation::fill(
                &words.line_no_date,
                &[("house", &house), ("answer", &answer), ("when", &when)],
            ),
        };
        out.push_str("<li>\n");
        element_with(out, "p", "class=\"last-time-answer\" dir=\"auto\"", &said);
        match line.earlier.as_ref().map(|entry| &entry.content) {
            Some(EntryContent::Words(then)) => {
                element_with(out, "p", "class=\"mark\"", &words.then);
                childs_words(out, then, text);
            }
            Some(EntryContent::Drawing(_)) => {
                let then = format!("{} {}", words.then, words.drawing);
                element_with(out, "p", "class=\"mark\"", &then);
            }
            _ => {}
        }
        if let Some(more) = &current.words {
            element_with(out, "p", "class=\"mark\"", &words.said_more);
            childs_words(out, more, text);
        }
        for before in &line.answers[..line.answers.len() - 1] {
            let earlier = super::translation::fill(
                &words.earlier_answer,
                &[
                    ("answer", &words.answer(before.answer)),
                    ("when", &(painters.time)(before.at_ms)),
                ],
            );
            element_with(out, "p", "class=\"mark\"", &earlier);
            if let Some(more) = &before.words {
                childs_words(out, more, text);
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// The child's words exactly, in their own direction, and who said and who wrote them.
fn childs_words(out: &mut String, words: &Words, text: &SummaryText) {
    out.push_str("<blockquote class=\"child-words\" dir=\"auto\">");
    out.push_str(&escape(&words.text));
    out.push_str("</blockquote>\n");
    element_with(out, "p", "class=\"who\"", text.voice(words.voice));
}
