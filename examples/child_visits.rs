//! Writes a backup of two children seen over several visits, for the end-to-end tests of
//! the child over months: Mia (8), seen on 3 March and 12 May 2026 and starting a third
//! visit on 1 September (nothing in it yet), and Jonas (12), seen on 10 April and 20 June
//! 2026 (that visit not finished). Each visit before has words and a drawing in the houses,
//! with the child's sharing decisions; the finished visits say what the worker told the
//! child would happen next; Mia chose a helper and named her House of Dreams.
//!
//! `cargo run --example child_visits -- tests/fixtures/two-children.hearme`
//! (passphrase "two children over months").

use hear_me::core::child::ChildId;
use hear_me::core::ink::{Point, Stroke};
use hear_me::core::{
    Audience, Decision, Helper, HelperKind, NewSession, Question, Session, SessionId, Tool, Voice,
    Words,
};
use hear_me::store::backup::{make_backup, BackupRandom};
use hear_me::store::vault::{KdfParams, NONCE_BYTES, SALT_BYTES};

pub const PASSPHRASE: &str = "two children over months";

/// Milliseconds since the epoch at noon UTC of a `YYYY-MM-DD` day of 2026.
fn noon(date: &str) -> u64 {
    let month: u64 = date[5..7].parse().unwrap();
    let day: u64 = date[8..10].parse().unwrap();
    const DAYS_BEFORE: [u64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let days_since_2026 = DAYS_BEFORE[month as usize - 1] + day - 1;
    (1_767_225_600 + days_since_2026 * 86_400 + 12 * 3600) * 1000
}

fn words(text: &str) -> Words {
    Words {
        text: text.into(),
        voice: Voice::ChildSaidWorkerWrote,
    }
}

fn a_line(from: (u16, u16), to: (u16, u16)) -> Stroke {
    let points = (0..=10u16)
        .map(|step| Point {
            x: from.0 + (to.0 - from.0) * step / 10,
            y: from.1 + (to.1 - from.1) * step / 10,
            pressure: 128,
        })
        .collect();
    Stroke {
        colour: "#1f5fa8".into(),
        width: 24,
        points,
        pen: false,
        nib: Default::default(),
    }
}

struct Visit<'a> {
    child: &'a str,
    child_id: &'a str,
    age: &'a str,
    date: &'a str,
    /// (question, the child's words, shared with)
    entries: &'a [(Question, &'a str, &'a [Audience])],
    worker_told: &'a str,
    finished: bool,
}

fn visit(visit: &Visit, number: u32) -> Session {
    let at = noon(visit.date);
    let form = NewSession {
        child_name: visit.child.into(),
        age: visit.age.into(),
        worker_name: "Sam Berger".into(),
        date: visit.date.into(),
    };
    let mut session = Session::start(&form, SessionId::new(at, number), at).unwrap();
    session.set_child_id(ChildId::from(visit.child_id), at);
    if visit.child == "Mia" {
        session.choose_helper(Helper::new(HelperKind::Dragon), at + 1);
        session.rename(Tool::ThreeHouses, Question::Dreams, "Wish castle", at + 2);
    }
    for (number, (question, text, shared)) in visit.entries.iter().enumerate() {
        let when = at + 10 + number as u64;
        let id = session.add_words(Tool::ThreeHouses, *question, words(text), when);
        let decision = if shared.is_empty() {
            Some(Decision::Private)
        } else {
            Decision::shared_with(shared.iter().cloned())
        };
        session.decide_sharing(*question, id, decision, when + 1);
    }
    if visit.entries.is_empty() {
        return session;
    }
    let drawing = session.add_drawing(Tool::ThreeHouses, Question::GoodThings, at + 50);
    session.add_stroke(
        Question::GoodThings,
        drawing,
        a_line((200, 300), (1400, 900)),
        at + 51,
    );
    session.decide_sharing(
        Question::GoodThings,
        drawing,
        Decision::shared_with([Audience::Mum]),
        at + 52,
    );
    session.set_worker_told(visit.worker_told, at + 60);
    if visit.finished {
        session.finish(at + 3_600_000);
    }
    session
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("give the file to write, e.g. tests/fixtures/two-children.hearme");
    use Audience::{Mum, Teacher};
    let visits = [
        Visit {
            child: "Mia",
            child_id: "c-mia",
            age: "8",
            date: "2026-03-03",
            entries: &[
                (
                    Question::Worries,
                    "Lunchtimes at school are hard",
                    &[Teacher],
                ),
                (Question::Worries, "Dad shouts at night", &[]),
                (Question::GoodThings, "My cat Pepper", &[Mum, Teacher]),
                (Question::Dreams, "A bike of my own", &[Mum]),
            ],
            worker_told: "I will talk to your teacher about lunchtimes.",
            finished: true,
        },
        Visit {
            child: "Mia",
            child_id: "c-mia",
            age: "8",
            date: "2026-05-12",
            entries: &[
                (Question::Worries, "Dad shouts at night", &[]),
                (Question::GoodThings, "Swimming on Saturdays", &[Mum]),
                (Question::Dreams, "A bike of my own", &[Mum]),
            ],
            worker_told: "I will come back after the summer.",
            finished: true,
        },
        Visit {
            child: "Mia",
            child_id: "c-mia",
            age: "8",
            date: "2026-09-01",
            entries: &[],
            worker_told: "",
            finished: false,
        },
        Visit {
            child: "Jonas",
            child_id: "c-jonas",
            age: "12",
            date: "2026-04-10",
            entries: &[
                (Question::Worries, "Mum is sad a lot", &[Teacher]),
                (Question::GoodThings, "Football with Ali", &[Mum]),
            ],
            worker_told: "I will ask Mum's doctor to call her.",
            finished: true,
        },
        Visit {
            child: "Jonas",
            child_id: "c-jonas",
            age: "12",
            date: "2026-06-20",
            entries: &[(Question::Dreams, "To go to the big school with Ali", &[Mum])],
            worker_told: "",
            finished: false,
        },
    ];
    let sessions: Vec<Session> = visits
        .iter()
        .enumerate()
        .map(|(number, v)| visit(v, number as u32))
        .collect();
    let random = BackupRandom {
        check_nonce: [3; NONCE_BYTES],
        sessions_nonce: [4; NONCE_BYTES],
    };
    let file = make_backup(
        &sessions,
        PASSPHRASE,
        KdfParams::recommended([9; SALT_BYTES]),
        &random,
        noon("2026-06-21"),
        env!("CARGO_PKG_VERSION"),
    )
    .expect("the recommended parameters work");
    std::fs::write(&path, file).expect("the backup can be written");
    println!("wrote {path}: {} visits of 2 children", sessions.len());
}
