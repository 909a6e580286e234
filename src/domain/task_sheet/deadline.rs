//! The "Thời gian hoàn thành" column as plans write it: a date, a month, a
//! quarter or a year (due on its last day), or how often the work recurs.

use chrono::{Datelike, NaiveDate};

use super::Cell;
use crate::domain::catalog::{Cadence, PlanInfo};
use crate::domain::date::parse_date;
use crate::domain::text::fold;

/// When a task is due, as read from its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub cadence: Cadence,
    pub due: Option<NaiveDate>,
}

/// Why a deadline cell was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeadlineProblem {
    /// Not one of the forms this reads.
    Unreadable,
    /// A real date, outside the plan's years.
    OutsidePlan {
        date: NaiveDate,
        first_year: i32,
        last_year: i32,
    },
}

/// The deadline in `cell`; an empty cell is one-off work with no date.
pub fn read(cell: &Cell, plan: &PlanInfo) -> Result<Deadline, DeadlineProblem> {
    let due = match cell {
        Cell::Empty => return Ok(once(None)),
        Cell::Date(date) => *date,
        Cell::Number(n) => year_number(*n).ok_or(DeadlineProblem::Unreadable)?,
        Cell::Text(text) if text.trim().is_empty() => return Ok(once(None)),
        Cell::Text(text) => {
            if let Some(cadence) = recurring(text) {
                return Ok(Deadline { cadence, due: None });
            }
            written_date(text).ok_or(DeadlineProblem::Unreadable)?
        }
    };
    within_plan(due, plan)?;
    Ok(once(Some(due)))
}

fn once(due: Option<NaiveDate>) -> Deadline {
    Deadline {
        cadence: Cadence::Once,
        due,
    }
}

fn within_plan(date: NaiveDate, plan: &PlanInfo) -> Result<(), DeadlineProblem> {
    let (first_year, last_year) = (plan.start.year(), plan.end.year());
    if (first_year..=last_year).contains(&date.year()) {
        Ok(())
    } else {
        Err(DeadlineProblem::OutsidePlan {
            date,
            first_year,
            last_year,
        })
    }
}

/// A bare year typed as a number ("2027"): due on its last day.
fn year_number(n: f64) -> Option<NaiveDate> {
    if n.fract() != 0.0 || !(2000.0..=2100.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(n as i32, 12, 31)
}

fn recurring(text: &str) -> Option<Cadence> {
    match fold(text).trim_end_matches('.') {
        "thuong xuyen" | "lien tuc" => Some(Cadence::Continuous),
        "hang nam" => Some(Cadence::Yearly),
        "hang quy" => Some(Cadence::Quarterly),
        "hang tuan" => Some(Cadence::Weekly),
        _ => None,
    }
}

/// "30/06/2027", "Tháng 6/2027", "Quý II năm 2027", "Năm 2027", each
/// optionally after "trong" or "trước ngày".
fn written_date(text: &str) -> Option<NaiveDate> {
    let folded = fold(text);
    let folded = folded.trim_end_matches('.');
    let rest = ["truoc ngay ", "trong ", "truoc "]
        .iter()
        .find_map(|lead| folded.strip_prefix(lead))
        .unwrap_or(folded);
    if let Some(period) = rest.strip_prefix("thang ") {
        return month_end(period);
    }
    if let Some(period) = rest.strip_prefix("quy ") {
        return quarter_end(period);
    }
    if let Some(year) = rest.strip_prefix("nam ") {
        return year_end(year);
    }
    if let Some(day) = rest.strip_prefix("ngay ") {
        return parse_date(day).ok();
    }
    parse_date(rest)
        .ok()
        .or_else(|| month_end(rest))
        .or_else(|| year_end(rest))
}

/// "6/2027", "06/2027", "6 nam 2027", "6-2027".
fn month_end(period: &str) -> Option<NaiveDate> {
    let (month, year) = split_period(period)?;
    let month: u32 = month.parse().ok()?;
    last_day(year_of(year)?, month)
}

/// "II/2027", "2/2027", "II nam 2027", "IV - 2027".
fn quarter_end(period: &str) -> Option<NaiveDate> {
    let (quarter, year) = split_period(period)?;
    let quarter = match quarter {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => return None,
    };
    last_day(year_of(year)?, quarter * 3)
}

fn year_end(year: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year_of(year)?, 12, 31)
}

