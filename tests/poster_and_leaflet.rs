//! The houses poster (one landscape page per conversation, only what the chosen audience may
//! see, three houses side by side with the helpers beside them, empty houses without a word) and the parents' leaflet (in the family's language, with the worker's name).

use hear_me::core::leaflet_html::{render_parents_leaflet_html, LeafletText};
use hear_me::core::poster_html::render_poster_html;
use hear_me::core::summary_html::{css_string, Painters};
use hear_me::core::{
    Audience, Decision, EntryId, Helper, HelperKind, NewSession, Question, ReadBackMark, Session,
    SessionId, SharedItem, Summary, SummaryText, Tool, Voice, Words,
};

mod common;

fn english() -> SummaryText {
    let mut text = common::english::summary_text("Mia", HelperKind::Dragon, 0);
    text.audience_line = common::english::text("summary_for", &[("audience", "Mum")]);
    text
}

const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=";

fn poster(summary: &Summary, text: &SummaryText) -> String {
    render_poster_html(
        summary,
        text,
        &Painters {
            picture: &|_: Question, _: EntryId| Some(PNG.to_owned()),
            earlier_picture: &|_, _, _| None,
            time: &|at_ms| format!("t{at_ms}"),
            day: &|at_ms| format!("day {at_ms}"),
        },
    )
}

fn words(text: &str) -> Words {
    Words {
        text: text.into(),
        voice: Voice::ChildWrote,
    }
}

/// Mia's houses: some things for Mum, some not, a drawing with its caption, one taken out,
/// an own name shared with Mum and one not.
fn mia() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam".into(),
        date: "2026-11-27".into(),
    };
    let mut s = Session::start(&form, SessionId::new(1, 2), 1_000).unwrap();
    let mum = Decision::shared_with([Audience::Mum]);
    let add = |s: &mut Session, question, text: &str, decision: Option<Decision>, at| {
        let id = s.add_words(Tool::ThreeHouses, question, words(text), at);
        s.decide_sharing(question, id, decision, at + 1);
        id
    };
    let asked = add(
        &mut s,
        Question::Worries,
        "FOR-MUM-WORRY",
        mum.clone(),
        2_000,
    );
    s.set_worker_question(Question::Worries, asked, "QUESTION-ASKED", 2_002);
    s.set_read_back(Question::Worries, asked, Some(ReadBackMark::Checked), 2_003);
    add(
        &mut s,
        Question::Worries,
        "PRIVATE-WORRY",
        Some(Decision::Private),
        2_100,
    );
    add(
        &mut s,
        Question::GoodThings,
        "FOR-DAD-ONLY",
        Decision::shared_with([Audience::Dad]),
        2_200,
    );
    add(
        &mut s,
        Question::Dreams,
        "FOR-MUM-DREAM",
        mum.clone(),
        2_300,
    );
    let out = add(&mut s, Question::Dreams, "TAKEN-OUT", mum.clone(), 2_400);
    s.take_out(Question::Dreams, out, 2_500);
    let drawing = s.add_drawing(Tool::ThreeHouses, Question::GoodThings, 2_600);
    s.decide_sharing(Question::GoodThings, drawing, mum, 2_601);
    s.set_caption(
        Question::GoodThings,
        drawing,
        Some(words("CAPTION-FOR-MUM")),
        2_602,
    );
    s.rename(Tool::ThreeHouses, Question::Dreams, "SECRET-CASTLE", 2_700);
    s
}

#[test]
fn the_poster_for_an_audience_shows_only_what_that_audience_may_see() {
    let session = mia();
    let html = poster(&Summary::of(&session, Some(&Audience::Mum)), &english());
    for shown in ["FOR-MUM-WORRY", "FOR-MUM-DREAM", "CAPTION-FOR-MUM", PNG] {
        assert!(html.contains(shown), "missing {shown}");
    }
    for hidden in [
        "PRIVATE-WORRY",
        "FOR-DAD-ONLY",
        "TAKEN-OUT",
        "QUESTION-ASKED",
        "Checked with the child",
        "SECRET-CASTLE",
        "Asked:",
    ] {
        assert!(!html.contains(hidden), "shows {hidden}");
    }
    // The usual name stands where Mum may not see the child's own.
    assert!(column(&html, "dreams").contains("<bdi>House of Dreams</bdi>"));
    assert!(html.contains("Summary for: Mum"));
    // Dad's poster has his words and not Mum's.
    let for_dad = poster(&Summary::of(&session, Some(&Audience::Dad)), &english());
    assert!(for_dad.contains("FOR-DAD-ONLY"));
    assert!(!for_dad.contains("FOR-MUM-WORRY"));
    assert!(
        !for_dad.contains("CAPTION-FOR-MUM"),
        "the caption goes with its drawing"
    );
}

