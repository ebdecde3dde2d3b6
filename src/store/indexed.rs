//! IndexedDB, through the `idb` crate: one database with one object store of sealed records,
//! each kept as bytes under the same key it had in localStorage (the key is part of the
//! seal). Only `browser` uses this; it decides what to write.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, ObjectStore, TransactionMode, TransactionResult};
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};

use super::writes::{Change, Fingerprint, Landed, Write};
use super::StoreError;

const DATABASE: &str = "hear-me";
/// Raised only with a new object store or index; the records inside have their own versions.
const DATABASE_VERSION: u32 = 1;
const RECORDS: &str = "records";

/// A stored value: sealed bytes, or something this version never writes (planted, or a
/// newer Hear Me's), which is left as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    Bytes(Vec<u8>),
    Other,
}

impl Stored {
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Stored::Bytes(bytes) => Some(bytes),
            Stored::Other => None,
        }
    }

    fn from_js(value: &JsValue) -> Stored {
        match value.dyn_ref::<Uint8Array>() {
            Some(array) => Stored::Bytes(array.to_vec()),
            None => Stored::Other,
        }
    }
}

thread_local! {
    /// The open database, once opened: opening takes a round trip.
    static OPENED: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// Whether this browser has IndexedDB at all (some private modes have none).
pub fn exists() -> bool {
    Factory::new().is_ok()
}

async fn database() -> Result<Rc<Database>, StoreError> {
    if let Some(database) = OPENED.with(|opened| opened.borrow().clone()) {
        return Ok(database);
    }
    let factory = Factory::new().map_err(|_| StoreError::Unavailable)?;
    let mut request = factory
        .open(DATABASE, Some(DATABASE_VERSION))
        .map_err(|_| StoreError::Unavailable)?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            if !database.store_names().iter().any(|name| name == RECORDS) {
                let _ = database.create_object_store(RECORDS, idb::ObjectStoreParams::new());
            }
        }
    });
    let mut database = request.await.map_err(|_| StoreError::Unavailable)?;
    // A newer Hear Me in another tab wants to upgrade the database: let it, and open again
    // at the next use.
    database.on_version_change(|_| {
        OPENED.with(|opened| {
            if let Some(database) = opened.borrow_mut().take() {
                database.close();
            }
        })
    });
    let database = Rc::new(database);
    OPENED.with(|opened| *opened.borrow_mut() = Some(database.clone()));
    Ok(database)
}

fn records(database: &Database, mode: TransactionMode) -> Result<ObjectStore, StoreError> {
    database
        .transaction(&[RECORDS], mode)
        .and_then(|transaction| transaction.object_store(RECORDS))
        .map_err(failed)
}

/// Every stored record, by key.
pub async fn read_all() -> Result<Vec<(String, Stored)>, StoreError> {
    let database = database().await?;
    let store = records(&database, TransactionMode::ReadOnly)?;
    // Both lists come in key order from one transaction, so they pair up.
    let keys = store.get_all_keys(None, None).map_err(failed)?.await;
    let values = store.get_all(None, None).map_err(failed)?.await;
    let (keys, values) = (keys.map_err(failed)?, values.map_err(failed)?);
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(key, value)| Some((key.as_string()?, Stored::from_js(value))))
        .collect())
}

/// One record, as stored now.
pub async fn read(key: &str) -> Result<Option<Stored>, StoreError> {
    let database = database().await?;
    let store = records(&database, TransactionMode::ReadOnly)?;
    let value = store
        .get(JsValue::from_str(key))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(value.as_ref().map(Stored::from_js))
}

