//! The worker's children and their visits: the rules that need both a child's record
//! (`core::child`) and the sessions that are its visits. Making records for sessions from
//! before children (never rewriting a session, never joining two children by themselves), a
//! child's visits, a new visit carrying over what is the child's, join, move, rename, and the
//! start screen's overview. Kept apart from `core::child` so that the session record can name
//! its child without a circle between the two.

use std::collections::BTreeMap;

use super::child::{CaseClosed, ChildChange, ChildEvent, ChildId, ChildRecord};
use super::question::Question;
use super::retention::{ask_about, RetentionPeriod};
use super::session::{NewSession, Session, SessionError, SessionId, MAX_AGE};
use super::sharing::{Audience, Sharing};
use super::tool::Tool;
/// The year of a `YYYY-MM-DD` date; None when it does not start with one.
fn year_of(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

impl ChildRecord {
    /// The record of a child met for the first time at `visit`: the alias, the year of
    /// birth from the age given and the visit's year, the child's language.
    pub fn first_met_at(visit: &Session, now_ms: u64) -> ChildRecord {
        ChildRecord {
            id: visit.child_id(),
            alias: visit.child.name.trim().to_owned(),
            birth_year: visit
                .child
                .age
                .zip(year_of(&visit.date))
                .map(|(age, year)| year - i32::from(age)),
            languages: visit
                .child_language()
                .map(str::to_owned)
                .into_iter()
                .collect(),
            created_at: now_ms,
            updated_at: now_ms,
            closed: None,
            history: Vec::new(),
        }
    }

    /// The record of a child whose visits were stored without one (before children, or
    /// from a backup that held none): made from their newest visit, and saying so.
    pub fn made_from_session(newest: &Session, now_ms: u64) -> ChildRecord {
        let mut record = ChildRecord::first_met_at(newest, now_ms);
        record.history.push(ChildEvent {
            at_ms: now_ms,
            what: ChildChange::MadeFromSession { session: newest.id },
        });
        record
    }

    /// The child's age in `year`, from the year of birth; None when no age was ever given.
    pub fn age_in(&self, year: i32) -> Option<u8> {
        let age = year - self.birth_year?;
        u8::try_from(age).ok().filter(|age| *age <= MAX_AGE)
    }

    /// The child's age on a `YYYY-MM-DD` day.
    pub fn age_on(&self, date: &str) -> Option<u8> {
        self.age_in(year_of(date)?)
    }

    /// Gives the child another alias (a label the worker typed, trimmed). A blank one is
    /// refused: a child is never left without a name on the worker's screens. Returns
    /// whether it changed.
    pub fn rename(&mut self, alias: &str, now_ms: u64) -> bool {
        let alias = alias.trim();
        if alias.is_empty() || alias == self.alias {
            return false;
        }
        let from = std::mem::replace(&mut self.alias, alias.to_owned());
        self.note(
            ChildChange::Renamed {
                from,
                to: alias.to_owned(),
            },
            now_ms,
        );
        true
    }

    /// Keeps the language a visit used first in the list, without repeats.
    pub fn note_language(&mut self, code: &str, now_ms: u64) -> bool {
        if self.languages.first().map(String::as_str) == Some(code) {
            return false;
        }
        self.languages.retain(|known| known != code);
        self.languages.insert(0, code.to_owned());
        self.updated_at = self.updated_at.max(now_ms);
        true
    }

    /// The worker marks the case closed: nothing is deleted; after the retention period
    /// Hear Me asks at unlock whether to delete the records. Returns whether it changed
    /// (a case already closed stays closed from its first closing).
    pub fn close_case(&mut self, now_ms: u64) -> bool {
        if self.closed.is_some() {
            return false;
        }
        self.closed = Some(CaseClosed {
            at_ms: now_ms,
            kept_at_ms: None,
        });
        self.note(ChildChange::CaseClosed, now_ms);
        true
    }

    /// The worker reopens a closed case: the retention question is not asked any more.
    pub fn reopen_case(&mut self, now_ms: u64) -> bool {
        if self.closed.take().is_none() {
            return false;
        }
        self.note(ChildChange::CaseReopened, now_ms);
        true
    }

    /// The worker answered the retention question with "Keep for now": asked again one
    /// period after this answer. Only a closed case can be kept.
    pub fn keep_for_now(&mut self, now_ms: u64) -> bool {
        let Some(closed) = self.closed.as_mut() else {
            return false;
        };
        closed.kept_at_ms = Some(now_ms);
        self.updated_at = self.updated_at.max(now_ms);
        true
    }

    fn note(&mut self, what: ChildChange, now_ms: u64) {
        self.history.push(ChildEvent {
            at_ms: now_ms,
            what,
        });
        self.updated_at = self.updated_at.max(now_ms);
    }
}

/// The visits of one child, newest first (by the conversation's date, then when made).
pub fn visits_of(sessions: &[Session], child: ChildId) -> Vec<&Session> {
    let mut visits: Vec<&Session> = sessions.iter().filter(|s| s.child_id() == child).collect();
    visits.sort_by(|a, b| (&b.date, b.created_at).cmp(&(&a.date, a.created_at)));
    visits
}

/// The records to make for the children `sessions` name and `known` does not hold: one per
/// child, from their newest visit. Sessions are only read, never rewritten, and two
/// children are never made one (two "Mia"s stay two children until the worker joins them).
pub fn missing_children(
    sessions: &[Session],
    known: &[ChildRecord],
    now_ms: u64,
) -> Vec<ChildRecord> {
    let mut newest: BTreeMap<ChildId, &Session> = BTreeMap::new();
    for session in sessions {
        let child = session.child_id();
        if known.iter().any(|record| record.id == child) {
            continue;
        }
        let newer = newest
            .get(&child)
            .is_none_or(|seen| (&session.date, session.created_at) > (&seen.date, seen.created_at));
        if newer {
            newest.insert(child, session);
        }
    }
    newest
        .into_values()
        .map(|session| ChildRecord::made_from_session(session, now_ms))
        .collect()
}

/// Joins `gone` into `kept`: every visit of `gone` in `sessions` moves under `kept`, and
/// `kept`'s history says whose visits came and how many. The caller removes `gone`'s record.
/// Returns the visits that moved (each to be saved). Joining a child with itself does
/// nothing.
pub fn join_children(
    kept: &mut ChildRecord,
    gone: &ChildRecord,
    sessions: &mut [Session],
    now_ms: u64,
) -> Vec<SessionId> {
    if kept.id == gone.id {
        return Vec::new();
    }
    let mut moved = Vec::new();
    for session in sessions.iter_mut().filter(|s| s.child_id() == gone.id) {
        session.set_child_id(kept.id, now_ms);
        moved.push(session.id);
    }
    kept.note(
        ChildChange::Joined {
            from: gone.id,
            alias: gone.alias.clone(),
            visits: moved.len(),
        },
        now_ms,
    );
    moved
}

/// Moves one visit from the child it belongs to (`from`) to another (`to`); both histories
/// say so. Returns false, changing nothing, when the visit is not `from`'s or the two are
/// the same child.
pub fn move_visit(
    visit: &mut Session,
    from: &mut ChildRecord,
    to: &mut ChildRecord,
    now_ms: u64,
) -> bool {
    if visit.child_id() != from.id || from.id == to.id {
        return false;
    }
    visit.set_child_id(to.id, now_ms);
    from.note(
        ChildChange::VisitMovedOut {
            session: visit.id,
            to: to.id,
        },
        now_ms,
    );
    to.note(
        ChildChange::VisitMovedIn {
            session: visit.id,
            from: from.id,
        },
        now_ms,
    );
    true
}

impl Session {
    /// A child's first visit, with a new record for the child: the worker's start form,
    /// which now makes a child.
    pub fn start_first_visit(
        form: &NewSession,
        child: ChildId,
        id: SessionId,
        language: Option<&str>,
        now_ms: u64,
    ) -> Result<(ChildRecord, Session), SessionError> {
        let mut visit = Session::start(form, id, now_ms)?;
        visit.set_child_id(child, now_ms);
        if let Some(code) = language {
            visit.set_child_language(code, now_ms);
        }
        let record = ChildRecord::first_met_at(&visit, now_ms);
        Ok((record, visit))
    }

    /// A new visit of `child`, building on their newest visit `last`: what belongs to the
    /// child rather than to one conversation carries over (the helper they chose, their own
    /// names for houses and helpers with who may see those names, their language, the
    /// people they named and the pictured ones that do not apply to them); the age comes
    /// from the year of birth, so the version of the tools follows the child's age. Nothing
    /// of the conversation itself (entries, decisions on entries, pace, the end) carries over.
    pub fn start_next_visit(
        child: &ChildRecord,
        last: Option<&Session>,
        worker: &str,
        date: &str,
        id: SessionId,
        now_ms: u64,
    ) -> Result<Session, SessionError> {
        let form = NewSession {
            child_name: child.alias.clone(),
            age: child
                .age_on(date)
                .map(|age| age.to_string())
                .unwrap_or_default(),
            worker_name: worker.to_owned(),
            date: date.to_owned(),
        };
        let mut visit = Session::start(&form, id, now_ms)?;
        visit.set_child_id(child.id, now_ms);
        let language = last
            .and_then(Session::child_language)
            .or(child.languages.first().map(String::as_str));
        if let Some(code) = language {
            visit.set_child_language(code, now_ms);
        }
        let Some(last) = last else {
            return Ok(visit);
        };
        if let Some(helper) = last.helper {
            visit.choose_helper(helper, now_ms);
        }
        for question in Question::ALL {
            for tool in Tool::ALL {
                let Some(name) = last.own_name(tool, question) else {
                    continue;
                };
                visit.rename(tool, question, name, now_ms);
                let decision = last
                    .questions
                    .answers(question)
                    .name_sharing
                    .get(&tool)
                    .and_then(|sharing| sharing.decision.clone());
                if decision.is_some() {
                    let mut sharing = Sharing::default();
                    sharing.decide(decision, now_ms);
                    visit
                        .questions
                        .answers_mut(question)
                        .name_sharing
                        .insert(tool, sharing);
                }
            }
        }
        for name in last.named_audiences() {
            visit.add_named_audience(name, now_ms);
        }
        for audience in Audience::PICTURED {
            if last.is_hidden(&audience) {
                visit.set_hidden(&audience, true, now_ms);
            }
        }
        Ok(visit)
    }
}

/// What the start screen shows of one child: enough to find them and to see what waits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildOverview {
    pub id: ChildId,
    pub alias: String,
    /// Today's age, from the year of birth.
    pub age: Option<u8>,
    pub visits: usize,
    /// The newest visit, and its day (`YYYY-MM-DD`).
    pub newest: Option<(SessionId, String)>,
    /// A visit of the child is not finished yet.
    pub unfinished: bool,
    /// How many things the child shared (or the worker passed on) at finished visits wait for
    /// the worker's words to the child about what was done with them.
    pub feedback_to_give: usize,
    /// When each visit last changed (for "a backup is due").
    pub changed_at: Vec<u64>,
}

