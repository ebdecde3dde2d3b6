//! Reading aloud, the pure part: cutting a text into sentences (one utterance each, so a
//! long prompt is not cut off by a browser's limit and can be stopped between sentences) and
//! choosing a voice for a language from the voices a tablet has.

use super::language::primary_subtag;

/// The characters that end a sentence: . ! ? … and the Arabic question mark ؟ and the CJK
/// full stop 。 (also the full-width ！ and ？).
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '؟' | '。' | '！' | '？')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn closes(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | '“' | ')' | ']' | '」' | '』'
    )
}

/// `text` as sentences, in order, each trimmed. Nothing is dropped: joined with spaces they
/// give back every non-space character of `text`. A sentence ends at a run of ending marks
/// (with the closing quotes after them) followed by a space or the end, or, for CJK 。 and the
/// full-width marks, at once; so "3.5", "www.example.org" or "z.B." stay whole. Abbreviations
/// such as "Dr. Weber" are kept simple: they do cut the sentence, which only adds a pause.
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut current = String::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        current.push(c);
        at += 1;
        if !ends_sentence(c) {
            continue;
        }
        // The whole run of marks and closing quotes: "Really?!" or "Yes.»"
        while at < chars.len() && (ends_sentence(chars[at]) || closes(chars[at])) {
            current.push(chars[at]);
            at += 1;
        }
        let wide = matches!(c, '。' | '！' | '？');
        let at_break = at == chars.len() || chars[at].is_whitespace();
        if wide || at_break {
            push_trimmed(&mut found, &current);
            current.clear();
        }
    }
    push_trimmed(&mut found, &current);
    found
}

fn push_trimmed(found: &mut Vec<String>, sentence: &str) {
    let sentence = sentence.trim();
    if !sentence.is_empty() {
        found.push(sentence.to_owned());
    }
}

/// One voice a tablet offers, as the browser describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceInfo {
    /// Its language tag, such as `de-DE` (some browsers write `de_DE`).
    pub lang: String,
    pub name: String,
    /// Whether it speaks on the tablet itself, with no network: a home visit may have none.
    pub local_service: bool,
    /// Whether it is the browser's default voice.
    pub default: bool,
}

/// A tag in one spelling: lower case, with `-` between subtags.
fn normal(tag: &str) -> String {
    tag.trim().replace('_', "-").to_ascii_lowercase()
}

