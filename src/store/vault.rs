//! Encryption at rest. The worker's passphrase becomes a key through Argon2id with a random
//! salt; every stored record is sealed with AES-256-GCM under a fresh random nonce, bound to
//! its storage key so a record cannot be passed off as another. The key lives only in memory.
//!
//! Pure: randomness (salts and nonces) comes in from the caller, so the browser layer uses
//! `crypto.getRandomValues` and the tests can be exact. Nothing here panics on what it reads.
//!
//! A sealed record is text: `hm1.` then base64 of the 12-byte nonce followed by the
//! ciphertext and its 16-byte tag. The `hm1` names this layout; a new one gets a new prefix.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::core::ink::base64::{base64_decode, base64_encode};

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// OWASP's minimum for Argon2id: 19 MiB of memory and 2 passes.
pub const MIN_MEMORY_KIB: u32 = 19 * 1024;
pub const MIN_ITERATIONS: u32 = 2;
/// What new vaults and backups get (see [`KdfParams::recommended`]).
const RECOMMENDED_MEMORY_KIB: u32 = 32 * 1024;
const RECOMMENDED_ITERATIONS: u32 = 3;
/// The most a stored record or a backup may ask of Argon2id: 4× what this version writes.
/// A crafted file (whoever crafts it also writes its CRC) could otherwise ask for a gigabyte
/// and 64 passes and freeze the tablet for minutes with every child's name on the screen.
pub const MAX_MEMORY_KIB: u32 = 4 * RECOMMENDED_MEMORY_KIB;
pub const MAX_ITERATIONS: u32 = 4 * RECOMMENDED_ITERATIONS;
const MAX_PARALLELISM: u32 = 4;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
const TAG_BYTES: usize = 16;
const SEALED_PREFIX: &str = "hm1.";

/// How the key is derived from the passphrase. Stored with the data, so the cost can be
/// raised later without losing what was sealed under the old one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Always "argon2id"; named so a stored record says what it needs.
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Base64 of the random salt.
    pub salt: String,
}

impl KdfParams {
    /// The parameters new vaults get, with a fresh random `salt`: 32 MiB and 3 passes, about
    /// a second on a mid-range tablet (measured by `make bench`), above OWASP's minimum.
    pub fn recommended(salt: [u8; SALT_BYTES]) -> KdfParams {
        KdfParams {
            algorithm: "argon2id".into(),
            memory_kib: RECOMMENDED_MEMORY_KIB,
            iterations: RECOMMENDED_ITERATIONS,
            parallelism: 1,
            salt: base64_encode(&salt),
        }
    }

    /// Whether this version derives a key with these costs: Argon2id, at least OWASP's
    /// minimum, at most [`MAX_MEMORY_KIB`] and [`MAX_ITERATIONS`]. Checked before any work,
    /// so a strange record is refused at once instead of after minutes.
    pub fn acceptable(&self) -> bool {
        self.algorithm == "argon2id"
            && (MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&self.memory_kib)
            && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations)
            && (1..=MAX_PARALLELISM).contains(&self.parallelism)
    }
}

/// Why a passphrase, key or sealed record was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultError {
    /// Shorter than [`MIN_PASSPHRASE_CHARS`].
    PassphraseTooShort,
    /// One of the passphrases people choose most often (see [`COMMON_PASSPHRASES`]).
    PassphraseTooCommon,
    /// Stored parameters that are not Argon2id, weaker than the minimum, or malformed.
    BadParameters,
    /// Not a sealed record, or cut short.
    Malformed,
    /// The key does not open it: a wrong passphrase, or a record that was changed.
    WrongKeyOrTampered,
}

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            VaultError::PassphraseTooShort => "the passphrase is too short",
            VaultError::PassphraseTooCommon => "the passphrase is one of the most common ones",
            VaultError::BadParameters => "the stored key parameters are not acceptable",
            VaultError::Malformed => "the sealed record is malformed",
            VaultError::WrongKeyOrTampered => "the key does not open the record",
        })
    }
}

/// The key that seals and opens records. Its bytes are wiped when it is dropped (the
/// cipher's `zeroize` feature), and it never prints.
#[derive(Clone)]
pub struct VaultKey {
    cipher: Aes256Gcm,
    /// Kept to be wrapped under a new passphrase (see [`VaultRecord::change_passphrase`]).
    bytes: Zeroizing<[u8; 32]>,
    /// While records are being sealed anew under this key, the key they were sealed under
    /// before: [`VaultKey::open`] falls back to it, so a re-seal cut short loses nothing.
    previous: Option<Box<VaultKey>>,
}

impl std::fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VaultKey(hidden)")
    }
}

/// Passphrases of eight characters or more that lists of leaked passwords show people choose
/// most often, in English and German; the first ones anybody would guess. Compared without
/// case and without spaces at the ends.
pub const COMMON_PASSPHRASES: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "passwort",
    "passwort1",
    "passwort123",
    "12345678",
    "123456789",
    "1234567890",
    "0123456789",
    "87654321",
    "11111111",
    "00000000",
    "12341234",
    "11223344",
    "qwertyui",
    "qwertyuiop",
    "qwertzuiop",
    "asdfghjk",
    "asdfghjkl",
    "iloveyou",
    "sunshine",
    "princess",
    "football",
    "fussball",
    "baseball",
    "superman",
    "schalke04",
    "hallo123",
    "geheim123",
    "sommer2024",
    "sommer2025",
    "sommer2026",
    "winter2025",
    "winter2026",
    "welcome1",
    "willkommen",
    "letmein1",
    "abcd1234",
    "abc12345",
    "1q2w3e4r",
    "1qaz2wsx",
    "trustno1",
    "hearme123",
    "hear me now",
    "jugendamt",
    "jugendamt1",
    "sozialarbeit",
];

/// Checks a new passphrase: its length, in characters (not bytes), so every script counts
/// the same, and that it is not one of the first ones anybody would guess.
pub fn check_new_passphrase(passphrase: &str) -> Result<(), VaultError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(VaultError::PassphraseTooShort);
    }
    let plain = passphrase.trim().to_lowercase();
    if COMMON_PASSPHRASES.contains(&plain.as_str()) {
        return Err(VaultError::PassphraseTooCommon);
    }
    Ok(())
}

/// Checks a new PIN: 4 to 8 digits, typed the same twice.
pub fn check_new_pin(pin: &str, pin_again: &str) -> Result<(), ChangeError> {
    if !PIN_DIGITS.contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ChangeError::PinNotDigits);
    }
    if pin != pin_again {
        return Err(ChangeError::Differ);
    }
    Ok(())
}

/// Derives the key from a passphrase. Refuses parameters below the minimum, so a changed
/// vault record cannot make the key cheap to guess.
pub fn derive_key(passphrase: &str, params: &KdfParams) -> Result<VaultKey, VaultError> {
    if !params.acceptable() {
        return Err(VaultError::BadParameters);
    }
    let salt = base64_decode(&params.salt).map_err(|_| VaultError::BadParameters)?;
    if salt.len() < 8 {
        return Err(VaultError::BadParameters);
    }
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|_| VaultError::BadParameters)?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut key = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), &salt, key.as_mut())
        .map_err(|_| VaultError::BadParameters)?;
    VaultKey::from_bytes(key.as_ref())
}

impl VaultKey {
    /// A key [`derive_key`] made elsewhere (in the Web Worker, see `store::off_thread`).
    pub fn from_derived_bytes(bytes: &[u8]) -> Result<VaultKey, VaultError> {
        if bytes.len() != 32 {
            return Err(VaultError::Malformed);
        }
        VaultKey::from_bytes(bytes)
    }

