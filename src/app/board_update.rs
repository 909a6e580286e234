//! The board kept up to date in place: when an edit (here or from another
//! terminal) touched a few tasks, their rows, their parents' roll-ups, their
//! groups' counts and the plan's figures change, and nothing else is
//! computed again. At 100,000 tasks that is the difference between a
//! redraw in milliseconds and one in hundreds of them.

use std::collections::{BTreeSet, HashMap};

use chrono::Datelike;

use super::App;
use super::board::{Board, Grouping, Rollup, Row, StateBucket, TaskRow};
use super::filter::TaskFilter;

impl App {
    /// Updates in `board` the rows of the tasks `touched` and of their
    /// parents, as [`App::board`] would build them. Returns false, leaving
    /// the board to be built again, when that cannot be done in place: a row
    /// would change group or leave the filter, or is not on the board (it is
    /// filtered out or under a folded line).
    pub fn update_board(
        &self,
        board: &mut Board,
        grouping: Grouping,
        filter: &TaskFilter,
        touched: &BTreeSet<String>,
    ) -> bool {
        let mut ids = touched.clone();
        ids.extend(
            touched
                .iter()
                .filter_map(|id| self.plan().task(id)?.parent.clone()),
        );
        let positions = positions_of(board, &ids);
        let review = self.review();
        let mut fresh = Vec::new();
        for id in &ids {
            let (Some(def), Some(&at)) = (self.plan().task(id), positions.get(id.as_str())) else {
                return false;
            };
            // Recurring work may gain or lose a row for an earlier occurrence.
            if def.cadence != crate::domain::Cadence::Once {
                return false;
            }
            let Some(Row::Task(old)) = board.rows.get(at) else {
                return false;
            };
            // A row can leave the period (done before its window) or come
            // back to it.
            if self.reviewed_keys(def) != [self.current_key(def)] {
                return false;
            }
            let mut row = self.task_row(def, &review);
            if !same_group(grouping, old, &row) || !filter.keeps(row.facts()) {
                return false;
            }
            row.depth = old.depth;
            row.folded = old.folded;
            row.rollup = self.rollup_of(id, &review);
            fresh.push((at, row));
        }
        for (at, row) in fresh {
            replace_row(board, at, row);
        }
        true
    }

    /// A parent's roll-up from its sub-tasks' rows as they are now.
    fn rollup_of(&self, id: &str, review: &crate::domain::risk::Review) -> Option<Rollup> {
        let kids: Vec<TaskRow> = self
            .plan()
            .children(id)
            .map(|kid| self.task_row(kid, review))
            .collect();
        Rollup::of(&kids.iter().collect::<Vec<_>>())
    }
}

/// Where each of `ids` has its row on the board.
fn positions_of<'a>(board: &Board, ids: &'a BTreeSet<String>) -> HashMap<&'a str, usize> {
    let mut positions = HashMap::new();
    for (at, row) in board.rows.iter().enumerate() {
        if let Row::Task(task) = row
            && let Some(id) = ids.get(&task.key.task)
        {
            positions.insert(id.as_str(), at);
        }
    }
    positions
}

/// Whether the two rows fall in the same group of `grouping`.
fn same_group(grouping: Grouping, old: &TaskRow, new: &TaskRow) -> bool {
    let month = |row: &TaskRow| row.due.map(|d| (d.year(), d.month()));
    match grouping {
        Grouping::Area => old.area == new.area,
        Grouping::Unit => old.lead == new.lead,
        Grouping::Status => StateBucket::of(old.class) == StateBucket::of(new.class),
        Grouping::DueMonth => month(old) == month(new),
        Grouping::Officer => old.assignee == new.assignee,
    }
}

/// Puts `row` at `at`, moving its share of its group's counts and of the
/// plan's figures from the row it replaces.
fn replace_row(board: &mut Board, at: usize, row: TaskRow) {
    let Some(Row::Task(old)) = board.rows.get(at).cloned() else {
        return;
    };
    board.summary.remove(old.class);
    board.summary.add(row.class);
    let header = board.rows[..at].iter_mut().rev().find_map(|r| match r {
        Row::Group { counts, .. } => Some(counts),
        Row::Task(_) => None,
    });
    if let Some(counts) = header {
        counts.remove(&old);
        counts.add(&row);
    }
    board.rows[at] = Row::Task(row);
}
