//! The page's side of the Web Worker (`src/bin/worker.rs`): started on first use, it takes a
//! job (`store::off_thread::Job`) and the page awaits the answer while it keeps answering
//! taps. Where no worker can start (an old browser, its files missing), the job is done on
//! the page as before, and the console says so (never what the job was about).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::{
    answer, key_of, seal_backup_job, sealed_of, unseal_backup_job, unsealed_of, Answer, Job,
    Outcome, Request,
};
use crate::store::backup::{BackupError, BackupRandom, MakeBackupError, UnsealedBackup};
use crate::store::vault::{DerivedKey, KdfParams, VaultError, VaultKey};

/// trunk writes the worker's loader under this fixed name (`data-loader-shim`): a worker's
/// file name must be known at run time, so it carries no hash.
const WORKER_SCRIPT: &str = "./hear-me-worker_loader.js";

struct Helper {
    worker: Worker,
    /// Resolves with true once the worker's wasm runs (messages sent before are dropped), or
    /// with false when it failed to start.
    ready: Promise,
    /// Each request waiting for its answer: the function that resolves its promise.
    waiting: Rc<RefCell<HashMap<u32, Function>>>,
}

thread_local! {
    /// None: not started yet; Some(None): it cannot start here.
    static HELPER: RefCell<Option<Option<Rc<Helper>>>> = const { RefCell::new(None) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

/// Does `job` in the Web Worker and gives its outcome; on the page where there is no worker.
pub async fn run(job: Job) -> Outcome {
    let id = NEXT_ID.with(|next| {
        let mut next = next.borrow_mut();
        *next = next.wrapping_add(1).max(1);
        *next
    });
    let request = Request { id, job };
    if let Some(helper) = helper() {
        if let Some(outcome) = ask(&helper, &request).await {
            return outcome;
        }
        // It failed meanwhile: do not ask it again.
        HELPER.with(|slot| *slot.borrow_mut() = Some(None));
    }
    web_sys::console::warn_1(
        &"Hear Me: no Web Worker here; the key is made on the page, which waits for it".into(),
    );
    // (The same when a backup's seal is opened: the page waits for that too.)
    answer(request).outcome
}

/// The worker's answer to `request`, or None when the worker failed or did not understand.
async fn ask(helper: &Helper, request: &Request) -> Option<Outcome> {
    let started = JsFuture::from(helper.ready.clone()).await.ok()?;
    if started != JsValue::TRUE {
        return None;
    }
    let answered = Promise::new(&mut |resolve, _reject| {
        helper.waiting.borrow_mut().insert(request.id, resolve);
    });
    let json = serde_json::to_string(request).expect("a request always serialises");
    if helper
        .worker
        .post_message(&JsValue::from_str(&json))
        .is_err()
    {
        helper.waiting.borrow_mut().remove(&request.id);
        return None;
    }
    let text = JsFuture::from(answered).await.ok()?.as_string()?;
    let answer: Answer = serde_json::from_str(&text).ok()?;
    match answer.outcome {
        Outcome::NotUnderstood => None,
        outcome => Some(outcome),
    }
}

/// The running worker, started now if it was not yet; None where it cannot start.
fn helper() -> Option<Rc<Helper>> {
    HELPER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = Some(start().map(Rc::new));
        }
        slot.clone().flatten()
    })
}

fn start() -> Option<Helper> {
    let worker = Worker::new(WORKER_SCRIPT).ok()?;
    let waiting: Rc<RefCell<HashMap<u32, Function>>> = Rc::default();
    let mut ready_functions = None;
    let ready = Promise::new(&mut |resolve, _reject| ready_functions = Some(resolve));
    let ready_resolve = ready_functions?;

    let on_message = {
        let (waiting, ready_resolve) = (waiting.clone(), ready_resolve.clone());
        Closure::<dyn Fn(MessageEvent)>::new(move |message: MessageEvent| {
            let Some(text) = message.data().as_string() else {
                return;
            };
            if text == "ready" {
                let _ = ready_resolve.call1(&JsValue::NULL, &JsValue::TRUE);
                return;
            }
            let id = serde_json::from_str::<Answer>(&text)
                .map(|answer| answer.id)
                .unwrap_or_default();
            if let Some(resolve) = waiting.borrow_mut().remove(&id) {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
            }
        })
    };
    // A worker whose files are missing or whose wasm fails: every waiting request, and the
    // ones to come, are done on the page.
    let on_error = {
        let waiting = waiting.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |_event: web_sys::Event| {
            let _ = ready_resolve.call1(&JsValue::NULL, &JsValue::FALSE);
            for (_, resolve) in waiting.borrow_mut().drain() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the page.
    on_message.forget();
    on_error.forget();
    Some(Helper {
        worker,
        ready,
        waiting,
    })
}

/// The key Argon2id makes of `passphrase` with `params`, made in the Web Worker.
pub async fn derive_key(passphrase: &str, params: &KdfParams) -> Result<VaultKey, VaultError> {
    let outcome = run(Job::DeriveKey {
        passphrase: passphrase.to_owned(),
        params: params.clone(),
    })
    .await;
    key_of(&outcome)
}

/// A backup file's seal opened with the key of its passphrase, in the Web Worker: one
/// AES-GCM over the whole file would hold the page up (about 90 ms for 50 sessions).
pub async fn unseal_backup(file: &[u8], key: &VaultKey) -> Result<UnsealedBackup, BackupError> {
    unsealed_of(run(unseal_backup_job(file, key)).await)
}

/// A backup file of `records` (each an encoded session), sealed in the Web Worker: one
/// AES-GCM over every session would hold the page up.
pub async fn seal_backup(
    records: Vec<String>,
    children: Vec<String>,
    key: &DerivedKey,
    random: BackupRandom,
    made_at_ms: u64,
    app_version: &str,
) -> Result<Vec<u8>, MakeBackupError> {
    sealed_of(
        run(seal_backup_job(
            records,
            children,
            key,
            random,
            made_at_ms,
            app_version,
        ))
        .await,
    )
}