    /// The bytes of a key [`derive_key`] made, to hand it from the Web Worker to the page.
    pub fn derived_bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    fn from_bytes(bytes: &[u8]) -> Result<VaultKey, VaultError> {
        let cipher = Aes256Gcm::new_from_slice(bytes).map_err(|_| VaultError::Malformed)?;
        let mut kept = Zeroizing::new([0u8; 32]);
        kept.copy_from_slice(bytes);
        Ok(VaultKey {
            cipher,
            bytes: kept,
            previous: None,
        })
    }
}

impl VaultKey {
    /// Seals `plaintext` for storage under `storage_key`, with a nonce that must never be
    /// used twice with this key (the browser layer draws a fresh random one per write).
    pub fn seal(&self, storage_key: &str, plaintext: &[u8], nonce: [u8; NONCE_BYTES]) -> String {
        let bytes = self.seal_bytes(storage_key, plaintext, nonce);
        format!(
            "{SEALED_PREFIX}{}",
            base64_encode(&bytes[SEALED_PREFIX.len()..])
        )
    }

    /// [`VaultKey::seal`] as bytes, for storage that keeps binary (IndexedDB): the prefix,
    /// the nonce and the ciphertext, with no base64 around them.
    pub fn seal_bytes(
        &self,
        storage_key: &str,
        plaintext: &[u8],
        nonce: [u8; NONCE_BYTES],
    ) -> Vec<u8> {
        let ciphertext = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: storage_key.as_bytes(),
                },
            )
            .expect("AES-GCM seals any message shorter than 64 GiB");
        let mut bytes = Vec::with_capacity(SEALED_PREFIX.len() + NONCE_BYTES + ciphertext.len());
        bytes.extend_from_slice(SEALED_PREFIX.as_bytes());
        bytes.extend_from_slice(&nonce);
        bytes.extend_from_slice(&ciphertext);
        bytes
    }

    /// Opens a record sealed for `storage_key`. Any change to the record, a record sealed for
    /// another key, or a wrong passphrase's key is refused, never guessed at.
    pub fn open(&self, storage_key: &str, sealed: &str) -> Result<Vec<u8>, VaultError> {
        let bytes = sealed_text_to_bytes(sealed).ok_or(VaultError::Malformed)?;
        self.open_bytes(storage_key, &bytes)
    }

    /// Opens a record sealed by [`VaultKey::seal_bytes`].
    pub fn open_bytes(&self, storage_key: &str, sealed: &[u8]) -> Result<Vec<u8>, VaultError> {
        let bytes = sealed
            .strip_prefix(SEALED_PREFIX.as_bytes())
            .ok_or(VaultError::Malformed)?;
        if bytes.len() < NONCE_BYTES + TAG_BYTES {
            return Err(VaultError::Malformed);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        let opened = self
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: storage_key.as_bytes(),
                },
            )
            .map_err(|_| VaultError::WrongKeyOrTampered);
        match (&opened, &self.previous) {
            (Err(VaultError::WrongKeyOrTampered), Some(previous)) => {
                previous.open_bytes(storage_key, sealed)
            }
            _ => opened,
        }
    }

    /// Whether `other` is this very key (not the previous one it may carry).
    pub fn same_as(&self, other: &VaultKey) -> bool {
        *self.bytes == *other.bytes
    }

    /// Whether records may still be sealed under an earlier key (a re-seal not finished).
    pub fn has_previous(&self) -> bool {
        self.previous.is_some()
    }

    /// This key alone, once every record is sealed under it.
    pub fn without_previous(&self) -> VaultKey {
        VaultKey {
            cipher: self.cipher.clone(),
            bytes: self.bytes.clone(),
            previous: None,
        }
    }
}

/// True when stored text looks sealed (not plain JSON from before encryption).
pub fn is_sealed(stored: &str) -> bool {
    is_sealed_bytes(stored.as_bytes())
}

/// [`is_sealed`] for a value stored as bytes.
pub fn is_sealed_bytes(stored: &[u8]) -> bool {
    stored.starts_with(SEALED_PREFIX.as_bytes())
}

/// True for a value sealed in a way this version does not know: `hm` and a number other
/// than 1, then a dot (a newer Hear Me's seal). Such a value is left exactly as it is.
pub fn is_sealed_unknown(stored: &str) -> bool {
    is_sealed_unknown_bytes(stored.as_bytes())
}

/// [`is_sealed_unknown`] for a value stored as bytes.
pub fn is_sealed_unknown_bytes(stored: &[u8]) -> bool {
    let Some(rest) = stored.strip_prefix(b"hm") else {
        return false;
    };
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && rest.get(digits) == Some(&b'.') && &rest[..digits] != b"1"
}

/// The bytes of a sealed text value (`hm1.` and base64), as [`VaultKey::seal_bytes`] would
/// have made them: the same nonce and ciphertext, so a record moved from text storage to
/// binary storage is moved exactly and opens with the same key. None for anything else.
pub fn sealed_text_to_bytes(sealed: &str) -> Option<Vec<u8>> {
    let data = base64_decode(sealed.strip_prefix(SEALED_PREFIX)?).ok()?;
    let mut bytes = Vec::with_capacity(SEALED_PREFIX.len() + data.len());
    bytes.extend_from_slice(SEALED_PREFIX.as_bytes());
    bytes.extend_from_slice(&data);
    Some(bytes)
}

/// The shortest and longest worker PIN, in digits.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;
/// Minutes without use before the app locks itself, unless the worker chose otherwise.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
/// The range of auto-lock times; a stored value outside it is read as the nearest end.
pub const MIN_AUTO_LOCK_MINUTES: u32 = 1;
pub const MAX_AUTO_LOCK_MINUTES: u32 = 30;
/// The longest wait between passphrase tries.
pub const MAX_WAIT_MS: u64 = 5 * 60 * 1000;
/// The storage keys the vault's own sealed values are bound to.
const CHECK_KEY: &str = "hear-me/vault#check";
const PIN_KEY: &str = "hear-me/vault#pin";
const WRAP_KEY: &str = "hear-me/vault#key";
const PREVIOUS_KEY: &str = "hear-me/vault#previous";
const SETTINGS_KEY: &str = "hear-me/vault#settings";
const CHECK_TEXT: &[u8] = b"Hear Me";

/// What is stored, unencrypted, about the encryption: how to derive the key, a sealed known
/// value that tells a right passphrase from a wrong one, the worker's PIN sealed, and the
/// count of failed unlocks, so a reload does not reset the growing delay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VaultRecord {
    pub kdf: KdfParams,
    check: String,
    pin: String,
    /// After a change of passphrase: the key that seals the records, itself sealed under the
    /// key from the new passphrase. Absent, the passphrase's key seals the records directly.
    /// So a new passphrase is one write, and no record is sealed again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wrapped_key: Option<String>,
    /// While every record is being sealed anew under a new records key: the old records key,
    /// sealed under the key from the (new) passphrase, so records not yet sealed anew still
    /// open. Gone once all are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous_key: Option<String>,
    #[serde(default)]
    pub failed_unlocks: u32,
    /// What versions before [`VaultRecord::wait_left_ms`] stored: the wall-clock time before
    /// which no try was made (a clock set forward skipped it). Read as the whole wait it set,
    /// and never set again by this version (0), so an older version finds no stale wait.
    #[serde(default)]
    pub retry_after_ms: u64,
    /// Milliseconds still to wait before the next try, counted down only while a screen
    /// that asks for the passphrase is shown, by a clock that only moves forward (see
    /// [`VaultRecord::count_down_wait`]): neither a clock set forward nor a reload shortens
    /// it. Absent when there is no wait; an older version ignores it (and lets one try).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub wait_left_ms: u64,
    #[serde(default = "default_auto_lock")]
    pub auto_lock_minutes: u32,
    /// The auto-lock minutes again, sealed under the records key: the plain copy above can be
    /// changed by anyone with the tablet's storage, this one cannot, so the open app goes by
    /// it. Absent in vaults from before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed_settings: Option<String>,
}

