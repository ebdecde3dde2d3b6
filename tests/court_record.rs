//! The full record is court-ready (issue 22): every date in words, one way per language; how
//! long the conversation lasted; each question word for word as the child saw it, in the
//! child's language and the version for the child's age; the agency and the case reference in
//! its header and in no audience's summary; and the signature printed with what it signs.

use std::collections::BTreeMap;

use hear_me::core::local_forms::{day, day_and_time, duration};
use hear_me::core::summary_html::Painters;
use hear_me::core::{
    render_summary_html, AgeVersion, Audience, Decision, EntryId, HelperKind, NewSession, Question,
    Session, SessionId, Summary, SummaryText, Tool, Voice, Words,
};

mod common;

const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=";
const MINUTE: u64 = 60_000;
/// 7 December 2026, 10:00 UTC.
const START: u64 = 1_796_637_600_000;

fn english() -> SummaryText {
    common::english::summary_text("Mia", HelperKind::Fairy, 0)
}

fn render(summary: &Summary, text: &SummaryText) -> String {
    render_summary_html(
        summary,
        text,
        &Painters {
            picture: &|_: Question, _: EntryId| Some(PNG.to_owned()),
            time: &|at_ms| format!("t{at_ms}"),
            day: &|at_ms| format!("day {at_ms}"),
            earlier_picture: &|_, _, _| None,
        },
    )
}

fn texts_of(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A conversation of 1 hour 5 minutes, in Three Houses, with words in every house, shared
/// with Mum and the court.
fn conversation() -> Session {
    conversation_in(&[Tool::ThreeHouses])
}

/// The same conversation in the tools given: the Worries in each of them.
fn conversation_in(tools: &[Tool]) -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "12".into(),
        worker_name: "Sam Worker".into(),
        date: "2026-12-07".into(),
    };
    let mut s = Session::start(&form, SessionId::new(1, 2), START).unwrap();
    s.set_start_time(Some(START), START);
    for (question, said) in [
        (Question::Worries, "WORRY-WORDS"),
        (Question::GoodThings, "GOOD-WORDS"),
        (Question::Dreams, "DREAM-WORDS"),
    ] {
        let id = s.add_words(
            Tool::ThreeHouses,
            question,
            Words {
                text: said.into(),
                voice: Voice::ChildWrote,
            },
            START + MINUTE,
        );
        s.decide_sharing(
            question,
            id,
            Decision::shared_with(vec![Audience::Mum, Audience::Court]),
            START + 2 * MINUTE,
        );
    }
    for &tool in tools.iter().filter(|&&tool| tool != Tool::ThreeHouses) {
        s.add_words(
            tool,
            Question::Worries,
            Words {
                text: "HELPER-WORDS".into(),
                voice: Voice::ChildSaidWorkerWrote,
            },
            START + 10 * MINUTE,
        );
    }
    s.set_case_reference("KJ-2026-0142", START + 3 * MINUTE);
    assert!(s.finish(START + 65 * MINUTE));
    s
}

#[test]
fn a_day_is_written_in_words_one_way_per_language() {
    for (lang, written) in [
        ("en", "7 December 2026"),
        ("de", "7. Dezember 2026"),
        ("fr", "7 décembre 2026"),
        ("pl", "7 grudnia 2026"),
        ("ro", "7 decembrie 2026"),
        ("tr", "7 Aralık 2026"),
        ("uk", "7 грудня 2026"),
        ("ar", "7 ديسمبر 2026"),
        // A language the app has no words for reads English.
        ("xx", "7 December 2026"),
        ("de-CH", "7. Dezember 2026"),
    ] {
        assert_eq!(day("2026-12-07", lang), written, "{lang}");
    }
    // Every month, in the case the language puts it after a day.
    let months = |lang: &str| -> Vec<String> {
        (1..=12)
            .map(|month| day(&format!("2027-{month:02}-15"), lang))
            .collect()
    };
    assert_eq!(months("pl")[2], "15 marca 2027");
    assert_eq!(months("uk")[8], "15 вересня 2027");
    assert_eq!(months("tr")[4], "15 Mayıs 2027");
    assert_eq!(months("ar")[0], "15 يناير 2027");
    assert_eq!(months("fr")[7], "15 août 2027");
    for lang in ["en", "de", "fr", "pl", "ro", "tr", "uk", "ar"] {
        let all = months(lang);
        let distinct: std::collections::BTreeSet<&String> = all.iter().collect();
        assert_eq!(distinct.len(), 12, "{lang}: {all:?}");
        assert!(all.iter().all(|written| !written.contains("-")), "{lang}");
    }
    // The first of the month, and no leading zero.
    assert_eq!(day("2026-12-01", "fr"), "1er décembre 2026");
    assert_eq!(day("2026-12-01", "en"), "1 December 2026");
    assert_eq!(day("2026-03-04", "de"), "4. März 2026");
}

