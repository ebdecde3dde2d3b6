//! One tab at a time. Two tabs writing the same sessions can undo each other's work (a
//! passphrase change, a deletion, a child's strokes), so only one tab works with the sessions.
//! The claim is a Web Lock where the browser has them; elsewhere a heartbeat in localStorage
//! stands in. A second tab asks the first to let go through a localStorage message, which
//! reaches every other tab of this site as a `storage` event.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The Web Lock every tab asks for.
const LOCK_NAME: &str = "hear-me-sessions";
/// Where the fallback keeps its heartbeat: which tab holds the sessions, and when it last
/// said so. Outside `hear-me/`, so a wipe does not count it as data.
const HOLDER_KEY: &str = "hear-me-tab";
/// A tab that wants to work here writes this; the holder lets go when it sees it.
const REQUEST_KEY: &str = "hear-me-tab-request";
const BEAT_EVERY_MS: i32 = 1_000;
/// A heartbeat older than this is from a tab that is gone.
const BEAT_STALE_MS: f64 = 4_000.0;

/// Releases this tab's claim; handed to the app when another tab asks for the sessions.
pub type LetGo = Box<dyn FnOnce()>;

/// What the app does when the claim changes.
#[derive(Clone)]
pub struct TabEvents {
    /// This tab holds the sessions now.
    pub claimed: Rc<dyn Fn()>,
    /// Another tab holds them.
    pub elsewhere: Rc<dyn Fn()>,
    /// Another tab asks for them: save, lock, and call the given `let_go` once every write
    /// has landed, so the other tab reads what this one wrote.
    pub asked_to_let_go: Rc<dyn Fn(LetGo)>,
    /// Another tab took them without asking this one (it did not answer: asleep or stuck).
    pub taken: Rc<dyn Fn()>,
}

#[derive(Default)]
struct Claim {
    /// Resolves the promise that keeps the Web Lock held.
    release: Option<Function>,
    /// The fallback's heartbeat, while held.
    heartbeat: Option<i32>,
    /// Whether this tab asked for the sessions and waits for them; a lock granted to a
    /// request it no longer waits for is let go at once.
    claiming: bool,
    /// Whether this tab is taking the sessions from a tab that does not answer: a second
    /// steal would take them from this very tab.
    stealing: bool,
    events: Option<TabEvents>,
    id: String,
}

thread_local! {
    static CLAIM: RefCell<Claim> = RefCell::new(Claim::default());
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The browser's Web Locks, when it has them.
fn lock_manager() -> Option<JsValue> {
    let navigator = window()?.navigator();
    Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|locks| !locks.is_undefined() && !locks.is_null())
}

/// Starts: claims the sessions if no other tab holds them, and listens for a tab that asks.
pub fn start(events: TabEvents) {
    let id = format!("{:08x}{:08x}", super::random_u32(), super::random_u32());
    CLAIM.with(|claim| {
        let mut claim = claim.borrow_mut();
        claim.events = Some(events);
        claim.id = id;
        claim.claiming = true;
    });
    listen_for_requests();
    match lock_manager() {
        Some(locks) => request_lock(&locks, LockRequest::IfAvailable),
        None => {
            CLAIM.with(|claim| claim.borrow_mut().claiming = false);
            if heartbeat_elsewhere() {
                fire(|events| events.elsewhere.clone());
            } else {
                hold_heartbeat();
                fire(|events| events.claimed.clone());
            }
        }
    }
}

/// "Use it here": asks the tab that holds the sessions to save, lock and let go, then
/// claims them as soon as it has.
pub fn take_over() {
    if let Some(storage) = storage() {
        let id = CLAIM.with(|claim| claim.borrow().id.clone());
        let _ = storage.set_item(REQUEST_KEY, &format!("{id}:{}", js_sys::Date::now()));
    }
    CLAIM.with(|claim| claim.borrow_mut().claiming = true);
    match lock_manager() {
        Some(locks) => request_lock(&locks, LockRequest::Wait),
        None => wait_for_heartbeat_to_end(),
    }
}