/// The voice to read `wanted` (a language tag: `de`, `en-GB`) with, as an index into
/// `voices`; None when none speaks that language. Only a voice that speaks on the tablet
/// itself is used: a network voice sends the text to its maker's servers, and read-back
/// reads the child's own words, which never leave the device. A voice must share the primary
/// language (`de` for `de-DE`). Among those, in order of weight: one whose
/// tag matches `wanted` exactly (when `wanted` names a region), the browser's default, a tag
/// of the primary language alone or with the region of the same name (`de-DE`, `fr-FR`);
/// then the first listed.
pub fn choose_voice(voices: &[VoiceInfo], wanted: &str) -> Option<usize> {
    let wanted_primary = primary_subtag(wanted);
    if wanted_primary.is_empty() {
        return None;
    }
    let wanted = normal(wanted);
    let home_region = format!("{wanted_primary}-{wanted_primary}");
    voices
        .iter()
        .enumerate()
        .filter(|(_, voice)| voice.local_service && primary_subtag(&voice.lang) == wanted_primary)
        .max_by_key(|(index, voice)| {
            let tag = normal(&voice.lang);
            (
                tag == wanted,
                voice.default,
                tag == wanted_primary || tag == home_region,
                // max_by_key keeps the last of equals; the reversed index keeps the first.
                std::cmp::Reverse(*index),
            )
        })
        .map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(lang: &str, name: &str, local_service: bool, default: bool) -> VoiceInfo {
        VoiceInfo {
            lang: lang.into(),
            name: name.into(),
            local_service,
            default,
        }
    }

    #[test]
    fn sentences_end_at_every_mark() {
        assert_eq!(
            sentences("What do you like? What makes you feel happy or safe?"),
            ["What do you like?", "What makes you feel happy or safe?"]
        );
        assert_eq!(
            sentences("Stop! Wait… Go. Done"),
            ["Stop!", "Wait…", "Go.", "Done"]
        );
        assert_eq!(
            sentences("ما الذي يقلقك؟ ما الجيد؟"),
            ["ما الذي يقلقك؟", "ما الجيد؟"]
        );
        assert_eq!(
            sentences("你好。你喜欢什么？好"),
            ["你好。", "你喜欢什么？", "好"]
        );
    }

    #[test]
    fn runs_of_marks_and_closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("Really?! He said \"no.\" Then we went home..."),
            ["Really?!", "He said \"no.\"", "Then we went home..."]
        );
        assert_eq!(
            sentences("Mama sagt: «Nein.» Dann weine ich."),
            ["Mama sagt: «Nein.»", "Dann weine ich."]
        );
    }

    #[test]
    fn marks_inside_a_word_or_number_do_not_cut() {
        assert_eq!(
            sentences("I am 7.5 years old and like www.example.org a lot. Yes"),
            ["I am 7.5 years old and like www.example.org a lot.", "Yes"]
        );
        // Kept simple: an abbreviation before a space cuts, which only adds a pause.
        assert_eq!(sentences("Dr. Weber kam"), ["Dr.", "Weber kam"]);
    }

    #[test]
    fn nothing_is_dropped() {
        for text in [
            "",
            "   ",
            "no mark at all",
            "  lead and trail.  ",
            "?!?",
            "Dr. Weber came. Mum cried!\nThen\n\nsleep…",
            "line one\nline two. ",
            "🐶 ist lieb! 🐱?",
        ] {
            let joined: String = sentences(text).concat();
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(strip(&joined), strip(text), "{text:?}");
            assert!(sentences(text).iter().all(|s| !s.trim().is_empty()));
        }
        assert!(sentences("   ").is_empty());
    }

    #[test]
    fn no_voice_for_a_language_the_tablet_lacks() {
        let voices = [
            voice("en-GB", "Daniel", true, true),
            voice("de-DE", "Anna", true, false),
        ];
        assert_eq!(choose_voice(&voices, "pl"), None);
        assert_eq!(choose_voice(&[], "en"), None);
        assert_eq!(choose_voice(&voices, ""), None);
        // "en" must not match a tag that merely starts with the letters (no such tag, but
        // a primary subtag is compared whole).
        assert_eq!(choose_voice(&[voice("eng", "x", true, false)], "en"), None);
    }

    #[test]
    fn a_voice_of_the_primary_language_serves_any_region() {
        let voices = [
            voice("en-US", "Samantha", true, false),
            voice("de_AT", "Hans", true, false),
        ];
        assert_eq!(choose_voice(&voices, "de"), Some(1));
        assert_eq!(choose_voice(&voices, "de-DE"), Some(1));
        assert_eq!(choose_voice(&voices, "EN-gb"), Some(0));
    }

    #[test]
    fn a_voice_that_would_send_the_words_away_is_never_used() {
        let only_network = [voice("en-GB", "Google UK English", false, true)];
        assert_eq!(choose_voice(&only_network, "en"), None);
    }

    #[test]
    fn an_offline_voice_comes_first() {
        let voices = [
            voice("en-GB", "Google UK English", false, true),
            voice("en-US", "Samantha", true, false),
        ];
        assert_eq!(choose_voice(&voices, "en-GB"), Some(1));
        assert_eq!(choose_voice(&voices, "en"), Some(1));
    }

    #[test]
    fn then_the_exact_tag_then_the_default_then_the_home_region() {
        let voices = [
            voice("fr-CA", "Amélie", true, false),
            voice("fr-FR", "Thomas", true, false),
            voice("fr-BE", "Aurélie", true, true),
        ];
        assert_eq!(choose_voice(&voices, "fr-CA"), Some(0));
        assert_eq!(choose_voice(&voices, "fr"), Some(2));
        let no_default = &voices[..2];
        assert_eq!(choose_voice(no_default, "fr"), Some(1));
        let same = [
            voice("de-DE", "Anna", true, false),
            voice("de-DE", "Markus", true, false),
        ];
        assert_eq!(choose_voice(&same, "de"), Some(0));
    }
}
