//! Keeping and letting go (issue 25): a closed case, "Keep for now", and which children
//! the worker is asked about at unlock, with a clock; and a backup of the children picked.

use hear_me::core::child::{ChildChange, ChildRecord};
use hear_me::core::children::due_for_retention;
use hear_me::core::retention::RetentionPeriod;
use hear_me::core::{NewSession, Session, SessionId};

/// Noon UTC on 7 December 2026, and one day in milliseconds.
const DEC_7: u64 = 1_796_644_800_000;
const DAY: u64 = 86_400_000;

fn visit(name: &str, date: &str, number: u32) -> Session {
    let form = NewSession {
        child_name: name.into(),
        age: "8".into(),
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

fn child_of(visit: &Session) -> ChildRecord {
    ChildRecord::first_met_at(visit, 1_780_000_000_000)
}

#[test]
fn closing_and_reopening_a_case_is_kept_in_the_history_and_closing_twice_keeps_the_first() {
    let mia = visit("Mia", "2026-05-12", 1);
    let mut record = child_of(&mia);
    assert!(record.closed.is_none());
    assert!(
        !record.reopen_case(DEC_7),
        "an open case cannot be reopened"
    );
    assert!(!record.keep_for_now(DEC_7), "only a closed case is kept");
    assert!(record.close_case(DEC_7));
    assert!(
        !record.close_case(DEC_7 + DAY),
        "closed once, from the first closing"
    );
    assert_eq!(record.closed.as_ref().unwrap().at_ms, DEC_7);
    assert!(record.keep_for_now(DEC_7 + DAY));
    assert_eq!(
        record.closed.as_ref().unwrap().kept_at_ms,
        Some(DEC_7 + DAY)
    );
    assert!(record.reopen_case(DEC_7 + 2 * DAY));
    assert!(record.closed.is_none());
    let kinds: Vec<&ChildChange> = record.history.iter().map(|event| &event.what).collect();
    assert_eq!(
        kinds,
        [&ChildChange::CaseClosed, &ChildChange::CaseReopened],
        "keeping for now is an answer, not a change of the case"
    );
}

#[test]
fn only_closed_cases_past_the_period_after_their_last_visit_are_asked_about() {
    let mia_march = visit("Mia", "2026-03-03", 1);
    let mia_may = visit("Mia", "2026-05-12", 2);
    let mut mia_sept = visit("Mia", "2026-09-01", 3);
    let jonas = visit("Jonas", "2026-04-10", 4);
    let lea = visit("Lea", "2026-01-20", 5);
    let mut mia = child_of(&mia_march);
    // Mia's three visits are one child's.
    let mut mia_may = mia_may;
    mia_may.set_child_id(mia.id, 1_780_000_000_000);
    mia_sept.set_child_id(mia.id, 1_780_000_000_000);
    let jonas_record = child_of(&jonas);
    let mut lea_record = child_of(&lea);
    let sessions = vec![mia_march, mia_may, mia_sept, jonas, lea];
    let period = RetentionPeriod::DEFAULT;

    // Nobody closed: nobody asked, however late.
    let all =
        |mia: &ChildRecord, lea: &ChildRecord| vec![mia.clone(), jonas_record.clone(), lea.clone()];
    assert!(due_for_retention(&all(&mia, &lea_record), &sessions, period, "2030-01-01").is_empty());

    mia.close_case(DEC_7);
    lea_record.close_case(DEC_7);
    // Lea's last visit was 20 January: due since 20 July. Mia's last is 1 September: not yet.
    assert_eq!(
        due_for_retention(&all(&mia, &lea_record), &sessions, period, "2026-12-07"),
        vec![lea_record.id]
    );
    assert!(due_for_retention(&all(&mia, &lea_record), &sessions, period, "2026-07-19").is_empty());
    // From 1 March 2027 both, the one seen longest ago first; Jonas (open) never.
    assert_eq!(
        due_for_retention(&all(&mia, &lea_record), &sessions, period, "2027-03-01"),
        vec![lea_record.id, mia.id]
    );
    // A longer period in Settings waits longer.
    let year = RetentionPeriod { months: 12 };
    assert_eq!(
        due_for_retention(&all(&mia, &lea_record), &sessions, year, "2027-03-01"),
        vec![lea_record.id]
    );
}

#[test]
fn keep_for_now_is_not_asked_again_until_one_period_after_the_answer() {
    let lea = visit("Lea", "2026-01-20", 5);
    let mut record = child_of(&lea);
    let sessions = vec![lea];
    let period = RetentionPeriod::DEFAULT;
    record.close_case(DEC_7 - 30 * DAY);
    assert_eq!(
        due_for_retention(
            std::slice::from_ref(&record),
            &sessions,
            period,
            "2026-12-07"
        ),
        vec![record.id]
    );
    record.keep_for_now(DEC_7);
    let asked = |today| due_for_retention(std::slice::from_ref(&record), &sessions, period, today);
    assert!(asked("2026-12-07").is_empty());
    assert!(asked("2027-06-06").is_empty());
    assert_eq!(asked("2027-06-07"), vec![record.id]);
}

#[test]
fn a_backup_holds_every_visit_of_the_children_left_checked_and_none_of_the_others() {
    use hear_me::core::children::visits_for_backup;
    use std::collections::BTreeSet;
    let mia_march = visit("Mia", "2026-03-03", 1);
    let mut mia_may = visit("Mia", "2026-05-12", 2);
    let mia = child_of(&mia_march);
    mia_may.set_child_id(mia.id, 1_780_000_000_000);
    let jonas = visit("Jonas", "2026-04-10", 3);
    let jonas_id = jonas.child_id();
    let sessions = vec![mia_march, mia_may, jonas];
    let ids = |left_out: &BTreeSet<_>| {
        visits_for_backup(&sessions, left_out)
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>()
    };
    // All by default.
    assert_eq!(ids(&BTreeSet::new()).len(), 3);
    // Mia left out: Jonas only; Jonas left out: both of Mia's visits.
    assert_eq!(ids(&BTreeSet::from([mia.id])), vec![sessions[2].id]);
    assert_eq!(
        ids(&BTreeSet::from([jonas_id])),
        vec![sessions[0].id, sessions[1].id]
    );
    assert!(ids(&BTreeSet::from([mia.id, jonas_id])).is_empty());
}
