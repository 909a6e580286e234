//! Calendar dates as the office writes them: dd/mm/yyyy shown, dd/mm/yyyy or
//! yyyy-mm-dd accepted.

use chrono::{Datelike, NaiveDate};

use super::InputError;

/// The years a date typed for this plan may fall in; anything else is a typo.
pub const ACCEPTED_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Parses `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`) or `yyyy-mm-dd`.
pub fn parse_date(input: &str) -> Result<NaiveDate, InputError> {
    let text = input.trim();
    let bad = || InputError::BadDate(input.to_string());
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(bad());
    };
    let number = |s: &str| -> Result<u32, InputError> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else if c.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else {
        return Err(bad());
    };
    let year = i32::try_from(year).map_err(|_| bad())?;
    if !ACCEPTED_YEARS.contains(&year) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)
}

/// `dd/mm/yyyy`, the way dates are written in the plan and in meetings.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_both_office_and_iso_forms() {
        assert_eq!(parse_date("05/03/2026"), Ok(d(2026, 3, 5)));
        assert_eq!(parse_date("5/3/2026"), Ok(d(2026, 3, 5)));
        assert_eq!(parse_date("2026-03-05"), Ok(d(2026, 3, 5)));
        assert_eq!(parse_date(" 29/02/2028 "), Ok(d(2028, 2, 29)));
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "31/02/2026",
            "29/02/2027",
            "00/01/2026",
            "1/13/2026",
            "2026/1",
            "",
            "abc",
            "12/05/26",
            "01/01/1900",
            "+1/01/2026",
        ] {
            assert!(parse_date(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn shows_day_month_year() {
        assert_eq!(format_date(d(2027, 12, 31)), "31/12/2027");
        assert_eq!(format_date(d(2026, 1, 2)), "02/01/2026");
    }
}
