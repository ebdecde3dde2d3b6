//! Who may see each thing of the child's: the child's decision for every entry and own name
//! (one at a time, or "share everything" for what is still undecided), and beside it the
//! worker's holds and passings-on, which never change what the child said.

use crate::core::entry::{Entry, EntryId};
use crate::core::question::Question;
use crate::core::sharing::{Audience, Decision, Sharing, WorkerReason};
use crate::core::tool::Tool;

use super::Session;

/// Something of the child's that the child decides about: an entry, or the child's own name
/// for a house or helper (the child's words too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SharedItem {
    Entry { question: Question, entry: EntryId },
    Name { tool: Tool, question: Question },
}

impl Session {
    /// Every item the child decides about: the entries question by question in the houses'
    /// order, each in the order made, then the child's own names.
    pub fn shared_items(&self) -> Vec<SharedItem> {
        let entries = Question::ALL.into_iter().flat_map(|question| {
            self.entries(question)
                .iter()
                .map(move |entry| SharedItem::Entry {
                    question,
                    entry: entry.id,
                })
        });
        let names = Question::ALL.into_iter().flat_map(|question| {
            Tool::ALL
                .into_iter()
                .filter(move |&tool| self.own_name(tool, question).is_some())
                .map(move |tool| SharedItem::Name { tool, question })
        });
        entries.chain(names).collect()
    }

    /// The sharing of an item; a name the child gave that nobody decided about yet has an
    /// untouched sharing. None for an entry or a name that is not there.
    pub fn sharing(&self, item: SharedItem) -> Option<&Sharing> {
        static UNTOUCHED: Sharing = Sharing {
            decision: None,
            history: Vec::new(),
            holds: Vec::new(),
            passed_on: Vec::new(),
        };
        match item {
            SharedItem::Entry { question, entry } => {
                self.entry(question, entry).map(|entry| &entry.sharing)
            }
            SharedItem::Name { tool, question } => {
                self.own_name(tool, question)?;
                let answers = self.questions.answers(question);
                Some(answers.name_sharing.get(&tool).unwrap_or(&UNTOUCHED))
            }
        }
    }

    fn sharing_mut(&mut self, item: SharedItem) -> Option<&mut Sharing> {
        match item {
            SharedItem::Entry { question, entry } => self
                .questions
                .answers_mut(question)
                .entries
                .iter_mut()
                .find(|known| known.id == entry)
                .and_then(Entry::sharing_mut),
            SharedItem::Name { tool, question } => {
                let answers = self.questions.answers_mut(question);
                answers
                    .own_names
                    .contains_key(&tool)
                    .then(|| answers.name_sharing.entry(tool).or_default())
            }
        }
    }

    /// Changes an item's sharing through `change`; touches the session when it says it
    /// changed something. False for an item that is not there.
    fn change_sharing(
        &mut self,
        item: SharedItem,
        now_ms: u64,
        change: impl FnOnce(&mut Sharing) -> bool,
    ) -> bool {
        let changed = self.sharing_mut(item).is_some_and(change);
        if changed {
            self.touch(now_ms);
        }
        changed
    }

    /// The worker holds an item back from `from`, although the child agreed (for the child's
    /// safety). Returns false when such a hold is already in force or there is no such item.
    pub fn hold_back(
        &mut self,
        item: SharedItem,
        from: Audience,
        why: WorkerReason,
        now_ms: u64,
    ) -> bool {
        self.change_sharing(item, now_ms, |sharing| sharing.hold_back(from, why, now_ms))
    }

    /// Ends the worker's hold from `from`; the hold stays in the record.
    pub fn lift_hold(&mut self, item: SharedItem, from: &Audience, by: &str, now_ms: u64) -> bool {
        self.change_sharing(item, now_ms, |sharing| sharing.lift_hold(from, by, now_ms))
    }

