//! The figures of a review period, computed once here and read by every
//! screen, command and report: the status grid of QĐ 42/2014 (as amended by
//! QĐ 23/2018), in all and by area and by unit; the overdue occurrences; the
//! flags by severity; and each target's verdict.
//!
//! A period counts each task's occurrence it reviews and every earlier
//! occurrence still overdue; an earlier occurrence done is counted in the
//! period it was due in. Cancelled work is left out of the grid.

use std::collections::BTreeMap;

use super::App;
use super::board::TaskRow;
use super::risks::FlaggedTask;
use crate::domain::target::Verdict;
use crate::domain::{DeadlineClass, Occurrence, TaskDef, TaskKey};

/// The status grid of a period's report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusGrid {
    /// Tổng số: every occurrence counted, cancelled work left out.
    pub total: usize,
    /// Đã hoàn thành đúng hạn.
    pub done_on_time: usize,
    /// Đã hoàn thành quá hạn.
    pub done_late: usize,
    /// Chưa hoàn thành, trong hạn.
    pub open_in_time: usize,
    /// Chưa hoàn thành, quá hạn.
    pub open_overdue: usize,
    /// Không có thời hạn (continuous work, and work the plan gives no date).
    pub no_deadline: usize,
    /// Of those, the ones done.
    pub no_deadline_done: usize,
    /// Đã hủy: not in the total.
    pub cancelled: usize,
}

impl StatusGrid {
    pub fn add(&mut self, class: DeadlineClass) {
        self.change(class, 1);
    }

    pub fn remove(&mut self, class: DeadlineClass) {
        self.change(class, -1);
    }

    fn change(&mut self, class: DeadlineClass, by: isize) {
        let cell = match class {
            DeadlineClass::Cancelled => &mut self.cancelled,
            DeadlineClass::Overdue(_) => &mut self.open_overdue,
            DeadlineClass::DoneOnTime => &mut self.done_on_time,
            DeadlineClass::DoneLate => &mut self.done_late,
            DeadlineClass::Ongoing | DeadlineClass::DoneNoDeadline => &mut self.no_deadline,
            DeadlineClass::NotStarted | DeadlineClass::InProgress | DeadlineClass::Paused => {
                &mut self.open_in_time
            }
        };
        *cell = cell.saturating_add_signed(by);
        if class == DeadlineClass::DoneNoDeadline {
            self.no_deadline_done = self.no_deadline_done.saturating_add_signed(by);
        }
        if class != DeadlineClass::Cancelled {
            self.total = self.total.saturating_add_signed(by);
        }
    }

    /// The six counts of a report's grid, in its columns' order: total;
    /// done on time, done late; open in time, open overdue; no deadline.
    pub fn columns(&self) -> [usize; 6] {
        [
            self.total,
            self.done_on_time,
            self.done_late,
            self.open_in_time,
            self.open_overdue,
            self.no_deadline,
        ]
    }

    /// Done work, with a deadline or without.
    pub fn done(&self) -> usize {
        self.done_on_time + self.done_late + self.no_deadline_done
    }

    /// The work that has a deadline.
    pub fn with_deadline(&self) -> usize {
        self.total - self.no_deadline
    }

    /// Overdue as a share of all counted work and of the work with a
    /// deadline, in percent, as reports give it.
    pub fn overdue_shares(&self) -> (f64, f64) {
        let share = |of: usize| {
            if of == 0 {
                0.0
            } else {
                100.0 * self.open_overdue as f64 / of as f64
            }
        };
        (share(self.total), share(self.with_deadline()))
    }
}

/// Everything a period's review and report say in figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodFigures {
    pub all: StatusGrid,
    pub by_area: BTreeMap<u8, StatusGrid>,
    /// In the catalog's order of units.
    pub by_unit: Vec<(String, StatusGrid)>,
    /// Every occurrence not done and past its deadline, in plan order.
    pub overdue: Vec<TaskKey>,
    /// Flagged work, most severe first.
    pub risks: Vec<FlaggedTask>,
    /// Each target's verdict, in catalog order.
    pub targets: Vec<(String, Verdict)>,
}

impl App {
    /// The occurrences of `def` the selected period reviews: the one it
    /// holds, then each earlier one still overdue.
    pub fn reviewed_keys(&self, def: &TaskDef) -> Vec<TaskKey> {
        let current = self.current_key(def);
        // One-off work has no earlier occurrence: most of a large plan.
        if current.occurrence == Occurrence::Single {
            return vec![current];
        }
        let earlier: Vec<TaskKey> = self
            .occurrences(def)
            .into_iter()
            .filter(|o| *o < current.occurrence)
            .map(|occurrence| TaskKey {
                task: def.id.clone(),
                occurrence,
            })
            .filter(|key| self.figures(def, key).class.is_overdue())
            .collect();
        std::iter::once(current).chain(earlier).collect()
    }

    /// The selected period's figures.
    pub fn period_figures(&self) -> PeriodFigures {
        self.figures_of(&self.board_rows())
    }

    /// The figures of `rows`, the occurrences the selected period reviews.
    pub(super) fn figures_of(&self, rows: &[TaskRow]) -> PeriodFigures {
        let mut all = StatusGrid::default();
        let mut by_area: BTreeMap<u8, StatusGrid> = BTreeMap::new();
        let mut by_lead: BTreeMap<&str, StatusGrid> = BTreeMap::new();
        for row in rows {
            all.add(row.class);
            by_area.entry(row.area).or_default().add(row.class);
            by_lead.entry(&row.lead).or_default().add(row.class);
        }
        let mut by_unit: Vec<(String, StatusGrid)> = Vec::new();
        for unit in &self.plan().catalog().units {
            if let Some(grid) = by_lead.remove(unit.code.as_str()) {
                by_unit.push((unit.code.clone(), grid));
            }
        }
        by_unit.extend(
            by_lead
                .into_iter()
                .map(|(code, grid)| (code.to_string(), grid)),
        );
        PeriodFigures {
            all,
            by_area,
            by_unit,
            overdue: overdue_keys(rows),
            risks: self.task_risks(),
            targets: self
                .plan()
                .targets()
                .iter()
                .map(|t| (t.id.clone(), self.target_verdict(t)))
                .collect(),
        }
    }
}

fn overdue_keys(rows: &[TaskRow]) -> Vec<TaskKey> {
    rows.iter()
        .filter(|row| row.class.is_overdue())
        .map(|row| row.key.clone())
        .collect()
}
