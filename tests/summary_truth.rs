//! Issue 22, "True to the child": every document tells its reader only what is so. A summary
//! says "The child chose not to say" only where the child truly gave nothing in that
//! question, and never to the family or a person the child named; words and captions changed
//! after the end carry "amended on …" for every reader (the reason stays in the full record);
//! "Who was there" prints the people from "About this conversation"; and the child's words,
//! names and captions keep their own direction in the summary, the full record and the
//! leaflet, whatever the scripts.

use hear_me::core::html_text::escape;
use hear_me::core::leaflet_html::{render_parents_leaflet_html, LeafletText};
use hear_me::core::summary::{kept_silent, may_read_of_a_silence};
use hear_me::core::summary_html::Painters;
use hear_me::core::{
    render_summary_html, Audience, Decision, EntryId, HelperKind, Interpreter, NewSession,
    PersonPresent, Question, RespectLine, Session, SessionId, SharedItem, Summary, SummaryChoices,
    SummaryText, Tool, Voice, Whereabouts, Words,
};

mod common;

const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=";

/// The day the tests' amendments are made, as a reader's language writes it.
const AMENDED_DAY: &str = "7 December 2026";

fn english_for(name: &str) -> SummaryText {
    common::english::summary_text(name, HelperKind::Dragon, 0)
}

fn render(summary: &Summary, text: &SummaryText) -> String {
    render_summary_html(
        summary,
        text,
        &Painters {
            picture: &|_: Question, _: EntryId| Some(PNG.to_owned()),
            time: &|at_ms| format!("t{at_ms}"),
            day: &|_| AMENDED_DAY.to_owned(),
            earlier_picture: &|_, _, _| None,
        },
    )
}

fn html_for(session: &Session, audience: Option<&Audience>) -> String {
    render(
        &Summary::of(session, audience),
        &english_for(&session.child.name),
    )
}

fn mia() -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "9".into(),
        worker_name: "Sam".into(),
        date: "2026-12-01".into(),
    };
    Session::start(&form, SessionId::new(4, 2), 1_000).unwrap()
}

fn said(text: &str) -> Words {
    Words {
        text: text.into(),
        voice: Voice::ChildSaidWorkerWrote,
    }
}

fn chose_not_to_say() -> String {
    escape(&common::english::text("summary_chose_not_to_say", &[]))
}

fn nothing_shared_here() -> String {
    escape(&common::english::text("summary_nothing_shared_here", &[]))
}

/// The html of one question's section.
fn house(html: &str, question: Question) -> &str {
    let start = html
        .find(&format!("<section class=\"house {}\">", question.slug()))
        .unwrap();
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap()]
}

fn marked(session: &Session, audience: Option<&Audience>, question: Question) -> bool {
    Summary::of(session, audience)
        .question(question)
        .unwrap()
        .chose_not_to_say
}

/// Every audience a summary can be for: the pictured ones and a name the child gave.
fn every_audience() -> Vec<Audience> {
    Audience::PICTURED
        .into_iter()
        .chain([Audience::Named("Oma".into())])
        .collect()
}

/// Those who weigh the child's views in the proceedings: they may read a true silence.
fn may_read_a_silence(audience: &Audience) -> bool {
    matches!(
        audience,
        Audience::Court | Audience::Meeting | Audience::Guardian | Audience::Advocate
    )
}

