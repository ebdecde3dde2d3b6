//! The over-time document: each question across a child's visits, for one audience or as
//! the worker's full record over time. One self-contained HTML file like the summary, made
//! from the same building blocks (page header and boxes, escaping, the child's words in
//! their own direction, drawings as checked PNG `data:` URLs), printable on A4: under each
//! question one row per visit, its date on the start side, so thirty visits read as well as
//! two.
//!
//! What a reader sees is decided by [`OverTime`] (and each visit's [`Summary`] in it): this
//! file only lays it out. The full record adds, per visit, everything that visit's full
//! record holds besides the entries (the conversation's facts, pace, next steps, amendments,
//! responses, the reflection, what left the tablet), then one line to sign.
//!
//! [`Summary`]: super::summary::Summary

use std::fmt::Write;

use super::html_text::{
    element, element_auto, element_inline, element_isolating, element_with, escape, fill_isolated,
};
use super::local_forms::day;
use super::over_months::StillSo;
use super::over_time::{Cell, EntryOverTime, OverTime, VisitOverTime};
use super::question::Question;
use super::summary::Reader;
use super::summary_html::{
    open_document, page_boxes, render_amendments, render_audiences, render_childs_words,
    render_conversation, render_entry, render_given_to, render_next_steps, render_order,
    render_pace, render_reflection, render_responses, render_signature, render_undecided, Painters,
    SummaryText, STYLE,
};
use super::tool::Tool;
use super::translation::fill;

/// The over-time document's own words, filled by the UI; everything else comes from the
/// summary's texts, so a label reads the same in both.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OverTimeText {
    /// The document's labels: `title`, `audience_line` and `page_line` already say it is the
    /// child over time and for whom.
    pub summary: SummaryText,
    /// One per visit, in the order of [`OverTime::visits`]: the texts of that visit's own
    /// summary (its counts, the prompts as that child saw them then).
    pub visits: Vec<SummaryText>,
    /// "Visits", before the list of their days in the header.
    pub visits_label: String,
    /// Heading of a visit's part of the full record: template with `{{ date }}`.
    pub visit_heading: String,
    /// "not finished yet", beside the day of a visit still going on (full record).
    pub not_finished: String,
    /// The child's answers at a later visit: templates with `{{ date }}`.
    pub still_so: String,
    pub changed: String,
    pub not_any_more: String,
    pub passed: String,
    /// "What happened", before what the worker told the child.
    pub happened_label: String,
    /// Template with `{{ people }}`: "Told: Mum, Teacher".
    pub heard_by: String,
    /// Template with `{{ date }}`: "The child heard this on …".
    pub child_heard: String,
    /// "The child's words about it:", before the child's words at a later visit.
    pub childs_words_label: String,
}

impl OverTimeText {
    /// The mark for an answer of the child, filled with the day they said it.
    pub fn answer(&self, answer: StillSo) -> &str {
        match answer {
            StillSo::StillSo => &self.still_so,
            StillSo::Changed => &self.changed,
            StillSo::NotAnyMore => &self.not_any_more,
            StillSo::Passed => &self.passed,
        }
    }
}

/// Painters for a child's visits: a drawing is found by its visit.
pub struct OverTimePainters<'a> {
    pub picture: &'a dyn Fn(usize, Question, super::entry::EntryId) -> Option<String>,
    pub earlier_picture:
        &'a dyn Fn(usize, Question, super::entry::EntryId, usize) -> Option<String>,
    pub time: &'a dyn Fn(u64) -> String,
    pub day: &'a dyn Fn(u64) -> String,
}

