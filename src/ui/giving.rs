//! Giving a document to its reader, the same on every screen that makes one (a visit's
//! summary, the child over time): the worker chooses the reader (nothing at first, so a
//! document for the wrong reader is never one tap away), sees the document as the file is,
//! and prints or downloads it. Before a copy for the family or someone the child named first
//! holds a worry, the worker sees those worries and confirms this reader may safely read
//! them. Each screen says what its document is, and notes every copy where it belongs.

use leptos::prelude::*;

use crate::core::{Audience, Entry, EntryId, ExportKind, SessionId};
use crate::i18n::*;
use crate::platform;
use crate::ui::dialog::Modal;
use crate::ui::entry_summary::EntrySummary;
use crate::ui::labels::audience_label;
use crate::ui::IconButton;

/// Who a document is for: the worker's full record, or one audience.
pub type Reader = Option<Audience>;

/// The worries a copy would hold, each with the visit it is from.
pub type Worries = Vec<(SessionId, Entry)>;

/// The worries the worker confirmed for a copy, by visit.
pub type Confirmed = Vec<(SessionId, Vec<EntryId>)>;

/// The reader's select: "choose" (not choosable again), the full record, then each audience.
#[component]
pub fn ReaderChoice(
    chosen: RwSignal<Option<Reader>>,
    #[prop(into)] audiences: Signal<Vec<Audience>>,
    /// "Summary for", before the select.
    label: Key,
    /// The first, empty, choice: "Choose who this summary is for".
    choose: Key,
    full_record: Key,
    /// An id for the label, for a section it names.
    #[prop(optional)]
    label_id: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="summary-audience">
            <span id=label_id>{move || i18n.text(label)}</span>
            <select
                prop:value=move || chosen.get().map(|reader| reader_value(&reader, &audiences.get())).unwrap_or_default()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let all = audiences.get_untracked();
                    chosen.set(match value.as_str() {
                        "" => None,
                        "full" => Some(None),
                        at => at.parse::<usize>().ok().and_then(|at| all.get(at).cloned()).map(Some),
                    });
                }>
                <option value="" disabled=true>{move || i18n.text(choose)}</option>
                <option value="full">{move || i18n.text(full_record)}</option>
                {move || audiences.get().into_iter().enumerate().map(|(at, audience)| {
                    view! { <option value=at.to_string() dir="auto">{audience_label(i18n, &audience)}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The value of a reader in the select: "full", or the audience's place in the list.
fn reader_value(reader: &Reader, audiences: &[Audience]) -> String {
    match reader {
        None => "full".to_owned(),
        Some(audience) => audiences
            .iter()
            .position(|known| known == audience)
            .map(|at| at.to_string())
            .unwrap_or_default(),
    }
}

/// Print and Download of the document in a screen's frame, with the worries confirmed first.
#[derive(Clone, Copy)]
pub struct Giving {
    frame: NodeRef<leptos::html::Iframe>,
    to_confirm: RwSignal<Option<(ExportKind, Audience, Worries)>>,
    worries: Callback<(), Option<(Audience, Worries)>>,
    file: Callback<(), Option<(String, String)>>,
    record: Callback<(ExportKind, Confirmed)>,
}

impl Giving {
    /// `worries`: the reader and the worries a copy for them would hold, when the worker must
    /// confirm them first. `file`: the document and its file name, when there is one to give.
    /// `record`: notes a copy that was given (printed or downloaded), with what was confirmed.
    pub fn new(
        worries: impl Fn() -> Option<(Audience, Worries)> + Send + Sync + 'static,
        file: impl Fn() -> Option<(String, String)> + Send + Sync + 'static,
        record: impl Fn(ExportKind, Confirmed) + Send + Sync + 'static,
    ) -> Giving {
        Giving {
            frame: NodeRef::new(),
            to_confirm: RwSignal::new(None),
            worries: Callback::new(move |()| worries()),
            file: Callback::new(move |()| file()),
            record: Callback::new(move |(kind, confirmed)| record(kind, confirmed)),
        }
    }

    /// Print or Download pressed: the worries first, when there are any to confirm.
    pub fn give(self, kind: ExportKind) {
        match self.worries.run(()) {
            Some((audience, worries)) if !worries.is_empty() => {
                self.to_confirm.set(Some((kind, audience, worries)))
            }
            _ => self.give_now(kind, Vec::new()),
        }
    }

    fn give_now(self, kind: ExportKind, confirmed: Confirmed) {
        match kind {
            // The app's Print reaches into the frame, which prints the document alone.
            ExportKind::Printed => {
                if let Some(window) = self
                    .frame
                    .get_untracked()
                    .and_then(|frame| frame.content_window())
                {
                    let _ = window.print();
                    self.record.run((kind, confirmed));
                }
            }
            ExportKind::Downloaded => {
                let Some((html, file_name)) = self.file.run(()) else {
                    return;
                };
                platform::offer_file(&html.into(), "text/html;charset=utf-8", &file_name);
                self.record.run((kind, confirmed));
            }
        }
    }

    fn confirm_worries(self) {
        let Some((kind, _, worries)) = self.to_confirm.get_untracked() else {
            return;
        };
        self.to_confirm.set(None);
        let mut confirmed: Confirmed = Vec::new();
        for (visit, entry) in worries {
            match confirmed.iter_mut().find(|(at, _)| *at == visit) {
                Some((_, ids)) => ids.push(entry.id),
                None => confirmed.push((visit, vec![entry.id])),
            }
        }
        self.give_now(kind, confirmed);
    }
}

/// Print and Download, for the document the frame shows; `download` names what is downloaded.
#[component]
pub fn PrintAndDownload(
    giving: Giving,
    download: Key,
    #[prop(into)] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <IconButton icon="icon-read-back" class="primary" label=Signal::derive(move || t_string!(i18n, print_summary).to_owned())
            disabled=disabled
            on_press=move || giving.give(ExportKind::Printed) />
        <IconButton icon="icon-save" label=Signal::derive(move || i18n.text(download).to_owned())
            disabled=disabled
            on_press=move || giving.give(ExportKind::Downloaded) />
    }
}

/// The worries a copy would hold, for the worker to confirm or cancel.
#[component]
pub fn WorriesToConfirm(giving: Giving) -> impl IntoView {
    let i18n = use_i18n();
    let to_confirm = giving.to_confirm;
    move || {
        to_confirm.get().map(|(_, audience, worries)| {
            let label = audience_label(i18n, &audience);
            view! {
                <Modal labelled_by="confirm-worries-title" on_escape=move || to_confirm.set(None)>
                    <h2 id="confirm-worries-title">
                        {t_string!(i18n, confirm_worries_title, audience = label.clone()).to_string()}
                    </h2>
                    <p>{t_string!(i18n, confirm_worries_text, audience = label.clone()).to_string()}</p>
                    <ul class="entries worries-to-confirm">
                        {worries.into_iter().map(|(_, entry)| view! {
                            <li class="entry"><EntrySummary entry /></li>
                        }).collect_view()}
                    </ul>
                    <div class="dialog-actions">
                        <button type="button" class="safe" autofocus on:click=move |_| to_confirm.set(None)>
                            {t!(i18n, cancel)}
                        </button>
                        <button type="button" class="primary" on:click=move |_| giving.confirm_worries()>
                            {t!(i18n, confirm_worries_button)}
                        </button>
                    </div>
                </Modal>
            }
        })
    }
}

/// The document in its own frame, exactly as the downloaded file shows it; its own
/// Content-Security-Policy lets nothing run in it, and so does the sandbox, whatever the
/// document holds: no script, form, pop-up, download or navigation of the tab. Two doors stay
/// open for the app's own Print: `allow-same-origin` lets this page call the frame's print()
/// (an opaque origin refuses it), and `allow-modals` lets the print dialog open (Chromium
/// ignores print() without it). Without scripts in the frame neither lets anything in it
/// reach this page or its storage.
#[component]
pub fn DocumentFrame(
    giving: Giving,
    /// The document as HTML.
    #[prop(into)]
    html: Signal<String>,
    /// Shown only while there is a document to give.
    #[prop(into)]
    shown: Signal<bool>,
    /// The frame's accessible name.
    title: Key,
    #[prop(into)] class: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || shown.get()>
            <iframe
                class=class.clone()
                sandbox="allow-same-origin allow-modals"
                node_ref=giving.frame
                title=move || i18n.text(title)
                srcdoc=move || html.get()
            ></iframe>
        </Show>
    }
}
