//! The compact stored form of a drawing: a few bytes per point instead of JSON's sixteen, so
//! a long session of drawings still fits in the browser's small localStorage.
//!
//! This is an on-disk format: a byte string written by any past version must always decode.
//! Change it only by raising [`FORMAT_VERSION`] and keeping a decoder for every older version.
//!
//! # Byte layout, format version 1
//!
//! Numbers called *varint* are unsigned LEB128: seven bits per byte, least significant group
//! first, the high bit set on every byte but the last; at most five bytes (a `u32`).
//!
//! ```text
//! drawing  = version:u8 (= 1)  stroke-count:varint  stroke*  stamp-count:varint  stamp*
//! stroke   = flags:u8  colour  width:varint  point-count:varint  [pressure:u8]  coding:u8
//!            point-bits
//! stamp    = kind:u8 (StampKind::code)  x:varint  y:varint  size:varint
//! ```
//!
//! The drawing ends after its last stamp; a byte after that is an error.
//!
//! `flags` of a stroke, bit 0 the lowest:
//! - bit 0: drawn with a pen (`Stroke::pen`);
//! - bit 1: a highlighter (`Nib::Highlighter`), otherwise a marker;
//! - bits 2–3: where the pressure is: 0 = every point has the default 128 and nothing is stored;
//!   1 = every point has the one `pressure` byte that follows `point-count`; 2 = each point's
//!   pressure is in `point-bits`; 3 is invalid;
//! - bit 4: the colour is spelled out as `length:varint` and that many bytes of UTF-8, because
//!   it is not `#rrggbb` in lowercase hex; otherwise the colour is three bytes, red, green, blue;
//! - bit 5: points are predicted from the two before them (second order), otherwise from the
//!   one before;
//! - bits 6–7: zero.
//!
//! `coding`: bits 0–3 are `kx`, the Rice parameter of coordinate residuals; bits 4–6 are `kp`,
//! the Rice parameter of pressure changes (zero unless the pressure is per point); bit 7 is zero.
//!
//! `point-bits` is a bit stream, most significant bit of each byte first, padded with zero bits
//! to a whole byte (no bytes at all for a stroke without points). For each point in order:
//! - the first point: `x` in 16 bits, `y` in 16 bits, then, if the pressure is per point, the
//!   pressure in 8 bits;
//! - every later point: the residual of `x`, then of `y`, each `rice(zigzag(r), kx)`, then, if
//!   the pressure is per point, `rice(zigzag(p - previous p), kp)`.
//!
//! A residual is the coordinate minus its prediction: the previous point's coordinate for the
//! second point and for first-order strokes, otherwise `2 * previous - the one before`: a pen
//! moving at an even speed is predicted exactly. Coordinates are whole logical units, so a
//! drawing decodes to exactly the points that were encoded.
//!
//! `zigzag(r)` maps 0, -1, 1, -2, 2 … to 0, 1, 2, 3, 4 ….
//! `rice(v, k)`: with `q = v >> k`, if `q < 16` then `q` one bits, a zero bit, and the low `k`
//! bits of `v`; otherwise sixteen one bits and `v` in 20 bits.
//!
//! The encoder picks, for each stroke, the prediction order and the Rice parameters that make
//! it smallest, so the same drawing always gives the same bytes.

use super::base64::{base64_decode, base64_encode, NotBase64};
use super::{Drawing, Nib, Point, Stamp, StampKind, Stroke, DEFAULT_PRESSURE};

/// The format version written first in every encoded drawing.
pub const FORMAT_VERSION: u8 = 1;

const FLAG_PEN: u8 = 1;
const FLAG_HIGHLIGHTER: u8 = 1 << 1;
const PRESSURE_SHIFT: u8 = 2;
const PRESSURE_MASK: u8 = 0b11 << PRESSURE_SHIFT;
const FLAG_SPELLED_COLOUR: u8 = 1 << 4;
const FLAG_SECOND_ORDER: u8 = 1 << 5;
const KNOWN_FLAGS: u8 =
    FLAG_PEN | FLAG_HIGHLIGHTER | PRESSURE_MASK | FLAG_SPELLED_COLOUR | FLAG_SECOND_ORDER;

