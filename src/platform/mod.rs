//! Thin browser glue that is not a component: the clock, randomness, the browser's language.

pub mod one_tab;
pub mod speech;
pub mod update;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Milliseconds on a clock that only moves forward (`performance.now()`): setting the
/// tablet's clock does not move it. For the waits between wrong passphrases.
pub fn monotonic_ms() -> f64 {
    performance_now()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// A random number for ids; not for secrets.
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// Bytes from the browser's cryptographic random source, for salts and nonces. Without one
/// the app cannot keep data safe, so it stops rather than use weaker randomness.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok())
        .expect("the browser's crypto.getRandomValues is needed to keep data safe");
    bytes
}

/// Today's date on this device, `YYYY-MM-DD`, in local time.
pub fn today_iso() -> String {
    iso_day(&js_sys::Date::new_0())
}

/// The local day of a moment (milliseconds since the Unix epoch), `YYYY-MM-DD`.
pub fn local_iso_day(at_ms: u64) -> String {
    iso_day(&js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at_ms as f64,
    )))
}

fn iso_day(date: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// The browser's preferred language, such as `de-DE`.
pub fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// Adds an entry for this same page to the browser's history, so that "back" stays here.
pub fn push_history_entry() {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.push_state(&wasm_bindgen::JsValue::NULL, "");
    }
}

/// Offers a file to the worker as a download. Only ever called by the worker's own action:
/// nothing leaves the device otherwise.
pub fn download(url: &str, file_name: &str) -> Option<()> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(url);
    link.set_download(file_name);
    document.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    Some(())
}

/// How long a downloaded file's blob URL stays readable after the link is clicked. Some
/// iPadOS versions fetch the file only after `click()` has returned: revoked at once, the
/// file never arrives, though the page believes it was given.
pub const DOWNLOAD_URL_KEPT_MS: i32 = 60_000;

/// Offers a file to download: `contents` is its text or its bytes (a `Uint8Array`). Only an
/// offer: whether the file arrived, the page cannot know. None when it could not be offered.
pub fn offer_file(contents: &wasm_bindgen::JsValue, mime: &str, file_name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(contents);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // The Blob constructor takes strings and byte arrays alike.
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let offered = download(&url, file_name);
    revoke_later(url);
    offered
}

/// Frees a blob URL after [`DOWNLOAD_URL_KEPT_MS`]; until then the browser keeps the file in
/// memory, which is the price of it arriving at all.
fn revoke_later(url: String) {
    use wasm_bindgen::JsCast;
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            DOWNLOAD_URL_KEPT_MS,
        );
    }
}

/// Why no file's bytes came from a file field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChosenFileProblem {
    /// No file was chosen.
    NoFile,
    /// The file is larger than the caller reads (its size, in bytes); it was not read.
    TooLarge(u64),
    /// The browser could not read it.
    Unreadable,
}

/// The bytes of the file chosen in `input`, if it is at most `max_bytes` long. The size is
/// checked before anything is read, so a huge file cannot fill the tablet's memory.
pub async fn chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: u64,
) -> Result<Vec<u8>, ChosenFileProblem> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(ChosenFileProblem::NoFile)?;
    let size = file.size() as u64;
    if size > max_bytes {
        return Err(ChosenFileProblem::TooLarge(size));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ChosenFileProblem::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A moment (milliseconds since the Unix epoch) as a local date and time in the language:
/// the day in words and the time, "7 December 2026, 14:02", written by
/// [`crate::core::local_forms::day_and_time`] so every screen and file writes it alike.
pub fn local_date_time(at_ms: u64, lang: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    crate::core::local_forms::day_and_time(
        &iso_day(&date),
        date.get_hours(),
        date.get_minutes(),
        lang,
    )
}

/// The browser's storage manager (`navigator.storage`), where it has one: WebKit has none.
fn storage_manager() -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|manager| !manager.is_undefined() && !manager.is_null())
}

/// Calls `method` of the storage manager and hands its answer (true or false) to `answer`;
/// None when the browser has no such method.
fn ask_storage_manager(method: &str, answer: impl FnOnce(Option<bool>) + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let promise = storage_manager().and_then(|manager| {
        let call = js_sys::Reflect::get(&manager, &method.into()).ok()?;
        let call = call.dyn_ref::<js_sys::Function>()?;
        call.call0(&manager)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(promise) = promise else {
        answer(None);
        return;
    };
    let answer = std::rc::Rc::new(std::cell::RefCell::new(Some(answer)));
    let on_yes = {
        let answer = answer.clone();
        Closure::once(move |value: JsValue| {
            if let Some(answer) = answer.borrow_mut().take() {
                answer(value.as_bool());
            }
        })
    };
    let on_no = Closure::once(move |_: JsValue| {
        if let Some(answer) = answer.borrow_mut().take() {
            answer(None);
        }
    });
    let _ = promise.then2(&on_yes, &on_no);
    on_yes.forget();
    on_no.forget();
}

/// Asks the browser to keep Hear Me's data even when the device runs short of space.
pub fn ask_for_persistent_storage() {
    ask_storage_manager("persist", |_| {});
}

/// Whether the browser has promised to keep Hear Me's data; None where it does not say.
pub fn persisted(answer: impl FnOnce(Option<bool>) + 'static) {
    ask_storage_manager("persisted", answer);
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The bytes this site uses and the most the browser lets it keep
/// (`navigator.storage.estimate()`); None where the browser does not say (WebKit).
pub async fn storage_estimate() -> Option<(u64, u64)> {
    use wasm_bindgen::JsCast;
    let manager = storage_manager()?;
    let call = js_sys::Reflect::get(&manager, &"estimate".into()).ok()?;
    let promise = call
        .dyn_ref::<js_sys::Function>()?
        .call0(&manager)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()?
            .as_f64()
            .map(|value| value as u64)
    };
    Some((number("usage")?, number("quota")?))
}

/// Whether this is Safari on an iPad (or iPhone) in a normal tab, not the app added to the
/// Home Screen: only there does `navigator.standalone` exist and say false. iPadOS reports
/// itself as a Mac, so touch points tell an iPad from a Mac.
pub fn in_safari_tab_on_ipad() -> bool {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return false;
    };
    let standalone = js_sys::Reflect::get(&navigator, &"standalone".into()).ok();
    standalone.and_then(|value| value.as_bool()) == Some(false) && navigator.max_touch_points() > 1
}

/// The text of a file of this app (an address relative to the page), from the service
/// worker's cache when it has it. Never another origin: the page's CSP allows none.
pub async fn fetch_own_file(address: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |error: wasm_bindgen::JsValue| format!("{error:?}");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(address))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{address}: HTTP {}", response.status()));
    }
    JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?
        .as_string()
        .ok_or_else(|| format!("{address} is not text"))
}
