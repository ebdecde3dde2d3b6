//! The lock's rules, apart from the browser: when an unused tablet locks itself, how many
//! wrong PINs it forgives, and how changes kept through a lock meet what storage gives back
//! at the next unlock.

use std::collections::HashMap;

use super::session::{Session, SessionId};

/// Wrong PINs in a row before the app locks itself: a PIN is short, the passphrase is not.
pub const PIN_TRIES: u32 = 3;

/// Whether the app has gone unused for the auto-lock time. Hidden counts as unused from the
/// moment it was hidden: timers may not run while a tablet sleeps, so coming back late must
/// find the app locked.
pub fn idle_long_enough(
    now_ms: u64,
    last_activity_ms: u64,
    hidden_since_ms: Option<u64>,
    auto_lock_ms: u64,
) -> bool {
    let since = hidden_since_ms.map_or(last_activity_ms, |hidden| hidden.min(last_activity_ms));
    now_ms.saturating_sub(since) >= auto_lock_ms
}

/// What a PIN answer leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinAnswer {
    Right,
    /// Wrong, and the worker may try again.
    TryAgain,
    /// Wrong once too often: the app locks, and only the passphrase opens it.
    LockNow,
}

/// Counts wrong PINs in a row; a right one starts the count afresh.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PinTries {
    wrong_in_a_row: u32,
}

impl PinTries {
    pub fn answer(&mut self, right: bool) -> PinAnswer {
        if right {
            self.wrong_in_a_row = 0;
            return PinAnswer::Right;
        }
        self.wrong_in_a_row += 1;
        if self.wrong_in_a_row >= PIN_TRIES {
            self.wrong_in_a_row = 0;
            PinAnswer::LockNow
        } else {
            PinAnswer::TryAgain
        }
    }
}

/// Measures the time a screen asking for the passphrase is actually shown, for the wait
/// between wrong tries, with a clock that only moves forward (`performance.now()` in the
/// browser): setting the tablet's clock forward does not move it. Time hidden, or between
/// two such screens, is not counted.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WaitClock {
    /// The clock's reading at the last tick while shown.
    last: Option<f64>,
}

impl WaitClock {
    /// A tick at `now` (milliseconds of the forward-only clock): the time shown since the
    /// last tick, in whole milliseconds; nothing at the first tick after a stop or while
    /// hidden. Fractions are carried to the next tick, so no time is lost or made up.
    pub fn tick(&mut self, now: f64, shown: bool) -> u64 {
        if !shown {
            self.last = None;
            return 0;
        }
        let Some(last) = self.last else {
            self.last = Some(now);
            return 0;
        };
        if now < last {
            // Not this clock's way, but never a reason to count.
            self.last = Some(now);
            return 0;
        }
        let counted = (now - last).floor();
        self.last = Some(last + counted);
        counted as u64
    }

    /// The screen is gone or hidden: what comes until the next tick is not counted.
    pub fn stop(&mut self) {
        self.last = None;
    }
}

