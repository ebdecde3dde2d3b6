//! The summary as one self-contained HTML file the worker can download, print and open
//! offline: inline CSS, drawings as embedded PNG data, and no script at all.
//!
//! Every piece of text, the child's words and the translated labels alike, goes through
//! [`escape`](super::html_text::escape), so nothing typed on the tablet can ever become markup or script.
//!
//! What a reader sees is decided by [`Summary`]: this file only lays it out. The worker's own
//! records (the child's wish per entry, holds, passings-on, the reflection, what left the
//! tablet) exist only in a full record's summary, so they cannot reach an audience's file.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::conversation::{Amended, Consent, Pace, PersonPresent, Whereabouts};
use super::entry::Changed;
use super::entry::{EntryId, ReadBackMark, Voice, Words};
use super::exports::{Export, ExportKind};
use super::html_text::{
    element, element_auto, element_inline, element_isolating, element_with, escape, fill_isolated,
};
use super::language::{text_direction, TextDirection};
use super::local_forms::{day, duration};
use super::question::Question;
use super::restored::{restore_line, RestoreWords};
use super::sharing::{Audience, Decision, Hold, PassedOn, Sharing};
use super::summary::{
    ForAudience, FullRecord, QuestionSummary, Reader, Summary, SummaryContent, SummaryEntry,
};
use super::summary_choices::RespectLine;
use super::tool::Tool;
use super::translation::fill;

mod last_time;
pub use last_time::LastTimeText;

/// The words of a summary in the app's current language, filled by the UI from its
/// translation files: the renderer itself holds no language. All fields are plain text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryText {
    /// The language of these texts for the `lang` attribute, such as `en` or `de`; the file's
    /// direction (`dir`) follows from it, so an Arabic summary reads right to left.
    pub lang: String,
    /// The document's title and first heading.
    pub title: String,
    /// Who the summary is for, already filled: "Summary for: Mum", or a line saying this is
    /// the worker's full record and not for the family.
    pub audience_line: String,
    /// Printed at the top of every page: the child's alias and who the file is for.
    pub page_line: String,

    pub child_label: String,
    pub age_label: String,
    pub date_label: String,
    pub place_label: String,
    pub present_label: String,
    pub tools_label: String,
    pub worker_label: String,
    /// The name of each tool, such as "Three Houses".
    pub tool_names: BTreeMap<Tool, String>,
    /// Before the tool an entry was made in, such as "Asked in:"; shown when both tools were
    /// used and the summary names the tools, so a reader knows how the question was put.
    pub asked_in_label: String,

    /// The usual name of each question in each tool: "House of Worries", or for the helper
    /// the child chose, "Good Things fairy". Shown when the child gave no name of their own
    /// (or this summary may not show it), under the child's own name otherwise, and as the
    /// alternative text of a helper's picture.
    pub usual_names: BTreeMap<(Tool, Question), String>,
    /// Shown in the full record for a house with no entries.
    pub empty_house: String,
    /// Shown for an audience when a house has nothing to show; the same words whether the
    /// house is empty or its entries are left out, so the house gives nothing away.
    pub nothing_shared_here: String,

    /// "Child said, worker wrote".
    pub child_said_worker_wrote: String,
    /// "Child wrote".
    pub child_wrote: String,
    /// The caption of a drawing, such as "Child drew".
    pub child_drew: String,
    /// The alternative text of a drawing.
    pub drawing_alt: String,
    /// Shown instead of a drawing whose picture could not be made.
    pub picture_missing: String,
    /// Shown in the full record for an entry that could not be read: "This entry could not be
    /// read. It is kept exactly as it was." A summary for an audience leaves such entries out.
    pub unreadable_entry: String,

    /// Between names in a list, such as ", ".
    pub list_separator: String,
    /// The pictured audiences.
    pub mum: String,
    pub dad: String,
    pub family: String,
    pub sibling: String,
    pub foster_carer: String,
    pub teacher: String,
    pub guardian: String,
    pub advocate: String,
    pub court: String,
    pub meeting: String,

    // The worker's full record only.
    /// Before when an entry was made: "Made:".
    pub made_label: String,
    /// Before the child's wish for an entry: "The child's wish:".
    pub wish_label: String,
    /// The private wish: "Nobody else".
    pub wish_private: String,
    /// "No decision yet".
    pub wish_none: String,
    /// Before the earlier wishes with their times: "Changes:".
    pub history_label: String,
    /// Before the child's own name for a house, whose sharing follows: "The child's name".
    pub own_name_label: String,
    /// "Held back by the worker from".
    pub held_back_label: String,
    /// "Passed on without the child's agreement to".
    pub passed_on_label: String,
    /// "On" (a date), "Decided by", "Reason".
    pub on_label: String,
    pub decided_by_label: String,
    pub reason_label: String,
    /// "Hold lifted:".
    pub lifted_label: String,
    /// "The child was told on".
    pub child_told_label: String,
    /// "The child has not been told yet."
    pub child_not_told: String,
    /// The heading of the sharing section, such as "Who may see what".
    pub sharing_heading: String,
    /// Already filled: "No decision yet, so not shared: 3"; shown when the count is not zero.
    pub undecided_line: String,
    /// The heading of what left the tablet: "Given to".
    pub given_to_heading: String,
    /// "printed", "downloaded".
    pub printed: String,
    pub downloaded: String,
    /// The full record, as a reader in the list of what left the tablet.
    pub full_record_reader: String,
    /// A drawing saved as a picture, in that list.
    pub picture_reader: String,
    /// "Nothing has left the tablet yet."
    pub nothing_given: String,
    /// A template with `{{ audience }}` and `{{ time }}`: "The copy for Mum of 11:49 holds
    /// an entry since held back."
    pub copy_holds_held_back: String,
    /// "Worker's reflection".
    pub reflection_heading: String,
    /// Shown when the worker wrote no reflection.
    pub no_reflection: String,

    // A summary for an audience only.
    /// The heading of the worker's note for the readers.
    pub note_heading: String,
    /// The neutral lines a worker may add, already filled with the child's name.
    pub respect_keep_for_now: String,
    pub respect_chose_what_is_shared: String,
    pub respect_decided_who_sees_what: String,

    // The record of the conversation: the worker's full record only, except the caption of a
    // drawing, the "chose not to say" line, the page footer and the poster's title. A text
    // with `{{ time }}` (or other placeholders) is kept as a template and filled here.
    /// "About this conversation".
    pub details_heading: String,
    /// "Started", "Ended".
    pub started_label: String,
    pub ended_label: String,
    /// "Who was there", above the people and where each was.
    pub people_heading: String,
    pub where_in_room: String,
    pub where_nearby: String,
    pub where_not_there: String,
    /// "Language", "Interpreter".
    pub language_label: String,
    pub interpreter_label: String,
    /// "Informed by", "Informed on".
    pub informed_by_label: String,
    pub informed_on_label: String,
    /// "Parents' consent", then "Given", "Refused", "Not sought".
    pub consent_label: String,
    pub consent_given: String,
    pub consent_refused: String,
    pub consent_not_sought: String,
    /// Template with `{{ time }}`: "Before we start" talked through at ….
    pub before_done_mark: String,
    /// "Questions for", then the version's name.
    pub age_version_label: String,
    pub age_younger: String,
    pub age_older: String,
    /// "Breaks, stops and passes".
    pub pace_heading: String,
    /// Templates: `{{ time }}`; `{{ from }}`, `{{ to }}`; `{{ house }}`, `{{ time }}`.
    pub pace_stop: String,
    pub pace_break: String,
    pub pace_pass: String,
    /// "Order the child chose".
    pub order_heading: String,
    /// "What the child says about this drawing": shown wherever the drawing is.
    pub caption_label: String,
    /// Template with `{{ question }}`: "Asked: …".
    pub worker_question: String,
    /// Templates with `{{ time }}`.
    pub read_back_checked: String,
    pub read_back_changed: String,
    pub taken_out_mark: String,
    pub put_back_mark: String,
    /// An entry's changes during the conversation, in the full record. Templates with
    /// `{{ time }}`: "Changed during the conversation at …", the same for a caption, and for
    /// a drawing "…: the drawing as it was before is kept".
    pub changed_words: String,
    pub changed_caption: String,
    pub changed_drawing: String,
    /// "Before:" and "After:", before each version of changed words.
    pub changed_before: String,
    pub changed_after: String,
    /// In place of a version that held nothing (no caption, no words).
    pub changed_nothing: String,
    /// The alternative text of a drawing as it was before a change.
    pub earlier_drawing_alt: String,
    /// "Amendments", and the template with `{{ time }}`, `{{ before }}`, `{{ after }}`,
    /// `{{ why }}`.
    pub amendments_heading: String,
    pub amendment_line: String,
    /// The mark beside words or a caption changed after the end, in every summary, the
    /// poster and the full record: "amended on {{ day }}".
    pub amended_on: String,
    /// Already filled with the child's name.
    pub next_wants_label: String,
    pub next_told_label: String,
    /// "How the family and network responded".
    pub responses_heading: String,
    /// Template with `{{ time }}`.
    pub finished_mark: String,
    /// A session restored from a backup: templates with `{{ date }}` (when it was restored),
    /// `{{ made }}` and `{{ version }}` (what the backup says of itself); with `{{ date }}`
    /// alone for a backup that does not say; the word for a version the backup does not
    /// name; and the line for a copy kept beside this tablet's own.
    pub restored_from: String,
    pub restored_from_unknown: String,
    pub restored_unknown_version: String,
    pub restored_beside_own: String,
    /// "The child chose not to say.", for a question the child passed on and where nothing
    /// else is there for this reader.
    pub chose_not_to_say: String,
    /// "Signature", above the ruled line at the end of the full record.
    pub signature_label: String,
    /// "Page" and "of": "Page 2 of 5" at the foot of every printed page.
    pub page_word: String,
    pub of_word: String,
    /// Template with `{{ version }}` and `{{ date }}`: "Made with Hear Me … on …", at the
    /// foot of every printed page.
    pub made_with: String,
    /// The app's version, such as `1.4.0`.
    pub version: String,
    /// The day the file is made, `YYYY-MM-DD`: in the footer and on the signature line.
    pub made_on: String,
    /// The poster's title, already filled with the child's name.
    pub poster_title: String,

    // The court-ready parts of the worker's full record.
    /// Each question's prompt as the child saw it on the screen: in the child's language and
    /// the version for the child's age, per tool. The full record shows it under the
    /// question's heading, so a reader knows the exact words that were asked.
    pub prompts: BTreeMap<(Tool, Question), String>,
    /// The language of the prompts (the child's), for their `lang` and `dir`.
    pub prompts_lang: String,
    /// Before a prompt: "Question as asked".
    pub prompt_label: String,
    /// "Duration", before how long the conversation lasted.
    pub duration_label: String,
    /// "Agency", and the worker's agency as set once in Settings (empty: not shown).
    pub agency_label: String,
    pub agency: String,
    /// "Case reference", before the conversation's case reference.
    pub case_reference_label: String,
    /// The full record's "Last time you told me…" (see `core::last_time`).
    pub last_time: LastTimeText,
    /// The full record's words about feedback to the child and promises checked.
    pub feedback: super::feedback_html::FeedbackText,
}

