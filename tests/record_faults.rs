//! A record that cannot be read is told by its kind of fault, never by what it holds (issue
//! 24): the message goes to the browser's console, and a record holds the child's name and
//! words.

use hear_me::core::{NewSession, Session, SessionId};
use hear_me::store::record::{decode_session, encode_session};
use hear_me::store::writes::decode_journal;

const NAME: &str = "Mia Hildegard";

fn session() -> Session {
    let form = NewSession {
        child_name: NAME.into(),
        age: "7".into(),
        worker_name: String::new(),
        date: "2026-12-07".into(),
    };
    Session::start(&form, SessionId::new(1, 2), 1).unwrap()
}

#[test]
fn a_session_record_holding_the_childs_name_in_a_wrong_field_is_told_without_it() {
    let mut record: serde_json::Value = serde_json::from_str(&encode_session(&session())).unwrap();
    record["session"]["child"]["age"] = NAME.into();
    let told = decode_session(&record.to_string()).unwrap_err().to_string();
    assert_eq!(
        told,
        "the record is damaged: not the expected shape (invalid type)"
    );
}

#[test]
fn a_session_record_cut_short_or_broken_beside_the_name_is_told_without_it() {
    let raw = encode_session(&session());
    for broken in [
        raw[..raw.len() - 3].to_owned(),
        raw.replace("\"name\":", "\"name\""),
        raw.replace(&format!("\"{NAME}\""), NAME),
    ] {
        let told = decode_session(&broken).unwrap_err().to_string();
        assert!(told.starts_with("the record is damaged: "), "{told}");
        assert!(
            !told.contains("Mia") && !told.contains("Hildegard"),
            "{told}"
        );
    }
}

#[test]
fn a_journal_holding_a_name_where_its_version_goes_is_told_without_it() {
    let told = decode_journal(&format!(r#"{{"journal": "{NAME}", "entries": []}}"#))
        .unwrap_err()
        .to_string();
    assert!(
        told.contains("not the expected shape (invalid type)"),
        "{told}"
    );
    assert!(!told.contains("Mia"), "{told}");
}
