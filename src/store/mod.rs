//! Persistence: the only code that reads or writes stored data.
//!
//! `record` turns sessions into versioned records and back (pure, tested natively);
//! `vault` seals every session and the index with the key from the worker's passphrase
//! (pure, tested natively); `writes` queues sealed records on their way to storage and keeps
//! the journal of those not yet landed (pure, tested natively). `browser` keeps the sealed
//! records in IndexedDB (through `indexed`), one per session plus an index, so one broken
//! record cannot take the others down, and the vault and device records in localStorage.

pub mod backup;
pub mod fault;
pub mod ink_log;
pub mod off_thread;
pub mod record;
pub mod room;
pub mod vault;
pub mod writes;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod indexed;

#[cfg(target_arch = "wasm32")]
pub use browser::{
    all_written, delete_child, delete_session, device_state, flush, flushed, forget_index,
    has_ink_log, has_storage, home_screen_hint_seen, keep_unwritten, last_backup_ms, load,
    log_stroke, on_write_finished, opening, read_vault, remember_backup_made,
    remember_home_screen_hint_seen, reseal_all, retention_period, room, save_child,
    save_device_state, save_session, save_vault, set_retention_period, set_text_setting,
    set_tools_open_in_child_mode, text_setting, tools_open_in_child_mode, visits_to_save_in_full,
    wipe, write_problem, written_or_journaled, Loaded, Opening,
};

pub use record::{DeviceState, RecordError, TextSetting, UnreadableSession, SCHEMA_VERSION};

/// Why something could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives no storage: private mode, or storage turned off.
    Unavailable,
    /// The storage is full (`QuotaExceededError`).
    Full,
    /// Anything else the browser reported; the detail is for the log.
    Failed(String),
    /// Another tab or window changed what this one was about to write over (a session, or
    /// the vault after a passphrase change or a wipe): refused, so nothing there is undone.
    Stale,
}
