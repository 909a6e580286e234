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

/// How the office reviews: the Ministry's CCHC calendar (data cut off on the
/// 14th, report by the 20th of the period's last month) or calendar quarters,
/// halves and years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    #[default]
    Ministry,
    Calendar,
}

/// The period settings of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PeriodRules {
    pub scheme: Scheme,
    /// Ministry scheme: the data cut-off day of the period's last month.
    pub cutoff_day: u32,
    /// Ministry scheme: the report is due by this day of that month; calendar
    /// scheme: this many days after the period ends.
    pub report_day: u32,
}

impl Default for PeriodRules {
    fn default() -> Self {
        PeriodRules {
            scheme: Scheme::Ministry,
            cutoff_day: 14,
            report_day: 20,
        }
    }
}

impl Period {
    /// First day of the data the period covers.
    pub fn start(self, rules: &PeriodRules) -> NaiveDate {
        match (rules.scheme, self.kind) {
            (Scheme::Ministry, PeriodKind::Q3) => ymd(self.year, 6, rules.cutoff_day + 1),
            (Scheme::Ministry, _) => ymd(self.year - 1, 12, rules.cutoff_day + 1),
            (Scheme::Calendar, PeriodKind::Q3) => ymd(self.year, 7, 1),
            (Scheme::Calendar, _) => ymd(self.year, 1, 1),
        }
    }

    /// The day the period's data is cut off.
    pub fn cutoff(self, rules: &PeriodRules) -> NaiveDate {
        let month = self.kind.cutoff_month();
        match rules.scheme {
            Scheme::Ministry => ymd(self.year, month, rules.cutoff_day),
            Scheme::Calendar => last_day(self.year, month),
        }
    }

    /// The day the report is due.
    pub fn report_due(self, rules: &PeriodRules) -> NaiveDate {
        match rules.scheme {
            Scheme::Ministry => ymd(self.year, self.kind.cutoff_month(), rules.report_day),
            Scheme::Calendar => {
                self.cutoff(rules) + chrono::Duration::days(i64::from(rules.report_day))
            }
        }
    }

    /// The period a day's review belongs to: the one whose report is being
    /// prepared, from its start until its report day. Between a cut-off and
    /// its report day (15–20/12 in the Ministry's calendar) that is still the
    /// closing period, whose report is due on the 20th.
    pub fn containing(date: NaiveDate, rules: &PeriodRules) -> Period {
        let mut period = Period {
            year: date.year() - 1,
            kind: PeriodKind::Year,
        };
        while period.report_due(rules) < date {
            period = period.next();
        }
        period
    }

    /// The period before, in cut-off order (Q1, 6 months, Q3, year).
    pub fn previous(self) -> Period {
        match self.kind {
            PeriodKind::Q1 => Period {
                year: self.year - 1,
                kind: PeriodKind::Year,
            },
            PeriodKind::H1 => Period {
                year: self.year,
                kind: PeriodKind::Q1,
            },
            PeriodKind::Q3 => Period {
                year: self.year,
                kind: PeriodKind::H1,
            },
            PeriodKind::Year => Period {
                year: self.year,
                kind: PeriodKind::Q3,
            },
        }
    }

    pub fn next(self) -> Period {
        match self.kind {
            PeriodKind::Q1 => Period {
                year: self.year,
                kind: PeriodKind::H1,
            },
            PeriodKind::H1 => Period {
                year: self.year,
                kind: PeriodKind::Q3,
            },
            PeriodKind::Q3 => Period {
                year: self.year,
                kind: PeriodKind::Year,
            },
            PeriodKind::Year => Period {
                year: self.year + 1,
                kind: PeriodKind::Q1,
            },
        }
    }

    /// Parses `2026-Q1`, `2026-H1`, `2026-Q3` or `2026` (any case).
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim().to_ascii_uppercase();
        let (year, kind) = match text.split_once(['-', '/']) {
            Some((year, "Q1")) => (year, PeriodKind::Q1),
            Some((year, "H1" | "6T")) => (year, PeriodKind::H1),
            Some((year, "Q3")) => (year, PeriodKind::Q3),
            Some((year, "Y" | "NAM")) => (year, PeriodKind::Year),
            Some(_) => return None,
            None => (text.as_str(), PeriodKind::Year),
        };
        let year: i32 = year.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        Some(Period { year, kind })
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

fn last_day(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        ymd(year + 1, 1, 1)
    } else {
        ymd(year, month + 1, 1)
    };
    next.pred_opt().unwrap_or(next)
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
    fn each_day_belongs_to_the_period_whose_report_is_being_prepared() {
        let rules = PeriodRules::default();
        let p = |date| Period::containing(date, &rules).code();
        assert_eq!(p(d(2026, 1, 10)), "2026-Q1");
        assert_eq!(p(d(2026, 3, 14)), "2026-Q1");
        // Until its report day, the closing period is the one reviewed.
        assert_eq!(p(d(2026, 3, 20)), "2026-Q1");
        assert_eq!(p(d(2026, 3, 21)), "2026-H1");
        assert_eq!(p(d(2026, 6, 20)), "2026-H1");
        assert_eq!(p(d(2026, 6, 21)), "2026-Q3");
        assert_eq!(p(d(2026, 9, 21)), "2026");
        assert_eq!(p(d(2026, 11, 26)), "2026");
        assert_eq!(p(d(2026, 12, 20)), "2026");
        assert_eq!(p(d(2026, 12, 21)), "2027-Q1");
    }

    #[test]
    fn windows_follow_the_ministry_calendar() {
        let rules = PeriodRules::default();
        let q1 = Period {
            year: 2027,
            kind: PeriodKind::Q1,
        };
        assert_eq!(q1.start(&rules), d(2026, 12, 15));
        assert_eq!(q1.cutoff(&rules), d(2027, 3, 14));
        assert_eq!(q1.report_due(&rules), d(2027, 3, 20));
    }

    #[test]
    fn calendar_periods_end_with_their_month() {
        let rules = PeriodRules {
            scheme: Scheme::Calendar,
            cutoff_day: 14,
            report_day: 10,
        };
        let h1 = Period {
            year: 2028,
            kind: PeriodKind::H1,
        };
        assert_eq!(h1.start(&rules), d(2028, 1, 1));
        assert_eq!(h1.cutoff(&rules), d(2028, 6, 30));
        assert_eq!(h1.report_due(&rules), d(2028, 7, 10));
        assert_eq!(Period::containing(d(2028, 12, 20), &rules).code(), "2028");
        assert_eq!(Period::containing(d(2028, 2, 29), &rules).code(), "2028-Q1");
    }

    #[test]
    fn periods_parse_walk_and_print() {
        for code in ["2026-Q1", "2026-H1", "2026-Q3", "2026"] {
            assert_eq!(Period::parse(code).unwrap().code(), code);
        }
        assert_eq!(Period::parse("2026-q3").unwrap().code(), "2026-Q3");
        assert_eq!(Period::parse("2026-Q2"), None);
        assert_eq!(Period::parse("26"), None);
        let p = Period::parse("2026").unwrap();
        assert_eq!(p.next().code(), "2027-Q1");
        assert_eq!(p.next().previous(), p);
        assert_eq!(Period::parse("2027-Q1").unwrap().previous().code(), "2026");
    }
}
