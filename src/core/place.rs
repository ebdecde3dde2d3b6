//! Where in the app the worker is, so the app reopens exactly there after a reload.

use serde::{Deserialize, Serialize};

use super::entry::EntryId;
use super::questions::Question;
use super::session::SessionId;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Place {
    /// The list of sessions and the form to start one.
    #[default]
    Start,
    Session {
        session: SessionId,
    },
    ThreeHouses {
        session: SessionId,
    },
    House {
        session: SessionId,
        question: Question,
    },
    Drawing {
        session: SessionId,
        question: Question,
        entry: EntryId,
    },
    Words {
        session: SessionId,
        question: Question,
        entry: EntryId,
    },
    ReadBack {
        session: SessionId,
        question: Question,
    },
}

impl Place {
    pub fn session(&self) -> Option<&SessionId> {
        match self {
            Place::Start => None,
            Place::Session { session }
            | Place::ThreeHouses { session }
            | Place::House { session, .. }
            | Place::Drawing { session, .. }
            | Place::Words { session, .. }
            | Place::ReadBack { session, .. } => Some(session),
        }
    }

    /// The screen a "back" button leads to.
    pub fn parent(&self) -> Place {
        match self {
            Place::Start | Place::Session { .. } => Place::Start,
            Place::ThreeHouses { session } => Place::Session {
                session: session.clone(),
            },
            Place::House { session, .. } => Place::ThreeHouses {
                session: session.clone(),
            },
            Place::Drawing {
                session, question, ..
            }
            | Place::Words {
                session, question, ..
            }
            | Place::ReadBack { session, question } => Place::House {
                session: session.clone(),
                question: *question,
            },
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
                    session: session.clone(),
                    question: Question::Dreams,
                    entry: EntryId(2)
                },
                Place::House {
                    session: session.clone(),
                    question: Question::Dreams
                },
                Place::ThreeHouses {
                    session: session.clone()
                },
                Place::Session { session },
                Place::Start,
            ]
        );
    }

    #[test]
    fn places_round_trip_through_json() {
        let place = Place::Words {
            session: SessionId("a-b".into()),
            question: Question::GoodThings,
            entry: EntryId(4),
        };
        let json = serde_json::to_string(&place).unwrap();
        assert_eq!(
            json,
            r#"{"screen":"words","session":"a-b","question":"good_things","entry":4}"#
        );
        assert_eq!(serde_json::from_str::<Place>(&json).unwrap(), place);
    }
}
