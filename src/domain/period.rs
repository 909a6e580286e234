//! Review periods (kỳ báo cáo). By default the Ministry of Home Affairs' CCHC
//! reporting periods: data cut off on the 14th, report due by the 20th of the
//! period's last month (Quý I 15/12→14/3, 6 tháng 15/12→14/6, Quý III
//! 15/6→14/9, Năm 15/12→14/12).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PeriodKind {
    Q1,
    H1,
    Q3,
    Year,
}

/// One review period of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Q1,
        PeriodKind::H1,
        PeriodKind::Q3,
        PeriodKind::Year,
    ];

    fn cutoff_month(self) -> u32 {
        match self {
            PeriodKind::Q1 => 3,
            PeriodKind::H1 => 6,
            PeriodKind::Q3 => 9,
            PeriodKind::Year => 12,
        }
    }
}

impl Period {
    /// First day of the data the period covers.
    pub fn start(self) -> NaiveDate {
        match self.kind {
            PeriodKind::Q3 => ymd(self.year, 6, 15),
            _ => ymd(self.year - 1, 12, 15),
        }
    }

    /// The data cut-off: the 14th of the period's last month.
    pub fn cutoff(self) -> NaiveDate {
        ymd(self.year, self.kind.cutoff_month(), 14)
    }

    /// The report is sent no later than the 20th of the period's last month.
    pub fn report_due(self) -> NaiveDate {
        ymd(self.year, self.kind.cutoff_month(), 20)
    }

    /// The period a day's review belongs to: the earliest-closing period whose
    /// data window holds it (15/9–14/12 belongs to the year's report).
    pub fn containing(date: NaiveDate) -> Period {
        let year = if date > ymd(date.year(), 12, 14) {
            date.year() + 1
        } else {
            date.year()
        };
        PeriodKind::ALL
            .into_iter()
            .map(|kind| Period { year, kind })
            .find(|p| p.start() <= date && date <= p.cutoff())
            .unwrap_or(Period {
                year,
                kind: PeriodKind::Year,
            })
    }

    /// `2026-Q1`, `2026-H1`, `2026-Q3`, `2026`.
    pub fn code(self) -> String {
        match self.kind {
            PeriodKind::Q1 => format!("{}-Q1", self.year),
            PeriodKind::H1 => format!("{}-H1", self.year),
            PeriodKind::Q3 => format!("{}-Q3", self.year),
            PeriodKind::Year => self.year.to_string(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn each_day_belongs_to_the_earliest_closing_period() {
        let p = |date| Period::containing(date).code();
        assert_eq!(p(d(2026, 1, 10)), "2026-Q1");
        assert_eq!(p(d(2026, 3, 14)), "2026-Q1");
        assert_eq!(p(d(2026, 3, 15)), "2026-H1");
        assert_eq!(p(d(2026, 6, 15)), "2026-Q3");
        assert_eq!(p(d(2026, 9, 15)), "2026");
        assert_eq!(p(d(2026, 11, 26)), "2026");
        assert_eq!(p(d(2026, 12, 14)), "2026");
        assert_eq!(p(d(2026, 12, 15)), "2027-Q1");
    }

    #[test]
    fn windows_follow_the_ministry_calendar() {
        let q1 = Period {
            year: 2027,
            kind: PeriodKind::Q1,
        };
        assert_eq!(q1.start(), d(2026, 12, 15));
        assert_eq!(q1.cutoff(), d(2027, 3, 14));
        assert_eq!(q1.report_due(), d(2027, 3, 20));
    }
}
