//! The child as the unit (issue 25): every stored session reads into a child of its own,
//! a new visit carries over what is the child's, and joining or moving visits is kept in
//! the child's history.

use hear_me::core::child::{ChildChange, ChildId, ChildRecord};
use hear_me::core::children::{join_children, missing_children, move_visit, visits_of};
use hear_me::core::{
    Audience, Decision, Helper, HelperKind, NewSession, Question, Session, SessionId, SharedItem,
    Tool, Voice, Words,
};
use hear_me::store::record::{decode_session, encode_session};

const FIXTURES: [(&str, &str); 7] = [
    ("v1", include_str!("fixtures/session-v1.json")),
    ("v2", include_str!("fixtures/session-v2.json")),
    ("v3", include_str!("fixtures/session-v3.json")),
    ("v4", include_str!("fixtures/session-v4.json")),
    ("v5", include_str!("fixtures/session-v5.json")),
    ("v6", include_str!("fixtures/session-v6.json")),
    ("v7", include_str!("fixtures/session-v7.json")),
];

const NOW: u64 = 1_790_000_000_000;

fn visit(name: &str, age: &str, date: &str, number: u32) -> Session {
    let form = NewSession {
        child_name: name.into(),
        age: age.into(),
        worker_name: "Sam".into(),
        date: date.into(),
    };
    Session::start(
        &form,
        SessionId::new(1_780_000_000_000, number),
        1_780_000_000_000,
    )
    .unwrap()
}

#[test]
fn every_stored_session_version_reads_into_a_child_of_its_own_and_is_not_rewritten() {
    for (version, raw) in FIXTURES {
        let session = decode_session(raw).unwrap();
        let before = encode_session(&session);
        let children = missing_children(std::slice::from_ref(&session), &[], NOW);
        assert_eq!(children.len(), 1, "{version}: one child per session");
        let child = &children[0];
        assert_eq!(child.id, ChildId::for_session(session.id), "{version}");
        assert_eq!(child.alias, "Mia", "{version}");
        let year: i32 = session.date[..4].parse().unwrap();
        assert_eq!(child.birth_year, Some(year - 7), "{version}");
        assert_eq!(
            child
                .history
                .iter()
                .map(|e| e.what.clone())
                .collect::<Vec<_>>(),
            vec![ChildChange::MadeFromSession {
                session: session.id
            }],
            "{version}"
        );
        assert_eq!(
            encode_session(&session),
            before,
            "{version}: the session is written back byte for byte"
        );
        assert!(
            !before.contains("child_id"),
            "{version}: a session from before children names no child"
        );
        // Once made, the child is known: nothing more to make.
        assert!(missing_children(&[session], &children, NOW).is_empty());
    }
}

#[test]
fn two_children_of_the_same_name_are_never_joined_by_the_migration() {
    let sessions = [
        visit("Mia", "8", "2026-03-03", 1),
        visit("Mia", "8", "2026-05-12", 2),
    ];
    let children = missing_children(&sessions, &[], NOW);
    assert_eq!(children.len(), 2);
    assert_ne!(children[0].id, children[1].id);
}

#[test]
fn a_child_named_by_visits_without_a_record_is_made_from_the_newest_visit() {
    let mia = ChildId::from("c-mia");
    let mut older = visit("Mia", "7", "2025-03-03", 1);
    older.set_child_id(mia, NOW);
    let mut newer = visit("Mia B.", "8", "2026-05-12", 2);
    newer.set_child_id(mia, NOW);
    newer.set_child_language("de", NOW);
    let children = missing_children(&[newer.clone(), older], &[], NOW);
    assert_eq!(children.len(), 1);
    assert_eq!(children[0].id, mia);
    assert_eq!(children[0].alias, "Mia B.");
    assert_eq!(children[0].birth_year, Some(2018));
    assert_eq!(children[0].languages, vec!["de".to_owned()]);
    assert_eq!(
        children[0].history[0].what,
        ChildChange::MadeFromSession { session: newer.id }
    );
}

