//! The sessions the benchmarks measure, made from real recorded strokes; shared by the
//! examples through `#[path]` (examples cannot share a module otherwise).

use hear_me::core::ink::Stroke;
use hear_me::core::{NewSession, Question, Session, SessionId, Tool, Voice, Words};
use serde::Deserialize;

#[derive(Deserialize)]
struct PlainDrawing {
    strokes: Vec<Stroke>,
}

/// The strokes of a recorded drawing (`tests/fixtures/recorded-drawing.json`); exits with a
/// message when the file cannot be read.
pub fn recorded_strokes(path: &str) -> Vec<Stroke> {
    std::fs::read_to_string(path)
        .map_err(|error| error.to_string())
        .and_then(|text| {
            serde_json::from_str::<PlainDrawing>(&text).map_err(|error| error.to_string())
        })
        .map(|plain| plain.strokes)
        .unwrap_or_else(|error| {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        })
}

/// A session with `drawings` drawings per house of `strokes_each` strokes (taken in turn
/// from `strokes`), and `words` words entries in all; `number` makes its id its own.
pub fn session(
    strokes: &[Stroke],
    drawings: usize,
    strokes_each: usize,
    words: usize,
    number: usize,
) -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "8".into(),
        worker_name: "Sam".into(),
        date: "2026-11-30".into(),
    };
    let created = 1_764_500_000_000 + number as u64;
    let mut session =
        Session::start(&form, SessionId::new(created, number as u32), created).unwrap();
    let mut next = strokes.iter().cycle();
    for question in Question::ALL {
        for _ in 0..drawings {
            let id = session.add_drawing(Tool::ThreeHouses, question, 1);
            for _ in 0..strokes_each {
                session.add_stroke(question, id, next.next().unwrap().clone(), 2);
            }
        }
    }
    for number in 0..words {
        let text = format!("The child's words, a sentence of ordinary length, number {number}.");
        let voice = Voice::ChildSaidWorkerWrote;
        session.add_words(
            Tool::ThreeHouses,
            Question::ALL[number % 3],
            Words { text, voice },
            3,
        );
    }
    session
}

/// A typical session: the three houses with two drawings each of every recorded stroke, and
/// eight entries of words.
pub fn typical(strokes: &[Stroke], number: usize) -> Session {
    session(strokes, 2, strokes.len(), 8, number)
}
