//! How many bytes a stored session takes, sealed as the app stores it in IndexedDB. For
//! `make bench`, which then says how many fit in the quota Chromium reports: the sizes are
//! also written to `target/session-sizes.json` for the browser bench.
//!
//! `cargo run --release --example session_size -- <drawing.json>`, where the file holds real
//! strokes (`tests/fixtures/recorded-drawing.json`). A typical session: the three houses with
//! two drawings each of those strokes and eight entries of words. A heavy one: 3 houses x 3
//! drawings x 200 strokes, as the drawing bench uses.

use hear_me::core::ink::Stroke;
use hear_me::core::{NewSession, Question, Session, SessionId, Tool, Voice, Words};
use hear_me::store::record::{encode_session_revision, session_key};
use hear_me::store::vault::{derive_key, KdfParams, MIN_ITERATIONS, MIN_MEMORY_KIB};
use serde::Deserialize;

#[derive(Deserialize)]
struct PlainDrawing {
    strokes: Vec<Stroke>,
}

/// A session with `drawings` drawings per house of `strokes_each` strokes, and `words` words
/// entries in all.
fn session(strokes: &[Stroke], drawings: usize, strokes_each: usize, words: usize) -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "8".into(),
        worker_name: "Sam".into(),
        date: "2026-11-30".into(),
    };
    let mut session = Session::start(&form, SessionId::new(1_764_500_000_000, 7), 0).unwrap();
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

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: session_size <drawing.json>");
        std::process::exit(2);
    };
    let plain: PlainDrawing = std::fs::read_to_string(&path)
        .map_err(|error| error.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|error| error.to_string()))
        .unwrap_or_else(|error| {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        });
    // Sealing adds the same overhead whatever the key costs to derive.
    let params = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: MIN_ITERATIONS,
        ..KdfParams::recommended([1; 16])
    };
    let key = derive_key("bench", &params).unwrap();
    let strokes_in_drawing = plain.strokes.len();
    println!("stored session size (sealed bytes, as in IndexedDB)");
    let mut sizes = Vec::new();
    for (name, label, session) in [
        (
            "typical",
            format!("typical (3 houses x 2 drawings x {strokes_in_drawing} strokes, 8 words)"),
            session(&plain.strokes, 2, strokes_in_drawing, 8),
        ),
        (
            "heavy",
            "heavy (3 houses x 3 drawings x 200 strokes, 9 words)".to_owned(),
            session(&plain.strokes, 3, 200, 9),
        ),
    ] {
        let storage_key = session_key(&session.id);
        let record = encode_session_revision(&session, 1);
        let sealed = key.seal_bytes(&storage_key, record.as_bytes(), [0; 12]);
        println!(
            "  {label}: record {} B, sealed {} B",
            record.len(),
            sealed.len()
        );
        sizes.push(format!("\"{name}\": {}", sealed.len()));
    }
    let json = format!("{{ {} }}\n", sizes.join(", "));
    if let Err(error) = std::fs::write("target/session-sizes.json", json) {
        eprintln!("cannot write target/session-sizes.json: {error}");
    }
}