    /// Records that the worker passed an item on without the child's agreement.
    pub fn record_passed_on(
        &mut self,
        item: SharedItem,
        to: Audience,
        why: WorkerReason,
        now_ms: u64,
    ) -> bool {
        self.change_sharing(item, now_ms, |sharing| {
            sharing.record_passed_on(to, why, now_ms);
            true
        })
    }

    /// Records the day the child was told about passing-on number `index` of an item.
    pub fn record_child_told(
        &mut self,
        item: SharedItem,
        index: usize,
        on: &str,
        now_ms: u64,
    ) -> bool {
        self.change_sharing(item, now_ms, |sharing| sharing.record_child_told(index, on))
    }

    /// Records the child's decision for one entry; None takes a decision back. Returns whether
    /// the decision changed: false for the same decision again or an entry that is not there.
    /// Names in the decision join the session's named audiences, so they are offered again.
    pub fn decide_sharing(
        &mut self,
        question: Question,
        id: EntryId,
        decision: Option<Decision>,
        now_ms: u64,
    ) -> bool {
        self.decide(
            SharedItem::Entry {
                question,
                entry: id,
            },
            decision,
            now_ms,
        )
    }

    /// Records the child's decision for an entry or one of their names; see
    /// [`Session::decide_sharing`].
    pub fn decide(&mut self, item: SharedItem, decision: Option<Decision>, now_ms: u64) -> bool {
        let decision = decision.and_then(Decision::normalised);
        let names = decision.clone();
        if !self.change_sharing(item, now_ms, |sharing| sharing.decide(decision, now_ms)) {
            return false;
        }
        self.remember_names_in(names.as_ref(), now_ms);
        true
    }

    /// Records one tap of the child in a dialog or screen opened at `opened_at_ms`: kept at
    /// once, but one change in the history per opening (see [`Sharing::decide_in`]).
    pub fn decide_in(
        &mut self,
        item: SharedItem,
        decision: Option<Decision>,
        opened_at_ms: u64,
        now_ms: u64,
    ) -> bool {
        let decision = decision.and_then(Decision::normalised);
        let names = decision.clone();
        if !self.change_sharing(item, now_ms, |sharing| {
            sharing.decide_in(decision, opened_at_ms, now_ms)
        }) {
            return false;
        }
        self.remember_names_in(names.as_ref(), now_ms);
        true
    }

    /// The quick choice "share everything with …": the decision for every entry and name the
    /// child has not decided about yet and has not taken out; what the child already decided
    /// stays. The child can
    /// still change single ones afterwards. Returns how many changed. Sharing with an empty
    /// list changes nothing: it is no decision.
    pub fn share_everything(&mut self, decision: Decision, now_ms: u64) -> usize {
        let Some(decision) = decision.normalised() else {
            return 0;
        };
        let undecided: Vec<SharedItem> = self
            .shared_items()
            .into_iter()
            .filter(|&item| !self.is_taken_out(item))
            .filter(|&item| self.sharing(item).is_some_and(Sharing::is_undecided))
            .collect();
        undecided
            .into_iter()
            .filter(|&item| self.decide(item, Some(decision.clone()), now_ms))
            .count()
    }

    fn remember_names_in(&mut self, decision: Option<&Decision>, now_ms: u64) {
        for audience in decision.map(Decision::audiences).unwrap_or_default() {
            if let Audience::Named(name) = audience {
                self.add_named_audience(name, now_ms);
            }
        }
    }

