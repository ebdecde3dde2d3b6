//! Hear Me's Web Worker: the page's slow work off the page, so Lock, Hide and every tap still
//! answer while it runs. Today that is Argon2id (unlock, set-up, a new passphrase, backups)
//! and a backup file's seal (AES-GCM over every session, opened at restore, made at backup).
//! It reads a request (`store::off_thread::Request`, JSON), does it and posts the answer;
//! nothing else, so it stays small: no Leptos, no screens, no storage.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answering = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |message: MessageEvent| {
        let Some(request) = message.data().as_string() else {
            return;
        };
        let answer = hear_me::store::off_thread::answer_json(&request);
        let _ = answering.post_message(&JsValue::from_str(&answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the wasm had started were dropped: the page waits for this one.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Hear Me's Web Worker runs in a browser: build the app with `make serve`.");
}
