//! How long a closed case's records are kept (storage limitation, GDPR art. 5(1)(e)).
//!
//! Hear Me deletes nothing by itself: once a child's case is marked closed and the period set
//! in Settings has passed since the last visit, the worker is asked at unlock whether to
//! delete that child's records, with a backup and the full record offered first. "Keep for
//! now" asks again one period later. A case that is not closed is never asked about.
//!
//! Dates are the visits' own `YYYY-MM-DD` days; the question compares them with today's
//! day on the tablet. A tablet clock set back only delays the question; one set forward asks
//! early, and the worker's answer decides.

use super::child::ChildRecord;
use super::sharing::is_iso_date;

/// The months after the last visit of a closed case before the worker is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionPeriod {
    pub months: u16,
}

impl RetentionPeriod {
    /// Six months after the last visit, unless the worker sets another period.
    pub const DEFAULT: RetentionPeriod = RetentionPeriod { months: 6 };
    /// The periods Settings offers, in months.
    pub const CHOICES: [u16; 5] = [3, 6, 12, 24, 36];
}

impl Default for RetentionPeriod {
    fn default() -> Self {
        RetentionPeriod::DEFAULT
    }
}

/// Whether to ask the worker now about deleting this child's records: the case is closed,
/// and the period has passed since the last visit, and since the worker last chose to keep
/// them. `last_visit` is the newest visit's day (None: no visit left); `today` is the
/// tablet's day, `YYYY-MM-DD`.
pub fn ask_about(
    child: &ChildRecord,
    last_visit: Option<&str>,
    period: RetentionPeriod,
    today: &str,
) -> bool {
    let Some(closed) = &child.closed else {
        return false;
    };
    if !is_iso_date(today) {
        return false;
    }
    let from_last_visit = last_visit
        .filter(|day| is_iso_date(day))
        .map(|day| add_months(day, period.months));
    let from_kept = closed
        .kept_at_ms
        .map(|at| add_months(&day_of_ms(at), period.months));
    let due = match (from_last_visit, from_kept) {
        (Some(a), Some(b)) => a.max(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        // Closed with no visit left and never kept: the record is only the child's name.
        (None, None) => day_of_ms(closed.at_ms),
    };
    today >= due.as_str()
}

/// The day `months` after `day` (`YYYY-MM-DD`), on the last day of the month where the
/// month is shorter (31 August + 6 months is 28 or 29 February).
pub fn add_months(day: &str, months: u16) -> String {
    let (year, month, date) = parts(day);
    let index = year * 12 + (month - 1) + i64::from(months);
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let date = date.min(days_in_month(year, month));
    format!("{year:04}-{month:02}-{date:02}")
}

/// The UTC day of a moment, `YYYY-MM-DD`.
pub fn day_of_ms(at_ms: u64) -> String {
    let days = (at_ms / 86_400_000) as i64;
    let (year, month, date) = civil_from_days(days);
    format!("{year:04}-{month:02}-{date:02}")
}

fn parts(day: &str) -> (i64, i64, i64) {
    let number = |range: std::ops::Range<usize>| day[range].parse::<i64>().unwrap_or(1);
    (number(0..4), number(5..7), number(8..10))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-to-civil, for days since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let date = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::child::{CaseClosed, ChildId};

    fn child(closed: Option<CaseClosed>) -> ChildRecord {
        ChildRecord {
            id: ChildId("c-mia".into()),
            alias: "Mia".into(),
            birth_year: Some(2018),
            languages: Vec::new(),
            created_at: 0,
            updated_at: 0,
            closed,
            history: Vec::new(),
        }
    }

    /// Noon UTC of a day, in milliseconds.
    fn noon(day: &str) -> u64 {
        let (year, month, date) = parts(day);
        // Count days forward from 1970 with the inverse we trust: search is fine in a test.
        let mut days = 0i64;
        while civil_from_days(days) != (year, month, date) {
            days += 1;
        }
        (days as u64) * 86_400_000 + 43_200_000
    }

    #[test]
    fn an_open_case_is_never_asked_about_however_old() {
        let open = child(None);
        assert!(!ask_about(
            &open,
            Some("2020-01-01"),
            RetentionPeriod::DEFAULT,
            "2026-12-07"
        ));
    }

    #[test]
    fn a_closed_case_is_asked_about_once_the_period_after_the_last_visit_has_passed() {
        let closed = child(Some(CaseClosed {
            at_ms: noon("2026-05-20"),
            kept_at_ms: None,
        }));
        let period = RetentionPeriod::DEFAULT;
        assert!(!ask_about(
            &closed,
            Some("2026-05-12"),
            period,
            "2026-11-11"
        ));
        assert!(ask_about(&closed, Some("2026-05-12"), period, "2026-11-12"));
        assert!(ask_about(&closed, Some("2026-05-12"), period, "2027-03-01"));
        // A longer period set in Settings waits longer.
        let year = RetentionPeriod { months: 12 };
        assert!(!ask_about(&closed, Some("2026-05-12"), year, "2026-11-12"));
        assert!(ask_about(&closed, Some("2026-05-12"), year, "2027-05-12"));
    }

    #[test]
    fn keep_for_now_asks_again_one_period_after_the_answer() {
        let kept = child(Some(CaseClosed {
            at_ms: noon("2026-01-10"),
            kept_at_ms: Some(noon("2026-12-07")),
        }));
        let period = RetentionPeriod::DEFAULT;
        assert!(!ask_about(&kept, Some("2026-01-05"), period, "2026-12-08"));
        assert!(!ask_about(&kept, Some("2026-01-05"), period, "2027-06-06"));
        assert!(ask_about(&kept, Some("2026-01-05"), period, "2027-06-07"));
    }

    #[test]
    fn a_clock_set_back_only_delays_and_a_day_that_is_no_day_asks_nothing() {
        let closed = child(Some(CaseClosed {
            at_ms: noon("2026-05-20"),
            kept_at_ms: None,
        }));
        let period = RetentionPeriod::DEFAULT;
        assert!(!ask_about(
            &closed,
            Some("2026-05-12"),
            period,
            "1970-01-01"
        ));
        assert!(!ask_about(&closed, Some("2026-05-12"), period, "soon"));
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(add_months("2026-08-31", 6), "2027-02-28");
        assert_eq!(add_months("2027-08-31", 6), "2028-02-29");
        assert_eq!(add_months("2026-11-15", 3), "2027-02-15");
        assert_eq!(add_months("2026-01-31", 36), "2029-01-31");
        assert_eq!(day_of_ms(0), "1970-01-01");
        assert_eq!(day_of_ms(noon("2026-12-07")), "2026-12-07");
        assert_eq!(day_of_ms(noon("2028-02-29")), "2028-02-29");
    }
}
