//! Edits a person makes, and the changes they produce. Applying an edit is pure:
//! it returns the new state and one [`Change`] per field that moved, which the
//! store writes to the append-only history together with the new state.
//! Undoing changes is in `revert`.

mod revert;
mod withdraw;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::InputError;
use super::occurrence::TaskKey;
use super::status::Status;
use super::target::{Baseline, Measurement, TargetState};
use super::task::{Evidence, Item, Note, TaskOverride, TaskState};

pub use revert::{Overtaken, revert_task_changes};

/// One thing a person changes on an occurrence of a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    Progress(u8),
    /// Progress raised (or lowered) by this many points from whatever it is
    /// when the edit is applied, within 0..=100: two people pressing `+` at
    /// once both count.
    ProgressStep(i8),
    Status(Status),
    Due(NaiveDate),
    Lead(String),
    Note(String),
    Evidence(Evidence),
    /// The day the work was done, when that was not today: with
    /// `Status(Done)`, or alone on work already done, to correct the day
    /// recorded. Refused when the work is not done once the other edits of
    /// the same set are applied.
    DoneOn(NaiveDate),
    /// The officer in charge of the task (all its occurrences); empty to
    /// clear it.
    Assignee(String),
    /// Takes back a note or a document typed wrongly: it leaves the views
    /// and stays in the history. A correction is this with a new note.
    Withdraw {
        item: Item,
        reason: String,
    },
}

/// What a history entry is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Task(TaskKey),
    Target(String),
    Catalog,
    Meeting(u32),
    /// One section of a period's report: `2027-Q1/uu-diem`.
    Report(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Status,
    Progress,
    CompletedOn,
    Due,
    Lead,
    Note,
    Evidence,
    Measurement,
    Title,
    Added,
    CatalogVersion,
    /// Flagged for (or taken off) the meeting's agenda.
    Agenda,
    /// A review meeting recorded.
    Meeting,
    /// A target's baseline, entered by the office with its source.
    Baseline,
    /// The office's text of a section of a period's report.
    ReportText,
    /// The officer in charge of a task.
    Assignee,
    /// A note or a document taken back; its text is the old value.
    Withdrawn,
    /// A task the office added, retired: the new value is the reason.
    Retired,
    /// The reform area of a task the office added.
    Area,
    /// The units working with the lead on a task the office added.
    Coordinators,
    /// The document that assigned a task the office added.
    Source,
    /// How often a task the office added comes round.
    Cadence,
    /// The task a task the office added is part of.
    Parent,
    /// A period closed (chốt số liệu) or opened again: a flag.
    Closed,
}

/// An old or new value in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    None,
    Status(Status),
    Progress(u8),
    Date(NaiveDate),
    Text(String),
    Evidence(Evidence),
    Measured { on: NaiveDate, value: f64 },
    Number(u32),
    Flag(bool),
    Baseline { value: f64, source: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub subject: Subject,
    pub field: Field,
    pub old: Value,
    pub new: Value,
}

/// Who edits, when, and what the plan says before any edit.
#[derive(Debug, Clone)]
pub struct EditContext {
    pub who: String,
    pub at: DateTime<FixedOffset>,
    pub today: NaiveDate,
    /// The plan's deadline for this occurrence.
    pub plan_due: Option<NaiveDate>,
    /// The plan's lead unit for this task.
    pub plan_lead: String,
}

/// The result of applying edits to one occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskEdit {
    pub state: TaskState,
    pub overrides: TaskOverride,
    pub changes: Vec<Change>,
}

/// Applies `edits` in a fixed order (progress, status, done-on, due, lead,
/// note, evidence) so that `--progress 50 --status done` ends done at 100%.
/// Marking work done records its completion date (the `DoneOn` given, else
/// today) and progress 100%; progress above zero on work not started marks it
/// in progress.
pub fn apply_task_edits(
    key: &TaskKey,
    state: &TaskState,
    overrides: &TaskOverride,
    edits: &[Edit],
    ctx: &EditContext,
) -> Result<TaskEdit, InputError> {
    // The day is known before the status is set, so that marking work done
    // on an earlier day records one change of its completion date, not two.
    let completed_on = edits
        .iter()
        .find_map(|e| match e {
            Edit::DoneOn(day) => Some(*day),
            _ => None,
        })
        .unwrap_or(ctx.today);
    let mut ordered: Vec<&Edit> = edits.iter().collect();
    ordered.sort_by_key(|e| edit_rank(e));
    let mut next = TaskEdit {
        state: state.clone(),
        overrides: overrides.clone(),
        changes: Vec::new(),
    };
    for edit in ordered {
        next.apply(key, edit, ctx, completed_on)?;
    }
    if !next.changes.is_empty() {
        next.state.updated_at = Some(ctx.at);
    }
    Ok(next)
}

