//! Measurable targets (chỉ tiêu) and their measurements.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::TargetDef;
use super::date::days_between;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtLeast,
    AtMost,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub on: NaiveDate,
    pub value: f64,
    pub note: Option<String>,
    pub at: DateTime<FixedOffset>,
    pub who: String,
}

/// The value at the plan's start that the office entered, where the plan
/// gives none, with where the figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub value: f64,
    /// Where the figure comes from, in the office's words ("Báo cáo CCHC
    /// năm 2025 của UBND xã").
    pub source: String,
    pub at: DateTime<FixedOffset>,
    pub who: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetState {
    /// In the order they were recorded.
    pub measurements: Vec<Measurement>,
    /// The office's baseline; the plan's own, where it gives one, is the
    /// target's definition's.
    #[serde(default)]
    pub baseline: Option<Baseline>,
}

impl TargetState {
    /// The measurement with the latest date (the last recorded wins a tie).
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.iter().rev().max_by_key(|m| m.on)
    }

    /// The latest measurement taken on or before `day`.
    pub fn latest_by(&self, day: NaiveDate) -> Option<&Measurement> {
        self.measurements
            .iter()
            .rev()
            .filter(|m| m.on <= day)
            .max_by_key(|m| m.on)
    }

    /// The value the path starts from at the plan's start: the plan's own
    /// baseline, else the one the office entered.
    pub fn baseline_value(&self, def: &TargetDef) -> Option<f64> {
        def.baseline.or(self.baseline.as_ref().map(|b| b.value))
    }

    /// The earliest measurement (the first recorded wins a tie).
    fn first(&self) -> Option<&Measurement> {
        self.measurements.iter().min_by_key(|m| m.on)
    }
}

/// Where a target stands: the one verdict every screen, command and report
/// shows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// The goal is reached.
    Met,
    /// Not reached, but the latest result is on or ahead of the straight path
    /// to the goal (`expected` is where the path stands on its day).
    OnPath { expected: f64 },
    /// Behind that path; `per_month` is what must be gained each month left.
    BehindPath { expected: f64, per_month: f64 },
    /// Not reached, with no path to judge by: a qualitative aim, a target
    /// the plan gives no deadline, or a single result and no baseline.
    NotMet,
    /// No result yet.
    NoData,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::OnPath { .. } => "on_path",
            Verdict::BehindPath { .. } => "behind_path",
            Verdict::NotMet => "not_met",
            Verdict::NoData => "no_data",
        }
    }

    /// Met or on its path: what a meeting counts as "đúng lộ trình".
    pub fn is_on_track(self) -> bool {
        matches!(self, Verdict::Met | Verdict::OnPath { .. })
    }
}

/// Judges a target on `as_of` from the results recorded by then. The path
/// runs from the baseline at the plan's start, where there is one, or else
/// from the first result, to the goal on the deadline; without a deadline
/// or a second point there is no path, and an unmet target is "not met".
pub fn verdict(
    def: &TargetDef,
    state: &TargetState,
    plan_start: NaiveDate,
    as_of: NaiveDate,
) -> Verdict {
    let Some(latest) = state.latest_by(as_of) else {
        return Verdict::NoData;
    };
    if is_met(def.direction, def.value, latest.value) {
        return Verdict::Met;
    }
    let (Some(due), false) = (def.due, def.qualitative) else {
        return Verdict::NotMet;
    };
    let start = match state.baseline_value(def) {
        Some(baseline) => (plan_start, baseline),
        None => match state.first() {
            Some(first) if first.on < latest.on => (first.on, first.value),
            _ => return Verdict::NotMet,
        },
    };
    let expected = path_at(start, (due, def.value), latest.on);
    let behind = match def.direction {
        Direction::AtLeast => latest.value < expected,
        Direction::AtMost => latest.value > expected,
    };
    if behind {
        let months = months_between(as_of, due).max(1) as f64;
        Verdict::BehindPath {
            expected,
            per_month: (def.value - latest.value).abs() / months,
        }
    } else {
        Verdict::OnPath { expected }
    }
}

/// Where the straight line from `from` to `to` stands on `day`.
fn path_at(from: (NaiveDate, f64), to: (NaiveDate, f64), day: NaiveDate) -> f64 {
    let span = days_between(from.0, to.0).max(1) as f64;
    let gone = days_between(from.0, day).clamp(0, span as i64) as f64;
    from.1 + (to.1 - from.1) * gone / span
}

fn months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32
}

