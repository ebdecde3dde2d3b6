//! `make bench`: how long a backup of 50 typical sessions takes to make and to read back
//! (restore) natively, with the app's Argon2id parameters, and how large the file is.
//! Numbers, not assertions.
//!
//! `cargo run --release --example backup_speed -- [drawing.json] [--write file.hearme]`,
//! where the drawing holds real strokes (by default `tests/fixtures/recorded-drawing.json`);
//! `--write` keeps the backup (passphrase "a bench backup passphrase"), which
//! `tests/bench/main-thread.mjs` restores in the browser. A typical session is the one
//! `session_size` measures: the three houses with two drawings each of those strokes and
//! eight entries of words (`shared/bench_sessions.rs`).

#[path = "shared/bench_sessions.rs"]
mod bench_sessions;

use std::time::Instant;

use hear_me::core::Session;
use hear_me::store::backup::{make_backup, read_backup, BackupRandom};
use hear_me::store::vault::{derive_key, KdfParams, NONCE_BYTES, SALT_BYTES};

const SESSIONS: usize = 50;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let write_to = args.iter().position(|arg| arg == "--write").map(|at| {
        let path = args
            .get(at + 1)
            .cloned()
            .expect("--write needs a file name");
        args.drain(at..=at + 1);
        path
    });
    let path = args.first().cloned().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/recorded-drawing.json"
        )
        .into()
    });
    let strokes = bench_sessions::recorded_strokes(&path);
    let sessions: Vec<Session> = (0..SESSIONS)
        .map(|number| bench_sessions::typical(&strokes, number))
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
    if let Some(write_to) = &write_to {
        std::fs::write(write_to, &file).expect("the backup can be written");
    }
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
