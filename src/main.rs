#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(hear_me::app::start());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Hear Me runs in a browser: build it with `make serve`.");
}
