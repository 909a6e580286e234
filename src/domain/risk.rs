//! The at-risk rules for a review period. Each flag carries a plain reason and
//! a severity, so a meeting reads "quá hạn 12 ngày" or "tiến độ 20%, theo kế
//! hoạch cần 70%", never a bare colour. Pure: the period, "as of" day and
//! thresholds are parameters.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::TargetDef;
use super::date::days_between;
use super::occurrence::Window;
use super::status::{DeadlineClass, Status};
use super::target::{TargetState, Verdict, verdict};
use super::task::TaskState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// Why a task is flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum TaskReason {
    /// Not done and past its deadline by this many days.
    Overdue {
        days: i64,
    },
    /// Open and due within the warning window.
    DueSoon {
        days_left: i64,
    },
    /// Due by the period's cut-off and not done.
    DueInPeriod {
        due: NaiveDate,
    },
    /// Progress below the straight line from start to deadline.
    Behind {
        progress: u8,
        expected: u8,
    },
    /// Nobody has updated it since the previous period's cut-off.
    NotUpdated {
        since: NaiveDate,
    },
    Paused,
    /// A sub-task is overdue.
    ChildOverdue {
        child: String,
    },
}

impl TaskReason {
    pub fn severity(&self) -> Severity {
        match self {
            TaskReason::Overdue { .. } => Severity::High,
            TaskReason::DueSoon { .. }
            | TaskReason::Behind { .. }
            | TaskReason::ChildOverdue { .. } => Severity::Medium,
            TaskReason::DueInPeriod { .. } | TaskReason::NotUpdated { .. } | TaskReason::Paused => {
                Severity::Low
            }
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            TaskReason::Overdue { .. } => "overdue",
            TaskReason::DueSoon { .. } => "due_soon",
            TaskReason::DueInPeriod { .. } => "due_in_period",
            TaskReason::Behind { .. } => "behind",
            TaskReason::NotUpdated { .. } => "not_updated",
            TaskReason::Paused => "paused",
            TaskReason::ChildOverdue { .. } => "child_overdue",
        }
    }
}

/// Why a target is flagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum TargetReason {
    /// The last measurement is off the straight path from the baseline (at the
    /// plan's start) to the goal (at the phase deadline).
    OffPath {
        value: f64,
        expected: f64,
        per_month: f64,
    },
    /// No measurement since the period began.
    NotMeasured,
}

impl TargetReason {
    pub fn severity(&self) -> Severity {
        match self {
            TargetReason::OffPath { .. } => Severity::Medium,
            TargetReason::NotMeasured => Severity::Low,
        }
    }
}

/// The thresholds, from the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RiskRules {
    /// Open work due within this many days is "due soon" (Org mode uses 14).
    pub due_soon_days: i64,
    /// Progress may lag the straight line by this many points before it is
    /// "behind schedule".
    pub behind_tolerance: u8,
}

impl Default for RiskRules {
    fn default() -> Self {
        RiskRules {
            due_soon_days: 14,
            behind_tolerance: 10,
        }
    }
}

/// The review the flags are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    /// The day the state is judged on: today, or the cut-off of a past period.
    pub as_of: NaiveDate,
    /// The data cut-off of the period under review.
    pub cutoff: NaiveDate,
    /// The first day of the period's data.
    pub start: NaiveDate,
    /// The cut-off of the period before: work untouched since is stale.
    pub previous_cutoff: NaiveDate,
}

/// One occurrence as the rules see it.
#[derive(Debug, Clone, Copy)]
pub struct TaskFacts<'a> {
    pub state: &'a TaskState,
    pub window: Window,
    /// The deadline in force (moved or the plan's).
    pub due: Option<NaiveDate>,
    pub class: DeadlineClass,
}