/// "6/2027" or "6 nam 2027" as ("6", "2027").
fn split_period(period: &str) -> Option<(&str, &str)> {
    let (first, year) = period
        .split_once(" nam ")
        .or_else(|| period.split_once(['/', '-', '.']))?;
    Some((first.trim(), year.trim()))
}

fn year_of(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> PlanInfo {
        crate::domain::Catalog::bundled()
            .expect("bundled catalog")
            .plan
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    fn due(text: &str) -> Result<Deadline, DeadlineProblem> {
        read(&Cell::Text(text.to_string()), &plan())
    }

    fn on(date: NaiveDate) -> Result<Deadline, DeadlineProblem> {
        Ok(once(Some(date)))
    }

    #[test]
    fn dates_in_cells_and_in_text() {
        assert_eq!(
            read(&Cell::Date(d(2027, 6, 30)), &plan()),
            on(d(2027, 6, 30))
        );
        assert_eq!(due("30/06/2027"), on(d(2027, 6, 30)));
        assert_eq!(due("5/3/2027"), on(d(2027, 3, 5)));
        assert_eq!(due("Trước ngày 15/12/2027"), on(d(2027, 12, 15)));
    }

    #[test]
    fn a_month_is_due_on_its_last_day() {
        assert_eq!(due("Tháng 6/2027"), on(d(2027, 6, 30)));
        assert_eq!(due("tháng 02/2028"), on(d(2028, 2, 29)));
        assert_eq!(due("Tháng 12 năm 2027"), on(d(2027, 12, 31)));
        assert_eq!(due("Trong tháng 9/2027"), on(d(2027, 9, 30)));
    }

    #[test]
    fn a_quarter_is_due_on_its_last_day() {
        assert_eq!(due("Quý II/2027"), on(d(2027, 6, 30)));
        assert_eq!(due("QUÝ IV/2027"), on(d(2027, 12, 31)));
        assert_eq!(due("Quý 2 năm 2027"), on(d(2027, 6, 30)));
        assert_eq!(due("Quý I - 2028"), on(d(2028, 3, 31)));
        assert_eq!(due("Quý V/2027"), Err(DeadlineProblem::Unreadable));
    }

    #[test]
    fn a_year_is_due_on_its_last_day() {
        assert_eq!(due("Năm 2027"), on(d(2027, 12, 31)));
        assert_eq!(due("Trong năm 2027"), on(d(2027, 12, 31)));
        assert_eq!(read(&Cell::Number(2027.0), &plan()), on(d(2027, 12, 31)));
    }

    #[test]
    fn recurring_work_has_no_date() {
        let every = |cadence| Ok(Deadline { cadence, due: None });
        assert_eq!(due("Thường xuyên"), every(Cadence::Continuous));
        assert_eq!(due("Hằng năm"), every(Cadence::Yearly));
        assert_eq!(due("Hàng năm"), every(Cadence::Yearly));
        assert_eq!(due("Hằng quý"), every(Cadence::Quarterly));
        assert_eq!(due("Hàng quý"), every(Cadence::Quarterly));
    }

    #[test]
    fn empty_is_one_off_work_without_a_date() {
        assert_eq!(read(&Cell::Empty, &plan()), Ok(once(None)));
        assert_eq!(due("  "), Ok(once(None)));
    }

    #[test]
    fn anything_else_is_refused() {
        for text in ["Sớm", "31/02/2027", "Tháng 13/2027", "6/27", "Hằng tháng"] {
            assert_eq!(due(text), Err(DeadlineProblem::Unreadable), "{text}");
        }
        assert_eq!(
            read(&Cell::Number(45000.5), &plan()),
            Err(DeadlineProblem::Unreadable)
        );
    }

    #[test]
    fn dates_outside_the_plans_years_are_refused() {
        let outside = |date| {
            Err(DeadlineProblem::OutsidePlan {
                date,
                first_year: 2026,
                last_year: 2030,
            })
        };
        assert_eq!(due("31/12/2031"), outside(d(2031, 12, 31)));
        assert_eq!(due("Năm 2025"), outside(d(2025, 12, 31)));
        assert_eq!(
            read(&Cell::Date(d(2024, 1, 1)), &plan()),
            outside(d(2024, 1, 1))
        );
    }
}
