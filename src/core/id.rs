//! The ids that name a record on this device and in backups: a session's (`SessionId`) and a
//! child's (`ChildId`). One type for both, [`Id`], with a marker saying what it names, so
//! the two cannot be mixed up and share their one interner, serde and printing.
//!
//! Generic rather than a macro: every impl below is ordinary code, read and tested once, and
//! an error in a caller names `Id<OfChild>`, not a macro's expansion.
//!
//! It needs none of the modules whose ids it makes (modules need each other in no circle,
//! tests/layers.rs).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Serialize};

/// What an [`Id`] names: its name as the id is printed for debugging.
pub trait IdOf {
    const NAME: &'static str;
}

/// Identifies a record of kind `Of`. Stored and used in storage keys as its text; held as a
/// shared copy of that text, so an id copies like a number and a screen can name it.
pub struct Id<Of> {
    text: &'static str,
    // `fn() -> Of`: an id is Send, Sync and Copy whatever the marker is.
    of: PhantomData<fn() -> Of>,
}

impl<Of> Id<Of> {
    pub fn as_str(&self) -> &'static str {
        self.text
    }
}

/// The one interner of every id's text: each distinct text is kept once for the life of the
/// page. A device holds a few hundred sessions and children at most, so this costs a few
/// kilobytes.
fn intern(text: &str) -> &'static str {
    static KNOWN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut known = KNOWN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(same) = known.get(text) {
        return same;
    }
    let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
    known.insert(kept);
    kept
}

impl<Of> From<&str> for Id<Of> {
    fn from(text: &str) -> Id<Of> {
        Id {
            text: intern(text),
            of: PhantomData,
        }
    }
}

// By hand, not derived: a derive would ask the marker to be Clone, Eq, Hash… too.
impl<Of> Clone for Id<Of> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Of> Copy for Id<Of> {}

impl<Of> PartialEq for Id<Of> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<Of> Eq for Id<Of> {}

/// Ordered as their texts are, so anything kept in id order stays in the same order.
impl<Of> PartialOrd for Id<Of> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<Of> Ord for Id<Of> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.text.cmp(other.text)
    }
}

impl<Of> Hash for Id<Of> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl<Of: IdOf> std::fmt::Debug for Id<Of> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple(Of::NAME).field(&self.text).finish()
    }
}

impl<Of> std::fmt::Display for Id<Of> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text)
    }
}

impl<Of> Serialize for Id<Of> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text)
    }
}

impl<'de, Of> Deserialize<'de> for Id<Of> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Id<Of>, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Ok(Id::from(text.as_ref()))
    }
}
