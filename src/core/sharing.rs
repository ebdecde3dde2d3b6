//! The child's decisions about who may see each entry, and the worker's duty recorded apart.
//! The consent is the child's (UNCRC Article 12, SGB VIII §65), so nothing counts as agreed
//! until the child has said so. The child's choice is a wish the worker respects where it is
//! safe: a worker may hold an entry back from someone the child chose (for the child's
//! safety), or may have to pass it on without the child's agreement (a child-protection
//! duty, §8a / §65 SGB VIII). Both are kept beside the wish, never in place of it.

use serde::{Deserialize, Serialize};

/// Someone the child may let see an entry: one of the pictured choices, or a name the child
/// gave ("Oma", "my foster carer").
///
/// Stored as `"mum"`, `"court"`, … or `{"named": "Oma"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Mum,
    Dad,
    /// "My family", as the child means it; not a shortcut for Mum or Dad.
    Family,
    /// A brother or sister.
    Sibling,
    FosterCarer,
    Teacher,
    /// The child's guardian in the proceedings (Verfahrensbeistand, children's guardian).
    Guardian,
    /// The child's advocate.
    Advocate,
    /// The judge or the court.
    Court,
    /// Everyone at the meeting.
    Meeting,
    /// A name the child gave, kept as the worker typed it (trimmed at the ends: it is a label).
    Named(String),
}

impl Audience {
    /// The choices shown as pictures, in the order they are offered.
    pub const PICTURED: [Audience; 10] = [
        Audience::Mum,
        Audience::Dad,
        Audience::Family,
        Audience::Sibling,
        Audience::FosterCarer,
        Audience::Teacher,
        Audience::Guardian,
        Audience::Advocate,
        Audience::Court,
        Audience::Meeting,
    ];

    /// A name the child gave, trimmed at the ends; None if nothing is left.
    pub fn named(name: &str) -> Option<Audience> {
        let name = name.trim();
        (!name.is_empty()).then(|| Audience::Named(name.to_owned()))
    }

    /// A stable, language-free name for translation keys and CSS classes; None for a name the
    /// child gave, which is shown as it is.
    pub fn slug(&self) -> Option<&'static str> {
        match self {
            Audience::Mum => Some("mum"),
            Audience::Dad => Some("dad"),
            Audience::Family => Some("family"),
            Audience::Sibling => Some("sibling"),
            Audience::FosterCarer => Some("foster-carer"),
            Audience::Teacher => Some("teacher"),
            Audience::Guardian => Some("guardian"),
            Audience::Advocate => Some("advocate"),
            Audience::Court => Some("court"),
            Audience::Meeting => Some("meeting"),
            Audience::Named(_) => None,
        }
    }

    /// The child's family and the people they live with, and anyone the child named. A
    /// summary for them may reach the very person the child is worried about, so it shows
    /// nothing of where and with whom the child spoke unless the worker chooses so.
    pub fn is_family(&self) -> bool {
        matches!(
            self,
            Audience::Mum
                | Audience::Dad
                | Audience::Family
                | Audience::Sibling
                | Audience::FosterCarer
                | Audience::Named(_)
        )
    }
}

/// What the child decided for one entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// "Nobody else": the child wishes that nobody but the worker sees it.
    Private,
    /// These audiences may see it, sorted and without duplicates; never empty (see
    /// [`Decision::normalised`]).
    SharedWith(Vec<Audience>),
}

impl Decision {
    /// A decision to share with `audiences`; None when there are none, since sharing with
    /// nobody is not a decision the child made.
    pub fn shared_with(audiences: impl IntoIterator<Item = Audience>) -> Option<Decision> {
        Decision::SharedWith(audiences.into_iter().collect()).normalised()
    }

    /// The one way a decision is kept: audiences sorted, duplicates and blank names dropped,
    /// and an empty list turned into "no decision yet".
    pub fn normalised(self) -> Option<Decision> {
        match self {
            Decision::Private => Some(Decision::Private),
            Decision::SharedWith(audiences) => {
                let mut audiences: Vec<Audience> = audiences
                    .into_iter()
                    .filter_map(|audience| match audience {
                        Audience::Named(name) => Audience::named(&name),
                        pictured => Some(pictured),
                    })
                    .collect();
                audiences.sort();
                audiences.dedup();
                (!audiences.is_empty()).then_some(Decision::SharedWith(audiences))
            }
        }
    }

