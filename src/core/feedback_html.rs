//! The full record's part about feedback to the child and promises checked (see
//! `core::feedback`): what the worker told the child happened with each thing, who heard it
//! and when, when the child heard it and what they said, and whether what was promised
//! happened. Worker-only: a summary for an audience never calls this.
//!
//! `summary_html` calls it, so it needs nothing of `summary_html` (modules need each other in
//! no circle, tests/layers.rs): its words come in [`FeedbackText`], and it writes its text
//! with `html_text`, as every document does (tests/feedback_to_child.rs checks what it writes).

use std::fmt::Write;

use super::entry::{Voice, Words};
use super::feedback::{FeedbackRecord, PromiseAnswer};
use super::html_text::{element_inline, element_with, escape, fill_isolated};
use super::local_forms::day;
use super::over_months::Happened;
use super::sharing::Audience;

/// The words of this part, in the record's language; templates keep `{{ name }}` and
/// `{{ date }}` for the renderer to fill.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedbackText {
    /// The record's language, such as `en`: dates are written as it writes them.
    pub lang: String,
    pub list_separator: String,
    /// "What I told Mia will happen next", filled.
    pub next_told_label: String,
    pub child_said_worker_wrote: String,
    pub child_wrote: String,
    /// The pictured audiences' names; a name the child gave is shown as it is.
    pub audiences: Vec<(Audience, String)>,
    /// "What happened with what {{ name }} told me"
    pub heading: String,
    /// "Told {{ name }}"
    pub told_label: String,
    pub heard_by_label: String,
    pub on_label: String,
    /// "{{ name }} heard it at the visit of {{ date }}"
    pub heard_line: String,
    /// "{{ name }} said"
    pub reaction_label: String,
    /// "{{ name }} said nothing about it."
    pub no_reaction: String,
    /// "{{ name }} has not heard it yet."
    pub not_heard: String,
    pub drawing: String,
    /// "Did it happen? {{ happened }}"
    pub checked_line: String,
    /// "Checked at the visit of {{ date }}"
    pub checked_at: String,
    pub happened_yes: String,
    pub happened_partly: String,
    pub happened_no: String,
    pub happened_not_yet: String,
    pub note_label: String,
    /// "What {{ name }} heard at this visit"
    pub heard_here_heading: String,
    /// "From the visit of {{ date }}"
    pub from_visit: String,
    /// "Promises of earlier visits"
    pub checked_here_heading: String,
    /// "What was promised at the visit of {{ date }}"
    pub promised_at: String,
}

impl FeedbackText {
    /// Each text in two languages, "Told Mia / Mia gesagt", as the summary's bilingual texts.
    pub fn bilingual(&self, second: &FeedbackText) -> FeedbackText {
        let both = |a: &String, b: &String| {
            if a == b || b.is_empty() {
                a.clone()
            } else {
                format!("{a} / {b}")
            }
        };
        FeedbackText {
            lang: self.lang.clone(),
            list_separator: self.list_separator.clone(),
            next_told_label: both(&self.next_told_label, &second.next_told_label),
            child_said_worker_wrote: both(
                &self.child_said_worker_wrote,
                &second.child_said_worker_wrote,
            ),
            child_wrote: both(&self.child_wrote, &second.child_wrote),
            audiences: self
                .audiences
                .iter()
                .map(|(audience, name)| {
                    let other = second.audience_name(audience);
                    (audience.clone(), both(name, &other.to_owned()))
                })
                .collect(),
            heading: both(&self.heading, &second.heading),
            told_label: both(&self.told_label, &second.told_label),
            heard_by_label: both(&self.heard_by_label, &second.heard_by_label),
            on_label: both(&self.on_label, &second.on_label),
            heard_line: both(&self.heard_line, &second.heard_line),
            reaction_label: both(&self.reaction_label, &second.reaction_label),
            no_reaction: both(&self.no_reaction, &second.no_reaction),
            not_heard: both(&self.not_heard, &second.not_heard),
            drawing: both(&self.drawing, &second.drawing),
            checked_line: both(&self.checked_line, &second.checked_line),
            checked_at: both(&self.checked_at, &second.checked_at),
            happened_yes: both(&self.happened_yes, &second.happened_yes),
            happened_partly: both(&self.happened_partly, &second.happened_partly),
            happened_no: both(&self.happened_no, &second.happened_no),
            happened_not_yet: both(&self.happened_not_yet, &second.happened_not_yet),
            note_label: both(&self.note_label, &second.note_label),
            heard_here_heading: both(&self.heard_here_heading, &second.heard_here_heading),
            from_visit: both(&self.from_visit, &second.from_visit),
            checked_here_heading: both(&self.checked_here_heading, &second.checked_here_heading),
            promised_at: both(&self.promised_at, &second.promised_at),
        }
    }

