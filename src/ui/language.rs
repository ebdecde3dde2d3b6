//! Switches the app's language. Each language is named in itself, so anyone can find theirs.

use leptos::prelude::*;

use crate::i18n::*;

fn own_name(locale: Locale) -> &'static str {
    match locale.as_str() {
        "ar" => "العربية",
        "de" => "Deutsch",
        "en" => "English",
        "fr" => "Français",
        "pl" => "Polski",
        "ro" => "Română",
        "tr" => "Türkçe",
        "uk" => "Українська",
        other => other,
    }
}

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let choices = Locale::get_all()
        .iter()
        .copied()
        .map(|locale| {
            view! {
                <button
                    type="button"
                    class="language-choice"
                    lang=locale.as_str()
                    aria-pressed=move || (i18n.get_locale() == locale).to_string()
                    on:click=move |_| i18n.set_locale(locale)
                >
                    {own_name(locale)}
                </button>
            }
        })
        .collect_view();
    view! {
        <nav class="language-picker" aria-label=move || t_string!(i18n, language)>
            {choices}
        </nav>
    }
}
