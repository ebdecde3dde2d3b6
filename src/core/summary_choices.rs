//! What the worker chooses for one audience's summary, kept with the session so the same
//! summary comes out again: which facts of the conversation it names, the worker's words for
//! its readers, and at most one neutral line about what the child kept for now.

use serde::{Deserialize, Serialize};

use super::sharing::Audience;

/// The facts about the conversation a summary names. Off by default for the child's family:
/// a place may be a refuge or a foster home, and who was there may name foster carers or the
/// other parent. On by default for the court and the meeting, who need them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub place: bool,
    pub present: bool,
    pub worker: bool,
    pub tools: bool,
}

impl Shown {
    pub const NOTHING: Shown = Shown {
        place: false,
        present: false,
        worker: false,
        tools: false,
    };
    pub const EVERYTHING: Shown = Shown {
        place: true,
        present: true,
        worker: true,
        tools: true,
    };

    /// Where a worker starts for `audience`: everything for the court and the meeting, and
    /// nothing for anyone else, who may be closer to the child than is safe.
    pub fn default_for(audience: &Audience) -> Shown {
        match audience {
            Audience::Court | Audience::Meeting => Shown::EVERYTHING,
            _ => Shown::NOTHING,
        }
    }
}

/// A neutral line the worker may add to a summary for an audience instead of any count of
/// what was left out: it says the child chose, never how much or what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RespectLine {
    /// "There are things {name} wanted to keep for now, and we respect that."
    KeepForNow,
    /// "{name} chose what is shared in this summary."
    ChoseWhatIsShared,
    /// "{name} decided who may see each drawing and each of their words."
    DecidedWhoSeesWhat,
}

impl RespectLine {
    pub const ALL: [RespectLine; 3] = [
        RespectLine::KeepForNow,
        RespectLine::ChoseWhatIsShared,
        RespectLine::DecidedWhoSeesWhat,
    ];

    /// A stable, language-free name for the form and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            RespectLine::KeepForNow => "keep-for-now",
            RespectLine::ChoseWhatIsShared => "chose-what-is-shared",
            RespectLine::DecidedWhoSeesWhat => "decided-who-sees-what",
        }
    }

    pub fn from_slug(slug: &str) -> Option<RespectLine> {
        RespectLine::ALL
            .into_iter()
            .find(|line| line.slug() == slug)
    }
}

/// The worker's choices for one audience's summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryChoices {
    pub audience: Audience,
    pub shown: Shown,
    /// "For the people who read this summary": written for this audience only, as typed.
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respect_line: Option<RespectLine>,
}

impl SummaryChoices {
    /// What a worker starts from for `audience`: the safe facts, no note, no line.
    pub fn default_for(audience: &Audience) -> SummaryChoices {
        SummaryChoices {
            audience: audience.clone(),
            shown: Shown::default_for(audience),
            note: String::new(),
            respect_line: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_audiences_start_with_nothing_shown_the_court_and_meeting_with_everything() {
        for audience in Audience::PICTURED
            .into_iter()
            .chain([Audience::Named("Oma".into())])
        {
            let expected = match audience {
                Audience::Court | Audience::Meeting => Shown::EVERYTHING,
                _ => Shown::NOTHING,
            };
            assert_eq!(Shown::default_for(&audience), expected, "{audience:?}");
            let choices = SummaryChoices::default_for(&audience);
            assert!(choices.note.is_empty());
            assert_eq!(choices.respect_line, None);
        }
    }

    #[test]
    fn respect_lines_have_distinct_slugs_that_round_trip() {
        for line in RespectLine::ALL {
            assert_eq!(RespectLine::from_slug(line.slug()), Some(line));
        }
        assert_eq!(RespectLine::from_slug("two-things-kept"), None);
    }
}
