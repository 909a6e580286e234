//! Which tasks to show: one filter for the board and for `cchc list`, and the
//! one place that decides what it keeps. Uses only `domain`.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::App;
use crate::domain::text::{FoldedQuery, fold};
use crate::domain::{MatchedField, Status, TaskDef, TaskKey};

/// Which tasks to show. The board shows each task by its occurrence of
/// today; `cchc list` does too, unless `overdue` or `due_by` is set, when it
/// goes through every occurrence that matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskFilter {
    pub area: Option<u8>,
    /// The lead unit (chủ trì) in force.
    pub unit: Option<String>,
    pub status: Option<Status>,
    pub overdue: bool,
    /// Due on or before this day.
    pub due_by: Option<NaiveDate>,
    /// Accent- and case-insensitive words that must all occur in the id or
    /// titles, or in one note or evidence document of the occurrence.
    pub search: Option<String>,
    /// Words that must all occur in the name of the officer in charge,
    /// accents and case ignored.
    pub assignee: Option<String>,
}

/// What the filter looks at in one occurrence of a task.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub area: u8,
    pub lead: &'a str,
    pub status: Status,
    pub due: Option<NaiveDate>,
    /// What "overdue only" keeps: an occurrence that is overdue; on the
    /// board, a task whose occurrence shown or an earlier one is (as the
    /// status line counts it).
    pub overdue: bool,
    pub assignee: Option<&'a str>,
}

impl TaskFilter {
    /// Nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == TaskFilter::default()
    }

    /// `cchc list` goes through every occurrence, not only today's.
    pub(super) fn every_occurrence(&self) -> bool {
        self.overdue || self.due_by.is_some()
    }

    /// Whether it keeps an occurrence with these facts. The search is
    /// looked at apart: see [`Search::takes`] and [`Search::keeps`].
    pub fn keeps(&self, task: Facts<'_>) -> bool {
        self.area.is_none_or(|a| task.area == a)
            && self.unit.as_deref().is_none_or(|u| task.lead == u)
            && self.status.is_none_or(|s| task.status == s)
            && (!self.overdue || task.overdue)
            && self
                .due_by
                .is_none_or(|by| task.due.is_some_and(|due| due <= by))
            && self.assignee.as_deref().is_none_or(|typed| {
                task.assignee
                    .is_some_and(|name| FoldedQuery::new(&fold(typed)).matches(&fold(name)))
            })
    }

    /// The search, folded once for the whole plan, with the occurrences
    /// it finds beyond their titles.
    pub(super) fn search(&self, app: &App) -> Search {
        let Some(query) = self.search.as_deref().map(|s| FoldedQuery::new(&fold(s))) else {
            return Search::default();
        };
        let beyond_titles = app.matches_beyond_titles(&query);
        let tasks = beyond_titles.keys().map(|k| k.task.clone()).collect();
        Search {
            officers: app.officers_matching(&query),
            query: Some(query),
            beyond_titles,
            tasks,
        }
    }
}

/// A filter's search words, folded; no words find every task.
#[derive(Default)]
pub(super) struct Search {
    query: Option<FoldedQuery>,
    /// The occurrences found in their notes or evidence, not their titles.
    beyond_titles: BTreeMap<TaskKey, MatchedField>,
    /// Their tasks.
    tasks: HashSet<String>,
    /// The tasks whose officer's name holds the words, found once: the
    /// officers are few, the tasks a search looks at may be 100,000.
    officers: HashSet<String>,
}

impl Search {
    /// Whether an occurrence of `task` may be kept: it is in the filter's
    /// area, and its id or titles hold every word, or its officer's name,
    /// or the notes or evidence of one of its occurrences do.
    pub(super) fn takes(&self, app: &App, filter: &TaskFilter, task: &TaskDef) -> bool {
        if filter.area.is_some_and(|a| task.area != a) {
            return false;
        }
        self.query.as_ref().is_none_or(|query| {
            self.tasks.contains(&task.id)
                || app.title_matches(&task.id, query)
                || self.officers.contains(&task.id)
        })
    }

    /// Whether there are words to look for.
    pub(super) fn is_on(&self) -> bool {
        self.query.is_some()
    }

    /// Whether occurrence `key` is kept: with no search, always.
    pub(super) fn keeps(&self, app: &App, key: &TaskKey) -> bool {
        !self.is_on() || self.found_in(app, key).is_some()
    }

    /// Where the search found occurrence `key`; `None` with no search.
    pub(super) fn found_in(&self, app: &App, key: &TaskKey) -> Option<MatchedField> {
        let query = self.query.as_ref()?;
        if let Some(field) = self.beyond_titles.get(key) {
            return Some(*field);
        }
        if app.title_matches(&key.task, query) {
            return Some(MatchedField::Title);
        }
        self.officers
            .contains(&key.task)
            .then_some(MatchedField::Officer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(overdue: bool, due: Option<NaiveDate>) -> Facts<'static> {
        Facts {
            area: 2,
            lead: "VP",
            status: Status::InProgress,
            due,
            overdue,
            assignee: None,
        }
    }

    #[test]
    fn every_field_set_must_hold() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 30);
        let late = facts(true, day);
        assert!(TaskFilter::default().keeps(late));
        let filter = TaskFilter {
            area: Some(2),
            unit: Some("VP".into()),
            status: Some(Status::InProgress),
            overdue: true,
            due_by: day,
            search: None,
            assignee: None,
        };
        assert!(filter.keeps(late));
        assert!(!filter.keeps(facts(false, day)));
        assert!(!filter.keeps(facts(true, None)));
        let other_unit = TaskFilter {
            unit: Some("KT".into()),
            ..TaskFilter::default()
        };
        assert!(!other_unit.keeps(late));
        assert!(!other_unit.is_empty() && TaskFilter::default().is_empty());
    }
}