    /// Whether `audience` may see the entry. Matching is exact: the child's consent is
    /// specific, so an entry shared with "my family" is not thereby shared with Mum, and one
    /// shared with the meeting is not thereby shared with the court.
    pub fn allows(&self, audience: &Audience) -> bool {
        match self {
            Decision::Private => false,
            Decision::SharedWith(audiences) => audiences.contains(audience),
        }
    }

    /// The audiences this decision names, in their kept order; empty for a private entry.
    pub fn audiences(&self) -> &[Audience] {
        match self {
            Decision::Private => &[],
            Decision::SharedWith(audiences) => audiences,
        }
    }
}

/// One change of an entry's decision, kept so the worker can show when the child changed
/// their mind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingChange {
    /// Milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// The decision from then on; None when it was taken back.
    pub decision: Option<Decision>,
    /// When the dialog or screen the child decided in was opened: the taps of one opening
    /// are one decision, so a later tap there replaces this change (see
    /// [`Sharing::decide_in`]). None for changes made otherwise, and in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at_ms: Option<u64>,
}

/// What the worker writes down about a decision of their own: when, why and who decided.
/// Checked by [`WorkerReason::new`], so a stored record always says all three.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerReason {
    /// `YYYY-MM-DD`, the day it was decided or done.
    pub on: String,
    /// Why, in the worker's words.
    pub reason: String,
    /// Who decided, as typed.
    pub decided_by: String,
}

/// Why a worker's decision cannot be recorded as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerReasonError {
    DateInvalid,
    ReasonMissing,
    DeciderMissing,
}

impl WorkerReason {
    /// A reason with a real date, and a reason and a name that are not blank (kept as typed,
    /// trimmed at the ends).
    pub fn new(on: &str, reason: &str, decided_by: &str) -> Result<Self, WorkerReasonError> {
        if !is_iso_date(on.trim()) {
            return Err(WorkerReasonError::DateInvalid);
        }
        if reason.trim().is_empty() {
            return Err(WorkerReasonError::ReasonMissing);
        }
        if decided_by.trim().is_empty() {
            return Err(WorkerReasonError::DeciderMissing);
        }
        Ok(WorkerReason {
            on: on.trim().to_owned(),
            reason: reason.trim().to_owned(),
            decided_by: decided_by.trim().to_owned(),
        })
    }
}

/// The worker keeps an entry from someone the child chose, for the child's safety ("not
/// shown to Dad, although the child agreed"). Worker-only: it never appears in a summary for
/// an audience, it only keeps the entry out of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    pub from: Audience,
    #[serde(flatten)]
    pub why: WorkerReason,
    /// Milliseconds since the Unix epoch, when it was written down.
    pub recorded_at_ms: u64,
    /// When the hold ended; a lifted hold stays in the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifted: Option<Lifted>,
}

/// The end of a hold: when, and who lifted it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifted {
    pub at_ms: u64,
    pub by: String,
}

impl Hold {
    pub fn is_active(&self) -> bool {
        self.lifted.is_none()
    }
}

/// The worker passed an entry on without the child's agreement: to whom, when, why, and when
/// the child was told. Worker-only: it appears in the full record and nowhere else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassedOn {
    /// Who received it: one of the pictured choices, or a name the worker typed.
    pub to: Audience,
    #[serde(flatten)]
    pub why: WorkerReason,
    /// `YYYY-MM-DD`, the day the child was told; None until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_told_on: Option<String>,
    /// Milliseconds since the Unix epoch, when it was written down.
    pub recorded_at_ms: u64,
}

/// An entry's sharing: the child's wish today and how it came to be, and beside it the
/// worker's own records. No decision means undecided: the entry is shown to nobody but the
/// worker, and the full record says so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredSharing")]
pub struct Sharing {
    /// The child's wish.
    pub decision: Option<Decision>,
    /// Every real change of the child's wish, oldest first.
    pub history: Vec<SharingChange>,
    /// The worker's holds, oldest first, lifted ones too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holds: Vec<Hold>,
    /// Every time the worker passed it on without the child's agreement, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passed_on: Vec<PassedOn>,
}