#[test]
fn a_moment_is_its_day_in_words_and_the_time() {
    assert_eq!(
        day_and_time("2026-12-07", 14, 2, "en"),
        "7 December 2026, 14:02"
    );
    assert_eq!(
        day_and_time("2026-12-07", 9, 5, "de"),
        "7. Dezember 2026, 09:05"
    );
    assert_eq!(
        day_and_time("2026-12-07", 14, 2, "ar"),
        "7 ديسمبر 2026، 14:02"
    );
    assert_eq!(
        day_and_time("2026-12-07", 14, 2, "uk"),
        "7 грудня 2026, 14:02"
    );
}

#[test]
fn how_long_the_conversation_lasted_is_said_in_every_language() {
    let cases: [(&str, [&str; 5]); 8] = [
        (
            "en",
            [
                "45 minutes",
                "1 hour 5 minutes",
                "1 minute",
                "2 hours",
                "2 hours 22 minutes",
            ],
        ),
        (
            "de",
            [
                "45 Minuten",
                "1 Stunde 5 Minuten",
                "1 Minute",
                "2 Stunden",
                "2 Stunden 22 Minuten",
            ],
        ),
        (
            "fr",
            [
                "45 minutes",
                "1 heure 5 minutes",
                "1 minute",
                "2 heures",
                "2 heures 22 minutes",
            ],
        ),
        (
            "pl",
            [
                "45 minut",
                "1 godzina 5 minut",
                "1 minuta",
                "2 godziny",
                "2 godziny 22 minuty",
            ],
        ),
        (
            "ro",
            [
                "45 de minute",
                "1 oră și 5 minute",
                "1 minut",
                "2 ore",
                "2 ore și 22 de minute",
            ],
        ),
        (
            "tr",
            [
                "45 dakika",
                "1 saat 5 dakika",
                "1 dakika",
                "2 saat",
                "2 saat 22 dakika",
            ],
        ),
        (
            "uk",
            [
                "45 хвилин",
                "1 година 5 хвилин",
                "1 хвилина",
                "2 години",
                "2 години 22 хвилини",
            ],
        ),
        (
            "ar",
            [
                "45 دقيقة",
                "ساعة واحدة و5 دقائق",
                "دقيقة واحدة",
                "ساعتان",
                "ساعتان و22 دقيقة",
            ],
        ),
    ];
    for (lang, [forty_five, hour_five, one, two_hours, two_22]) in cases {
        let said = |minutes: u64| duration(minutes * MINUTE, lang).unwrap();
        assert_eq!(said(45), forty_five, "{lang}");
        assert_eq!(said(65), hour_five, "{lang}");
        assert_eq!(said(1), one, "{lang}");
        assert_eq!(said(120), two_hours, "{lang}");
        assert_eq!(said(142), two_22, "{lang}");
        assert_eq!(duration(0, lang), None, "{lang}");
    }
    // The forms that follow the number.
    assert_eq!(duration(21 * MINUTE, "uk").unwrap(), "21 хвилина");
    assert_eq!(duration(12 * MINUTE, "pl").unwrap(), "12 minut");
    assert_eq!(duration(11 * MINUTE, "uk").unwrap(), "11 хвилин");
    assert_eq!(duration(19 * MINUTE, "ro").unwrap(), "19 minute");
    assert_eq!(duration(3 * MINUTE, "ar").unwrap(), "3 دقائق");
    assert_eq!(duration(11 * MINUTE, "ar").unwrap(), "11 دقيقة");
}

#[test]
fn the_full_record_says_how_long_the_conversation_lasted_and_not_when_the_end_is_unknown() {
    let session = conversation();
    let html = render(&Summary::of(&session, None), &english());
    assert!(html.contains("<dt>Duration</dt>\n<dd dir=\"auto\">1 hour 5 minutes</dd>"));
    let mut unfinished = Session::start(
        &NewSession {
            child_name: "Mia".into(),
            age: "12".into(),
            worker_name: "Sam Worker".into(),
            date: "2026-12-07".into(),
        },
        SessionId::new(3, 4),
        START,
    )
    .unwrap();
    unfinished.set_start_time(Some(START), START);
    let html = render(&Summary::of(&unfinished, None), &english());
    assert!(!html.contains("<dt>Duration</dt>"));
    // Never in a summary for an audience.
    let html = render(&Summary::of(&session, Some(&Audience::Court)), &english());
    assert!(!html.contains("Duration"));
}

