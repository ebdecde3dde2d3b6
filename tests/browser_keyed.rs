//! Keyed reactivity for ink (wasm-bindgen-test in headless Chromium): a stroke re-runs only
//! what shows its own visit, never what reads every session (the start screen with its
//! children, a child's over time), until the drawing is left.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use hear_me::core::ink::{Nib, Point, Stroke};
use hear_me::core::{EntryId, NewSession, Part, Question, Screen, Session, SessionId, Tool};
use hear_me::state::AppState;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn visit(name: &str, created_at: u64) -> (Session, EntryId) {
    let form = NewSession {
        child_name: name.into(),
        age: String::new(),
        worker_name: String::new(),
        date: "2026-12-08".into(),
    };
    let mut session = Session::start(&form, SessionId::new(created_at, 3), created_at).unwrap();
    let entry = session.add_drawing(Tool::ThreeHouses, Question::Dreams, created_at);
    (session, entry)
}

fn line() -> Stroke {
    Stroke {
        colour: "#884422".into(),
        width: 8,
        points: (0..20)
            .map(|i| Point {
                x: 10 + i * 5,
                y: 10 + i * 2,
                pressure: 140,
            })
            .collect(),
        pen: false,
        nib: Nib::default(),
    }
}

/// A memo that counts its runs.
fn counted<T: PartialEq + Send + Sync + 'static>(
    read: impl Fn() -> T + Send + Sync + 'static,
) -> (Memo<T>, Arc<AtomicUsize>) {
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = runs.clone();
    let memo = Memo::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        read()
    });
    (memo, runs)
}

#[wasm_bindgen_test]
fn a_stroke_re_runs_only_what_shows_its_visit() {
    let owner = Owner::new();
    owner.set();
    let state = AppState::new(Screen::Start);
    let (mia, entry) = visit("Mia", 1_000);
    let (ben, ben_entry) = visit("Ben", 2_000);
    let (mia_id, ben_id) = (mia.id, ben.id);
    state.sessions.set(vec![mia, ben]);

    let strokes_in = move |id: SessionId, entry: EntryId| {
        move || {
            state
                .with_session(&id, |s| {
                    s.entry(Question::Dreams, entry)
                        .and_then(|e| e.drawing())
                        .map_or(0, |d| d.strokes.len())
                })
                .unwrap_or(0)
        }
    };
    let (every_session, every_runs) = counted(move || {
        state.sessions.with(|all| {
            all.iter()
                .map(|s| s.entries(Question::Dreams).len())
                .sum::<usize>()
        })
    });
    let (mias, mia_runs) = counted(strokes_in(mia_id, entry));
    let (bens, ben_runs) = counted(strokes_in(ben_id, ben_entry));
    assert_eq!((every_session.get(), mias.get(), bens.get()), (2, 0, 0));

    let opening = state
        .sessions
        .try_update_untracked(|all| {
            all[0].open_for_editing(Question::Dreams, entry, Part::Drawing, 3_000)
        })
        .flatten()
        .unwrap();
    let stroke = line();
    let drawn = stroke.clone();
    state.finish_stroke(&mia_id, &opening, &stroke, |s, now| {
        s.draw(&opening, now, |drawing| drawing.strokes.push(drawn))
    });

    assert_eq!(mias.get(), 1, "the drawing shows its stroke");
    assert_eq!(mia_runs.load(Ordering::SeqCst), 2);
    assert_eq!(bens.get(), 0);
    assert_eq!(
        ben_runs.load(Ordering::SeqCst),
        1,
        "another visit is not re-run"
    );
    every_session.get();
    assert_eq!(
        every_runs.load(Ordering::SeqCst),
        1,
        "what reads every session is not re-run by a stroke"
    );

    // Leaving the drawing tells everyone once.
    state.finish_drawing(&mia_id);
    every_session.get();
    assert_eq!(every_runs.load(Ordering::SeqCst), 2);
    state.finish_drawing(&mia_id);
    every_session.get();
    assert_eq!(every_runs.load(Ordering::SeqCst), 2, "and only once");
}
