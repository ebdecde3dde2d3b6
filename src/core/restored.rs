//! Where a session came from when it was not made on this tablet: each time it was restored
//! from a backup, with what the backup's file says of itself. So a session from a
//! colleague's backup, or from a crafted one, is never taken for one made here.

use serde::{Deserialize, Serialize};

use super::translation::fill;

/// One time a session came onto a tablet from a backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restore {
    /// When it was restored, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// When the backup says it was made; None where it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_made_at_ms: Option<u64>,
    /// The Hear Me version the backup says made it; None where it names none that a Hear Me
    /// could have written (see [`backup_version`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_app_version: Option<String>,
    /// Kept beside this tablet's own, different copy of the session, under a new id.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub beside_own_copy: bool,
}

/// The version a backup's header names, if it is one: digits and dots, at most 20
/// characters. Whoever crafts a file writes its header, so anything else is not shown as a
/// version of Hear Me at all.
pub fn backup_version(named: &str) -> Option<String> {
    let plausible = !named.is_empty()
        && named.len() <= 20
        && named.starts_with(|c: char| c.is_ascii_digit())
        && named.chars().all(|c| c.is_ascii_digit() || c == '.');
    plausible.then(|| named.to_owned())
}

/// The words a restore mark is said in, in one language (templates as in `SummaryText`).
pub struct RestoreWords<'a> {
    /// With `{{ date }}`, `{{ made }}` and `{{ version }}`.
    pub from: &'a str,
    /// With `{{ date }}`: a backup that did not say when or by what it was made.
    pub from_unknown: &'a str,
    /// In place of a version the backup does not name.
    pub unknown_version: &'a str,
    /// After the line, for a copy kept beside this tablet's own.
    pub beside_own: &'a str,
}

/// A restore as one sentence, with moments written by `time`: the same in the list of
/// sessions and in the full record.
pub fn restore_line(
    restore: &Restore,
    words: &RestoreWords,
    time: &dyn Fn(u64) -> String,
) -> String {
    let date = time(restore.at_ms);
    let line = match restore.backup_made_at_ms {
        Some(made) => {
            let version = restore
                .backup_app_version
                .as_deref()
                .unwrap_or(words.unknown_version);
            fill(
                words.from,
                &[
                    ("date", &date),
                    ("made", &time(made)),
                    ("version", &version),
                ],
            )
        }
        None => fill(words.from_unknown, &[("date", &date)]),
    };
    if restore.beside_own_copy {
        format!("{line} {}", words.beside_own)
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_version_hear_me_could_write_is_kept() {
        assert_eq!(backup_version("0.1.0").as_deref(), Some("0.1.0"));
        assert_eq!(backup_version("12.30.4").as_deref(), Some("12.30.4"));
        for crafted in [
            "",
            "<b>1</b>",
            "1.0 (trusted)",
            ".1",
            "1.0.0-beta",
            &"9".repeat(21),
        ] {
            assert_eq!(backup_version(crafted), None, "{crafted}");
        }
    }

    #[test]
    fn a_restore_says_when_and_what_the_backup_says_or_that_it_does_not() {
        let words = RestoreWords {
            from: "Restored {{ date }}, made {{ made }} by {{ version }}.",
            from_unknown: "Restored {{ date }}, unknown backup.",
            unknown_version: "?",
            beside_own: "Beside.",
        };
        let time = |ms: u64| format!("t{ms}");
        let mut restore = Restore {
            at_ms: 9,
            backup_made_at_ms: Some(4),
            backup_app_version: Some("0.1.0".into()),
            beside_own_copy: false,
        };
        assert_eq!(
            restore_line(&restore, &words, &time),
            "Restored t9, made t4 by 0.1.0."
        );
        restore.backup_app_version = None;
        restore.beside_own_copy = true;
        assert_eq!(
            restore_line(&restore, &words, &time),
            "Restored t9, made t4 by ?. Beside."
        );
        restore.backup_made_at_ms = None;
        assert_eq!(
            restore_line(&restore, &words, &time),
            "Restored t9, unknown backup. Beside."
        );
    }

    #[test]
    fn a_restore_is_stored_without_empty_fields() {
        let restore = Restore {
            at_ms: 5,
            backup_made_at_ms: Some(3),
            backup_app_version: Some("0.1.0".into()),
            beside_own_copy: false,
        };
        let json = serde_json::to_string(&restore).unwrap();
        assert_eq!(
            json,
            r#"{"at_ms":5,"backup_made_at_ms":3,"backup_app_version":"0.1.0"}"#
        );
        assert_eq!(serde_json::from_str::<Restore>(&json).unwrap(), restore);
        let unknown: Restore = serde_json::from_str(r#"{"at_ms":5}"#).unwrap();
        assert_eq!(unknown.backup_made_at_ms, None);
        assert_eq!(unknown.backup_app_version, None);
    }
}
