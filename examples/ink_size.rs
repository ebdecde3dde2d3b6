//! How many bytes a drawing takes in storage: the compact ink format (binary, and the base64
//! text that is actually stored) against plain JSON point arrays. For `make bench`.
//!
//! `cargo run --release --example ink_size -- <drawing.json>`, where the file holds
//! `{"strokes": [...], "stamps": [...]}` in the version 1 stroke format (stamps optional).

use std::time::Instant;

use hear_me::core::ink::codec::{decode_drawing, drawing_to_base64, encode_drawing};
use hear_me::core::ink::{Stamp, Stroke};
use hear_me::core::Drawing;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct PlainDrawing {
    strokes: Vec<Stroke>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stamps: Vec<Stamp>,
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ink_size <drawing.json>");
        std::process::exit(2);
    };
    let plain: PlainDrawing = match std::fs::read_to_string(&path)
        .map_err(|error| error.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|error| error.to_string()))
    {
        Ok(plain) => plain,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        }
    };
    let points: usize = plain.strokes.iter().map(|s| s.points.len()).sum();
    let pen_points: usize = plain
        .strokes
        .iter()
        .filter(|s| s.pen)
        .map(|s| s.points.len())
        .sum();
    let json_bytes = serde_json::to_string(&plain)
        .expect("a drawing serialises")
        .len();
    let drawing = Drawing {
        strokes: plain.strokes,
        stamps: plain.stamps,
    };
    let binary = encode_drawing(&drawing).len();
    let base64 = drawing_to_base64(&drawing).len();
    let per_point = |bytes: usize| bytes as f64 / points.max(1) as f64;
    println!(
        "ink size of {path}: {} strokes, {points} points ({pen_points} with pen pressure)",
        drawing.strokes.len()
    );
    println!(
        "  stored ink: {binary} B binary = {:.2} B/point, {base64} B as base64 = {:.2} B/point",
        per_point(binary),
        per_point(base64)
    );
    println!(
        "  plain JSON point arrays: {json_bytes} B = {:.2} B/point",
        per_point(json_bytes)
    );
    // Every save encodes the whole session again, so encoding must stay cheap: time it on
    // this drawing repeated to 500 strokes (native, release; wasm in a browser is slower).
    let mut big = Drawing::default();
    while big.strokes.len() < 500 {
        big.strokes.extend(drawing.strokes.iter().cloned());
    }
    big.strokes.truncate(500);
    let big_points: usize = big.strokes.iter().map(|s| s.points.len()).sum();
    let rounds = 20;
    let started = Instant::now();
    let mut bytes = Vec::new();
    for _ in 0..rounds {
        bytes = encode_drawing(&big);
    }
    let encode_ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
    let started = Instant::now();
    for _ in 0..rounds {
        decode_drawing(&bytes).expect("what was just encoded decodes");
    }
    let decode_ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
    println!(
        "  500 strokes ({big_points} points), native: encode {encode_ms:.2} ms, decode {decode_ms:.2} ms"
    );
}