/// Changes storage refused before a lock are newer than what storage gives back at unlock:
/// each kept session replaces the loaded copy, and keeps the revision it was read at (0 when
/// never stored), so its save cannot undo another tab's work.
pub fn merge_kept_sessions(
    loaded: &mut Vec<Session>,
    loaded_revisions: &mut HashMap<SessionId, u64>,
    kept: Vec<Session>,
    kept_revisions: &HashMap<SessionId, u64>,
) {
    for session in kept {
        loaded.retain(|s| s.id != session.id);
        let revision = kept_revisions.get(&session.id).copied().unwrap_or(0);
        loaded_revisions.insert(session.id, revision);
        loaded.push(session);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::NewSession;

    const MINUTE: u64 = 60_000;

    #[test]
    fn the_wait_counts_only_time_shown_on_a_clock_that_moves_forward() {
        let mut clock = WaitClock::default();
        assert_eq!(clock.tick(1000.0, true), 0, "the first tick only starts it");
        assert_eq!(clock.tick(1250.4, true), 250);
        assert_eq!(clock.tick(1500.8, true), 250, "fractions carried, not lost");
        // Hidden (the tablet put away): nothing counts, however long.
        assert_eq!(clock.tick(9000.0, false), 0);
        assert_eq!(
            clock.tick(300_000.0, true),
            0,
            "starts afresh when shown again"
        );
        assert_eq!(clock.tick(301_000.0, true), 1000);
        // Between two screens that ask: not counted either.
        clock.stop();
        assert_eq!(clock.tick(900_000.0, true), 0);
        // A clock that went back counts nothing, and is not owed later.
        assert_eq!(clock.tick(800_000.0, true), 0);
        assert_eq!(clock.tick(800_500.0, true), 500);
    }

    #[test]
    fn locks_after_the_auto_lock_time_without_use() {
        assert!(!idle_long_enough(10 * MINUTE - 1, 0, None, 10 * MINUTE));
        assert!(idle_long_enough(10 * MINUTE, 0, None, 10 * MINUTE));
        // A touch starts the time afresh.
        assert!(!idle_long_enough(10 * MINUTE, MINUTE, None, 10 * MINUTE));
    }

    #[test]
    fn hidden_counts_from_when_it_was_hidden() {
        // Hidden at minute 1, last touched at minute 2 (a touch just before the tablet
        // slept): the time counts from minute 1.
        assert!(idle_long_enough(
            11 * MINUTE,
            2 * MINUTE,
            Some(MINUTE),
            10 * MINUTE
        ));
        assert!(!idle_long_enough(
            11 * MINUTE - 1,
            2 * MINUTE,
            Some(MINUTE),
            10 * MINUTE
        ));
    }

    #[test]
    fn a_clock_set_back_does_not_lock() {
        assert!(!idle_long_enough(0, 5 * MINUTE, None, MINUTE));
    }

    #[test]
    fn three_wrong_pins_in_a_row_lock_and_the_count_starts_afresh() {
        let mut tries = PinTries::default();
        assert_eq!(tries.answer(false), PinAnswer::TryAgain);
        assert_eq!(tries.answer(false), PinAnswer::TryAgain);
        assert_eq!(tries.answer(false), PinAnswer::LockNow);
        assert_eq!(tries.answer(false), PinAnswer::TryAgain);
    }

    #[test]
    fn a_right_pin_forgives_the_wrong_ones_before() {
        let mut tries = PinTries::default();
        tries.answer(false);
        tries.answer(false);
        assert_eq!(tries.answer(true), PinAnswer::Right);
        assert_eq!(tries.answer(false), PinAnswer::TryAgain);
        assert_eq!(tries.answer(false), PinAnswer::TryAgain);
        assert_eq!(tries.answer(false), PinAnswer::LockNow);
    }

    fn session(id: &str, child: &str) -> Session {
        let form = NewSession {
            child_name: child.into(),
            age: String::new(),
            worker_name: String::new(),
            date: "2026-11-30".into(),
        };
        Session::start(&form, SessionId::from(id), 1000).expect("a valid form")
    }

    #[test]
    fn kept_changes_replace_the_loaded_copy_with_the_revision_they_were_read_at() {
        let mut loaded = vec![session("a", "stored"), session("b", "other")];
        let mut revisions = HashMap::from([(SessionId::from("a"), 7), (SessionId::from("b"), 3)]);
        let kept = vec![session("a", "kept"), session("c", "new")];
        let kept_revisions = HashMap::from([(SessionId::from("a"), 5)]);

        merge_kept_sessions(&mut loaded, &mut revisions, kept, &kept_revisions);

        let names: Vec<_> = loaded
            .iter()
            .map(|s| (s.id.as_str(), s.child.name.as_str()))
            .collect();
        assert_eq!(names, [("b", "other"), ("a", "kept"), ("c", "new")]);
        // The revision the kept change was read at, not the newer stored one: its save is
        // refused if another tab wrote meanwhile, rather than undoing that work.
        assert_eq!(revisions[&SessionId::from("a")], 5);
        assert_eq!(revisions[&SessionId::from("b")], 3);
        // Never stored: a save only lands where nothing is.
        assert_eq!(revisions[&SessionId::from("c")], 0);
    }
}