fn default_auto_lock() -> u32 {
    DEFAULT_AUTO_LOCK_MINUTES
}

fn is_zero(ms: &u64) -> bool {
    *ms == 0
}

/// Why the set-up form was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetUpError {
    PassphraseTooShort,
    PassphraseTooCommon,
    /// Storage refused the vault record: nothing was set up.
    NotStored,
    /// Another tab set up this device meanwhile.
    SetUpElsewhere,
    PassphrasesDiffer,
    PinNotDigits,
    PinsDiffer,
}

/// Randomness the browser draws for a new records key: the key and five nonces (wrapping
/// the new key, wrapping the old one, the check value, the PIN, the sealed settings).
pub struct ResealRandom {
    pub fresh_key: [u8; 32],
    pub nonces: [[u8; NONCE_BYTES]; 5],
}

/// Randomness the browser draws for a new vault: the salt and two nonces.
pub struct SetUpRandom {
    pub salt: [u8; SALT_BYTES],
    pub check_nonce: [u8; NONCE_BYTES],
    pub pin_nonce: [u8; NONCE_BYTES],
}

/// A key [`derive_key`] made of a passphrase, with the parameters it was made with.
pub struct DerivedKey {
    pub key: VaultKey,
    pub params: KdfParams,
}

impl VaultRecord {
    /// Checks the set-up form, before any key is derived.
    pub fn check_set_up(
        passphrase: &str,
        passphrase_again: &str,
        pin: &str,
        pin_again: &str,
    ) -> Result<(), SetUpError> {
        check_new_passphrase(passphrase).map_err(|error| match error {
            VaultError::PassphraseTooCommon => SetUpError::PassphraseTooCommon,
            _ => SetUpError::PassphraseTooShort,
        })?;
        if passphrase != passphrase_again {
            return Err(SetUpError::PassphrasesDiffer);
        }
        check_new_pin(pin, pin_again).map_err(|error| match error {
            ChangeError::PinNotDigits => SetUpError::PinNotDigits,
            _ => SetUpError::PinsDiffer,
        })
    }

    /// Makes the vault and its key from the key of the passphrase [`VaultRecord::check_set_up`]
    /// accepted. `passphrase_key.params` are normally [`KdfParams::recommended`] with
    /// `random.salt`.
    pub fn set_up(
        passphrase_key: DerivedKey,
        pin: &str,
        random: &SetUpRandom,
    ) -> Result<(VaultRecord, VaultKey), SetUpError> {
        check_new_pin(pin, pin).map_err(|_| SetUpError::PinNotDigits)?;
        let DerivedKey { key, params } = passphrase_key;
        let record = VaultRecord {
            check: key.seal(CHECK_KEY, CHECK_TEXT, random.check_nonce),
            pin: key.seal(PIN_KEY, pin.as_bytes(), random.pin_nonce),
            kdf: params,
            wrapped_key: None,
            previous_key: None,
            failed_unlocks: 0,
            retry_after_ms: 0,
            wait_left_ms: 0,
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            sealed_settings: None,
        };
        Ok((record, key))
    }

    /// How long the worker must still wait before the next try, in milliseconds. Never
    /// more than the longest wait the app sets: a changed record must not lock the worker
    /// out. A record from before the time still to wait holds a wall-clock time instead; no
    /// clock says how much of that wait has passed, so it is the whole wait it set.
    pub fn wait_ms(&self) -> u64 {
        let left = if self.wait_left_ms > 0 {
            self.wait_left_ms
        } else if self.retry_after_ms > 0 {
            delay_after_failures(self.failed_unlocks)
        } else {
            0
        };
        left.min(MAX_WAIT_MS)
    }

    /// Counts `shown_ms` of the wait as passed: time a screen asking for the passphrase was
    /// actually shown, measured by the caller with a clock that only moves forward. True
    /// when the record changed, so the caller saves it (a reload then resumes from what was
    /// left, never from less).
    pub fn count_down_wait(&mut self, shown_ms: u64) -> bool {
        let before = (self.wait_left_ms, self.retry_after_ms);
        self.wait_left_ms = self.wait_ms().saturating_sub(shown_ms);
        self.retry_after_ms = 0;
        (self.wait_left_ms, self.retry_after_ms) != before
    }

    /// Minutes without use before the app locks itself, within the range Settings offers,
    /// whatever the stored record says. Before unlocking only the plain copy is there.
    pub fn auto_lock(&self) -> u32 {
        self.auto_lock_minutes
            .clamp(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
    }

    /// The auto-lock minutes as the worker set them, checked with the records key: the
    /// sealed copy where there is one (a changed plain copy does not count), the default
    /// when the sealed copy does not open (it was tampered with), and the plain copy only in
    /// a vault from before sealed settings.
    pub fn auto_lock_with(&self, key: &VaultKey) -> u32 {
        let Some(sealed) = &self.sealed_settings else {
            return self.auto_lock();
        };
        key.open(SETTINGS_KEY, sealed)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.parse::<u32>().ok())
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES)
            .clamp(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
    }

    /// Sets the auto-lock minutes, plain (for the locked screen and older versions) and
    /// sealed (what the open app goes by).
    pub fn set_auto_lock(&mut self, key: &VaultKey, minutes: u32, nonce: [u8; NONCE_BYTES]) {
        let minutes = minutes.clamp(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES);
        self.auto_lock_minutes = minutes;
        self.sealed_settings = Some(key.seal(SETTINGS_KEY, minutes.to_string().as_bytes(), nonce));
    }

    /// Whether the locked screen may offer to wipe the device: only after
    /// [`WIPE_AFTER_FAILURES`] wrong passphrases in a row and their waits, which takes longer
    /// than a child or an angry adult has with the tablet. Whoever knows the passphrase
    /// wipes from Settings instead.
    pub fn may_wipe_when_locked(&self) -> bool {
        self.failed_unlocks >= WIPE_AFTER_FAILURES && self.wait_ms() == 0
    }

    /// Counts a wrong passphrase and sets the wait before the next try.
    fn count_failure(&mut self) {
        self.failed_unlocks = self.failed_unlocks.saturating_add(1);
        self.wait_left_ms = delay_after_failures(self.failed_unlocks);
        self.retry_after_ms = 0;
    }

    /// Tries a passphrase, given as the key [`derive_key`] made of it with this record's
    /// `kdf` (the caller derives it only when [`VaultRecord::wait_ms`] is 0). A wrong one is
    /// counted, and from the third on each try waits twice as long as the one before (2 s,
    /// 4 s, 8 s, ... up to 5 minutes); a right one clears the count. The caller saves the
    /// record after either.
    pub fn unlock(&mut self, passphrase_key: &VaultKey) -> Result<VaultKey, UnlockError> {
        self.try_passphrase(passphrase_key)
    }

    /// The passphrase asked again while open (its key, as for [`VaultRecord::unlock`]),
    /// before a backup, a wipe from Settings, a new PIN or the longest auto-lock: an
    /// unlocked tablet left alone must not be enough. The same counted try and wait as
    /// unlocking; the caller saves the record after either.
    pub fn confirm_passphrase(&mut self, passphrase_key: &VaultKey) -> Result<(), UnlockError> {
        self.try_passphrase(passphrase_key).map(drop)
    }