/// Every reason `facts` is at risk in `review`, most severe first. Done and
/// cancelled work is never flagged.
pub fn assess_task(facts: TaskFacts<'_>, review: &Review, rules: &RiskRules) -> Vec<TaskReason> {
    let state = facts.state;
    if matches!(state.status, Status::Done | Status::Cancelled) {
        return Vec::new();
    }
    let mut reasons = Vec::new();
    if let DeadlineClass::Overdue(days) = facts.class {
        reasons.push(TaskReason::Overdue { days });
    }
    if let Some(due) = facts.due.filter(|d| *d >= review.as_of) {
        let left = days_between(review.as_of, due);
        if left <= rules.due_soon_days {
            reasons.push(TaskReason::DueSoon { days_left: left });
        } else if due <= review.cutoff {
            reasons.push(TaskReason::DueInPeriod { due });
        }
    }
    if let Some(expected) = expected_progress(facts.window.start, facts.due, review.as_of)
        && u16::from(state.progress) + u16::from(rules.behind_tolerance) < u16::from(expected)
    {
        reasons.push(TaskReason::Behind {
            progress: state.progress,
            expected,
        });
    }
    let stale = state
        .updated_at
        .is_none_or(|at| at.date_naive() <= review.previous_cutoff);
    // A period looked at before it starts (its previous cut-off still to
    // come) asks for no update yet.
    let begun = review.previous_cutoff < review.as_of;
    if stale && begun && facts.window.start <= review.previous_cutoff {
        reasons.push(TaskReason::NotUpdated {
            since: review.previous_cutoff,
        });
    }
    if state.status == Status::Paused {
        reasons.push(TaskReason::Paused);
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.severity()));
    reasons
}

/// Progress the straight line from `start` (0%) to `due` (100%) expects on
/// `as_of`, in percent; `None` for work without a deadline or not yet begun.
pub fn expected_progress(start: NaiveDate, due: Option<NaiveDate>, as_of: NaiveDate) -> Option<u8> {
    let due = due?;
    if as_of < start {
        return None;
    }
    let span = days_between(start, due).max(1);
    let done = days_between(start, as_of).clamp(0, span);
    Some((100 * done / span) as u8)
}

