//! Every language file says everything English says, with the same names filled in, so no
//! screen falls back to English halfway through a conversation.

use std::collections::BTreeMap;
use std::fs;

fn load(path: &std::path::Path) -> BTreeMap<String, String> {
    let text = fs::read_to_string(path).unwrap();
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{} is not flat JSON: {error}", path.display()))
}

/// The `{{ name }}` placeholders in a translation, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split("{{")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("}}")
                .map(|(name, _)| name.trim().to_owned())
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_language_has_every_key_and_placeholder() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let english = load(&dir.join("en.json"));
    let mut languages = 0;
    for file in fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        languages += 1;
        let other = load(&path);
        let missing: Vec<_> = english
            .keys()
            .filter(|key| !other.contains_key(*key))
            .collect();
        let extra: Vec<_> = other
            .keys()
            .filter(|key| !english.contains_key(*key))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, extra {extra:?}",
            path.display()
        );
        for (key, text) in &english {
            assert_eq!(
                placeholders(text),
                placeholders(&other[key]),
                "{} key {key}",
                path.display()
            );
            assert!(
                !other[key].trim().is_empty(),
                "{} key {key} is empty",
                path.display()
            );
        }
    }
    assert!(languages >= 2, "English and German at least");
}

/// Buttons that sit on the same screen need different names, or a screen reader (and a
/// worker reading the words) cannot tell them apart: "Read back" opens the read-back screen,
/// "Read aloud" makes the tablet speak.
#[test]
fn buttons_on_one_screen_have_different_names() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for file in fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let texts = load(&path);
        assert_ne!(
            texts["read_back"].to_lowercase(),
            texts["read_aloud"].to_lowercase(),
            "{}: read_back and read_aloud",
            path.display()
        );
    }
}

/// Texts the child reads or hears. In German they say "du" to the child; every other text
/// speaks to the worker and says "Sie" (or uses a neutral infinitive).
const TO_THE_CHILD: &[&str] = &[
    "houses_hint",
    "prompt_worries",
    "prompt_good_things",
    "prompt_dreams",
    "rename_house",
    "rename_title",
    "usual_name",
    "no_entries",
    "stamp_tray",
    "prompt_worries_older",
    "prompt_good_things_older",
    "prompt_dreams_older",
    "helper_prompt_good_things_older",
    "helper_prompt_worries_older",
    "helper_prompt_wishes_older",
    "before_heading",
    "before_younger_who",
    "before_younger_no_wrong",
    "before_younger_pass",
    "before_younger_who_sees",
    "before_younger_limit",
    "before_older_who",
    "before_older_no_wrong",
    "before_older_pass",
    "before_older_who_sees",
    "before_older_limit",
    "pace_stop",
    "pace_break",
    "pace_pass",
    "break_heading",
    "break_text",
    "break_back",
    "pass_done",
    "take_out",
    "kept_as_made",
    "confirm_take_out_title",
    "confirm_take_out_younger_text",
    "confirm_take_out_older_text",
    "confirm_take_out_younger_unnamed",
    "confirm_take_out_older_unnamed",
    "helpers_heading",
    "helpers_hint",
    "helper_prompt_good_things",
    "helper_prompt_worries",
    "helper_prompt_wishes",
    "choose_helper_heading",
    "choose_helper_hint",
    "rename_helper",
    "rename_helper_title",
    "wish_sparkle",
    "sharing_younger_limit",
    "sharing_older_limit",
    "sharing_own_name",
    // "Last time you told me…" (the worker's card names it by the child's title).
    "last_time_title",
    "last_time_question",
    "last_time_still_so",
    "last_time_changed",
    "last_time_not_any_more",
    "last_time_pass",
    "last_time_back",
    "last_time_step",
    "last_time_say_more",
    "last_time_say_more_label",
    "last_time_thanks",
    "last_time_thanks_text",
    "last_time_give_back",
    // The child's page "What happened with what you told me".
    "fbc_heading",
    "fbc_you_told",
    "fbc_you_drew",
    "fbc_say_something",
    "fbc_you_said",
];