/// How many one bits announce a value written out in full instead of in unary.
const RICE_ESCAPE: u32 = 16;
/// Width of a value written out in full: enough for any zigzagged residual of `u16` points.
const RICE_RAW_BITS: u32 = 20;
const MAX_COORDINATE_K: u32 = 15;
const MAX_PRESSURE_K: u32 = 7;

/// Why stored ink could not be read. The drawing it belongs to is left as it was stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InkCodecError {
    /// The stored text is not standard base64.
    NotBase64,
    /// Written by a newer Hear Me, in a format this one does not know.
    UnknownVersion(u8),
    /// The data stops in the middle of the drawing.
    CutShort,
    /// The data has a value that no encoder writes.
    Damaged(&'static str),
}

impl std::fmt::Display for InkCodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InkCodecError::NotBase64 => write!(f, "the drawing's stored text is not base64"),
            InkCodecError::UnknownVersion(version) => write!(
                f,
                "the drawing is stored in ink format {version}, newer than this app's \
                 {FORMAT_VERSION}"
            ),
            InkCodecError::CutShort => write!(f, "the drawing's data stops too soon"),
            InkCodecError::Damaged(what) => write!(f, "the drawing's data is damaged: {what}"),
        }
    }
}

impl std::error::Error for InkCodecError {}

impl From<NotBase64> for InkCodecError {
    fn from(_: NotBase64) -> Self {
        InkCodecError::NotBase64
    }
}

/// The drawing in the compact binary format described at the top of this file.
pub fn encode_drawing(drawing: &Drawing) -> Vec<u8> {
    let mut out = vec![FORMAT_VERSION];
    write_varint(&mut out, length(drawing.strokes.len()));
    for stroke in &drawing.strokes {
        write_stroke(&mut out, stroke);
    }
    write_varint(&mut out, length(drawing.stamps.len()));
    for stamp in &drawing.stamps {
        out.push(stamp.kind.code());
        write_varint(&mut out, u32::from(stamp.x));
        write_varint(&mut out, u32::from(stamp.y));
        write_varint(&mut out, u32::from(stamp.size));
    }
    out
}

/// Reads a drawing written by [`encode_drawing`]. Any other bytes give an error, never a panic.
pub fn decode_drawing(bytes: &[u8]) -> Result<Drawing, InkCodecError> {
    let mut input = Reader { bytes, at: 0 };
    match input.byte()? {
        FORMAT_VERSION => {}
        version => return Err(InkCodecError::UnknownVersion(version)),
    }
    let stroke_count = input.varint()? as usize;
    // A lying count must not reserve memory the input cannot fill: a stroke takes 5+ bytes.
    let mut strokes = Vec::with_capacity(stroke_count.min(input.remaining() / 5));
    for _ in 0..stroke_count {
        strokes.push(read_stroke(&mut input)?);
    }
    let stamp_count = input.varint()? as usize;
    let mut stamps = Vec::with_capacity(stamp_count.min(input.remaining() / 4));
    for _ in 0..stamp_count {
        let kind = StampKind::from_code(input.byte()?)
            .ok_or(InkCodecError::Damaged("a stamp of an unknown kind"))?;
        stamps.push(Stamp {
            kind,
            x: input.u16_varint()?,
            y: input.u16_varint()?,
            size: input.u16_varint()?,
        });
    }
    if input.remaining() > 0 {
        return Err(InkCodecError::Damaged("bytes after the end of the drawing"));
    }
    Ok(Drawing { strokes, stamps })
}

/// The drawing as it is kept inside a stored JSON record.
pub fn drawing_to_base64(drawing: &Drawing) -> String {
    base64_encode(&encode_drawing(drawing))
}

