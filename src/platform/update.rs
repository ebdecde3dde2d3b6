//! The service worker (`sw.js`, written at build time): registered at start so the app opens
//! with no network, and told to take over when the worker applies a new version. A new
//! version never interrupts: it waits until the app asks for it.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

const WORKER: &str = "./sw.js";
const APPLY: &str = "apply-update";

thread_local! {
    /// Set once the app asked for the new version: only then does a change of worker
    /// reload the page (the very first install also changes it, and must not).
    static APPLYING: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in some browsers and in insecure contexts: the app then works online only.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|has| *has)?;
    Some(navigator.service_worker())
}

/// Registers the service worker; `ready` is called when a new version has been downloaded
/// completely and waits.
pub fn register(ready: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let ready: Rc<dyn Fn()> = Rc::new(ready);
    // Only an update waits; the first install has no page under an older version.
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    let on_registered = Closure::<dyn FnMut(JsValue)>::new(move |registration: JsValue| {
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if registration.waiting().is_some() && has_controller() {
            ready();
        }
        let ready = ready.clone();
        let has_controller = has_controller.clone();
        let found_in = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = found_in.installing() {
                watch_install(&installing, ready.clone(), has_controller.clone());
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
    let on_changed = Closure::<dyn FnMut()>::new(|| {
        if APPLYING.with(Cell::get) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(on_changed.as_ref().unchecked_ref()));
    on_changed.forget();
    let _ = container.register(WORKER).then(&on_registered);
    on_registered.forget();
}

fn watch_install(
    installing: &ServiceWorker,
    ready: Rc<dyn Fn()>,
    has_controller: impl Fn() -> bool + 'static,
) {
    let worker = installing.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if worker.state() == ServiceWorkerState::Installed && has_controller() {
            ready();
        }
    });
    installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Lets the waiting version take over; the page reloads once it has (the caller saved
/// first). Nothing happens when no version waits.
pub fn apply() {
    let Some(container) = container() else {
        return;
    };
    let on_registration = Closure::<dyn FnMut(JsValue)>::new(|registration: JsValue| {
        let waiting = registration
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|registration| registration.waiting());
        if let Some(waiting) = waiting {
            APPLYING.with(|applying| applying.set(true));
            let _ = waiting.post_message(&APPLY.into());
        }
    });
    let _ = container.get_registration().then(&on_registration);
    on_registration.forget();
}