/// Whether `value` meets a target of `goal` in `direction`.
pub fn is_met(direction: Direction, goal: f64, value: f64) -> bool {
    match direction {
        Direction::AtLeast => value >= goal,
        Direction::AtMost => value <= goal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const START: (i32, u32, u32) = (2026, 4, 15);

    fn start() -> NaiveDate {
        d(START.0, START.1, START.2)
    }

    fn target(baseline: Option<f64>, due: Option<NaiveDate>) -> TargetDef {
        TargetDef {
            id: "T07".into(),
            area: 2,
            plan_ref: "I.2".into(),
            title: "t".into(),
            short: "t".into(),
            lead: "TTPVHCC".into(),
            value: 100.0,
            unit: "%".into(),
            direction: Direction::AtLeast,
            qualitative: false,
            baseline,
            baseline_source: None,
            due,
            due_source: None,
        }
    }

    fn results(values: &[(NaiveDate, f64)]) -> TargetState {
        let at = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+07:00").unwrap();
        TargetState {
            measurements: values
                .iter()
                .map(|&(on, value)| Measurement {
                    on,
                    value,
                    note: None,
                    at,
                    who: "t".into(),
                })
                .collect(),
            baseline: None,
        }
    }

    #[test]
    fn no_result_is_no_data_and_a_result_after_the_day_is_not_read() {
        let def = target(None, Some(d(2027, 12, 31)));
        let as_of = d(2026, 12, 14);
        assert_eq!(
            verdict(&def, &TargetState::default(), start(), as_of),
            Verdict::NoData
        );
        let later = results(&[(d(2026, 12, 20), 100.0)]);
        assert_eq!(verdict(&def, &later, start(), as_of), Verdict::NoData);
    }

    /// SIPAS entered at 40% with no baseline from the plan: one result draws
    /// no path, so it is "not met", never "on its path" from an invented 0.
    #[test]
    fn without_a_baseline_one_result_draws_no_path() {
        let def = target(None, Some(d(2027, 12, 31)));
        let one = results(&[(d(2026, 6, 14), 40.0)]);
        assert_eq!(
            verdict(&def, &one, start(), d(2026, 6, 20)),
            Verdict::NotMet
        );
    }

    #[test]
    fn without_a_baseline_the_path_runs_from_the_first_result() {
        let def = target(None, Some(d(2027, 12, 31)));
        let (first, second) = (d(2026, 6, 30), d(2027, 3, 31));
        // Halfway in time from the first result to the deadline, the path
        // expects halfway from 40 to 100.
        let halfway = first + chrono::Duration::days(days_between(first, d(2027, 12, 31)) / 2);
        let on = results(&[(first, 40.0), (halfway, 70.5)]);
        assert!(matches!(
            verdict(&def, &on, start(), halfway),
            Verdict::OnPath { .. }
        ));
        let behind = results(&[(first, 40.0), (second, 41.0)]);
        assert!(matches!(
            verdict(&def, &behind, start(), second),
            Verdict::BehindPath { .. }
        ));
    }

    #[test]
    fn a_baseline_with_its_source_starts_the_path_at_the_plan() {
        let def = target(Some(40.0), Some(d(2027, 12, 31)));
        let one = results(&[(d(2026, 6, 14), 46.0)]);
        assert!(matches!(
            verdict(&def, &one, start(), d(2026, 6, 20)),
            Verdict::OnPath { .. }
        ));
        let low = results(&[(d(2027, 6, 14), 45.0)]);
        assert!(matches!(
            verdict(&def, &low, start(), d(2027, 6, 20)),
            Verdict::BehindPath { .. }
        ));
    }

    #[test]
    fn a_baseline_the_office_entered_starts_the_path_like_the_plans() {
        let def = target(None, Some(d(2027, 12, 31)));
        let mut low = results(&[(d(2027, 6, 14), 45.0)]);
        assert_eq!(
            verdict(&def, &low, start(), d(2027, 6, 20)),
            Verdict::NotMet
        );
        low.baseline = Some(Baseline {
            value: 40.0,
            source: "Báo cáo CCHC năm 2025".into(),
            at: DateTime::parse_from_rfc3339("2026-11-01T09:00:00+07:00").unwrap(),
            who: "thuy".into(),
        });
        assert!(matches!(
            verdict(&def, &low, start(), d(2027, 6, 20)),
            Verdict::BehindPath { .. }
        ));
    }

    #[test]
    fn met_is_met_whatever_the_path() {
        let def = target(None, None);
        let met = results(&[(d(2026, 6, 14), 100.0)]);
        assert_eq!(verdict(&def, &met, start(), d(2026, 6, 20)), Verdict::Met);
    }

    #[test]
    fn qualitative_aims_and_targets_without_a_deadline_are_met_or_not() {
        let mut def = target(Some(0.0), Some(d(2027, 12, 31)));
        def.qualitative = true;
        def.value = 1.0;
        let not_yet = results(&[(d(2026, 6, 14), 0.0), (d(2026, 9, 14), 0.0)]);
        assert_eq!(
            verdict(&def, &not_yet, start(), d(2026, 9, 20)),
            Verdict::NotMet
        );
        let undated = target(None, None);
        let two = results(&[(d(2026, 6, 14), 10.0), (d(2026, 9, 14), 90.0)]);
        assert_eq!(
            verdict(&undated, &two, start(), d(2026, 9, 20)),
            Verdict::NotMet
        );
    }
}
