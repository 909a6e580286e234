//! Selecting occurrences and history entries: `cchc list` (with the board's
//! filter, `filter.rs`) and the filter of `cchc log`.

use chrono::NaiveDate;

use super::filter::TaskFilter;
use super::{App, TaskView};
use crate::domain::{HistoryEntry, Subject};

impl App {
    /// The occurrences `filter` selects, in plan order: those the period
    /// reviews (the board's rows), or every one when the filter asks for it.
    pub fn list(&self, filter: &TaskFilter) -> Vec<TaskView<'_>> {
        let search = filter.search();
        let keeps = |view: &TaskView<'_>| filter.keeps(view.facts());
        let mut rows = Vec::new();
        for def in self.plan.tasks() {
            if !search.takes(self, filter, def) {
                continue;
            }
            if filter.every_occurrence() {
                for occurrence in self.occurrences(def) {
                    let key = crate::domain::TaskKey {
                        task: def.id.clone(),
                        occurrence,
                    };
                    let view = self.view_of(def, key);
                    if keeps(&view) {
                        rows.push(view);
                    }
                }
            } else {
                for key in self.reviewed_keys(def) {
                    let view = self.view_of(def, key);
                    if keeps(&view) {
                        rows.push(view);
                    }
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