/// A heading or label in two languages: "Child / Kind"; once where both say the same.
fn joined(first: &String, other: &String) -> String {
    if first == other || other.is_empty() {
        first.clone()
    } else {
        format!("{first} / {other}")
    }
}

/// Each text of a map in two languages, keyed as in the first.
fn joined_each<K: Ord + Copy>(
    first: &BTreeMap<K, String>,
    other: &BTreeMap<K, String>,
) -> BTreeMap<K, String> {
    first
        .iter()
        .map(|(key, text)| (*key, joined(text, other.get(key).unwrap_or(text))))
        .collect()
}

impl SummaryText {
    /// The texts for a bilingual summary: every heading and label in this language, then in
    /// `second` (the family's), as "Child / Kind". The file keeps this language's `lang`; the
    /// child's own words are never translated, so they are not in here at all.
    pub fn bilingual(&self, second: &SummaryText) -> SummaryText {
        let both = joined;
        SummaryText {
            lang: self.lang.clone(),
            list_separator: self.list_separator.clone(),
            tool_names: joined_each(&self.tool_names, &second.tool_names),
            usual_names: joined_each(&self.usual_names, &second.usual_names),
            title: both(&self.title, &second.title),
            audience_line: both(&self.audience_line, &second.audience_line),
            page_line: both(&self.page_line, &second.page_line),
            child_label: both(&self.child_label, &second.child_label),
            age_label: both(&self.age_label, &second.age_label),
            date_label: both(&self.date_label, &second.date_label),
            place_label: both(&self.place_label, &second.place_label),
            present_label: both(&self.present_label, &second.present_label),
            tools_label: both(&self.tools_label, &second.tools_label),
            worker_label: both(&self.worker_label, &second.worker_label),
            asked_in_label: both(&self.asked_in_label, &second.asked_in_label),
            empty_house: both(&self.empty_house, &second.empty_house),
            nothing_shared_here: both(&self.nothing_shared_here, &second.nothing_shared_here),
            child_said_worker_wrote: both(
                &self.child_said_worker_wrote,
                &second.child_said_worker_wrote,
            ),
            child_wrote: both(&self.child_wrote, &second.child_wrote),
            child_drew: both(&self.child_drew, &second.child_drew),
            drawing_alt: both(&self.drawing_alt, &second.drawing_alt),
            picture_missing: both(&self.picture_missing, &second.picture_missing),
            unreadable_entry: both(&self.unreadable_entry, &second.unreadable_entry),
            mum: both(&self.mum, &second.mum),
            dad: both(&self.dad, &second.dad),
            family: both(&self.family, &second.family),
            sibling: both(&self.sibling, &second.sibling),
            foster_carer: both(&self.foster_carer, &second.foster_carer),
            teacher: both(&self.teacher, &second.teacher),
            guardian: both(&self.guardian, &second.guardian),
            advocate: both(&self.advocate, &second.advocate),
            court: both(&self.court, &second.court),
            meeting: both(&self.meeting, &second.meeting),
            made_label: both(&self.made_label, &second.made_label),
            wish_label: both(&self.wish_label, &second.wish_label),
            wish_private: both(&self.wish_private, &second.wish_private),
            wish_none: both(&self.wish_none, &second.wish_none),
            history_label: both(&self.history_label, &second.history_label),
            own_name_label: both(&self.own_name_label, &second.own_name_label),
            held_back_label: both(&self.held_back_label, &second.held_back_label),
            passed_on_label: both(&self.passed_on_label, &second.passed_on_label),
            on_label: both(&self.on_label, &second.on_label),
            decided_by_label: both(&self.decided_by_label, &second.decided_by_label),
            reason_label: both(&self.reason_label, &second.reason_label),
            lifted_label: both(&self.lifted_label, &second.lifted_label),
            child_told_label: both(&self.child_told_label, &second.child_told_label),
            child_not_told: both(&self.child_not_told, &second.child_not_told),
            sharing_heading: both(&self.sharing_heading, &second.sharing_heading),
            undecided_line: both(&self.undecided_line, &second.undecided_line),
            given_to_heading: both(&self.given_to_heading, &second.given_to_heading),
            printed: both(&self.printed, &second.printed),
            downloaded: both(&self.downloaded, &second.downloaded),
            full_record_reader: both(&self.full_record_reader, &second.full_record_reader),
            picture_reader: both(&self.picture_reader, &second.picture_reader),
            nothing_given: both(&self.nothing_given, &second.nothing_given),
            copy_holds_held_back: both(&self.copy_holds_held_back, &second.copy_holds_held_back),
            reflection_heading: both(&self.reflection_heading, &second.reflection_heading),
            no_reflection: both(&self.no_reflection, &second.no_reflection),
            note_heading: both(&self.note_heading, &second.note_heading),
            respect_keep_for_now: both(&self.respect_keep_for_now, &second.respect_keep_for_now),
            respect_chose_what_is_shared: both(
                &self.respect_chose_what_is_shared,
                &second.respect_chose_what_is_shared,
            ),
            respect_decided_who_sees_what: both(
                &self.respect_decided_who_sees_what,
                &second.respect_decided_who_sees_what,
            ),
            details_heading: both(&self.details_heading, &second.details_heading),
            started_label: both(&self.started_label, &second.started_label),
            ended_label: both(&self.ended_label, &second.ended_label),
            people_heading: both(&self.people_heading, &second.people_heading),
            where_in_room: both(&self.where_in_room, &second.where_in_room),
            where_nearby: both(&self.where_nearby, &second.where_nearby),
            where_not_there: both(&self.where_not_there, &second.where_not_there),
            language_label: both(&self.language_label, &second.language_label),
            interpreter_label: both(&self.interpreter_label, &second.interpreter_label),
            informed_by_label: both(&self.informed_by_label, &second.informed_by_label),
            informed_on_label: both(&self.informed_on_label, &second.informed_on_label),
            consent_label: both(&self.consent_label, &second.consent_label),
            consent_given: both(&self.consent_given, &second.consent_given),
            consent_refused: both(&self.consent_refused, &second.consent_refused),
            consent_not_sought: both(&self.consent_not_sought, &second.consent_not_sought),
            before_done_mark: both(&self.before_done_mark, &second.before_done_mark),
            age_version_label: both(&self.age_version_label, &second.age_version_label),
            age_younger: both(&self.age_younger, &second.age_younger),
            age_older: both(&self.age_older, &second.age_older),
            pace_heading: both(&self.pace_heading, &second.pace_heading),
            pace_stop: both(&self.pace_stop, &second.pace_stop),
            pace_break: both(&self.pace_break, &second.pace_break),
            pace_pass: both(&self.pace_pass, &second.pace_pass),
            order_heading: both(&self.order_heading, &second.order_heading),
            caption_label: both(&self.caption_label, &second.caption_label),
            worker_question: both(&self.worker_question, &second.worker_question),
            read_back_checked: both(&self.read_back_checked, &second.read_back_checked),
            read_back_changed: both(&self.read_back_changed, &second.read_back_changed),
            taken_out_mark: both(&self.taken_out_mark, &second.taken_out_mark),
            put_back_mark: both(&self.put_back_mark, &second.put_back_mark),
            changed_words: both(&self.changed_words, &second.changed_words),
            changed_caption: both(&self.changed_caption, &second.changed_caption),
            changed_drawing: both(&self.changed_drawing, &second.changed_drawing),
            changed_before: both(&self.changed_before, &second.changed_before),
            changed_after: both(&self.changed_after, &second.changed_after),
            changed_nothing: both(&self.changed_nothing, &second.changed_nothing),
            earlier_drawing_alt: both(&self.earlier_drawing_alt, &second.earlier_drawing_alt),
            amendments_heading: both(&self.amendments_heading, &second.amendments_heading),
            amendment_line: both(&self.amendment_line, &second.amendment_line),
            amended_on: both(&self.amended_on, &second.amended_on),
            next_wants_label: both(&self.next_wants_label, &second.next_wants_label),
            next_told_label: both(&self.next_told_label, &second.next_told_label),
            responses_heading: both(&self.responses_heading, &second.responses_heading),
            finished_mark: both(&self.finished_mark, &second.finished_mark),
            restored_from: both(&self.restored_from, &second.restored_from),
            restored_from_unknown: both(&self.restored_from_unknown, &second.restored_from_unknown),
            restored_unknown_version: both(
                &self.restored_unknown_version,
                &second.restored_unknown_version,
            ),
            restored_beside_own: both(&self.restored_beside_own, &second.restored_beside_own),
            chose_not_to_say: both(&self.chose_not_to_say, &second.chose_not_to_say),
            signature_label: both(&self.signature_label, &second.signature_label),
            page_word: both(&self.page_word, &second.page_word),
            of_word: both(&self.of_word, &second.of_word),
            made_with: both(&self.made_with, &second.made_with),
            poster_title: both(&self.poster_title, &second.poster_title),
            prompts: self.prompts.clone(),
            prompts_lang: self.prompts_lang.clone(),
            prompt_label: both(&self.prompt_label, &second.prompt_label),
            duration_label: both(&self.duration_label, &second.duration_label),
            agency_label: both(&self.agency_label, &second.agency_label),
            agency: self.agency.clone(),
            case_reference_label: both(&self.case_reference_label, &second.case_reference_label),
            last_time: self.last_time.bilingual(&second.last_time),
            feedback: self.feedback.bilingual(&second.feedback),
            version: self.version.clone(),
            made_on: self.made_on.clone(),
        }
    }

