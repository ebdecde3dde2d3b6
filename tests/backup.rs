//! Property tests of the backup file and of merging a backup into a tablet: every session
//! comes back exactly; any changed byte, any cut, any other file and any wrong passphrase is
//! a plain error, never a panic and never a backup with other content; and a merge never
//! overwrites a session the tablet holds.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use hear_me::core::ink::{Nib, Point, Stroke};
use hear_me::core::{NewSession, Question, Restore, Session, SessionId, Tool, Voice, Words};
use hear_me::store::backup::{
    make_backup, merge, read_backup, Backup, BackupError, BackupRandom, ReportLine,
    CHECK_SEALED_BYTES,
};
use hear_me::store::vault::NONCE_BYTES;
use proptest::prelude::*;

const PASSPHRASE: &str = "Apfelbaum am Fluss";
const MADE_AT_MS: u64 = 1_764_500_000_000;

mod common;
use common::cheap_params as cheap;
use common::strategies::any_stroke;

fn random(seed: u8) -> BackupRandom {
    BackupRandom {
        check_nonce: [seed; NONCE_BYTES],
        sessions_nonce: [seed.wrapping_add(1); NONCE_BYTES],
    }
}

fn make(sessions: &[Session]) -> Vec<u8> {
    make_backup(
        sessions,
        PASSPHRASE,
        cheap(9),
        &random(1),
        MADE_AT_MS,
        "0.1.0",
    )
    .unwrap()
}

/// What a session is made of here: the child's name, the day, and per entry either words or
/// a drawing's strokes, each in one of the three questions.
#[derive(Clone, Debug)]
struct Made {
    name: String,
    date: String,
    entries: Vec<(usize, MadeEntry)>,
}

#[derive(Clone, Debug)]
enum MadeEntry {
    /// The text, and whether the child wrote it.
    Words(String, bool),
    Drawing(Vec<Stroke>),
}

fn any_made() -> impl Strategy<Value = Made> {
    let entry = (
        0usize..3,
        prop_oneof![
            (".{0,60}", any::<bool>())
                .prop_map(|(text, child_wrote)| MadeEntry::Words(text, child_wrote)),
            prop::collection::vec(any_stroke(), 0..4).prop_map(MadeEntry::Drawing),
        ],
    );
    (
        "\\p{L}[\\p{L} '-]{0,20}",
        "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])",
        prop::collection::vec(entry, 0..6),
    )
        .prop_map(|(name, date, entries)| Made {
            name,
            date,
            entries,
        })
}

/// The session `made` describes, the `number`th of its backup (ids are unique within one).
fn session_of(made: &Made, number: usize) -> Session {
    let form = NewSession {
        child_name: made.name.clone(),
        age: "9".into(),
        worker_name: "Sam".into(),
        date: made.date.clone(),
    };
    let created = MADE_AT_MS + number as u64;
    let mut session = Session::start(&form, SessionId::new(created, number as u32), created)
        .expect("the generated form is valid");
    for (at, (question, content)) in made.entries.iter().enumerate() {
        let question = Question::ALL[*question];
        let now = created + at as u64;
        match content {
            MadeEntry::Words(text, child_wrote) => {
                let voice = if *child_wrote {
                    Voice::ChildWrote
                } else {
                    Voice::ChildSaidWorkerWrote
                };
                let words = Words {
                    text: text.clone(),
                    voice,
                };
                session.add_words(Tool::ThreeHouses, question, words, now);
            }
            MadeEntry::Drawing(strokes) => {
                let id = session.add_drawing(Tool::WizardsAndFairies, question, now);
                for stroke in strokes {
                    session.add_stroke(question, id, stroke.clone(), now);
                }
            }
        }
    }
    session
}

fn sessions_of(made: &[Made]) -> Vec<Session> {
    made.iter()
        .enumerate()
        .map(|(number, made)| session_of(made, number))
        .collect()
}

