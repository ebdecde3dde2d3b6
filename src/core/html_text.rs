//! Text as HTML, for every document the app writes (the summary, the full record, the poster,
//! the leaflet, the child over time, the feedback to the child): one escape, and the few ways
//! a piece of text becomes an element, so every document escapes and isolates alike.

use std::fmt::Write;

use super::translation::fill_with;

/// `<tag>text</tag>` on its own line.
pub(super) fn element(out: &mut String, tag: &str, content: &str) {
    let _ = writeln!(out, "<{tag}>{}</{tag}>", escape(content));
}

/// `<tag dir="auto">text</tag>` on its own line, for text that may be in any script.
pub(super) fn element_auto(out: &mut String, tag: &str, content: &str) {
    element_with(out, tag, "dir=\"auto\"", content);
}

/// `<tag attributes>text</tag>` on its own line; `attributes` are fixed strings of the caller.
pub(super) fn element_with(out: &mut String, tag: &str, attributes: &str, content: &str) {
    let _ = writeln!(out, "<{tag} {attributes}>{}</{tag}>", escape(content));
}

/// `<tag>text</tag>` within a line.
pub(super) fn element_inline(out: &mut String, tag: &str, content: &str) {
    let _ = write!(out, "<{tag}>{}</{tag}>", escape(content));
}

/// `<tag attributes>text</tag>` for a text the UI already filled with a name (the child's, in
/// "Summary of a conversation with Mia"): the name, where it stands once in the text, is
/// isolated in `<bdi>`, so "Ben (7)" in an Arabic title keeps its order. A name that is not
/// there, or is there more than once, leaves the text as it is.
pub(super) fn element_isolating(
    out: &mut String,
    tag: &str,
    attributes: &str,
    filled: &str,
    name: &str,
) {
    let _ = write!(out, "<{tag} {attributes}>");
    match filled.find(name) {
        Some(at) if !name.is_empty() && filled.matches(name).count() == 1 => {
            out.push_str(&escape(&filled[..at]));
            element_inline(out, "bdi", name);
            out.push_str(&escape(&filled[at + name.len()..]));
        }
        _ => out.push_str(&escape(filled)),
    }
    let _ = writeln!(out, "</{tag}>");
}

/// A translated template as HTML, each `{{ name }}` filled with its value escaped and
/// isolated in `<bdi>`: a value typed in another script (the child's words, a name) keeps its
/// own order inside the sentence around it, and the sentence keeps its order around it.
pub(super) fn fill_isolated(template: &str, values: &[(&str, &str)]) -> String {
    fill_with(
        template,
        values,
        |filled, words| filled.push_str(&escape(words)),
        |filled, value| element_inline(filled, "bdi", value),
    )
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
    fn a_filled_template_escapes_its_words_and_isolates_each_value() {
        assert_eq!(
            fill_isolated(
                "<Told> {{ name }} & {{name}}, not {{ other }}",
                &[("name", "جدتي <3")]
            ),
            "&lt;Told&gt; <bdi>جدتي &lt;3</bdi> &amp; <bdi>جدتي &lt;3</bdi>, not {{ other }}"
        );
        // An unclosed placeholder is the template's own words.
        assert_eq!(fill_isolated("a {{ name", &[("name", "x")]), "a {{ name");
    }
}
