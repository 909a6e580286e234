//! What a person asks to change, as data. An [`Operation`] is prepared into a
//! [`Commit`] by whichever process holds the store, against the state it holds:
//! this process when it opened the store itself, else the store's owner, which
//! received the operation over its socket (`crate::share`). Either way the
//! same checks run and the same records are written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::TaskView;
use super::{App, AppError};
use crate::domain::catalog::{self, CatalogError, Plan};
use crate::domain::edit::{
    Overtaken, apply_task_edits, measure_target, revert_task_changes, set_baseline,
};
use crate::domain::office::{DraftChanges, TaskDraft};
use crate::domain::period::Period;
use crate::domain::report_text::{ReportSection, ReportText, text_key};
use crate::domain::validate;
use crate::domain::{
    AgendaMark, Baseline, Catalog, Change, Edit, Field, HistoryEntry, InputError, Measurement,
    Meeting, Status, Subject, TaskKey, Value,
};
use crate::store::Commit;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Operation {
    /// Edits to one occurrence of a task, as seen by whoever asked.
    EditTask {
        key: TaskKey,
        edits: Vec<Edit>,
        reason: Option<String>,
        seen: Option<Seen>,
    },
    /// Edits to the task a person typed ("1.a.1", "0.3@2026"; units as
    /// typed), resolved by whoever holds the store: what a one-shot command
    /// sends an owner, so that it need not read the whole store first.
    EditTyped {
        typed: String,
        edits: Vec<Edit>,
        reason: Option<String>,
    },
    /// Undoes the changes of earlier history entries of one occurrence, named
    /// by their numbers: the entries themselves are the store's, never the
    /// asker's.
    Revert {
        key: TaskKey,
        seqs: Vec<u64>,
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
    /// The value of a target at the plan's start, which the plan does not
    /// give, entered by the office with where it comes from.
    SetBaseline {
        target: String,
        value: f64,
        source: String,
    },
    /// The office's text of one section of a period's report.
    SetReportText {
        period: Period,
        section: ReportSection,
        text: String,
    },
    /// Tasks the office adds; one described again as an office task in
    /// force already is left out, so importing a file twice adds nothing.
    AddTasks { drafts: Vec<TaskDraft> },
    /// A task the office added, changed (its id as typed).
    EditOfficeTask {
        typed: String,
        changes: DraftChanges,
    },
    /// A task the office added leaves the views, with its history kept.
    RetireTask { typed: String, reason: String },
    /// Freezes a period's figures (chốt số liệu) as its record says them.
    ClosePeriod { period: Period },
    /// Opens a closed period again, saying why.
    ReopenPeriod { period: Period, reason: String },
}

/// What the asker was shown of the fields an edit sets outright: the edit is
/// refused when one of them has changed since, instead of overwriting the
/// newer value unseen. (Steps, notes and evidence add to what is there and
/// need no such check.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    pub status: Status,
    pub progress: u8,
    pub due: Option<NaiveDate>,
    pub lead: String,
    pub completed_on: Option<NaiveDate>,
}

impl Seen {
    pub fn of(view: &TaskView<'_>) -> Seen {
        Seen {
            status: view.state.status,
            progress: view.state.progress,
            due: view.due,
            lead: view.lead.to_string(),
            completed_on: view.state.completed_on,
        }
    }

    /// The first field an edit sets outright whose value differs in `now`.
    fn overtaken(&self, now: &Seen, edits: &[Edit]) -> Option<Field> {
        edits.iter().find_map(|edit| match edit {
            Edit::Progress(_) if self.progress != now.progress => Some(Field::Progress),
            Edit::Status(_) if self.status != now.status => Some(Field::Status),
            Edit::Due(_) if self.due != now.due => Some(Field::Due),
            Edit::Lead(_) if self.lead != now.lead => Some(Field::Lead),
            Edit::DoneOn(_) if self.completed_on != now.completed_on => Some(Field::CompletedOn),
            _ => None,
        })
    }
}