/// How sharing is read from a record: decisions are normalised, so a hand-edited or damaged
/// list can never widen or blur what the child agreed to.
#[derive(Deserialize)]
struct StoredSharing {
    #[serde(default)]
    decision: Option<Decision>,
    #[serde(default)]
    history: Vec<SharingChange>,
    #[serde(default)]
    holds: Vec<Hold>,
    #[serde(default)]
    passed_on: Vec<PassedOn>,
}

impl From<StoredSharing> for Sharing {
    fn from(stored: StoredSharing) -> Self {
        Sharing {
            decision: stored.decision.and_then(Decision::normalised),
            history: stored
                .history
                .into_iter()
                .map(|change| SharingChange {
                    at_ms: change.at_ms,
                    decision: change.decision.and_then(Decision::normalised),
                    opened_at_ms: change.opened_at_ms,
                })
                .collect(),
            holds: stored.holds,
            passed_on: stored.passed_on,
        }
    }
}

impl Sharing {
    /// Records the child's decision. Returns whether anything changed; a change is appended
    /// to the history, the same decision again is not.
    pub fn decide(&mut self, decision: Option<Decision>, at_ms: u64) -> bool {
        let decision = decision.and_then(Decision::normalised);
        if decision == self.decision {
            return false;
        }
        self.decision = decision.clone();
        self.history.push(SharingChange {
            at_ms,
            decision,
            opened_at_ms: None,
        });
        true
    }

    /// Records one tap of the child in a dialog or screen opened at `opened_at_ms`. Each tap
    /// is kept at once (a reload loses nothing), but the history holds one change per
    /// opening: what the child chose when they left it. A tap after an earlier one of the
    /// same opening replaces that change, and ending where the opening started leaves no
    /// change at all. Returns whether the decision changed.
    pub fn decide_in(&mut self, decision: Option<Decision>, opened_at_ms: u64, at_ms: u64) -> bool {
        let decision = decision.and_then(Decision::normalised);
        if decision == self.decision {
            return false;
        }
        let same_opening = self
            .history
            .last()
            .is_some_and(|change| change.opened_at_ms == Some(opened_at_ms));
        if same_opening {
            self.history.pop();
        }
        // Every decision enters the history, so the one before this opening is the last
        // change left (none: undecided).
        let before = self
            .history
            .last()
            .and_then(|change| change.decision.clone());
        self.decision = decision.clone();
        if decision != before || !same_opening {
            self.history.push(SharingChange {
                at_ms,
                decision,
                opened_at_ms: Some(opened_at_ms),
            });
        }
        true
    }

    /// The child's wish as it stood at `at_ms`: the last change made by then; undecided
    /// before the first. A record without a history (never decided) is undecided throughout.
    pub fn decision_at(&self, at_ms: u64) -> Option<&Decision> {
        self.history
            .iter()
            .rev()
            .find(|change| change.at_ms <= at_ms)
            .and_then(|change| change.decision.as_ref())
    }

    /// Whether the worker held the entry back from `audience` at `at_ms`.
    pub fn was_held_back_from(&self, audience: &Audience, at_ms: u64) -> bool {
        self.holds.iter().any(|hold| {
            &hold.from == audience
                && hold.recorded_at_ms <= at_ms
                && hold
                    .lifted
                    .as_ref()
                    .is_none_or(|lifted| lifted.at_ms > at_ms)
        })
    }

    /// Whether a summary for `audience` made at `at_ms` showed the entry, by the same rule
    /// as [`Sharing::is_shown_to`] with the wish and the holds of that moment.
    pub fn was_shown_to(&self, audience: &Audience, at_ms: u64) -> bool {
        self.decision_at(at_ms)
            .is_some_and(|decision| decision.allows(audience))
            && !self.was_held_back_from(audience, at_ms)
    }

    /// The hold from `audience` in force now, if the worker recorded it after `at_ms`: a
    /// copy given at `at_ms` may still hold what this hold keeps back.
    pub fn held_back_since(&self, audience: &Audience, at_ms: u64) -> Option<&Hold> {
        self.holds
            .iter()
            .find(|hold| hold.is_active() && &hold.from == audience && hold.recorded_at_ms > at_ms)
    }