    fn is_taken_out(&self, item: SharedItem) -> bool {
        match item {
            SharedItem::Entry { question, entry } => {
                self.entry(question, entry).is_some_and(Entry::is_taken_out)
            }
            SharedItem::Name { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::entry::Words;
    use crate::core::session::tests::mia;

    #[test]
    fn a_decision_is_recorded_with_its_history_only_when_it_changes() {
        let mut session = mia();
        let drawing = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2000);
        let to_mum = Decision::shared_with([Audience::Mum]);
        assert!(session.decide_sharing(Question::Worries, drawing, to_mum.clone(), 3000));
        assert_eq!(session.updated_at, 3000);
        assert!(!session.decide_sharing(Question::Worries, drawing, to_mum.clone(), 4000));
        assert_eq!(session.updated_at, 3000, "no change, no new time");
        assert!(!session.decide_sharing(Question::Dreams, drawing, to_mum, 4000));
        assert!(!session.decide_sharing(Question::Worries, EntryId(99), None, 4000));
        assert!(session.decide_sharing(Question::Worries, drawing, Some(Decision::Private), 5000));
        let sharing = &session.entry(Question::Worries, drawing).unwrap().sharing;
        assert_eq!(sharing.decision, Some(Decision::Private));
        assert_eq!(
            sharing
                .history
                .iter()
                .map(|change| change.at_ms)
                .collect::<Vec<_>>(),
            [3000, 5000]
        );
    }

    #[test]
    fn an_empty_share_list_is_no_decision() {
        let mut session = mia();
        let words = session.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 2000);
        assert!(!session.decide_sharing(
            Question::Dreams,
            words,
            Some(Decision::SharedWith(vec![])),
            3000
        ));
        assert!(session
            .entry(Question::Dreams, words)
            .unwrap()
            .sharing
            .is_untouched());
    }

    #[test]
    fn names_in_a_decision_are_offered_again() {
        let mut session = mia();
        let words = session.add_words(
            Tool::ThreeHouses,
            Question::GoodThings,
            Words::default(),
            2000,
        );
        let decision = Decision::shared_with([Audience::Named(" Oma".into()), Audience::Dad]);
        assert!(session.decide_sharing(Question::GoodThings, words, decision, 3000));
        assert_eq!(session.named_audiences(), ["Oma"]);
        assert_eq!(
            session
                .entry(Question::GoodThings, words)
                .unwrap()
                .sharing
                .decision,
            Some(Decision::SharedWith(vec![
                Audience::Dad,
                Audience::Named("Oma".into())
            ]))
        );
    }

    #[test]
    fn share_everything_reaches_only_what_the_child_has_not_decided_and_keeps_the_history() {
        let mut session = mia();
        let worry = session.add_drawing(Tool::ThreeHouses, Question::Worries, 2000);
        let good = session.add_words(
            Tool::ThreeHouses,
            Question::GoodThings,
            Words::default(),
            2100,
        );
        let dream = session.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 2200);
        let private =
            session.add_words(Tool::ThreeHouses, Question::Dreams, Words::default(), 2250);
        session.rename(Tool::ThreeHouses, Question::Dreams, "Castle", 2260);
        session.decide_sharing(
            Question::Dreams,
            dream,
            Decision::shared_with([Audience::Meeting]),
            2300,
        );
        session.decide_sharing(Question::Dreams, private, Some(Decision::Private), 2310);
        let dad = Decision::shared_with([Audience::Dad]).unwrap();
        // The drawing, the words and the house's name were undecided; the rest stays.
        assert_eq!(session.share_everything(dad.clone(), 3000), 3);
        assert_eq!(session.share_everything(dad.clone(), 3100), 0);
        assert_eq!(session.updated_at, 3000);
        let decision = |session: &Session, item| session.sharing(item).unwrap().decision.clone();
        let entry = |question, entry| SharedItem::Entry { question, entry };
        let name = SharedItem::Name {
            tool: Tool::ThreeHouses,
            question: Question::Dreams,
        };
        for item in [
            entry(Question::Worries, worry),
            entry(Question::GoodThings, good),
            name,
        ] {
            assert_eq!(decision(&session, item), Some(dad.clone()), "{item:?}");
        }
        assert_eq!(
            decision(&session, entry(Question::Dreams, dream)),
            Decision::shared_with([Audience::Meeting]),
            "the child's earlier choice stays"
        );
        assert_eq!(
            decision(&session, entry(Question::Dreams, private)),
            Some(Decision::Private)
        );
        // Each can still differ afterwards, and every change is in the history.
        assert!(session.decide_sharing(Question::Worries, worry, Some(Decision::Private), 3200));
        let history: Vec<_> = session
            .sharing(entry(Question::Worries, worry))
            .unwrap()
            .history
            .iter()
            .map(|change| (change.at_ms, change.decision.clone()))
            .collect();
        assert_eq!(
            history,
            [(3000, Some(dad.clone())), (3200, Some(Decision::Private))]
        );
        assert_eq!(
            session.share_everything(Decision::SharedWith(vec![]), 3300),
            0,
            "an empty list is no decision"
        );
    }

