//! The houses poster: for a family meeting, one landscape A4 page per conversation with the
//! three questions side by side, each headed by its house (and its helper beside it when the
//! child used Wizards and Fairies), holding every entry of that question from every tool,
//! words large and drawings the width of their column. Built from the same [`Summary`] as
//! the list, so the one sharing rule holds: a poster for Mum shows exactly what her summary
//! shows, and never a taken-out entry, what the worker asked, a read-back mark or anything
//! else of the worker's own record.
//!
//! A question with nothing for this reader is an empty house, never a sentence: the poster
//! hangs on the wall of a family meeting, and a line about the child's silence there can
//! bring pressure on the child (whether the child "chose not to say" is for the court's and
//! the meeting's summary to state, where it is true). When there is more than a page holds,
//! the houses go on over the next page: nothing the child shared is cut.
//!
//! Like the summary file, it is one self-contained HTML file with no script, every text
//! escaped, pictures only as checked `data:` URLs, and every word, name and caption of the
//! child isolated in its own direction, so Arabic beside a Latin name keeps its order.

use std::fmt::Write;

use super::entry::{Voice, Words};
use super::html_text::{element_with, escape};
use super::ink::base64::base64_encode;
use super::question::Question;
use super::sharing::Audience;
use super::summary::{QuestionSummary, Reader, Summary, SummaryContent, SummaryEntry};
use super::summary_html::{open_document, page_boxes, render_picture, Painters, SummaryText};
use super::tool::Tool;
use super::translation::fill;

/// One landscape A4 page (10 mm margins: 277 × 190 mm to fill) with a title line and three
/// columns of about 89 mm, so a drawing at the column's width is more than a quarter of the
/// page's. Sides are logical, so a right-to-left poster starts its houses on the right. The
/// columns reach the foot of the page however little is in them, and run on over the next
/// page when more is: only an entry is kept in one piece.
const POSTER_STYLE: &str = "
:root { color: #1b1b1b; background: #fff; }
body { font: 12pt/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 0; padding: 0 .5rem; }
.poster { display: flex; flex-direction: column; min-height: 184mm; box-sizing: border-box; }
.poster-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between;
  gap: 1mm 6mm; margin: 0 0 3mm; }
