//! What the app needs to know about a language besides its words: which way it is written.
//! Direction comes from a language code, so it can be set on any element that carries a
//! language (the page in the worker's language, a child's screen in the child's, a summary
//! file in its reader's), not only on the page as a whole.

/// The name of one of the app's languages in that language itself ("Deutsch"), so anyone
/// can find theirs and a record names the child's language in a way its reader recognises;
/// None for a code the app has no texts for.
pub fn own_name(code: &str) -> Option<&'static str> {
    Some(match primary_subtag(code).as_str() {
        "ar" => "العربية",
        "de" => "Deutsch",
        "en" => "English",
        "fr" => "Français",
        "pl" => "Polski",
        "ro" => "Română",
        "tr" => "Türkçe",
        "uk" => "Українська",
        _ => return None,
    })
}

/// The way a language's text runs, as the HTML `dir` attribute names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextDirection {
    LeftToRight,
    RightToLeft,
}

impl TextDirection {
    /// The value of the HTML `dir` attribute: `ltr` or `rtl`.
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::LeftToRight => "ltr",
            TextDirection::RightToLeft => "rtl",
        }
    }
}

/// Languages written right to left that children in care are likely to speak: Arabic, Dari
/// and Farsi, Urdu, Hebrew, Pashto and Sorani Kurdish (practice review, section 5). Kurmanji
/// (`ku`) is written in Latin letters, so it is not here.
const RIGHT_TO_LEFT: [&str; 7] = ["ar", "fa", "prs", "ur", "he", "ps", "ckb"];

/// The text direction of a language code such as `ar`, `de-AT` or `fa_AF`: only its first
/// part counts, in any case. An unknown or empty code is left to right. A code with a script,
/// such as `ku-Arab`, is right to left when its script is.
pub fn text_direction(code: &str) -> TextDirection {
    let primary = primary_subtag(code);
    let mut parts = code.split(['-', '_']).skip(1);
    let script_rtl = parts.any(|part| {
        ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]
            .contains(&part.to_ascii_lowercase().as_str())
    });
    if script_rtl || RIGHT_TO_LEFT.contains(&primary.as_str()) {
        TextDirection::RightToLeft
    } else {
        TextDirection::LeftToRight
    }
}

/// The language of a code such as `de-AT` or `fa_AF`, in lower case: `de`, `fa`.
pub fn primary_subtag(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_the_other_right_to_left_languages_are_right_to_left() {
        for code in ["ar", "fa", "prs", "ur", "he", "ps", "ckb"] {
            assert_eq!(text_direction(code), TextDirection::RightToLeft, "{code}");
        }
    }

    #[test]
    fn the_app_s_other_languages_are_left_to_right() {
        for code in ["en", "de", "fr", "pl", "ro", "tr", "uk", "ku", ""] {
            assert_eq!(text_direction(code), TextDirection::LeftToRight, "{code}");
        }
    }

    #[test]
    fn only_the_first_part_of_a_code_counts_in_any_case() {
        assert_eq!(text_direction("ar-SY"), TextDirection::RightToLeft);
        assert_eq!(text_direction("AR"), TextDirection::RightToLeft);
        assert_eq!(text_direction("fa_AF"), TextDirection::RightToLeft);
        assert_eq!(text_direction("de-AT"), TextDirection::LeftToRight);
        // "arn" (Mapudungun) is not Arabic.
        assert_eq!(text_direction("arn"), TextDirection::LeftToRight);
    }

    #[test]
    fn a_right_to_left_script_makes_a_code_right_to_left() {
        assert_eq!(text_direction("ku-Arab"), TextDirection::RightToLeft);
        assert_eq!(text_direction("ku-Latn"), TextDirection::LeftToRight);
        assert_eq!(text_direction("pa-Arab-PK"), TextDirection::RightToLeft);
    }

    #[test]
    fn the_dir_attribute_values() {
        assert_eq!(TextDirection::LeftToRight.as_str(), "ltr");
        assert_eq!(TextDirection::RightToLeft.as_str(), "rtl");
    }
}