#[test]
fn a_childs_visits_are_newest_first_and_their_age_follows_the_year_of_birth() {
    let mia = ChildId::from("c-mia-2");
    let mut sessions = Vec::new();
    for (number, date) in ["2026-03-03", "2026-09-01", "2026-05-12"]
        .iter()
        .enumerate()
    {
        let mut s = visit("Mia", "8", date, number as u32);
        s.set_child_id(mia, NOW);
        sessions.push(s);
    }
    sessions.push(visit("Jonas", "12", "2026-10-01", 9));
    let dates: Vec<&str> = visits_of(&sessions, mia)
        .iter()
        .map(|s| s.date.as_str())
        .collect();
    assert_eq!(dates, ["2026-09-01", "2026-05-12", "2026-03-03"]);
    let record = ChildRecord::first_met_at(&sessions[0], NOW);
    assert_eq!(record.age_on("2026-12-01"), Some(8));
    assert_eq!(record.age_on("2027-01-10"), Some(9));
    assert_eq!(record.age_on("not a date"), None);
}

#[test]
fn a_new_visit_carries_over_what_is_the_childs_and_nothing_of_the_conversation() {
    let (mut child, mut last) = Session::start_first_visit(
        &NewSession {
            child_name: " Mia ".into(),
            age: "8".into(),
            worker_name: "Sam".into(),
            date: "2026-05-12".into(),
        },
        ChildId::from("c-mia-3"),
        SessionId::new(1_780_000_000_000, 7),
        Some("ar"),
        1_780_000_000_000,
    )
    .unwrap();
    assert_eq!(child.alias, "Mia");
    assert_eq!(child.birth_year, Some(2018));
    let helper = Helper::new(HelperKind::Dragon);
    last.choose_helper(helper, NOW);
    last.rename(Tool::ThreeHouses, Question::Dreams, "Wish castle", NOW);
    last.rename(Tool::WizardsAndFairies, Question::Worries, "Grumpy", NOW);
    last.decide(
        SharedItem::Name {
            tool: Tool::ThreeHouses,
            question: Question::Dreams,
        },
        Decision::shared_with([Audience::Mum]),
        NOW,
    );
    let oma = last.add_named_audience("Oma", NOW).unwrap();
    last.set_hidden(&Audience::Dad, true, NOW);
    let words = Words {
        text: "My cat Pepper".into(),
        voice: Voice::ChildSaidWorkerWrote,
    };
    let entry = last.add_words(Tool::ThreeHouses, Question::GoodThings, words, NOW);
    last.decide_sharing(
        Question::GoodThings,
        entry,
        Decision::shared_with([oma.clone()]),
        NOW,
    );
    last.set_worker_told("I will come back.", NOW);
    last.finish(NOW + 1);

    // Nearly two years later: Mia is 10 now.
    child.note_language("ar", NOW);
    let next = Session::start_next_visit(
        &child,
        Some(&last),
        "Alex",
        "2028-02-01",
        SessionId::new(NOW, 8),
        NOW + 2,
    )
    .unwrap();
    assert_eq!(next.child_id(), child.id);
    assert_eq!(next.child.name, "Mia");
    assert_eq!(next.child.age, Some(10));
    assert_eq!(next.worker, "Alex");
    assert_eq!(next.date, "2028-02-01");
    assert_eq!(next.helper, Some(helper));
    assert_eq!(next.child_language(), Some("ar"));
    assert_eq!(
        next.own_name(Tool::ThreeHouses, Question::Dreams),
        Some("Wish castle")
    );
    assert_eq!(
        next.own_name(Tool::WizardsAndFairies, Question::Worries),
        Some("Grumpy")
    );
    assert_eq!(
        next.own_name_shown_to(Tool::ThreeHouses, Question::Dreams, &Audience::Mum),
        Some("Wish castle"),
        "the child's decision about their name comes with it"
    );
    assert_eq!(
        next.own_name_shown_to(Tool::WizardsAndFairies, Question::Worries, &Audience::Mum),
        None,
        "an undecided name stays undecided"
    );
    assert_eq!(next.named_audiences(), ["Oma".to_owned()]);
    assert!(next.is_hidden(&Audience::Dad));
    assert!(!next.is_hidden(&Audience::Mum));
    // Nothing of the conversation: no entries, no decisions, not finished, nothing promised.
    for question in Question::ALL {
        assert!(next.entries(question).is_empty());
    }
    assert!(!next.is_finished());
    assert!(next.next_steps().is_empty());
    // The last visit is as it was.
    assert!(last.is_finished());
    assert_eq!(last.entries(Question::GoodThings).len(), 1);
}