/// Every reason a target is at risk in `review`, read from its one verdict.
pub fn assess_target(
    def: &TargetDef,
    state: &TargetState,
    plan_start: NaiveDate,
    review: &Review,
) -> Vec<TargetReason> {
    let mut reasons = Vec::new();
    let latest = state.latest_by(review.as_of);
    match verdict(def, state, plan_start, review.as_of) {
        Verdict::NoData => reasons.push(TargetReason::NotMeasured),
        Verdict::BehindPath {
            expected,
            per_month,
        } => reasons.push(TargetReason::OffPath {
            value: latest.map_or(0.0, |m| m.value),
            expected,
            per_month,
        }),
        Verdict::Met | Verdict::OnPath { .. } | Verdict::NotMet => {}
    }
    if latest.is_some_and(|m| m.on < review.start) {
        reasons.push(TargetReason::NotMeasured);
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::classify;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn review(as_of: NaiveDate) -> Review {
        Review {
            as_of,
            cutoff: d(2026, 12, 14),
            start: d(2025, 12, 15),
            previous_cutoff: d(2026, 9, 14),
        }
    }

    fn assess(state: &TaskState, due: Option<NaiveDate>, as_of: NaiveDate) -> Vec<TaskReason> {
        let facts = TaskFacts {
            state,
            window: Window {
                start: d(2026, 4, 15),
                due,
            },
            due,
            class: classify(state, due, as_of),
        };
        assess_task(facts, &review(as_of), &RiskRules::default())
    }

    fn fresh(progress: u8) -> TaskState {
        TaskState {
            status: Status::InProgress,
            progress,
            updated_at: Some(
                chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00+07:00").unwrap(),
            ),
            ..TaskState::default()
        }
    }

    #[test]
    fn due_on_the_cut_off_day_and_the_day_after() {
        let state = fresh(95);
        let on_cutoff = assess(&state, Some(d(2026, 12, 14)), d(2026, 12, 14));
        assert_eq!(on_cutoff, [TaskReason::DueSoon { days_left: 0 }]);
        let after = assess(&state, Some(d(2026, 12, 14)), d(2026, 12, 15));
        assert_eq!(after[0], TaskReason::Overdue { days: 1 });
    }

    #[test]
    fn due_in_the_period_beyond_the_warning_window() {
        let state = fresh(80);
        let reasons = assess(&state, Some(d(2026, 12, 10)), d(2026, 11, 1));
        assert_eq!(
            reasons,
            [TaskReason::DueInPeriod {
                due: d(2026, 12, 10)
            }]
        );
    }

    #[test]
    fn behind_the_straight_line_with_tolerance() {
        // From 15/04/2026 to 31/12/2026 is 260 days; on 26/11/2026 (225 days)
        // the line expects 86%.
        let due = Some(d(2026, 12, 31));
        let behind = assess(&fresh(20), due, d(2026, 11, 26));
        assert!(behind.contains(&TaskReason::Behind {
            progress: 20,
            expected: 86
        }));
        let within = assess(&fresh(76), due, d(2026, 11, 26));
        assert!(
            !within
                .iter()
                .any(|r| matches!(r, TaskReason::Behind { .. }))
        );
    }

    #[test]
    fn leap_day_deadlines() {
        let state = fresh(99);
        let due = Some(d(2028, 2, 29));
        assert_eq!(
            assess(&state, due, d(2028, 2, 29))[0],
            TaskReason::DueSoon { days_left: 0 }
        );
        assert_eq!(
            assess(&state, due, d(2028, 3, 1))[0],
            TaskReason::Overdue { days: 1 }
        );
    }

    #[test]
    fn stale_and_paused_work() {
        let untouched = TaskState::default();
        let reasons = assess(&untouched, None, d(2026, 11, 26));
        assert_eq!(
            reasons,
            [TaskReason::NotUpdated {
                since: d(2026, 9, 14)
            }]
        );
        let paused = TaskState {
            status: Status::Paused,
            ..fresh(10)
        };
        assert!(assess(&paused, None, d(2026, 11, 26)).contains(&TaskReason::Paused));
        // Looked at on 10/09, before the previous cut-off (14/09) has come.
        assert_eq!(assess(&untouched, None, d(2026, 9, 10)), []);
    }

    #[test]
    fn a_period_with_nothing_due_flags_nothing() {
        // Updated this period, due years after the cut-off, on schedule.
        let state = fresh(5);
        assert!(assess(&state, Some(d(2030, 12, 31)), d(2026, 11, 26)).is_empty());
        // Continuous work, updated this period: no deadline, nothing to flag.
        assert!(assess(&fresh(0), None, d(2026, 11, 26)).is_empty());
    }

    #[test]
    fn done_work_is_never_flagged() {
        let done = TaskState {
            status: Status::Done,
            completed_on: Some(d(2027, 1, 5)),
            ..TaskState::default()
        };
        assert!(assess(&done, Some(d(2026, 12, 31)), d(2027, 2, 1)).is_empty());
    }

    #[test]
    fn most_severe_first() {
        let reasons = assess(&TaskState::default(), Some(d(2026, 10, 1)), d(2026, 11, 26));
        assert_eq!(reasons[0].severity(), Severity::High);
        assert!(
            reasons
                .windows(2)
                .all(|w| w[0].severity() >= w[1].severity())
        );
    }

    fn target(value: f64) -> TargetDef {
        TargetDef {
            id: "T05".into(),
            area: 6,
            plan_ref: "I.2".into(),
            title: "t".into(),
            short: "t".into(),
            lead: "VHXH".into(),
            value,
            unit: "%".into(),
            direction: crate::domain::Direction::AtLeast,
            qualitative: false,
            baseline: Some(0.0),
            baseline_source: None,
            due: Some(d(2027, 12, 31)),
            due_source: None,
        }
    }

    fn measured(value: f64, on: NaiveDate) -> TargetState {
        TargetState {
            measurements: vec![crate::domain::Measurement {
                on,
                value,
                note: None,
                at: chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00+07:00").unwrap(),
                who: "t".into(),
            }],
            baseline: None,
        }
    }

    #[test]
    fn a_target_exactly_on_its_path_is_not_flagged() {
        let def = target(100.0);
        let start = d(2026, 4, 15);
        let as_of = d(2026, 11, 26);
        let on_path =
            100.0 * days_between(start, as_of) as f64 / days_between(start, d(2027, 12, 31)) as f64;
        let reasons = assess_target(&def, &measured(on_path, as_of), start, &review(as_of));
        assert!(reasons.is_empty(), "{reasons:?}");
        let below = assess_target(&def, &measured(on_path - 1.0, as_of), start, &review(as_of));
        assert!(matches!(below[0], TargetReason::OffPath { .. }));
    }

    #[test]
    fn a_target_without_a_measurement_in_the_period() {
        let def = target(95.0);
        let start = d(2026, 4, 15);
        assert_eq!(
            assess_target(
                &def,
                &TargetState::default(),
                start,
                &review(d(2026, 11, 26))
            ),
            [TargetReason::NotMeasured]
        );
        let old = measured(95.0, d(2025, 6, 1));
        assert!(
            assess_target(&def, &old, start, &review(d(2026, 11, 26)))
                .contains(&TargetReason::NotMeasured)
        );
    }
}