/// The summary's texts in English with the prompts a child saw in Arabic, in the version for
/// older children, as the app fills them for a child whose language is Arabic.
fn with_arabic_prompts_for_older_children() -> SummaryText {
    let arabic = texts_of("ar");
    let key = |tool: Tool, question: Question, age: AgeVersion| {
        let base = match (tool, question) {
            (Tool::ThreeHouses, Question::Worries) => "prompt_worries",
            (Tool::ThreeHouses, Question::GoodThings) => "prompt_good_things",
            (Tool::ThreeHouses, Question::Dreams) => "prompt_dreams",
            (Tool::WizardsAndFairies, Question::Worries) => "helper_prompt_worries",
            (Tool::WizardsAndFairies, Question::GoodThings) => "helper_prompt_good_things",
            (Tool::WizardsAndFairies, Question::Dreams) => "helper_prompt_wishes",
        };
        match age {
            AgeVersion::Younger => base.to_owned(),
            AgeVersion::Older => format!("{base}_older"),
        }
    };
    let mut text = english();
    text.prompts = Tool::ALL
        .into_iter()
        .flat_map(|tool| {
            Question::ALL
                .into_iter()
                .map(move |question| (tool, question))
        })
        .map(|(tool, question)| {
            let wording = arabic[&key(tool, question, AgeVersion::Older)].clone();
            ((tool, question), wording)
        })
        .collect();
    text.prompts_lang = "ar".into();
    text
}

#[test]
fn the_full_record_gives_each_question_word_for_word_in_the_childs_language() {
    let session = conversation();
    assert_eq!(session.age_version(), AgeVersion::Older);
    let text = with_arabic_prompts_for_older_children();
    let arabic = texts_of("ar");
    let html = render(&Summary::of(&session, None), &text);
    for (question, key, words) in [
        (Question::Worries, "prompt_worries_older", "WORRY-WORDS"),
        (
            Question::GoodThings,
            "prompt_good_things_older",
            "GOOD-WORDS",
        ),
        (Question::Dreams, "prompt_dreams_older", "DREAM-WORDS"),
    ] {
        let asked = format!(
            "<p class=\"prompt-asked\"><span>Question as asked on the screen:</span> \
             <q class=\"prompt\" lang=\"ar\" dir=\"rtl\">{}</q></p>",
            arabic[key]
        );
        let at = html
            .find(&asked)
            .unwrap_or_else(|| panic!("{question:?}: {asked}"));
        // Under its own question's heading, before the child's words there.
        let house = html
            .find(&format!("<section class=\"house {}\">", question.slug()))
            .unwrap();
        assert!(house < at, "{question:?}");
        assert!(at < html.find(words).unwrap(), "{question:?}");
        // The younger children's wording was not asked.
        let younger = &arabic[key.trim_end_matches("_older")];
        assert!(!html.contains(younger.as_str()), "{question:?}");
    }
    // The worker's labels stay in the worker's language.
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    // An audience reads what the child shared with it, not the worker's working.
    for audience in [Audience::Mum, Audience::Court] {
        let html = render(&Summary::of(&session, Some(&audience)), &text);
        assert!(!html.contains("class=\"prompt-asked\""), "{audience:?}");
        assert!(
            !html.contains(&arabic["prompt_worries_older"]),
            "{audience:?}"
        );
    }
}

#[test]
fn with_both_tools_each_prompt_names_its_tool() {
    let session = conversation_in(&[Tool::ThreeHouses, Tool::WizardsAndFairies]);
    let text = with_arabic_prompts_for_older_children();
    let arabic = texts_of("ar");
    let html = render(&Summary::of(&session, None), &text);
    let worries = &html[html.find("<section class=\"house worries\">").unwrap()..];
    let worries = &worries[..worries.find("</section>").unwrap()];
    assert!(worries.contains(&format!(
        "<span>Question as asked on the screen (Three Houses):</span> \
         <q class=\"prompt\" lang=\"ar\" dir=\"rtl\">{}</q>",
        arabic["prompt_worries_older"]
    )));
    assert!(worries.contains(&format!(
        "<span>Question as asked on the screen (Wizards and Fairies):</span> \
         <q class=\"prompt\" lang=\"ar\" dir=\"rtl\">{}</q>",
        arabic["helper_prompt_worries_older"]
    )));
}