#[test]
fn a_pass_then_a_wish_shared_with_mum_only_reads_as_no_silence_for_the_court_or_mum() {
    let mut session = mia();
    assert!(session.pass(Tool::ThreeHouses, Question::Dreams, 2_000));
    let wish = session.add_words(
        Tool::ThreeHouses,
        Question::Dreams,
        said("Ich will, dass Papa wieder lacht"),
        3_000,
    );
    session.decide_sharing(
        Question::Dreams,
        wish,
        Decision::shared_with([Audience::Mum]),
        3_100,
    );
    assert!(!kept_silent(&session, Question::Dreams), "the child spoke");

    let for_court = html_for(&session, Some(&Audience::Court));
    assert!(!marked(&session, Some(&Audience::Court), Question::Dreams));
    assert!(!for_court.contains(&chose_not_to_say()));
    assert!(!for_court.contains("Papa wieder lacht"));
    // The court reads only that nothing from this house is in its summary: true.
    assert!(house(&for_court, Question::Dreams).contains(&nothing_shared_here()));

    let for_mum = html_for(&session, Some(&Audience::Mum));
    assert!(!marked(&session, Some(&Audience::Mum), Question::Dreams));
    assert!(!for_mum.contains(&chose_not_to_say()));
    assert!(house(&for_mum, Question::Dreams).contains(
        "<blockquote class=\"child-words\" dir=\"auto\">Ich will, dass Papa wieder lacht</blockquote>"
    ));

    // The full record has the wish and the pass in the pace log, but no silence.
    let full = html_for(&session, None);
    assert!(!marked(&session, None, Question::Dreams));
    assert!(!full.contains(&chose_not_to_say()));
    assert!(full.contains("Papa wieder lacht"));
}

#[test]
fn an_entry_before_the_pass_or_in_the_other_tool_outweighs_it_too() {
    let mut session = mia();
    let first = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2_000);
    session.decide_sharing(Question::Worries, first, Some(Decision::Private), 2_100);
    assert!(session.pass(Tool::ThreeHouses, Question::Worries, 2_200));
    assert!(!kept_silent(&session, Question::Worries));
    for audience in every_audience() {
        assert!(
            !marked(&session, Some(&audience), Question::Worries),
            "{audience:?}"
        );
    }
    assert!(!marked(&session, None, Question::Worries));

    // A pass in Wizards and Fairies, words in the Three Houses: the same question, answered.
    let mut session = mia();
    assert!(session.pass(Tool::WizardsAndFairies, Question::GoodThings, 2_000));
    session.add_words(
        Tool::ThreeHouses,
        Question::GoodThings,
        said("Fußball"),
        2_500,
    );
    assert!(!kept_silent(&session, Question::GoodThings));
    assert!(!marked(
        &session,
        Some(&Audience::Court),
        Question::GoodThings
    ));
}

#[test]
fn where_a_reader_may_see_nothing_of_a_question_no_summary_speaks_of_the_childs_silence() {
    let mut session = mia();
    session.add_named_audience("Oma", 1_500);
    // The child passed, then gave words kept from everyone, and a drawing for the teacher.
    assert!(session.pass(Tool::ThreeHouses, Question::Worries, 2_000));
    let kept = session.add_words(
        Tool::ThreeHouses,
        Question::Worries,
        said("PRIVATE-WORRY"),
        2_100,
    );
    session.decide_sharing(Question::Worries, kept, Some(Decision::Private), 2_200);
    let drawn = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2_300);
    session.decide_sharing(
        Question::Worries,
        drawn,
        Decision::shared_with([Audience::Teacher]),
        2_400,
    );
    for audience in every_audience() {
        let html = html_for(&session, Some(&audience));
        let worries = house(&html, Question::Worries);
        assert!(!worries.contains(&chose_not_to_say()), "{audience:?}");
        assert!(!html.contains("PRIVATE-WORRY"), "{audience:?}");
        if audience != Audience::Teacher {
            // Nothing of it for this reader: one neutral line about this summary, no more.
            assert!(worries.contains(&nothing_shared_here()), "{audience:?}");
            assert!(!worries.contains("<li"), "{audience:?}");
        }
    }
    // The worker's own summary choice of a neutral line is the only other thing it may say.
    let mut choices = SummaryChoices::default_for(&Audience::Mum);
    choices.respect_line = Some(RespectLine::KeepForNow);
    session.set_summary_choices(choices, 2_500);
    let for_mum = html_for(&session, Some(&Audience::Mum));
    assert!(for_mum.contains("wanted to keep for now"));
    assert!(!for_mum.contains(&chose_not_to_say()));
}