    /// One try of a passphrase (its key), counted: the wait first, then a wrong one counts
    /// and sets the next wait, a right one clears both. Unlocking and changing the passphrase
    /// share it.
    fn try_passphrase(&mut self, passphrase_key: &VaultKey) -> Result<VaultKey, UnlockError> {
        let wait = self.wait_ms();
        if wait > 0 {
            return Err(UnlockError::Wait { ms: wait });
        }
        match self.open_with(passphrase_key) {
            Ok(key) => {
                self.failed_unlocks = 0;
                self.retry_after_ms = 0;
                self.wait_left_ms = 0;
                Ok(key)
            }
            Err(UnlockError::WrongPassphrase) => {
                self.count_failure();
                Err(UnlockError::WrongPassphrase)
            }
            Err(other) => Err(other),
        }
    }

    /// The records' key from a passphrase's key, checked against the sealed check value;
    /// counts nothing.
    fn open_with(&self, passphrase_key: &VaultKey) -> Result<VaultKey, UnlockError> {
        if !self.kdf.acceptable() {
            return Err(UnlockError::Damaged);
        }
        let unwrap =
            |wrapped: &str, storage_key: &str| match passphrase_key.open(storage_key, wrapped) {
                Ok(bytes) => VaultKey::from_bytes(&bytes).map_err(|_| UnlockError::Damaged),
                Err(VaultError::Malformed) => Err(UnlockError::Damaged),
                Err(_) => Err(UnlockError::WrongPassphrase),
            };
        let mut key = match &self.wrapped_key {
            None => passphrase_key.without_previous(),
            Some(wrapped) => unwrap(wrapped, WRAP_KEY)?,
        };
        match key.open(CHECK_KEY, &self.check) {
            Ok(text) if text == CHECK_TEXT => {}
            Ok(_) | Err(VaultError::Malformed) => return Err(UnlockError::Damaged),
            Err(_) => return Err(UnlockError::WrongPassphrase),
        }
        if let Some(previous) = &self.previous_key {
            key.previous = Some(Box::new(unwrap(previous, PREVIOUS_KEY)?));
        }
        Ok(key)
    }

    /// Whether a change of passphrase may be tried now: no wait, and the new passphrase
    /// follows the set-up rules. Checked before any key is derived, and again with the keys.
    pub fn check_change(&self, new: &str, new_again: &str) -> Result<(), ChangeError> {
        let wait = self.wait_ms();
        if wait > 0 {
            return Err(ChangeError::Wait { ms: wait });
        }
        check_new_passphrase(new).map_err(|error| match error {
            VaultError::PassphraseTooCommon => ChangeError::TooCommon,
            _ => ChangeError::TooShort,
        })?;
        if new != new_again {
            return Err(ChangeError::Differ);
        }
        Ok(())
    }

    /// The current passphrase (its key) checked for a change, with the same count and wait
    /// as unlocking, and the new one checked against the set-up rules: the records' key, or
    /// why not. Counts a wrong current passphrase (the caller saves the record then too).
    fn key_for_change(
        &mut self,
        current_key: &VaultKey,
        new: &str,
        new_again: &str,
    ) -> Result<VaultKey, ChangeError> {
        self.check_change(new, new_again)?;
        self.try_passphrase(current_key)
            .map_err(|error| match error {
                UnlockError::Wait { ms } => ChangeError::Wait { ms },
                _ => ChangeError::CurrentWrong,
            })
    }

    /// Changes the passphrase and seals everything anew under a fresh records key
    /// (`random.fresh_key`), for a passphrase someone may have seen: the old passphrase
    /// with an old copy of the vault then opens nothing written from now on. The check value
    /// and the PIN are sealed anew here; the records are sealed anew by the caller with the
    /// key returned, which still opens what is sealed under the old one (kept, wrapped, in the
    /// vault until [`VaultRecord::finish_reseal`]), so a re-seal cut short loses nothing.
    pub fn change_passphrase_and_key(
        &mut self,
        current_key: &VaultKey,
        new: &str,
        new_again: &str,
        new_key: DerivedKey,
        random: &ResealRandom,
    ) -> Result<VaultKey, ChangeError> {
        let (fresh_key, nonces) = (random.fresh_key, random.nonces);
        if self.previous_key.is_some() {
            // A re-seal is still unfinished: finish it (at the next unlock) first.
            return Err(ChangeError::NotSaved);
        }
        let old = self.key_for_change(current_key, new, new_again)?;
        let pin = old
            .open(PIN_KEY, &self.pin)
            .map_err(|_| ChangeError::CurrentWrong)?;
        let DerivedKey {
            key: passphrase_key,
            params,
        } = new_key;
        let mut key = VaultKey::from_bytes(&fresh_key).map_err(|_| ChangeError::NotSaved)?;
        self.wrapped_key = Some(passphrase_key.seal(WRAP_KEY, key.bytes.as_ref(), nonces[0]));
        self.previous_key = Some(passphrase_key.seal(PREVIOUS_KEY, old.bytes.as_ref(), nonces[1]));
        self.check = key.seal(CHECK_KEY, CHECK_TEXT, nonces[2]);
        self.pin = key.seal(PIN_KEY, &pin, nonces[3]);
        if self.sealed_settings.is_some() {
            let minutes = self.auto_lock_with(&old);
            self.sealed_settings =
                Some(key.seal(SETTINGS_KEY, minutes.to_string().as_bytes(), nonces[4]));
        }
        self.kdf = params;
        key.previous = Some(Box::new(old.without_previous()));
        Ok(key)
    }

    /// Every record is sealed under the new records key: the old one is dropped for good.
    pub fn finish_reseal(&mut self) {
        self.previous_key = None;
    }

    /// Whether a re-seal under a new records key is not finished yet.
    pub fn reseal_unfinished(&self) -> bool {
        self.previous_key.is_some()
    }

    /// Changes the passphrase: the current one must be right, asked with the same count and
    /// growing wait as unlocking (an open tablet left alone must not be a way to guess it);
    /// the new one follows the set-up rules and gets a fresh salt (`params`, normally
    /// [`KdfParams::recommended`], which also brings the cost up to today's). The records'
    /// key stays, wrapped under the new passphrase's key, so nothing else is written. The
    /// caller saves the record after a wrong current passphrase too.
    pub fn change_passphrase(
        &mut self,
        current_key: &VaultKey,
        new: &str,
        new_again: &str,
        new_key: DerivedKey,
        nonce: [u8; NONCE_BYTES],
    ) -> Result<(), ChangeError> {
        if self.previous_key.is_some() {
            // The old records key is wrapped under the current passphrase: finish the re-seal
            // (at the next unlock) before the passphrase changes again.
            return Err(ChangeError::NotSaved);
        }
        let key = self.key_for_change(current_key, new, new_again)?;
        let DerivedKey {
            key: new_key,
            params,
        } = new_key;
        self.wrapped_key = Some(new_key.seal(WRAP_KEY, key.bytes.as_ref(), nonce));
        self.kdf = params;
        Ok(())
    }

    /// Changes the worker PIN, sealed under the records' key like the first one.
    pub fn change_pin(
        &mut self,
        key: &VaultKey,
        pin: &str,
        pin_again: &str,
        nonce: [u8; NONCE_BYTES],
    ) -> Result<(), ChangeError> {
        check_new_pin(pin, pin_again)?;
        self.pin = key.seal(PIN_KEY, pin.as_bytes(), nonce);
        Ok(())
    }

    /// Whether `key` is this vault's records key: it opens the sealed check value. A tab
    /// whose key is not (the device was wiped and set up anew elsewhere) must not write, or
    /// what it writes could never be opened again.
    pub fn is_key_of(&self, key: &VaultKey) -> bool {
        key.open(CHECK_KEY, &self.check)
            .is_ok_and(|text| text == CHECK_TEXT)
    }