impl App {
    /// The commit that carries out `op` on the state held here, with `who` as
    /// its author; an empty commit when nothing would change.
    /// Closing a period takes the period's record, so it borrows the
    /// application to look at that period for a moment.
    pub fn prepare(&mut self, op: &Operation, who: &str) -> Result<Commit, AppError> {
        match op {
            Operation::EditTask {
                key,
                edits,
                reason,
                seen,
            } => self.prepare_edit(key, edits, reason.as_deref(), seen.as_ref(), who),
            Operation::EditTyped {
                typed,
                edits,
                reason,
            } => {
                let key = self.resolve(typed)?;
                let edits = self.with_units_resolved(edits)?;
                self.prepare_edit(&key, &edits, reason.as_deref(), None, who)
            }
            Operation::Revert { key, seqs, reason } => self.prepare_revert(key, seqs, reason, who),
            Operation::SetAgenda { key, on } => self.prepare_agenda(key, *on, who),
            Operation::Measure {
                target,
                value,
                on,
                note,
            } => self.prepare_measure(target, *value, *on, note.as_deref(), who),
            Operation::SyncCatalog { bundled } => {
                check_catalog(bundled)?;
                Ok(self.prepare_sync(bundled, who))
            }
            Operation::RecordMeeting { date, title } => self.prepare_meeting(*date, title, who),
            Operation::SetBaseline {
                target,
                value,
                source,
            } => self.prepare_baseline(target, *value, source, who),
            Operation::SetReportText {
                period,
                section,
                text,
            } => self.prepare_report_text(*period, *section, text, who),
            Operation::AddTasks { drafts } => self.prepare_add_tasks(drafts, who),
            Operation::EditOfficeTask { typed, changes } => {
                self.prepare_edit_office_task(typed, changes, who)
            }
            Operation::RetireTask { typed, reason } => self.prepare_retire(typed, reason, who),
            Operation::ClosePeriod { period } => self.prepare_close(*period, who),
            Operation::ReopenPeriod { period, reason } => self.prepare_reopen(*period, reason, who),
        }
    }

    fn prepare_edit(
        &self,
        key: &TaskKey,
        edits: &[Edit],
        reason: Option<&str>,
        seen: Option<&Seen>,
        who: &str,
    ) -> Result<Commit, AppError> {
        let def = validate::check_key(&self.plan, key)?;
        let view = self.current_view_of(def, key.clone());
        let edits = edits
            .iter()
            .map(|e| validate::checked_edit(&self.plan, e, self.clock.today))
            .collect::<Result<Vec<_>, _>>()?;
        let reason = reason.map(validate::reason_text).transpose()?;
        validate::check_due_reason(&edits, reason.as_deref())?;
        if let Some(field) = seen.and_then(|s| s.overtaken(&Seen::of(&view), &edits)) {
            return Err(self.conflict(key, field, 0).into());
        }
        let ctx = self.edit_context(&view, who);
        let overrides = self.overrides.get(&key.task).cloned().unwrap_or_default();
        let result = apply_task_edits(key, &view.state, &overrides, &edits, &ctx)?;
        Ok(self.task_commit(key, result, reason.as_deref(), who))
    }

    fn prepare_revert(
        &self,
        key: &TaskKey,
        seqs: &[u64],
        reason: &str,
        who: &str,
    ) -> Result<Commit, AppError> {
        let def = validate::check_key(&self.plan, key)?;
        let view = self.current_view_of(def, key.clone());
        let reason = validate::reason_text(reason)?;
        let changes = self.undoable_changes(key, seqs)?;
        let ctx = self.edit_context(&view, who);
        let overrides = self.overrides.get(&key.task).cloned().unwrap_or_default();
        let after = seqs.iter().copied().max().unwrap_or(0);
        let result = revert_task_changes(key, &view.state, &overrides, &changes, &ctx, &reason)
            .map_err(|Overtaken(field)| self.conflict(key, field, after))?;
        Ok(self.task_commit(key, result, Some(&reason), who))
    }