#[test]
fn a_true_silence_may_be_read_by_the_court_and_the_meeting_never_by_family_or_a_named_person() {
    let mut session = mia();
    session.add_named_audience("Oma", 1_500);
    assert!(session.pass(Tool::ThreeHouses, Question::GoodThings, 2_000));
    // Something given, then taken out by the child: withdrawn, so the child kept silent.
    let withdrawn = session.add_words(
        Tool::ThreeHouses,
        Question::GoodThings,
        said("WITHDRAWN"),
        2_100,
    );
    session.decide_sharing(
        Question::GoodThings,
        withdrawn,
        Decision::shared_with(every_audience()),
        2_150,
    );
    assert!(session.take_out(Question::GoodThings, withdrawn, 2_200));
    assert!(kept_silent(&session, Question::GoodThings));
    assert!(!kept_silent(&session, Question::Worries), "no pass there");

    for audience in every_audience() {
        let html = html_for(&session, Some(&audience));
        let good_things = house(&html, Question::GoodThings);
        assert!(!html.contains("WITHDRAWN"), "{audience:?}");
        assert_eq!(
            may_read_of_a_silence(Some(&audience)),
            may_read_a_silence(&audience),
            "{audience:?}"
        );
        if may_read_a_silence(&audience) {
            assert!(marked(&session, Some(&audience), Question::GoodThings));
            assert!(good_things.contains(&chose_not_to_say()), "{audience:?}");
        } else {
            assert!(!marked(&session, Some(&audience), Question::GoodThings));
            assert!(!html.contains(&chose_not_to_say()), "{audience:?}");
            assert!(good_things.contains(&nothing_shared_here()), "{audience:?}");
        }
        // The houses the child did not pass on say nothing of silence, to anyone.
        assert!(!house(&html, Question::Worries).contains(&chose_not_to_say()));
    }
    assert!(may_read_of_a_silence(None));
    assert!(house(&html_for(&session, None), Question::GoodThings).contains(&chose_not_to_say()));
}

/// Ben's words, shared with the court and Mum, and a drawing with a caption shared with them
/// too; amended after the end.
fn amended_session() -> (Session, EntryId, EntryId) {
    let mut session = mia();
    let both = || Decision::shared_with([Audience::Court, Audience::Mum]);
    let words = session.add_words(
        Tool::ThreeHouses,
        Question::GoodThings,
        said("Ich spiele mit Ben"),
        2_000,
    );
    session.decide_sharing(Question::GoodThings, words, both(), 2_100);
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::GoodThings, 2_200);
    session.decide_sharing(Question::GoodThings, drawing, both(), 2_300);
    assert!(session.set_caption(
        Question::GoodThings,
        drawing,
        Some(said("Das ist unser Baumhaus")),
        2_400
    ));
    let unchanged = session.add_words(Tool::ThreeHouses, Question::Dreams, said("Ein Hund"), 2_500);
    session.decide_sharing(Question::Dreams, unchanged, both(), 2_600);
    assert!(session.finish(3_000));
    session
        .amend_words(
            Question::GoodThings,
            words,
            "Ich spiele mit Ben und Aylin",
            "AMEND-REASON: I wrote down only half of it",
            5_000,
        )
        .unwrap();
    session
        .amend_caption(
            Question::GoodThings,
            drawing,
            "Das ist unser Baumhaus im Garten",
            "CAPTION-REASON",
            5_100,
        )
        .unwrap();
    (session, words, drawing)
}