fn edit_rank(edit: &Edit) -> u8 {
    match edit {
        Edit::Progress(_) | Edit::ProgressStep(_) => 0,
        Edit::Status(_) => 1,
        Edit::DoneOn(_) => 2,
        Edit::Due(_) => 3,
        Edit::Lead(_) => 4,
        Edit::Assignee(_) => 5,
        Edit::Note(_) => 6,
        Edit::Evidence(_) => 7,
        // After the new note of a correction, so both are one edit.
        Edit::Withdraw { .. } => 8,
    }
}

impl TaskEdit {
    fn record(&mut self, key: &TaskKey, field: Field, old: Value, new: Value) {
        if old != new {
            self.changes.push(Change {
                subject: Subject::Task(key.clone()),
                field,
                old,
                new,
            });
        }
    }

    fn apply(
        &mut self,
        key: &TaskKey,
        edit: &Edit,
        ctx: &EditContext,
        completed_on: NaiveDate,
    ) -> Result<(), InputError> {
        match edit {
            Edit::Progress(p) => self.set_progress(key, *p)?,
            Edit::ProgressStep(step) => {
                let stepped = (i16::from(self.state.progress) + i16::from(*step)).clamp(0, 100);
                self.set_progress(key, u8::try_from(stepped).unwrap_or(100))?
            }
            Edit::Status(s) => self.set_status(key, *s, completed_on),
            Edit::DoneOn(day) => self.set_completed_on(key, *day)?,
            Edit::Due(d) => {
                let old = self.state.due.or(ctx.plan_due);
                self.state.due = Some(*d);
                self.record(key, Field::Due, date_value(old), Value::Date(*d));
            }
            Edit::Lead(code) => {
                let old = self.overrides.lead.clone().unwrap_or(ctx.plan_lead.clone());
                self.overrides.lead = (*code != ctx.plan_lead).then(|| code.clone());
                self.record(
                    key,
                    Field::Lead,
                    Value::Text(old),
                    Value::Text(code.clone()),
                );
            }
            Edit::Note(text) => {
                self.state.notes.push(Note {
                    at: ctx.at,
                    who: ctx.who.clone(),
                    text: text.clone(),
                });
                self.record(key, Field::Note, Value::None, Value::Text(text.clone()));
            }
            Edit::Evidence(doc) => {
                self.state.evidence.push(doc.clone());
                self.record(
                    key,
                    Field::Evidence,
                    Value::None,
                    Value::Evidence(doc.clone()),
                );
            }
            Edit::Assignee(name) => self.set_assignee(key, name),
            Edit::Withdraw { item, reason } => self.withdraw(key, *item, reason, ctx)?,
        }
        Ok(())
    }

    fn set_progress(&mut self, key: &TaskKey, progress: u8) -> Result<(), InputError> {
        if progress > 100 {
            return Err(InputError::BadProgress(progress.to_string()));
        }
        let old = self.state.progress;
        self.state.progress = progress;
        self.record(
            key,
            Field::Progress,
            Value::Progress(old),
            Value::Progress(progress),
        );
        if progress > 0 && self.state.status == Status::NotStarted {
            self.state.status = Status::InProgress;
            self.record(
                key,
                Field::Status,
                Value::Status(Status::NotStarted),
                Value::Status(Status::InProgress),
            );
        }
        Ok(())
    }

    fn set_status(&mut self, key: &TaskKey, status: Status, done_on: NaiveDate) {
        let old = self.state.status;
        if old == status {
            return;
        }
        self.state.status = status;
        self.record(
            key,
            Field::Status,
            Value::Status(old),
            Value::Status(status),
        );
        let completed_on = (status == Status::Done).then_some(done_on);
        let old_completed = std::mem::replace(&mut self.state.completed_on, completed_on);
        self.record(
            key,
            Field::CompletedOn,
            date_value(old_completed),
            date_value(completed_on),
        );
        if status == Status::Done && self.state.progress != 100 {
            let old = std::mem::replace(&mut self.state.progress, 100);
            self.record(
                key,
                Field::Progress,
                Value::Progress(old),
                Value::Progress(100),
            );
        }
    }

