//! The child's pace: stops, breaks and "I don't want to say", and each question the child
//! opened, in order. The log only grows, and nothing is logged after the end.

use crate::core::conversation::{Pace, PaceEvent, Visit};
use crate::core::question::Question;
use crate::core::tool::Tool;

use super::Session;

impl Session {
    /// The child's stops, breaks and passes, oldest first.
    pub fn pace(&self) -> &[PaceEvent] {
        &self.pace
    }

    /// Records that the child stopped. False once the session is finished.
    pub fn record_stop(&mut self, now_ms: u64) -> bool {
        self.log_pace(Pace::Stop, now_ms)
    }

    /// Whether a break is going on.
    pub fn on_break(&self) -> bool {
        self.pace
            .iter()
            .any(|event| matches!(event.what, Pace::Break { ended_at_ms: None }))
    }

    /// Starts a break. False when one is going on or the session is finished.
    pub fn start_break(&mut self, now_ms: u64) -> bool {
        !self.on_break() && self.log_pace(Pace::Break { ended_at_ms: None }, now_ms)
    }

    /// Ends the break going on. False when there is none or the session is finished.
    pub fn end_break(&mut self, now_ms: u64) -> bool {
        if self.is_finished() {
            return false;
        }
        let open = self
            .pace
            .iter_mut()
            .find_map(|event| match &mut event.what {
                Pace::Break { ended_at_ms } if ended_at_ms.is_none() => Some(ended_at_ms),
                _ => None,
            });
        let Some(ended_at_ms) = open else {
            return false;
        };
        *ended_at_ms = Some(now_ms);
        self.touch(now_ms);
        true
    }

    /// "I don't want to say" for a question in a tool. The pass stays in the log whatever the
    /// child adds later. False when the child already passed there, or the session is
    /// finished.
    pub fn pass(&mut self, tool: Tool, question: Question, now_ms: u64) -> bool {
        !self.passed(tool, question) && self.log_pace(Pace::Pass { tool, question }, now_ms)
    }

    /// Whether the child said "I don't want to say" for a question in a tool.
    pub fn passed(&self, tool: Tool, question: Question) -> bool {
        self.pace
            .iter()
            .any(|event| event.what == Pace::Pass { tool, question })
    }

    /// Whether the child passed on a question in any tool.
    pub fn passed_anywhere(&self, question: Question) -> bool {
        Tool::ALL
            .into_iter()
            .any(|tool| self.passed(tool, question))
    }

    fn log_pace(&mut self, what: Pace, now_ms: u64) -> bool {
        if self.is_finished() {
            return false;
        }
        self.pace.push(PaceEvent {
            at_ms: now_ms,
            what,
        });
        self.touch(now_ms);
        true
    }

    /// Every question the child opened, in order, without immediate repeats.
    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// Records that the child opened a question in a tool; opening the same one again at
    /// once (a reload, going back and forth within it) is not a new visit. False when
    /// nothing was recorded, as after the end.
    pub fn note_visit(&mut self, tool: Tool, question: Question, now_ms: u64) -> bool {
        if !self.would_be_a_new_visit(tool, question) {
            return false;
        }
        self.visits.push(Visit {
            tool,
            question,
            at_ms: now_ms,
        });
        self.touch(now_ms);
        true
    }

    /// Whether opening this question now is a visit to record (not a repeat of the last
    /// one, not after the end): so a screen that only reopens does not write the session.
    pub fn would_be_a_new_visit(&self, tool: Tool, question: Question) -> bool {
        let repeat = self
            .visits
            .last()
            .is_some_and(|last| last.tool == tool && last.question == question);
        !repeat && !self.is_finished()
    }

    /// The order the child went through a tool's questions: each question at its first
    /// visit. A question never opened is not in it.
    pub fn visit_order(&self, tool: Tool) -> Vec<Question> {
        let mut order = Vec::new();
        for visit in self.visits.iter().filter(|visit| visit.tool == tool) {
            if !order.contains(&visit.question) {
                order.push(visit.question);
            }
        }
        order
    }
}
