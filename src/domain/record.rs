//! A review period as a record (QĐ 42/2014 as a reviewer reads it): which
//! occurrences are a period's rows, and the state each was in on the day the
//! period's figures are taken, rebuilt from the history. A period covers the
//! data window [start, cutoff] and is taken as of min(today, cutoff).
//! Pure: the history entries are handed in.

use chrono::NaiveDate;

use super::edit::{Field, Value};
use super::history::HistoryEntry;
use super::status::Status;
use super::task::TaskState;

/// A period's data window and the day its figures are taken on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The first day of the period's data (15/12 for Quý I).
    pub start: NaiveDate,
    /// The data cut-off (14/3 for Quý I).
    pub cutoff: NaiveDate,
    /// The cut-off, or today while the period runs.
    pub as_of: NaiveDate,
}

/// Whether `entry` was recorded after the day `as_of`.
pub fn recorded_after(entry: &HistoryEntry, as_of: NaiveDate) -> bool {
    entry.at.date_naive() > as_of
}

/// The state of one occurrence on `as_of`, from its state now and its whole
/// history (`entries`, oldest first):
/// - a status, progress, deadline or completion day recorded after `as_of`
///   is taken back, and so are notes, documents and withdrawals added later;
/// - a completion counts by its day, not by the day it was entered: work
///   now recorded done on or before `as_of` was done then, and work done
///   after it was not yet;
/// - work cancelled on `as_of` stays cancelled, whatever came later.
pub fn state_as_of(current: &TaskState, entries: &[&HistoryEntry], as_of: NaiveDate) -> TaskState {
    let mut state = current.clone();
    let mut later_documents = 0;
    for entry in entries.iter().rev().filter(|e| recorded_after(e, as_of)) {
        match (entry.field, &entry.old) {
            (Field::Status, Value::Status(status)) => state.status = *status,
            (Field::Progress, Value::Progress(progress)) => state.progress = *progress,
            (Field::Due, old) => state.due = date_of(old),
            (Field::CompletedOn, old) => state.completed_on = date_of(old),
            (Field::Evidence, _) => later_documents += 1,
            _ => {}
        }
    }
    state.updated_at = entries
        .iter()
        .rev()
        .find(|e| !recorded_after(e, as_of))
        .map(|e| e.at);
    state.notes.retain(|note| note.at.date_naive() <= as_of);
    let documents = state.evidence.len().saturating_sub(later_documents);
    state.evidence.truncate(documents);
    state.withdrawn.retain(|w| w.at.date_naive() <= as_of);
    credit_completion(&mut state, current, as_of);
    state
}

/// Applies the rule that a completion counts by the day the work was done.
fn credit_completion(state: &mut TaskState, current: &TaskState, as_of: NaiveDate) {
    if state.status == Status::Cancelled {
        return;
    }
    let done_by = current
        .completed_on
        .filter(|day| current.status == Status::Done && *day <= as_of);
    if let Some(day) = done_by {
        state.status = Status::Done;
        state.completed_on = Some(day);
        state.progress = current.progress;
    } else if state.status == Status::Done {
        // Recorded done then, but the day was later corrected past `as_of`
        // or the completion taken back.
        state.status = if state.progress > 0 {
            Status::InProgress
        } else {
            Status::NotStarted
        };
        state.completed_on = None;
    }
}

/// Whether the deadline was ever moved past what was first set.
pub fn moved_from(first_due: Option<NaiveDate>, due: Option<NaiveDate>) -> Option<NaiveDate> {
    first_due.filter(|first| due.is_some_and(|due| due != *first))
}

/// What decides whether an occurrence is one of a period's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The occurrence whose window holds the period's cut-off; otherwise an
    /// earlier one.
    pub holds_cutoff: bool,
    /// Its deadline as first set, by the plan or by the office.
    pub first_due: Option<NaiveDate>,
    /// Its deadline on the as-of day.
    pub due: Option<NaiveDate>,
}

/// Whether an occurrence, in `state` on the as-of day, is one of the rows
/// of the period `span`:
/// - work done before the window opened belongs to an earlier period;
/// - the occurrence holding the cut-off is a row (cancelled or not: the
///   grid leaves cancelled work out of its total);
/// - an earlier occurrence is a row when its deadline, as first set or as
///   it stood on the as-of day, has come: done in the window (on time or
///   late), still open (overdue), or open within a deadline moved later;
///   cancelled earlier work is not.
pub fn is_row(candidate: Candidate, state: &TaskState, span: Span) -> bool {
    let done_before =
        state.status == Status::Done && state.completed_on.is_some_and(|day| day < span.start);
    if done_before {
        return false;
    }
    if candidate.holds_cutoff {
        return true;
    }
    state.status != Status::Cancelled
        && [candidate.first_due, candidate.due]
            .into_iter()
            .flatten()
            .any(|due| due <= span.as_of)
}

