//! The board: the rows the TUI shows, built from the plan for a grouping,
//! filters and folded groups. Groups carry their counts; parents sit above
//! their sub-tasks and carry the roll-up of their children.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::App;
use super::filter::{Facts, TaskFilter};
use crate::domain::risk::{Review, TaskReason};
use crate::domain::{DeadlineClass, Status, TaskKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Area,
    Unit,
    Status,
    DueMonth,
}

impl Grouping {
    pub fn next(self) -> Grouping {
        match self {
            Grouping::Area => Grouping::Unit,
            Grouping::Unit => Grouping::Status,
            Grouping::Status => Grouping::DueMonth,
            Grouping::DueMonth => Grouping::Area,
        }
    }
}

/// What a group gathers. Ordered as the board lists groups.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKey {
    Area(u8),
    /// Position of the unit in the catalog, and its code.
    Unit(usize, String),
    State(StateBucket),
    /// (year, month); `None` for work without a deadline, listed last.
    Month(Option<(i32, u32)>),
}

/// Deadline classes gathered for grouping, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StateBucket {
    Overdue,
    NotStarted,
    InProgress,
    Ongoing,
    Paused,
    DoneLate,
    DoneOnTime,
    Cancelled,
}

impl StateBucket {
    pub fn of(class: DeadlineClass) -> StateBucket {
        match class {
            DeadlineClass::Overdue(_) => StateBucket::Overdue,
            DeadlineClass::NotStarted => StateBucket::NotStarted,
            DeadlineClass::InProgress => StateBucket::InProgress,
            DeadlineClass::Ongoing => StateBucket::Ongoing,
            DeadlineClass::Paused => StateBucket::Paused,
            DeadlineClass::DoneLate => StateBucket::DoneLate,
            DeadlineClass::DoneOnTime | DeadlineClass::DoneNoDeadline => StateBucket::DoneOnTime,
            DeadlineClass::Cancelled => StateBucket::Cancelled,
        }
    }
}

/// Counts shown on a group header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub overdue: usize,
    pub cancelled: usize,
}

impl Counts {
    pub(super) fn add(&mut self, row: &TaskRow) {
        self.total += 1;
        if let Some(count) = self.count_of(row) {
            *count += 1;
        }
    }

    /// Takes out what [`Counts::add`] put in for `row`.
    pub(super) fn remove(&mut self, row: &TaskRow) {
        self.total = self.total.saturating_sub(1);
        if let Some(count) = self.count_of(row) {
            *count = count.saturating_sub(1);
        }
    }

    /// The one count beside the total that `row` adds to, if any.
    fn count_of(&mut self, row: &TaskRow) -> Option<&mut usize> {
        match row.class {
            _ if row.has_overdue() => Some(&mut self.overdue),
            DeadlineClass::Cancelled => Some(&mut self.cancelled),
            c if c.is_done() => Some(&mut self.done),
            _ if row.status == Status::InProgress => Some(&mut self.in_progress),
            _ => None,
        }
    }

    /// Share of the work that counts (not cancelled) that is done, 0.0..=1.0.
    pub fn completion(&self) -> f64 {
        let counted = self.total - self.cancelled;
        if counted == 0 {
            0.0
        } else {
            self.done as f64 / counted as f64
        }
    }
}

/// Something that can be folded: a group, or a parent task.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Fold {
    Group(GroupKey),
    Task(String),
}

/// A task row's figures, computed once per rebuild.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRow {
    pub key: TaskKey,
    pub area: u8,
    pub depth: u8,
    pub status: Status,
    pub class: DeadlineClass,
    pub progress: u8,
    pub due: Option<NaiveDate>,
    pub lead: String,
    /// For a parent: how many sub-tasks, their mean progress, how many overdue.
    pub rollup: Option<Rollup>,
    /// The most severe reason it is at risk in the period, if any.
    pub reason: Option<TaskReason>,
    pub folded: bool,
}

