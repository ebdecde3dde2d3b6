//! How full Hear Me's storage on this tablet is: a warning from 80 % that says what helps,
//! and in Settings the whole picture.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::store;

/// The warning, shown only when the room is at least 80 % used.
#[component]
pub fn RoomWarning() -> impl IntoView {
    let i18n = use_i18n();
    let room = store::room().filter(|room| room.warn());
    room.map(|room| {
        let percent = room.percent_used();
        view! {
            <p class="room-warning" role="alert">
                {move || t_string!(i18n, room_warning, percent = percent).to_string()}
            </p>
        }
    })
}

/// Settings: how much is used, about how many more sessions fit, and whether the browser
/// promised to keep the data.
#[component]
pub fn RoomDetails() -> impl IntoView {
    let i18n = use_i18n();
    let room = store::room();
    // None until the browser answers; Some(None) where it does not say.
    let persisted = RwSignal::new(None::<Option<bool>>);
    platform::persisted(move |answer| persisted.set(Some(answer)));
    view! {
        <section class="settings" aria-labelledby="room-heading">
            <h2 id="room-heading">{t!(i18n, room_heading)}</h2>
            {room.map(|room| {
                let percent = room.percent_used();
                let fit = room.sessions_that_fit();
                view! {
                    <p>{move || t_string!(i18n, room_used, percent = percent).to_string()}</p>
                    {fit.map(|count| view! {
                        <p>{move || t_string!(i18n, room_fit, count = count).to_string()}</p>
                    })}
                    <RoomWarning />
                }
            })}
            <p class="hint">
                {move || match persisted.get() {
                    Some(Some(true)) => t_string!(i18n, room_persisted_yes),
                    Some(Some(false)) => t_string!(i18n, room_persisted_no),
                    _ => t_string!(i18n, room_persisted_unknown),
                }}
            </p>
        </section>
    }
}
