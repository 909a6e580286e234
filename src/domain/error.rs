//! Why an input was refused. Carries data only; `i18n` turns it into words.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A value the user typed that cannot be accepted. Nothing is written when one occurs.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum InputError {
    #[error("unknown task {0}")]
    UnknownTask(String),
    #[error("unknown target {0}")]
    UnknownTarget(String),
    #[error("unknown unit {typed}")]
    UnknownUnit { typed: String, known: Vec<String> },
    #[error("unknown area {0}")]
    UnknownArea(String),
    #[error("task {task} has no occurrence {occurrence}")]
    UnknownOccurrence { task: String, occurrence: String },
    #[error("bad date {0}")]
    BadDate(String),
    #[error("bad progress {0}")]
    BadProgress(String),
    #[error("bad status {0}")]
    BadStatus(String),
    #[error("bad number {0}")]
    BadNumber(String),
    #[error("bad period {0}")]
    BadPeriod(String),
    /// The period's figures are closed (chốt): reopen it to change them.
    #[error("period {0} is closed")]
    PeriodClosed(String),
    /// Closing a period before its data cut-off.
    #[error("period {period} runs until {cutoff}")]
    PeriodNotOver {
        period: String,
        cutoff: chrono::NaiveDate,
    },
    /// Reopening a period that is not closed.
    #[error("period {0} is not closed")]
    PeriodNotClosed(String),
    #[error("text too long in {field:?}: {chars} > {max}")]
    TextTooLong {
        field: TextField,
        chars: usize,
        max: usize,
    },
    #[error("control characters in {0:?}")]
    ControlCharacters(TextField),
    #[error("empty {0:?}")]
    EmptyText(TextField),
    #[error("deadline {date} outside the plan's years {first_year}-{last_year}")]
    DueOutsidePlan {
        date: chrono::NaiveDate,
        first_year: i32,
        last_year: i32,
    },
    /// Someone else changed what this edit would overwrite since it was shown.
    #[error("{task}: changed by {who} at {at} since it was shown")]
    Conflict {
        task: String,
        who: String,
        at: chrono::DateTime<chrono::FixedOffset>,
    },
    /// An undo asked of a history entry that is not this task's change.
    #[error("no change #{0} to undo")]
    NotUndoable(u64),
    /// A record of an imported file appears twice.
    #[error("{0} appears twice")]
    DuplicateRecord(String),
    /// A record of an imported file that an edit could not have made.
    #[error("{record}: {problem}")]
    BadRecord {
        record: String,
        problem: Box<InputError>,
    },
    #[error("nothing to change")]
    NothingToChange,
    #[error("read-only")]
    ReadOnly,
    /// A deadline is moved only with the reason why.
    #[error("a deadline moves only with a reason")]
    DueNeedsReason,
    /// The day work was done lies outside the plan's start to today.
    #[error("completion date {date} not within {first}..={today}")]
    DoneOnOutside {
        date: chrono::NaiveDate,
        first: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
    /// A completion date given for work that is not done.
    #[error("a completion date needs the work done")]
    DoneOnNeedsDone,
    /// A baseline for a qualitative aim, which has no path to start.
    #[error("target {0} is qualitative and takes no baseline")]
    BaselineOfQualitative(String),
    /// A section of the period report that does not exist.
    #[error("unknown report section {0}")]
    BadSection(String),
    /// A baseline for a target whose baseline the plan itself gives.
    #[error("the plan gives target {0} its baseline")]
    BaselineFromPlan(String),
    /// A note or document number that the occurrence does not have, or that
    /// was taken back already.
    #[error("no such note or document")]
    NoSuchItem,
    /// `task edit` or `task retire` of a task of the plan, whose text is the
    /// plan's.
    #[error("task {0} is the plan's own")]
    PlanTaskKept(String),
    /// A task the office added and retired.
    #[error("task {0} is retired")]
    RetiredTask(String),
    /// A parent that is not a task, or would make a loop.
    #[error("bad parent {0}")]
    BadParent(String),
}

/// Which free-text field a text error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextField {
    Note,
    DocumentNumber,
    DocumentSummary,
    Link,
    Search,
    Reason,
    MeetingTitle,
    /// Who made a change, as stored ("account@address").
    Author,
    /// Where a baseline figure comes from.
    Source,
    /// The office's text of a section of a period's report.
    ReportText,
    /// The title of a task the office adds.
    TaskTitle,
    /// The officer in charge of a task.
    Assignee,
}
