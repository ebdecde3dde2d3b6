//! The houses poster (only what the chosen audience may see, three houses side by side on a
//! landscape page) and the parents' leaflet (in the family's language, with the worker's name).

use hear_me::core::leaflet_html::{render_parents_leaflet_html, LeafletText};
use hear_me::core::poster_html::render_poster_html;
use hear_me::core::summary_html::{css_string, Painters};
use hear_me::core::{
    Audience, Decision, EntryId, HelperKind, NewSession, Question, ReadBackMark, Session,
    SessionId, Summary, SummaryText, Tool, Voice, Words,
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
    assert!(html.contains("<h2 dir=\"auto\">House of Dreams</h2>"));
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

#[test]
fn the_poster_is_one_landscape_page_with_the_three_houses_side_by_side_in_order() {
    let session = mia();
    let html = poster(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert!(html.contains("@page { size: A4 landscape;"));
    assert!(html.contains("grid-template-columns: repeat(3, minmax(0, 1fr))"));
    assert_eq!(html.matches("<section class=\"poster ").count(), 1);
    let at = |slug: &str| {
        html.find(&format!("<section class=\"house-column {slug}\">"))
            .unwrap_or_else(|| panic!("no {slug}"))
    };
    assert!(at("worries") < at("good-things"));
    assert!(at("good-things") < at("dreams"));
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

#[test]
fn each_tool_used_gets_its_own_poster_with_its_own_entries() {
    let mut session = mia();
    let id = session.add_words(
        Tool::WizardsAndFairies,
        Question::Worries,
        words("TOLD-THE-DRAGON"),
        3_100,
    );
    session.decide_sharing(
        Question::Worries,
        id,
        Decision::shared_with([Audience::Mum]),
        3_101,
    );
    let html = poster(&Summary::of(&session, Some(&Audience::Mum)), &english());
    assert_eq!(html.matches("<section class=\"poster ").count(), 2);
    let helpers = &html[html
        .find("<section class=\"poster wizards-and-fairies\">")
        .unwrap()..];
    let houses = &html[..html
        .find("<section class=\"poster wizards-and-fairies\">")
        .unwrap()];
    assert!(helpers.contains("TOLD-THE-DRAGON"));
    assert!(!houses.contains("TOLD-THE-DRAGON"));
    assert!(houses.contains("FOR-MUM-WORRY"));
    assert!(!helpers.contains("FOR-MUM-WORRY"));
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
        title: t("leaflet_title"),
        what: t("leaflet_what"),
        why: t("leaflet_why"),
        child_decides: t("leaflet_child_decides"),
        after: t("leaflet_after"),
        questions: t("leaflet_questions"),
        houses_alt: "House of Worries, House of Good Things, House of Dreams".into(),
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
