//! The board: the rows the TUI shows, built from the plan for a grouping,
//! filters and folded groups. Groups carry their counts; parents sit above
//! their sub-tasks and carry the roll-up of their children.

use std::collections::{BTreeMap, HashSet};

use foldhash::HashMap;

use chrono::{Datelike, NaiveDate};

use super::App;
use super::StatusGrid;
use super::filter::{Facts, TaskFilter};
use crate::domain::catalog::Plan;
use crate::domain::risk::{Review, TaskReason};
use crate::domain::{DeadlineClass, Status, TaskDef, TaskKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Area,
    Unit,
    Status,
    DueMonth,
    /// By the officer in charge.
    Officer,
}

impl Grouping {
    pub fn next(self) -> Grouping {
        match self {
            Grouping::Area => Grouping::Unit,
            Grouping::Unit => Grouping::Status,
            Grouping::Status => Grouping::DueMonth,
            Grouping::DueMonth => Grouping::Officer,
            Grouping::Officer => Grouping::Area,
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
    /// The officer in charge; work not assigned (`true`, no name) is listed
    /// last.
    Officer(bool, String),
}

impl GroupKey {
    /// The officer group of a task row.
    pub fn officer(row: &TaskRow) -> GroupKey {
        match &row.assignee {
            Some(name) => GroupKey::Officer(false, name.clone()),
            None => GroupKey::Officer(true, String::new()),
        }
    }
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
        if !row.counted {
            return;
        }
        self.total += 1;
        if let Some(count) = self.count_of(row) {
            *count += 1;
        }
    }

    /// Takes out what [`Counts::add`] put in for `row`.
    pub(super) fn remove(&mut self, row: &TaskRow) {
        if !row.counted {
            return;
        }
        self.total = self.total.saturating_sub(1);
        if let Some(count) = self.count_of(row) {
            *count = count.saturating_sub(1);
        }
    }

    /// The one count beside the total that `row` adds to, if any.
    fn count_of(&mut self, row: &TaskRow) -> Option<&mut usize> {
        match row.class {
            c if c.is_overdue() => Some(&mut self.overdue),
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
    pub assignee: Option<String>,
    /// For a parent: how many sub-tasks, their mean progress, how many overdue.
    pub rollup: Option<Rollup>,
    /// The most severe reason it is at risk in the period, if any.
    pub reason: Option<TaskReason>,
    pub folded: bool,
    /// An earlier occurrence still live in the period (overdue, caught up
    /// or moved), shown under the task's own row.
    pub earlier: bool,
    /// An earlier occurrence placed right under its task's own row, which
    /// names the task; one shown without it (a filter, a grouping by state)
    /// names the task itself.
    pub under_task: bool,
    /// Counted in the figures: false for a parent whose sub-items are tasks
    /// (they are counted instead).
    pub counted: bool,
}

impl TaskRow {
    /// What a [`TaskFilter`] looks at.
    pub fn facts(&self) -> Facts<'_> {
        Facts {
            area: self.area,
            lead: &self.lead,
            status: self.status,
            due: self.due,
            overdue: self.class.is_overdue(),
            assignee: self.assignee.as_deref(),
        }
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
    /// The period's grid, whatever the filter: the one [`App::period_figures`]
    /// gives, from the same rows.
    pub summary: StatusGrid,
}

impl App {
    /// The board's rows: groups in order, each with its tasks as a tree; and
    /// the figures of the whole plan for the status line.
    pub fn board(&self, grouping: Grouping, filter: &TaskFilter, folded: &HashSet<Fold>) -> Board {
        let plan = self.plan();
        let all = self.placed_rows();
        let rollups = rollups(plan, &all);
        let mut summary = StatusGrid::default();
        for (_, row) in all.iter().filter(|(_, row)| row.counted) {
            summary.add(row.class);
        }
        let unit_order: HashMap<&str, usize> = plan
            .catalog()
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code.as_str(), i))
            .collect();
        // Groups and the tree hold the rows' places in `all`: a row is moved
        // once, into the board, however many groups and levels it passes.
        let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
        let search = filter.search(self);
        for (place, (at, row)) in all.iter().enumerate() {
            let def = &plan.tasks()[*at];
            if !search.takes(self, filter, def)
                || !search.keeps(self, &row.key)
                || !filter.keeps(row.facts())
            {
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
                Grouping::Officer => GroupKey::officer(row),
            };
            groups.entry(key).or_default().push(place);
        }
        let shown: usize = groups.values().map(Vec::len).sum();
        let mut tree = Tree {
            plan,
            rollups: &rollups,
            folded,
            present: vec![false; plan.tasks().len()],
            all: all.into_iter().map(|(at, row)| (at, Some(row))).collect(),
        };
        let mut rows = Vec::with_capacity(shown + groups.len());
        for (key, places) in groups {
            let mut counts = Counts::default();
            for &place in &places {
                if let Some(row) = tree.row(place) {
                    counts.add(row);
                }
            }
            let group_folded = folded.contains(&Fold::Group(key.clone()));
            rows.push(Row::Group {
                key,
                counts,
                folded: group_folded,
            });
            if !group_folded {
                tree.push(&mut rows, &places);
            }
        }
        Board { rows, summary }
    }

    /// Every row of the period with its figures, in plan order, each task's
    /// earlier occurrences right after it.
    pub(super) fn board_rows(&self) -> Vec<TaskRow> {
        self.placed_rows().into_iter().map(|(_, row)| row).collect()
    }

    /// [`App::board_rows`], each row with its task's position in the plan,
    /// so that building the board looks nothing up by id.
    fn placed_rows(&self) -> Vec<(usize, TaskRow)> {
        let review = self.review();
        let mut rows = Vec::with_capacity(self.plan().tasks().len());
        for (at, def) in self.plan().tasks().iter().enumerate() {
            let current = self.current_key(def).occurrence;
            rows.extend(self.reviewed_keys(def).into_iter().map(|key| {
                let row = TaskRow {
                    earlier: key.occurrence != current,
                    ..self.occurrence_row(def, key, &review)
                };
                (at, row)
            }));
        }
        rows
    }

    /// One task's row on the board: the occurrence the period reviews, with
    /// its figures, not yet placed in the tree.
    pub(super) fn task_row(&self, def: &TaskDef, review: &Review) -> TaskRow {
        self.occurrence_row(def, self.current_key(def), review)
    }

    fn occurrence_row(&self, def: &TaskDef, key: TaskKey, review: &Review) -> TaskRow {
        let figures = self.figures(def, &key);
        TaskRow {
            area: def.area,
            depth: 0,
            status: figures.state.status,
            class: figures.class,
            progress: figures.state.progress,
            due: figures.due,
            lead: figures.lead.to_string(),
            assignee: figures.assignee.map(str::to_string),
            rollup: None,
            folded: false,
            earlier: false,
            under_task: false,
            counted: self.is_counted(def),
            reason: self.reasons_of(def, figures, review).into_iter().next(),
            key,
        }
    }
}

/// Mean progress and overdue count of each parent's direct sub-tasks, by the
/// parent's position in the plan. The rows are in plan order, so each
/// parent's sub-tasks are gathered in the order the plan lists them.
fn rollups(plan: &Plan, all: &[(usize, TaskRow)]) -> HashMap<usize, Rollup> {
    let mut kids: HashMap<usize, Vec<&TaskRow>> = HashMap::default();
    for (at, row) in all.iter().filter(|(_, row)| !row.earlier) {
        if let Some(parent) = plan.parent_position(*at) {
            kids.entry(parent).or_default().push(row);
        }
    }
    kids.into_iter()
        .filter_map(|(parent, kids)| Some((parent, Rollup::of(&kids)?)))
        .collect()
}

/// What placing a group's rows as a tree needs, kept from group to group.
struct Tree<'a> {
    plan: &'a Plan,
    rollups: &'a HashMap<usize, Rollup>,
    folded: &'a HashSet<Fold>,
    /// By position in the plan: the task's own row is in the group being
    /// placed. All false between groups.
    present: Vec<bool>,
    /// Every row with its task's position in the plan, taken out as it is
    /// placed; groups name rows by their place here.
    all: Vec<(usize, Option<TaskRow>)>,
}