/// Takes the sessions from a tab that does not answer (asleep, or its page stuck), without
/// waiting for it to let go. What it had not written stays with it.
pub fn take_over_now() {
    let already = CLAIM.with(|claim| {
        let mut claim = claim.borrow_mut();
        let already = claim.stealing || claim.release.is_some() || claim.heartbeat.is_some();
        claim.stealing = true;
        claim.claiming = true;
        already
    });
    if already {
        return;
    }
    match lock_manager() {
        Some(locks) => request_lock(&locks, LockRequest::Steal),
        // A tab that does not answer does not beat either: its heartbeat is stale soon.
        None => {
            hold_heartbeat();
            CLAIM.with(|claim| {
                let mut claim = claim.borrow_mut();
                claim.claiming = false;
                claim.stealing = false;
            });
            fire(|events| events.claimed.clone());
        }
    }
}

/// Whether this tab holds the sessions now: only then may it write them, or the journal.
pub fn holds_claim() -> bool {
    CLAIM.with(|claim| {
        let claim = claim.borrow();
        claim.release.is_some() || claim.heartbeat.is_some()
    })
}

/// How a tab asks for the Web Lock.
#[derive(Clone, Copy, PartialEq)]
enum LockRequest {
    /// At once or not at all.
    IfAvailable,
    /// Waiting until the tab holding it lets go.
    Wait,
    /// Taking it from the tab holding it.
    Steal,
}

/// Asks for the Web Lock.
fn request_lock(locks: &JsValue, how: LockRequest) {
    let granted = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |lock: JsValue| {
        if lock.is_null() {
            CLAIM.with(|claim| claim.borrow_mut().claiming = false);
            fire(|events| events.elsewhere.clone());
            return JsValue::UNDEFINED;
        }
        // A waiting request granted after this tab took the sessions another way (or gave
        // them away again): let go at once.
        let wanted = CLAIM.with(|claim| {
            let mut claim = claim.borrow_mut();
            let wanted = claim.claiming && claim.release.is_none();
            if wanted {
                claim.claiming = false;
                claim.stealing = false;
            }
            wanted
        });
        if !wanted {
            return JsValue::UNDEFINED;
        }
        // Held until `release` is called: the lock lives as long as this promise is pending.
        let held = Promise::new(&mut |resolve, _reject| {
            CLAIM.with(|claim| claim.borrow_mut().release = Some(resolve));
        });
        fire(|events| events.claimed.clone());
        held.into()
    });
    let options = Object::new();
    let option = match how {
        LockRequest::IfAvailable => Some("ifAvailable"),
        LockRequest::Steal => Some("steal"),
        LockRequest::Wait => None,
    };
    if let Some(option) = option {
        let _ = Reflect::set(&options, &option.into(), &JsValue::TRUE);
    }
    // Taken by another tab's steal: the browser rejects the request of the lock held here.
    let lost = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        let held = CLAIM.with(|claim| claim.borrow_mut().release.take().is_some());
        if held {
            fire(|events| events.taken.clone());
        }
    });
    if let Ok(request) = Reflect::get(locks, &"request".into()) {
        if let Some(request) = request.dyn_ref::<Function>() {
            if let Ok(asked) = request.call3(
                locks,
                &LOCK_NAME.into(),
                &options,
                granted.as_ref().unchecked_ref(),
            ) {
                if let Ok(asked) = asked.dyn_into::<Promise>() {
                    let _ = asked.catch(&lost);
                }
            }
        }
    }
    // The browser keeps calling them for as long as the page lives.
    granted.forget();
    lost.forget();
}