    /// The usual name of a question's house or helper.
    pub fn usual_name(&self, tool: Tool, question: Question) -> &str {
        self.usual_names
            .get(&(tool, question))
            .map_or("", String::as_str)
    }

    pub fn tool_name(&self, tool: Tool) -> &str {
        self.tool_names.get(&tool).map_or("", String::as_str)
    }

    /// The pictured audiences in this language; a name the child gave stays as it is.
    pub fn audience_name<'a>(&'a self, audience: &'a Audience) -> &'a str {
        match audience {
            Audience::Mum => &self.mum,
            Audience::Dad => &self.dad,
            Audience::Family => &self.family,
            Audience::Sibling => &self.sibling,
            Audience::FosterCarer => &self.foster_carer,
            Audience::Teacher => &self.teacher,
            Audience::Guardian => &self.guardian,
            Audience::Advocate => &self.advocate,
            Audience::Court => &self.court,
            Audience::Meeting => &self.meeting,
            Audience::Named(name) => name,
        }
    }

    pub fn respect_line(&self, line: RespectLine) -> &str {
        match line {
            RespectLine::KeepForNow => &self.respect_keep_for_now,
            RespectLine::ChoseWhatIsShared => &self.respect_chose_what_is_shared,
            RespectLine::DecidedWhoSeesWhat => &self.respect_decided_who_sees_what,
        }
    }

    fn voice(&self, voice: Voice) -> &str {
        match voice {
            Voice::ChildSaidWorkerWrote => &self.child_said_worker_wrote,
            Voice::ChildWrote => &self.child_wrote,
        }
    }
}

/// How the renderer gets what it cannot make itself: a drawing as a PNG `data:` URL, and a
/// moment (milliseconds since the Unix epoch) as a local date and time, or a local day, in
/// the reader's language.
pub struct Painters<'a> {
    pub picture: &'a dyn Fn(Question, EntryId) -> Option<String>,
    /// An earlier version of a drawing, kept in the entry's changes at this index.
    pub earlier_picture: &'a dyn Fn(Question, EntryId, usize) -> Option<String>,
    pub time: &'a dyn Fn(u64) -> String,
    /// A moment as the day alone, written as the reader's language writes a date.
    pub day: &'a dyn Fn(u64) -> String,
}

