//! How full Hear Me's storage on this tablet is, and about how many more sessions fit: so the
//! worker hears about it long before the child's next drawing cannot be saved, and hears
//! what helps (downloading summaries, a backup, deleting old sessions here).

use crate::core::local_forms::NumberForm;

/// From this share of the quota used, the worker is warned.
pub const WARN_AT_PERCENT: u64 = 80;

/// The room Hear Me has on this tablet, in bytes, as the browser reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Room {
    /// Everything this site keeps: Hear Me's sessions, and the browser's own copies.
    pub used: u64,
    /// The most the browser lets this site keep; None where it does not say (WebKit).
    pub quota: Option<u64>,
    /// The sessions stored, and the bytes they take together.
    pub sessions: u64,
    pub sessions_size: u64,
}

impl Room {
    /// Percent of the quota used, at most 100; None with no quota known.
    pub fn percent_used(&self) -> Option<u64> {
        let quota = self.quota?;
        if quota == 0 {
            return Some(100);
        }
        Some((self.used.saturating_mul(100) / quota).min(100))
    }

    /// Whether to warn the worker: at least [`WARN_AT_PERCENT`] of the quota is used.
    pub fn warn(&self) -> bool {
        self.percent_used()
            .is_some_and(|percent| percent >= WARN_AT_PERCENT)
    }

    /// About how many more sessions of today's average size fit; None with no session yet or
    /// no quota known.
    pub fn sessions_that_fit(&self) -> Option<u64> {
        let average = self.sessions_size.checked_div(self.sessions)?.max(1);
        Some(self.quota?.saturating_sub(self.used) / average)
    }
}

/// A size as a worker reads it: "820 KB", "4.2 MB", "10 GB" (decimal units, as tablets
/// show them), in the language's number form ("4,2 MB" in German).
pub fn readable_size(bytes: u64, form: NumberForm) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut tenths = bytes.saturating_mul(10);
    while tenths >= 10_000 && unit < UNITS.len() - 1 {
        tenths /= 1000;
        unit += 1;
    }
    if tenths >= 100 || unit == 0 {
        format!("{} {}", form.whole((tenths + 5) / 10), UNITS[unit])
    } else {
        format!("{} {}", form.one_decimal(tenths), UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::local_forms::number_form;

    fn english() -> NumberForm {
        number_form("en")
    }

    fn german() -> NumberForm {
        number_form("de")
    }

    #[test]
    fn sizes_read_as_a_tablet_shows_them() {
        assert_eq!(readable_size(512, english()), "512 B");
        assert_eq!(readable_size(820_000, english()), "820 KB");
        assert_eq!(readable_size(4_230_000, english()), "4.2 MB");
        assert_eq!(readable_size(4_230_000, german()), "4,2 MB");
        assert_eq!(readable_size(10_737_418_240, english()), "11 GB");
        assert_eq!(readable_size(0, english()), "0 B");
    }

    fn room(used: u64, sessions: u64, sessions_size: u64) -> Room {
        Room {
            used,
            quota: Some(5_000_000),
            sessions,
            sessions_size,
        }
    }

    #[test]
    fn the_warning_starts_at_eighty_percent() {
        assert!(!room(3_999_999, 10, 100).warn());
        assert!(room(4_000_000, 10, 100).warn());
        assert_eq!(room(4_000_000, 10, 100).percent_used(), Some(80));
        assert_eq!(room(9_000_000, 10, 100).percent_used(), Some(100));
        let no_quota = Room {
            quota: None,
            ..room(4_900_000, 10, 100)
        };
        assert_eq!(no_quota.percent_used(), None, "WebKit does not say");
        assert!(!no_quota.warn());
        let nothing_allowed = Room {
            quota: Some(0),
            ..Room::default()
        };
        assert_eq!(nothing_allowed.percent_used(), Some(100));
    }

    #[test]
    fn more_sessions_of_the_average_size_fit_in_what_is_left() {
        // 40 sessions of 25,000 bytes on average, 1,000,000 used.
        assert_eq!(
            room(1_000_000, 40, 1_000_000).sessions_that_fit(),
            Some(160)
        );
        assert_eq!(room(5_200_000, 40, 1_000_000).sessions_that_fit(), Some(0));
        assert_eq!(room(10, 0, 0).sessions_that_fit(), None);
        let no_quota = Room {
            quota: None,
            ..room(10, 4, 100)
        };
        assert_eq!(no_quota.sessions_that_fit(), None);
    }
}
