//! The pure core: the practice's words as plain Rust types. No web-sys, no Leptos, so every
//! rule here is tested natively with `cargo test`.

pub mod answers;
pub mod child;
pub mod children;
pub mod conversation;
pub mod entry;
pub mod entry_history;
pub mod exports;
pub mod feedback;
pub mod feedback_html;
pub mod html_text;
pub mod id;
pub mod ink;
pub mod language;
pub mod last_time;
pub mod leaflet_html;
pub mod local_forms;
pub mod lock_rules;
pub mod over_months;
pub mod over_time;
pub mod over_time_html;
pub mod poster_html;
pub mod question;
pub mod restored;
pub mod retention;
pub mod screen;
pub mod session;
pub mod session_id;
pub mod sharing;
pub mod sharing_walk;
pub mod speech;
pub mod summary;
pub mod summary_choices;
pub mod summary_html;
pub mod tool;
pub mod translation;

pub use answers::{Answers, AnswersByQuestion};
pub use child::{ChildId, ChildRecord};
pub use conversation::{
    AgeVersion, AmendError, Amended, Amendment, Consent, ConversationDetails, Informed,
    Interpreter, NetworkResponse, NextSteps, Pace, PaceEvent, PersonPresent, PreparedError, Visit,
    Whereabouts,
};
pub use entry::{
    Changed, Entry, EntryChange, EntryContent, EntryId, Part, ReadBack, ReadBackMark, TakenOut,
    Voice, Words,
};
pub use entry_history::Opening;
pub use exports::{summary_file_name, Export, ExportKind, SavedPicture};
pub use ink::Drawing;
pub use language::{text_direction, TextDirection};
pub use question::Question;
pub use restored::Restore;
pub use screen::{ChildMode, Screen, LAST_SHARING_STEP};
pub use session::{Child, NewSession, QuestionInTool, Session, SessionError, SharedItem};
pub use session_id::SessionId;
pub use sharing::{
    Audience, Decision, Hold, Lifted, PassedOn, Sharing, SharingChange, WorkerReason,
    WorkerReasonError,
};
pub use sharing_walk::{SharingWalk, WalkStep};
pub use summary::{QuestionSummary, Summary, SummaryContent, SummaryEntry};
pub use summary_choices::{RespectLine, Shown, SummaryChoices};
pub use summary_html::{render_summary_html, SummaryText};
pub use tool::{Helper, HelperColour, HelperKind, Tool};
