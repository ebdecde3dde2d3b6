//! The summary as one self-contained HTML file the worker can download, print and open
//! offline: inline CSS, drawings as embedded PNG data, and no script at all.
//!
//! Every piece of text, the child's words and the translated labels alike, goes through
//! [`escape`], so nothing typed on the tablet can ever become markup or script.

use std::fmt::Write;

use super::entry::{EntryId, Voice};
use super::questions::{Question, Tool};
use super::sharing::{Audience, Decision};
use super::summary::{QuestionSummary, Summary, SummaryContent, SummaryEntry};

/// The words of a summary in the app's current language, filled by the UI from its
/// translation files: the renderer itself holds no language. All fields are plain text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryText {
    /// The language of these texts for the `lang` attribute, such as `en` or `de`.
    pub lang: String,
    /// The document's title and first heading.
    pub title: String,
    /// Who the summary is for, already filled: "Summary for: Mum", or a line saying this is
    /// the worker's full record.
    pub audience_line: String,

    pub child_label: String,
    pub age_label: String,
    pub date_label: String,
    pub place_label: String,
    pub present_label: String,
    pub tools_label: String,
    pub worker_label: String,
    /// The names of the tools.
    pub three_houses: String,
    pub wizards_and_fairies: String,
    /// Before the tool an entry was made in, such as "Asked in:"; shown when both tools were
    /// used, so a reader knows how the question was put to the child.
    pub asked_in_label: String,

    /// The usual names of the houses, shown when the child gave none, and under the child's
    /// own name otherwise so every reader knows which question it answers.
    pub worries_house: String,
    pub good_things_house: String,
    pub dreams_house: String,
    /// The usual names of the three helpers for the kind the child chose, such as
    /// "Good Things fairy"; also the alternative text of their pictures.
    pub good_things_helper: String,
    pub worries_helper: String,
    pub wishes_helper: String,
    /// Shown in the full record for a house with no entries.
    pub empty_house: String,
    /// Shown for an audience when a house has nothing to show; the same words whether the
    /// house is empty or its entries are left out, so the house gives nothing away.
    pub nothing_shared_here: String,

    /// "Child said, worker wrote".
    pub child_said_worker_wrote: String,
    /// "Child wrote".
    pub child_wrote: String,
    /// The caption of a drawing, such as "Child drew".
    pub child_drew: String,
    /// The alternative text of a drawing.
    pub drawing_alt: String,
    /// Shown instead of a drawing whose picture could not be made.
    pub picture_missing: String,

    /// The heading of the sharing section, such as "Who may see what".
    pub sharing_heading: String,
    /// A private decision in the full record: "Only my worker".
    pub decision_private: String,
    /// Before the list of audiences in the full record: "Shared with:".
    pub decision_shared_with: String,
    /// "No decision yet".
    pub decision_none: String,
    /// Between audience names in a list, such as ", ".
    pub list_separator: String,
    pub mum: String,
    pub dad: String,
    pub family: String,
    pub teacher: String,
    pub court: String,
    pub meeting: String,
    /// Already filled with the number, such as "The child kept 2 entries private."; shown
    /// in every summary for an audience.
    pub kept_private_line: String,
    /// Already filled: "1 entry is shared with other people only."; shown for an audience
    /// when the count is not zero.
    pub shared_only_with_others_line: String,
    /// Already filled: "3 entries have no decision yet, so they are not shared."; shown when
    /// the count is not zero.
    pub undecided_line: String,

    /// "Worker's notes".
    pub worker_notes_heading: String,
    /// Shown when the worker wrote no notes.
    pub no_worker_notes: String,
}

impl SummaryText {
    /// The usual name of a question's house or helper.
    pub fn usual_name(&self, tool: Tool, question: Question) -> &str {
        match (tool, question) {
            (Tool::ThreeHouses, Question::Worries) => &self.worries_house,
            (Tool::ThreeHouses, Question::GoodThings) => &self.good_things_house,
            (Tool::ThreeHouses, Question::Dreams) => &self.dreams_house,
            (Tool::WizardsAndFairies, Question::Worries) => &self.worries_helper,
            (Tool::WizardsAndFairies, Question::GoodThings) => &self.good_things_helper,
            (Tool::WizardsAndFairies, Question::Dreams) => &self.wishes_helper,
        }
    }