fn german() -> BTreeMap<String, String> {
    load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/de.json"))
}

/// Whether a German text says "du", "dich", "dir", "dein" … anywhere.
fn says_du(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|word| {
        matches!(
            word.to_lowercase().as_str(),
            "du" | "dich" | "dir" | "dein" | "deine" | "deinen" | "deinem" | "deiner" | "deines"
        )
    })
}

/// Whether a German text gives a du-imperative ("Gib …", "Bitte versuche …"): a sentence (or a
/// part after a colon or a dash) that starts with one, after an optional "Bitte". "Wählen Sie"
/// is not one; "Versuche" as a noun in the middle of a sentence is not looked at.
fn says_du_imperative(text: &str) -> bool {
    const IMPERATIVES: &str = "gib wähle wähl lies frag schreib schreibe versuche versuch \
        warte wart tippe tipp lade lad such nimm sag schau prüfe prüf öffne male mal lösche lösch \
        drück drücke speichere zeig zeige geh";
    text.split(['.', '!', '?', ':', ';', '–', '—', '(', '„', '"', '“'])
        .any(|sentence| {
            let mut words = sentence
                .split(|c: char| !c.is_alphabetic())
                .filter(|word| !word.is_empty())
                .map(str::to_lowercase);
            let first = match words.next() {
                Some(word) if word == "bitte" => words.next(),
                other => other,
            };
            first.is_some_and(|word| IMPERATIVES.split_whitespace().any(|verb| verb == word))
        })
}

/// German speaks to the child as "du" and to the worker as "Sie". Only the texts the child
/// reads or hears may say "du" or give a du-imperative; a new text that says "du" to the
/// worker ("Lies dem Kind … vor", "Bitte warte …", "deine Sitzungen") fails here.
#[test]
fn german_says_du_only_to_the_child() {
    let german = german();
    let to_the_worker: Vec<_> = german
        .iter()
        .filter(|(key, text)| {
            (says_du(text) || says_du_imperative(text)) && !TO_THE_CHILD.contains(&key.as_str())
        })
        .map(|(key, text)| format!("{key}: {text}"))
        .collect();
    assert!(
        to_the_worker.is_empty(),
        "say Sie to the worker:\n{}",
        to_the_worker.join("\n")
    );
    for key in TO_THE_CHILD {
        assert!(
            german.contains_key(*key),
            "{key} is listed as a child's text but not in de.json"
        );
    }
    assert!(
        says_du(&german["prompt_worries"]),
        "the test reads German as it is"
    );
    assert!(says_du_imperative("Lies dem Kind jeden Eintrag vor."));
    assert!(says_du_imperative(
        "Das stimmt nicht. Bitte versuche es noch einmal."
    ));
    assert!(says_du_imperative("Zu viele Versuche: warte kurz."));
    assert!(!says_du_imperative("Bitte versuchen Sie es noch einmal."));
    assert!(!says_du_imperative(
        "Zu viele falsche Versuche. Bitte warten Sie."
    ));
    assert!(!says_du_imperative("Wählen Sie eine Passphrase."));
}

/// One word for one thing in German: the conversation is a "Gespräch" (a "Sitzung" sounds like
/// therapy or a committee), and the child's alias is a "Pseudonym" (a "Rufname" is the name
/// the child is really called by, which is what an alias avoids).
#[test]
fn german_says_gespraech_and_pseudonym() {
    let german = german();
    let wrong: Vec<_> = german
        .iter()
        .filter(|(_, text)| {
            let text = text.to_lowercase();
            text.contains("sitzung") || text.contains("rufname")
        })
        .map(|(key, text)| format!("{key}: {text}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "\"Gespräch\" for session, \"Pseudonym\" for alias:\n{}",
        wrong.join("\n")
    );
}
