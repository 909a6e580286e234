//! Closing a period (chốt số liệu): once its report is sent, the office
//! freezes the period's record, and every screen, command and report of that
//! period reads the frozen record from then on. Later corrections are
//! allowed and recorded; the next period's report lists those that would
//! have changed the closed one ("Điều chỉnh số liệu kỳ trước").

use std::collections::BTreeMap;

use super::{App, AppError};
use crate::domain::closing::{Adjustment, Closing};
use crate::domain::occurrence;
use crate::domain::period::Period;
use crate::domain::record;
use crate::domain::status::classify;
use crate::domain::validate;
use crate::domain::{
    Change, Field, HistoryEntry, InputError, Subject, TargetState, TaskKey, TaskState, Value,
};
use crate::store::Commit;

/// One period of the plan for `cchc period list`.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodEntry<'a> {
    pub period: Period,
    pub cutoff: chrono::NaiveDate,
    pub report_due: chrono::NaiveDate,
    pub closing: Option<&'a Closing>,
}

impl App {
    /// How `period` was closed, while it is closed.
    pub fn closing(&self, period: Period) -> Option<&Closing> {
        self.closings.get(&period.code()).and_then(Option::as_ref)
    }

    /// Closes `period`, freezing its figures as its record says them now.
    pub fn close_period(&mut self, period: Period) -> Result<Vec<HistoryEntry>, AppError> {
        self.perform(super::Operation::ClosePeriod { period })
    }

    /// Opens `period` again, with the reason recorded.
    pub fn reopen_period(
        &mut self,
        period: Period,
        reason: &str,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        self.perform(super::Operation::ReopenPeriod {
            period,
            reason: reason.to_string(),
        })
    }

    /// Every period from the plan's start to the one under review today.
    pub fn periods(&self) -> Vec<PeriodEntry<'_>> {
        let rules = self.period_rules;
        let last = Period::containing(self.clock.today, &rules);
        let mut period = Period::containing(self.plan().info().start, &rules);
        let mut periods = Vec::new();
        while period <= last {
            periods.push(PeriodEntry {
                period,
                cutoff: period.cutoff(&rules),
                report_due: period.report_due(&rules),
                closing: self.closing(period),
            });
            period = period.next();
        }
        periods
    }

    pub(super) fn prepare_close(&mut self, period: Period, who: &str) -> Result<Commit, AppError> {
        let code = period.code();
        if self.closing(period).is_some() {
            return Err(InputError::PeriodClosed(code).into());
        }
        let cutoff = period.cutoff(&self.period_rules);
        if self.clock.today <= cutoff {
            return Err(InputError::PeriodNotOver {
                period: code,
                cutoff,
            }
            .into());
        }
        let kept = self.period;
        self.set_period(period);
        let closing = self.freeze(who);
        self.set_period(kept);
        let change = closed_change(&code, true);
        Ok(Commit {
            closings: vec![(code, Some(closing?))],
            history: vec![HistoryEntry::new(change, self.clock.now, who, None)],
            ..Commit::default()
        })
    }

    pub(super) fn prepare_reopen(
        &self,
        period: Period,
        reason: &str,
        who: &str,
    ) -> Result<Commit, AppError> {
        let code = period.code();
        let reason = validate::reason_text(reason)?;
        if self.closing(period).is_none() {
            return Err(InputError::PeriodNotClosed(code).into());
        }
        let change = closed_change(&code, false);
        Ok(Commit {
            closings: vec![(code, None)],
            history: vec![HistoryEntry::new(
                change,
                self.clock.now,
                who,
                Some(&reason),
            )],
            ..Commit::default()
        })
    }

    /// The selected period's record as its report says it now.
    fn freeze(&self, who: &str) -> Result<Closing, AppError> {
        let report = self.period_report()?;
        let rows: Vec<TaskKey> = self.board_rows().into_iter().map(|row| row.key).collect();
        let next: Vec<TaskKey> = report.next.iter().map(|t| t.key.clone()).collect();
        let mut states: BTreeMap<TaskKey, TaskState> = BTreeMap::new();
        let mut leads: BTreeMap<String, String> = BTreeMap::new();
        for key in rows.iter().chain(&next) {
            if let Some(def) = self.plan().task(&key.task) {
                let figures = self.figures(def, key);
                states.insert(key.clone(), figures.state.clone());
                leads.insert(def.id.clone(), figures.lead.to_string());
            }
        }
        Ok(Closing {
            at: self.clock.now,
            who: who.to_string(),
            as_of: self.review().as_of,
            rows,
            next,
            states: states.into_iter().collect(),
            leads: leads.into_iter().collect(),
            targets: self
                .plan()
                .targets()
                .iter()
                .map(|t| (t.id.clone(), self.recorded_target(&t.id)))
                .collect(),
            texts: self.report_texts(self.period).into_iter().collect(),
            since_start: (report.since_start.done, report.since_start.of),
            standing_with_results: report.standing.with_results,
        })
    }

    /// A target's state in the selected period's record: frozen once the
    /// period is closed.
    pub(super) fn recorded_target(&self, id: &str) -> TargetState {
        let frozen = self
            .closing(self.period)
            .and_then(|c| c.targets.iter().find(|(t, _)| t == id));
        match frozen {
            Some((_, state)) => state.clone(),
            None => self.target_state(id),
        }
    }

    /// The rows of the period before the selected one, closed, that the
    /// history now says stood otherwise on its day: corrections made after
    /// it was closed.
    pub fn adjustments(&self, history: &[HistoryEntry]) -> Vec<Adjustment> {
        let Some(closing) = self.closing(self.period.previous()) else {
            return Vec::new();
        };
        let frozen: BTreeMap<&TaskKey, &TaskState> =
            closing.states.iter().map(|(k, s)| (k, s)).collect();
        let mut entries: BTreeMap<&TaskKey, Vec<&HistoryEntry>> = BTreeMap::new();
        for entry in history {
            if let Subject::Task(key) = &entry.subject
                && frozen.contains_key(key)
            {
                entries.entry(key).or_default().push(entry);
            }
        }
        let as_of = closing.as_of;
        let class_of = |key: &TaskKey, state: &TaskState| {
            let def = self.plan().task(&key.task)?;
            let window =
                occurrence::window(def, self.plan().info(), key.occurrence, &self.period_rules);
            Some(classify(state, state.due.or(window.due), as_of))
        };
        static NOT_STARTED: TaskState = TaskState::NOT_STARTED;
        closing
            .rows
            .iter()
            .filter_map(|key| {
                let then = class_of(key, frozen.get(key)?)?;
                let current = self.tasks.get(key).unwrap_or(&NOT_STARTED);
                let later = entries.get(key).map_or(&[][..], Vec::as_slice);
                let now = class_of(key, &record::state_as_of(current, later, as_of))?;
                (now != then).then(|| Adjustment {
                    key: key.clone(),
                    closed: then,
                    now,
                })
            })
            .collect()
    }
}

/// The history's record of a period closed (`closed`) or opened again.
fn closed_change(code: &str, closed: bool) -> Change {
    Change {
        subject: Subject::Report(code.to_string()),
        field: Field::Closed,
        old: Value::Flag(!closed),
        new: Value::Flag(closed),
    }
}
