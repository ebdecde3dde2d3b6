//! The id of a session: the one thing of a session that the records around it (the child's,
//! what links a visit to the ones before) name. Kept apart from `core::session` so they can
//! name a session without needing the session's module, which needs theirs.

use super::id::{Id, IdOf};

/// Identifies a session on this device. Stored and used in storage keys as its text.
pub type SessionId = Id<OfSession>;

/// What a [`SessionId`] names.
pub enum OfSession {}

impl IdOf for OfSession {
    const NAME: &'static str = "SessionId";
}

impl SessionId {
    /// An id from the creation time and a random number, safe in a storage key.
    pub fn new(now_ms: u64, random: u32) -> SessionId {
        SessionId::from(format!("{now_ms:x}-{random:08x}").as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_id_copies_and_keeps_its_text_exactly() {
        let id = SessionId::new(0x19ac0f3b2a1, 0x0bad_cafe);
        assert_eq!(id.as_str(), "19ac0f3b2a1-0badcafe");
        let copy = id;
        assert_eq!(copy, id);
        // The same text read again (from storage, a key, a backup) is the same id.
        let read: SessionId = serde_json::from_str("\"19ac0f3b2a1-0badcafe\"").unwrap();
        assert_eq!(read, id);
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            "\"19ac0f3b2a1-0badcafe\""
        );
        // Any text an earlier version or a backup holds, escaped or long, reads back as it was.
        let odd = "a\"b/\u{e9}-".repeat(20);
        let written = serde_json::to_string(&SessionId::from(odd.as_str())).unwrap();
        assert_eq!(
            serde_json::from_str::<SessionId>(&written)
                .unwrap()
                .as_str(),
            odd
        );
        // Ordered as their texts are, so anything kept in id order stays in the same order.
        let (a, b) = (SessionId::from("a-2"), SessionId::from("a-10"));
        assert_eq!(a.cmp(&b), "a-2".cmp("a-10"));
        assert_ne!(SessionId::from("a"), SessionId::from("b"));
    }
}