fn date_of(value: &Value) -> Option<NaiveDate> {
    match value {
        Value::Date(day) => Some(*day),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset};

    use super::*;
    use crate::domain::edit::Subject;
    use crate::domain::occurrence::TaskKey;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a day")
    }

    fn at(day: NaiveDate) -> DateTime<FixedOffset> {
        let offset = FixedOffset::east_opt(7 * 3600).expect("an offset");
        day.and_hms_opt(9, 0, 0)
            .and_then(|t| t.and_local_timezone(offset).single())
            .expect("an instant")
    }

    fn entry(day: NaiveDate, field: Field, old: Value, new: Value) -> HistoryEntry {
        HistoryEntry {
            seq: 0,
            at: at(day),
            who: "thuy".into(),
            subject: Subject::Task(TaskKey::single("1.a")),
            field,
            old,
            new,
            reason: None,
        }
    }

    fn done(on: NaiveDate) -> TaskState {
        TaskState {
            status: Status::Done,
            progress: 100,
            completed_on: Some(on),
            ..TaskState::default()
        }
    }

    const SPAN: Span = Span {
        start: NaiveDate::from_ymd_opt(2026, 12, 15).expect("a day"),
        cutoff: NaiveDate::from_ymd_opt(2027, 3, 14).expect("a day"),
        as_of: NaiveDate::from_ymd_opt(2027, 3, 14).expect("a day"),
    };

    #[test]
    fn work_done_after_the_cutoff_was_not_done_on_it() {
        let entries = [
            entry(
                d(2027, 2, 1),
                Field::Progress,
                Value::Progress(0),
                Value::Progress(40),
            ),
            entry(
                d(2027, 3, 20),
                Field::Status,
                Value::Status(Status::InProgress),
                Value::Status(Status::Done),
            ),
            entry(
                d(2027, 3, 20),
                Field::CompletedOn,
                Value::None,
                Value::Date(d(2027, 3, 20)),
            ),
            entry(
                d(2027, 3, 20),
                Field::Progress,
                Value::Progress(40),
                Value::Progress(100),
            ),
        ];
        let refs: Vec<&HistoryEntry> = entries.iter().collect();
        let then = state_as_of(&done(d(2027, 3, 20)), &refs, SPAN.as_of);
        assert_eq!(then.status, Status::InProgress);
        assert_eq!((then.progress, then.completed_on), (40, None));
        assert_eq!(then.updated_at, Some(at(d(2027, 2, 1))));
    }

    #[test]
    fn a_completion_entered_late_counts_by_its_day() {
        let entries = [
            entry(
                d(2027, 4, 2),
                Field::Status,
                Value::Status(Status::NotStarted),
                Value::Status(Status::Done),
            ),
            entry(
                d(2027, 4, 2),
                Field::CompletedOn,
                Value::None,
                Value::Date(d(2027, 3, 1)),
            ),
        ];
        let refs: Vec<&HistoryEntry> = entries.iter().collect();
        let then = state_as_of(&done(d(2027, 3, 1)), &refs, SPAN.as_of);
        assert_eq!(then.status, Status::Done);
        assert_eq!(then.completed_on, Some(d(2027, 3, 1)));
    }

    #[test]
    fn a_deadline_moved_later_and_a_cancellation_later_are_taken_back() {
        let entries = [
            entry(
                d(2027, 3, 20),
                Field::Due,
                Value::Date(d(2026, 12, 20)),
                Value::Date(d(2027, 4, 30)),
            ),
            entry(
                d(2027, 3, 21),
                Field::Status,
                Value::Status(Status::InProgress),
                Value::Status(Status::Cancelled),
            ),
        ];
        let refs: Vec<&HistoryEntry> = entries.iter().collect();
        let now = TaskState {
            status: Status::Cancelled,
            due: Some(d(2027, 4, 30)),
            ..TaskState::default()
        };
        let then = state_as_of(&now, &refs, SPAN.as_of);
        assert_eq!(then.status, Status::InProgress);
        assert_eq!(then.due, Some(d(2026, 12, 20)));
    }

    #[test]
    fn the_rows_of_a_period() {
        let current = Candidate {
            holds_cutoff: true,
            first_due: Some(d(2027, 3, 20)),
            due: Some(d(2027, 3, 20)),
        };
        let earlier = Candidate {
            holds_cutoff: false,
            first_due: Some(d(2026, 12, 20)),
            due: Some(d(2026, 12, 20)),
        };
        let open = TaskState::default();
        assert!(is_row(current, &open, SPAN));
        assert!(is_row(earlier, &open, SPAN), "overdue");
        assert!(is_row(earlier, &done(d(2026, 12, 18)), SPAN), "caught up");
        assert!(
            !is_row(earlier, &done(d(2026, 12, 10)), SPAN),
            "done before"
        );
        assert!(
            !is_row(current, &done(d(2026, 6, 1)), SPAN),
            "one-off, earlier"
        );
        let extended = Candidate {
            due: Some(d(2027, 4, 30)),
            ..earlier
        };
        assert!(is_row(extended, &open, SPAN), "moved, still a row");
        let later = Candidate {
            holds_cutoff: false,
            first_due: Some(d(2027, 6, 20)),
            due: Some(d(2027, 6, 20)),
        };
        assert!(!is_row(later, &open, SPAN));
        let cancelled = TaskState {
            status: Status::Cancelled,
            ..TaskState::default()
        };
        assert!(!is_row(earlier, &cancelled, SPAN));
        assert_eq!(
            moved_from(extended.first_due, extended.due),
            Some(d(2026, 12, 20))
        );
        assert_eq!(moved_from(earlier.first_due, earlier.due), None);
    }
}
