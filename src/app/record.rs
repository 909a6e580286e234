//! The selected period as a record: the state of each occurrence on the
//! period's "as of" day, rebuilt from the history (the rules are in
//! `domain::record`), and which occurrences are its rows. The board, the
//! figures, the risks, `cchc list` and the report all read it through
//! [`App::figures`] and [`App::reviewed_keys`].
//!
//! While a period runs its "as of" day is today and nothing was recorded
//! after it, so the record is the state held and the history is not read.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};

use super::App;

use crate::domain::closing::Closing;
use crate::domain::edit::{Field, Subject, Value};
use crate::domain::period::Period;
use crate::domain::record::{self, Candidate, Span};
use crate::domain::{HistoryEntry, Occurrence, Status, TaskDef, TaskKey, TaskState};

/// What differs on the "as of" day from what is held now.
#[derive(Debug, Clone, Default)]
pub(super) struct AsOf {
    /// Occurrences changed, or done, after the day: their state on it.
    pub states: HashMap<TaskKey, TaskState>,
    /// Tasks whose lead changed after the day: their lead on it.
    pub leads: HashMap<String, String>,
    /// A closed period's rows, by task: frozen, not found by the rules.
    pub rows: Option<HashMap<String, Vec<TaskKey>>>,
    /// Which closing the above was taken from: an edit elsewhere leaves a
    /// closed period's record as it is, so it is not copied again.
    pub closed: Option<(Period, DateTime<FixedOffset>)>,
}

impl AsOf {
    /// What `period`, closed, froze.
    fn frozen(period: Period, closing: &Closing) -> AsOf {
        let mut rows: HashMap<String, Vec<TaskKey>> = HashMap::new();
        for key in &closing.rows {
            rows.entry(key.task.clone()).or_default().push(key.clone());
        }
        AsOf {
            states: closing.states.iter().cloned().collect(),
            leads: closing.leads.iter().cloned().collect(),
            rows: Some(rows),
            closed: Some((period, closing.at)),
        }
    }
}

impl App {
    /// The selected period's window and the day its figures are taken on.
    pub fn span(&self) -> Span {
        let review = self.review();
        Span {
            start: review.start,
            cutoff: review.cutoff,
            as_of: review.as_of,
        }
    }

    /// Builds again what differs on the "as of" day, after anything held
    /// changed. The history is read only for a day already past.
    pub(super) fn refresh_record(&mut self) {
        if let Some(closing) = self.closing(self.period) {
            if self.as_of_record.closed != Some((self.period, closing.at)) {
                self.as_of_record = AsOf::frozen(self.period, closing);
            }
            return;
        }
        let as_of = self.as_of;
        if as_of >= self.clock.today {
            // No completion day is after today, nothing recorded tomorrow.
            self.as_of_record = AsOf::default();
            return;
        }
        let done_later = self
            .tasks
            .iter()
            .filter(|(_, s)| s.status == Status::Done && s.completed_on.is_some_and(|d| d > as_of));
        let mut record = AsOf::default();
        for (key, state) in done_later {
            record
                .states
                .insert(key.clone(), record::state_as_of(state, &[], as_of));
        }
        // Without the history (an owner gone quiet) the state held stands
        // in; the failure itself shows wherever the history is asked for.
        if let Ok(history) = self.load_history() {
            self.roll_back(history, &mut record);
        }
        self.as_of_record = record;
    }

    fn roll_back(&self, history: &[HistoryEntry], record: &mut AsOf) {
        let as_of = self.as_of;
        let later: HashSet<&TaskKey> = history
            .iter()
            .filter(|e| record::recorded_after(e, as_of))
            .filter_map(|e| match &e.subject {
                Subject::Task(key) => Some(key),
                _ => None,
            })
            .collect();
        if later.is_empty() {
            return;
        }
        let mut entries: HashMap<&TaskKey, Vec<&HistoryEntry>> = HashMap::new();
        for entry in history {
            let Subject::Task(key) = &entry.subject else {
                continue;
            };
            if !later.contains(key) {
                continue;
            }
            if entry.field == Field::Lead
                && record::recorded_after(entry, as_of)
                && let Value::Text(lead) = &entry.old
            {
                // The oldest change after the day holds the lead on it.
                record
                    .leads
                    .entry(key.task.clone())
                    .or_insert_with(|| lead.clone());
            }
            entries.entry(key).or_default().push(entry);
        }
        for (key, entries) in entries {
            static NOT_STARTED: TaskState = TaskState::NOT_STARTED;
            let current = self.tasks.get(key).unwrap_or(&NOT_STARTED);
            record
                .states
                .insert(key.clone(), record::state_as_of(current, &entries, as_of));
        }
    }

    /// The state of `key` on the selected period's "as of" day.
    pub(super) fn recorded_state(&self, key: &TaskKey) -> &TaskState {
        static NOT_STARTED: TaskState = TaskState::NOT_STARTED;
        if !self.as_of_record.states.is_empty()
            && let Some(state) = self.as_of_record.states.get(key)
        {
            return state;
        }
        self.tasks.get(key).unwrap_or(&NOT_STARTED)
    }

    /// The lead unit of `def` on the selected period's "as of" day.
    pub(super) fn recorded_lead<'a>(&'a self, def: &'a TaskDef) -> &'a str {
        if !self.as_of_record.leads.is_empty()
            && let Some(lead) = self.as_of_record.leads.get(&def.id)
        {
            return lead;
        }
        self.overrides
            .get(&def.id)
            .and_then(|o| o.lead.as_deref())
            .unwrap_or(&def.lead)
    }

    /// Whether `def` is a duty of its own in the figures: a parent whose
    /// sub-items are tasks is counted through them, not beside them.
    pub fn is_counted(&self, def: &TaskDef) -> bool {
        self.plan().children(&def.id).next().is_none()
    }

    /// The occurrences of `def` that are rows of the selected period: the
    /// one holding its cut-off, then each earlier one still live in its
    /// window (overdue, caught up in it, or moved), in order. None for a
    /// task added after the period's "as of" day, or work done before its
    /// window opened.
    pub fn reviewed_keys(&self, def: &TaskDef) -> Vec<TaskKey> {
        if let Some(rows) = &self.as_of_record.rows {
            return rows.get(&def.id).cloned().unwrap_or_default();
        }
        let span = self.span();
        if def.start.is_some_and(|added| added > span.as_of) {
            return Vec::new();
        }
        let current = self.current_key(def);
        let mut keys = Vec::new();
        if current.occurrence != Occurrence::Single {
            for occurrence in self.occurrences(def) {
                if occurrence >= current.occurrence {
                    break;
                }
                let key = TaskKey {
                    task: def.id.clone(),
                    occurrence,
                };
                if self.is_row(def, &key, false, span) {
                    keys.push(key);
                }
            }
        }
        if self.is_row(def, &current, true, span) {
            keys.insert(0, current);
        }
        keys
    }

    fn is_row(&self, def: &TaskDef, key: &TaskKey, holds_cutoff: bool, span: Span) -> bool {
        let figures = self.figures(def, key);
        let candidate = Candidate {
            holds_cutoff,
            first_due: figures.window.due,
            due: figures.due,
        };
        record::is_row(candidate, figures.state, span)
    }
}
