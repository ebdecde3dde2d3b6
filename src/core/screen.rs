//! Where in the app the worker is, so the app reopens exactly there after a reload.

use serde::{Deserialize, Serialize};

use super::child::ChildId;
use super::entry::EntryId;
use super::question::Question;
use super::session::{Session, SessionId};
use super::tool::Tool;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Screen {
    /// The list of sessions and the form to start one.
    #[default]
    Start,
    /// The worker's settings for this tablet: auto-lock, wiping everything.
    Settings,
    /// What is stored where, for how long, and how to delete it.
    Privacy,
    /// One child's page: their visits, a new visit, join, move, delete.
    Child {
        child: ChildId,
    },
    Session {
        session: SessionId,
    },
    /// A tool's three houses or helpers. Stored as `three_houses` before there were two tools.
    #[serde(alias = "three_houses")]
    Tool {
        session: SessionId,
        #[serde(default)]
        tool: Tool,
    },
    /// The child chooses their helper and its colours for Wizards and Fairies.
    ChooseHelper {
        session: SessionId,
    },
    /// Inside one house or helper: the entries for its question. Stored as `house` before.
    #[serde(alias = "house")]
    Question {
        session: SessionId,
        #[serde(default)]
        tool: Tool,
        question: Question,
    },
    Drawing {
        session: SessionId,
        #[serde(default)]
        tool: Tool,
        question: Question,
        entry: EntryId,
    },
    Words {
        session: SessionId,
        #[serde(default)]
        tool: Tool,
        question: Question,
        entry: EntryId,
    },
    ReadBack {
        session: SessionId,
        #[serde(default)]
        tool: Tool,
        question: Question,
    },
    /// The child decides who may see each entry, one at a time: `step` 0 is the start of
    /// the walk, then one step per thing to decide (see [`SharingWalk`]). A place stored
    /// before the walk had steps opens at its start.
    ///
    /// [`SharingWalk`]: super::sharing_walk::SharingWalk
    Sharing {
        session: SessionId,
        #[serde(default, skip_serializing_if = "is_start")]
        step: u32,
    },
    /// The summary for the worker, or for one audience, to print or download.
    Summary {
        session: SessionId,
    },
    /// The child hears back who will see what, before anything is printed.
    WhoWillSee {
        session: SessionId,
    },
    /// The worker records what they hold back or passed on without the child's agreement.
    WorkerDecisions {
        session: SessionId,
    },
    /// "Before we start": what the child hears first (who the worker is, no wrong answers,
    /// passing and stopping, who may see what, and where privacy ends).
    BeforeWeStart {
        session: SessionId,
    },
    /// "Last time you told me…": the child sees again what they put somewhere at their
    /// visit before, one thing a `step` (see `core::last_time`), then a thank-you.
    LastTime {
        session: SessionId,
        #[serde(default, skip_serializing_if = "is_start")]
        step: u32,
    },
    /// The child hears, one piece at a time, what happened with what they said at earlier
    /// visits (`core::feedback`); `step` 0 is the first piece.
    Feedback {
        session: SessionId,
        #[serde(default, skip_serializing_if = "is_start")]
        step: u32,
    },
    /// The child of this visit over time: each question across their visits, and the
    /// over-time documents. Named by the visit it was opened from, which is where "back"
    /// leads.
    OverTime {
        session: SessionId,
    },
}

/// The step of who may see what that stands for "the last thing to decide", whatever their
/// number: "back" from "Who will see what" leads there (the walk clamps it, see
/// `SharingWalk::step`).
pub const LAST_SHARING_STEP: u32 = u32::MAX;

fn is_start(step: &u32) -> bool {
    *step == 0
}

impl Screen {
    pub fn session(&self) -> Option<&SessionId> {
        match self {
            Screen::Start | Screen::Settings | Screen::Privacy | Screen::Child { .. } => None,
            Screen::Session { session }
            | Screen::Tool { session, .. }
            | Screen::ChooseHelper { session }
            | Screen::Question { session, .. }
            | Screen::Drawing { session, .. }
            | Screen::Words { session, .. }
            | Screen::ReadBack { session, .. }
            | Screen::Sharing { session, .. }
            | Screen::Summary { session }
            | Screen::WhoWillSee { session }
            | Screen::WorkerDecisions { session }
            | Screen::BeforeWeStart { session }
            | Screen::OverTime { session }
            | Screen::LastTime { session, .. } => Some(session),
            Screen::Feedback { session, .. } => Some(session),
        }
    }