    /// The day work already done (or marked done by this same set of edits)
    /// was done.
    fn set_completed_on(&mut self, key: &TaskKey, day: NaiveDate) -> Result<(), InputError> {
        if self.state.status != Status::Done {
            return Err(InputError::DoneOnNeedsDone);
        }
        let old = self.state.completed_on.replace(day);
        self.record(key, Field::CompletedOn, date_value(old), Value::Date(day));
        Ok(())
    }
}

fn date_value(date: Option<NaiveDate>) -> Value {
    date.map_or(Value::None, Value::Date)
}

/// Records a measured value of a target, returning the new state and its change.
pub fn measure_target(
    target_id: &str,
    state: &TargetState,
    measurement: Measurement,
) -> (TargetState, Change) {
    let old = state.latest().map_or(Value::None, |m| Value::Measured {
        on: m.on,
        value: m.value,
    });
    let new = Value::Measured {
        on: measurement.on,
        value: measurement.value,
    };
    let mut next = state.clone();
    next.measurements.push(measurement);
    let change = Change {
        subject: Subject::Target(target_id.to_string()),
        field: Field::Measurement,
        old,
        new,
    };
    (next, change)
}

/// Sets the baseline the office entered for a target, returning the new
/// state and its change.
pub fn set_baseline(
    target_id: &str,
    state: &TargetState,
    baseline: Baseline,
) -> (TargetState, Change) {
    let value_of = |b: &Baseline| Value::Baseline {
        value: b.value,
        source: b.source.clone(),
    };
    let change = Change {
        subject: Subject::Target(target_id.to_string()),
        field: Field::Baseline,
        old: state.baseline.as_ref().map_or(Value::None, value_of),
        new: value_of(&baseline),
    };
    let next = TargetState {
        baseline: Some(baseline),
        ..state.clone()
    };
    (next, change)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::{DeadlineClass, classify};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ctx() -> EditContext {
        EditContext {
            who: "thuy".into(),
            at: DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").unwrap(),
            today: d(2026, 11, 26),
            plan_due: Some(d(2027, 12, 31)),
            plan_lead: "VP".into(),
        }
    }

    fn apply(state: &TaskState, edits: &[Edit]) -> TaskEdit {
        let key = TaskKey::single("1.a");
        apply_task_edits(&key, state, &TaskOverride::default(), edits, &ctx()).unwrap()
    }

    fn fields(edit: &TaskEdit) -> Vec<Field> {
        edit.changes.iter().map(|c| c.field).collect()
    }

    #[test]
    fn done_records_completion_and_full_progress() {
        let edit = apply(&TaskState::default(), &[Edit::Status(Status::Done)]);
        assert_eq!(edit.state.completed_on, Some(d(2026, 11, 26)));
        assert_eq!(edit.state.progress, 100);
        assert_eq!(
            fields(&edit),
            [Field::Status, Field::CompletedOn, Field::Progress]
        );
    }

    /// Work finished on 30/09 but entered on 26/11 is done on 30/09: one
    /// change of the completion date, from none to that day.
    #[test]
    fn done_on_an_earlier_day_records_that_day() {
        let edit = apply(
            &TaskState::default(),
            &[Edit::DoneOn(d(2026, 9, 30)), Edit::Status(Status::Done)],
        );
        assert_eq!(edit.state.completed_on, Some(d(2026, 9, 30)));
        assert_eq!(
            fields(&edit),
            [Field::Status, Field::CompletedOn, Field::Progress]
        );
        assert_eq!(edit.changes[1].old, Value::None);
        assert_eq!(edit.changes[1].new, Value::Date(d(2026, 9, 30)));
    }

    /// On time or late is judged from the day the work was done, not the
    /// day it was entered.
    #[test]
    fn the_day_work_was_done_decides_on_time_or_late() {
        let due = Some(d(2026, 10, 31));
        let today = d(2026, 11, 26);
        let class = |day: NaiveDate| {
            let done = apply(
                &TaskState::default(),
                &[Edit::Status(Status::Done), Edit::DoneOn(day)],
            );
            classify(&done.state, due, today)
        };
        assert_eq!(class(d(2026, 10, 20)), DeadlineClass::DoneOnTime);
        assert_eq!(class(d(2026, 10, 31)), DeadlineClass::DoneOnTime);
        assert_eq!(class(d(2026, 11, 1)), DeadlineClass::DoneLate);
        let today_only = apply(&TaskState::default(), &[Edit::Status(Status::Done)]);
        assert_eq!(
            classify(&today_only.state, due, today),
            DeadlineClass::DoneLate
        );
    }

    #[test]
    fn the_day_of_work_already_done_can_be_corrected() {
        let done = apply(&TaskState::default(), &[Edit::Status(Status::Done)]).state;
        let corrected = apply(&done, &[Edit::DoneOn(d(2026, 10, 2))]);
        assert_eq!(fields(&corrected), [Field::CompletedOn]);
        assert_eq!(corrected.changes[0].old, Value::Date(d(2026, 11, 26)));
        assert_eq!(corrected.state.completed_on, Some(d(2026, 10, 2)));
    }

    #[test]
    fn a_completion_date_on_work_not_done_is_refused() {
        let key = TaskKey::single("1.a");
        let none = TaskOverride::default();
        let start = TaskState::default();
        let alone = apply_task_edits(&key, &start, &none, &[Edit::DoneOn(d(2026, 10, 2))], &ctx());
        assert_eq!(alone, Err(InputError::DoneOnNeedsDone));
        let done = apply(&start, &[Edit::Status(Status::Done)]).state;
        let reopened = [
            Edit::Status(Status::InProgress),
            Edit::DoneOn(d(2026, 10, 2)),
        ];
        let result = apply_task_edits(&key, &done, &none, &reopened, &ctx());
        assert_eq!(result, Err(InputError::DoneOnNeedsDone));
    }

    #[test]
    fn progress_starts_work_and_done_wins_over_progress() {
        let edit = apply(&TaskState::default(), &[Edit::Progress(30)]);
        assert_eq!(edit.state.status, Status::InProgress);
        let edit = apply(
            &TaskState::default(),
            &[Edit::Status(Status::Done), Edit::Progress(50)],
        );
        assert_eq!(
            (edit.state.status, edit.state.progress),
            (Status::Done, 100)
        );
    }

    #[test]
    fn reopening_clears_the_completion_date() {
        let done = apply(&TaskState::default(), &[Edit::Status(Status::Done)]).state;
        let reopened = apply(&done, &[Edit::Status(Status::InProgress)]);
        assert_eq!(reopened.state.completed_on, None);
        assert_eq!(reopened.changes[1].old, Value::Date(d(2026, 11, 26)));
    }

    #[test]
    fn no_change_records_nothing() {
        let edit = apply(&TaskState::default(), &[Edit::Status(Status::NotStarted)]);
        assert!(edit.changes.is_empty());
        assert_eq!(edit.state.updated_at, None);
    }

    #[test]
    fn moving_a_deadline_keeps_the_plan_date_as_old_value() {
        let edit = apply(&TaskState::default(), &[Edit::Due(d(2028, 3, 31))]);
        assert_eq!(edit.changes[0].old, Value::Date(d(2027, 12, 31)));
        assert_eq!(edit.state.due, Some(d(2028, 3, 31)));
    }

    #[test]
    fn progress_over_100_is_refused() {
        let key = TaskKey::single("1.a");
        let result = apply_task_edits(
            &key,
            &TaskState::default(),
            &TaskOverride::default(),
            &[Edit::Progress(140)],
            &ctx(),
        );
        assert_eq!(result, Err(InputError::BadProgress("140".into())));
    }

    #[test]
    fn lead_back_to_the_plan_clears_the_override() {
        let key = TaskKey::single("1.a");
        let moved = apply(&TaskState::default(), &[Edit::Lead("KT".into())]);
        assert_eq!(moved.overrides.lead.as_deref(), Some("KT"));
        let back = apply_task_edits(
            &key,
            &moved.state,
            &moved.overrides,
            &[Edit::Lead("VP".into())],
            &ctx(),
        )
        .unwrap();
        assert_eq!(back.overrides.lead, None);
        assert_eq!(back.changes[0].old, Value::Text("KT".into()));
    }
}