/// What a browser needs to trust a summary file: nothing from anywhere, pictures only from
/// the file itself, and its own inline style.
pub(super) const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/// Readable on screen and on paper. The page margins suit both A4 and US Letter, so one file
/// prints well in Europe and elsewhere. Sides are logical (start and end, not left and right),
/// so a right-to-left summary mirrors; the child's words and the worker's notes set their own
/// direction paragraph by paragraph, so Arabic words under German labels print right.
pub(super) const STYLE: &str = "
:root { color: #1b1b1b; background: #fff; }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 0; }
.audience { font-weight: 600; margin: 0 0 1rem; }
/* Names and dates line up with the page's labels, whichever way they run themselves
   (Chromium and Safari take only the prefixed value). */
[dir=auto] { text-align: match-parent; text-align: -webkit-match-parent; }
.child-words, .notes { text-align: start; }
.full-record .audience { color: #8a1c1c; border: 2px solid #8a1c1c; border-radius: 6px;
  padding: .4rem .75rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1.5rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; white-space: pre-wrap; }
.house, .sharing, .worker-notes, .given-to, .note { border: 1px solid #c8c8c8; border-radius: 6px;
  padding: .75rem 1rem; margin: 0 0 1.25rem; break-inside: avoid; page-break-inside: avoid; }
.usual-name { margin: 0; color: #4f4f4f; }
.house { display: flow-root; }
img.helper { float: inline-end; width: 6rem; height: 6rem; margin-block: 0 .5rem; margin-inline: 1rem 0; }
.asked-in { margin: .25rem 0 0; color: #4f4f4f; font-size: .9rem; }
.entries { margin: .75rem 0 0; padding-inline-start: 1.5rem; }
.entry { margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.child-words { margin: 0; padding: .4rem .8rem; border-inline-start: 4px solid #1d6fd1;
  background: #f1f6fd; font-size: 1.1rem; white-space: pre-wrap; overflow-wrap: anywhere;
  unicode-bidi: plaintext; }
.child-words::before { content: open-quote; } .child-words::after { content: close-quote; }
figure { margin: 0; }
figure img { display: block; box-sizing: border-box; max-width: 100%; height: auto; border: 1px solid #c8c8c8; }
.who, .decision, .missing, .empty, .made, .history, .name-sharing { margin: .2rem 0 0; color: #4f4f4f; font-size: .9rem; }
.decision-none { font-weight: 600; color: #7a4200; }
.duty { margin: .4rem 0 0; padding: .3rem .6rem; border-inline-start: 4px solid #8a1c1c;
  background: #fbf1f1; font-size: .9rem; }
.duty dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; margin: 0; }
.duty dt { font-weight: 600; } .duty dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.worker-notes, .note { background: #f6f6f6; border-style: dashed; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0 0; unicode-bidi: plaintext; }
.given-to ul { margin: .5rem 0 0; padding-inline-start: 1.25rem; }
.conversation, .pace, .order, .next-steps, .amendments, .responses { border: 1px solid #c8c8c8;
  border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1.25rem; break-inside: avoid; page-break-inside: avoid; }
h3 { font-size: 1.05rem; margin: .5rem 0 .25rem; }
.conversation ul, .pace ul, .order ul, .amendments ul, .responses ul { margin: .25rem 0 0; padding-inline-start: 1.25rem; }
.mark, .read-back, .taken-out-mark, .put-back-mark, .worker-question, .caption-label { margin: .2rem 0 0; color: #4f4f4f; font-size: .9rem; }
.amended { margin: .2rem 0 0; color: #7a4200; font-size: .9rem; font-weight: 600; }
.facts dd.present { white-space: normal; }
.facts ul.people { margin: 0; padding: 0; list-style: none; } .present-typed { margin: 0; white-space: pre-wrap; }
.worker-question { font-style: italic; margin: 0 0 .2rem; }
.chose-not-to-say { margin: .5rem 0 0; font-weight: 600; color: #444; }
.caption { margin: .4rem 0 0; }
.taken-out > blockquote, .taken-out > figure { opacity: .55; }
.taken-out-mark { color: #8a1c1c; font-weight: 600; }
.changed { margin: .4rem 0 0; padding-inline-start: .75rem; border-inline-start: 3px solid #c8c8c8; }
.changed-when, .changed-label, .changed-nothing { margin: .2rem 0 0; color: #4f4f4f; font-size: .9rem; }
.changed blockquote { margin: .1rem 0 0; }
.changed .earlier img { max-width: 50%; }
.response { white-space: pre-wrap; unicode-bidi: plaintext; }
.signature { margin: 2.5rem 0 0; break-inside: avoid; page-break-inside: avoid;
  break-before: avoid; page-break-before: avoid; }
.closing { break-inside: avoid; page-break-inside: avoid; }
.prompt-asked { margin: .25rem 0 0; color: #333; font-size: .95rem; }
.prompt-asked > span { font-weight: 600; }
/* The prompt on its own line, set as the child's language runs (an Arabic one from the
   right), so it is never broken into a line of the worker's label. */
.prompt { display: block; margin: .1rem 0 .4rem; unicode-bidi: isolate; text-align: start; }
.signature-rule { border-bottom: 1px solid #1b1b1b; width: 60%; height: 2.5rem; }
.signature-label, .signature-name, .signature-agency { margin: .25rem 0 0; }
@page { margin: 18mm 15mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  .child-words, .worker-notes, .duty, .full-record .audience { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
";

/// Every file Hear Me writes starts the same way: its language and direction, a policy that
/// lets it load nothing, its title and its style. Writes up to the end of `<head>`.
pub(super) fn open_document(out: &mut String, lang: &str, title: &str, styles: &[&str]) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(&escape(lang));
    out.push_str("\" dir=\"");
    out.push_str(text_direction(lang).as_str());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(CONTENT_SECURITY_POLICY);
    out.push_str("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    element(out, "title", title);
    out.push_str("<style>");
    for style in styles {
        out.push_str(style);
    }
    out.push_str("</style>\n</head>\n");
}

/// The summary as a complete HTML document. A picture must be a PNG `data:` URL; anything
/// else is refused and the drawing is shown as missing, so no other URL or markup can enter
/// the file through it.
pub fn render_summary_html(summary: &Summary, text: &SummaryText, painters: &Painters) -> String {
    let mut out = String::with_capacity(8 * 1024);
    open_document(
        &mut out,
        &text.lang,
        &text.title,
        &[STYLE, &page_boxes(text)],
    );
    let class = match summary.reader {
        Reader::FullRecord(_) => "full-record",
        Reader::ForAudience(_) => "for-audience",
    };
    let _ = writeln!(out, "<body class=\"{class}\">");

    render_header(&mut out, summary, text);
    out.push_str("<main>\n");
    match &summary.reader {
        Reader::ForAudience(reader) => render_note(&mut out, summary, reader, text),
        Reader::FullRecord(record) => {
            render_conversation(&mut out, record, text, painters);
            render_pace(&mut out, record, text, painters);
            render_order(&mut out, record, text);
            last_time::render_last_time(&mut out, &record.last_time, text, painters);
        }
    }
    for question in &summary.questions {
        render_question(&mut out, summary, question, text, painters);
    }
    if let Reader::FullRecord(record) = &summary.reader {
        render_next_steps(&mut out, &summary.child_name, record, text);
        super::feedback_html::render_feedback(
            &mut out,
            &summary.child_name,
            &record.feedback,
            &text.feedback,
            painters.time,
        );
        render_amendments(&mut out, summary, record, text, painters);
        render_responses(&mut out, record, text, painters);
        render_undecided(&mut out, record, text);
        render_reflection(&mut out, record, text);
        // The last part of the record and the signature print on one page: a line to sign
        // alone on a page says nothing about what it signs.
        out.push_str("<div class=\"closing\">\n");
        render_given_to(&mut out, record, text, painters);
        render_signature(&mut out, summary, text);
        out.push_str("</div>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn render_header(out: &mut String, summary: &Summary, text: &SummaryText) {
    out.push_str("<header>\n");
    element_isolating(out, "h1", "dir=\"auto\"", &text.title, &summary.child_name);
    // A name the child gave is typed; the pictured readers are the app's own words.
    let reader = match summary.audience() {
        Some(Audience::Named(name)) => name.as_str(),
        _ => "",
    };
    element_isolating(
        out,
        "p",
        "class=\"audience\" dir=\"auto\"",
        &text.audience_line,
        reader,
    );
    out.push_str("<dl class=\"facts\">\n");
    // Whose file it is in the agency's terms: the worker's full record alone, for the case
    // file and a court. An audience's summary holds only what the child agreed to share.
    if let Reader::FullRecord(record) = &summary.reader {
        fact(out, &text.agency_label, text.agency.trim());
        fact(
            out,
            &text.case_reference_label,
            record.details.case_reference.trim(),
        );
    }
    fact(out, &text.child_label, &summary.child_name);
    if let Some(age) = summary.age {
        fact(out, &text.age_label, &age.to_string());
    }
    fact(out, &text.date_label, &day(&summary.date, &text.lang));
    fact(
        out,
        &text.place_label,
        summary.place.as_deref().unwrap_or(""),
    );
    render_present(out, summary, text);
    if summary.show_tools {
        let tools: Vec<&str> = summary
            .tools
            .iter()
            .map(|&tool| text.tool_name(tool))
            .collect();
        fact(out, &text.tools_label, &tools.join(&text.list_separator));
    }
    fact(
        out,
        &text.worker_label,
        summary.worker.as_deref().unwrap_or(""),
    );
    out.push_str("</dl>\n</header>\n");
}

/// "Who was there" in the header: for an audience, the people from "About this conversation"
/// (the full record lists them in its own section); for every reader, the free text an
/// older record typed instead, so it is never lost.
fn render_present(out: &mut String, summary: &Summary, text: &SummaryText) {
    let people: &[PersonPresent] = match summary.reader {
        Reader::ForAudience(_) => &summary.people,
        Reader::FullRecord(_) => &[],
    };
    let typed = summary.present.as_deref().filter(|typed| !typed.is_empty());
    if people.is_empty() && typed.is_none() {
        return;
    }
    element(out, "dt", &text.present_label);
    out.push_str("<dd class=\"present\">");
    if !people.is_empty() {
        render_people(out, people, text);
    }
    if let Some(typed) = typed {
        element_with(out, "p", "class=\"present-typed\" dir=\"auto\"", typed);
    }
    out.push_str("</dd>\n");
}

/// The people who were there, one a line: the name and role, each isolated so a name in
/// another script keeps its order, and where they were.
fn render_people(out: &mut String, people: &[PersonPresent], text: &SummaryText) {
    out.push_str("<ul class=\"people\">\n");
    for person in people {
        let whereabouts = match person.whereabouts {
            Whereabouts::InTheRoom => &text.where_in_room,
            Whereabouts::Nearby => &text.where_nearby,
            Whereabouts::NotThere => &text.where_not_there,
        };
        out.push_str("<li>");
        element_inline(out, "bdi", &person.who);
        if !person.role.is_empty() {
            out.push_str(" (");
            element_inline(out, "bdi", &person.role);
            out.push(')');
        }
        out.push_str(&escape(&format!(" — {whereabouts}")));
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// One line of the header; left out when there is nothing to say.
fn fact(out: &mut String, label: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    element(out, "dt", label);
    element_auto(out, "dd", value);
}

/// What the worker wrote for this audience, and the neutral line, before the child's words.
fn render_note(out: &mut String, summary: &Summary, reader: &ForAudience, text: &SummaryText) {
    let respect = reader.respect_line.map(|line| text.respect_line(line));
    if reader.note.is_empty() && respect.is_none() {
        return;
    }
    out.push_str("<section class=\"note\">\n");
    element_auto(out, "h2", &text.note_heading);
    if !reader.note.is_empty() {
        element_with(out, "div", "class=\"notes\" dir=\"auto\"", &reader.note);
    }
    if let Some(line) = respect {
        let name = &summary.child_name;
        element_isolating(out, "p", "class=\"respect\" dir=\"auto\"", line, name);
    }
    out.push_str("</section>\n");
}

fn render_question(
    out: &mut String,
    summary: &Summary,
    shown: &QuestionSummary,
    text: &SummaryText,
    painters: &Painters,
) {
    let question = shown.question;
    let _ = writeln!(out, "<section class=\"house {}\">", question.slug());
    // The helper stands beside the heading, as the child saw it. Its picture comes from the
    // app's own art in a fixed set of colours: a base64 data URL, nothing to escape.
    for tool in Tool::ALL {
        if let Some(url) = tool.summary_picture(summary.helper, question) {
            out.push_str("<img class=\"helper\" src=\"");
            out.push_str(&url);
            out.push_str("\" alt=\"");
            out.push_str(&escape(text.usual_name(tool, question)));
            out.push_str("\">\n");
        }
    }
    // One heading naming the question in every tool used: the child's own name where this
    // summary may show it, and the usual names below, so every reader knows which question
    // it answers.
    let names: Vec<&str> = shown
        .names
        .iter()
        .map(|(tool, own)| own.as_deref().unwrap_or(text.usual_name(*tool, question)))
        .collect();
    let usual: Vec<&str> = shown
        .names
        .iter()
        .filter(|(_, own)| own.is_some())
        .map(|(tool, _)| text.usual_name(*tool, question))
        .collect();
    if names.is_empty() {
        // No tool used yet: the houses' names, as the questions are best known.
        element_auto(out, "h2", text.usual_name(Tool::default(), question));
    } else if let [name] = names.as_slice() {
        element_auto(out, "h2", name);
    } else {
        // Each name isolated: the child's own name may run the other way from the rest.
        out.push_str("<h2 dir=\"auto\">");
        for (index, name) in names.iter().enumerate() {
            if index > 0 {
                out.push_str(" · ");
            }
            element_inline(out, "bdi", name);
        }
        out.push_str("</h2>\n");
    }
    if !usual.is_empty() {
        element_with(out, "p", "class=\"usual-name\"", &usual.join(" · "));
    }
    if matches!(summary.reader, Reader::FullRecord(_)) {
        render_prompts(out, shown, text);
    }
    for (tool, sharing) in &shown.name_sharing {
        out.push_str("<div class=\"name-sharing\">");
        let label = format!("{} ({})", text.own_name_label, text.tool_name(*tool));
        element_inline(out, "span", &label);
        out.push_str("</div>\n");
        render_sharing(out, sharing, text, painters);
    }
    if shown.chose_not_to_say {
        element_with(
            out,
            "p",
            "class=\"chose-not-to-say\"",
            &text.chose_not_to_say,
        );
    }
    if shown.entries.is_empty() {
        if shown.chose_not_to_say {
            out.push_str("</section>\n");
            return;
        }
        let empty = match summary.reader {
            Reader::FullRecord(_) => &text.empty_house,
            Reader::ForAudience(_) => &text.nothing_shared_here,
        };
        element_with(out, "p", "class=\"empty\"", empty);
    } else {
        out.push_str("<ol class=\"entries\">\n");
        for entry in &shown.entries {
            render_entry(out, summary, entry, text, painters);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

/// The question as the child saw it, word for word, in the child's language (their own
/// `lang` and direction, under the worker's label), once for each tool it was asked in.
fn render_prompts(out: &mut String, shown: &QuestionSummary, text: &SummaryText) {
    let both_tools = shown.names.len() > 1;
    for (tool, _) in &shown.names {
        let Some(prompt) = text.prompts.get(&(*tool, shown.question)) else {
            continue;
        };
        let label = if both_tools {
            format!("{} ({}):", text.prompt_label, text.tool_name(*tool))
        } else {
            format!("{}:", text.prompt_label)
        };
        let lang = if text.prompts_lang.is_empty() {
            &text.lang
        } else {
            &text.prompts_lang
        };
        out.push_str("<p class=\"prompt-asked\">");
        element_inline(out, "span", &label);
        let _ = writeln!(
            out,
            " <q class=\"prompt\" lang=\"{}\" dir=\"{}\">{}</q></p>",
            escape(lang),
            text_direction(lang).as_str(),
            escape(prompt)
        );
    }
}

pub(super) fn render_entry(
    out: &mut String,
    summary: &Summary,
    entry: &SummaryEntry,
    text: &SummaryText,
    painters: &Painters,
) {
    let full = matches!(summary.reader, Reader::FullRecord(_));
    let kind = match &entry.content {
        SummaryContent::Words(_) => "words",
        SummaryContent::Drawing { .. } => "drawing",
        SummaryContent::Unreadable => "unreadable",
    };
    let out_now = if entry.is_taken_out() {
        " taken-out"
    } else {
        ""
    };
    let _ = writeln!(out, "<li class=\"entry {kind}{out_now}\">");
    // What the worker asked comes first, as it came first in the conversation; the full
    // record's alone.
    if let Some(question) = entry.worker_question.as_deref().filter(|_| full) {
        out.push_str("<p class=\"worker-question\" dir=\"auto\">");
        out.push_str(&fill_isolated(
            &text.worker_question,
            &[("question", question)],
        ));
        out.push_str("</p>\n");
    }
    match &entry.content {
        SummaryContent::Words(words) => {
            render_childs_words(out, words, text);
            render_amended(out, entry.words_amended_at, text, painters);
        }
        SummaryContent::Drawing { question, entry } => {
            let picture = (painters.picture)(*question, *entry);
            render_picture(
                out,
                picture,
                "",
                &text.drawing_alt,
                Some(&text.child_drew),
                text,
            );
        }
        SummaryContent::Unreadable => {
            element_with(out, "p", "class=\"missing\"", &text.unreadable_entry);
        }
    }
    // The child's own words about a drawing belong to the drawing: wherever it goes.
    if let Some(caption) = &entry.caption {
        render_caption(out, caption, text);
        render_amended(out, entry.caption_amended_at, text, painters);
    }
    if full {
        if let Some(read_back) = &entry.read_back {
            let template = match read_back.mark {
                ReadBackMark::Checked => &text.read_back_checked,
                ReadBackMark::ChangedAfterReadingBack => &text.read_back_changed,
            };
            let when = (painters.time)(read_back.at_ms);
            element_with(
                out,
                "p",
                "class=\"read-back\"",
                &fill(template, &[("time", &when)]),
            );
        }
        render_changes(out, entry, text, painters);
        for spell in &entry.taken_out {
            let when = (painters.time)(spell.at_ms);
            element_with(
                out,
                "p",
                "class=\"taken-out-mark\"",
                &fill(&text.taken_out_mark, &[("time", &when)]),
            );
            if let Some(back) = spell.put_back_at_ms {
                let when = (painters.time)(back);
                element_with(
                    out,
                    "p",
                    "class=\"put-back-mark\"",
                    &fill(&text.put_back_mark, &[("time", &when)]),
                );
            }
        }
    }
    if summary.show_tools && summary.tools.len() > 1 {
        let asked_in = format!("{} {}", text.asked_in_label, text.tool_name(entry.tool));
        element_with(out, "p", "class=\"asked-in\"", &asked_in);
    }
    // Only the full record carries an entry's sharing: an audience sees what was shared with
    // it, and who else may see it is the child's business and the worker's.
    if let Some(sharing) = &entry.sharing {
        let made = format!("{} {}", text.made_label, (painters.time)(entry.created_at));
        element_with(out, "p", "class=\"made\"", &made);
        render_sharing(out, sharing, text, painters);
    }
    out.push_str("</li>\n");
}

/// A drawing as an embedded picture (`class` on its figure, `who` as its caption), or the
/// line saying it could not be painted. Only a checked PNG `data:` URL is ever written.
pub(super) fn render_picture(
    out: &mut String,
    url: Option<String>,
    class: &str,
    alt: &str,
    who: Option<&str>,
    text: &SummaryText,
) {
    match url.filter(|url| is_png_data_url(url)) {
        Some(url) => {
            if class.is_empty() {
                out.push_str("<figure>");
            } else {
                let _ = write!(out, "<figure class=\"{}\">", escape(class));
            }
            // A checked data URL holds only base64 characters: nothing to escape.
            let _ = write!(out, "<img src=\"{url}\" alt=\"{}\">", escape(alt));
            if let Some(who) = who {
                element_with(out, "figcaption", "class=\"who\"", who);
            }
            out.push_str("</figure>\n");
        }
        None => {
            element_with(out, "p", "class=\"missing\"", &text.picture_missing);
            if let Some(who) = who {
                element_with(out, "p", "class=\"who\"", who);
            }
        }
    }
}

/// "amended on 7 December 2026" under words or a caption changed after the end of the
/// conversation: every reader sees that the words are not those first recorded; what they
/// were and why they changed is the full record's alone (its amendments).
fn render_amended(out: &mut String, at: Option<u64>, text: &SummaryText, painters: &Painters) {
    if let Some(at) = at {
        let mark = fill(&text.amended_on, &[("day", &(painters.day)(at))]);
        element_with(out, "p", "class=\"amended\"", &mark);
    }
}

/// What the entry was before each change during the conversation, with when: the words
/// and captions before and after, a drawing as it was. The full record's alone.
fn render_changes(out: &mut String, entry: &SummaryEntry, text: &SummaryText, painters: &Painters) {
    for (index, change) in entry.changes.iter().enumerate() {
        let when = (painters.time)(change.at_ms);
        out.push_str("<div class=\"changed\">\n");
        match &change.what {
            Changed::Words { before, after } => {
                let line = fill(&text.changed_words, &[("time", &when)]);
                element_with(out, "p", "class=\"changed-when\"", &line);
                render_version(out, &text.changed_before, Some(before), text);
                render_version(out, &text.changed_after, Some(after), text);
            }
            Changed::Caption { before, after } => {
                let line = fill(&text.changed_caption, &[("time", &when)]);
                element_with(out, "p", "class=\"changed-when\"", &line);
                render_version(out, &text.changed_before, before.as_ref(), text);
                render_version(out, &text.changed_after, after.as_ref(), text);
            }
            Changed::Drawing { .. } => {
                let line = fill(&text.changed_drawing, &[("time", &when)]);
                element_with(out, "p", "class=\"changed-when\"", &line);
                let earlier = match &entry.content {
                    SummaryContent::Drawing { question, entry } => {
                        (painters.earlier_picture)(*question, *entry, index)
                    }
                    _ => None,
                };
                render_picture(
                    out,
                    earlier,
                    "earlier",
                    &text.earlier_drawing_alt,
                    None,
                    text,
                );
            }
        }
        out.push_str("</div>\n");
    }
}

/// One version of changed words: its label, the words as they were, and who said and wrote
/// them; "nothing" where there were none.
fn render_version(out: &mut String, label: &str, words: Option<&Words>, text: &SummaryText) {
    element_with(out, "p", "class=\"changed-label\"", label);
    match words.filter(|words| !words.text.is_empty()) {
        Some(words) => {
            render_childs_words(out, words, text);
        }
        None => element_with(out, "p", "class=\"changed-nothing\"", &text.changed_nothing),
    }
}

/// The child's wish, its history, and the worker's holds and passings-on: the full record's
/// account of one entry or name.
fn render_sharing(out: &mut String, sharing: &Sharing, text: &SummaryText, painters: &Painters) {
    let class = match sharing.decision {
        None => "decision decision-none",
        Some(_) => "decision",
    };
    let _ = write!(out, "<p class=\"{class}\">");
    out.push_str(&escape(&text.wish_label));
    out.push(' ');
    render_decision(out, sharing.decision.as_ref(), text);
    out.push_str("</p>\n");
    if sharing.history.len() > 1 {
        out.push_str("<p class=\"history\">");
        out.push_str(&escape(&text.history_label));
        for (index, change) in sharing.history.iter().enumerate() {
            out.push_str(if index == 0 { " " } else { " · " });
            out.push_str(&escape(&(painters.time)(change.at_ms)));
            out.push_str(": ");
            render_decision(out, change.decision.as_ref(), text);
        }
        out.push_str("</p>\n");
    }
    for hold in &sharing.holds {
        render_hold(out, hold, text, painters);
    }
    for passed in &sharing.passed_on {
        render_passed_on(out, passed, text);
    }
}

fn render_decision(out: &mut String, decision: Option<&Decision>, text: &SummaryText) {
    match decision {
        None => out.push_str(&escape(&text.wish_none)),
        Some(Decision::Private) => out.push_str(&escape(&text.wish_private)),
        Some(Decision::SharedWith(audiences)) => render_audiences(out, audiences, text),
    }
}

pub(super) fn render_audiences(out: &mut String, audiences: &[Audience], text: &SummaryText) {
    for (index, audience) in audiences.iter().enumerate() {
        if index > 0 {
            out.push_str(&escape(&text.list_separator));
        }
        // Isolated, so a name in Arabic does not reorder the rest of the line.
        element_inline(out, "bdi", text.audience_name(audience));
    }
}

fn render_hold(out: &mut String, hold: &Hold, text: &SummaryText, painters: &Painters) {
    out.push_str("<div class=\"duty hold\"><dl>\n");
    duty_fact(out, &text.held_back_label, text.audience_name(&hold.from));
    duty_fact(out, &text.on_label, &day(&hold.why.on, &text.lang));
    duty_fact(out, &text.decided_by_label, &hold.why.decided_by);
    duty_fact(out, &text.reason_label, &hold.why.reason);
    if let Some(lifted) = &hold.lifted {
        element(out, "dt", &text.lifted_label);
        let _ = write!(out, "<dd>{}, ", escape(&(painters.time)(lifted.at_ms)));
        element_inline(out, "bdi", &lifted.by);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl></div>\n");
}

fn render_passed_on(out: &mut String, passed: &PassedOn, text: &SummaryText) {
    out.push_str("<div class=\"duty passed-on\"><dl>\n");
    duty_fact(out, &text.passed_on_label, text.audience_name(&passed.to));
    duty_fact(out, &text.on_label, &day(&passed.why.on, &text.lang));
    duty_fact(out, &text.decided_by_label, &passed.why.decided_by);
    duty_fact(out, &text.reason_label, &passed.why.reason);
    match &passed.child_told_on {
        Some(on) => duty_fact(out, &text.child_told_label, &day(on, &text.lang)),
        None => {
            element(out, "dt", &text.child_told_label);
            element(out, "dd", &text.child_not_told);
        }
    }
    out.push_str("</dl></div>\n");
}

fn duty_fact(out: &mut String, label: &str, value: &str) {
    element(out, "dt", label);
    element_auto(out, "dd", value);
}

pub(super) fn render_undecided(out: &mut String, record: &FullRecord, text: &SummaryText) {
    if record.undecided == 0 {
        return;
    }
    out.push_str("<section class=\"sharing\">\n");
    element_auto(out, "h2", &text.sharing_heading);
    element_auto(out, "p", &text.undecided_line);
    out.push_str("</section>\n");
}

pub(super) fn render_reflection(out: &mut String, record: &FullRecord, text: &SummaryText) {
    out.push_str("<section class=\"worker-notes\">\n");
    element_auto(out, "h2", &text.reflection_heading);
    if record.reflection.is_empty() {
        element_with(out, "p", "class=\"empty\"", &text.no_reflection);
    } else {
        element_with(
            out,
            "div",
            "class=\"notes\" dir=\"auto\"",
            &record.reflection,
        );
    }
    out.push_str("</section>\n");
}

/// "Given to: Mum — downloaded 1 Dec 2026, 14:02": every print and download so far.
pub(super) fn render_given_to(
    out: &mut String,
    record: &FullRecord,
    text: &SummaryText,
    painters: &Painters,
) {
    out.push_str("<section class=\"given-to\">\n");
    element_auto(out, "h2", &text.given_to_heading);
    if record.exports.is_empty() {
        element_with(out, "p", "class=\"empty\"", &text.nothing_given);
    } else {
        out.push_str("<ul>\n");
        for (at, export) in record.exports.iter().enumerate() {
            let since_held_back = record.copies_since_held_back.contains(&at);
            render_export(out, export, since_held_back, text, painters);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn render_export(
    out: &mut String,
    export: &Export,
    since_held_back: bool,
    text: &SummaryText,
    painters: &Painters,
) {
    let reader = match (&export.audience, export.picture) {
        (Some(audience), _) => text.audience_name(audience),
        (None, Some(_)) => &text.picture_reader,
        (None, None) => &text.full_record_reader,
    };
    let how = match export.kind {
        ExportKind::Printed => &text.printed,
        ExportKind::Downloaded => &text.downloaded,
    };
    let time = (painters.time)(export.at_ms);
    out.push_str("<li>");
    element_inline(out, "bdi", reader);
    let rest = format!(" — {how} {time} · ");
    out.push_str(&escape(&rest));
    element_inline(out, "bdi", &export.file_name);
    if since_held_back {
        // Said beside the copy: a hold kept it out of later copies, not out of this one.
        out.push_str("<br><strong class=\"since-held-back\">");
        render_with_reader(out, &text.copy_holds_held_back, &time, reader);
        out.push_str("</strong>");
    }
    out.push_str("</li>\n");
}

/// A line with `{{ audience }}` and `{{ time }}` filled in, the reader's name isolated in
/// its own direction.
fn render_with_reader(out: &mut String, template: &str, time: &str, reader: &str) {
    // A character no translation holds stands where the name goes.
    const NAME: &str = "\u{E000}";
    let line = fill(template, &[("audience", &NAME), ("time", &time)]);
    let mut parts = line.split(NAME);
    out.push_str(&escape(parts.next().unwrap_or_default()));
    for part in parts {
        element_inline(out, "bdi", reader);
        out.push_str(&escape(part));
    }
}

/// The page boxes of every printed page: at the top, where reading starts, whose file it is
/// and who it is for, so a page that strays from the rest still tells its reader what it
/// is; at the foot, "Made with Hear Me … on …" and "Page 2 of 5". Page boxes have no start
/// and end, so the lines go left or right by the language's direction.
pub(super) fn page_boxes(text: &SummaryText) -> String {
    let (start, end) = match text_direction(&text.lang) {
        TextDirection::LeftToRight => ("left", "right"),
        TextDirection::RightToLeft => ("right", "left"),
    };
    format!(
        "@page {{ @top-{start} {{ content: {}; font: 600 9pt system-ui, sans-serif; color: #444; white-space: nowrap; }}\n  \
         @bottom-{start} {{ content: {}; font: 8pt system-ui, sans-serif; color: #444; }}\n  \
         @bottom-{end} {{ content: {} counter(page) {} counter(pages); font: 9pt system-ui, sans-serif; color: #444; white-space: nowrap; }} }}\n",
        css_string(&text.page_line),
        css_string(&made_with_line(text)),
        css_string(&format!("{} ", text.page_word)),
        css_string(&format!(" {} ", text.of_word)),
    )
}

/// "Made with Hear Me 1.4.0 on 26/11/2026", the day as the language writes it.
pub fn made_with_line(text: &SummaryText) -> String {
    let date = day(&text.made_on, &text.lang);
    fill(
        &text.made_with,
        &[("version", &text.version), ("date", &date)],
    )
}

/// The facts of the conversation as recorded: times, language, interpreter, how the parents
/// were prepared, the version of the questions, who was there and where, "Before we start"
/// and the finish. The worker's full record only.
pub(super) fn render_conversation(
    out: &mut String,
    record: &FullRecord,
    text: &SummaryText,
    painters: &Painters,
) {
    let details = &record.details;
    out.push_str("<section class=\"conversation\">\n");
    element_auto(out, "h2", &text.details_heading);
    out.push_str("<dl class=\"facts\">\n");
    fact(
        out,
        &text.started_label,
        &(painters.time)(record.start_time),
    );
    if let Some(end) = record.end_time {
        fact(out, &text.ended_label, &(painters.time)(end));
        let lasted = end
            .checked_sub(record.start_time)
            .and_then(|lasted| duration(lasted, &text.lang));
        if let Some(lasted) = lasted {
            fact(out, &text.duration_label, &lasted);
        }
    }
    fact(out, &text.language_label, &record.languages);
    if let Some(interpreter) = &details.interpreter {
        element(out, "dt", &text.interpreter_label);
        out.push_str("<dd>");
        element_inline(out, "bdi", &interpreter.name);
        if !interpreter.role.is_empty() {
            out.push_str(" (");
            element_inline(out, "bdi", &interpreter.role);
            out.push(')');
        }
        out.push_str("</dd>\n");
    }
    if let Some(informed) = &details.parents.informed {
        fact(out, &text.informed_by_label, &informed.by);
        fact(out, &text.informed_on_label, &day(&informed.on, &text.lang));
    }
    if let Some(consent) = &details.parents.consent {
        element(out, "dt", &text.consent_label);
        out.push_str("<dd>");
        match consent {
            Consent::Given => out.push_str(&escape(&text.consent_given)),
            Consent::Refused => out.push_str(&escape(&text.consent_refused)),
            Consent::NotSought { reason } => {
                let label = format!("{} ({}: ", text.consent_not_sought, text.reason_label);
                out.push_str(&escape(&label));
                element_inline(out, "bdi", reason);
                out.push(')');
            }
        }
        out.push_str("</dd>\n");
    }
    let version = match record.age_version {
        super::conversation::AgeVersion::Younger => &text.age_younger,
        super::conversation::AgeVersion::Older => &text.age_older,
    };
    fact(out, &text.age_version_label, version);
    out.push_str("</dl>\n");
    if !details.people.is_empty() {
        element_auto(out, "h3", &text.people_heading);
        render_people(out, &details.people, text);
    }
    if let Some(at) = record.before_we_start_at {
        let when = (painters.time)(at);
        element_with(
            out,
            "p",
            "class=\"mark before-done\"",
            &fill(&text.before_done_mark, &[("time", &when)]),
        );
    }
    if let Some(at) = record.finished_at {
        let when = (painters.time)(at);
        element_with(
            out,
            "p",
            "class=\"mark finished\"",
            &fill(&text.finished_mark, &[("time", &when)]),
        );
    }
    render_restores(out, record, text, painters);
    out.push_str("</section>\n");
}

/// Where the session came from when it was not made on this tablet: every restore from a
/// backup, with what the backup says of itself, so a session from a colleague's or a crafted
/// backup never reads as this tablet's own.
fn render_restores(out: &mut String, record: &FullRecord, text: &SummaryText, painters: &Painters) {
    if let Some(iso) = &record.restored_on_day {
        let line = fill(
            &text.restored_from_unknown,
            &[("date", &day(iso, &text.lang))],
        );
        element_with(out, "p", "class=\"mark restored\"", &line);
    }
    let words = RestoreWords {
        from: &text.restored_from,
        from_unknown: &text.restored_from_unknown,
        unknown_version: &text.restored_unknown_version,
        beside_own: &text.restored_beside_own,
    };
    for restore in &record.restores {
        let line = restore_line(restore, &words, painters.time);
        element_with(out, "p", "class=\"mark restored\"", &line);
    }
}

/// The child's stops, breaks and passes, oldest first.
pub(super) fn render_pace(
    out: &mut String,
    record: &FullRecord,
    text: &SummaryText,
    painters: &Painters,
) {
    if record.pace.is_empty() {
        return;
    }
    out.push_str("<section class=\"pace\">\n");
    element_auto(out, "h2", &text.pace_heading);
    out.push_str("<ul>\n");
    for event in &record.pace {
        let when = (painters.time)(event.at_ms);
        let line = match event.what {
            Pace::Stop => fill(&text.pace_stop, &[("time", &when)]),
            Pace::Break { ended_at_ms } => {
                let to = ended_at_ms.map_or_else(|| "…".to_owned(), |at| (painters.time)(at));
                fill(&text.pace_break, &[("from", &when), ("to", &to)])
            }
            Pace::Pass { tool, question } => fill(
                &text.pace_pass,
                &[("house", &text.usual_name(tool, question)), ("time", &when)],
            ),
        };
        element_auto(out, "li", &line);
    }
    out.push_str("</ul>\n</section>\n");
}

/// For each tool used, the order the child went through its questions.
pub(super) fn render_order(out: &mut String, record: &FullRecord, text: &SummaryText) {
    if record.visit_order.is_empty() {
        return;
    }
    out.push_str("<section class=\"order\">\n");
    element_auto(out, "h2", &text.order_heading);
    out.push_str("<ul>\n");
    for (tool, order) in &record.visit_order {
        let names: Vec<&str> = order
            .iter()
            .map(|&question| text.usual_name(*tool, question))
            .collect();
        let line = format!("{}: {}", text.tool_name(*tool), names.join(" → "));
        element_auto(out, "li", &line);
    }
    out.push_str("</ul>\n</section>\n");
}

/// A drawing's caption: the child's words, exactly, and who said and who wrote them.
fn render_caption(out: &mut String, caption: &Words, text: &SummaryText) {
    out.push_str("<div class=\"caption\">\n");
    element_with(out, "p", "class=\"caption-label\"", &text.caption_label);
    render_childs_words(out, caption, text);
    out.push_str("</div>\n");
}

/// The child's words exactly as kept, in their own direction, and who said and wrote them.
pub(super) fn render_childs_words(out: &mut String, words: &Words, text: &SummaryText) {
    element_with(
        out,
        "blockquote",
        "class=\"child-words\" dir=\"auto\"",
        &words.text,
    );
    element_with(out, "p", "class=\"who\"", text.voice(words.voice));
}

/// "What {name} wants to happen next" in the child's words, and what the worker told them.
pub(super) fn render_next_steps(
    out: &mut String,
    name: &str,
    record: &FullRecord,
    text: &SummaryText,
) {
    let next = &record.next_steps;
    if next.is_empty() {
        return;
    }
    out.push_str("<section class=\"next-steps\">\n");
    if let Some(wants) = &next.child_wants {
        element_isolating(out, "h2", "dir=\"auto\"", &text.next_wants_label, name);
        element_with(
            out,
            "blockquote",
            "class=\"child-words\" dir=\"auto\"",
            &wants.text,
        );
        element_with(out, "p", "class=\"who\"", text.voice(wants.voice));
    }
    if !next.worker_told.is_empty() {
        element_isolating(out, "h2", "dir=\"auto\"", &text.next_told_label, name);
        element_with(
            out,
            "div",
            "class=\"notes\" dir=\"auto\"",
            &next.worker_told,
        );
    }
    out.push_str("</section>\n");
}

/// What was changed after the end, what it was before, why and when.
pub(super) fn render_amendments(
    out: &mut String,
    summary: &Summary,
    record: &FullRecord,
    text: &SummaryText,
    painters: &Painters,
) {
    if record.amendments.is_empty() {
        return;
    }
    let tool = summary.tools.first().copied().unwrap_or_default();
    out.push_str("<section class=\"amendments\">\n");
    element_auto(out, "h2", &text.amendments_heading);
    out.push_str("<ul>\n");
    for amendment in &record.amendments {
        let what = match amendment.what {
            Amended::Words { question, .. } => text.usual_name(tool, question).to_owned(),
            Amended::Caption { question, .. } => {
                format!(
                    "{} · {}",
                    text.usual_name(tool, question),
                    text.caption_label
                )
            }
            Amended::WorkerQuestion { question, .. } => format!(
                "{} · {}",
                text.usual_name(tool, question),
                fill(&text.worker_question, &[("question", &"…")])
            ),
            Amended::ChildWantsNext => text.next_wants_label.clone(),
        };
        let when = (painters.time)(amendment.at_ms);
        // Before and after are the child's words, each kept in its own direction.
        let line = fill_isolated(
            &text.amendment_line,
            &[
                ("time", &when),
                ("before", &amendment.before),
                ("after", &amendment.after),
                ("why", &amendment.why),
            ],
        );
        out.push_str("<li>");
        element_inline(out, "strong", &what);
        out.push_str(": ");
        out.push_str(&line);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// What the family and the network said when they were shown the houses.
pub(super) fn render_responses(
    out: &mut String,
    record: &FullRecord,
    text: &SummaryText,
    painters: &Painters,
) {
    if record.network_responses.is_empty() {
        return;
    }
    out.push_str("<section class=\"responses\">\n");
    element_auto(out, "h2", &text.responses_heading);
    out.push_str("<ul>\n");
    for response in &record.network_responses {
        out.push_str("<li>");
        element_inline(out, "bdi", &response.who);
        out.push_str(&escape(&format!(
            " ({}): ",
            (painters.time)(response.at_ms)
        )));
        let _ = write!(
            out,
            "<span class=\"response\" dir=\"auto\">{}</span>",
            escape(&response.text)
        );
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// The end of the full record: a ruled line to sign, the worker's name and the day.
pub(super) fn render_signature(out: &mut String, summary: &Summary, text: &SummaryText) {
    out.push_str("<section class=\"signature\">\n");
    element_with(out, "p", "class=\"signature-label\"", &text.signature_label);
    out.push_str("<div class=\"signature-rule\"></div>\n");
    out.push_str("<p class=\"signature-name\" dir=\"auto\">");
    if let Some(worker) = summary.worker.as_deref() {
        element_inline(out, "bdi", worker);
        out.push_str(" · ");
    }
    out.push_str(&escape(&day(&text.made_on, &text.lang)));
    out.push_str("</p>\n");
    if !text.agency.trim().is_empty() {
        element_with(
            out,
            "p",
            "class=\"signature-agency\" dir=\"auto\"",
            text.agency.trim(),
        );
    }
    out.push_str("</section>\n");
}

/// Text as a CSS string literal that shows exactly that text: every character that could end
/// the string, the rule or the style element is written as a hex escape.
pub fn css_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            // CSS cannot hold a NUL either; it shows as U+FFFD, as in HTML.
            '\0' => quoted.push_str("\\FFFD "),
            ' ' | '·' | ':' | ',' | '.' => quoted.push(character),
            letter if letter.is_alphanumeric() => quoted.push(letter),
            other => {
                let _ = write!(quoted, "\\{:X} ", u32::from(other));
            }
        }
    }
    quoted.push('"');
    quoted
}

/// True only for `data:image/png;base64,` followed by well-formed base64: such a URL cannot
/// leave its attribute or point anywhere outside the file.
pub fn is_png_data_url(url: &str) -> bool {
    let Some(data) = url.strip_prefix("data:image/png;base64,") else {
        return false;
    };
    let body = data.trim_end_matches('=');
    let padding = data.len() - body.len();
    !data.is_empty()
        && data.len() % 4 == 0
        && padding <= 2
        && body
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_end_the_string_the_rule_or_the_style() {
        assert_eq!(
            css_string("Mia · Summary for: Mum"),
            "\"Mia · Summary for: Mum\""
        );
        assert_eq!(
            css_string("a\"b\\c</style>{}\n;\0"),
            "\"a\\22 b\\5C c\\3C \\2F style\\3E \\7B \\7D \\A \\3B \\FFFD \""
        );
        assert_eq!(css_string("جدتي Zoë"), "\"جدتي Zoë\"");
    }

    #[test]
    fn only_well_formed_png_data_urls_pass() {
        for good in [
            "data:image/png;base64,iVBORw0KGgo=",
            "data:image/png;base64,iVBORw0KGgoA",
            "data:image/png;base64,iVBORw0KGg==",
            "data:image/png;base64,ab+/",
        ] {
            assert!(is_png_data_url(good), "{good}");
        }
        for bad in [
            "",
            "data:image/png;base64,",
            "data:image/png;base64,abc",
            "data:image/png;base64,a===",
            "data:image/png;base64,ab=c",
            "data:image/png;base64,iVBO\"><script>alert(1)</script>",
            "data:image/png;base64,iVBO Rw0K",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "DATA:image/png;base64,iVBORw0KGgo=",
            "data:text/html;base64,PHNjcmlwdD4=",
            "javascript:alert(1)",
            "https://example.org/a.png",
            " data:image/png;base64,iVBORw0KGgo=",
        ] {
            assert!(!is_png_data_url(bad), "{bad}");
        }
    }
}