/// Reads a drawing kept by [`drawing_to_base64`].
pub fn drawing_from_base64(text: &str) -> Result<Drawing, InkCodecError> {
    decode_drawing(&base64_decode(text)?)
}

/// A count that the app's drawings never come near; saturating keeps encoding infallible.
fn length(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

// --- strokes ---------------------------------------------------------------------------

/// Where a stroke's pressure is kept (bits 2–3 of its flags).
#[derive(Clone, Copy, PartialEq, Eq)]
enum PressureForm {
    AllDefault = 0,
    OneForAll = 1,
    PerPoint = 2,
}

fn pressure_form(points: &[Point]) -> PressureForm {
    match points.first() {
        Some(first) if points.iter().any(|p| p.pressure != first.pressure) => {
            PressureForm::PerPoint
        }
        Some(first) if first.pressure != DEFAULT_PRESSURE => PressureForm::OneForAll,
        _ => PressureForm::AllDefault,
    }
}

/// `Some([r, g, b])` for a colour in the usual `#rrggbb` lowercase form.
fn packed_colour(colour: &str) -> Option<[u8; 3]> {
    let digits = colour.strip_prefix('#')?;
    let lowercase_hex = |c: u8| c.is_ascii_digit() || (b'a'..=b'f').contains(&c);
    if digits.len() != 6 || !digits.bytes().all(lowercase_hex) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

fn write_stroke(out: &mut Vec<u8>, stroke: &Stroke) {
    let pressure = pressure_form(&stroke.points);
    let colour = packed_colour(&stroke.colour);
    let coding = PointCoding::best_for(&stroke.points, pressure == PressureForm::PerPoint);
    let mut flags = (pressure as u8) << PRESSURE_SHIFT;
    if stroke.pen {
        flags |= FLAG_PEN;
    }
    if stroke.nib == Nib::Highlighter {
        flags |= FLAG_HIGHLIGHTER;
    }
    if colour.is_none() {
        flags |= FLAG_SPELLED_COLOUR;
    }
    if coding.second_order {
        flags |= FLAG_SECOND_ORDER;
    }
    out.push(flags);
    match colour {
        Some(rgb) => out.extend_from_slice(&rgb),
        None => {
            write_varint(out, length(stroke.colour.len()));
            out.extend_from_slice(stroke.colour.as_bytes());
        }
    }
    write_varint(out, u32::from(stroke.width));
    write_varint(out, length(stroke.points.len()));
    if pressure == PressureForm::OneForAll {
        out.push(stroke.points[0].pressure);
    }
    out.push(coding.byte());
    let mut bits = BitWriter::new(out);
    let mut previous: Option<Point> = None;
    for (i, &point) in stroke.points.iter().enumerate() {
        match previous {
            None => {
                bits.write(u32::from(point.x), 16);
                bits.write(u32::from(point.y), 16);
                if pressure == PressureForm::PerPoint {
                    bits.write(u32::from(point.pressure), 8);
                }
            }
            Some(last) => {
                let before = coding.predictor(&stroke.points, i);
                let (rx, ry) = residual(point, last, before);
                bits.rice(zigzag(rx), coding.kx);
                bits.rice(zigzag(ry), coding.kx);
                if pressure == PressureForm::PerPoint {
                    let change = i32::from(point.pressure) - i32::from(last.pressure);
                    bits.rice(zigzag(change), coding.kp);
                }
            }
        }
        previous = Some(point);
    }
    bits.finish();
}

fn read_stroke(input: &mut Reader) -> Result<Stroke, InkCodecError> {
    let flags = input.byte()?;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(InkCodecError::Damaged("a stroke with unknown flags"));
    }
    let pressure = match (flags & PRESSURE_MASK) >> PRESSURE_SHIFT {
        0 => PressureForm::AllDefault,
        1 => PressureForm::OneForAll,
        2 => PressureForm::PerPoint,
        _ => {
            return Err(InkCodecError::Damaged(
                "a stroke with an unknown pressure form",
            ))
        }
    };
    let colour = if flags & FLAG_SPELLED_COLOUR != 0 {
        let len = input.varint()? as usize;
        String::from_utf8(input.take(len)?.to_vec())
            .map_err(|_| InkCodecError::Damaged("a colour that is not UTF-8"))?
    } else {
        let [r, g, b] = input.take(3)? else {
            unreachable!("take(3) gives three bytes")
        };
        format!("#{r:02x}{g:02x}{b:02x}")
    };
    let width = input.u16_varint()?;
    let count = input.varint()? as usize;
    let one_pressure = match pressure {
        PressureForm::OneForAll => input.byte()?,
        _ => DEFAULT_PRESSURE,
    };
    let coding = PointCoding::from_byte(input.byte()?, flags & FLAG_SECOND_ORDER != 0)?;
    if pressure != PressureForm::PerPoint && coding.kp != 0 {
        return Err(InkCodecError::Damaged(
            "a pressure parameter without pressure",
        ));
    }
    // Every point takes at least two bits, so no more than four fit in a byte.
    let mut points: Vec<Point> = Vec::with_capacity(count.min(input.remaining().saturating_mul(4)));
    let mut bits = BitReader::new(input);
    for i in 0..count {
        let point = match points.last() {
            None => Point {
                x: bits.read(16)? as u16,
                y: bits.read(16)? as u16,
                pressure: match pressure {
                    PressureForm::PerPoint => bits.read(8)? as u8,
                    _ => one_pressure,
                },
            },
            Some(&last) => {
                let before = coding.predictor(&points, i);
                let rx = unzigzag(bits.rice(coding.kx)?);
                let ry = unzigzag(bits.rice(coding.kx)?);
                let pressure = match pressure {
                    PressureForm::PerPoint => {
                        let change = unzigzag(bits.rice(coding.kp)?);
                        u8::try_from(i32::from(last.pressure) + change)
                            .map_err(|_| InkCodecError::Damaged("a pressure out of range"))?
                    }
                    _ => one_pressure,
                };
                let (px, py) = prediction(last, before);
                let coordinate = |predicted: i32, r: i32| {
                    u16::try_from(predicted + r)
                        .map_err(|_| InkCodecError::Damaged("a point off every paper"))
                };
                Point {
                    x: coordinate(px, rx)?,
                    y: coordinate(py, ry)?,
                    pressure,
                }
            }
        };
        points.push(point);
    }
    bits.finish();
    Ok(Stroke {
        colour,
        width,
        points,
        pen: flags & FLAG_PEN != 0,
        nib: if flags & FLAG_HIGHLIGHTER != 0 {
            Nib::Highlighter
        } else {
            Nib::Marker
        },
    })
}

/// How a stroke's points are written: the prediction and the Rice parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PointCoding {
    second_order: bool,
    kx: u32,
    kp: u32,
}