    /// Whether the child agreed that `audience` may see the entry; never true while
    /// undecided.
    pub fn is_shared_with(&self, audience: &Audience) -> bool {
        self.decision
            .as_ref()
            .is_some_and(|decision| decision.allows(audience))
    }

    /// Whether a summary for `audience` shows the entry: the child agreed, and the worker
    /// holds nothing back from that audience. The one rule every summary and every
    /// "who will see what" follows.
    pub fn is_shown_to(&self, audience: &Audience) -> bool {
        self.is_shared_with(audience) && !self.is_held_back_from(audience)
    }

    /// Whether the worker holds the entry back from `audience` now.
    pub fn is_held_back_from(&self, audience: &Audience) -> bool {
        self.holds
            .iter()
            .any(|hold| hold.is_active() && &hold.from == audience)
    }

    /// Holds the entry back from `audience`. Returns false, recording nothing, when a hold
    /// from that audience is already in force.
    pub fn hold_back(&mut self, from: Audience, why: WorkerReason, at_ms: u64) -> bool {
        if self.is_held_back_from(&from) {
            return false;
        }
        self.holds.push(Hold {
            from,
            why,
            recorded_at_ms: at_ms,
            lifted: None,
        });
        true
    }

    /// Ends the hold from `audience`; the hold stays in the record, marked lifted. Returns
    /// false when there was none in force.
    pub fn lift_hold(&mut self, from: &Audience, by: &str, at_ms: u64) -> bool {
        let Some(hold) = self
            .holds
            .iter_mut()
            .find(|hold| hold.is_active() && &hold.from == from)
        else {
            return false;
        };
        hold.lifted = Some(Lifted {
            at_ms,
            by: by.trim().to_owned(),
        });
        true
    }

    /// Records that the worker passed the entry on without the child's agreement.
    pub fn record_passed_on(&mut self, to: Audience, why: WorkerReason, at_ms: u64) {
        self.passed_on.push(PassedOn {
            to,
            why,
            child_told_on: None,
            recorded_at_ms: at_ms,
        });
    }

    /// Records the day the child was told about passing-on number `index`. Returns false for
    /// no such record, a date that is not one, or a day already recorded (it is kept as it
    /// was first written).
    pub fn record_child_told(&mut self, index: usize, on: &str) -> bool {
        let on = on.trim();
        match self.passed_on.get_mut(index) {
            Some(passed) if passed.child_told_on.is_none() && is_iso_date(on) => {
                passed.child_told_on = Some(on.to_owned());
                true
            }
            _ => false,
        }
    }

    pub fn is_undecided(&self) -> bool {
        self.decision.is_none()
    }

    /// True for an entry nobody ever decided about; such sharing is left out of records.
    pub fn is_untouched(&self) -> bool {
        self.decision.is_none()
            && self.history.is_empty()
            && self.holds.is_empty()
            && self.passed_on.is_empty()
    }
}