    /// The salt of the passphrase's key: a new one with every set-up and passphrase change,
    /// so a write that expects another salt comes from a tab that missed one of them.
    pub fn salt(&self) -> &str {
        &self.kdf.salt
    }

    /// True for the worker's PIN. Needs the key, so only an unlocked app can check it.
    pub fn pin_matches(&self, key: &VaultKey, pin: &str) -> bool {
        key.open(PIN_KEY, &self.pin)
            .is_ok_and(|stored| constant_time_eq(&stored, pin.as_bytes()))
    }
}

/// Why an unlock did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnlockError {
    WrongPassphrase,
    /// Too many wrong tries: wait this long first.
    Wait {
        ms: u64,
    },
    /// The vault record itself is damaged; no passphrase can open it.
    Damaged,
}

/// Why a new passphrase or PIN was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// The current passphrase is not right.
    CurrentWrong,
    /// The new passphrase is shorter than [`MIN_PASSPHRASE_CHARS`].
    TooShort,
    /// The new passphrase is one of the most common ones.
    TooCommon,
    /// Too many wrong tries of the current passphrase: wait this long first.
    Wait {
        ms: u64,
    },
    /// The new passphrase or PIN was not typed the same twice.
    Differ,
    PinNotDigits,
    /// Storage refused the changed record; the old passphrase and PIN still work.
    NotSaved,
}

/// Wrong passphrases in a row after which the locked screen offers to wipe the device. With
/// the growing waits they take more than eight minutes (see the test).
pub const WIPE_AFTER_FAILURES: u32 = 10;

/// The wait after `failures` wrong passphrases in a row.
pub fn delay_after_failures(failures: u32) -> u64 {
    match failures {
        0..=2 => 0,
        n => (1000u64 << (n - 2).min(20)).min(MAX_WAIT_MS),
    }
}