#[test]
fn amended_words_and_captions_carry_the_mark_for_every_reader_and_the_reason_only_in_the_full_record(
) {
    let (session, words, drawing) = amended_session();
    let mark = format!("<p class=\"amended\">amended on {AMENDED_DAY}</p>");
    for audience in [None, Some(Audience::Court), Some(Audience::Mum)] {
        let summary = Summary::of(&session, audience.as_ref());
        let entries = &summary.question(Question::GoodThings).unwrap().entries;
        let entry = |id| entries.iter().find(|entry| entry.id == id).unwrap();
        assert_eq!(entry(words).words_amended_at, Some(5_000));
        assert_eq!(entry(drawing).caption_amended_at, Some(5_100));
        assert_eq!(entry(drawing).words_amended_at, None);

        let html = render(&summary, &english_for("Mia"));
        // The new words, then who said and wrote them, then the mark.
        assert!(
            html.contains(&format!(
                "<blockquote class=\"child-words\" dir=\"auto\">Ich spiele mit Ben und Aylin</blockquote>\n<p class=\"who\">Child said, worker wrote</p>\n{mark}"
            )),
            "{audience:?}"
        );
        // The caption, and its mark under it.
        assert!(
            html.contains(&format!(
                "Das ist unser Baumhaus im Garten</blockquote>\n<p class=\"who\">Child said, worker wrote</p>\n</div>\n{mark}"
            )),
            "{audience:?}"
        );
        // Two amended, one not: two marks, and none in the house of dreams.
        assert_eq!(html.matches(&mark).count(), 2, "{audience:?}");
        assert!(!house(&html, Question::Dreams).contains("amended"));
        let full = audience.is_none();
        for reason in ["AMEND-REASON", "CAPTION-REASON"] {
            assert_eq!(html.contains(reason), full, "{audience:?} {reason}");
        }
        // What the words were before is the full record's too.
        assert_eq!(
            html.contains("<bdi>Ich spiele mit Ben</bdi>"),
            full,
            "{audience:?}"
        );
    }
}

#[test]
fn who_was_there_prints_the_people_from_the_details_where_the_worker_ticked_it() {
    let mut session = mia();
    session.set_people(
        vec![
            PersonPresent {
                who: "Mum".into(),
                role: String::new(),
                whereabouts: Whereabouts::Nearby,
            },
            PersonPresent {
                who: "Ms Kaya".into(),
                role: "teacher".into(),
                whereabouts: Whereabouts::InTheRoom,
            },
        ],
        1_500,
    );
    let mum_nearby = "<li><bdi>Mum</bdi> — Nearby</li>";
    let kaya = "<li><bdi>Ms Kaya</bdi> (<bdi>teacher</bdi>) — In the room</li>";
    let heading = "<dt>Who was there</dt>\n<dd class=\"present\"><ul class=\"people\">";

    // The court's summary shows who was there by default: the people, not a second field.
    let for_court = html_for(&session, Some(&Audience::Court));
    assert!(for_court.contains(heading));
    assert!(for_court.contains(mum_nearby));
    assert!(for_court.contains(kaya));
    assert_eq!(
        Summary::of(&session, Some(&Audience::Court)).people,
        session.details().people
    );

    // Mum's does not, until the worker ticks it for her.
    let for_mum = html_for(&session, Some(&Audience::Mum));
    assert!(!for_mum.contains("Who was there"));
    assert!(!for_mum.contains("Ms Kaya"));
    let mut choices = session.summary_choices(&Audience::Mum);
    choices.shown.present = true;
    session.set_summary_choices(choices, 1_600);
    let for_mum = html_for(&session, Some(&Audience::Mum));
    assert!(for_mum.contains(mum_nearby) && for_mum.contains(kaya));

    // Unticked for the court, they are gone from its summary.
    let mut choices = session.summary_choices(&Audience::Court);
    choices.shown.present = false;
    session.set_summary_choices(choices, 1_700);
    let for_court = html_for(&session, Some(&Audience::Court));
    assert!(!for_court.contains("Ms Kaya") && !for_court.contains("Who was there"));
    assert!(Summary::of(&session, Some(&Audience::Court))
        .people
        .is_empty());

    // The full record lists them in "About this conversation", once.
    let full = html_for(&session, None);
    assert_eq!(full.matches(kaya).count(), 1);
}