/// The part of a poster that is one question's column.
fn column<'a>(html: &'a str, slug: &str) -> &'a str {
    let start = html
        .find(&format!("<section class=\"house-column {slug}\">"))
        .unwrap_or_else(|| panic!("no {slug}"));
    let length = html[start..].find("</section>").unwrap();
    &html[start..start + length]
}

#[test]
fn the_poster_is_one_landscape_page_with_the_three_houses_side_by_side_in_order() {
    let session = mia();
    let html = poster(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert!(html.contains("@page { size: A4 landscape; margin: 10mm; }"));
    assert!(html.contains("grid-template-columns: repeat(3, minmax(0, 1fr))"));
    assert_eq!(html.matches("<section class=\"poster").count(), 1);
    let at = |slug: &str| {
        html.find(&format!("<section class=\"house-column {slug}\">"))
            .unwrap_or_else(|| panic!("no {slug}"))
    };
    assert!(at("worries") < at("good-things"));
    assert!(at("good-things") < at("dreams"));
    assert_eq!(html.matches("<section class=\"house-column ").count(), 3);
    // Each house as the child saw it, large.
    assert_eq!(html.matches("<img class=\"house-picture\"").count(), 3);
    assert!(html.contains(".house-picture { display: block; width: 42mm; height: 42mm;"));
    // Words large, drawings the width of their column (a third of the page).
    assert!(html.contains("font-size: 16pt"));
    assert!(html.contains("figure img { display: block; width: 100%;"));
    // An entry is kept whole; the columns are not, so a long one runs on over the next page
    // instead of being cut.
    assert!(html.contains(".house-entries > li { margin: 0 0 4mm; break-inside: avoid;"));
    assert!(!html.contains(".house-column { break-inside: avoid"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    // The footer of every page, as in the summary.
    assert!(html.contains("\"Page \" counter(page) \" of \" counter(pages)"));
    assert!(html.contains(&css_string("Made with Hear Me 9.9.9 on 30 November 2026")));
    // In Arabic the page runs right to left, so the first house stands on the right.
    let mut arabic = english();
    arabic.lang = "ar".into();
    let html = poster(&Summary::of(&session, Some(&Audience::Mum)), &arabic);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("@bottom-left { content: \"Page \" counter(page)"));
}

/// Mia used both tools with the dragon: a worry told to the dragon, and a wish shared with
/// Mum in the House of Dreams.
fn with_both_tools() -> Session {
    let mut session = mia();
    session.choose_helper(Helper::new(HelperKind::Dragon), 3_000);
    let mum = Decision::shared_with([Audience::Mum]);
    let id = session.add_words(
        Tool::WizardsAndFairies,
        Question::Worries,
        words("TOLD-THE-DRAGON"),
        3_100,
    );
    session.decide_sharing(Question::Worries, id, mum.clone(), 3_101);
    let wish = session.add_words(
        Tool::WizardsAndFairies,
        Question::Dreams,
        words("WAND-WISH"),
        3_200,
    );
    session.decide_sharing(Question::Dreams, wish, mum, 3_201);
    session
}

#[test]
fn a_conversation_with_both_tools_is_one_poster_with_each_house_and_its_helper_beside_it() {
    let session = with_both_tools();
    let mut summary = Summary::of(&session, Some(&Audience::Mum));
    // The worker shows Mum which tools were used: the helpers' pictures come too.
    summary.show_tools = true;
    summary.helper = session.helper;
    let html = poster(&summary, &english());
    assert_eq!(html.matches("<section class=\"poster").count(), 1);
    assert!(html.contains("<section class=\"poster both-tools\">"));
    assert_eq!(html.matches("<section class=\"house-column ").count(), 3);
    // In the houses' order, as the summary gives it.
    assert!(html.find("house-column worries").unwrap() < html.find("house-column dreams").unwrap());
    for (slug, house, helper) in [
        ("worries", "House of Worries", "Worries dragon"),
        ("good-things", "House of Good Things", "Good Things dragon"),
        ("dreams", "House of Dreams", "Wishes dragon"),
    ] {
        let column = column(&html, slug);
        assert!(column.contains(house), "{slug}: {house}");
        assert!(column.contains(helper), "{slug}: {helper}");
        assert!(
            column.find(house).unwrap() < column.find(helper).unwrap(),
            "{slug}: the helper stands beside the house"
        );
        assert_eq!(
            column.matches("<img class=\"house-picture\"").count(),
            2,
            "{slug}: the house and the helper"
        );
    }
    // Every entry of a question from every tool, in one column.
    let worries = column(&html, "worries");
    assert!(worries.contains("FOR-MUM-WORRY"));
    assert!(worries.contains("TOLD-THE-DRAGON"));
    assert!(worries.find("FOR-MUM-WORRY").unwrap() < worries.find("TOLD-THE-DRAGON").unwrap());
    let dreams = column(&html, "dreams");
    assert!(dreams.contains("FOR-MUM-DREAM"));
    assert!(dreams.contains("WAND-WISH"));
    // Without the tools shown, the helpers' names still stand beside the houses'.
    let html = poster(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert_eq!(html.matches("<section class=\"poster").count(), 1);
    let dreams = column(&html, "dreams");
    assert!(dreams.contains("<bdi>House of Dreams</bdi>"));
    assert!(dreams.contains("Wishes dragon"));
    assert!(dreams.contains("WAND-WISH"));
}

#[test]
fn a_question_with_nothing_for_this_reader_is_an_empty_house_never_a_sentence() {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "7".into(),
        worker_name: "Sam".into(),
        date: "2026-11-27".into(),
    };
    let mut session = Session::start(&form, SessionId::new(1, 4), 1_000).unwrap();
    // The child first passed on the House of Dreams, then told a wish, for Dad only; a worry
    // is for Mum; nothing was made in the House of Good Things.
    session.pass(Tool::ThreeHouses, Question::Dreams, 2_000);
    let wish = session.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        words("DAD-WISH"),
        2_100,
    );
    session.decide_sharing(
        Question::Dreams,
        wish,
        Decision::shared_with([Audience::Dad]),
        2_101,
    );
    let worry = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        words("MUM-WORRY"),
        2_200,
    );
    session.decide_sharing(
        Question::Worries,
        worry,
        Decision::shared_with([Audience::Mum]),
        2_201,
    );
    let text = english();
    let sentences = [
        text.chose_not_to_say.as_str(),
        text.nothing_shared_here.as_str(),
        text.empty_house.as_str(),
    ];
    let empty = "<div class=\"house-empty\"></div>";
    for (reader, empty_houses) in [
        (Some(Audience::Mum), vec!["good-things", "dreams"]),
        (Some(Audience::Dad), vec!["worries", "good-things"]),
        (
            Some(Audience::Court),
            vec!["worries", "good-things", "dreams"],
        ),
        (
            Some(Audience::Named("Oma".into())),
            vec!["worries", "good-things", "dreams"],
        ),
        (None, vec!["good-things"]),
    ] {
        let html = poster(&Summary::of(&session, reader.as_ref()), &text);
        for sentence in sentences {
            assert!(!html.contains(sentence), "{reader:?} reads {sentence:?}");
        }
        for slug in ["worries", "good-things", "dreams"] {
            let house = column(&html, slug);
            // The house stands, with its picture and its name, whoever reads.
            assert!(
                house.contains("<img class=\"house-picture\""),
                "{reader:?} {slug}"
            );
            assert!(house.contains(text.usual_name(Tool::ThreeHouses, question(slug))));
            let is_empty = empty_houses.contains(&slug);
            assert_eq!(house.contains(empty), is_empty, "{reader:?} {slug}");
            assert_eq!(house.contains("<li>"), !is_empty, "{reader:?} {slug}");
        }
    }
}