impl PointCoding {
    /// The coding that writes these points in the fewest bits; the first of equals wins.
    fn best_for(points: &[Point], per_point_pressure: bool) -> PointCoding {
        let mut best = (u64::MAX, false, 0);
        for second_order in [false, true] {
            let coding = PointCoding {
                second_order,
                kx: 0,
                kp: 0,
            };
            let residuals: Vec<u32> = (1..points.len())
                .flat_map(|i| {
                    let (rx, ry) = residual(points[i], points[i - 1], coding.predictor(points, i));
                    [zigzag(rx), zigzag(ry)]
                })
                .collect();
            let (bits, kx) = cheapest_rice(&residuals, MAX_COORDINATE_K);
            if bits < best.0 {
                best = (bits, second_order, kx);
            }
        }
        let kp = if per_point_pressure {
            let changes: Vec<u32> = points
                .windows(2)
                .map(|pair| zigzag(i32::from(pair[1].pressure) - i32::from(pair[0].pressure)))
                .collect();
            cheapest_rice(&changes, MAX_PRESSURE_K).1
        } else {
            0
        };
        PointCoding {
            second_order: best.1,
            kx: best.2,
            kp,
        }
    }

    fn byte(self) -> u8 {
        (self.kx | self.kp << 4) as u8
    }