#[test]
fn an_older_record_s_typed_line_of_who_was_there_is_never_lost() {
    let mut session = mia();
    session.set_present("Mia, Oma und ich", 1_500);
    let typed = "<p class=\"present-typed\" dir=\"auto\">Mia, Oma und ich</p>";
    for audience in [None, Some(Audience::Court)] {
        let html = html_for(&session, audience.as_ref());
        assert!(html.contains(typed), "{audience:?}");
    }
    assert!(!html_for(&session, Some(&Audience::Mum)).contains("Oma und ich"));
    // With people recorded beside it, both are shown: nothing the worker typed goes missing.
    session.set_people(
        vec![PersonPresent {
            who: "Oma".into(),
            ..PersonPresent::default()
        }],
        1_600,
    );
    let for_court = html_for(&session, Some(&Audience::Court));
    assert!(for_court.contains(typed));
    assert!(for_court.contains("<li><bdi>Oma</bdi> — In the room</li>"));
}

#[test]
fn a_person_s_role_is_kept_and_an_empty_one_is_not_written() {
    let person = PersonPresent {
        who: "Ms Kaya".into(),
        role: "teacher".into(),
        whereabouts: Whereabouts::Nearby,
    };
    let json = serde_json::to_string(&person).unwrap();
    assert_eq!(
        json,
        r#"{"who":"Ms Kaya","role":"teacher","whereabouts":"nearby"}"#
    );
    assert_eq!(
        serde_json::from_str::<PersonPresent>(&json).unwrap(),
        person
    );
    // A record from before roles reads as it was, and writes back the same.
    let older = r#"{"who":"Mum","whereabouts":"nearby"}"#;
    let read: PersonPresent = serde_json::from_str(older).unwrap();
    assert_eq!(read.role, "");
    assert_eq!(serde_json::to_string(&read).unwrap(), older);
}

/// Mixed Arabic and Latin, with quotes and brackets: reordered unless isolated.
const MIXED: &str = "قال \"Ben (7)\" لا";

/// A session with `MIXED` in every place a child's words, a name or a caption appears.
fn mixed_everywhere() -> Session {
    let mut session = mia();
    session.child.name = MIXED.into();
    session.worker = MIXED.into();
    session.set_place(MIXED, 1_100);
    session.set_present(MIXED, 1_100);
    session.set_people(
        vec![PersonPresent {
            who: MIXED.into(),
            role: MIXED.into(),
            whereabouts: Whereabouts::InTheRoom,
        }],
        1_100,
    );
    session.set_interpreter(
        Some(Interpreter {
            name: MIXED.into(),
            role: MIXED.into(),
        }),
        1_100,
    );
    let named = session.add_named_audience(MIXED, 1_200).unwrap();
    let everyone = || Decision::shared_with([Audience::Court, named.clone()]);
    for question in Question::ALL {
        session.rename(Tool::ThreeHouses, question, MIXED, 1_300);
        session.decide(
            SharedItem::Name {
                tool: Tool::ThreeHouses,
                question,
            },
            everyone(),
            1_301,
        );
    }
    let words = session.add_words(Tool::ThreeHouses, Question::Worries, said(MIXED), 2_000);
    session.decide_sharing(Question::Worries, words, everyone(), 2_001);
    assert!(session.set_worker_question(Question::Worries, words, MIXED, 2_002));
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::Dreams, 2_100);
    session.decide_sharing(Question::Dreams, drawing, everyone(), 2_101);
    assert!(session.set_caption(Question::Dreams, drawing, Some(said(MIXED)), 2_102));
    let changed = session.add_words(
        Tool::ThreeHouses,
        Question::GoodThings,
        said("Ich spiele mit Ben"),
        2_200,
    );
    session.decide_sharing(Question::GoodThings, changed, everyone(), 2_201);
    assert!(session.set_child_wants_next(Some(said(MIXED)), 2_300));
    assert!(session.finish(3_000));
    session
        .amend_words(Question::GoodThings, changed, MIXED, MIXED, 4_000)
        .unwrap();
    assert!(session.add_network_response(MIXED, MIXED, 4_100));
    let mut choices = session.summary_choices(&Audience::Court);
    choices.respect_line = Some(RespectLine::ChoseWhatIsShared);
    session.set_summary_choices(choices, 4_200);
    session
}

