//! The parents' leaflet: one A4 page in the family's language that tells the parents, before
//! the conversation, what will happen with their child and who decides who sees what. The
//! three houses are drawn on it as the child will see them. Like the summary, one
//! self-contained HTML file with no script, every text escaped, pictures only as `data:`
//! URLs of the app's own art.

use super::html_text::{element_auto, escape, fill_isolated};
use super::poster_html::house_picture;
use super::question::Question;
use super::summary_html::open_document;
use super::tool::{Helper, HelperKind, Tool};
use super::translation::fill;

/// The leaflet's words, in the family's language. The worker's name is apart from the texts
/// that hold it, so the leaflet can keep it in its own direction (an Arabic leaflet naming
/// "Sam Kaya (ASD)" keeps the name and its brackets in order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeafletText {
    /// The family's language (the child's), for `lang`; `dir` follows from it.
    pub lang: String,
    /// The worker's name, as typed; empty when there is none.
    pub worker: String,
    /// The agency's phone number for parents, from Settings; empty when there is none.
    pub phone: String,
    /// The tools offered to the child: the leaflet describes and draws these.
    pub tools: Vec<Tool>,
    /// Template with `{{ worker }}`: "Your child's conversation with {{ worker }}".
    pub title: String,
    /// The title without a worker's name.
    pub title_unnamed: String,
    /// What will happen, with the houses.
    pub what: String,
    /// What will happen, with the magical helpers.
    pub what_helpers: String,
    /// What will happen, when the child may use either.
    pub what_both: String,
    pub why: String,
    pub child_decides: String,
    pub after: String,
    /// Template with `{{ worker }}`: "If you have questions, please ask {{ worker }}."
    pub questions: String,
    /// The same, without a worker's name.
    pub questions_unnamed: String,
    /// Template with `{{ phone }}`: "Phone: {{ phone }}".
    pub phone_line: String,
    /// The alternative text of the houses' picture: their names.
    pub houses_alt: String,
    /// The alternative text of the helpers' picture.
    pub helpers_alt: String,
}

impl LeafletText {
    /// What will happen, for the tools offered.
    fn what(&self) -> &str {
        let houses = self.tools.contains(&Tool::ThreeHouses);
        let helpers = self.tools.contains(&Tool::WizardsAndFairies);
        match (houses, helpers) {
            (true, true) => &self.what_both,
            (false, true) => &self.what_helpers,
            _ => &self.what,
        }
    }
}

const LEAFLET_STYLE: &str = "
:root { color: #1b1b1b; background: #fff; }
body { font: 13pt/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; max-width: 42rem;
  margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 6mm; text-align: center; }
.houses { display: flex; flex-wrap: wrap; justify-content: center; gap: 8mm; margin: 0 0 6mm; }
.houses img { width: 38mm; max-width: 28%; height: auto; }
.helpers { gap: 4mm; }
.helpers img { width: 28mm; max-width: 20%; height: auto; }
.phone { font-weight: 600; }
p { margin: 0 0 4mm; text-align: start; }
.questions { font-weight: 600; margin-top: 6mm; }
@page { size: A4; margin: 18mm 18mm; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
";

/// The leaflet as a complete HTML document: the houses, the helpers, or both, as offered;
/// the worker named where there is a name (never "with ." where there is none), and the
/// agency's phone number when there is one.
pub fn render_parents_leaflet_html(text: &LeafletText) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let name = text.worker.trim();
    let worker = [("worker", name)];
    let (title_template, questions) = if name.is_empty() {
        (&text.title_unnamed, &text.questions_unnamed)
    } else {
        (&text.title, &text.questions)
    };
    // The window's title holds no markup: the name goes in as plain text there.
    let title = fill(title_template, &[("worker", &name)]);
    open_document(&mut out, &text.lang, &title, &[LEAFLET_STYLE]);
    out.push_str("<body class=\"leaflet\">\n<main>\n");
    out.push_str("<h1 dir=\"auto\">");
    out.push_str(&fill_isolated(title_template, &worker));
    out.push_str("</h1>\n");
    if text.tools.contains(&Tool::ThreeHouses) || text.tools.is_empty() {
        let houses = Question::ALL.map(house_picture);
        pictures(&mut out, "houses", &text.houses_alt, &houses);
    }
    if text.tools.contains(&Tool::WizardsAndFairies) {
        // Every kind the child may choose from, none first by gender: the child chooses.
        let helpers = HelperKind::ALL.map(|kind| Helper::new(kind).picture_url(Question::Dreams));
        pictures(&mut out, "houses helpers", &text.helpers_alt, &helpers);
    }
    for paragraph in [text.what(), &text.why, &text.child_decides, &text.after] {
        element_auto(&mut out, "p", paragraph);
    }
    out.push_str("<p class=\"questions\" dir=\"auto\">");
    out.push_str(&fill_isolated(questions, &worker));
    out.push_str("</p>\n");
    let phone = text.phone.trim();
    if !phone.is_empty() {
        out.push_str("<p class=\"phone\" dir=\"auto\">");
        out.push_str(&fill_isolated(&text.phone_line, &[("phone", phone)]));
        out.push_str("</p>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A row of the app's own pictures, named as one picture.
fn pictures(out: &mut String, class: &str, alt: &str, urls: &[String]) {
    out.push_str("<div class=\"");
    out.push_str(class);
    out.push_str("\" role=\"img\" aria-label=\"");
    out.push_str(&escape(alt));
    out.push_str("\">\n");
    for url in urls {
        // The app's own art as a base64 data URL: nothing to escape.
        out.push_str("<img src=\"");
        out.push_str(url);
        out.push_str("\" alt=\"\">\n");
    }
    out.push_str("</div>\n");
}
