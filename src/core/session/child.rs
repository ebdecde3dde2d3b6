//! The child a session belongs to (`core::child`). A session from before children names
//! none and is its own child, so its record stays as it was. Here rather than in
//! `core::child`, which names sessions by id only: the session's module needs the child's id,
//! and the two must not need each other.

use crate::core::child::ChildId;

use super::Session;

impl Session {
    /// The child this visit belongs to: the one it names, or for a session from before
    /// children, its own child.
    pub fn child_id(&self) -> ChildId {
        self.child_id
            .clone()
            .unwrap_or_else(|| ChildId::for_session(self.id))
    }

    /// Puts this visit under another child (a move, or a join).
    pub fn set_child_id(&mut self, child: ChildId, now_ms: u64) {
        self.child_id = Some(child);
        self.updated_at = now_ms;
    }
}
