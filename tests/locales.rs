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

/// German speaks to the child as "du" and to the worker as "Sie". Only the texts the child
/// reads or hears may say "du"; a new text that says "du" to the worker fails here.
#[test]
fn german_says_du_only_to_the_child() {
    const TO_THE_CHILD: [&str; 18] = [
        "houses_hint",
        "prompt_worries",
        "prompt_good_things",
        "prompt_dreams",
        "rename_house",
        "rename_title",
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
        "sharing_limit",
        "sharing_own_name",
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let german = load(&dir.join("de.json"));
    let says_du = |text: &str| {
        text.split(|c: char| !c.is_alphabetic()).any(|word| {
            matches!(
                word.to_lowercase().as_str(),
                "du" | "dich"
                    | "dir"
                    | "dein"
                    | "deine"
                    | "deinen"
                    | "deinem"
                    | "deiner"
                    | "deines"
            )
        })
    };
    let to_the_worker: Vec<_> = german
        .iter()
        .filter(|(key, text)| says_du(text) && !TO_THE_CHILD.contains(&key.as_str()))
        .map(|(key, text)| format!("{key}: {text}"))
        .collect();
    assert!(
        to_the_worker.is_empty(),
        "say Sie to the worker:\n{}",
        to_the_worker.join("\n")
    );
    assert!(
        says_du(&german["prompt_worries"]),
        "the test reads German as it is"
    );
}
