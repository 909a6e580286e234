//! The period report (Báo cáo kết quả thực hiện công tác CCHC) as data: what
//! the Word document, the workbook, the CSV annexes and the Markdown all
//! show, taken from the one computation of the period's figures.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::App;
use super::period::PeriodFigures;
use crate::domain::period::Period;
use crate::domain::report_text::{ReportSection, ReportTexts, text_key};
use crate::domain::risk::TaskReason;
use crate::domain::target::{Direction, Verdict};
use crate::domain::{
    DeadlineClass, Evidence, Field, HistoryEntry, Status, Subject, TaskKey, Value,
};

/// Everything one period's report says, in the order it says it.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReport {
    pub period: Period,
    /// The day the figures are taken on: the period's cut-off, or today
    /// while the period is still running.
    pub as_of: NaiveDate,
    /// The first day of the period's data.
    pub start: NaiveDate,
    /// The day the report is due with the city.
    pub report_due: NaiveDate,
    pub next_period: Period,
    /// The commune ("xã Hà Đông") and the plan it reports on.
    pub commune: String,
    pub plan_title: String,
    pub figures: PeriodFigures,
    /// Parts I (area 0) and II (areas 1–6), one per area, in plan order.
    pub areas: Vec<AreaPart>,
    /// Part IV: work due in the next period, not done.
    pub next: Vec<ReportTask>,
    /// Annex II: every occurrence the period reviews, by area.
    pub tasks: Vec<Arc<ReportTask>>,
    /// Annex III, and the target results of each area.
    pub targets: Vec<ReportTarget>,
    /// Units by code, with their names, for the grid by unit.
    pub units: Vec<(String, String)>,
}

/// What one reform area did in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaPart {
    pub area: u8,
    pub name: String,
    /// Done within the period, with the day and the documents.
    pub done: Vec<Arc<ReportTask>>,
    /// Not done, not overdue, started or due.
    pub in_progress: Vec<Arc<ReportTask>>,
    /// Overdue, with why (the latest note).
    pub overdue: Vec<Arc<ReportTask>>,
    /// Deadlines moved in the period, with who and why.
    pub moved: Vec<MovedDeadline>,
}

/// One occurrence of a task, as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTask {
    pub key: TaskKey,
    pub area: u8,
    pub plan_ref: String,
    pub title: String,
    pub lead: String,
    /// The officer in charge, when one is named.
    pub assignee: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub class: DeadlineClass,
    pub progress: u8,
    pub completed_on: Option<NaiveDate>,
    pub evidence: Vec<Evidence>,
    /// The latest note, the office's own words on where the work stands.
    pub latest_note: Option<String>,
    /// Why it is flagged, most severe first.
    pub reasons: Vec<TaskReason>,
}

/// A deadline moved within the period.
#[derive(Debug, Clone, PartialEq)]
pub struct MovedDeadline {
    pub key: TaskKey,
    pub title: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub who: String,
    pub at: DateTime<FixedOffset>,
    pub reason: Option<String>,
}

/// A target, its latest result by the period's day, and its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTarget {
    pub id: String,
    pub area: u8,
    pub title: String,
    pub direction: Direction,
    pub value: f64,
    pub unit: String,
    pub qualitative: bool,
    pub due: Option<NaiveDate>,
    pub latest: Option<(NaiveDate, f64)>,
    pub verdict: Verdict,
}

impl App {
    /// The report of the selected period, as of its review day. The history
    /// is read for the deadlines moved.
    pub fn period_report(&self) -> Result<PeriodReport, super::AppError> {
        // A screen whose owner failed to send the plan's texts writes no
        // report with its titles left blank.
        if !self.holds_texts() {
            return Err(super::ShareError::NotResponding.into());
        }
        let review = self.review();
        // The rows the figures count are the rows the annex lists.
        let ((figures, tasks), history) = self.beside_history(|| {
            let rows = self.board_rows();
            let tasks: Vec<Arc<ReportTask>> = rows
                .iter()
                .filter_map(|row| self.report_task(&row.key))
                .map(Arc::new)
                .collect();
            (self.figures_of(&rows), tasks)
        })?;
        let areas = self
            .plan()
            .catalog()
            .areas
            .iter()
            .map(|area| AreaPart {
                area: area.code,
                name: area.name.clone(),
                done: in_area(&tasks, area.code, |t| {
                    t.status == Status::Done
                        && t.completed_on
                            .is_some_and(|d| (review.start..=review.as_of).contains(&d))
                }),
                in_progress: in_area(&tasks, area.code, |t| {
                    t.status != Status::Done
                        && t.status != Status::Cancelled
                        && !t.class.is_overdue()
                        && (t.progress > 0 || t.status == Status::InProgress)
                }),
                overdue: in_area(&tasks, area.code, |t| t.class.is_overdue()),
                moved: self.moved_deadlines(history, area.code, review.start, review.as_of),
            })
            .collect();
        let period = self.period();
        let next = self.due_next_period(period.next());
        Ok(PeriodReport {
            period,
            as_of: review.as_of,
            start: review.start,
            report_due: period.report_due(self.period_rules()),
            next_period: period.next(),
            commune: self.plan().catalog().plan.issuer.clone(),
            plan_title: self.plan().catalog().plan.title.clone(),
            figures,
            areas,
            next,
            tasks,
            targets: self.report_targets(review.as_of),
            units: self
                .plan()
                .catalog()
                .units
                .iter()
                .map(|u| (u.code.clone(), u.name.clone()))
                .collect(),
        })
    }

