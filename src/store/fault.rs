//! What a message may say about a record that could not be read: the kind of fault and where
//! it is, never what the record holds. serde's own messages quote what they found ("invalid
//! type: string \"Mia\", expected u8"), and a record holds a child's name and words; the
//! browser's console is read by whoever opens the developer tools, and kept in crash reports.

use serde_json::error::Category;

/// serde_json's error as its kind and its place, e.g. "not the expected shape (invalid type)
/// at line 1, column 42". Every message about a stored record that serde could not read is
/// made here.
pub fn serde_fault(error: &serde_json::Error) -> String {
    let kind = match error.classify() {
        Category::Io => "could not be read".to_owned(),
        Category::Syntax => "not valid JSON".to_owned(),
        Category::Eof => "cut short".to_owned(),
        Category::Data => format!("not the expected shape ({})", data_kind(error)),
    };
    // Read from JSON text it has a place; made from a parsed value it has none (line 0).
    if error.line() == 0 {
        kind
    } else {
        format!("{kind} at line {}, column {}", error.line(), error.column())
    }
}

/// serde's name for a data fault, from a fixed list: nothing else of its message is taken,
/// so neither a quoted value nor a name a Deserialize of ours put in its message can leave.
fn data_kind(error: &serde_json::Error) -> &'static str {
    const KINDS: [&str; 7] = [
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown variant",
        "unknown field",
        "missing field",
        "duplicate field",
    ];
    let message = error.to_string();
    KINDS
        .into_iter()
        .find(|kind| message.starts_with(kind))
        .unwrap_or("another fault")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Child {
        age: u8,
        tool: Tool,
    }

    #[derive(Debug, Deserialize)]
    enum Tool {
        ThreeHouses,
    }

    const NAME: &str = "Mia Hildegard";

    fn fault(json: &str) -> String {
        serde_fault(&serde_json::from_str::<Child>(json).unwrap_err())
    }

    #[test]
    fn a_wrong_type_holding_a_name_is_told_without_the_name() {
        let json = format!(r#"{{"age": "{NAME}", "tool": "ThreeHouses"}}"#);
        // What serde itself would say, and what we say instead.
        let serdes = serde_json::from_str::<Child>(&json)
            .unwrap_err()
            .to_string();
        assert!(serdes.contains(NAME), "{serdes}");
        let ours = fault(&json);
        assert!(!ours.contains("Mia"), "{ours}");
        assert!(
            ours.starts_with("not the expected shape (invalid type) at line 1, column "),
            "{ours}"
        );
    }

    #[test]
    fn every_kind_of_fault_is_told_without_what_was_found() {
        let told = [
            (
                format!(r#"{{"age": 7, "tool": "{NAME}"}}"#),
                "unknown variant",
            ),
            (
                format!(r#"{{"age": 300, "tool": "ThreeHouses", "{NAME}": 1}}"#),
                "invalid value",
            ),
            (
                format!(r#"{{"age": 7, "tool": "ThreeHouses", "x": {NAME}}}"#),
                "not valid JSON",
            ),
            (
                format!(r#"{{"age": 7, "tool": "ThreeHouses", "x": "{NAME}"#),
                "cut short",
            ),
            (format!(r#"{{"{NAME}": 7}}"#), "missing field"),
        ];
        for (json, kind) in told {
            let ours = fault(&json);
            assert!(ours.contains(kind), "{json}: {ours}");
            assert!(
                !ours.contains("Mia") && !ours.contains("Hildegard"),
                "{json}: {ours}"
            );
        }
    }

    #[test]
    fn a_message_of_our_own_deserialize_is_not_taken_either() {
        let error =
            <serde_json::Error as serde::de::Error>::custom(format!("no such helper {NAME}"));
        assert_eq!(
            serde_fault(&error),
            "not the expected shape (another fault)"
        );
    }
}
