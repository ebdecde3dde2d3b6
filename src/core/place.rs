//! Where in the app the worker is, so the app reopens exactly there after a reload.

use serde::{Deserialize, Serialize};

use super::entry::EntryId;
use super::questions::{Question, Tool};
use super::session::{Session, SessionId};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Place {
    /// The list of sessions and the form to start one.
    #[default]
    Start,
    /// The worker's settings for this tablet: auto-lock, wiping everything.
    Settings,
    /// What is stored where, for how long, and how to delete it.
    Privacy,
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
    /// The child decides who may see each entry.
    Sharing {
        session: SessionId,
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
}

impl Place {
    pub fn session(&self) -> Option<&SessionId> {
        match self {
            Place::Start | Place::Settings | Place::Privacy => None,
            Place::Session { session }
            | Place::Tool { session, .. }
            | Place::ChooseHelper { session }
            | Place::Question { session, .. }
            | Place::Drawing { session, .. }
            | Place::Words { session, .. }
            | Place::ReadBack { session, .. }
            | Place::Sharing { session }
            | Place::Summary { session }
            | Place::WhoWillSee { session }
            | Place::WorkerDecisions { session } => Some(session),
        }
    }

    /// This place if it still exists among `sessions`, otherwise the nearest one that does:
    /// a stored place may name a session or an entry deleted since.
    pub fn existing_in(self, sessions: &[Session]) -> Place {
        if matches!(self, Place::Settings | Place::Privacy) {
            return self;
        }
        let Some(session) = self
            .session()
            .and_then(|id| sessions.iter().find(|s| &s.id == id))
        else {
            return Place::Start;
        };
        let entry_fits = match &self {
            Place::Drawing {
                question, entry, ..
            } => session
                .entry(*question, *entry)
                .is_some_and(|e| e.drawing().is_some()),
            Place::Words {
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
    pub fn parent(&self) -> Place {
        match self {
            Place::Start | Place::Settings | Place::Privacy | Place::Session { .. } => Place::Start,
            Place::Tool { session, .. }
            | Place::ChooseHelper { session }
            | Place::Sharing { session }
            | Place::Summary { session } => Place::Session {
                session: session.clone(),
            },
            Place::WhoWillSee { session } => Place::Sharing {
                session: session.clone(),
            },
            Place::WorkerDecisions { session } => Place::Summary {
                session: session.clone(),
            },
            Place::Question { session, tool, .. } => Place::Tool {
                session: session.clone(),
                tool: *tool,
            },
            Place::Drawing {
                session,
                tool,
                question,
                ..
            }
            | Place::Words {
                session,
                tool,
                question,
                ..
            }
            | Place::ReadBack {
                session,
                tool,
                question,
            } => Place::Question {
                session: session.clone(),
                tool: *tool,
                question: *question,
            },
        }
    }
}

/// The tablet is in the child's hands, inside one tool of one session: only that tool's
/// screens may be shown; anything else needs the worker's PIN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildMode {
    pub session: SessionId,
    pub tool: Tool,
}

impl ChildMode {
    /// True for the screens of this session's tool: its houses or helpers, their entries,
    /// the editors, read-back, and choosing a helper. Not the session's other screens (who
    /// may see what, the summary), other sessions, the list, or settings.
    pub fn allows(&self, place: &Place) -> bool {
        let here =
            |session: &SessionId, tool: &Tool| session == &self.session && tool == &self.tool;
        match place {
            Place::Tool { session, tool }
            | Place::Question { session, tool, .. }
            | Place::Drawing { session, tool, .. }
            | Place::Words { session, tool, .. }
            | Place::ReadBack { session, tool, .. } => here(session, tool),
            Place::ChooseHelper { session } => here(session, &Tool::WizardsAndFairies),
            Place::Start
            | Place::Settings
            | Place::Privacy
            | Place::Session { .. }
            | Place::Sharing { .. }
            | Place::Summary { .. }
            | Place::WhoWillSee { .. }
            | Place::WorkerDecisions { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_leads_up_one_level_to_the_start() {
        let session = SessionId("s".into());
        let mut place = Place::Drawing {
            tool: Tool::ThreeHouses,
            session: session.clone(),
            question: Question::Dreams,
            entry: EntryId(2),
        };
        let mut trail = vec![place.clone()];
        while place != Place::Start {
            place = place.parent();
            trail.push(place.clone());
        }
        assert_eq!(
            trail,
            vec![
                Place::Drawing {
                    tool: Tool::ThreeHouses,
                    session: session.clone(),
                    question: Question::Dreams,
                    entry: EntryId(2)
                },
                Place::Question {
                    tool: Tool::ThreeHouses,
                    session: session.clone(),
                    question: Question::Dreams
                },
                Place::Tool {
                    tool: Tool::ThreeHouses,
                    session: session.clone()
                },
                Place::Session { session },
                Place::Start,
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
        let mut session = Session::start(&form, SessionId("s".into()), 1).unwrap();
        let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2);
        let words = session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 3);
        let sessions = vec![session.clone()];
        let id = session.id.clone();
        let house = Place::Question {
            tool: Tool::ThreeHouses,
            session: id.clone(),
            question: Question::Worries,
        };

        let open_drawing = Place::Drawing {
            tool: Tool::ThreeHouses,
            session: id.clone(),
            question: Question::Worries,
            entry: drawing,
        };
        assert_eq!(open_drawing.clone().existing_in(&sessions), open_drawing);
        let words_as_drawing = Place::Drawing {
            tool: Tool::ThreeHouses,
            session: id.clone(),
            question: Question::Worries,
            entry: words,
        };
        assert_eq!(words_as_drawing.existing_in(&sessions), house);
        let wrong_house = Place::Words {
            tool: Tool::ThreeHouses,
            session: id.clone(),
            question: Question::Dreams,
            entry: words,
        };
        assert_eq!(
            wrong_house.existing_in(&sessions),
            Place::Question {
                tool: Tool::ThreeHouses,
                session: id.clone(),
                question: Question::Dreams
            }
        );
        let gone = Place::Tool {
            tool: Tool::ThreeHouses,
            session: SessionId("deleted".into()),
        };
        assert_eq!(gone.existing_in(&sessions), Place::Start);
        assert_eq!(Place::Start.existing_in(&[]), Place::Start);
    }

    #[test]
    fn places_round_trip_through_json() {
        let place = Place::Words {
            tool: Tool::WizardsAndFairies,
            session: SessionId("a-b".into()),
            question: Question::GoodThings,
            entry: EntryId(4),
        };
        let json = serde_json::to_string(&place).unwrap();
        assert_eq!(
            json,
            r#"{"screen":"words","session":"a-b","tool":"wizards_and_fairies","question":"good_things","entry":4}"#
        );
        assert_eq!(serde_json::from_str::<Place>(&json).unwrap(), place);
        let summary = Place::Summary {
            session: SessionId("a-b".into()),
        };
        let json = serde_json::to_string(&summary).unwrap();
        assert_eq!(json, r#"{"screen":"summary","session":"a-b"}"#);
        assert_eq!(serde_json::from_str::<Place>(&json).unwrap(), summary);
    }

    #[test]
    fn sharing_and_the_summary_lead_back_to_the_session() {
        let session = SessionId("s".into());
        for place in [
            Place::Sharing {
                session: session.clone(),
            },
            Place::Summary {
                session: session.clone(),
            },
        ] {
            assert_eq!(place.session(), Some(&session));
            assert_eq!(
                place.parent(),
                Place::Session {
                    session: session.clone()
                }
            );
        }
    }

    #[test]
    fn child_mode_keeps_the_child_inside_their_tool() {
        let mia = SessionId("mia".into());
        let ben = SessionId("ben".into());
        let mode = ChildMode {
            session: mia.clone(),
            tool: Tool::WizardsAndFairies,
        };
        let inside = [
            Place::Tool {
                session: mia.clone(),
                tool: Tool::WizardsAndFairies,
            },
            Place::ChooseHelper {
                session: mia.clone(),
            },
            Place::Question {
                session: mia.clone(),
                tool: Tool::WizardsAndFairies,
                question: Question::Dreams,
            },
            Place::Drawing {
                session: mia.clone(),
                tool: Tool::WizardsAndFairies,
                question: Question::Worries,
                entry: EntryId(1),
            },
            Place::Words {
                session: mia.clone(),
                tool: Tool::WizardsAndFairies,
                question: Question::GoodThings,
                entry: EntryId(2),
            },
            Place::ReadBack {
                session: mia.clone(),
                tool: Tool::WizardsAndFairies,
                question: Question::Dreams,
            },
        ];
        for place in &inside {
            assert!(mode.allows(place), "{place:?}");
        }
        let outside = [
            Place::Start,
            Place::Settings,
            Place::Privacy,
            Place::Session {
                session: mia.clone(),
            },
            Place::Sharing {
                session: mia.clone(),
            },
            Place::Summary {
                session: mia.clone(),
            },
            Place::WhoWillSee {
                session: mia.clone(),
            },
            Place::WorkerDecisions {
                session: mia.clone(),
            },
            // The same session's other tool, and another child's session.
            Place::Tool {
                session: mia.clone(),
                tool: Tool::ThreeHouses,
            },
            Place::Question {
                session: ben.clone(),
                tool: Tool::WizardsAndFairies,
                question: Question::Dreams,
            },
            Place::Tool {
                session: ben,
                tool: Tool::WizardsAndFairies,
            },
        ];
        for place in &outside {
            assert!(!mode.allows(place), "{place:?}");
        }
        let houses = ChildMode {
            session: mia.clone(),
            tool: Tool::ThreeHouses,
        };
        assert!(!houses.allows(&Place::ChooseHelper { session: mia }));
    }
}