/// Whether another tab's heartbeat is fresh.
fn heartbeat_elsewhere() -> bool {
    let Some(raw) = storage().and_then(|storage| storage.get_item(HOLDER_KEY).ok().flatten())
    else {
        return false;
    };
    let mine = CLAIM.with(|claim| claim.borrow().id.clone());
    let Some((holder, beat)) = raw.split_once(':') else {
        return false;
    };
    let fresh = beat
        .parse::<f64>()
        .is_ok_and(|beat| js_sys::Date::now() - beat < BEAT_STALE_MS);
    holder != mine && fresh
}

fn hold_heartbeat() {
    let write_beat = || {
        if let Some(storage) = storage() {
            let id = CLAIM.with(|claim| claim.borrow().id.clone());
            let _ = storage.set_item(HOLDER_KEY, &format!("{id}:{}", js_sys::Date::now()));
        }
    };
    let beat = move || {
        // Another tab took over while this one did not beat (asleep, or stuck).
        if heartbeat_elsewhere() {
            let handle = CLAIM.with(|claim| claim.borrow_mut().heartbeat.take());
            if let (Some(handle), Some(window)) = (handle, window()) {
                window.clear_interval_with_handle(handle);
                fire(|events| events.taken.clone());
            }
            return;
        }
        write_beat();
    };
    write_beat();
    let repeat = Closure::<dyn FnMut()>::new(beat);
    let handle = window().and_then(|window| {
        window
            .set_interval_with_callback_and_timeout_and_arguments_0(
                repeat.as_ref().unchecked_ref(),
                BEAT_EVERY_MS,
            )
            .ok()
    });
    repeat.forget();
    CLAIM.with(|claim| claim.borrow_mut().heartbeat = handle);
}

/// Waits, without Web Locks, until the other tab's heartbeat has ended, then claims.
fn wait_for_heartbeat_to_end() {
    let check = Closure::<dyn FnMut()>::new(|| {
        if holds_claim() {
            // Taken over at once meanwhile.
        } else if !heartbeat_elsewhere() {
            CLAIM.with(|claim| claim.borrow_mut().claiming = false);
            hold_heartbeat();
            fire(|events| events.claimed.clone());
        } else {
            wait_for_heartbeat_to_end();
        }
    });
    if let Some(window) = window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            300,
        );
    }
    check.forget();
}

/// Another tab's request arrives as a `storage` event; the holder saves, locks and lets go.
fn listen_for_requests() {
    let on_storage =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(|event: web_sys::StorageEvent| {
            if event.key().as_deref() != Some(REQUEST_KEY) || event.new_value().is_none() {
                return;
            }
            let holding = CLAIM.with(|claim| {
                let claim = claim.borrow();
                claim.release.is_some() || claim.heartbeat.is_some()
            });
            if holding {
                let handler = CLAIM.with(|claim| {
                    claim
                        .borrow()
                        .events
                        .as_ref()
                        .map(|events| events.asked_to_let_go.clone())
                });
                match handler {
                    Some(handler) => handler(Box::new(let_go)),
                    None => let_go(),
                }
            }
        });
    if let Some(window) = window() {
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    on_storage.forget();
}

/// Releases the claim: the Web Lock, or the heartbeat.
fn let_go() {
    let (release, heartbeat) = CLAIM.with(|claim| {
        let mut claim = claim.borrow_mut();
        (claim.release.take(), claim.heartbeat.take())
    });
    if let Some(release) = release {
        let _ = release.call0(&JsValue::UNDEFINED);
    }
    if let Some(handle) = heartbeat {
        if let Some(window) = window() {
            window.clear_interval_with_handle(handle);
        }
        if let Some(storage) = storage() {
            let _ = storage.remove_item(HOLDER_KEY);
        }
    }
}

/// Calls one of the app's handlers, outside the borrow of the claim.
fn fire(which: impl FnOnce(&TabEvents) -> Rc<dyn Fn()>) {
    let handler = CLAIM.with(|claim| claim.borrow().events.as_ref().map(which));
    if let Some(handler) = handler {
        handler();
    }
}
