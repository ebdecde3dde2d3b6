//! The full record's part "Last time you told me…" (see `core::last_time`): for each earlier
//! entry the child answered about, its house and day, the current answer and when, what it
//! was then, the child's words now, and any answer given before. The worker's only.

use super::{Painters, SummaryText};
use crate::core::entry::{EntryContent, Words};
use crate::core::html_text::{element_auto, element_with, escape};
use crate::core::last_time::LastTimeLine;
use crate::core::local_forms::day;
use crate::core::over_months::StillSo;
use crate::core::translation::fill;

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
pub(super) fn render_last_time(
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
            Some(date) => fill(
                &words.line,
                &[
                    ("house", &house),
                    ("date", &day(date, &text.lang)),
                    ("answer", &answer),
                    ("when", &when),
                ],
            ),
            None => fill(
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
            let earlier = fill(
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