    /// An audience as this record names it.
    pub fn audience_name<'a>(&'a self, audience: &'a Audience) -> &'a str {
        match audience {
            Audience::Named(name) => name,
            pictured => self
                .audiences
                .iter()
                .find(|(known, _)| known == pictured)
                .map_or("", |(_, name)| name.as_str()),
        }
    }

    fn voice(&self, voice: Voice) -> &str {
        match voice {
            Voice::ChildSaidWorkerWrote => &self.child_said_worker_wrote,
            Voice::ChildWrote => &self.child_wrote,
        }
    }

    pub fn happened(&self, happened: Happened) -> &str {
        match happened {
            Happened::Yes => &self.happened_yes,
            Happened::Partly => &self.happened_partly,
            Happened::No => &self.happened_no,
            Happened::NotYet => &self.happened_not_yet,
        }
    }
}

/// The part of the full record of `name`'s visit about feedback and promises; nothing when
/// there is nothing to say.
pub fn render_feedback(
    out: &mut String,
    name: &str,
    record: &FeedbackRecord,
    words: &FeedbackText,
    time: &dyn Fn(u64) -> String,
) {
    if record.is_empty() {
        return;
    }
    let lang = words.lang.as_str();
    let date = |iso: &str| day(iso, lang);
    let filled = |template: &str, values: &[(&str, &str)]| {
        let mut all = vec![("name", name)];
        all.extend_from_slice(values);
        fill_isolated(template, &all)
    };
    out.push_str("<section class=\"feedback-to-child\">\n");
    let _ = writeln!(out, "<h2 dir=\"auto\">{}</h2>", filled(&words.heading, &[]));
    if !record.given.is_empty() {
        out.push_str("<ul class=\"feedback-given\">\n");
        for given in &record.given {
            out.push_str("<li>");
            if given.about_question.is_some() {
                match &given.about_words {
                    Some(about) => element_with(
                        out,
                        "blockquote",
                        "class=\"child-words\" dir=\"auto\"",
                        &about.text,
                    ),
                    None => element_with(out, "p", "class=\"who\"", &words.drawing),
                }
            }
            let _ = write!(
                out,
                "<p class=\"feedback-told\"><strong>{}</strong>: ",
                filled(&words.told_label, &[])
            );
            element_inline(out, "bdi", &given.feedback.text);
            out.push_str("</p>\n");
            if !given.feedback.heard_by.is_empty() || !given.feedback.on.is_empty() {
                out.push_str("<p class=\"feedback-who\">");
                if !given.feedback.heard_by.is_empty() {
                    let _ = write!(out, "{}: ", escape(&words.heard_by_label));
                    let names: Vec<&str> = given
                        .feedback
                        .heard_by
                        .iter()
                        .map(|audience| words.audience_name(audience))
                        .collect();
                    element_inline(out, "bdi", &names.join(&words.list_separator));
                }
                if !given.feedback.on.is_empty() {
                    if !given.feedback.heard_by.is_empty() {
                        out.push_str(" · ");
                    }
                    let _ = write!(
                        out,
                        "{}: {}",
                        escape(&words.on_label),
                        escape(&date(&given.feedback.on))
                    );
                }
                out.push_str("</p>\n");
            }
            match &given.heard {
                Some((visit_day, heard)) => {
                    let line = filled(&words.heard_line, &[("date", &date(visit_day))]);
                    let _ = writeln!(
                        out,
                        "<p class=\"feedback-heard\">{line} ({})</p>",
                        escape(&time(heard.at_ms))
                    );
                    render_reaction(out, name, heard.reaction.as_ref(), words);
                }
                None => {
                    let _ = writeln!(
                        out,
                        "<p class=\"feedback-not-heard\">{}</p>",
                        filled(&words.not_heard, &[])
                    );
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    for answer in &record.this_promise {
        out.push_str("<div class=\"promise-checked\">\n");
        element_with(out, "p", "dir=\"auto\"", &words.next_told_label);
        let _ = writeln!(
            out,
            "<p>{}</p>",
            filled(&words.checked_at, &[("date", &date(&answer.date))])
        );
        render_promise(out, name, answer, words);
        out.push_str("</div>\n");
    }
    if !record.heard_here.is_empty() {
        let _ = writeln!(
            out,
            "<h3 dir=\"auto\">{}</h3>",
            filled(&words.heard_here_heading, &[])
        );
        out.push_str("<ul class=\"feedback-heard-here\">\n");
        for heard in &record.heard_here {
            out.push_str("<li>");
            let _ = writeln!(
                out,
                "<p>{}</p>",
                filled(&words.from_visit, &[("date", &date(&heard.from_date))])
            );
            element_with(
                out,
                "blockquote",
                "class=\"notes\" dir=\"auto\"",
                &heard.text,
            );
            render_reaction(out, name, heard.heard.reaction.as_ref(), words);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !record.checked_here.is_empty() {
        let _ = writeln!(
            out,
            "<h3 dir=\"auto\">{}</h3>",
            filled(&words.checked_here_heading, &[])
        );
        for answer in &record.checked_here {
            out.push_str("<div class=\"promise-checked\">\n");
            let _ = writeln!(
                out,
                "<p>{}</p>",
                filled(&words.promised_at, &[("date", &date(&answer.date))])
            );
            render_promise(out, name, answer, words);
            out.push_str("</div>\n");
        }
    }
    out.push_str("</section>\n");
}

/// The child's reaction exactly, with who said and wrote it; or that they said nothing.
fn render_reaction(out: &mut String, name: &str, reaction: Option<&Words>, words: &FeedbackText) {
    match reaction {
        Some(reaction) => {
            let _ = writeln!(
                out,
                "<p>{}:</p>",
                fill_isolated(&words.reaction_label, &[("name", name)])
            );
            element_with(
                out,
                "blockquote",
                "class=\"child-words\" dir=\"auto\"",
                &reaction.text,
            );
            element_with(out, "p", "class=\"who\"", words.voice(reaction.voice));
        }
        None => {
            let _ = writeln!(
                out,
                "<p class=\"quiet\">{}</p>",
                fill_isolated(&words.no_reaction, &[("name", name)])
            );
        }
    }
}

/// What was promised, whether it happened, and the worker's note.
fn render_promise(out: &mut String, name: &str, answer: &PromiseAnswer, words: &FeedbackText) {
    element_with(
        out,
        "blockquote",
        "class=\"notes\" dir=\"auto\"",
        &answer.told,
    );
    let line = fill_isolated(
        &words.checked_line,
        &[
            ("name", name),
            ("happened", words.happened(answer.check.happened)),
        ],
    );
    let _ = writeln!(out, "<p class=\"promise-answer\">{line}</p>");
    if !answer.check.note.is_empty() {
        element_with(
            out,
            "p",
            "dir=\"auto\"",
            &format!("{}: {}", words.note_label, answer.check.note),
        );
    }
}
