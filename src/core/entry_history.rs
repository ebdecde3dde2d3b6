//! What an entry was before it changed during the conversation. Nothing the child made is
//! lost: once an entry holds something, a change to its words, who said and who wrote them,
//! its caption or its drawing keeps the earlier version in the session, and the worker's full
//! record shows it ("changed during the conversation: before / after / when").
//!
//! Words are saved at every keystroke, so a change is counted per *opening*: from the moment
//! an editor opens the entry until it closes. Every edit in one opening updates one change;
//! opening it again later makes a new one. What a new entry gets in the opening that made
//! it is not a change (there was nothing before), and neither is adding ink to a drawing:
//! only erasing what the drawing held when it was opened keeps a copy.

use super::entry::{Changed, Entry, EntryChange, EntryContent, EntryId, Part, Words};
use super::ink::Drawing;
use super::question::Question;

/// One opening of an entry for editing, with what the opened part held then. Made only by
/// [`Session::open_for_editing`](super::Session::open_for_editing), so what it says was there
/// is what the session held.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    pub(crate) question: Question,
    pub(crate) entry: EntryId,
    pub(crate) at_ms: u64,
    pub(crate) before: Version,
}

impl Opening {
    pub fn question(&self) -> Question {
        self.question
    }

    pub fn entry(&self) -> EntryId {
        self.entry
    }

    pub fn part(&self) -> Part {
        match self.before {
            Version::Words(_) => Part::Words,
            Version::Caption(_) => Part::Caption,
            Version::Drawing(_) => Part::Drawing,
        }
    }
}

/// What an opened part held when it was opened.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Version {
    Words(Words),
    Caption(Option<Words>),
    Drawing(Drawing),
}

impl Version {
    /// The opened part of `entry` as it is now; None when the entry has no such part.
    pub(crate) fn of(entry: &Entry, part: Part) -> Option<Version> {
        match (part, &entry.content) {
            (Part::Words, EntryContent::Words(words)) => Some(Version::Words(words.clone())),
            (Part::Caption, EntryContent::Drawing(_)) => {
                Some(Version::Caption(entry.caption.clone()))
            }
            (Part::Drawing, EntryContent::Drawing(drawing)) => {
                Some(Version::Drawing(drawing.clone()))
            }
            _ => None,
        }
    }
}

/// After an edit in `opening`, keeps in `entry` what the opened part was before, when the
/// edit changed something that was there: creates this opening's change, updates it, or
/// drops it when the part is back as it was opened (an undo, or words typed and taken away).
pub(crate) fn keep_earlier(entry: &mut Entry, opening: &Opening, now_ms: u64) {
    let kept = this_opening(entry, opening);
    // Borrowed, not copied: a drawing is compared at every stroke and copied only once.
    let what = match (&opening.before, &entry.content) {
        (Version::Words(before), EntryContent::Words(after)) => {
            (!before.text.is_empty() && before != after).then(|| Changed::Words {
                before: before.clone(),
                after: after.clone(),
            })
        }
        (Version::Caption(before), EntryContent::Drawing(_)) => {
            (before.is_some() && *before != entry.caption).then(|| Changed::Caption {
                before: before.clone(),
                after: entry.caption.clone(),
            })
        }
        (Version::Drawing(before), EntryContent::Drawing(after)) => {
            if holds_all_of(after, before) {
                None
            } else if kept.is_some() {
                // This opening's copy is kept already: the drawing as it was when opened.
                return;
            } else {
                Some(Changed::Drawing {
                    before: before.clone(),
                })
            }
        }
        _ => return,
    };
    match (kept, what) {
        (Some(index), Some(what)) => entry.changes[index].what = what,
        (None, Some(what)) => entry.changes.push(EntryChange {
            opened_at_ms: opening.at_ms,
            at_ms: now_ms,
            what,
        }),
        (Some(index), None) => {
            entry.changes.remove(index);
        }
        (None, None) => {}
    }
}

/// Where the change of this opening is among the entry's changes, if it made one.
fn this_opening(entry: &Entry, opening: &Opening) -> Option<usize> {
    entry.changes.iter().rposition(|change| {
        change.opened_at_ms == opening.at_ms && change.what.part() == opening.part()
    })
}

/// Whether `drawing` still holds every stroke and stamp `before` held, unchanged and in
/// their order: ink added to it is no loss; anything erased, cleared, moved or resized is.
fn holds_all_of(drawing: &Drawing, before: &Drawing) -> bool {
    is_kept_in(&drawing.strokes, &before.strokes) && is_kept_in(&drawing.stamps, &before.stamps)
}

/// Whether `before` is a subsequence of `now` (the usual case, ink added at the end, is
/// checked first and cheaply).
fn is_kept_in<T: PartialEq>(now: &[T], before: &[T]) -> bool {
    if now.get(..before.len()) == Some(before) {
        return true;
    }
    let mut now = now.iter();
    before.iter().all(|item| now.any(|kept| kept == item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subsequence_is_kept_and_a_missing_or_moved_item_is_not() {
        assert!(is_kept_in(&[1, 2, 3], &[1, 2]));
        assert!(is_kept_in(&[1, 5, 2, 3], &[1, 2, 3]));
        assert!(is_kept_in::<u8>(&[], &[]));
        assert!(!is_kept_in(&[1, 3], &[1, 2, 3]));
        assert!(!is_kept_in(&[2, 1], &[1, 2]));
        assert!(!is_kept_in(&[], &[1]));
    }
}
