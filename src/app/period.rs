//! The figures of a review period, computed once here and read by every
//! screen, command and report: the status grid of QĐ 42/2014 (as amended by
//! QĐ 23/2018), in all and by area and by unit; the overdue occurrences; the
//! flags by severity; and each target's verdict.
//!
//! A period counts its rows (see `record.rs`): each task's occurrence
//! holding its cut-off and every earlier occurrence live in its window,
//! as they stood on its "as of" day. Cancelled work is left out of the
//! grid, and a parent whose sub-items are tasks is counted through them.

use std::collections::BTreeMap;

use super::App;
use super::board::TaskRow;
use super::risks::FlaggedTask;
use crate::domain::target::Verdict;
use crate::domain::{DeadlineClass, TaskKey};

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
    /// Không có thời hạn: standing duties (thường xuyên) and work the plan
    /// gives no date. Never also counted as done.
    pub no_deadline: usize,
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

    /// Done work: work with a deadline, done on time or late. Standing
    /// duties are never "done"; they have a column of their own.
    pub fn done(&self) -> usize {
        self.done_on_time + self.done_late
    }

    /// The share of the work with a deadline that is done, 0.0..=1.0: the
    /// completion rate, which standing duties would only dilute.
    pub fn completion(&self) -> f64 {
        match self.with_deadline() {
            0 => 0.0,
            dated => self.done() as f64 / dated as f64,
        }
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
    /// Every unit of the catalog, in its order (then any other lead).
    pub by_unit: Vec<(String, StatusGrid)>,
    /// Every occurrence not done and past its deadline, in plan order.
    pub overdue: Vec<TaskKey>,
    /// Flagged work, most severe first.
    pub risks: Vec<FlaggedTask>,
    /// Each target's verdict, in catalog order.
    pub targets: Vec<(String, Verdict)>,
}

impl App {
    /// The selected period's figures.
    pub fn period_figures(&self) -> PeriodFigures {
        self.figures_of(&self.board_rows())
    }

    /// The figures of `rows`, the occurrences the selected period reviews.
    pub(super) fn figures_of(&self, rows: &[TaskRow]) -> PeriodFigures {
        let mut all = StatusGrid::default();
        let mut by_area: BTreeMap<u8, StatusGrid> = BTreeMap::new();
        let mut by_lead: BTreeMap<&str, StatusGrid> = BTreeMap::new();
        for row in rows.iter().filter(|row| row.counted) {
            all.add(row.class);
            by_area.entry(row.area).or_default().add(row.class);
            by_lead.entry(&row.lead).or_default().add(row.class);
        }
        // Every unit of the catalog has its row, an empty one included.
        let mut by_unit: Vec<(String, StatusGrid)> = Vec::new();
        for unit in &self.plan().catalog().units {
            let grid = by_lead.remove(unit.code.as_str()).unwrap_or_default();
            by_unit.push((unit.code.clone(), grid));
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
        .filter(|row| row.counted && row.class.is_overdue())
        .map(|row| row.key.clone())
        .collect()
}
