//! Selecting occurrences and history entries: `cchc list` (with the board's
//! filter, `filter.rs`) and the filter of `cchc log`.

use chrono::NaiveDate;

use super::filter::TaskFilter;
use super::{App, TaskView};
use crate::domain::{HistoryEntry, MatchedField, Subject, TaskKey};

impl App {
    /// The occurrences `filter` selects, in plan order: those the period
    /// reviews (the board's rows), or every one when the filter asks for it.
    pub fn list(&self, filter: &TaskFilter) -> Vec<TaskView<'_>> {
        self.list_found(filter)
            .into_iter()
            .map(|(view, _)| view)
            .collect()
    }

    /// [`App::list`], each occurrence with where the filter's search found
    /// it (`None` with no search).
    pub fn list_found(&self, filter: &TaskFilter) -> Vec<(TaskView<'_>, Option<MatchedField>)> {
        let search = filter.search(self);
        let mut rows = Vec::new();
        for def in self.plan.tasks() {
            if !search.takes(self, filter, def) {
                continue;
            }
            let keys = if filter.every_occurrence() {
                self.occurrences(def)
                    .into_iter()
                    .map(|occurrence| TaskKey {
                        task: def.id.clone(),
                        occurrence,
                    })
                    .collect()
            } else {
                self.reviewed_keys(def)
            };
            for key in keys {
                let found = search.found_in(self, &key);
                if search.is_on() && found.is_none() {
                    continue;
                }
                let view = self.view_of(def, key);
                if filter.keeps(view.facts()) {
                    rows.push((view, found));
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
