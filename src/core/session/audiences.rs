//! The people the child can choose to share with: the pictured ones that apply to this child
//! (the worker hides those that do not), and the names the child gave. Hiding changes what
//! the child is asked, never what the child decided.

use crate::core::sharing::{Audience, Decision};

use super::{Session, SharedItem};

impl Session {
    /// The names the child gave for people who may see entries, in the order given.
    pub fn named_audiences(&self) -> &[String] {
        &self.named_audiences
    }

    pub fn is_hidden(&self, audience: &Audience) -> bool {
        self.hidden_audiences.contains(audience)
    }

    /// Hides a pictured audience that does not apply to this child, or shows it again.
    /// Decisions already made stay as they are: hiding changes what is asked, not what the
    /// child said. Names the child gave cannot be hidden.
    pub fn set_hidden(&mut self, audience: &Audience, hidden: bool, now_ms: u64) {
        if matches!(audience, Audience::Named(_)) || self.is_hidden(audience) == hidden {
            return;
        }
        if hidden {
            self.hidden_audiences.push(audience.clone());
            self.hidden_audiences.sort();
        } else {
            self.hidden_audiences.retain(|known| known != audience);
        }
        self.touch(now_ms);
    }

    /// Everyone the child is offered: the pictured choices that apply, then the names the
    /// child gave.
    pub fn audiences_to_offer(&self) -> Vec<Audience> {
        Audience::PICTURED
            .into_iter()
            .filter(|audience| !self.is_hidden(audience))
            .chain(
                self.named_audiences
                    .iter()
                    .filter_map(|n| Audience::named(n)),
            )
            .collect()
    }

    /// Everyone a summary can be made for: those offered, and anyone a decision names even
    /// if hidden since, in the offered order.
    pub fn summary_audiences(&self) -> Vec<Audience> {
        let decided: Vec<&Audience> = self
            .shared_items()
            .into_iter()
            .filter_map(|item| self.sharing(item))
            .filter_map(|sharing| sharing.decision.as_ref())
            .flat_map(Decision::audiences)
            .collect();
        Audience::PICTURED
            .into_iter()
            .chain(
                self.named_audiences
                    .iter()
                    .filter_map(|n| Audience::named(n)),
            )
            .filter(|audience| !self.is_hidden(audience) || decided.contains(&audience))
            .collect()
    }

    /// The audiences that will see something of the child's, in the offered order: for the
    /// child to hear back who will see what.
    pub fn audiences_seeing_something(&self) -> Vec<Audience> {
        self.summary_audiences()
            .into_iter()
            .filter(|audience| {
                self.shared_items().into_iter().any(|item| match item {
                    SharedItem::Entry { question, entry } => self
                        .entry(question, entry)
                        .is_some_and(|entry| entry.is_shown_to(audience)),
                    SharedItem::Name { .. } => self
                        .sharing(item)
                        .is_some_and(|sharing| sharing.is_shown_to(audience)),
                })
            })
            .collect()
    }

    /// Adds a name the child gave ("Oma") to the people the child can choose from. The name
    /// is trimmed at the ends, as a label; a name already there is not added twice. Returns
    /// the audience to decide with, or None for a blank name.
    pub fn add_named_audience(&mut self, name: &str, now_ms: u64) -> Option<Audience> {
        let audience = Audience::named(name)?;
        if let Audience::Named(name) = &audience {
            if !self.named_audiences.contains(name) {
                self.named_audiences.push(name.clone());
                self.touch(now_ms);
            }
        }
        Some(audience)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::entry::Words;
    use crate::core::question::Question;
    use crate::core::session::tests::mia;
    use crate::core::tool::Tool;

    #[test]
    fn named_audiences_keep_their_order_without_duplicates_or_blanks() {
        let mut session = mia();
        assert_eq!(
            session.add_named_audience(" Oma ", 2000),
            Some(Audience::Named("Oma".into()))
        );
        assert_eq!(
            session.add_named_audience("my foster carer", 2100),
            Some(Audience::Named("my foster carer".into()))
        );
        assert_eq!(
            session.add_named_audience("Oma", 2200),
            Some(Audience::Named("Oma".into()))
        );
        assert_eq!(session.add_named_audience(" \t ", 2300), None);
        assert_eq!(session.named_audiences(), ["Oma", "my foster carer"]);
        assert_eq!(session.updated_at, 2100);
    }

    #[test]
    fn audiences_that_do_not_apply_are_not_offered_but_decisions_stay() {
        let mut session = mia();
        let id = session.add_words(Tool::ThreeHouses, Question::Worries, Words::default(), 2000);
        session.decide_sharing(
            Question::Worries,
            id,
            Decision::shared_with([Audience::Dad]),
            2100,
        );
        session.add_named_audience("Oma", 2150);
        session.set_hidden(&Audience::Dad, true, 2200);
        session.set_hidden(&Audience::Teacher, true, 2200);
        session.set_hidden(&Audience::Named("Oma".into()), true, 2200);
        let offered = session.audiences_to_offer();
        assert!(!offered.contains(&Audience::Dad));
        assert!(!offered.contains(&Audience::Teacher));
        assert_eq!(
            offered.last(),
            Some(&Audience::Named("Oma".into())),
            "names the child gave stay"
        );
        assert_eq!(offered.len(), Audience::PICTURED.len() - 2 + 1);
        // A summary can still be made for Dad, whom a decision names.
        let for_summary = session.summary_audiences();
        assert!(for_summary.contains(&Audience::Dad));
        assert!(!for_summary.contains(&Audience::Teacher));
        assert!(session
            .sharing(SharedItem::Entry {
                question: Question::Worries,
                entry: id
            })
            .unwrap()
            .is_shown_to(&Audience::Dad));
        session.set_hidden(&Audience::Teacher, false, 2300);
        assert!(session.audiences_to_offer().contains(&Audience::Teacher));
    }
}
