//! The review period in words: its name, and the title bar's line about it.

use crate::i18n::*;

/// A line of `cchc period list`: "2027-Q1  quý I/2027  số liệu đến
/// 14/03/2027 · báo cáo 20/03/2027 · đã chốt: thuy, 16/03/2027 09:00".
pub fn period_line(
    entry: &crate::app::PeriodEntry<'_>,
    closed: Option<(String, chrono::DateTime<chrono::FixedOffset>)>,
    lang: Lang,
) -> String {
    let state = match closed {
        Some((who, at)) => format!(
            "{}: {who}, {}",
            lang.pick("đã chốt", "closed"),
            at.format("%d/%m/%Y %H:%M")
        ),
        None => lang.pick("đang mở", "open").to_string(),
    };
    format!(
        "{:<8} {:<22} {} {} · {} {} · {state}",
        entry.period.code(),
        period_name(entry.period, lang),
        lang.pick("số liệu đến", "data to"),
        crate::domain::date::format_date(entry.cutoff),
        lang.pick("báo cáo", "report"),
        crate::domain::date::format_date(entry.report_due),
    )
}

pub fn period_name(period: crate::domain::period::Period, lang: Lang) -> String {
    use crate::domain::period::PeriodKind as K;
    let year = period.year;
    match (period.kind, lang) {
        (K::Q1, Lang::Vi) => format!("Quý I/{year}"),
        (K::H1, Lang::Vi) => format!("6 tháng đầu năm {year}"),
        (K::Q3, Lang::Vi) => format!("Quý III/{year}"),
        (K::Year, Lang::Vi) => format!("Năm {year}"),
        (K::Q1, Lang::En) => format!("Q1 {year}"),
        (K::H1, Lang::En) => format!("H1 {year}"),
        (K::Q3, Lang::En) => format!("Q3 {year}"),
        (K::Year, Lang::En) => format!("Year {year}"),
    }
}

/// The period in the title bar where it has the room, in the words of the
/// office: "Kỳ báo cáo năm 2026: hạn báo cáo 20/12, còn 24 ngày".
pub fn period_status_long(
    period: crate::domain::period::Period,
    report_due: chrono::NaiveDate,
    days_left: i64,
    lang: Lang,
) -> String {
    let name = period_name(period, lang);
    let due = report_due.format("%d/%m").to_string();
    match lang {
        Lang::Vi => {
            // "Năm 2026" mid-sentence reads "năm 2026".
            let mut letters = name.chars();
            let name: String = letters
                .next()
                .map(|first| first.to_lowercase().chain(letters).collect())
                .unwrap_or_default();
            if days_left >= 0 {
                format!("Kỳ báo cáo {name}: hạn báo cáo {due}, còn {days_left} ngày")
            } else {
                format!("Kỳ báo cáo {name}: hạn báo cáo {due} đã qua")
            }
        }
        Lang::En => period_status(period, report_due, days_left, lang),
    }
}

/// The period in the title bar once it is closed: "Kỳ Quý I/2027: đã chốt
/// số liệu".
pub fn period_closed_status(period: crate::domain::period::Period, lang: Lang) -> String {
    let name = period_name(period, lang);
    match lang {
        Lang::Vi => format!("Kỳ {name}: đã chốt số liệu"),
        Lang::En => format!("{name}: closed"),
    }
}

pub fn period_status(
    period: crate::domain::period::Period,
    report_due: chrono::NaiveDate,
    days_left: i64,
    lang: Lang,
) -> String {
    let name = period_name(period, lang);
    let due = report_due.format("%d/%m").to_string();
    match lang {
        Lang::Vi if days_left >= 0 => format!("Kỳ {name}: báo cáo {due}, còn {days_left} ngày"),
        Lang::Vi => format!("Kỳ {name}: hạn báo cáo {due} đã qua"),
        Lang::En if days_left >= 0 => format!("{name}: report {due}, {days_left} d left"),
        Lang::En => format!("{name}: report was due {due}"),
    }
}
