//! Persistence: the only code that reads or writes stored data.
//!
//! `record` turns sessions into versioned records and back (pure, tested natively);
//! `browser` keeps those records in localStorage, one key per session plus an index, so one
//! broken record cannot take the others down. Encryption and backups will live here too.

pub mod record;

#[cfg(target_arch = "wasm32")]
mod browser;

#[cfg(target_arch = "wasm32")]
pub use browser::{delete_session, load, save_device_state, save_session, Loaded};

pub use record::{DeviceState, RecordError, UnreadableSession, SCHEMA_VERSION};

/// Why something could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives no storage: private mode, or storage turned off.
    Unavailable,
    /// The storage is full (`QuotaExceededError`).
    Full,
    /// Anything else the browser reported; the detail is for the log.
    Failed(String),
}
