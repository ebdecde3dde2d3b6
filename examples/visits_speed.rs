//! `make bench`: what years of visits cost natively, with the app's own encoding and
//! AES-256-GCM: a stroke's save (what happens inside the tap) in a light and a heavy visit,
//! the unlock of a tablet with 200 children x 10 typical visits, and opening a child with 30
//! visits. Numbers, not assertions; the browser's stroke save comes from the drawing bench.
//!
//! `cargo run --release --example visits_speed -- tests/fixtures/recorded-drawing.json`

#[path = "shared/bench_sessions.rs"]
mod bench_sessions;

use std::time::{Duration, Instant};

use hear_me::core::children::visits_of;
use hear_me::core::ink::Stroke;
use hear_me::core::{ChildId, Question, Session, Tool};
use hear_me::store::ink_log::{encode_ink_log, ink_key, InkStroke};
use hear_me::store::record::{decode_session_revision, encode_session_revision, session_key};
use hear_me::store::vault::{
    derive_key, KdfParams, VaultKey, MIN_ITERATIONS, MIN_MEMORY_KIB, NONCE_BYTES,
};

fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}

/// The median of `runs` runs of `work`.
fn median(runs: usize, mut work: impl FnMut(usize)) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|run| {
            let start = Instant::now();
            work(run);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// A visit with one drawing of `count` strokes (taken in turn from the recorded ones) and
/// eight entries of words.
fn visit_with_strokes(strokes: &[Stroke], count: usize, number: usize) -> Session {
    let mut session = bench_sessions::session(strokes, 0, 0, 8, number);
    let entry = session.add_drawing(Tool::ThreeHouses, Question::Worries, 1);
    for stroke in strokes.iter().cycle().take(count) {
        session.add_stroke(Question::Worries, entry, stroke.clone(), 2);
    }
    session
}

/// A stroke's save as the app makes it today: the whole visit encoded and sealed anew.
fn full_save(key: &VaultKey, session: &Session) -> usize {
    let storage_key = session_key(&session.id);
    let text = encode_session_revision(session, 2);
    key.seal_bytes(&storage_key, text.as_bytes(), [3; NONCE_BYTES])
        .len()
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: visits_speed <drawing.json>");
        std::process::exit(2);
    };
    let strokes = bench_sessions::recorded_strokes(&path);
    // Sealing costs the same whatever the key costs to derive.
    let params = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: MIN_ITERATIONS,
        ..KdfParams::recommended([1; 16])
    };
    let key = derive_key("bench", &params).unwrap();

    for count in [5, 2000] {
        let session = visit_with_strokes(&strokes, count, 1);
        let mut size = 0;
        let time = median(41, |_| size = full_save(&key, &session));
        println!(
            "a stroke's save, the whole visit sealed anew (visit of {count} strokes, {size} B sealed), native: {}",
            ms(time)
        );
        // What the app does now: the stroke alone, sealed as a record of the visit's ink log.
        let ink = InkStroke {
            question: Question::Worries,
            entry: session.entries(Question::Worries).last().unwrap().id,
            stroke: strokes[count % strokes.len()].clone(),
            at_ms: 3,
        };
        let time = median(41, |run| {
            let storage_key = ink_key(&session.id, 2, run as u32);
            let text = encode_ink_log(2, &ink);
            size = key
                .seal_bytes(&storage_key, text.as_bytes(), [3; NONCE_BYTES])
                .len();
        });
        println!(
            "a stroke's save as a record of the ink log (visit of {count} strokes, {size} B sealed), native: {}",
            ms(time)
        );
    }

    // 200 children x 10 typical visits, sealed as stored; unlock opens and decodes them all.
    let typical = bench_sessions::typical(&strokes, 0);
    let stored: Vec<(String, Vec<u8>)> = (0..2000)
        .map(|number| {
            let mut visit = typical.clone();
            visit.id = bench_sessions::session(&strokes, 0, 0, 0, number).id;
            visit.set_child_id(ChildId::from(format!("c-{}", number / 10).as_str()), 3);
            let storage_key = session_key(&visit.id);
            let text = encode_session_revision(&visit, 1);
            let sealed = key.seal_bytes(&storage_key, text.as_bytes(), [5; NONCE_BYTES]);
            (storage_key, sealed)
        })
        .collect();
    let bytes: usize = stored.iter().map(|(_, sealed)| sealed.len()).sum();
    let start = Instant::now();
    let opened: Vec<Session> = stored
        .iter()
        .map(|(storage_key, sealed)| {
            let text = key.open_bytes(storage_key, sealed).expect("opens");
            decode_session_revision(std::str::from_utf8(&text).unwrap())
                .expect("decodes")
                .0
        })
        .collect();
    println!(
        "unlock with 200 children x 10 typical visits ({} MB sealed): opening and decoding every record, native: {}",
        bytes / 1_000_000,
        ms(start.elapsed())
    );

    // One child with 30 visits among them: the visits are in memory; opening the child
    // finds and lists them.
    let mut all = opened;
    for number in 0..30 {
        let mut visit = typical.clone();
        visit.id = bench_sessions::session(&strokes, 0, 0, 0, 10_000 + number).id;
        visit.set_child_id(ChildId::from("c-thirty"), 3);
        all.push(visit);
    }
    let child = ChildId::from("c-thirty");
    let mut found = 0;
    let time = median(41, |_| {
        let rows: Vec<(String, bool)> = visits_of(&all, child)
            .into_iter()
            .map(|s| (s.date.clone(), s.is_finished()))
            .collect();
        found = rows.len();
    });
    println!(
        "opening a child with {found} visits among {} (finding and listing them), native: {}",
        all.len(),
        ms(time)
    );
}
