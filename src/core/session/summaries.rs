//! What a summary for an audience shows and what was given out: the worker's choices per
//! audience, the entries a summary shows, every print and download, which of those copies
//! hold an item, and the worries to confirm before a family reader gets a copy.

use std::collections::HashSet;

use crate::core::entry::{Entry, EntryId};
use crate::core::exports::Export;
use crate::core::question::Question;
use crate::core::sharing::Audience;
use crate::core::summary_choices::SummaryChoices;

use super::{Session, SharedItem};

impl Session {
    /// The worker's choices for `audience`'s summary: as last set, or the safe defaults.
    pub fn summary_choices(&self, audience: &Audience) -> SummaryChoices {
        self.summary_choices
            .iter()
            .find(|choices| &choices.audience == audience)
            .cloned()
            .unwrap_or_else(|| SummaryChoices::default_for(audience))
    }

    /// Keeps the worker's choices for one audience's summary (the note exactly as typed).
    pub fn set_summary_choices(&mut self, choices: SummaryChoices, now_ms: u64) {
        if self.summary_choices(&choices.audience) == choices {
            return;
        }
        match self
            .summary_choices
            .iter_mut()
            .find(|known| known.audience == choices.audience)
        {
            Some(known) => *known = choices,
            None => self.summary_choices.push(choices),
        }
        self.touch(now_ms);
    }

    /// Records a print or download of a summary.
    pub fn record_export(&mut self, export: Export) {
        let at_ms = export.at_ms;
        self.exports.push(export);
        self.touch(at_ms);
    }

    /// The entries a summary for `audience` shows, question by question in the houses'
    /// order: what the child agreed to share with exactly that audience, less what the worker
    /// holds back.
    pub fn entries_shown_to<'a>(
        &'a self,
        audience: &'a Audience,
    ) -> impl Iterator<Item = (Question, &'a Entry)> + 'a {
        Question::ALL.into_iter().flat_map(move |question| {
            self.entries(question)
                .iter()
                .filter(move |entry| entry.is_shown_to(audience))
                .map(move |entry| (question, entry))
        })
    }

    /// Whether a summary for `audience` made at `at_ms` showed the item: it was there, the
    /// child had not taken it out, and it was shown to that audience then.
    pub fn was_shown_to(&self, item: SharedItem, audience: &Audience, at_ms: u64) -> bool {
        let there_then = match item {
            SharedItem::Entry { question, entry } => {
                self.entry(question, entry).is_some_and(|entry| {
                    entry.created_at <= at_ms
                        && entry.unreadable().is_none()
                        && !entry.taken_out.iter().any(|spell| {
                            spell.at_ms <= at_ms
                                && spell.put_back_at_ms.is_none_or(|back| back > at_ms)
                        })
                })
            }
            SharedItem::Name { .. } => true,
        };
        there_then
            && self
                .sharing(item)
                .is_some_and(|sharing| sharing.was_shown_to(audience, at_ms))
    }

    /// The copies already given to `audience` that hold the item: what a hold from
    /// `audience` cannot take back.
    pub fn copies_holding(&self, item: SharedItem, audience: &Audience) -> Vec<&Export> {
        self.exports
            .iter()
            .filter(|export| export.audience.as_ref() == Some(audience))
            .filter(|export| self.was_shown_to(item, audience, export.at_ms))
            .collect()
    }

    /// The copies given to an audience that hold something the worker has held back from
    /// that audience since: each as its place in [`Session::exports`] with those items.
    pub fn copies_holding_since_held_back(&self) -> Vec<(usize, Vec<SharedItem>)> {
        let items = self.shared_items();
        self.exports
            .iter()
            .enumerate()
            .filter_map(|(at, export)| {
                let audience = export.audience.as_ref()?;
                let held: Vec<SharedItem> = items
                    .iter()
                    .copied()
                    .filter(|&item| self.was_shown_to(item, audience, export.at_ms))
                    .filter(|&item| {
                        self.sharing(item).is_some_and(|sharing| {
                            sharing.held_back_since(audience, export.at_ms).is_some()
                        })
                    })
                    .collect();
                (!held.is_empty()).then_some((at, held))
            })
            .collect()
    }

    /// The worries a summary for `audience` shows that the worker must confirm this reader
    /// may safely read before it is printed or downloaded: for the family and anyone the
    /// child named (who may be the very person a worry is about), those not yet confirmed
    /// with an earlier copy for the same reader. Empty for everyone else.
    pub fn worries_to_confirm(&self, audience: &Audience) -> Vec<&Entry> {
        if !audience.is_family() {
            return Vec::new();
        }
        let confirmed: HashSet<EntryId> = self
            .exports
            .iter()
            .filter(|export| export.audience.as_ref() == Some(audience))
            .flat_map(|export| export.confirmed_worries.iter().copied())
            .collect();
        self.entries(Question::Worries)
            .iter()
            .filter(|entry| entry.is_shown_to(audience) && !confirmed.contains(&entry.id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::tests::mia;

    #[test]
    fn summary_choices_start_safe_and_are_kept_per_audience() {
        use crate::core::{Shown, SummaryChoices};
        let mut session = mia();
        assert_eq!(
            session.summary_choices(&Audience::Mum).shown,
            Shown::NOTHING
        );
        assert_eq!(
            session.summary_choices(&Audience::Court).shown,
            Shown::EVERYTHING
        );
        let mut for_mum = session.summary_choices(&Audience::Mum);
        for_mum.shown.worker = true;
        for_mum.note = "Please talk to me first.\n".into();
        session.set_summary_choices(for_mum.clone(), 2000);
        session.set_summary_choices(for_mum.clone(), 3000);
        assert_eq!(session.updated_at, 2000);
        assert_eq!(session.summary_choices(&Audience::Mum), for_mum);
        assert_eq!(
            session.summary_choices(&Audience::Dad),
            SummaryChoices::default_for(&Audience::Dad)
        );
    }
}