#[test]
fn a_first_visit_of_a_child_without_visits_takes_the_childs_language() {
    let mut child = ChildRecord::first_met_at(&visit("Ada", "", "2026-01-01", 3), NOW);
    child.note_language("uk", NOW);
    let next =
        Session::start_next_visit(&child, None, "", "2026-02-01", SessionId::new(NOW, 4), NOW)
            .unwrap();
    assert_eq!(next.child.age, None);
    assert_eq!(next.child_language(), Some("uk"));
}

#[test]
fn joining_two_children_moves_every_visit_and_says_so_in_the_history() {
    let (mut mia, first) = Session::start_first_visit(
        &NewSession {
            child_name: "Mia".into(),
            age: "8".into(),
            worker_name: String::new(),
            date: "2026-03-03".into(),
        },
        ChildId::from("c-join-mia"),
        SessionId::new(NOW, 20),
        None,
        NOW,
    )
    .unwrap();
    let mut sessions = vec![first];
    let (maria, second) = Session::start_first_visit(
        &NewSession {
            child_name: "Maria".into(),
            age: "8".into(),
            worker_name: String::new(),
            date: "2026-05-12".into(),
        },
        ChildId::from("c-join-maria"),
        SessionId::new(NOW, 21),
        None,
        NOW,
    )
    .unwrap();
    sessions.push(second);
    let third = Session::start_next_visit(
        &maria,
        sessions.last(),
        "",
        "2026-06-01",
        SessionId::new(NOW, 22),
        NOW,
    )
    .unwrap();
    sessions.push(third);
    let words_before: Vec<String> = sessions.iter().map(encode_session).collect();

    let moved = join_children(&mut mia, &maria, &mut sessions, NOW + 5);
    assert_eq!(moved.len(), 2);
    assert_eq!(visits_of(&sessions, mia.id).len(), 3);
    assert!(visits_of(&sessions, maria.id).is_empty());
    assert_eq!(
        mia.history.last().unwrap().what,
        ChildChange::Joined {
            from: maria.id,
            alias: "Maria".into(),
            visits: 2
        }
    );
    // The visits keep their names and words; only the child they belong to changed.
    assert_eq!(sessions[1].child.name, "Maria");
    assert_eq!(encode_session(&sessions[0]), words_before[0]);
    // Joining a child with itself does nothing.
    let again = mia.clone();
    assert!(join_children(&mut mia, &again, &mut sessions, NOW + 6).is_empty());
    assert_eq!(mia.history.len(), again.history.len());
}

#[test]
fn moving_a_visit_is_kept_in_both_childrens_histories() {
    let mut jonas = ChildRecord::first_met_at(&visit("Jonas", "12", "2026-04-10", 30), NOW);
    let mut wrong = visit("Jonas", "12", "2026-04-10", 31);
    let mut from = ChildRecord::first_met_at(&wrong, NOW);
    assert!(move_visit(&mut wrong, &mut from, &mut jonas, NOW + 1));
    assert_eq!(wrong.child_id(), jonas.id);
    assert_eq!(
        from.history.last().unwrap().what,
        ChildChange::VisitMovedOut {
            session: wrong.id,
            to: jonas.id
        }
    );
    assert_eq!(
        jonas.history.last().unwrap().what,
        ChildChange::VisitMovedIn {
            session: wrong.id,
            from: from.id
        }
    );
    // Not from a child the visit is not under, and not to itself.
    let mut other = ChildRecord::first_met_at(&visit("Ada", "6", "2026-01-01", 32), NOW);
    assert!(!move_visit(&mut wrong, &mut other, &mut from, NOW + 2));
    let mut same = jonas.clone();
    assert!(!move_visit(&mut wrong, &mut jonas, &mut same, NOW + 3));
}

#[test]
fn renaming_a_child_keeps_the_earlier_alias_in_the_history_and_refuses_a_blank() {
    let mut child = ChildRecord::first_met_at(&visit("Mia", "8", "2026-03-03", 40), NOW);
    assert!(!child.rename("   ", NOW));
    assert!(!child.rename(" Mia ", NOW));
    assert!(child.rename(" Mia S. ", NOW + 1));
    assert_eq!(child.alias, "Mia S.");
    assert_eq!(
        child.history.last().unwrap().what,
        ChildChange::Renamed {
            from: "Mia".into(),
            to: "Mia S.".into()
        }
    );
}

#[test]
fn a_child_record_reads_and_writes_back_the_same() {
    let mut child = ChildRecord::made_from_session(&visit("Mia", "8", "2026-03-03", 50), NOW);
    child.note_language("de", NOW);
    child.rename("Mia S.", NOW + 1);
    let text = serde_json::to_string(&child).unwrap();
    let back: ChildRecord = serde_json::from_str(&text).unwrap();
    assert_eq!(back, child);
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
}

