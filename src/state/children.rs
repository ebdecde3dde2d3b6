//! The children on this tablet, each with their visits (sessions): a new child and their
//! first visit, a new visit building on the last, rename, join, move a visit, delete a
//! child with every visit. A child's record is sealed and written at once; the visits it
//! touches are saved as every session is (see [`super::sessions`]).

use leptos::prelude::*;

use super::AppState;
use crate::core::children::{join_children, missing_children, move_visit, visits_of};
use crate::core::{ChildId, ChildRecord, NewSession, Session, SessionError, SessionId};
use crate::platform;
use crate::store::{self, TextSetting};

impl AppState {
    /// A child's record, as it changes.
    pub fn child(&self, id: ChildId) -> Option<ChildRecord> {
        self.children
            .with(|all| all.iter().find(|child| child.id == id).cloned())
    }

    /// The visits of a child, newest first, as they change.
    pub fn visits_of(&self, child: ChildId) -> Vec<SessionId> {
        self.sessions
            .with(|all| visits_of(all, child).iter().map(|s| s.id).collect())
    }

    /// The start form: a new child and their first visit, today, with the worker's name
    /// from Settings. Gives the visit to open.
    pub fn start_child(
        &self,
        alias: &str,
        age: &str,
        language: &str,
    ) -> Result<SessionId, SessionError> {
        let form = NewSession {
            child_name: alias.to_owned(),
            age: age.to_owned(),
            worker_name: self.text_setting(TextSetting::WorkerName),
            date: platform::today_iso(),
        };
        let now = platform::now_ms();
        let (child, visit) = Session::start_first_visit(
            &form,
            ChildId::new(now, platform::random_u32()),
            SessionId::new(now, platform::random_u32()),
            Some(language),
            now,
        )?;
        let id = visit.id;
        self.keep_child(child);
        self.add_session(visit);
        Ok(id)
    }

    /// A new visit of `child`, today, building on their newest visit. Gives the visit to
    /// open.
    pub fn start_next_visit(&self, child: ChildId) -> Option<SessionId> {
        let record = self
            .children
            .with_untracked(|all| all.iter().find(|known| known.id == child).cloned())?;
        let now = platform::now_ms();
        let visit = self.sessions.with_untracked(|all| {
            let last = visits_of(all, child).first().copied();
            Session::start_next_visit(
                &record,
                last,
                &self.text_setting(TextSetting::WorkerName),
                &platform::today_iso(),
                SessionId::new(now, platform::random_u32()),
                now,
            )
            .ok()
        })?;
        let id = visit.id;
        self.add_session(visit);
        Some(id)
    }

    /// Gives a child another alias; kept in their history.
    pub fn rename_child(&self, child: ChildId, alias: &str) -> bool {
        let now = platform::now_ms();
        self.change_child(child, |record| record.rename(alias, now))
    }

    /// Joins `gone` into `kept`: every visit of `gone` moves under `kept`, `gone`'s record
    /// goes, and `kept`'s history says so.
    pub fn join_children(&self, kept: ChildId, gone: ChildId) {
        let records = self.children.with_untracked(|all| {
            let find = |id| all.iter().find(|child| child.id == id).cloned();
            find(kept).zip(find(gone))
        });
        let Some((mut kept_record, gone_record)) = records.filter(|_| kept != gone) else {
            return;
        };
        let now = platform::now_ms();
        let mut visits: Vec<Session> = self.sessions.with_untracked(|all| {
            all.iter()
                .filter(|s| s.child_id() == gone)
                .cloned()
                .collect()
        });
        join_children(&mut kept_record, &gone_record, &mut visits, now);
        for joined in visits {
            let id = joined.id;
            self.change_session(&id, move |session| *session = joined);
        }
        self.keep_child(kept_record);
        self.forget_child(gone);
        self.save_now();
    }

    /// Moves one visit to another child; both histories say so.
    pub fn move_visit(&self, visit: SessionId, to: ChildId) {
        let Some(from) = self.with_session_untracked(&visit, Session::child_id) else {
            return;
        };
        let records = self.children.with_untracked(|all| {
            let find = |id| all.iter().find(|child| child.id == id).cloned();
            find(from).zip(find(to))
        });
        let Some((mut from_record, mut to_record)) = records else {
            return;
        };
        let now = platform::now_ms();
        let moved = self.change_session(&visit, |session| {
            move_visit(session, &mut from_record, &mut to_record, now)
        });
        if moved == Some(true) {
            self.keep_child(from_record);
            self.keep_child(to_record);
        }
        self.save_now();
    }

    /// Deletes a child from this tablet: every visit's record, then the child's.
    pub fn delete_child(&self, child: ChildId) {
        let visits: Vec<SessionId> = self
            .sessions
            .with_untracked(|all| visits_of(all, child).iter().map(|s| s.id).collect());
        for id in &visits {
            self.delete_session(id);
        }
        self.forget_child(child);
    }

    /// The records to add for the children of sessions restored from a backup, merged by
    /// id: a child already on this tablet keeps their record; a new one comes with the
    /// backup's record, or, from a backup without one, is made from their newest visit
    /// among those restored (as the migration makes it). Only children with a restored
    /// visit. Nothing is written here: see [`AppState::keep_restored_child`].
    pub fn children_to_restore(
        &self,
        records: Vec<ChildRecord>,
        restored: &[Session],
    ) -> Vec<ChildRecord> {
        let mut known = self.children.get_untracked();
        let mut new = Vec::new();
        for record in records {
            let here = known.iter().any(|child| child.id == record.id);
            let has_a_visit = restored.iter().any(|s| s.child_id() == record.id);
            if !here && has_a_visit {
                known.push(record.clone());
                new.push(record);
            }
        }
        new.extend(missing_children(restored, &known, platform::now_ms()));
        new
    }

    /// Adds one record [`AppState::children_to_restore`] gave, just before its first visit
    /// is added, so a long restore writes a few at a time.
    pub fn keep_restored_child(&self, record: ChildRecord) {
        self.keep_child(record);
    }

    /// Makes and saves a record for every child the sessions name without one.
    pub(super) fn make_missing_children(&self) {
        let made = self.sessions.with_untracked(|sessions| {
            self.children
                .with_untracked(|known| missing_children(sessions, known, platform::now_ms()))
        });
        for child in made {
            self.keep_child(child);
        }
    }

    /// Changes a child's record and saves it; returns what `change` said.
    pub(super) fn change_child(
        &self,
        child: ChildId,
        change: impl FnOnce(&mut ChildRecord) -> bool,
    ) -> bool {
        let record = self
            .children
            .with_untracked(|all| all.iter().find(|known| known.id == child).cloned());
        let Some(mut record) = record else {
            return false;
        };
        let changed = change(&mut record);
        if changed {
            self.keep_child(record);
        }
        changed
    }

    /// Puts a child's record in memory (new or changed) and writes it.
    fn keep_child(&self, record: ChildRecord) {
        if let Some(key) = self.keys.key() {
            if let Err(problem) = store::save_child(&record, &key) {
                self.save_problem.set(Some(problem));
            }
        }
        self.children.update(
            |all| match all.iter_mut().find(|known| known.id == record.id) {
                Some(known) => *known = record,
                None => all.push(record),
            },
        );
    }

    /// Removes a child's record from memory and from storage.
    fn forget_child(&self, child: ChildId) {
        if let Some(key) = self.keys.key() {
            if let Err(problem) = store::delete_child(&child, &key) {
                self.save_problem.set(Some(problem));
            }
        }
        self.children
            .update(|all| all.retain(|known| known.id != child));
    }
}