/// Writes in one transaction: each only over the value it expects (see [`Write::over`]),
/// the others refused. A full disk or any other failure leaves every record as it was.
pub async fn write(writes: &[Write]) -> Result<Vec<(String, Landed)>, StoreError> {
    let database = database().await?;
    let store = records(&database, TransactionMode::ReadWrite)?;
    let outcomes = match write_each(&store, writes).await {
        Ok(outcomes) => outcomes,
        Err(problem) => {
            // Nothing of a failed batch may land: the transaction would commit what it did.
            let _ = store.transaction().abort();
            return Err(problem);
        }
    };
    match store.transaction().commit() {
        Ok(transaction) => match transaction.await {
            Ok(TransactionResult::Committed) => Ok(outcomes),
            Ok(TransactionResult::Aborted) => Err(aborted(&store)),
            Err(error) => Err(transaction_failure(&store, error)),
        },
        Err(error) => Err(transaction_failure(&store, error)),
    }
}

async fn write_each(
    store: &ObjectStore,
    writes: &[Write],
) -> Result<Vec<(String, Landed)>, StoreError> {
    let mut outcomes = Vec::with_capacity(writes.len());
    for write in writes {
        let key = JsValue::from_str(&write.key);
        let stored = store.get(key.clone()).map_err(failed)?.await;
        let stored = stored.map_err(|error| transaction_failure(store, error))?;
        if fingerprint(stored.as_ref()) != Some(write.over.clone()) {
            outcomes.push((write.key.clone(), Landed::Refused));
            continue;
        }
        let done = match &write.change {
            Change::Put(bytes) => store
                .put(&Uint8Array::from(bytes.as_slice()), Some(&key))
                .map_err(failed)?
                .await
                .map(|_| ()),
            Change::Delete => store.delete(key).map_err(failed)?.await,
        };
        done.map_err(|error| transaction_failure(store, error))?;
        outcomes.push((write.key.clone(), Landed::Written));
    }
    Ok(outcomes)
}

/// Removes every record.
pub async fn clear() -> Result<(), StoreError> {
    let database = database().await?;
    let store = records(&database, TransactionMode::ReadWrite)?;
    store.clear().map_err(failed)?.await.map_err(failed)?;
    Ok(())
}

/// The fingerprint of a stored value without copying it whole out of the browser; None for
/// a value this version never writes, which matches no write.
fn fingerprint(stored: Option<&JsValue>) -> Option<Fingerprint> {
    match stored {
        None => Some(Fingerprint::of(None)),
        Some(value) => {
            let array = value.dyn_ref::<Uint8Array>()?;
            let len = array.length();
            let tail = array.subarray(len.saturating_sub(16), len).to_vec();
            Some(Fingerprint::of_tail(len as usize, &tail))
        }
    }
}

/// Why a transaction ended without committing: a full disk says so itself.
fn aborted(store: &ObjectStore) -> StoreError {
    match store.transaction().error() {
        Some(error) if error.name() == "QuotaExceededError" => StoreError::Full,
        Some(error) => StoreError::Failed(format!("{}: {}", error.name(), error.message())),
        None => StoreError::Failed("the write was cut short".into()),
    }
}

fn transaction_failure(store: &ObjectStore, error: idb::Error) -> StoreError {
    match (failed(error), aborted(store)) {
        (StoreError::Full, _) | (_, StoreError::Full) => StoreError::Full,
        (other, _) => other,
    }
}

/// A failure as the app tells it: a full disk apart from anything else, also where the
/// browser throws it at once instead of aborting the transaction.
fn failed(error: idb::Error) -> StoreError {
    let thrown = match &error {
        idb::Error::DomException(exception) => Some(exception.name()),
        idb::Error::UpdateFailed(value)
        | idb::Error::AddFailed(value)
        | idb::Error::DeleteFailed(value)
        | idb::Error::ClearFailed(value)
        | idb::Error::TransactionOpenFailed(value) => value
            .dyn_ref::<web_sys::DomException>()
            .map(web_sys::DomException::name),
        _ => None,
    };
    match thrown.as_deref() {
        Some("QuotaExceededError") => StoreError::Full,
        _ => StoreError::Failed(error.to_string()),
    }
}
