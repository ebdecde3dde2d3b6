//! How full Hear Me's storage on this tablet is: a warning from 80 % that says what helps,
//! and in Settings the whole picture. Both ask the browser once, when shown.

use leptos::prelude::*;

use crate::core::local_forms::number_form;
use crate::i18n::*;
use crate::platform;
use crate::store;
use crate::store::room::{readable_size, Room};

/// The room as the browser reports it, filled in once it answers (None until then, and
/// where there is no storage at all).
fn asked_room() -> RwSignal<Option<Room>> {
    let room = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let answer = store::room().await;
        // The screen may be gone by the time the browser answers.
        let _ = room.try_set(answer);
    });
    room
}

/// The warning, shown only when the room is at least 80 % used.
#[component]
pub fn RoomWarning() -> impl IntoView {
    let room = asked_room();
    move || {
        room.get()
            .filter(Room::warn)
            .map(|room| view! { <Warning room /> })
    }
}

#[component]
fn Warning(room: Room) -> impl IntoView {
    let i18n = use_i18n();
    let percent = room.percent_used().unwrap_or(100);
    view! {
        <p class="room-warning" role="alert">
            {move || t_string!(i18n, room_warning, percent = percent).to_string()}
        </p>
    }
}

/// Settings: how much is used of how much, about how many more sessions fit, and whether
/// the browser promised to keep the data.
#[component]
pub fn RoomDetails() -> impl IntoView {
    let i18n = use_i18n();
    let room = asked_room();
    // None until the browser answers; Some(None) where it does not say.
    let persisted = RwSignal::new(None::<Option<bool>>);
    platform::persisted(move |answer| persisted.set(Some(answer)));
    // German writes 4,2 MB and 1.000; English 4.2 MB and 1,000.
    let form = move || number_form(i18n.get_locale().as_str());
    let size = move |bytes: u64| readable_size(bytes, form());
    let count = move |count: u64| form().whole(count);
    view! {
        <section class="settings" aria-labelledby="room-heading">
            <h2 id="room-heading">{t!(i18n, room_heading)}</h2>
            {move || room.get().map(|room| {
                let used = size(room.used);
                let used_of_quota = match (room.quota, room.percent_used()) {
                    (Some(quota), Some(percent)) => t_string!(
                        i18n, room_used, used = used, quota = size(quota), percent = percent
                    ).to_string(),
                    _ => t_string!(i18n, room_used_no_quota, used = used).to_string(),
                };
                view! {
                    <p>{used_of_quota}</p>
                    {room.sessions_that_fit().map(|fit| view! {
                        <p>{t_string!(i18n, room_fit, count = count(fit)).to_string()}</p>
                    })}
                    {room.warn().then(|| view! { <Warning room /> })}
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
