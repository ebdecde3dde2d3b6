//! How long closed cases are kept: the worker's setting, sealed in the index; closing and
//! reopening a case; and which children to ask about at unlock.

use leptos::prelude::*;

use super::AppState;
use crate::core::children::due_for_retention;
use crate::core::retention::RetentionPeriod;
use crate::core::ChildId;
use crate::platform;
use crate::store;

impl AppState {
    /// Months after a closed case's last visit before Hear Me asks about deleting it.
    pub fn retention_period(&self) -> RetentionPeriod {
        store::retention_period()
    }

    /// Sets the retention period; kept sealed in the index, so only with the key.
    pub fn set_retention_period(&self, period: RetentionPeriod) {
        let Some(key) = self.keys.key() else {
            return;
        };
        if let Err(problem) = store::set_retention_period(period, &key) {
            self.save_problem.set(Some(problem));
        }
    }

    /// Marks a child's case closed (kept in the child's history); nothing is deleted.
    pub fn close_case(&self, child: ChildId) -> bool {
        let now = platform::now_ms();
        self.change_child(child, |record| record.close_case(now))
    }

    /// Reopens a closed case: no question about deleting it any more.
    pub fn reopen_case(&self, child: ChildId) -> bool {
        let now = platform::now_ms();
        self.change_child(child, |record| record.reopen_case(now))
    }

    /// The worker's "Keep for now": asked again one period from today.
    pub fn keep_for_now(&self, child: ChildId) -> bool {
        let now = platform::now_ms();
        self.change_child(child, |record| record.keep_for_now(now))
    }

    /// The closed cases to ask about now, the one seen longest ago first.
    pub fn due_for_retention(&self) -> Vec<ChildId> {
        let period = self.retention_period();
        let today = platform::today_iso();
        self.children.with_untracked(|children| {
            self.sessions
                .with_untracked(|sessions| due_for_retention(children, sessions, period, &today))
        })
    }
}
