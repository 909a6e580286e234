//! Occurrences of a task: one-off work has one; recurring work has one per year
//! or per quarter, each reviewed on its own ("the 2026 occurrence is done, 2027's
//! is not"). A [`TaskKey`] names one occurrence as a clerk types it: `1.a.2`,
//! `0.3@2026`, `0.9@2026-Q3`.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalog::{Cadence, PlanInfo, TaskDef};
use super::period::{Period, PeriodKind, PeriodRules};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Occurrence {
    Single,
    Year(i32),
    Quarter(i32, u8),
}

/// One occurrence of one task: the unit of status, progress and history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TaskKey {
    pub task: String,
    pub occurrence: Occurrence,
}

/// When an occurrence runs: from `start`, due on `due` (none for continuous work).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: NaiveDate,
    pub due: Option<NaiveDate>,
}

impl fmt::Display for Occurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Occurrence::Single => Ok(()),
            Occurrence::Year(y) => write!(f, "{y}"),
            Occurrence::Quarter(y, q) => write!(f, "{y}-Q{q}"),
        }
    }
}

impl Occurrence {
    /// Parses the part after `@`: `2026` or `2026-Q3`.
    pub fn parse(text: &str) -> Option<Occurrence> {
        let text = text.trim();
        if let Some((year, quarter)) = text.split_once(['-', '/']) {
            let quarter = quarter.strip_prefix(['Q', 'q'])?;
            let q: u8 = quarter.parse().ok()?;
            return (1..=4)
                .contains(&q)
                .then_some(Occurrence::Quarter(year.parse().ok()?, q));
        }
        if text.len() == 4 {
            return text.parse().ok().map(Occurrence::Year);
        }
        None
    }
}

impl fmt::Display for TaskKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.occurrence {
            Occurrence::Single => f.write_str(&self.task),
            other => write!(f, "{}@{other}", self.task),
        }
    }
}

impl TaskKey {
    pub fn single(task: &str) -> TaskKey {
        TaskKey {
            task: task.to_string(),
            occurrence: Occurrence::Single,
        }
    }

    /// Splits `id` or `id@occurrence`; `None` when the occurrence part is malformed.
    pub fn parse(text: &str) -> Option<(String, Option<Occurrence>)> {
        let text = text.trim();
        match text.split_once('@') {
            Some((id, occ)) => Some((id.to_string(), Some(Occurrence::parse(occ)?))),
            None => Some((text.to_string(), None)),
        }
    }
}

/// Every occurrence of a task over the plan, in order.
pub fn occurrences(task: &TaskDef, plan: &PlanInfo) -> Vec<Occurrence> {
    let start = first_day(task, plan);
    let years = start.year()..=plan.end.year();
    match task.cadence {
        Cadence::Once => vec![Occurrence::Single],
        Cadence::Yearly | Cadence::Continuous => years.map(Occurrence::Year).collect(),
        Cadence::Quarterly | Cadence::Weekly => {
            let first = quarter_of(start);
            let last = quarter_of(plan.end);
            years
                .flat_map(|y| (1..=4).map(move |q| Occurrence::Quarter(y, q)))
                .filter(|o| *o >= first && *o <= last)
                .collect()
        }
    }
}

/// Whether `occurrence` is one of the task's occurrences.
pub fn has_occurrence(task: &TaskDef, plan: &PlanInfo, occurrence: Occurrence) -> bool {
    occurrences(task, plan).contains(&occurrence)
}

/// The first day of the task's work: the plan's start, or the later day
/// the office added it.
fn first_day(task: &TaskDef, plan: &PlanInfo) -> NaiveDate {
    task.start
        .map_or(plan.start, |s| s.clamp(plan.start, plan.end))
}

/// The occurrence a date falls in, clamped to the task's span.
pub fn occurrence_at(task: &TaskDef, plan: &PlanInfo, date: NaiveDate) -> Occurrence {
    let date = date.clamp(first_day(task, plan), plan.end);
    match task.cadence {
        Cadence::Once => Occurrence::Single,
        Cadence::Yearly | Cadence::Continuous => Occurrence::Year(date.year()),
        Cadence::Quarterly | Cadence::Weekly => quarter_of(date),
    }
}

/// When an occurrence starts and is due. Recurring work falls due on the
/// reporting calendar (`rules`): a quarter's on its period's report day
/// (20/3, 20/6, 20/9, 20/12 by default), a year's on the year's report day,
/// unless the plan gives it a day of its own. Its data runs from the day
/// after the previous cut-off. Weekly work is reviewed per quarter.
pub fn window(
    task: &TaskDef,
    plan: &PlanInfo,
    occurrence: Occurrence,
    rules: &PeriodRules,
) -> Window {
    let (start, due) = match occurrence {
        Occurrence::Single => (first_day(task, plan), task.due),
        Occurrence::Year(y) => {
            let year = Period {
                year: y,
                kind: PeriodKind::Year,
            };
            let due = match task.cadence {
                Cadence::Continuous => None,
                _ => Some(plan_day(task, y).unwrap_or_else(|| year.report_due(rules))),
            };
            (year.start(rules), due)
        }
        Occurrence::Quarter(y, q) => {
            let period = quarter_period(y, q);
            let previous = if q == 1 {
                Period {
                    year: y - 1,
                    kind: PeriodKind::Year,
                }
            } else {
                quarter_period(y, q - 1)
            };
            let start = previous.cutoff(rules).succ_opt().unwrap_or(NaiveDate::MIN);
            (start, Some(period.report_due(rules)))
        }
    };
    Window {
        start: start.max(plan.start),
        due,
    }
}

