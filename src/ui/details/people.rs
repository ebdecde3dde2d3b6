//! Who was there and where each was: one row a person, with a name, a role, three places and
//! a remove button; removing someone with a name is asked first. This list is the one place
//! the worker records who was there: every summary prints it. A record from before the list
//! kept one free-text line instead; it is shown above the list, never lost, until the worker
//! adds it to the list as it was typed.

use leptos::prelude::*;

use crate::core::{PersonPresent, SessionId, Whereabouts};
use crate::i18n::*;
use crate::state::{use_app_state, AppState, SavePolicy};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::I18n;

/// One row of "Who was there" while the dialog is open: a key that stays while the worker
/// types, so the field keeps its focus.
#[derive(Clone, Copy)]
struct PersonRow {
    key: u32,
    who: RwSignal<String>,
    role: RwSignal<String>,
    whereabouts: RwSignal<Whereabouts>,
}

/// The rows while the dialog is open, and the one waiting to be removed. Shared by the list,
/// inside the dialog, and the question before a removal, which is its own dialog beside it.
#[derive(Clone, Copy)]
pub(super) struct People {
    state: AppState,
    session: SessionId,
    next_key: StoredValue<u32>,
    rows: RwSignal<Vec<PersonRow>>,
    to_remove: RwSignal<Option<PersonRow>>,
    /// The free-text line of an older record (`Session::present`); empty when there is none.
    typed_earlier: RwSignal<String>,
}

impl People {
    /// The people as stored, one row each.
    pub(super) fn load(session: SessionId) -> Self {
        let state = use_app_state();
        let (people, typed_earlier) = state
            .with_session_untracked(&session, |s| {
                (s.details().people.clone(), s.present.clone())
            })
            .unwrap_or_default();
        let this = Self {
            state,
            session,
            next_key: StoredValue::new(0),
            rows: RwSignal::new(Vec::new()),
            to_remove: RwSignal::new(None),
            typed_earlier: RwSignal::new(typed_earlier),
        };
        let rows = people
            .into_iter()
            .map(|person| this.new_row(person))
            .collect();
        this.rows.set(rows);
        this
    }

    fn new_row(self, person: PersonPresent) -> PersonRow {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        PersonRow {
            key,
            who: RwSignal::new(person.who),
            role: RwSignal::new(person.role),
            whereabouts: RwSignal::new(person.whereabouts),
        }
    }

    /// The rows as people; a row without a name is not a person yet: it is not stored.
    fn people(self) -> Vec<PersonPresent> {
        self.rows
            .get_untracked()
            .iter()
            .map(|row| PersonPresent {
                who: row.who.get_untracked(),
                role: row.role.get_untracked(),
                whereabouts: row.whereabouts.get_untracked(),
            })
            .filter(|person| !person.who.trim().is_empty())
            .collect()
    }

    fn write(self, policy: SavePolicy) {
        let people = self.people();
        self.state
            .edit(&self.session, policy, |s, now| s.set_people(people, now));
    }

    /// The older record's line becomes a person of the list, exactly as typed, in one change:
    /// it is then in one place, and the worker can say where they were.
    fn add_typed_earlier(self) {
        let typed = self.typed_earlier.get_untracked();
        let row = self.new_row(PersonPresent {
            who: typed,
            ..PersonPresent::default()
        });
        self.rows.update(|rows| rows.push(row));
        let people = self.people();
        self.state.edit(&self.session, SavePolicy::Now, |s, now| {
            s.set_people(people, now);
            s.set_present("", now);
        });
        self.typed_earlier.set(String::new());
    }

    fn remove(self, gone: PersonRow) {
        self.rows
            .update(|rows| rows.retain(|row| row.key != gone.key));
        self.write(SavePolicy::Now);
    }
}

/// One person's row: the name, where they were, and the way to remove them.
fn person_view(people: People, row: PersonRow) -> impl IntoView {
    let i18n = use_i18n();
    let place_choice = move |value: Whereabouts, label: fn(I18n) -> &'static str| {
        view! {
            <label class="toggle-choice">
                <input type="radio" name=format!("whereabouts-{}", row.key)
                    prop:checked=move || row.whereabouts.get() == value
                    on:change=move |_| {
                        row.whereabouts.set(value);
                        people.write(SavePolicy::Now);
                    } />
                <span>{move || label(i18n)}</span>
            </label>
        }
    };
    let shown_name = move || {
        let who = row.who.get();
        if who.trim().is_empty() {
            t_string!(i18n, person_label).to_owned()
        } else {
            who
        }
    };
    view! {
        <li class="person-row">
            <label class="person-who">
                <span>{t!(i18n, person_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=row.who.get_untracked()
                    on:input=move |ev| {
                        row.who.set(event_target_value(&ev));
                        people.write(SavePolicy::AfterTyping);
                    } />
            </label>
            <label class="person-role">
                <span>{t!(i18n, person_role_label)}</span>
                <input {..crate::ui::fields::as_typed()} type="text" dir="auto" prop:value=row.role.get_untracked()
                    on:input=move |ev| {
                        row.role.set(event_target_value(&ev));
                        people.write(SavePolicy::AfterTyping);
                    } />
            </label>
            <div class="toggle-group" role="radiogroup" aria-label=shown_name>
                {place_choice(Whereabouts::InTheRoom, |i18n| t_string!(i18n, where_in_room))}
                {place_choice(Whereabouts::Nearby, |i18n| t_string!(i18n, where_nearby))}
                {place_choice(Whereabouts::NotThere, |i18n| t_string!(i18n, where_not_there))}
            </div>
            <button type="button" class="danger-quiet"
                on:click=move |_| {
                    // Nothing typed, nothing to lose: it goes without asking.
                    if row.who.get_untracked().trim().is_empty() {
                        people.remove(row);
                    } else {
                        people.to_remove.set(Some(row));
                    }
                }>
                {move || t_string!(i18n, remove_person, name = shown_name()).to_string()}
            </button>
        </li>
    }
}

/// "Who was there": the heading, the rows and the button for one more.
#[component]
pub(super) fn PeopleFields(people: People) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3 id="people-heading">{t!(i18n, people_heading)}</h3>
        <Show when=move || people.typed_earlier.with(|typed| !typed.is_empty())>
            <div class="present-typed">
                <p class="quiet">{t!(i18n, present_typed_earlier)}</p>
                <p dir="auto">{move || people.typed_earlier.get()}</p>
                <button type="button" on:click=move |_| people.add_typed_earlier()>
                    {t!(i18n, present_into_people)}
                </button>
            </div>
        </Show>
        <ul class="people" aria-labelledby="people-heading">
            <For each=move || people.rows.get() key=|row| row.key
                children=move |row| person_view(people, row) />
        </ul>
        <button type="button" class="add-person"
            on:click=move |_| {
                let row = people.new_row(PersonPresent::default());
                people.rows.update(|rows| rows.push(row));
            }>
            {t!(i18n, add_person)}
        </button>
    }
}

/// The question before a named person is removed. It is not inside the details dialog, so
/// its Escape and Tab stay its own.
#[component]
pub(super) fn RemovePersonConfirm(people: People) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        people.to_remove.get().map(|row| {
            let name = row.who.get_untracked();
            view! {
                <ConfirmDialog
                    title=t_string!(i18n, confirm_remove_person_title, name = name.clone()).to_string()
                    text=String::new()
                    confirm_label=t_string!(i18n, remove_person, name = name).to_string()
                    on_confirm=move || {
                        people.remove(row);
                        people.to_remove.set(None);
                    }
                    on_cancel=move || people.to_remove.set(None) />
            }
        })
    }
}
