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

use super::backup::{
    seal_records_with_children, unseal_backup, BackupError, BackupRandom, MakeBackupError,
    UnsealedBackup,
};
use super::vault::{derive_key, DerivedKey, KdfParams, VaultError, VaultKey};
use crate::core::ink::base64::{base64_decode, base64_encode};

/// What the page asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// The key Argon2id makes of `passphrase` with `params` (a vault's or a backup's).
    DeriveKey {
        passphrase: String,
        params: KdfParams,
    },
    /// A backup file's seal opened with its key (see [`unseal_backup`]): one AES-GCM over
    /// the whole file, too long a step for the page. Both base64.
    UnsealBackup { file: String, key: String },
    /// A backup file of sessions already encoded, sealed under the key of its passphrase
    /// (base64, with its parameters; see [`seal_records_with_children`]).
    SealBackup {
        records: Vec<String>,
        /// The records of the sessions' children.
        #[serde(default)]
        children: Vec<String>,
        key: String,
        params: KdfParams,
        random: BackupRandom,
        made_at_ms: u64,
        app_version: String,
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
    /// A backup's sessions, each still its stored record.
    Unsealed(UnsealedBackup),
    /// Why a backup could not be opened.
    BackupRefused(BackupError),
    /// A backup file, base64.
    Sealed(String),
    /// Why a backup could not be made.
    BackupNotMade(MakeBackupError),
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
        Job::UnsealBackup { file, key } => match unseal_job(&file, &key) {
            Ok(unsealed) => Outcome::Unsealed(unsealed),
            Err(refused) => Outcome::BackupRefused(refused),
        },
        Job::SealBackup {
            records,
            children,
            key,
            params,
            random,
            made_at_ms,
            app_version,
        } => {
            let sealed = Zeroizing::new(base64_decode(&key).unwrap_or_default());
            match VaultKey::from_derived_bytes(&sealed) {
                Ok(key) => match seal_records_with_children(
                    &records,
                    &children,
                    DerivedKey { key, params },
                    &random,
                    made_at_ms,
                    &app_version,
                ) {
                    Ok(file) => Outcome::Sealed(base64_encode(&file)),
                    Err(refused) => Outcome::BackupNotMade(refused),
                },
                Err(_) => Outcome::BackupNotMade(MakeBackupError::BadParameters),
            }
        }
    };
    Answer {
        id: request.id,
        outcome,
    }
}

fn unseal_job(file: &str, key: &str) -> Result<UnsealedBackup, BackupError> {
    let file = base64_decode(file).map_err(|_| BackupError::Damaged)?;
    let key = Zeroizing::new(base64_decode(key).map_err(|_| BackupError::Damaged)?);
    let key = VaultKey::from_derived_bytes(&key).map_err(|_| BackupError::Damaged)?;
    unseal_backup(&file, &key)
}

/// The request to open a backup's seal with the key of its passphrase.
pub fn unseal_backup_job(file: &[u8], key: &VaultKey) -> Job {
    Job::UnsealBackup {
        file: base64_encode(file),
        key: base64_encode(key.derived_bytes()),
    }
}

/// The request to seal a backup of `records` (each an encoded session) and `children`
/// (each an encoded child record).
pub fn seal_backup_job(
    records: Vec<String>,
    children: Vec<String>,
    key: &DerivedKey,
    random: BackupRandom,
    made_at_ms: u64,
    app_version: &str,
) -> Job {
    Job::SealBackup {
        records,
        children,
        key: base64_encode(key.key.derived_bytes()),
        params: key.params.clone(),
        random,
        made_at_ms,
        app_version: app_version.to_owned(),
    }
}

/// The file an answer to [`Job::SealBackup`] carries.
pub fn sealed_of(outcome: Outcome) -> Result<Vec<u8>, MakeBackupError> {
    match outcome {
        Outcome::Sealed(file) => base64_decode(&file).map_err(|_| MakeBackupError::BadParameters),
        Outcome::BackupNotMade(refused) => Err(refused),
        _ => Err(MakeBackupError::BadParameters),
    }
}

/// The backup an answer to [`Job::UnsealBackup`] carries.
pub fn unsealed_of(outcome: Outcome) -> Result<UnsealedBackup, BackupError> {
    match outcome {
        Outcome::Unsealed(unsealed) => Ok(unsealed),
        Outcome::BackupRefused(refused) => Err(refused),
        _ => Err(BackupError::Damaged),
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
        _ => Err(VaultError::Malformed),
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
    fn the_worker_opens_a_backups_seal_as_the_page_would() {
        use crate::core::{NewSession, Session, SessionId};
        use crate::store::backup::{backup_kdf, make_backup, open_backup, BackupRandom};
        let form = NewSession {
            child_name: "Mia".into(),
            age: "7".into(),
            worker_name: "Sam".into(),
            date: "2026-12-07".into(),
        };
        let session = Session::start(&form, SessionId::new(1000, 1), 1000).unwrap();
        let random = BackupRandom {
            check_nonce: [1; 12],
            sessions_nonce: [2; 12],
        };
        let file = make_backup(
            std::slice::from_ref(&session),
            "Apfelbaum am Fluss",
            cheap(),
            &random,
            42,
            "0.1.0",
        )
        .unwrap();
        let key = derive_key("Apfelbaum am Fluss", &backup_kdf(&file).unwrap()).unwrap();
        let asked = |file: &[u8], key: &VaultKey| {
            let request = Request {
                id: 9,
                job: unseal_backup_job(file, key),
            };
            let json = answer_json(&serde_json::to_string(&request).unwrap());
            let answer: Answer = serde_json::from_str(&json).unwrap();
            unsealed_of(answer.outcome)
        };
        // Sealed in the worker, the file is the one the page would make.
        let request = Request {
            id: 10,
            job: seal_backup_job(
                vec![crate::store::record::encode_session(&session)],
                Vec::new(),
                &DerivedKey {
                    key: derive_key("Apfelbaum am Fluss", &cheap()).unwrap(),
                    params: cheap(),
                },
                random.clone(),
                42,
                "0.1.0",
            ),
        };
        let answer: Answer =
            serde_json::from_str(&answer_json(&serde_json::to_string(&request).unwrap())).unwrap();
        assert_eq!(sealed_of(answer.outcome), Ok(file.clone()));
        let unsealed = asked(&file, &key).unwrap();
        assert_eq!(unsealed, unseal_backup(&file, &key).unwrap());
        assert_eq!(open_backup(&file, &key).unwrap().sessions, vec![session]);
        // A wrong passphrase and a damaged file are told apart, as on the page.
        let wrong = derive_key("Apfelbaum am FlusS", &cheap()).unwrap();
        assert_eq!(asked(&file, &wrong), Err(BackupError::WrongPassphrase));
        let mut damaged = file.clone();
        let middle = damaged.len() / 2;
        damaged[middle] ^= 1;
        assert_eq!(asked(&damaged, &key), Err(BackupError::Damaged));
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