/// A row per visit under each question: the date on the start side, the entries beside it.
const OVER_TIME_STYLE: &str = "
.over-time .house { padding-bottom: .25rem; }
.visit-row { display: grid; grid-template-columns: 10rem minmax(0, 1fr); gap: .25rem 1rem;
  border-top: 1px solid #e0e0e0; padding: .6rem 0; break-inside: avoid; page-break-inside: avoid; }
.visit-row:first-of-type { border-top: none; }
.visit-date { margin: 0; font-size: 1rem; font-weight: 600; }
.visit-date .not-finished { display: block; font-weight: normal; color: #4f4f4f; font-size: .85rem; }
.visit-row .entries { margin: 0; }
.visit-row .empty, .visit-row .chose-not-to-say { margin: 0; }
.later { margin: .3rem 0 0; padding: .15rem .5rem; display: inline-block; border-radius: 1rem;
  background: #eef3e8; color: #2f4a1d; font-size: .9rem; font-weight: 600; }
.later.not-any-more { background: #f3ece3; color: #6b3d00; }
.later.changed { background: #e8eef6; color: #1d3a5c; }
.later.passed { background: #f0f0f0; color: #444; }
.happened { margin: .4rem 0 0; padding: .3rem .6rem; border-inline-start: 4px solid #5a7d2a;
  background: #f5f8f0; font-size: .95rem; }
.happened .notes { margin: .1rem 0 0; }
.happened p { margin: .1rem 0 0; color: #4f4f4f; font-size: .9rem; }
.visit-record { border: 2px solid #c8c8c8; border-radius: 8px; padding: .75rem 1rem 0; margin: 0 0 1.5rem; }
.visit-record > h2 { margin: 0 0 .75rem; }
@media print { .visit-record { break-before: page; page-break-before: always; } }
";

/// The over-time document as a complete HTML file.
pub fn render_over_time_html(
    over_time: &OverTime,
    text: &OverTimeText,
    painters: &OverTimePainters,
) -> String {
    let base = &text.summary;
    let mut out = String::with_capacity(16 * 1024);
    open_document(
        &mut out,
        &base.lang,
        &base.title,
        &[STYLE, OVER_TIME_STYLE, &page_boxes(base)],
    );
    let class = if over_time.audience.is_none() {
        "full-record"
    } else {
        "for-audience"
    };
    let _ = writeln!(out, "<body class=\"{class} over-time\">");
    render_header(&mut out, over_time, text);
    out.push_str("<main>\n");
    for question in &over_time.questions {
        let _ = writeln!(
            out,
            "<section class=\"house {}\">",
            question.question.slug()
        );
        element_auto(
            &mut out,
            "h2",
            &question_name(over_time, question.question, base),
        );
        for (at, (visit, cell)) in over_time.visits.iter().zip(&question.cells).enumerate() {
            let visit_painters = painters_for(painters, at);
            let visit_text = text.visits.get(at).unwrap_or(base);
            render_cell(
                &mut out,
                over_time,
                visit,
                cell,
                visit_text,
                text,
                &visit_painters,
            );
        }
        out.push_str("</section>\n");
    }
    if over_time.audience.is_none() {
        render_visit_records(&mut out, over_time, text, painters);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The question named as every tool used across the visits names it.
fn question_name(over_time: &OverTime, question: Question, text: &SummaryText) -> String {
    let tools = if over_time.tools.is_empty() {
        vec![Tool::default()]
    } else {
        over_time.tools.clone()
    };
    tools
        .iter()
        .map(|&tool| text.usual_name(tool, question))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A visit's own painters, out of those for the child.
fn painters_for<'a>(painters: &'a OverTimePainters<'a>, at: usize) -> OwnedPainters<'a> {
    OwnedPainters {
        picture: Box::new(move |question, entry| (painters.picture)(at, question, entry)),
        earlier_picture: Box::new(move |question, entry, index| {
            (painters.earlier_picture)(at, question, entry, index)
        }),
        time: painters.time,
        day: painters.day,
    }
}

type Picture<'a> = Box<dyn Fn(Question, super::entry::EntryId) -> Option<String> + 'a>;
type EarlierPicture<'a> =
    Box<dyn Fn(Question, super::entry::EntryId, usize) -> Option<String> + 'a>;

struct OwnedPainters<'a> {
    picture: Picture<'a>,
    earlier_picture: EarlierPicture<'a>,
    time: &'a dyn Fn(u64) -> String,
    day: &'a dyn Fn(u64) -> String,
}

impl OwnedPainters<'_> {
    fn as_painters(&self) -> Painters<'_> {
        Painters {
            picture: &self.picture,
            earlier_picture: &self.earlier_picture,
            time: self.time,
            day: self.day,
        }
    }
}

fn render_header(out: &mut String, over_time: &OverTime, text: &OverTimeText) {
    let base = &text.summary;
    out.push_str("<header>\n");
    element_isolating(
        out,
        "h1",
        "dir=\"auto\"",
        &base.title,
        &over_time.child_name,
    );
    let reader = match &over_time.audience {
        Some(super::sharing::Audience::Named(name)) => name.as_str(),
        _ => "",
    };
    element_isolating(
        out,
        "p",
        "class=\"audience\" dir=\"auto\"",
        &base.audience_line,
        reader,
    );
    out.push_str("<dl class=\"facts\">\n");
    if over_time.audience.is_none() && !base.agency.trim().is_empty() {
        element(out, "dt", &base.agency_label);
        element_auto(out, "dd", base.agency.trim());
    }
    element(out, "dt", &base.child_label);
    element_auto(out, "dd", &over_time.child_name);
    if let Some(age) = over_time.age {
        element(out, "dt", &base.age_label);
        element_auto(out, "dd", &age.to_string());
    }
    let days: Vec<String> = over_time
        .visits
        .iter()
        .map(|visit| day(&visit.date, &base.lang))
        .collect();
    element(out, "dt", &text.visits_label);
    element_auto(out, "dd", &days.join(" · "));
    out.push_str("</dl>\n</header>\n");
}

/// One question in one visit: the day, then what this reader may see, or the same words the
/// visit's summary says when there is nothing.
fn render_cell(
    out: &mut String,
    over_time: &OverTime,
    visit: &VisitOverTime,
    cell: &Cell,
    visit_text: &SummaryText,
    text: &OverTimeText,
    painters: &OwnedPainters,
) {
    let base = &text.summary;
    let full = over_time.audience.is_none();
    out.push_str("<div class=\"visit-row\">\n<h3 class=\"visit-date\">");
    out.push_str(&escape(&day(&visit.date, &base.lang)));
    if full && !visit.finished {
        element_with(out, "span", "class=\"not-finished\"", &text.not_finished);
    }
    out.push_str("</h3>\n<div class=\"visit-cell\">\n");
    if cell.chose_not_to_say {
        element_with(
            out,
            "p",
            "class=\"chose-not-to-say\"",
            &visit_text.chose_not_to_say,
        );
    }
    if cell.entries.is_empty() {
        if !cell.chose_not_to_say {
            let empty = if full {
                &visit_text.empty_house
            } else {
                &visit_text.nothing_shared_here
            };
            element_with(out, "p", "class=\"empty\"", empty);
        }
    } else {
        out.push_str("<ol class=\"entries\">\n");
        for entry in &cell.entries {
            render_entry_over_time(out, visit, entry, visit_text, text, painters);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</div>\n</div>\n");
}

/// An entry as its visit's summary shows it, then what later visits said of it.
fn render_entry_over_time(
    out: &mut String,
    visit: &VisitOverTime,
    entry: &EntryOverTime,
    visit_text: &SummaryText,
    text: &OverTimeText,
    painters: &OwnedPainters,
) {
    let mut item = String::new();
    render_entry(
        &mut item,
        &visit.summary,
        &entry.entry,
        visit_text,
        &painters.as_painters(),
    );
    // The entry's own list item stays open for what later visits add to it.
    let body = item.strip_suffix("</li>\n").unwrap_or(&item);
    out.push_str(body);
    let lang = &text.summary.lang;
    for later in &entry.later {
        let class = match later.answer {
            StillSo::StillSo => "later still-so",
            StillSo::Changed => "later changed",
            StillSo::NotAnyMore => "later not-any-more",
            StillSo::Passed => "later passed",
        };
        let mark = fill(
            text.answer(later.answer),
            &[("date", &day(&later.date, lang))],
        );
        element_with(out, "p", &format!("class=\"{class}\""), &mark);
        if let Some(words) = &later.words {
            element_with(out, "p", "class=\"who\"", &text.childs_words_label);
            render_childs_words(out, words, visit_text);
        }
    }
    for happened in &entry.happened {
        out.push_str("<div class=\"happened\">\n");
        let feedback = &happened.feedback;
        let label = if feedback.on.is_empty() {
            text.happened_label.clone()
        } else {
            format!("{} · {}", text.happened_label, day(&feedback.on, lang))
        };
        element_inline(out, "strong", &label);
        element_with(out, "div", "class=\"notes\" dir=\"auto\"", &feedback.text);
        if !feedback.heard_by.is_empty() {
            let mut people = String::new();
            render_audiences(&mut people, &feedback.heard_by, &text.summary);
            // The names are already escaped and isolated: put them in as they are.
            const PEOPLE: &str = "\u{E000}";
            let line = fill_isolated(&text.heard_by, &[("people", PEOPLE)]);
            let line = line.replace(&format!("<bdi>{PEOPLE}</bdi>"), &people);
            let _ = writeln!(out, "<p dir=\"auto\">{line}</p>");
        }
        if let Some((date, reaction)) = &happened.heard {
            element_with(
                out,
                "p",
                "class=\"child-heard\"",
                &fill(&text.child_heard, &[("date", &day(date, lang))]),
            );
            if let Some(words) = reaction {
                render_childs_words(out, words, visit_text);
            }
        }
        out.push_str("</div>\n");
    }
    out.push_str("</li>\n");
}

/// The worker's full record over time: each visit's own record besides its entries, then
/// one line to sign.
fn render_visit_records(
    out: &mut String,
    over_time: &OverTime,
    text: &OverTimeText,
    painters: &OverTimePainters,
) {
    let base = &text.summary;
    for (at, visit) in over_time.visits.iter().enumerate() {
        let Reader::FullRecord(record) = &visit.summary.reader else {
            continue;
        };
        let visit_text = text.visits.get(at).unwrap_or(base);
        let owned = painters_for(painters, at);
        let visit_painters = owned.as_painters();
        out.push_str("<section class=\"visit-record\">\n");
        let heading = fill(
            &text.visit_heading,
            &[("date", &day(&visit.date, &base.lang))],
        );
        element_auto(out, "h2", &heading);
        render_conversation(out, record, visit_text, &visit_painters);
        render_pace(out, record, visit_text, &visit_painters);
        render_order(out, record, visit_text);
        render_next_steps(out, &visit.summary.child_name, record, visit_text);
        render_amendments(out, &visit.summary, record, visit_text, &visit_painters);
        render_responses(out, record, visit_text, &visit_painters);
        render_undecided(out, record, visit_text);
        render_reflection(out, record, visit_text);
        render_given_to(out, record, visit_text, &visit_painters);
        out.push_str("</section>\n");
    }
    if let Some(newest) = over_time.visits.last() {
        out.push_str("<div class=\"closing\">\n");
        render_signature(out, &newest.summary, base);
        out.push_str("</div>\n");
    }
}
