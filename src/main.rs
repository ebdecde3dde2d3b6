#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(hear_me::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Hear Me runs in a browser: build it with `make serve`.");
}
