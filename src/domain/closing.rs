//! A closed period (chốt số liệu): once its report is sent, the office
//! freezes what the period's record said, with who closed it and when, so
//! that the report printed again later says the same. Later corrections are
//! measured against it (see [`Adjustment`]).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::occurrence::TaskKey;
use super::report_text::{ReportSection, ReportText};
use super::status::DeadlineClass;
use super::target::TargetState;
use super::task::TaskState;

/// What a period's report said when the office closed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closing {
    pub at: DateTime<FixedOffset>,
    pub who: String,
    /// The day its figures are taken on: the period's cut-off.
    pub as_of: NaiveDate,
    /// The period's rows, in the order the board lists them.
    pub rows: Vec<TaskKey>,
    /// Part IV's work, in its order.
    pub next: Vec<TaskKey>,
    /// The state on `as_of` of every occurrence above.
    pub states: Vec<(TaskKey, TaskState)>,
    /// The lead unit on `as_of` of every task above.
    pub leads: Vec<(String, String)>,
    /// Each target's state on `as_of`.
    pub targets: Vec<(String, TargetState)>,
    /// The office's texts of the report.
    pub texts: Vec<(ReportSection, ReportText)>,
    /// "Lũy kế": done, of.
    pub since_start: (usize, usize),
    /// Standing duties with a result in the period.
    pub standing_with_results: usize,
}

/// A row of a closed period that a later edit would now count otherwise:
/// listed in the next period's report ("Điều chỉnh số liệu kỳ trước").
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    pub key: TaskKey,
    /// As the closed period counted it.
    pub closed: DeadlineClass,
    /// As the history now says it stood on the closed period's day.
    pub now: DeadlineClass,
}
