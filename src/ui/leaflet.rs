//! The parents' leaflet, offered before the visit (from the start screen and the session
//! screen) as well as from the summary: one page in the family's language that says what
//! will happen, with the tools offered drawn in, the worker's name and the agency's phone.

use leptos::prelude::*;

use crate::core::leaflet_html::{render_parents_leaflet_html, LeafletText};
use crate::core::{HelperKind, Question, Tool};
use crate::i18n::*;
use crate::platform;
use crate::store::TextSetting;
use crate::ui::dialog::Modal;
use crate::ui::labels::helper_kind_label;
use crate::ui::look::usual_name;
use crate::ui::I18n;

/// The leaflet's words in the family's language (`i18n`), for the tools offered; the leaflet
/// fills in the worker's name and the phone itself (each isolated in its own direction).
pub fn leaflet_text(i18n: I18n, worker: &str, phone: &str, tools: Vec<Tool>) -> LeafletText {
    let separator = t_string!(i18n, list_separator);
    LeafletText {
        lang: i18n.get_locale_untracked().to_string(),
        worker: worker.to_owned(),
        phone: phone.to_owned(),
        tools,
        title: i18n.text(Key::leaflet_title).to_owned(),
        title_unnamed: t_string!(i18n, leaflet_title_unnamed).to_owned(),
        what: t_string!(i18n, leaflet_what).to_owned(),
        what_helpers: t_string!(i18n, leaflet_what_helpers).to_owned(),
        what_both: t_string!(i18n, leaflet_what_both).to_owned(),
        why: t_string!(i18n, leaflet_why).to_owned(),
        child_decides: t_string!(i18n, leaflet_child_decides).to_owned(),
        after: t_string!(i18n, leaflet_after).to_owned(),
        questions: i18n.text(Key::leaflet_questions).to_owned(),
        questions_unnamed: t_string!(i18n, leaflet_questions_unnamed).to_owned(),
        phone_line: i18n.text(Key::leaflet_phone).to_owned(),
        houses_alt: Question::ALL
            .into_iter()
            .map(|question| usual_name(i18n, Tool::ThreeHouses, None, question))
            .collect::<Vec<_>>()
            .join(separator),
        helpers_alt: HelperKind::ALL
            .into_iter()
            .map(|kind| helper_kind_label(i18n, kind))
            .collect::<Vec<_>>()
            .join(separator),
    }
}

/// The file name of a leaflet in `lang`.
pub fn leaflet_file_name(lang: &str) -> String {
    format!("hear-me-leaflet-for-parents-{lang}.html")
}

/// "Leaflet for parents": opens the leaflet in `family` (the family's language), with the
/// worker's name `worker` and the tools `tools`, to print or download.
#[component]
pub fn LeafletButton(
    family: Signal<Locale>,
    #[prop(into)] worker: Signal<String>,
    #[prop(into)] tools: Signal<Vec<Tool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="leaflet-open" aria-haspopup="dialog" on:click=move |_| open.set(true)>
            <img src="public/icon-hand-over.svg" alt="" aria-hidden="true" />
            <span>{t!(i18n, leaflet_button)}</span>
        </button>
        <Show when=move || open.get()>
            <LeafletDialog family worker tools on_close=move || open.set(false) />
        </Show>
    }
}

#[component]
fn LeafletDialog(
    family: Signal<Locale>,
    worker: Signal<String>,
    tools: Signal<Vec<Tool>>,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = crate::state::use_app_state();
    let i18n = use_i18n();
    let familys = I18n::following(family);
    let phone = state.text_setting(TextSetting::AgencyPhone);
    let document = Memo::new(move |_| {
        render_parents_leaflet_html(&leaflet_text(familys, &worker.get(), &phone, tools.get()))
    });
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let print = move || {
        if let Some(window) = frame.get_untracked().and_then(|f| f.content_window()) {
            let _ = window.print();
        }
    };
    let download = move || {
        let name = leaflet_file_name(family.get_untracked().as_str());
        document.with_untracked(|html| {
            platform::offer_file(&html.into(), "text/html;charset=utf-8", &name)
        });
    };
    let done = on_close.clone();
    view! {
        <Modal labelled_by="leaflet-title" on_escape=on_close>
            <div class="leaflet-dialog">
                <h2 id="leaflet-title">{t!(i18n, leaflet_button)}</h2>
                <p class="quiet">{t!(i18n, leaflet_before_hint)}</p>
                // Sandboxed as the summary's frame is (see there): nothing in it runs; the
                // app's Print reaches in.
                <iframe class="leaflet-frame" node_ref=frame sandbox="allow-same-origin allow-modals"
                    title=move || t_string!(i18n, leaflet_button)
                    srcdoc=move || document.get()></iframe>
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| print()>{t!(i18n, print_summary)}</button>
                    <button type="button" on:click=move |_| download()>{t!(i18n, leaflet_download)}</button>
                    <button type="button" class="primary" on:click=move |_| done()>{t!(i18n, done)}</button>
                </div>
            </div>
        </Modal>
    }
}

/// The tools a session offers the child: those used so far, or, before any was used, every
/// tool on the session screen.
pub fn offered_tools(session: &crate::core::Session) -> Vec<Tool> {
    let used = session.tools_used();
    if used.is_empty() {
        Tool::ALL.to_vec()
    } else {
        used
    }
}
