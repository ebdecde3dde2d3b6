//! The parents' leaflet: one A4 page in the family's language that tells the parents, before
//! the conversation, what will happen with their child and who decides who sees what. The
//! three houses are drawn on it as the child will see them. Like the summary, one
//! self-contained HTML file with no script, every text escaped, pictures only as `data:`
//! URLs of the app's own art.

use super::poster_html::house_picture;
use super::question::Question;
use super::summary_html::{element_auto, escape, fill_isolated, open_document};
use super::translation::fill;

/// The leaflet's words, in the family's language. The worker's name is apart from the texts
/// that hold it, so the leaflet can keep it in its own direction (an Arabic leaflet naming
/// "Sam Kaya (ASD)" keeps the name and its brackets in order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeafletText {
    /// The family's language (the child's), for `lang`; `dir` follows from it.
    pub lang: String,
    /// The worker's name, as typed.
    pub worker: String,
    /// Template with `{{ worker }}`: "Your child's conversation with {{ worker }}".
    pub title: String,
    pub what: String,
    pub why: String,
    pub child_decides: String,
    pub after: String,
    /// Template with `{{ worker }}`: "If you have questions, please ask {{ worker }}."
    pub questions: String,
    /// The alternative text of the houses' picture: their names.
    pub houses_alt: String,
}

const LEAFLET_STYLE: &str = "
:root { color: #1b1b1b; background: #fff; }
body { font: 13pt/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; max-width: 42rem;
  margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 6mm; text-align: center; }
.houses { display: flex; justify-content: center; gap: 8mm; margin: 0 0 6mm; }
.houses img { width: 38mm; height: 38mm; }
p { margin: 0 0 4mm; text-align: start; }
.questions { font-weight: 600; margin-top: 6mm; }
@page { size: A4; margin: 18mm 18mm; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
";

/// The leaflet as a complete HTML document.
pub fn render_parents_leaflet_html(text: &LeafletText) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let worker = [("worker", text.worker.as_str())];
    // The window's title holds no markup: the name goes in as plain text there.
    let title = fill(&text.title, &[("worker", &text.worker)]);
    open_document(&mut out, &text.lang, &title, &[LEAFLET_STYLE]);
    out.push_str("<body class=\"leaflet\">\n<main>\n");
    out.push_str("<h1 dir=\"auto\">");
    out.push_str(&fill_isolated(&text.title, &worker));
    out.push_str("</h1>\n");
    out.push_str("<div class=\"houses\" role=\"img\" aria-label=\"");
    out.push_str(&escape(&text.houses_alt));
    out.push_str("\">\n");
    for question in Question::ALL {
        // The app's own art as a base64 data URL: nothing to escape.
        out.push_str("<img src=\"");
        out.push_str(&house_picture(question));
        out.push_str("\" alt=\"\">\n");
    }
    out.push_str("</div>\n");
    for paragraph in [&text.what, &text.why, &text.child_decides, &text.after] {
        element_auto(&mut out, "p", paragraph);
    }
    out.push_str("<p class=\"questions\" dir=\"auto\">");
    out.push_str(&fill_isolated(&text.questions, &worker));
    out.push_str("</p>\n");
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
