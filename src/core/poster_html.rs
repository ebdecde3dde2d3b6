//! The houses poster: for a family meeting, the three houses (or the three helpers) side by
//! side on one landscape page, each holding what the chosen audience may see. One page per
//! tool used. Built from the same [`Summary`] as the list, so the one sharing rule holds: a
//! poster for Mum shows exactly what her summary shows, and never a taken-out entry, what the
//! worker asked, a read-back mark or anything else of the worker's own record.
//!
//! Like the summary file, it is one self-contained HTML file with no script, every text
//! escaped, pictures only as checked `data:` URLs.

use std::fmt::Write;

use super::ink::base64::base64_encode;
use super::question::Question;
use super::summary::{QuestionSummary, Reader, Summary, SummaryContent, SummaryEntry};
use super::summary_html::{
    element_auto, element_with, escape, is_png_data_url, open_document, page_boxes, render_caption,
    Painters, SummaryText,
};
use super::tool::Tool;

/// A landscape page with three columns; sides are logical, so a right-to-left poster starts
/// its houses on the right.
const POSTER_STYLE: &str = "
:root { color: #1b1b1b; background: #fff; }
body { font: 12pt/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 0; padding: 0 .5rem; }
.poster { break-after: page; page-break-after: always; }
.poster:last-of-type { break-after: auto; page-break-after: auto; }
h1 { font-size: 20pt; margin: 0 0 1mm; text-align: center; }
.audience { text-align: center; font-weight: 600; margin: 0 0 4mm; }
.full-record .audience { color: #8a1c1c; border: 2px solid #8a1c1c; border-radius: 6px; padding: 1mm 3mm; }
.houses { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6mm; align-items: start; }
.house-column { border: 2px solid #4a5563; border-radius: 4px; padding: 3mm; break-inside: avoid; page-break-inside: avoid; }
.house-picture { display: block; width: 26mm; height: 26mm; margin: 0 auto 2mm; }
.house-column h2 { text-align: center; font-size: 15pt; margin: 0 0 3mm; overflow-wrap: anywhere; }
.house-column ul { list-style: none; margin: 0; padding: 0; }
.house-column li { margin: 0 0 3mm; }
.child-words { margin: 0; padding: 1mm 3mm; border-inline-start: 3px solid #1d6fd1; background: #f1f6fd;
  white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; text-align: start; }
.child-words::before { content: open-quote; } .child-words::after { content: close-quote; }
figure { margin: 0; }
figure img { display: block; max-width: 100%; max-height: 48mm; width: auto; height: auto; object-fit: contain;
  margin: 0 auto; border: 1px solid #c8c8c8; box-sizing: border-box; }
.who, .caption-label, .missing { margin: 1mm 0 0; color: #555; font-size: 9pt; }
.caption { margin: 1mm 0 0; }
.empty, .chose-not-to-say { color: #555; text-align: center; margin: 4mm 0; }
.chose-not-to-say { font-weight: 600; }
@page { size: A4 landscape; margin: 14mm 12mm 14mm; }
@media print {
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

/// The poster as a complete HTML document: one landscape page per tool used (the houses'
/// when none was), each with the three questions side by side in the tool's order.
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
    let tools = if summary.tools.is_empty() {
        vec![Tool::default()]
    } else {
        summary.tools.clone()
    };
    for &tool in &tools {
        let _ = writeln!(out, "<section class=\"poster {}\">", tool.slug());
        element_auto(&mut out, "h1", &text.poster_title);
        // Who it is for, always: a poster of the full record says it is the worker's.
        element_with(
            &mut out,
            "p",
            "class=\"audience\" dir=\"auto\"",
            &text.audience_line,
        );
        out.push_str("<div class=\"houses\">\n");
        for &question in tool.questions() {
            if let Some(shown) = summary.question(question) {
                render_column(&mut out, summary, tool, shown, tools.len(), text, painters);
            }
        }
        out.push_str("</div>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn render_column(
    out: &mut String,
    summary: &Summary,
    tool: Tool,
    shown: &QuestionSummary,
    tools_used: usize,
    text: &SummaryText,
    painters: &Painters,
) {
    let question = shown.question;
    let _ = writeln!(out, "<section class=\"house-column {}\">", question.slug());
    let picture = match tool {
        Tool::ThreeHouses => Some(house_picture(question)),
        other => other.summary_picture(summary.helper, question),
    };
    if let Some(url) = picture {
        // The app's own art as a base64 data URL: nothing to escape.
        out.push_str("<img class=\"house-picture\" src=\"");
        out.push_str(&url);
        out.push_str("\" alt=\"\">\n");
    }
    let usual = text.usual_name(tool, question);
    element_auto(out, "h2", shown.own_name(tool).unwrap_or(usual));
    // The entries made in this tool (all of them when only one was used), never one the child
    // took out, whoever the poster is for.
    let entries: Vec<&SummaryEntry> = shown
        .entries
        .iter()
        .filter(|entry| tools_used == 1 || entry.tool == tool)
        .filter(|entry| !entry.is_taken_out())
        .filter(|entry| !matches!(entry.content, SummaryContent::Unreadable))
        .collect();
    if entries.is_empty() {
        if shown.chose_not_to_say {
            element_with(
                out,
                "p",
                "class=\"chose-not-to-say\"",
                &text.chose_not_to_say,
            );
        } else {
            let empty = match summary.reader {
                Reader::FullRecord(_) => &text.empty_house,
                Reader::ForAudience(_) => &text.nothing_shared_here,
            };
            element_with(out, "p", "class=\"empty\"", empty);
        }
    } else {
        out.push_str("<ul>\n");
        for entry in entries {
            render_entry(out, entry, text, painters);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// An entry as the child gave it: the words exactly, or the drawing scaled to the column,
/// with its caption. Nothing of the worker's record.
fn render_entry(out: &mut String, entry: &SummaryEntry, text: &SummaryText, painters: &Painters) {
    out.push_str("<li>\n");
    match &entry.content {
        SummaryContent::Words(words) => {
            element_with(
                out,
                "blockquote",
                "class=\"child-words\" dir=\"auto\"",
                &words.text,
            );
        }
        SummaryContent::Drawing { question, entry } => {
            match (painters.picture)(*question, *entry).filter(|url| is_png_data_url(url)) {
                Some(url) => {
                    out.push_str("<figure><img src=\"");
                    out.push_str(&url);
                    out.push_str("\" alt=\"");
                    out.push_str(&escape(&text.drawing_alt));
                    out.push_str("\"></figure>\n");
                }
                None => element_with(out, "p", "class=\"missing\"", &text.picture_missing),
            }
        }
        SummaryContent::Unreadable => {}
    }
    if let Some(caption) = &entry.caption {
        render_caption(out, caption, text);
    }
    out.push_str("</li>\n");
}