/// Two sessions with words and a drawing: the file the damage properties change.
fn sample() -> &'static (Vec<Session>, Vec<u8>) {
    static SAMPLE: OnceLock<(Vec<Session>, Vec<u8>)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let drawing = vec![Stroke {
            colour: "#d62828".into(),
            width: 40,
            points: vec![
                Point {
                    x: 100,
                    y: 200,
                    pressure: 128,
                },
                Point {
                    x: 300,
                    y: 400,
                    pressure: 200,
                },
            ],
            pen: true,
            nib: Nib::Marker,
        }];
        let sessions = sessions_of(&[
            Made {
                name: "Mia".into(),
                date: "2026-11-26".into(),
                entries: vec![
                    (0, MadeEntry::Words("Ich hab Angst 😢".into(), true)),
                    (2, MadeEntry::Drawing(drawing)),
                ],
            },
            Made {
                name: "Jonas".into(),
                date: "2026-11-27".into(),
                entries: vec![(1, MadeEntry::Words("my dog".into(), false))],
            },
        ]);
        let file = make(&sessions);
        (sessions, file)
    })
}

/// Where the sealed check value starts: after the two text lines.
fn check_starts(file: &[u8]) -> usize {
    let first = file.iter().position(|&b| b == b'\n').unwrap();
    first + 1 + file[first + 1..].iter().position(|&b| b == b'\n').unwrap() + 1
}

/// CRC-32 (IEEE), written out here on its own, to make a changed file look undamaged.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                0xEDB8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn refit_crc(file: &mut Vec<u8>) {
    let body = file.len().saturating_sub(4);
    let crc = crc32(&file[..body]);
    file.truncate(body);
    file.extend_from_slice(&crc.to_be_bytes());
}

#[test]
fn the_sample_reads_back_exactly() {
    let (sessions, file) = sample();
    let backup = read_backup(file, PASSPHRASE).unwrap();
    assert_eq!(
        backup,
        Backup {
            made_at_ms: MADE_AT_MS,
            app_version: "0.1.0".into(),
            sessions: sessions.clone(),
        }
    );
    // The CRC written out here is the file's.
    let mut refitted = file.clone();
    refit_crc(&mut refitted);
    assert_eq!(&refitted, file);
}

#[test]
fn every_single_changed_byte_is_damage_or_not_a_backup() {
    // Every position, each with every bit flipped in turn.
    let (_, file) = sample();
    let version_line = file.iter().position(|&b| b == b'\n').unwrap() + 1;
    for at in 0..file.len() {
        for bit in 0..8 {
            let mut changed = file.clone();
            changed[at] ^= 1 << bit;
            let read = read_backup(&changed, PASSPHRASE);
            if at >= version_line {
                assert_eq!(read, Err(BackupError::Damaged), "byte {at} bit {bit}");
            } else {
                assert!(
                    matches!(
                        read,
                        Err(BackupError::NotABackup
                            | BackupError::Damaged
                            | BackupError::FromTheFuture(_))
                    ),
                    "byte {at} bit {bit}: {read:?}"
                );
            }
        }
    }
}

#[test]
fn every_cut_is_an_error() {
    let (_, file) = sample();
    for end in 0..file.len() {
        let read = read_backup(&file[..end], PASSPHRASE);
        assert!(
            matches!(read, Err(BackupError::NotABackup | BackupError::Damaged)),
            "cut at {end}: {read:?}"
        );
    }
}

#[test]
fn other_files_are_not_a_backup() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x07\xd0\0\0\x05\xdc\x08\x06\0\0\0".to_vec();
    let summary = b"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
        <title>Mia \xc2\xb7 Summary for: Mum</title></head><body></body></html>"
        .to_vec();
    let vault = br#"{"schema":5,"vault":{"kdf":{"algorithm":"argon2id"}}}"#.to_vec();
    let session = br#"{"schema":5,"session":{"id":"a"}}"#.to_vec();
    for other in [
        Vec::new(),
        png,
        summary,
        vault,
        session,
        b"hm1.AAAA".to_vec(),
        b"hear-me-backup".to_vec(),
        b"HEAR-ME-BACKUP 1\n{}\n".to_vec(),
    ] {
        assert_eq!(
            read_backup(&other, PASSPHRASE),
            Err(BackupError::NotABackup),
            "{other:?}"
        );
    }
}

