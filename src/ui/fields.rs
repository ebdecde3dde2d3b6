//! What every text field tells the browser and the tablet's keyboard, in one place. Spell
//! check and autocorrect can send what is typed to a cloud service (Chrome's enhanced spell
//! check, some keyboards), and autocomplete keeps it in the browser's form history, offered
//! later to whoever types in a field like it: so neither may see a child's words, a name, a
//! note, a reason or a response. `spellcheck` on `<html>` is not honoured for every field, so
//! each field says it itself. Spread onto a field: `<input {..fields::as_typed()} />`.
//!
//! Passphrases and PINs are `autocomplete="off"` too, not "current-password"/"new-password":
//! on a shared tablet a browser that keeps the passphrase fills it in for whoever holds the
//! tablet next, may copy it to the browser's account in the cloud, and "new-password" invites
//! a generated passphrase the worker never learns, kept only in that store.
//!
//! `autocapitalize` only sets the on-screen keyboard's Shift and sends nothing, so it is
//! chosen for the typist: off where what is typed is kept exactly as typed (the child's
//! words, names, references, passphrases), sentences for the worker's own prose.

use leptos::attr::custom::custom_attribute;
use leptos::attr::Attribute;

/// A field whose text is kept exactly as typed: the child's words, a name, a reference, a
/// passphrase or PIN, a date. The keyboard puts in no capital the typist did not choose.
pub fn as_typed() -> impl Attribute {
    private_with("off")
}

/// A field for the worker's own sentences (a reason, a reflection, a note for the reader):
/// the keyboard starts each sentence with a capital, as the worker would.
pub fn workers_sentences() -> impl Attribute {
    private_with("sentences")
}

fn private_with(autocapitalize: &'static str) -> impl Attribute {
    (
        custom_attribute("spellcheck", "false"),
        custom_attribute("autocorrect", "off"),
        custom_attribute("autocomplete", "off"),
        custom_attribute("autocapitalize", autocapitalize),
    )
}