    /// The target a person typed ("t04", " T04 ").
    fn resolve_target(&self, typed: &str) -> Result<&crate::domain::TargetDef, InputError> {
        self.plan
            .targets()
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(typed.trim()))
            .ok_or_else(|| InputError::UnknownTarget(typed.to_string()))
    }

    /// `edits` with each lead unit as typed ("vhxh", "Phòng VHXH") made the
    /// plan's code.
    fn with_units_resolved(&self, edits: &[Edit]) -> Result<Vec<Edit>, InputError> {
        edits
            .iter()
            .map(|edit| match edit {
                Edit::Lead(typed) => self
                    .plan
                    .unit_by_typed_code(typed)
                    .map(|unit| Edit::Lead(unit.code.clone()))
                    .ok_or_else(|| self.unknown_unit(typed)),
                other => Ok(other.clone()),
            })
            .collect()
    }

    /// The changes that history entries `seqs` made to `key`, from the store's
    /// own history: an entry of another task, or one not in it, is refused.
    fn undoable_changes(&self, key: &TaskKey, seqs: &[u64]) -> Result<Vec<Change>, AppError> {
        let history = self.load_history()?;
        seqs.iter()
            .map(|seq| {
                let entry = history
                    .binary_search_by_key(seq, |e| e.seq)
                    .ok()
                    .map(|i| &history[i])
                    .filter(|e| e.subject == Subject::Task(key.clone()))
                    .ok_or(InputError::NotUndoable(*seq))?;
                Ok(Change {
                    subject: entry.subject.clone(),
                    field: entry.field,
                    old: entry.old.clone(),
                    new: entry.new.clone(),
                })
            })
            .collect()
    }

    /// Who last changed `field` of `key` (after entry `after`), and when: what
    /// the person whose edit is refused is told.
    fn conflict(&self, key: &TaskKey, field: Field, after: u64) -> InputError {
        let subject = Subject::Task(key.clone());
        let latest = self.load_history().ok().and_then(|history| {
            history
                .iter()
                .rev()
                .take_while(|e| e.seq > after)
                .find(|e| e.subject == subject && e.field == field)
                .map(|e| (e.who.clone(), e.at))
        });
        let (who, at) = latest.unwrap_or_else(|| {
            let at = self.tasks.get(key).and_then(|s| s.updated_at);
            (String::from("?"), at.unwrap_or(self.clock.now))
        });
        InputError::Conflict {
            task: key.to_string(),
            who,
            at,
        }
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
        validate::check_key(&self.plan, key)?;
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
        let def = self.resolve_target(target_id)?;
        validate::check_measured_value(&self.plan, &def.id, value)?;
        if let Some(on) = on {
            validate::check_date(on)?;
        }
        let note = note.map(validate::note_text).transpose()?;
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

    fn prepare_baseline(
        &self,
        target_id: &str,
        value: f64,
        source: &str,
        who: &str,
    ) -> Result<Commit, AppError> {
        let def = self.resolve_target(target_id)?;
        validate::check_baseline_allowed(def)?;
        validate::check_measured_value(&self.plan, &def.id, value)?;
        let source = validate::source_text(source)?;
        let now = self.clock.now;
        let baseline = Baseline {
            value,
            source,
            at: now,
            who: who.to_string(),
        };
        let id = def.id.clone();
        let (state, change) = set_baseline(&id, &self.target_state(&id), baseline);
        Ok(Commit {
            targets: vec![(id, state)],
            history: vec![HistoryEntry::new(change, now, who, None)],
            ..Commit::default()
        })
    }

    fn prepare_report_text(
        &self,
        period: Period,
        section: ReportSection,
        text: &str,
        who: &str,
    ) -> Result<Commit, AppError> {
        if self.closing(period).is_some() {
            return Err(InputError::PeriodClosed(period.code()).into());
        }
        let text = validate::report_text(text)?;
        let key = text_key(&period.code(), section);
        let old = self.report_texts.get(&key);
        if old.is_some_and(|old| old.text == text) {
            return Ok(Commit::default());
        }
        let now = self.clock.now;
        let change = Change {
            subject: Subject::Report(key.clone()),
            field: Field::ReportText,
            old: old.map_or(Value::None, |o| Value::Text(o.text.clone())),
            new: Value::Text(text.clone()),
        };
        let record = ReportText {
            text,
            at: now,
            who: who.to_string(),
        };
        Ok(Commit {
            report_texts: vec![(key, record)],
            history: vec![HistoryEntry::new(change, now, who, None)],
            ..Commit::default()
        })
    }

    fn prepare_sync(&self, bundled: &Catalog, who: &str) -> Commit {
        let (merged, changes) = catalog::sync(&self.plan.stored_catalog(), bundled);
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
        validate::check_date(date)?;
        let title = validate::meeting_title(title)?;
        let now = self.clock.now;
        let id = match self.meetings.keys().max() {
            Some(last) => last
                .checked_add(1)
                .ok_or(InputError::BadNumber(last.to_string()))?,
            None => 1,
        };
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
        self.changes.record(touched_by(commit));
        self.office_tasks
            .extend(commit.office_tasks.iter().cloned());
        let in_force = || self.office_tasks.values().filter(|t| t.is_active());
        if let Some(catalog) = &commit.catalog {
            self.plan = Plan::with_office(catalog.clone(), in_force());
        } else if !commit.office_tasks.is_empty() {
            self.plan = Plan::with_office(self.plan.stored_catalog(), in_force());
        }
        self.tasks.extend(commit.tasks.iter().cloned());
        self.overrides.extend(commit.overrides.iter().cloned());
        self.targets.extend(commit.targets.iter().cloned());
        self.meetings.extend(commit.meetings.iter().cloned());
        self.report_texts
            .extend(commit.report_texts.iter().cloned());
        self.closings.extend(commit.closings.iter().cloned());
        for (key, mark) in &commit.agenda {
            match mark {
                Some(mark) => self.agenda.insert(key.clone(), mark.clone()),
                None => self.agenda.remove(key),
            };
        }
        self.remember(&commit.history);
        self.refresh_record();
    }
}

/// What a commit changes of what the board shows.
fn touched_by(commit: &Commit) -> super::changes::Touched {
    use super::changes::Touched;
    if commit.catalog.is_some() || !commit.office_tasks.is_empty() || !commit.closings.is_empty() {
        return Touched::Everything;
    }
    let tasks = commit.tasks.iter().map(|(key, _)| key.task.clone());
    let overridden = commit.overrides.iter().map(|(id, _)| id.clone());
    Touched::Tasks(tasks.chain(overridden).collect())
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