/// The period whose report a quarter's work goes into.
fn quarter_period(year: i32, quarter: u8) -> Period {
    const KINDS: [PeriodKind; 4] = [
        PeriodKind::Q1,
        PeriodKind::H1,
        PeriodKind::Q3,
        PeriodKind::Year,
    ];
    Period {
        year,
        kind: KINDS[usize::from(quarter.clamp(1, 4)) - 1],
    }
}

/// The day of the year the plan itself gives yearly work, if any.
fn plan_day(task: &TaskDef, year: i32) -> Option<NaiveDate> {
    task.due_day
        .as_deref()
        .and_then(parse_month_day)
        .and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d))
}

/// `MM-DD` as (month, day); 02-29 is refused since most years lack it.
pub fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let (m, d) = text.split_once('-')?;
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(2027, m, d).map(|_| (m, d))
}

fn quarter_of(date: NaiveDate) -> Occurrence {
    Occurrence::Quarter(date.year(), (date.month0() / 3 + 1) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn plan() -> PlanInfo {
        PlanInfo {
            title: String::new(),
            issuer: String::new(),
            start: ymd(2026, 4, 15),
            end: ymd(2030, 12, 31),
        }
    }

    fn rules() -> PeriodRules {
        PeriodRules::default()
    }

    fn task(cadence: Cadence) -> TaskDef {
        TaskDef {
            id: "0.1".into(),
            area: 0,
            parent: None,
            plan_ref: "VI".into(),
            title: "t".into(),
            short: "t".into(),
            lead: "VHXH".into(),
            coordinators: vec![],
            cadence,
            due: (cadence == Cadence::Once).then(|| ymd(2027, 12, 31)),
            due_day: None,
            due_source: None,
            start: None,
        }
    }

    #[test]
    fn keys_round_trip_as_typed() {
        for text in ["1.a.2", "0.3@2026", "0.9@2026-Q3"] {
            let (id, occ) = TaskKey::parse(text).unwrap();
            let key = TaskKey {
                task: id,
                occurrence: occ.unwrap_or(Occurrence::Single),
            };
            assert_eq!(key.to_string(), text);
        }
        assert_eq!(TaskKey::parse("0.3@20x6"), None);
        assert_eq!(TaskKey::parse("0.3@2026-Q5"), None);
    }

    #[test]
    fn yearly_work_has_one_occurrence_a_year() {
        let t = task(Cadence::Yearly);
        let occ = occurrences(&t, &plan());
        assert_eq!(occ.len(), 5);
        assert_eq!(
            window(&t, &plan(), Occurrence::Year(2026), &rules()),
            Window {
                start: ymd(2026, 4, 15),
                due: Some(ymd(2026, 12, 20))
            }
        );
        let calendar = PeriodRules {
            scheme: crate::domain::period::Scheme::Calendar,
            ..rules()
        };
        assert_eq!(
            window(&t, &plan(), Occurrence::Year(2027), &calendar).start,
            ymd(2027, 1, 1)
        );
    }

    #[test]
    fn quarters_start_with_the_plan() {
        let t = task(Cadence::Weekly);
        let occ = occurrences(&t, &plan());
        assert_eq!(occ.first(), Some(&Occurrence::Quarter(2026, 2)));
        assert_eq!(occ.len(), 19);
        assert_eq!(
            window(&t, &plan(), Occurrence::Quarter(2028, 1), &rules()),
            Window {
                start: ymd(2027, 12, 15),
                due: Some(ymd(2028, 3, 20))
            }
        );
        assert_eq!(
            window(&t, &plan(), Occurrence::Quarter(2028, 2), &rules()),
            Window {
                start: ymd(2028, 3, 15),
                due: Some(ymd(2028, 6, 20))
            }
        );
    }

    #[test]
    fn continuous_work_has_no_deadline() {
        let t = task(Cadence::Continuous);
        assert_eq!(
            window(&t, &plan(), Occurrence::Year(2027), &rules()).due,
            None
        );
    }

    #[test]
    fn the_occurrence_of_a_date_is_clamped_to_the_plan() {
        let t = task(Cadence::Quarterly);
        assert_eq!(
            occurrence_at(&t, &plan(), ymd(2026, 8, 1)),
            Occurrence::Quarter(2026, 3)
        );
        assert_eq!(
            occurrence_at(&t, &plan(), ymd(2020, 1, 1)),
            Occurrence::Quarter(2026, 2)
        );
        assert_eq!(
            occurrence_at(&t, &plan(), ymd(2035, 1, 1)),
            Occurrence::Quarter(2030, 4)
        );
    }
}