fn question(slug: &str) -> Question {
    Question::ALL
        .into_iter()
        .find(|question| question.slug() == slug)
        .unwrap()
}

#[test]
fn words_and_captions_amended_after_the_end_carry_the_mark_on_the_poster() {
    let mut session = mia();
    let worry = session.entries(Question::Worries)[0].id;
    let drawing = session
        .entries(Question::GoodThings)
        .iter()
        .find(|entry| entry.drawing().is_some())
        .unwrap()
        .id;
    assert!(session.finish(5_000));
    session
        .amend_words(
            Question::Worries,
            worry,
            "FOR-MUM-WORRY und Aylin",
            "READ-BACK-REASON",
            86_400_000,
        )
        .unwrap();
    session
        .amend_caption(
            Question::GoodThings,
            drawing,
            "CAPTION-AMENDED",
            "CAPTION-REASON",
            172_800_000,
        )
        .unwrap();
    let html = poster(&Summary::of(&session, Some(&Audience::Mum)), &english());
    let worries = column(&html, "worries");
    let words_at = worries.find("FOR-MUM-WORRY und Aylin").unwrap();
    let mark_at = worries
        .find("<p class=\"amended\">amended on day 86400000</p>")
        .expect("the words' mark");
    assert!(words_at < mark_at);
    let good = column(&html, "good-things");
    assert!(good.contains("CAPTION-AMENDED"));
    assert!(good.contains("<p class=\"amended\">amended on day 172800000</p>"));
    // The mark, not the reason, nor what it was before.
    for hidden in ["READ-BACK-REASON", "CAPTION-REASON", "CAPTION-FOR-MUM"] {
        assert!(!html.contains(hidden), "shows {hidden}");
    }
    // What was not amended carries no mark.
    assert!(!column(&html, "dreams").contains("amended on"));
}