#[test]
fn a_newer_format_is_from_the_future_not_damaged() {
    let (_, file) = sample();
    let rest = &file[b"hear-me-backup 1\n".len()..];
    for (line, version) in [
        ("hear-me-backup 2\n", 2),
        ("hear-me-backup 10\n", 10),
        ("hear-me-backup 99999999999\n", u32::MAX),
    ] {
        let newer = [line.as_bytes(), rest].concat();
        assert_eq!(
            read_backup(&newer, PASSPHRASE),
            Err(BackupError::FromTheFuture(version))
        );
        // Whatever follows: a newer format may be laid out otherwise.
        assert_eq!(
            read_backup(line.as_bytes(), PASSPHRASE),
            Err(BackupError::FromTheFuture(version))
        );
    }
    for not_a_version in [
        "hear-me-backup 0\n",
        "hear-me-backup 01\n",
        "hear-me-backup x\n",
    ] {
        let odd = [not_a_version.as_bytes(), rest].concat();
        assert_eq!(read_backup(&odd, PASSPHRASE), Err(BackupError::Damaged));
    }
}

#[test]
fn a_backup_asking_argon2id_for_more_than_four_times_todays_cost_is_damaged_at_once() {
    let (_, file) = sample();
    let starts = check_starts(file);
    let header = std::str::from_utf8(&file[..starts]).unwrap();
    assert!(header.contains("\"memory_kib\":19456") && header.contains("\"iterations\":2"));
    // A crafted file writes its own CRC: only the costs can stop it, before any work.
    for (memory, passes) in [("1048576", "64"), ("131073", "2"), ("19456", "13")] {
        let crafted_header = header
            .replace("\"memory_kib\":19456", &format!("\"memory_kib\":{memory}"))
            .replace("\"iterations\":2", &format!("\"iterations\":{passes}"));
        let mut crafted = [crafted_header.as_bytes(), &file[starts..]].concat();
        refit_crc(&mut crafted);
        assert_eq!(
            read_backup(&crafted, PASSPHRASE),
            Err(BackupError::Damaged),
            "{memory} KiB, {passes} passes"
        );
    }
}

#[test]
fn the_check_value_tells_a_wrong_passphrase_from_damage() {
    let (_, file) = sample();
    assert_eq!(
        read_backup(file, "Apfelbaum am Flus"),
        Err(BackupError::WrongPassphrase)
    );
    // The check value changed on purpose with the CRC made to fit: it no longer opens with
    // any passphrase, which is all a reader can tell.
    let mut changed = file.clone();
    changed[check_starts(file) + CHECK_SEALED_BYTES - 1] ^= 1;
    refit_crc(&mut changed);
    assert_eq!(
        read_backup(&changed, PASSPHRASE),
        Err(BackupError::WrongPassphrase)
    );
    // The sessions changed: the check opens, so it is damage.
    let mut changed = file.clone();
    changed[check_starts(file) + CHECK_SEALED_BYTES + 20] ^= 1;
    refit_crc(&mut changed);
    assert_eq!(read_backup(&changed, PASSPHRASE), Err(BackupError::Damaged));
}