    fn from_byte(byte: u8, second_order: bool) -> Result<PointCoding, InkCodecError> {
        if byte & 0x80 != 0 {
            return Err(InkCodecError::Damaged("a stroke with an unknown coding"));
        }
        Ok(PointCoding {
            second_order,
            kx: u32::from(byte & 0x0f),
            kp: u32::from(byte >> 4),
        })
    }

    /// The point before the previous one, when the prediction uses it for point `i`.
    fn predictor(self, points: &[Point], i: usize) -> Option<Point> {
        (self.second_order && i >= 2).then(|| points[i - 2])
    }
}

/// The `k` in `0..=max_k` that writes `values` in the fewest bits, with that number of bits.
fn cheapest_rice(values: &[u32], max_k: u32) -> (u64, u32) {
    (0..=max_k)
        .map(|k| (values.iter().map(|&v| u64::from(rice_bits(v, k))).sum(), k))
        .min_by_key(|&(bits, _)| bits)
        .unwrap_or((0, 0))
}

fn rice_bits(value: u32, k: u32) -> u32 {
    let quotient = value >> k;
    if quotient < RICE_ESCAPE {
        quotient + 1 + k
    } else {
        RICE_ESCAPE + RICE_RAW_BITS
    }
}

/// Where the next point is expected: where the pen is, or where it goes at an even speed.
fn prediction(last: Point, before: Option<Point>) -> (i32, i32) {
    match before {
        None => (i32::from(last.x), i32::from(last.y)),
        Some(before) => (
            2 * i32::from(last.x) - i32::from(before.x),
            2 * i32::from(last.y) - i32::from(before.y),
        ),
    }
}

fn residual(point: Point, last: Point, before: Option<Point>) -> (i32, i32) {
    let (px, py) = prediction(last, before);
    (i32::from(point.x) - px, i32::from(point.y) - py)
}

fn zigzag(value: i32) -> u32 {
    ((value << 1) ^ (value >> 31)) as u32
}

fn unzigzag(value: u32) -> i32 {
    (value >> 1) as i32 ^ -((value & 1) as i32)
}

// --- bytes and bits ----------------------------------------------------------------------

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads bytes from the front of the input; every read checks that the bytes are there.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn byte(&mut self) -> Result<u8, InkCodecError> {
        let byte = *self.bytes.get(self.at).ok_or(InkCodecError::CutShort)?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize) -> Result<&[u8], InkCodecError> {
        if len > self.remaining() {
            return Err(InkCodecError::CutShort);
        }
        self.at += len;
        Ok(&self.bytes[self.at - len..self.at])
    }

    fn varint(&mut self) -> Result<u32, InkCodecError> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            let group = u32::from(byte & 0x7f);
            if shift == 28 && group > 0x0f {
                return Err(InkCodecError::Damaged("a number too large"));
            }
            value |= group << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(InkCodecError::Damaged("a number too long"))
    }

    fn u16_varint(&mut self) -> Result<u16, InkCodecError> {
        u16::try_from(self.varint()?).map_err(|_| InkCodecError::Damaged("a number too large"))
    }
}

/// Appends bits to a byte vector, most significant bit first.
struct BitWriter<'a> {
    out: &'a mut Vec<u8>,
    pending: u64,
    pending_bits: u32,
}

impl<'a> BitWriter<'a> {
    fn new(out: &'a mut Vec<u8>) -> Self {
        BitWriter {
            out,
            pending: 0,
            pending_bits: 0,
        }
    }