#[test]
fn every_word_name_and_caption_of_the_child_keeps_its_own_direction() {
    const MIXED: &str = "قال \"Ben (7)\" لا";
    let form = NewSession {
        child_name: "ليلى (Lina)".into(),
        age: "9".into(),
        worker_name: "Sam".into(),
        date: "2026-11-27".into(),
    };
    let mut session = Session::start(&form, SessionId::new(1, 3), 1_000).unwrap();
    let oma = session.add_named_audience("Oma \"Aylin\"", 1_500).unwrap();
    let shared = Decision::shared_with([oma.clone()]);
    let id = session.add_words(Tool::ThreeHouses, Question::Worries, words(MIXED), 2_000);
    session.decide_sharing(Question::Worries, id, shared.clone(), 2_001);
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Dreams, 2_100);
    session.decide_sharing(Question::Dreams, drawing, shared.clone(), 2_101);
    session.set_caption(Question::Dreams, drawing, Some(words(MIXED)), 2_102);
    session.rename(Tool::ThreeHouses, Question::GoodThings, "بيت (Ben)", 2_200);
    session.decide(
        SharedItem::Name {
            tool: Tool::ThreeHouses,
            question: Question::GoodThings,
        },
        shared,
        2_201,
    );
    let mut text = common::english::summary_text("ليلى (Lina)", HelperKind::Dragon, 0);
    text.lang = "ar".into();
    text.poster_title = common::english::text("poster_title", &[("name", "ليلى (Lina)")]);
    text.audience_line = common::english::text("summary_for", &[("audience", "Oma \"Aylin\"")]);
    let html = poster(&Summary::of(&session, Some(&oma)), &text);
    let escaped = "قال &quot;Ben (7)&quot; لا";
    // The words and the caption, each a paragraph of its own direction.
    assert_eq!(
        html.matches(&format!(
            "<blockquote class=\"child-words\" dir=\"auto\">{escaped}</blockquote>"
        ))
        .count(),
        2
    );
    // The child's own name for a house, the child's name in the title and a reader the child
    // named, each isolated inside the line around it.
    assert!(
        html.contains("<bdi>بيت (Ben)</bdi><bdi class=\"usual-name\">House of Good Things</bdi>")
    );
    assert!(html.contains("<h1 dir=\"auto\"><bdi>ليلى (Lina)</bdi>&#39;s houses</h1>"));
    assert!(html.contains("<bdi>Oma &quot;Aylin&quot;</bdi>"));
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn a_poster_of_the_full_record_says_it_is_the_worker_s_and_leaves_out_what_was_taken_out() {
    let session = mia();
    let mut text = english();
    text.audience_line = common::english::text("summary_full_record_line", &[]);
    let html = poster(&Summary::of(&session, None), &text);
    assert!(html.contains("The worker&#39;s full record. Not for the family."));
    assert!(html.contains("<body class=\"full-record poster-file\">"));
    assert!(!html.contains("TAKEN-OUT"));
    assert!(!html.contains("QUESTION-ASKED"));
}