/// `YYYY-MM-DD` with a month and a day that can exist.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number =
        |range: std::ops::Range<usize>| text.get(range).and_then(|part| part.parse::<u32>().ok());
    matches!(
        (number(0..4), number(5..7), number(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_is_those_at_home_and_the_people_the_child_named() {
        let family: Vec<_> = Audience::PICTURED
            .iter()
            .filter(|a| a.is_family())
            .collect();
        assert_eq!(
            family,
            [
                &Audience::Mum,
                &Audience::Dad,
                &Audience::Family,
                &Audience::Sibling,
                &Audience::FosterCarer
            ]
        );
        assert!(oma().is_family());
        assert!(!Audience::Court.is_family());
        assert!(!Audience::Meeting.is_family());
    }

    fn oma() -> Audience {
        Audience::Named("Oma".into())
    }

    #[test]
    fn shared_lists_are_sorted_without_duplicates_and_never_empty() {
        assert_eq!(
            Decision::shared_with([Audience::Teacher, oma(), Audience::Mum, Audience::Teacher]),
            Some(Decision::SharedWith(vec![
                Audience::Mum,
                Audience::Teacher,
                oma()
            ]))
        );
        assert_eq!(Decision::shared_with([]), None);
        assert_eq!(
            Decision::shared_with([Audience::Named("  ".into())]),
            None,
            "a blank name is nobody"
        );
        assert_eq!(
            Decision::shared_with([Audience::Named(" Oma ".into()), oma()]),
            Some(Decision::SharedWith(vec![oma()]))
        );
        assert_eq!(Decision::Private.normalised(), Some(Decision::Private));
    }

    #[test]
    fn consent_is_specific_not_inherited() {
        let family = Decision::shared_with([Audience::Family]).unwrap();
        assert!(family.allows(&Audience::Family));
        assert!(!family.allows(&Audience::Mum));
        assert!(!family.allows(&Audience::Dad));
        let meeting = Decision::shared_with([Audience::Meeting]).unwrap();
        assert!(!meeting.allows(&Audience::Court));
        assert!(!Decision::Private.allows(&Audience::Mum));
        let named = Decision::shared_with([oma()]).unwrap();
        assert!(!named.allows(&Audience::Named("oma".into())));
    }

    #[test]
    fn only_real_changes_enter_the_history() {
        let mut sharing = Sharing::default();
        assert!(sharing.is_undecided());
        assert!(!sharing.is_shared_with(&Audience::Mum));
        assert!(!sharing.decide(None, 1), "undecided stays undecided");
        assert!(!sharing.decide(Decision::shared_with([]), 2));
        assert!(sharing.is_untouched());

        assert!(sharing.decide(Decision::shared_with([Audience::Mum, Audience::Dad]), 3));
        assert!(!sharing.decide(Decision::shared_with([Audience::Dad, Audience::Mum]), 4));
        assert!(sharing.decide(Some(Decision::Private), 5));
        assert!(sharing.decide(None, 6));
        assert_eq!(
            sharing.history,
            vec![
                SharingChange {
                    at_ms: 3,
                    decision: Decision::shared_with([Audience::Mum, Audience::Dad]),
                    opened_at_ms: None,
                },
                SharingChange {
                    at_ms: 5,
                    decision: Some(Decision::Private),
                    opened_at_ms: None,
                },
                SharingChange {
                    at_ms: 6,
                    decision: None,
                    opened_at_ms: None,
                },
            ]
        );
        assert!(sharing.is_undecided());
        assert!(!sharing.is_untouched());
    }

    #[test]
    fn sharing_is_stored_with_plain_tags() {
        let mut sharing = Sharing::default();
        sharing.decide(Decision::shared_with([oma(), Audience::Court]), 7);
        sharing.decide(Some(Decision::Private), 8);
        let json = serde_json::to_string(&sharing).unwrap();
        assert_eq!(
            json,
            r#"{"decision":"private","history":[{"at_ms":7,"decision":{"shared_with":["court",{"named":"Oma"}]}},{"at_ms":8,"decision":"private"}]}"#
        );
        assert_eq!(serde_json::from_str::<Sharing>(&json).unwrap(), sharing);
    }

    #[test]
    fn a_damaged_stored_decision_reads_normalised() {
        let json = r#"{"decision":{"shared_with":["teacher","mum","mum",{"named":" "}]},
            "history":[{"at_ms":1,"decision":{"shared_with":[]}}]}"#;
        let sharing: Sharing = serde_json::from_str(json).unwrap();
        assert_eq!(
            sharing.decision,
            Decision::shared_with([Audience::Mum, Audience::Teacher])
        );
        assert_eq!(sharing.history[0].decision, None);
        assert_eq!(
            serde_json::from_str::<Sharing>("{}").unwrap(),
            Sharing::default()
        );
    }

    #[test]
    fn pictured_audiences_have_distinct_slugs() {
        let slugs: Vec<_> = Audience::PICTURED
            .iter()
            .filter_map(Audience::slug)
            .collect();
        let mut unique = slugs.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), Audience::PICTURED.len());
        assert_eq!(oma().slug(), None);
        assert_eq!(Audience::named("  Oma "), Some(oma()));
        assert_eq!(Audience::named(" "), None);
    }
}