    /// This place if it still exists among `sessions`, otherwise the nearest one that does:
    /// a stored place may name a session or an entry deleted since.
    pub fn existing_in(self, sessions: &[Session]) -> Screen {
        if matches!(self, Screen::Settings | Screen::Privacy) {
            return self;
        }
        // A child's page stays while the child has a visit; a child without one is found
        // from the list.
        if let Screen::Child { child } = self {
            return if sessions.iter().any(|s| s.child_id() == child) {
                self
            } else {
                Screen::Start
            };
        }
        let Some(session) = self
            .session()
            .and_then(|id| sessions.iter().find(|s| &s.id == id))
        else {
            return Screen::Start;
        };
        let entry_fits = match &self {
            Screen::Drawing {
                question, entry, ..
            } => session
                .entry(*question, *entry)
                .is_some_and(|e| e.drawing().is_some()),
            Screen::Words {
                question, entry, ..
            } => session
                .entry(*question, *entry)
                .is_some_and(|e| e.words().is_some()),
            _ => true,
        };
        if entry_fits {
            self
        } else {
            self.parent()
        }
    }

    /// The screen a "back" button leads to.
    pub fn parent(&self) -> Screen {
        match self {
            Screen::Start
            | Screen::Settings
            | Screen::Privacy
            | Screen::Session { .. }
            | Screen::Child { .. } => Screen::Start,
            Screen::Tool { session, .. }
            | Screen::ChooseHelper { session }
            | Screen::Sharing { session, .. }
            | Screen::Summary { session }
            | Screen::BeforeWeStart { session }
            | Screen::OverTime { session }
            | Screen::LastTime { session, .. } => Screen::Session { session: *session },
            Screen::Feedback { session, .. } => Screen::Session { session: *session },
            // "Who will see what" is the last screen of the walk: back is its last step.
            Screen::WhoWillSee { session } => Screen::Sharing {
                session: *session,
                step: LAST_SHARING_STEP,
            },
            Screen::WorkerDecisions { session } => Screen::Summary { session: *session },
            Screen::Question { session, tool, .. } => Screen::Tool {
                session: *session,
                tool: *tool,
            },
            Screen::Drawing {
                session,
                tool,
                question,
                ..
            }
            | Screen::Words {
                session,
                tool,
                question,
                ..
            }
            | Screen::ReadBack {
                session,
                tool,
                question,
            } => Screen::Question {
                session: *session,
                tool: *tool,
                question: *question,
            },
        }
    }
}

/// The tablet is in the child's hands, inside one tool of one session: only that tool's
/// screens may be shown; anything else needs the worker's PIN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChildMode {
    pub session: SessionId,
    pub tool: Tool,
}

impl ChildMode {
    /// Whether the tablet may be handed to the child: only with a worker PIN to take it back
    /// (which needs storage: without it any PIN would open child mode), and not once the
    /// conversation is finished (the child's part of it is over).
    pub fn may_hand_over(pin_to_take_back: bool, conversation_finished: bool) -> bool {
        pin_to_take_back && !conversation_finished
    }

    /// Whether a tool opened from the session goes straight into the child's hands: when
    /// the worker keeps "Open tools in child mode" on (so a hurried worker cannot forget to
    /// hand over and leave the child one tap from Delete and other children's sessions), and
    /// the tablet may be handed over at all.
    pub fn on_opening_a_tool(
        setting_on: bool,
        pin_to_take_back: bool,
        conversation_finished: bool,
    ) -> bool {
        setting_on && ChildMode::may_hand_over(pin_to_take_back, conversation_finished)
    }