impl TaskRow {
    /// What a [`TaskFilter`] looks at.
    pub fn facts(&self) -> Facts<'_> {
        Facts {
            area: self.area,
            lead: &self.lead,
            status: self.status,
            due: self.due,
            overdue: self.has_overdue(),
        }
    }

    /// Overdue itself, or an earlier occurrence of it is.
    pub fn has_overdue(&self) -> bool {
        self.class.is_overdue() || matches!(self.reason, Some(TaskReason::EarlierOverdue { .. }))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rollup {
    pub children: usize,
    pub progress: u8,
    pub overdue: usize,
}

impl Rollup {
    /// The roll-up of a parent's direct sub-tasks; `None` without any.
    pub(super) fn of(kids: &[&TaskRow]) -> Option<Rollup> {
        if kids.is_empty() {
            return None;
        }
        let sum: usize = kids.iter().map(|k| usize::from(k.progress)).sum();
        Some(Rollup {
            children: kids.len(),
            progress: (sum / kids.len()) as u8,
            overdue: kids.iter().filter(|k| k.class.is_overdue()).count(),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Group {
        key: GroupKey,
        counts: Counts,
        folded: bool,
    },
    Task(TaskRow),
}

impl Row {
    pub fn fold_key(&self) -> Option<Fold> {
        match self {
            Row::Group { key, .. } => Some(Fold::Group(key.clone())),
            Row::Task(t) if t.rollup.is_some() => Some(Fold::Task(t.key.task.clone())),
            Row::Task(_) => None,
        }
    }

    pub fn task(&self) -> Option<&TaskRow> {
        match self {
            Row::Task(t) => Some(t),
            Row::Group { .. } => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Board {
    pub rows: Vec<Row>,
    pub summary: Summary,
}

/// The plan's figures as of today: all tasks, whatever the filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub tasks: usize,
    pub with_deadline: usize,
    pub done: usize,
    pub overdue: usize,
}

impl Summary {
    fn of(rows: &[TaskRow]) -> Summary {
        let mut summary = Summary::default();
        for row in rows {
            summary.add(row);
        }
        summary
    }

    pub(super) fn add(&mut self, row: &TaskRow) {
        self.tasks += 1;
        self.with_deadline += usize::from(row.due.is_some());
        self.done += usize::from(row.class.is_done());
        self.overdue += usize::from(row.has_overdue());
    }

    /// Takes out what [`Summary::add`] put in for `row`.
    pub(super) fn remove(&mut self, row: &TaskRow) {
        let less = |n: &mut usize, by: bool| *n = n.saturating_sub(usize::from(by));
        less(&mut self.tasks, true);
        less(&mut self.with_deadline, row.due.is_some());
        less(&mut self.done, row.class.is_done());
        less(&mut self.overdue, row.has_overdue());
    }

    /// Overdue as a share of all tasks and of tasks with a deadline, in percent.
    pub fn overdue_shares(&self) -> (f64, f64) {
        let share = |of: usize| {
            if of == 0 {
                0.0
            } else {
                100.0 * self.overdue as f64 / of as f64
            }
        };
        (share(self.tasks), share(self.with_deadline))
    }
}

impl App {
    /// The board's rows: groups in order, each with its tasks as a tree; and
    /// the figures of the whole plan for the status line.
    pub fn board(&self, grouping: Grouping, filter: &TaskFilter, folded: &HashSet<Fold>) -> Board {
        let all = self.board_tasks();
        let rollups = self.rollups(&all);
        let summary = Summary::of(&all);
        let unit_order: HashMap<&str, usize> = self
            .plan()
            .catalog()
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code.as_str(), i))
            .collect();
        let mut groups: BTreeMap<GroupKey, Vec<TaskRow>> = BTreeMap::new();
        let search = filter.search();
        for row in all {
            let taken = self
                .plan()
                .task(&row.key.task)
                .is_some_and(|def| search.takes(self, filter, def));
            if !taken || !filter.keeps(row.facts()) {
                continue;
            }
            let key = match grouping {
                Grouping::Area => GroupKey::Area(row.area),
                Grouping::Unit => GroupKey::Unit(
                    unit_order
                        .get(row.lead.as_str())
                        .copied()
                        .unwrap_or(usize::MAX),
                    row.lead.clone(),
                ),
                Grouping::Status => GroupKey::State(StateBucket::of(row.class)),
                Grouping::DueMonth => GroupKey::Month(row.due.map(|d| (d.year(), d.month()))),
            };
            groups.entry(key).or_default().push(row);
        }
        let mut rows = Vec::new();
        for (key, tasks) in groups {
            let mut counts = Counts::default();
            for t in &tasks {
                counts.add(t);
            }
            let group_folded = folded.contains(&Fold::Group(key.clone()));
            rows.push(Row::Group {
                key,
                counts,
                folded: group_folded,
            });
            if !group_folded {
                self.push_tree(&mut rows, tasks, &rollups, folded);
            }
        }
        Board { rows, summary }
    }

    /// Every task's occurrence of today with its figures, in plan order.
    fn board_tasks(&self) -> Vec<TaskRow> {
        let review = self.review();
        self.plan()
            .tasks()
            .iter()
            .map(|def| self.task_row(def, &review))
            .collect()
    }

    /// One task's row on the board: its occurrence of today with its figures,
    /// not yet placed in the tree.
    pub(super) fn task_row(&self, def: &crate::domain::TaskDef, review: &Review) -> TaskRow {
        let key = self.current_key(def);
        let figures = self.figures(def, &key);
        TaskRow {
            area: def.area,
            depth: 0,
            status: figures.state.status,
            class: figures.class,
            progress: figures.state.progress,
            due: figures.due,
            lead: figures.lead.to_string(),
            rollup: None,
            folded: false,
            reason: self
                .reasons_of(def, &key, figures, review, true)
                .into_iter()
                .next(),
            key,
        }
    }

    /// Mean progress and overdue count of each parent's direct sub-tasks.
    fn rollups(&self, all: &[TaskRow]) -> HashMap<String, Rollup> {
        let by_id: HashMap<&str, &TaskRow> = all.iter().map(|t| (t.key.task.as_str(), t)).collect();
        let mut rollups = HashMap::new();
        for parent in all {
            let kids: Vec<&TaskRow> = self
                .plan()
                .children(&parent.key.task)
                .filter_map(|c| by_id.get(c.id.as_str()).copied())
                .collect();
            if let Some(rollup) = Rollup::of(&kids) {
                rollups.insert(parent.key.task.clone(), rollup);
            }
        }
        rollups
    }

    fn push_tree(
        &self,
        rows: &mut Vec<Row>,
        tasks: Vec<TaskRow>,
        rollups: &HashMap<String, Rollup>,
        folded: &HashSet<Fold>,
    ) {
        let present: HashSet<String> = tasks.iter().map(|t| t.key.task.clone()).collect();
        let mut children: HashMap<String, Vec<TaskRow>> = HashMap::new();
        let mut roots = Vec::new();
        for task in tasks {
            match self
                .plan()
                .task(&task.key.task)
                .and_then(|d| d.parent.clone())
            {
                Some(parent) if present.contains(&parent) => {
                    children.entry(parent).or_default().push(task)
                }
                _ => roots.push(task),
            }
        }
        let mut stack: Vec<(TaskRow, u8)> = roots.into_iter().rev().map(|t| (t, 0)).collect();
        while let Some((mut task, depth)) = stack.pop() {
            task.depth = depth;
            task.rollup = rollups.get(&task.key.task).copied();
            task.folded = folded.contains(&Fold::Task(task.key.task.clone()));
            let kids = children.remove(&task.key.task).unwrap_or_default();
            if !task.folded {
                stack.extend(kids.into_iter().rev().map(|k| (k, depth.saturating_add(1))));
            }
            rows.push(Row::Task(task));
        }
    }
}
