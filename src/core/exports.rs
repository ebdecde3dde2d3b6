//! What left the tablet: every print and download of a summary, kept in the session so the
//! worker, and through the worker the child, can know who was given what and when.

use serde::{Deserialize, Serialize};

use super::entry::EntryId;
use super::sharing::Audience;

/// How a summary left the tablet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    Printed,
    Downloaded,
}

/// One print or download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// Who the summary was for; None is the worker's full record.
    pub audience: Option<Audience>,
    pub kind: ExportKind,
    pub file_name: String,
    /// The worries in it that the worker confirmed, before it left, this reader may safely
    /// read (a summary for the family or someone the child named may reach the very person a
    /// worry is about). Empty when there was nothing to confirm, and in older records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirmed_worries: Vec<EntryId>,
}

/// The summary's file name: the child's alias and the date in characters every computer
/// accepts, then who it is for, so a file for Mum is never mistaken for the full record.
pub fn summary_file_name(alias: &str, date: &str, audience: Option<&Audience>) -> String {
    let reader = match audience {
        None => "full-record".to_owned(),
        Some(Audience::Named(name)) => format!("for-{}", file_safe(name)),
        Some(pictured) => format!("for-{}", pictured.slug().unwrap_or("someone")),
    };
    format!(
        "hear-me-summary-{}-{}-{reader}.html",
        file_safe(alias),
        file_safe(date)
    )
}

/// Letters and digits of any script are kept; everything else becomes one hyphen.
fn file_safe(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for character in text.chars() {
        if character.is_alphanumeric() {
            safe.push(character);
        } else if !safe.ends_with('-') {
            safe.push('-');
        }
    }
    let safe = safe.trim_matches('-');
    if safe.is_empty() {
        "x".to_owned()
    } else {
        safe.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_without_confirmed_worries_is_stored_as_before() {
        let old = r#"{"at_ms":5,"audience":"mum","kind":"downloaded","file_name":"f.html"}"#;
        let export: Export = serde_json::from_str(old).unwrap();
        assert!(export.confirmed_worries.is_empty());
        assert_eq!(serde_json::to_string(&export).unwrap(), old);
        let confirmed = Export {
            confirmed_worries: vec![EntryId(2)],
            ..export
        };
        assert_eq!(
            serde_json::to_string(&confirmed).unwrap(),
            r#"{"at_ms":5,"audience":"mum","kind":"downloaded","file_name":"f.html","confirmed_worries":[2]}"#
        );
    }

    #[test]
    fn file_names_carry_the_alias_the_date_and_the_reader() {
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", None),
            "hear-me-summary-Mia-2026-11-30-full-record.html"
        );
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", Some(&Audience::Mum)),
            "hear-me-summary-Mia-2026-11-30-for-mum.html"
        );
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", Some(&Audience::FosterCarer)),
            "hear-me-summary-Mia-2026-11-30-for-foster-carer.html"
        );
        assert_eq!(
            summary_file_name(
                " Zoë / \"Z\" ",
                "2026-11-30",
                Some(&Audience::Named("Oma Lotte".into()))
            ),
            "hear-me-summary-Zoë-Z-2026-11-30-for-Oma-Lotte.html"
        );
        assert_eq!(
            summary_file_name("../..", "2026-11-30", Some(&Audience::Named("<>".into()))),
            "hear-me-summary-x-2026-11-30-for-x.html"
        );
    }
}
