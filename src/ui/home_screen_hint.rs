//! On an iPad, Safari deletes what a website keeps after 7 days without a visit, unless the
//! site runs from the Home Screen. So in a normal Safari tab the worker is told, once, how
//! to add Hear Me there and why; in the installed app, and in other browsers, nothing shows.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::store;

#[component]
pub fn HomeScreenHint() -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(platform::in_safari_tab_on_ipad() && !store::home_screen_hint_seen());
    let dismiss = move |_| {
        store::remember_home_screen_hint_seen();
        shown.set(false);
    };
    view! {
        <Show when=move || shown.get()>
            <section class="home-screen-hint" aria-labelledby="home-screen-hint-heading">
                <h2 id="home-screen-hint-heading">{t!(i18n, home_screen_hint_heading)}</h2>
                <p>{t!(i18n, home_screen_hint_how)}</p>
                <p>{t!(i18n, home_screen_hint_why)}</p>
                <button type="button" on:click=dismiss>{t!(i18n, home_screen_hint_done)}</button>
            </section>
        </Show>
    }
}