impl Tree<'_> {
    fn row(&self, place: usize) -> Option<&TaskRow> {
        self.all[place].1.as_ref()
    }

    fn position(&self, place: usize) -> usize {
        self.all[place].0
    }

    fn is_earlier(&self, place: usize) -> bool {
        self.row(place).is_some_and(|row| row.earlier)
    }

    /// Places a group's rows: each task under its parent when the parent is
    /// in the group, its earlier occurrences right after it.
    fn push(&mut self, rows: &mut Vec<Row>, places: &[usize]) {
        let own_rows: Vec<usize> = places
            .iter()
            .filter(|&&place| !self.is_earlier(place))
            .map(|&place| self.position(place))
            .collect();
        for &at in &own_rows {
            self.present[at] = true;
        }
        let mut children: HashMap<usize, Vec<usize>> = HashMap::default();
        let mut earlier: HashMap<usize, Vec<usize>> = HashMap::default();
        let mut roots = Vec::new();
        for &place in places {
            let at = self.position(place);
            if self.is_earlier(place) && self.present[at] {
                earlier.entry(at).or_default().push(place);
                continue;
            }
            match self.plan.parent_position(at) {
                Some(parent) if self.present[parent] => {
                    children.entry(parent).or_default().push(place)
                }
                _ => roots.push(place),
            }
        }
        let mut stack: Vec<(usize, u8)> = roots.into_iter().rev().map(|place| (place, 0)).collect();
        while let Some((place, depth)) = stack.pop() {
            let at = self.position(place);
            let Some(mut task) = self.all[place].1.take() else {
                continue;
            };
            task.depth = depth;
            task.rollup = self.rollups.get(&at).copied();
            task.folded = !self.folded.is_empty()
                && self
                    .folded
                    .contains(&Fold::Task(self.plan.tasks()[at].id.clone()));
            let kids = children.remove(&at).unwrap_or_default();
            if !task.folded {
                stack.extend(
                    kids.into_iter()
                        .rev()
                        .map(|kid| (kid, depth.saturating_add(1))),
                );
            }
            let own = if task.earlier {
                Vec::new()
            } else {
                earlier.remove(&at).unwrap_or_default()
            };
            rows.push(Row::Task(task));
            for place in own {
                if let Some(mut row) = self.all[place].1.take() {
                    row.depth = depth.saturating_add(1);
                    row.under_task = true;
                    rows.push(Row::Task(row));
                }
            }
        }
        for at in own_rows {
            self.present[at] = false;
        }
    }
}