    /// Writes the low `count` (at most 32) bits of `value`.
    fn write(&mut self, value: u32, count: u32) {
        let mask = (1u64 << count) - 1;
        self.pending = (self.pending << count) | (u64::from(value) & mask);
        self.pending_bits += count;
        while self.pending_bits >= 8 {
            self.pending_bits -= 8;
            self.out.push((self.pending >> self.pending_bits) as u8);
        }
    }

    fn rice(&mut self, value: u32, k: u32) {
        let quotient = value >> k;
        if quotient < RICE_ESCAPE {
            self.write((1 << quotient) - 1, quotient);
            self.write(0, 1);
            self.write(value, k);
        } else {
            self.write((1 << RICE_ESCAPE) - 1, RICE_ESCAPE);
            self.write(value, RICE_RAW_BITS);
        }
    }

    /// Pads the last byte with zero bits.
    fn finish(mut self) {
        if self.pending_bits > 0 {
            let pad = 8 - self.pending_bits;
            self.write(0, pad);
        }
    }
}

/// Reads bits from a [`Reader`], most significant bit first; `finish` moves the reader past
/// the last byte touched.
struct BitReader<'r, 'a> {
    input: &'r mut Reader<'a>,
    bit: usize,
}

impl<'r, 'a> BitReader<'r, 'a> {
    fn new(input: &'r mut Reader<'a>) -> Self {
        let bit = input.at * 8;
        BitReader { input, bit }
    }

    fn read_bit(&mut self) -> Result<u32, InkCodecError> {
        let byte = *self
            .input
            .bytes
            .get(self.bit / 8)
            .ok_or(InkCodecError::CutShort)?;
        let value = (byte >> (7 - self.bit % 8)) & 1;
        self.bit += 1;
        Ok(u32::from(value))
    }

    fn read(&mut self, count: u32) -> Result<u32, InkCodecError> {
        (0..count).try_fold(0, |value, _| Ok(value << 1 | self.read_bit()?))
    }

    fn rice(&mut self, k: u32) -> Result<u32, InkCodecError> {
        let mut quotient = 0;
        while quotient < RICE_ESCAPE && self.read_bit()? == 1 {
            quotient += 1;
        }
        if quotient == RICE_ESCAPE {
            return self.read(RICE_RAW_BITS);
        }
        Ok(quotient << k | self.read(k)?)
    }