h1 { font-size: 22pt; margin: 0; }
.audience { font-size: 13pt; font-weight: 600; margin: 0; }
.full-record .audience { color: #8a1c1c; border: 2px solid #8a1c1c; border-radius: 6px; padding: 1mm 3mm; }
.houses { flex: 1 0 auto; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 5mm;
  align-items: stretch; }
.house-column { display: flex; flex-direction: column; border: 2px solid #4a5563; border-radius: 4mm;
  padding: 3mm; box-sizing: border-box; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.house-column h2 { display: flex; justify-content: center; align-items: flex-end; gap: 4mm; margin: 0 0 3mm;
  font-size: 16pt; line-height: 1.2; text-align: center; break-after: avoid; page-break-after: avoid; }
.house-sign { display: flex; flex-direction: column; align-items: center; flex: 1 1 0; min-width: 0;
  overflow-wrap: anywhere; }
.house-picture { display: block; width: 42mm; height: 42mm; margin: 0 0 1.5mm; }
.both-tools .house-picture { width: 34mm; height: 34mm; }
.usual-name { font-size: 10pt; font-weight: normal; color: #4f4f4f; }
.house-entries { list-style: none; margin: 0; padding: 0; }
.house-entries > li { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
.child-words { margin: 0; padding: 1.5mm 3mm; border-inline-start: 4px solid #1d6fd1; background: #f1f6fd;
  font-size: 16pt; line-height: 1.3; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext;
  text-align: start; }
.child-words::before { content: open-quote; } .child-words::after { content: close-quote; }
figure { margin: 0; }
figure img { display: block; width: 100%; height: auto; max-height: 150mm; object-fit: contain;
  border: 1px solid #c8c8c8; box-sizing: border-box; }
.who, .caption-label, .missing { margin: 1mm 0 0; color: #4f4f4f; font-size: 9pt; }
.amended { margin: 1mm 0 0; color: #7a4200; font-size: 10pt; font-weight: 600; }
.caption { margin: 2mm 0 0; }
.caption .child-words { font-size: 14pt; }
.house-empty { flex: 1 0 30mm; max-height: 140mm; border: 2px dashed #b8c0ca; border-radius: 3mm; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { padding: 0; }
  .child-words, .full-record .audience { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// The houses' own pictures, as the app shows them.
pub(super) fn house_picture(question: Question) -> String {
    let svg = match question {
        Question::Worries => include_str!("../../public/house-worries.svg"),
        Question::GoodThings => include_str!("../../public/house-good-things.svg"),
        Question::Dreams => include_str!("../../public/house-dreams.svg"),
    };
    format!(
        "data:image/svg+xml;base64,{}",
        base64_encode(svg.as_bytes())
    )
}

/// The poster as a complete HTML document: one poster for the conversation, its three
/// questions side by side in the summary's order, each holding its entries from every tool.
pub fn render_poster_html(summary: &Summary, text: &SummaryText, painters: &Painters) -> String {
    let mut out = String::with_capacity(8 * 1024);
    open_document(
        &mut out,
        &text.lang,
        &text.poster_title,
        &[POSTER_STYLE, &page_boxes(text)],
    );
    let class = match summary.reader {
        Reader::FullRecord(_) => "full-record",
        Reader::ForAudience(_) => "for-audience",
    };
    let _ = writeln!(out, "<body class=\"{class} poster-file\">");
    // The houses stand for the questions when no tool was used yet.
    let tools = if summary.tools.is_empty() {
        vec![Tool::default()]
    } else {
        summary.tools.clone()
    };
    let both = if tools.len() > 1 { " both-tools" } else { "" };
    let _ = writeln!(out, "<section class=\"poster{both}\">");
    out.push_str("<header class=\"poster-head\">\n");
    // The child's name, and a name the child gave a reader, keep their own direction
    // inside the sentence around them.
    let _ = writeln!(
        out,
        "<h1 dir=\"auto\">{}</h1>",
        isolating(&text.poster_title, &summary.child_name)
    );
    // Who it is for, always: a poster of the full record says it is the worker's.
    let named = match summary.audience() {
        Some(Audience::Named(name)) => name.as_str(),
        _ => "",
    };
    let _ = writeln!(
        out,
        "<p class=\"audience\" dir=\"auto\">{}</p>",
        isolating(&text.audience_line, named)
    );
    out.push_str("</header>\n<div class=\"houses\">\n");
    for shown in &summary.questions {
        render_column(&mut out, summary, &tools, shown, text, painters);
    }
    out.push_str("</div>\n</section>\n</body>\n</html>\n");
    out
}

/// `text` escaped, with each occurrence of `name` in it (the child's name in the title, a
/// reader the child named) as a `<bdi>` of its own.
fn isolating(text: &str, name: &str) -> String {
    if name.trim().is_empty() {
        return escape(text);
    }
    let isolated = format!("<bdi>{}</bdi>", escape(name));
    text.split(name)
        .map(escape)
        .collect::<Vec<_>>()
        .join(&isolated)
}

/// One question: its house, and its helper beside it when Wizards and Fairies was used,
/// then every entry the reader may see, or the house left empty.
fn render_column(
    out: &mut String,
    summary: &Summary,
    tools: &[Tool],
    shown: &QuestionSummary,
    text: &SummaryText,
    painters: &Painters,
) {
    let question = shown.question;
    let _ = writeln!(out, "<section class=\"house-column {}\">", question.slug());
    out.push_str("<h2>");
    for &tool in tools {
        let picture = match tool {
            Tool::ThreeHouses => Some(house_picture(question)),
            other => other.summary_picture(summary.helper, question),
        };
        out.push_str("<span class=\"house-sign\">");
        if let Some(url) = picture {
            // The app's own art as a base64 data URL: nothing to escape. The name beside it
            // says what it is.
            out.push_str("<img class=\"house-picture\" src=\"");
            out.push_str(&url);
            out.push_str("\" alt=\"\">");
        }
        let usual = text.usual_name(tool, question);
        match shown.own_name(tool) {
            // The child's own name, and the usual one under it so every reader knows which
            // question it answers.
            Some(own) => {
                let _ = write!(
                    out,
                    "<bdi>{}</bdi><bdi class=\"usual-name\">{}</bdi>",
                    escape(own),
                    escape(usual)
                );
            }
            None => {
                let _ = write!(out, "<bdi>{}</bdi>", escape(usual));
            }
        }
        out.push_str("</span>");
    }
    out.push_str("</h2>\n");
    // Never one the child took out, whoever the poster is for; an entry that could not be
    // read is the full record's to name.
    let entries: Vec<&SummaryEntry> = shown
        .entries
        .iter()
        .filter(|entry| !entry.is_taken_out())
        .filter(|entry| !matches!(entry.content, SummaryContent::Unreadable))
        .collect();
    if entries.is_empty() {
        out.push_str("<div class=\"house-empty\"></div>\n");
    } else {
        out.push_str("<ul class=\"house-entries\">\n");
        for entry in entries {
            render_entry(out, entry, text, painters);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// An entry as the child gave it: the words exactly, or the drawing at the column's width,
/// with its caption; who said and who wrote it, and the mark where it was amended after the
/// end. Nothing else of the worker's record.
fn render_entry(out: &mut String, entry: &SummaryEntry, text: &SummaryText, painters: &Painters) {
    out.push_str("<li>\n");
    match &entry.content {
        SummaryContent::Words(words) => {
            render_words(out, words, entry.words_amended_at, text, painters);
        }
        SummaryContent::Drawing { question, entry } => {
            let picture = (painters.picture)(*question, *entry);
            render_picture(out, picture, "", &text.drawing_alt, None, text);
        }
        SummaryContent::Unreadable => {}
    }
    if let Some(caption) = &entry.caption {
        out.push_str("<div class=\"caption\">\n");
        element_with(out, "p", "class=\"caption-label\"", &text.caption_label);
        render_words(out, caption, entry.caption_amended_at, text, painters);
        out.push_str("</div>\n");
    }
    out.push_str("</li>\n");
}

/// The child's words in their own direction, who said and who wrote them, and "amended on
/// …" when they were changed after the end of the conversation.
fn render_words(
    out: &mut String,
    words: &Words,
    amended_at: Option<u64>,
    text: &SummaryText,
    painters: &Painters,
) {
    element_with(
        out,
        "blockquote",
        "class=\"child-words\" dir=\"auto\"",
        &words.text,
    );
    let who = match words.voice {
        Voice::ChildSaidWorkerWrote => &text.child_said_worker_wrote,
        Voice::ChildWrote => &text.child_wrote,
    };
    element_with(out, "p", "class=\"who\"", who);
    if let Some(at) = amended_at {
        let day = (painters.day)(at);
        element_with(
            out,
            "p",
            "class=\"amended\"",
            &fill(&text.amended_on, &[("day", &day)]),
        );
    }
}
