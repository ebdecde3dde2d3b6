//! Standard base64 (RFC 4648, section 4), strict both ways: drawings are kept in stored
//! records as base64 of their compact bytes, and the vault and the helpers' pictures use it
//! too. Our own, so reading a record never depends on another crate's idea of "lenient".

/// The text is not base64 as [`base64_encode`] writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotBase64;

impl std::fmt::Display for NotBase64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the text is not base64")
    }
}

impl std::error::Error for NotBase64 {}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with `=` padding (RFC 4648, section 4).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &byte)| {
            group | u32::from(byte) << (16 - 8 * i)
        });
        for i in 0..4 {
            if i <= chunk.len() {
                text.push(BASE64_ALPHABET[(group >> (18 - 6 * i) & 0x3f) as usize] as char);
            } else {
                text.push('=');
            }
        }
    }
    text
}

/// Reads standard padded base64, strictly: only the form [`base64_encode`] writes.
pub fn base64_decode(text: &str) -> Result<Vec<u8>, NotBase64> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return Err(NotBase64);
    }
    let sextet = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.len() / 4;
    for (index, quad) in text.chunks(4).enumerate() {
        let padding = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if padding > 2 || (padding > 0 && index + 1 != quads) {
            return Err(NotBase64);
        }
        let mut group = 0u32;
        for &c in &quad[..4 - padding] {
            group = group << 6 | u32::from(sextet(c).ok_or(NotBase64)?);
        }
        group <<= 6 * padding;
        let kept = 3 - padding;
        // Bits below the last whole byte must be zero, so each text has one meaning.
        if group & ((1 << (8 * (3 - kept))) - 1) != 0 {
            return Err(NotBase64);
        }
        bytes.extend((0..kept).map(|i| (group >> (16 - 8 * i)) as u8));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_examples() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xbf], "+/+/"),
        ] {
            assert_eq!(base64_encode(bytes), text);
            assert_eq!(base64_decode(text).unwrap(), bytes);
        }
        for bad in [
            "Zg=",
            "Zg",
            "Z===",
            "Zh==",
            "Zg==Zg==",
            "Zm9v YmFy",
            "Zm9-",
            "=Zm9",
        ] {
            assert_eq!(base64_decode(bad), Err(NotBase64), "{bad}");
        }
    }
}
