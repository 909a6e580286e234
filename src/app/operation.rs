//! What a person asks to change, as data. An [`Operation`] is prepared into a
//! [`Commit`] by whichever process holds the store, against the state it holds:
//! this process when it opened the store itself, else the store's owner, which
//! received the operation over its socket (`crate::share`). Either way the
//! same checks run and the same records are written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{App, AppError};
use crate::domain::catalog::{self, CatalogError};
use crate::domain::edit::{apply_task_edits, measure_target, revert_task_changes};
use crate::domain::error::TextField;
use crate::domain::text::{MAX_NOTE_CHARS, validate_text};
use crate::domain::{
    AgendaMark, Catalog, Change, Edit, Field, HistoryEntry, InputError, Measurement, Meeting,
    Subject, TaskKey, Value,
};
use crate::store::Commit;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Operation {
    /// Edits to one occurrence of a task.
    EditTask {
        key: TaskKey,
        edits: Vec<Edit>,
        reason: Option<String>,
    },
    /// Undoes the changes of earlier history entries of one occurrence.
    Revert {
        key: TaskKey,
        entries: Vec<HistoryEntry>,
        reason: String,
    },
    /// Puts an occurrence on the meeting's agenda (`on`) or takes it off.
    SetAgenda { key: TaskKey, on: bool },
    /// A measured value of a target.
    Measure {
        target: String,
        value: f64,
        on: Option<NaiveDate>,
        note: Option<String>,
    },
    /// Brings the stored catalog up to the one bundled with the asking program.
    SyncCatalog { bundled: Catalog },
    /// Records a review meeting.
    RecordMeeting { date: NaiveDate, title: String },
}

impl App {
    /// The commit that carries out `op` on the state held here, with `who` as
    /// its author; an empty commit when nothing would change.
    pub fn prepare(&self, op: &Operation, who: &str) -> Result<Commit, AppError> {
        match op {
            Operation::EditTask { key, edits, reason } => {
                self.prepare_edit(key, edits, reason.as_deref(), who)
            }
            Operation::Revert {
                key,
                entries,
                reason,
            } => self.prepare_revert(key, entries, reason, who),
            Operation::SetAgenda { key, on } => self.prepare_agenda(key, *on, who),
            Operation::Measure {
                target,
                value,
                on,
                note,
            } => self.prepare_measure(target, *value, *on, note.as_deref(), who),
            Operation::SyncCatalog { bundled } => Ok(self.prepare_sync(bundled, who)),
            Operation::RecordMeeting { date, title } => self.prepare_meeting(*date, title, who),
        }
    }

    fn prepare_edit(
        &self,
        key: &TaskKey,
        edits: &[Edit],
        reason: Option<&str>,
        who: &str,
    ) -> Result<Commit, AppError> {
        let view = self
            .view(key)
            .ok_or_else(|| InputError::UnknownTask(key.to_string()))?;
        for edit in edits {
            self.check_edit(edit)?;
        }
        let reason = reason
            .map(|r| validate_text(r, TextField::Note, MAX_NOTE_CHARS, true))
            .transpose()?;
        let ctx = self.edit_context(&view, who);
        let overrides = self.overrides.get(&key.task).cloned().unwrap_or_default();
        let result = apply_task_edits(key, &view.state, &overrides, edits, &ctx)?;
        Ok(self.task_commit(key, result, reason.as_deref(), who))
    }

    fn prepare_revert(
        &self,
        key: &TaskKey,
        entries: &[HistoryEntry],
        reason: &str,
        who: &str,
    ) -> Result<Commit, AppError> {
        let view = self
            .view(key)
            .ok_or_else(|| InputError::UnknownTask(key.to_string()))?;
        let reason = validate_text(reason, TextField::Reason, MAX_NOTE_CHARS, true)?;
        let changes: Vec<Change> = entries
            .iter()
            .map(|e| Change {
                subject: e.subject.clone(),
                field: e.field,
                old: e.old.clone(),
                new: e.new.clone(),
            })
            .collect();
        let ctx = self.edit_context(&view, who);
        let overrides = self.overrides.get(&key.task).cloned().unwrap_or_default();
        let result = revert_task_changes(key, &view.state, &overrides, &changes, &ctx);
        Ok(self.task_commit(key, result, Some(&reason), who))
    }

    fn task_commit(
        &self,
        key: &TaskKey,
        result: crate::domain::edit::TaskEdit,
        reason: Option<&str>,
        who: &str,
    ) -> Commit {
        if result.changes.is_empty() {
            return Commit::default();
        }
        let now = self.clock.now;
        Commit {
            tasks: vec![(key.clone(), result.state)],
            overrides: vec![(key.task.clone(), result.overrides)],
            history: result
                .changes
                .into_iter()
                .map(|c| HistoryEntry::new(c, now, who, reason))
                .collect(),
            ..Commit::default()
        }
    }

