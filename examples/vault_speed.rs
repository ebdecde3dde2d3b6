//! `make bench`: the cost of encryption at rest natively (the browser numbers come from the
//! drawing bench): deriving the key with the app's Argon2id parameters, and sealing and
//! opening a record of a heavy session's size with AES-256-GCM. Numbers, not assertions.

use std::time::Instant;

use hear_me::store::vault::{derive_key, KdfParams, NONCE_BYTES, SALT_BYTES};

fn main() {
    let params = KdfParams::recommended([7; SALT_BYTES]);
    let start = Instant::now();
    let key = derive_key("a bench passphrase", &params).expect("the recommended parameters work");
    let derive = start.elapsed();
    println!(
        "Argon2id ({} KiB, {} passes), native: {:.0} ms",
        params.memory_kib,
        params.iterations,
        derive.as_secs_f64() * 1000.0
    );
    // About the size of the heavy session's record in the drawing bench.
    let record = vec![b'x'; 400 * 1024];
    let runs = 20;
    let start = Instant::now();
    let mut sealed = String::new();
    for run in 0..runs {
        sealed = key.seal("hear-me/session/bench", &record, [run as u8; NONCE_BYTES]);
    }
    let seal = start.elapsed() / runs;
    let start = Instant::now();
    for _ in 0..runs {
        key.open("hear-me/session/bench", &sealed).expect("opens");
    }
    let open = start.elapsed() / runs;
    let mb = record.len() as f64 / 1e6;
    println!(
        "AES-256-GCM (RustCrypto), native, {} KB record: seal {:.2} ms ({:.0} MB/s), open {:.2} ms",
        record.len() / 1024,
        seal.as_secs_f64() * 1000.0,
        mb / seal.as_secs_f64(),
        open.as_secs_f64() * 1000.0
    );
}
