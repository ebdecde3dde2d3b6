//! Who may see what, as the child walks through it: a first step that says where the wish
//! ends (and offers "share everything with …" and a person the child names), then one step
//! per thing the child decides about, one at a time, then "Who will see what" as the last
//! screen. The rules of sharing are not here: only which step comes after which.

use super::question::Question;
use super::screen::Screen;
use super::session::{Session, SessionId, SharedItem};
use super::tool::Tool;

/// Where the child is in the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkStep {
    /// The first step: where the wish ends, "share everything with …", someone else.
    Start,
    /// One thing to decide about: its place among them (0-based) and the item.
    Item { at: usize, item: SharedItem },
}

/// The things a child decides about in one session, in the order the walk shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharingWalk {
    pub items: Vec<SharedItem>,
}

impl SharingWalk {
    /// Question by question in the houses' order: the child's own names for that house or
    /// helper, then the entries in the order made. What the child took out is not theirs to
    /// share any more: it is the worker's, and not asked about.
    pub fn of(session: &Session) -> SharingWalk {
        let items = Question::ALL
            .into_iter()
            .flat_map(|question| {
                let names = Tool::ALL
                    .into_iter()
                    .filter(move |&tool| session.own_name(tool, question).is_some())
                    .map(move |tool| SharedItem::Name { tool, question });
                let entries = session
                    .child_entries(question)
                    .map(move |entry| SharedItem::Entry {
                        question,
                        entry: entry.id,
                    });
                names.chain(entries).collect::<Vec<_>>()
            })
            .collect();
        SharingWalk { items }
    }

    /// The step a stored place names: 0 is the start, 1 the first item; a step past the end
    /// (an entry taken out since, or [`LAST_SHARING_STEP`](super::screen::LAST_SHARING_STEP)) is the last one there is.
    pub fn step(&self, step: u32) -> WalkStep {
        let at = usize::try_from(step).unwrap_or(usize::MAX);
        match at.min(self.items.len()) {
            0 => WalkStep::Start,
            at => WalkStep::Item {
                at: at - 1,
                item: self.items[at - 1],
            },
        }
    }

    /// The screen after `step`: the next item, or "Who will see what" after the last.
    pub fn next(&self, session: SessionId, step: u32) -> Screen {
        let number = self.number_of(step);
        if number >= self.items.len() {
            Screen::WhoWillSee { session }
        } else {
            Screen::Sharing {
                session,
                step: number as u32 + 1,
            }
        }
    }

    /// The screen before `step`, or None at the start.
    pub fn previous(&self, session: SessionId, step: u32) -> Option<Screen> {
        let number = self.number_of(step);
        (number > 0).then(|| Screen::Sharing {
            session,
            step: number as u32 - 1,
        })
    }

    /// The step's number as the walk shows it: 0 for the start, 1 for the first item.
    fn number_of(&self, step: u32) -> usize {
        match self.step(step) {
            WalkStep::Start => 0,
            WalkStep::Item { at, .. } => at + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{NewSession, Words, LAST_SHARING_STEP};

    fn session() -> Session {
        let form = NewSession {
            child_name: "Mia".into(),
            date: "2026-11-26".into(),
            ..NewSession::default()
        };
        Session::start(&form, SessionId::from("s"), 1).unwrap()
    }

    #[test]
    fn one_step_per_thing_the_child_decides_in_the_houses_order_names_first() {
        let mut mia = session();
        let dream = mia.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 2);
        let worry = mia.add_drawing(Tool::WizardsAndFairies, Question::Worries, 3);
        let taken_out = mia.add_words(
            Tool::ThreeHouses,
            Question::Worries,
            Words {
                text: "gone".into(),
                ..Words::default()
            },
            4,
        );
        let good = mia.add_words(
            Tool::ThreeHouses,
            Question::GoodThings,
            Words {
                text: "my cat".into(),
                ..Words::default()
            },
            5,
        );
        mia.rename(Tool::ThreeHouses, Question::GoodThings, "Cat house", 6);
        assert!(mia.take_out(Question::Worries, taken_out, 7));

        let walk = SharingWalk::of(&mia);
        let mut expected = Vec::new();
        for question in Question::ALL {
            match question {
                Question::Worries => expected.push(SharedItem::Entry {
                    question,
                    entry: worry,
                }),
                Question::GoodThings => {
                    expected.push(SharedItem::Name {
                        tool: Tool::ThreeHouses,
                        question,
                    });
                    expected.push(SharedItem::Entry {
                        question,
                        entry: good,
                    });
                }
                Question::Dreams => expected.push(SharedItem::Entry {
                    question,
                    entry: dream,
                }),
            }
        }
        assert_eq!(walk.items, expected, "nothing taken out is asked about");
    }

    #[test]
    fn the_walk_goes_start_items_then_who_will_see_what_and_back() {
        let mut mia = session();
        let first = mia.add_drawing(Tool::ThreeHouses, Question::Worries, 2);
        let second = mia.add_drawing(Tool::ThreeHouses, Question::Worries, 3);
        let walk = SharingWalk::of(&mia);
        let id = mia.id;
        let at = |step| Screen::Sharing { session: id, step };

        assert_eq!(walk.step(0), WalkStep::Start);
        assert_eq!(
            walk.step(1),
            WalkStep::Item {
                at: 0,
                item: SharedItem::Entry {
                    question: Question::Worries,
                    entry: first
                }
            }
        );
        let mut forward = vec![at(0)];
        let mut step = 0;
        loop {
            let next = walk.next(id, step);
            forward.push(next);
            match next {
                Screen::Sharing { step: s, .. } => step = s,
                _ => break,
            }
        }
        assert_eq!(
            forward,
            vec![at(0), at(1), at(2), Screen::WhoWillSee { session: id }],
            "the last screen of the walk is who will see what"
        );
        assert_eq!(walk.previous(id, 2), Some(at(1)));
        assert_eq!(walk.previous(id, 1), Some(at(0)));
        assert_eq!(walk.previous(id, 0), None, "nothing before the start");

        // Back from who will see what lands on the last thing decided, however many.
        let back = Screen::WhoWillSee { session: id }.parent();
        let Screen::Sharing { step: last, .. } = back else {
            panic!("{back:?}");
        };
        assert_eq!(
            walk.step(last),
            WalkStep::Item {
                at: 1,
                item: SharedItem::Entry {
                    question: Question::Worries,
                    entry: second
                }
            }
        );
        assert_eq!(walk.previous(id, last), Some(at(1)));
        assert_eq!(walk.next(id, last), Screen::WhoWillSee { session: id });
    }

    #[test]
    fn a_step_past_the_end_is_the_last_there_is_and_nothing_to_decide_is_the_start() {
        let mut mia = session();
        let only = mia.add_drawing(Tool::ThreeHouses, Question::Dreams, 2);
        let walk = SharingWalk::of(&mia);
        // Stored at step 5 before four entries were taken out: the last one left.
        assert_eq!(
            walk.step(5),
            WalkStep::Item {
                at: 0,
                item: SharedItem::Entry {
                    question: Question::Dreams,
                    entry: only
                }
            }
        );
        let empty = SharingWalk::of(&session());
        assert_eq!(empty.step(LAST_SHARING_STEP), WalkStep::Start);
        assert_eq!(
            empty.next(SessionId::from("s"), 0),
            Screen::WhoWillSee {
                session: SessionId::from("s")
            }
        );
    }
}
