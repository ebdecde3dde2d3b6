//! Property tests of encryption at rest: whatever is done to a sealed record, opening it
//! gives back exactly what was sealed or a plain error; it never panics and never returns
//! something else.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use hear_me::store::vault::{derive_key, VaultError, VaultKey, NONCE_BYTES};
use proptest::prelude::*;

mod common;
use common::cheap_params as params;

/// Deriving is slow on purpose; the properties share two keys.
fn key() -> &'static VaultKey {
    static KEY: OnceLock<VaultKey> = OnceLock::new();
    KEY.get_or_init(|| derive_key("a long passphrase", &params(3)).unwrap())
}

fn other_key() -> &'static VaultKey {
    static KEY: OnceLock<VaultKey> = OnceLock::new();
    KEY.get_or_init(|| derive_key("a long passphrasE", &params(3)).unwrap())
}

proptest! {
    #[test]
    fn whatever_is_sealed_opens_exactly(plaintext in proptest::collection::vec(any::<u8>(), 0..2000),
                                        nonce in any::<[u8; NONCE_BYTES]>(),
                                        storage_key in "hear-me/[a-z0-9/-]{0,30}") {
        let sealed = key().seal(&storage_key, &plaintext, nonce);
        prop_assert_eq!(key().open(&storage_key, &sealed).unwrap(), plaintext);
    }

    #[test]
    fn a_wrong_key_opens_nothing(plaintext in proptest::collection::vec(any::<u8>(), 0..500),
                                 nonce in any::<[u8; NONCE_BYTES]>()) {
        let sealed = key().seal("k", &plaintext, nonce);
        prop_assert_eq!(other_key().open("k", &sealed), Err(VaultError::WrongKeyOrTampered));
    }

    #[test]
    fn any_changed_character_is_refused(plaintext in proptest::collection::vec(any::<u8>(), 1..500),
                                         nonce in any::<[u8; NONCE_BYTES]>(),
                                         at in any::<prop::sample::Index>(),
                                         replacement in prop::sample::select(
                                             b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=.!".to_vec())) {
        let sealed = key().seal("k", &plaintext, nonce);
        let mut bytes = sealed.into_bytes();
        let at = at.index(bytes.len());
        prop_assume!(bytes[at] != replacement);
        bytes[at] = replacement;
        let changed = String::from_utf8(bytes).unwrap();
        match key().open("k", &changed) {
            // Base64 can spell the same bytes twice only in its padding bits; then the
            // record is unchanged underneath and must open to the same words.
            Ok(opened) => prop_assert_eq!(opened, plaintext),
            Err(error) => prop_assert!(matches!(error, VaultError::Malformed | VaultError::WrongKeyOrTampered)),
        }
    }

    #[test]
    fn every_cut_is_refused(plaintext in proptest::collection::vec(any::<u8>(), 0..300),
                            nonce in any::<[u8; NONCE_BYTES]>()) {
        let sealed = key().seal("k", &plaintext, nonce);
        for end in 0..sealed.len() {
            prop_assert!(key().open("k", &sealed[..end]).is_err(), "cut at {}", end);
        }
    }

    #[test]
    fn random_text_is_refused_without_panic(text in ".{0,400}") {
        prop_assert!(key().open("k", &text).is_err());
        let prefixed = format!("hm1.{}", text);
        prop_assert!(key().open("k", &prefixed).is_err());
    }
}