    fn prepare_agenda(&self, key: &TaskKey, on: bool, who: &str) -> Result<Commit, AppError> {
        if self.plan.task(&key.task).is_none() {
            return Err(InputError::UnknownTask(key.to_string()).into());
        }
        if self.is_on_agenda(key) == on {
            return Ok(Commit::default());
        }
        let now = self.clock.now;
        let mark = on.then(|| AgendaMark {
            at: now,
            who: who.to_string(),
        });
        let change = Change {
            subject: Subject::Task(key.clone()),
            field: Field::Agenda,
            old: Value::Flag(!on),
            new: Value::Flag(on),
        };
        Ok(Commit {
            agenda: vec![(key.clone(), mark)],
            history: vec![HistoryEntry::new(change, now, who, None)],
            ..Commit::default()
        })
    }

    fn prepare_measure(
        &self,
        target_id: &str,
        value: f64,
        on: Option<NaiveDate>,
        note: Option<&str>,
        who: &str,
    ) -> Result<Commit, AppError> {
        let def = self
            .plan
            .target(target_id)
            .ok_or_else(|| InputError::UnknownTarget(target_id.to_string()))?;
        let accepted = if def.unit.starts_with('%') {
            0.0..=100.0
        } else {
            0.0..=1e9
        };
        if !value.is_finite() || !accepted.contains(&value) {
            return Err(InputError::BadNumber(value.to_string()).into());
        }
        let note = note
            .map(|n| validate_text(n, TextField::Note, MAX_NOTE_CHARS, true))
            .transpose()?;
        let now = self.clock.now;
        let measurement = Measurement {
            on: on.unwrap_or(self.clock.today),
            value,
            note: note.clone(),
            at: now,
            who: who.to_string(),
        };
        let id = def.id.clone();
        let (state, change) = measure_target(&id, &self.target_state(&id), measurement);
        Ok(Commit {
            targets: vec![(id, state)],
            history: vec![HistoryEntry::new(change, now, who, note.as_deref())],
            ..Commit::default()
        })
    }

    fn prepare_sync(&self, bundled: &Catalog, who: &str) -> Commit {
        let (merged, changes) = catalog::sync(self.plan.catalog(), bundled);
        if changes.is_empty() {
            return Commit::default();
        }
        let now = self.clock.now;
        Commit {
            catalog: Some(merged),
            history: changes
                .into_iter()
                .map(|c| HistoryEntry::new(c, now, who, None))
                .collect(),
            ..Commit::default()
        }
    }

    fn prepare_meeting(&self, date: NaiveDate, title: &str, who: &str) -> Result<Commit, AppError> {
        let title = validate_text(
            title,
            TextField::Note,
            crate::domain::text::MAX_SHORT_TEXT_CHARS,
            false,
        )?;
        let now = self.clock.now;
        let id = self.meetings.keys().max().map_or(1, |last| last + 1);
        let change = Change {
            subject: Subject::Meeting(id),
            field: Field::Meeting,
            old: Value::None,
            new: Value::Text(format!(
                "{} {}",
                crate::domain::date::format_date(date),
                title
            )),
        };
        let meeting = Meeting {
            date,
            title,
            at: now,
            who: who.to_string(),
        };
        Ok(Commit {
            meetings: vec![(id, meeting)],
            history: vec![HistoryEntry::new(change, now, who, None)],
            ..Commit::default()
        })
    }

    /// Takes in a commit this process or the owner wrote: the records it
    /// carries replace the ones held here, and its history is appended.
    pub fn absorb(&mut self, commit: &Commit) {
        if let Some(catalog) = &commit.catalog {
            self.plan = crate::domain::catalog::Plan::new(catalog.clone());
        }
        self.tasks.extend(commit.tasks.iter().cloned());
        self.overrides.extend(commit.overrides.iter().cloned());
        self.targets.extend(commit.targets.iter().cloned());
        self.meetings.extend(commit.meetings.iter().cloned());
        for (key, mark) in &commit.agenda {
            match mark {
                Some(mark) => self.agenda.insert(key.clone(), mark.clone()),
                None => self.agenda.remove(key),
            };
        }
        self.remember(&commit.history);
    }
}

/// A catalog that fails its own checks is refused before anything is written.
pub fn check_catalog(catalog: &Catalog) -> Result<(), CatalogError> {
    let problems = catalog.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CatalogError(problems))
    }
}