    fn finish(self) {
        self.input.at = self.bit.div_ceil(8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(x: u16, y: u16, pressure: u8) -> Point {
        Point { x, y, pressure }
    }

    fn stroke(points: Vec<Point>) -> Stroke {
        Stroke {
            colour: "#d62828".into(),
            width: 40,
            points,
            pen: false,
            nib: Nib::Marker,
        }
    }

    #[test]
    fn an_empty_drawing_is_three_bytes() {
        assert_eq!(encode_drawing(&Drawing::default()), [FORMAT_VERSION, 0, 0]);
        assert_eq!(drawing_to_base64(&Drawing::default()), "AQAA");
        assert_eq!(drawing_from_base64("AQAA").unwrap(), Drawing::default());
    }

    #[test]
    fn a_finger_stroke_has_this_exact_layout() {
        let drawing = Drawing {
            strokes: vec![stroke(vec![
                point(100, 200, 128),
                point(103, 204, 128),
                point(106, 208, 128),
            ])],
            stamps: vec![Stamp {
                kind: StampKind::Sun,
                x: 300,
                y: 2,
                size: 700,
            }],
        };
        let bytes = encode_drawing(&drawing);
        #[rustfmt::skip]
        let expected = [
            1, 1,                    // version, one stroke
            FLAG_SECOND_ORDER,       // flags: finger, marker, default pressure, second order
            0xd6, 0x28, 0x28, 40, 3, // colour, width, three points
            0x01,                    // coding: kx = 1
            // x 100 and y 200 in 16 bits each; the residuals 3, 4 (from the first point), then
            // 0, 0 (the even step was predicted) zigzag to 6, 8, 0, 0, which rice(k = 1)
            // writes as 1110 0, 11110 0, 0 0, 0 0, and one zero bit pads the last byte.
            0x00, 0x64, 0x00, 0xc8, 0b1110_0111, 0b1000_0000,
            1, 14, 0xac, 0x02, 2, 0xbc, 0x05, // one stamp: sun at (300, 2), size 700
        ];
        assert_eq!(bytes, expected);
        assert_eq!(decode_drawing(&bytes).unwrap(), drawing);
    }

    #[test]
    fn an_even_pen_stroke_is_predicted_exactly() {
        let points: Vec<Point> = (0..50)
            .map(|i| point(1000 + 7 * i, 2000 - 3 * i, 100 + (i as u8) / 4))
            .collect();
        let drawing = Drawing {
            strokes: vec![Stroke {
                pen: true,
                nib: Nib::Highlighter,
                ..stroke(points)
            }],
            stamps: vec![],
        };
        let bytes = encode_drawing(&drawing);
        assert_eq!(
            bytes[2],
            FLAG_PEN | FLAG_HIGHLIGHTER | 2 << PRESSURE_SHIFT | FLAG_SECOND_ORDER
        );
        assert!(bytes.len() < 40, "{} bytes", bytes.len());
        assert_eq!(decode_drawing(&bytes).unwrap(), drawing);
    }

    #[test]
    fn odd_colours_and_one_pressure_survive_exactly() {
        for colour in [
            "#D62828",
            "red",
            "",
            "#12345",
            "#d62828ff",
            "rgb(1, 2, 3)",
            "ß✓",
        ] {
            let drawing = Drawing {
                strokes: vec![Stroke {
                    colour: colour.into(),
                    ..stroke(vec![point(1, 2, 200), point(4000, 3000, 200)])
                }],
                stamps: vec![],
            };
            let bytes = encode_drawing(&drawing);
            assert_eq!(
                bytes[2],
                FLAG_SPELLED_COLOUR | 1 << PRESSURE_SHIFT,
                "{colour}"
            );
            assert_eq!(decode_drawing(&bytes).unwrap(), drawing, "{colour}");
        }
    }

    #[test]
    fn the_far_corners_and_huge_jumps_survive() {
        let drawing = Drawing {
            strokes: vec![stroke(vec![
                point(0, 0, 0),
                point(u16::MAX, u16::MAX, 255),
                point(0, 0, 0),
                point(u16::MAX, 0, 255),
                point(0, u16::MAX, 1),
            ])],
            stamps: vec![],
        };
        assert_eq!(decode_drawing(&encode_drawing(&drawing)).unwrap(), drawing);
    }

    #[test]
    fn damaged_data_is_an_error() {
        let good = encode_drawing(&Drawing {
            strokes: vec![stroke(vec![point(5, 6, 7), point(8, 9, 10)])],
            stamps: vec![Stamp {
                kind: StampKind::Car,
                x: 1,
                y: 2,
                size: 3,
            }],
        });
        assert_eq!(decode_drawing(&[]), Err(InkCodecError::CutShort));
        assert_eq!(
            decode_drawing(&[2, 0, 0]),
            Err(InkCodecError::UnknownVersion(2))
        );
        assert!(
            decode_drawing(&[1, 0, 0, 0]).is_err(),
            "a byte after the end"
        );
        assert!(decode_drawing(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
        assert!(
            decode_drawing(&[1, 0, 1, 0, 1, 1, 1]).is_err(),
            "stamp kind 0"
        );
        for cut in 0..good.len() {
            assert!(decode_drawing(&good[..cut]).is_err(), "cut at {cut}");
        }
        let mut unknown_flag = good.clone();
        unknown_flag[2] |= 0x40;
        assert!(decode_drawing(&unknown_flag).is_err());
    }

    #[test]
    fn a_lying_count_does_not_reserve_memory() {
        // Four billion strokes promised, none given: an error, quickly.
        assert_eq!(
            decode_drawing(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f]),
            Err(InkCodecError::CutShort)
        );
    }
}
