//! The period report (Báo cáo kết quả thực hiện công tác CCHC) as data: what
//! the Word document, the workbook, the CSV annexes and the Markdown all
//! show, taken from the one computation of the period's figures.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::App;
use super::period::PeriodFigures;
use crate::domain::closing::Adjustment;
use crate::domain::period::Period;
use crate::domain::record;
use crate::domain::report_text::{ReportSection, ReportTexts, text_key};
use crate::domain::risk::TaskReason;
use crate::domain::target::{Direction, Verdict};
use crate::domain::{
    DeadlineClass, Evidence, Field, HistoryEntry, Status, Subject, TaskDef, TaskKey, Value,
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
    /// Standing duties (thực hiện thường xuyên) among the rows.
    pub standing: Standing,
    /// The plan as a whole since its start, as of the same day.
    pub since_start: SinceStart,
    /// Rows of the previous period, closed, that corrections made since
    /// would count otherwise ("Điều chỉnh số liệu kỳ trước"), with titles.
    pub adjustments: Vec<(Adjustment, String)>,
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

/// The period's standing duties: work with no deadline, never "done".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    pub duties: usize,
    /// Those with a result in the window: a note, a document or a change
    /// of progress recorded in it.
    pub with_results: usize,
}

/// "Lũy kế từ 15/04/2026: đã hoàn thành X/Y nhiệm vụ": of every occurrence
/// with a deadline that fell due by the period's day, or was done by it,
/// how many were done by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SinceStart {
    pub from: NaiveDate,
    pub done: usize,
    pub of: usize,
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
    /// The deadline first set, when it was moved to `due`.
    pub moved_from: Option<NaiveDate>,
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
        let ((figures, rows, tasks), history) = self.beside_history(|| {
            let rows = self.board_rows();
            let tasks: Vec<Arc<ReportTask>> = rows
                .iter()
                .filter(|row| row.counted && row.class != DeadlineClass::Cancelled)
                .filter_map(|row| self.report_task(&row.key))
                .map(Arc::new)
                .collect();
            (self.figures_of(&rows), rows, tasks)
        })?;
        let closing = self.closing(self.period());
        // A closed period's report says what it said when closed: the
        // history it reads stops there.
        let history = match closing {
            Some(closing) => {
                let upto = history.partition_point(|e| e.at <= closing.at);
                &history[..upto]
            }
            None => history,
        };
        let reported_on = closing.map_or(self.clock.today, |c| c.at.date_naive());
        let mut standing = self.standing(&rows, history);
        let mut since_start = self.since_start();
        if let Some(closing) = closing {
            standing.with_results = closing.standing_with_results;
            (since_start.done, since_start.of) = closing.since_start;
        }
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
                moved: self.moved_deadlines(history, area.code, review.start, reported_on),
            })
            .collect();
        let period = self.period();
        let next = match closing {
            Some(closing) => closing
                .next
                .iter()
                .filter_map(|key| self.report_task(key))
                .collect(),
            None => self.due_next_period(period.next()),
        };
        let adjustments = self
            .adjustments(history)
            .into_iter()
            .filter_map(|a| {
                let title = self.plan().task(&a.key.task)?.title.clone();
                Some((a, title))
            })
            .collect();
        Ok(PeriodReport {
            period,
            as_of: review.as_of,
            start: review.start,
            report_due: period.report_due(self.period_rules()),
            next_period: period.next(),
            commune: self.plan().catalog().plan.issuer.clone(),
            plan_title: self.plan().catalog().plan.title.clone(),
            figures,
            standing,
            since_start,
            adjustments,
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
        if let Some(closing) = self.closing(period) {
            return closing.texts.iter().cloned().collect();
        }
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

    /// One row of the period as it stood on its "as of" day.
    fn report_task(&self, key: &TaskKey) -> Option<ReportTask> {
        let def = self.plan().task(&key.task)?;
        let figures = self.figures(def, key);
        let state = figures.state;
        Some(ReportTask {
            key: key.clone(),
            area: def.area,
            plan_ref: def.plan_ref.clone(),
            title: def.title.clone(),
            lead: figures.lead.to_string(),
            assignee: figures.assignee.map(str::to_string),
            due: figures.due,
            moved_from: record::moved_from(figures.window.due, figures.due),
            status: state.status,
            class: figures.class,
            progress: state.progress,
            completed_on: state.completed_on,
            evidence: state.live_evidence().map(|(_, e)| e.clone()).collect(),
            latest_note: state.live_notes().next_back().map(|(_, n)| n.text.clone()),
            reasons: self.task_reasons(key),
        })
    }

    /// Part IV: every occurrence open on the period's day and due by the
    /// next period's report day, overdue ones first, then by deadline.
    fn due_next_period(&self, next: Period) -> Vec<ReportTask> {
        let end = next.report_due(self.period_rules());
        let mut open: Vec<(bool, NaiveDate, ReportTask)> = self
            .every_duty_occurrence()
            .filter_map(|(def, key)| {
                let figures = self.figures(def, &key);
                let due = figures.due.filter(|due| *due <= end)?;
                let closed = figures.class.is_done() || figures.class == DeadlineClass::Cancelled;
                let task = (!closed).then(|| self.report_task(&key)).flatten()?;
                Some((!figures.class.is_overdue(), due, task))
            })
            .collect();
        open.sort_by_key(|(in_time, due, _)| (*in_time, *due));
        open.into_iter().map(|(_, _, task)| task).collect()
    }

    /// Every occurrence of every duty counted on its own (parents aside)
    /// that existed on the period's "as of" day, in plan order.
    fn every_duty_occurrence(&self) -> impl Iterator<Item = (&TaskDef, TaskKey)> {
        let as_of = self.review().as_of;
        self.plan()
            .tasks()
            .iter()
            .filter(move |def| self.is_counted(def) && def.start.is_none_or(|added| added <= as_of))
            .flat_map(|def| {
                self.occurrences(def).into_iter().map(move |occurrence| {
                    let key = TaskKey {
                        task: def.id.clone(),
                        occurrence,
                    };
                    (def, key)
                })
            })
    }

    /// The standing duties among `rows`, and those with a result recorded
    /// in the period's window.
    fn standing(&self, rows: &[super::board::TaskRow], history: &[HistoryEntry]) -> Standing {
        let span = self.span();
        let duties: std::collections::HashSet<&TaskKey> = rows
            .iter()
            .filter(|row| row.counted && row.due.is_none())
            .filter(|row| row.class != DeadlineClass::Cancelled)
            .map(|row| &row.key)
            .collect();
        let with_results: std::collections::HashSet<&TaskKey> = history
            .iter()
            .filter(|e| matches!(e.field, Field::Note | Field::Evidence | Field::Progress))
            .filter(|e| (span.start..=span.as_of).contains(&e.at.date_naive()))
            .filter_map(|e| match &e.subject {
                Subject::Task(key) => duties.get(key).copied(),
                _ => None,
            })
            .collect();
        Standing {
            duties: duties.len(),
            with_results: with_results.len(),
        }
    }

    /// The plan as a whole since its start, as of the period's day.
    fn since_start(&self) -> SinceStart {
        let as_of = self.review().as_of;
        let (mut done, mut of) = (0, 0);
        for (def, key) in self.every_duty_occurrence() {
            let figures = self.figures(def, &key);
            let finished = matches!(
                figures.class,
                DeadlineClass::DoneOnTime | DeadlineClass::DoneLate
            );
            let fell_due = figures.due.is_some_and(|due| due <= as_of)
                && figures.class != DeadlineClass::Cancelled;
            if finished || fell_due {
                of += 1;
                done += usize::from(finished);
            }
        }
        SinceStart {
            from: self.plan().info().start,
            done,
            of,
        }
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
                let state = self.recorded_target(&def.id);
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