#[test]
fn a_backup_of_nothing_reads_as_nothing() {
    let backup = read_backup(&make(&[]), PASSPHRASE).unwrap();
    assert!(backup.sessions.is_empty());
    assert_eq!(backup.made_at_ms, MADE_AT_MS);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Words, drawings, names and days come back exactly, and none of them is in the file.
    #[test]
    fn every_session_comes_back_exactly(made in prop::collection::vec(any_made(), 0..4),
                                        salt in any::<u8>(),
                                        seed in any::<u8>()) {
        let sessions = sessions_of(&made);
        let file = make_backup(&sessions, PASSPHRASE, cheap(salt), &random(seed), 7, "0.1.0")
            .unwrap();
        // Anything long enough not to turn up in random bytes by chance.
        let in_clear = |text: &str| {
            text.len() >= 6 && file.windows(text.len()).any(|w| w == text.as_bytes())
        };
        for session in &sessions {
            prop_assert!(!in_clear(&session.child.name));
            for question in Question::ALL {
                for words in session.entries(question).iter().filter_map(|entry| entry.words()) {
                    prop_assert!(!in_clear(&words.text));
                }
            }
        }
        let backup = read_backup(&file, PASSPHRASE).unwrap();
        prop_assert_eq!(backup.sessions, sessions);
        prop_assert_eq!(backup.made_at_ms, 7);
    }

    #[test]
    fn a_wrong_passphrase_is_told_so(wrong in ".{0,30}") {
        prop_assume!(wrong != PASSPHRASE);
        prop_assert_eq!(read_backup(&sample().1, &wrong), Err(BackupError::WrongPassphrase));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A byte changed on purpose, with the CRC made to fit: the seals still refuse it.
    #[test]
    fn a_changed_byte_with_a_fitting_crc_is_still_refused(at in any::<prop::sample::Index>(),
                                                          byte in any::<u8>()) {
        let (_, file) = sample();
        let mut changed = file.clone();
        let at = at.index(file.len() - 4);
        prop_assume!(changed[at] != byte);
        changed[at] = byte;
        refit_crc(&mut changed);
        let read = read_backup(&changed, PASSPHRASE);
        prop_assert!(read.is_err(), "byte {} read as {:?}", at, read);
    }

    /// A cut with the CRC made to fit: still refused.
    #[test]
    fn a_cut_with_a_fitting_crc_is_still_refused(end in any::<prop::sample::Index>()) {
        let (_, file) = sample();
        // Short of the CRC: a cut only there leaves the file whole once the CRC is refitted.
        let mut cut = file[..end.index(file.len() - 4)].to_vec();
        cut.extend_from_slice(&[0; 4]);
        refit_crc(&mut cut);
        prop_assert!(read_backup(&cut, PASSPHRASE).is_err());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_are_not_a_backup(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        prop_assume!(!bytes.starts_with(b"hear-me-backup "));
        prop_assert_eq!(read_backup(&bytes, PASSPHRASE), Err(BackupError::NotABackup));
    }

    #[test]
    fn random_bytes_after_the_version_line_are_damage(
        bytes in prop::collection::vec(any::<u8>(), 0..600)
    ) {
        let file = [&b"hear-me-backup 1\n"[..], &bytes].concat();
        prop_assert_eq!(read_backup(&file, PASSPHRASE), Err(BackupError::Damaged));
    }

    /// Random lines and bytes behind a fitting CRC reach the header's parser, and a
    /// well-formed header with random seals reaches the check: refused, never a panic.
    #[test]
    fn random_content_behind_a_fitting_crc_is_refused(
        header in ".{0,80}",
        well_formed in any::<bool>(),
        bytes in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let header = if well_formed {
            let kdf = serde_json::to_string(&cheap(3)).unwrap();
            format!(r#"{{"app_version":"0.1.0","kdf":{kdf}}}"#)
        } else {
            header.replace('\n', " ")
        };
        let mut file = format!("hear-me-backup 1\n{header}\n").into_bytes();
        file.extend_from_slice(b"hm1.");
        file.extend_from_slice(&bytes);
        file.extend_from_slice(&[0; 4]);
        refit_crc(&mut file);
        let read = read_backup(&file, PASSPHRASE);
        prop_assert!(
            matches!(read, Err(BackupError::Damaged | BackupError::WrongPassphrase)),
            "{:?}", read
        );
    }

    /// However the tablet's and the backup's sessions overlap, the tablet's (and records it
    /// cannot read) are never touched, every session of the backup is in the report once,
    /// and what is added is the backup's session: as it was, or kept twice under a new id
    /// with the mark.
    #[test]
    fn a_merge_never_overwrites_and_reports_every_session(
        made in prop::collection::vec(any_made(), 1..6),
        fates in prop::collection::vec(0u8..4, 6),
    ) {
        let sessions = sessions_of(&made);
        // Per session: only in the backup (0), on both the same (1), changed on the tablet
        // since (2), or on the tablet in a record it cannot read (3).
        let mut on_tablet = Vec::new();
        let mut unreadable = Vec::new();
        for (session, fate) in sessions.iter().zip(&fates) {
            match fate {
                1 => on_tablet.push(session.clone()),
                2 => {
                    let mut changed = session.clone();
                    changed.set_reflection("written on this tablet since", MADE_AT_MS + 99);
                    on_tablet.push(changed);
                }
                3 => unreadable.push(session.id),
                _ => {}
            }
        }
        let before = on_tablet.clone();
        let mut next = 0;
        let merged = merge(&on_tablet, &unreadable, sessions.clone(), &restore_mark(), || {
            next += 1;
            // Deliberately taken ids sometimes: never a reason to overwrite.
            if next % 2 == 0 { sessions[0].id } else { SessionId::from(format!("new-{next}").as_str()) }
        });
        prop_assert_eq!(&on_tablet, &before);
        prop_assert_eq!(
            merged.added.len() + merged.skipped.len() + merged.kept_twice.len(),
            sessions.len()
        );
        prop_assert_eq!(merged.add.len(), merged.added.len() + merged.kept_twice.len());
        let mut added = merged.add.iter();
        for (session, fate) in sessions.iter().zip(&fates) {
            let line = ReportLine {
                child_name: session.child.name.clone(),
                date: session.date.clone(),
            };
            match fate {
                1 => prop_assert!(merged.skipped.contains(&line)),
                0 => {
                    prop_assert!(merged.added.contains(&line));
                    let restored = added.next().unwrap();
                    prop_assert_eq!(&restored.restores, &vec![restore_mark()]);
                    let mut unmarked = restored.clone();
                    unmarked.restores.clear();
                    prop_assert_eq!(&unmarked, session);
                }
                _ => {
                    prop_assert!(merged.kept_twice.contains(&line));
                    let copy = added.next().unwrap();
                    prop_assert!(on_tablet.iter().all(|kept| kept.id != copy.id));
                    prop_assert!(!unreadable.contains(&copy.id));
                    prop_assert_eq!(
                        &copy.restores,
                        &vec![Restore { beside_own_copy: true, ..restore_mark() }]
                    );
                    let mut unmarked = copy.clone();
                    unmarked.id = session.id;
                    unmarked.restores.clear();
                    prop_assert_eq!(&unmarked, session);
                }
            }
        }
        let ids: std::collections::BTreeSet<_> = on_tablet
            .iter()
            .chain(&merged.add)
            .map(|session| &session.id)
            .chain(&unreadable)
            .collect();
        prop_assert_eq!(
            ids.len(),
            on_tablet.len() + merged.add.len() + unreadable.len(),
            "no id twice"
        );
    }
}

/// A restore at one moment, of a backup that says 0.1.0 made it at another.
fn restore_mark() -> Restore {
    Restore {
        at_ms: MADE_AT_MS + 1_000_000,
        backup_made_at_ms: Some(MADE_AT_MS),
        backup_app_version: Some("0.1.0".into()),
        beside_own_copy: false,
    }
}

#[test]
fn a_restored_session_is_the_backups_on_a_new_tablet_and_the_mark_survives_a_backup() {
    let (sessions, file) = sample();
    // A new tablet: everything is added as it was, marked with the restore and what the
    // backup says of itself, so it is never taken for a session made on this tablet.
    let backup = read_backup(file, PASSPHRASE).unwrap();
    let mark = backup.restore_mark(MADE_AT_MS + 1_000_000);
    assert_eq!(mark, restore_mark());
    let merged = merge(&[], &[], backup.sessions, &mark, || {
        unreachable!("nothing is kept twice")
    });
    assert_eq!(merged.add.len(), 2);
    for (restored, original) in merged.add.iter().zip(sessions) {
        assert!(restored.was_restored() && !original.was_restored());
        assert_eq!(restored.restores, std::slice::from_ref(&mark));
        let mut unmarked = restored.clone();
        unmarked.restores.clear();
        assert_eq!(&unmarked, original);
    }
    assert_eq!(merged.added.len(), 2);
    // A tablet with Mia's session changed: kept twice, and the copy with its mark goes into
    // the next backup and comes back with it.
    let mut changed = sessions[0].clone();
    changed.set_place("at school", MADE_AT_MS + 50);
    let merged = merge(&[changed.clone()], &[], sessions.clone(), &mark, || {
        SessionId::from("restored")
    });
    assert_eq!(merged.kept_twice.len(), 1);
    let tablet: Vec<Session> = std::iter::once(changed).chain(merged.add).collect();
    let again = read_backup(&make(&tablet), PASSPHRASE).unwrap();
    assert_eq!(again.sessions, tablet);
    assert_eq!(
        again.sessions[1].restores,
        [Restore {
            beside_own_copy: true,
            ..mark.clone()
        }]
    );
    // Restored once more on a third tablet: the earlier mark stays, the new one follows.
    let later = Restore {
        at_ms: MADE_AT_MS + 2_000_000,
        ..mark.clone()
    };
    let third = merge(&[], &[], again.sessions, &later, || {
        unreachable!("nothing is kept twice")
    });
    assert_eq!(
        third.add[1].restores,
        [
            Restore {
                beside_own_copy: true,
                ..mark
            },
            later
        ]
    );
}
