//! What the test files share: the cheapest key parameters and, natively, the property
//! tests' random drawings and the app's English texts. Each test file takes it with
//! `mod common;` and uses only some.
#![allow(dead_code)]

use hear_me::store::vault::{KdfParams, MIN_ITERATIONS, MIN_MEMORY_KIB, SALT_BYTES};

pub mod english;
#[cfg(not(target_arch = "wasm32"))]
pub mod strategies;

/// The cheapest key parameters a vault or a backup accepts (deriving is slow on purpose),
/// with a salt of `salt`.
pub fn cheap_params(salt: u8) -> KdfParams {
    KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: MIN_ITERATIONS,
        ..KdfParams::recommended([salt; SALT_BYTES])
    }
}