    pub fn tool_name(&self, tool: Tool) -> &str {
        match tool {
            Tool::ThreeHouses => &self.three_houses,
            Tool::WizardsAndFairies => &self.wizards_and_fairies,
        }
    }

    /// The pictured audiences in this language; a name the child gave stays as it is.
    pub fn audience_name<'a>(&'a self, audience: &'a Audience) -> &'a str {
        match audience {
            Audience::Mum => &self.mum,
            Audience::Dad => &self.dad,
            Audience::Family => &self.family,
            Audience::Teacher => &self.teacher,
            Audience::Court => &self.court,
            Audience::Meeting => &self.meeting,
            Audience::Named(name) => name,
        }
    }

    fn voice(&self, voice: Voice) -> &str {
        match voice {
            Voice::ChildSaidWorkerWrote => &self.child_said_worker_wrote,
            Voice::ChildWrote => &self.child_wrote,
        }
    }
}

/// What a browser needs to trust a summary file: nothing from anywhere, pictures only from
/// the file itself, and its own inline style.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/// Readable on screen and on paper. The page margins suit both A4 and US Letter, so one file
/// prints well in Europe and elsewhere.
const STYLE: &str = "
:root { color: #1b1b1b; background: #fff; }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 0; }
.audience { font-weight: 600; margin: 0 0 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1.5rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; white-space: pre-wrap; }
.house, .sharing, .worker-notes { border: 1px solid #c8c8c8; border-radius: 6px;
  padding: .75rem 1rem; margin: 0 0 1.25rem; break-inside: avoid; page-break-inside: avoid; }
.usual-name { margin: 0; color: #555; }
.house { display: flow-root; }
img.helper { float: right; width: 6rem; height: 6rem; margin: 0 0 .5rem 1rem; }
.asked-in { margin: .25rem 0 0; color: #555; font-size: .9rem; }
.entries { margin: .75rem 0 0; padding-left: 1.5rem; }
.entry { margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.child-words { margin: 0; padding: .4rem .8rem; border-left: 4px solid #1d6fd1;
  background: #f1f6fd; font-size: 1.1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.child-words::before { content: open-quote; } .child-words::after { content: close-quote; }
figure { margin: 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #c8c8c8; }
.who, .decision, .missing, .empty { margin: .2rem 0 0; color: #555; font-size: .9rem; }
.decision-none { font-weight: 600; color: #8a4b00; }
.worker-notes { background: #f6f6f6; border-style: dashed; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0 0; }
@page { margin: 16mm 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  .child-words, .worker-notes { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
";

/// The summary as a complete HTML document. `pictures` gives a drawing as a PNG `data:` URL;
/// anything else is refused and the drawing is shown as missing, so no other URL or markup
/// can enter the file through it.
pub fn render_summary_html(
    summary: &Summary,
    text: &SummaryText,
    pictures: &dyn Fn(Question, EntryId) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(&escape(&text.lang));
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(CONTENT_SECURITY_POLICY);
    out.push_str("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    element(&mut out, "title", &text.title);
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");

    render_header(&mut out, summary, text);
    out.push_str("<main>\n");
    for question in &summary.questions {
        render_question(&mut out, summary, question, text, pictures);
    }
    render_sharing(&mut out, summary, text);
    render_worker_notes(&mut out, summary, text);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn render_header(out: &mut String, summary: &Summary, text: &SummaryText) {
    out.push_str("<header>\n");
    element_auto(out, "h1", &text.title);
    out.push_str("<p class=\"audience\" dir=\"auto\">");
    out.push_str(&escape(&text.audience_line));
    out.push_str("</p>\n<dl class=\"facts\">\n");
    fact(out, &text.child_label, &summary.child_name);
    if let Some(age) = summary.age {
        fact(out, &text.age_label, &age.to_string());
    }
    fact(out, &text.date_label, &summary.date);
    fact(out, &text.place_label, &summary.place);
    fact(out, &text.present_label, &summary.present);
    let tools: Vec<&str> = summary
        .tools
        .iter()
        .map(|&tool| text.tool_name(tool))
        .collect();
    fact(out, &text.tools_label, &tools.join(&text.list_separator));
    fact(out, &text.worker_label, &summary.worker);
    out.push_str("</dl>\n</header>\n");
}

/// One line of the header; left out when there is nothing to say.
fn fact(out: &mut String, label: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    element(out, "dt", label);
    element_auto(out, "dd", value);
}

fn render_question(
    out: &mut String,
    summary: &Summary,
    shown: &QuestionSummary,
    text: &SummaryText,
    pictures: &dyn Fn(Question, EntryId) -> Option<String>,
) {
    let question = shown.question;
    let _ = writeln!(out, "<section class=\"house {}\">", question.slug());
    // The helper stands beside the heading, as the child saw it. Its picture comes from the
    // app's own art in a fixed set of colours: a base64 data URL, nothing to escape.
    if let Some(helper) = summary.helper {
        out.push_str("<img class=\"helper\" src=\"");
        out.push_str(&helper.picture_url(question));
        out.push_str("\" alt=\"");
        out.push_str(&escape(text.usual_name(Tool::WizardsAndFairies, question)));
        out.push_str("\">\n");
    }
    // One heading naming the question in every tool used: the child's own name where given,
    // and the usual names below, so every reader knows which question it answers.
    let names: Vec<&str> = shown
        .names
        .iter()
        .map(|(tool, own)| own.as_deref().unwrap_or(text.usual_name(*tool, question)))
        .collect();
    let usual: Vec<&str> = shown
        .names
        .iter()
        .filter(|(_, own)| own.is_some())
        .map(|(tool, _)| text.usual_name(*tool, question))
        .collect();
    if names.is_empty() {
        // No tool used yet: the houses' names, as the questions are best known.
        element_auto(out, "h2", text.usual_name(Tool::ThreeHouses, question));
    } else {
        element_auto(out, "h2", &names.join(" · "));
    }
    if !usual.is_empty() {
        out.push_str("<p class=\"usual-name\">");
        out.push_str(&escape(&usual.join(" · ")));
        out.push_str("</p>\n");
    }
    if shown.entries.is_empty() {
        let empty = match summary.audience {
            None => &text.empty_house,
            Some(_) => &text.nothing_shared_here,
        };
        out.push_str("<p class=\"empty\">");
        out.push_str(&escape(empty));
        out.push_str("</p>\n");
    } else {
        out.push_str("<ol class=\"entries\">\n");
        for entry in &shown.entries {
            render_entry(out, summary, entry, text, pictures);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn render_entry(
    out: &mut String,
    summary: &Summary,
    entry: &SummaryEntry,
    text: &SummaryText,
    pictures: &dyn Fn(Question, EntryId) -> Option<String>,
) {
    match &entry.content {
        SummaryContent::Words(words) => {
            out.push_str("<li class=\"entry words\">\n");
            element_with(
                out,
                "blockquote",
                "class=\"child-words\" dir=\"auto\"",
                &words.text,
            );
            element_with(out, "p", "class=\"who\"", text.voice(words.voice));
        }
        SummaryContent::Drawing { question, entry } => {
            out.push_str("<li class=\"entry drawing\">\n");
            match pictures(*question, *entry).filter(|url| is_png_data_url(url)) {
                Some(url) => {
                    // A checked data URL holds only base64 characters: nothing to escape.
                    out.push_str("<figure><img src=\"");
                    out.push_str(&url);
                    out.push_str("\" alt=\"");
                    out.push_str(&escape(&text.drawing_alt));
                    out.push_str("\">");
                    element_with(out, "figcaption", "class=\"who\"", &text.child_drew);
                    out.push_str("</figure>\n");
                }
                None => {
                    element_with(out, "p", "class=\"missing\"", &text.picture_missing);
                    element_with(out, "p", "class=\"who\"", &text.child_drew);
                }
            }
        }
    }
    if summary.tools.len() > 1 {
        let asked_in = format!("{} {}", text.asked_in_label, text.tool_name(entry.tool));
        element_with(out, "p", "class=\"asked-in\"", &asked_in);
    }
    // An audience sees only what was shared with it; who else may see it is the child's
    // business and the worker's.
    if summary.audience.is_none() {
        render_decision(out, entry.decision.as_ref(), text);
    }
    out.push_str("</li>\n");
}

fn render_decision(out: &mut String, decision: Option<&Decision>, text: &SummaryText) {
    match decision {
        None => element_with(
            out,
            "p",
            "class=\"decision decision-none\"",
            &text.decision_none,
        ),
        Some(Decision::Private) => {
            element_with(out, "p", "class=\"decision\"", &text.decision_private)
        }
        Some(Decision::SharedWith(audiences)) => {
            out.push_str("<p class=\"decision\">");
            out.push_str(&escape(&text.decision_shared_with));
            out.push(' ');
            for (index, audience) in audiences.iter().enumerate() {
                if index > 0 {
                    out.push_str(&escape(&text.list_separator));
                }
                // Isolated, so a name in Arabic does not reorder the rest of the line.
                element_inline(out, "bdi", text.audience_name(audience));
            }
            out.push_str("</p>\n");
        }
    }
}

fn render_sharing(out: &mut String, summary: &Summary, text: &SummaryText) {
    let left_out = &summary.left_out;
    let mut lines = Vec::new();
    if summary.audience.is_some() {
        lines.push(&text.kept_private_line);
        if left_out.shared_only_with_others > 0 {
            lines.push(&text.shared_only_with_others_line);
        }
    }
    if summary.undecided > 0 {
        lines.push(&text.undecided_line);
    }
    if lines.is_empty() {
        return;
    }
    out.push_str("<section class=\"sharing\">\n");
    element_auto(out, "h2", &text.sharing_heading);
    for line in lines {
        element_auto(out, "p", line);
    }
    out.push_str("</section>\n");
}

fn render_worker_notes(out: &mut String, summary: &Summary, text: &SummaryText) {
    out.push_str("<section class=\"worker-notes\">\n");
    element_auto(out, "h2", &text.worker_notes_heading);
    if summary.worker_notes.is_empty() {
        element_with(out, "p", "class=\"empty\"", &text.no_worker_notes);
    } else {
        element_with(
            out,
            "div",
            "class=\"notes\" dir=\"auto\"",
            &summary.worker_notes,
        );
    }
    out.push_str("</section>\n");
}

/// `<tag>text</tag>` on its own line.
fn element(out: &mut String, tag: &str, content: &str) {
    let _ = writeln!(out, "<{tag}>{}</{tag}>", escape(content));
}

/// `<tag dir="auto">text</tag>` on its own line, for text that may be in any script.
fn element_auto(out: &mut String, tag: &str, content: &str) {
    element_with(out, tag, "dir=\"auto\"", content);
}

/// `<tag attributes>text</tag>` on its own line; `attributes` are fixed strings of this file.
fn element_with(out: &mut String, tag: &str, attributes: &str, content: &str) {
    let _ = writeln!(out, "<{tag} {attributes}>{}</{tag}>", escape(content));
}

fn element_inline(out: &mut String, tag: &str, content: &str) {
    let _ = write!(out, "<{tag}>{}</{tag}>", escape(content));
}

/// Text as HTML that shows exactly that text, safe in element content and in quoted
/// attributes. HTML cannot hold a NUL character at all, so it shows as U+FFFD, which is also
/// what a browser shows; every other character is kept.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '\0' => escaped.push('\u{FFFD}'),
            other => escaped.push(other),
        }
    }
    escaped
}

/// True only for `data:image/png;base64,` followed by well-formed base64: such a URL cannot
/// leave its attribute or point anywhere outside the file.
pub fn is_png_data_url(url: &str) -> bool {
    let Some(data) = url.strip_prefix("data:image/png;base64,") else {
        return false;
    };
    let body = data.trim_end_matches('=');
    let padding = data.len() - body.len();
    !data.is_empty()
        && data.len() % 4 == 0
        && padding <= 2
        && body
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_the_five_characters_and_keeps_the_rest() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        let kept = "  Ich hab Angst 😢\nأريد أن أعيش مع جدتي\t ";
        assert_eq!(escape(kept), kept);
        assert_eq!(escape("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn only_well_formed_png_data_urls_pass() {
        for good in [
            "data:image/png;base64,iVBORw0KGgo=",
            "data:image/png;base64,iVBORw0KGgoA",
            "data:image/png;base64,iVBORw0KGg==",
            "data:image/png;base64,ab+/",
        ] {
            assert!(is_png_data_url(good), "{good}");
        }
        for bad in [
            "",
            "data:image/png;base64,",
            "data:image/png;base64,abc",
            "data:image/png;base64,a===",
            "data:image/png;base64,ab=c",
            "data:image/png;base64,iVBO\"><script>alert(1)</script>",
            "data:image/png;base64,iVBO Rw0K",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "DATA:image/png;base64,iVBORw0KGgo=",
            "data:text/html;base64,PHNjcmlwdD4=",
            "javascript:alert(1)",
            "https://example.org/a.png",
            " data:image/png;base64,iVBORw0KGgo=",
        ] {
            assert!(!is_png_data_url(bad), "{bad}");
        }
    }
}