/// Every child, the one seen most recently first (children without visits last, newest
/// record first).
pub fn overview(children: &[ChildRecord], sessions: &[Session], today: &str) -> Vec<ChildOverview> {
    let mut rows: Vec<ChildOverview> = children
        .iter()
        .map(|child| {
            let visits = visits_of(sessions, child.id);
            ChildOverview {
                id: child.id,
                alias: child.alias.clone(),
                age: child.age_on(today),
                visits: visits.len(),
                newest: visits.first().map(|s| (s.id, s.date.clone())),
                unfinished: visits.iter().any(|s| !s.is_finished()),
                feedback_to_give: visits.iter().map(|s| s.feedback_to_give().len()).sum(),
                changed_at: visits.iter().map(|s| s.updated_at).collect(),
            }
        })
        .collect();
    let created: BTreeMap<ChildId, u64> = children.iter().map(|c| (c.id, c.created_at)).collect();
    rows.sort_by(|a, b| {
        let last = |row: &ChildOverview| row.newest.as_ref().map(|(_, date)| date.clone());
        (last(b), created[&b.id]).cmp(&(last(a), created[&a.id]))
    });
    rows
}

/// Whether a child's alias matches what the worker typed in the search: any part of it,
/// whatever the case; an empty search matches everyone.
pub fn alias_matches(alias: &str, search: &str) -> bool {
    let search = search.trim().to_lowercase();
    search.is_empty() || alias.to_lowercase().contains(&search)
}

/// The children to ask about at unlock, the one seen longest ago first: each closed case
/// whose retention period has passed since its last visit (and since "Keep for now").
pub fn due_for_retention(
    children: &[ChildRecord],
    sessions: &[Session],
    period: RetentionPeriod,
    today: &str,
) -> Vec<ChildId> {
    let mut due: Vec<(Option<String>, ChildId)> = children
        .iter()
        .filter_map(|child| {
            let last = visits_of(sessions, child.id)
                .first()
                .map(|visit| visit.date.clone());
            ask_about(child, last.as_deref(), period, today).then_some((last, child.id))
        })
        .collect();
    due.sort();
    due.into_iter().map(|(_, id)| id).collect()
}

/// The visits a backup holds: every visit of the children the worker left checked (all by
/// default), none of a child left out.
pub fn visits_for_backup<'a>(
    sessions: &'a [Session],
    left_out: &std::collections::BTreeSet<ChildId>,
) -> Vec<&'a Session> {
    sessions
        .iter()
        .filter(|s| !left_out.contains(&s.child_id()))
        .collect()
}
