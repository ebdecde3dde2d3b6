//! The child's decisions about who may see each entry. The consent is the child's (UNCRC
//! Article 12, SGB VIII §65), so nothing counts as agreed until the child has said so.

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
    Teacher,
    /// The judge or the court.
    Court,
    /// Everyone at the meeting.
    Meeting,
    /// A name the child gave, kept as the worker typed it (trimmed at the ends: it is a label).
    Named(String),
}

impl Audience {
    /// The choices shown as pictures, in the order they are offered.
    pub const PICTURED: [Audience; 6] = [
        Audience::Mum,
        Audience::Dad,
        Audience::Family,
        Audience::Teacher,
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
            Audience::Teacher => Some("teacher"),
            Audience::Court => Some("court"),
            Audience::Meeting => Some("meeting"),
            Audience::Named(_) => None,
        }
    }
}

/// What the child decided for one entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// "Only my worker": nobody else sees it.
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
}

/// An entry's sharing: the decision today and how it came to be. No decision means
/// undecided: the entry is shown to nobody but the worker, and summaries say so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredSharing")]
pub struct Sharing {
    pub decision: Option<Decision>,
    /// Every real change, oldest first.
    pub history: Vec<SharingChange>,
}

/// How sharing is read from a record: decisions are normalised, so a hand-edited or damaged
/// list can never widen or blur what the child agreed to.
#[derive(Deserialize)]
struct StoredSharing {
    #[serde(default)]
    decision: Option<Decision>,
    #[serde(default)]
    history: Vec<SharingChange>,
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
                })
                .collect(),
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
        self.history.push(SharingChange { at_ms, decision });
        true
    }

    /// Whether `audience` may see the entry; never true while undecided.
    pub fn is_shared_with(&self, audience: &Audience) -> bool {
        self.decision
            .as_ref()
            .is_some_and(|decision| decision.allows(audience))
    }

    pub fn is_undecided(&self) -> bool {
        self.decision.is_none()
    }

    /// True for an entry nobody ever decided about; such sharing is left out of records.
    pub fn is_untouched(&self) -> bool {
        self.decision.is_none() && self.history.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                    decision: Decision::shared_with([Audience::Mum, Audience::Dad])
                },
                SharingChange {
                    at_ms: 5,
                    decision: Some(Decision::Private)
                },
                SharingChange {
                    at_ms: 6,
                    decision: None
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
