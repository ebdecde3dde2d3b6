//! What left the tablet: every print and download of a summary, and every drawing saved as a
//! picture, kept in the session so the worker, and through the worker the child, can know
//! who was given what and when.

use serde::{Deserialize, Serialize};

use super::entry::EntryId;
use super::question::Question;
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
    /// A drawing saved as a picture ("Save picture"), not a summary: which one. Its
    /// `audience` is None, as the worker took it, for no reader yet. None for a summary, and
    /// then not written, so earlier records stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<SavedPicture>,
}

/// The entry whose drawing was saved as a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPicture {
    pub question: Question,
    pub entry: EntryId,
}

/// What a downloaded file names its reader by: the full record, or the reader's kind
/// ("for-mum"). Never a name the child gave ("Oma Hildegard"): a file name is read outside
/// Hear Me's protection (a downloads folder, a mail, a list of recent files), and a named
/// person tells who the child is. Such a person is "named-person" with their place in the
/// order the child named them (`named`), so two of them still get two files.
fn reader_in_file_name(audience: Option<&Audience>, named: &[String]) -> String {
    match audience {
        None => "full-record".to_owned(),
        Some(Audience::Named(name)) => match named.iter().position(|known| known == name) {
            Some(at) => format!("for-named-person-{}", at + 1),
            None => "for-named-person".to_owned(),
        },
        Some(pictured) => format!("for-{}", pictured.slug().unwrap_or("someone")),
    }
}

/// The summary's file name: the child's alias and the date in characters every computer
/// accepts, then who it is for by kind, so a file for Mum is never mistaken for the full
/// record (see [`reader_in_file_name`]). `named` are the names the child gave, in order.
pub fn summary_file_name(
    alias: &str,
    date: &str,
    audience: Option<&Audience>,
    named: &[String],
) -> String {
    let reader = reader_in_file_name(audience, named);
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
        let none: &[String] = &[];
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", None, none),
            "hear-me-summary-Mia-2026-11-30-full-record.html"
        );
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", Some(&Audience::Mum), none),
            "hear-me-summary-Mia-2026-11-30-for-mum.html"
        );
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", Some(&Audience::FosterCarer), none),
            "hear-me-summary-Mia-2026-11-30-for-foster-carer.html"
        );
        assert_eq!(
            summary_file_name(" Zoë / \"Z\" ", "2026-11-30", None, none),
            "hear-me-summary-Zoë-Z-2026-11-30-full-record.html"
        );
        assert_eq!(
            summary_file_name("../..", "2026-11-30", Some(&Audience::Teacher), none),
            "hear-me-summary-x-2026-11-30-for-teacher.html"
        );
    }

    #[test]
    fn a_person_the_child_named_is_never_named_in_a_file_name() {
        let named = ["Oma Hildegard".to_owned(), "Onkel Ben".to_owned()];
        let oma = Audience::Named("Oma Hildegard".into());
        let ben = Audience::Named("Onkel Ben".into());
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", Some(&oma), &named),
            "hear-me-summary-Mia-2026-11-30-for-named-person-1.html"
        );
        // Two named people, two files: told apart by the order the child named them.
        assert_eq!(
            summary_file_name("Mia", "2026-11-30", Some(&ben), &named),
            "hear-me-summary-Mia-2026-11-30-for-named-person-2.html"
        );
        // A name no longer in the session's list is still not written.
        let gone = Audience::Named("Tante Luise".into());
        let name = summary_file_name("Mia", "2026-11-30", Some(&gone), &named);
        assert_eq!(name, "hear-me-summary-Mia-2026-11-30-for-named-person.html");
        for given in ["Oma", "Hildegard", "Onkel", "Ben", "Tante", "Luise"] {
            for audience in [&oma, &ben, &gone] {
                let name = summary_file_name("Mia", "2026-11-30", Some(audience), &named);
                assert!(!name.contains(given), "{given} in {name}");
            }
        }
    }

    #[test]
    fn a_saved_picture_is_stored_with_its_entry_and_a_summary_as_before() {
        let picture = Export {
            at_ms: 5,
            audience: None,
            kind: ExportKind::Downloaded,
            file_name: "hear-me-2026-11-30-worries-3.png".into(),
            confirmed_worries: Vec::new(),
            picture: Some(SavedPicture {
                question: Question::Worries,
                entry: EntryId(3),
            }),
        };
        let json = serde_json::to_string(&picture).unwrap();
        assert!(
            json.ends_with(r#""picture":{"question":"worries","entry":3}}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Export>(&json).unwrap(), picture);
    }
}