    /// True for the screens of this session's tool: its houses or helpers, their entries,
    /// the editors, read-back, and choosing a helper; and this session's who may see what
    /// and who will see what, which the child decides and hears back. Not the session's
    /// other screens (the session, the summary, the worker's holds and passings-on), other
    /// sessions, the list, or settings.
    pub fn allows(&self, place: &Screen) -> bool {
        let here =
            |session: &SessionId, tool: &Tool| session == &self.session && tool == &self.tool;
        match place {
            Screen::Tool { session, tool }
            | Screen::Question { session, tool, .. }
            | Screen::Drawing { session, tool, .. }
            | Screen::Words { session, tool, .. }
            | Screen::ReadBack { session, tool, .. } => here(session, tool),
            Screen::ChooseHelper { session } => here(session, &Tool::WizardsAndFairies),
            // The child's choices are the child's, whichever tool they were made in.
            Screen::Sharing { session, .. } | Screen::WhoWillSee { session } => {
                session == &self.session
            }
            // What the child says about their visit before is theirs too.
            Screen::LastTime { session, .. } => session == &self.session,
            // What happened with the child's words is told to the child, in their hands.
            Screen::Feedback { session, .. } => session == &self.session,
            Screen::Start
            | Screen::Settings
            | Screen::Privacy
            | Screen::Child { .. }
            | Screen::Session { .. }
            | Screen::Summary { .. }
            | Screen::WorkerDecisions { .. }
            | Screen::BeforeWeStart { .. }
            | Screen::OverTime { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_leads_up_one_level_to_the_start() {
        let session = SessionId::from("s");
        let mut place = Screen::Drawing {
            tool: Tool::ThreeHouses,
            session,
            question: Question::Dreams,
            entry: EntryId(2),
        };
        let mut trail = vec![place];
        while place != Screen::Start {
            place = place.parent();
            trail.push(place);
        }
        assert_eq!(
            trail,
            vec![
                Screen::Drawing {
                    tool: Tool::ThreeHouses,
                    session,
                    question: Question::Dreams,
                    entry: EntryId(2)
                },
                Screen::Question {
                    tool: Tool::ThreeHouses,
                    session,
                    question: Question::Dreams
                },
                Screen::Tool {
                    tool: Tool::ThreeHouses,
                    session
                },
                Screen::Session { session },
                Screen::Start,
            ]
        );
    }

    #[test]
    fn a_place_that_no_longer_exists_falls_back_to_one_that_does() {
        use crate::core::{NewSession, Words};
        let form = NewSession {
            child_name: "Mia".into(),
            date: "2026-11-26".into(),
            ..NewSession::default()
        };
        let mut session = Session::start(&form, SessionId::from("s"), 1).unwrap();
        let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2);
        let words = session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 3);
        let sessions = vec![session.clone()];
        let id = session.id;
        let house = Screen::Question {
            tool: Tool::ThreeHouses,
            session: id,
            question: Question::Worries,
        };

        let open_drawing = Screen::Drawing {
            tool: Tool::ThreeHouses,
            session: id,
            question: Question::Worries,
            entry: drawing,
        };
        assert_eq!(open_drawing.existing_in(&sessions), open_drawing);
        let words_as_drawing = Screen::Drawing {
            tool: Tool::ThreeHouses,
            session: id,
            question: Question::Worries,
            entry: words,
        };
        assert_eq!(words_as_drawing.existing_in(&sessions), house);
        let wrong_house = Screen::Words {
            tool: Tool::ThreeHouses,
            session: id,
            question: Question::Dreams,
            entry: words,
        };
        assert_eq!(
            wrong_house.existing_in(&sessions),
            Screen::Question {
                tool: Tool::ThreeHouses,
                session: id,
                question: Question::Dreams
            }
        );
        let gone = Screen::Tool {
            tool: Tool::ThreeHouses,
            session: SessionId::from("deleted"),
        };
        assert_eq!(gone.existing_in(&sessions), Screen::Start);
        assert_eq!(Screen::Start.existing_in(&[]), Screen::Start);
    }

    #[test]
    fn places_round_trip_through_json() {
        let place = Screen::Words {
            tool: Tool::WizardsAndFairies,
            session: SessionId::from("a-b"),
            question: Question::GoodThings,
            entry: EntryId(4),
        };
        let json = serde_json::to_string(&place).unwrap();
        assert_eq!(
            json,
            r#"{"screen":"words","session":"a-b","tool":"wizards_and_fairies","question":"good_things","entry":4}"#
        );
        assert_eq!(serde_json::from_str::<Screen>(&json).unwrap(), place);
        let summary = Screen::Summary {
            session: SessionId::from("a-b"),
        };
        let json = serde_json::to_string(&summary).unwrap();
        assert_eq!(json, r#"{"screen":"summary","session":"a-b"}"#);
        assert_eq!(serde_json::from_str::<Screen>(&json).unwrap(), summary);
    }

    #[test]
    fn sharing_and_the_summary_lead_back_to_the_session() {
        let session = SessionId::from("s");
        for place in [
            Screen::Sharing { session, step: 0 },
            Screen::Sharing { session, step: 3 },
            Screen::Summary { session },
        ] {
            assert_eq!(place.session(), Some(&session));
            assert_eq!(place.parent(), Screen::Session { session });
        }
    }

    #[test]
    fn a_tool_opens_in_the_childs_hands_only_with_the_setting_a_pin_and_an_open_conversation() {
        // As it comes: the setting on, storage with a PIN, the conversation going on.
        assert!(ChildMode::on_opening_a_tool(true, true, false));
        // The worker turned it off in Settings: the tool opens in the worker's hands.
        assert!(!ChildMode::on_opening_a_tool(false, true, false));
        // No storage, no PIN: nothing could bring the tablet back, so as before.
        assert!(!ChildMode::on_opening_a_tool(true, false, false));
        // After the conversation is finished the tablet is not handed to the child again.
        assert!(!ChildMode::on_opening_a_tool(true, true, true));
        assert!(!ChildMode::on_opening_a_tool(false, false, true));
    }

    #[test]
    fn the_tablet_is_handed_over_by_hand_only_with_a_pin_and_before_the_end() {
        assert!(ChildMode::may_hand_over(true, false));
        assert!(!ChildMode::may_hand_over(false, false));
        assert!(!ChildMode::may_hand_over(true, true));
    }

    #[test]
    fn child_mode_keeps_the_child_inside_their_tool() {
        let mia = SessionId::from("mia");
        let ben = SessionId::from("ben");
        let mode = ChildMode {
            session: mia,
            tool: Tool::WizardsAndFairies,
        };
        let inside = [
            Screen::Tool {
                session: mia,
                tool: Tool::WizardsAndFairies,
            },
            Screen::ChooseHelper { session: mia },
            Screen::Question {
                session: mia,
                tool: Tool::WizardsAndFairies,
                question: Question::Dreams,
            },
            Screen::Drawing {
                session: mia,
                tool: Tool::WizardsAndFairies,
                question: Question::Worries,
                entry: EntryId(1),
            },
            Screen::Words {
                session: mia,
                tool: Tool::WizardsAndFairies,
                question: Question::GoodThings,
                entry: EntryId(2),
            },
            Screen::ReadBack {
                session: mia,
                tool: Tool::WizardsAndFairies,
                question: Question::Dreams,
            },
            // The child decides who may see what, and hears it back, without the PIN.
            Screen::Sharing {
                session: mia,
                step: 0,
            },
            Screen::Sharing {
                session: mia,
                step: 4,
            },
            Screen::WhoWillSee { session: mia },
        ];
        for place in &inside {
            assert!(mode.allows(place), "{place:?}");
        }
        let outside = [
            Screen::Start,
            Screen::Settings,
            Screen::Privacy,
            Screen::Session { session: mia },
            Screen::Summary { session: mia },
            // The worker's holds and passings-on stay behind the PIN.
            Screen::WorkerDecisions { session: mia },
            Screen::BeforeWeStart { session: mia },
            // The same session's other tool, and another child's session.
            Screen::Tool {
                session: mia,
                tool: Tool::ThreeHouses,
            },
            Screen::Question {
                session: ben,
                tool: Tool::WizardsAndFairies,
                question: Question::Dreams,
            },
            Screen::Tool {
                session: ben,
                tool: Tool::WizardsAndFairies,
            },
            // Another child's choices.
            Screen::Sharing {
                session: ben,
                step: 0,
            },
            Screen::WhoWillSee { session: ben },
        ];
        for place in &outside {
            assert!(!mode.allows(place), "{place:?}");
        }
        let houses = ChildMode {
            session: mia,
            tool: Tool::ThreeHouses,
        };
        assert!(!houses.allows(&Screen::ChooseHelper { session: mia }));
        assert!(
            houses.allows(&Screen::Sharing {
                session: mia,
                step: 1
            }),
            "who may see what is reached from either tool"
        );
    }

    #[test]
    fn a_sharing_place_stored_before_the_walk_opens_at_its_start() {
        let session = SessionId::from("a-b");
        let old = r#"{"screen":"sharing","session":"a-b"}"#;
        let place = serde_json::from_str::<Screen>(old).unwrap();
        assert_eq!(place, Screen::Sharing { session, step: 0 });
        assert_eq!(
            serde_json::to_string(&place).unwrap(),
            old,
            "written back unchanged"
        );
        let third = Screen::Sharing { session, step: 3 };
        let json = serde_json::to_string(&third).unwrap();
        assert_eq!(json, r#"{"screen":"sharing","session":"a-b","step":3}"#);
        assert_eq!(serde_json::from_str::<Screen>(&json).unwrap(), third);
    }

    #[test]
    fn the_childs_page_of_feedback_is_in_the_childs_hands_and_leads_back_to_the_visit() {
        let session = SessionId::from("s");
        let page = Screen::Feedback { session, step: 2 };
        assert_eq!(page.session(), Some(&session));
        assert_eq!(page.parent(), Screen::Session { session });
        let mode = ChildMode {
            session,
            tool: Tool::ThreeHouses,
        };
        assert!(mode.allows(&page));
        assert!(!mode.allows(&Screen::Feedback {
            session: SessionId::from("another child's"),
            step: 0
        }));
        let json = serde_json::to_string(&Screen::Feedback { session, step: 0 }).unwrap();
        assert_eq!(json, r#"{"screen":"feedback","session":"s"}"#);
        assert_eq!(
            serde_json::from_str::<Screen>(&json).unwrap(),
            Screen::Feedback { session, step: 0 }
        );
    }
}