#[test]
fn the_agency_and_case_reference_head_the_full_record_and_no_audiences_summary() {
    let session = conversation();
    let mut text = english();
    text.agency = "Jugendamt Musterstadt <ASD Nord>".into();
    let html = render(&Summary::of(&session, None), &text);
    let header = &html[..html.find("</header>").unwrap()];
    assert!(header
        .contains("<dt>Agency</dt>\n<dd dir=\"auto\">Jugendamt Musterstadt &lt;ASD Nord&gt;</dd>"));
    assert!(header.contains("<dt>Case reference</dt>\n<dd dir=\"auto\">KJ-2026-0142</dd>"));
    // And the agency under the worker's name on the line to sign.
    let signature = &html[html.find("<section class=\"signature\">").unwrap()..];
    assert!(signature.contains("Jugendamt Musterstadt &lt;ASD Nord&gt;"));
    for audience in [Audience::Mum, Audience::Court, Audience::Meeting] {
        let html = render(&Summary::of(&session, Some(&audience)), &text);
        for never in ["Jugendamt", "KJ-2026-0142", "Agency", "Case reference"] {
            assert!(!html.contains(never), "{audience:?} must not read {never}");
        }
    }
    // Neither given: neither line.
    let mut plain = session.clone();
    plain.set_case_reference("", START);
    let html = render(&Summary::of(&plain, None), &english());
    assert!(!html.contains("<dt>Agency</dt>"));
    assert!(!html.contains("<dt>Case reference</dt>"));
}

#[test]
fn a_case_reference_leaves_older_records_as_they_were() {
    let mut session = conversation();
    session.set_case_reference("", START);
    let json = serde_json::to_value(session.details()).unwrap();
    assert!(json.get("case_reference").is_none(), "{json}");
    session.set_case_reference("KJ-1", START);
    let json = serde_json::to_value(session.details()).unwrap();
    assert_eq!(json["case_reference"], "KJ-1");
}

#[test]
fn the_signature_prints_together_with_the_last_part_of_the_record() {
    let session = conversation();
    let html = render(&Summary::of(&session, None), &english());
    let closing = html
        .find("<div class=\"closing\">")
        .expect("a closing block");
    let end = &html[closing..];
    // The last section before the signature and the signature, in one block, at the end.
    let given_to = end.find("<section class=\"given-to\">").unwrap();
    let signature = end.find("<section class=\"signature\">").unwrap();
    assert!(given_to < signature);
    assert!(end.contains("</section>\n</div>\n</main>"));
    assert_eq!(end.matches("<section").count(), 2);
    // That block does not break across pages, and the signature never starts one alone.
    assert!(html.contains(".closing { break-inside: avoid; page-break-inside: avoid; }"));
    assert!(html.contains("break-before: avoid; page-break-before: avoid; }"));
}

#[test]
fn the_agency_is_kept_in_the_sealed_index_and_an_index_without_one_is_written_as_before() {
    use hear_me::store::record::{decode_index, encode_index, Index};
    let without = Index::default();
    let written = encode_index(&without);
    assert!(!written.contains("agency"), "{written}");
    assert_eq!(decode_index(&written).unwrap(), without);
    let with = Index {
        agency: "Jugendamt Musterstadt".into(),
        ..Index::default()
    };
    let written = encode_index(&with);
    assert!(written.contains("\"agency\":\"Jugendamt Musterstadt\""));
    assert_eq!(decode_index(&written).unwrap(), with);
}

#[test]
fn the_worker_s_name_and_the_phone_are_kept_in_the_sealed_index_and_old_indexes_read_unchanged() {
    use hear_me::store::record::{decode_index, encode_index, Index};
    // An index from before these settings: read, and written back exactly as it was.
    let old = r#"{"schema":2,"sessions":[],"agency":"Jugendamt"}"#;
    let read = decode_index(old).unwrap();
    assert_eq!(read.worker_name, "");
    assert_eq!(read.agency_phone, "");
    let written = encode_index(&read);
    assert!(
        !written.contains("worker_name") && !written.contains("agency_phone"),
        "{written}"
    );
    assert_eq!(decode_index(&written).unwrap(), read);

    let with = Index {
        agency: "Jugendamt".into(),
        worker_name: "Sam Kaya".into(),
        agency_phone: "+49 30 1234".into(),
        ..Index::default()
    };
    let written = encode_index(&with);
    assert!(written.contains("\"worker_name\":\"Sam Kaya\""));
    assert!(written.contains("\"agency_phone\":\"+49 30 1234\""));
    assert_eq!(decode_index(&written).unwrap(), with);
    // An index rebuilt from the records keeps every setting and drops only the lines.
    let mut listed = with.clone();
    listed.upsert(hear_me::store::record::IndexEntry {
        id: hear_me::core::SessionId::new(1, 2),
        child_name: "Mia".into(),
        date: "2026-12-07".into(),
        revision: 3,
        child: None,
    });
    assert_eq!(listed.settings_only(), with);
}