/// Every place `needle` appears in `html` (outside the window's title and the style, which
/// hold no markup) is an element of its own that isolates it: `<bdi>` or `dir="auto"`, with
/// nothing else in it. Returns how many there are.
fn all_isolated(html: &str, needle: &str) -> usize {
    let body = &html[html.find("</style>").unwrap()..];
    assert!(!body.contains("<title>"));
    let mut count = 0;
    for (at, _) in body.match_indices(needle) {
        let before = &body[..at];
        let open = &before[before.rfind('<').unwrap()..];
        assert!(
            open.ends_with('>') && (open == "<bdi>" || open.contains("dir=\"auto\"")),
            "not isolated: …{}",
            &before[before.len().saturating_sub(120)..]
        );
        assert!(
            body[at + needle.len()..].starts_with("</"),
            "more than the text in its element: {}",
            &body[at..(at + needle.len() + 60).min(body.len())]
        );
        count += 1;
    }
    count
}

#[test]
fn words_names_and_captions_keep_their_own_direction_in_an_arabic_and_a_german_summary() {
    let session = mixed_everywhere();
    let needle = escape(MIXED);
    assert_eq!(needle, "قال &quot;Ben (7)&quot; لا");
    let named = Audience::Named(MIXED.into());
    for lang in ["ar", "de"] {
        for audience in [None, Some(Audience::Court), Some(named.clone())] {
            let summary = Summary::of(&session, audience.as_ref());
            let mut text = english_for(MIXED);
            text.lang = lang.into();
            if let Some(audience) = &audience {
                // As the UI fills it: "Summary for: …" with the reader's name.
                text.audience_line = format!("Summary for: {}", text.audience_name(audience));
            }
            let html = render(&summary, &text);
            let dir = if lang == "ar" { "rtl" } else { "ltr" };
            assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")));
            let found = all_isolated(&html, &needle);
            // Every reader: the title, the child's name, three house names, the words, the
            // caption and the amended words; the named reader also the line naming them.
            // The court adds the place, the typed line, the person and role, the worker and
            // the respect line; the full record the interpreter, the worker's question, the
            // amendment, what the child wants next, the response, the named audience in
            // every sharing, and the signature.
            let least = match &audience {
                None => 29,
                Some(Audience::Court) => 14,
                Some(_) => 9,
            };
            assert!(found >= least, "{lang} {audience:?}: {found}");
        }
    }
    // Where who was there is shown to an audience, its people are isolated too.
    let for_court = render(
        &Summary::of(&session, Some(&Audience::Court)),
        &english_for(MIXED),
    );
    assert!(for_court.contains(&format!(
        "<li><bdi>{needle}</bdi> (<bdi>{needle}</bdi>) — In the room</li>"
    )));
}

#[test]
fn the_leaflet_keeps_the_worker_s_name_in_its_own_direction() {
    let text = LeafletText {
        lang: "ar".into(),
        worker: MIXED.into(),
        title: "محادثة طفلكم مع {{ worker }}".into(),
        what: "…".into(),
        why: "…".into(),
        child_decides: "…".into(),
        after: "…".into(),
        questions: "إذا كانت لديكم أسئلة، اسألوا {{ worker }}.".into(),
        houses_alt: "…".into(),
        ..LeafletText::default()
    };
    let html = render_parents_leaflet_html(&text);
    let needle = escape(MIXED);
    assert_eq!(all_isolated(&html, &needle), 2);
    assert!(html.contains(&format!("<title>محادثة طفلكم مع {needle}</title>")));
    assert!(html.contains(&format!(
        "<h1 dir=\"auto\">محادثة طفلكم مع <bdi>{needle}</bdi></h1>"
    )));
}