/// Compares without stopping at the first difference, so timing does not tell how much of a
/// PIN was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The minimum cost keeps the tests quick; the app uses `recommended`.
    fn cheap(salt: u8) -> KdfParams {
        KdfParams {
            memory_kib: MIN_MEMORY_KIB,
            iterations: MIN_ITERATIONS,
            ..KdfParams::recommended([salt; SALT_BYTES])
        }
    }

    #[test]
    fn a_record_opens_with_the_same_passphrase_and_storage_key_only() {
        let key = derive_key("correct horse", &cheap(1)).unwrap();
        let sealed = key.seal("hear-me/session/a", b"Mia: the shouting", [7; NONCE_BYTES]);
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("Mia"));
        assert_eq!(
            key.open("hear-me/session/a", &sealed).unwrap(),
            b"Mia: the shouting"
        );
        let again = derive_key("correct horse", &cheap(1)).unwrap();
        assert_eq!(
            again.open("hear-me/session/a", &sealed).unwrap(),
            b"Mia: the shouting"
        );
        // Moved to another key, it no longer opens.
        assert_eq!(
            key.open("hear-me/session/b", &sealed),
            Err(VaultError::WrongKeyOrTampered)
        );
        let wrong = derive_key("correct horsE", &cheap(1)).unwrap();
        assert_eq!(
            wrong.open("hear-me/session/a", &sealed),
            Err(VaultError::WrongKeyOrTampered)
        );
        let other_salt = derive_key("correct horse", &cheap(2)).unwrap();
        assert_eq!(
            other_salt.open("hear-me/session/a", &sealed),
            Err(VaultError::WrongKeyOrTampered)
        );
    }

    #[test]
    fn a_text_record_moves_to_bytes_exactly_and_still_opens() {
        let key = derive_key("correct horse", &cheap(1)).unwrap();
        let text = key.seal("hear-me/session/a", b"Mia: the shouting", [7; NONCE_BYTES]);
        let bytes = sealed_text_to_bytes(&text).unwrap();
        assert_eq!(
            bytes,
            key.seal_bytes("hear-me/session/a", b"Mia: the shouting", [7; NONCE_BYTES]),
            "the same nonce and ciphertext, no base64"
        );
        assert!(is_sealed_bytes(&bytes) && !is_sealed_unknown_bytes(&bytes));
        assert_eq!(
            key.open_bytes("hear-me/session/a", &bytes).unwrap(),
            b"Mia: the shouting"
        );
        assert_eq!(
            key.open_bytes("hear-me/session/b", &bytes),
            Err(VaultError::WrongKeyOrTampered)
        );
        assert_eq!(sealed_text_to_bytes("{\"plain\":1}"), None);
        assert_eq!(sealed_text_to_bytes("hm1.not base64!"), None);
        assert!(is_sealed_unknown_bytes(b"hm2.\x00\x01"));
        assert!(!is_sealed_unknown_bytes(b"hm.x") && !is_sealed_unknown_bytes(b"hm1.x"));
    }

    #[test]
    fn each_nonce_gives_a_different_record() {
        let key = derive_key("correct horse", &cheap(1)).unwrap();
        let one = key.seal("k", b"same words", [1; NONCE_BYTES]);
        let two = key.seal("k", b"same words", [2; NONCE_BYTES]);
        assert_ne!(one, two);
        assert_eq!(key.open("k", &one).unwrap(), key.open("k", &two).unwrap());
    }

    #[test]
    fn this_versions_own_costs_and_up_to_four_times_them_are_acceptable() {
        let recommended = KdfParams::recommended([1; SALT_BYTES]);
        assert!(recommended.acceptable());
        assert!(cheap(1).acceptable());
        let most = KdfParams {
            memory_kib: MAX_MEMORY_KIB,
            iterations: MAX_ITERATIONS,
            parallelism: MAX_PARALLELISM,
            ..recommended.clone()
        };
        assert!(most.acceptable());
        assert_eq!(MAX_MEMORY_KIB, 4 * recommended.memory_kib);
        assert_eq!(MAX_ITERATIONS, 4 * recommended.iterations);
    }

    #[test]
    fn weak_or_strange_parameters_are_refused() {
        let good = cheap(1);
        for params in [
            KdfParams {
                memory_kib: MIN_MEMORY_KIB - 1,
                ..good.clone()
            },
            KdfParams {
                iterations: 1,
                ..good.clone()
            },
            KdfParams {
                algorithm: "pbkdf2".into(),
                ..good.clone()
            },
            KdfParams {
                parallelism: 0,
                ..good.clone()
            },
            KdfParams {
                memory_kib: u32::MAX,
                ..good.clone()
            },
            // What a crafted backup asked for: a gigabyte and 64 passes.
            KdfParams {
                memory_kib: 1024 * 1024,
                iterations: 64,
                ..good.clone()
            },
            KdfParams {
                memory_kib: MAX_MEMORY_KIB + 1,
                ..good.clone()
            },
            KdfParams {
                iterations: MAX_ITERATIONS + 1,
                ..good.clone()
            },
            KdfParams {
                parallelism: 5,
                ..good.clone()
            },
            KdfParams {
                salt: "not base64!".into(),
                ..good.clone()
            },
            KdfParams {
                salt: base64_encode(&[1, 2, 3]),
                ..good.clone()
            },
        ] {
            assert_eq!(
                derive_key("correct horse", &params).map(|_| ()),
                Err(VaultError::BadParameters),
                "{params:?}"
            );
        }
    }

    #[test]
    fn the_recommended_parameters_are_above_the_minimum_and_read_back() {
        let params = KdfParams::recommended([9; SALT_BYTES]);
        assert!(params.memory_kib >= MIN_MEMORY_KIB && params.iterations >= MIN_ITERATIONS);
        let json = serde_json::to_string(&params).unwrap();
        assert_eq!(
            json,
            r#"{"algorithm":"argon2id","memory_kib":32768,"iterations":3,"parallelism":1,"salt":"CQkJCQkJCQkJCQkJCQkJCQ=="}"#
        );
        assert_eq!(serde_json::from_str::<KdfParams>(&json).unwrap(), params);
    }

    #[test]
    fn passphrases_are_counted_in_characters() {
        assert_eq!(
            check_new_passphrase("1234567"),
            Err(VaultError::PassphraseTooShort)
        );
        assert_eq!(check_new_passphrase("1234567x"), Ok(()));
        // Eight characters, more than eight bytes.
        assert_eq!(check_new_passphrase("Ängstlich"), Ok(()));
        assert_eq!(
            check_new_passphrase("äöüßäöü"),
            Err(VaultError::PassphraseTooShort)
        );
    }

    /// A vault set up with `passphrase`, the PIN 2468 and cheap parameters, and its key.
    fn vault_with(passphrase: &str) -> (VaultRecord, VaultKey) {
        set_up(passphrase, passphrase, "2468", "2468").unwrap()
    }

    /// Set-up as the app does it: the form checked, then the key derived, then the vault.
    fn set_up(
        passphrase: &str,
        passphrase_again: &str,
        pin: &str,
        pin_again: &str,
    ) -> Result<(VaultRecord, VaultKey), SetUpError> {
        VaultRecord::check_set_up(passphrase, passphrase_again, pin, pin_again)?;
        VaultRecord::set_up(new_key(passphrase, cheap(5)), pin, &random())
    }

    /// The key of a passphrase tried on `vault`, as the Web Worker derives it; for a vault
    /// whose parameters this version refuses, any key (the vault refuses it as damaged).
    fn passphrase_key(vault: &VaultRecord, passphrase: &str) -> VaultKey {
        derive_key(passphrase, &vault.kdf)
            .unwrap_or_else(|_| derive_key(passphrase, &cheap(9)).unwrap())
    }

    fn new_key(passphrase: &str, params: KdfParams) -> DerivedKey {
        DerivedKey {
            key: derive_key(passphrase, &params).unwrap(),
            params,
        }
    }

    fn random() -> SetUpRandom {
        SetUpRandom {
            salt: [5; SALT_BYTES],
            check_nonce: [1; NONCE_BYTES],
            pin_nonce: [2; NONCE_BYTES],
        }
    }

    #[test]
    fn set_up_checks_the_form() {
        let set_up =
            |p: &str, p2: &str, pin: &str, pin2: &str| set_up(p, p2, pin, pin2).map(|_| ());
        assert_eq!(
            set_up("short", "short", "1234", "1234"),
            Err(SetUpError::PassphraseTooShort)
        );
        assert_eq!(
            set_up("long enough", "long enougH", "1234", "1234"),
            Err(SetUpError::PassphrasesDiffer)
        );
        assert_eq!(
            set_up("long enough", "long enough", "12a4", "12a4"),
            Err(SetUpError::PinNotDigits)
        );
        assert_eq!(
            set_up("long enough", "long enough", "123", "123"),
            Err(SetUpError::PinNotDigits)
        );
        assert_eq!(
            set_up("long enough", "long enough", "123456789", "123456789"),
            Err(SetUpError::PinNotDigits)
        );
        assert_eq!(
            set_up("long enough", "long enough", "1234", "4321"),
            Err(SetUpError::PinsDiffer)
        );
        assert_eq!(set_up("long enough", "long enough", "1234", "1234"), Ok(()));
    }

    #[test]
    fn unlocking_takes_the_right_passphrase_and_slows_down_guessing() {
        let (mut vault, key) = vault_with("long enough");
        let json = serde_json::to_string(&vault).unwrap();
        assert!(!json.contains("2468") && !json.contains("long enough"));
        assert!(vault.pin_matches(&key, "2468"));
        assert!(!vault.pin_matches(&key, "2469"));
        assert!(!vault.pin_matches(&key, "24680"));

        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "wrong one!"))
                .map(|_| ()),
            Err(UnlockError::WrongPassphrase)
        );
        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "wrong two!"))
                .map(|_| ()),
            Err(UnlockError::WrongPassphrase)
        );
        assert_eq!(vault.wait_ms(), 0, "two slips are forgiven");
        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "wrong three"))
                .map(|_| ()),
            Err(UnlockError::WrongPassphrase)
        );
        assert_eq!(vault.wait_ms(), 2000);
        // While waiting even the right passphrase is not tried.
        vault.count_down_wait(1500);
        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "long enough"))
                .map(|_| ()),
            Err(UnlockError::Wait { ms: 500 })
        );
        vault.count_down_wait(500);
        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "wrong four"))
                .map(|_| ()),
            Err(UnlockError::WrongPassphrase)
        );
        assert_eq!(vault.wait_ms(), 4000);
        // The count and the wait survive storage, then a right passphrase clears them.
        let mut reloaded: VaultRecord =
            serde_json::from_str(&serde_json::to_string(&vault).unwrap()).unwrap();
        assert_eq!((reloaded.failed_unlocks, reloaded.wait_ms()), (4, 4000));
        reloaded.count_down_wait(4000);
        let again = reloaded
            .unlock(&passphrase_key(&reloaded, "long enough"))
            .unwrap();
        assert!(reloaded.pin_matches(&again, "2468"));
        assert_eq!((reloaded.failed_unlocks, reloaded.wait_ms()), (0, 0));
        assert!(!serde_json::to_string(&reloaded)
            .unwrap()
            .contains("wait_left_ms"));
    }

    #[test]
    fn the_delay_doubles_and_stops_at_five_minutes() {
        let delays: Vec<u64> = (0..8).map(delay_after_failures).collect();
        assert_eq!(delays, [0, 0, 0, 2000, 4000, 8000, 16000, 32000]);
        assert_eq!(delay_after_failures(50), 300_000);
        assert_eq!(delay_after_failures(u32::MAX), 300_000);
    }

    #[test]
    fn a_damaged_vault_record_is_reported_not_taken_for_a_wrong_passphrase() {
        let (vault, _) = vault_with("long enough");
        let mut weak = vault.clone();
        weak.kdf.iterations = 1;
        assert_eq!(
            weak.unlock(&passphrase_key(&weak, "long enough"))
                .map(|_| ()),
            Err(UnlockError::Damaged)
        );
        let mut cut = vault;
        cut.check.truncate(10);
        assert_eq!(
            cut.unlock(&passphrase_key(&cut, "long enough")).map(|_| ()),
            Err(UnlockError::Damaged)
        );
        assert_eq!(cut.failed_unlocks, 0);
    }

    #[test]
    fn a_new_passphrase_opens_the_same_records_and_the_old_one_no_longer_does() {
        let (mut vault, key) = vault_with("first passphrase");
        let sealed = key.seal("hear-me/session/a", b"Mia's words", [3; NONCE_BYTES]);
        assert_eq!(
            vault.change_passphrase(
                &passphrase_key(&vault, "not the current"),
                "second passphrase",
                "second passphrase",
                new_key("second passphrase", cheap(6)),
                [4; NONCE_BYTES],
            ),
            Err(ChangeError::CurrentWrong)
        );
        assert_eq!(
            vault.change_passphrase(
                &passphrase_key(&vault, "first passphrase"),
                "short",
                "short",
                new_key("short", cheap(6)),
                [4; NONCE_BYTES],
            ),
            Err(ChangeError::TooShort)
        );
        assert_eq!(
            vault.change_passphrase(
                &passphrase_key(&vault, "first passphrase"),
                "second passphrase",
                "second passphrasE",
                new_key("second passphrase", cheap(6)),
                [4; NONCE_BYTES],
            ),
            Err(ChangeError::Differ)
        );
        vault
            .change_passphrase(
                &passphrase_key(&vault, "first passphrase"),
                "second passphrase",
                "second passphrase",
                new_key("second passphrase", cheap(6)),
                [4; NONCE_BYTES],
            )
            .unwrap();
        // Through storage, as after a reload.
        let mut vault: VaultRecord =
            serde_json::from_str(&serde_json::to_string(&vault).unwrap()).unwrap();
        assert_eq!(vault.kdf.salt, cheap(6).salt, "a fresh salt");
        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "first passphrase"))
                .map(|_| ()),
            Err(UnlockError::WrongPassphrase)
        );
        let reopened = vault
            .unlock(&passphrase_key(&vault, "second passphrase"))
            .unwrap();
        assert_eq!(
            reopened.open("hear-me/session/a", &sealed).unwrap(),
            b"Mia's words"
        );
        assert!(vault.pin_matches(&reopened, "2468"));
        // And again: the records' key is wrapped anew, never twice.
        vault
            .change_passphrase(
                &passphrase_key(&vault, "second passphrase"),
                "third passphrase",
                "third passphrase",
                new_key("third passphrase", cheap(7)),
                [5; NONCE_BYTES],
            )
            .unwrap();
        let third = vault
            .unlock(&passphrase_key(&vault, "third passphrase"))
            .unwrap();
        assert_eq!(
            third.open("hear-me/session/a", &sealed).unwrap(),
            b"Mia's words"
        );
    }

    #[test]
    fn a_new_records_key_seals_from_now_on_and_opens_what_is_not_sealed_anew_yet() {
        let (mut vault, first) = vault_with("first passphrase");
        vault.set_auto_lock(&first, 2, [2; NONCE_BYTES]);
        let old_vault = vault.clone();
        let before = first.seal("hear-me/session/a", b"sealed before", [3; NONCE_BYTES]);
        let key = vault
            .change_passphrase_and_key(
                &passphrase_key(&vault, "first passphrase"),
                "second passphrase",
                "second passphrase",
                new_key("second passphrase", cheap(6)),
                &ResealRandom {
                    fresh_key: [42; 32],
                    nonces: [
                        [4; NONCE_BYTES],
                        [5; NONCE_BYTES],
                        [6; NONCE_BYTES],
                        [7; NONCE_BYTES],
                        [8; NONCE_BYTES],
                    ],
                },
            )
            .unwrap();
        assert!(key.has_previous() && vault.reseal_unfinished());
        let after = key.seal("hear-me/session/b", b"sealed after", [8; NONCE_BYTES]);
        // Through storage, as after a reload in the middle of the re-seal: both open.
        let mut stored: VaultRecord =
            serde_json::from_str(&serde_json::to_string(&vault).unwrap()).unwrap();
        let reopened = stored
            .unlock(&passphrase_key(&stored, "second passphrase"))
            .unwrap();
        assert_eq!(
            reopened.open("hear-me/session/a", &before).unwrap(),
            b"sealed before"
        );
        assert_eq!(
            reopened.open("hear-me/session/b", &after).unwrap(),
            b"sealed after"
        );
        assert!(stored.pin_matches(&reopened, "2468"));
        assert!(stored.is_key_of(&reopened));
        assert_eq!(
            stored.auto_lock_with(&reopened),
            2,
            "the settings are sealed anew too"
        );
        assert_eq!(
            stored.change_passphrase(
                &passphrase_key(&stored, "second passphrase"),
                "third one!",
                "third one!",
                new_key("third one!", cheap(7)),
                [9; NONCE_BYTES]
            ),
            Err(ChangeError::NotSaved),
            "not before the re-seal is finished"
        );
        // Finished: the old key is gone for good.
        stored.finish_reseal();
        let mut finished: VaultRecord =
            serde_json::from_str(&serde_json::to_string(&stored).unwrap()).unwrap();
        let only_new = finished
            .unlock(&passphrase_key(&finished, "second passphrase"))
            .unwrap();
        assert!(!only_new.has_previous());
        assert_eq!(
            only_new.open("hear-me/session/b", &after).unwrap(),
            b"sealed after"
        );
        assert!(only_new.open("hear-me/session/a", &before).is_err());
        // Whoever saw the old passphrase and kept the old vault opens nothing sealed anew.
        let mut old_vault = old_vault;
        let old_key = old_vault
            .unlock(&passphrase_key(&old_vault, "first passphrase"))
            .unwrap();
        assert!(old_key.open("hear-me/session/b", &after).is_err());
        assert!(!finished.is_key_of(&old_key));
    }

    #[test]
    fn a_seal_of_another_version_is_told_apart() {
        assert!(is_sealed("hm1.abc"));
        assert!(!is_sealed_unknown("hm1.abc"));
        for newer in ["hm2.abc", "hm10.", "hm9.xyz"] {
            assert!(is_sealed_unknown(newer), "{newer}");
            assert!(!is_sealed(newer));
        }
        for plain in ["{\"schema\":5}", "hm.abc", "hmx.abc", "hm2abc", ""] {
            assert!(!is_sealed_unknown(plain), "{plain}");
        }
    }

    #[test]
    fn the_open_app_goes_by_the_sealed_auto_lock_not_a_changed_plain_copy() {
        let (mut vault, key) = vault_with("long enough");
        assert_eq!(vault.auto_lock_with(&key), DEFAULT_AUTO_LOCK_MINUTES);
        vault.set_auto_lock(&key, 2, [9; NONCE_BYTES]);
        assert_eq!((vault.auto_lock(), vault.auto_lock_with(&key)), (2, 2));
        // Someone with the tablet's storage sets the plain copy to 30 minutes.
        let mut changed: serde_json::Value = serde_json::to_value(&vault).unwrap();
        changed["auto_lock_minutes"] = 30.into();
        let changed: VaultRecord = serde_json::from_value(changed).unwrap();
        assert_eq!(changed.auto_lock_with(&key), 2, "the sealed copy counts");
        // A sealed copy that does not open gives the default, not the plain copy.
        let mut tampered: serde_json::Value = serde_json::to_value(&changed).unwrap();
        tampered["sealed_settings"] = "hm1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into();
        let tampered: VaultRecord = serde_json::from_value(tampered).unwrap();
        assert_eq!(tampered.auto_lock_with(&key), DEFAULT_AUTO_LOCK_MINUTES);
    }

    #[test]
    fn stored_settings_are_read_within_their_ranges() {
        let (mut vault, _) = vault_with("long enough");
        vault.wait_left_ms = u64::MAX;
        assert_eq!(vault.wait_ms(), MAX_WAIT_MS, "never locked out for ever");
        vault.auto_lock_minutes = 0;
        assert_eq!(vault.auto_lock(), MIN_AUTO_LOCK_MINUTES);
        vault.auto_lock_minutes = 100_000;
        assert_eq!(vault.auto_lock(), MAX_AUTO_LOCK_MINUTES);
        vault.auto_lock_minutes = 7;
        assert_eq!(vault.auto_lock(), 7);
    }

    #[test]
    fn the_wait_is_time_still_to_wait_and_only_time_counted_down_shortens_it() {
        let (mut vault, _) = vault_with("long enough");
        for guess in ["one wrong", "two wrong", "three wrong"] {
            assert!(vault.unlock(&passphrase_key(&vault, guess)).is_err());
        }
        // Stored as time still to wait, with no wall-clock time a changed clock could skip.
        let json = serde_json::to_string(&vault).unwrap();
        assert!(
            json.contains(r#""retry_after_ms":0,"wait_left_ms":2000"#),
            "{json}"
        );
        assert_eq!(vault.wait_ms(), 2000);
        // Only time shown counts: 1.5 s of it, then a reload resumes from what was left.
        assert!(vault.count_down_wait(1500));
        let mut reloaded: VaultRecord =
            serde_json::from_str(&serde_json::to_string(&vault).unwrap()).unwrap();
        assert_eq!(
            reloaded.wait_ms(),
            500,
            "a reload neither resets nor shortens it"
        );
        assert_eq!(
            reloaded
                .unlock(&passphrase_key(&reloaded, "long enough"))
                .map(|_| ()),
            Err(UnlockError::Wait { ms: 500 })
        );
        assert!(
            !reloaded.count_down_wait(0),
            "nothing counted, nothing to save"
        );
        assert!(reloaded.count_down_wait(10_000));
        assert_eq!(reloaded.wait_ms(), 0);
        assert!(!reloaded.count_down_wait(1000), "no wait, nothing to save");
        assert!(reloaded
            .unlock(&passphrase_key(&reloaded, "long enough"))
            .is_ok());
    }

    #[test]
    fn a_wait_stored_as_a_wall_clock_time_is_read_as_the_whole_wait_it_set_at_most_the_longest() {
        let (vault, _) = vault_with("long enough");
        let older = |failed: u32, retry_after: u64| {
            let mut json = serde_json::to_value(&vault).unwrap();
            json["failed_unlocks"] = failed.into();
            json["retry_after_ms"] = retry_after.into();
            serde_json::from_value::<VaultRecord>(json).unwrap()
        };
        // However far the stored time is, before or after any clock: the wait it set.
        for retry_after in [1, 1_764_500_004_000, u64::MAX] {
            assert_eq!(older(3, retry_after).wait_ms(), 2000);
            assert_eq!(older(5, retry_after).wait_ms(), 8000);
            assert_eq!(older(50, retry_after).wait_ms(), MAX_WAIT_MS);
        }
        assert_eq!(older(2, 1_764_500_004_000).wait_ms(), 0);
        assert_eq!(older(0, 0).wait_ms(), 0);
        // Counted down like any other, and the wall-clock time is not written again.
        let mut counted = older(5, u64::MAX);
        assert!(counted.count_down_wait(3000));
        assert_eq!((counted.wait_ms(), counted.retry_after_ms), (5000, 0));
        let written = serde_json::to_string(&counted).unwrap();
        let reread: VaultRecord = serde_json::from_str(&written).unwrap();
        assert_eq!(reread.wait_ms(), 5000);
    }

    #[test]
    fn the_passphrase_asked_again_while_open_counts_like_unlocking() {
        let (mut vault, _) = vault_with("long enough");
        assert_eq!(
            vault.confirm_passphrase(&passphrase_key(&vault, "long enough")),
            Ok(())
        );
        for _ in 0..3 {
            assert_eq!(
                vault.confirm_passphrase(&passphrase_key(&vault, "a guess")),
                Err(UnlockError::WrongPassphrase)
            );
        }
        assert_eq!(vault.failed_unlocks, 3);
        assert_eq!(
            vault.confirm_passphrase(&passphrase_key(&vault, "long enough")),
            Err(UnlockError::Wait { ms: 2000 }),
            "while waiting even the right one is not tried"
        );
        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "long enough"))
                .map(|_| ()),
            Err(UnlockError::Wait { ms: 2000 }),
            "one count and one wait with unlocking"
        );
        vault.count_down_wait(2000);
        assert_eq!(
            vault.confirm_passphrase(&passphrase_key(&vault, "long enough")),
            Ok(())
        );
        assert_eq!((vault.failed_unlocks, vault.wait_ms()), (0, 0));
        let mut damaged = vault.clone();
        damaged.kdf.iterations = 1;
        assert_eq!(
            damaged.confirm_passphrase(&passphrase_key(&damaged, "long enough")),
            Err(UnlockError::Damaged)
        );
    }

    #[test]
    fn the_most_common_passphrases_are_refused() {
        assert_eq!(
            check_new_passphrase(" Passwort123 "),
            Err(VaultError::PassphraseTooCommon)
        );
        assert_eq!(
            check_new_passphrase("12345678"),
            Err(VaultError::PassphraseTooCommon)
        );
        assert_eq!(check_new_passphrase("Apfelbaum am Fluss"), Ok(()));
        assert!(COMMON_PASSPHRASES
            .iter()
            .all(|common| common.chars().count() >= MIN_PASSPHRASE_CHARS));
        assert_eq!(
            set_up("iloveyou", "iloveyou", "2468", "2468").map(|_| ()),
            Err(SetUpError::PassphraseTooCommon)
        );
    }

    #[test]
    fn the_current_passphrase_is_asked_with_the_same_growing_wait_as_unlocking() {
        let (mut vault, _) = vault_with("first passphrase");
        let change = |vault: &mut VaultRecord, current: &str| {
            let current_key = passphrase_key(vault, current);
            vault.change_passphrase(
                &current_key,
                "second one!",
                "second one!",
                new_key("second one!", cheap(6)),
                [4; NONCE_BYTES],
            )
        };
        for _ in 0..3 {
            assert_eq!(change(&mut vault, "guess"), Err(ChangeError::CurrentWrong));
        }
        assert_eq!(vault.failed_unlocks, 3);
        vault.count_down_wait(1000);
        assert_eq!(
            change(&mut vault, "first passphrase"),
            Err(ChangeError::Wait { ms: 1000 })
        );
        assert_eq!(
            vault
                .unlock(&passphrase_key(&vault, "first passphrase"))
                .map(|_| ()),
            Err(UnlockError::Wait { ms: 1000 }),
            "the count is the same one unlocking uses"
        );
        vault.count_down_wait(1000);
        assert_eq!(change(&mut vault, "first passphrase"), Ok(()));
        assert_eq!(vault.failed_unlocks, 0);
    }

    #[test]
    fn the_locked_screen_offers_to_wipe_only_after_many_wrong_tries_and_their_waits() {
        let (mut vault, _) = vault_with("long enough");
        // As fast as anyone can: each try the moment its wait is over.
        let mut now = 0;
        loop {
            let wait = vault.wait_ms();
            now += wait;
            vault.count_down_wait(wait);
            if vault.may_wipe_when_locked() {
                break;
            }
            assert!(vault
                .unlock(&passphrase_key(&vault, "wrong guess"))
                .is_err());
            assert!(vault.failed_unlocks <= WIPE_AFTER_FAILURES);
        }
        assert_eq!(vault.failed_unlocks, WIPE_AFTER_FAILURES);
        assert!(
            now >= 8 * 60 * 1000,
            "a wipe from the locked screen takes at least eight minutes of wrong tries: {now} ms"
        );
        // A right passphrase ends it.
        vault
            .unlock(&passphrase_key(&vault, "long enough"))
            .unwrap();
        assert!(!vault.may_wipe_when_locked());
    }

    #[test]
    fn a_new_pin_replaces_the_old() {
        let (mut vault, key) = vault_with("long enough");
        assert_eq!(
            vault.change_pin(&key, "12a4", "12a4", [6; NONCE_BYTES]),
            Err(ChangeError::PinNotDigits)
        );
        assert_eq!(
            vault.change_pin(&key, "1357", "1358", [6; NONCE_BYTES]),
            Err(ChangeError::Differ)
        );
        vault
            .change_pin(&key, "1357", "1357", [6; NONCE_BYTES])
            .unwrap();
        assert!(vault.pin_matches(&key, "1357"));
        assert!(!vault.pin_matches(&key, "2468"));
    }

    #[test]
    fn a_key_never_prints() {
        let key = derive_key("correct horse", &cheap(1)).unwrap();
        assert_eq!(format!("{key:?}"), "VaultKey(hidden)");
    }
}
