//! Property tests of the stored-ink codec: every drawing comes back exactly, and no byte
//! string or text, however damaged, makes reading panic.
#![cfg(not(target_arch = "wasm32"))]

use hear_me::core::ink::base64::{base64_decode, base64_encode};
use hear_me::core::ink::codec::{
    decode_drawing, drawing_from_base64, drawing_to_base64, encode_drawing,
};
use hear_me::core::ink::{Nib, Point, Stamp, StampKind, Stroke};
use hear_me::core::Drawing;
use proptest::prelude::*;

mod common;
use common::strategies::any_drawing;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Coordinates are kept in whole logical units, so the quantisation step is zero: the
    /// drawing comes back exactly, pressure, colours, widths, nib, pen and stamps included.
    #[test]
    fn every_drawing_comes_back_exactly(drawing in any_drawing()) {
        let bytes = encode_drawing(&drawing);
        prop_assert_eq!(decode_drawing(&bytes), Ok(drawing.clone()));
        prop_assert_eq!(drawing_from_base64(&drawing_to_base64(&drawing)), Ok(drawing));
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_drawing(&bytes);
    }

    #[test]
    fn random_bytes_after_the_version_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..300)
    ) {
        let mut versioned = vec![1u8];
        versioned.extend(bytes);
        let _ = decode_drawing(&versioned);
    }

    #[test]
    fn every_cut_of_a_valid_drawing_is_an_error(drawing in any_drawing()) {
        let bytes = encode_drawing(&drawing);
        for cut in 0..bytes.len() {
            prop_assert!(decode_drawing(&bytes[..cut]).is_err(), "cut at {}", cut);
        }
    }

    #[test]
    fn one_changed_byte_never_panics(
        drawing in any_drawing(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = encode_drawing(&drawing);
        let at = at.index(bytes.len());
        bytes[at] = byte;
        if let Ok(decoded) = decode_drawing(&bytes) {
            // Whatever reads must encode again without trouble.
            let _ = encode_drawing(&decoded);
        }
    }

    #[test]
    fn random_text_never_panics_as_base64(text in ".{0,80}") {
        let _ = base64_decode(&text);
        let _ = drawing_from_base64(&text);
    }

    #[test]
    fn base64_like_text_never_panics(text in "[A-Za-z0-9+/=]{0,80}") {
        if let Ok(bytes) = base64_decode(&text) {
            // Only the one canonical spelling of the bytes is read.
            prop_assert_eq!(base64_encode(&bytes), text.clone());
        }
        let _ = drawing_from_base64(&text);
    }

    #[test]
    fn base64_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..100)) {
        prop_assert_eq!(base64_decode(&base64_encode(&bytes)), Ok(bytes));
    }
}

/// Drawings the JavaScript decoder in `tests/e2e/helpers.mjs` is checked against: a real
/// recorded drawing and the corners of the format.
fn drawings_for_the_javascript_decoder() -> Vec<Drawing> {
    #[derive(serde::Deserialize)]
    struct Recorded {
        strokes: Vec<Stroke>,
    }
    let recorded: Recorded =
        serde_json::from_str(include_str!("fixtures/recorded-drawing.json")).unwrap();
    let point = |x, y, pressure| Point { x, y, pressure };
    let stroke = |colour: &str, points, pen, nib| Stroke {
        colour: colour.into(),
        width: 300,
        points,
        pen,
        nib,
    };
    vec![
        Drawing {
            strokes: recorded.strokes,
            stamps: StampKind::ALL
                .iter()
                .enumerate()
                .map(|(i, &kind)| Stamp {
                    kind,
                    x: 190 * i as u16,
                    y: 3000 - 100 * i as u16,
                    size: 250 + 100 * i as u16,
                })
                .collect(),
        },
        Drawing {
            strokes: vec![
                stroke("", vec![], false, Nib::Marker),
                stroke(
                    "Rot ✓",
                    vec![point(7, 8, 200), point(9, 10, 200)],
                    false,
                    Nib::Highlighter,
                ),
                stroke(
                    "#ABCDEF",
                    vec![
                        point(0, 0, 0),
                        point(u16::MAX, u16::MAX, 255),
                        point(0, 0, 0),
                        point(u16::MAX, 0, 255),
                        point(3, u16::MAX, 1),
                    ],
                    true,
                    Nib::Marker,
                ),
            ],
            stamps: vec![],
        },
    ]
}

/// The end-to-end tests read stored drawings with their own decoder; it must agree with this
/// one. Skipped where Node.js is not installed.
#[test]
fn the_javascript_decoder_reads_what_rust_writes() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    #[derive(serde::Serialize)]
    struct Plain<'a> {
        strokes: &'a [Stroke],
        stamps: &'a [Stamp],
    }
    let drawings = drawings_for_the_javascript_decoder();
    let inks: Vec<String> = drawings.iter().map(drawing_to_base64).collect();
    let bytes = encode_drawing(&drawings[1]);
    let damaged: Vec<String> = (0..bytes.len())
        .map(|cut| base64_encode(&bytes[..cut]))
        .chain(["AQ".into(), "not base64".into()])
        .collect();
    let helpers = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/helpers.mjs");
    let script = format!(
        "import {{ decodeInk }} from {helpers:?};
         let input = '';
         for await (const chunk of process.stdin) input += chunk;
         const {{ inks, damaged }} = JSON.parse(input);
         const refused = damaged.filter((ink) => {{
           try {{ decodeInk(ink); return false; }} catch {{ return true; }}
         }}).length;
         console.log(JSON.stringify({{ drawings: inks.map(decodeInk), refused }}));"
    );
    let child = Command::new("node")
        .args(["--input-type=module", "-e", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => {
            eprintln!("skipped: cannot run node ({error})");
            return;
        }
    };
    let input = serde_json::json!({ "inks": inks, "damaged": damaged });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected: Vec<serde_json::Value> = drawings
        .iter()
        .map(|drawing| {
            serde_json::to_value(Plain {
                strokes: &drawing.strokes,
                stamps: &drawing.stamps,
            })
            .unwrap()
        })
        .collect();
    assert_eq!(answer["drawings"], serde_json::Value::from(expected));
    assert_eq!(answer["refused"], damaged.len());
}
