//! The child over months: one record per child the worker hears, with the child's visits
//! (sessions, one sealed record each) under them.
//!
//! A session names its child with `Session::child_id`. Sessions from before children
//! existed carry no child id: each reads as its own child, [`ChildId::for_session`], so
//! their records stay byte for byte as they were, and two sessions are never joined behind
//! the worker's back (two "Mia"s may be two children). Joining two children and moving a
//! visit are the worker's deliberate acts, kept in the child's history.

use serde::{Deserialize, Serialize};

use super::id::{Id, IdOf};
use super::session_id::SessionId;

/// Identifies a child on this device and in backups. Text, safe in a storage key, held as
/// [`SessionId`] is, so an id copies like a number and a screen can name a child.
pub type ChildId = Id<OfChild>;

/// What a [`ChildId`] names.
pub enum OfChild {}

impl IdOf for OfChild {
    const NAME: &'static str = "ChildId";
}

impl ChildId {
    /// A new child's id, from the creation time and a random number.
    pub fn new(now_ms: u64, random: u32) -> ChildId {
        ChildId::from(format!("c-{now_ms:x}-{random:08x}").as_str())
    }

    /// The child of a session from before children existed: the same on every tablet, so a
    /// backup of such a session restores into the same child everywhere.
    pub fn for_session(session: SessionId) -> ChildId {
        ChildId::from(format!("c-{session}").as_str())
    }
}

/// What belongs to the child rather than to one visit. As little as the work needs: a first
/// name or alias, and the year of birth when the worker gave an age.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildRecord {
    pub id: ChildId,
    /// The first name or pseudonym, as the worker typed it (trimmed: a label).
    pub alias: String,
    /// Worked out from the age given at a visit and that visit's year; a new visit's age (and
    /// so the version of the tools) is worked out from it. None when no age was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i32>,
    /// The languages the child's screens use, most recent first (codes such as `ar`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Milliseconds since the Unix epoch.
    pub created_at: u64,
    pub updated_at: u64,
    /// Set when the worker marks the case closed; retention counts from the last visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<CaseClosed>,
    /// What the worker did to this child's record over time, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ChildEvent>,
}

/// The worker marked the case closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseClosed {
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// When the worker last answered the retention question with "keep for now": asked
    /// again one period later. None until first asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_at_ms: Option<u64>,
}

/// One thing that happened to a child's record, for the worker's full record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildEvent {
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub what: ChildChange,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ChildChange {
    /// Made from a session stored before children existed.
    MadeFromSession {
        session: SessionId,
    },
    /// Another child's visits were joined into this one; that child's record is gone.
    Joined {
        from: ChildId,
        alias: String,
        visits: usize,
    },
    /// A visit came from another child.
    VisitMovedIn {
        session: SessionId,
        from: ChildId,
    },
    /// A visit went to another child.
    VisitMovedOut {
        session: SessionId,
        to: ChildId,
    },
    /// The worker renamed the child (the alias, not the child's words).
    Renamed {
        from: String,
        to: String,
    },
    CaseClosed,
    CaseReopened,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_id_and_a_session_id_keep_their_text_and_say_what_they_name() {
        let session = SessionId::from("19ac0f3b2a1-0badcafe");
        let child = ChildId::for_session(session);
        assert_eq!(child.as_str(), "c-19ac0f3b2a1-0badcafe");
        assert_eq!(
            format!("{session:?}"),
            "SessionId(\"19ac0f3b2a1-0badcafe\")"
        );
        assert_eq!(format!("{child:?}"), "ChildId(\"c-19ac0f3b2a1-0badcafe\")");
        assert_eq!(child.to_string(), "c-19ac0f3b2a1-0badcafe");
        // Stored as its bare text, and read back as the same id.
        let written = serde_json::to_string(&child).unwrap();
        assert_eq!(written, "\"c-19ac0f3b2a1-0badcafe\"");
        assert_eq!(serde_json::from_str::<ChildId>(&written).unwrap(), child);
        assert_eq!(
            ChildId::new(0x19ac0f3b2a1, 7).as_str(),
            "c-19ac0f3b2a1-00000007"
        );
        // The same text is one kept copy, whichever kind of id asked for it first.
        let as_session = SessionId::from("c-19ac0f3b2a1-0badcafe");
        assert!(std::ptr::eq(as_session.as_str(), child.as_str()));
    }
}