#[test]
fn the_version_1_child_fixture_reads_and_is_written_back_byte_for_byte() {
    use hear_me::store::record::{child_id_from_key, child_key, decode_child, encode_child};
    let raw = include_str!("fixtures/child-v1.json");
    let child = decode_child(raw).unwrap();
    assert_eq!(child.alias, "Mia");
    assert_eq!(child.birth_year, Some(2019));
    assert_eq!(child.history.len(), 2);
    assert_eq!(encode_child(&child), raw);
    assert_eq!(child_id_from_key(&child_key(&child.id)), Some(child.id));
    assert_eq!(
        child_id_from_key("hear-me/session/19ac4af1580-0badcafe"),
        None
    );
}

#[test]
fn an_index_line_names_the_child_only_when_it_is_not_the_sessions_own() {
    use hear_me::store::record::IndexEntry;
    let before_children = visit("Mia", "8", "2026-03-03", 60);
    let line = IndexEntry::of(&before_children);
    assert_eq!(line.child, None);
    assert_eq!(line.child_id(), ChildId::for_session(before_children.id));
    assert!(!serde_json::to_string(&line).unwrap().contains("child\""));
    let mut under_a_child = visit("Mia", "8", "2026-05-12", 61);
    under_a_child.set_child_id(ChildId::from("c-mia"), NOW);
    let line = IndexEntry::of(&under_a_child);
    assert_eq!(line.child_id(), ChildId::from("c-mia"));
    let back: IndexEntry = serde_json::from_str(&serde_json::to_string(&line).unwrap()).unwrap();
    assert_eq!(back, line);
}

#[test]
fn the_start_screen_lists_children_seen_most_recently_first_with_what_waits() {
    use hear_me::core::children::{alias_matches, overview};
    let (mia, mut march) = Session::start_first_visit(
        &NewSession {
            child_name: "Mia".into(),
            age: "8".into(),
            worker_name: String::new(),
            date: "2026-03-03".into(),
        },
        ChildId::from("c-list-mia"),
        SessionId::new(NOW, 70),
        None,
        NOW,
    )
    .unwrap();
    march.finish(NOW + 1);
    let may = Session::start_next_visit(
        &mia,
        Some(&march),
        "",
        "2026-05-12",
        SessionId::new(NOW, 71),
        NOW + 2,
    )
    .unwrap();
    let (jonas, mut april) = Session::start_first_visit(
        &NewSession {
            child_name: "Jonas".into(),
            age: "12".into(),
            worker_name: String::new(),
            date: "2026-04-10".into(),
        },
        ChildId::from("c-list-jonas"),
        SessionId::new(NOW, 72),
        None,
        NOW,
    )
    .unwrap();
    april.finish(NOW + 3);
    let empty = ChildRecord::first_met_at(&visit("Ada", "", "2026-01-01", 73), NOW);
    let sessions = [march, may.clone(), april];
    let rows = overview(&[jonas, empty, mia], &sessions, "2027-02-01");
    let aliases: Vec<&str> = rows.iter().map(|row| row.alias.as_str()).collect();
    assert_eq!(aliases, ["Mia", "Jonas", "Ada"]);
    assert_eq!(rows[0].age, Some(9), "a year later, Mia is 9");
    assert_eq!(rows[0].visits, 2);
    assert_eq!(rows[0].newest, Some((may.id, "2026-05-12".into())));
    assert!(rows[0].unfinished, "the May visit is not finished");
    assert!(!rows[1].unfinished);
    assert_eq!(rows[2].visits, 0);
    assert_eq!(rows[2].newest, None);
    assert!(alias_matches("Mia", " mi "));
    assert!(alias_matches("Jonas", ""));
    assert!(!alias_matches("Jonas", "mia"));
}

