//! Selecting occurrences and history entries: the filters of `cchc list` and
//! `cchc log`, and later of the board.

use chrono::NaiveDate;

use super::{App, TaskView};
use crate::domain::text::{fold, matches_folded};
use crate::domain::{HistoryEntry, Status, Subject};

/// Which occurrences to list. Without `overdue` or `due_by`, each task is shown
/// by its occurrence of today; with either, every matching occurrence is.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    pub area: Option<u8>,
    /// The lead unit (chủ trì) in force.
    pub unit: Option<String>,
    pub status: Option<Status>,
    pub overdue: bool,
    /// Due on or before this day.
    pub due_by: Option<NaiveDate>,
    /// Accent- and case-insensitive words that must all occur in id or title.
    pub search: Option<String>,
}

impl TaskFilter {
    fn every_occurrence(&self) -> bool {
        self.overdue || self.due_by.is_some()
    }

    fn keeps(&self, view: &TaskView<'_>) -> bool {
        self.area.is_none_or(|a| view.def.area == a)
            && self.unit.as_deref().is_none_or(|u| view.lead == u)
            && self.status.is_none_or(|s| view.state.status == s)
            && (!self.overdue || view.class.is_overdue())
            && self
                .due_by
                .is_none_or(|by| view.due.is_some_and(|due| due <= by))
    }
}

impl App {
    /// The occurrences `filter` selects, in plan order.
    pub fn list(&self, filter: &TaskFilter) -> Vec<TaskView<'_>> {
        let query = filter.search.as_deref().map(fold);
        let mut rows = Vec::new();
        for def in self.plan.tasks() {
            if filter.area.is_some_and(|a| def.area != a) {
                continue;
            }
            if let Some(query) = &query {
                let text = self.plan.folded_text(&def.id).unwrap_or_default();
                if !matches_folded(text, query) {
                    continue;
                }
            }
            if filter.every_occurrence() {
                for occurrence in self.occurrences(def) {
                    let key = crate::domain::TaskKey {
                        task: def.id.clone(),
                        occurrence,
                    };
                    let view = self.view_of(def, key);
                    if filter.keeps(&view) {
                        rows.push(view);
                    }
                }
            } else {
                let view = self.view_of(def, self.current_key(def));
                if filter.keeps(&view) {
                    rows.push(view);
                }
            }
        }
        rows
    }
}

/// Which history entries `cchc log` shows.
#[derive(Debug, Clone, Default)]
pub struct HistoryFilter {
    /// A task id: all its occurrences; `id@occurrence`: that one only.
    pub task: Option<String>,
    pub target: Option<String>,
    /// Made on or after this day.
    pub since: Option<NaiveDate>,
}

impl HistoryFilter {
    pub fn matches(&self, entry: &HistoryEntry) -> bool {
        let subject_ok = match (&self.task, &self.target, &entry.subject) {
            (None, None, _) => true,
            (Some(typed), _, Subject::Task(key)) => key.task == *typed || key.to_string() == *typed,
            (_, Some(id), Subject::Target(t)) => t == id,
            _ => false,
        };
        subject_ok && self.since.is_none_or(|d| entry.at.date_naive() >= d)
    }
}
