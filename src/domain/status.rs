//! Status as typed (stored) and the deadline class computed from it, following
//! Vietnamese task-tracking practice (QĐ 42/2014, QĐ 23/2018): done on time,
//! done late, in progress within the deadline, overdue, continuous work.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::days_between;
use super::task::TaskState;

/// The status a person sets. Deadline classes are never typed: see [`classify`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
    Paused,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Paused,
        Status::Cancelled,
    ];

    /// The stable code used in TSV and JSON output and accepted as input.
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Paused => "paused",
            Status::Cancelled => "cancelled",
        }
    }
}

/// Where an occurrence stands against its deadline, as of a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "class", content = "days")]
pub enum DeadlineClass {
    /// Not done and past its deadline by this many days.
    Overdue(i64),
    NotStarted,
    InProgress,
    /// Continuous work in progress: it has no deadline.
    Ongoing,
    Paused,
    DoneLate,
    DoneOnTime,
    DoneNoDeadline,
    Cancelled,
}

impl DeadlineClass {
    pub fn code(self) -> &'static str {
        match self {
            DeadlineClass::Overdue(_) => "overdue",
            DeadlineClass::NotStarted => "not_started",
            DeadlineClass::InProgress => "in_progress",
            DeadlineClass::Ongoing => "ongoing",
            DeadlineClass::Paused => "paused",
            DeadlineClass::DoneLate => "done_late",
            DeadlineClass::DoneOnTime => "done_on_time",
            DeadlineClass::DoneNoDeadline => "done_no_deadline",
            DeadlineClass::Cancelled => "cancelled",
        }
    }

    pub fn is_done(self) -> bool {
        matches!(
            self,
            DeadlineClass::DoneLate | DeadlineClass::DoneOnTime | DeadlineClass::DoneNoDeadline
        )
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, DeadlineClass::Overdue(_))
    }
}

/// Classifies an occurrence due on `due` (none for continuous work) as of `today`.
/// Paused work still counts as overdue once its deadline has passed: pausing does
/// not move a deadline, only an extension does.
pub fn classify(state: &TaskState, due: Option<NaiveDate>, today: NaiveDate) -> DeadlineClass {
    match state.status {
        Status::Cancelled => return DeadlineClass::Cancelled,
        Status::Done => {
            return match (due, state.completed_on) {
                (None, _) => DeadlineClass::DoneNoDeadline,
                (Some(due), Some(done)) if done > due => DeadlineClass::DoneLate,
                _ => DeadlineClass::DoneOnTime,
            };
        }
        _ => {}
    }
    match due {
        Some(due) if today > due => DeadlineClass::Overdue(days_between(due, today)),
        _ => match state.status {
            Status::Paused => DeadlineClass::Paused,
            Status::NotStarted if due.is_some() => DeadlineClass::NotStarted,
            _ if due.is_none() => DeadlineClass::Ongoing,
            _ => DeadlineClass::InProgress,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn state(status: Status, completed_on: Option<NaiveDate>) -> TaskState {
        TaskState {
            status,
            completed_on,
            ..TaskState::default()
        }
    }

    #[test]
    fn due_day_itself_is_still_in_time() {
        let s = state(Status::InProgress, None);
        let due = Some(d(2027, 12, 31));
        assert_eq!(
            classify(&s, due, d(2027, 12, 31)),
            DeadlineClass::InProgress
        );
        assert_eq!(classify(&s, due, d(2028, 1, 1)), DeadlineClass::Overdue(1));
        assert_eq!(
            classify(&s, due, d(2028, 1, 15)),
            DeadlineClass::Overdue(15)
        );
    }

    #[test]
    fn done_is_on_time_or_late_by_completion_date() {
        let due = Some(d(2026, 12, 31));
        let on_time = state(Status::Done, Some(d(2026, 12, 31)));
        let late = state(Status::Done, Some(d(2027, 1, 2)));
        assert_eq!(
            classify(&on_time, due, d(2030, 1, 1)),
            DeadlineClass::DoneOnTime
        );
        assert_eq!(classify(&late, due, d(2030, 1, 1)), DeadlineClass::DoneLate);
        assert_eq!(
            classify(&late, None, d(2030, 1, 1)),
            DeadlineClass::DoneNoDeadline
        );
    }

    #[test]
    fn continuous_work_is_never_overdue() {
        let s = state(Status::InProgress, None);
        assert_eq!(classify(&s, None, d(2040, 1, 1)), DeadlineClass::Ongoing);
        let s = state(Status::NotStarted, None);
        assert_eq!(classify(&s, None, d(2040, 1, 1)), DeadlineClass::Ongoing);
    }

    #[test]
    fn paused_and_cancelled() {
        let due = Some(d(2026, 12, 31));
        assert_eq!(
            classify(&state(Status::Paused, None), due, d(2026, 6, 1)),
            DeadlineClass::Paused
        );
        assert_eq!(
            classify(&state(Status::Paused, None), due, d(2027, 1, 1)),
            DeadlineClass::Overdue(1)
        );
        assert_eq!(
            classify(&state(Status::Cancelled, None), due, d(2027, 6, 1)),
            DeadlineClass::Cancelled
        );
    }

    #[test]
    fn not_started_before_the_deadline() {
        let s = TaskState::default();
        assert_eq!(
            classify(&s, Some(d(2027, 1, 1)), d(2026, 6, 1)),
            DeadlineClass::NotStarted
        );
    }
}
