//! Hear Me: the Three Houses on a tablet, so a child's drawings and own words are heard and
//! kept faithfully, on the device only.

pub mod core;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod i18n;
