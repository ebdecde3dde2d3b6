//! `make bench`: how long a backup of 50 typical sessions takes to make and to read back
//! (restore) natively, with the app's Argon2id parameters, and how large the file is.
//! Numbers, not assertions.
//!
//! `cargo run --release --example backup_speed -- [drawing.json]`, where the file holds real
//! strokes (by default `tests/fixtures/recorded-drawing.json`). A typical session is the one
//! `session_size` measures: the three houses with two drawings each of those strokes and
//! eight entries of words (its builder is copied here, examples share no module).

use std::time::Instant;

use hear_me::core::ink::Stroke;
use hear_me::core::{NewSession, Question, Session, SessionId, Tool, Voice, Words};
use hear_me::store::backup::{make_backup, read_backup, BackupRandom};
use hear_me::store::vault::{derive_key, KdfParams, NONCE_BYTES, SALT_BYTES};
use serde::Deserialize;

const SESSIONS: usize = 50;

#[derive(Deserialize)]
struct PlainDrawing {
    strokes: Vec<Stroke>,
}

/// A typical session: two drawings per house of every recorded stroke, and eight entries of
/// words. `number` makes its id its own.
fn typical_session(strokes: &[Stroke], number: usize) -> Session {
    let form = NewSession {
        child_name: "Mia".into(),
        age: "8".into(),
        worker_name: "Sam".into(),
        date: "2026-11-30".into(),
    };
    let created = 1_764_500_000_000 + number as u64;
    let mut session =
        Session::start(&form, SessionId::new(created, number as u32), created).unwrap();
    for question in Question::ALL {
        for _ in 0..2 {
            let id = session.add_drawing(Tool::ThreeHouses, question, 1);
            for stroke in strokes {
                session.add_stroke(question, id, stroke.clone(), 2);
            }
        }
    }
    for number in 0..8 {
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
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/recorded-drawing.json"
        )
        .into()
    });
    let plain: PlainDrawing = std::fs::read_to_string(&path)
        .map_err(|error| error.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|error| error.to_string()))
        .unwrap_or_else(|error| {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        });
    let sessions: Vec<Session> = (0..SESSIONS)
        .map(|number| typical_session(&plain.strokes, number))
        .collect();
    let params = KdfParams::recommended([7; SALT_BYTES]);
    let random = BackupRandom {
        check_nonce: [1; NONCE_BYTES],
        sessions_nonce: [2; NONCE_BYTES],
    };
    let passphrase = "a bench backup passphrase";

    let start = Instant::now();
    let file = make_backup(
        &sessions,
        passphrase,
        params.clone(),
        &random,
        0,
        env!("CARGO_PKG_VERSION"),
    )
    .expect("the recommended parameters work");
    let make = start.elapsed();
    let start = Instant::now();
    let backup = read_backup(&file, passphrase).expect("the backup reads back");
    let read = start.elapsed();
    assert_eq!(backup.sessions.len(), SESSIONS);
    // Both make and read derive the key once; the rest is the sessions' own cost.
    let start = Instant::now();
    derive_key(passphrase, &params).expect("the recommended parameters work");
    let derive = start.elapsed();

    println!(
        "backup of {SESSIONS} typical sessions (Argon2id {} KiB, {} passes), native:",
        params.memory_kib, params.iterations
    );
    println!(
        "  file {:.1} KB ({} B), make {:.0} ms, read and check (restore) {:.0} ms",
        file.len() as f64 / 1000.0,
        file.len(),
        make.as_secs_f64() * 1000.0,
        read.as_secs_f64() * 1000.0
    );
    println!(
        "  of each, Argon2id {:.0} ms",
        derive.as_secs_f64() * 1000.0
    );
}
