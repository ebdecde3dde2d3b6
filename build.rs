//! Generates the translation module from `locales/*.json`.
//!
//! Every JSON file in `locales/` is a language, so adding a language is adding a file.
//! English is the default and the reference every other file is checked against.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

const DEFAULT_LOCALE: &str = "en";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    // Only the browser app shows text; the native core and its tests need no translations.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return Ok(());
    }

    let mut other_locales: Vec<String> = std::fs::read_dir("locales")?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let path = entry.path();
            let is_json = path.extension().is_some_and(|ext| ext == "json");
            let stem = path.file_stem()?.to_str()?.to_owned();
            (is_json && stem != DEFAULT_LOCALE).then_some(stem)
        })
        .collect();
    other_locales.sort();

    // `interpolate_display` lets `t_string!` fill in names for labels and aria-labels.
    let options = ParseOptions::default().interpolate_display(true);
    let config = Config::new(DEFAULT_LOCALE)?
        .add_locales(other_locales)?
        .parse_options(options);
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();

    let module_dir =
        PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    translations.generate_i18n_module(module_dir)?;
    Ok(())
}
