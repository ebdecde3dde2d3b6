//! The work the page hands to its Web Worker (`src/bin/worker.rs`), so the page itself never
//! waits for it: Argon2id takes a second or more, and meanwhile Lock, Hide and every tap must
//! answer. A typed request and its answer, sent as JSON; [`answer`] does the work, the same in
//! the worker and, where no worker can start, on the page.
//!
//! Pure and tested natively. One request at a time; the page matches answers by `id`, so an
//! answer to a request it gave up on (the tab locked meanwhile) is dropped, never used.

#[cfg(target_arch = "wasm32")]
pub mod page;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::vault::{derive_key, KdfParams, VaultError, VaultKey};
use crate::core::ink::base64::{base64_decode, base64_encode};

/// What the page asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// The key Argon2id makes of `passphrase` with `params` (a vault's or a backup's).
    DeriveKey {
        passphrase: String,
        params: KdfParams,
    },
}

/// A job and the number the page gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub job: Job,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// The derived key's 32 bytes, base64.
    Key(String),
    /// The parameters are not ones this version derives with (see [`KdfParams::acceptable`]).
    BadParameters,
    /// The request could not be read (a worker of another version): the page does the job.
    NotUnderstood,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: u32,
    pub outcome: Outcome,
}

/// Does the job of a request given as JSON, and gives the answer as JSON.
pub fn answer_json(request: &str) -> String {
    let answer = match serde_json::from_str::<Request>(request) {
        Ok(request) => answer(request),
        // The id is read on its own, so the page still knows which request this was.
        Err(_) => Answer {
            id: serde_json::from_str::<serde_json::Value>(request)
                .ok()
                .and_then(|value| value.get("id")?.as_u64())
                .and_then(|id| u32::try_from(id).ok())
                .unwrap_or(0),
            outcome: Outcome::NotUnderstood,
        },
    };
    serde_json::to_string(&answer).expect("an answer always serialises")
}

/// Does the job of a request.
pub fn answer(request: Request) -> Answer {
    let outcome = match request.job {
        Job::DeriveKey { passphrase, params } => {
            let passphrase = Zeroizing::new(passphrase);
            match derive_key(&passphrase, &params) {
                Ok(key) => Outcome::Key(base64_encode(key.derived_bytes())),
                Err(_) => Outcome::BadParameters,
            }
        }
    };
    Answer {
        id: request.id,
        outcome,
    }
}

/// The key an answer carries, as the vault uses it.
pub fn key_of(outcome: &Outcome) -> Result<VaultKey, VaultError> {
    match outcome {
        Outcome::Key(bytes) => {
            let bytes = Zeroizing::new(base64_decode(bytes).map_err(|_| VaultError::Malformed)?);
            VaultKey::from_derived_bytes(&bytes)
        }
        Outcome::BadParameters => Err(VaultError::BadParameters),
        Outcome::NotUnderstood => Err(VaultError::Malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::vault::{MIN_ITERATIONS, MIN_MEMORY_KIB};

    fn cheap() -> KdfParams {
        KdfParams {
            algorithm: "argon2id".into(),
            memory_kib: MIN_MEMORY_KIB,
            iterations: MIN_ITERATIONS,
            parallelism: 1,
            salt: base64_encode(&[7u8; 16]),
        }
    }

    fn ask(passphrase: &str, params: KdfParams) -> Answer {
        let request = Request {
            id: 42,
            job: Job::DeriveKey {
                passphrase: passphrase.into(),
                params,
            },
        };
        let json = answer_json(&serde_json::to_string(&request).unwrap());
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn the_worker_derives_the_same_key_as_the_page_would() {
        let answer = ask("correct horse", cheap());
        assert_eq!(answer.id, 42);
        let from_worker = key_of(&answer.outcome).unwrap();
        let on_the_page = derive_key("correct horse", &cheap()).unwrap();
        assert!(from_worker.same_as(&on_the_page));
        let sealed = on_the_page.seal("k", b"Hear Me", [1; 12]);
        assert_eq!(from_worker.open("k", &sealed).unwrap(), b"Hear Me");
        let other = key_of(&ask("correct horsE", cheap()).outcome).unwrap();
        assert!(!other.same_as(&on_the_page));
    }

    #[test]
    fn parameters_this_version_does_not_use_are_refused_without_work() {
        let mut greedy = cheap();
        greedy.memory_kib = 1024 * 1024;
        greedy.iterations = 64;
        let answer = ask("correct horse", greedy);
        assert_eq!(answer.outcome, Outcome::BadParameters);
        assert_eq!(
            key_of(&answer.outcome).err(),
            Some(VaultError::BadParameters)
        );
    }

    #[test]
    fn a_request_of_another_version_is_answered_as_not_understood_with_its_id() {
        let json = answer_json(r#"{"id":7,"job":{"SealDocuments":{}}}"#);
        let answer: Answer = serde_json::from_str(&json).unwrap();
        assert_eq!(
            answer,
            Answer {
                id: 7,
                outcome: Outcome::NotUnderstood
            }
        );
        assert!(key_of(&answer.outcome).is_err());
        let nonsense: Answer = serde_json::from_str(&answer_json("not json")).unwrap();
        assert_eq!(nonsense.outcome, Outcome::NotUnderstood);
    }
}
