//! The rules of a language file, apart from how it is fetched: reading its texts in the app's
//! key order, and filling a text's `{{ name }}` placeholders.

use std::collections::HashMap;
use std::fmt::{Display, Write as _};

/// A language file that is not a flat JSON object of texts.
#[derive(Debug, PartialEq, Eq)]
pub struct NotALanguageFile(pub String);

/// A language file's texts in the order of `keys`. A key the file lacks (or leaves blank)
/// gets the fallback's text, so an older or unfinished file never leaves a button empty.
pub fn texts_in_key_order(
    file: &str,
    keys: &[&str],
    fallback: &[&str],
) -> Result<Vec<String>, NotALanguageFile> {
    let texts: HashMap<String, String> =
        serde_json::from_str(file).map_err(|error| NotALanguageFile(error.to_string()))?;
    Ok(keys
        .iter()
        .zip(fallback)
        .map(|(key, fallback)| match texts.get(*key) {
            Some(text) if !text.trim().is_empty() => text.clone(),
            _ => (*fallback).to_owned(),
        })
        .collect())
}

/// A text with each `{{ name }}` replaced by that name's value. A placeholder without a value
/// stays as written (the build checks every call names exactly the text's placeholders).
pub fn fill(text: &str, values: &[(&str, &dyn Display)]) -> String {
    fill_with(
        text,
        values,
        |filled, words| filled.push_str(words),
        |filled, value| {
            let _ = write!(filled, "{value}");
        },
    )
}

/// A template with each `{{ name }}` that has a value filled: `words` writes the template's
/// own words (and a placeholder without a value, as written), `value` each value. Plain
/// text ([`fill`]) and a document's HTML (`html_text::fill_isolated`) differ only in these.
pub fn fill_with<V: ?Sized>(
    template: &str,
    values: &[(&str, &V)],
    mut words: impl FnMut(&mut String, &str),
    mut value: impl FnMut(&mut String, &V),
) -> String {
    let mut filled = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start..].find("}}") else {
            break;
        };
        let name = rest[start + 2..start + length].trim();
        words(&mut filled, &rest[..start]);
        match values.iter().find(|(known, _)| *known == name) {
            Some((_, found)) => value(&mut filled, found),
            None => words(&mut filled, &rest[start..start + length + 2]),
        }
        rest = &rest[start + length + 2..];
    }
    words(&mut filled, rest);
    filled
}

/// Whether `names` are exactly `expected`, in any order: for the build's check of each call.
pub const fn same_names(expected: &[&str], names: &[&str]) -> bool {
    expected.len() == names.len() && all_in(names, expected) && all_in(expected, names)
}

/// Whether every one of `names` is one of `known`.
const fn all_in(names: &[&str], known: &[&str]) -> bool {
    let mut i = 0;
    while i < names.len() {
        let mut found = false;
        let mut j = 0;
        while j < known.len() {
            found = found || same_text(names[i], known[j]);
            j += 1;
        }
        if !found {
            return false;
        }
        i += 1;
    }
    true
}

const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_placeholder_with_its_value() {
        let text = "{{ count }} sessions ({{names}}) for {{ name }}, {{ name }} again";
        let filled = fill(
            text,
            &[("name", &"Mia"), ("count", &3), ("names", &"Mia, Ali")],
        );
        assert_eq!(filled, "3 sessions (Mia, Ali) for Mia, Mia again");
    }

    #[test]
    fn keeps_text_without_placeholders_and_unknown_ones_as_written() {
        assert_eq!(fill("Stop", &[]), "Stop");
        assert_eq!(fill("Hi {{ who }}", &[("name", &"x")]), "Hi {{ who }}");
        assert_eq!(fill("Half {{ open", &[]), "Half {{ open");
        // A value is put in as it is: it is never read as a placeholder itself.
        assert_eq!(
            fill("{{ name }}!", &[("name", &"{{ name }}")]),
            "{{ name }}!"
        );
    }

    #[test]
    fn fills_right_to_left_text_and_multibyte_values() {
        let filled = fill(
            "بيت {{ house }} لـ {{ name }}",
            &[("house", &"المخاوف"), ("name", &"Zoë")],
        );
        assert_eq!(filled, "بيت المخاوف لـ Zoë");
    }

    #[test]
    fn reads_texts_in_key_order_with_the_fallback_for_missing_or_blank_ones() {
        let file = r#"{"b": "Bé", "a": "A-fr", "c": "  ", "extra": "ignored"}"#;
        let texts = texts_in_key_order(file, &["a", "b", "c", "d"], &["A", "B", "C", "D"]);
        assert_eq!(texts.unwrap(), ["A-fr", "Bé", "C", "D"]);
    }

    #[test]
    fn a_file_that_is_not_a_flat_object_of_texts_is_refused() {
        for bad in [
            "",
            "<html>offline</html>",
            r#"{"a": {"nested": "x"}}"#,
            "[1, 2]",
        ] {
            assert!(texts_in_key_order(bad, &["a"], &["A"]).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn names_must_match_exactly_in_any_order() {
        assert!(same_names(&["count", "names"], &["names", "count"]));
        assert!(same_names(&[], &[]));
        assert!(!same_names(&["name"], &[]));
        assert!(!same_names(&[], &["name"]));
        assert!(!same_names(&["name"], &["nam"]));
        assert!(!same_names(&["name", "house"], &["name", "name"]));
    }
}