    /// The office's texts of `period`'s report, by section.
    pub fn report_texts(&self, period: Period) -> ReportTexts {
        ReportSection::ALL
            .into_iter()
            .filter_map(|section| {
                let text = self.report_texts.get(&text_key(&period.code(), section))?;
                Some((section, text.clone()))
            })
            .collect()
    }

    /// Writes the office's text of one section of the selected period's
    /// report.
    pub fn set_report_text(
        &mut self,
        section: ReportSection,
        text: &str,
    ) -> Result<Vec<HistoryEntry>, super::AppError> {
        self.perform(super::Operation::SetReportText {
            period: self.period(),
            section,
            text: text.to_string(),
        })
    }

    fn report_task(&self, key: &TaskKey) -> Option<ReportTask> {
        let view = self.view(key)?;
        Some(ReportTask {
            key: key.clone(),
            area: view.def.area,
            plan_ref: view.def.plan_ref.clone(),
            title: view.def.title.clone(),
            lead: view.lead.to_string(),
            assignee: view.assignee.map(str::to_string),
            due: view.due,
            status: view.state.status,
            class: view.class,
            progress: view.state.progress,
            completed_on: view.state.completed_on,
            evidence: view.state.live_evidence().map(|(_, e)| e.clone()).collect(),
            latest_note: view
                .state
                .live_notes()
                .next_back()
                .map(|(_, n)| n.text.clone()),
            reasons: self.task_reasons(key),
        })
    }

    /// Work of the next period: its occurrences due within it, not done.
    fn due_next_period(&self, next: Period) -> Vec<ReportTask> {
        let rules = self.period_rules();
        let (start, end) = (next.start(rules), next.report_due(rules));
        let cutoff = next.cutoff(rules);
        self.plan()
            .catalog()
            .tasks
            .iter()
            .map(|def| self.view_of(def, self.key_at(def, cutoff)))
            .filter(|view| view.due.is_some_and(|d| (start..=end).contains(&d)))
            .filter(|view| !matches!(view.state.status, Status::Done | Status::Cancelled))
            .filter_map(|view| self.report_task(&view.key))
            .collect()
    }

    fn moved_deadlines(
        &self,
        history: &[HistoryEntry],
        area: u8,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<MovedDeadline> {
        history
            .iter()
            .filter(|e| e.field == Field::Due && (from..=to).contains(&e.at.date_naive()))
            .filter_map(|e| {
                let Subject::Task(key) = &e.subject else {
                    return None;
                };
                let def = self.plan().task(&key.task)?;
                (def.area == area).then(|| MovedDeadline {
                    key: key.clone(),
                    title: def.title.clone(),
                    from: date_of(&e.old),
                    to: date_of(&e.new),
                    who: e.who.clone(),
                    at: e.at,
                    reason: e.reason.clone(),
                })
            })
            .collect()
    }

    fn report_targets(&self, as_of: NaiveDate) -> Vec<ReportTarget> {
        self.plan()
            .targets()
            .iter()
            .map(|def| {
                let state = self.target_state(&def.id);
                ReportTarget {
                    id: def.id.clone(),
                    area: def.area,
                    title: def.title.clone(),
                    direction: def.direction,
                    value: def.value,
                    unit: def.unit.clone(),
                    qualitative: def.qualitative,
                    due: def.due,
                    latest: state.latest_by(as_of).map(|m| (m.on, m.value)),
                    verdict: self.target_verdict(def),
                }
            })
            .collect()
    }
}

fn in_area(
    tasks: &[Arc<ReportTask>],
    area: u8,
    keep: impl Fn(&ReportTask) -> bool,
) -> Vec<Arc<ReportTask>> {
    tasks
        .iter()
        .filter(|t| t.area == area && keep(t))
        .cloned()
        .collect()
}

fn date_of(value: &Value) -> Option<NaiveDate> {
    match value {
        Value::Date(d) => Some(*d),
        _ => None,
    }
}