    #[test]
    fn the_worker_holds_back_and_passes_on_beside_the_childs_wish() {
        let mut session = mia();
        let id = session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 2000);
        let item = SharedItem::Entry {
            question: Question::Worries,
            entry: id,
        };
        let to_both = Decision::shared_with([Audience::Mum, Audience::Dad]);
        session.decide(item, to_both.clone(), 2100);
        let why = WorkerReason::new("2026-11-30", " not safe yet ", "Sam").unwrap();
        assert_eq!(why.reason, "not safe yet");
        assert!(session.hold_back(item, Audience::Dad, why.clone(), 2200));
        assert!(
            !session.hold_back(item, Audience::Dad, why.clone(), 2300),
            "one hold in force at a time"
        );
        let sharing = session.sharing(item).unwrap();
        assert_eq!(
            sharing.decision, to_both,
            "the child's wish stays as it was"
        );
        assert!(sharing.is_shown_to(&Audience::Mum));
        assert!(!sharing.is_shown_to(&Audience::Dad));
        assert_eq!(
            session
                .entries_shown_to(&Audience::Dad)
                .map(|(_, entry)| entry.id)
                .collect::<Vec<_>>(),
            []
        );
        assert_eq!(session.audiences_seeing_something(), [Audience::Mum]);
        assert!(session.lift_hold(item, &Audience::Dad, "Sam", 2400));
        assert!(!session.lift_hold(item, &Audience::Dad, "Sam", 2500));
        let sharing = session.sharing(item).unwrap();
        assert!(sharing.is_shown_to(&Audience::Dad));
        assert_eq!(sharing.holds.len(), 1, "a lifted hold stays in the record");
        assert_eq!(sharing.holds[0].lifted.as_ref().unwrap().at_ms, 2400);

        assert!(session.record_passed_on(item, Audience::Court, why, 2600));
        assert!(!session.record_child_told(item, 0, "30.11.2026", 2700));
        assert!(session.record_child_told(item, 0, "2026-12-01", 2700));
        assert!(
            !session.record_child_told(item, 0, "2026-12-02", 2800),
            "the day first written stays"
        );
        assert!(!session.record_child_told(item, 1, "2026-12-02", 2800));
        let passed = &session.sharing(item).unwrap().passed_on[0];
        assert_eq!(passed.to, Audience::Court);
        assert_eq!(passed.child_told_on.as_deref(), Some("2026-12-01"));
        assert!(
            !session.sharing(item).unwrap().is_shown_to(&Audience::Court),
            "passing on is the worker's act, not the child's agreement"
        );
        assert_eq!(session.updated_at, 2700);
        let missing = SharedItem::Entry {
            question: Question::Dreams,
            entry: id,
        };
        assert!(!session.record_passed_on(
            missing,
            Audience::Court,
            WorkerReason::new("2026-11-30", "x", "Sam").unwrap(),
            2900
        ));
    }

    #[test]
    fn a_worker_reason_needs_a_date_a_reason_and_who_decided() {
        use crate::core::WorkerReasonError;
        assert_eq!(
            WorkerReason::new("30.11.2026", "x", "Sam"),
            Err(WorkerReasonError::DateInvalid)
        );
        assert_eq!(
            WorkerReason::new("2026-11-30", "  ", "Sam"),
            Err(WorkerReasonError::ReasonMissing)
        );
        assert_eq!(
            WorkerReason::new("2026-11-30", "x", " "),
            Err(WorkerReasonError::DeciderMissing)
        );
    }
}