fn leaflet_text(lang: &str, worker: &str) -> LeafletText {
    // The texts stay templates: the leaflet fills in the worker's name itself.
    let t = |key: &str| common::english::texts()[key].clone();
    LeafletText {
        lang: lang.into(),
        worker: worker.into(),
        phone: String::new(),
        tools: vec![Tool::ThreeHouses],
        title: t("leaflet_title"),
        title_unnamed: t("leaflet_title_unnamed"),
        what: t("leaflet_what"),
        what_helpers: t("leaflet_what_helpers"),
        what_both: t("leaflet_what_both"),
        why: t("leaflet_why"),
        child_decides: t("leaflet_child_decides"),
        after: t("leaflet_after"),
        questions: t("leaflet_questions"),
        questions_unnamed: t("leaflet_questions_unnamed"),
        phone_line: t("leaflet_phone"),
        houses_alt: "House of Worries, House of Good Things, House of Dreams".into(),
        helpers_alt: "Fairy, Wizard, Dragon, Unicorn".into(),
    }
}

#[test]
fn the_parents_leaflet_names_the_worker_in_the_family_s_language_with_the_houses_drawn_in() {
    let html = render_parents_leaflet_html(&leaflet_text("ar", "Sam <Kaya>"));
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<title>Your child&#39;s conversation with Sam &lt;Kaya&gt;</title>"));
    // On the page the name is isolated, so it keeps its order in a right-to-left leaflet.
    assert!(html.contains("Your child&#39;s conversation with <bdi>Sam &lt;Kaya&gt;</bdi>"));
    assert!(html.contains("If you have questions, please ask <bdi>Sam &lt;Kaya&gt;</bdi>."));
    assert!(!html.contains("<Kaya>"));
    assert_eq!(html.matches("src=\"data:image/svg+xml;base64,").count(), 3);
    assert!(!html.contains("src=\"http"), "nothing from the network");
    assert!(!html.contains("<script"));
    assert!(html.contains("@page { size: A4;"));
    let html = render_parents_leaflet_html(&leaflet_text("tr", "Ayşe"));
    assert!(html.contains("<html lang=\"tr\" dir=\"ltr\">"));
}

#[test]
fn the_leaflet_names_the_helpers_when_that_tool_is_offered_and_draws_what_is_offered() {
    let houses_only = render_parents_leaflet_html(&leaflet_text("en", "Sam"));
    assert!(houses_only.contains("three drawn houses"));
    assert!(!houses_only.contains("magical helpers"));
    assert!(!houses_only.contains("Fairy, Wizard"));

    let mut helpers = leaflet_text("en", "Sam");
    helpers.tools = vec![Tool::WizardsAndFairies];
    let html = render_parents_leaflet_html(&helpers);
    assert!(html.contains("three magical helpers"), "{html}");
    assert!(!html.contains("three drawn houses"));
    assert!(html.contains("aria-label=\"Fairy, Wizard, Dragon, Unicorn\""));
    assert!(!html.contains("aria-label=\"House of Worries"));
    // One picture of each kind of helper the child may choose: none chosen for the child.
    assert_eq!(html.matches("src=\"data:image/svg+xml;base64,").count(), 4);

    let mut both = leaflet_text("en", "Sam");
    both.tools = Tool::ALL.to_vec();
    let html = render_parents_leaflet_html(&both);
    assert!(html.contains("three drawn houses"));
    assert!(html.contains("three magical helpers"));
    assert_eq!(html.matches("src=\"data:image/svg+xml;base64,").count(), 7);
}

#[test]
fn the_leaflet_gives_the_agency_s_phone_when_set_and_never_a_gap_for_a_missing_name() {
    let mut text = leaflet_text("ar", "Sam");
    assert!(!render_parents_leaflet_html(&text).contains("Phone"));
    text.phone = "+49 30 1234-567".into();
    let html = render_parents_leaflet_html(&text);
    // The number keeps its own direction in an Arabic leaflet.
    assert!(html.contains("Phone: <bdi>+49 30 1234-567</bdi>"), "{html}");

    let unnamed = render_parents_leaflet_html(&leaflet_text("en", "  "));
    assert!(unnamed.contains("Your child&#39;s conversation with us"));
    assert!(unnamed.contains("please ask the worker who gave you this leaflet."));
    assert!(!unnamed.contains("<bdi></bdi>"));
    assert!(!unnamed.contains("with ."), "{unnamed}");
    assert!(!unnamed.contains("ask ."), "{unnamed}");
}