#[test]
fn the_start_screen_says_how_much_feedback_waits_for_each_child() {
    use hear_me::core::children::overview;
    let form = |name: &str, date: &str| NewSession {
        child_name: name.into(),
        age: "8".into(),
        worker_name: String::new(),
        date: date.into(),
    };
    let shared = |visit: &mut Session, question, text: &str, with: &[Audience]| {
        let words = Words {
            text: text.into(),
            voice: Voice::ChildSaidWorkerWrote,
        };
        let id = visit.add_words(Tool::ThreeHouses, question, words, NOW);
        let decision = if with.is_empty() {
            Some(Decision::Private)
        } else {
            Decision::shared_with(with.iter().cloned())
        };
        visit.decide_sharing(question, id, decision, NOW);
        id
    };
    let (mia, mut march) = Session::start_first_visit(
        &form("Mia", "2026-03-03"),
        ChildId::from("c-fb-mia"),
        SessionId::new(NOW, 80),
        None,
        NOW,
    )
    .unwrap();
    let cat = shared(&mut march, Question::GoodThings, "My cat", &[Audience::Mum]);
    shared(&mut march, Question::Worries, "Dad shouts", &[]);
    shared(&mut march, Question::Dreams, "A bike", &[Audience::Teacher]);
    march.finish(NOW + 1);
    // Mia's next visit goes on: what she shares there does not wait yet.
    let mut may = Session::start_next_visit(
        &mia,
        Some(&march),
        "",
        "2026-05-12",
        SessionId::new(NOW, 81),
        NOW + 2,
    )
    .unwrap();
    shared(&mut may, Question::GoodThings, "Swimming", &[Audience::Mum]);
    // Ada shared nothing with anyone.
    let (ada, mut april) = Session::start_first_visit(
        &form("Ada", "2026-04-10"),
        ChildId::from("c-fb-ada"),
        SessionId::new(NOW, 82),
        None,
        NOW,
    )
    .unwrap();
    shared(&mut april, Question::Worries, "Nothing to say", &[]);
    april.finish(NOW + 3);
    let mut sessions = vec![march, may, april];
    let waiting = |sessions: &[Session]| {
        overview(&[mia.clone(), ada.clone()], sessions, "2026-06-01")
            .into_iter()
            .map(|row| (row.alias, row.feedback_to_give))
            .collect::<Vec<_>>()
    };
    assert_eq!(waiting(&sessions), [("Mia".into(), 2), ("Ada".into(), 0)]);
    let about = hear_me::core::over_months::EarlierEntry {
        session: sessions[0].id,
        question: Question::GoodThings,
        entry: cat,
    };
    sessions[0]
        .add_feedback(
            Some(about),
            "Mum was glad.",
            vec![Audience::Mum],
            "",
            NOW + 4,
        )
        .unwrap();
    assert_eq!(waiting(&sessions), [("Mia".into(), 1), ("Ada".into(), 0)]);
}

#[test]
fn a_backup_carries_the_childrens_records_and_an_older_one_reads_without_them() {
    use hear_me::store::backup::{
        seal_records, seal_records_with_children, unseal_backup, BackupRandom,
    };
    use hear_me::store::record::{decode_child, encode_child};
    use hear_me::store::vault::{
        derive_key, DerivedKey, KdfParams, MIN_ITERATIONS, MIN_MEMORY_KIB, NONCE_BYTES, SALT_BYTES,
    };
    let params = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: MIN_ITERATIONS,
        ..KdfParams::recommended([5; SALT_BYTES])
    };
    let derived = || DerivedKey {
        key: derive_key("a backup passphrase", &params).unwrap(),
        params: params.clone(),
    };
    let random = BackupRandom {
        check_nonce: [1; NONCE_BYTES],
        sessions_nonce: [2; NONCE_BYTES],
    };
    let (child, first) = Session::start_first_visit(
        &NewSession {
            child_name: "Mia".into(),
            age: "8".into(),
            worker_name: String::new(),
            date: "2026-03-03".into(),
        },
        ChildId::from("c-backup-mia"),
        SessionId::new(NOW, 80),
        None,
        NOW,
    )
    .unwrap();
    let records = vec![encode_session(&first)];
    let file = seal_records_with_children(
        &records,
        &[encode_child(&child)],
        derived(),
        &random,
        NOW,
        "0.1.0",
    )
    .unwrap();
    let unsealed = unseal_backup(&file, &derived().key).unwrap();
    assert_eq!(unsealed.records, records);
    let back: Vec<ChildRecord> = unsealed
        .children
        .iter()
        .map(|r| decode_child(r).unwrap())
        .collect();
    assert_eq!(back, vec![child]);
    // A backup from before children: no records of them, and the sessions as before.
    let older = seal_records(&records, derived(), &random, NOW, "0.1.0").unwrap();
    let unsealed = unseal_backup(&older, &derived().key).unwrap();
    assert!(unsealed.children.is_empty());
    assert_eq!(unsealed.records, records);
}
