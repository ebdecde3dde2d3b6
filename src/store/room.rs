//! How full Hear Me's storage on this tablet is, and about how many more sessions fit: so the
//! worker hears about it long before the child's next drawing cannot be saved, and hears
//! what helps (deleting sessions here, not freeing space elsewhere on the tablet).

/// About how many characters a browser lets one site keep in localStorage (5 MiB of UTF-16 in
/// Chromium and WebKit, a little more in Firefox): the lower figure, so "fits" is not promised
/// too early.
pub const LOCAL_STORAGE_CHARS: u64 = 5_000_000;

/// From this share of the room used, the worker is warned.
pub const WARN_AT_PERCENT: u64 = 80;

/// The room Hear Me has on this tablet, in characters of localStorage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Room {
    /// Everything this site keeps, Hear Me's and anything else on the same address.
    pub used: u64,
    pub capacity: u64,
    /// The sessions stored, and the characters they take together.
    pub sessions: u64,
    pub sessions_size: u64,
}

impl Room {
    /// Percent of the room used, at most 100.
    pub fn percent_used(&self) -> u64 {
        if self.capacity == 0 {
            return 100;
        }
        (self.used.saturating_mul(100) / self.capacity).min(100)
    }

    /// Whether to warn the worker: the room is at least [`WARN_AT_PERCENT`] full.
    pub fn warn(&self) -> bool {
        self.percent_used() >= WARN_AT_PERCENT
    }

    /// About how many more sessions of today's average size fit; None with no session yet.
    pub fn sessions_that_fit(&self) -> Option<u64> {
        let average = self.sessions_size.checked_div(self.sessions)?.max(1);
        Some(self.capacity.saturating_sub(self.used) / average)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(used: u64, sessions: u64, sessions_size: u64) -> Room {
        Room {
            used,
            capacity: LOCAL_STORAGE_CHARS,
            sessions,
            sessions_size,
        }
    }

    #[test]
    fn the_warning_starts_at_eighty_percent() {
        assert!(!room(3_999_999, 10, 100).warn());
        assert!(room(4_000_000, 10, 100).warn());
        assert_eq!(room(4_000_000, 10, 100).percent_used(), 80);
        assert_eq!(room(9_000_000, 10, 100).percent_used(), 100);
        assert_eq!(Room::default().percent_used(), 100, "no room at all");
    }

    #[test]
    fn more_sessions_of_the_average_size_fit_in_what_is_left() {
        // 40 sessions of 25,000 characters on average, 1,000,000 used.
        assert_eq!(
            room(1_000_000, 40, 1_000_000).sessions_that_fit(),
            Some(160)
        );
        assert_eq!(room(5_200_000, 40, 1_000_000).sessions_that_fit(), Some(0));
        assert_eq!(room(10, 0, 0).sessions_that_fit(), None);
    }
}
