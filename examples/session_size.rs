//! How many bytes a stored session takes, sealed as the app stores it in IndexedDB. For
//! `make bench`, which then says how many fit in the quota Chromium reports: the sizes are
//! also written to `target/session-sizes.json` for the browser bench.
//!
//! `cargo run --release --example session_size -- <drawing.json>`, where the file holds real
//! strokes (`tests/fixtures/recorded-drawing.json`). A typical session: the three houses with
//! two drawings each of those strokes and eight entries of words. A heavy one: 3 houses x 3
//! drawings x 200 strokes, as the drawing bench uses.

#[path = "shared/bench_sessions.rs"]
mod bench_sessions;

use hear_me::store::record::{encode_session_revision, session_key};
use hear_me::store::vault::{derive_key, KdfParams, MIN_ITERATIONS, MIN_MEMORY_KIB};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: session_size <drawing.json>");
        std::process::exit(2);
    };
    let strokes = bench_sessions::recorded_strokes(&path);
    // Sealing adds the same overhead whatever the key costs to derive.
    let params = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: MIN_ITERATIONS,
        ..KdfParams::recommended([1; 16])
    };
    let key = derive_key("bench", &params).unwrap();
    let strokes_in_drawing = strokes.len();
    println!("stored session size (sealed bytes, as in IndexedDB)");
    let mut sizes = Vec::new();
    for (name, label, session) in [
        (
            "typical",
            format!("typical (3 houses x 2 drawings x {strokes_in_drawing} strokes, 8 words)"),
            bench_sessions::typical(&strokes, 0),
        ),
        (
            "heavy",
            "heavy (3 houses x 3 drawings x 200 strokes, 9 words)".to_owned(),
            bench_sessions::session(&strokes, 3, 200, 9, 0),
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
