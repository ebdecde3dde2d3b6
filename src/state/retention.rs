//! How long closed cases are kept: the worker's setting, sealed in the index.

use leptos::prelude::Set;

use super::AppState;
use crate::core::retention::RetentionPeriod;
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
}
